"""An end-to-end run's log, as an admin would ship it: JSON lines, the update
and the request named, the token nowhere — even with the HTTP client's URL
log turned up to INFO, which prints the token in every URL."""

import io
import json
import logging

import pytest

from bot import logs
from tests.conftest import IT_CHAT
from tests.e2e.flows import bind, file_access_request


@pytest.fixture
def captured(emu):
    stream = io.StringIO()
    handler = logs.configure("DEBUG", "json", secrets=[emu.token], stream=stream)
    logging.getLogger("httpx").setLevel(logging.INFO)  # the worst case: every URL logged
    yield stream
    logging.getLogger().removeHandler(handler)
    logging.getLogger().setLevel(logging.WARNING)
    logging.getLogger("httpx").setLevel(logging.WARNING)


async def test_no_token_and_the_context_named(emu, bot, captured):
    await bind(emu, bot)
    emu.inject("sendMessage", status=502, chat_id=IT_CHAT)  # the card is retried: a WARNING
    number = await file_access_request(emu, bot)
    text = captured.getvalue()
    assert emu.token not in text and emu.token.split(":")[1] not in text
    entries = [json.loads(line) for line in text.splitlines()]
    assert any("HTTP Request" in e["message"] and "<redacted>" in e["message"]
               for e in entries), "the URLs were logged, redacted"
    retry = [e for e in entries if e["logger"] == "bot.sender" and e["level"] == "WARNING"]
    assert retry and retry[0]["request"] == number and "retried" in retry[0]["message"]
    handled = [e for e in entries if e["logger"] == "bot.update_order"]
    assert handled and all(isinstance(e["update_id"], int) for e in handled)
    # what people wrote never appears at INFO or above
    assert not any("1C Accounting" in e["message"] for e in entries
                   if e["level"] != "DEBUG")
