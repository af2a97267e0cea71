"""The locale files (bot/locales/*.ftl): same keys and variables in every language, every key the
code uses exists, filled values are escaped, and the texts are valid Telegram HTML in every
variant."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from bot.app import GROUP_COMMANDS, PRIVATE_COMMANDS
from bot.i18n import LANGUAGES, Html, catalog, pick_language, plain, t, variables
from core.lifecycle import Action, Status
from emulator import parse_html

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(p for d in ("bot", "core", "db") for p in (ROOT / d).rglob("*.py")
                 if "migrations" not in p.parts)
LOCALE_KEY = re.compile(r"^[a-z_]+(\.[a-z_0-9]+)+$")


def placeholders(key: str, language: str = "en") -> set[str]:
    """The ``$variables`` a text uses, in any of its variants."""
    return variables(language, key)


def trees() -> list[tuple[Path, ast.Module]]:
    return [(path, ast.parse(path.read_text(encoding="utf-8"))) for path in SOURCES]


def text_calls() -> list[tuple[str, ast.Call]]:
    """Every ``t(lang, key, …)``, ``plain(lang, key, …)`` and ``toast(…)`` in the code."""
    calls = []
    for path, tree in trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                    and node.func.id in ("t", "plain", "toast") and len(node.args) >= 2:
                calls.append((f"{path.relative_to(ROOT)}:{node.lineno}", node))
    return calls


def constant_keys(node: ast.expr) -> list[str] | None:
    """The key(s) a constant or ``a if c else b`` of constants names; None otherwise."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        body, orelse = constant_keys(node.body), constant_keys(node.orelse)
        if body is not None and orelse is not None:
            return body + orelse
    return None


def family_of(node: ast.expr) -> str | None:
    """``"status."`` for ``f"status.{…}"``."""
    if isinstance(node, ast.JoinedStr) and node.values \
            and isinstance(node.values[0], ast.Constant) and len(node.values) == 2:
        return str(node.values[0].value)
    return None


def invalid_keys() -> dict[str, set[str]]:
    """Every ``Invalid("key", {…})`` the form code makes, with the names of its values."""
    found: dict[str, set[str]] = {}
    for path in (ROOT / "bot" / "forms").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                    and node.func.id == "Invalid":
                key = node.args[0]
                assert isinstance(key, ast.Constant), ast.unparse(node)
                names: set[str] = set()
                if len(node.args) > 1 and isinstance(node.args[1], ast.Dict):
                    names = {k.value for k in node.args[1].keys if isinstance(k, ast.Constant)}
                found.setdefault(str(key.value), set()).update(names)
    return found


FAMILIES: dict[str, set[str]] = {
    "status.": {s.value for s in Status},
    "priority.": {"normal", "urgent"},
    "did.": {a.value for a in Action} | {"created"},  # kinds of events with a to_status
    # /show's timeline: every kind of event written (core.workflow, core.intake, core.sweep)
    "show.did.": {a.value for a in Action} | {"created", "rated", "commented", "message"},
    "show.": {"take_by", "done_by"},  # the clocks of core.lookup.deadlines
    "form.error.": set(invalid_keys()),
    "form.hint_": {"date", "choice", "file"},  # text and number have their own hints
    "commands.": set(PRIVATE_COMMANDS) | set(GROUP_COMMANDS),
    # the demo's labels
    "button.": {"take", "done", "submit", "accept", "urgent", "pick_people"},
    # what core.away answers to /away and /back
    "away.": {"not_executor", "bad_dates", "end_before_start", "past", "unknown_deputy",
              "self_deputy", "saved", "to_queue", "to_deputy", "back", "not_away",
              "deputy_elsewhere"},
    # digest lines: "stuck", or an alert kind and its clock (core/alerts.py, core/sweep.py)
    "line.": {"stuck"} | {f"{kind}_{clock}" for kind in ("remind", "breach", "escalate")
                          for clock in ("response", "resolve")},
}
# notify(…, alert.kind, …) in core/sweep.py: the alerts the requester is told about directly
ALERT_TEMPLATES = {"rate_ask", "rate_remind"}
# rendered by their own functions, not one key: bot.render.digest from its lines,
# bot.render.submitted_text from form.submitted (and form.submitted_*)
SPECIAL_TEMPLATES = {"digest", "submitted", "weekly"}


# ------------------------------------------------------------------ the files agree


def test_the_six_languages() -> None:
    assert LANGUAGES == ("en", "ru", "uk", "pl", "ro", "lv")
    assert {p.stem for p in (ROOT / "bot" / "locales").iterdir()} == set(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES[1:])
def test_languages_have_the_same_keys(language: str) -> None:
    en, other = set(catalog("en")), set(catalog(language))
    assert en - other == set(), f"missing in {language}.ftl"
    assert other - en == set(), "missing in en.ftl"


@pytest.mark.parametrize("language", LANGUAGES[1:])
def test_same_placeholders_in_every_language(language: str) -> None:
    differ = {key: placeholders(key, language) ^ placeholders(key)
              for key in catalog("en") if placeholders(key, language) != placeholders(key)}
    assert differ == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_empty_texts(language: str) -> None:
    assert [k for k, v in catalog(language).items() if not v.strip()] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_text_is_valid_telegram_html_when_filled(language: str) -> None:
    bad = {}
    for key in catalog(language):
        for value in ("<x> & y", 0, 1, 2, 5, 21):  # numbers pick each plural variant
            filled = t(language, key, **{name: value for name in placeholders(key, language)})
            try:
                parse_html(filled)
            except ValueError as exc:
                bad[f"{key} ({value})"] = str(exc)
    assert bad == {}


# ------------------------------------------------------------------ the code's keys exist


def test_every_constant_key_in_the_code_exists() -> None:
    texts = catalog("en")
    missing = []
    for where, call in text_calls():
        for key in constant_keys(call.args[1]) or []:
            if key not in texts:
                missing.append(f"{where}: {key}")
    assert missing == []


def test_every_key_like_string_in_the_code_exists() -> None:
    """Keys kept in tables and variables (TOASTS, PROMPTS, ``key = "…"``) exist too."""
    texts = catalog("en")
    sections = {key.split(".")[0] for key in texts}
    missing = []
    for path, tree in trees():
        fragments = {id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr)
                     for part in node.values}  # pieces of f-strings are families, not keys
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and id(node) not in fragments and LOCALE_KEY.match(node.value) \
                    and node.value.split(".")[0] in sections and node.value not in texts:
                missing.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value}")
    assert missing == []


def test_every_f_string_key_family_is_known_and_complete() -> None:
    texts = catalog("en")
    unknown, missing = [], []
    for where, call in text_calls():
        key = call.args[1]
        if constant_keys(key) is not None or not isinstance(key, ast.JoinedStr):
            continue
        family = family_of(key)
        if family not in FAMILIES:
            unknown.append(f"{where}: {ast.unparse(key)}")
            continue
        missing += [f"{where}: {family}{m}" for m in FAMILIES[family]
                    if f"{family}{m}" not in texts]
    assert unknown == [], "a new family of keys: add it to FAMILIES"
    assert missing == []


def test_the_families_are_not_empty() -> None:
    assert FAMILIES["form.error."] >= {"text_expected", "empty", "too_long", "not_number",
                                       "bad_date", "past_date", "choose_option",
                                       "file_expected", "cannot_skip", "use_buttons"}
    assert "waiting" in FAMILIES["status."] and "auto_close" in FAMILIES["did."]


def test_form_errors_get_the_values_they_show() -> None:
    for key, names in invalid_keys().items():
        assert placeholders(f"form.error.{key}") <= names, key


def _keywords(call: ast.Call) -> set[str] | None:
    if any(k.arg is None for k in call.keywords):
        return None  # **values: checked elsewhere
    return {k.arg for k in call.keywords if k.arg is not None}


def test_constant_key_calls_pass_every_placeholder() -> None:
    """A missing value would be a KeyError in the middle of a handler."""
    texts = catalog("en")
    short = []
    for where, call in text_calls():
        given = _keywords(call)
        if given is None:
            continue
        for key in constant_keys(call.args[1]) or []:
            if key in texts and not placeholders(key) <= given:
                short.append(f"{where}: {key} needs {sorted(placeholders(key) - given)}")
    assert short == []


def _notice_templates() -> dict[str, set[str]]:
    """Templates named by notify()/notify_group() and outbox payloads, with their args."""
    found: dict[str, set[str]] = {}
    for _path, tree in trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                    and node.func.id == "_tell":
                # core.workflow: the requester's notice and its watchers' twin
                template = node.args[1]
                assert isinstance(template, ast.Constant), ast.unparse(node)
                args = {k.arg for k in node.keywords if k.arg} - {"keyboard", "watch"}
                # the watchers' twin: watch_<template>, or the one named by watch=
                watch = next((k.value for k in node.keywords if k.arg == "watch"), None)
                if watch is not None:
                    assert isinstance(watch, ast.Constant), ast.unparse(node)
                twin = watch.value if watch is not None else f"watch_{template.value}"
                for name in (template.value, twin):
                    found.setdefault(str(name), set()).update(args)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                    and node.func.id in ("notify", "notify_group"):
                template = node.args[3]  # (session, now, user or department, template…)
                args = {k.arg for k in node.keywords if k.arg} - {"keyboard"}
                names = ([template.value] if isinstance(template, ast.Constant)
                         else sorted(ALERT_TEMPLATES))  # notify(…, alert.kind, …)
                for name in names:
                    found.setdefault(str(name), set()).update(args)
            if isinstance(node, ast.Dict):
                keys = [k.value if isinstance(k, ast.Constant) else None for k in node.keys]
                if "template" in keys:
                    template = node.values[keys.index("template")]
                    args_node = node.values[keys.index("args")] if "args" in keys else None
                    if isinstance(template, ast.Constant):
                        args = ({k.value for k in args_node.keys if isinstance(k, ast.Constant)}
                                if isinstance(args_node, ast.Dict) else set())
                        found.setdefault(str(template.value), set()).update(args)
    return found


def test_every_notice_template_exists_and_gets_its_values() -> None:
    templates = _notice_templates()
    assert {"taken", "done", "rejected", "unbound", "delayed", "unreachable"} <= set(templates)
    texts = catalog("en")
    for template, args in templates.items():
        if template in SPECIAL_TEMPLATES:
            continue
        key = f"notice.{template}"
        assert key in texts, key
        # the sender adds id, type, key and department, and actor for actor_id
        given = args | {"id", "type", "key", "department"}
        if "actor_id" in args:
            given.add("actor")
        assert placeholders(key) <= given, (key, placeholders(key) - given)


# ------------------------------------------------------------------ filling and picking


def test_values_are_escaped() -> None:
    text = t("en", "card.title", id=1, type="<b>&")
    assert isinstance(text, Html)
    assert "&lt;b&gt;&amp;" in text
    assert "<b>#1</b>" in text  # the template's own markup stays
    assert parse_html(text)[0] == "#1 · <b>&"


def test_html_values_are_not_escaped_twice() -> None:
    inner = t("en", "priority.urgent")
    assert t("en", "card.priority", priority=inner) == "Priority: 🔥 urgent"
    assert t("en", "card.priority", priority=Html("<i>x</i>")) == "Priority: <i>x</i>"


def test_plain_does_not_escape() -> None:
    assert plain("en", "press.took", id="<1>") == "You took #<1>."


def test_russian_texts_differ_from_english() -> None:
    assert t("ru", "button.skip") != t("en", "button.skip")
    assert t("ru", "form.choose_department") != t("en", "form.choose_department")


@pytest.mark.parametrize(("code", "expected"), [
    ("ru", "ru"), ("ru-RU", "ru"), ("RU", "ru"), ("en", "en"), ("en-GB", "en"),
    ("de", "ru"), ("uk", "uk"), ("uk-UA", "uk"), ("pl", "pl"), ("ro-RO", "ro"), ("lv", "lv"),
    ("be", "ru"), ("", "ru"), (None, "ru"),
])
def test_pick_language(code: str | None, expected: str) -> None:
    assert pick_language(code, "ru") == expected


def test_pick_language_falls_back_to_english_org() -> None:
    assert pick_language("fr-FR", "en") == "en"
    assert pick_language("ru-RU", "en") == "ru"
