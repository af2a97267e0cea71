"""Validation of one answer for one field type; an error is a locale key and its values."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from bot.forms.inputs import ChoiceInput, FileInput, FormInput, OtherInput, TextInput
from core.org import FormField

TEXT_DEFAULT_MAX = 1000  # keeps a card with several answers under Telegram's 4096
_SPACES = re.compile(r"[\s\u00a0\u2009\u202f']")
_GROUPED = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DOTTED = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")


@dataclass(frozen=True)
class Invalid:
    key: str  # locale key under "form.error."
    values: dict[str, Any] = field(default_factory=dict)


def text_limit(spec: FormField) -> int:
    return spec.max_length or TEXT_DEFAULT_MAX


def validate(spec: FormField, given: FormInput, today: date) -> dict[str, Any] | Invalid:
    """An answer as stored in the draft (``{"value": …, "display": …}``), or Invalid."""
    if spec.type == "file":
        return _file(given)
    if spec.type == "choice":
        return _choice(spec, given)
    if isinstance(given, OtherInput | FileInput):
        return Invalid("text_expected")
    if not isinstance(given, TextInput):
        return Invalid("text_expected")
    text = given.text.strip()
    if not text:
        return Invalid("empty")
    if spec.type == "number":
        return _number(spec, text)
    if spec.type == "date":
        return _date(text, today)
    limit = text_limit(spec)
    if len(text) > limit:
        return Invalid("too_long", {"limit": limit, "length": len(text)})
    return {"value": text, "display": text}


def _file(given: FormInput) -> dict[str, Any] | Invalid:
    if isinstance(given, FileInput):
        return {"value": given.file_id, "display": given.name or given.kind,
                "file_id": given.file_id, "file_kind": given.kind}
    return Invalid("file_expected")


def _choice(spec: FormField, given: FormInput) -> dict[str, Any] | Invalid:
    if isinstance(given, ChoiceInput) and given.value.isdigit():
        index = int(given.value)
        if index < len(spec.options):
            # stored in the organisation's language (what /find searches and export
            # writes); shown in each reader's language (bot.render.localized_answers)
            return {"value": str(spec.options[index]), "display": str(spec.options[index])}
    if isinstance(given, TextInput):  # typing the option's name works as well as pressing it
        typed = given.text.strip().casefold()
        for option in spec.options:
            if any(text.casefold() == typed for text in option.variants()):
                return {"value": str(option), "display": str(option)}
    return Invalid("choose_option")


def parse_number(text: str) -> float | None:
    """``1500``, ``1 500``, ``12,5`` (a decimal comma) and ``1,500.50`` (grouped thousands)."""
    cleaned = _SPACES.sub("", text)
    if _GROUPED.match(cleaned):
        cleaned = cleaned.replace(",", "")
    cleaned = cleaned.replace(",", ".")
    try:
        number = float(cleaned)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def format_number(number: float) -> str:
    return str(int(number)) if number.is_integer() and abs(number) < 1e15 else f"{number:g}"


def _number(spec: FormField, text: str) -> dict[str, Any] | Invalid:
    number = parse_number(text)
    if number is None:
        return Invalid("not_number")
    if spec.min is not None and number < spec.min:
        return Invalid("number_min", {"min": format_number(spec.min)})
    if spec.max is not None and number > spec.max:
        return Invalid("number_max", {"max": format_number(spec.max)})
    return {"value": number, "display": format_number(number)}


def parse_date(text: str) -> date | None:
    iso, dotted = _ISO.match(text), _DOTTED.match(text)
    try:
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        if dotted:
            return date(int(dotted[3]), int(dotted[2]), int(dotted[1]))
    except ValueError:
        return None
    return None


def _date(text: str, today: date) -> dict[str, Any] | Invalid:
    parsed = parse_date(text)
    if parsed is None:
        return Invalid("bad_date")
    if parsed < today:
        return Invalid("past_date")
    return {"value": parsed.isoformat(), "display": parsed.strftime("%d.%m.%Y")}


def date_answer(answer: dict[str, Any] | None) -> date | None:
    if not answer or not isinstance(answer.get("value"), str):
        return None
    try:
        return datetime.strptime(answer["value"], "%Y-%m-%d").date()
    except ValueError:
        return None
