"""The SLA clock and the scheduler, end to end, with a fake clock (no sleeping)."""

import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from bot.harness import BotUnderTest
from core.context import Services
from core.sweep import scan
from db.models import AlertSent, OutboxMessage, Request
from db.session import Database
from tests.conftest import ADMIN, EXECUTOR, IT_CHAT, REQUESTER
from tests.e2e.flows import bind, card, file_access_request, last, press, say

MSK = timedelta(hours=3)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A Moscow wall-clock time in the week of Monday 23.11.2026, as UTC."""
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC) - MSK


def texts(emu, chat_id):
    return [m.text for m in emu.bot_messages(chat_id)]


async def test_response_reminder_breach_and_escalation_once(emu, bot, clock):
    await bind(emu, bot)
    number = await file_access_request(emu, bot)  # Monday 10:00, take by 12:00
    clock.set(at(23, 11, 29))
    await bot.scan()
    assert not [t for t in texts(emu, IT_CHAT) if "Deadlines" in t]
    clock.set(at(23, 11, 30))  # 75% of two working hours
    await bot.scan()
    reminder = last(emu, IT_CHAT).text
    assert reminder.startswith("⏰ Deadlines")
    assert f"#{number} Access to a system: nobody has taken it yet; take by 23.11 12:00" in reminder
    await bot.scan()
    assert len([t for t in texts(emu, IT_CHAT) if "Deadlines" in t]) == 1
    clock.set(at(23, 12, 0))
    await bot.scan()
    breach = last(emu, IT_CHAT).text
    # the manager never opened a private chat with the bot: mentioned in the group
    assert "Anna Admin, I cannot write to you privately" in breach
    assert "not taken in time (deadline 23.11 12:00)" in breach
    group_breaches = [t for t in texts(emu, IT_CHAT) if "not taken in time" in t]
    assert len(group_breaches) == 2  # the department's notice and the manager's mention
    await bot.scan()
    assert len([t for t in texts(emu, IT_CHAT) if "not taken in time" in t]) == 2


async def test_escalation_reaches_a_manager_privately(emu, bot, clock):
    await bind(emu, bot)
    await say(emu, bot, ADMIN, "/start")
    number = await file_access_request(emu, bot)
    clock.set(at(23, 12, 1))
    await bot.scan()
    escalation = last(emu, ADMIN).text
    assert escalation.startswith("🚨 Escalation")
    assert f"#{number} Access to a system (IT): not taken in time" in escalation


async def test_resolution_reminder_goes_to_group_and_assignee(emu, bot, clock):
    await bind(emu, bot)
    await say(emu, bot, EXECUTOR, "/start")
    number = await file_access_request(emu, bot)
    await press(emu, bot, EXECUTOR, card(emu, number), "🙋 Take")
    # 1d = 9 working hours from Monday 10:00 → Tuesday 10:00; 75% → Monday 16:45
    clock.set(at(23, 16, 45))
    await bot.scan()
    assert f"#{number} Access to a system: to finish by 24.11 10:00" in last(emu, EXECUTOR).text
    assert "to finish by 24.11 10:00" in last(emu, IT_CHAT).text


async def test_waiting_pauses_the_clock(emu, bot, clock):
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    await press(emu, bot, EXECUTOR, card(emu, number), "🙋 Take")
    clock.set(at(23, 11))
    await press(emu, bot, EXECUTOR, card(emu, number), "❓ Need info")
    await say(emu, bot, EXECUTOR, "Which cost centre?", IT_CHAT,
              reply_to=last(emu, IT_CHAT).message_id)
    clock.set(at(24, 11))  # nine working hours later the requester answers
    question = next(m for m in reversed(emu.bot_messages(REQUESTER)) if "asks about" in m.text)
    await say(emu, bot, REQUESTER, "CC-42", reply_to=question.message_id)
    async with bot.svc.db.transaction() as session:
        request = await session.get(Request, number)
    # due Tuesday 10:00 before the pause; the 9 working hours waited move it to Wednesday
    assert request.resolve_due_at == at(25, 10)
    assert "Done by: 25.11 10:00" in card(emu, number).text


async def test_rating_reminder_once_then_auto_close(emu, bot, clock):
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    await press(emu, bot, EXECUTOR, card(emu, number), "🙋 Take")
    clock.set(at(23, 11))
    await press(emu, bot, EXECUTOR, card(emu, number), "✅ Done")
    review = last(emu, REQUESTER)
    clock.set(at(24, 11))  # remind_after = 1 working day
    await bot.scan()
    assert "A reminder: please rate" in last(emu, REQUESTER).text
    await bot.scan()
    assert len([t for t in texts(emu, REQUESTER) if "A reminder" in t]) == 1
    clock.set(at(26, 11))  # auto_close_after = 3 working days
    await bot.scan()
    assert "closed automatically" in last(emu, REQUESTER).text
    assert "closed" in card(emu, number).text
    query = emu.users[REQUESTER].press(review, "5")
    await bot.settle()
    assert "Too late" in emu.callback_answers[query][0]
    async with bot.svc.db.transaction() as session:
        request = await session.get(Request, number)
    assert (request.status, request.auto_closed) == ("closed", True)


async def test_stuck_requests_are_listed_once_a_day(emu, bot, clock):
    await bind(emu, bot)
    await say(emu, bot, ADMIN, "/start")
    number = await file_access_request(emu, bot)
    await press(emu, bot, EXECUTOR, card(emu, number), "🙋 Take")
    clock.set(at(25, 10, 30))  # two working days without movement
    await bot.scan()
    await bot.scan()
    stuck = [t for t in texts(emu, ADMIN) if t.startswith("🐢 Stuck requests")]
    assert len(stuck) == 1 and f"#{number} Access to a system: 🛠 in progress" in stuck[0]
    clock.set(at(26, 10, 30))
    await bot.scan()
    assert len([t for t in texts(emu, ADMIN) if t.startswith("🐢")]) == 2


async def test_several_due_at_once_make_one_digest(emu, bot, clock):
    await bind(emu, bot)
    numbers = [await file_access_request(emu, bot, system=f"S{i}") for i in range(3)]
    clock.set(at(23, 11, 45))
    await bot.scan()
    digests = [t for t in texts(emu, IT_CHAT) if t.startswith("⏰ Deadlines")]
    assert len(digests) == 1
    assert all(f"#{n} " in digests[0] for n in numbers)


async def test_restart_between_scans_sends_nothing_twice(emu, bot, clock, database_url, org):
    await bind(emu, bot)
    await file_access_request(emu, bot)
    clock.set(at(23, 11, 40))
    await bot.scan()
    await bot.stop()
    again = BotUnderTest(emu, database_url, org, clock)
    await again.start()
    try:
        await again.scan()
        assert len([t for t in texts(emu, IT_CHAT) if t.startswith("⏰ Deadlines")]) == 1
    finally:
        await again.stop()


async def test_two_scanners_on_one_database_send_each_alert_once(emu, bot, clock,
                                                                 database_url, org):
    await bind(emu, bot)
    for i in range(8):
        await file_access_request(emu, bot, system=f"S{i}")
    clock.set(at(23, 12, 30))  # every request breached its response SLA
    other = Services(Database(database_url), org, clock)
    try:
        reports = await asyncio.gather(scan(bot.svc), scan(other), scan(bot.svc), scan(other))
    finally:
        await other.db.dispose()
    assert sum(r.claimed for r in reports) == 8
    async with bot.svc.db.transaction() as session:
        sent = await session.scalar(select(func.count()).select_from(AlertSent).where(
            AlertSent.key.like("response:breach:%")))
        digests = list(await session.scalars(select(OutboxMessage).where(
            OutboxMessage.chat_id == IT_CHAT, OutboxMessage.kind == "notice")))
    assert sent == 8
    breach_lines = [line for d in digests for line in d.payload.get("lines", [])
                    if line["kind"] == "breach" and line["clock"] == "response"]
    assert len(breach_lines) == 8
