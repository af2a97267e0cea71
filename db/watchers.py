"""The people kept informed of a request (watchers)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import Watcher
from db.session import insert_ignore

# the most people one request keeps informed (Telegram's picker offers up to 5 at a
# time; Follow adds one more each)
MAX_WATCHERS = 50


async def watchers_of(session: AsyncSession, request_id: int) -> list[int]:
    """The watchers' ids, in the order they were added."""
    return list(await session.scalars(
        select(Watcher.user_id).where(Watcher.request_id == request_id)
        .order_by(Watcher.added_at, Watcher.user_id)))


async def is_watcher(session: AsyncSession, request_id: int, user_id: int) -> bool:
    return await session.scalar(select(Watcher.user_id).where(
        Watcher.request_id == request_id, Watcher.user_id == user_id)) is not None


async def add(session: AsyncSession, request_id: int, user_ids: Iterable[int], added_by: int,
              now: datetime) -> list[int]:
    """Add people not yet watching (a pair already there is left alone, also when a
    second instance adds it at the same moment); the ids added."""
    wanted = list(dict.fromkeys(user_ids))
    if not wanted:
        return []
    have = set(await session.scalars(select(Watcher.user_id).where(
        Watcher.request_id == request_id, Watcher.user_id.in_(wanted))))
    new = [u for u in wanted if u not in have]
    if not new:
        return []
    await session.execute(insert_ignore(session, Watcher).values([
        {"request_id": request_id, "user_id": u, "added_by": added_by, "added_at": now}
        for u in new]))
    return new


async def remove(session: AsyncSession, request_id: int, user_id: int) -> bool:
    result = await session.execute(delete(Watcher).where(
        Watcher.request_id == request_id, Watcher.user_id == user_id))
    return result.rowcount == 1  # type: ignore[attr-defined]
