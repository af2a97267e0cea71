"""A person's answer first, notices after: Telegram lets a chat take about one
message a second, so a notice sent to a person while a handler is answering them
would make the answer wait. The sender holds what it owes them until the answer is
out (never more than a second), and serves the other chats meanwhile."""

from bot.sender import ANSWER_FIRST_AT_MOST
from core.outgoing import notify
from tests.conftest import ADMIN, REQUESTER


async def _owe(bot, chat_id: int) -> None:
    async with bot.svc.db.transaction() as session:
        notify(session, bot.clock.now(), chat_id, "unreachable", department="it",
               error="test")


async def test_a_person_being_answered_gets_notices_after_the_answer(emu, bot):
    answering = {REQUESTER}
    bot.sender.answering = lambda chat_id: chat_id in answering
    await _owe(bot, REQUESTER)
    await _owe(bot, ADMIN)
    await bot.sender.drain()
    assert emu.bot_messages(ADMIN) and not emu.bot_messages(REQUESTER)
    answering.clear()  # the handler's answer is out
    bot.sender.answered(REQUESTER)
    await bot.settle()
    assert len(emu.bot_messages(REQUESTER)) == 1


async def test_someone_who_keeps_writing_still_gets_notices(emu, bot):
    bot.sender.answering = lambda chat_id: True
    await _owe(bot, REQUESTER)
    await bot.sender.drain()
    assert not emu.bot_messages(REQUESTER)
    bot.clock.advance(ANSWER_FIRST_AT_MOST)
    await bot.sender.drain()
    assert len(emu.bot_messages(REQUESTER)) == 1
