"""A card offers only what a press would do: on a request waiting for the requester's
answer, the assignee is never shown a button that then says "Too late"."""

from tests.conftest import EXECUTOR, IT_CHAT, REQUESTER
from tests.e2e.flows import bind, button_texts, card, file_access_request, last, press, say


async def test_a_waiting_card_offers_no_second_question(emu, bot):
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    await press(emu, bot, EXECUTOR, card(emu, number), "🙋 Take")
    await press(emu, bot, EXECUTOR, card(emu, number), "❓ Need info")
    await say(emu, bot, EXECUTOR, "Which cost centre?", IT_CHAT,
              reply_to=last(emu, IT_CHAT).message_id)
    assert "asks about" in last(emu, REQUESTER).text
    waiting = card(emu, number)
    assert "waiting for the requester" in waiting.text
    # every button the waiting card shows is one the assignee may press now
    assert button_texts(waiting) == ["✅ Done", "↩️ Release"]
    query = emu.users[EXECUTOR].press(waiting, "↩️ Release")
    await bot.settle()
    assert emu.callback_answers[query] == (f"#{number} is back in the queue.", False)
