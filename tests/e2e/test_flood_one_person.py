"""One person sends 200 messages at once while another person writes normally.

The flooder's first answer is held by "Telegram" for a few seconds, so their
updates pile up behind it. Only a bounded number of them is kept; the rest are
dropped with one notice to the flooder (asking to resend the last ones), and
the other person is answered at once, not after the flooder's backlog.
"""

import gc
import warnings

from bot.update_order import PER_PERSON
from tests.conftest import OUTSIDER, REQUESTER

FLOOD = 200
HELD = 4.0  # seconds "Telegram" holds the flooder's first answer (under the 5 s timeout)
WAIT = 10.0
NOTICE = "You sent too much at once"
FALLBACK = "To file a request send /new"


def texts(emu, chat_id: int) -> list[str]:
    return [m.text for m in emu.bot_messages(chat_id)]


async def hold_first_answer(emu, seconds: float) -> None:
    """Rita writes once; "Telegram" holds the bot's answer for ``seconds``."""
    emu.inject_timeout("sendMessage", seconds=seconds, chat_id=REQUESTER)
    emu.users[REQUESTER].send(REQUESTER, "first")
    await emu.wait_for(lambda: emu.inflight > 0, timeout=WAIT,
                       what="the answer to Rita's first message to be on its way")


async def test_a_flood_is_capped_and_others_are_not_queued_behind_it(emu, bot):
    processor = bot.app.update_processor
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        await hold_first_answer(emu, HELD)
        for number in range(FLOOD - 1):
            emu.users[REQUESTER].send(REQUESTER, f"spam {number}")
        await emu.wait_for(lambda: emu.pending_update_count() == 0, timeout=WAIT,
                           what="the flood to be fetched")
        await emu.wait_for(lambda: any(NOTICE in t for t in texts(emu, REQUESTER)),
                           timeout=WAIT, what="the notice to the flooder")
        # whatever Rita sent, the bot holds at most PER_PERSON of her updates
        assert processor.in_hand(REQUESTER) <= PER_PERSON

        emu.users[OUTSIDER].send(OUTSIDER, "/start")
        await emu.wait_for(lambda: bool(texts(emu, OUTSIDER)), timeout=HELD,
                           what="Oleg's answer")
        # Oleg was answered while Rita's first answer was still on its way
        assert not any(FALLBACK in t for t in texts(emu, REQUESTER))

        await bot.settle(timeout=HELD + 20)
        rita = texts(emu, REQUESTER)
        assert sum(NOTICE in t for t in rita) == 1  # one notice for the whole burst
        assert sum(FALLBACK in t for t in rita) == PER_PERSON  # the kept ones, all answered
        assert "I am Baton" in texts(emu, OUTSIDER)[0]
        assert processor.lanes == 0 and processor.in_hand(REQUESTER) == 0
        gc.collect()  # a dropped coroutine never closed warns when it is collected
    assert not [w for w in caught if "never awaited" in str(w.message)]


async def test_a_new_burst_after_the_backlog_is_handled_gets_a_new_notice(emu, bot):
    for burst in range(2):
        await hold_first_answer(emu, 1.0)
        for number in range(PER_PERSON + 5):
            emu.users[REQUESTER].send(REQUESTER, f"burst {burst} message {number}")
        await bot.settle(timeout=30)
    rita = texts(emu, REQUESTER)
    assert sum(NOTICE in t for t in rita) == 2
    assert sum(FALLBACK in t for t in rita) == 2 * PER_PERSON


async def test_a_flood_of_presses_gets_one_toast(emu, bot):
    emu.users[REQUESTER].send(REQUESTER, "/new")
    await bot.settle()
    form = emu.last_bot_message(REQUESTER)
    await hold_first_answer(emu, 2.0)
    queries = [emu.users[REQUESTER].press(form, "IT") for _ in range(PER_PERSON + 10)]
    await bot.settle(timeout=30)
    toasts = [emu.callback_answers.get(q) for q in queries]
    dropped = [a for a in toasts if a is not None and "Too many presses" in (a[0] or "")]
    assert len(dropped) == 1 and dropped[0][1]  # one alert for the burst
    # the presses kept (all but the first text of the PER_PERSON) were handled and
    # answered; of the rest, only the first is answered
    assert sum(a is not None for a in toasts) == PER_PERSON
