"""Telegram's refusals and outages during a submission: obeyed, retried, delivered once."""

from datetime import timedelta

from tests.conftest import IT_CHAT, REQUESTER
from tests.e2e.flows import bind, file_access_request, last


def cards_of(emu, number):
    return [m for m in emu.bot_messages(IT_CHAT) if m.text.startswith(f"#{number} ·")]


async def test_retry_after_is_obeyed(emu, bot, clock):
    await bind(emu, bot)
    emu.inject("sendMessage", status=429, retry_after=2, chat_id=IT_CHAT)
    number = await file_access_request(emu, bot)
    assert cards_of(emu, number) == []
    clock.advance(timedelta(seconds=3))
    await bot.settle()
    assert len(cards_of(emu, number)) == 1
    sent_in_window = [c.method for c in emu.calls_during_retry_after if c.method != "getUpdates"]
    assert sent_in_window == []


async def test_a_timeout_is_retried_and_the_requester_told(emu, bot, clock):
    await bind(emu, bot)
    # the request hangs past python-telegram-bot's read timeout and is not delivered
    emu.inject_timeout("sendMessage", count=1, seconds=6, chat_id=IT_CHAT, deliver=False)
    number = await file_access_request(emu, bot)
    assert "cannot be reached" in last(emu, REQUESTER).text
    clock.advance(timedelta(minutes=1))
    await bot.settle()
    assert len(cards_of(emu, number)) == 1
