"""The organisation file (SPEC §2): the example loads, and every mistake is one line naming it."""

from __future__ import annotations

import copy
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from core.durations import Duration
from core.org import OrgConfig, OrgError, load_org, parse_org

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "core" / "org.example.toml"


def example() -> dict[str, Any]:
    return tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))


def error_of(change: Callable[[dict[str, Any]], object]) -> str:
    data = copy.deepcopy(example())
    change(data)
    with pytest.raises(OrgError) as caught:
        parse_org(data)
    message = str(caught.value)
    assert "\n" not in message, message  # one line for the admin
    assert "Traceback" not in message
    return message


def rtype(data: dict[str, Any], dep: int = 0, typ: int = 0) -> dict[str, Any]:
    result: dict[str, Any] = data["departments"][dep]["request_types"][typ]
    return result


def field(data: dict[str, Any], dep: int = 0, typ: int = 0, index: int = 0) -> dict[str, Any]:
    result: dict[str, Any] = rtype(data, dep, typ)["fields"][index]
    return result


# ------------------------------------------------------------------ the example


def test_example_file_loads() -> None:
    org = load_org(EXAMPLE)
    assert isinstance(org, OrgConfig)
    assert [d.key for d in org.departments] == ["it", "hr", "finance"]
    assert [d.name for d in org.departments] == ["IT", "HR", "Finance"]
    assert org.organization.name == "Acme"
    assert org.organization.language == "ru"
    assert org.organization.timezone == "Europe/Moscow"
    assert org.is_admin(1001) and not org.is_admin(2001)


def test_example_field_types_and_settings() -> None:
    org = load_org(EXAMPLE)
    it = org.department("it")
    assert it is not None
    access = it.request_type("access")
    assert access is not None
    assert [(f.key, f.type, f.required) for f in access.fields] == [
        ("system", "text", True), ("level", "choice", True), ("deadline", "date", False)]
    assert access.fields[0].max_length == 200
    assert access.fields[1].options == ["Read", "Write", "Admin"]
    assert access.response == Duration(2, "h") and access.resolve == Duration(1, "d")
    assert access.urgent_factor == 0.5 and access.ask_priority is True

    hr = org.department("hr")
    assert hr is not None
    certificate = hr.request_type("certificate")
    assert certificate is not None
    assert certificate.ask_priority is False
    assert certificate.urgent_factor == 1.0  # the default
    copies = certificate.fields[1]
    assert (copies.type, copies.min, copies.max) == ("number", 1, 10)

    finance = org.department("finance")
    assert finance is not None
    invoice = finance.request_type("invoice")
    assert invoice is not None
    assert [f.type for f in invoice.fields] == ["text", "number", "file", "date"]
    every_type = {f.type for d in org.departments for t in d.request_types for f in t.fields}
    assert every_type == {"text", "number", "date", "choice", "file"}
    assert org.department("nope") is None and it.request_type("nope") is None


def test_defaults_when_sections_are_left_out() -> None:
    org = parse_org({
        "organization": {"name": "Tiny"},
        "departments": [{"key": "it", "name": "IT", "request_types": [
            {"key": "x", "name": "X", "response": "1h", "resolve": "1d"}]}],
    })
    assert org.organization.language == "en" and org.organization.timezone == "UTC"
    assert org.access.mode == "open"
    assert org.sla.remind_at == [0.75]
    assert org.calendar.hours == "09:00-18:00"


# ------------------------------------------------------------------ one line per mistake


def test_bad_duration_names_the_key() -> None:
    message = error_of(lambda d: rtype(d, 1, 0).__setitem__("resolve", "2x"))
    assert message.startswith("departments[1].request_types[0].resolve: ")
    assert "'2x' is not a duration" in message


@pytest.mark.parametrize("value", ["2x", "-1d", "h", "2 weeks", 5, ""])
def test_every_bad_duration_is_refused(value: object) -> None:
    message = error_of(lambda d: d["sla"].__setitem__("stale_after", value))
    assert message.startswith("sla.stale_after: ")
    assert "is not a duration" in message


def test_unknown_key_is_a_typo() -> None:
    message = error_of(lambda d: rtype(d).__setitem__("resolv", "2h"))
    assert message == "departments[0].request_types[0].resolv: unknown key (a typo?)"


def test_unknown_top_level_section() -> None:
    message = error_of(lambda d: d.__setitem__("calender", {}))
    assert message == "calender: unknown key (a typo?)"


def test_missing_department_name() -> None:
    message = error_of(lambda d: d["departments"][0].pop("name"))
    assert message == "departments[0].name: is required"


def test_missing_organization_section() -> None:
    assert error_of(lambda d: d.pop("organization")) == "organization: is required"


def test_missing_request_type_resolve() -> None:
    message = error_of(lambda d: rtype(d, 2, 1).pop("resolve"))
    assert message == "departments[2].request_types[1].resolve: is required"


def test_choice_without_options() -> None:
    message = error_of(lambda d: field(d, 0, 0, 1).pop("options"))
    assert message.startswith("departments[0].request_types[0].fields[1]: ")
    assert "choice field needs options" in message


def test_options_on_a_text_field() -> None:
    message = error_of(lambda d: field(d, 0, 0, 0).__setitem__("options", ["a", "b"]))
    assert message.startswith("departments[0].request_types[0].fields[0]: ")
    assert "options are only for choice fields" in message


def test_min_greater_than_max() -> None:
    message = error_of(lambda d: field(d, 1, 0, 1).update(min=5, max=2))
    assert message == "departments[1].request_types[0].fields[1]: min is greater than max"


def test_max_length_on_a_number_field() -> None:
    message = error_of(lambda d: field(d, 1, 0, 1).__setitem__("max_length", 5))
    assert "fields[1]" in message and "max_length" in message


def test_unknown_field_type() -> None:
    message = error_of(lambda d: field(d).__setitem__("type", "email"))
    assert message.startswith("departments[0].request_types[0].fields[0].type: ")


def test_repeated_field_key() -> None:
    message = error_of(lambda d: field(d, 0, 0, 1).__setitem__("key", "system"))
    assert message.startswith("departments[0].request_types[0].fields: ")
    assert "'system'" in message


def test_bad_language() -> None:
    message = error_of(lambda d: d["organization"].__setitem__("language", "de"))
    assert message.startswith("organization.language: ")
    assert "'ru'" in message and "'en'" in message


@pytest.mark.parametrize("language", ["en", "ru", "uk", "pl", "ro", "lv"])
def test_the_six_languages(language: str) -> None:
    data = example()
    data["organization"]["language"] = language
    assert parse_org(data).organization.language == language


@pytest.mark.parametrize("zone", ["Mars/Base", "", "../etc/passwd", "Europe/Moskow"])
def test_bad_timezone(zone: str) -> None:
    message = error_of(lambda d: d["organization"].__setitem__("timezone", zone))
    assert message == f"organization.timezone: {zone!r} is not a known time zone"


def test_bad_hours() -> None:
    message = error_of(lambda d: d["calendar"].__setitem__("hours", "9-18"))
    assert message == "calendar.hours: '9-18' is not HH:MM-HH:MM"


@pytest.mark.parametrize("hours", ["18:00-09:00", "25:00-26:00", "09:00-09:00", "09:60-18:00"])
def test_hours_that_are_not_a_day(hours: str) -> None:
    message = error_of(lambda d: d["calendar"].__setitem__("hours", hours))
    assert message.startswith(f"calendar.hours: {hours!r}")


def test_bad_weekday() -> None:
    message = error_of(lambda d: d["calendar"].__setitem__("workdays", ["mon", "funday"]))
    assert message.startswith("calendar.workdays: 'funday' is not a weekday")


def test_no_workdays() -> None:
    message = error_of(lambda d: d["calendar"].__setitem__("workdays", []))
    assert message.startswith("calendar.workdays: ")


def test_unknown_holiday_country() -> None:
    message = error_of(lambda d: d["calendar"].__setitem__("holidays", "XX"))
    assert message.startswith("calendar.holidays: ")
    assert "'XX'" in message


def test_bad_extra_holiday() -> None:
    message = error_of(lambda d: d["calendar"].__setitem__("extra_holidays", ["2026-13-01"]))
    assert message.startswith("calendar.extra_holidays[0]: ")


def test_allowlist_mode_without_allowlist() -> None:
    message = error_of(lambda d: d["access"].__setitem__("mode", "allowlist"))
    assert message.startswith("access: ")
    assert "allowlist" in message


def test_chat_members_mode_without_chat() -> None:
    message = error_of(lambda d: d["access"].__setitem__("mode", "chat_members"))
    assert message.startswith("access: ") and "members_chat_id" in message


def test_allowlist_mode_with_allowlist_loads() -> None:
    data = example()
    data["access"] = {"mode": "allowlist", "allowlist": [1001, 2001]}
    assert parse_org(data).access.allowlist == [1001, 2001]


def test_duplicate_department_key() -> None:
    message = error_of(lambda d: d["departments"][2].__setitem__("key", "it"))
    assert message == "departments: department key 'it' is used twice"


def test_duplicate_request_type_key() -> None:
    message = error_of(lambda d: rtype(d, 0, 1).__setitem__("key", "access"))
    assert message.startswith("departments[0].request_types: ") and "'access'" in message


@pytest.mark.parametrize("key", ["fin ance", "Finance", "финансы", "a" * 17, "", "a:b", "it\n"])
def test_department_key_must_be_short_lowercase(key: str) -> None:
    message = error_of(lambda d: d["departments"][2].__setitem__("key", key))
    assert message.startswith("departments[2].key: ")


@pytest.mark.parametrize("factor", [0, 2, -0.5])
def test_urgent_factor_out_of_range(factor: float) -> None:
    message = error_of(lambda d: rtype(d).__setitem__("urgent_factor", factor))
    assert message.startswith("departments[0].request_types[0].urgent_factor: ")


@pytest.mark.parametrize("fraction", [1.5, 1, 0, -0.1])
def test_remind_at_must_be_a_fraction(fraction: float) -> None:
    message = error_of(lambda d: d["sla"].__setitem__("remind_at", [0.5, fraction]))
    assert message.startswith("sla.remind_at[1]: ")


def test_no_departments() -> None:
    message = error_of(lambda d: d.__setitem__("departments", []))
    assert message.startswith("departments: ")


def test_department_without_request_types() -> None:
    message = error_of(lambda d: d["departments"][1].__setitem__("request_types", []))
    assert message.startswith("departments[1].request_types: ")


def test_several_problems_are_counted_on_one_line() -> None:
    def two(d: dict[str, Any]) -> None:
        d["calendar"]["hours"] = "9-18"
        d["organization"]["language"] = "de"

    message = error_of(two)
    assert message.endswith("(and 1 more problem)")


# ------------------------------------------------------------------ the file itself


def test_load_from_a_copied_file(tmp_path: Path) -> None:
    path = tmp_path / "org.toml"
    path.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    assert [d.key for d in load_org(path).departments] == ["it", "hr", "finance"]
    assert len(load_org(str(path)).departments) == 3  # a str path works as well


def test_bad_key_in_a_file(tmp_path: Path) -> None:
    path = tmp_path / "org.toml"
    text = EXAMPLE.read_text(encoding="utf-8").replace('resolve = "2d"', 'resolve = "2x"', 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(OrgError) as caught:
        load_org(path)
    # the first "2d" resolve is the hardware type of IT
    assert str(caught.value).startswith("departments[0].request_types[1].resolve: '2x'")


def test_not_toml(tmp_path: Path) -> None:
    path = tmp_path / "org.toml"
    path.write_text("[organization\nname = 'Acme'\n", encoding="utf-8")
    with pytest.raises(OrgError) as caught:
        load_org(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: not valid TOML")
    assert "\n" not in message


def test_yaml_is_not_toml(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text("organization:\n  name: Acme\n", encoding="utf-8")
    with pytest.raises(OrgError, match="not valid TOML"):
        load_org(path)


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.toml"
    with pytest.raises(OrgError) as caught:
        load_org(path)
    assert str(caught.value) == (
        f"{path}: file not found (set ORG_CONFIG or copy org.example.toml)")


def test_binary_file_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "org.toml"
    path.write_bytes(b"PK\x03\x04\xff\xfe binary, e.g. an .xlsx")
    with pytest.raises(OrgError) as caught:
        load_org(path)
    assert str(caught.value).startswith(str(path))


def test_directory_instead_of_file_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(OrgError) as caught:
        load_org(tmp_path)
    assert str(caught.value).startswith(str(tmp_path))


def test_a_zero_sla_is_refused() -> None:
    data = tomllib.loads((ROOT / "core" / "org.example.toml").read_text(encoding="utf-8"))
    data["departments"][0]["request_types"][0]["response"] = "0h"
    with pytest.raises(OrgError) as error:
        parse_org(data)
    assert str(error.value).startswith("departments[0].request_types[0].response: '0h'")


# ------------------------------------------------------------ names in several languages


def localized(change: Callable[[dict[str, Any]], object]) -> OrgConfig:
    data = copy.deepcopy(example())
    change(data)
    return parse_org(data)


def test_a_name_is_a_string_or_a_table_of_languages() -> None:
    def names(data: dict[str, Any]) -> None:
        data["organization"]["language"] = "ru"
        data["departments"][0]["name"] = {"en": "IT", "ru": "ИТ", "lv": "IT nodaļa"}
        data["departments"][1]["name"] = {"en": "People", "uk": "Люди"}  # no Russian

    org = localized(names)
    it, hr = org.departments[0].name, org.departments[1].name
    assert str(it) == "ИТ"  # what is stored: the organisation's language
    assert (it.in_("en"), it.in_("lv"), it.in_("pl"), it.in_(None)) == (
        "IT", "IT nodaļa", "ИТ", "ИТ")
    assert str(hr) == "People" and hr.in_("ru") == "People"  # else the first given
    finance = org.departments[2].name  # one string: the same for everyone
    assert finance.in_("en") == finance.in_("uk") == str(finance)
    assert copy.deepcopy(it).in_("en") == "IT"
    assert org.model_dump()["departments"][0]["name"] == "ИТ"


def test_options_and_labels_may_be_localized() -> None:
    def choice(data: dict[str, Any]) -> None:
        field = data["departments"][0]["request_types"][0]["fields"][1]
        field["label"] = {"en": "Access level", "ru": "Уровень доступа"}
        field["options"] = [{"en": "Read", "ru": "Чтение"}, "Write"]

    field = localized(choice).departments[0].request_types[0].fields[1]
    assert field.label.in_("ru") == "Уровень доступа"
    assert [o.in_("ru") for o in field.options] == ["Чтение", "Write"]
    assert field.options[0].variants() == {"Read", "Чтение"}


@pytest.mark.parametrize(("value", "message"), [
    ({"de": "IT"}, "departments[0].name: 'de' is not a language (use en, ru, uk, pl, ro, lv)"),
    ({}, "departments[0].name: must be a string or a table of languages"),
    ({"en": "IT", "ru": ""}, "departments[0].name: ru: must not be empty"),
    ("", "departments[0].name: must not be empty"),
    ({"en": "x" * 101}, "departments[0].name: 'xxxxxxxxxxxxxxxxxxxx'…: at most 100 characters"),
])
def test_a_wrong_name_table_is_one_line(value: object, message: str) -> None:
    assert error_of(lambda d: d["departments"][0].__setitem__("name", value)).startswith(message)


def test_options_must_differ_in_every_language() -> None:
    def same(data: dict[str, Any]) -> None:
        data["organization"]["language"] = "en"
        data["departments"][0]["request_types"][0]["fields"][1]["options"] = [
            {"en": "Read", "ru": "Да"}, {"en": "Write", "ru": "Да"}]

    assert error_of(same) == ("departments[0].request_types[0].fields[1]: options repeat in ru")


# ------------------------------------------------------------------ approvals (issue 13)


def test_approvers_are_managers_or_ids_and_remind_defaults_to_a_day() -> None:
    data = example()
    rtype(data)["approvers"] = "managers"
    rtype(data)["approval_remind"] = "4h"
    rtype(data, typ=1)["approvers"] = [5101, 5102]
    data["departments"][1]["members"] = [2001]
    org = parse_org(data)
    it = org.departments[0]
    assert it.request_types[0].approvers == "managers"
    assert it.request_types[0].approval_remind == Duration(4, "h")
    assert it.request_types[1].approvers == [5101, 5102]
    assert it.request_types[1].approval_remind == Duration(1, "d")
    assert org.departments[1].members == [2001] and it.members == []
    assert parse_org(example()).departments[0].request_types[0].approvers is None


@pytest.mark.parametrize(("approvers", "remind"), [("everyone", "4h"), ("managers", "0h"),
                                                  ("managers", "4x"), ([1, "x"], "4h")])
def test_bad_approvers_or_reminder_name_the_key(approvers: object, remind: str) -> None:
    def change(data: dict[str, Any]) -> None:
        rtype(data)["approvers"] = approvers
        rtype(data)["approval_remind"] = remind
    message = error_of(change)
    assert message.startswith("departments[0].request_types[0].approv"), message
