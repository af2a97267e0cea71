"""The outbox: messages owed, committed with the change that owes them."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import OutboxMessage

# long enough for one send with python-telegram-bot's timeouts; a lease left by a
# killed instance frees the message for another sender after this
LEASE = timedelta(seconds=30)


def enqueue(
    session: AsyncSession,
    now: datetime,
    *,
    chat_id: int,
    kind: str,
    payload: dict[str, Any],
    request_id: int | None = None,
    thread_id: int | None = None,
) -> OutboxMessage:
    item = OutboxMessage(
        created_at=now, due_at=now, chat_id=chat_id, thread_id=thread_id, kind=kind,
        request_id=request_id, payload=payload, status="pending", attempts=0,
    )
    session.add(item)
    return item


def row(now: datetime, *, chat_id: int, kind: str, payload: dict[str, Any],
        request_id: int | None = None, thread_id: int | None = None) -> dict[str, Any]:
    """An outbox row as plain values, for inserting many at once."""
    return {"created_at": now, "due_at": now, "chat_id": chat_id, "thread_id": thread_id,
            "kind": kind, "request_id": request_id, "payload": payload, "status": "pending",
            "attempts": 0}


async def enqueue_many(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    if rows:
        await session.execute(insert(OutboxMessage.__table__), rows)  # type: ignore[arg-type]


async def due_items(session: AsyncSession, now: datetime, limit: int = 50) -> list[OutboxMessage]:
    rows = await session.scalars(
        select(OutboxMessage)
        .where(
            OutboxMessage.status == "pending",
            OutboxMessage.due_at <= now,
            or_(OutboxMessage.locked_until.is_(None), OutboxMessage.locked_until < now),
        )
        .order_by(OutboxMessage.id)
        .limit(limit)
    )
    return list(rows)


async def claim(session: AsyncSession, item_id: int, now: datetime) -> bool:
    """Lease one item to this sender; another instance's sender then skips it."""
    result = await session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.id == item_id,
            OutboxMessage.status == "pending",
            OutboxMessage.due_at <= now,  # a listing may be stale: it may have been retried
            or_(OutboxMessage.locked_until.is_(None), OutboxMessage.locked_until < now),
        )
        .values(locked_until=now + LEASE, attempts=OutboxMessage.attempts + 1)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1  # type: ignore[attr-defined]


async def mark_sent(session: AsyncSession, item_id: int, message_id: int | None) -> None:
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == item_id)
        .values(status="sent", sent_message_id=message_id, locked_until=None)
    )


async def retry_later(session: AsyncSession, item_id: int, due: datetime, error: str) -> None:
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == item_id)
        .values(due_at=due, locked_until=None, last_error=error[:500])
    )


async def mark_failed(session: AsyncSession, item_id: int, error: str) -> None:
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == item_id)
        .values(status="failed", locked_until=None, last_error=error[:500])
    )


async def pending_count(session: AsyncSession, now: datetime | None = None) -> int:
    from sqlalchemy import func

    query = select(func.count()).select_from(OutboxMessage).where(
        OutboxMessage.status == "pending"
    )
    if now is not None:
        query = query.where(OutboxMessage.due_at <= now)
    return int(await session.scalar(query) or 0)


async def has_pending_card(session: AsyncSession, request_id: int, chat_id: int,
                           thread_id: int | None) -> bool:
    found = await session.scalar(
        select(OutboxMessage.id).where(
            and_(
                OutboxMessage.request_id == request_id,
                OutboxMessage.chat_id == chat_id,
                OutboxMessage.thread_id.is_(None) if thread_id is None
                else OutboxMessage.thread_id == thread_id,  # another topic is another card
                OutboxMessage.kind == "card",
                OutboxMessage.status == "pending",
                OutboxMessage.locked_until.is_(None),
            )
        ).limit(1)
    )
    return found is not None
