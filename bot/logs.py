"""Logging: one line per event, as text or as JSON lines (``LOG_FORMAT``).

Every line carries the update being handled (``update_id``) and the request it
concerns (``request``, the #N people see) when they are known: the update path
sets them in context variables (``bot.update_order``), and log calls about a
request pass ``extra={"request": N}``.

Secrets never reach a line: a filter on the handler replaces the bot's token
(and the webhook secret) in the message, its arguments and any traceback; and
the HTTP client's request log, which prints URLs, is kept at WARNING.
Message texts people wrote are never logged at INFO.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import IO, Any

update_id_var: ContextVar[int | None] = ContextVar("baton_update_id", default=None)
request_var: ContextVar[int | None] = ContextVar("baton_request", default=None)

FORMATS = ("text", "json")
REDACTED = "<redacted>"
# attributes every LogRecord has: anything else on a record came from ``extra=``
_STANDARD = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
    "message", "asctime", "taskName"}


@contextmanager
def about_request(request_id: int | None) -> Iterator[None]:
    """Log lines inside the block name request #N."""
    token = request_var.set(request_id)
    try:
        yield
    finally:
        request_var.reset(token)


class ContextFilter(logging.Filter):
    """Adds ``update_id`` and ``request`` from the context unless ``extra=`` gave them."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "update_id", None) is None:
            record.update_id = update_id_var.get()
        if getattr(record, "request", None) is None:
            record.request = request_var.get()
        return True


class RedactFilter(logging.Filter):
    """Replaces secrets in the message, its arguments, the traceback and the stack."""

    def __init__(self, secrets: Iterable[str | None] = ()) -> None:
        super().__init__()
        self.secrets: list[str] = []
        for secret in secrets:
            self.add(secret)

    def add(self, secret: str | None) -> None:
        if not secret or len(secret) < 8:
            return  # too short to be a secret, and replacing it would mangle lines
        parts = [secret]
        # a token is "<bot id>:<secret part>": the secret part alone is a secret too
        if ":" in secret and len(secret.split(":", 1)[1]) >= 8:
            parts.append(secret.split(":", 1)[1])
        for part in parts:
            if part not in self.secrets:
                self.secrets.append(part)
        self.secrets.sort(key=len, reverse=True)  # the whole token before its part

    def redact(self, text: str) -> str:
        for secret in self.secrets:
            if secret in text:
                text = text.replace(secret, REDACTED)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: keep what there is
            message = str(record.msg)
        record.msg, record.args = self.redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        for key, value in list(vars(record).items()):
            if key not in _STANDARD and isinstance(value, str):
                setattr(record, key, self.redact(value))
        return True


class TextFormatter(logging.Formatter):
    """``2026-11-23 10:00:00,123 INFO bot.sender: message [update=5 request=#7]``."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        context = []
        if getattr(record, "update_id", None) is not None:
            context.append(f"update={getattr(record, 'update_id', None)}")
        if getattr(record, "request", None) is not None:
            context.append(f"request=#{getattr(record, 'request', None)}")
        if not context:
            return line
        head, sep, tail = line.partition("\n")  # after the message, before a traceback
        return f"{head} [{' '.join(context)}]{sep}{tail}"


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time, level, logger, message, update_id, request,
    any other ``extra=`` fields, and ``exception`` with the traceback."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds")
            .replace("+00:00", "Z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key in ("update_id", "request"):
            value = getattr(record, key, None)
            if value is not None:
                entry[key] = value
        for key, value in vars(record).items():
            if key in _STANDARD or key in entry or key in ("update_id", "request"):
                continue
            entry[key] = value if isinstance(value, str | int | float | bool | None) \
                else str(value)
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exception"] = record.exc_text
        if record.stack_info:
            entry["stack"] = record.stack_info
        return json.dumps(entry, ensure_ascii=False)


_HANDLER_MARK = "_baton_handler"


def configure(level: str = "INFO", fmt: str = "text", *, secrets: Iterable[str | None] = (),
              stream: IO[str] | None = None) -> logging.Handler:
    """Install Baton's handler on the root logger (replacing one installed before)."""
    if fmt not in FORMATS:
        raise ValueError(f"LOG_FORMAT must be one of {', '.join(FORMATS)}, not {fmt!r}")
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, _HANDLER_MARK, False)]:
        root.removeHandler(old)
    handler = logging.StreamHandler(stream or sys.stderr)
    setattr(handler, _HANDLER_MARK, True)
    handler.addFilter(ContextFilter())
    handler.addFilter(RedactFilter(secrets))
    handler.setFormatter(JsonFormatter() if fmt == "json" else TextFormatter())
    root.addHandler(handler)
    root.setLevel(level.upper())
    # httpx logs whole URLs at INFO, and the URL carries the token
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    # a line per database call (with its parameters) even at DEBUG is noise
    logging.getLogger("aiosqlite").setLevel(logging.INFO)
    return handler
