"""Migration 0004: the requests filed before it are found by /find, and it can be undone."""

import asyncio
from datetime import UTC, datetime

from alembic import command
from sqlalchemy import insert, text

from db import search
from db.migrate import alembic_config, upgrade
from db.models import Request, User
from db.session import Database

AT = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def a_request(number: int, requester: int, value: str) -> dict[str, object]:
    """A request row of schema 0003: only its columns (later migrations add more)."""
    return dict(id=number, department_key="it", type_key="access", type_name="Access",
                   response_seconds=3600.0, resolve_seconds=28800.0, requester_id=requester,
                   status="closed", priority="normal", created_at=AT, status_changed_at=AT,
                   transfers=0, reopens=0, auto_closed=False, last_event_at=AT,
                   answers=[{"key": "system", "label": "System", "type": "text",
                             "value": value},
                            {"key": "photo", "label": "Photo", "type": "file",
                             "value": "photo", "file_id": "AgAD-secret-file-id"}])


async def test_existing_requests_are_indexed(database_url):
    await upgrade(database_url, "0003")
    db = Database(database_url)
    try:
        async with db.transaction() as session:
            session.add(User(id=2001, first_name="Рита", last_name="Smith", username="rita_s",
                             updated_at=AT))
            await session.execute(insert(Request), [a_request(1, 2001, "VPN «Склад»\x00"),
                                                    a_request(2, 2002, "Printer")])
        await upgrade(database_url)
        async with db.reading() as session:
            bodies = dict((await session.execute(text(
                "SELECT request_id, body FROM request_search ORDER BY request_id"))).all())
            assert bodies == {1: "1 vpn склад рита smith rita_s", 2: "2 printer"}
            found = await search.find(session, "СКЛ рит", limit=10, requester_id=None,
                                      departments=["it"], everything=False)
            assert [r.id for r in found] == [1]
            # the requester's own, matched through the requester index: "_" is no wildcard
            for query, expected in (("rita_ VPN", [1]), ("rita_s", [1]), ("rit_", []),
                                    ("vpn_", []), ("1", [1])):
                own = await search.find(session, query, limit=10, requester_id=2001,
                                        departments=[], everything=False)
                assert [r.id for r in own] == expected, query
            assert await search.find(session, "secret", limit=10, requester_id=None,
                                     departments=[], everything=True) == []
    finally:
        await db.dispose()


async def test_it_can_be_undone_and_done_again(database_url):
    await upgrade(database_url)
    await asyncio.to_thread(command.downgrade, alembic_config(database_url), "0003")
    await upgrade(database_url)
