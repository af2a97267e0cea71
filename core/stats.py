"""The figures of /stats for an organisation: its calendar decides which requests are
stuck, its time zone where the chart's days begin; db/stats.py computes them in SQL."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from core.context import Services
from core.org import OrgConfig
from db import stats, users
from db.export import export_rows
from db.models import User
from db.reports import RatingLine, Series, StatsReport

LOW_RATINGS_SHOWN = 5

Built = TypeVar("Built")


def stale_since(org: OrgConfig, now: datetime) -> datetime:
    """Open requests with no event since then are stuck (``sla.stale_after`` of work)."""
    cal = org.work_calendar
    return cal.add(now, -cal.seconds(org.sla.stale_after))


async def collect(session: AsyncSession, org: OrgConfig, now: datetime, days: int,
                  departments: list[str]) -> StatsReport:
    return await stats.collect(session, now, days, departments, stale_since(org, now))


async def series(session: AsyncSession, org: OrgConfig, now: datetime, days: int,
                 departments: list[str]) -> Series:
    return await stats.series(session, ZoneInfo(org.organization.timezone), now, days,
                              departments)


@dataclass(frozen=True)
class Figures:
    report: StatsReport
    chart: Series
    people: dict[int, User]  # the executors and raters named in the report
    low_ratings: list[RatingLine]  # the newest low ratings of the period, with comments


async def figures(svc: Services, days: int, departments: list[str]) -> Figures:
    """/stats: the report, its chart and the people it names, in one read."""
    now = svc.clock.now()
    # a read-only transaction: long reports must not hold SQLite's write lock
    async with svc.db.reading() as session:
        report = await collect(session, svc.org, now, days, departments)
        chart = await series(session, svc.org, now, days, departments)
        low = await stats.rating_lines(session, departments,
                                       stats.Period(now - timedelta(days=days)),
                                       limit=LOW_RATINGS_SHOWN, lowest=False)
        people = await users.get_users(session, {e.user_id for d in report.departments
                                                 for e in d.executors}
                                       | {r.rater_id for r in low})
    return Figures(report, chart, people, low)


async def exported(svc: Services, days: int, departments: list[str],
                   build: Callable[[AsyncIterator[dict[str, Any]]], Awaitable[Built]]) -> Built:
    """/export: ``build`` reads the requests of the last ``days`` as they stream in."""
    since = svc.clock.now() - timedelta(days=days)
    async with svc.db.reading() as session:
        return await build(export_rows(session, departments, since))
