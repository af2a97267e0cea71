"""The managers' week: the digest arrives once, at the first working moment at or
after Monday 09:00 (a holiday Monday moves it to Tuesday), with exact figures, in the
manager's language; executors hear of each rating of their work."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.harness import BotUnderTest
from db.models import OutboxMessage, RequestEvent, ScheduleMark
from tests.conftest import ADMIN, EXECUTOR, REQUESTER, example_org
from tests.e2e.flows import bind, card, file_access_request, last, press, say

MSK = timedelta(hours=3)
CALENDAR = {"always_on": False, "workdays": ["mon", "tue", "wed", "thu", "fri"],
            "hours": "09:00-18:00", "holidays": "RU",
            "extra_holidays": ["2026-11-30"]}  # the Monday after the week: a holiday


def at(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    """A Moscow wall-clock time in 2026, as UTC."""
    return datetime(2026, month, day, hour, minute, tzinfo=UTC) - MSK


@pytest.fixture
def org():
    return example_org(calendar=CALENDAR)


def weekly(emu, chat_id=ADMIN):
    """The IT digests (the admin manages HR and Finance too: a digest each)."""
    return [m for m in emu.bot_messages(chat_id) if m.text.startswith("📅 IT")]


async def rate(emu, bot, number, score, comment=None):
    await press(emu, bot, EXECUTOR, card(emu, number), "✅ Done")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), str(score))
    if comment is not None:
        await say(emu, bot, REQUESTER, comment)


async def two_weeks(emu, bot, clock):
    """The week before (16.11–22.11): one request taken in 15m, done in 1h, rated 5.
    The week (23.11–29.11): one done and rated 2 with a comment, one taken and left
    open, one nobody took. Returns the numbers (before, rated, open, untaken)."""
    await say(emu, bot, ADMIN, "/start")
    await say(emu, bot, EXECUTOR, "/start")
    clock.set(at(11, 16, 10))
    await bind(emu, bot)
    before = await file_access_request(emu, bot)
    clock.set(at(11, 16, 10, 15))
    await press(emu, bot, EXECUTOR, card(emu, before), "🙋 Take")
    clock.set(at(11, 16, 11))
    await rate(emu, bot, before, 5, "thanks")
    clock.set(at(11, 23, 10))
    rated = await file_access_request(emu, bot)
    opened = await file_access_request(emu, bot)
    untaken = await file_access_request(emu, bot)
    clock.set(at(11, 23, 10, 30))
    await press(emu, bot, EXECUTOR, card(emu, rated), "🙋 Take")
    await press(emu, bot, EXECUTOR, card(emu, opened), "🙋 Take")
    clock.set(at(11, 23, 12, 30))
    await rate(emu, bot, rated, 2, "too slow <b>")
    return before, rated, opened, untaken


async def test_digest_on_the_first_working_moment_once_with_exact_figures(emu, bot, clock):
    before, rated, opened, untaken = await two_weeks(emu, bot, clock)
    clock.set(at(11, 30, 9))  # the holiday Monday
    await bot.scan()
    clock.set(at(12, 1, 8, 59))
    await bot.scan()
    assert not weekly(emu)
    clock.set(at(12, 1, 9))  # Tuesday 09:00: the first working moment after it
    await bot.scan()
    digest = weekly(emu)
    assert len(digest) == 1
    text = digest[0].text
    assert text.startswith("📅 IT · the week 23.11–29.11\nthis week · the week before\n")
    assert "Created: 3 · 1\n" in text
    assert "Done: 1 · 1\n" in text
    # 23.11: #rated met both, #opened met response and is late to finish (due 24.11
    # 10:00), #untaken breached both
    assert "✅ Response SLA met: 67% · 100%\n" in text
    assert "✅ Resolution SLA met: 33% · 100%\n" in text
    assert "⭐ CSAT: 0% from 1 rating · 100% from 1 rating\n" in text
    assert "⏱ Median time to take: 30m · 15m\n" in text
    assert "⏱ Median time to finish: 2h 30m · 1h\n" in text  # from filing to Done
    assert "🚨 Breached now: 2\n" in text
    assert f"• /show_{untaken} Access to a system · 🆕 new · was due 23.11 12:00" in text
    assert f"• /show_{opened} Access to a system · 🛠 in progress · was due 24.11 10:00" \
        in text
    assert "🐢 Stuck (no movement for 2d): 2\n" in text
    assert "👥 Open load:\n• Egor Executor: 1\n" in text
    assert f"👎 Lowest ratings of the week:\n• /show_{rated} ★★☆☆☆ Rita Requester: " \
        "«too slow <b>»" in text
    assert f"/show_{before} " not in text  # its rating was the week before
    chart = [m for m in emu.bot_messages(ADMIN) if m.kind == "photo"]
    assert [m.text for m in chart] == [
        "IT · 16.11–29.11", "HR · 16.11–29.11", "Finance · 16.11–29.11"]
    # the scans of the day after find it owed already
    await bot.scan()
    clock.set(at(12, 2, 9))
    await bot.scan()
    assert len(weekly(emu)) == 1


async def test_a_restart_at_nine_sends_it_once(emu, bot, clock, database_url, org):
    await say(emu, bot, ADMIN, "/start")
    clock.set(at(12, 7, 9))  # an ordinary Monday
    await bot.scan()
    assert len(weekly(emu)) == 1
    await bot.stop()  # a restart at 09:00: the new process scans at once
    again = BotUnderTest(emu, database_url, org, clock)
    await again.start()
    try:
        await again.scan()
        clock.set(at(12, 7, 9, 1))
        await again.scan()
        assert len(weekly(emu)) == 1
        async with again.svc.db.reading() as session:
            marks = set(await session.scalars(select(ScheduleMark.key)))
        assert "weekly:it:2026-12-07" in marks
    finally:
        await again.stop()


async def test_owed_before_a_kill_is_sent_after_the_restart(emu, bot, clock, database_url,
                                                           org):
    from core.sweep import scan

    await say(emu, bot, ADMIN, "/start")
    clock.set(at(12, 7, 9))
    report = await scan(bot.svc)  # owed, then the process dies before sending
    assert report.weekly == 3  # IT, HR, Finance
    await bot.stop()
    again = BotUnderTest(emu, database_url, org, clock)
    await again.start()
    try:
        await again.scan()
        assert len(weekly(emu)) == 1
        async with again.svc.db.reading() as session:
            owed = list(await session.scalars(select(OutboxMessage.id).where(
                OutboxMessage.status == "pending")))
        assert not owed
    finally:
        await again.stop()


async def test_the_digest_in_russian(emu, bot, clock):
    emu.users[ADMIN].json["language_code"] = "ru"
    await two_weeks(emu, bot, clock)
    clock.set(at(11, 30, 9))
    await bot.scan()
    clock.set(at(12, 1, 9))
    await bot.scan()
    digest = weekly(emu)
    assert len(digest) == 1
    text = digest[0].text
    assert text.startswith("📅 IT · неделя 23.11–29.11\nэта неделя · прошлая\n")
    assert "Создано: 3 · 1\n" in text
    assert "✅ SLA реакции соблюдён: 67% · 100%\n" in text
    assert "⭐ CSAT: 0% по 1 оценке · 100% по 1 оценке\n" in text
    assert "⏱ Медиана до взятия: 30 мин · 15 мин\n" in text
    assert "🚨 Просрочены сейчас: 2\n" in text
    assert "👥 Открытая нагрузка:\n• Egor Executor: 1\n" in text
    assert "«too slow <b>»" in text


async def test_off_when_weekly_is_empty(emu, clock, database_url):
    org = example_org(calendar=CALENDAR, reports={"weekly": ""})
    bot = BotUnderTest(emu, database_url, org, clock)
    await bot.start()
    try:
        await say(emu, bot, ADMIN, "/start")
        clock.set(at(12, 7, 9))
        await bot.scan()
        assert not weekly(emu)
    finally:
        await bot.stop()


async def test_the_executor_hears_each_rating_and_its_comment(emu, bot):
    await say(emu, bot, EXECUTOR, "/start")
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    await press(emu, bot, EXECUTOR, card(emu, number), "🙋 Take")
    await rate(emu, bot, number, 5)
    assert last(emu, EXECUTOR).text == \
        f"⭐ Rita Requester rated #{number} «Access to a system» ★★★★★"
    await say(emu, bot, REQUESTER, "thank you!")
    assert last(emu, EXECUTOR).text == \
        f"⭐ Rita Requester rated #{number} «Access to a system» ★★★★★: thank you!"


async def test_stats_lists_the_newest_low_ratings(emu, bot, clock):
    await say(emu, bot, ADMIN, "/start")
    await bind(emu, bot)
    numbers = []
    for score, comment in ((2, "slow"), (5, "great"), (3, None)):
        number = await file_access_request(emu, bot)
        await press(emu, bot, EXECUTOR, card(emu, number), "🙋 Take")
        await rate(emu, bot, number, score, comment)
        numbers.append(number)
    emu.users[ADMIN].send(ADMIN, "/stats 7 it")
    await bot.settle()
    low = next(m.text for m in emu.bot_messages(ADMIN) if "Newest low ratings" in m.text)
    section = low[low.index("👎"):]
    assert section.splitlines() == [
        "👎 Newest low ratings (3 or less):",
        f"• /show_{numbers[2]} ★★★☆☆ Rita Requester",
        f"• /show_{numbers[0]} ★★☆☆☆ Rita Requester: «slow»",
    ]


async def test_long_lists_stop_at_twenty_and_say_how_many_more(emu, bot, clock):
    from core.intake import create_request

    await say(emu, bot, ADMIN, "/start")
    clock.set(at(12, 1, 9))
    await bot.scan()  # the holiday Monday's digest (of an empty week), on Tuesday
    it = bot.svc.org.department("it")
    for _ in range(25):
        async with bot.svc.db.transaction() as session:
            await create_request(session, bot.svc, REQUESTER, it, it.request_type("access"),
                                 [], "normal", None)
    clock.set(at(12, 7, 9))
    await bot.scan()
    text = "\n".join(m.text for m in emu.bot_messages(ADMIN)
                     if m.text.startswith(("📅 IT", "🚨", "🐢")) or "/show_" in m.text)
    assert "🚨 Breached now: 25\n" in text
    assert text.count("· was due") == 20
    assert text.count("… and 5 more") == 2  # breached and stuck
    assert all(len(m.text) <= 4096 for m in emu.bot_messages(ADMIN))


async def test_a_double_tap_on_a_star_tells_the_executor_once(emu, bot):
    await say(emu, bot, EXECUTOR, "/start")
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    await press(emu, bot, EXECUTOR, card(emu, number), "🙋 Take")
    await press(emu, bot, EXECUTOR, card(emu, number), "✅ Done")
    review = last(emu, REQUESTER)
    for _ in range(2):  # both taps leave before the stars are taken away
        emu.users[REQUESTER].press(review, "4")
    await bot.settle()
    told = [m.text for m in emu.bot_messages(EXECUTOR) if "rated #" in m.text]
    assert told == [f"⭐ Rita Requester rated #{number} «Access to a system» ★★★★☆"]
    async with bot.svc.db.reading() as session:
        events = (await session.execute(select(RequestEvent.kind).where(
            RequestEvent.request_id == number, RequestEvent.kind == "rated"))).all()
    assert len(events) == 1
    prompts = [m for m in emu.bot_messages(REQUESTER) if "comment" in m.text.lower()]
    assert len(prompts) == 1, [m.text for m in prompts]  # one question for a comment
