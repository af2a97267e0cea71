"""Who is told when Telegram refuses a message for good, or puts one off: domain
policy, no Telegram (the sender in bot/sender.py only reports what happened).

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

from core.outgoing import notify, notify_group, reached_department
from core.payloads import ApprovalCopy, Card, Notice, Relay, parse
from db import users, watchers
from db.models import OutboxMessage, Request
from db.statuses import Status


async def chat_gone(session: AsyncSession, now: datetime, admins: list[int],
                    item: OutboxMessage, request: Request | None, error: str) -> None:
    if item.chat_id > 0:
        person = (await users.get_users(session, {item.chat_id})).get(item.chat_id)
        newly = person is None or not person.blocked
        await users.mark_unreachable(session, item.chat_id)
        if newly and request is not None and item.chat_id == request.requester_id:
            # the department must know the requester cannot hear them; a department
            # with no chat yet (its card waits for /bind), or that never had the request
            # (awaiting approval, declined, cancelled before a decision): the admins
            if not reached_department(request) or not await notify_group(
                    session, now, request.department_key, "requester_unreachable", request,
                    actor_id=request.requester_id):
                for admin in admins:
                    notify(session, now, admin, "requester_unreachable", request,
                           actor_id=request.requester_id)
        elif request is not None and _is_assignment(item):
            # work was given to someone the bot cannot write to: each time, the
            # department must tell them (as escalations mention such people there)
            await notify_group(session, now, request.department_key, "assignee_unreachable",
                               request, actor_id=item.chat_id)
        elif request is not None and item.kind == ApprovalCopy.kind \
                and request.status == Status.APPROVAL:
            # an approver the bot cannot write to: the requester and the admins are told,
            # each time, so someone asks them to press /start (the approvers are fixed at
            # Send: else the requester may cancel it and send it again)
            notify(session, now, request.requester_id, "approver_unreachable", request,
                   actor_id=item.chat_id)
            for admin in admins:
                notify(session, now, admin, "approver_unreachable_admin", request,
                       actor_id=item.chat_id)
        elif newly and request is not None \
                and await watchers.is_watcher(session, request.id, item.chat_id):
            # whoever asked to keep them informed learns that they cannot be
            notify(session, now, request.requester_id, "watcher_unreachable", request,
                   actor_id=item.chat_id)
        return
    # a department's chat is gone: the admins must re-bind it, and the requester
    # learns that their request waits
    for binding in await users.bindings(session):
        if binding.chat_id != item.chat_id:
            continue
        for admin in admins:
            notify(session, now, admin, "unreachable", department=binding.department_key,
                   error=error[:200])
    if request is not None and item.kind == "card":
        here = await users.binding_for(session, request.department_key)
        if here is not None and here.chat_id == item.chat_id:
            # only the card where executors work matters: an old card left behind
            # by a move or a transfer failing changes nothing for the requester
            notify(session, now, request.requester_id, "chat_unreachable", request)


# the notices that give someone a request to work on
ASSIGNMENTS = frozenset({"assigned", "assigned_auto", "handed_over"})


def _is_assignment(item: OutboxMessage) -> bool:
    try:
        payload = parse(item.kind, item.payload)
    except (KeyError, TypeError, ValueError):
        return False
    return isinstance(payload, Notice) and payload.template in ASSIGNMENTS


def message_refused(session: AsyncSession, now: datetime, admins: list[int],
                    item: OutboxMessage, request: Request | None, error: str) -> None:
    """A relay Telegram would not pass on: its author hears it, under their message.
    A card it would not take (a bug of ours in the card): the request has no card
    where executors work, so the admins and the requester hear it."""
    relayed = parse(item.kind, item.payload)
    if isinstance(relayed, Card) and request is not None and not relayed.moved:
        for admin in admins:
            notify(session, now, admin, "card_refused", request, error=error[:200])
        notify(session, now, request.requester_id, "chat_unreachable", request)
        return
    if not isinstance(relayed, Relay) or request is None:
        return  # our own notice: logged and counted as failed by the sender
    notify(session, now, relayed.from_chat, "relay_refused", request,
           reply_to=relayed.message_id, actor_id=relayed.author_id, error=error[:200])


def files_refused(session: AsyncSession, now: datetime, request: Request,
                  labels: list[str]) -> None:
    """Files of a brief that Telegram would not post with the card: the requester
    hears which, so they can send them again as a reply."""
    notify(session, now, request.requester_id, "files_refused", request,
           files=", ".join(labels))


def put_off(session: AsyncSession, now: datetime, item: OutboxMessage, request: Request | None,
            *, outage: bool) -> None:
    """A message left for a retry. The first outage on a card: the requester learns
    it is delayed, once (a flood limit is no outage: the card follows within the
    minute)."""
    if outage and item.kind == "card" and item.attempts == 1 and request is not None:
        notify(session, now, request.requester_id, "delayed", request)
