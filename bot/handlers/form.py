"""/new, /cancel and every answer to the form, typed or pressed.

The draft is read and written in the same transaction as each answer, so a
restart or a second instance continues the form where it was.
"""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from telegram import CallbackQuery, Message, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest

from bot import keyboards
from bot.callbacks import FormPress
from bot.forms import engine
from bot.forms.engine import DraftState, FormBroken
from bot.forms.fields import Invalid, date_answer
from bot.forms.inputs import (
    ChoiceInput,
    FileInput,
    FormInput,
    OtherInput,
    SkipInput,
    TextInput,
)
from bot.i18n import Html, t, toast
from bot.render import question_text, summary_text
from bot.runtime import Context, access, language, sender, services
from core.context import Services
from core.intake import create_request
from db import drafts
from db.models import FormDraft
from db.updates import first_time


def _state(draft: FormDraft) -> DraftState:
    return DraftState(draft.stage, draft.department_key, draft.type_key, draft.field_index,
                      dict(draft.answers or {}), draft.priority)


def _apply(draft: FormDraft, state: DraftState) -> None:
    draft.stage, draft.department_key, draft.type_key = (
        state.stage, state.department_key, state.type_key)
    draft.field_index, draft.answers, draft.priority = (
        state.field_index, state.answers, state.priority)


def _today(svc: Services) -> Any:
    return svc.clock.now().astimezone(ZoneInfo(svc.org.organization.timezone)).date()


async def _refused(update: Update, context: Context) -> bool:
    """True (after saying so) when this person may not file requests."""
    assert update.effective_user and update.effective_message
    if await access(context).may_file(context.bot, update.effective_user.id):
        return False
    svc, lang = services(context), language(update, context)
    org = svc.org.organization.name
    if update.callback_query:
        await update.callback_query.answer(toast(lang, "access.refused", org=org),
                                           show_alert=True)
    else:
        await update.effective_message.reply_html(t(lang, "access.refused", org=org))
    return True


async def new(update: Update, context: Context) -> None:
    assert update.effective_user and update.effective_message
    if await _refused(update, context):
        return
    svc, lang = services(context), language(update, context)
    user_id = update.effective_user.id
    async with svc.db.transaction() as session:
        # a new form ends any typed answer the bot was waiting for (a rating comment)
        await drafts.clear_pending(session, user_id, user_id)
        draft = await drafts.get_draft(session, user_id)
        resumed = draft is not None and _usable(svc, _state(draft))
        if draft is not None and resumed:
            state = _state(draft)
        else:
            state = engine.start(svc.org)
            await drafts.replace_draft(session, user_id, state.stage, svc.clock.now(),
                                       department_key=state.department_key,
                                       type_key=state.type_key, answers=state.answers)
    # one message, not two: Telegram lets a bot send a chat about one a second
    await _ask(update.effective_message, context, lang, state,
               note=t(lang, "form.resumed") if resumed else None)


def _usable(svc: Services, state: DraftState) -> bool:
    """False when the organisation file no longer has the draft's department or type."""
    try:
        if state.stage != "summary":
            engine.question(svc.org, state)
        else:
            engine.type_of(svc.org, state)
    except FormBroken:
        return False
    return True


async def cancel(update: Update, context: Context) -> None:
    assert update.effective_user and update.effective_message
    svc, lang = services(context), language(update, context)
    user_id = update.effective_user.id
    async with svc.db.transaction() as session:
        dropped = await drafts.delete_draft(session, user_id)
        await drafts.clear_pending(session, user_id, user_id)
    await update.effective_message.reply_html(
        t(lang, "form.cancelled" if dropped else "form.nothing_to_cancel"))


async def _ask(message: Message, context: Context, lang: str, state: DraftState,
               error: Invalid | None = None, *, pressed: CallbackQuery | None = None,
               note: str | None = None) -> None:
    """Send the current question (after an error, the error and the same question).
    After a pressed answer the question message itself becomes the next question:
    one message in the chat instead of two, and Telegram counts one, not two,
    against the chat's message-a-second budget."""
    svc = services(context)
    try:
        if state.stage == "summary":
            text, markup = _summary(svc, lang, state)
        else:
            q = engine.question(svc.org, state)
            text = question_text(lang, svc.org, q)
            markup = keyboards.form_question(lang, svc.org, q,
                                             can_go_back=_can_go_back(svc, state))
    except FormBroken:
        await _broken(message, context, lang)
        return
    if error is not None:
        text = Html(t(lang, "form.error_wrap", error=t(lang, f"form.error.{error.key}",
                                                       **error.values)) + "\n\n" + text)
    if note is not None:
        text = Html(note + "\n\n" + text)
    if pressed is not None:
        try:
            await pressed.edit_message_text(text, parse_mode=ParseMode.HTML, reply_markup=markup)
            return
        except BadRequest as exc:
            if "not modified" in exc.message.lower():
                return  # it shows this question already (a double tap)
            await _close_buttons(pressed)  # too old to edit, or deleted: ask anew
    await message.reply_html(text, reply_markup=markup)


def _can_go_back(svc: Services, state: DraftState) -> bool:
    single = engine.start(svc.org)
    return (state.stage, state.field_index) != (single.stage, single.field_index)


def _summary(svc: Services, lang: str, state: DraftState) -> tuple[Html, Any]:
    department = engine.department_of(svc.org, state)
    request_type = engine.type_of(svc.org, state)
    text = summary_text(lang, svc.org, state, _answers(svc, state), request_type.name,
                        department.name, request_type.ask_priority)
    q = engine.question(svc.org, state)
    return text, keyboards.form_question(lang, svc.org, q, can_go_back=True)


def _answers(svc: Services, state: DraftState) -> list[dict[str, Any]]:
    """The answers in form order with their labels, as the request keeps them."""
    request_type = engine.type_of(svc.org, state)
    result = []
    for spec in request_type.fields:
        answer = state.answers.get(spec.key)
        entry: dict[str, Any] = {"key": spec.key, "label": spec.label, "type": spec.type,
                                 "value": None}
        if answer:
            entry.update(answer)
        result.append(entry)
    return result


async def _broken(message: Message, context: Context, lang: str) -> None:
    svc = services(context)
    async with svc.db.transaction() as session:
        await drafts.delete_draft(session, message.chat.id)
    await message.reply_html(t(lang, "form.broken"))


async def advance(update: Update, context: Context, given: FormInput,
                  expected: tuple[str, int | None] | None = None) -> bool:
    """Apply an answer to the user's draft; False when they have no form open."""
    assert update.effective_user and update.effective_message
    svc, lang = services(context), language(update, context)
    user_id = update.effective_user.id
    message = update.effective_message
    broken = False
    error: Invalid | None = None
    async with svc.db.transaction() as session:
        # redelivered after a crash: the answer was applied, but its reply may not
        # have left; the current question is shown (again) below
        redelivered = not await first_time(session, update.update_id, svc.clock.now())
        draft = await drafts.get_draft(session, user_id)
        if draft is None:
            return redelivered  # redelivered: the answer that ended the form
        state = _state(draft)
        # a button of an earlier question
        stale = not redelivered and expected is not None and (state.stage != expected[0] or (
            expected[1] is not None and state.field_index != expected[1]))
        if not (redelivered or stale):
            try:
                error = engine.answer(svc.org, state, given, _today(svc))
            except FormBroken:
                broken = True
                await drafts.delete_draft(session, user_id)
            if not broken and error is None:
                _apply(draft, state)
                await drafts.save_draft(session, draft, svc.clock.now())
    # Telegram is called only after the transaction: it holds SQLite's write lock
    if broken:
        await message.reply_html(t(lang, "form.broken"))
        return True
    pressed = update.callback_query
    if pressed is not None:
        await pressed.answer(toast(lang, "form.stale") if stale else None)
    # a pressed message becomes the current question, also after a stale press:
    # a button left over by a crash between the answer and its reply then leads
    # on instead of saying "earlier step" forever
    await _ask(message, context, lang, state, error,
               pressed=pressed if error is None else None)
    return True


async def _close_buttons(query: CallbackQuery) -> None:
    """Take the buttons off a question once it is answered (old presses are also checked)."""
    try:
        await query.edit_message_reply_markup(None)
    except BadRequest:
        pass


async def on_message(update: Update, context: Context) -> bool:
    """A private message that may answer the form; False if no form is open."""
    message = update.effective_message
    assert message is not None
    given: FormInput
    if message.text is not None:
        given = TextInput(message.text)
    elif message.photo:
        given = FileInput(message.photo[-1].file_id, "photo", None)
    elif message.document is not None:
        given = FileInput(message.document.file_id, "document", message.document.file_name)
    else:
        given = OtherInput(_kind(message))
    return await advance(update, context, given)


def _kind(message: Message) -> str:
    for kind in ("sticker", "voice", "video", "video_note", "audio", "location", "contact",
                 "animation", "poll", "dice"):
        if getattr(message, kind, None):
            return kind
    return "other"


async def on_press(update: Update, context: Context, press: FormPress) -> None:
    query = update.callback_query
    assert query is not None and update.effective_user
    verb, args = press.verb, press.args
    if verb == "dep":
        await advance(update, context, ChoiceInput(args[0]), ("department", 0))
    elif verb == "typ":
        await advance(update, context, ChoiceInput(args[0]), ("type", None))
    elif verb == "opt":
        await advance(update, context, ChoiceInput(args[1]), ("field", int(args[0])))
    elif verb == "skip":
        await advance(update, context, SkipInput(), ("field", int(args[0])))
    elif verb == "pri":
        await advance(update, context, ChoiceInput(args[0]), ("priority", None))
    elif verb == "back":
        await _back(update, context)
    elif verb == "no":
        await cancel_press(update, context)
    elif verb == "ok":
        await submit(update, context)


async def _back(update: Update, context: Context) -> None:
    svc, lang = services(context), language(update, context)
    assert update.effective_user and update.callback_query and update.effective_message
    async with svc.db.transaction() as session:
        draft = await drafts.get_draft(session, update.effective_user.id)
        if draft is not None:
            state = _state(draft)
            engine.back(svc.org, state)
            _apply(draft, state)
            await drafts.save_draft(session, draft, svc.clock.now())
    if draft is None:
        await update.callback_query.answer(toast(lang, "form.stale"))
        return
    await update.callback_query.answer()
    await _ask(update.effective_message, context, lang, state, pressed=update.callback_query)


async def cancel_press(update: Update, context: Context) -> None:
    assert update.callback_query and update.effective_user
    svc, lang = services(context), language(update, context)
    async with svc.db.transaction() as session:
        dropped = await drafts.delete_draft(session, update.effective_user.id)
    await update.callback_query.answer()
    if dropped:
        await update.callback_query.edit_message_text(t(lang, "form.cancelled"),
                                                      parse_mode="HTML")


async def submit(update: Update, context: Context) -> None:
    """Submit: the request is stored, the draft dropped and the card owed, in one transaction."""
    query = update.callback_query
    assert query is not None and update.effective_user
    if await _refused(update, context):
        return  # access was withdrawn while the form was open
    svc, lang = services(context), language(update, context)
    user_id = update.effective_user.id
    refusal = await _submit_draft(svc, user_id)
    if refusal is not None:  # answered after the transaction, never inside it
        await query.answer(toast(lang, refusal), show_alert=refusal == "form.broken")
        return
    sender(context).wake()
    await query.answer()
    await _close_buttons(query)


async def _submit_draft(svc: Services, user_id: int) -> str | None:
    """Turn the draft into a request in one transaction; the text key of a refusal."""
    async with svc.db.transaction() as session:
        draft = await drafts.get_draft(session, user_id)
        if draft is None:
            return "form.already_submitted"
        if draft.stage != "summary":
            return "form.stale"
        state = _state(draft)
        try:
            department = engine.department_of(svc.org, state)
            request_type = engine.type_of(svc.org, state)
        except FormBroken:
            await drafts.delete_draft(session, user_id)
            return "form.broken"
        if not await drafts.delete_draft(session, user_id, draft.version):
            return "form.already_submitted"
        answers = _answers(svc, state)
        dates = [d for a in answers if a["type"] == "date" and (d := date_answer(a))]
        # the confirmation with #N is owed in the outbox, committed with the
        # request: a crash from here on cannot lose it
        await create_request(session, svc, user_id, department, request_type, answers,
                             state.priority or "normal", min(dates) if dates else None)
    return None
