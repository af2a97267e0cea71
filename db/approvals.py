"""Approvals: who may approve a request, who asked its requester a question, and
departments' members (the requesters who belong to them)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import (
    DepartmentMember,
    OutboxMessage,
    Request,
    RequestApprover,
    RequestEvent,
    RequestMessage,
)
from db.session import insert_ignore, upsert
from db.statuses import Status

COPY_KIND = "approval"  # an approver's copy: its outbox kind and its recorded message kind
ASK_EVENT = "question"  # the event of an approver's question (Action.ASK's name)


async def add(session: AsyncSession, request_id: int, user_ids: Iterable[int]) -> None:
    ids = sorted(set(user_ids))
    if ids:
        await session.execute(insert_ignore(session, RequestApprover),
                              [{"request_id": request_id, "user_id": i} for i in ids])


async def approvers_of(session: AsyncSession, request_id: int) -> list[int]:
    return list(await session.scalars(
        select(RequestApprover.user_id).where(RequestApprover.request_id == request_id)
        .order_by(RequestApprover.user_id)))


async def approvers_of_many(session: AsyncSession, request_ids: list[int]
                            ) -> dict[int, list[int]]:
    found: dict[int, list[int]] = defaultdict(list)
    if request_ids:
        for request_id, user_id in await session.execute(
                select(RequestApprover.request_id, RequestApprover.user_id)
                .where(RequestApprover.request_id.in_(request_ids))
                .order_by(RequestApprover.user_id)):
            found[request_id].append(user_id)
    return found


async def is_approver(session: AsyncSession, request_id: int, user_id: int) -> bool:
    return await session.get(RequestApprover, (request_id, user_id)) is not None


async def askers(session: AsyncSession, request_id: int) -> list[int]:
    """The approvers who asked the requester a question: the requester's replies go
    to them."""
    rows = await session.scalars(
        select(RequestEvent.actor_id).where(RequestEvent.request_id == request_id,
                                            RequestEvent.kind == ASK_EVENT).distinct())
    return sorted(i for i in rows if i is not None)


async def join(session: AsyncSession, department_key: str, user_id: int, now: datetime
               ) -> None:
    """``user_id`` was found in the department's bound chat now: the newest membership
    (``since`` moves on when it was known before, so :func:`member_of` names it)."""
    await session.execute(upsert(
        session, DepartmentMember, ["department_key", "user_id"],
        {"department_key": department_key, "user_id": user_id, "since": now}, ["since"]))


async def member_of(session: AsyncSession, user_id: int) -> str | None:
    """The department whose chat the person was last found in, if any."""
    return await session.scalar(
        select(DepartmentMember.department_key).where(DepartmentMember.user_id == user_id)
        .order_by(DepartmentMember.since.desc(), DepartmentMember.department_key).limit(1))


async def waiting_without_copy(session: AsyncSession, user_id: int) -> list[Request]:
    """Requests awaiting approval by ``user_id`` whose copy never reached them (they had
    not started the bot) and is not on its way."""
    has_copy = select(RequestMessage.id).where(
        RequestMessage.request_id == Request.id, RequestMessage.chat_id == user_id,
        RequestMessage.kind == COPY_KIND)
    on_its_way = select(OutboxMessage.id).where(
        OutboxMessage.request_id == Request.id, OutboxMessage.chat_id == user_id,
        OutboxMessage.kind == COPY_KIND, OutboxMessage.status == "pending")
    return list(await session.scalars(
        select(Request).join(RequestApprover, RequestApprover.request_id == Request.id)
        .where(RequestApprover.user_id == user_id, Request.status == Status.APPROVAL.value,
               ~has_copy.exists(), ~on_its_way.exists())
        .order_by(Request.id)))
