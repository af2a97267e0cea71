"""Requests, their events, ratings and the messages that show them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import case, delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.approvals import member_of
from db.models import OutboxMessage, Rating, Request, RequestEvent, RequestMessage


async def get_request(session: AsyncSession, request_id: int, *,
                      for_update: bool = False) -> Request | None:
    """The request as the database has it now; ``for_update`` holds the row on
    PostgreSQL until the transaction ends (SQLite's BEGIN IMMEDIATE already does)."""
    return await session.get(Request, request_id, populate_existing=True,
                             with_for_update=for_update or None)


async def add_request(session: AsyncSession, request: Request) -> Request:
    session.add(request)
    await session.flush()  # assigns the number #N
    return request


async def conditional_update(
    session: AsyncSession,
    request_id: int,
    sources: Iterable[str],
    values: dict[str, Any],
    *,
    assignee_id: int | None = None,
) -> bool:
    """``UPDATE … WHERE id = :id AND status IN :sources`` — false means someone was first.

    Correct on SQLite (which ignores FOR UPDATE) and on PostgreSQL alike.
    """
    query = update(Request).where(Request.id == request_id, Request.status.in_(list(sources)))
    if assignee_id is not None:
        query = query.where(Request.assignee_id == assignee_id)
    result = await session.execute(
        query.values(**values).execution_options(synchronize_session=False)
    )
    return result.rowcount == 1  # type: ignore[attr-defined]


def add_event(
    session: AsyncSession,
    request_id: int,
    at: datetime,
    kind: str,
    actor_id: int | None,
    *,
    from_status: str | None = None,
    to_status: str | None = None,
    from_department: str | None = None,
    to_department: str | None = None,
    reason: str | None = None,
) -> None:
    session.add(
        RequestEvent(
            request_id=request_id, at=at, kind=kind, actor_id=actor_id, from_status=from_status,
            to_status=to_status, from_department=from_department, to_department=to_department,
            reason=reason,
        )
    )


async def left_status(session: AsyncSession, request_id: int, status: str
                      ) -> RequestEvent | None:
    """The change that took the request out of ``status`` (the newest such)."""
    return await session.scalar(
        select(RequestEvent)
        .where(RequestEvent.request_id == request_id, RequestEvent.from_status == status)
        .order_by(RequestEvent.id.desc())
        .limit(1)
    )


async def last_event(session: AsyncSession, request_id: int) -> RequestEvent | None:
    return await session.scalar(
        select(RequestEvent)
        .where(RequestEvent.request_id == request_id, RequestEvent.to_status.is_not(None))
        .order_by(RequestEvent.id.desc())
        .limit(1)
    )


def record_message(
    session: AsyncSession,
    request_id: int,
    chat_id: int,
    message_id: int,
    kind: str,
    now: datetime,
    thread_id: int | None = None,
) -> None:
    session.add(
        RequestMessage(request_id=request_id, chat_id=chat_id, message_id=message_id,
                       thread_id=thread_id, kind=kind, created_at=now)
    )


ANY_THREAD: Any = object()  # card_message: the card in any topic of the chat


async def card_message(
    session: AsyncSession, request_id: int, chat_id: int, thread_id: int | None = ANY_THREAD,
    kind: str = "card",
) -> RequestMessage | None:
    """The request's latest card in a chat; with ``thread_id``, in that topic only
    (a department that moved to another topic of the same forum gets a new card).
    ``kind``: another message edited in place (an approver's copy)."""
    query = select(RequestMessage).where(
        RequestMessage.request_id == request_id, RequestMessage.chat_id == chat_id,
        RequestMessage.kind == kind)
    if thread_id is not ANY_THREAD:
        query = query.where(_same_thread(RequestMessage.thread_id, thread_id))
    return await session.scalar(query.order_by(RequestMessage.id.desc()).limit(1))


def _same_thread(column: Any, thread_id: int | None) -> Any:
    return column.is_(None) if thread_id is None else column == thread_id


async def request_of_message(
    session: AsyncSession, chat_id: int, message_id: int
) -> RequestMessage | None:
    return await session.scalar(
        select(RequestMessage).where(
            RequestMessage.chat_id == chat_id, RequestMessage.message_id == message_id
        )
    )


async def last_notice(session: AsyncSession, request_id: int, chat_id: int) -> int | None:
    return await session.scalar(
        select(RequestMessage.message_id)
        .where(RequestMessage.request_id == request_id, RequestMessage.chat_id == chat_id)
        .order_by(RequestMessage.id.desc())
        .limit(1)
    )


async def requests_of(session: AsyncSession, requester_id: int, open_statuses: Iterable[str],
                      *, offset: int = 0, limit: int = 10) -> list[Request]:
    """A requester's requests, open ones first, newest first within each."""
    still_open = case((Request.status.in_(list(open_statuses)), 0), else_=1)
    rows = await session.scalars(
        select(Request)
        .where(Request.requester_id == requester_id)
        .order_by(still_open, Request.id.desc())
        .offset(offset)
        .limit(limit)
    )
    return list(rows)


async def count_requests_of(session: AsyncSession, requester_id: int) -> int:
    return int(await session.scalar(
        select(func.count()).select_from(Request).where(Request.requester_id == requester_id)
    ) or 0)


async def open_requests(
    session: AsyncSession, department_key: str, statuses: Iterable[str], limit: int = 50
) -> list[Request]:
    due = func.coalesce(Request.resolve_due_at, Request.response_due_at)
    rows = await session.scalars(
        select(Request)
        .where(Request.department_key == department_key, Request.status.in_(list(statuses)))
        .order_by(due.is_(None), due, Request.id)
        .limit(limit)
    )
    return list(rows)


async def count_open(session: AsyncSession, department_key: str, statuses: Iterable[str]) -> int:
    return int(await session.scalar(
        select(func.count()).select_from(Request).where(
            Request.department_key == department_key, Request.status.in_(list(statuses))
        )
    ) or 0)


def _cards_at(model: Any, chat_id: int, thread_id: int | None) -> Any:
    """Request ids with a card in this chat and topic, in ``model`` (shown messages,
    or the outbox); never NULL, so NOT IN stays a plain "not among"."""
    return select(model.request_id).where(model.kind == "card", model.chat_id == chat_id,
                                          model.request_id.is_not(None),
                                          _same_thread(model.thread_id, thread_id))


async def _open_of(session: AsyncSession, department_key: str, statuses: Iterable[str],
                   *where: Any) -> list[int]:
    rows = await session.scalars(
        select(Request.id).where(Request.department_key == department_key,
                                 Request.status.in_(list(statuses)), *where)
        .order_by(Request.id))
    return list(rows)


async def without_card_at(
    session: AsyncSession, department_key: str, statuses: Iterable[str], chat_id: int,
    thread_id: int | None,
) -> list[int]:
    """Open requests of a department with no card in this chat and topic, shown or
    owed. One statement, so one snapshot: a card being sent meanwhile is seen either
    as owed or as shown (the sender writes both in one transaction)."""
    owed = _cards_at(OutboxMessage, chat_id, thread_id).where(OutboxMessage.status == "pending")
    return await _open_of(session, department_key, statuses,
                          Request.id.not_in(_cards_at(RequestMessage, chat_id, thread_id)),
                          Request.id.not_in(owed))


async def with_card_at(
    session: AsyncSession, department_key: str, statuses: Iterable[str], chat_id: int,
    thread_id: int | None,
) -> list[int]:
    """Open requests of a department that have a card in this chat and topic."""
    return await _open_of(session, department_key, statuses,
                          Request.id.in_(_cards_at(RequestMessage, chat_id, thread_id)))


async def open_outside(
    session: AsyncSession, department_keys: Iterable[str], statuses: Iterable[str]
) -> dict[str, list[int]]:
    """Open requests of departments not in ``department_keys`` (removed from the
    organisation file), by department."""
    rows = await session.execute(
        select(Request.department_key, Request.id).where(
            Request.department_key.not_in(list(department_keys)),
            Request.status.in_(list(statuses)),
        ).order_by(Request.department_key, Request.id)
    )
    found: dict[str, list[int]] = {}
    for key, request_id in rows:
        found.setdefault(key, []).append(request_id)
    return found


async def get_rating(session: AsyncSession, request_id: int) -> Rating | None:
    return await session.get(Rating, request_id, populate_existing=True)


async def set_rating(
    session: AsyncSession, request: Request, score: int, rater_id: int, now: datetime,
) -> bool:
    """The rating keeps the request's department and assignee: /stats needs no join.
    False when it is the score given already (a second tap on the same star)."""
    rating = await session.get(Rating, request.id)
    if rating is None:
        session.add(Rating(request_id=request.id, score=score, rater_id=rater_id,
                           assignee_id=request.assignee_id,
                           department_key=request.department_key, rated_at=now))
    elif rating.score == score:
        return False
    else:
        rating.score, rating.rated_at = score, now
    return True


async def set_rating_comment(session: AsyncSession, request_id: int, comment: str) -> bool:
    result = await session.execute(
        update(Rating).where(Rating.request_id == request_id).values(comment=comment)
    )
    return result.rowcount == 1  # type: ignore[attr-defined]


async def drop_rating(session: AsyncSession, request_id: int) -> None:
    await session.execute(delete(Rating).where(Rating.request_id == request_id))


async def home_department(session: AsyncSession, org: Any, user_id: int,
                          found_now: str | None = None) -> str | None:
    """The department a person belongs to: the one listing them in ``members``, else
    the one whose bound chat they were just found in (``found_now``), else the one whose
    chat they were last found in, else the one they manage, else the last one whose
    request they took; None when unknown."""
    listed = [d.key for d in org.departments if user_id in d.members]
    if listed:
        return str(listed[0])
    if found_now is not None and org.department(found_now) is not None:
        return found_now
    found = await member_of(session, user_id)
    if found is not None and org.department(found) is not None:
        return found
    managed = [d.key for d in org.departments if user_id in d.managers]
    if len(managed) == 1:
        return str(managed[0])
    return await session.scalar(
        select(Request.department_key)
        .where(Request.assignee_id == user_id)
        .order_by(Request.id.desc())
        .limit(1)
    )


async def events_of(session: AsyncSession, request_id: int) -> list[RequestEvent]:
    """The request's whole history, oldest first."""
    rows = await session.scalars(
        select(RequestEvent).where(RequestEvent.request_id == request_id)
        .order_by(RequestEvent.at, RequestEvent.id))
    return list(rows)


async def consume_pickers(session: AsyncSession, request_id: int, open_kind: str,
                          used_kind: str) -> None:
    """Every open picker of the request is used: a later pick on any is too late."""
    await session.execute(
        update(RequestMessage).where(RequestMessage.request_id == request_id,
                                     RequestMessage.kind == open_kind)
        .values(kind=used_kind).execution_options(synchronize_session=False))
