"""The figures of /stats, aggregated in SQL that runs on SQLite and PostgreSQL.

Nothing sorts the rows of the period, so a year of history costs about a read
of the indexes it needs:

- counts read a range of a covering index, or walk an index already in the
  order of their GROUP BY (per executor, per requester department);
- percentiles use the nearest-rank method: of a group's n values in ascending
  order, p50 is the one at rank (n+1)//2 and p90 the one at rank (9n+9)//10.
  A first statement counts n per group, a second reads the value at each rank
  by walking an index on (group, value, period) in order, ``LIMIT 1 OFFSET``,
  from whichever end is nearer;
- ratings carry their department (no join to requests), transfer events their
  departments in the index;
- the chart's days are ranges of an index, one aggregate per day (no GROUP BY
  on a computed day).

Durations were fixed in working seconds when they happened (``take_work_s``,
``finish_work_s``).
"""

from __future__ import annotations

import typing
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from sqlalchemy import (
    BigInteger,
    Column,
    Float,
    Integer,
    Numeric,
    Table,
    and_,
    bindparam,
    cast,
    func,
    literal_column,
    or_,
    select,
    text,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql import ColumnElement

from db.models import Rating, Request, RequestEvent
from db.reports import (
    Compliance,
    DailyPoint,
    DepartmentStats,
    ExecutorStats,
    Flow,
    OpenLine,
    Percentiles,
    RatingLine,
    Ratings,
    Series,
    StatsReport,
    WeeklyCompliance,
)
from db.statuses import OPEN_STATUSES, Status

OPEN = [s.value for s in OPEN_STATUSES]
RUNNING = [Status.NEW.value, Status.IN_PROGRESS.value]  # clocks that can breach while open
# a request awaiting approval, or declined, never reached its department: not "created"
# there, nor a flow between departments (the approvals line counts them)
_RECEIVED = and_(Request.status.not_in((Status.APPROVAL.value, Status.DECLINED.value)),
                 or_(Request.approval_asked_at.is_(None),
                     Request.approval_decided_at.is_not(None)))  # not cancelled meanwhile
# one scalar subquery per wanted rank, this many to a SELECT (PostgreSQL allows 1664
# columns, SQLite 2000)
RANKS_PER_STATEMENT = 250
# one SELECT per chart day, this many to a UNION ALL (SQLite allows 500) and bound
# values to a statement (both allow 32766)
DAYS_PER_STATEMENT = 400
PARAMETERS_PER_STATEMENT = 30_000

Rank = Callable[[int], int]
# the table's own columns: their names go into text SQL
COLUMNS = typing.cast(Table, Request.__table__).c


def p50_rank(n: int) -> int:
    """The nearest rank of the median of n values (1-based): the lower middle."""
    return (n + 1) // 2


def p90_rank(n: int) -> int:
    """The nearest rank of the 90th percentile of n values: ceil(0.9 n)."""
    return (9 * n + 9) // 10


async def values_at_ranks(session: AsyncSession, value: Column[Any], period: Column[Any],
                          since: datetime, groups: Sequence[Column[Any]],
                          wanted: Sequence[tuple[tuple[Any, ...], int, int]],
                          until: datetime | None = None) -> list[Any]:
    """For each (group, k, n): the k-th smallest non-null ``value`` (1-based) among the
    n rows of the group (its ``groups`` columns equal to its values) with ``period``
    not before ``since`` (and before ``until``, if given); None when k is not in 1..n.

    Each is a scalar subquery ``ORDER BY value LIMIT 1 OFFSET …``: with an index on
    (the group's columns, value, period) the database walks the entries up to the
    rank and sorts nothing. A rank in the upper half is walked to from the top (the
    k-th smallest is the (n-k+1)-th largest), so p90 reads a tenth of the entries.
    """
    inside = [(group, k, n) for group, k, n in wanted if 1 <= k <= n]
    found: list[Any] = []
    for start in range(0, len(inside), RANKS_PER_STATEMENT):
        chunk = inside[start:start + RANKS_PER_STATEMENT]
        # text: building hundreds of subqueries as SQLAlchemy expressions costs more
        # than reading the index for them
        sql = "SELECT " + ", ".join(_rank_subquery(value, period, groups, i, _walk(k, n)[0],
                                                   until is not None)
                                    for i, (_, k, n) in enumerate(chunk))
        # typed as their columns: a Telegram id needs a BIGINT parameter on PostgreSQL
        binds = [bindparam("since", since, type_=period.type)]
        if until is not None:
            binds.append(bindparam("until", until, type_=period.type))
        for i, (group, k, n) in enumerate(chunk):
            binds += [bindparam(f"g{i}_{j}", part, type_=column.type)
                      for j, (column, part) in enumerate(zip(groups, group, strict=True))]
            binds.append(bindparam(f"k{i}", _walk(k, n)[1], type_=Integer()))
        statement = text(sql).bindparams(*binds)
        found.extend((await session.execute(statement)).one())
    values = iter(found)
    return [next(values) if 1 <= k <= n else None for _, k, n in wanted]


def _walk(k: int, n: int) -> tuple[bool, int]:
    """Whether to walk from the top, and how many entries to skip: the k-th smallest
    of n is the (n-k+1)-th largest."""
    from_top = k > n - k + 1
    return from_top, n - k if from_top else k - 1


def _rank_subquery(value: Column[Any], period: Column[Any], groups: Sequence[Column[Any]],
                   i: int, from_top: bool, bounded: bool = False) -> str:
    same = " AND ".join(f"{column.name} = :g{i}_{j}" for j, column in enumerate(groups))
    until = f" AND {period.name} < :until" if bounded else ""
    return (f"(SELECT {value.name} FROM {value.table.name} WHERE {same} AND {value.name} "
            f"IS NOT NULL AND {period.name} >= :since{until} ORDER BY {value.name}"
            f"{' DESC' if from_top else ''} LIMIT 1 OFFSET :k{i})")


async def ranked(session: AsyncSession, value: Column[Any], period: Column[Any],
                 since: datetime, groups: Sequence[Column[Any]], counts: Mapping[Any, int],
                 ranks: Sequence[Rank], until: datetime | None = None
                 ) -> dict[tuple[Any, int], Any]:
    """The value at each rank of each group: {(group key, rank): value}.

    ``counts`` gives each group's number of non-null values in the period (a group
    key is the value of its one column, or a tuple of them); groups with none are
    left out.
    """
    wanted = list(dict.fromkeys(
        (key, rank(n)) for key, n in counts.items() if n for rank in ranks))
    values = await values_at_ranks(session, value, period, since, groups, [
        (key if len(groups) > 1 else (key,), k, counts[key]) for key, k in wanted], until)
    return dict(zip(wanted, values, strict=True))


async def _percentiles(session: AsyncSession, value: Column[Any], period: Column[Any],
                       since: datetime, counts: Mapping[str, int],
                       until: datetime | None = None) -> dict[str, Percentiles]:
    """p50 and p90 of ``value`` per department, of the rows with ``period`` since
    (and before ``until``)."""
    at = await ranked(session, value, period, since, [COLUMNS.department_key], counts,
                      [p50_rank, p90_rank], until)
    return {key: Percentiles(n, at[(key, p50_rank(n))], at[(key, p90_rank(n))])
            for key, n in counts.items() if n}


class Period(NamedTuple):
    """[since, until); ``until`` None: up to now."""

    since: datetime
    until: datetime | None = None

    def holds(self, column: Any) -> ColumnElement[bool]:
        if self.until is None:
            return column >= self.since  # type: ignore[no-any-return]
        return and_(column >= self.since, column < self.until)


async def collect(session: AsyncSession, now: datetime, days: int, departments: list[str],
                  stale_since: datetime, until: datetime | None = None,
                  since: datetime | None = None) -> StatsReport:
    """The figures of the last ``days`` days (or of the ``days`` before ``until``, for
    the managers' week, from ``since`` when given: a local midnight, so a week with a
    clock change is still Monday to Monday); open requests with no event since
    ``stale_since`` count as stuck, and the open ones and the executors' load are those
    of ``now``."""
    period = Period(since or (until or now) - timedelta(days=days), until)
    since = period.since
    in_scope = Request.department_key.in_(departments)

    async def grouped(query: Any) -> dict[Any, Any]:
        return {row[0]: row[1:] for row in await session.execute(query)}

    filed = await _filed(session, in_scope, period, now)
    taken = await grouped(select(Request.department_key, func.count(),
                                 func.count(Request.take_work_s))
                          .where(in_scope, period.holds(Request.taken_at))
                          .group_by(Request.department_key))
    # done per department and per executor, and how many have a time to finish
    done_by: dict[tuple[str, Any], tuple[int, int]] = {
        (key, user): (count, finished) for key, user, count, finished in await session.execute(
            select(Request.department_key, Request.assignee_id, func.count(),
                   func.count(Request.finish_work_s))
            .where(in_scope, period.holds(Request.done_at))
            .group_by(Request.department_key, Request.assignee_id))}
    done: dict[str, int] = defaultdict(int)
    finished: dict[str, int] = defaultdict(int)
    for (key, _), (count, with_time) in done_by.items():
        done[key] += count
        finished[key] += with_time
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
    take = await _percentiles(session, COLUMNS.take_work_s, COLUMNS.taken_at, since,
                              {key: int(row[1]) for key, row in taken.items()}, until)
    finish = await _percentiles(session, COLUMNS.finish_work_s, COLUMNS.done_at, since,
                                finished, until)
    approvals = await grouped(select(Request.department_key, func.count(),
                                     func.count().filter(Request.status
                                                         == Status.DECLINED.value))
                              .where(in_scope, period.holds(Request.approval_asked_at))
                              .group_by(Request.department_key))
    approved = await grouped(select(Request.department_key, func.count(Request.approval_work_s))
                             .where(in_scope, period.holds(Request.approval_decided_at))
                             .group_by(Request.department_key))
    to_approve = await _percentiles(session, COLUMNS.approval_work_s,
                                    COLUMNS.approval_decided_at, since,
                                    {key: int(row[0]) for key, row in approved.items()}, until)
    transfers_out, transfers_in = await _transfers(session, departments, period)
    reassigns = await _reassigns(session, departments, period)
    rated_by = await _ratings(session, departments, period)
    ratings = await _department_ratings(session, rated_by)
    executors = await _executors(session, in_scope, period, done_by, rated_by)
    report = []
    for key in departments:
        created, response_met, response_breached, resolve_met, resolve_breached, \
            cancelled = filed.get(key, (0, 0, 0, 0, 0, 0))
        rating = ratings.get(key, Ratings(0, None, 0))
        report.append(DepartmentStats(
            key=key,
            created=created,
            open_by_status=dict(open_by.get(key, {})),
            taken=_first(taken.get(key)),
            done=done.get(key, 0),
            time_to_take=take.get(key, Percentiles(0, None, None)),
            time_to_finish=finish.get(key, Percentiles(0, None, None)),
            response=Compliance(int(response_met or 0), int(response_breached or 0)),
            resolve=Compliance(int(resolve_met or 0), int(resolve_breached or 0)),
            stuck=_first(stuck.get(key)),
            transfers_in=transfers_in.get(key, 0),
            transfers_out=transfers_out.get(key, 0),
            ratings=rating,
            executors=executors.get(key, []),
            reassigns=reassigns.get(key, 0),
            cancelled=int(cancelled or 0),
            approvals_asked=int(approvals.get(key, (0, 0))[0]),
            approvals_declined=int(approvals.get(key, (0, 0))[1]),
            time_to_approve=to_approve.get(key, Percentiles(0, None, None)),
        ))
    flows = [Flow(source, target, count) for target, source, count in await session.execute(
        select(Request.department_key, Request.requester_department, func.count())
        .where(in_scope, period.holds(Request.created_at), _RECEIVED)
        .group_by(Request.department_key, Request.requester_department)
        .order_by(func.count().desc()))]
    return StatsReport(days, report, flows)


def _first(row: Any) -> int:
    return int(row[0]) if row else 0


async def _filed(session: AsyncSession, in_scope: ColumnElement[bool], period: Period,
                 now: datetime) -> dict[str, tuple[int, int, int, int, int, int]]:
    """Requests filed in the period and their SLAs: (created, response met, response
    breached, resolve met, resolve breached, cancelled); an open request past its
    deadline counts as breached already, a cancelled one neither met nor breached
    (its clocks stopped with it). ``count(*) FILTER`` is cheaper than ``sum(CASE …)``."""
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
    return {key: (created, response_met, response_missed, resolve_met, resolve_missed,
                  cancelled)
            for key, created, response_met, response_missed, resolve_met, resolve_missed,
            cancelled in await session.execute(
                select(Request.department_key, func.count().filter(_RECEIVED),
                       func.count().filter(Request.response_met.is_(True)),
                       func.count().filter(response_breached),
                       func.count().filter(Request.resolve_met.is_(True)),
                       func.count().filter(resolve_breached),
                       func.count().filter(Request.status == Status.CANCELLED.value,
                                           _RECEIVED))
                .where(in_scope, period.holds(Request.created_at))
                .group_by(Request.department_key))}


async def _transfers(session: AsyncSession, departments: list[str], period: Period
                     ) -> tuple[dict[str, int], dict[str, int]]:
    """Transfers out of and into each department in the period (one read of the events)."""
    out: dict[str, int] = defaultdict(int)
    into: dict[str, int] = defaultdict(int)
    for source, target, count in await session.execute(
            select(RequestEvent.from_department, RequestEvent.to_department, func.count())
            .where(RequestEvent.kind == "transfer", period.holds(RequestEvent.at),
                   or_(RequestEvent.from_department.in_(departments),
                       RequestEvent.to_department.in_(departments)))
            .group_by(RequestEvent.from_department, RequestEvent.to_department)):
        if source in departments:
            out[source] += count
        if target in departments:
            into[target] += count
    return out, into


async def _reassigns(session: AsyncSession, departments: list[str], period: Period
                     ) -> dict[str, int]:
    """Reassignments in the period per department: their events carry the department
    (as ``from_department``), read from the events' kind index."""
    return {str(key): int(count) for key, count in await session.execute(
        select(RequestEvent.from_department, func.count())
        .where(RequestEvent.kind == "reassign", period.holds(RequestEvent.at),
               RequestEvent.from_department.in_(departments))
        .group_by(RequestEvent.from_department))}


class _Rated(NamedTuple):
    number: int
    total: int  # the sum of the scores
    satisfied: int  # scores of 4 or 5
    average: float


async def _ratings(session: AsyncSession, departments: list[str], period: Period
                   ) -> dict[tuple[str, Any], _Rated]:
    """Ratings given in the period per department and executor (None: no executor),
    in one walk of ix_ratings_department_assignee_rated."""
    return {(key, user): _Rated(count, total, satisfied, float(average))
            for key, user, count, total, satisfied, average in await session.execute(
                select(Rating.department_key, Rating.assignee_id, func.count(),
                       func.sum(Rating.score), func.count().filter(Rating.score >= 4),
                       func.avg(Rating.score))
                .where(Rating.department_key.in_(departments), period.holds(Rating.rated_at))
                .group_by(Rating.department_key, Rating.assignee_id))}


async def _department_ratings(session: AsyncSession,
                              rated_by: Mapping[tuple[str, Any], _Rated]) -> dict[str, Ratings]:
    """Each department's ratings, added up from its executors'. The average is
    divided by the database, as its avg() divides: a NUMERIC division on PostgreSQL
    (avg of integers), a double one on SQLite, so it is the same to the last bit."""
    counts: dict[str, int] = defaultdict(int)
    totals: dict[str, int] = defaultdict(int)
    satisfied: dict[str, int] = defaultdict(int)
    for (key, _), rated in rated_by.items():
        counts[key] += rated.number
        totals[key] += rated.total
        satisfied[key] += rated.satisfied
    if not counts:
        return {}
    postgres = session.bind is not None and session.bind.dialect.name == "postgresql"
    number = Numeric() if postgres else Float()
    keys = list(counts)
    quotients = (await session.execute(select(*(
        cast(bindparam(f"total{i}", totals[key], type_=BigInteger()), number)
        / cast(bindparam(f"count{i}", counts[key], type_=BigInteger()), number)
        for i, key in enumerate(keys))))).one()
    return {key: Ratings(counts[key], float(quotient), satisfied[key])
            for key, quotient in zip(keys, quotients, strict=True)}


async def _executors(session: AsyncSession, in_scope: ColumnElement[bool], period: Period,
                     done_by: Mapping[tuple[str, Any], tuple[int, int]],
                     rated_by: Mapping[tuple[str, Any], _Rated]
                     ) -> dict[str, list[ExecutorStats]]:
    per: dict[tuple[str, Any], dict[str, Any]] = defaultdict(dict)
    # grouped by status too: no index has that order, so the few open rows are read
    # through ix_requests_department_status and sorted, instead of walking every
    # request of the department in executor order (ix_…_assignee_finish)
    for key, user, _, count in await session.execute(
            select(Request.department_key, Request.assignee_id, Request.status, func.count())
            .where(in_scope, Request.status.in_([Status.IN_PROGRESS.value,
                                                 Status.WAITING.value]),
                   Request.assignee_id.is_not(None))
            .group_by(Request.department_key, Request.status, Request.assignee_id)):
        per[(key, user)]["open"] = per[(key, user)].get("open", 0) + count
    with_time = {}
    for (key, user), (count, finished) in done_by.items():
        if user is not None:
            per[(key, user)]["done"] = count
            with_time[(key, user)] = finished
    medians = await ranked(session, COLUMNS.finish_work_s, COLUMNS.done_at, period.since,
                           [COLUMNS.department_key, COLUMNS.assignee_id], with_time,
                           [p50_rank], period.until)
    for (key, user), rated in rated_by.items():
        if user is not None:
            per[(key, user)]["ratings"] = (rated.number, rated.average)
    result: dict[str, list[ExecutorStats]] = defaultdict(list)
    for (key, user), entry in per.items():
        rating_count, rating_avg = entry.get("ratings", (0, None))
        n = with_time.get((key, user), 0)
        result[key].append(ExecutorStats(
            user_id=user, open_assigned=entry.get("open", 0), done=entry.get("done", 0),
            finish_p50=medians[((key, user), p50_rank(n))] if n else None,
            rating_avg=rating_avg, ratings=rating_count))
    for rows in result.values():
        rows.sort(key=lambda e: (-e.done, -e.open_assigned, e.user_id))
    return result


def day_starts(session: AsyncSession, zone: ZoneInfo, now: datetime,
               days: list[date]) -> list[datetime]:
    """The UTC instant each local day starts, and the one after the last day.

    PostgreSQL's day is the organisation's calendar day (``timezone()``), exact.
    SQLite has no time zones, so its day uses the offset in force at ``now`` (a DST
    change within the period moves an hour of requests to the neighbouring day), as
    ``date(column, '+N minutes')`` did: that rounds to the millisecond, so a day
    starts half a millisecond before its midnight there.
    """
    bounds = [*days, days[-1] + timedelta(days=1)]
    if session.bind is not None and session.bind.dialect.name == "postgresql":
        return [datetime.combine(day, time(0), zone).astimezone(UTC) for day in bounds]
    offset = now.astimezone(zone).utcoffset() or timedelta(0)
    shift = timedelta(minutes=int(offset.total_seconds() // 60), microseconds=500)
    return [datetime.combine(day, time(0), UTC) - shift for day in bounds]


async def _per_day(session: AsyncSession, column: Any, aggregates: list[Any],
                   where: ColumnElement[bool], since: datetime, starts: list[datetime],
                   parameters: int) -> list[tuple[Any, ...]]:
    """The aggregates over each day's rows (``column`` in [day start, next start), and
    not before ``since``): one SELECT per day on a range of the index on
    (department, column), joined by UNION ALL; a row of figures per day, in order."""
    per_statement = max(1, min(DAYS_PER_STATEMENT, PARAMETERS_PER_STATEMENT // parameters))
    days = len(starts) - 1
    found: dict[int, tuple[Any, ...]] = {}
    for first in range(0, days, per_statement):
        arms = [select(literal_column(str(i)), *aggregates)
                .where(where, column >= max(since, starts[i]), column < starts[i + 1])
                for i in range(first, min(days, first + per_statement))]
        found.update((row[0], tuple(row[1:])) for row in await session.execute(
            union_all(*arms) if len(arms) > 1 else arms[0]))
    return [found[i] for i in range(days)]


async def series(session: AsyncSession, zone: ZoneInfo, now: datetime, days: int,
                 departments: list[str], until: datetime | None = None,
                 since: datetime | None = None) -> Series:
    """Created and done per day of ``zone``, SLA compliance per week, for the chart
    (``until``: of the ``days`` before it, a local midnight, instead of up to now;
    ``since``: from this local midnight, so a clock change adds or drops no hour)."""
    since = since or (until or now) - timedelta(days=days)
    in_scope = Request.department_key.in_(departments)
    last_instant = now if until is None else until - timedelta(microseconds=1)
    first, last = since.astimezone(zone).date(), last_instant.astimezone(zone).date()
    dates = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    starts = day_starts(session, zone, now, dates)
    parameters = len(departments) + 3  # per day: the departments and its two bounds
    filed = await _per_day(session, Request.created_at, [
        func.count().filter(_RECEIVED),
        func.count().filter(Request.response_met.is_(True)), func.count(Request.response_met),
        func.count().filter(Request.resolve_met.is_(True)), func.count(Request.resolve_met),
    ], in_scope, since, starts, parameters)
    done = await _per_day(session, Request.done_at, [func.count()], in_scope, since, starts,
                          parameters)
    daily = []
    weekly: dict[date, list[int]] = {}
    for day, (created, *sla), (done_count,) in zip(dates, filed, done, strict=True):
        daily.append(DailyPoint(day, int(created), int(done_count)))
        week = weekly.setdefault(day - timedelta(days=day.weekday()), [0, 0, 0, 0])
        for i, value in enumerate(sla):
            week[i] += int(value)
    return Series(daily, [WeeklyCompliance(start, *values) for start, values in weekly.items()])


LOW_SCORE = 3  # a rating of 3 or less is not "satisfied" (CSAT counts 4 and 5)


async def rating_lines(session: AsyncSession, departments: list[str], period: Period, *,
                       limit: int, lowest: bool) -> list[RatingLine]:
    """Ratings given in the period with their comments: the ``limit`` lowest (the
    managers' week; the earliest first among equal scores), or the ``limit`` newest of
    LOW_SCORE or less (/stats)."""
    query = select(Rating).where(Rating.department_key.in_(departments),
                                 period.holds(Rating.rated_at))
    if lowest:
        query = query.order_by(Rating.score, Rating.rated_at, Rating.request_id)
    else:
        query = query.where(Rating.score <= LOW_SCORE).order_by(Rating.rated_at.desc(),
                                                                Rating.request_id.desc())
    return [RatingLine(r.request_id, r.department_key, r.score, r.comment, r.rater_id,
                       r.assignee_id, r.rated_at)
            for r in await session.scalars(query.limit(limit))]


def breached_now(now: datetime) -> ColumnElement[bool]:
    """Open requests past a running deadline: not taken in time, or not done in time."""
    return or_(
        and_(Request.status == Status.NEW.value, Request.response_due_at < now),
        and_(Request.status.in_(RUNNING), Request.resolve_due_at < now),
    )


async def open_lines(session: AsyncSession, department: str, where: ColumnElement[bool],
                     order: Any, due: Any, limit: int) -> tuple[list[OpenLine], int]:
    """The first ``limit`` open requests of a department that match, and how many match."""
    scope = (Request.department_key == department, Request.status.in_(OPEN), where)
    rows = await session.execute(select(Request.id, Request.type_name, Request.status, due,
                                        Request.type_key)
                                 .where(*scope).order_by(order, Request.id).limit(limit))
    lines = [OpenLine(number, type_name, status, at, department, type_key)
             for number, type_name, status, at, type_key in rows]
    total = len(lines)
    if total == limit:
        total = int(await session.scalar(select(func.count()).select_from(Request)
                                          .where(*scope)) or 0)
    return lines, total
