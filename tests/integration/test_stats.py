"""/stats figures on a hand-built history, exact, on SQLite and PostgreSQL."""

from datetime import UTC, datetime, timedelta

import pytest

from bot.forms.engine import DraftState  # noqa: F401 - keeps the import graph honest
from core import stats
from core.clock import FakeClock
from core.context import Services
from core.intake import create_request
from core.lifecycle import Action
from core.workflow import Press, act, rate
from db import users
from db.migrate import upgrade
from db.reports import Compliance, ExecutorStats, Flow, Percentiles, Ratings
from db.session import Database
from tests.conftest import HR_CHAT, IT_CHAT, example_org

MSK = timedelta(hours=3)
R1, R2, E1, E2, E3 = 501, 502, 601, 602, 603


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC) - MSK


@pytest.fixture
async def svc(database_url):
    await upgrade(database_url)
    clock = FakeClock(at(23, 10))
    services = Services(Database(database_url), example_org(), clock)
    async with services.db.transaction() as session:
        await users.bind(session, "it", IT_CHAT, None, 1001, clock.now())
        await users.bind(session, "hr", HR_CHAT, None, 1001, clock.now())
    yield services
    await services.db.dispose()


async def file(svc, requester, department="it", type_key="access"):
    department_ = svc.org.department(department)
    async with svc.db.transaction() as session:
        request, _ = await create_request(session, svc, requester, department_,
                                          department_.request_type(type_key), [], "normal", None)
    return request.id


async def do(svc, when, number, action, actor, chat, **kw):
    svc.clock.set(when)
    outcome = await act(svc, number, action, Press(actor, chat, 1), **kw)
    assert outcome.ok, (number, action, outcome.refusal)


async def test_exact_figures(svc):
    one, two, three, four, five = [await file(svc, r) for r in (R1, R1, R2, R2, R1)]
    async with svc.db.transaction() as session:  # #3 is a hardware request: 1h to take
        from db.models import Request
        hardware = await session.get(Request, three)
        hardware.type_key, hardware.response_seconds = "hardware", 3600
        hardware.response_due_at = at(23, 11)
    await do(svc, at(23, 10, 10), five, Action.TAKE, E1, IT_CHAT)
    await do(svc, at(23, 10, 15), four, Action.TRANSFER, E1, IT_CHAT, to_department="hr",
             reason="HR's job")
    await do(svc, at(23, 10, 30), one, Action.TAKE, E1, IT_CHAT)
    await do(svc, at(23, 11), four, Action.TAKE, E3, HR_CHAT)
    await do(svc, at(23, 11), five, Action.DONE, E1, IT_CHAT)
    await do(svc, at(23, 11, 30), five, Action.REOPEN, R1, R1)
    await do(svc, at(23, 12), one, Action.DONE, E1, IT_CHAT)
    svc.clock.set(at(23, 12, 5))
    assert (await rate(svc, one, Press(R1, R1), 5)).ok
    await do(svc, at(23, 12, 30), five, Action.DONE, E1, IT_CHAT)
    await do(svc, at(23, 13), two, Action.TAKE, E2, IT_CHAT)
    await do(svc, at(24, 11), two, Action.DONE, E2, IT_CHAT)
    svc.clock.set(at(24, 11, 5))
    assert (await rate(svc, two, Press(R1, R1), 3)).ok
    svc.clock.set(at(25, 11))
    six = await file(svc, E1, "hr", "vacation")  # E1 works in IT: a request from IT to HR
    now = at(25, 12)
    async with svc.db.transaction() as session:
        report = await stats.collect(session, svc.org, now, 30, ["it", "hr"])
    it, hr = report.departments
    assert (it.key, it.created, it.open_by_status, it.taken, it.done) == \
        ("it", 4, {"new": 1, "on_review": 3}, 3, 3)
    assert it.time_to_take == Percentiles(3, 1800.0, 10800.0)
    assert it.time_to_finish == Percentiles(3, 7200.0, 36000.0)
    assert it.response == Compliance(met=2, breached=2)
    assert it.resolve == Compliance(met=2, breached=2)
    assert (it.stuck, it.transfers_in, it.transfers_out) == (1, 0, 1)
    assert it.ratings == Ratings(count=2, average=4.0, satisfied=1)
    assert it.ratings.csat == 0.5
    assert it.executors == [
        ExecutorStats(E1, open_assigned=0, done=2, finish_p50=7200.0, rating_avg=5.0, ratings=1),
        ExecutorStats(E2, open_assigned=0, done=1, finish_p50=36000.0, rating_avg=3.0,
                      ratings=1),
    ]
    assert (hr.created, hr.open_by_status, hr.taken, hr.transfers_in) == \
        (2, {"in_progress": 1, "new": 1}, 1, 1)
    assert hr.time_to_take == Percentiles(1, 3600.0, 3600.0)
    assert hr.response == Compliance(met=1, breached=0)
    assert hr.ratings == Ratings(0, None, 0) and hr.ratings.csat is None
    assert sorted(report.flows, key=lambda f: (f.target, str(f.source))) == [
        Flow(None, "hr", 1), Flow("it", "hr", 1), Flow(None, "it", 4)]
    del six

    async with svc.db.transaction() as session:
        chart = await stats.series(session, svc.org, now, 7, ["it"])
    assert [p.day.day for p in chart.daily] == [18, 19, 20, 21, 22, 23, 24, 25]
    assert [(p.created, p.done) for p in chart.daily][-3:] == [(4, 2), (0, 1), (0, 0)]
    monday = next(w for w in chart.weekly if w.week_start.day == 23)
    assert (monday.response_met, monday.response_total, monday.resolve_met,
            monday.resolve_total) == (2, 3, 2, 3)


async def test_an_empty_period(svc):
    async with svc.db.transaction() as session:
        report = await stats.collect(session, svc.org, at(25, 12), 30, ["finance"])
    finance = report.departments[0]
    assert (finance.created, finance.taken, finance.done, finance.open_total) == (0, 0, 0, 0)
    assert finance.time_to_take == Percentiles(0, None, None)
    assert finance.response.share is None and finance.ratings.csat is None
    assert report.flows == []
