"""/new, /cancel and every answer to the form, typed or pressed: parse, call the
form's service (bot.forms.progress, one transaction each), show the next question.
"""

from __future__ import annotations

from typing import Any

from telegram import CallbackQuery, Message, ReplyKeyboardRemove, Update
from telegram.error import BadRequest

from bot import keyboards
from bot.callbacks import FormPress
from bot.forms import engine
from bot.forms.engine import MAX_WATCHERS, DraftState, FormBroken
from bot.forms.fields import Invalid
from bot.forms.inputs import (
    ChoiceInput,
    FileInput,
    FormInput,
    KeepInput,
    OtherInput,
    PeopleInput,
    SharedUser,
    SkipInput,
    TextInput,
)
from bot.forms.progress import (
    answer_form,
    answers_of,
    cancel_form,
    current_form,
    open_form,
    repeat_form,
    step_back,
    submit_form,
)
from bot.i18n import Html, plain, t, toast
from bot.render import question_text, summary_text
from bot.runtime import Context, access, language, members, sender, services
from core.context import Services
from core.intake import department_chats


async def _refused(update: Update, context: Context) -> bool:
    """True (after saying so) when this person may not file requests."""
    assert update.effective_user and update.effective_message
    if await access(context).may_file(context.bot, update.effective_user.id):
        return False
    svc, lang = services(context), language(update, context)
    org = svc.org.organization.name.in_(lang)
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
    state, resumed = await open_form(svc, update.effective_user.id)
    # one message, not two: Telegram lets a bot send a chat about one a second
    await _ask(update.effective_message, context, lang, state,
               note=t(lang, "form.resumed") if resumed else None)


async def repeat(update: Update, context: Context, request_id: int) -> bool:
    """Repeat pressed (and checked): the form for the same type, earlier answers offered
    to keep; False when the organisation file no longer has that type."""
    assert update.effective_user and update.effective_message
    if await _refused(update, context):
        return True
    svc, lang = services(context), language(update, context)
    state = await repeat_form(svc, update.effective_user.id, request_id)
    if state is None:
        return False
    await _ask(update.effective_message, context, lang, state,
               note=t(lang, "form.repeat_of", id=request_id))
    return True


async def cancel(update: Update, context: Context) -> None:
    assert update.effective_user and update.effective_message
    svc, lang = services(context), language(update, context)
    dropped = await cancel_form(svc, update.effective_user.id)
    # the picker's keyboard, if the form was at that step, goes with the form
    await update.effective_message.reply_html(
        t(lang, "form.cancelled" if dropped else "form.nothing_to_cancel"),
        reply_markup=ReplyKeyboardRemove() if dropped else None)


async def _ask(message: Message, context: Context, lang: str, state: DraftState,
               error: Invalid | None = None, *, pressed: CallbackQuery | None = None,
               note: str | None = None) -> None:
    """Send the current question (after an error, the error and the same question).
    After a pressed answer the question message itself becomes the next question:
    one message in the chat instead of two, and Telegram counts one, not two,
    against the chat's message-a-second budget."""
    svc = services(context)
    if state.stage == "watchers":  # a reply keyboard: sent anew, never edited in
        if pressed is not None:
            await _close_buttons(pressed)
            pressed = None
        text: str = t(lang, "form.watchers", max=MAX_WATCHERS,
                      button=plain(lang, "button.pick_people"))
        markup: Any = keyboards.people_picker(lang)
        if error is not None:
            text = Html(t(lang, "form.error_wrap", error=t(lang, f"form.error.{error.key}",
                                                           **error.values)) + "\n\n" + text)
        await message.reply_html(text, reply_markup=markup)
        return
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
            await pressed.edit_message_text(text, reply_markup=markup)
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
    text = summary_text(lang, svc.org, state, answers_of(svc.org, state),
                        request_type.name.in_(lang), department.name.in_(lang),
                        request_type.ask_priority)

    q = engine.question(svc.org, state)
    return text, keyboards.form_question(lang, svc.org, q, can_go_back=True)


async def _broken(message: Message, context: Context, lang: str) -> None:
    await cancel_form(services(context), message.chat.id, pending=False)
    await message.reply_html(t(lang, "form.broken"))


async def advance(update: Update, context: Context, given: FormInput,
                  expected: tuple[str, int | None] | None = None) -> bool:
    """Apply an answer to the user's draft; False when they have no form open."""
    assert update.effective_user and update.effective_message
    svc, lang = services(context), language(update, context)
    message = update.effective_message
    answered = await answer_form(svc, update.effective_user.id, update.update_id, given,
                                 expected)
    state = answered.state
    if state is None:
        return answered.redelivered  # redelivered: the answer that ended the form
    # Telegram is called only after the transaction: it holds SQLite's write lock
    if answered.broken:
        await message.reply_html(t(lang, "form.broken"))
        return True
    pressed = update.callback_query
    if pressed is not None:
        await pressed.answer(toast(lang, "form.stale") if answered.stale else None)
        if answered.stale and state.stage == "watchers":
            return True  # the picker is under the input field already: not sent again
    # after the picker no message of its own: its keyboard is a one-time keyboard
    # (the client hides it once used) and the summary names who is kept informed;
    # a second message would make the summary wait for the chat's second
    # a pressed message becomes the current question, also after a stale press:
    # a button left over by a crash between the answer and its reply then leads
    # on instead of saying "earlier step" forever
    await _ask(message, context, lang, state, answered.error,
               pressed=pressed if answered.error is None else None)
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
    elif message.users_shared is not None:  # people picked with the picker
        shared = message.users_shared
        given = PeopleInput(shared.request_id, tuple(
            SharedUser(u.user_id, " ".join(n for n in (u.first_name, u.last_name) if n)
                       or (f"@{u.username}" if u.username else str(u.user_id)))
            for u in shared.users))
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
    elif verb == "keep":
        await advance(update, context, KeepInput(), ("field", int(args[0])))
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
    state = await step_back(svc, update.effective_user.id)
    if state is None:
        await update.callback_query.answer(toast(lang, "form.stale"))
        return
    await update.callback_query.answer()
    await _ask(update.effective_message, context, lang, state, pressed=update.callback_query)


async def cancel_press(update: Update, context: Context) -> None:
    assert update.callback_query and update.effective_user
    svc, lang = services(context), language(update, context)
    dropped = await cancel_form(svc, update.effective_user.id, pending=False)
    await update.callback_query.answer()
    if dropped:
        await update.callback_query.edit_message_text(t(lang, "form.cancelled"))


async def _home_chats(context: Context, user_id: int) -> list[str]:
    """The departments whose bound chats the requester is in (asked of Telegram, cached
    briefly), unless the organisation file lists them in a department's ``members``:
    core.intake picks their requests' own department of them (approvals by its
    managers, who asks whom)."""
    svc = services(context)
    if any(user_id in d.members for d in svc.org.departments):
        return []
    return [key for key, chat_id in await department_chats(svc)
            if await members(context).is_member(context.bot, chat_id, user_id)]


async def submit(update: Update, context: Context) -> None:
    """Submit: the request is stored, the draft dropped and the card owed, in one transaction."""
    query = update.callback_query
    assert query is not None and update.effective_user
    if await _refused(update, context):
        return  # access was withdrawn while the form was open
    svc, lang = services(context), language(update, context)
    user_id = update.effective_user.id
    refusal = await submit_form(svc, user_id, found_in=await _home_chats(context, user_id))
    if refusal is not None:  # answered after the transaction, never inside it
        await query.answer(toast(lang, refusal), show_alert=refusal == "form.broken")
        if refusal == "form.changed" and update.effective_message is not None \
                and (state := await current_form(svc, user_id)) is not None:
            await _ask(update.effective_message, context, lang, state)
        return
    sender(context).wake()
    await query.answer()
    await _close_buttons(query)
