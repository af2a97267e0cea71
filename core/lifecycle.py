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
    SYSTEM = "system"  # the scheduler


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
    CANCEL = "cancel"
    AUTO_CLOSE = "auto_close"


@dataclass(frozen=True)
class Transition:
    sources: frozenset[Status]
    target: Status
    roles: frozenset[Role]
    # once someone has taken the request, being in the department's chat is not
    # enough: only the assignee or a manager may decide its fate
    assignee_once_taken: bool = False


def _t(sources: set[Status], target: Status, *roles: Role,
       assignee_once_taken: bool = False) -> Transition:
    return Transition(frozenset(sources), target, frozenset(roles), assignee_once_taken)


_WORKING = {Status.IN_PROGRESS, Status.WAITING}
TRANSITIONS: dict[Action, Transition] = {
    Action.TAKE: _t({Status.NEW}, Status.IN_PROGRESS, Role.EXECUTOR, Role.MANAGER),
    Action.RELEASE: _t(_WORKING, Status.NEW, Role.ASSIGNEE, Role.MANAGER),
    Action.NEED_INFO: _t({Status.IN_PROGRESS}, Status.WAITING, Role.ASSIGNEE, Role.MANAGER),
    Action.ANSWER: _t({Status.WAITING}, Status.IN_PROGRESS, Role.REQUESTER),
    Action.DONE: _t(_WORKING, Status.ON_REVIEW, Role.ASSIGNEE, Role.MANAGER),
    Action.ACCEPT: _t({Status.ON_REVIEW}, Status.CLOSED, Role.REQUESTER),
    Action.REOPEN: _t({Status.ON_REVIEW}, Status.IN_PROGRESS, Role.REQUESTER),
    Action.REJECT: _t({Status.NEW, *_WORKING}, Status.REJECTED, Role.EXECUTOR, Role.ASSIGNEE,
                      Role.MANAGER, assignee_once_taken=True),
    Action.TRANSFER: _t({Status.NEW, *_WORKING}, Status.NEW, Role.EXECUTOR, Role.ASSIGNEE,
                        Role.MANAGER, assignee_once_taken=True),
    Action.CANCEL: _t({Status.NEW, *_WORKING}, Status.CANCELLED, Role.REQUESTER),
    Action.AUTO_CLOSE: _t({Status.ON_REVIEW}, Status.CLOSED, Role.SYSTEM),
}


class Refusal(StrEnum):
    """Why an action was not applied; each has a text for the presser."""

    NOT_FOUND = "not_found"  # also: the presser has no part in it (so learns nothing)
    NOT_ALLOWED = "not_allowed"  # the presser lacks the role
    WRONG_STATE = "wrong_state"  # someone else was first, or it is already done
    SAME_DEPARTMENT = "same_department"
    DUPLICATE = "duplicate"  # the same update again: its effect is already done
    EXPIRED = "expired"  # ended too long ago to write about


def permitted_roles(action: Action, *, taken: bool) -> frozenset[Role]:
    """The roles that may apply ``action`` to a request someone has (not) taken."""
    transition = TRANSITIONS[action]
    if taken and transition.assignee_once_taken:
        return transition.roles - {Role.EXECUTOR}
    return transition.roles


def allowed(action: Action, roles: set[Role], *, taken: bool = False) -> bool:
    return bool(permitted_roles(action, taken=taken) & roles)


def only_as_assignee(action: Action, roles: set[Role], *, taken: bool) -> bool:
    """True when ``roles`` allow ``action`` only because the actor is the assignee: the
    change must then still find them assigned when it is written."""
    return permitted_roles(action, taken=taken) & roles == {Role.ASSIGNEE}


def can_apply(action: Action, status: Status | str) -> bool:
    return Status(status) in TRANSITIONS[action].sources
