"""Routing: which update goes to which handler."""

from __future__ import annotations

from telegram import Update
from telegram.ext import (
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot import callbacks
from bot.callbacks import FormPress, ListPress, RequestPress
from bot.handlers import actions, away, common, form, groups, lists, lookup, messages, stats
from bot.i18n import toast
from bot.runtime import BatonApp, Context, language


async def on_callback(update: Update, context: Context) -> None:
    """Every button press: parsed strictly, then checked on the server by its handler."""
    query = update.callback_query
    assert query is not None
    press = callbacks.press_of(update)
    if isinstance(press, FormPress) and query.message is not None \
            and query.message.chat.id == query.from_user.id:
        await form.on_press(update, context, press)
    elif isinstance(press, RequestPress) and query.message is not None:
        await actions.on_press(update, context, press)
    elif isinstance(press, ListPress) and query.message is not None:
        await lists.my_page(update, context, press)
    else:
        await query.answer(toast(language(update, context), "press.outdated"), show_alert=True)


def register(app: BatonApp) -> None:
    private = filters.ChatType.PRIVATE
    groups_only = filters.ChatType.GROUPS
    app.add_handler(TypeHandler(Update, common.remember_people), group=-1)
    app.add_handler(CommandHandler("start", common.start, filters=private))
    app.add_handler(CommandHandler("help", common.help_command))
    app.add_handler(CommandHandler("new", form.new, filters=private))
    app.add_handler(CommandHandler("cancel", form.cancel, filters=private))
    app.add_handler(CommandHandler("my", lists.my_requests, filters=private))
    app.add_handler(CommandHandler("away", away.away, filters=private))
    app.add_handler(CommandHandler("back", away.back, filters=private))
    app.add_handler(CommandHandler(["new", "my", "start"], common.private_only,
                                   filters=groups_only))
    app.add_handler(CommandHandler("queue", lists.queue, filters=groups_only))
    app.add_handler(CommandHandler("show", lookup.show_command))
    app.add_handler(MessageHandler(filters.COMMAND & filters.Regex(lookup.SHOW_LINK),
                                   lookup.show_link))
    app.add_handler(CommandHandler("find", lookup.find_command))
    app.add_handler(CommandHandler("bind", groups.bind))
    app.add_handler(CommandHandler("stats", stats.stats_command))
    app.add_handler(CommandHandler("export", stats.export_command))
    app.add_handler(CallbackQueryHandler(on_callback))
    app.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, groups.migrated))
    app.add_handler(ChatMemberHandler(groups.membership, ChatMemberHandler.MY_CHAT_MEMBER))
    app.add_handler(MessageHandler(private & ~filters.COMMAND, messages.private_message))
    app.add_handler(MessageHandler(groups_only & filters.REPLY & ~filters.COMMAND,
                                   messages.group_message))
    app.add_error_handler(common.on_error)
