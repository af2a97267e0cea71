"""Buttons on request cards and on the requester's review message."""

from __future__ import annotations

from dataclasses import replace
from zoneinfo import ZoneInfo

from telegram import ForceReply, Message, Update
from telegram.error import BadRequest

from bot import keyboards
from bot.callbacks import SKIP, RequestPress
from bot.handlers import form
from bot.i18n import as_text, clock_time, cut, plain, t, toast
from bot.render import person, stars
from bot.runtime import Context, language, members, sender, services
from core.assigning import choices
from core.lifecycle import TRANSITIONS, Action, Place, Refusal, Role, Status
from core.workflow import (
    CHOOSER,
    COMMENT_WAIT,
    NOTICE,
    PICKED,
    PICKER,
    Outcome,
    Press,
    act,
    begin_input,
    check,
    comment,
    department_chat,
    may_dismiss,
    people_named,
    prompt_shown,
    rate,
    remember_message,
    reviewed,
    skip_comment,
    skip_reason,
)

# the message each press belongs on: a press from any other message is refused. An
# action's button is where the lifecycle table shows it; the department chosen for a
# transfer, and its Cancel, come from the chooser under the card
_CHOOSER, _NOTICE = frozenset({CHOOSER}), frozenset({NOTICE})
# a pick is accepted from a picker; one already used answers who was first
_PICKER = frozenset({PICKER, PICKED})
OTHER_PRESSES_ON = {"drop": _CHOOSER, "rate": _NOTICE, "nopick": _PICKER}
# the executors' list: a button per person (Telegram takes about a hundred), short names
PICKS_SHOWN, NAME_CHARS = 60, 40


def pressed_on(press: RequestPress) -> frozenset[str] | None:
    action = press.action
    if action is None:
        return OTHER_PRESSES_ON.get(press.verb)
    places = TRANSITIONS[action].places
    if press.arg is not None and TRANSITIONS[action].person:  # an executor picked
        return _PICKER
    if press.arg is not None or not places:  # a department chosen on the chooser
        return _CHOOSER
    return frozenset(place.value for place in places)


def _thread(update: Update) -> int | None:
    """The forum topic a pressed message lives in, to answer in the same topic."""
    message = update.callback_query.message if update.callback_query else None
    if isinstance(message, Message) and message.is_topic_message:
        return message.message_thread_id
    return None


def _press(update: Update, press: RequestPress) -> Press:
    query = update.callback_query
    assert query is not None and query.message is not None
    return Press(query.from_user.id, query.message.chat.id, query.message.message_id,
                 on=pressed_on(press))


async def refusal_text(update: Update, context: Context, outcome: Outcome) -> str:
    """Why a press did nothing, in words the presser understands (who was first). The
    workflow gives no request to someone with no part in it: they learn nothing."""
    svc, lang = services(context), language(update, context)
    request = outcome.request
    number = request.id if request else "?"
    if outcome.refusal is Refusal.NOT_FOUND or request is None:
        return toast(lang, "press.not_found")
    if outcome.refusal is Refusal.SAME_DEPARTMENT:
        return toast(lang, "press.same_department", id=number)
    if outcome.refusal is Refusal.NOT_EXECUTOR:
        return toast(lang, "press.not_executor", id=number)
    if outcome.refusal is Refusal.SAME_PERSON:
        return toast(lang, "press.same_person", id=number)
    people = await people_named(svc, outcome)
    if outcome.refusal is Refusal.NOT_ALLOWED:
        if request.assignee_id and request.status in (Status.IN_PROGRESS, Status.WAITING):
            return toast(lang, "press.not_assignee",
                         name=person(people.get(request.assignee_id), request.assignee_id))
        return toast(lang, "press.not_allowed")
    first = outcome.first
    status = plain(lang, f"status.{request.status}")
    if first is None or first.actor_id is None:
        return toast(lang, "press.wrong_state", id=number, status=status)
    at = clock_time(lang, first.at.astimezone(ZoneInfo(svc.org.organization.timezone)))
    return toast(lang, "press.wrong_state_by", actor=person(people.get(first.actor_id),
                                                                 first.actor_id),
                 did=plain(lang, f"did.{first.kind}"), id=number, time=at)


async def on_press(update: Update, context: Context, press: RequestPress) -> None:
    query = update.callback_query
    assert query is not None
    svc, lang = services(context), language(update, context)
    where = _press(update, press)
    action = press.action
    if action is not None and Place.VIEW in TRANSITIONS[action].places \
            and Role.APPROVER not in TRANSITIONS[action].roles \
            and where.chat_id == where.actor_id:
        # a press from a private view: an executor is whoever is in the department's chat
        # (not asked for an approver's decision: it makes nobody an executor)
        chat = await department_chat(svc, press.request_id)
        if chat is not None and await members(context).is_member(context.bot, chat,
                                                                  where.actor_id):
            where = replace(where, member=True)
    if action is not None:
        step = TRANSITIONS[action]
        if step.department and press.arg is None:
            await _choose_department(update, context, where, press.request_id, action)
        elif step.person and press.arg is None:
            await _choose_person(update, context, where, press.request_id, action)
        elif step.person:
            await _apply(update, context, where, press.request_id, action,
                         to_person=int(press.arg) if press.arg and press.arg.isdigit() else 0)
        elif step.optional_reason and press.arg == SKIP:
            await _skip_reason(update, context, where, press.request_id, action)
        elif step.refills_form:
            await _refill(update, context, where, press.request_id, action)
        elif step.needs_reason:
            await _ask_reason(update, context, where, press.request_id, action, press.arg)
        else:
            await _apply(update, context, where, press.request_id, action)
    elif press.verb == "drop":  # Cancel on the transfer chooser
        outcome = await may_dismiss(svc, press.request_id, Action.TRANSFER, where)
        if not outcome.ok:
            await query.answer(await refusal_text(update, context, outcome), show_alert=True)
            return
        await query.answer(toast(lang, "prompt.cancelled"))
        await _delete(update)
    elif press.verb == "nopick":  # « Back on the executors' list
        outcome = await may_dismiss(svc, press.request_id, Action.ASSIGN, where)
        if not outcome.ok:
            await query.answer(await refusal_text(update, context, outcome), show_alert=True)
            return
        await query.answer()
        await _delete(update)
    elif press.verb == "rate":
        await _rate(update, context, where, press)
    elif press.verb == "nocom":  # «No comment» under a rating, from earlier versions
        if not await skip_comment(svc, press.request_id, where):
            await query.answer(toast(lang, "press.outdated"), show_alert=True)
            return
        await query.answer(toast(lang, "prompt.cancelled"))
        await _edit_markup(update, None)


async def _apply(update: Update, context: Context, where: Press, request_id: int,
                 action: Action, to_person: int | None = None) -> None:
    """An action a press applies at once: the presser is told, the message follows."""
    query = update.callback_query
    assert query is not None
    outcome = await act(services(context), request_id, action, where, to_person=to_person)
    if not outcome.ok:
        await query.answer(await refusal_text(update, context, outcome), show_alert=True)
        return
    sender(context).wake()
    await _applied(update, context, action, request_id)


async def _applied(update: Update, context: Context, action: Action, request_id: int) -> None:
    """An applied press, whichever path applied it: its toast (the table's, or none),
    then the message pressed follows the table (a list used up, a review answered)."""
    assert update.callback_query is not None
    step = TRANSITIONS[action]
    await update.callback_query.answer(
        toast(language(update, context), step.toast, id=request_id) if step.toast else None)
    if step.person:
        await _delete(update)  # the executors' list has done its job
    if step.review is not None:
        await _after_review(update, context, step.review, request_id)


async def _ask_reason(update: Update, context: Context, where: Press, request_id: int,
                      action: Action, to_department: str | None = None) -> None:
    """Reject, Need info and Transfer need words: ask for a reply to a prompt."""
    query = update.callback_query
    assert query is not None and query.message is not None
    svc, lang = services(context), language(update, context)
    department = svc.org.department(to_department) if to_department else None
    if to_department and department is None:
        await query.answer(toast(lang, "press.outdated"), show_alert=True)
        return
    data: dict[str, object] = {"to": to_department} if to_department else {}
    optional = TRANSITIONS[action].optional_reason
    if optional:  # the message pressed, to take its button away once it is done
        data["from"] = where.message_id
    outcome = await begin_input(svc, request_id, action, where, data or None)
    if not outcome.ok:
        await query.answer(await refusal_text(update, context, outcome), show_alert=True)
        return
    await query.answer(toast(lang, TRANSITIONS[action].prompt_toast))
    chosen = TRANSITIONS[action].department
    if chosen:
        await _delete(update)  # the department chooser has done its job
    prompt = await context.bot.send_message(
        where.chat_id,
        t(lang, TRANSITIONS[action].prompt or "", actor=person(update.effective_user, link=True),
          id=request_id, department=department.name.in_(lang) if department else ""),
        # a reason that may be left out has Skip instead (one message has one markup)
        reply_markup=keyboards.skip_reason(lang, request_id, action) if optional
        else ForceReply(selective=True),
        reply_to_message_id=None if chosen else where.message_id,
        message_thread_id=_thread(update),
    )
    await prompt_shown(svc, where, prompt.message_id)
    if optional:  # its Skip acts only from it
        await remember_message(svc, request_id, prompt.chat.id, prompt.message_id, CHOOSER,
                               _thread(update))


async def _refill(update: Update, context: Context, where: Press, request_id: int,
                  action: Action) -> None:
    """Repeat: checked like every press, then the form starts with the earlier answers."""
    query = update.callback_query
    assert query is not None
    lang = language(update, context)
    outcome = await check(services(context), request_id, action, where)
    if not outcome.ok:
        await query.answer(await refusal_text(update, context, outcome), show_alert=True)
        return
    if not await form.repeat(update, context, request_id):
        await query.answer(toast(lang, "press.outdated"), show_alert=True)
        return
    await _applied(update, context, action, request_id)


async def _skip_reason(update: Update, context: Context, where: Press, request_id: int,
                       action: Action) -> None:
    """Skip under the prompt: the action without a reason; the prompt loses its button."""
    query = update.callback_query
    assert query is not None
    outcome = await skip_reason(services(context), request_id, action, where)
    if not outcome.ok:
        await query.answer(await refusal_text(update, context, outcome), show_alert=True)
        return
    sender(context).wake()
    await _applied(update, context, action, request_id)
    await _edit_markup(update, None)
    message = query.message
    replied = message.reply_to_message if isinstance(message, Message) else None
    if replied is not None:  # the confirmation (or view) its Cancel was pressed on
        await strip_buttons(context, where.chat_id, replied.message_id)


async def strip_buttons(context: Context, chat_id: int, message_id: int) -> None:
    try:
        await context.bot.edit_message_reply_markup(chat_id, message_id, reply_markup=None)
    except BadRequest:
        pass


async def _choose_department(update: Update, context: Context, where: Press,
                             request_id: int, action: Action) -> None:
    query = update.callback_query
    assert query is not None and query.message is not None
    svc, lang = services(context), language(update, context)
    outcome = await check(svc, request_id, action, where)
    if not outcome.ok or outcome.request is None:
        await query.answer(await refusal_text(update, context, outcome), show_alert=True)
        return
    others = [d for d in svc.org.departments if d.key != outcome.request.department_key]
    await query.answer()
    chooser = await context.bot.send_message(
        query.message.chat.id, t(lang, "prompt.transfer_to", id=request_id),
        reply_markup=keyboards.transfer_targets(lang, request_id, others),
        reply_to_message_id=query.message.message_id,
        message_thread_id=_thread(update),
    )
    # its buttons act only from it, once it is known as this request's chooser
    await remember_message(svc, request_id, chooser.chat.id, chooser.message_id, CHOOSER,
                           _thread(update))


async def _choose_person(update: Update, context: Context, where: Press, request_id: int,
                         action: Action) -> None:
    """Assign or Reassign pressed: the department's executors, with their open load,
    under the card (or the view) it was pressed on."""
    query = update.callback_query
    assert query is not None and query.message is not None
    svc, lang = services(context), language(update, context)
    outcome = await check(svc, request_id, action, where)
    request = outcome.request
    if not outcome.ok or request is None:
        await query.answer(await refusal_text(update, context, outcome), show_alert=True)
        return
    picks = [(c.user_id, cut(as_text(person(c.user, c.user_id)), NAME_CHARS), c.load, c.away)
             for c in await choices(svc, request.department_key)
             if c.user_id != request.assignee_id][:PICKS_SHOWN]
    if not picks:
        await query.answer(toast(lang, "press.no_executors"), show_alert=True)
        return
    await query.answer()
    picker = await context.bot.send_message(
        query.message.chat.id,
        t(lang, "picker.assign" if action is Action.ASSIGN else "picker.reassign", id=request_id),
        reply_markup=keyboards.executors(lang, request_id, action, picks),
        reply_to_message_id=query.message.message_id,
        message_thread_id=_thread(update),
    )
    # its buttons act only from it, once it is known as this request's picker
    await remember_message(svc, request_id, picker.chat.id, picker.message_id, PICKER,
                           _thread(update))


async def _rate(update: Update, context: Context, where: Press, press: RequestPress) -> None:
    query = update.callback_query
    assert query is not None
    svc, lang = services(context), language(update, context)
    score = int(press.arg) if press.arg and press.arg.isdigit() else 0
    outcome = await rate(svc, press.request_id, where, score)
    if not outcome.ok or outcome.request is None:
        await query.answer(await refusal_text(update, context, outcome), show_alert=True)
        return
    await query.answer(toast(lang, "press.rated", score=score))
    if outcome.unchanged:
        return  # a second tap on the same star: its prompt for a comment is out already
    request = outcome.request
    # the rating buttons have done their job; Accept and Reopen stay while on review
    await _edit_markup(update, keyboards.review_rated(lang, request.id)
                       if request.status == Status.ON_REVIEW else None)
    # the comment is a reply to this prompt, so it cannot be mistaken for a form's answer
    prompt = await context.bot.send_message(
        where.chat_id, t(lang, "review.rated", id=request.id, stars=stars(score),
                         minutes=int(COMMENT_WAIT.total_seconds() // 60)),
        reply_markup=ForceReply())
    await prompt_shown(svc, where, prompt.message_id)


async def _after_review(update: Update, context: Context, key: str, request_id: int) -> None:
    """Accept or Reopen pressed: the review message says what happened (and asks for a
    rating still owed on a closed request)."""
    svc, lang = services(context), language(update, context)
    request, rated = await reviewed(svc, request_id)
    department = svc.org.department(request.department_key) if request else None
    markup = None
    if request is not None and request.status == Status.CLOSED:
        # the closing notice: Repeat, and the rating still owed
        markup = keyboards.closed(lang, request_id, rate=not rated)
        if not rated:
            key = "review.accepted_rate"
    query = update.callback_query
    assert query is not None
    try:
        await query.edit_message_text(
            t(lang, key, id=request_id, department=department.name.in_(lang) if department else ""),
            reply_markup=markup)
    except BadRequest:
        pass


async def take_comment(update: Update, context: Context) -> bool:
    """A private text that is the rating comment asked for; False when it is not one."""
    message, user = update.effective_message, update.effective_user
    assert message is not None and user is not None
    if not message.text:
        return False
    reply_to = message.reply_to_message.message_id if message.reply_to_message else None
    outcome = await comment(services(context), user.id, message.text, reply_to=reply_to,
                            update_id=update.update_id)
    if outcome is None:
        return False
    if outcome.ok and outcome.request is not None:
        sender(context).wake()
        await message.reply_html(t(language(update, context), "review.comment_saved",
                                   id=outcome.request.id))
    return True


async def _delete(update: Update) -> None:
    try:
        await update.callback_query.delete_message()  # type: ignore[union-attr]
    except BadRequest:
        pass


async def _edit_markup(update: Update, markup: object) -> None:
    try:
        await update.callback_query.edit_message_reply_markup(markup)  # type: ignore[union-attr,arg-type]
    except BadRequest:
        pass
