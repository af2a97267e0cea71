"""The figures managers see: plain data, computed in the database by db/stats.py
(for an organisation: core/stats.py) and formatted by bot/ (text and chart).
Durations are working seconds."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class DailyPoint:
    day: date
    created: int
    done: int


@dataclass(frozen=True)
class WeeklyCompliance:
    week_start: date  # Monday
    response_met: int
    response_total: int
    resolve_met: int
    resolve_total: int


@dataclass(frozen=True)
class Series:
    daily: list[DailyPoint]  # every day of the period, zeros included, oldest first
    weekly: list[WeeklyCompliance]  # every week touching the period, oldest first


@dataclass(frozen=True)
class Percentiles:
    count: int
    p50: float | None
    p90: float | None


@dataclass(frozen=True)
class Compliance:
    met: int
    breached: int

    @property
    def share(self) -> float | None:
        total = self.met + self.breached
        return self.met / total if total else None


@dataclass(frozen=True)
class ExecutorStats:
    user_id: int
    open_assigned: int
    done: int
    finish_p50: float | None
    rating_avg: float | None
    ratings: int


@dataclass(frozen=True)
class Ratings:
    count: int
    average: float | None
    satisfied: int  # ratings of 4 or 5

    @property
    def csat(self) -> float | None:
        return self.satisfied / self.count if self.count else None


@dataclass(frozen=True)
class DepartmentStats:
    key: str
    created: int
    open_by_status: dict[str, int]
    taken: int
    done: int
    time_to_take: Percentiles
    time_to_finish: Percentiles
    response: Compliance
    resolve: Compliance
    stuck: int
    transfers_in: int
    transfers_out: int
    ratings: Ratings
    executors: list[ExecutorStats] = field(default_factory=list)
    reassigns: int = 0  # requests given from one executor to another (Reassign, hand-overs)
    # filed in the period and cancelled by the requester: neither met nor breached
    cancelled: int = 0
    # approvals asked for in the period, how many of them were declined, and the
    # working time from asking to Approve of those approved in the period
    approvals_asked: int = 0
    approvals_declined: int = 0
    time_to_approve: Percentiles = Percentiles(0, None, None)

    @property
    def open_total(self) -> int:
        return sum(self.open_by_status.values())


@dataclass(frozen=True)
class Flow:
    """Requests from people of one department (or unknown) to another."""

    source: str | None  # the requesters' department, None when not known
    target: str
    count: int


@dataclass(frozen=True)
class StatsReport:
    days: int
    departments: list[DepartmentStats]
    flows: list[Flow]


@dataclass(frozen=True)
class RatingLine:
    """One rating with its comment (the lowest of a week, the newest low ones)."""

    request_id: int
    department_key: str
    score: int
    comment: str | None
    rater_id: int
    assignee_id: int | None
    rated_at: datetime


@dataclass(frozen=True)
class OpenLine:
    """An open request in a list (breached now, stuck)."""

    request_id: int
    type_name: str  # as stored (the organisation's language when it was filed)
    status: str
    due: datetime | None  # the deadline it missed, or its last movement (stuck)
    department_key: str = ""
    type_key: str = ""
