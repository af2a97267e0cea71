"""Update deduplication: an update's effect is recorded with the effect itself."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import ProcessedUpdate
from db.session import insert_ignore


async def first_time(session: AsyncSession, update_id: int | None, now: datetime) -> bool:
    """Record the update; False when its effect was already done (a redelivery)."""
    if update_id is None:
        return True
    result = await session.execute(
        insert_ignore(session, ProcessedUpdate).values(update_id=update_id, at=now))
    return result.rowcount == 1  # type: ignore[attr-defined]


async def forget_before(session: AsyncSession, before: datetime) -> None:
    """Telegram redelivers for a day at most; older records are not needed."""
    await session.execute(delete(ProcessedUpdate).where(ProcessedUpdate.at < before))
