"""Migration 0007 (approvals): requests filed before it are unaffected, and it can be
undone."""

import asyncio
from datetime import UTC, datetime

from alembic import command
from sqlalchemy import text

from db.migrate import alembic_config, upgrade
from db.models import Request
from db.session import Database

AT = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


async def test_existing_requests_need_no_approval(database_url):
    await upgrade(database_url, "0006")
    db = Database(database_url)
    try:
        async with db.transaction() as session:
            # written as 0006 knew the table: the model has the new columns
            await session.execute(text(
                "INSERT INTO requests (id, department_key, type_key, type_name, "
                "response_seconds, resolve_seconds, requester_id, status, priority, answers, "
                "created_at, status_changed_at, transfers, reopens, auto_closed, "
                "last_event_at) VALUES (1, 'it', 'access', 'Access', 3600, 28800, 2001, "
                "'in_progress', 'normal', '[]', :at, :at, 0, 0, false, :at)"),
                {"at": AT})
        await upgrade(database_url)
        async with db.reading() as session:
            request = await session.get(Request, 1)
            assert request is not None and request.status == "in_progress"
            assert (request.approval_asked_at, request.approval_remind_s,
                    request.approval_decided_by, request.approval_decided_at,
                    request.approval_work_s) == (None, None, None, None, None)
            approvers = await session.scalar(text("SELECT count(*) FROM request_approvers"))
            assert approvers == 0
    finally:
        await db.dispose()


async def test_it_can_be_undone_and_done_again(database_url):
    await upgrade(database_url)
    await asyncio.to_thread(command.downgrade, alembic_config(database_url), "0006")
    await upgrade(database_url)
