"""When the managers' week is due: ``[reports] weekly`` in the organisation's zone, at
the first working moment at or after it."""

import copy
from datetime import UTC, date, datetime, timedelta

import pytest

from core.org import OrgError, parse_org
from core.weekly import nominal_day, week_end
from tests.conftest import example_org
from tests.unit.test_org import example

MSK = timedelta(hours=3)


def msk(day: int, hour: int, minute: int = 0, month: int = 12) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC) - MSK


def test_default_is_monday_nine_in_the_organisations_zone() -> None:
    org = example_org()
    assert org.reports.weekly == "mon 09:00"
    assert nominal_day(org, msk(7, 9)) == (date(2026, 12, 7), msk(7, 9))
    # a minute before: last week's Monday, long due
    assert nominal_day(org, msk(7, 8, 59)) == (date(2026, 11, 30), msk(30, 9, month=11))
    assert nominal_day(org, msk(13, 23, 59)) == (date(2026, 12, 7), msk(7, 9))
    assert week_end(org, date(2026, 12, 7)) == msk(7, 0)


def test_a_holiday_monday_moves_it_to_the_next_working_morning() -> None:
    calendar = {"workdays": ["mon", "tue", "wed", "thu", "fri"], "hours": "09:00-18:00",
                "holidays": "RU", "extra_holidays": ["2026-12-07"]}
    org = example_org(calendar=calendar)
    assert nominal_day(org, msk(7, 10)) == (date(2026, 12, 7), msk(8, 9))


def test_a_time_outside_working_hours_and_a_weekend_day() -> None:
    org = example_org(reports={"weekly": "sun 20:00"})
    # Sunday evening is not working time: Monday 09:00; the week is still Sunday's
    assert nominal_day(org, msk(6, 20)) == (date(2026, 12, 6), msk(7, 9))
    org = example_org(reports={"weekly": "mon 07:30"})
    assert nominal_day(org, msk(7, 8)) == (date(2026, 12, 7), msk(7, 9))


def test_always_on_keeps_the_time_as_written() -> None:
    org = example_org(calendar={"always_on": True}, reports={"weekly": "sat 10:15"})
    assert nominal_day(org, msk(5, 10, 15)) == (date(2026, 12, 5), msk(5, 10, 15))


def test_empty_turns_it_off() -> None:
    assert nominal_day(example_org(reports={"weekly": ""}), msk(7, 9)) is None


@pytest.mark.parametrize("value", ["monday 09:00", "mon 9:00", "mon 24:00", "mon 09:60",
                                   "09:00", "mon"])
def test_a_wrong_value_names_the_key(value: str) -> None:
    data = copy.deepcopy(example())
    data["reports"] = {"weekly": value}
    with pytest.raises(OrgError) as caught:
        parse_org(data)
    assert str(caught.value).startswith("reports.weekly:"), str(caught.value)
