"""Who is told when Telegram refuses a message for good: domain policy, no Telegram.

Two kinds of refusal, told apart by the sender:
* the chat is gone (403: blocked, deactivated, kicked; a group or topic that no
  longer exists): a person becomes unreachable until they write again, and the
  department learns it about its requester; a department's chat needs an admin;
* one message is refused (400: a poll that cannot be copied, a deleted or
  protected message, a file Telegram no longer has): that message fails alone;
  the person who wrote it is told it was not passed on, and nobody else's
  reachability changes.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from core.outgoing import notify, notify_group
from db import outbox, users
from db.models import OutboxMessage, Request


async def chat_gone(session: AsyncSession, now: datetime, admins: list[int],
                    item: OutboxMessage, request: Request | None, error: str) -> None:
    if item.chat_id > 0:
        person = (await users.get_users(session, {item.chat_id})).get(item.chat_id)
        newly = person is None or not person.blocked
        await users.mark_unreachable(session, item.chat_id)
        if newly and request is not None and item.chat_id == request.requester_id:
            # the department must know the requester cannot hear them
            await notify_group(session, now, request.department_key, "requester_unreachable",
                               request, actor_id=request.requester_id)
        return
    # a department's chat is gone: the admins must re-bind it, and the requester
    # learns that their request waits
    for binding in await users.bindings(session):
        if binding.chat_id != item.chat_id:
            continue
        for admin in admins:
            outbox.enqueue(session, now, chat_id=admin, kind="notice",
                           payload={"template": "unreachable",
                                    "args": {"department": binding.department_key,
                                             "error": error[:200]}})
    if request is not None and item.kind == "card":
        here = await users.binding_for(session, request.department_key)
        if here is not None and here.chat_id == item.chat_id:
            # only the card where executors work matters: an old card left behind
            # by a move or a transfer failing changes nothing for the requester
            notify(session, now, request.requester_id, "chat_unreachable", request)


def message_refused(session: AsyncSession, now: datetime, admins: list[int],
                    item: OutboxMessage, request: Request | None, error: str) -> None:
    """A relay Telegram would not pass on: its author hears it, under their message.
    A card it would not take (a bug of ours in the card): the request has no card
    where executors work, so the admins and the requester hear it."""
    payload = item.payload
    if item.kind == "card" and request is not None and not payload.get("moved"):
        for admin in admins:
            notify(session, now, admin, "card_refused", request, error=error[:200])
        notify(session, now, request.requester_id, "chat_unreachable", request)
        return
    if item.kind != "relay" or request is None or not payload.get("from_chat"):
        return  # our own notice: logged and counted as failed by the sender
    outbox.enqueue(session, now, chat_id=int(payload["from_chat"]), kind="notice",
                   request_id=request.id,
                   payload={"template": "relay_refused",
                            "args": {"actor_id": payload.get("author_id"),
                                     "error": error[:200]},
                            "reply_to": payload.get("message_id")})


def files_refused(session: AsyncSession, now: datetime, request: Request,
                  labels: list[str]) -> None:
    """Files of a brief that Telegram would not post with the card: the requester
    hears which, so they can send them again as a reply."""
    notify(session, now, request.requester_id, "files_refused", request,
           files=", ".join(labels))
