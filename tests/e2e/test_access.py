"""Who may file requests: [access] mode open, allowlist and chat_members."""

import pytest

from bot.harness import BotUnderTest
from tests.conftest import ADMIN, OUTSIDER, REQUESTER, example_org
from tests.e2e.flows import bind, file_access_request, last, say

STAFF_CHAT = -1005550000001


@pytest.fixture
async def allowlist_bot(emu, database_url, clock):
    runner = BotUnderTest(emu, database_url, example_org(
        access={"mode": "allowlist", "allowlist": [REQUESTER]}), clock)
    await runner.start()
    yield runner
    await runner.stop()


@pytest.fixture
async def members_bot(emu, database_url, clock):
    emu.add_group(STAFF_CHAT, "All staff", members=(REQUESTER,), bot_member=True)
    runner = BotUnderTest(emu, database_url, example_org(
        access={"mode": "chat_members", "members_chat_id": STAFF_CHAT}), clock)
    await runner.start()
    yield runner
    await runner.stop()


async def test_allowlist_lets_listed_people_and_admins_in(emu, allowlist_bot):
    bot = allowlist_bot
    await bind(emu, bot)
    refused = await say(emu, bot, OUTSIDER, "/new")
    assert "open to Acme's staff only" in refused.text
    assert await file_access_request(emu, bot) == 1
    assert "Which department" in (await say(emu, bot, ADMIN, "/new")).text


async def test_chat_members_are_asked_of_telegram_and_cached(emu, members_bot):
    bot = members_bot
    await bind(emu, bot)
    assert await file_access_request(emu, bot) == 1
    refused = await say(emu, bot, OUTSIDER, "/new")
    assert "staff only" in refused.text
    asked = len(emu.calls_of("getChatMember"))
    await say(emu, bot, OUTSIDER, "/new")
    assert len(emu.calls_of("getChatMember")) == asked  # cached
    assert "staff only" in last(emu, OUTSIDER).text
