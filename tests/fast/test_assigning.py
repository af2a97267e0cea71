"""Auto-assignment on a real database: round-robin turns stay fair when two instances
file requests at once, and least-loaded counts only the department's open requests."""

from __future__ import annotations

import asyncio
import tomllib
from collections import Counter

from sqlalchemy import select, update

from core.context import Services
from core.intake import create_request
from core.lifecycle import Status
from core.org import OrgConfig, parse_org
from db.models import Request
from db.session import Database
from tests.conftest import EXECUTOR, EXECUTOR2, REQUESTER, ROOT
from tests.fast.conftest import PREFILED, World

EVERY_DATABASE = True


def org_assigning(mode: str) -> OrgConfig:
    data = tomllib.loads((ROOT / "core" / "org.example.toml").read_text(encoding="utf-8"))
    data["organization"]["language"] = "en"
    data["departments"][0]["assign"] = mode
    return parse_org(data)


async def file(svc: Services) -> int:
    department = svc.org.department("it")
    assert department is not None
    async with svc.db.transaction() as session:
        request, _ = await create_request(session, svc, REQUESTER, department,
                                          department.request_type("access"), [], "normal", None)
        return request.id


async def test_two_instances_filing_at_once_take_round_robin_turns(world: World, world_url):
    org = org_assigning("round_robin")
    one = Services(world.svc.db, org, world.clock)
    two = Services(Database(world_url), org, world.clock)
    try:
        numbers = await asyncio.gather(*(file(svc) for _ in range(5) for svc in (one, two)))
    finally:
        await two.db.dispose()
    async with one.db.reading() as session:
        rows = list(await session.execute(select(Request.id, Request.assignee_id)
                                          .where(Request.id.in_(numbers)).order_by(Request.id)))
    assert Counter(a for _, a in rows) == {EXECUTOR: 5, EXECUTOR2: 5}


async def test_least_loaded_counts_open_requests_of_the_department(world: World):
    org = org_assigning("least_loaded")
    svc = Services(world.svc.db, org, world.clock)
    # the prefiled requests: Egor has three of IT's, Eva two of HR's (another department)
    await world.force([1, 2, 3], Status.IN_PROGRESS, EXECUTOR)
    await world.force([4, 5], Status.IN_PROGRESS, EXECUTOR2)
    async with svc.db.transaction() as session:
        await session.execute(update(Request).where(Request.id.in_([4, 5]))
                              .values(department_key="hr"))
    assert PREFILED == 5
    picks = [await file(svc) for _ in range(4)]
    async with svc.db.reading() as session:
        assignees = list(await session.scalars(select(Request.assignee_id)
                                               .where(Request.id.in_(picks))
                                               .order_by(Request.id)))
    # Eva has no open IT request: she gets new ones until she has as many as Egor
    assert assignees == [EXECUTOR2, EXECUTOR2, EXECUTOR2, EXECUTOR]
