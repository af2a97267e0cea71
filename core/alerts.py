"""What the scheduler owes a request, and when: plain Python over its clocks.

Reminders fire when a share (``sla.remind_at``) of an SLA is used, a breach
when a deadline passes, then the rating question, one rating reminder and
auto-closing after Done. Each alert has a key naming the deadline it is
about, so a changed deadline gets fresh alerts and none is sent twice.

The response clock starts afresh (a release, a transfer): its keys name its
deadline. The resolution clock is never started afresh, only paused (a question,
Done) and resumed where it stopped, which moves its deadline without making the
request any less late: its keys name the clock alone, so one lateness is escalated
once however many questions are asked after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from core.calendar import WorkCalendar
from core.lifecycle import Status
from core.org import OrgConfig


@dataclass(frozen=True)
class Alert:
    key: str  # unique per request and deadline, ≤ 64 characters
    kind: str  # remind | breach | rate_ask | rate_remind | auto_close | approval_remind
    # | approval_escalate
    at: datetime  # when it is due
    clock: str | None = None  # response | resolve, for remind and breach
    due: datetime | None = None  # the deadline a reminder or breach is about
    fraction: float | None = None


@dataclass(frozen=True)
class Clocks:
    """The part of a request the planner reads."""

    status: str
    response_due_at: datetime | None
    response_seconds: float
    resolve_due_at: datetime | None
    resolve_seconds: float
    done_at: datetime | None
    rated: bool = False
    auto_closed: bool = False
    approval_asked_at: datetime | None = None
    approval_remind_s: float | None = None


def _stamp(at: datetime) -> str:
    return str(int(at.timestamp()))


# the clocks whose alerts are about the clock, not one deadline of it (see above)
RESUMED_CLOCKS = frozenset({"resolve"})


def _key(clock: str, which: str, due: datetime) -> str:
    return f"{clock}:{which}" if clock in RESUMED_CLOCKS else f"{clock}:{which}:{_stamp(due)}"


def _sla_alerts(cal: WorkCalendar, org: OrgConfig, clock: str, due: datetime,
                total: float) -> list[Alert]:
    alerts = []
    for fraction in sorted(set(org.sla.remind_at)):
        # the instant when (1 - fraction) of the SLA is left: correct after pauses too
        at = cal.add(due, -(1 - fraction) * total)
        alerts.append(Alert(_key(clock, f"{fraction:g}", due), "remind", at, clock, due,
                            fraction))
    alerts.append(Alert(_key(clock, "breach", due), "breach", due, clock, due))
    return alerts


def sent_keys(stored: set[str]) -> set[str]:
    """The keys of alerts already sent, as ``plan`` names them now: a resolution
    alert stored before its key named the clock alone (with a deadline) counts."""
    return stored | {key.rsplit(":", 1)[0] for key in stored
                     if key.split(":", 1)[0] in RESUMED_CLOCKS and key.count(":") == 2}


def plan(clocks: Clocks, org: OrgConfig) -> list[Alert]:
    """Every alert of the request's current state, due or not."""
    cal = org.work_calendar
    alerts: list[Alert] = []
    status = Status(clocks.status)
    if status is Status.APPROVAL and clocks.approval_asked_at is not None \
            and clocks.approval_remind_s:
        # one reminder to the approvers, then the admins: it never waits unseen
        asked, every = clocks.approval_asked_at, clocks.approval_remind_s
        alerts.append(Alert("approval:remind", "approval_remind", cal.add(asked, every)))
        alerts.append(Alert("approval:escalate", "approval_escalate",
                            cal.add(asked, 2 * every)))
    if status is Status.NEW and clocks.response_due_at is not None:
        alerts += _sla_alerts(cal, org, "response", clocks.response_due_at,
                              clocks.response_seconds)
    if status in (Status.NEW, Status.IN_PROGRESS) and clocks.resolve_due_at is not None:
        alerts += _sla_alerts(cal, org, "resolve", clocks.resolve_due_at, clocks.resolve_seconds)
    rating_open = status is Status.ON_REVIEW or (status is Status.CLOSED
                                                 and not clocks.auto_closed)
    if rating_open and clocks.done_at is not None:
        done, stamp = clocks.done_at, _stamp(clocks.done_at)
        ask_delay = cal.seconds(org.rating.ask_after)
        asked = cal.add(done, ask_delay)
        if ask_delay > 0 and status is Status.ON_REVIEW and not clocks.rated:
            alerts.append(Alert(f"rating:ask:{stamp}", "rate_ask", asked))
        if not clocks.rated:
            alerts.append(Alert(f"rating:remind:{stamp}", "rate_remind",
                                cal.add(asked, cal.seconds(org.rating.remind_after))))
        if status is Status.ON_REVIEW:
            alerts.append(Alert(f"close:{stamp}", "auto_close",
                                cal.add(done, cal.seconds(org.rating.auto_close_after))))
    return alerts


def rating_expires_at(done_at: datetime, org: OrgConfig) -> datetime:
    """An unanswered rating question expires when the request would auto-close."""
    cal = org.work_calendar
    return cal.add(done_at, cal.seconds(org.rating.auto_close_after))


def select_due(alerts: list[Alert], sent: set[str], now: datetime
               ) -> tuple[list[Alert], list[Alert], datetime | None]:
    """(alerts to send now, due alerts to mark without sending, next instant).

    When a breach is due, the reminders before it are stale: they are marked
    as done rather than sent, so a scheduler that was down does not flood.
    """
    sent = sent_keys(sent)
    open_alerts = [a for a in alerts if a.key not in sent]
    due = [a for a in open_alerts if a.at <= now]
    breached = {a.clock for a in due if a.kind == "breach"}
    send = [a for a in due if not (a.kind == "remind" and a.clock in breached)]
    if any(a.kind == "approval_escalate" for a in due):  # the admins are told instead
        send = [a for a in send if a.kind != "approval_remind"]
    if any(a.kind == "auto_close" for a in due):
        send = [a for a in send if a.kind not in ("rate_ask", "rate_remind")]
    # only the latest reminder of one clock is worth sending
    latest: dict[str | None, Alert] = {}
    for alert in send:
        if alert.kind == "remind" and (alert.clock not in latest
                                       or alert.at > latest[alert.clock].at):
            latest[alert.clock] = alert
    send = [a for a in send if a.kind != "remind" or latest.get(a.clock) is a]
    skipped = [a for a in due if a not in send]
    upcoming = [a.at for a in open_alerts if a.at > now]
    return send, skipped, min(upcoming, default=None)
