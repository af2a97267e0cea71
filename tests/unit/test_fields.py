"""One answer for one field type: what is accepted, how it is stored, and which error is given."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.forms.fields import (
    TEXT_DEFAULT_MAX,
    Invalid,
    date_answer,
    parse_date,
    parse_number,
    text_limit,
    validate,
)
from bot.forms.inputs import ChoiceInput, FileInput, OtherInput, SkipInput, TextInput
from core.org import FormField

TODAY = date(2026, 11, 23)


def spec(**values: Any) -> FormField:
    values.setdefault("key", "f")
    values.setdefault("label", "Question?")
    return FormField(**values)


TEXT = spec(type="text", max_length=10)
TEXT_DEFAULT = spec(type="text")
NUMBER = spec(type="number")
COPIES = spec(type="number", min=1, max=10)
AMOUNT = spec(type="number", min=0.01)
DATE = spec(type="date")
CHOICE = spec(type="choice", options=["Read", "Write", "Admin"])
FILE = spec(type="file")


# ------------------------------------------------------------------ text


def test_text_is_stripped() -> None:
    assert validate(TEXT, TextInput("  1C  \n"), TODAY) == {"value": "1C", "display": "1C"}


@pytest.mark.parametrize("text", ["", "   ", "\n\t", "\u00a0 "])
def test_empty_text(text: str) -> None:
    assert validate(TEXT, TextInput(text), TODAY) == Invalid("empty")


def test_text_at_the_limit_is_accepted() -> None:
    assert validate(TEXT, TextInput("x" * 10), TODAY) == {"value": "x" * 10, "display": "x" * 10}


def test_text_over_the_limit_names_the_limit() -> None:
    result = validate(TEXT, TextInput("x" * 11), TODAY)
    assert result == Invalid("too_long", {"limit": 10, "length": 11})


def test_text_default_limit_is_1000() -> None:
    assert TEXT_DEFAULT_MAX == 1000 and text_limit(TEXT_DEFAULT) == 1000
    assert not isinstance(validate(TEXT_DEFAULT, TextInput("y" * 1000), TODAY), Invalid)
    assert validate(TEXT_DEFAULT, TextInput("y" * 1001), TODAY) == Invalid(
        "too_long", {"limit": 1000, "length": 1001})


def test_text_is_kept_as_typed_with_html() -> None:
    typed = "<b>bold</b> & <script>"
    assert validate(TEXT_DEFAULT, TextInput(typed), TODAY) == {"value": typed, "display": typed}


@pytest.mark.parametrize("given", [
    OtherInput("sticker"), OtherInput("voice"), OtherInput("location"),
    FileInput("file-1", "photo"), FileInput("file-2", "document", "a.pdf"),
    ChoiceInput("0"), SkipInput(),
])
@pytest.mark.parametrize("field", [TEXT, NUMBER, DATE], ids=["text", "number", "date"])
def test_text_expected_for_anything_but_text(field: FormField, given: Any) -> None:
    assert validate(field, given, TODAY) == Invalid("text_expected")


# ------------------------------------------------------------------ number


@pytest.mark.parametrize(("typed", "value", "display"), [
    ("1 500,50", 1500.5, "1500.5"),
    ("1500", 1500.0, "1500"),
    ("12.5", 12.5, "12.5"),
    ("0,5", 0.5, "0.5"),
    ("1\u00a0000", 1000.0, "1000"),
    ("1\u202f000", 1000.0, "1000"),
    ("1'000", 1000.0, "1000"),
    ("  -3 ", -3.0, "-3"),
])
def test_numbers_people_type(typed: str, value: float, display: str) -> None:
    assert validate(NUMBER, TextInput(typed), TODAY) == {"value": value, "display": display}


@pytest.mark.parametrize("typed", ["abc", "nan", "NaN", "inf", "-inf", "Infinity", "1e999",
                                   "1.2.3", "12 apples", "½"])
def test_not_a_number(typed: str) -> None:
    assert validate(NUMBER, TextInput(typed), TODAY) == Invalid("not_number")


def test_parse_number_never_gives_nan_or_inf() -> None:
    assert parse_number("nan") is None and parse_number("inf") is None
    assert parse_number("1 500,50") == 1500.5


def test_number_below_min() -> None:
    assert validate(COPIES, TextInput("0"), TODAY) == Invalid("number_min", {"min": "1"})
    assert validate(AMOUNT, TextInput("0"), TODAY) == Invalid("number_min", {"min": "0.01"})


def test_number_above_max() -> None:
    assert validate(COPIES, TextInput("11"), TODAY) == Invalid("number_max", {"max": "10"})


def test_number_at_the_bounds_is_accepted() -> None:
    assert validate(COPIES, TextInput("1"), TODAY) == {"value": 1.0, "display": "1"}
    assert validate(COPIES, TextInput("10"), TODAY) == {"value": 10.0, "display": "10"}
    assert validate(AMOUNT, TextInput("0,01"), TODAY) == {"value": 0.01, "display": "0.01"}


def test_empty_number() -> None:
    assert validate(NUMBER, TextInput("  "), TODAY) == Invalid("empty")


# ------------------------------------------------------------------ date


@pytest.mark.parametrize("typed", ["2026-12-31", "31.12.2026", "31/12/2026", "2026-12-31 "])
def test_dates_accepted(typed: str) -> None:
    assert validate(DATE, TextInput(typed), TODAY) == {"value": "2026-12-31",
                                                      "display": "31.12.2026"}


def test_short_day_and_month() -> None:
    assert validate(DATE, TextInput("5.1.2027"), TODAY) == {"value": "2027-01-05",
                                                            "display": "05.01.2027"}


@pytest.mark.parametrize("typed", ["31.02.2026", "2026-02-30", "tomorrow", "завтра", "12/31",
                                   "32.12.2026", "2026-13-01", "0000-01-01", "31.12.26"])
def test_bad_dates(typed: str) -> None:
    assert validate(DATE, TextInput(typed), TODAY) == Invalid("bad_date")


def test_yesterday_is_past() -> None:
    assert validate(DATE, TextInput("22.11.2026"), TODAY) == Invalid("past_date")
    assert validate(DATE, TextInput("2025-12-31"), TODAY) == Invalid("past_date")


def test_today_is_accepted() -> None:
    assert validate(DATE, TextInput("23.11.2026"), TODAY) == {"value": "2026-11-23",
                                                             "display": "23.11.2026"}


def test_parse_date_and_date_answer() -> None:
    assert parse_date("29.02.2028") == date(2028, 2, 29)
    assert parse_date("29.02.2027") is None
    assert date_answer({"value": "2026-12-31", "display": "31.12.2026"}) == date(2026, 12, 31)
    assert date_answer(None) is None
    assert date_answer({"value": None}) is None
    assert date_answer({"value": "garbage"}) is None


# ------------------------------------------------------------------ choice


@pytest.mark.parametrize(("index", "option"), [("0", "Read"), ("1", "Write"), ("2", "Admin")])
def test_choice_by_button(index: str, option: str) -> None:
    assert validate(CHOICE, ChoiceInput(index), TODAY) == {"value": option, "display": option}


@pytest.mark.parametrize("typed", ["write", "WRITE", "  Write "])
def test_choice_typed_ignores_case(typed: str) -> None:
    assert validate(CHOICE, TextInput(typed), TODAY) == {"value": "Write", "display": "Write"}


@pytest.mark.parametrize("given", [ChoiceInput("3"), ChoiceInput("99"), ChoiceInput("-1"),
                                   ChoiceInput("x"), ChoiceInput(""), TextInput("Writ"),
                                   TextInput("1"), OtherInput("sticker"),
                                   FileInput("f", "photo")])
def test_choice_refuses_the_rest(given: Any) -> None:
    assert validate(CHOICE, given, TODAY) == Invalid("choose_option")


# ------------------------------------------------------------------ file


def test_photo_accepted() -> None:
    assert validate(FILE, FileInput("AgAD1", "photo"), TODAY) == {
        "value": "AgAD1", "display": "photo", "file_id": "AgAD1", "file_kind": "photo"}


def test_document_accepted_with_its_name() -> None:
    assert validate(FILE, FileInput("BQAD2", "document", "invoice.pdf"), TODAY) == {
        "value": "BQAD2", "display": "invoice.pdf", "file_id": "BQAD2",
        "file_kind": "document"}


@pytest.mark.parametrize("given", [TextInput("here it is"), OtherInput("sticker"),
                                   OtherInput("voice"), ChoiceInput("0")])
def test_file_expected(given: Any) -> None:
    assert validate(FILE, given, TODAY) == Invalid("file_expected")


@pytest.mark.parametrize(("typed", "number"), [
    ("1,500", 1500.0), ("1,500.50", 1500.5), ("12,5", 12.5), ("1,50", 1.5),
    ("1 500,50", 1500.5), ("-2,000", -2000.0),
])
def test_grouped_thousands_and_decimal_commas(typed: str, number: float) -> None:
    from bot.forms.fields import parse_number

    assert parse_number(typed) == number
