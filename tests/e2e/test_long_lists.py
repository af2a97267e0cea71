"""Messages built from lists stay under Telegram's 4,096 characters: a busy Monday
of 100 requests with long names full of HTML-special characters. Digests carry
every line (each is an owed reminder) in as many messages as it takes; /my,
/queue and /stats show what fits in one message and say how many more there are.
The emulator refuses a text over the limit with 400 "message is too long"."""

import re
import tomllib
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.harness import BotUnderTest
from core.clock import FakeClock
from core.intake import create_request
from core.lifecycle import Action
from core.org import parse_org
from core.workflow import Press, act
from db import users
from db.models import OutboxMessage
from tests.conftest import ADMIN, IT_CHAT, REQUESTER, ROOT
from tests.e2e.flows import bind, say

COUNT = 100
# 100 characters, the most a type name may have, with HTML-special characters
LONG_TYPE = ("Access <to> «the» & 'system' 😀 " * 4)[:100]
LONG_DEPARTMENT = ("Information <Technology> & Ops " * 4)[:100]


def long_name(n: int) -> str:
    """64 characters, Telegram's most for a first or last name."""
    return (f"{n:03d} Ж<&>😀 " * 8)[:64]


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC) - timedelta(hours=3)


@pytest.fixture
def org():
    data = tomllib.loads((ROOT / "core" / "org.example.toml").read_text(encoding="utf-8"))
    data["organization"]["language"] = "en"
    it = data["departments"][0]
    it["name"] = LONG_DEPARTMENT
    it["request_types"][0]["name"] = LONG_TYPE
    return parse_org(data)


@pytest.fixture
async def bot(emu, database_url, org, clock: FakeClock):
    runner = BotUnderTest(emu, database_url, org, clock)
    await runner.start()
    yield runner
    await runner.stop()


async def file_many(bot, count=COUNT, requester=REQUESTER):
    """Requests of the long type, filed at once (the form itself is tested elsewhere)."""
    it = bot.svc.org.department("it")
    numbers = []
    for _ in range(count):
        async with bot.svc.db.transaction() as session:
            request, _ = await create_request(session, bot.svc, requester, it,
                                              it.request_type("access"), [], "normal", None)
        numbers.append(request.id)
    await bot.settle()
    return numbers


def ids_in(texts):
    return [int(n) for text in texts for n in re.findall(r"#(\d+) ", text)]


def assert_nothing_refused(emu):
    refused = [(c.method, c.description) for c in emu.calls if c.status == 400]
    assert refused == []


async def assert_nothing_failed(bot):
    async with bot.svc.db.transaction() as session:
        failed = list(await session.scalars(
            select(OutboxMessage.last_error).where(OutboxMessage.status == "failed")))
    assert failed == []


async def test_a_breach_digest_of_100_lines_arrives_whole(emu, bot, clock):
    await bind(emu, bot)
    await say(emu, bot, ADMIN, "/start")  # the manager gets escalations privately
    numbers = await file_many(bot)
    clock.set(at(23, 12, 1))  # every request missed its response deadline at once
    await bot.scan()
    assert_nothing_refused(emu)
    await assert_nothing_failed(bot)
    group = [m.text for m in emu.bot_messages(IT_CHAT) if "not taken in time" in m.text]
    assert len(group) > 1  # 100 long lines need several messages
    assert sorted(ids_in(group)) == numbers  # every line, once
    assert all(text.startswith("⏰ Deadlines") for text in group)
    escalations = [m.text for m in emu.bot_messages(ADMIN) if m.text.startswith("🚨 Escalation")]
    assert len(escalations) > 1
    assert sorted(ids_in(escalations)) == numbers
    assert LONG_TYPE in escalations[0] and LONG_DEPARTMENT in escalations[0]


async def test_a_mention_and_the_stuck_list_fit_and_reach_the_group(emu, bot, clock):
    """The manager never started the bot: the escalation and the daily stuck list
    are posted in the department's group with a mention, split under the limit."""
    await bind(emu, bot)  # the manager binds it: known to the bot, never started it
    numbers = await file_many(bot)
    clock.set(at(25, 10, 30))  # two working days without movement: stuck, and breached
    await bot.scan()
    assert_nothing_refused(emu)
    await assert_nothing_failed(bot)
    group = [m.text for m in emu.bot_messages(IT_CHAT)]
    mentions = [text for text in group if "I cannot write to you privately" in text]
    escalations = [text for text in group if "🚨 Escalation" in text]
    assert sorted(set(ids_in(escalations))) == numbers  # both clocks breached: two lines each
    stuck = [text for text in group if "🐢 Stuck requests" in text]
    assert stuck and len(mentions) == 2  # one per digest, on its first part
    listed = ids_in(stuck)
    assert listed == numbers[:len(listed)] and len(listed) >= 30  # the oldest first
    assert f"and {COUNT - len(listed)} more" in stuck[-1]


async def taken_by_long_names(emu, bot, numbers):
    """Each request taken by its own executor with a long name."""
    async with bot.svc.db.transaction() as session:
        for n in range(len(numbers)):
            name = long_name(n)
            emu.add_user(7000 + n, name, last_name=name, started=False)
            await users.remember_user(session, users.UserInfo(7000 + n, name, name),
                                      bot.clock.now(), private=False)
    for n, number in enumerate(numbers):
        outcome = await act(bot.svc, number, Action.TAKE, Press(7000 + n, IT_CHAT))
        assert outcome.ok, outcome.refusal
    await bot.settle()


async def test_queue_my_and_stats_fit_one_message_and_say_how_many_more(emu, bot):
    await bind(emu, bot)
    numbers = await file_many(bot)
    await taken_by_long_names(emu, bot, numbers)

    queue = await say(emu, bot, ADMIN, "/queue", IT_CHAT)
    assert queue.text.startswith(f"{LONG_DEPARTMENT}: {COUNT} open")
    shown = ids_in([queue.text])
    assert shown == numbers[:len(shown)] and shown  # the nearest deadlines first
    assert f"and {COUNT - len(shown)} more" in queue.text
    assert long_name(0) in queue.text

    my = await say(emu, bot, REQUESTER, "/my")
    assert my.text.startswith(f"Your requests (1–10 of {COUNT})")  # 10 a page, Older »
    shown = ids_in([my.text])
    assert shown == sorted(numbers, reverse=True)[:10]  # the newest first, all of the page
    assert [text for row in my.buttons for text, _ in row] == ["Older »"]

    await say(emu, bot, ADMIN, "/start")
    emu.users[ADMIN].send(ADMIN, "/stats 7 it")
    await bot.settle()
    block = next(m.text for m in emu.bot_messages(ADMIN) if m.text.startswith("📊"))
    listed = [n for n in range(COUNT) if long_name(n) in block]
    assert listed and f"and {COUNT - len(listed)} more" in block
    assert_nothing_refused(emu)
