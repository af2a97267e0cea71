"""/show N (and the tappable /show_N) and /find TEXT: one request whole, or the
newest matches, to whoever may see them (core.lookup decides)."""

from __future__ import annotations

import logging
import re
from functools import partial

from telegram import Message, Update
from telegram.error import BadRequest

from bot import keyboards
from bot.callbacks import MAX_REQUEST_ID
from bot.i18n import t
from bot.runtime import Context, language, members, services
from bot.view import found_text, view_texts
from core.lookup import find, view
from core.workflow import remember_message

log = logging.getLogger(__name__)
VIEW = "view"  # the kind of the recorded /show message (core.lifecycle.Place.VIEW)
# /show_12, or /show_12@botname in a group
SHOW_LINK = re.compile(r"^/show_(\d{1,20})(?:@(\w+))?$")
_NUMBER = re.compile(r"^#?(\d{1,20})$")


async def show_command(update: Update, context: Context) -> None:
    """/show N."""
    message = update.effective_message
    assert message is not None
    args = context.args or []
    match = _NUMBER.fullmatch(args[0]) if len(args) == 1 else None
    if match is None:
        await message.reply_html(t(language(update, context), "show.usage"))
        return
    await _show(update, context, int(match.group(1)))


async def show_link(update: Update, context: Context) -> None:
    """/show_N, the tappable form in lists."""
    message = update.effective_message
    assert message is not None and message.text is not None
    match = SHOW_LINK.fullmatch(message.text.strip())
    if match is None:
        return
    addressed = match.group(2)
    if addressed and context.bot.username and addressed.lower() != context.bot.username.lower():
        return  # another bot's command
    await _show(update, context, int(match.group(1)))


async def _show(update: Update, context: Context, number: int) -> None:
    message, user = update.effective_message, update.effective_user
    assert message is not None and user is not None
    svc, lang = services(context), language(update, context)
    found = None
    if 1 <= number <= MAX_REQUEST_ID:
        found = await view(svc, number, user.id, message.chat.id,
                           partial(members(context).is_member, context.bot))
    if found is None:  # not there, or not theirs: the same words
        await message.reply_html(t(lang, "show.not_found", id=number))
        return
    texts = view_texts(lang, svc, found, svc.clock.now())
    markup = keyboards.view(lang, number, found.actions)
    thread = message.message_thread_id if message.is_topic_message else None
    last: Message | None = None
    for index, text in enumerate(texts):
        last = await message.reply_html(
            text, reply_markup=markup if index == len(texts) - 1 else None,
            do_quote=index == 0)
    assert last is not None
    # presses on its buttons are accepted only from a message known as this view
    await remember_message(svc, number, last.chat.id, last.message_id, VIEW, thread)
    for answer in found.request.answers:
        if not answer.get("file_id") or answer.get("value") is None:
            continue
        caption = t(lang, "show.file", id=number, label=answer["label"])
        send = message.reply_photo if answer.get("file_kind") == "photo" \
            else message.reply_document
        try:
            await send(answer["file_id"], caption=caption, do_quote=False)
        except BadRequest as exc:  # a file Telegram no longer serves: the text stands
            log.warning("/show %s: file %r refused: %s", number, answer["label"], exc.message)


async def find_command(update: Update, context: Context) -> None:
    """/find TEXT: the 10 newest matches the asker may see here."""
    message, user = update.effective_message, update.effective_user
    assert message is not None and user is not None
    svc, lang = services(context), language(update, context)
    query = " ".join(context.args or []).strip()
    if not query:
        await message.reply_html(t(lang, "find.usage"))
        return
    thread = message.message_thread_id if message.is_topic_message else None
    found = await find(svc, query, user.id, message.chat.id, thread)
    await message.reply_html(found_text(lang, svc, query[:100], found))
