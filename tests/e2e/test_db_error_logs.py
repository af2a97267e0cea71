"""A database error while a person's answer is being saved is logged at ERROR,
but without the statement's parameters: what people wrote never reaches the log.

The failure is real: a trigger makes the database refuse the form draft that
holds the answer (on SQLite and on PostgreSQL alike)."""

import io
import json
import logging

import pytest
from sqlalchemy import text

from bot import logs
from tests.conftest import REQUESTER
from tests.e2e.flows import last, press, say

ANSWER = "Secret answer 4242 <payroll>"
SQLITE_TRIGGER = """
CREATE TRIGGER refuse_secret BEFORE UPDATE ON form_drafts
WHEN NEW.answers LIKE '%Secret answer%'
BEGIN SELECT RAISE(ABORT, 'refused by a test trigger'); END
"""
POSTGRES_TRIGGER = ["""
CREATE FUNCTION refuse_secret() RETURNS trigger AS $$
BEGIN RAISE EXCEPTION 'refused by a test trigger'; END $$ LANGUAGE plpgsql
""", """
CREATE TRIGGER refuse_secret BEFORE UPDATE ON form_drafts FOR EACH ROW
WHEN (NEW.answers::text LIKE '%Secret answer%') EXECUTE FUNCTION refuse_secret()
"""]


@pytest.fixture
def captured(emu):
    stream = io.StringIO()
    handler = logs.configure("INFO", "json", secrets=[emu.token], stream=stream)
    yield stream
    logging.getLogger().removeHandler(handler)
    logging.getLogger().setLevel(logging.WARNING)


async def refuse_secret_answers(bot) -> None:
    statements = [SQLITE_TRIGGER] if bot.svc.db.is_sqlite else POSTGRES_TRIGGER
    async with bot.svc.db.transaction() as session:
        for statement in statements:
            await session.execute(text(statement))


async def test_a_database_error_is_logged_without_what_people_wrote(emu, bot, captured):
    await refuse_secret_answers(bot)
    await say(emu, bot, REQUESTER, "/new")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "IT")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Access to a system")
    answer = await say(emu, bot, REQUESTER, ANSWER)
    assert "something went wrong" in answer.text  # the person is told
    entries = [json.loads(line) for line in captured.getvalue().splitlines()]
    errors = [e for e in entries if e["level"] == "ERROR"]
    assert errors, "the failure was logged"
    assert any("refused by a test trigger" in e.get("exception", "") for e in errors)
    for entry in entries:
        line = json.dumps(entry, ensure_ascii=False)
        assert "Secret answer" not in line and "4242" not in line, line
    assert any("parameters hidden" in e.get("exception", "") for e in errors)
