"""The transition table (SPEC §3 statuses): where each action may start, where it leads, who may."""

from __future__ import annotations

import pytest

from core.lifecycle import (
    FINAL_STATUSES,
    OPEN_STATUSES,
    TRANSITIONS,
    Action,
    Role,
    Status,
    allowed,
)

S, A, R = Status, Action, Role


def can_apply(action: Action, status: Status | str) -> bool:
    """Whether ``action`` may start from ``status`` (the database holds plain strings)."""
    return Status(status) in TRANSITIONS[action].sources

# what SPEC §3 says, written out independently of the code
EXPECTED: dict[Action, tuple[set[Status], Status | None, set[Role]]] = {
    A.TAKE: ({S.NEW}, S.IN_PROGRESS, {R.EXECUTOR, R.MANAGER}),
    A.RELEASE: ({S.IN_PROGRESS, S.WAITING}, S.NEW, {R.ASSIGNEE, R.MANAGER}),
    A.NEED_INFO: ({S.IN_PROGRESS}, S.WAITING, {R.ASSIGNEE, R.MANAGER}),
    A.ANSWER: ({S.WAITING}, S.IN_PROGRESS, {R.REQUESTER}),
    A.DONE: ({S.IN_PROGRESS, S.WAITING}, S.ON_REVIEW, {R.ASSIGNEE, R.MANAGER}),
    A.ACCEPT: ({S.ON_REVIEW}, S.CLOSED, {R.REQUESTER}),
    A.REOPEN: ({S.ON_REVIEW}, S.IN_PROGRESS, {R.REQUESTER}),
    A.REJECT: ({S.NEW, S.IN_PROGRESS, S.WAITING}, S.REJECTED,
               {R.EXECUTOR, R.ASSIGNEE, R.MANAGER}),
    A.TRANSFER: ({S.NEW, S.IN_PROGRESS, S.WAITING}, S.NEW,
                 {R.EXECUTOR, R.ASSIGNEE, R.MANAGER}),
    # SPEC §5: also while it awaits approval (issue 13 review: else nobody may end it)
    A.CANCEL: ({S.APPROVAL, S.NEW, S.IN_PROGRESS, S.WAITING}, S.CANCELLED, {R.REQUESTER}),
    A.ASSIGN: ({S.NEW}, S.IN_PROGRESS, {R.MANAGER}),
    A.REASSIGN: ({S.IN_PROGRESS}, S.IN_PROGRESS, {R.MANAGER}),
    A.AUTO_CLOSE: ({S.ON_REVIEW}, S.CLOSED, {R.SYSTEM}),
    # SPEC §5: no status changes; anyone who may see an open request follows it (the
    # requester and the watchers excluded, see below), a watcher unfollows, the requester
    # repeats a closed or rejected request
    A.FOLLOW: ({S.NEW, S.IN_PROGRESS, S.WAITING, S.ON_REVIEW}, None,
               {R.EXECUTOR, R.ASSIGNEE, R.MANAGER}),
    A.UNFOLLOW: (set(Status), None, {R.WATCHER}),
    A.REPEAT: ({S.CLOSED, S.REJECTED}, None, {R.REQUESTER}),
    # SPEC §5 "Approvals": only the request's approvers decide, while it awaits approval;
    # Ask changes no status (a question to the requester)
    A.APPROVE: ({S.APPROVAL}, S.NEW, {R.APPROVER}),
    A.DECLINE: ({S.APPROVAL}, S.DECLINED, {R.APPROVER}),
    A.ASK: ({S.APPROVAL}, None, {R.APPROVER}),
}


def test_follow_is_not_for_the_requester_nor_a_watcher() -> None:
    assert allowed(A.FOLLOW, {R.MANAGER})
    assert not allowed(A.FOLLOW, {R.MANAGER, R.REQUESTER})
    assert not allowed(A.FOLLOW, {R.EXECUTOR, R.WATCHER})
    assert allowed(A.UNFOLLOW, {R.EXECUTOR, R.WATCHER})


def test_every_action_has_a_transition() -> None:
    assert set(TRANSITIONS) == set(Action) == set(EXPECTED)


@pytest.mark.parametrize("action", list(Action))
def test_transition_matches_the_spec(action: Action) -> None:
    sources, target, roles = EXPECTED[action]
    transition = TRANSITIONS[action]
    assert set(transition.sources) == sources
    assert transition.target == target
    assert set(transition.roles) == roles


@pytest.mark.parametrize("action", list(Action))
@pytest.mark.parametrize("status", list(Status))
def test_can_apply(action: Action, status: Status) -> None:
    expected = status in EXPECTED[action][0]
    assert can_apply(action, status) is expected
    assert can_apply(action, status.value) is expected  # the database holds plain strings


@pytest.mark.parametrize("action", list(Action))
@pytest.mark.parametrize("role", list(Role))
def test_allowed(action: Action, role: Role) -> None:
    assert allowed(action, {role}) is (role in EXPECTED[action][2])


def test_allowed_with_several_roles_and_none() -> None:
    assert allowed(A.DONE, {R.EXECUTOR, R.ASSIGNEE})
    assert not allowed(A.DONE, {R.EXECUTOR, R.REQUESTER})
    assert not allowed(A.TAKE, set())


def test_take_only_from_new() -> None:
    assert [s for s in Status if can_apply(A.TAKE, s)] == [S.NEW]


def test_done_from_in_progress_or_waiting() -> None:
    assert {s for s in Status if can_apply(A.DONE, s)} == {S.IN_PROGRESS, S.WAITING}


def test_accept_and_reopen_only_on_review() -> None:
    for action in (A.ACCEPT, A.REOPEN):
        assert [s for s in Status if can_apply(action, s)] == [S.ON_REVIEW]
    assert TRANSITIONS[A.REOPEN].target == S.IN_PROGRESS  # Reopen: on_review → in_progress


def test_release_returns_to_new() -> None:
    assert TRANSITIONS[A.RELEASE].target == S.NEW
    assert not can_apply(A.RELEASE, S.NEW)


def test_final_statuses_have_no_way_out() -> None:
    assert FINAL_STATUSES == {S.CLOSED, S.REJECTED, S.CANCELLED, S.DECLINED}
    for status in FINAL_STATUSES:
        # no way out: what may still be done there changes no status
        assert [a for a in Action if can_apply(a, status)
                and TRANSITIONS[a].target is not None] == []


def test_open_and_final_split_every_status() -> None:
    # awaiting approval is neither: the department has not got it yet
    assert OPEN_STATUSES | FINAL_STATUSES | {S.APPROVAL} == set(Status)
    assert not {S.APPROVAL} & (OPEN_STATUSES | FINAL_STATUSES)
    assert not OPEN_STATUSES & FINAL_STATUSES
    assert {t.target for t in TRANSITIONS.values()} - {None} <= set(Status)


def test_every_open_status_can_be_left() -> None:
    for status in {*OPEN_STATUSES, S.APPROVAL}:
        assert any(can_apply(a, status) for a in Action), status


def test_an_unknown_status_is_refused() -> None:
    with pytest.raises(ValueError):
        can_apply(A.TAKE, "archived")


def test_a_request_awaiting_approval_may_be_left_by_its_requester() -> None:
    """Approvers may never answer: the requester cancels it, from /show and from the
    confirmation sent after Send."""
    from core.lifecycle import Place, buttons, offered
    assert can_apply(A.CANCEL, S.APPROVAL) and allowed(A.CANCEL, {R.REQUESTER})
    assert offered(Place.VIEW, S.APPROVAL, {R.REQUESTER}, taken=False) == [A.CANCEL]
    assert A.CANCEL in buttons(Place.NOTICE, S.APPROVAL)


def test_an_approver_decides_from_the_copy_or_the_view() -> None:
    """An approver who lost their copy decides from /show; nobody else sees the buttons."""
    from core.lifecycle import Place, offered
    decisions = [A.APPROVE, A.DECLINE, A.ASK]
    for place in (Place.APPROVAL, Place.VIEW):
        assert offered(place, S.APPROVAL, {R.APPROVER}, taken=False) == decisions
    for role in set(Role) - {R.APPROVER}:
        assert not set(decisions) & set(offered(Place.VIEW, S.APPROVAL, {role}, taken=False))
    assert offered(Place.VIEW, S.NEW, {R.APPROVER}, taken=False) == []
