"""A flood: 60 requests to one department at once, with Telegram's limits
enforced by the emulator. Every card arrives, paced, and no call is made while
a retry_after runs. The minute is scaled to 6 seconds, for the limits and the
pacing alike, so the test takes seconds instead of minutes."""

import pytest

from bot.harness import BotUnderTest
from bot.pacer import Pacer
from core.clock import SystemClock
from core.intake import create_request
from emulator import server as emulator_server
from tests.conftest import IT_CHAT
from tests.e2e.flows import bind

MINUTE = 6.0
REQUESTS = 60


@pytest.fixture
async def paced_bot(emu, database_url, org, monkeypatch):
    monkeypatch.setattr(emulator_server, "GROUP_LIMIT", (20, MINUTE))
    # real time here: pacing and retry_after are about the wall clock
    runner = BotUnderTest(emu, database_url, org, SystemClock(),
                          pacer=Pacer(group_per_minute=20, group_window=MINUTE))
    await runner.start()
    yield runner
    await runner.stop()


async def test_sixty_requests_at_once(emu, paced_bot):
    bot = paced_bot
    await bind(emu, bot)
    emu.enforce_limits = True
    it = bot.svc.org.department("it")
    numbers = []
    for user in range(REQUESTS):
        emu.add_user(5000 + user, f"Requester {user}")
    for user in range(REQUESTS):  # each gets a number at once: nothing waits for Telegram
        async with bot.svc.db.transaction() as session:
            request, _ = await create_request(session, bot.svc, 5000 + user, it,
                                              it.request_type("access"), [], "normal", None)
        numbers.append(request.id)
    bot.sender.wake()

    def cards() -> int:
        return len([m for m in emu.bot_messages(IT_CHAT) if "Status:" in m.text])

    # 20 per "minute": the last card may go out after two windows
    await emu.wait_for(lambda: cards() == REQUESTS, timeout=MINUTE * 3 + 10,
                       what="all cards to arrive")
    assert sorted(int(m.text.split()[0][1:]) for m in emu.bot_messages(IT_CHAT)
                  if "Status:" in m.text) == numbers
    await emu.wait_for(lambda: all("has been sent" in (emu.last_bot_message(5000 + u).text)
                                   for u in range(REQUESTS) if emu.last_bot_message(5000 + u)),
                       timeout=10, what="the confirmations")
    assert len([u for u in range(REQUESTS) if emu.last_bot_message(5000 + u)]) == REQUESTS
    # polling may go on; no message is sent while a retry_after runs
    assert [c.method for c in emu.calls_during_retry_after if c.method != "getUpdates"] == []
    assert [c for c in emu.calls if c.status == 429] == []

