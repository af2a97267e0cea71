from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from core.calendar import WorkCalendar
from core.durations import Duration, parse_duration
from core.sla import (
    deadline,
    fraction_elapsed,
    remaining,
    reminder_instant,
    resume_deadline,
    sla_seconds,
)

MSK = ZoneInfo("Europe/Moscow")
H = 3600
CAL = WorkCalendar.build(
    timezone="Europe/Moscow",
    always_on=False,
    workdays=["mon", "tue", "wed", "thu", "fri"],
    hours="09:00-18:00",
    holidays="RU",
    extra_holidays=[],
)
ALWAYS = WorkCalendar.build(
    timezone="Europe/Moscow",
    always_on=True,
    workdays=[],
    hours="09:00-18:00",
    holidays="",
    extra_holidays=[],
)


def msk(*args: int) -> datetime:
    return datetime(*args, tzinfo=MSK)  # type: ignore[misc]


# 2026-03-16 is a Monday.
MON = (2026, 3, 16)
TUE = (2026, 3, 17)


@pytest.mark.parametrize(
    ("cal", "text", "urgent", "factor", "expected"),
    [
        pytest.param(CAL, "2h", False, 0.5, 2 * H, id="not-urgent-ignores-factor"),
        pytest.param(CAL, "2h", True, 0.5, 1 * H, id="urgent-halves"),
        pytest.param(CAL, "1d", True, 0.5, 4.5 * H, id="urgent-half-working-day"),
        pytest.param(CAL, "1d", True, 1.0, 9 * H, id="default-factor"),
        pytest.param(ALWAYS, "1d", True, 0.5, 12 * H, id="always-on-half-day"),
    ],
)
def test_sla_seconds(
    cal: WorkCalendar, text: str, urgent: bool, factor: float, expected: float
) -> None:
    assert sla_seconds(cal, parse_duration(text), urgent=urgent, urgent_factor=factor) == expected


def test_bad_urgent_factor() -> None:
    with pytest.raises(ValueError, match="urgent_factor: 0"):
        sla_seconds(CAL, Duration(2, "h"), urgent=True, urgent_factor=0)


@pytest.mark.parametrize(
    ("start", "text", "urgent", "expected"),
    [
        pytest.param(msk(*MON, 10), "1d", False, msk(*TUE, 10), id="one-day"),
        pytest.param(msk(*MON, 10), "1d", True, msk(*MON, 14, 30), id="urgent-one-day"),
        pytest.param(msk(*MON, 17), "2h", True, msk(*MON, 18), id="urgent-ends-at-day-end"),
        pytest.param(msk(*MON, 17), "2h", False, msk(*TUE, 10), id="crosses-night"),
        pytest.param(msk(2026, 3, 21, 15), "2h", False, msk(2026, 3, 23, 11), id="filed-saturday"),
    ],
)
def test_deadline(start: datetime, text: str, urgent: bool, expected: datetime) -> None:
    due = deadline(CAL, start, parse_duration(text), urgent=urgent, urgent_factor=0.5)
    assert due == expected


@pytest.mark.parametrize(
    ("due", "at", "expected"),
    [
        pytest.param(msk(*TUE, 10), msk(*MON, 17), 2 * H, id="left-across-night"),
        pytest.param(msk(*TUE, 10), msk(*TUE, 10), 0, id="exactly-due"),
        pytest.param(msk(*MON, 17), msk(*TUE, 10), -2 * H, id="overdue-across-night"),
        pytest.param(msk(*MON, 18), msk(*MON, 23), 0, id="due-at-day-end-checked-at-night"),
    ],
)
def test_remaining(due: datetime, at: datetime, expected: float) -> None:
    assert remaining(CAL, due, at) == expected


@pytest.mark.parametrize(
    ("start", "sla", "pause", "resume", "new_due"),
    [
        # Due Mon 14:00; paused at 12:00 with 2h left; 8 working hours waited.
        pytest.param(
            msk(*MON, 10), "4h", msk(*MON, 12), msk(*TUE, 11), msk(*TUE, 13), id="overnight-wait"
        ),
        # Due Mon 11:00; paused Fri 18:30, resumed Mon 08:30: no working time waited.
        pytest.param(
            msk(2026, 3, 20, 16),
            "4h",
            msk(2026, 3, 20, 18, 30),
            msk(2026, 3, 23, 8, 30),
            msk(2026, 3, 23, 11),
            id="wait-off-hours-only",
        ),
        # Due Mon 11:00; paused Fri 17:00 (3h left), resumed Mon 09:30.
        pytest.param(
            msk(2026, 3, 20, 16),
            "4h",
            msk(2026, 3, 20, 17),
            msk(2026, 3, 23, 9, 30),
            msk(2026, 3, 23, 12, 30),
            id="wait-over-weekend",
        ),
        # Due Mon 12:00, paused at 13:00 (1h overdue), resumed Tue 10:00: still 1h overdue.
        pytest.param(
            msk(*MON, 9),
            "3h",
            msk(*MON, 13),
            msk(*TUE, 10),
            msk(*TUE, 9),
            id="paused-while-overdue",
        ),
    ],
)
def test_pause_and_resume(
    start: datetime, sla: str, pause: datetime, resume: datetime, new_due: datetime
) -> None:
    due = deadline(CAL, start, parse_duration(sla))
    left = remaining(CAL, due, pause)
    resumed = resume_deadline(CAL, left, resume)
    assert resumed == new_due
    assert remaining(CAL, resumed, resume) == left
    # The deadline moved by exactly the working time spent waiting.
    if left > 0:
        assert CAL.between(due, resumed) == CAL.between(pause, resume)


@pytest.mark.parametrize(
    ("start", "due", "reminder"),
    [
        pytest.param(msk(*MON, 9), msk(*MON, 18), msk(*MON, 15, 45), id="within-a-day"),
        pytest.param(msk(*MON, 14), msk(*TUE, 14), msk(*TUE, 11, 45), id="across-night"),
        pytest.param(
            msk(2026, 3, 20, 14),
            msk(2026, 3, 23, 14),
            msk(2026, 3, 23, 11, 45),
            id="across-weekend",
        ),
    ],
)
def test_reminder_at_three_quarters(start: datetime, due: datetime, reminder: datetime) -> None:
    at = reminder_instant(CAL, start, due, 0.75)
    assert at == reminder
    assert fraction_elapsed(CAL, start, due, at) == pytest.approx(0.75)


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        pytest.param(msk(*MON, 10), 0.0, id="before-start"),
        pytest.param(msk(*MON, 14), 0.0, id="at-start"),
        pytest.param(msk(*MON, 22), 4 / 9, id="night-counts-nothing"),
        pytest.param(msk(*TUE, 14), 1.0, id="at-due"),
        pytest.param(msk(*TUE, 16, 15), 1.25, id="overdue"),
    ],
)
def test_fraction_elapsed(at: datetime, expected: float) -> None:
    assert fraction_elapsed(CAL, msk(*MON, 14), msk(*TUE, 14), at) == pytest.approx(expected)


def test_fraction_and_reminder_after_pause() -> None:
    start, total = msk(*MON, 10), 4 * H
    due = deadline(CAL, start, Duration(4, "h"))  # Mon 14:00
    new_due = resume_deadline(CAL, remaining(CAL, due, msk(*MON, 12)), msk(*TUE, 11))
    assert new_due == msk(*TUE, 13)
    # With the full SLA given, the waiting time does not count as used.
    assert fraction_elapsed(CAL, start, new_due, msk(*TUE, 12), total=total) == 0.75
    assert reminder_instant(CAL, start, new_due, 0.75, total=total) == msk(*TUE, 12)


def test_zero_length_window() -> None:
    at = msk(*MON, 10)
    assert fraction_elapsed(CAL, at, at, msk(*MON, 9)) == 0.0
    assert fraction_elapsed(CAL, at, at, at) == 1.0
