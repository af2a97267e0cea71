"""The lifecycle table drives the buttons: for every action × status × role, a button is
shown exactly when a press of it would be accepted (core.lifecycle.refusal, the check the
workflow applies), and a shown button never answers "Too late"."""

from __future__ import annotations

import pytest

from bot import callbacks, keyboards
from core.lifecycle import (
    TRANSITIONS,
    Action,
    Place,
    Refusal,
    Role,
    Status,
    offered,
    refusal,
)
from core.lookup import view_actions

S, A, R = Status, Action, Role
NUMBER = 7
# the roles core sees for each person where they press: the requester in the private
# chat, staff in the department's chat (a manager there is also a member of it)
PEOPLE: dict[str, set[Role]] = {
    "requester": {R.REQUESTER},
    "executor": {R.EXECUTOR},
    "assignee": {R.EXECUTOR, R.ASSIGNEE},
    "manager": {R.EXECUTOR, R.MANAGER},
    "watcher": {R.WATCHER},
    "stranger": set(),
}
SEES = {Place.CARD: ("executor", "assignee", "manager"), Place.NOTICE: ("requester",),
        Place.VIEW: ("requester", "manager in private", "executor in private",
                     "approver in private")}
# a /show view is private: the roles core sees there (an executor sees the request as a
# member of the department's chat, but acts on the card in the group: no role here)
PRIVATE: dict[str, set[Role]] = {
    "requester": {R.REQUESTER},
    "manager in private": {R.MANAGER},
    "executor in private": set(),
    "approver in private": {R.APPROVER},  # one of the request's approvers (issue 13)
}
# accepted but offered by no button: on a taken request, Reject and Transfer are the
# assignee's or a manager's and the card keeps to Done, Need info, Release (SPEC §3);
# a reason asked for while the request was new may still come after the take
NOT_OFFERED = {(a, s) for a in (A.REJECT, A.TRANSFER) for s in (S.IN_PROGRESS, S.WAITING)}


def taken_options(status: Status) -> tuple[bool, ...]:
    """Whether someone has taken a request in ``status``: never while new, always while
    worked on or reviewed, either once it ended."""
    if status is S.NEW:
        return (False,)
    if status in (S.IN_PROGRESS, S.WAITING, S.ON_REVIEW):
        return (True,)
    return (False, True)


def shown(place: Place, status: Status, viewer: str | None = None, taken: bool = False
          ) -> set[Action]:
    """The actions the keyboard builder puts on that message, read back from its data;
    a view's buttons are the viewer's own."""
    if place is Place.CARD:
        markup = keyboards.card("en", NUMBER, status)
    elif place is Place.VIEW:
        roles = PRIVATE[viewer] if viewer else set()
        markup = keyboards.view("en", NUMBER, view_actions(status, roles, taken=taken))
    else:  # the review message while on review, else the confirmation or closing notice
        markup = keyboards.review("en", NUMBER) if status is S.ON_REVIEW \
            else keyboards.notice("en", NUMBER, status)
    actions = set()
    for row in markup.inline_keyboard if markup else ():
        for button in row:
            press = callbacks.parse(button.callback_data)
            assert isinstance(press, callbacks.RequestPress) and press.request_id == NUMBER
            if press.action is not None:
                actions.add(press.action)
    return actions


CASES = [(a, s, taken) for a in Action for s in Status for taken in taken_options(s)]


@pytest.mark.parametrize(("action", "status", "taken"), CASES)
def test_a_button_is_shown_exactly_when_its_press_is_accepted(
        action: Action, status: Status, taken: bool) -> None:
    step = TRANSITIONS[action]
    answers = {who: refusal(action, status, roles, taken=taken)
               for who, roles in PEOPLE.items() if taken or who != "assignee"}
    if not step.places:  # no button, no press: nothing shows it anywhere
        assert all(action not in shown(place, status, viewer, taken)
                   for place in SEES for viewer in (SEES[place] if place is Place.VIEW
                                                    else (None,)))
        return
    for place in step.places & SEES.keys():
        if place is Place.VIEW:
            check_view(action, status, taken)
        else:
            check_place(action, status, answers, place)


def check_view(action: Action, status: Status, taken: bool) -> None:
    """In a /show view each viewer sees exactly the buttons their presses would pass."""
    for viewer in SEES[Place.VIEW]:
        accepted = refusal(action, status, PRIVATE[viewer], taken=taken) is None
        assert (action in shown(Place.VIEW, status, viewer, taken)) == accepted, viewer


def check_place(action: Action, status: Status, answers: dict[str, Refusal | None],
                place: Place) -> None:
    offered = action in shown(place, status)
    accepted = [who for who in SEES[place] if who in answers and answers[who] is None]
    if (action, status) in NOT_OFFERED:
        assert not offered and set(accepted) == {"assignee", "manager"}
        return
    assert offered == bool(accepted), (accepted, answers)
    if offered:  # whoever is refused is told it is not theirs to press, never "too late"
        assert Refusal.WRONG_STATE not in answers.values(), answers
        assert answers["stranger"] is Refusal.NOT_FOUND
    else:
        assert all(answer is not None for answer in answers.values()), answers


def test_the_cards_show_what_spec_says() -> None:
    assert [a.value for a in shown_in_order(S.NEW)] == ["take", "reject", "transfer", "assign"]
    assert [a.value for a in shown_in_order(S.IN_PROGRESS)] == [
        "done", "need_info", "release", "reassign"]
    assert [a.value for a in shown_in_order(S.WAITING)] == ["done", "release"]
    assert shown(Place.NOTICE, S.ON_REVIEW) == {A.ACCEPT, A.REOPEN}
    # Cancel request under the confirmation while it may be cancelled, Repeat under the
    # notice that ended it
    assert shown(Place.NOTICE, S.NEW) == shown(Place.NOTICE, S.APPROVAL) == {A.CANCEL}
    assert shown(Place.NOTICE, S.REJECTED) == shown(Place.NOTICE, S.CLOSED) == {A.REPEAT}
    assert shown(Place.NOTICE, S.CANCELLED) == set()


@pytest.mark.parametrize(("status", "taken"),
                         [(s, taken) for s in Status for taken in taken_options(s)])
def test_a_view_offers_each_person_what_they_may_press(status: Status, taken: bool) -> None:
    """The private view of a request (/show): its buttons are the viewer's own, and a
    button shown is never refused (by role or as too late)."""
    view = {who: set(offered(Place.VIEW, status, roles, taken=taken))
            for who, roles in PEOPLE.items()}
    for who, actions in view.items():
        for action in actions:
            assert refusal(action, status, PEOPLE[who], taken=taken) is None
    is_open = status in (S.NEW, S.IN_PROGRESS, S.WAITING, S.ON_REVIEW)
    # the requester may cancel it while it awaits approval too (nobody else may end it)
    working = status in (S.APPROVAL, S.NEW, S.IN_PROGRESS, S.WAITING)
    ended = status in (S.CLOSED, S.REJECTED)
    assert view["requester"] == {A.CANCEL} if working else (
        view["requester"] == ({A.REPEAT} if ended else set()))
    assert view["watcher"] == {A.UNFOLLOW}  # never Follow again, never Cancel or Repeat
    assert view["stranger"] == set()
    # Follow while open; staff never cancel; a manager assigns a new request and gives
    # one in progress to someone else
    assert view["executor"] == ({A.FOLLOW} if is_open else set())
    assert view["manager"] == ({A.FOLLOW} if is_open else set()) | (
        {A.ASSIGN} if status is S.NEW else {A.REASSIGN} if status is S.IN_PROGRESS else set())
    # an approver decides from their view too (a copy lost), only while it awaits approval
    approver = set(offered(Place.VIEW, status, {R.APPROVER}, taken=taken))
    assert approver == ({A.APPROVE, A.DECLINE, A.ASK} if status is S.APPROVAL else set())
    # the requester hears everything anyway: never Follow, even as a manager
    assert A.FOLLOW not in offered(Place.VIEW, status, {R.REQUESTER, R.MANAGER}, taken=taken)


def shown_in_order(status: Status) -> list[Action]:
    markup = keyboards.card("en", NUMBER, status)
    assert markup is not None
    return [press.action for button in markup.inline_keyboard[0]
            if isinstance(press := callbacks.parse(button.callback_data), callbacks.RequestPress)
            and press.action is not None]


def test_every_declaration_is_complete() -> None:
    for action, step in TRANSITIONS.items():
        assert step.shown_on <= step.sources, action
        if step.places and not step.needs_reason and not step.department:
            assert step.toast is not None, action  # applied at once: the presser is told
        if step.department:
            assert step.needs_reason, action  # the department chosen, then the reason
