"""The request workflow: submit a form, act on a request, relay messages.

Plain Python over the database; every function is one transaction in which
the state change, its history event and the messages it owes are written
together. Telegram is not imported here.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from sqlalchemy.ext.asyncio import AsyncSession

from core import sla
from core.alerts import rating_expires_at
from core.assigning import auto_pick, executors_of
from core.context import Services
from core.lifecycle import (
    FINAL_STATUSES,
    OPEN_STATUSES,
    TRANSITIONS,
    Action,
    Clock,
    Refusal,
    Role,
    Status,
    allowed,
    only_as_assignee,
    refusal,
)
from core.outgoing import (
    approval_copy,
    notify,
    notify_group,
    reached_department,
    refresh_card,
    relay,
)
from core.sweep import reschedule
from db import approvals, drafts, executors, requests, updates, users, watchers
from db.models import PendingInput, Rating, Request, RequestEvent, User

# kinds of the messages recorded per request (db.requests.record_message): the card in
# the department's chat, notices to the requester (the review message among them) and
# relayed replies show the request, and a reply to them is passed on; the transfer
# chooser under a card only carries buttons
CARD, NOTICE, RELAY, CHOOSER = "card", "notice", "relay", "chooser"
# the executors listed for an Assign or Reassign: one pick consumes every open picker
# of the request (it becomes PICKED), so of two managers picking at once one wins
PICKER, PICKED = "picker", "picked"
# (an approver's copy too: a reply to it is a question to the requester, while it
# awaits approval)
SHOWS_REQUEST = frozenset({CARD, NOTICE, RELAY, approvals.COPY_KIND})
RATING_COMMENT = "rating_comment"  # the kind of a pending input
# a rating comment is awaited this long after the stars: long enough to type one,
# short enough that a stray message a day later is not shown on the card
COMMENT_WAIT = timedelta(hours=1)
# executors may still write to the requester this long after a request ended
RELAY_AFTER_CLOSE = timedelta(days=7)
# the actions a typed reason completes, by the kind of their pending input (their name)
REASON_ACTIONS = {a.value: a for a, step in TRANSITIONS.items() if step.needs_reason}


@dataclass
class Outcome:
    request: Request | None
    refusal: Refusal | None = None
    first: RequestEvent | None = None  # for WRONG_STATE: the change that came first
    # a relayed reply: where it went, and whether it answered a question (waiting → back)
    relayed_to: Literal["department", "requester", "approver"] | None = None
    answered: bool = False
    unchanged: bool = False  # applied already (the same star tapped twice): nothing new

    @property
    def ok(self) -> bool:
        return self.refusal is None


@dataclass(frozen=True)
class Press:
    """Where an action came from: the chat (and message) of the button or reply."""

    actor_id: int
    chat_id: int
    message_id: int | None = None
    update_id: int | None = None  # for deduplication of redelivered updates
    # a button press: the kinds of the request's messages the button belongs on; the
    # pressed message must be one of them (callback data is the presser's to forge)
    on: frozenset[str] | None = None
    # a private press (the /show view): the presser is a member of the department's
    # chat, asked of Telegram by the bot side, so an executor of it
    member: bool = False


async def department_chat(svc: Services, request_id: int) -> int | None:
    """The chat where a request's department works (whose members are its executors)."""
    async with svc.db.reading() as session:
        request = await requests.get_request(session, request_id)
        binding = await users.binding_for(session, request.department_key) \
            if request is not None else None
    return binding.chat_id if binding is not None else None


async def roles_of(session: AsyncSession, svc: Services, request: Request, press: Press
                   ) -> set[Role]:
    roles: set[Role] = set()
    if press.actor_id == request.requester_id and press.chat_id == press.actor_id:
        roles.add(Role.REQUESTER)
    binding = await users.binding_for(session, request.department_key)
    if binding is not None and (press.chat_id == binding.chat_id or (
            press.member and press.chat_id == press.actor_id)):
        # pressing in the department's chat means membership of it; in private the bot
        # side asked Telegram (the /show view), and only view buttons are accepted there
        roles.add(Role.EXECUTOR)
    if request.assignee_id == press.actor_id and Role.EXECUTOR in roles:
        roles.add(Role.ASSIGNEE)
    if svc.org.is_manager(press.actor_id, request.department_key):
        roles.add(Role.MANAGER)
    if press.chat_id == press.actor_id and press.actor_id != request.requester_id \
            and await watchers.is_watcher(session, request.id, press.actor_id):
        roles.add(Role.WATCHER)  # privately, like the requester: their notices come there
    if press.chat_id == press.actor_id and request.approval_asked_at is not None \
            and await approvals.is_approver(session, request.id, press.actor_id):
        roles.add(Role.APPROVER)  # in private only: their copy of the request is there
    return roles


async def check(svc: Services, request_id: int, action: Action, press: Press) -> Outcome:
    """Whether ``action`` could be applied now; used before asking for a reason."""
    async with svc.db.transaction() as session:
        return (await _check(session, svc, request_id, action, press))[0]


async def _visible(session: AsyncSession, svc: Services, request_id: int, press: Press, *,
                   lock: bool = False) -> tuple[Request | None, set[Role]]:
    """The request and the presser's roles on it; (None, ∅) when it does not exist or
    the presser has no part in it: both are refused alike, with nothing about it."""
    request = await requests.get_request(session, request_id, for_update=lock)
    if request is None:
        return None, set()
    roles = await roles_of(session, svc, request, press)
    return (request, roles) if roles else (None, set())


async def _pressed_on_it(session: AsyncSession, request_id: int, press: Press) -> bool:
    """A button acts only from a message of its own request, of the kind it belongs on."""
    if press.on is None:
        return True  # typed input, matched to its prompt by the caller
    if press.message_id is None:
        return False
    shown = await requests.request_of_message(session, press.chat_id, press.message_id)
    return shown is not None and shown.request_id == request_id and shown.kind in press.on


async def _check(session: AsyncSession, svc: Services, request_id: int, action: Action,
                 press: Press, *, lock: bool = False) -> tuple[Outcome, set[Role]]:
    request, roles = await _visible(session, svc, request_id, press, lock=lock)
    if request is None:
        return Outcome(None, Refusal.NOT_FOUND), roles
    why = refusal(action, request.status, roles, taken=request.assignee_id is not None)
    if why is Refusal.NOT_ALLOWED:
        return Outcome(request, Refusal.NOT_ALLOWED), roles
    if not await _pressed_on_it(session, request_id, press):
        return Outcome(None, Refusal.NOT_FOUND), roles
    if why is Refusal.WRONG_STATE:
        first = await _first(session, request_id, action)
        return Outcome(request, Refusal.WRONG_STATE, first), roles
    return Outcome(request), roles


async def _first(session: AsyncSession, request_id: int, action: Action
                 ) -> RequestEvent | None:
    """The change that came before a press found the request moved on: for an
    approver's decision, the one that ended the approval (who decided, or the requester's
    cancel), not whatever happened since (the bot's assignment, an executor's Take); for
    anything else the newest change."""
    if TRANSITIONS[action].sources == {Status.APPROVAL}:
        ended = await requests.left_status(session, request_id, Status.APPROVAL.value)
        if ended is not None:
            return ended
    return await requests.last_event(session, request_id)


async def may_dismiss(svc: Services, request_id: int, action: Action, press: Press) -> Outcome:
    """Whether the presser may take away a helper message about ``action`` (the transfer
    chooser): whoever could start it, whatever the request's state is now."""
    async with svc.db.transaction() as session:
        request, roles = await _visible(session, svc, request_id, press)
        if request is None or not await _pressed_on_it(session, request_id, press):
            return Outcome(None, Refusal.NOT_FOUND)
        if not allowed(action, roles):
            return Outcome(request, Refusal.NOT_ALLOWED)
        return Outcome(request)


async def remember_message(svc: Services, request_id: int, chat_id: int, message_id: int,
                           kind: str, thread_id: int | None = None) -> None:
    """A message a handler posted about a request (the transfer chooser), so a press
    on it can be checked to belong to that request."""
    async with svc.db.transaction() as session:
        requests.record_message(session, request_id, chat_id, message_id, kind,
                                svc.clock.now(), thread_id)


async def act(
    svc: Services,
    request_id: int,
    action: Action,
    press: Press,
    *,
    reason: str | None = None,
    to_department: str | None = None,
    to_person: int | None = None,
) -> Outcome:
    """Apply one action once, however many times or by however many people it is pressed.
    ``to_person``: the executor picked for an Assign or Reassign."""
    now = svc.clock.now()
    async with svc.db.transaction() as session:
        if not await updates.first_time(session, press.update_id, now):
            return Outcome(None, Refusal.DUPLICATE)
        # the row is held from this read on, so what we computed from it stays true
        checked, roles = await _check(session, svc, request_id, action, press, lock=True)
        if not checked.ok:
            return checked
        request = checked.request
        assert request is not None
        if TRANSITIONS[action].department:
            if to_department == request.department_key:
                return Outcome(request, Refusal.SAME_DEPARTMENT)
            if svc.org.department(to_department or "") is None:
                return Outcome(request, Refusal.NOT_FOUND)
        if TRANSITIONS[action].target is None:
            return await _keep(session, svc, request, action, press, now, reason)
        if TRANSITIONS[action].person:
            refused = await _check_pick(session, svc, request, press, to_person)
            if refused is not None:
                return refused
        taken = request.assignee_id is not None
        held_by = press.actor_id if only_as_assignee(action, roles, taken=taken) else None
        if action is Action.REASSIGN:
            held_by = request.assignee_id  # still with whom the manager saw it with
        department = request.department_key
        changed = await _transition(
            session, svc, request, action, press.actor_id, now, reason=reason,
            to_department=to_department, to_person=to_person, assignee_id=held_by)
        if changed is None:
            return Outcome(request, Refusal.WRONG_STATE,
                           await _first(session, request_id, action))
        if Role.EXECUTOR in roles:  # pressed in the department's chat: one of its executors
            await executors.join(session, department, press.actor_id, now)
        return Outcome(changed)


async def _check_pick(session: AsyncSession, svc: Services, request: Request, press: Press,
                      to_person: int | None) -> Outcome | None:
    """A pick must name an executor of the department (not the one it is with), from
    a picker no other pick has used: the refusal, or None."""
    if to_person is None or to_person not in await executors_of(session, svc.org,
                                                                 request.department_key):
        return Outcome(request, Refusal.NOT_EXECUTOR)
    if press.on is not None:
        shown = await requests.request_of_message(session, press.chat_id,
                                                  press.message_id or 0)
        if shown is None or shown.kind != PICKER:  # another pick used the lists
            return Outcome(request, Refusal.WRONG_STATE,
                           await requests.last_event(session, request.id))
    if to_person == request.assignee_id:
        return Outcome(request, Refusal.SAME_PERSON)
    if press.on is not None:
        # the request's row is held: this pick uses up every list of the request
        await requests.consume_pickers(session, request.id, PICKER, PICKED)
    return None


async def _keep(session: AsyncSession, svc: Services, request: Request, action: Action,
                press: Press, now: datetime, reason: str | None = None) -> Outcome:
    """An action that changes no status: Follow and Unfollow change the watchers (with
    their event in the timeline); an approver's Ask is passed to the requester, whose
    reply comes back to them (relay_message); Repeat is the form's (bot.forms), checked
    here."""
    if action is Action.ASK:
        requests.add_event(session, request.id, now, approvals.ASK_EVENT, press.actor_id,
                           reason=reason)
        notify(session, now, request.requester_id, "approval_question", request,
               actor_id=press.actor_id, text=reason or "")
        await reschedule(session, svc, request, now)
    if action is Action.FOLLOW:
        added = await watchers.add(session, request.id, [press.actor_id], press.actor_id, now)
        if added:
            requests.add_event(session, request.id, now, "follow", press.actor_id)
    elif action is Action.UNFOLLOW:
        if await watchers.remove(session, request.id, press.actor_id):
            requests.add_event(session, request.id, now, "unfollow", press.actor_id)
    return Outcome(request)


async def _transition(session: AsyncSession, svc: Services, request: Request, action: Action,
                      actor: int | None, now: datetime, *, reason: str | None = None,
                      to_department: str | None = None, assignee_id: int | None = None,
                      to_person: int | None = None, quiet: bool = False) -> Request | None:
    """Change ``request`` by ``action`` if it still has the status it was read with,
    with its event, the card and notices it owes and its next alert; None when
    someone else was first. ``to_person``: the new assignee of an Assign or Reassign;
    ``actor`` None: the bot itself, which then says what happened (``quiet``: only
    the card changes here)."""
    values = _changes(svc, request, action, to_person or actor or 0, now, to_department)
    target = TRANSITIONS[action].target
    assert target is not None
    applied = await requests.conditional_update(
        session, request.id, [request.status],
        {**values, "status": target.value, "status_changed_at": now},
        assignee_id=assignee_id,
    )
    if not applied:
        return None
    before, before_department = request.status, request.department_key
    before_assignee = request.assignee_id
    changed = await requests.get_request(session, request.id)
    assert changed is not None
    if changed.assignee_id != before_assignee:
        # an executors' list opened before is about whom it was with then: used up
        await requests.consume_pickers(session, request.id, PICKER, PICKED)
    transfer = TRANSITIONS[action].department  # moved: the event says from where to where
    requests.add_event(
        session, request.id, now, action.value, actor, from_status=before,
        to_status=changed.status, reason=reason,
        # a reassign's department is counted by /stats from the events alone
        from_department=before_department if transfer or action is Action.REASSIGN else None,
        to_department=to_department if transfer else None,
    )
    if quiet:
        await refresh_card(session, now, changed)
    else:
        assert actor is not None
        await _announce(session, svc, changed, action, actor, now, reason, before_department,
                        before_assignee)
    await reschedule(session, svc, changed, now)
    return changed


async def assign_now(session: AsyncSession, svc: Services, request: Request, to_person: int,
                     now: datetime) -> Request | None:
    """A department that assigns by itself gives a new request to ``to_person`` at once
    (the bot's Assign), in the transaction that files it."""
    changed = await _transition(session, svc, request, Action.ASSIGN, None, now,
                                to_person=to_person, quiet=True)
    if changed is not None:
        notify(session, now, to_person, "assigned_auto", changed)
        await tell_requester(session, now, changed, "taken", actor_id=to_person)
    return changed


async def hand_over(session: AsyncSession, svc: Services, request: Request, away_id: int,
                    deputy_id: int | None, now: datetime) -> Request | None:
    """An open request of someone away from today: to the deputy (the bot's Reassign),
    or, with no deputy or a question open to the requester, back to the queue (the
    bot's Release) with the group told. None when it is no longer theirs."""
    if deputy_id is not None and deputy_id != away_id \
            and Status(request.status) in TRANSITIONS[Action.REASSIGN].sources:
        changed = await _transition(session, svc, request, Action.REASSIGN, None, now,
                                    to_person=deputy_id, assignee_id=away_id, quiet=True)
        if changed is not None:
            notify(session, now, deputy_id, "handed_over", changed, actor_id=away_id)
        return changed
    changed = await _transition(session, svc, request, Action.RELEASE, None, now,
                                assignee_id=away_id, quiet=True)
    if changed is not None:
        await tell_requester(session, now, changed, "released")
        await notify_group(session, now, changed.department_key, "back_to_queue", changed,
                           actor_id=away_id)
    return changed


def _changes(svc: Services, request: Request, action: Action, actor: int, now: datetime,
             to_department: str | None) -> dict[str, Any]:
    """The columns ``action`` sets besides the status: its SLA effect."""
    clock = TRANSITIONS[action].clock
    return {} if clock is None else _CLOCKS[clock](svc, request, actor, now, to_department)


def _assign(svc: Services, request: Request, actor: int, now: datetime,
            _to: str | None) -> dict[str, Any]:
    if request.taken_at is not None:
        return {"assignee_id": actor}
    # the response clock started when the request was filed, or approved
    started = request.approval_decided_at or request.created_at
    return {"assignee_id": actor, "taken_at": now,
            "take_work_s": svc.org.work_calendar.between(started, now),
            "response_met": request.response_due_at is None or now <= request.response_due_at}


def _requeue(svc: Services, request: Request, _actor: int, now: datetime,
             _to: str | None) -> dict[str, Any]:
    # back in the queue: a fresh time to take it
    return {"assignee_id": None, **_resumed(svc, request, now),
            "response_due_at": svc.org.work_calendar.add(now, request.response_seconds)}


def _pause(svc: Services, request: Request, _actor: int, now: datetime,
           _to: str | None) -> dict[str, Any]:
    # the resolution clock stops while the requester is asked
    return {"resolve_remaining_s": _left(svc, request, now)}


def _resume(svc: Services, request: Request, _actor: int, now: datetime,
            _to: str | None) -> dict[str, Any]:
    return _resumed(svc, request, now)


def _finish(svc: Services, request: Request, _actor: int, now: datetime,
            _to: str | None) -> dict[str, Any]:
    # kept so that a reopen resumes the resolution clock where it stopped
    paused = request.resolve_remaining_s
    left = paused if paused is not None else _left(svc, request, now)
    return {"done_at": now, "resolve_remaining_s": left,
            "finish_work_s": request.resolve_seconds - left if left is not None else None,
            "resolve_met": left is None or left >= 0}


def _close(_svc: Services, _request: Request, _actor: int, now: datetime,
           _to: str | None) -> dict[str, Any]:
    return {"closed_at": now}


def _reopen(svc: Services, request: Request, _actor: int, now: datetime,
            _to: str | None) -> dict[str, Any]:
    return {"done_at": None, "reopens": request.reopens + 1, **_resumed(svc, request, now)}


def _move(svc: Services, request: Request, actor: int, now: datetime,
          to_department: str | None) -> dict[str, Any]:
    # the new department's response clock starts now
    return {**_requeue(svc, request, actor, now, None), "department_key": to_department,
            "transfers": request.transfers + 1}


def _decided(actor: int, now: datetime) -> dict[str, Any]:
    """An approver's decision: who and when."""
    return {"approval_decided_by": actor, "approval_decided_at": now}


def _start(svc: Services, request: Request, actor: int, now: datetime,
           _to: str | None) -> dict[str, Any]:
    # approved: both SLA clocks start now
    cal = svc.org.work_calendar
    return {"response_due_at": cal.add(now, request.response_seconds),
            "resolve_due_at": cal.add(now, request.resolve_seconds),
            # the working time it waited for approval (/stats: median time to approve)
            "approval_work_s": cal.between(request.approval_asked_at or request.created_at,
                                           now),
            **_decided(actor, now)}


def _decline(svc: Services, request: Request, actor: int, now: datetime,
             _to: str | None) -> dict[str, Any]:
    return {"closed_at": now, **_decided(actor, now)}


_CLOCKS: dict[Clock, Callable[[Services, Request, int, datetime, str | None], dict[str, Any]]] = {
    Clock.ASSIGN: _assign, Clock.REQUEUE: _requeue, Clock.PAUSE: _pause,
    Clock.RESUME: _resume, Clock.FINISH: _finish, Clock.CLOSE: _close,
    Clock.REOPEN: _reopen, Clock.MOVE: _move, Clock.START: _start, Clock.DECLINE: _decline,
}


def _left(svc: Services, request: Request, now: datetime) -> float | None:
    """Working seconds left on the resolution clock (negative once overdue)."""
    if request.resolve_due_at is None:
        return None
    return sla.remaining(svc.org.work_calendar, request.resolve_due_at, now)


def _resumed(svc: Services, request: Request, now: datetime) -> dict[str, Any]:
    """Restart a paused resolution clock with the time it had left."""
    if request.resolve_remaining_s is None:
        return {}
    return {"resolve_due_at": sla.resume_deadline(svc.org.work_calendar,
                                                  request.resolve_remaining_s, now),
            "resolve_remaining_s": None}


@dataclass(frozen=True)
class _Change:
    """What an announcement needs to know about the change just written."""

    session: AsyncSession
    svc: Services
    request: Request
    actor: int
    now: datetime
    reason: str | None
    before_department: str
    shown: bool  # the card is in a department's chat (False: it waits for /bind)
    before_assignee: int | None = None


async def _announce(session: AsyncSession, svc: Services, request: Request, action: Action,
                    actor: int, now: datetime, reason: str | None, before_department: str,
                    before_assignee: int | None = None) -> None:
    """The card changes everywhere it is shown; the people concerned hear what happened."""
    shown = await refresh_card(session, now, request)
    tell = _ANNOUNCE.get(action)
    if tell is not None:
        await tell(_Change(session, svc, request, actor, now, reason, before_department, shown,
                           before_assignee))


async def _tell(c: _Change, template: str, *, keyboard: str | None = None,
                watch: str | None = None, **args: Any) -> None:
    await tell_requester(c.session, c.now, c.request, template, keyboard=keyboard,
                         watch=watch, **args)


async def tell_requester(session: AsyncSession, now: datetime, request: Request, template: str,
                         *, keyboard: str | None = None, watch: str | None = None,
                         **args: Any) -> None:
    """A notice to the requester (with its buttons) and the same news to each watcher
    (``notice.watch_<template>``, or ``watch``; no buttons: they are never asked to rate
    or decide)."""
    notify(session, now, request.requester_id, template, request, keyboard=keyboard, **args)
    for watcher in await watchers.watchers_of(session, request.id):
        notify(session, now, watcher, watch or f"watch_{template}", request, **args)


async def _taken(c: _Change) -> None:
    await _tell(c, "taken", actor_id=c.actor)


async def _assigned(c: _Change) -> None:
    assert c.request.assignee_id is not None
    notify(c.session, c.now, c.request.assignee_id, "assigned", c.request, actor_id=c.actor)
    await _tell(c, "taken", actor_id=c.request.assignee_id)


async def _reassigned(c: _Change) -> None:
    assert c.request.assignee_id is not None
    notify(c.session, c.now, c.request.assignee_id, "assigned", c.request, actor_id=c.actor)
    if c.before_assignee is not None:
        notify(c.session, c.now, c.before_assignee, "unassigned", c.request, actor_id=c.actor)


async def _released(c: _Change) -> None:
    await _tell(c, "released")


async def _question(c: _Change) -> None:
    await _tell(c, "question", actor_id=c.actor, text=c.reason or "")


async def _done(c: _Change) -> None:
    await _tell(c, "done", keyboard="review", actor_id=c.actor)


async def _rejected(c: _Change) -> None:
    await _tell(c, "rejected", keyboard="closing", actor_id=c.actor, text=c.reason or "")


async def _cancelled(c: _Change) -> None:
    """The requester's confirmation, the assignee (if any) and the watchers told."""
    if not reached_department(c.request):
        # cancelled while it awaited approval: the department never had it; each
        # approver's copy says it was cancelled (and loses its buttons)
        await _copies(c)
        if c.reason:
            await _tell(c, "cancelled_approval_reason", watch="watch_cancelled_reason",
                        actor_id=c.actor, text=c.reason)
        else:
            await _tell(c, "cancelled_approval", watch="watch_cancelled", actor_id=c.actor)
        return
    assignee = c.request.assignee_id
    if c.reason:
        await _tell(c, "cancelled_reason", actor_id=c.actor, text=c.reason)
        if assignee is not None:
            notify(c.session, c.now, assignee, "assignee_cancelled_reason", c.request,
                   actor_id=c.actor, text=c.reason)
    else:
        await _tell(c, "cancelled", actor_id=c.actor)
        if assignee is not None:
            notify(c.session, c.now, assignee, "assignee_cancelled", c.request,
                   actor_id=c.actor)
    # the department hears it under the card, as it hears of an accept or a reopen
    if c.reason:
        await notify_group(c.session, c.now, c.request.department_key, "group_cancelled_reason",
                           c.request, actor_id=c.actor, text=c.reason)
    else:
        await notify_group(c.session, c.now, c.request.department_key, "group_cancelled",
                           c.request, actor_id=c.actor)


async def _transferred(c: _Change) -> None:
    request = c.request
    await refresh_card(c.session, c.now, request, c.before_department)
    await _tell(c, "transferred", actor_id=c.actor, department=request.department_key,
                text=c.reason or "")
    if not c.shown:  # the new department has no chat: it waits for /bind, say so
        for admin in c.svc.org.organization.admins:
            notify(c.session, c.now, admin, "unbound", request)


async def _reopened(c: _Change) -> None:
    await requests.drop_rating(c.session, c.request.id)
    # the comment asked for that rating is not awaited any more: the requester's
    # next message must not be taken (and refused) as a comment on nothing
    await drafts.clear_pending_for(c.session, c.request.id, RATING_COMMENT)
    await notify_group(c.session, c.now, c.request.department_key, "reopened", c.request,
                       actor_id=c.actor, text=c.reason or "")


async def _accepted(c: _Change) -> None:
    await notify_group(c.session, c.now, c.request.department_key, "accepted", c.request,
                       actor_id=c.actor)


async def _copies(c: _Change) -> None:
    """Every approver's copy says who decided (the decider's too: its buttons go)."""
    for approver in await approvals.approvers_of(c.session, c.request.id):
        approval_copy(c.session, c.now, c.request, approver)


async def _approved(c: _Change) -> None:
    """The department gets the card now (posted by _announce), the requester hears it;
    a department that assigns by itself does so now; no chat: the admins are told."""
    await _copies(c)
    await _tell(c, "approved", actor_id=c.actor)
    if not c.shown:
        for admin in c.svc.org.organization.admins:
            notify(c.session, c.now, admin, "unbound", c.request)
    department = c.svc.org.department(c.request.department_key)
    pick = await auto_pick(c.session, c.svc, department, c.now) if department else None
    if pick is not None:
        await assign_now(c.session, c.svc, c.request, pick, c.now)


async def _declined(c: _Change) -> None:
    await _copies(c)
    await _tell(c, "declined", actor_id=c.actor, text=c.reason or "")


# who hears of each action besides the card (an action not here changes only the card)
_ANNOUNCE: dict[Action, Callable[[_Change], Awaitable[None]]] = {
    Action.TAKE: _taken, Action.ASSIGN: _assigned, Action.REASSIGN: _reassigned,
    Action.RELEASE: _released, Action.NEED_INFO: _question,
    Action.DONE: _done, Action.REJECT: _rejected, Action.TRANSFER: _transferred,
    Action.REOPEN: _reopened, Action.ACCEPT: _accepted, Action.CANCEL: _cancelled,
    Action.APPROVE: _approved, Action.DECLINE: _declined,
}


async def begin_input(svc: Services, request_id: int, action: Action, press: Press,
                      data: dict[str, Any] | None = None) -> Outcome:
    """Check an action that needs a typed reason and remember that we wait for it."""
    async with svc.db.transaction() as session:
        checked, _ = await _check(session, svc, request_id, action, press)
        to_department = (data or {}).get("to")
        if checked.ok and to_department is not None and checked.request is not None \
                and checked.request.department_key == to_department:
            return Outcome(checked.request, Refusal.SAME_DEPARTMENT)
        if checked.ok:
            await drafts.set_pending(session, press.chat_id, press.actor_id, action.value,
                                     request_id, svc.clock.now(), data)
        return checked


async def prompt_shown(svc: Services, press: Press, message_id: int) -> None:
    """The prompt for the presser's awaited input was sent: a reply to it is the input."""
    async with svc.db.transaction() as session:
        await drafts.set_prompt_message(session, press.chat_id, press.actor_id, message_id)


async def awaited_reason(svc: Services, chat_id: int, user_id: int, reply_to: int | None
                         ) -> PendingInput | None:
    """The reason a person was asked for, when their message replies to its prompt.
    Only a reply: a Cancel request whose prompt was left unanswered must not be
    carried out by whatever the person writes next (it cannot be undone)."""
    if reply_to is None:
        return None
    async with svc.db.reading() as session:
        pending = await drafts.get_pending(session, chat_id, user_id)
    if pending is None or pending.kind not in REASON_ACTIONS:
        return None
    return pending if pending.prompt_message_id == reply_to else None


async def skip_reason(svc: Services, request_id: int, action: Action, press: Press) -> Outcome:
    """Skip under the prompt of an action whose reason may be left out: the action is
    applied without one, and the reason is no longer awaited."""
    if not TRANSITIONS[action].optional_reason:
        return Outcome(None, Refusal.NOT_FOUND)
    outcome = await act(svc, request_id, action, press)
    async with svc.db.transaction() as session:
        pending = await drafts.get_pending(session, press.chat_id, press.actor_id)
        if pending is not None and pending.request_id == request_id \
                and pending.kind == action.value:
            await drafts.clear_pending(session, press.chat_id, press.actor_id)
    return outcome


async def give_reason(svc: Services, pending: PendingInput, press: Press, text: str
                      ) -> Outcome:
    """Apply the action a typed reason was asked for; the prompt is answered either way."""
    outcome = await act(svc, pending.request_id, REASON_ACTIONS[pending.kind], press, reason=text,
                        to_department=pending.data.get("to"))
    async with svc.db.transaction() as session:
        await drafts.clear_pending(session, press.chat_id, press.actor_id)
    return outcome


async def people_named(svc: Services, outcome: Outcome) -> dict[int, User]:
    """The people a refusal names: the request's assignee and who changed it first."""
    request, first = outcome.request, outcome.first
    ids = {i for i in (request.assignee_id if request else None,
                       first.actor_id if first else None) if i is not None}
    if not ids:
        return {}
    async with svc.db.reading() as session:
        return await users.get_users(session, ids)


async def reviewed(svc: Services, request_id: int) -> tuple[Request | None, bool]:
    """The request after Accept or Reopen, and whether it has a rating."""
    async with svc.db.reading() as session:
        request = await requests.get_request(session, request_id)
        return request, await requests.get_rating(session, request_id) is not None


async def request_shown_by(svc: Services, chat_id: int, message_id: int) -> int | None:
    """The request a message shows (its card, a notice, a relayed reply), if any."""
    async with svc.db.reading() as session:
        shown = await requests.request_of_message(session, chat_id, message_id)
    return shown.request_id if shown is not None and shown.kind in SHOWS_REQUEST else None


async def rate(svc: Services, request_id: int, press: Press, score: int) -> Outcome:
    """A rating from the requester while the request is on review or just closed; then
    a comment is awaited (see :func:`comment`)."""
    if not 1 <= score <= 5:
        return Outcome(None, Refusal.NOT_FOUND)
    now = svc.clock.now()
    async with svc.db.transaction() as session:
        request, roles = await _visible(session, svc, request_id, press)
        if request is None:
            return Outcome(None, Refusal.NOT_FOUND)
        if Role.REQUESTER not in roles:
            return Outcome(request, Refusal.NOT_ALLOWED)
        if not await _pressed_on_it(session, request_id, press):
            return Outcome(None, Refusal.NOT_FOUND)
        expired = request.done_at is None or request.auto_closed or (
            now >= rating_expires_at(request.done_at, svc.org))
        if request.status not in (Status.ON_REVIEW, Status.CLOSED) or expired:
            return Outcome(request, Refusal.WRONG_STATE)
        if not await requests.set_rating(session, request, score, press.actor_id, now):
            return Outcome(request, unchanged=True)  # the same star again: nothing new
        requests.add_event(session, request_id, now, "rated", press.actor_id, reason=str(score))
        _tell_assignee(session, now, request, press.actor_id, "rating_told.rated", score=score)
        await refresh_card(session, now, request)
        await reschedule(session, svc, request, now)
        await drafts.set_pending(session, press.chat_id, press.actor_id, RATING_COMMENT,
                                 request_id, now)
        return Outcome(request)


async def comment(svc: Services, user_id: int, text: str, *, reply_to: int | None,
                  update_id: int | None = None) -> Outcome | None:
    """A private message that may be the rating comment asked for: a reply to the
    prompt, or the next message that replies to nothing while no form is open (an open
    form's answers are never taken), within COMMENT_WAIT of the rating. None when it is
    not a comment: the message goes on to the form."""
    now = svc.clock.now()
    async with svc.db.reading() as session:  # most messages are not comments: no write lock
        pending = await drafts.get_pending(session, user_id, user_id)
        if pending is None or pending.kind != RATING_COMMENT:
            return None
        expired = now - pending.created_at > COMMENT_WAIT
        replied = reply_to is not None and reply_to == pending.prompt_message_id
        # a message that replies to nothing is the comment only while no form is open
        taken = not expired and (replied or (
            reply_to is None and await drafts.get_draft(session, user_id) is None))
        request_id = pending.request_id
    if not taken:
        if expired:  # asked too long ago: no later message is taken for it
            async with svc.db.transaction() as session:
                await drafts.clear_pending(session, user_id, user_id)
        return None
    async with svc.db.transaction() as session:
        if not await updates.first_time(session, update_id, now):
            return Outcome(None, Refusal.DUPLICATE)
        await drafts.clear_pending(session, user_id, user_id)
        request = await requests.get_request(session, request_id)
        if request is None or not await requests.set_rating_comment(session, request_id, text):
            return Outcome(request, Refusal.WRONG_STATE)
        requests.add_event(session, request_id, now, "commented", user_id, reason=text)
        rating = await session.get(Rating, request_id)
        if rating is not None:
            _tell_assignee(session, now, request, user_id, "rating_told.rated_comment",
                           score=rating.score, text=text)
        await refresh_card(session, now, request)
        return Outcome(request)


def _tell_assignee(session: AsyncSession, now: datetime, request: Request, rater_id: int,
                   template: str, **args: Any) -> None:
    """The executor hears of each rating of their work, and then of its comment, in the
    transaction that records it."""
    if request.assignee_id is not None and request.assignee_id != rater_id:
        notify(session, now, request.assignee_id, template, request, actor_id=rater_id,
               **args)


async def skip_comment(svc: Services, request_id: int, press: Press) -> bool:
    """«No comment» on a rating message of an earlier version: ends the presser's own
    awaited comment on this request; False when there is none to end."""
    async with svc.db.transaction() as session:
        pending = await drafts.get_pending(session, press.chat_id, press.actor_id)
        if pending is None or pending.kind != RATING_COMMENT \
                or pending.request_id != request_id or press.chat_id != press.actor_id \
                or pending.prompt_message_id not in (None, press.message_id):
            return False
        return await drafts.clear_pending(session, press.chat_id, press.actor_id)


async def relay_message(
    svc: Services,
    request_id: int,
    press: Press,
    *,
    text: str | None,
    caption: str | None = None,
) -> Outcome:
    """A reply to a message about #N: requester → department thread, or back."""
    now = svc.clock.now()
    assert press.message_id is not None
    async with svc.db.transaction() as session:
        if not await updates.first_time(session, press.update_id, now):
            return Outcome(None, Refusal.DUPLICATE)
        request = await requests.get_request(session, request_id)
        if request is None:
            return Outcome(None, Refusal.NOT_FOUND)
        roles = await roles_of(session, svc, request, press)
        if request.status == Status.APPROVAL and (Role.REQUESTER in roles
                                                   or Role.APPROVER in roles):
            return await _approval_relay(session, request, press, roles, now, text, caption)
        if Role.REQUESTER in roles:
            binding = await users.binding_for(session, request.department_key)
            if request.status not in OPEN_STATUSES or binding is None:
                return Outcome(request, Refusal.WRONG_STATE)
            answered = False
            if request.status == Status.WAITING:  # the answer puts it back to work
                changed = await _transition(session, svc, request, Action.ANSWER,
                                            press.actor_id, now, reason=text)
                answered = changed is not None
                request = changed or request
            await relay(session, now, request, to_chat=binding.chat_id, thread_id=binding.thread_id,
                  from_chat=press.chat_id, message_id=press.message_id, author_id=press.actor_id,
                  text=text, caption=caption, to_card=True)
            return Outcome(request, relayed_to="department", answered=answered)
        if Role.WATCHER in roles:  # passed on like the requester's, answering nothing
            binding = await users.binding_for(session, request.department_key)
            if request.status not in OPEN_STATUSES or binding is None:
                return Outcome(request, Refusal.WRONG_STATE)
            await relay(session, now, request, to_chat=binding.chat_id,
                        thread_id=binding.thread_id, from_chat=press.chat_id,
                        message_id=press.message_id, author_id=press.actor_id, text=text,
                        caption=caption, to_card=True, watcher=True)
            return Outcome(request, relayed_to="department")
        if Role.EXECUTOR in roles or Role.MANAGER in roles:
            if request.status in (Status.CANCELLED,):
                return Outcome(request, Refusal.WRONG_STATE)
            if request.status in FINAL_STATUSES and request.closed_at is not None \
                    and now - request.closed_at > RELAY_AFTER_CLOSE:
                return Outcome(request, Refusal.EXPIRED)
            await relay(session, now, request, to_chat=request.requester_id, thread_id=None,
                  from_chat=press.chat_id, message_id=press.message_id, author_id=press.actor_id,
                  text=text, caption=caption, to_card=False)
            requests.add_event(session, request_id, now, "message", press.actor_id, reason=text)
            return Outcome(request, relayed_to="requester")
        return Outcome(request, Refusal.NOT_ALLOWED)


async def _approval_relay(session: AsyncSession, request: Request, press: Press,
                          roles: set[Role], now: datetime, text: str | None,
                          caption: str | None) -> Outcome:
    """While a request awaits approval, the requester's reply goes to the approvers who
    asked (all of them when nobody did), and an approver's reply to the requester, as
    another question."""
    assert press.message_id is not None
    if Role.REQUESTER in roles:
        to = await approvals.askers(session, request.id) \
            or await approvals.approvers_of(session, request.id)
        for approver in to:
            await relay(session, now, request, to_chat=approver, thread_id=None,
                        from_chat=press.chat_id, message_id=press.message_id,
                        author_id=press.actor_id, text=text, caption=caption, to_card=False,
                        part="requester")
        requests.add_event(session, request.id, now, "message", press.actor_id, reason=text)
        return Outcome(request, relayed_to="approver")
    await relay(session, now, request, to_chat=request.requester_id, thread_id=None,
                from_chat=press.chat_id, message_id=press.message_id, author_id=press.actor_id,
                text=text, caption=caption, to_card=False, part="approver")
    requests.add_event(session, request.id, now, approvals.ASK_EVENT, press.actor_id,
                       reason=text)
    return Outcome(request, relayed_to="requester")
