"""The form engine: which question comes next, Skip, Back, and drafts the org no longer fits."""

from __future__ import annotations

import copy
import tomllib
from datetime import date
from typing import Any

import pytest

from bot.forms import engine
from bot.forms.engine import DraftState, FormBroken
from bot.forms.fields import Invalid
from bot.forms.inputs import (
    ChoiceInput,
    FileInput,
    KeepInput,
    OtherInput,
    PeopleInput,
    SharedUser,
    SkipInput,
    TextInput,
)
from core.org import OrgConfig, parse_org
from tests.conftest import ROOT, example_org

TODAY = date(2026, 11, 23)


@pytest.fixture
def org() -> OrgConfig:
    return example_org()


def single_department(types: int = 2) -> OrgConfig:
    data = tomllib.loads((ROOT / "core" / "org.example.toml").read_text(encoding="utf-8"))
    data["departments"] = data["departments"][:1]
    data["departments"][0]["request_types"] = data["departments"][0]["request_types"][:types]
    return parse_org(data)


def ok(org: OrgConfig, state: DraftState, given: Any) -> None:
    assert engine.answer(org, state, given, TODAY) is None


def refused(org: OrgConfig, state: DraftState, given: Any) -> Invalid:
    before = copy.deepcopy(state)
    error = engine.answer(org, state, given, TODAY)
    assert isinstance(error, Invalid)
    assert state == before  # an invalid answer leaves the state as it was
    return error


def at_access(org: OrgConfig) -> DraftState:
    state = engine.start(org)
    ok(org, state, ChoiceInput("it"))
    ok(org, state, ChoiceInput("access"))
    return state


def label(org: OrgConfig, state: DraftState) -> str | None:
    q = engine.question(org, state)
    return q.field.label if q.field else q.stage


# ------------------------------------------------------------------ start


def test_several_departments_start_with_the_department(org: OrgConfig) -> None:
    state = engine.start(org)
    assert state == DraftState()
    assert engine.question(org, state).stage == "department"


def test_one_department_starts_with_the_type() -> None:
    org = single_department()
    state = engine.start(org)
    assert (state.stage, state.department_key) == ("type", "it")
    q = engine.question(org, state)
    assert q.stage == "type" and q.department is not None and q.department.key == "it"


def test_one_department_with_one_type_starts_with_the_first_field() -> None:
    org = single_department(types=1)
    state = engine.start(org)
    assert (state.stage, state.department_key, state.type_key, state.field_index) == (
        "field", "it", "access", 0)
    assert label(org, state) == "Which system?"


# ------------------------------------------------------------------ the path


def test_whole_path_with_priority(org: OrgConfig) -> None:
    state = at_access(org)
    q = engine.question(org, state)
    assert (q.stage, q.number, q.total, q.optional) == ("field", 1, 3, False)
    ok(org, state, TextInput("1C"))
    q = engine.question(org, state)
    assert (q.number, q.field.label if q.field else None) == (2, "Access level")
    ok(org, state, ChoiceInput("1"))
    q = engine.question(org, state)
    assert (q.number, q.optional) == (3, True)
    ok(org, state, TextInput("31.12.2026"))
    assert state.stage == "priority"
    ok(org, state, ChoiceInput("urgent"))
    assert (state.stage, state.priority) == ("watchers", "urgent")
    assert engine.question(org, state).stage == "watchers"
    ok(org, state, SkipInput())
    assert (state.stage, state.watchers) == ("summary", [])
    assert state.answers == {
        "system": {"value": "1C", "display": "1C"},
        "level": {"value": "Write", "display": "Write"},
        "deadline": {"value": "2026-12-31", "display": "31.12.2026"},
    }
    assert engine.question(org, state).stage == "summary"


def test_department_and_type_may_be_typed(org: OrgConfig) -> None:
    state = engine.start(org)
    ok(org, state, TextInput("  finance "))
    assert state.department_key == "finance"
    ok(org, state, TextInput("pay an INVOICE"))
    assert (state.stage, state.type_key) == ("field", "invoice")


def test_unknown_department_or_type(org: OrgConfig) -> None:
    state = engine.start(org)
    assert refused(org, state, ChoiceInput("sales")) == Invalid("choose_option")
    assert refused(org, state, TextInput("Sales")) == Invalid("choose_option")
    assert refused(org, state, OtherInput("sticker")) == Invalid("choose_option")
    ok(org, state, ChoiceInput("it"))
    assert refused(org, state, ChoiceInput("invoice")) == Invalid("choose_option")  # not IT's


def test_invalid_field_answer_keeps_the_question(org: OrgConfig) -> None:
    state = at_access(org)
    assert refused(org, state, OtherInput("sticker")) == Invalid("text_expected")
    assert refused(org, state, TextInput("x" * 201)) == Invalid(
        "too_long", {"limit": 200, "length": 201})
    assert label(org, state) == "Which system?"


def test_priority_must_be_normal_or_urgent(org: OrgConfig) -> None:
    state = at_access(org)
    ok(org, state, TextInput("1C"))
    ok(org, state, ChoiceInput("0"))
    ok(org, state, SkipInput())
    for given in (ChoiceInput("high"), TextInput("urgent"), SkipInput()):
        assert refused(org, state, given) == Invalid("choose_option")
    ok(org, state, ChoiceInput("normal"))
    assert state.priority == "normal"


def test_summary_is_answered_with_buttons_only(org: OrgConfig) -> None:
    state = at_access(org)
    for given in (TextInput("1C"), ChoiceInput("0"), SkipInput(), ChoiceInput("normal"),
                  SkipInput()):
        ok(org, state, given)
    assert state.stage == "summary"
    assert refused(org, state, TextInput("yes")) == Invalid("use_buttons")


# ------------------------------------------------------------------ skip


def test_skip_optional_field(org: OrgConfig) -> None:
    state = at_access(org)
    ok(org, state, TextInput("1C"))
    ok(org, state, ChoiceInput("2"))
    ok(org, state, SkipInput())
    assert state.answers["deadline"] is None
    assert state.stage == "priority"


def test_required_field_cannot_be_skipped(org: OrgConfig) -> None:
    state = at_access(org)
    assert refused(org, state, SkipInput()) == Invalid("cannot_skip")
    ok(org, state, TextInput("1C"))
    assert refused(org, state, SkipInput()) == Invalid("cannot_skip")


# ------------------------------------------------------------------ ask_priority = false


def test_certificate_does_not_ask_priority(org: OrgConfig) -> None:
    state = engine.start(org)
    ok(org, state, ChoiceInput("hr"))
    ok(org, state, ChoiceInput("certificate"))
    ok(org, state, ChoiceInput("0"))  # Bank
    assert label(org, state) == "How many copies?"
    assert refused(org, state, TextInput("0")) == Invalid("number_min", {"min": "1"})
    assert refused(org, state, TextInput("11")) == Invalid("number_max", {"max": "10"})
    ok(org, state, TextInput("2"))
    assert (state.stage, state.priority) == ("watchers", "normal")
    assert state.answers["copies"] == {"value": 2.0, "display": "2"}


def test_type_without_fields_goes_straight_on() -> None:
    data = tomllib.loads((ROOT / "core" / "org.example.toml").read_text(encoding="utf-8"))
    data["departments"][1]["request_types"].append(
        {"key": "badge", "name": "New badge", "response": "1h", "resolve": "1d"})
    data["departments"][1]["request_types"].append(
        {"key": "card", "name": "Business cards", "response": "1h", "resolve": "1d",
         "ask_priority": False})
    org = parse_org(data)
    state = engine.start(org)
    ok(org, state, ChoiceInput("hr"))
    ok(org, state, ChoiceInput("badge"))
    assert state.stage == "priority"
    engine.back(org, state)
    assert state.stage == "type"
    ok(org, state, ChoiceInput("card"))
    assert (state.stage, state.priority) == ("watchers", "normal")
    engine.back(org, state)
    assert state.stage == "type"


def test_file_field(org: OrgConfig) -> None:
    state = engine.start(org)
    ok(org, state, ChoiceInput("finance"))
    ok(org, state, ChoiceInput("invoice"))
    ok(org, state, TextInput("Paper & Co"))
    ok(org, state, TextInput("12 500,00"))
    assert refused(org, state, TextInput("attached")) == Invalid("file_expected")
    ok(org, state, FileInput("BQAD", "document", "inv.pdf"))
    assert state.answers["invoice"]["file_id"] == "BQAD"
    assert state.answers["amount"]["value"] == 12500.0


# ------------------------------------------------------------------ back


def test_back_at_each_stage(org: OrgConfig) -> None:
    state = at_access(org)
    for given in (TextInput("1C"), ChoiceInput("1"), SkipInput(), ChoiceInput("normal"),
                  SkipInput()):
        ok(org, state, given)
    assert state.stage == "summary"
    engine.back(org, state)
    assert state.stage == "priority"
    engine.back(org, state)
    assert (state.stage, state.field_index) == ("field", 2)
    engine.back(org, state)
    assert (state.stage, state.field_index) == ("field", 1)
    engine.back(org, state)
    assert (state.stage, state.field_index) == ("field", 0)
    engine.back(org, state)
    assert state.stage == "type"
    engine.back(org, state)
    assert state.stage == "department"
    engine.back(org, state)
    assert state.stage == "department"  # nowhere further back


def test_back_keeps_earlier_answers_and_they_can_be_changed(org: OrgConfig) -> None:
    state = at_access(org)
    ok(org, state, TextInput("1C"))
    ok(org, state, ChoiceInput("1"))
    engine.back(org, state)
    assert label(org, state) == "Access level"
    assert state.answers["system"]["value"] == "1C"
    ok(org, state, ChoiceInput("2"))
    assert state.answers["level"]["value"] == "Admin"
    assert label(org, state) == "Needed by"


def test_back_from_summary_without_priority_goes_to_the_last_field(org: OrgConfig) -> None:
    state = engine.start(org)
    for given in (ChoiceInput("hr"), ChoiceInput("certificate"), ChoiceInput("1"),
                  TextInput("3"), SkipInput()):
        ok(org, state, given)
    assert state.stage == "summary"
    engine.back(org, state)
    assert (state.stage, state.field_index) == ("field", 1)
    ok(org, state, TextInput("4"))
    # the answer changed, the form goes back to the summary (the watchers kept)
    assert state.stage == "summary" and state.answers["copies"]["value"] == 4.0


def test_back_from_type_with_one_department_stays() -> None:
    org = single_department()
    state = engine.start(org)
    engine.back(org, state)
    assert (state.stage, state.department_key) == ("type", "it")


def test_choosing_another_type_clears_the_answers(org: OrgConfig) -> None:
    state = at_access(org)
    ok(org, state, TextInput("1C"))
    engine.back(org, state)
    engine.back(org, state)
    assert state.stage == "type"
    ok(org, state, ChoiceInput("hardware"))
    assert state.answers == {} and label(org, state) == "What is broken or needed?"


# ------------------------------------------------------------------ the org changed


def test_draft_for_a_removed_department_is_broken(org: OrgConfig) -> None:
    state = DraftState("field", "sales", "access", 0, {})
    with pytest.raises(FormBroken):
        engine.question(org, state)
    with pytest.raises(FormBroken):
        engine.answer(org, state, TextInput("1C"), TODAY)
    with pytest.raises(FormBroken):
        engine.back(org, DraftState("summary", "sales", "access", 0, {}))


def test_draft_for_a_removed_type_is_broken(org: OrgConfig) -> None:
    with pytest.raises(FormBroken):
        engine.question(org, DraftState("field", "it", "printer", 0, {}))
    with pytest.raises(FormBroken):
        engine.type_of(org, DraftState("summary", "it", "printer"))


def test_draft_past_the_last_field_is_broken(org: OrgConfig) -> None:
    with pytest.raises(FormBroken):
        engine.question(org, DraftState("field", "it", "access", 3, {}))


# ------------------------------------------------------------------ watchers, Repeat


def test_the_picker_step_takes_people_or_skip(org: OrgConfig) -> None:
    state = at_access(org)
    for given in (TextInput("1C"), ChoiceInput("1"), SkipInput(), ChoiceInput("normal")):
        ok(org, state, given)
    assert state.stage == "watchers"
    # a typed text is no answer, nor people picked with another button
    assert refused(org, state, TextInput("Bob")) == Invalid("use_picker")
    other = PeopleInput(engine.PICKER_ID + 1, (SharedUser(5, "Bob"),))
    assert refused(org, state, other) == Invalid("use_picker")
    people = tuple(SharedUser(i, f"P{i}") for i in range(1, 8))
    ok(org, state, PeopleInput(engine.PICKER_ID, people))
    assert [w["id"] for w in state.watchers] == [1, 2, 3, 4, 5]  # at most MAX_WATCHERS
    engine.back(org, state)  # past the picker, which has no Back of its own
    assert state.stage == "priority"
    ok(org, state, ChoiceInput("urgent"))
    ok(org, state, TextInput("пропустить "))  # the reply keyboard's Skip, in Russian
    assert (state.stage, state.watchers) == ("summary", [])


def test_repeat_offers_earlier_answers_but_not_dates(org: OrgConfig) -> None:
    department = org.department("it")
    assert department is not None
    access = department.request_type("access")
    assert access is not None
    earlier = [
        {"key": "system", "label": "Which system?", "type": "text", "value": "x" * 40,
         "display": "x" * 40},
        {"key": "level", "label": "Access level", "type": "choice", "value": "Admin",
         "display": "Admin"},
        {"key": "deadline", "label": "Needed by", "type": "date", "value": "2026-12-31",
         "display": "31.12.2026"},
    ]
    state = engine.repeat(department, access, 7, earlier)
    q = engine.question(org, state)
    assert (q.stage, q.number, q.earlier) == ("field", 1, "x" * 40)
    ok(org, state, KeepInput())
    assert state.answers["system"] == {"value": "x" * 40, "display": "x" * 40}
    assert engine.question(org, state).earlier == "Admin"
    ok(org, state, KeepInput())
    assert state.answers["level"]["value"] == "Admin"
    q = engine.question(org, state)
    assert q.field is not None and q.field.type == "date" and q.earlier is None
    assert refused(org, state, KeepInput()) == Invalid("choose_option")  # asked again


def test_repeat_keeps_a_file_and_drops_an_option_no_longer_offered(org: OrgConfig) -> None:
    department = org.department("finance")
    assert department is not None
    invoice = department.request_type("invoice")
    assert invoice is not None
    earlier = [
        {"key": "supplier", "label": "Supplier", "type": "text", "value": "Paper & Co",
         "display": "Paper & Co"},
        {"key": "amount", "label": "Amount", "type": "number", "value": 12500.0,
         "display": "12500"},
        {"key": "invoice", "label": "Invoice", "type": "file", "value": "BQAD",
         "display": "inv.pdf", "file_id": "BQAD", "file_kind": "document"},
    ]
    state = engine.repeat(department, invoice, 3, earlier)
    ok(org, state, KeepInput())
    ok(org, state, KeepInput())
    q = engine.question(org, state)
    assert q.field is not None and q.field.type == "file" and q.earlier == "inv.pdf"
    ok(org, state, KeepInput())
    assert state.answers["invoice"] == {"value": "BQAD", "display": "inv.pdf",
                                        "file_id": "BQAD", "file_kind": "document"}
    it = org.department("it")
    assert it is not None
    access = it.request_type("access")
    assert access is not None
    gone = [{"key": "level", "label": "Access level", "type": "choice", "value": "Root",
             "display": "Root"}]
    state = engine.repeat(it, access, 4, gone)
    ok(org, state, TextInput("1C"))
    assert engine.question(org, state).earlier is None  # "Root" is no option any more


def test_a_field_skipped_then_made_required_is_asked_before_send(org: OrgConfig) -> None:
    state = at_access(org)
    for given in (TextInput("1C"), ChoiceInput("1"), SkipInput(), ChoiceInput("normal"),
                  SkipInput()):
        ok(org, state, given)
    assert state.stage == "summary" and state.answers["deadline"] is None
    data = tomllib.loads((ROOT / "core" / "org.example.toml").read_text(encoding="utf-8"))
    data["departments"][0]["request_types"][0]["fields"][2]["required"] = True
    engine.realign(parse_org(data), state)  # "Needed by" is required now
    assert (state.stage, state.field_key) == ("field", "deadline")


def test_a_key_left_behind_by_the_release_before_keeps_the_position(org: OrgConfig) -> None:
    """An instance of the release before 0010 moves the position but not the key: the
    position is right when its field is unanswered and the key's field is answered."""
    state = at_access(org)
    ok(org, state, TextInput("1C"))
    ok(org, state, ChoiceInput("1"))
    state.field_key = "system"  # as the older instance left it
    engine.realign(org, state)
    assert (state.stage, state.field_index, state.field_key) == ("field", 2, "deadline")
