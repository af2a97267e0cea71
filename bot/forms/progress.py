"""The form's drafts: each step one unit of work (read, apply, write in one transaction),
so a restart or a second instance continues the form where it was."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from bot.forms import engine
from bot.forms.engine import DraftState, FormBroken
from bot.forms.fields import Invalid, date_answer
from bot.forms.inputs import FormInput, PeopleInput
from core.context import Services
from core.intake import create_request
from core.org import OrgConfig
from core.outgoing import notify
from db import drafts, users
from db.models import FormDraft
from db.requests import get_request
from db.updates import first_time


def _state(draft: FormDraft, org: OrgConfig) -> DraftState:
    """The draft as the engine's state, realigned with the organisation file that runs
    now (a reload may have moved, added or removed its fields)."""
    state = DraftState(draft.stage, draft.department_key, draft.type_key, draft.field_index,
                       dict(draft.answers or {}), draft.priority, draft.earlier,
                       list(draft.watchers or []), draft.field_key)
    engine.realign(org, state)
    return state


def _apply(draft: FormDraft, state: DraftState) -> None:
    draft.stage, draft.department_key, draft.type_key = (
        state.stage, state.department_key, state.type_key)
    draft.field_index, draft.answers, draft.priority = (
        state.field_index, state.answers, state.priority)
    draft.earlier, draft.watchers = state.earlier, state.watchers
    draft.field_key = state.field_key


def _today(svc: Services) -> date:
    return svc.clock.now().astimezone(ZoneInfo(svc.org.organization.timezone)).date()


def usable(org: OrgConfig, state: DraftState) -> bool:
    """False when the organisation file no longer has the draft's department or type."""
    try:
        if state.stage != "summary":
            engine.question(org, state)
        else:
            engine.type_of(org, state)
    except FormBroken:
        return False
    return True


def answers_of(org: OrgConfig, state: DraftState) -> list[dict[str, Any]]:
    """The answers in form order with their labels, as the request keeps them."""
    request_type = engine.type_of(org, state)
    result = []
    for spec in request_type.fields:
        answer = state.answers.get(spec.key)
        entry: dict[str, Any] = {"key": spec.key, "label": spec.label, "type": spec.type,
                                 "value": None}
        if answer:
            entry.update(answer)
        result.append(entry)
    return result


async def open_form(svc: Services, user_id: int) -> tuple[DraftState, bool]:
    """/new: the draft to continue (and True), or a fresh one."""
    async with svc.db.transaction() as session:
        # a new form ends any typed answer the bot was waiting for (a rating comment)
        await drafts.clear_pending(session, user_id, user_id)
        draft = await drafts.get_draft(session, user_id)
        if draft is not None and usable(svc.org, state := _state(draft, svc.org)):
            return state, True
        state = engine.start(svc.org)
        await drafts.replace_draft(session, user_id, state.stage, svc.clock.now(),
                                   department_key=state.department_key,
                                   type_key=state.type_key, answers=state.answers)
    return state, False


async def repeat_form(svc: Services, user_id: int, request_id: int) -> DraftState | None:
    """Repeat (checked by core.workflow: the requester's closed or rejected request): a
    new form for the same department and type, its earlier answers offered to keep; it
    replaces a form in progress. None when the organisation file no longer has the type."""
    async with svc.db.transaction() as session:
        request = await get_request(session, request_id)
        if request is None or request.requester_id != user_id:
            return None
        department = svc.org.department(request.department_key)
        request_type = department.request_type(request.type_key) if department else None
        if request_type is None:  # moved to a department without the type: where it has it
            department, request_type = next(
                ((d, rt) for d in svc.org.departments
                 if (rt := d.request_type(request.type_key)) is not None), (None, None))
        if department is None or request_type is None:
            return None
        state = engine.repeat(department, request_type, request.id, list(request.answers))
        await drafts.clear_pending(session, user_id, user_id)
        await drafts.replace_draft(session, user_id, state.stage, svc.clock.now(),
                                   department_key=state.department_key,
                                   type_key=state.type_key, answers=state.answers,
                                   priority=state.priority, earlier=state.earlier,
                                   watchers=state.watchers)
    return state


async def cancel_form(svc: Services, user_id: int, *, pending: bool = True) -> bool:
    """Drop the draft (and, unless told otherwise, a typed answer awaited); True if
    there was one."""
    async with svc.db.transaction() as session:
        dropped = await drafts.delete_draft(session, user_id)
        if pending:
            await drafts.clear_pending(session, user_id, user_id)
    return dropped


@dataclass(frozen=True)
class Answered:
    state: DraftState | None  # None: no form is open
    redelivered: bool = False  # applied before a crash: show the current question again
    stale: bool = False  # a button of an earlier question
    broken: bool = False  # the organisation file lost the draft's department or type
    error: Invalid | None = None
    was: str | None = None  # the stage the answer was given at


async def answer_form(svc: Services, user_id: int, update_id: int | None, given: FormInput,
                      expected: tuple[str, int | None] | None = None) -> Answered:
    """Apply an answer to the user's draft."""
    async with svc.db.transaction() as session:
        # redelivered after a crash: the answer was applied, but its reply may not
        # have left; the current question is shown (again)
        redelivered = not await first_time(session, update_id, svc.clock.now())
        draft = await drafts.get_draft(session, user_id)
        if draft is None:
            return Answered(None, redelivered)
        state = _state(draft, svc.org)
        stale = not redelivered and expected is not None and (state.stage != expected[0] or (
            expected[1] is not None and state.field_index != expected[1]))
        if redelivered or stale:
            return Answered(state, redelivered, stale)
        was = state.stage
        try:
            error = engine.answer(svc.org, state, _others(given, user_id), _today(svc))
        except FormBroken:
            await drafts.delete_draft(session, user_id)
            return Answered(state, broken=True)
        if error is None:
            _apply(draft, state)
            await drafts.save_draft(session, draft, svc.clock.now())
        return Answered(state, error=error, was=was)


def _others(given: FormInput, user_id: int) -> FormInput:
    """People picked to keep informed, but the requester (they hear everything) and
    anyone picked twice: the summary then names only who will be told."""
    if not isinstance(given, PeopleInput):
        return given
    seen: set[int] = {user_id}
    people = []
    for person in given.people:
        if person.user_id not in seen:
            seen.add(person.user_id)
            people.append(person)
    return replace(given, people=tuple(people))


async def current_form(svc: Services, user_id: int) -> DraftState | None:
    """The open form where it stands now; None when none is open (or it broke)."""
    async with svc.db.reading() as session:
        draft = await drafts.get_draft(session, user_id)
        if draft is None or not usable(svc.org, state := _state(draft, svc.org)):
            return None
    return state


async def step_back(svc: Services, user_id: int) -> DraftState | None:
    """The form one question back; None when no form is open."""
    async with svc.db.transaction() as session:
        draft = await drafts.get_draft(session, user_id)
        if draft is None:
            return None
        state = _state(draft, svc.org)
        engine.back(svc.org, state)
        _apply(draft, state)
        await drafts.save_draft(session, draft, svc.clock.now())
    return state


async def submit_form(svc: Services, user_id: int, found_in: Sequence[str] = ()
                      ) -> str | None:
    """Turn the draft into a request in one transaction; the text key of a refusal.
    The request is stored, the draft dropped and the card and the confirmation owed
    together: a crash from here on cannot lose them. ``found_in``: the departments whose
    bound chats the requester is in (asked of Telegram before the transaction)."""
    async with svc.db.transaction() as session:
        draft = await drafts.get_draft(session, user_id)
        if draft is None:
            return "form.already_submitted"
        if draft.stage != "summary":
            return "form.stale"
        state = _state(draft, svc.org)
        try:
            department = engine.department_of(svc.org, state)
            request_type = engine.type_of(svc.org, state)
        except FormBroken:
            await drafts.delete_draft(session, user_id)
            return "form.broken"
        if state.stage != "summary":  # the file now asks something more: that first
            _apply(draft, state)
            await drafts.save_draft(session, draft, svc.clock.now())
            return "form.changed"
        if not await drafts.delete_draft(session, user_id, draft.version):
            return "form.already_submitted"
        answers = answers_of(svc.org, state)
        dates = [d for a in answers if a["type"] == "date" and (d := date_answer(a))]
        # people picked who never wrote to the bot: known by the name the picker gave
        picked = {w["id"]: w for w in state.watchers if w["id"] != user_id}
        known = await users.get_users(session, set(picked))
        for person in picked.values():
            if person["id"] not in known:
                await users.remember_user(session, users.UserInfo(person["id"], person["name"]),
                                          svc.clock.now(), private=False)
        request, _ = await create_request(session, svc, user_id, department, request_type,
                                          answers, state.priority or "normal",
                                          min(dates) if dates else None,
                                          watcher_ids=list(picked), found_in=found_in)
        added = list(picked)  # a new request: every one picked is added
        for watcher in added:
            seen = known.get(watcher)
            if seen is not None and seen.blocked:  # known to refuse: say so now
                notify(session, svc.clock.now(), user_id, "watcher_unreachable", request,
                       actor_id=watcher)
            else:  # also finds out at once whether they can be written to
                notify(session, svc.clock.now(), watcher, "watch_added", request,
                       actor_id=user_id)
    return None
