"""/stats computed without sorts equals its definition, on SQLite and PostgreSQL.

The percentiles (an index walked to a rank), the per-executor and per-department
counts, the ratings (their own department) and the chart's days (ranges of the
index) are checked against plain definitions: nearest-rank percentiles computed
in Python, and the chart's days as ``GROUP BY`` the local date, as /stats
computed them before.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Date, case, cast, func, literal_column, select

from core import stats as org_stats
from core.lifecycle import OPEN_STATUSES, Status
from db import stats
from db.migrate import upgrade
from db.models import Rating, Request, RequestEvent
from db.reports import Percentiles
from db.session import Database
from tests.conftest import example_org

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
DEPARTMENTS = ["it", "hr", "finance"]


@pytest.fixture
async def db(database_url):
    await upgrade(database_url)
    database = Database(database_url)
    yield database
    await database.dispose()


def request(number: int, department: str = "it", created_at: datetime = NOW,
            **fields: Any) -> Request:
    values: dict[str, Any] = dict(
        id=number, department_key=department, type_key="access", type_name="Access",
        response_seconds=3600.0, resolve_seconds=28800.0, requester_id=2001,
        status=Status.CLOSED.value, priority="normal", answers=[], created_at=created_at,
        status_changed_at=created_at, transfers=0, reopens=0, auto_closed=False,
        last_event_at=created_at)
    values.update(fields)
    return Request(**values)


def nearest_rank(values: list[float], rank: int) -> float | None:
    ordered = sorted(values)
    return ordered[rank - 1] if 1 <= rank <= len(ordered) else None


def test_the_ranks_are_the_nearest_ranks_of_50_and_90_percent():
    for n in range(1, 2001):
        assert stats.p50_rank(n) == -(-n // 2)  # ceil(n / 2)
        assert stats.p90_rank(n) == -(-9 * n // 10)  # ceil(0.9 n), in integers
    assert [stats.p90_rank(n) for n in (1, 2, 9, 10, 11, 19, 20, 21)] == \
        [1, 2, 9, 9, 10, 18, 18, 19]


@pytest.mark.parametrize("values", [
    [],
    [7.0],
    [9.0, 3.0],
    [5.0, 5.0, 5.0],
    [1.0, 2.0, 2.0, 2.0, 3.0, 3.0, 10.0, 10.0, 10.0, 11.0],  # p90 at rank 9 of 10
    [0.5 * i for i in range(11, 0, -1)],  # 11 values: p90 at rank 10
    [60.0] * 9 + [61.0],  # ties up to the p90 rank, the next value just above
])
async def test_the_value_at_each_rank_is_the_sorted_value(db, values):
    since = NOW - timedelta(days=30)
    rows = [request(i + 1, taken_at=NOW - timedelta(hours=i + 1), take_work_s=v)
            for i, v in enumerate(values)]
    # around them: rows of the period without a value, rows before the period
    # (smaller and larger values), and another department
    rows += [request(100, taken_at=NOW - timedelta(hours=1), take_work_s=None),
             request(101, taken_at=since - timedelta(seconds=1), take_work_s=0.0),
             request(102, taken_at=since - timedelta(days=3), take_work_s=1e9),
             request(103, "hr", taken_at=NOW - timedelta(hours=2), take_work_s=-1.0)]
    async with db.transaction() as session:
        session.add_all(rows)
    n = len(values)
    async with db.reading() as session:
        at = await stats.ranked(session, stats.COLUMNS.take_work_s, stats.COLUMNS.taken_at,
                                since, [stats.COLUMNS.department_key], {"it": n},
                                [lambda _n, k=k: k for k in range(1, n + 2)])
        report = await org_stats.collect(session, example_org(), NOW, 30, ["it"])
    assert [at[("it", k)] for k in range(1, n + 1)] == sorted(values)
    if n:
        assert at[("it", n + 1)] is None  # past the last value
    expected = Percentiles(n, nearest_rank(values, stats.p50_rank(n)),
                           nearest_rank(values, stats.p90_rank(n))) if n else \
        Percentiles(0, None, None)
    assert report.departments[0].time_to_take == expected


async def test_many_ranks_take_more_than_one_statement(db, monkeypatch):
    monkeypatch.setattr(stats, "RANKS_PER_STATEMENT", 3)
    values = [float(v) for v in (8, 1, 6, 3, 3, 9, 2, 7)]
    async with db.transaction() as session:
        session.add_all(request(i + 1, taken_at=NOW, take_work_s=v)
                        for i, v in enumerate(values))
    async with db.reading() as session:
        at = await stats.ranked(session, stats.COLUMNS.take_work_s, stats.COLUMNS.taken_at,
                                NOW, [stats.COLUMNS.department_key], {"it": 8},
                                [lambda _n, k=k: k for k in range(1, 9)])
    assert [at[("it", k)] for k in range(1, 9)] == sorted(values)


def random_history(seed: int) -> tuple[list[Request], list[Rating], list[RequestEvent]]:
    """Requests in every state with ties, missing values and people in several
    departments, some before the period and some in a department out of scope."""
    rng = random.Random(seed)
    people = [3001, 3002, 3003, 7_000_000_001]  # ids past 32 bits too
    requests, ratings, events = [], [], []
    for number in range(1, 161):
        department = rng.choice([*DEPARTMENTS, "it", "it", "elsewhere"])
        created = NOW - timedelta(days=rng.uniform(0, 50))
        taken = created + timedelta(hours=rng.uniform(0, 30)) if rng.random() < 0.8 else None
        done = taken + timedelta(hours=rng.uniform(0, 40)) if taken and rng.random() < 0.7 \
            else None
        status = (rng.choice([Status.ON_REVIEW, Status.CLOSED]) if done else
                  rng.choice([Status.IN_PROGRESS, Status.WAITING, Status.REJECTED]) if taken
                  else rng.choice([Status.NEW, Status.CANCELLED]))
        assignee = rng.choice([*people, None]) if taken else None
        requests.append(request(
            number, department, created, status=status.value, taken_at=taken, done_at=done,
            assignee_id=assignee,
            take_work_s=rng.choice([60.0, 600.0, 600.0, 1800.0, rng.uniform(0, 9000), None])
            if taken else None,
            finish_work_s=rng.choice([3600.0, 7200.0, 7200.0, rng.uniform(0, 90000), None])
            if done else None,
            response_met=rng.choice([True, False]) if taken else None,
            resolve_met=rng.choice([True, False]) if done else None,
            response_due_at=created + timedelta(hours=rng.uniform(0, 60)),
            resolve_due_at=created + timedelta(hours=rng.uniform(0, 200)),
            requester_department=rng.choice([*DEPARTMENTS, "elsewhere", None]),
            last_event_at=done or taken or created))
        if done and rng.random() < 0.6:
            ratings.append(Rating(request_id=number, score=rng.randint(1, 5), rater_id=2001,
                                  assignee_id=assignee, department_key=department,
                                  rated_at=done + timedelta(hours=rng.uniform(0, 20))))
        if rng.random() < 0.2:
            source, target = rng.sample([*DEPARTMENTS, "elsewhere"], 2)
            events.append(RequestEvent(request_id=number, kind="transfer", actor_id=3001,
                                       at=created + timedelta(minutes=5),
                                       from_department=source, to_department=target))
    return requests, ratings, events


def expected_report(requests: list[Request], ratings: list[Rating],
                    events: list[RequestEvent], days: int, stale_since: datetime
                    ) -> dict[str, Any]:
    """/stats by its definition, in Python."""
    since = NOW - timedelta(days=days)
    out: dict[str, Any] = {}
    for key in DEPARTMENTS:
        mine = [r for r in requests if r.department_key == key]
        filed = [r for r in mine if r.created_at >= since]
        taken = [r for r in mine if r.taken_at and r.taken_at >= since]
        done = [r for r in mine if r.done_at and r.done_at >= since]
        takes = [r.take_work_s for r in taken if r.take_work_s is not None]
        finishes = [r.finish_work_s for r in done if r.finish_work_s is not None]
        rated = [g for g in ratings if g.department_key == key and g.rated_at >= since]
        executors = {}
        for user in {r.assignee_id for r in mine if r.assignee_id is not None} | \
                {g.assignee_id for g in rated if g.assignee_id is not None}:
            own_open = sum(r.assignee_id == user and r.status in ("in_progress", "waiting")
                           for r in mine)
            own_done = [r for r in done if r.assignee_id == user]
            own_times = [r.finish_work_s for r in own_done if r.finish_work_s is not None]
            own_ratings = [g.score for g in rated if g.assignee_id == user]
            if own_open or own_done or own_ratings:
                executors[user] = (own_open, len(own_done),
                                   nearest_rank(own_times, stats.p50_rank(len(own_times))),
                                   len(own_ratings))
        out[key] = {
            "created": len(filed),
            "taken": len(taken),
            "done": len(done),
            "take": Percentiles(len(takes), nearest_rank(takes, stats.p50_rank(len(takes))),
                                nearest_rank(takes, stats.p90_rank(len(takes))))
            if takes else Percentiles(0, None, None),
            "finish": Percentiles(len(finishes),
                                  nearest_rank(finishes, stats.p50_rank(len(finishes))),
                                  nearest_rank(finishes, stats.p90_rank(len(finishes))))
            if finishes else Percentiles(0, None, None),
            "response": (sum(r.response_met is True for r in filed),
                         sum(r.response_met is False or (
                             r.taken_at is None and r.status == "new"
                             and r.response_due_at < NOW) for r in filed)),
            "resolve": (sum(r.resolve_met is True for r in filed),
                        sum(r.resolve_met is False or (
                            r.done_at is None and r.status in ("new", "in_progress")
                            and r.resolve_due_at < NOW) for r in filed)),
            "open": dict(Counter(r.status for r in mine if r.status in OPEN_STATUSES)),
            "stuck": sum(r.status in OPEN_STATUSES and r.last_event_at < stale_since
                         for r in mine),
            "transfers": (sum(e.to_department == key and e.at >= since for e in events),
                          sum(e.from_department == key and e.at >= since for e in events)),
            "ratings": (len(rated), sum(g.score >= 4 for g in rated),
                        sum(g.score for g in rated) / len(rated) if rated else None),
            "executors": executors,
        }
    out["flows"] = Counter((r.requester_department, r.department_key) for r in requests
                           if r.department_key in DEPARTMENTS and r.created_at >= since)
    return out


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize("days", [7, 30, 365])
async def test_collect_equals_its_definition(db, seed, days):
    requests, ratings, events = random_history(seed)
    async with db.transaction() as session:
        session.add_all(requests)
        await session.flush()
        session.add_all([*ratings, *events])
    org = example_org()
    since = NOW - timedelta(days=days)
    async with db.reading() as session:
        report = await org_stats.collect(session, org, NOW, days, DEPARTMENTS)
        # the averages as the database's avg() gives them, to the last bit
        averages = {key: float(average) for key, average in await session.execute(
            select(Rating.department_key, func.avg(Rating.score))
            .where(Rating.rated_at >= since).group_by(Rating.department_key))}
        executor_averages = {(key, user): float(average) for key, user, average in
                             await session.execute(
            select(Rating.department_key, Rating.assignee_id, func.avg(Rating.score))
            .where(Rating.rated_at >= since, Rating.assignee_id.is_not(None))
            .group_by(Rating.department_key, Rating.assignee_id))}
    cal = org.work_calendar
    expected = expected_report(requests, ratings, events, days,
                               cal.add(NOW, -cal.seconds(org.sla.stale_after)))
    for got in report.departments:
        want = expected[got.key]
        assert (got.created, got.taken, got.done) == \
            (want["created"], want["taken"], want["done"]), got.key
        assert (got.time_to_take, got.time_to_finish) == (want["take"], want["finish"])
        assert ((got.response.met, got.response.breached),
                (got.resolve.met, got.resolve.breached)) == (want["response"], want["resolve"])
        assert (got.open_by_status, got.stuck) == (want["open"], want["stuck"])
        assert (got.transfers_in, got.transfers_out) == want["transfers"]
        assert (got.ratings.count, got.ratings.satisfied) == want["ratings"][:2]
        assert got.ratings.average == pytest.approx(want["ratings"][2])
        assert got.ratings.average == averages.get(got.key)
        assert {e.user_id: e.rating_avg for e in got.executors if e.ratings} == \
            {user: average for (key, user), average in executor_averages.items()
             if key == got.key}
        assert {e.user_id: (e.open_assigned, e.done, e.finish_p50, e.ratings)
                for e in got.executors} == want["executors"]
    assert Counter({(f.source, f.target): f.count for f in report.flows}) == expected["flows"]
    assert [f.count for f in report.flows] == sorted((f.count for f in report.flows),
                                                     reverse=True)


async def test_a_rating_keeps_the_department_it_was_given_in(db):
    from core.clock import FakeClock
    from core.context import Services
    from core.workflow import Press, rate

    async with db.transaction() as session:
        session.add(request(1, "hr", NOW - timedelta(days=1), status=Status.ON_REVIEW.value,
                            requester_id=2001, assignee_id=3001, taken_at=NOW,
                            done_at=NOW))
    svc = Services(db, example_org(), FakeClock(NOW + timedelta(minutes=5)))
    assert (await rate(svc, 1, Press(2001, 2001), 4)).ok
    async with db.reading() as session:
        rating = await session.get_one(Rating, 1)
    assert (rating.department_key, rating.assignee_id, rating.score) == ("hr", 3001, 4)


# ------------------------------------------------------------------ the chart's days
def berlin_org() -> Any:
    return example_org(organization={"name": "Acme", "timezone": "Europe/Berlin",
                                     "language": "en", "admins": [1001]})


async def series_by_grouping(session: Any, org: Any, now: datetime, days: int,
                             departments: list[str]) -> dict[date, tuple[int, ...]]:
    """The chart's figures per day as /stats computed them before: GROUP BY the local
    date (PostgreSQL: the zone's; SQLite: the offset in force at ``now``)."""
    since = now - timedelta(days=days)
    zone = ZoneInfo(org.organization.timezone)

    def local_day(column: Any) -> Any:
        if session.bind.dialect.name == "postgresql":
            return cast(func.timezone(org.organization.timezone, column), Date)
        offset = now.astimezone(zone).utcoffset() or timedelta(0)
        return func.date(column, literal_column(
            f"'{int(offset.total_seconds() // 60):+d} minutes'"))

    in_scope = Request.department_key.in_(departments)
    created_day, done_day = local_day(Request.created_at), local_day(Request.done_at)
    found: dict[date, list[int]] = defaultdict(lambda: [0] * 6)
    for day, *values in await session.execute(
            select(created_day, func.count(),
                   func.sum(case((Request.response_met.is_(True), 1), else_=0)),
                   func.sum(case((Request.response_met.is_not(None), 1), else_=0)),
                   func.sum(case((Request.resolve_met.is_(True), 1), else_=0)),
                   func.sum(case((Request.resolve_met.is_not(None), 1), else_=0)))
            .where(in_scope, Request.created_at >= since).group_by(created_day)):
        key = day if isinstance(day, date) else date.fromisoformat(day)
        found[key][0] = values[0]
        found[key][2:6] = [int(v or 0) for v in values[1:]]
    for day, count in await session.execute(
            select(done_day, func.count()).where(in_scope, Request.done_at >= since)
            .group_by(done_day)):
        found[day if isinstance(day, date) else date.fromisoformat(day)][1] = count
    first, last = since.astimezone(zone).date(), now.astimezone(zone).date()
    return {d: tuple(v) for d, v in found.items() if first <= d <= last}


def instants_around_midnights(now: datetime, days: int) -> list[datetime]:
    """Moments at, just before and just after local midnights under both offsets
    Berlin has (+1 and +2: the period crosses the end of summer time), and at the
    start of the period."""
    since = now - timedelta(days=days)
    moments = [since, since - timedelta(microseconds=1), since + timedelta(microseconds=1)]
    day = since.date() - timedelta(days=1)
    while day <= now.date() + timedelta(days=1):
        for offset in (1, 2):
            midnight = datetime(day.year, day.month, day.day, tzinfo=UTC) - timedelta(
                hours=offset)
            # SQLite's date() rounds to the millisecond: 500 µs before midnight is
            # the next day there, 501 µs before is not
            moments += [midnight, midnight - timedelta(microseconds=1),
                        midnight - timedelta(microseconds=500),
                        midnight - timedelta(microseconds=501),
                        midnight + timedelta(seconds=1)]
        day += timedelta(days=1)
    return [m for m in moments if m <= now]


@pytest.mark.parametrize("days", [1, 12, 45])
async def test_the_chart_days_are_the_local_dates(db, days):
    now = datetime(2026, 11, 9, 10, 30, tzinfo=UTC)  # summer time ended on 25 October
    rng = random.Random(days)
    moments = instants_around_midnights(now, days)
    moments += [now - timedelta(days=rng.uniform(0, days + 2)) for _ in range(150)]
    rows = []
    for number, created in enumerate(moments, start=1):
        done = rng.choice([None, *instants_around_midnights(now, days)[:40],
                           created + timedelta(hours=rng.uniform(0, 60))])
        rows.append(request(number, rng.choice(["it", "it", "hr"]), created,
                            done_at=done if done is None or done <= now else None,
                            response_met=rng.choice([True, False, None]),
                            resolve_met=rng.choice([True, False, None])))
    async with db.transaction() as session:
        session.add_all(rows)
    org = berlin_org()
    async with db.reading() as session:
        chart = await org_stats.series(session, org, now, days, ["it"])
        reference = await series_by_grouping(session, org, now, days, ["it"])
    zone = ZoneInfo("Europe/Berlin")
    first = (now - timedelta(days=days)).astimezone(zone).date()
    assert [p.day for p in chart.daily] == \
        [first + timedelta(days=i) for i in range(len(chart.daily))]
    assert chart.daily[-1].day == now.astimezone(zone).date()
    got = {p.day: (p.created, p.done) for p in chart.daily if p.created or p.done}
    assert got == {d: v[:2] for d, v in reference.items() if v[0] or v[1]}
    weekly: dict[date, list[int]] = defaultdict(lambda: [0] * 4)
    for day, values in reference.items():
        for i in range(4):
            weekly[day - timedelta(days=day.weekday())][i] += values[2 + i]
    assert {w.week_start: [w.response_met, w.response_total, w.resolve_met, w.resolve_total]
            for w in chart.weekly if w.response_total or w.resolve_total} == \
        {week: values for week, values in weekly.items() if values[1] or values[3]}


async def test_a_long_chart_takes_several_statements(db, monkeypatch):
    monkeypatch.setattr(stats, "DAYS_PER_STATEMENT", 7)
    now = datetime(2026, 11, 9, 10, 30, tzinfo=UTC)
    async with db.transaction() as session:
        session.add_all(request(i + 1, "it", now - timedelta(days=i, hours=1),
                                done_at=now - timedelta(days=i)) for i in range(40))
    async with db.reading() as session:
        chart = await org_stats.series(session, berlin_org(), now, 30, ["it"])
        reference = await series_by_grouping(session, berlin_org(), now, 30, ["it"])
    assert len(chart.daily) == 31
    assert {p.day: (p.created, p.done) for p in chart.daily if p.created or p.done} == \
        {d: v[:2] for d, v in reference.items()}
