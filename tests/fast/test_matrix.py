"""Every action of the lifecycle table × every status × every role, through
core.workflow.act on a real database: applied exactly when core.lifecycle.refusal
says so, refused with its kind otherwise, and an applied action leaves the row
where the table leads (status, assignee, department)."""

from __future__ import annotations

import pytest

from core.lifecycle import TRANSITIONS, Action, Clock, Refusal, Role, Status, refusal
from core.workflow import Press, act
from tests.conftest import ADMIN, EXECUTOR, EXECUTOR2, HR_CHAT, IT_CHAT, OUTSIDER, REQUESTER
from tests.fast.conftest import PREFILED, World

# who presses, from where: (user, chat)
PERSONAS = {
    "requester": (REQUESTER, REQUESTER),  # in a private chat with the bot
    "executor": (EXECUTOR2, IT_CHAT),  # in the department's bound chat, not the assignee
    "assignee": (EXECUTOR, IT_CHAT),  # who took it (just an executor while nobody has)
    "manager": (ADMIN, ADMIN),  # a manager of IT, privately: the manager role alone
    "stranger": (OUTSIDER, OUTSIDER),
}
# a status and whether someone has taken the request in it
STATES = {
    Status.NEW: None, Status.IN_PROGRESS: EXECUTOR, Status.WAITING: EXECUTOR,
    Status.ON_REVIEW: EXECUTOR, Status.CLOSED: EXECUTOR, Status.REJECTED: None,
    Status.CANCELLED: None,
    # awaiting approval, and declined: none of the personas approves these requests (the
    # approver's presses are end to end in tests/e2e/test_approval.py)
    Status.APPROVAL: None, Status.DECLINED: None,
}


# what an applied action owes: the card refreshed where it is shown, and the notices
OWED: dict[Action, list[tuple[int, str, str | None]]] = {
    Action.TAKE: [(IT_CHAT, "card", None), (REQUESTER, "notice", "taken")],
    Action.REJECT: [(IT_CHAT, "card", None), (REQUESTER, "notice", "rejected")],
    Action.TRANSFER: [(HR_CHAT, "card", None), (IT_CHAT, "card", None),
                      (REQUESTER, "notice", "transferred")],
    Action.DONE: [(IT_CHAT, "card", None), (REQUESTER, "notice", "done")],
    Action.NEED_INFO: [(IT_CHAT, "card", None), (REQUESTER, "notice", "question")],
    Action.RELEASE: [(IT_CHAT, "card", None), (REQUESTER, "notice", "released")],
    Action.ANSWER: [(IT_CHAT, "card", None)],  # the answer itself is relayed (test_relay)
    Action.ACCEPT: [(IT_CHAT, "card", None), (IT_CHAT, "notice", "accepted")],
    Action.REOPEN: [(IT_CHAT, "card", None), (IT_CHAT, "notice", "reopened")],
    # the requester's confirmation (with the reason given); the assignee's notice is
    # added below when someone has taken it
    Action.CANCEL: [(IT_CHAT, "card", None), (REQUESTER, "notice", "cancelled_reason"),
                    (IT_CHAT, "notice", "group_cancelled_reason")],
    Action.AUTO_CLOSE: [],  # nobody may: the scheduler's (test_sweep)
    # the pick (EXECUTOR2) is told; on Reassign so is whom it was taken from
    Action.ASSIGN: [(IT_CHAT, "card", None), (EXECUTOR2, "notice", "assigned"),
                    (REQUESTER, "notice", "taken")],
    Action.REASSIGN: [(IT_CHAT, "card", None), (EXECUTOR2, "notice", "assigned"),
                      (EXECUTOR, "notice", "unassigned")],
    # no status changes: Follow and Unfollow change the watchers (test_watchers), Repeat
    # is the form's: nothing is owed
    Action.FOLLOW: [], Action.UNFOLLOW: [], Action.REPEAT: [],
    # an approver's: the card posted, the requester told (and every approver's copy)
    Action.APPROVE: [(IT_CHAT, "card", None), (REQUESTER, "notice", "approved")],
    Action.DECLINE: [(REQUESTER, "notice", "declined")],
    Action.ASK: [(REQUESTER, "notice", "approval_question")],
}
PICKED = EXECUTOR2  # the executor a manager picks for Assign and Reassign


def owed_by(action: Action, assignee: int | None, status: Status
            ) -> list[tuple[int, str, str | None]]:
    if action is Action.CANCEL and status is Status.APPROVAL:
        # the department never had it: no card, no notice in its chat (and no approvers
        # here, whose copies would change)
        return [(REQUESTER, "notice", "cancelled_approval_reason")]
    if action is Action.CANCEL and assignee is not None:
        return [*OWED[action][:2], (assignee, "notice", "assignee_cancelled_reason"),
                *OWED[action][2:]]
    return OWED[action]


def roles(persona: str, assignee: int | None) -> set[Role]:
    """The roles the persona holds on a request of the IT department."""
    return {
        "requester": {Role.REQUESTER},
        "executor": {Role.EXECUTOR},
        "assignee": {Role.EXECUTOR, Role.ASSIGNEE} if assignee == EXECUTOR else {Role.EXECUTOR},
        "manager": {Role.MANAGER},
        "stranger": set(),
    }[persona]


def test_the_matrix_covers_the_whole_table() -> None:
    assert set(STATES) == set(Status)
    assert {a for a in Action} == set(TRANSITIONS) == set(OWED)


@pytest.mark.parametrize("status", list(STATES), ids=str)
@pytest.mark.parametrize("action", list(Action), ids=str)
async def test_action_by_every_role(world: World, action: Action, status: Status) -> None:
    # requests #1..#5, filed at START, one per persona
    await check_cell(world, action, status, list(range(1, PREFILED + 1)))


@pytest.mark.parametrize("backend", [pytest.param("postgres", marks=pytest.mark.postgres)],
                         indirect=True)
async def test_the_whole_matrix_on_postgres(world: World) -> None:
    """The same cells in one PostgreSQL database, the five requests put back each time."""
    for action in Action:
        for status in STATES:
            await check_cell(world, action, status, list(range(1, PREFILED + 1)))


async def check_cell(world: World, action: Action, status: Status, requests: list[int]) -> None:
    """Each persona presses ``action`` on a request of its own in ``status``."""
    assignee = STATES[status]
    step = TRANSITIONS[action]
    numbers = dict(zip(PERSONAS, requests, strict=True))
    await world.force(requests, status, assignee)
    await world.settle()
    outcomes = {}
    for persona, (user, chat) in PERSONAS.items():
        outcomes[persona] = await act(world.svc, numbers[persona], action, Press(user, chat),
                                      reason="because" if step.needs_reason else None,
                                      to_department="hr" if step.department else None,
                                      to_person=PICKED if step.person else None)
    rows = await world.rows(requests)
    owed: dict[int | None, list[tuple[int, str, str | None]]] = {}
    for o in await world.owed():
        owed.setdefault(o.request_id, []).append((o.chat_id, o.kind, o.template))

    for persona, (user, _) in PERSONAS.items():
        expected = refusal(action, status, roles(persona, assignee), taken=assignee is not None)
        after, where = rows[numbers[persona]], f"{action} on {status} by {persona}"
        assert outcomes[persona].refusal is expected, where
        if expected is not None:
            assert (after.status, after.assignee_id, after.department_key) == \
                (status.value, assignee, "it"), where
            assert numbers[persona] not in owed, where  # a refusal owes nobody anything
            continue
        assert owed.get(numbers[persona], []) == owed_by(action, assignee, status), where
        assert after.status == (step.target or status).value, where
        if step.person:
            assert after.assignee_id == PICKED, where
        elif step.clock is Clock.ASSIGN:
            assert after.assignee_id == user, where
        elif step.clock in (Clock.REQUEUE, Clock.MOVE):
            assert after.assignee_id is None, where
        else:
            assert after.assignee_id == assignee, where
        assert after.department_key == ("hr" if step.clock is Clock.MOVE else "it"), where


async def test_a_press_twice_applies_once(world: World) -> None:
    number = await world.file(REQUESTER)
    first = await act(world.svc, number, Action.TAKE, Press(EXECUTOR, IT_CHAT, update_id=1))
    again = await act(world.svc, number, Action.TAKE, Press(EXECUTOR, IT_CHAT, update_id=1))
    other = await act(world.svc, number, Action.TAKE, Press(EXECUTOR2, IT_CHAT, update_id=2))
    assert first.ok
    assert again.refusal is Refusal.DUPLICATE
    assert other.refusal is Refusal.WRONG_STATE
    assert other.first is not None and other.first.actor_id == EXECUTOR
    assert (await world.row(number)).assignee_id == EXECUTOR


async def test_a_transfer_to_its_own_or_no_department_is_refused(world: World) -> None:
    number = await world.file(REQUESTER)
    press = Press(EXECUTOR, IT_CHAT)
    same = await act(world.svc, number, Action.TRANSFER, press, reason="x", to_department="it")
    nowhere = await act(world.svc, number, Action.TRANSFER, press, reason="x",
                        to_department="nope")
    assert same.refusal is Refusal.SAME_DEPARTMENT
    assert nowhere.refusal is Refusal.NOT_FOUND
    assert (await world.row(number)).department_key == "it"


async def test_an_executor_of_another_department_has_no_part(world: World) -> None:
    number = await world.file(REQUESTER)
    outcome = await act(world.svc, number, Action.TAKE, Press(EXECUTOR2, HR_CHAT))
    assert outcome.refusal is Refusal.NOT_FOUND
    assert (await world.row(number)).status == Status.NEW.value


async def test_a_button_acts_only_from_a_message_of_its_request(world: World) -> None:
    from core.workflow import CARD, remember_message

    one, two = await world.file(REQUESTER), await world.file(REQUESTER)
    await remember_message(world.svc, one, IT_CHAT, 500, CARD)
    on_card = frozenset({CARD})
    wrong = await act(world.svc, two, Action.TAKE, Press(EXECUTOR, IT_CHAT, 500, on=on_card))
    right = await act(world.svc, one, Action.TAKE, Press(EXECUTOR, IT_CHAT, 500, on=on_card))
    assert wrong.refusal is Refusal.NOT_FOUND
    assert right.ok
