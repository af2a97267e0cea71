"""The figures of /stats, aggregated in SQL that runs on SQLite and PostgreSQL.

Percentiles use the nearest-rank method with window functions (ROW_NUMBER and
COUNT over a partition), which both databases have; durations were fixed in
working seconds when they happened (``take_work_s``, ``finish_work_s``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Date, and_, case, cast, func, literal_column, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql import ColumnElement

from core.lifecycle import OPEN_STATUSES, Status
from core.org import OrgConfig
from core.stats import (
    Compliance,
    DailyPoint,
    DepartmentStats,
    ExecutorStats,
    Flow,
    Percentiles,
    Ratings,
    Series,
    StatsReport,
    WeeklyCompliance,
)
from db.models import Rating, Request, RequestEvent

OPEN = [s.value for s in OPEN_STATUSES]
RUNNING = [Status.NEW.value, Status.IN_PROGRESS.value]  # clocks that can breach while open


def _percentiles(rows: Iterable[Any]) -> dict[Any, Percentiles]:
    """Rows of (group, rank, count, value) where rank is the p50 or p90 rank."""
    found: dict[Any, dict[str, Any]] = defaultdict(dict)
    for group, rank, count, value in rows:
        entry = found[group]
        entry["count"] = count
        if rank == (count + 1) // 2:
            entry["p50"] = value
        if rank == (9 * count + 9) // 10:
            entry["p90"] = value
    return {g: Percentiles(e["count"], e.get("p50"), e.get("p90")) for g, e in found.items()}


async def _ranked(session: AsyncSession, value: Any, groups: list[Any],
                  where: ColumnElement[bool]) -> dict[Any, Percentiles]:
    """p50 and p90 of ``value`` per group, nearest rank, in the database."""
    rank = func.row_number().over(partition_by=groups, order_by=value).label("rn")
    count = func.count().over(partition_by=groups).label("n")
    inner = select(*groups, value.label("v"), rank, count).where(where, value.is_not(None)) \
        .subquery()
    n, rn = inner.c.n, inner.c.rn
    keys = [inner.c[g.key] for g in groups]
    query = select(*keys, rn, n, inner.c.v).where(
        or_(rn == (n + 1) // 2, rn == (9 * n + 9) // 10))
    return _percentiles(
        (tuple(r[: len(groups)]) if len(groups) > 1 else r[0], r[-3], r[-2], r[-1])
        for r in await session.execute(query))


async def collect(session: AsyncSession, org: OrgConfig, now: datetime, days: int,
                  departments: list[str]) -> StatsReport:
    since = now - timedelta(days=days)
    cal = org.work_calendar
    stale_since = cal.add(now, -cal.seconds(org.sla.stale_after))
    in_scope = Request.department_key.in_(departments)

    async def grouped(query: Any) -> dict[Any, Any]:
        return {row[0]: row[1:] for row in await session.execute(query)}

    created = await grouped(select(Request.department_key, func.count())
                            .where(in_scope, Request.created_at >= since)
                            .group_by(Request.department_key))
    taken = await grouped(select(Request.department_key, func.count())
                          .where(in_scope, Request.taken_at >= since)
                          .group_by(Request.department_key))
    done = await grouped(select(Request.department_key, func.count())
                         .where(in_scope, Request.done_at >= since)
                         .group_by(Request.department_key))
    open_rows = await session.execute(
        select(Request.department_key, Request.status, func.count())
        .where(in_scope, Request.status.in_(OPEN)).group_by(Request.department_key,
                                                            Request.status))
    open_by: dict[str, dict[str, int]] = defaultdict(dict)
    for key, status, count in open_rows:
        open_by[key][status] = count
    stuck = await grouped(select(Request.department_key, func.count())
                          .where(in_scope, Request.status.in_(OPEN),
                                 Request.last_event_at < stale_since)
                          .group_by(Request.department_key))
    compliance = await grouped(_compliance_query(in_scope, since, now))
    take = await _ranked(session, Request.take_work_s, [Request.department_key],
                         and_(in_scope, Request.taken_at >= since))
    finish = await _ranked(session, Request.finish_work_s, [Request.department_key],
                           and_(in_scope, Request.done_at >= since))
    transfers_out = await grouped(
        select(RequestEvent.from_department, func.count())
        .where(RequestEvent.kind == "transfer", RequestEvent.at >= since,
               RequestEvent.from_department.in_(departments))
        .group_by(RequestEvent.from_department))
    transfers_in = await grouped(
        select(RequestEvent.to_department, func.count())
        .where(RequestEvent.kind == "transfer", RequestEvent.at >= since,
               RequestEvent.to_department.in_(departments))
        .group_by(RequestEvent.to_department))
    ratings = await grouped(
        select(Request.department_key, func.count(), func.avg(Rating.score),
               func.sum(case((Rating.score >= 4, 1), else_=0)))
        .join(Request, Request.id == Rating.request_id)
        .where(in_scope, Rating.rated_at >= since).group_by(Request.department_key))
    executors = await _executors(session, in_scope, since)
    report = []
    for key in departments:
        response_met, response_breached, resolve_met, resolve_breached = \
            compliance.get(key, (0, 0, 0, 0))
        count, average, satisfied = ratings.get(key, (0, None, 0))
        report.append(DepartmentStats(
            key=key,
            created=_first(created.get(key)),
            open_by_status=dict(open_by.get(key, {})),
            taken=_first(taken.get(key)),
            done=_first(done.get(key)),
            time_to_take=take.get(key, Percentiles(0, None, None)),
            time_to_finish=finish.get(key, Percentiles(0, None, None)),
            response=Compliance(int(response_met or 0), int(response_breached or 0)),
            resolve=Compliance(int(resolve_met or 0), int(resolve_breached or 0)),
            stuck=_first(stuck.get(key)),
            transfers_in=_first(transfers_in.get(key)),
            transfers_out=_first(transfers_out.get(key)),
            ratings=Ratings(int(count or 0), float(average) if average is not None else None,
                            int(satisfied or 0)),
            executors=executors.get(key, []),
        ))
    flows = [Flow(source, target, count) for target, source, count in await session.execute(
        select(Request.department_key, Request.requester_department, func.count())
        .where(in_scope, Request.created_at >= since)
        .group_by(Request.department_key, Request.requester_department)
        .order_by(func.count().desc()))]
    return StatsReport(days, report, flows)


def _first(row: Any) -> int:
    return int(row[0]) if row else 0


def _compliance_query(in_scope: ColumnElement[bool], since: datetime, now: datetime) -> Any:
    """Met and breached SLAs of the requests filed in the period; an open request
    past its deadline counts as breached already."""
    response_breached = or_(
        Request.response_met.is_(False),
        and_(Request.taken_at.is_(None), Request.status == Status.NEW.value,
             Request.response_due_at < now),
    )
    resolve_breached = or_(
        Request.resolve_met.is_(False),
        and_(Request.done_at.is_(None), Request.status.in_(RUNNING),
             Request.resolve_due_at < now),
    )
    return (
        select(
            Request.department_key,
            func.sum(case((Request.response_met.is_(True), 1), else_=0)),
            func.sum(case((response_breached, 1), else_=0)),
            func.sum(case((Request.resolve_met.is_(True), 1), else_=0)),
            func.sum(case((resolve_breached, 1), else_=0)),
        )
        .where(in_scope, Request.created_at >= since)
        .group_by(Request.department_key)
    )


async def _executors(session: AsyncSession, in_scope: ColumnElement[bool],
                     since: datetime) -> dict[str, list[ExecutorStats]]:
    per: dict[tuple[str, Any], dict[str, Any]] = defaultdict(dict)
    for key, user, count in await session.execute(
            select(Request.department_key, Request.assignee_id, func.count())
            .where(in_scope, Request.status.in_([Status.IN_PROGRESS.value,
                                                 Status.WAITING.value]),
                   Request.assignee_id.is_not(None))
            .group_by(Request.department_key, Request.assignee_id)):
        per[(key, user)]["open"] = count
    for key, user, count in await session.execute(
            select(Request.department_key, Request.assignee_id, func.count())
            .where(in_scope, Request.done_at >= since, Request.assignee_id.is_not(None))
            .group_by(Request.department_key, Request.assignee_id)):
        per[(key, user)]["done"] = count
    medians = await _ranked(session, Request.finish_work_s,
                            [Request.department_key, Request.assignee_id],
                            and_(in_scope, Request.done_at >= since,
                                 Request.assignee_id.is_not(None)))
    for key, user, count, average in await session.execute(
            select(Request.department_key, Rating.assignee_id, func.count(), func.avg(Rating.score))
            .join(Request, Request.id == Rating.request_id)
            .where(in_scope, Rating.rated_at >= since, Rating.assignee_id.is_not(None))
            .group_by(Request.department_key, Rating.assignee_id)):
        per[(key, user)]["ratings"] = (count, float(average))
    result: dict[str, list[ExecutorStats]] = defaultdict(list)
    for (key, user), entry in per.items():
        rating_count, rating_avg = entry.get("ratings", (0, None))
        result[key].append(ExecutorStats(
            user_id=user, open_assigned=entry.get("open", 0), done=entry.get("done", 0),
            finish_p50=medians[(key, user)].p50 if (key, user) in medians else None,
            rating_avg=rating_avg, ratings=rating_count))
    for rows in result.values():
        rows.sort(key=lambda e: (-e.done, -e.open_assigned, e.user_id))
    return result


def _local_day(session: AsyncSession, column: Any, org: OrgConfig, now: datetime) -> Any:
    """The calendar day of a UTC column in the organisation's time zone."""
    if session.bind is not None and session.bind.dialect.name == "postgresql":
        return cast(func.timezone(org.organization.timezone, column), Date)
    offset = now.astimezone(ZoneInfo(org.organization.timezone)).utcoffset() or timedelta(0)
    # SQLite: a fixed offset, taken at `now` (a DST change within the period moves
    # an hour of requests to the neighbouring day; PostgreSQL converts exactly)
    return func.date(column, literal_column(f"'{int(offset.total_seconds() // 60):+d} minutes'"))


async def series(session: AsyncSession, org: OrgConfig, now: datetime, days: int,
                 departments: list[str]) -> Series:
    """Created and done per day, SLA compliance per week, for the chart."""
    since = now - timedelta(days=days)
    in_scope = Request.department_key.in_(departments)
    created_day = _local_day(session, Request.created_at, org, now)
    done_day = _local_day(session, Request.done_at, org, now)
    per_day: dict[date, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    for day, count, r_met, r_total, s_met, s_total in await session.execute(
            select(created_day, func.count(),
                   func.sum(case((Request.response_met.is_(True), 1), else_=0)),
                   func.sum(case((Request.response_met.is_not(None), 1), else_=0)),
                   func.sum(case((Request.resolve_met.is_(True), 1), else_=0)),
                   func.sum(case((Request.resolve_met.is_not(None), 1), else_=0)))
            .where(in_scope, Request.created_at >= since).group_by(created_day)):
        per_day[_as_date(day)][0:1] = [count]
        per_day[_as_date(day)][2:6] = [int(r_met or 0), int(r_total or 0), int(s_met or 0),
                                       int(s_total or 0)]
    for day, count in await session.execute(
            select(done_day, func.count()).where(in_scope, Request.done_at >= since)
            .group_by(done_day)):
        per_day[_as_date(day)][1] = count
    zone = ZoneInfo(org.organization.timezone)
    first, last = since.astimezone(zone).date(), now.astimezone(zone).date()
    daily = []
    weekly: dict[date, list[int]] = {}
    day = first
    while day <= last:
        values = per_day.get(day, [0, 0, 0, 0, 0, 0])
        daily.append(DailyPoint(day, values[0], values[1]))
        week = weekly.setdefault(day - timedelta(days=day.weekday()), [0, 0, 0, 0])
        for i in range(4):
            week[i] += values[2 + i]
        day += timedelta(days=1)
    return Series(daily, [WeeklyCompliance(start, *values) for start, values in weekly.items()])


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))
