"""The figures /metrics reads from the database at scrape time.

The database is the source of truth and several instances may share it, so
these are read from it (and cached a few seconds by ``bot.metrics``) rather
than counted in one process. Each query uses an index: open requests are few
compared to the history, and the SLA misses are counted from a covering index.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import OutboxMessage, Request
from db.stats import RUNNING
from db.statuses import OPEN_STATUSES, Status

_OPEN = sorted(str(s) for s in OPEN_STATUSES)


@dataclass
class Snapshot:
    # (department, status) → open requests
    open_requests: dict[tuple[str, str], int] = field(default_factory=dict)
    # (department, "response" | "resolve") → open requests past that deadline now
    overdue: dict[tuple[str, str], int] = field(default_factory=dict)
    # (department, "response" | "resolve") → requests that missed that SLA, ever
    missed: dict[tuple[str, str], int] = field(default_factory=dict)
    # "pending" | "due" | "failed" → outbox messages
    outbox: dict[str, int] = field(default_factory=dict)


async def snapshot(session: AsyncSession, now: datetime) -> Snapshot:
    result = Snapshot()
    by_status = await session.execute(
        select(Request.department_key, Request.status, func.count())
        .where(Request.status.in_(_OPEN))
        .group_by(Request.department_key, Request.status))
    for department, status, count in by_status:
        result.open_requests[(department, status)] = int(count)
    # the clocks as alerts and /stats run them: response while new, resolution
    # while new or in progress (stopped while waiting for the requester, and once done)
    response_late = and_(Request.status == Status.NEW.value, Request.response_due_at < now)
    resolve_late = Request.resolve_due_at < now
    late = await session.execute(
        select(Request.department_key, func.count().filter(response_late),
               func.count().filter(resolve_late))
        .where(Request.status.in_(RUNNING), or_(response_late, resolve_late))
        .group_by(Request.department_key))
    for department, response, resolve in late:
        for clock, count in (("response", response), ("resolve", resolve)):
            if count:
                result.overdue[(department, clock)] = int(count)
    for clock, met in (("response", Request.response_met), ("resolve", Request.resolve_met)):
        rows = await session.execute(
            select(Request.department_key, func.count())
            .where(met == False)  # noqa: E712 - `= false` can use the index
            .group_by(Request.department_key))
        for department, count in rows:
            result.missed[(department, clock)] = int(count)
    owed = await session.execute(
        select(OutboxMessage.status, func.count(), func.count().filter(OutboxMessage.due_at <= now))
        .where(OutboxMessage.status.in_(("pending", "failed")))
        .group_by(OutboxMessage.status))
    result.outbox = {"pending": 0, "failed": 0, "due": 0}
    for status, count, due in owed:
        result.outbox[status] = int(count)
        if status == "pending":
            result.outbox["due"] = int(due)
    return result
