"""Messages a change owes people, put in the outbox in the same transaction.

The only producer of outbox messages: each is a typed payload (core.payloads)
saying *what* to tell, not how; the sender renders it in the recipient's
language when it sends, so texts stay in the locale files.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from core.payloads import ApprovalCopy, Card, Digest, Notice, Payload, Relay, Weekly, parse
from db import outbox, users
from db.models import Request
from db.statuses import Status

# a request awaiting approval, or declined, was never the department's: no card
_NO_CARD = frozenset({Status.APPROVAL.value, Status.DECLINED.value})


def reached_department(request: Request) -> bool:
    """Whether the department ever had ``request`` (its card, its notices): not while it
    awaits approval, nor once declined or cancelled before an approver decided."""
    if request.status in _NO_CARD:
        return False
    return request.approval_asked_at is None or request.approval_decided_at is not None
# a text relay is appended to the same person's pending relay to the same chat
# (one message instead of many, when the chat cannot take them as fast) up to this
MERGE_MAX_CHARS = 3500
# a chat this far behind on one person's relays: they are asked to slow down, once
SLOW_DOWN_AT = 40


def _owe(session: AsyncSession, now: datetime, chat_id: int, payload: Payload,
         request_id: int | None = None, thread_id: int | None = None) -> None:
    outbox.enqueue(session, now, chat_id=chat_id, thread_id=thread_id, kind=payload.kind,
                   request_id=request_id, payload=payload.to_json())


def notify(
    session: AsyncSession,
    now: datetime,
    user_id: int,
    template: str,
    request: Request | int | None = None,
    *,
    keyboard: str | None = None,
    reply_to: int | None = None,
    **args: Any,
) -> None:
    """A private notice to a person about a request (or its number), if any; replies
    to it map back to the request. ``reply_to``: under that message of theirs."""
    _owe(session, now, user_id, Notice(template, args, keyboard, reply_to=reply_to),
         request.id if isinstance(request, Request) else request)


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
    _owe(session, now, binding.chat_id, Notice(template, args, reply_to_card=request is not None),
         request.id if request else None, binding.thread_id)
    return True


async def refresh_card(
    session: AsyncSession, now: datetime, request: Request, department_key: str | None = None
) -> bool:
    """Post or edit the request's card in a department's chat (or topic); edits
    coalesce. False when the department has no chat: the card waits for /bind."""
    if not reached_department(request):
        return False  # the department gets it once approved
    key = department_key or request.department_key
    # a bind going on now moves the card, or this card goes to the new place
    await users.lock_binding(session, key, exclusive=False)
    binding = await users.binding_for(session, key)
    if binding is None:
        return False
    if not await outbox.has_pending_card(session, request.id, binding.chat_id,
                                         binding.thread_id):
        _owe(session, now, binding.chat_id, Card(), request.id, binding.thread_id)
    return True


def approval_copy(session: AsyncSession, now: datetime, request: Request, approver: int
                  ) -> None:
    """Post (or edit) an approver's private copy of ``request``: the brief with
    Approve, Decline and Ask while it awaits approval, then who decided."""
    _owe(session, now, approver, ApprovalCopy(), request.id)


async def cards(session: AsyncSession, now: datetime, chat_id: int, thread_id: int | None,
                request_ids: list[int], *, moved: bool = False) -> None:
    """Cards of many requests to post (or edit) in one place, in one statement."""
    await outbox.enqueue_many(session, [
        outbox.row(now, chat_id=chat_id, thread_id=thread_id, kind=Card.kind,
                   request_id=number, payload=Card(moved).to_json()) for number in request_ids])


async def digests(session: AsyncSession, now: datetime,
                  owed: list[tuple[int, int | None, Digest]]) -> None:
    """Digests for many chats (chat, topic, digest) in one statement."""
    await outbox.enqueue_many(session, [
        outbox.row(now, chat_id=chat_id, thread_id=thread_id, kind=digest.kind,
                   payload=digest.to_json()) for chat_id, thread_id, digest in owed])


async def weekly(session: AsyncSession, now: datetime, owed: list[tuple[int, Weekly]]) -> None:
    """The managers' week, one message per (manager, department), in one statement."""
    await outbox.enqueue_many(session, [
        outbox.row(now, chat_id=chat_id, kind=payload.kind, payload=payload.to_json())
        for chat_id, payload in owed])


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
    watcher: bool = False,
    part: str | None = None,
) -> None:
    """Pass a person's message on: text re-rendered with a header, media copied.
    ``part``: the writer's part while the request awaits approval (payloads.Relay).

    Telegram lets a group take 20 messages a minute: a text written while the
    person's last one still waits is joined to it, and a person whose messages
    pile up beyond a couple of minutes is told (once) that they are on their way."""
    if text is not None and await _join_waiting(session, now, to_chat, request.id, author_id,
                                                to_card, text):
        return
    if await outbox.pending_relays(session, to_chat) + 1 == SLOW_DOWN_AT:
        notify(session, now, from_chat, "relay_slow_down", request,
               department=request.department_key)
    _owe(session, now, to_chat, Relay(from_chat, message_id, author_id, text, caption, to_card,
                                      watcher=watcher, part=part), request.id, thread_id)


async def _join_waiting(session: AsyncSession, now: datetime, chat_id: int, request_id: int,
                        author_id: int, to_card: bool, text: str) -> bool:
    """Append ``text`` to the same person's text relay about the same request when it
    is still waiting, untried, as the last pending message of the chat: a chat that
    cannot take messages as fast as someone writes gets one message with all of
    them, in order, instead of a backlog that holds its cards for minutes."""
    last = await outbox.last_pending(session, chat_id)
    if last is None or last.kind != Relay.kind or last.request_id != request_id \
            or last.parts_done or last.attempts:
        return False
    waiting = parse(last.kind, last.payload)
    if not isinstance(waiting, Relay) or waiting.author_id != author_id \
            or waiting.text is None or waiting.reply_to_card != to_card \
            or len(waiting.text) + len(text) > MERGE_MAX_CHARS:
        return False
    return await outbox.replace_untried(session, last.id, now, waiting.joined(text).to_json())
