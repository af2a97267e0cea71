"""/away and /back in a private chat: an executor away for some days."""

from __future__ import annotations

from telegram import Update

from bot.i18n import Html, t
from bot.render import person
from bot.runtime import Context, language, sender, services
from core.away import Answer, come_back, go_away
from db.models import User


def _text(lang: str, answer: Answer) -> Html:
    values = {k: person(v) if isinstance(v, User) else v for k, v in answer.values.items()}
    parts = [t(lang, f"away.{key}", **values) for key in answer.keys]
    if answer.usage:
        parts.append(t(lang, "away.usage"))
    return Html("\n".join(parts))


async def away(update: Update, context: Context) -> None:
    assert update.effective_user and update.effective_message
    answer = await go_away(services(context), update.effective_user.id, list(context.args or []))
    await update.effective_message.reply_html(_text(language(update, context), answer))


async def back(update: Update, context: Context) -> None:
    assert update.effective_user and update.effective_message
    answer = await come_back(services(context), update.effective_user.id)
    sender(context).wake()
    await update.effective_message.reply_html(_text(language(update, context), answer))
