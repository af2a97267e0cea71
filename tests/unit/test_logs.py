"""Log lines: JSON that parses with its fields, text with its context, no secrets."""

import io
import json
import logging

import pytest

from bot import logs
from bot.logs import REDACTED, about_request, update_id_var

TOKEN = "123456:AAE-secret-part-of-the-token"


@pytest.fixture
def capture():
    stream = io.StringIO()
    handler = None

    def install(fmt: str = "json", level: str = "DEBUG") -> io.StringIO:
        nonlocal handler
        handler = logs.configure(level, fmt, secrets=[TOKEN, "short"], stream=stream)
        return stream

    yield install
    if handler is not None:
        logging.getLogger().removeHandler(handler)
    logging.getLogger().setLevel(logging.WARNING)


def lines(stream: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]


def test_json_lines_carry_the_fields(capture):
    stream = capture("json")
    log = logging.getLogger("baton.test")
    token = update_id_var.set(7001)
    try:
        with about_request(42):
            log.info("request %s taken", 42, extra={"chat_id": -100})
        log.warning("outside a request")
    finally:
        update_id_var.reset(token)
    log.error("no update here")
    first, second, third = lines(stream)
    assert first["level"] == "INFO" and first["logger"] == "baton.test"
    assert first["message"] == "request 42 taken"
    assert first["update_id"] == 7001 and first["request"] == 42 and first["chat_id"] == -100
    assert first["time"].endswith("Z") and "T" in first["time"]
    assert second["update_id"] == 7001 and "request" not in second
    assert third["level"] == "ERROR" and "update_id" not in third


def test_extra_request_wins_over_the_context(capture):
    stream = capture("json")
    with about_request(1):
        logging.getLogger("baton.test").warning("retry", extra={"request": 2})
    assert lines(stream)[0]["request"] == 2


def test_one_line_per_event_even_with_a_traceback(capture):
    stream = capture("json")
    try:
        raise ValueError("line one\nline two")
    except ValueError:
        logging.getLogger("baton.test").exception("it broke")
    (entry,) = lines(stream)
    assert entry["message"] == "it broke"
    assert "ValueError: line one" in entry["exception"]


def test_the_token_is_redacted_everywhere(capture):
    stream = capture("json")
    log = logging.getLogger("httpx")
    url = f"https://api.telegram.org/bot{TOKEN}/getMe"
    log.warning("HTTP Request: POST %s", url)
    log.warning(f"inline {url}")
    try:
        raise ConnectionError(f"cannot reach {url}")
    except ConnectionError:
        logging.getLogger("baton.test").exception("call failed", extra={"url": url})
    logging.getLogger("baton.test").warning("only the secret part: %s",
                                            TOKEN.split(":")[1])
    logging.getLogger("baton.test").warning("a short secret is left alone: short")
    text = stream.getvalue()
    assert TOKEN not in text and TOKEN.split(":")[1] not in text
    assert text.count(REDACTED) >= 5
    assert "a short secret is left alone: short" in text
    for entry in lines(stream):  # still valid JSON after redaction
        assert entry["level"] == "WARNING" or entry["level"] == "ERROR"


def test_text_lines_name_the_update_and_request(capture):
    stream = capture("text")
    token = update_id_var.set(5)
    try:
        with about_request(9):
            logging.getLogger("baton.test").info("taken")
    finally:
        update_id_var.reset(token)
    line = stream.getvalue().strip()
    assert line.endswith("INFO baton.test: taken [update=5 request=#9]")


def test_a_bad_format_is_refused():
    with pytest.raises(ValueError, match="LOG_FORMAT"):
        logs.configure("INFO", "xml")
