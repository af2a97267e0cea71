"""Telegram Bot API emulator: what `baton demo` runs on, and what the tests talk to.

The real python-telegram-bot ``Application`` talks HTTP to :class:`BotApiEmulator`
exactly as it would to Telegram; tests play the users (``emu.add_user(...).send(...)``)
and inspect what the bot sent (``emu.bot_messages(chat_id)``).

Layout: ``html.py`` (Telegram HTML parser), ``world.py`` (users/chats/messages/updates),
``methods.py`` (Bot API methods and validation), ``server.py`` (tornado, faults, limits).
"""

from .html import HtmlParseError, parse_html, utf16_len
from .server import BotApiEmulator
from .world import ApiCall, ApiError, EmuChat, EmuGroup, EmuMessage, EmuUser

__all__ = [
    "ApiCall",
    "ApiError",
    "BotApiEmulator",
    "EmuChat",
    "EmuGroup",
    "EmuMessage",
    "EmuUser",
    "HtmlParseError",
    "parse_html",
    "utf16_len",
]
