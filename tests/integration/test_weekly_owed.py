"""Which weeks are owed: a digest a holiday pushed past the next Monday is owed beside
that Monday's, and a schedule changed mid-week starts with its next moment."""

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from core.clock import FakeClock
from core.context import Services
from core.org import OrgConfig
from core.sweep import scan
from core.weekly import owed_days
from db.migrate import upgrade
from db.models import OutboxMessage
from db.session import Database
from tests.conftest import example_org

MSK = timedelta(hours=3)


def msk(year: int, month: int, day: int, hour: int) -> datetime:
    return datetime(year, month, day, hour, tzinfo=UTC) - MSK


async def weeks_owed(db: Database) -> list[tuple[str, str]]:
    async with db.reading() as session:
        return sorted({(payload["department"], payload["day"])
                       for (payload,) in await session.execute(select(OutboxMessage.payload))
                       if payload.get("template") == "weekly"})


async def scan_at(database_url: str, org: OrgConfig, at: datetime) -> None:
    svc = Services(Database(database_url), org, FakeClock(at))
    try:
        await scan(svc)
    finally:
        await svc.db.dispose()


def test_the_new_year_week_is_owed_with_the_next_one() -> None:
    org = example_org()  # holidays = "RU": 1-8 January 2027 are days off
    at = msk(2027, 1, 11, 9)
    assert [d for d, _ in owed_days(org, at)] == [date(2027, 1, 4), date(2027, 1, 11)]
    # on 5 January nothing is due: 4 January's waits for the 11th, 28 December's was
    # owed on its day
    assert owed_days(org, msk(2027, 1, 5, 9)) == []


def test_an_ordinary_earlier_week_is_not_owed_again() -> None:
    # a department added on Wednesday gets Monday's digest, not also the one before
    org = example_org()
    assert [d for d, _ in owed_days(org, msk(2026, 12, 9, 12))] == [date(2026, 12, 7)]


def test_a_closure_of_two_weeks_owes_both_its_weeks() -> None:
    closed = [f"2026-07-{day:02d}" for day in range(6, 18)]  # Monday 6 – Friday 17 July
    org = example_org(calendar={"workdays": ["mon", "tue", "wed", "thu", "fri"],
                                "hours": "09:00-18:00", "holidays": "",
                                "extra_holidays": closed})
    assert [d for d, _ in owed_days(org, msk(2026, 7, 20, 9))] == [
        date(2026, 7, 6), date(2026, 7, 13), date(2026, 7, 20)]


async def test_a_holiday_week_is_not_lost(database_url):
    await upgrade(database_url)
    org = example_org()
    for at in (msk(2026, 12, 28, 9), msk(2027, 1, 4, 9), msk(2027, 1, 8, 12),
               msk(2027, 1, 11, 9), msk(2027, 1, 11, 10)):
        await scan_at(database_url, org, at)
    db = Database(database_url)
    try:
        days = [day for key, day in await weeks_owed(db) if key == "it"]
    finally:
        await db.dispose()
    # 4 January is a holiday Monday: its week comes on 11 January with that week's own
    assert days == ["2026-12-28", "2027-01-04", "2027-01-11"]


async def test_a_changed_schedule_starts_with_its_next_moment(database_url):
    await upgrade(database_url)
    monday, wednesday = example_org(), example_org(reports={"weekly": "wed 09:00"})
    await scan_at(database_url, monday, msk(2026, 12, 7, 9))
    # changed on Tuesday: last Wednesday's week is not sent at once
    await scan_at(database_url, wednesday, msk(2026, 12, 8, 10))
    db = Database(database_url)
    try:
        assert {day for _, day in await weeks_owed(db)} == {"2026-12-07"}
        await scan_at(database_url, wednesday, msk(2026, 12, 9, 9))
        assert {day for _, day in await weeks_owed(db)} == {"2026-12-07", "2026-12-09"}
    finally:
        await db.dispose()


async def test_a_schedule_changed_away_and_back_sends_nothing_at_once(database_url):
    await upgrade(database_url)
    monday, wednesday = example_org(), example_org(reports={"weekly": "wed 09:00"})
    await scan_at(database_url, monday, msk(2026, 12, 7, 9))
    await scan_at(database_url, wednesday, msk(2026, 12, 8, 10))
    await scan_at(database_url, wednesday, msk(2026, 12, 9, 9))
    # back to Mondays on Thursday: the Mondays since were the Wednesdays' weeks
    await scan_at(database_url, monday, msk(2026, 12, 17, 10))
    db = Database(database_url)
    try:
        assert {day for _, day in await weeks_owed(db)} == {"2026-12-07", "2026-12-09"}
        await scan_at(database_url, monday, msk(2026, 12, 21, 9))
        assert {day for _, day in await weeks_owed(db)} == {
            "2026-12-07", "2026-12-09", "2026-12-21"}
    finally:
        await db.dispose()
