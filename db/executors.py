"""Departments' executors, their open load, round-robin turns and away periods."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import AssignCursor, AwayPeriod, DepartmentExecutor, Request
from db.session import insert_ignore
from db.statuses import OPEN_STATUSES, Status


async def join(session: AsyncSession, department_key: str, user_id: int, now: datetime,
               source: str = "pressed") -> None:
    """``user_id`` works for the department from now on (nothing when already listed)."""
    await session.execute(insert_ignore(session, DepartmentExecutor).values(
        department_key=department_key, user_id=user_id, source=source, since=now))


async def listed(session: AsyncSession, department_key: str) -> list[int]:
    """The department's executors kept in the database, the earliest first."""
    return list(await session.scalars(
        select(DepartmentExecutor.user_id)
        .where(DepartmentExecutor.department_key == department_key)
        .order_by(DepartmentExecutor.since, DepartmentExecutor.user_id)))


async def open_load(session: AsyncSession, department_key: str, user_ids: Iterable[int]
                    ) -> dict[int, int]:
    """How many open requests of the department each person has assigned."""
    ids = list(user_ids)
    load = dict.fromkeys(ids, 0)
    if not ids:
        return load
    rows = await session.execute(
        select(Request.assignee_id, func.count())
        .where(Request.department_key == department_key, Request.assignee_id.in_(ids),
               Request.status.in_([s.value for s in OPEN_STATUSES]))
        .group_by(Request.assignee_id))
    for user_id, count in rows:
        if user_id is not None:
            load[int(user_id)] = int(count)
    return load


async def away_on(session: AsyncSession, user_ids: Iterable[int], day: date) -> set[int]:
    """Who of ``user_ids`` is away on ``day``."""
    ids = list(user_ids)
    if not ids:
        return set()
    return set(await session.scalars(
        select(AwayPeriod.user_id).where(AwayPeriod.user_id.in_(ids), AwayPeriod.starts <= day,
                                         AwayPeriod.ends >= day)))


async def last_turn(session: AsyncSession, department_key: str) -> int | None:
    """Whom the department's round robin assigned last (None: nobody yet). The row is
    held until the transaction ends (PostgreSQL; SQLite's BEGIN IMMEDIATE admits one
    writer), so a second instance filing at once waits for this turn to be taken."""
    await session.execute(insert_ignore(session, AssignCursor).values(
        department_key=department_key, last_user_id=None))
    cursor = await session.get(AssignCursor, department_key, populate_existing=True,
                               with_for_update=True)
    return cursor.last_user_id if cursor is not None else None


async def move_turn(session: AsyncSession, department_key: str, seen: int | None,
                    to: int) -> bool:
    """The turn passes to ``to`` if nobody moved it since it was read as ``seen``."""
    column = AssignCursor.last_user_id
    result = await session.execute(
        update(AssignCursor)
        .where(AssignCursor.department_key == department_key,
               column.is_(None) if seen is None else column == seen)
        .values(last_user_id=to).execution_options(synchronize_session=False))
    return result.rowcount == 1  # type: ignore[attr-defined]


def add_away(session: AsyncSession, user_id: int, starts: date, ends: date,
             deputy_id: int | None, now: datetime) -> None:
    session.add(AwayPeriod(user_id=user_id, starts=starts, ends=ends, deputy_id=deputy_id,
                           created_at=now))


async def drop_pending_away(session: AsyncSession, user_id: int, starts: date,
                            ends: date) -> None:
    """Periods not handed over yet that overlap ``starts``–``ends``: replaced."""
    await session.execute(delete(AwayPeriod).where(
        AwayPeriod.user_id == user_id, AwayPeriod.handed_over_at.is_(None),
        AwayPeriod.starts <= ends, AwayPeriod.ends >= starts))


async def end_away(session: AsyncSession, user_id: int, today: date) -> int:
    """Back from today: periods going on end yesterday, later ones are dropped; how
    many periods were changed."""
    dropped = await session.execute(delete(AwayPeriod).where(
        AwayPeriod.user_id == user_id, AwayPeriod.starts >= today))
    ended = await session.execute(
        update(AwayPeriod).where(AwayPeriod.user_id == user_id, AwayPeriod.starts < today,
                                 AwayPeriod.ends >= today)
        .values(ends=today - timedelta(days=1))
        .execution_options(synchronize_session=False))
    return int(dropped.rowcount or 0) + int(ended.rowcount or 0)  # type: ignore[attr-defined]


async def due_hand_overs(session: AsyncSession, today: date) -> list[AwayPeriod]:
    """Periods going on today whose work has not been handed over yet."""
    return list(await session.scalars(
        select(AwayPeriod).where(AwayPeriod.handed_over_at.is_(None), AwayPeriod.starts <= today,
                                 AwayPeriod.ends >= today).order_by(AwayPeriod.id)))


async def claim_hand_over(session: AsyncSession, period_id: int, now: datetime) -> bool:
    """Mark the period handed over; False when another scan was first."""
    result = await session.execute(
        update(AwayPeriod).where(AwayPeriod.id == period_id, AwayPeriod.handed_over_at.is_(None))
        .values(handed_over_at=now).execution_options(synchronize_session=False))
    return result.rowcount == 1  # type: ignore[attr-defined]


async def worked_by(session: AsyncSession, user_id: int) -> list[Request]:
    """The open requests someone is working on (taken, or waiting for an answer)."""
    return list(await session.scalars(
        select(Request).where(Request.assignee_id == user_id,
                              Request.status.in_([Status.IN_PROGRESS.value,
                                                  Status.WAITING.value]))
        .order_by(Request.id)))
