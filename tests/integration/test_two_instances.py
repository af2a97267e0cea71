"""Two instances on one database: concurrent presses and scans change each
request once and send each alert once."""

import asyncio
import random
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from core.clock import FakeClock
from core.context import Services
from core.intake import create_request
from core.lifecycle import Action
from core.sweep import scan
from core.workflow import Press, act
from db import users
from db.migrate import upgrade
from db.models import AlertSent, OutboxMessage, RequestEvent
from db.session import Database
from tests.conftest import IT_CHAT, example_org

REQUESTS, PRESSES = 50, 1000


async def test_presses_and_scans_from_two_instances(database_url):
    await upgrade(database_url)
    org = example_org()
    clock = FakeClock(datetime(2026, 11, 23, 7, 0, tzinfo=UTC))
    one = Services(Database(database_url), org, clock)
    two = Services(Database(database_url), org, clock)
    try:
        async with one.db.transaction() as session:
            await users.bind(session, "it", IT_CHAT, None, 1001, clock.now())
        it = org.department("it")
        for _ in range(REQUESTS):
            async with one.db.transaction() as session:
                await create_request(session, one, 2001, it, it.request_type("access"), [],
                                     "normal", None)
        clock.advance(timedelta(hours=3))  # every response SLA is breached now
        rng = random.Random(7)
        actions = [Action.TAKE] * 6 + [Action.DONE, Action.RELEASE, Action.REJECT]

        async def press(i: int) -> None:
            instance = one if i % 2 else two
            number = rng.randint(1, REQUESTS)
            action = rng.choice(actions)
            await act(instance, number, action, Press(3000 + rng.randint(0, 9), IT_CHAT, 1),
                      reason="no" if action is Action.REJECT else None)

        # the scans start first, then race the presses all the way through
        jobs = [scan(one), scan(two)]
        for i in range(PRESSES):
            jobs.append(press(i))
            if i % 100 == 0:
                jobs += [scan(one), scan(two)]
        await asyncio.wait_for(asyncio.gather(*jobs), timeout=120)

        async with one.db.transaction() as session:
            transitions = list(await session.execute(
                select(RequestEvent.request_id, RequestEvent.from_status,
                       RequestEvent.to_status).order_by(RequestEvent.id)))
            alerts = await session.scalar(select(func.count()).select_from(AlertSent))
            digests = list(await session.scalars(select(OutboxMessage.payload).where(
                OutboxMessage.chat_id == IT_CHAT, OutboxMessage.kind == "notice")))
    finally:
        await one.db.dispose()
        await two.db.dispose()
    # each request's history is one unbroken chain: no status changed twice from
    # the same state, which is what a double transition would leave behind
    last: dict[int, str] = {}
    for request_id, before, after in transitions:
        if before is None:
            last[request_id] = after
            continue
        assert last[request_id] == before, f"#{request_id}: {before}→{after} after {last}"
        last[request_id] = after
    assert len(last) == REQUESTS
    lines = [(line["id"], line["kind"], line["clock"], line["due"])
             for payload in digests for line in payload.get("lines", [])]
    assert len(lines) == len(set(lines)), "an alert was sent twice"
    assert alerts >= len(lines) > 0
