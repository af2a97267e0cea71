"""The request lifecycle: statuses, actions, who may do what, and where it leads.

The single place for state transitions. Services apply a transition with one
conditional UPDATE (``WHERE status IN from_statuses``), so two presses at once
change a request once.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

# the statuses live in db/ (stored there, and db imports nothing from core)
from db.statuses import FINAL_STATUSES as FINAL_STATUSES
from db.statuses import OPEN_STATUSES as OPEN_STATUSES
from db.statuses import Status


class Role(StrEnum):
    REQUESTER = "requester"  # the person who filed the request
    EXECUTOR = "executor"  # a member of the department's chat
    ASSIGNEE = "assignee"  # the executor who took it
    MANAGER = "manager"  # a manager of the department or an admin
    WATCHER = "watcher"  # kept informed of it (db.watchers): hears what the requester hears
    SYSTEM = "system"  # the scheduler
    APPROVER = "approver"  # one of the request's approvers (db.approvals), in private


class Action(StrEnum):
    TAKE = "take"
    RELEASE = "release"
    NEED_INFO = "need_info"
    ANSWER = "answer"  # the requester answered a question: waiting → in_progress
    DONE = "done"
    ACCEPT = "accept"
    REOPEN = "reopen"
    REJECT = "reject"
    TRANSFER = "transfer"
    ASSIGN = "assign"  # a manager gives a new request to an executor
    REASSIGN = "reassign"  # …or a taken one to another executor
    CANCEL = "cancel"
    AUTO_CLOSE = "auto_close"
    # these change no status (their target is None): a watcher added or removed, a new
    # form filled from this request's answers
    FOLLOW = "follow"
    UNFOLLOW = "unfollow"
    REPEAT = "repeat"
    # approvals: an approver decides (Ask changes no status: a question to the requester)
    APPROVE = "approve"
    DECLINE = "decline"
    ASK = "question"  # not "ask": old cards' callback verb for Need info (bot.callbacks)


class Place(StrEnum):
    """Where an action's button is shown; the values are the kinds of messages recorded
    per request (core.workflow), so a press is accepted only from such a message."""

    CARD = "card"  # the request's card in its department's chat
    NOTICE = "notice"  # a notice to the requester: the confirmation after Send (Cancel
    # request), the review message when the work is done, the closing notices (Repeat)
    VIEW = "view"  # one person's private view of one request (/show): the requester's,
    # watchers', managers' and approvers' buttons
    APPROVAL = "approval"  # an approver's private copy of a request awaiting approval


class Clock(StrEnum):
    """What an action does to the SLA clocks (computed by core.workflow)."""

    ASSIGN = "assign"  # assigned; the first take stops the response clock
    REQUEUE = "requeue"  # unassigned: a fresh response clock, the resolution clock resumes
    PAUSE = "pause"  # the resolution clock stops while the requester is asked
    RESUME = "resume"  # the resolution clock goes on
    FINISH = "finish"  # the resolution clock stops and is judged
    CLOSE = "close"
    REOPEN = "reopen"  # back to work: the resolution clock goes on where it stopped
    MOVE = "move"  # to another department, whose response clock starts now
    START = "start"  # approved: both SLA clocks start now
    DECLINE = "decline"  # declined before any clock started: final


@dataclass(frozen=True)
class Transition:
    """Everything about one action; keyboards, callback data, the handlers' dispatch
    and the workflow's changes are derived from it."""

    sources: frozenset[Status]
    target: Status | None  # None: the status stays (Follow, Unfollow, Repeat)
    roles: frozenset[Role]
    clock: Clock | None
    # once someone has taken the request, being in the department's chat is not
    # enough: only the assignee or a manager may decide its fate
    assignee_once_taken: bool = False
    prompt: str | None = None  # asks for a typed reason first, with this text
    prompt_toast: str = "press.ask_reason"  # …said to the presser when it is asked
    confirm: str | None = None  # said (with the number) once the typed words applied it
    department: bool = False  # asks which department first (the reason comes after)
    person: bool = False  # asks which executor first: the pick is the new assignee
    places: frozenset[Place] = frozenset()  # a button labelled ``button.<action>`` there…
    shown_on: frozenset[Status] = frozenset()  # …while the request has one of these
    toast: str | None = None  # said to the presser when a press applied it
    review: str | None = None  # the text the pressed review message becomes
    optional_reason: bool = False  # the prompt has a Skip button: the reason may be left out
    # roles that may not, whatever other role they hold (the requester does not follow
    # their own request: they hear everything anyway; a watcher follows it already)
    excluded: frozenset[Role] = frozenset()
    # the press starts the form again, filled from this request (Repeat): the form's
    # to do, once the press is checked
    refills_form: bool = False

    @property
    def needs_reason(self) -> bool:
        return self.prompt is not None


def _t(sources: set[Status], target: Status | None, roles: set[Role], clock: Clock | None, *,
       assignee_once_taken: bool = False, prompt: str | None = None, department: bool = False,
       person: bool = False, button: Place | set[Place] | None = None,
       shown_on: set[Status] | None = None, toast: str | None = None,
       review: str | None = None, optional_reason: bool = False,
       excluded: set[Role] | None = None, refills_form: bool = False,
       prompt_toast: str = "press.ask_reason", confirm: str | None = None) -> Transition:
    """A declaration; a button shows on every status the action starts from unless
    ``shown_on`` says fewer; ``button`` is the place (or places) showing it."""
    places = frozenset() if button is None else frozenset(
        {button} if isinstance(button, Place) else button)
    shown = set() if not places else sources if shown_on is None else shown_on
    return Transition(frozenset(sources), target, frozenset(roles), clock,
                      assignee_once_taken, prompt, prompt_toast, confirm, department, person,
                      places, frozenset(shown), toast, review, optional_reason,
                      frozenset(excluded or ()), refills_form)


S, R = Status, Role
_WORKING = {S.IN_PROGRESS, S.WAITING}
_STAFF = {R.EXECUTOR, R.ASSIGNEE, R.MANAGER}
# the order of the entries is the order of the buttons
TRANSITIONS: dict[Action, Transition] = {
    Action.TAKE: _t({S.NEW}, S.IN_PROGRESS, {R.EXECUTOR, R.MANAGER}, Clock.ASSIGN,
                    button=Place.CARD, toast="press.took"),
    # on a taken request these two are the assignee's or a manager's: the card keeps to
    # Done, Need info and Release (SPEC §3); a reason asked for while the request was
    # new may still come after the take
    Action.REJECT: _t({S.NEW, *_WORKING}, S.REJECTED, _STAFF, Clock.CLOSE,
                      assignee_once_taken=True, prompt="prompt.reject",
                      button=Place.CARD, shown_on={S.NEW}),
    Action.TRANSFER: _t({S.NEW, *_WORKING}, S.NEW, _STAFF, Clock.MOVE,
                        assignee_once_taken=True, prompt="prompt.transfer", department=True,
                        button=Place.CARD, shown_on={S.NEW}),
    Action.DONE: _t(_WORKING, S.ON_REVIEW, {R.ASSIGNEE, R.MANAGER}, Clock.FINISH,
                    button=Place.CARD, toast="press.done"),
    # a question only while none is open: a waiting card offers no second one
    Action.NEED_INFO: _t({S.IN_PROGRESS}, S.WAITING, {R.ASSIGNEE, R.MANAGER}, Clock.PAUSE,
                         prompt="prompt.need_info", button=Place.CARD),
    Action.RELEASE: _t(_WORKING, S.NEW, {R.ASSIGNEE, R.MANAGER}, Clock.REQUEUE,
                       button=Place.CARD, toast="press.released"),
    # a manager's: the executors are listed under the card (or the /show view), the
    # pick is assigned; a reassign keeps the request in progress with someone else
    Action.ASSIGN: _t({S.NEW}, S.IN_PROGRESS, {R.MANAGER}, Clock.ASSIGN, person=True,
                      button={Place.CARD, Place.VIEW}, toast="press.assigned"),
    Action.REASSIGN: _t({S.IN_PROGRESS}, S.IN_PROGRESS, {R.MANAGER}, Clock.ASSIGN,
                        person=True, button={Place.CARD, Place.VIEW}, toast="press.assigned"),
    Action.ANSWER: _t({S.WAITING}, S.IN_PROGRESS, {R.REQUESTER}, Clock.RESUME),
    Action.ACCEPT: _t({S.ON_REVIEW}, S.CLOSED, {R.REQUESTER}, Clock.CLOSE,
                      button=Place.NOTICE, toast="press.accepted", review="review.accepted"),
    Action.REOPEN: _t({S.ON_REVIEW}, S.IN_PROGRESS, {R.REQUESTER}, Clock.REOPEN,
                      button=Place.NOTICE, toast="press.reopened", review="review.reopened"),
    # from /show and from the confirmation sent after Send; the reason may be skipped;
    # also while it awaits approval (nobody else can end a request no approver answers)
    Action.CANCEL: _t({S.APPROVAL, S.NEW, *_WORKING}, S.CANCELLED, {R.REQUESTER}, Clock.CLOSE,
                      prompt="prompt.cancel", optional_reason=True,
                      button={Place.VIEW, Place.NOTICE}, toast="press.cancelled"),
    Action.AUTO_CLOSE: _t({S.ON_REVIEW}, S.CLOSED, {R.SYSTEM}, Clock.CLOSE),
    # anyone who may see an open request follows it, but its requester and its watchers
    Action.FOLLOW: _t(set(OPEN_STATUSES), None, {R.EXECUTOR, R.ASSIGNEE, R.MANAGER}, None,
                      button=Place.VIEW, toast="press.followed",
                      excluded={R.REQUESTER, R.WATCHER}),
    Action.UNFOLLOW: _t(set(Status), None, {R.WATCHER}, None, button=Place.VIEW,
                        toast="press.unfollowed"),
    # the same form again, each earlier answer offered to keep (from /show and from the
    # notice that closed or rejected it)
    Action.REPEAT: _t({S.CLOSED, S.REJECTED}, None, {R.REQUESTER}, None,
                      button={Place.VIEW, Place.NOTICE}, toast="press.repeat", refills_form=True),
    # approvals: only the request's approvers, from their private copy or their /show
    # view (a copy lost or deleted); the first answer counts (the conditional UPDATE on
    # status approval)
    Action.APPROVE: _t({S.APPROVAL}, S.NEW, {R.APPROVER}, Clock.START,
                       button={Place.APPROVAL, Place.VIEW}, toast="press.approved"),
    Action.DECLINE: _t({S.APPROVAL}, S.DECLINED, {R.APPROVER}, Clock.DECLINE,
                       prompt="prompt.decline", button={Place.APPROVAL, Place.VIEW}),
    Action.ASK: _t({S.APPROVAL}, None, {R.APPROVER}, None, prompt="prompt.ask",
                   prompt_toast="press.ask_question", confirm="relay.question_sent",
                   button={Place.APPROVAL, Place.VIEW}),
}
del S, R


class Refusal(StrEnum):
    """Why an action was not applied; each has a text for the presser."""

    NOT_FOUND = "not_found"  # also: the presser has no part in it (so learns nothing)
    NOT_ALLOWED = "not_allowed"  # the presser lacks the role
    WRONG_STATE = "wrong_state"  # someone else was first, or it is already done
    SAME_DEPARTMENT = "same_department"
    NOT_EXECUTOR = "not_executor"  # the person picked does not work for the department
    SAME_PERSON = "same_person"  # a reassign to whom it is already with
    DUPLICATE = "duplicate"  # the same update again: its effect is already done
    EXPIRED = "expired"  # ended too long ago to write about


def permitted_roles(action: Action, *, taken: bool) -> frozenset[Role]:
    """The roles that may apply ``action`` to a request someone has (not) taken."""
    transition = TRANSITIONS[action]
    if taken and transition.assignee_once_taken:
        return transition.roles - {Role.EXECUTOR}
    return transition.roles


def allowed(action: Action, roles: set[Role], *, taken: bool = False) -> bool:
    return bool(permitted_roles(action, taken=taken) & roles) and not (
        TRANSITIONS[action].excluded & roles)


def only_as_assignee(action: Action, roles: set[Role], *, taken: bool) -> bool:
    """True when ``roles`` allow ``action`` only because the actor is the assignee: the
    change must then still find them assigned when it is written."""
    return permitted_roles(action, taken=taken) & roles == {Role.ASSIGNEE}


def refusal(action: Action, status: Status | str, roles: set[Role], *, taken: bool
            ) -> Refusal | None:
    """Why ``roles`` may not apply ``action`` to a request in ``status`` now, or None.
    No role at all is NOT_FOUND: the presser has no part in the request."""
    if not roles:
        return Refusal.NOT_FOUND
    if not allowed(action, roles, taken=taken):
        return Refusal.NOT_ALLOWED
    if Status(status) not in TRANSITIONS[action].sources:
        return Refusal.WRONG_STATE
    return None


def buttons(place: Place, status: Status | str) -> list[Action]:
    """The actions whose buttons a message at ``place`` shows for ``status``, in order."""
    return [a for a, t in TRANSITIONS.items()
            if place in t.places and Status(status) in t.shown_on]


def offered(place: Place, status: Status | str, roles: set[Role], *, taken: bool
            ) -> list[Action]:
    """The buttons one person's own message at ``place`` shows them (their view of a
    request): those of the status that they may press now."""
    return [a for a in buttons(place, status) if refusal(a, status, roles, taken=taken) is None]


def pressable(action: Action) -> bool:
    """Whether ``action`` is started by a button (its callback verb is its name)."""
    return bool(TRANSITIONS[action].places)
