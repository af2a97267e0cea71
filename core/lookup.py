"""Looking a request up: who may see it (/show), what they see, and /find.

Visibility (SPEC §5): the requester, the watchers, the department's executors
(members of its bound chat: asked of Telegram by the caller's ``is_member``,
which the bot side caches briefly), the department's managers and the admins.
Anyone else, and a number that does not exist, get the same answer: None.
In a group, a request is shown only where its department is bound: the
executors of that department see it there (and nobody else's request leaks
into a group).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from core import sla
from core.context import Services
from core.lifecycle import OPEN_STATUSES, Action, Place, Role, Status, offered
from core.workflow import Press, roles_of
from db import approvals, requests, search, users, watchers
from db.models import Rating, Request, RequestEvent, User

# whether a person is a member of a chat now (getChatMember, asked by the bot side)
IsMember = Callable[[int, int], Awaitable[bool]]
FIND_LIMIT = 10


@dataclass(frozen=True)
class View:
    """Everything /show shows of one request to one viewer."""

    request: Request
    events: list[RequestEvent]
    people: dict[int, User]  # requester, assignee, actors, watchers
    watchers: list[int]
    rating: Rating | None
    actions: list[Action] = field(default_factory=list)  # the buttons this viewer may press
    approvers: list[int] = field(default_factory=list)  # who approves it (if it needs that)


async def _may_see(session: AsyncSession, svc: Services, request: Request, viewer: int,
                   chat_id: int) -> bool | int:
    """True or False, or the chat whose membership decides (asked of Telegram after the
    session: no connection is held through a network call)."""
    binding = await users.binding_for(session, request.department_key)
    if chat_id != viewer:  # a group: only where the department works, to its members
        return binding is not None and binding.chat_id == chat_id
    if viewer == request.requester_id or svc.org.is_manager(viewer, request.department_key):
        return True
    if await watchers.is_watcher(session, request.id, viewer):
        return True
    if await approvals.is_approver(session, request.id, viewer):
        return True
    return binding.chat_id if binding is not None else False


def view_actions(status: Status | str, roles: set[Role], *, taken: bool) -> list[Action]:
    """The buttons of a /show view: the table's actions shown at ``Place.VIEW`` on this
    status that these roles may press now (the check a press gets on the server)."""
    return offered(Place.VIEW, status, roles, taken=taken)


async def view(svc: Services, request_id: int, viewer: int, chat_id: int,
               is_member: IsMember) -> View | None:
    """The request as ``viewer`` may see it in ``chat_id``; None when it does not exist
    or is not theirs to see (alike)."""
    async with svc.db.reading() as session:
        request = await requests.get_request(session, request_id)
        may = False if request is None else await _may_see(session, svc, request, viewer,
                                                           chat_id)
    if may is not True and (may is False or not await is_member(may, viewer)):
        return None  # an executor is a member of the department's chat (asked here)
    decided_for = request.department_key if request is not None else None
    async with svc.db.reading() as session:
        request = await requests.get_request(session, request_id)
        if request is None or request.department_key != decided_for:
            return None  # transferred meanwhile: what was decided was about another place
        events = await requests.events_of(session, request_id)
        followers = await watchers.watchers_of(session, request_id)
        rating = await requests.get_rating(session, request_id)
        approvers = await approvals.approvers_of(session, request_id)
        ids = {request.requester_id, *followers, *approvers,
               *(e.actor_id for e in events if e.actor_id is not None)}
        if request.assignee_id:
            ids.add(request.assignee_id)
        people = await users.get_users(session, ids)
        actions: list[Action] = []
        if chat_id == viewer:  # executors act on the card in the group
            roles = await roles_of(session, svc, request,
                                   Press(viewer, chat_id, member=isinstance(may, int)
                                         and not isinstance(may, bool)))
            actions = view_actions(request.status, roles,
                                   taken=request.assignee_id is not None)
    return View(request, events, people, followers, rating, actions, approvers)


@dataclass(frozen=True)
class Found:
    requests: list[Request]
    people: dict[int, User]  # the requesters


async def find(svc: Services, text: str, asker: int, chat_id: int, thread_id: int | None
               ) -> Found:
    """The 10 newest requests matching ``text`` that the asker may see here: in private
    their own, their managed departments' (all for admins); in a group, the
    departments bound to it."""
    async with svc.db.reading() as session:
        if chat_id == asker:
            everything = svc.org.is_admin(asker)
            departments = [d.key for d in svc.org.departments if asker in d.managers]
            found = await search.find(session, text, limit=FIND_LIMIT,
                                      requester_id=asker, departments=departments,
                                      everything=everything)
        else:
            departments = await users.departments_of_chat(session, chat_id, thread_id)
            found = await search.find(session, text, limit=FIND_LIMIT, requester_id=None,
                                      departments=departments, everything=False)
        people = await users.get_users(session, {r.requester_id for r in found})
    return Found(found, people)


@dataclass(frozen=True)
class Deadline:
    """One clock of a request as /show tells it: when it is due and how it stands."""

    kind: str  # "take_by" | "done_by"
    due: datetime
    left: float | None = None  # working seconds left (negative: this late), while it runs
    ended: datetime | None = None  # when it was met or missed (taken, done)
    met: bool | None = None
    paused: bool = False  # waiting for the requester: ``left`` is frozen


def deadlines(svc: Services, request: Request, now: datetime) -> list[Deadline]:
    """The take-by and done-by clocks with the working time left or how late (the
    organisation's calendar), or when they were met."""
    cal = svc.org.work_calendar
    running = request.status in OPEN_STATUSES and request.status != Status.ON_REVIEW
    found: list[Deadline] = []
    if request.response_due_at is not None:
        due = request.response_due_at
        if request.status == Status.NEW:  # waiting to be taken (again, after a release)
            found.append(Deadline("take_by", due, left=sla.remaining(cal, due, now)))
        elif request.taken_at is not None:
            found.append(Deadline("take_by", due, ended=request.taken_at,
                                  met=request.taken_at <= due))
        else:
            found.append(Deadline("take_by", due))
    if request.status == Status.WAITING and request.resolve_remaining_s is not None:
        found.append(Deadline("done_by", request.resolve_due_at or now,
                              left=request.resolve_remaining_s, paused=True))
    elif request.resolve_due_at is not None:
        due = request.resolve_due_at
        if request.done_at is not None and not running:
            met = request.resolve_met if request.resolve_met is not None else request.done_at <= due
            found.append(Deadline("done_by", due, ended=request.done_at, met=met))
        elif running:
            found.append(Deadline("done_by", due, left=sla.remaining(cal, due, now)))
        else:
            found.append(Deadline("done_by", due))
    return found


def days_to(svc: Services, needed_by: date, now: datetime) -> int:
    """Calendar days from today (the organisation's time zone) to ``needed_by``;
    negative when it has passed."""
    today = now.astimezone(ZoneInfo(svc.org.organization.timezone)).date()
    return (needed_by - today).days
