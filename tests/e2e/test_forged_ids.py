"""Forged request numbers beyond what the database column holds (a 32-bit
integer on PostgreSQL) are refused like any unknown request: an alert, no
error, nothing changed — they never reach the database."""

import logging

import pytest

from tests.conftest import EXECUTOR
from tests.e2e.flows import bind, card, file_access_request

INT4_MAX = 2**31 - 1
REFUSALS = ("This request does not exist.", "This button is outdated.")


@pytest.mark.parametrize("data", [
    f"v1:r:take:{INT4_MAX + 1}", "v1:r:take:999999999999", f"v1:r:done:{2**32}",
    f"v1:r:rate:{INT4_MAX + 1}:5", f"v1:r:to:{2**40}:hr", f"v1:r:rej:{INT4_MAX}",
    "v1:r:take:0", "v1:r:take:000000000001",
])
async def test_a_forged_number_is_refused_without_an_error(emu, bot, caplog, data):
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    before = card(emu, number).text
    with caplog.at_level(logging.WARNING):
        query = emu.users[EXECUTOR].press(card(emu, number), data=data)
        await bot.settle()
    toast, alert = emu.callback_answers[query]
    assert toast in REFUSALS and alert
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []
    assert card(emu, number).text == before

