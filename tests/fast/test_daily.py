"""Daily work at the workflow level (issue 12): a cancel in the SLA statistics, Follow and
Unfollow (whose buttons live in /show), watchers' notices and their refusals."""

from __future__ import annotations

from datetime import timedelta

from core.lifecycle import Action, Refusal
from core.workflow import Press, act, relay_message
from db import stats, watchers
from db.reports import Compliance
from tests.conftest import ADMIN, EXECUTOR, EXECUTOR2, HR_CHAT, IT_CHAT, OUTSIDER, REQUESTER
from tests.fast.conftest import World, later, msk

EVERY_DATABASE = True
ASKER = Press(REQUESTER, REQUESTER)


async def test_a_cancelled_request_counts_as_cancelled_not_missed(world: World) -> None:
    """HR certificates: response 4h, resolution 2d (18 working hours), filed Monday
    10:00: take by 14:00, done by Wednesday 10:00."""
    first, _still_new, third = [await world.file(REQUESTER, "hr", "certificate") for _ in range(3)]
    later(world.clock, msk(23, 10, 30))
    assert (await act(world.svc, third, Action.TAKE, Press(EXECUTOR, HR_CHAT))).ok
    later(world.clock, msk(23, 15))  # the first was not taken in time: cancelled now
    assert (await act(world.svc, first, Action.CANCEL, ASKER)).ok
    later(world.clock, msk(25, 12))  # the third is late to finish: cancelled now
    assert (await act(world.svc, third, Action.CANCEL, ASKER, reason="not needed")).ok
    async with world.svc.db.reading() as session:
        report = await stats.collect(session, world.clock.now(), 7, ["hr"],
                                     world.clock.now() - timedelta(days=2))
    (hr,) = report.departments
    assert (hr.created, hr.cancelled, hr.taken) == (3, 2, 1)
    # only the second, still new and past both deadlines, missed them
    assert hr.response == Compliance(met=1, breached=1)
    assert hr.resolve == Compliance(met=0, breached=1)


async def test_follow_and_unfollow(world: World) -> None:
    manager = Press(ADMIN, ADMIN)  # a manager of IT, privately (from /show)
    await world.settle()
    assert (await act(world.svc, 1, Action.FOLLOW, manager)).ok
    async with world.svc.db.reading() as session:
        assert await watchers.watchers_of(session, 1) == [ADMIN]
    # following again: a watcher is offered Unfollow only, and a forged Follow refused
    assert (await act(world.svc, 1, Action.FOLLOW, manager)).refusal is Refusal.NOT_ALLOWED
    # the requester hears everything anyway; a stranger has no part in it
    assert (await act(world.svc, 1, Action.FOLLOW, ASKER)).refusal is Refusal.NOT_ALLOWED
    stranger = Press(OUTSIDER, OUTSIDER)
    assert (await act(world.svc, 1, Action.FOLLOW, stranger)).refusal is Refusal.NOT_FOUND
    assert (await act(world.svc, 1, Action.UNFOLLOW, stranger)).refusal is Refusal.NOT_FOUND
    assert (await act(world.svc, 1, Action.UNFOLLOW, manager)).ok
    async with world.svc.db.reading() as session:
        assert await watchers.watchers_of(session, 1) == []
    assert (await act(world.svc, 1, Action.UNFOLLOW, manager)).refusal is Refusal.NOT_ALLOWED
    assert (await world.row(1)).status == "new"  # neither changes the status
    assert await world.owed() == []  # nothing is owed to anyone, no card changes


async def test_watchers_get_the_requesters_notices_without_buttons(world: World) -> None:
    async with world.svc.db.transaction() as session:
        await watchers.add(session, 1, [EXECUTOR2], REQUESTER, world.clock.now())
    later(world.clock, msk(23, 10, 30))
    await world.settle()
    assert (await act(world.svc, 1, Action.TAKE, Press(EXECUTOR, IT_CHAT))).ok
    assert (await act(world.svc, 1, Action.DONE, Press(EXECUTOR, IT_CHAT))).ok
    owed = [(o.chat_id, o.template, o.keyboard) for o in await world.owed()
            if o.kind == "notice"]
    assert owed == [(REQUESTER, "taken", None), (EXECUTOR2, "watch_taken", None),
                    (REQUESTER, "done", "review"), (EXECUTOR2, "watch_done", None)]


async def test_a_watchers_reply_goes_to_the_department_and_answers_nothing(world: World) -> None:
    async with world.svc.db.transaction() as session:
        await watchers.add(session, 1, [EXECUTOR2], REQUESTER, world.clock.now())
    later(world.clock, msk(23, 10, 30))
    assert (await act(world.svc, 1, Action.TAKE, Press(EXECUTOR, IT_CHAT))).ok
    assert (await act(world.svc, 1, Action.NEED_INFO, Press(EXECUTOR, IT_CHAT),
                      reason="Which?")).ok
    reply = await relay_message(world.svc, 1, Press(EXECUTOR2, EXECUTOR2, 77, update_id=9),
                                text="The accountant role")
    assert reply.ok and reply.relayed_to == "department" and not reply.answered
    assert (await world.row(1)).status == "waiting"
    relays = [o for o in await world.owed() if o.kind == "relay"]
    assert [(o.chat_id, o.payload.get("watcher")) for o in relays] == [(IT_CHAT, True)]
    # someone who does not watch it may not
    other = await relay_message(world.svc, 1, Press(OUTSIDER, OUTSIDER, 78, update_id=10),
                                text="hi")
    assert other.refusal is Refusal.NOT_ALLOWED
