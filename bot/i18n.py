"""Texts live in ``bot/locales/<lang>.ftl`` (Project Fluent); this module picks and fills them.

A key ``press.took`` is the Fluent message ``press-took`` (Fluent ids allow no dots).
Every value put into a text is HTML-escaped unless it is :class:`Html`, so a name or an
answer full of ``<`` and ``&`` can never break a message; numbers stay numbers, so a
text chooses its plural form by them (CLDR rules, ``{ $count -> [one] … *[other] … }``),
and a :class:`~datetime.date` is written as the language writes dates. Plain texts
(buttons, toasts) show an :class:`Html` value as the text it displays.
"""

from __future__ import annotations

import html
import re
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from babel.dates import format_datetime, format_skeleton
from fluent.runtime import FluentBundle, FluentResource, resolver
from fluent.runtime.types import fluent_number
from fluent.syntax import FluentParser, FluentSerializer, ast
from fluent.syntax.visitor import Visitor

LANGUAGES = ("en", "ru", "uk", "pl", "ro", "lv")
LOCALES = Path(__file__).with_name("locales")
TOAST_LIMIT = 200  # Telegram's limit for a callback answer, in UTF-16 code units
_TAG = re.compile(r"<[^>]*>")  # in escaped HTML every "<" starts a tag
# English dates are written as the forms ask for them (DD.MM.YYYY), not the US way
_EN_PATTERNS = {"day_month": "dd.MM", "day": "dd.MM.yyyy", "time": "HH:mm"}
_SKELETONS = {"day_month": "ddMM", "day": "yMMdd", "time": "Hm"}
# fluent.runtime refuses a value longer than 2,500 characters (a guard against texts that
# expand themselves); ours come from the code, bounded by Telegram's limits, and an escaped
# 4,096-character message is longer than that
resolver.MAX_PART_LENGTH = max(resolver.MAX_PART_LENGTH, 100_000)


class Html(str):
    """Text that is already safe HTML (built from escaped parts)."""


def escape(value: Any) -> str:
    return value if isinstance(value, Html) else html.escape(str(value), quote=False)


def fluent_id(key: str) -> str:
    return key.replace(".", "-")


def key_of(message_id: str) -> str:
    return message_id.replace("-", ".")


@cache
def resource(language: str) -> ast.Resource:
    """The parsed .ftl file of ``language`` (a syntax error is an error, not a warning)."""
    parsed = FluentParser().parse((LOCALES / f"{language}.ftl").read_text(encoding="utf-8"))
    junk = [entry for entry in parsed.body if isinstance(entry, ast.Junk)]
    if junk:
        raise ValueError(f"{language}.ftl: {junk[0].annotations[0].message}: "
                         f"{(junk[0].content or '')[:80]!r}")
    return parsed


@cache
def catalog(language: str) -> dict[str, str]:
    """Every text of ``language`` by key, as its Fluent source (without the id)."""
    serializer = FluentSerializer()
    texts = {}
    for entry in resource(language).body:
        if isinstance(entry, ast.Message) and entry.value is not None:
            source = serializer.serialize_entry(entry)
            texts[key_of(entry.id.name)] = source.split("=", 1)[1].strip()
    return texts


def variables(language: str, key: str) -> set[str]:
    """The ``$names`` the text ``key`` uses (in any of its variants)."""
    found: set[str] = set()

    class Names(Visitor):
        def visit_VariableReference(self, node: ast.VariableReference) -> None:
            found.add(node.id.name)

    for entry in resource(language).body:
        if isinstance(entry, ast.Message) and entry.id.name == fluent_id(key):
            Names().visit(entry)
    return found


@cache
def bundle(language: str) -> FluentBundle:
    made = FluentBundle([language], use_isolating=False)
    made.add_resource(FluentResource((LOCALES / f"{language}.ftl").read_text(encoding="utf-8")))
    return made


def pick_language(language_code: str | None, fallback: str) -> str:
    """The user's Telegram language if we speak it, else the organisation's."""
    short = (language_code or "").split("-")[0].lower()
    return short if short in LANGUAGES else fallback


def _fill(language: str, key: str, values: dict[str, Any]) -> str:
    for lang in (language, "en"):
        found = bundle(lang)
        if found.has_message(fluent_id(key)):
            message = found.get_message(fluent_id(key))
            if message.value is not None:
                text, errors = found.format_pattern(message.value, values)
                if errors:  # a missing value: as loud as str.format's KeyError was
                    raise KeyError(f"{key}: {errors[0]}")
                return str(text)
    return key


def _value(language: str, value: Any, show: Any) -> Any:
    """A value as Fluent takes it: a number (for plural choice), or a string ``show`` makes."""
    if isinstance(value, bool):
        return show(value)
    if isinstance(value, int):
        return fluent_number(value, useGrouping=False)  # "#12345", not "#12,345"
    if isinstance(value, date) and not isinstance(value, datetime):
        return show(day(language, value))
    return show(value)


def t(language: str, key: str, /, **values: Any) -> Html:
    """The text ``key`` in ``language`` with escaped ``values`` filled in."""
    return Html(_fill(language, key, {k: _value(language, v, escape) for k, v in values.items()}))


def as_text(value: Any) -> str:
    """A value as people read it: :class:`Html` (an escaped or linked name) without its
    tags and entities, anything else as it is."""
    if isinstance(value, Html):
        return html.unescape(_TAG.sub("", value))
    return str(value)


def plain(language: str, key: str, /, **values: Any) -> str:
    """A text for places that show no HTML (button labels, callback toasts)."""
    return _fill(language, key, {k: _value(language, v, as_text) for k, v in values.items()})


def toast(language: str, key: str, /, **values: Any) -> str:
    """A callback answer: plain text within Telegram's 200 characters, cut visibly."""
    return cut(plain(language, key, **values), TOAST_LIMIT)


def _dated(language: str, value: date, kind: str) -> str:
    if language == "en" or language not in LANGUAGES:
        if isinstance(value, datetime):
            return str(format_datetime(value, _EN_PATTERNS[kind], locale="en"))
        return value.strftime("%d.%m" if kind == "day_month" else "%d.%m.%Y")
    return str(format_skeleton(_SKELETONS[kind], value, locale=language))


def day(language: str, value: date) -> str:
    """A date as ``language`` writes it in numbers: 01.12.2026, 1.12.2026 (pl), 01.12.2026."""
    return _dated(language, value, "day")


def day_month(language: str, value: date) -> str:
    """A day of this year, short: 01.12, 1.12 (pl), 01.12. (lv)."""
    return _dated(language, value, "day_month")


def moment(language: str, at: datetime) -> str:
    """A day and time (already in the organisation's zone): 01.12 09:05, 1.12 09:05 (pl)."""
    return f"{_dated(language, at, 'day_month')} {_dated(language, at, 'time')}"


def clock_time(language: str, at: datetime) -> str:
    """A time of day (already in the organisation's zone): 09:05."""
    return _dated(language, at, "time")


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
