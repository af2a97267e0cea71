"""Durations of the organisation file: a number and a unit (``s``, ``m``, ``h``, ``d``).

A ``d`` is one *working* day, so turning a Duration into seconds needs the
calendar (:meth:`core.calendar.WorkCalendar.seconds`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PATTERN = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd])\s*$")
UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600}


@dataclass(frozen=True)
class Duration:
    amount: float
    unit: str  # "s" | "m" | "h" | "d"

    def __str__(self) -> str:
        amount = int(self.amount) if float(self.amount).is_integer() else self.amount
        return f"{amount}{self.unit}"


def parse_duration(text: str) -> Duration:
    """Parse ``"2h"``; raise ``ValueError`` naming the bad text otherwise."""
    match = _PATTERN.match(text) if isinstance(text, str) else None
    if not match:
        raise ValueError(f"{text!r} is not a duration (use a number and s, m, h or d: '2h')")
    return Duration(float(match.group(1)), match.group(2))
