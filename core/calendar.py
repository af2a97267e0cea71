"""Working-time calendar: the clock in which SLA timers run.

A working day is a weekday from ``workdays`` (or a weekend day the country
officially moved work to) that is not a public or extra holiday.  Its working
window is ``day_start``–``day_end`` local wall-clock time, converted to UTC per
date, so DST days keep 09:00–18:00 local.  All public methods take aware
datetimes and return aware datetimes in UTC.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays as holidays_lib

if TYPE_CHECKING:
    from core.durations import Duration

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_FULL_NAMES = {
    "monday": "mon",
    "tuesday": "tue",
    "wednesday": "wed",
    "thursday": "thu",
    "friday": "fri",
    "saturday": "sat",
    "sunday": "sun",
}
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600}
_HOURS_RE = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")
_ONE_DAY = timedelta(days=1)
# More consecutive days than this without working time means the calendar
# can never reach the target (e.g. every workday is an extra holiday).
_MAX_IDLE_DAYS = 400


@lru_cache(maxsize=256)
def _country_year(code: str, year: int) -> tuple[frozenset[date], frozenset[date]]:
    """(public holidays, weekend days made working) for ``code`` ("RU", "DE-BY") in ``year``."""
    country, _, subdiv = code.partition("-")
    table = holidays_lib.country_holidays(country, subdiv=subdiv or None, years=year)
    workdays: set[date] = getattr(table, "weekend_workdays", set())
    return frozenset(table.keys()), frozenset(d for d in workdays if d.year == year)


def _check_aware(at: datetime) -> None:
    if not isinstance(at, datetime):
        raise TypeError(f"expected a datetime, got {type(at).__name__}")
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError(f"naive datetime {at.isoformat()} (a timezone is required)")


def _clock_seconds(t: time) -> int:
    return t.hour * 3600 + t.minute * 60 + t.second


@dataclass(frozen=True)
class WorkCalendar:
    """Working time of an organisation.

    ``day_end == time(0)`` means midnight at the end of the day ("24:00"),
    so ``00:00-24:00`` is a whole day.
    """

    tz: ZoneInfo
    workdays: frozenset[int]  # 0 = Monday … 6 = Sunday
    day_start: time
    day_end: time
    holiday_country: str = ""  # "" none; "RU", or with subdivision "DE-BY"
    extra_holidays: frozenset[date] = frozenset()
    always_on: bool = False

    def __post_init__(self) -> None:
        if not self.always_on:
            if not self.workdays:
                raise ValueError("workdays: at least one working day is required")
            if not self.workdays <= frozenset(range(7)):
                raise ValueError(f"workdays: {sorted(self.workdays)} must be in 0..6")
            if self.day_seconds <= 0:
                raise ValueError(
                    f"hours: day end {self.day_end:%H:%M} must be after "
                    f"day start {self.day_start:%H:%M}"
                )

    # ----------------------------------------------------------- construction
    @classmethod
    def build(
        cls,
        *,
        timezone: str,
        always_on: bool = False,
        workdays: Iterable[str] = WEEKDAYS[:5],
        hours: str = "09:00-18:00",
        holidays: str = "",
        extra_holidays: Iterable[date | str] = (),
    ) -> WorkCalendar:
        """Build from the organisation file values; ValueError names the bad value."""
        try:
            tz = ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError, TypeError):
            raise ValueError(f"timezone: {timezone!r} is not a known time zone") from None

        if isinstance(workdays, str):
            raise ValueError(f'workdays: {workdays!r} must be a list like ["mon", "tue"]')
        days: set[int] = set()
        for name in workdays:
            key = name.strip().lower() if isinstance(name, str) else ""
            if key in _FULL_NAMES:
                key = _FULL_NAMES[key]
            if key not in WEEKDAYS:
                raise ValueError(f"workdays: {name!r} is not a day (use mon … sun)")
            days.add(WEEKDAYS.index(key))

        start, end = _parse_hours(hours)

        code = (holidays or "").strip().upper()
        if code:
            country, _, subdiv = code.partition("-")
            supported = holidays_lib.list_supported_countries()
            if country not in supported or (subdiv and subdiv not in supported[country]):
                raise ValueError(f"holidays: {holidays!r} is not a supported country code")

        extra: set[date] = set()
        for item in extra_holidays:
            if isinstance(item, datetime) or not isinstance(item, date | str):
                raise ValueError(f"extra_holidays: {item!r} is not a date YYYY-MM-DD")
            if isinstance(item, str):
                try:
                    item = date.fromisoformat(item.strip())
                except ValueError:
                    raise ValueError(f"extra_holidays: {item!r} is not a date YYYY-MM-DD") from None
            extra.add(item)

        return cls(
            tz=tz,
            workdays=frozenset(days),
            day_start=start,
            day_end=end,
            holiday_country=code,
            extra_holidays=frozenset(extra),
            always_on=bool(always_on),
        )

    # ------------------------------------------------------------- day facts
    @property
    def day_seconds(self) -> int:
        """Working seconds in a nominal working day (what ``1d`` stands for)."""
        if self.always_on:
            return 86400
        end = _clock_seconds(self.day_end) or 86400
        return end - _clock_seconds(self.day_start)

    def seconds(self, d: Duration) -> float:
        """Working seconds a Duration stands for ('d' is one working day)."""
        if d.unit == "d":
            return float(d.amount) * self.day_seconds
        if d.unit not in _UNIT_SECONDS:
            raise ValueError(f"unknown duration unit {d.unit!r} in {d}")
        return float(d.amount) * _UNIT_SECONDS[d.unit]

    def _country(self, year: int) -> tuple[frozenset[date], frozenset[date]]:
        if not self.holiday_country:
            return frozenset(), frozenset()
        return _country_year(self.holiday_country, year)

    def is_holiday(self, day: date) -> bool:
        """Public (country) or extra holiday; independent of ``always_on``."""
        if day in self.extra_holidays:
            return True
        return day in self._country(day.year)[0]

    def is_workday(self, day: date) -> bool:
        """Whether ``day`` (a local date) has a working window."""
        if self.always_on:
            return True
        if self.is_holiday(day):
            return False
        if day.weekday() in self.workdays:
            return True
        # A weekend day the country officially moved work to (e.g. RU 2027-02-20).
        return day in self._country(day.year)[1]

    def window(self, day: date) -> tuple[datetime, datetime] | None:
        """UTC [start, end) of the working window on local ``day``, None if not a workday."""
        return _cached_window(self, day)

    def _compute_window(self, day: date) -> tuple[datetime, datetime] | None:
        if not self.is_workday(day):
            return None
        if self.always_on:
            start_t, end_day, end_t = time(0), day + _ONE_DAY, time(0)
        else:
            start_t = self.day_start
            end_day = day + _ONE_DAY if self.day_end == time(0) else day
            end_t = self.day_end
        start = datetime.combine(day, start_t, tzinfo=self.tz).astimezone(UTC)
        end = datetime.combine(end_day, end_t, tzinfo=self.tz).astimezone(UTC)
        return start, end

    def _local_date(self, at: datetime) -> date:
        return at.astimezone(self.tz).date()

    def _windows(self, first: date, step: int) -> Iterator[tuple[datetime, datetime]]:
        """Working windows from local date ``first`` forward (step 1) or backward (-1)."""
        day, idle, delta = first, 0, timedelta(days=step)
        while True:
            w = self.window(day)
            if w is None:
                idle += 1
                if idle > _MAX_IDLE_DAYS:
                    raise ValueError("the calendar has no working time within a year")
            else:
                idle = 0
                yield w
            day += delta

    # ------------------------------------------------------------ arithmetic
    def is_working(self, at: datetime) -> bool:
        """Whether the instant ``at`` lies inside working time."""
        _check_aware(at)
        if self.always_on:
            return True
        w = self.window(self._local_date(at))
        return w is not None and w[0] <= at < w[1]

    def next_working_instant(self, at: datetime) -> datetime:
        """``at`` itself if working, else the start of the next working window (UTC)."""
        _check_aware(at)
        at = at.astimezone(UTC)
        if self.always_on:
            return at
        for start, end in self._windows(self._local_date(at), 1):
            if at < end:
                return max(at, start)
        raise AssertionError("unreachable")  # pragma: no cover

    def add(self, start: datetime, work_seconds: float) -> datetime:
        """The instant when ``work_seconds`` of working time have passed since ``start`` (UTC).

        Counting starts at the next working instant.  A result that lands exactly
        on a window end stays there (Friday 18:00, not Monday 09:00).  Negative
        ``work_seconds`` counts backwards, so ``between(add(t, -s), t) == s``.
        """
        _check_aware(start)
        cur = start.astimezone(UTC)
        if self.always_on or work_seconds == 0:
            return cur + timedelta(seconds=work_seconds)
        left = abs(float(work_seconds))
        forward = work_seconds > 0
        for ws, we in self._windows(self._local_date(cur), 1 if forward else -1):
            if forward:
                if cur >= we:
                    continue
                cur = max(cur, ws)
                avail = (we - cur).total_seconds()
                if left <= avail:
                    return cur + timedelta(seconds=left)
                cur = we
            else:
                if cur <= ws:
                    continue
                cur = min(cur, we)
                avail = (cur - ws).total_seconds()
                if left <= avail:
                    return cur - timedelta(seconds=left)
                cur = ws
            left -= avail
        raise AssertionError("unreachable")  # pragma: no cover

    def between(self, a: datetime, b: datetime) -> float:
        """Working seconds in [a, b); 0 if ``b <= a``."""
        _check_aware(a)
        _check_aware(b)
        a, b = a.astimezone(UTC), b.astimezone(UTC)
        if b <= a:
            return 0.0
        if self.always_on:
            return (b - a).total_seconds()
        total = timedelta()
        day, last = self._local_date(a), self._local_date(b)
        while day <= last:
            w = self.window(day)
            if w is not None:
                lo, hi = max(a, w[0]), min(b, w[1])
                if lo < hi:
                    total += hi - lo
            day += _ONE_DAY
        return total.total_seconds()


def _parse_hours(hours: str) -> tuple[time, time]:
    """'09:00-18:00' → (09:00, 18:00); '24:00' as the end → time(0)."""
    m = _HOURS_RE.match(hours) if isinstance(hours, str) else None
    if m is None:
        raise ValueError(f"hours: {hours!r} is not HH:MM-HH:MM")
    h1, m1, h2, m2 = (int(g) for g in m.groups())
    if h1 > 23 or m1 > 59 or m2 > 59 or h2 > 24 or (h2 == 24 and m2 != 0):
        raise ValueError(f"hours: {hours!r} is not HH:MM-HH:MM")
    # An end of 24:00 (or 00:00) is midnight at the end of the day: time(0).
    start, end = time(h1, m1), time(h2 % 24, m2)
    if (_clock_seconds(end) or 86400) <= _clock_seconds(start):
        raise ValueError(f"hours: {hours!r}: the end must be after the start")
    return start, end


@lru_cache(maxsize=8192)
def _cached_window(cal: WorkCalendar, day: date) -> tuple[datetime, datetime] | None:
    # the scheduler asks for the same few days thousands of times per scan
    return cal._compute_window(day)
