from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.calendar import WorkCalendar
from core.durations import Duration

MSK = ZoneInfo("Europe/Moscow")
BER = ZoneInfo("Europe/Berlin")
H = 3600
WEEK = ["mon", "tue", "wed", "thu", "fri"]


def build(**kw: object) -> WorkCalendar:
    args: dict[str, object] = dict(
        timezone="Europe/Moscow",
        always_on=False,
        workdays=WEEK,
        hours="09:00-18:00",
        holidays="RU",
        extra_holidays=[],
    )
    args.update(kw)
    return WorkCalendar.build(**args)  # type: ignore[arg-type]


RU = build()
RU_EXTRA = build(extra_holidays=[date(2026, 3, 17), "2026-03-18"])
BERLIN = build(timezone="Europe/Berlin", holidays="DE")
BERLIN_24_7 = build(timezone="Europe/Berlin", holidays="DE", always_on=True)
BERLIN_WHOLE_DAYS = build(
    timezone="Europe/Berlin",
    holidays="",
    workdays=["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
    hours="00:00-24:00",
)
CALENDARS = {"ru": RU, "berlin": BERLIN, "berlin_whole_days": BERLIN_WHOLE_DAYS}


def msk(*args: int) -> datetime:
    return datetime(*args, tzinfo=MSK)  # type: ignore[misc]


def ber(*args: int) -> datetime:
    return datetime(*args, tzinfo=BER)  # type: ignore[misc]


# 2026-03-16 is a Monday, 2026-03-20 a Friday.
ADD_CASES = [
    pytest.param(RU, msk(2026, 3, 16, 10), 2 * H, msk(2026, 3, 16, 12), id="within-a-day"),
    pytest.param(
        RU, msk(2026, 3, 16, 16), 2 * H, msk(2026, 3, 16, 18), id="ends-exactly-at-day-end"
    ),
    pytest.param(RU, msk(2026, 3, 16, 17), 2 * H, msk(2026, 3, 17, 10), id="crosses-end-of-day"),
    pytest.param(
        RU, msk(2026, 3, 20, 17), 2 * H, msk(2026, 3, 23, 10), id="friday-evening-to-monday"
    ),
    pytest.param(
        RU, msk(2026, 3, 20, 20), 1 * H, msk(2026, 3, 23, 10), id="filed-friday-after-hours"
    ),
    pytest.param(RU, msk(2026, 3, 17, 3), 1 * H, msk(2026, 3, 17, 10), id="filed-at-night"),
    pytest.param(
        RU, msk(2026, 3, 21, 12), 30 * 60, msk(2026, 3, 23, 9, 30), id="filed-on-saturday"
    ),
    pytest.param(RU, msk(2026, 3, 16, 10), 9 * H, msk(2026, 3, 17, 10), id="one-working-day"),
    pytest.param(
        RU, msk(2026, 3, 16, 9), 30 * 9 * H, msk(2026, 4, 24, 18), id="thirty-working-days"
    ),
    pytest.param(RU, msk(2026, 12, 30, 17), 2 * H, msk(2027, 1, 11, 10), id="ru-new-year-holidays"),
    pytest.param(
        RU, msk(2027, 2, 19, 17), 2 * H, msk(2027, 2, 20, 10), id="ru-transferred-working-saturday"
    ),
    pytest.param(RU, msk(2027, 2, 20, 17), 2 * H, msk(2027, 2, 24, 10), id="ru-feb-22-23-holidays"),
    pytest.param(RU_EXTRA, msk(2026, 3, 16, 17), 2 * H, msk(2026, 3, 19, 10), id="extra-holidays"),
    pytest.param(RU, datetime(2026, 3, 16, 6, tzinfo=UTC), H, msk(2026, 3, 16, 10), id="utc-input"),
    pytest.param(RU, msk(2026, 3, 23, 10), -2 * H, msk(2026, 3, 20, 17), id="negative-goes-back"),
    pytest.param(RU, msk(2026, 3, 21, 12), 0, msk(2026, 3, 21, 12), id="zero"),
    # DST in Berlin: 2026-03-29 (CET→CEST) and 2026-10-25 (CEST→CET), both Sundays.
    pytest.param(
        BERLIN, ber(2026, 3, 27, 17), 2 * H, ber(2026, 3, 30, 10), id="dst-spring-working-hours"
    ),
    pytest.param(
        BERLIN, ber(2026, 10, 23, 17), 2 * H, ber(2026, 10, 26, 10), id="dst-autumn-working-hours"
    ),
    pytest.param(
        BERLIN_24_7, ber(2026, 3, 28, 12), 24 * H, ber(2026, 3, 29, 13), id="dst-spring-always-on"
    ),
    pytest.param(
        BERLIN_24_7, ber(2026, 10, 24, 12), 24 * H, ber(2026, 10, 25, 11), id="dst-autumn-always-on"
    ),
    pytest.param(
        BERLIN_WHOLE_DAYS, ber(2026, 3, 29), 23 * H, ber(2026, 3, 30), id="dst-spring-whole-day-23h"
    ),
    pytest.param(
        BERLIN_WHOLE_DAYS,
        ber(2026, 10, 25),
        25 * H,
        ber(2026, 10, 26),
        id="dst-autumn-whole-day-25h",
    ),
]


@pytest.mark.parametrize(("cal", "start", "seconds", "expected"), ADD_CASES)
def test_add(cal: WorkCalendar, start: datetime, seconds: float, expected: datetime) -> None:
    result = cal.add(start, seconds)
    assert result == expected
    assert result.tzinfo is UTC


BETWEEN_CASES = [
    pytest.param(RU, msk(2026, 3, 16, 10), msk(2026, 3, 16, 12), 2 * H, id="within-a-day"),
    pytest.param(RU, msk(2026, 3, 20, 17), msk(2026, 3, 23, 10), 2 * H, id="across-weekend"),
    pytest.param(RU, msk(2026, 3, 16), msk(2026, 3, 23), 45 * H, id="whole-week"),
    pytest.param(RU, msk(2026, 3, 17, 19), msk(2026, 3, 18, 8), 0, id="night-only"),
    pytest.param(RU, msk(2026, 3, 16, 12), msk(2026, 3, 16, 10), 0, id="reversed-is-zero"),
    pytest.param(RU, msk(2026, 12, 31), msk(2027, 1, 11), 0, id="ru-new-year-holidays"),
    pytest.param(RU_EXTRA, msk(2026, 3, 16), msk(2026, 3, 21), 27 * H, id="extra-holidays"),
    pytest.param(BERLIN, ber(2026, 3, 27, 17), ber(2026, 3, 30, 10), 2 * H, id="dst-spring"),
    pytest.param(BERLIN_24_7, ber(2026, 3, 29), ber(2026, 3, 30), 23 * H, id="always-on-dst-23h"),
    pytest.param(BERLIN_24_7, ber(2026, 10, 25), ber(2026, 10, 26), 25 * H, id="always-on-dst-25h"),
    pytest.param(
        BERLIN_WHOLE_DAYS, ber(2026, 10, 24), ber(2026, 10, 27), 73 * H, id="whole-days-dst-autumn"
    ),
]


@pytest.mark.parametrize(("cal", "a", "b", "expected"), BETWEEN_CASES)
def test_between(cal: WorkCalendar, a: datetime, b: datetime, expected: float) -> None:
    assert cal.between(a, b) == expected


@pytest.mark.parametrize(
    ("cal", "at", "expected"),
    [
        pytest.param(RU, msk(2026, 3, 16, 9), True, id="day-start-inclusive"),
        pytest.param(RU, msk(2026, 3, 16, 17, 59), True, id="before-day-end"),
        pytest.param(RU, msk(2026, 3, 16, 18), False, id="day-end-exclusive"),
        pytest.param(RU, msk(2026, 3, 16, 8, 59), False, id="before-day-start"),
        pytest.param(RU, msk(2026, 3, 21, 12), False, id="saturday"),
        pytest.param(RU, msk(2027, 1, 5, 12), False, id="ru-holiday"),
        pytest.param(RU, msk(2027, 2, 20, 12), True, id="ru-working-saturday"),
        pytest.param(RU_EXTRA, msk(2026, 3, 17, 12), False, id="extra-holiday"),
        pytest.param(BERLIN, ber(2026, 3, 30, 8, 30), False, id="dst-before-start"),
        pytest.param(BERLIN, ber(2026, 3, 30, 9), True, id="dst-local-start"),
        pytest.param(BERLIN_24_7, ber(2026, 12, 25, 3), True, id="always-on-holiday-night"),
    ],
)
def test_is_working(cal: WorkCalendar, at: datetime, expected: bool) -> None:
    assert cal.is_working(at) is expected


@pytest.mark.parametrize(
    ("cal", "at", "expected"),
    [
        pytest.param(RU, msk(2026, 3, 16, 10), msk(2026, 3, 16, 10), id="working-is-itself"),
        pytest.param(RU, msk(2026, 3, 16, 18), msk(2026, 3, 17, 9), id="at-day-end"),
        pytest.param(RU, msk(2026, 3, 17, 2), msk(2026, 3, 17, 9), id="night"),
        pytest.param(RU, msk(2026, 3, 21, 12), msk(2026, 3, 23, 9), id="saturday"),
        pytest.param(RU, msk(2026, 12, 31, 10), msk(2027, 1, 11, 9), id="ru-new-year"),
        pytest.param(BERLIN, ber(2026, 3, 28, 10), ber(2026, 3, 30, 9), id="dst-weekend"),
        pytest.param(BERLIN_24_7, ber(2026, 3, 28, 23), ber(2026, 3, 28, 23), id="always-on"),
    ],
)
def test_next_working_instant(cal: WorkCalendar, at: datetime, expected: datetime) -> None:
    result = cal.next_working_instant(at)
    assert result == expected
    assert result.tzinfo is UTC


@pytest.mark.parametrize(
    ("day", "expected"),
    [pytest.param(date(2027, 1, d), True, id=f"2027-01-0{d}") for d in range(1, 9)]
    + [
        pytest.param(date(2027, 1, 11), False, id="2027-01-11-monday"),
        pytest.param(date(2026, 5, 9), True, id="victory-day"),
        pytest.param(date(2026, 3, 17), False, id="plain-tuesday"),
    ],
)
def test_is_holiday_ru(day: date, expected: bool) -> None:
    assert RU.is_holiday(day) is expected


def test_is_holiday_extra_and_none() -> None:
    assert RU_EXTRA.is_holiday(date(2026, 3, 17))
    assert RU_EXTRA.is_holiday(date(2026, 3, 18))
    assert not build(holidays="").is_holiday(date(2027, 1, 1))


@pytest.mark.parametrize(
    ("cal", "duration", "expected"),
    [
        pytest.param(RU, Duration(1, "d"), 9 * H, id="1d-is-9h"),
        pytest.param(RU, Duration(0.5, "d"), 4.5 * H, id="half-day"),
        pytest.param(RU, Duration(2, "h"), 2 * H, id="2h"),
        pytest.param(RU, Duration(30, "m"), 1800, id="30m"),
        pytest.param(RU, Duration(45, "s"), 45, id="45s"),
        pytest.param(BERLIN_24_7, Duration(1, "d"), 24 * H, id="always-on-1d-is-24h"),
        pytest.param(BERLIN_WHOLE_DAYS, Duration(1, "d"), 24 * H, id="00-24-1d-is-24h"),
    ],
)
def test_seconds(cal: WorkCalendar, duration: Duration, expected: float) -> None:
    assert cal.seconds(duration) == expected


def test_one_day_adds_one_working_day() -> None:
    start = msk(2026, 3, 16, 11, 15)
    assert RU.add(start, RU.seconds(Duration(1, "d"))) == msk(2026, 3, 17, 11, 15)


@pytest.mark.parametrize(
    ("hours", "start", "end", "day_seconds"),
    [
        pytest.param("09:00-18:00", time(9), time(18), 9 * H, id="office"),
        pytest.param("8:30-17:15", time(8, 30), time(17, 15), 8.75 * H, id="single-digit-hour"),
        pytest.param("00:00-24:00", time(0), time(0), 24 * H, id="whole-day"),
        pytest.param("09:00-24:00", time(9), time(0), 15 * H, id="until-midnight"),
    ],
)
def test_build_hours(hours: str, start: time, end: time, day_seconds: int) -> None:
    cal = build(hours=hours)
    assert (cal.day_start, cal.day_end, cal.day_seconds) == (start, end, day_seconds)


def test_build_values() -> None:
    cal = build(workdays=["Mon", "tuesday", "sun"], holidays="de-by", extra_holidays=["2026-12-31"])
    assert cal.workdays == frozenset({0, 1, 6})
    assert cal.holiday_country == "DE-BY"
    assert cal.is_holiday(date(2026, 1, 6))  # Epiphany: Bavaria only
    assert not build(timezone="Europe/Berlin", holidays="DE").is_holiday(date(2026, 1, 6))
    assert cal.extra_holidays == frozenset({date(2026, 12, 31)})
    assert build(always_on=True, workdays=[]).always_on


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        pytest.param({"hours": "9-18"}, "hours: '9-18' is not HH:MM-HH:MM", id="hours-format"),
        pytest.param({"hours": "25:00-26:00"}, "'25:00-26:00' is not HH:MM", id="hours-range"),
        pytest.param({"hours": "09:60-18:00"}, "'09:60-18:00' is not HH:MM", id="minutes-range"),
        pytest.param(
            {"hours": "18:00-09:00"}, "'18:00-09:00': the end must be after", id="hours-reversed"
        ),
        pytest.param(
            {"hours": "09:00-09:00"}, "'09:00-09:00': the end must be after", id="hours-empty"
        ),
        pytest.param(
            {"workdays": ["mon", "funday"]}, "workdays: 'funday' is not a day", id="workday"
        ),
        pytest.param({"workdays": "mon"}, "workdays: 'mon' must be a list", id="workdays-string"),
        pytest.param({"workdays": []}, "at least one working day", id="no-workdays"),
        pytest.param({"holidays": "XX"}, "holidays: 'XX' is not a supported country", id="country"),
        pytest.param(
            {"holidays": "DE-ZZ"}, "holidays: 'DE-ZZ' is not a supported", id="subdivision"
        ),
        pytest.param(
            {"timezone": "Mars/Olympus"}, "timezone: 'Mars/Olympus' is not", id="timezone"
        ),
        pytest.param(
            {"extra_holidays": ["2026-13-01"]},
            "extra_holidays: '2026-13-01' is not a date",
            id="extra",
        ),
    ],
)
def test_build_rejects(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        build(**kwargs)


def test_direct_construction_validates() -> None:
    with pytest.raises(ValueError, match="must be after"):
        WorkCalendar(MSK, frozenset({0}), time(18), time(9))


NAIVE = datetime(2026, 3, 16, 10)
AWARE = msk(2026, 3, 16, 10)


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda: RU.add(NAIVE, 60), id="add"),
        pytest.param(lambda: RU.between(NAIVE, AWARE), id="between-a"),
        pytest.param(lambda: RU.between(AWARE, NAIVE), id="between-b"),
        pytest.param(lambda: RU.is_working(NAIVE), id="is_working"),
        pytest.param(lambda: RU.next_working_instant(NAIVE), id="next_working_instant"),
        pytest.param(lambda: BERLIN_24_7.add(NAIVE, 60), id="always-on-add"),
    ],
)
def test_naive_datetime_rejected(call: object) -> None:
    with pytest.raises(ValueError, match="naive datetime"):
        call()  # type: ignore[operator]


def test_add_thirty_working_days_is_fast() -> None:
    import time as clock

    t0 = clock.perf_counter()
    for _ in range(100):
        RU.add(AWARE, 30 * RU.day_seconds)
    assert clock.perf_counter() - t0 < 1.0


# ---------------------------------------------------------------- properties

INSTANTS = st.datetimes(
    min_value=datetime(2026, 1, 1),
    max_value=datetime(2028, 12, 31),
    timezones=st.sampled_from([UTC, MSK, BER, ZoneInfo("America/New_York")]),
)
CALS = st.sampled_from(list(CALENDARS.values()))
WORK_DAYS = st.floats(min_value=0, max_value=60, allow_nan=False)
PROPERTY = settings(max_examples=200, deadline=None)


@PROPERTY
@given(cal=CALS, t=INSTANTS, days=WORK_DAYS)
def test_between_inverts_add(cal: WorkCalendar, t: datetime, days: float) -> None:
    s = days * cal.day_seconds
    assert abs(cal.between(t, cal.add(t, s)) - s) <= 1e-6


@PROPERTY
@given(cal=CALS, t=INSTANTS, days=WORK_DAYS)
def test_between_inverts_add_backwards(cal: WorkCalendar, t: datetime, days: float) -> None:
    s = days * cal.day_seconds
    assert abs(cal.between(cal.add(t, -s), t) - s) <= 1e-6


@PROPERTY
@given(cal=CALS, t=INSTANTS, a=WORK_DAYS, b=WORK_DAYS)
def test_add_is_monotonic(cal: WorkCalendar, t: datetime, a: float, b: float) -> None:
    lo, hi = sorted((a * cal.day_seconds, b * cal.day_seconds))
    assert cal.add(t, lo) <= cal.add(t, hi)


@PROPERTY
@given(t=INSTANTS, days=WORK_DAYS)
def test_always_on_is_plain_addition(t: datetime, days: float) -> None:
    s = days * 86400
    end = t.astimezone(UTC) + timedelta(seconds=s)  # elapsed time, not wall-clock
    assert BERLIN_24_7.add(t, s) == end
    assert BERLIN_24_7.between(t, end) == pytest.approx(s, abs=1e-6)
