"""Where a form is and what its next question is.

The state is a :class:`DraftState` that bot.forms.progress loads from and saves
to the database with every answer, so the form survives restarts and instances.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bot.forms.fields import Invalid, validate
from bot.forms.inputs import (
    ChoiceInput,
    FileInput,
    FormInput,
    KeepInput,
    PeopleInput,
    SkipInput,
    TextInput,
)
from bot.i18n import LANGUAGES, plain
from core.org import Department, FormField, OrgConfig, RequestType

STAGES = ("department", "type", "field", "priority", "watchers", "summary")
# "Keep anyone informed?": Telegram's user picker, this many people at most, and the
# request_id its button carries (the users_shared answer names it)
MAX_WATCHERS = 5
PICKER_ID = 1
KEEP_MAX_CHARS = 24  # the earlier answer on a Keep «…» button, cut visibly beyond


@dataclass
class DraftState:
    stage: str = "department"
    department_key: str | None = None
    type_key: str | None = None
    field_index: int = 0
    answers: dict[str, Any] = field(default_factory=dict)
    priority: str | None = None
    # Repeat: {"id": N, "department": key, "type": key, "answers": {field key: answer}}
    earlier: dict[str, Any] | None = None
    # the people to keep informed: [{"id": user id, "name": str}]
    watchers: list[dict[str, Any]] = field(default_factory=list)
    field_key: str | None = None  # the key of the field at field_index (see realign)


@dataclass(frozen=True)
class Question:
    stage: str
    department: Department | None = None
    request_type: RequestType | None = None
    field: FormField | None = None
    number: int = 0  # 1-based position among the type's fields
    total: int = 0
    earlier: str | None = None  # Repeat: the earlier answer to keep, as shown

    @property
    def optional(self) -> bool:
        return self.field is not None and not self.field.required


class FormBroken(Exception):
    """The draft names a department, type or field the organisation file no longer has."""


def start(org: OrgConfig) -> DraftState:
    state = DraftState()
    if len(org.departments) == 1:
        _choose_department(org, state, org.departments[0])
    return state


def repeat(department: Department, request_type: RequestType, request_id: int,
           answers: list[dict[str, Any]]) -> DraftState:
    """A form for ``request_type`` that offers the answers of #``request_id`` to keep."""
    state = DraftState(department_key=department.key)
    _choose_type(state, request_type)
    state.earlier = {"id": request_id, "type": request_type.key,
                     "answers": {a["key"]: a for a in answers if a.get("key")}}
    return state


def department_of(org: OrgConfig, state: DraftState) -> Department:
    department = org.department(state.department_key or "")
    if department is None:
        raise FormBroken(state.department_key)
    return department


def type_of(org: OrgConfig, state: DraftState) -> RequestType:
    request_type = department_of(org, state).request_type(state.type_key or "")
    if request_type is None:
        raise FormBroken(state.type_key)
    return request_type


def question(org: OrgConfig, state: DraftState) -> Question:
    if state.stage == "department":
        return Question("department")
    department = department_of(org, state)
    if state.stage == "type":
        return Question("type", department)
    request_type = type_of(org, state)
    if state.stage == "field":
        if state.field_index >= len(request_type.fields):
            raise FormBroken(f"field {state.field_index}")
        spec = request_type.fields[state.field_index]
        kept = keepable(state, spec)
        return Question("field", department, request_type, spec,
                        state.field_index + 1, len(request_type.fields),
                        str(kept.get("display") or kept["value"]) if kept else None)
    return Question(state.stage, department, request_type)


def skip_labels() -> set[str]:
    """The Skip of the picker's reply keyboard is a text button: its label comes as text."""
    return {plain(lang, "button.skip").casefold() for lang in LANGUAGES}


def keepable(state: DraftState, spec: FormField) -> dict[str, Any] | None:
    """The repeated request's answer to this question, when one may keep it: dates are
    asked again, a skipped answer is no answer, and an option no longer offered is gone."""
    if state.earlier is None or spec.type == "date" or state.earlier.get("type") != state.type_key:
        return None
    answer = (state.earlier.get("answers") or {}).get(spec.key)
    if not isinstance(answer, dict) or answer.get("value") is None:
        return None
    if spec.type == "choice" and option_index(spec, answer["value"]) is None:
        return None
    return answer


def option_index(spec: FormField, value: Any) -> int | None:
    """Which option a stored choice is: stored in the organisation's language, it is
    found in any language the option is given in (the organisation's may change)."""
    return next((i for i, option in enumerate(spec.options) if value in option.variants()),
                None)


def _kept(spec: FormField, answer: dict[str, Any]) -> FormInput:
    """The earlier answer given again, so it is checked like a new one (limits change)."""
    if spec.type == "file":
        return FileInput(str(answer.get("file_id") or answer["value"]),
                         str(answer.get("file_kind") or "document"), answer.get("display"))
    if spec.type == "choice":
        return ChoiceInput(str(option_index(spec, answer["value"])))
    return TextInput(str(answer.get("display") or answer["value"]))


def answer(org: OrgConfig, state: DraftState, given: FormInput, today: date) -> Invalid | None:
    """Apply one answer to the current question; ``Invalid`` leaves the state unchanged."""
    if state.stage == "department":
        key = _picked(given)
        department = org.department(key or "")
        if department is None:
            department = _by_name(org.departments, given)
        if department is None:
            return Invalid("choose_option")
        _choose_department(org, state, department)
        return None
    if state.stage == "type":
        department = department_of(org, state)
        request_type = department.request_type(_picked(given) or "")
        if request_type is None:
            request_type = _by_name(department.request_types, given)
        if request_type is None:
            return Invalid("choose_option")
        _choose_type(state, request_type)
        return None
    if state.stage == "field":
        spec = question(org, state).field
        assert spec is not None
        if isinstance(given, KeepInput):
            earlier = keepable(state, spec)
            if earlier is None:
                return Invalid("choose_option")
            given = _kept(spec, earlier)
        if isinstance(given, SkipInput):
            if spec.required:
                return Invalid("cannot_skip")
            state.answers[spec.key] = None
        else:
            result = validate(spec, given, today)
            if isinstance(result, Invalid):
                return result
            state.answers[spec.key] = result
        _after_field(state, type_of(org, state))
        return None
    if state.stage == "priority":
        value = _picked(given)
        if value not in ("normal", "urgent"):
            return Invalid("choose_option")
        state.priority = value
        state.stage = "watchers"
        return None
    if state.stage == "watchers":
        if isinstance(given, SkipInput) or (isinstance(given, TextInput)
                                            and given.text.strip().casefold()
                                            in skip_labels()):
            state.watchers = []
        elif isinstance(given, PeopleInput) and given.request_id == PICKER_ID:
            state.watchers = [{"id": p.user_id, "name": p.name}
                              for p in given.people[:MAX_WATCHERS]]
        else:
            return Invalid("use_picker")
        state.stage = "summary"
        return None
    return Invalid("use_buttons")  # the summary is answered with Submit or Cancel


def back(org: OrgConfig, state: DraftState) -> None:
    """Step back one question (the Back button)."""
    if state.stage in ("summary", "watchers"):
        # the picker's question has no Back (a reply keyboard): Back from the summary
        # goes past it to the question before, and the picker is asked again after it
        request_type = type_of(org, state)
        if request_type.ask_priority:
            state.stage = "priority"
        elif request_type.fields:
            _at(state, request_type, len(request_type.fields) - 1)
        else:
            state.stage = "type"
    elif state.stage == "priority":
        request_type = type_of(org, state)
        if request_type.fields:
            _at(state, request_type, len(request_type.fields) - 1)
        else:
            state.stage, state.field_index = "type", 0
    elif state.stage == "field" and state.field_index > 0:
        _at(state, type_of(org, state), state.field_index - 1)
    elif state.stage == "field":
        state.stage = "type"
    elif state.stage == "type" and len(org.departments) > 1:
        state.stage = "department"


def _picked(given: FormInput) -> str | None:
    return given.value if isinstance(given, ChoiceInput) else None


def _by_name(items: list[Any], given: FormInput) -> Any:
    if not isinstance(given, TextInput):
        return None
    typed = given.text.strip().casefold()
    return next((i for i in items if typed == i.key
                 or typed in {name.casefold() for name in i.name.variants()}), None)


def _choose_department(org: OrgConfig, state: DraftState, department: Department) -> None:
    state.department_key = department.key
    state.stage = "type"
    if len(department.request_types) == 1:
        _choose_type(state, department.request_types[0])


def _choose_type(state: DraftState, request_type: RequestType) -> None:
    state.type_key, state.answers = request_type.key, {}
    if request_type.fields:
        _at(state, request_type, 0)
    else:
        state.field_index = 0
        _after_field(state, request_type)


def _at(state: DraftState, request_type: RequestType, index: int) -> None:
    """Ask the field at ``index`` (its key kept beside it)."""
    state.stage, state.field_index = "field", index
    state.field_key = request_type.fields[index].key


def realign(org: OrgConfig, state: DraftState) -> None:
    """Put a draft back in step with the organisation file that runs now, which may
    have been reloaded under it: the field asked is found by its key wherever it moved
    (else the first one not answered), and a required field added (or made required)
    before the point reached is asked before the form goes on. A department or type
    that is gone is left to the callers (FormBroken, as after a restart)."""
    if state.stage not in ("field", "priority", "watchers", "summary"):
        return
    try:
        request_type = type_of(org, state)
    except FormBroken:
        return
    fields = request_type.fields
    if state.stage == "field" and fields:
        here = fields[state.field_index] if state.field_index < len(fields) else None
        keyed = next((i for i, f in enumerate(fields) if f.key == state.field_key), None)
        # a key left behind by an instance of the release before it (which moved only
        # the position): the position is right when it is unanswered and the key's not
        stale_key = here is not None and keyed is not None and _unanswered(state, here) \
            and not _unanswered(state, fields[keyed])
        if here is None or not (state.field_key is None or here.key == state.field_key
                                or stale_key):
            if keyed is None:
                keyed = next((i for i, f in enumerate(fields) if _unanswered(state, f)),
                             len(fields) - 1)
            _at(state, request_type, keyed)
        state.field_key = fields[state.field_index].key
    elif state.stage == "field":  # every field was removed: on to what follows them
        state.field_index = 0
        _after_field(state, request_type)
    reached = state.field_index if state.stage == "field" else len(fields)
    missing = next((i for i, f in enumerate(fields[:reached])
                    if f.required and _unanswered(state, f)), None)
    if missing is not None:
        _at(state, request_type, missing)


def _unanswered(state: DraftState, spec: FormField) -> bool:
    """Not answered yet; a required field skipped while it was optional is unanswered."""
    return spec.key not in state.answers or (spec.required
                                             and state.answers[spec.key] is None)


def _after_field(state: DraftState, request_type: RequestType) -> None:
    """On to the next field not answered yet (after Back, or after a field a reload
    added, the form returns to where it was), then to the priority, or to the summary
    when the priority was chosen already."""
    fields = request_type.fields
    if state.stage == "field":
        following = next((i for i in range(state.field_index + 1, len(fields))
                          if _unanswered(state, fields[i])), None)
        if following is not None:
            _at(state, request_type, following)
            return
        if state.priority is not None:  # asked already (after Back, or a field added
            state.stage = "summary"  # at Send): back to the summary, the picks kept
            return
    if request_type.ask_priority:
        state.stage = "priority"
    else:
        state.priority = "normal"
        state.stage = "watchers"
