"""The managers' week (SPEC §5): once a week each manager gets, privately and per
department they manage, the week beside the one before, what is breached or stuck
now, the executors' open load and the week's lowest ratings, with the chart.

When: ``[reports] weekly = "mon 09:00"`` in the organisation's zone; when that
moment is not working time (a holiday Monday, or a time before the working day
starts) the digest comes at the first working moment after it (a holiday Monday
09:00 → Tuesday 09:00). The week reported is always the seven days before the
nominal day (Monday 00:00 to Monday 00:00), whenever it is sent. The first digest
is the first one due after the bot's first scan.

Exactly once: the scan claims a ``schedule_marks`` row ``weekly:<department>:<date>``
(a unique key; a second instance or a restart finds it taken) in the same
transaction as the managers' outbox messages. The message says only which week of
which department; its figures are read when it is sent (the sender renders it in
each manager's language), so "breached now" means now.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import case, or_, select, update

from core.context import Services
from core.org import OrgConfig
from core.outgoing import weekly as owe_weekly
from core.payloads import Weekly
from core.stats import stale_since
from db import stats, users
from db.models import Request, ScheduleMark, User
from db.reports import DepartmentStats, OpenLine, RatingLine, Series
from db.session import insert_ignore
from db.statuses import Status

LISTED = 20  # breached and stuck requests listed per digest, then "… and N more"
PUSHED_WEEKS = 8  # how far back days off may have pushed a digest (a closure of weeks)
LOWEST = 3
# when the scan first looked for a digest on this schedule: a week due before it is not
# sent (a bot installed on a Wednesday starts with next Monday's, not with a digest at
# once; a schedule changed from Monday to Wednesday starts with the next Wednesday)
FIRST_SCAN = "weekly:first_scan"


def first_scan_key(org: OrgConfig) -> str:
    return f"{FIRST_SCAN}:{org.reports.weekly}"


def nominal_moment(org: OrgConfig, day: date) -> datetime:
    """The ``weekly`` time on ``day``, in UTC."""
    weekly = org.reports.weekly_at
    assert weekly is not None
    return datetime.combine(day, weekly[1], ZoneInfo(org.organization.timezone)).astimezone(UTC)


def nominal_day(org: OrgConfig, now: datetime) -> tuple[date, datetime] | None:
    """The latest ``weekly`` moment at or before ``now`` (its local date) and when its
    digest is due: that moment, or the first working moment after it. None when the
    digest is off."""
    weekly = org.reports.weekly_at
    if weekly is None:
        return None
    weekday, at = weekly
    zone = ZoneInfo(org.organization.timezone)
    local = now.astimezone(zone)
    day = local.date() - timedelta(days=(local.weekday() - weekday) % 7)
    if datetime.combine(day, at, zone) > now:
        day -= timedelta(days=7)
    moment = datetime.combine(day, at, zone).astimezone(UTC)
    return day, org.work_calendar.next_working_instant(moment)


def owed_days(org: OrgConfig, now: datetime) -> list[tuple[date, datetime]]:
    """The ``weekly`` days whose digests are due by ``now``: the latest, and the earlier
    ones that days off pushed to (or past) the moment after them (Monday 4 January,
    a holiday, is due on Monday 11 January with that week's own; a closure of two
    weeks pushes two), so none is lost. A week that was due before the next one is
    not looked at again: it was owed then, or the bot was not running."""
    latest = nominal_day(org, now)
    if latest is None:
        return []
    day = latest[0]
    owed = [latest] if latest[1] <= now else []
    next_moment = nominal_moment(org, day)
    for _ in range(PUSHED_WEEKS):
        day -= timedelta(days=7)
        due = org.work_calendar.next_working_instant(nominal_moment(org, day))
        if due < next_moment:
            break
        if due <= now:
            owed.insert(0, (day, due))
        next_moment = nominal_moment(org, day)
    return owed


def week_end(org: OrgConfig, day: date) -> datetime:
    """The end of the week a digest of ``day`` reports: that day's local midnight."""
    return datetime.combine(day, time(0), ZoneInfo(org.organization.timezone)).astimezone(UTC)


def mark_key(department: str, day: date) -> str:
    return f"weekly:{department}:{day.isoformat()}"


async def owe(svc: Services) -> int:
    """Owe the digests that are due and not yet owed; how many messages."""
    now = svc.clock.now()
    org = svc.org
    if org.reports.weekly_at is None:
        return 0
    first_scan = first_scan_key(org)
    days = owed_days(org, now)
    keys = {(d.key, day): mark_key(d.key, day) for d in org.departments if d.managers
            for day, _ in days}
    async with svc.db.reading() as session:  # most scans find this week's sent already
        marks: dict[str, datetime] = {key: at for key, at in await session.execute(
            select(ScheduleMark.key, ScheduleMark.at)
            .where(or_(ScheduleMark.key.in_(keys.values()),
                       ScheduleMark.key.startswith(f"{FIRST_SCAN}:"))))}
    others = [at for key, at in marks.items()
              if key.startswith(f"{FIRST_SCAN}:") and key != first_scan]
    if first_scan not in marks or (others and max(others) > marks[first_scan]):
        # first seen, or changed away and back: the schedule starts again from now
        # (the weeks its days missed meanwhile were another schedule's)
        async with svc.db.transaction() as session:
            if first_scan in marks:
                await session.execute(update(ScheduleMark).where(
                    ScheduleMark.key == first_scan, ScheduleMark.at == marks[first_scan])
                    .values(at=now))
            else:
                await session.execute(insert_ignore(session, ScheduleMark).values(
                    key=first_scan, at=now))
            marks[first_scan] = await session.scalar(
                select(ScheduleMark.at).where(ScheduleMark.key == first_scan)) or now
    owed = 0
    for day, _ in days:
        if nominal_moment(org, day) < marks[first_scan]:
            continue  # a week that ended before the bot first looked: the next is the first
        for department in org.departments:
            key = keys.get((department.key, day))
            if key is None or key in marks:
                continue
            async with svc.db.transaction() as session:
                claimed = await session.execute(
                    insert_ignore(session, ScheduleMark).values(key=key, at=now))
                if claimed.rowcount != 1:  # type: ignore[attr-defined]
                    continue  # owed already, by this instance before a restart or another
                payload = Weekly(department.key, day.isoformat())
                await owe_weekly(session, now, [(m, payload) for m in department.managers])
                owed += len(department.managers)
    return owed


@dataclass(frozen=True)
class WeekFigures:
    department: str
    first_day: date  # the week reported: first_day … last_day
    last_day: date
    this: DepartmentStats
    before: DepartmentStats
    breached: list[OpenLine]
    breached_total: int
    stuck: list[OpenLine]
    stuck_total: int
    lowest: list[RatingLine]
    chart: Series  # the two weeks
    people: dict[int, User]  # executors and raters named


async def figures(svc: Services, payload: Weekly, now: datetime) -> WeekFigures:
    """The digest's figures as of ``now`` (when it was owed: every attempt to send it
    renders the same parts): the /stats figures of the two weeks (db/stats.collect
    between local midnights), read in one transaction."""
    day = date.fromisoformat(payload.day)
    end = week_end(svc.org, day)
    start = week_end(svc.org, day - timedelta(days=7))
    start_before = week_end(svc.org, day - timedelta(days=14))
    key = payload.department
    stale = stale_since(svc.org, now)
    zone = ZoneInfo(svc.org.organization.timezone)
    async with svc.db.reading() as session:
        this = (await stats.collect(session, now, 7, [key], stale, until=end,
                                    since=start)).departments[0]
        before = (await stats.collect(session, now, 7, [key], stale, until=start,
                                      since=start_before)).departments[0]
        missed = case((Request.status == Status.NEW.value, Request.response_due_at),
                      else_=Request.resolve_due_at)
        breached, breached_total = await stats.open_lines(
            session, key, stats.breached_now(now), missed, missed, LISTED)
        stuck, stuck_total = await stats.open_lines(
            session, key, Request.last_event_at < stale, Request.last_event_at,
            Request.last_event_at, LISTED)
        lowest = await stats.rating_lines(session, [key], stats.Period(start, end),
                                          limit=LOWEST, lowest=True)
        chart = await stats.series(session, zone, now, 14, [key], until=end,
                                   since=start_before)
        named = {e.user_id for e in this.executors} | {r.rater_id for r in lowest}
        people = await users.get_users(session, named)
    return WeekFigures(key, day - timedelta(days=7), day - timedelta(days=1), this, before,
                       breached, breached_total, stuck, stuck_total, lowest, chart, people)
