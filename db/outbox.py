"""The outbox: messages owed, committed with the change that owes them.

A sender leases a message by a conditional UPDATE that also counts the attempt;
the attempt number is the lease's token: every outcome written for it (sent,
retry, failed, progress) is conditional on it, so a sender whose lease ran out
and was taken by another never overwrites what the other did.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, NamedTuple

from sqlalchemy import and_, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import OutboxMessage

# long enough for one Telegram call with python-telegram-bot's timeouts; a sender
# renews it before every wait, and a lease left by a killed instance frees the
# message for another sender after this
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
        request_id=request_id, payload=payload, status="pending", attempts=0, parts_done=0,
    )
    session.add(item)
    return item


def row(now: datetime, *, chat_id: int, kind: str, payload: dict[str, Any],
        request_id: int | None = None, thread_id: int | None = None) -> dict[str, Any]:
    """An outbox row as plain values, for inserting many at once."""
    return {"created_at": now, "due_at": now, "chat_id": chat_id, "thread_id": thread_id,
            "kind": kind, "request_id": request_id, "payload": payload, "status": "pending",
            "attempts": 0, "parts_done": 0}


async def enqueue_many(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    if rows:
        await session.execute(insert(OutboxMessage.__table__), rows)  # type: ignore[arg-type]


def _free(now: datetime) -> Any:
    return or_(OutboxMessage.locked_until.is_(None), OutboxMessage.locked_until < now)


class Head(NamedTuple):
    """The oldest pending message of one chat."""

    id: int
    chat_id: int


async def due_heads(session: AsyncSession, now: datetime, after_id: int = 0,
                    limit: int = 200) -> list[Head]:
    """Per chat, its oldest pending message when that one is due and not leased, in
    id order after ``after_id``: a chat's messages go in order, and a chat that
    cannot take more (or whose head waits for a retry) never hides the others."""
    heads = (select(func.min(OutboxMessage.id).label("id"))
             .where(OutboxMessage.status == "pending")
             .group_by(OutboxMessage.chat_id).subquery())
    rows = await session.execute(
        select(OutboxMessage.id, OutboxMessage.chat_id)
        .join(heads, OutboxMessage.id == heads.c.id)
        .where(OutboxMessage.due_at <= now, _free(now), OutboxMessage.id > after_id)
        .order_by(OutboxMessage.id)
        .limit(limit)
    )
    return [Head(r.id, r.chat_id) for r in rows]


async def claim(session: AsyncSession, item_id: int, now: datetime) -> OutboxMessage | None:
    """Lease one item to this sender (another instance's sender then skips it) and
    return it, its ``attempts`` being the lease's token; None if not free now."""
    return await session.scalar(  # one statement: the lease and the row it leased
        update(OutboxMessage)
        .where(
            OutboxMessage.id == item_id,
            OutboxMessage.status == "pending",
            OutboxMessage.due_at <= now,  # a listing may be stale: it may have been retried
            _free(now),
        )
        .values(locked_until=now + LEASE, attempts=OutboxMessage.attempts + 1)
        .returning(OutboxMessage)
        .execution_options(synchronize_session=False, populate_existing=True)
    )


def _held(item_id: int, attempt: int) -> Any:
    """The item is still leased by the claim that counted ``attempt``."""
    return and_(OutboxMessage.id == item_id, OutboxMessage.attempts == attempt,
                OutboxMessage.status == "pending")


async def _outcome(session: AsyncSession, item_id: int, attempt: int, **values: Any) -> bool:
    result = await session.execute(
        update(OutboxMessage).where(_held(item_id, attempt)).values(**values)
        .execution_options(synchronize_session=False))
    return result.rowcount == 1  # type: ignore[attr-defined]


async def progress(session: AsyncSession, item_id: int, attempt: int, parts_done: int,
                   lease_until: datetime) -> bool:
    """Record the parts posted so far and extend the lease over the coming wait;
    False if the lease is no longer ours (stop: another sender has the message)."""
    return await _outcome(session, item_id, attempt, parts_done=parts_done,
                          locked_until=lease_until)


async def mark_sent(session: AsyncSession, item_id: int, attempt: int,
                    message_id: int | None) -> bool:
    return await _outcome(session, item_id, attempt, status="sent",
                          sent_message_id=message_id, locked_until=None)


async def retry_later(session: AsyncSession, item_id: int, attempt: int, due: datetime,
                      error: str, parts_done: int | None = None) -> bool:
    values: dict[str, Any] = {"due_at": due, "locked_until": None, "last_error": error[:500]}
    if parts_done is not None:
        values["parts_done"] = parts_done
    return await _outcome(session, item_id, attempt, **values)


async def give_back(session: AsyncSession, item_id: int, attempt: int, due: datetime,
                    parts_done: int) -> bool:
    """Unleased and due later, with its progress; the claim is not counted as an
    attempt (it was Telegram's limits, not a failure)."""
    return await _outcome(session, item_id, attempt, due_at=due, locked_until=None,
                          parts_done=parts_done, attempts=OutboxMessage.attempts - 1)


async def mark_failed(session: AsyncSession, item_id: int, attempt: int, error: str) -> bool:
    return await _outcome(session, item_id, attempt, status="failed", locked_until=None,
                          last_error=error[:500])


async def last_pending(session: AsyncSession, chat_id: int) -> OutboxMessage | None:
    """The newest message still owed to a chat, locked (PostgreSQL): a second
    instance joining a relay into the same row waits, then reads the first one's."""
    return await session.scalar(
        select(OutboxMessage).where(OutboxMessage.status == "pending",
                                    OutboxMessage.chat_id == chat_id)
        .order_by(OutboxMessage.id.desc()).limit(1)
        .with_for_update().execution_options(populate_existing=True))


async def replace_untried(session: AsyncSession, item_id: int, now: datetime,
                          payload: dict[str, Any]) -> bool:
    """Rewrite a message's payload if no sender has tried or holds it yet."""
    result = await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == item_id, OutboxMessage.status == "pending",
               OutboxMessage.attempts == 0, _free(now))
        .values(payload=payload).execution_options(synchronize_session=False))
    return result.rowcount == 1  # type: ignore[attr-defined]


async def pending_relays(session: AsyncSession, chat_id: int) -> int:
    """Relays still owed to a chat (how far behind it is)."""
    return int(await session.scalar(
        select(func.count()).select_from(OutboxMessage).where(
            OutboxMessage.status == "pending", OutboxMessage.chat_id == chat_id,
            OutboxMessage.kind == "relay")) or 0)


async def pending_count(session: AsyncSession, now: datetime | None = None) -> int:
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
