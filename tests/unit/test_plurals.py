"""Plural forms, dates and lengths in the six languages: every text that shows a count chooses
its words by the language's CLDR plural rule, every variant renders for counts covering every
category, dates are written the language's way, and nothing passes Telegram's limits when the
names are as long as they may be."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from babel import Locale
from fluent.syntax import ast
from fluent.syntax.visitor import Visitor

from bot.i18n import (
    LANGUAGES,
    TOAST_LIMIT,
    Html,
    catalog,
    clock_time,
    day,
    day_month,
    key_of,
    moment,
    plain,
    resource,
    t,
    toast,
    variables,
)
from bot.render import TEXT_LIMIT
from emulator import parse_html
from emulator.html import utf16_len

# counts reaching every CLDR category of the six languages: lv's zero (0, 11, 20), ru/uk/pl's
# few (2-4, 22) and many (5, 11-14, 25, 111), ro's few (0, 2-19, 101-119) and "de" (20, 120)
COUNTS = (0, 1, 2, 3, 4, 5, 10, 11, 12, 14, 19, 20, 21, 22, 25, 100, 101, 102, 111, 112, 120,
          1000, 1001)
# the texts whose words change with a number they show
PLURALS = {
    "card.cut", "form.error.too_long", "form.hint_text", "form.watchers",
    "notice.bound_requests", "picker.away", "picker.choice", "queue.title", "relay.too_late",
    "review.rated", "show.days_late", "show.days_left", "show.earlier_messages",
    "stats.chart_title", "stats.export_caption", "stats.export_empty", "stats.flows_title",
    "stats.ratings", "stats.title", "weekly.csat_value",
}
EN_INVARIANT = {"picker.away", "picker.choice", "queue.title"}  # "3 open": no noun to agree
# numbers shown as a figure after a label ("Reassigned: 3"), or the number itself is the noun
FIGURES = {"bind.posted", "list.more", "stats.flow", "stats.reassigns", "stats.stuck",
           "form.hint_number_max", "form.hint_number_range", "form.error.number_max",
           "stats.approvals", "weekly.breached", "weekly.stuck", "weekly.load_line"}
COUNT_NAMES = {"count", "days", "minutes", "limit", "length", "max"}


class _Selects(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[ast.SelectExpression] = []

    def visit_SelectExpression(self, node: ast.SelectExpression) -> None:
        self.found.append(node)
        self.generic_visit(node)


def selects(language: str) -> dict[str, list[ast.SelectExpression]]:
    """Every text with a select expression, by key."""
    found: dict[str, list[ast.SelectExpression]] = {}
    for entry in resource(language).body:
        if isinstance(entry, ast.Message):
            visitor = _Selects()
            visitor.visit(entry)
            if visitor.found:
                found[key_of(entry.id.name)] = visitor.found
    return found


def categories(language: str) -> set[str]:
    return set(Locale.parse(language).plural_form.tags) | {"other"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_texts_with_counts_choose_their_words(language: str) -> None:
    chosen = set(selects(language))
    expected = PLURALS - (EN_INVARIANT if language == "en" else set())
    assert expected - chosen == set(), "no plural forms"


def test_every_text_showing_a_count_was_considered() -> None:
    """A new text with {count}, {days}… gets plural forms, or is listed as a bare figure."""
    counted = {key for key in catalog("en") if variables("en", key) & COUNT_NAMES}
    assert counted - PLURALS - FIGURES == set()


@pytest.mark.parametrize("language", LANGUAGES)
def test_variants_are_the_languages_categories(language: str) -> None:
    """A variant named for a category the language lacks ([few] in English) never shows."""
    wrong = {}
    for key, expressions in selects(language).items():
        for expression in expressions:
            assert isinstance(expression.selector, ast.VariableReference), key
            names = {v.key.name for v in expression.variants
                     if isinstance(v.key, ast.Identifier)}
            if names - categories(language):
                wrong[key] = names - categories(language)
            assert next(v for v in expression.variants if v.default).key.name == "other", key
    assert wrong == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_plural_form_renders(language: str) -> None:
    for key in selects(language):
        names = variables(language, key)
        seen = set()
        for count in COUNTS:
            values: dict[str, object] = {name: "x" for name in names}
            values.update({name: count for name in names & COUNT_NAMES})
            text = t(language, key, **values)
            assert str(count) in text or count == 1, (key, count, text)  # "last day"
            assert "{" not in text and "$" not in text, (key, count, text)
            parse_html(text)
            seen.add(text)
        assert len(seen) > 1, key


@pytest.mark.parametrize(("language", "key", "count", "expected"), [
    ("en", "show.days_late", 1, " · ⚠️ 1 day late"),
    ("en", "show.days_late", 2, " · ⚠️ 2 days late"),
    ("en", "show.days_late", 21, " · ⚠️ 21 days late"),
    ("en", "show.earlier_messages", 1,
     "… 1 earlier message between the requester and the department is in the chats"),
    ("ru", "show.days_late", 1, " · ⚠️ просрочено на 1 день"),
    ("ru", "show.days_late", 3, " · ⚠️ просрочено на 3 дня"),
    ("ru", "show.days_late", 5, " · ⚠️ просрочено на 5 дней"),
    ("ru", "show.days_late", 11, " · ⚠️ просрочено на 11 дней"),
    ("ru", "show.days_late", 21, " · ⚠️ просрочено на 21 день"),
    ("ru", "show.days_late", 22, " · ⚠️ просрочено на 22 дня"),
    ("ru", "show.days_late", 111, " · ⚠️ просрочено на 111 дней"),
    ("ru", "card.cut", 1, "… [обрезано, ещё 1 символ]"),
    ("ru", "card.cut", 24, "… [обрезано, ещё 24 символа]"),
    ("ru", "card.cut", 1000, "… [обрезано, ещё 1000 символов]"),
    ("uk", "show.days_late", 1, " · ⚠️ прострочено на 1 день"),
    ("uk", "show.days_late", 2, " · ⚠️ прострочено на 2 дні"),
    ("uk", "show.days_late", 5, " · ⚠️ прострочено на 5 днів"),
    ("uk", "show.days_late", 12, " · ⚠️ прострочено на 12 днів"),
    ("uk", "show.days_late", 21, " · ⚠️ прострочено на 21 день"),
    ("uk", "show.days_late", 22, " · ⚠️ прострочено на 22 дні"),
    ("pl", "card.cut", 1, "… [skrócono, brakuje 1 znaku]"),
    ("pl", "form.error.too_long", 1, "To 1 znak, a limit"),
    ("pl", "form.error.too_long", 2, "To 2 znaki, a limit"),
    ("pl", "form.error.too_long", 5, "To 5 znaków, a limit"),
    ("pl", "form.error.too_long", 12, "To 12 znaków, a limit"),
    ("pl", "form.error.too_long", 22, "To 22 znaki, a limit"),
    ("pl", "form.error.too_long", 25, "To 25 znaków, a limit"),
    ("pl", "form.error.too_long", 112, "To 112 znaków, a limit"),
    ("ro", "show.days_late", 1, " · ⚠️ 1 zi întârziere"),
    ("ro", "show.days_late", 2, " · ⚠️ 2 zile întârziere"),
    ("ro", "show.days_late", 19, " · ⚠️ 19 zile întârziere"),
    ("ro", "show.days_late", 20, " · ⚠️ 20 de zile întârziere"),
    ("ro", "show.days_late", 101, " · ⚠️ 101 zile întârziere"),
    ("ro", "show.days_late", 120, " · ⚠️ 120 de zile întârziere"),
    ("lv", "form.error.too_long", 0, "Tās ir 0 rakstzīmju"),
    ("lv", "form.error.too_long", 1, "Tās ir 1 rakstzīme"),
    ("lv", "form.error.too_long", 2, "Tās ir 2 rakstzīmes"),
    ("lv", "form.error.too_long", 11, "Tās ir 11 rakstzīmju"),
    ("lv", "form.error.too_long", 21, "Tās ir 21 rakstzīme"),
    ("lv", "form.error.too_long", 22, "Tās ir 22 rakstzīmes"),
])
def test_plural_forms_read_right(language: str, key: str, count: int, expected: str) -> None:
    values: dict[str, object] = {name: count for name in variables(language, key)}
    assert t(language, key, **values).startswith(expected)


def test_numbers_are_not_grouped() -> None:
    """A request number stays #12345 in every language (no "12,345" or "12 345")."""
    for language in LANGUAGES:
        assert t(language, "card.title", id=12345, type="x").startswith("<b>#12345</b>")


@pytest.mark.parametrize(("language", "when", "on"), [
    ("en", "01.12 09:05", "01.12.2026"),
    ("ru", "01.12 09:05", "01.12.2026"),
    ("uk", "01.12 09:05", "01.12.2026"),
    ("pl", "1.12 09:05", "1.12.2026"),
    ("ro", "01.12 09:05", "01.12.2026"),
    ("lv", "01.12. 09:05", "1.12.2026."),
])
def test_dates_in_each_languages_way(language: str, when: str, on: str) -> None:
    at = datetime(2026, 12, 1, 9, 5)
    assert moment(language, at) == when
    assert day(language, date(2026, 12, 1)) == on
    assert clock_time(language, at) == "09:05"
    assert day_month(language, date(2026, 12, 1)) == when.split(" ")[0]
    # a date given to a text is written the same way
    assert on in t(language, "away.saved", starts=date(2026, 12, 1), ends=date(2026, 12, 1))


# ------------------------------------------------------------------ Telegram's limits

NAME = "Tom & <Jerry> " + "😀" * 50 + " " + "&<" + "🙂" * 62  # first and last name, 64 each
LONG = "<Access> & «rights» 😀 " * 14  # 300 characters: a field label's most


def longest(key: str, language: str) -> dict[str, object]:
    values: dict[str, object] = {}
    for name in variables(language, key):
        if name in COUNT_NAMES or name in ("id", "number", "total", "first", "last", "score"):
            values[name] = 1_000_000  # numbers: the longest a week of requests will reach
        elif name in ("actor", "author", "name", "requester", "person", "assignee", "deputy"):
            values[name] = NAME
        else:
            values[name] = LONG
    return values


@pytest.mark.parametrize("language", LANGUAGES)
def test_toasts_fit_with_the_longest_names(language: str) -> None:
    """Callback answers are cut visibly at 200; without the names each leaves room for one."""
    for key in (k for k in catalog(language) if k.startswith("press.")):
        values = longest(key, language)
        assert utf16_len(toast(language, key, **values)) <= TOAST_LIMIT, key
        bare = plain(language, key, **{k: "N" for k in values})
        assert utf16_len(bare) <= TOAST_LIMIT - 40, (key, bare)  # room for a name


@pytest.mark.parametrize("language", LANGUAGES)
def test_messages_fit_with_long_values(language: str) -> None:
    """Every text, filled with the longest names and labels, stays within 4,096 characters as
    Telegram counts them (after parsing the HTML)."""
    over = {}
    for key in catalog(language):
        text = t(language, key, **longest(key, language))
        shown, _ = parse_html(text)
        if utf16_len(shown) > TEXT_LIMIT:
            over[key] = utf16_len(shown)
    assert over == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_commands_fit_telegrams_menu(language: str) -> None:
    """setMyCommands: a description of 1 to 256 characters."""
    for key in (k for k in catalog(language) if k.startswith("commands.")):
        assert 1 <= len(plain(language, key)) <= 256, key


@pytest.mark.parametrize("language", LANGUAGES)
def test_buttons_stay_short(language: str) -> None:
    """Button labels are read on a phone beside one another: at most 32 characters."""
    for key in (k for k in catalog(language) if k.startswith("button.")):
        label = plain(language, key, value="x")
        assert len(label) <= 32, (key, label)


def test_a_whole_telegram_message_fits_in_one_value() -> None:
    """A relayed text of 4,096 characters, longer still once escaped, goes in whole."""
    text = "<tags> & " * 455
    filled = t("en", "notice.relay_to_group", id=1, author="Rita", text=text)
    assert parse_html(filled)[0].endswith(text.rstrip())


def test_html_values_stay_html_in_every_language() -> None:
    for language in LANGUAGES:
        text = t(language, "card.priority", priority=Html("<i>x</i>"))
        assert "<i>x</i>" in text
