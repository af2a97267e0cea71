"""Who is writing, /start, /help, and the error handler."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.constants import ChatType

from bot.i18n import t
from bot.runtime import Context, language, sender, services
from core.approvals import copies_owed
from core.people import UserInfo, remember_person

log = logging.getLogger(__name__)


async def remember_people(update: Update, context: Context) -> None:
    """Runs before every handler: keep names and languages fresh; note who started us."""
    user, chat = update.effective_user, update.effective_chat
    if user is None or user.is_bot or update.my_chat_member is not None:
        return  # the bot blocked or unblocked: groups.membership writes what it means
    private = chat is not None and chat.type == ChatType.PRIVATE
    if not private and update.callback_query is None and update.message is None:
        return
    info = UserInfo(user.id, user.first_name, user.last_name, user.username, user.language_code)
    await remember_person(services(context), info, private=private)


async def start(update: Update, context: Context) -> None:
    assert update.effective_message and update.effective_user
    lang = language(update, context)
    org = services(context).org
    await update.effective_message.reply_html(
        t(lang, "start.greeting", name=update.effective_user.first_name,
          org=org.organization.name.in_(lang))
    )
    chat = update.effective_chat
    if chat is not None and chat.type == ChatType.PRIVATE \
            and await copies_owed(services(context), update.effective_user.id):
        sender(context).wake()  # approvals that waited for them to start the bot


async def help_command(update: Update, context: Context) -> None:
    assert update.effective_message and update.effective_chat
    lang = language(update, context)
    key = "help.private" if update.effective_chat.type == ChatType.PRIVATE else "help.group"
    await update.effective_message.reply_html(t(lang, key))


async def private_only(update: Update, context: Context) -> None:
    """/new or /my sent in a group: point to the private chat."""
    assert update.effective_message
    await update.effective_message.reply_html(
        t(language(update, context), "form.private_only", bot=context.bot.username or "")
    )


async def on_error(update: object, context: Context) -> None:
    # the token never reaches the log: PTB's errors carry no URL, and httpx is kept at WARNING
    log.error("update %s failed", getattr(update, "update_id", "?"), exc_info=context.error)
    if isinstance(update, Update) and update.effective_chat is not None:
        if update.callback_query is not None:
            try:
                await update.callback_query.answer()
            except Exception:
                pass
        if update.effective_chat.type == ChatType.PRIVATE:
            try:
                await context.bot.send_message(
                    update.effective_chat.id, t(language(update, context), "error.generic"))
            except Exception:
                pass
