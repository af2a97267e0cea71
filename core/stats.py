"""The figures of /stats for an organisation: its calendar decides which requests are
stuck, its time zone where the chart's days begin; db/stats.py computes them in SQL."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from core.org import OrgConfig
from db import stats
from db.reports import Series, StatsReport


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
