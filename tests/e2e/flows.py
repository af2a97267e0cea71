"""Steps people take, shared by the end-to-end tests."""

from __future__ import annotations

from bot.harness import BotUnderTest
from emulator import BotApiEmulator, EmuMessage
from tests.conftest import ADMIN, IT_CHAT, REQUESTER


async def bind(emu: BotApiEmulator, bot: BotUnderTest, chat_id: int = IT_CHAT,
               key: str = "it") -> None:
    emu.users[ADMIN].send(chat_id, f"/bind {key}")
    await bot.settle()


def last(emu: BotApiEmulator, chat_id: int) -> EmuMessage:
    message = emu.last_bot_message(chat_id)
    assert message is not None, f"the bot sent nothing to {chat_id}"
    return message


async def press(emu: BotApiEmulator, bot: BotUnderTest, user_id: int, message: EmuMessage,
                button: str) -> str:
    query = emu.users[user_id].press(message, button)
    await bot.settle()
    return query


async def say(emu: BotApiEmulator, bot: BotUnderTest, user_id: int, text: str,
              chat_id: int | None = None, reply_to: int | None = None) -> EmuMessage:
    emu.users[user_id].send(chat_id or user_id, text, reply_to=reply_to)
    await bot.settle()
    return last(emu, chat_id or user_id)


async def file_access_request(emu: BotApiEmulator, bot: BotUnderTest,
                              user_id: int = REQUESTER, system: str = "1C Accounting",
                              urgent: bool = False) -> int:
    """IT → Access to a system → answers → priority → Send; returns #N."""
    await say(emu, bot, user_id, "/new")
    await press(emu, bot, user_id, last(emu, user_id), "IT")
    await press(emu, bot, user_id, last(emu, user_id), "Access to a system")
    await say(emu, bot, user_id, system)
    await press(emu, bot, user_id, last(emu, user_id), "Write")
    await press(emu, bot, user_id, last(emu, user_id), "Skip")
    await press(emu, bot, user_id, last(emu, user_id), "🔥 Urgent" if urgent else "Normal")
    await skip_watchers(emu, bot, user_id)
    await press(emu, bot, user_id, last(emu, user_id), "✅ Send")
    confirmation = next((m.text for m in reversed(emu.bot_messages(user_id))
                         if "Request #" in m.text), "")
    assert confirmation, last(emu, user_id).text
    return int(confirmation.split("#")[1].split()[0])


async def skip_watchers(emu: BotApiEmulator, bot: BotUnderTest, user_id: int = REQUESTER,
                        label: str = "Skip") -> None:
    """"Keep anyone informed?": Skip on the picker's reply keyboard."""
    emu.users[user_id].tap(label)
    await bot.settle()


def card(emu: BotApiEmulator, request_id: int, chat_id: int = IT_CHAT) -> EmuMessage:
    for message in emu.bot_messages(chat_id):
        if message.text.startswith(f"#{request_id} ·") and "Status:" in message.text:
            return message
    raise AssertionError(f"no card of #{request_id} in {chat_id}")


def button_texts(message: EmuMessage) -> list[str]:
    return [text for row in message.buttons for text, _ in row]
