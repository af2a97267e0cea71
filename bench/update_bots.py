"""The two bots the update-path benchmark runs as processes of their own.

``python -m bench.update_bots baton``: Baton as ``baton run`` starts it (the
settings come from the environment), except that ``BENCH_PACE=0`` turns its own
send limiter off for the cost runs.

``python -m bench.update_bots minimal``: the floor that python-telegram-bot
sets, a bot that echoes every message (with one inline button, so that its
users have something to press) and answers every button press, nothing else.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from sqlalchemy import event
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    ApplicationBuilder,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

ECHO_BUTTON = "ok"


def run_baton() -> None:
    from bot.app import build_application, configure_logging, prepare, run_kwargs
    from bot.pacer import Pacer
    from bot.settings import Settings

    settings = Settings()
    configure_logging(settings)
    svc = asyncio.run(prepare(settings))
    pacer = Pacer(enabled=os.environ.get("BENCH_PACE", "1") == "1")
    app = build_application(settings, svc, pacer=pacer)
    statements = _count_statements(svc.db.engine.sync_engine)
    app.run_polling(**run_kwargs())
    if os.environ.get("BENCH_STATEMENTS"):
        Path(os.environ["BENCH_STATEMENTS"]).write_text(json.dumps(statements))


def _count_statements(engine: Any) -> Counter[str]:
    """SQL statements the bot runs, by their first words (what the benchmark reports)."""
    counts: Counter[str] = Counter()

    @event.listens_for(engine, "before_cursor_execute")
    def _count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        words = statement.split()
        counts[" ".join(words[:3]) if words else ""] += 1

    return counts


async def _echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is None or not message.text:
        return
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton(ECHO_BUTTON, callback_data="ok")]])
    await message.reply_text(message.text, reply_markup=keyboard)


async def _answer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.callback_query is not None
    await update.callback_query.answer()


def run_minimal() -> None:
    api = os.environ["TELEGRAM_API_URL"].rstrip("/")
    app = (ApplicationBuilder().token(os.environ["BOT_TOKEN"])
           .base_url(f"{api}/bot").base_file_url(f"{api}/file/bot").build())
    app.add_handler(MessageHandler(filters.ALL, _echo))
    app.add_handler(CallbackQueryHandler(_answer))
    app.run_polling(drop_pending_updates=False)


if __name__ == "__main__":
    {"baton": run_baton, "minimal": run_minimal}[sys.argv[1]]()
