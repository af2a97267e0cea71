"""Two instances scanning at Monday 09:00 at once owe each manager's weekly digest
of each department exactly once."""

import asyncio
from collections import Counter
from datetime import UTC, datetime

from sqlalchemy import select

from core.clock import FakeClock
from core.context import Services
from core.sweep import scan
from db.migrate import upgrade
from db.models import OutboxMessage
from db.session import Database
from tests.conftest import example_org


async def test_two_instances_owe_the_week_once(database_url):
    await upgrade(database_url)
    org = example_org()
    clock = FakeClock(datetime(2026, 12, 7, 6, 0, tzinfo=UTC))  # Monday 09:00 in Moscow
    one = Services(Database(database_url), org, clock)
    two = Services(Database(database_url), org, clock)
    try:
        await asyncio.wait_for(asyncio.gather(*(scan(one if i % 2 else two)
                                                for i in range(20))), timeout=120)
        async with one.db.reading() as session:
            owed = [(chat, payload["department"], payload["day"])
                    for chat, payload in await session.execute(
                        select(OutboxMessage.chat_id, OutboxMessage.payload))
                    if payload.get("template") == "weekly"]
    finally:
        await one.db.dispose()
        await two.db.dispose()
    expected = {(m, d.key, "2026-12-07") for d in org.departments for m in d.managers}
    assert Counter(owed) == Counter(expected)
    assert len(owed) == len(expected) > 0
