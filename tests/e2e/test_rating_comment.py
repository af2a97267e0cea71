"""A rating comment is asked with a reply prompt: it never takes an answer meant for an
open form, and it is not awaited for ever."""

from datetime import timedelta

from db.models import PendingInput, Rating
from tests.conftest import EXECUTOR, REQUESTER
from tests.e2e.flows import bind, card, file_access_request, last, press, say


async def on_review(emu, bot):
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    await press(emu, bot, EXECUTOR, card(emu, number), "🙋 Take")
    await press(emu, bot, EXECUTOR, card(emu, number), "✅ Done")
    return number, last(emu, REQUESTER)


async def open_second_form(emu, bot):
    await say(emu, bot, REQUESTER, "/new")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "IT")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Access to a system")
    assert "1/3. Which system?" in last(emu, REQUESTER).text


def asked_with_force_reply(emu, message):
    sent = [c for c in emu.calls if c.method == "sendMessage" and c.ok
            and c.result.get("message_id") == message.message_id
            and c.result["chat"]["id"] == message.chat_id]
    markup = sent[-1].params.get("reply_markup") or {}
    if isinstance(markup, str):
        import json

        markup = json.loads(markup)
    return bool(markup.get("force_reply"))


async def comment_of(bot, number):
    async with bot.svc.db.transaction() as session:
        rating = await session.get(Rating, number)
        return rating.comment if rating else None


async def test_star_pressed_while_a_form_is_open_does_not_take_its_answer(emu, bot):
    number, review = await on_review(emu, bot)
    await open_second_form(emu, bot)
    await press(emu, bot, REQUESTER, review, "4")
    prompt = last(emu, REQUESTER)
    shown = await say(emu, bot, REQUESTER, "SAP ERP")
    assert "2/3. Access level" in shown.text  # the form got the answer
    assert await comment_of(bot, number) is None
    assert "SAP ERP" not in card(emu, number).text
    assert "You rated" in prompt.text and asked_with_force_reply(emu, prompt)


async def test_a_reply_to_the_prompt_is_the_comment_even_with_a_form_open(emu, bot):
    number, review = await on_review(emu, bot)
    await open_second_form(emu, bot)
    await press(emu, bot, REQUESTER, review, "5")
    prompt = last(emu, REQUESTER)
    saved = await say(emu, bot, REQUESTER, "Fast & <kind>", reply_to=prompt.message_id)
    assert "comment" in saved.text
    assert await comment_of(bot, number) == "Fast & <kind>"
    assert "Fast & <kind>" in card(emu, number).text
    shown = await say(emu, bot, REQUESTER, "SAP ERP")  # the form waited meanwhile
    assert "2/3. Access level" in shown.text


async def test_without_a_form_the_next_message_is_the_comment(emu, bot):
    number, review = await on_review(emu, bot)
    await press(emu, bot, REQUESTER, review, "5")
    await say(emu, bot, REQUESTER, "Thanks a lot")
    assert await comment_of(bot, number) == "Thanks a lot"


async def test_the_comment_is_not_awaited_after_an_hour(emu, bot, clock):
    number, review = await on_review(emu, bot)
    await press(emu, bot, REQUESTER, review, "3")
    prompt = last(emu, REQUESTER)
    clock.advance(timedelta(minutes=61))
    answer = await say(emu, bot, REQUESTER, "Hello there")
    assert "/new" in answer.text  # the ordinary answer to a stray message
    late = await say(emu, bot, REQUESTER, "Late words", reply_to=prompt.message_id)
    assert "comment" not in late.text
    assert await comment_of(bot, number) is None
    async with bot.svc.db.transaction() as session:
        assert await session.get(PendingInput, (REQUESTER, REQUESTER)) is None
