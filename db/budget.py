"""Telegram's limits as one budget in the database, for several instances.

Each key (a chat id; 0 for the whole bot) keeps the times of its recent sends
and the end of a ``retry_after``. A send is reserved by locking the rows it
spends, in key order (no deadlocks), checking every window, and appending now.
Times are wall-clock seconds: instances share no monotonic clock.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import SendBudget
from db.session import insert_ignore

GLOBAL = 0


class Window(NamedTuple):
    """At most ``limit`` sends to ``key`` in any ``seconds``."""

    key: int
    limit: int
    seconds: float


async def _rows(session: AsyncSession, keys: Sequence[int]) -> dict[int, SendBudget]:
    await session.execute(insert_ignore(session, SendBudget.__table__).values(
        [{"key": key, "stamps": [], "paused_until": 0.0} for key in keys]))
    found = await session.scalars(
        select(SendBudget).where(SendBudget.key.in_(keys)).order_by(SendBudget.key)
        .with_for_update().execution_options(populate_existing=True))
    return {row.key: row for row in found}


async def reserve(session: AsyncSession, windows: Sequence[Window], now: float) -> float:
    """Spend one send from every window now and return 0, or return how many
    seconds to wait (spending nothing)."""
    rows = await _rows(session, sorted({w.key for w in windows}))
    wait = max(row.paused_until - now for row in rows.values())
    kept: dict[int, list[float]] = {}
    for window in windows:
        recent = [s for s in rows[window.key].stamps if s > now - window.seconds]
        if len(recent) >= window.limit:
            wait = max(wait, recent[-window.limit] + window.seconds - now)
        kept[window.key] = recent[-(window.limit - 1):] if window.limit > 1 else []
    if wait > 0:
        return wait
    for key, recent in kept.items():
        await session.execute(update(SendBudget).where(SendBudget.key == key)
                              .values(stamps=[*recent, now]))
    return 0.0


async def sent(session: AsyncSession, keys: Sequence[int], now: float) -> None:
    """The last send to these keys is done: count it from now (as bot.pacer does)."""
    rows = await _rows(session, sorted(set(keys)))
    for key, row in rows.items():
        if row.stamps:
            stamps = list(row.stamps)
            stamps[-1] = max(stamps[-1], now)
            await session.execute(update(SendBudget).where(SendBudget.key == key)
                                  .values(stamps=stamps))


async def pause(session: AsyncSession, key: int, until: float) -> None:
    """No send to ``key`` (GLOBAL: to any chat) before ``until``."""
    await _rows(session, [key])
    await session.execute(update(SendBudget).where(SendBudget.key == key,
                                                   SendBudget.paused_until < until)
                          .values(paused_until=until))


async def paused_until(session: AsyncSession, keys: Sequence[int]) -> float:
    found = await session.scalars(select(SendBudget.paused_until)
                                  .where(SendBudget.key.in_(keys)))
    return max(found, default=0.0)
