"""Migration 0002: ratings get their request's department, and it can be undone."""

import asyncio
from datetime import UTC, datetime

from alembic import command
from sqlalchemy import bindparam, insert, text

from db.migrate import alembic_config, upgrade
from db.models import Request
from db.session import Database
from db.types import UTCDateTime

AT = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def a_request(number: int, department: str) -> dict[str, object]:
    """A request row of schema 0001: only its columns (later migrations add more)."""
    return dict(id=number, department_key=department, type_key="access", type_name="Access",
                response_seconds=3600.0, resolve_seconds=28800.0, requester_id=2001,
                status="closed", priority="normal", answers=[], created_at=AT,
                status_changed_at=AT, transfers=0, reopens=0, auto_closed=False,
                last_event_at=AT, assignee_id=3001, done_at=AT)


async def test_existing_ratings_get_their_requests_department(database_url):
    await upgrade(database_url, "0001")
    db = Database(database_url)
    try:
        async with db.transaction() as session:
            await session.execute(insert(Request), [
                a_request(1, "it"), a_request(2, "hr"), a_request(3, "hr")])
            for number, score in ((1, 5), (2, 3)):
                await session.execute(text(
                    "INSERT INTO ratings (request_id, score, rater_id, assignee_id, rated_at) "
                    "VALUES (:number, :score, 2001, 3001, :at)").bindparams(
                        bindparam("at", AT, type_=UTCDateTime())),
                    {"number": number, "score": score})
        await upgrade(database_url)
        async with db.reading() as session:
            rows = (await session.execute(text(
                "SELECT request_id, department_key, score FROM ratings ORDER BY request_id"))).all()
        assert [tuple(r) for r in rows] == [(1, "it", 5), (2, "hr", 3)]
    finally:
        await db.dispose()


async def test_it_can_be_undone_and_done_again(database_url):
    await upgrade(database_url)
    await asyncio.to_thread(command.downgrade, alembic_config(database_url), "0001")
    await upgrade(database_url)
