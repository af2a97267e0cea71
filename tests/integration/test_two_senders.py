"""Two instances on one PostgreSQL database deliver the outbox together within
Telegram's limits: one budget per chat in the database, leases that outlive
their waits. Zero 429s, zero doubles. The group minute is scaled to 6 seconds."""

import pytest

from bot.harness import BotUnderTest
from bot.pacer import Pacer, SharedBudget
from core.clock import SystemClock
from core.intake import create_request
from db.session import Database
from emulator import server as emulator_server
from tests.conftest import IT_CHAT
from tests.e2e.flows import bind

MINUTE = 6.0
REQUESTS = 40


async def test_two_senders_keep_one_budget(emu, database_url, org, monkeypatch):
    if database_url.startswith("sqlite"):
        pytest.skip("several instances share a PostgreSQL database, not a SQLite file")
    monkeypatch.setattr(emulator_server, "GROUP_LIMIT", (20, MINUTE))
    budgets = [Database(database_url), Database(database_url)]

    def pacer(db: Database) -> Pacer:
        return Pacer(group_per_minute=20, group_window=MINUTE, shared=SharedBudget(db))

    one = BotUnderTest(emu, database_url, org, SystemClock(), pacer=pacer(budgets[0]))
    two = BotUnderTest(emu, database_url, org, SystemClock(), pacer=pacer(budgets[1]))
    await one.start()
    await two.start(polling=False)  # Telegram gives updates to one poller; both send
    try:
        await bind(emu, one)
        emu.enforce_limits = True
        it = one.svc.org.department("it")
        numbers = []
        for user in range(REQUESTS):
            emu.add_user(5000 + user, f"Requester {user}")
            async with one.svc.db.transaction() as session:
                request, _ = await create_request(session, one.svc, 5000 + user, it,
                                                  it.request_type("access"), [], "normal", None)
            numbers.append(request.id)
        one.sender.wake()
        two.sender.wake()

        def cards() -> list[int]:
            return [int(m.text.split()[0][1:]) for m in emu.bot_messages(IT_CHAT)
                    if "Status:" in m.text]

        await emu.wait_for(lambda: len(cards()) >= REQUESTS, timeout=MINUTE * 3 + 15,
                           what="every card")
        await emu.wait_for(lambda: all(emu.bot_messages(5000 + u) for u in range(REQUESTS)),
                           timeout=15, what="every confirmation")
        assert sorted(cards()) == numbers  # each card once
        for user in range(REQUESTS):
            assert len(emu.bot_messages(5000 + user)) == 1  # each confirmation once
        assert [c for c in emu.calls if c.status == 429] == []
    finally:
        await one.stop()
        await two.stop()
        for db in budgets:
            await db.dispose()
