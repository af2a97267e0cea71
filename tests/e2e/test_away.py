"""/away and /back (SPEC §5): on the first day away an executor's open requests go
to the deputy or back to the queue, exactly once across restarts and instances."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from sqlalchemy import func, select

from bot.harness import BotUnderTest
from core.context import Services
from core.sweep import scan
from db import executors
from db.models import AwayPeriod, Request, RequestEvent
from db.session import Database
from tests.conftest import EXECUTOR, EXECUTOR2, IT_CHAT, OUTSIDER, REQUESTER
from tests.e2e.flows import bind, button_texts, card, file_access_request, last, press, say

USAGE = "Usage: /away DD.MM.YYYY-DD.MM.YYYY [@deputy or id]"
TUESDAY = datetime(2026, 11, 24, 6, 0, tzinfo=UTC)  # 09:00 in Moscow, the first day away


async def rows(bot) -> list[tuple[int, str, int | None]]:
    async with bot.svc.db.reading() as session:
        return [tuple(r) for r in await session.execute(  # type: ignore[misc]
            select(Request.id, Request.status, Request.assignee_id).order_by(Request.id))]


async def count_events(bot, kind: str) -> int:
    async with bot.svc.db.reading() as session:
        return int(await session.scalar(select(func.count()).select_from(RequestEvent)
                                        .where(RequestEvent.kind == kind)) or 0)


async def two_taken_by_egor(emu, bot) -> list[int]:
    await bind(emu, bot)
    for person in (EXECUTOR, EXECUTOR2):
        await say(emu, bot, person, "/start")
    numbers = [await file_access_request(emu, bot) for _ in range(2)]
    for number in numbers:
        await press(emu, bot, EXECUTOR, card(emu, number), "🙋 Take")
    return numbers


def texts(emu, chat_id: int) -> list[str]:
    return [m.text for m in emu.bot_messages(chat_id)]


async def test_wrong_input_gets_a_reason_and_the_usage(emu, bot):
    await say(emu, bot, EXECUTOR, "/start")
    for command, reason in [
        ("/away", ""),
        ("/away 32.11.2026-01.12.2026", "I cannot read «32.11.2026-01.12.2026» as two dates."),
        ("/away 10.12.2026-01.12.2026", "The period ends before it starts."),
        ("/away 01.11.2026-05.11.2026", "That period has already ended."),
        ("/away 01.12.2026-05.12.2026 @nobody_here", "I do not know «@nobody_here»"),
        (f"/away 01.12.2026-05.12.2026 {EXECUTOR}", "You cannot be your own deputy."),
    ]:
        reply = await say(emu, bot, EXECUTOR, command)
        assert reply.text.startswith(reason) and USAGE in reply.text, (command, reply.text)
    reply = await say(emu, bot, OUTSIDER, "/away 01.12.2026-05.12.2026")
    assert reply.text == "/away is for the departments' executors."
    async with bot.svc.db.reading() as session:
        assert await session.scalar(select(func.count()).select_from(AwayPeriod)) == 0


async def test_on_the_first_day_the_work_goes_to_the_deputy_once(emu, bot, clock,
                                                                  database_url, org):
    numbers = await two_taken_by_egor(emu, bot)
    reply = await say(emu, bot, EXECUTOR, f"/away 24.11.2026-26.11.2026 {EXECUTOR2}")
    assert reply.text == ("🌴 You are away from 24.11.2026 to 26.11.2026.\n"
                          "On 24.11.2026 your open requests go to Eva Executor.")
    await bot.scan()  # Monday: not away yet
    assert [r[2] for r in await rows(bot)] == [EXECUTOR, EXECUTOR]
    clock.set(TUESDAY)
    await bot.scan()
    assert await rows(bot) == [(n, "in_progress", EXECUTOR2) for n in numbers]
    for number in numbers:
        assert "Assignee: Eva Executor" in card(emu, number).text
        assert (f"📌 #{number} «Access to a system» (IT) is yours while Egor Executor "
                "is away.") in texts(emu, EXECUTOR2)
    # a restart, then the scan again: nothing moves twice
    await bot.stop()
    again = BotUnderTest(emu, database_url, org, clock)
    await again.start()
    try:
        await again.scan()
        assert await count_events(again, "reassign") == 2
        assert len([t for t in texts(emu, EXECUTOR2) if "is yours while" in t]) == 2
    finally:
        await again.stop()


async def test_two_instances_scanning_at_once_move_the_work_once(emu, bot, clock,
                                                                 database_url, org):
    await two_taken_by_egor(emu, bot)
    await say(emu, bot, EXECUTOR, f"/away 24.11.2026-24.11.2026 {EXECUTOR2}")
    clock.set(TUESDAY)
    other = Services(Database(database_url), org, clock)
    try:
        reports = await asyncio.gather(scan(bot.svc), scan(other), scan(bot.svc), scan(other))
    finally:
        await other.db.dispose()
    assert sum(r.handed_over for r in reports) == 2
    await bot.settle()
    assert await count_events(bot, "reassign") == 2
    assert len([t for t in texts(emu, EXECUTOR2) if "is yours while" in t]) == 2


async def test_without_a_deputy_the_work_goes_back_to_the_queue(emu, bot, clock):
    numbers = await two_taken_by_egor(emu, bot)
    reply = await say(emu, bot, EXECUTOR, "/away 24.11.2026-30.11.2026")
    assert reply.text.endswith("On 24.11.2026 your open requests go back to the queue.")
    clock.set(TUESDAY)
    await bot.scan()
    assert await rows(bot) == [(n, "new", None) for n in numbers]
    for number in numbers:
        assert button_texts(card(emu, number))[0] == "🙋 Take"
        assert (f"↩️ #{number} «Access to a system» is back in the queue: Egor Executor "
                "is away.") in texts(emu, IT_CHAT)
        assert f"↩️ Your request #{number} is back in IT's queue." in texts(emu, REQUESTER)


async def test_back_before_the_first_day_keeps_the_work(emu, bot, clock):
    await two_taken_by_egor(emu, bot)
    await say(emu, bot, EXECUTOR, "/away 24.11.2026-30.11.2026")
    reply = await say(emu, bot, EXECUTOR, "/back")
    assert reply.text == "👋 Welcome back: requests are assigned to you again."
    assert (await say(emu, bot, EXECUTOR, "/back")).text == "You are not marked away."
    clock.set(TUESDAY)
    await bot.scan()
    assert [r[2] for r in await rows(bot)] == [EXECUTOR, EXECUTOR]
    assert "back in the queue" not in last(emu, IT_CHAT).text


async def test_the_deputy_may_be_named_by_username(emu, bot, clock):
    emu.add_user(6001, "Dina", last_name="Deputy", username="dina_deputy", language_code="en")
    numbers = await two_taken_by_egor(emu, bot)
    await say(emu, bot, 6001, "/start")
    async with bot.svc.db.transaction() as session:  # she has worked on IT's cards
        await executors.join(session, "it", 6001, clock.now())
    reply = await say(emu, bot, EXECUTOR, "/away 24.11.2026-24.11.2026 @Dina_Deputy")
    assert reply.text.endswith("On 24.11.2026 your open requests go to Dina Deputy.")
    clock.set(TUESDAY)
    await bot.scan()
    assert await rows(bot) == [(n, "in_progress", 6001) for n in numbers]


async def test_a_deputy_away_too_leaves_the_work_to_the_queue(emu, bot, clock):
    numbers = await two_taken_by_egor(emu, bot)
    await say(emu, bot, EXECUTOR2, "/away 24.11.2026-25.11.2026")
    await say(emu, bot, EXECUTOR, f"/away 24.11.2026-24.11.2026 {EXECUTOR2}")
    clock.set(TUESDAY)
    await bot.scan()
    assert await rows(bot) == [(n, "new", None) for n in numbers]
    assert not [t for t in texts(emu, EXECUTOR2) if "is yours while" in t]


async def test_a_hand_over_cut_short_is_done_whole_by_the_next_scan(emu, bot, clock,
                                                                     monkeypatch):
    """The process dies after the first request moved, before the commit: nothing of
    it stays, and the next scan moves both, once."""
    import core.away

    numbers = await two_taken_by_egor(emu, bot)
    await say(emu, bot, EXECUTOR, f"/away 24.11.2026-24.11.2026 {EXECUTOR2}")
    clock.set(TUESDAY)
    real, calls = core.away.hand_over, []

    async def dies_on_the_second(*args, **kwargs):
        calls.append(args)
        if len(calls) == 2:
            raise ConnectionError("killed")
        return await real(*args, **kwargs)

    monkeypatch.setattr(core.away, "hand_over", dies_on_the_second)
    try:
        await scan(bot.svc)
    except ConnectionError:
        pass
    else:
        raise AssertionError("the scan should have died")
    assert [r[2] for r in await rows(bot)] == [EXECUTOR, EXECUTOR]
    monkeypatch.setattr(core.away, "hand_over", real)
    await bot.scan()
    await bot.scan()
    assert await rows(bot) == [(n, "in_progress", EXECUTOR2) for n in numbers]
    assert await count_events(bot, "reassign") == 2
    assert len([t for t in texts(emu, EXECUTOR2) if "is yours while" in t]) == 2


async def test_a_deputy_must_work_in_the_department(emu, bot, clock):
    await two_taken_by_egor(emu, bot)
    await say(emu, bot, OUTSIDER, "/start")
    reply = await say(emu, bot, EXECUTOR, f"/away 24.11.2026-24.11.2026 {OUTSIDER}")
    assert "does not work in your department" in reply.text and USAGE in reply.text
    async with bot.svc.db.reading() as session:
        assert await session.scalar(select(func.count()).select_from(AwayPeriod)) == 0


async def test_a_second_away_replaces_the_first_and_one_day_may_be_written_alone(emu, bot,
                                                                                 clock):
    numbers = await two_taken_by_egor(emu, bot)
    await say(emu, bot, EXECUTOR, f"/away 24.11.2026 - 24.11.2026 {EXECUTOR2}")
    reply = await say(emu, bot, EXECUTOR, "/away 24.11.2026")  # corrected: no deputy
    assert reply.text.startswith("🌴 You are away from 24.11.2026 to 24.11.2026.")
    clock.set(TUESDAY)
    await bot.scan()
    assert await rows(bot) == [(n, "new", None) for n in numbers]


async def test_what_the_person_wrote_is_cut_in_the_answer(emu, bot):
    await say(emu, bot, EXECUTOR, "/start")
    reply = await say(emu, bot, EXECUTOR, "/away " + "<b>" * 1300)
    assert reply.text.startswith("I cannot read «<b><b>") and "…»" in reply.text
    assert len(reply.text) < 1000 and not [c for c in emu.calls if c.status == 400]
