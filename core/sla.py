"""SLA arithmetic on top of WorkCalendar: deadlines, pauses, reminders.

All amounts are working seconds of the calendar.  A pause (request
``waiting`` for the requester) is handled by the caller: store
``remaining(cal, due, now)`` when pausing and call ``resume_deadline`` on
resume, so the time spent waiting does not count.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from core.calendar import WorkCalendar

if TYPE_CHECKING:
    from core.durations import Duration


def sla_seconds(
    cal: WorkCalendar, duration: Duration, *, urgent: bool, urgent_factor: float
) -> float:
    """Working seconds of an SLA; urgent requests get ``urgent_factor`` of it."""
    if urgent_factor <= 0:
        raise ValueError(f"urgent_factor: {urgent_factor!r} must be greater than 0")
    seconds = cal.seconds(duration)
    return seconds * urgent_factor if urgent else seconds


def deadline(
    cal: WorkCalendar,
    start: datetime,
    duration: Duration,
    *,
    urgent: bool = False,
    urgent_factor: float = 1.0,
) -> datetime:
    """Due instant (UTC); a request filed off-hours starts at the next working minute."""
    return cal.add(start, sla_seconds(cal, duration, urgent=urgent, urgent_factor=urgent_factor))


def remaining(cal: WorkCalendar, due: datetime, at: datetime) -> float:
    """Working seconds left until ``due``; negative (working time since due) if overdue."""
    if at <= due:
        return cal.between(at, due)
    return -cal.between(due, at)


def resume_deadline(cal: WorkCalendar, remaining_seconds: float, at: datetime) -> datetime:
    """New due after a pause: ``remaining_seconds`` of working time after ``at``.

    A negative value (paused while overdue) gives a due that far in the past.
    """
    return cal.add(at, remaining_seconds)


def fraction_elapsed(
    cal: WorkCalendar,
    started: datetime,
    due: datetime,
    at: datetime,
    *,
    total: float | None = None,
) -> float:
    """Share of the SLA used at ``at`` (0 before start, above 1 when overdue).

    ``total`` is the SLA's full working seconds; by default the working time in
    [started, due).  Pass it after a pause: then the share is counted from the
    time left, so the waiting time is not counted as used.
    """
    if total is None:
        total = cal.between(started, due)
    if total <= 0:
        return 1.0 if at >= due else 0.0
    if at <= started:
        return 0.0
    return 1.0 - remaining(cal, due, at) / total


def reminder_instant(
    cal: WorkCalendar,
    started: datetime,
    due: datetime,
    fraction: float,
    *,
    total: float | None = None,
) -> datetime:
    """The instant (UTC) when ``fraction`` of the SLA has been used.

    By default ``fraction`` of the working time in [started, due) after
    ``started``.  With ``total`` (the SLA's full working seconds, e.g. after a
    pause) it is ``(1 - fraction) * total`` of working time before ``due``.
    """
    if total is None:
        return cal.add(started, fraction * cal.between(started, due))
    return cal.add(due, -(1.0 - fraction) * total)
