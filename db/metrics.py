"""The figures /metrics reads from the database at scrape time.

The database is the source of truth and several instances may share it, so
these are read from it (and cached a few seconds by ``bot.metrics``) rather
than counted in one process. Each query uses an index: open requests are few
compared to the history, and the SLA misses are counted from a covering index.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import and_, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.lifecycle import OPEN_STATUSES, Status
from db.models import OutboxMessage, Request

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
    # response clock: not taken yet; resolution clock: taken and running (it is
    # stopped while waiting for the requester and once done)
    for clock, status, column in (("response", Status.NEW, Request.response_due_at),
                                  ("resolve", Status.IN_PROGRESS, Request.resolve_due_at)):
        rows = await session.execute(
            select(Request.department_key, func.count())
            .where(and_(Request.status == str(status), column.is_not(None), column < now))
            .group_by(Request.department_key))
        for department, count in rows:
            result.overdue[(department, clock)] = int(count)
    for clock, met in (("response", Request.response_met), ("resolve", Request.resolve_met)):
        rows = await session.execute(
            select(Request.department_key, func.count())
            .where(met == False)  # noqa: E712 - `= false` can use the index
            .group_by(Request.department_key))
        for department, count in rows:
            result.missed[(department, clock)] = int(count)
    owed = await session.execute(
        select(OutboxMessage.status, func.count())
        .where(OutboxMessage.status.in_(("pending", "failed")))
        .group_by(OutboxMessage.status))
    result.outbox = {"pending": 0, "failed": 0}
    for status, count in owed:
        result.outbox[status] = int(count)
    result.outbox["due"] = int(await session.scalar(
        select(func.count()).select_from(OutboxMessage)
        .where(OutboxMessage.status == "pending", OutboxMessage.due_at <= now)) or 0)
    return result
