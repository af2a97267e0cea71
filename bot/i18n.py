"""Texts live in ``bot/locales/<lang>.toml``; this module picks and fills them.

Every value put into a text is HTML-escaped unless it is :class:`Html`, so a
name or an answer full of ``<`` and ``&`` can never break a message. Plain texts
(buttons, toasts) show an :class:`Html` value as the text it displays.
"""

from __future__ import annotations

import html
import re
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

LANGUAGES = ("en", "ru")
LOCALES = Path(__file__).with_name("locales")
TOAST_LIMIT = 200  # Telegram's limit for a callback answer, in UTF-16 code units
_TAG = re.compile(r"<[^>]*>")  # in escaped HTML every "<" starts a tag


class Html(str):
    """Text that is already safe HTML (built from escaped parts)."""


def escape(value: Any) -> str:
    return value if isinstance(value, Html) else html.escape(str(value), quote=False)


def _flatten(prefix: str, table: dict[str, Any], into: dict[str, str]) -> None:
    for key, value in table.items():
        full = f"{prefix}{key}"
        if isinstance(value, dict):
            _flatten(f"{full}.", value, into)
        else:
            into[full] = str(value)


@cache
def catalog(language: str) -> dict[str, str]:
    texts: dict[str, str] = {}
    with (LOCALES / f"{language}.toml").open("rb") as file:
        _flatten("", tomllib.load(file), texts)
    return texts


def pick_language(language_code: str | None, fallback: str) -> str:
    """The user's Telegram language if we speak it, else the organisation's."""
    short = (language_code or "").split("-")[0].lower()
    return short if short in LANGUAGES else fallback


def t(language: str, key: str, /, **values: Any) -> Html:
    """The text ``key`` in ``language`` with escaped ``values`` filled in."""
    template = catalog(language).get(key)
    if template is None:
        template = catalog("en").get(key, key)
    return Html(template.format(**{k: escape(v) for k, v in values.items()}))


def as_text(value: Any) -> str:
    """A value as people read it: :class:`Html` (an escaped or linked name) without its
    tags and entities, anything else as it is."""
    if isinstance(value, Html):
        return html.unescape(_TAG.sub("", value))
    return str(value)


def plain(language: str, key: str, /, **values: Any) -> str:
    """A text for places that show no HTML (button labels, callback toasts)."""
    template = catalog(language).get(key) or catalog("en").get(key, key)
    return template.format(**{k: as_text(v) for k, v in values.items()})


def toast(language: str, key: str, /, **values: Any) -> str:
    """A callback answer: plain text within Telegram's 200 characters, cut visibly."""
    return cut(plain(language, key, **values), TOAST_LIMIT)


def cut(text: str, limit: int) -> str:
    """``text`` in at most ``limit`` UTF-16 code units (as Telegram counts), ending in
    "…" when something was cut."""
    if _utf16(text) <= limit:
        return text
    kept = text[:limit - 1]
    while _utf16(kept) > limit - 1:
        kept = kept[:-1]
    return kept.rstrip() + "…"


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2
