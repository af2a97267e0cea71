"""Messages a change owes people, put in the outbox in the same transaction.

Payloads say *what* to tell, not how: the sender renders them in the
recipient's language when it sends, so texts stay in the locale files.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from db import outbox, users
from db.models import Request


def notify(
    session: AsyncSession,
    now: datetime,
    user_id: int,
    template: str,
    request: Request | int | None = None,
    *,
    keyboard: str | None = None,
    **args: Any,
) -> None:
    """A private notice to a person about a request (or its number); replies to it
    map back to the request."""
    outbox.enqueue(
        session, now, chat_id=user_id, kind="notice",
        request_id=request.id if isinstance(request, Request) else request,
        payload={"template": template, "args": args, "keyboard": keyboard},
    )


async def notify_group(
    session: AsyncSession,
    now: datetime,
    department_key: str,
    template: str,
    request: Request | None = None,
    **args: Any,
) -> bool:
    """A notice in a department's chat (or topic), as a reply to the request's card."""
    binding = await users.binding_for(session, department_key)
    if binding is None:
        return False
    outbox.enqueue(
        session, now, chat_id=binding.chat_id, thread_id=binding.thread_id, kind="notice",
        request_id=request.id if request else None,
        payload={"template": template, "args": args, "reply_to_card": request is not None},
    )
    return True


async def refresh_card(
    session: AsyncSession, now: datetime, request: Request, department_key: str | None = None
) -> bool:
    """Post or edit the request's card in a department's chat (or topic); edits
    coalesce. False when the department has no chat: the card waits for /bind."""
    key = department_key or request.department_key
    # a bind going on now moves the card, or this card goes to the new place
    await users.lock_binding(session, key, exclusive=False)
    binding = await users.binding_for(session, key)
    if binding is None:
        return False
    if not await outbox.has_pending_card(session, request.id, binding.chat_id,
                                         binding.thread_id):
        outbox.enqueue(session, now, chat_id=binding.chat_id, thread_id=binding.thread_id,
                       kind="card", request_id=request.id, payload={})
    return True


# a chat this far behind on one person's relays: they are asked to slow down, once
SLOW_DOWN_AT = 40


async def relay(
    session: AsyncSession,
    now: datetime,
    request: Request,
    *,
    to_chat: int,
    thread_id: int | None,
    from_chat: int,
    message_id: int,
    author_id: int,
    text: str | None,
    to_card: bool,
    caption: str | None = None,
) -> None:
    """Pass a person's message on: text re-rendered with a header, media copied.

    Telegram lets a group take 20 messages a minute: a text written while the
    person's last one still waits is joined to it, and a person whose messages
    pile up beyond a couple of minutes is told (once) that they are on their way."""
    if text is not None and await outbox.merge_relay_text(
            session, now, chat_id=to_chat, request_id=request.id, author_id=author_id,
            reply_to_card=to_card, text=text):
        return
    if await outbox.pending_relays(session, to_chat) + 1 == SLOW_DOWN_AT:
        notify(session, now, from_chat, "relay_slow_down", request,
               department=request.department_key)
    outbox.enqueue(
        session, now, chat_id=to_chat, thread_id=thread_id, kind="relay", request_id=request.id,
        payload={"from_chat": from_chat, "message_id": message_id, "author_id": author_id,
                 "text": text, "caption": caption, "reply_to_card": to_card},
    )
