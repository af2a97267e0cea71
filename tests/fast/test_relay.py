"""Replies passed on between the requester and the department (core.workflow.
relay_message), on a real database: who may, until when, and the outbox rows owed."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from core.lifecycle import Action, Refusal, Status
from core.workflow import RELAY_AFTER_CLOSE, Press, act, relay_message
from db.models import RequestEvent
from tests.conftest import EXECUTOR, EXECUTOR2, HR_CHAT, IT_CHAT, OUTSIDER, REQUESTER
from tests.fast.conftest import World, later, msk

IN_IT = Press(EXECUTOR, IT_CHAT, 50)
ASKER = Press(REQUESTER, REQUESTER, 60)


def relays(owed: list) -> list[tuple[int, int | None, str | None, bool]]:  # type: ignore[type-arg]
    return [(o.chat_id, o.request_id, o.payload.get("text"), bool(o.payload.get("reply_to_card")))
            for o in owed if o.kind == "relay"]


async def test_the_requester_writes_to_the_department_and_back(world: World) -> None:
    await world.settle()
    there = await relay_message(world.svc, 1, ASKER, text="any news?")
    assert (there.ok, there.relayed_to, there.answered) == (True, "department", False)
    back = await relay_message(world.svc, 1, IN_IT, text="tomorrow")
    assert (back.ok, back.relayed_to) == (True, "requester")
    assert relays(await world.owed()) == [(IT_CHAT, 1, "any news?", True),
                                          (REQUESTER, 1, "tomorrow", False)]
    async with world.svc.db.reading() as session:
        said = list(await session.scalars(select(RequestEvent.reason).where(
            RequestEvent.request_id == 1, RequestEvent.kind == "message")))
    assert said == ["tomorrow"]
    assert (await world.row(1)).status == Status.NEW.value


async def test_texts_written_while_the_last_still_waits_are_joined(world: World) -> None:
    await world.settle()
    for text in ("one", "two"):
        assert (await relay_message(world.svc, 1, ASKER, text=text)).ok
    assert relays(await world.owed()) == [(IT_CHAT, 1, "one\n\ntwo", True)]


async def test_the_same_update_twice_is_passed_on_once(world: World) -> None:
    await world.settle()
    press = Press(REQUESTER, REQUESTER, 61, update_id=5)
    assert (await relay_message(world.svc, 1, press, text="hi")).ok
    assert (await relay_message(world.svc, 1, press, text="hi")).refusal is Refusal.DUPLICATE
    assert len(relays(await world.owed())) == 1


async def test_who_has_no_part_passes_nothing_on(world: World) -> None:
    await world.settle()
    for press in (Press(EXECUTOR2, HR_CHAT, 70), Press(OUTSIDER, OUTSIDER, 71)):
        outcome = await relay_message(world.svc, 1, press, text="psst")
        assert outcome.refusal is Refusal.NOT_ALLOWED, press
    assert relays(await world.owed()) == []


async def test_after_the_end_only_the_department_writes_for_a_week(world: World) -> None:
    later(world.clock, msk(23, 11))
    assert (await act(world.svc, 1, Action.REJECT, IN_IT, reason="no")).ok
    assert (await act(world.svc, 2, Action.CANCEL, ASKER)).ok
    await world.settle()
    assert (await relay_message(world.svc, 1, ASKER, text="why?")).refusal is \
        Refusal.WRONG_STATE
    assert (await relay_message(world.svc, 2, IN_IT, text="ok")).refusal is Refusal.WRONG_STATE
    later(world.clock, msk(23, 11) + RELAY_AFTER_CLOSE)
    assert (await relay_message(world.svc, 1, IN_IT, text="see the wiki")).ok
    later(world.clock, world.clock.now() + timedelta(seconds=1))
    assert (await relay_message(world.svc, 1, IN_IT, text="late")).refusal is Refusal.EXPIRED
    assert relays(await world.owed()) == [(REQUESTER, 1, "see the wiki", False)]
