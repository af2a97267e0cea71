"""Updates of different people are handled at once; one person's keep their order.

Through the real Application against the emulator: Rita's first answer is
slow (the emulator holds the bot's reply to her for a moment), so her second
update must wait for it, while Oleg, another person, is answered meanwhile.
"""

from tests.conftest import OUTSIDER, REQUESTER


def texts(emu, chat_id):
    return [m.text for m in emu.bot_messages(chat_id)]


async def test_one_person_in_order_others_not_blocked(emu, bot):
    # Rita's greeting takes 0.6 s to be answered by "Telegram"
    emu.inject_timeout("sendMessage", seconds=0.6, chat_id=REQUESTER)
    emu.users[REQUESTER].send(REQUESTER, "/start")
    emu.users[REQUESTER].send(REQUESTER, "/help")
    await emu.wait_for(lambda: emu.pending_update_count() == 0, timeout=10,
                       what="Rita's updates to be fetched")
    emu.users[OUTSIDER].send(OUTSIDER, "/start")
    await bot.settle()

    rita, oleg = texts(emu, REQUESTER), texts(emu, OUTSIDER)
    assert len(rita) == 2 and len(oleg) == 1
    # Rita's answers in the order she wrote: the greeting, then the help
    assert "I am Baton" in rita[0] and "What I can do" in rita[1]
    # Oleg was answered while Rita's first answer was still on its way
    answered = [c.params["chat_id"] for c in emu.calls_of("sendMessage")]  # as completed
    assert answered == [OUTSIDER, REQUESTER, REQUESTER]
    # each person's queue is dropped once it is empty
    assert bot.app.update_processor.lanes == 0


async def test_updates_are_counted_and_timed(emu, bot):
    metrics = bot.app.bot_data.metrics
    for user in (REQUESTER, OUTSIDER):
        emu.users[user].send(user, "/help")
    await bot.settle()
    registry = metrics.registry
    assert registry.get_sample_value("baton_updates_total", {"kind": "command"}) == 2
    assert registry.get_sample_value("baton_handler_seconds_count", {"kind": "command"}) == 2
