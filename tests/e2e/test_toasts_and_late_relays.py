"""Refusal toasts are plain text under Telegram's 200 characters, whatever the names;
replies to a request's card stop reaching the requester a week after it ended."""

from datetime import timedelta

from emulator.html import utf16_len
from tests.conftest import EXECUTOR, EXECUTOR2, IT_CHAT, REQUESTER
from tests.e2e.flows import bind, card, file_access_request, last, press, say

LONG = 3003
# 64 characters each, as long as Telegram allows; the emoji count twice in UTF-16
FIRST = "Tom & <Jerry> " + "😀" * 50
LAST = "&<" + "🙂" * 62


def toast(emu, query):
    text, _ = emu.callback_answers[query]
    assert text is not None
    return text


async def test_refusal_toasts_show_long_names_plainly_and_fit(emu, bot):
    assert len(FIRST) == len(LAST) == 64
    emu.add_user(LONG, FIRST, last_name=LAST, language_code="en")
    emu.chats[IT_CHAT].members[LONG] = "member"
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    await press(emu, bot, LONG, card(emu, number), "🙋 Take")

    # a second Take (pressed before the card changed) is told who was first
    query = emu.users[EXECUTOR].press(card(emu, number), data=f"v1:r:take:{number}")
    await bot.settle()
    late = toast(emu, query)
    assert late.startswith("Too late: Tom & <Jerry> 😀"), late
    assert "&amp;" not in late and "&lt;" not in late
    assert utf16_len(late) <= 200

    refused = toast(emu, await press(emu, bot, EXECUTOR2, card(emu, number), "✅ Done"))
    assert refused.startswith("Only the assignee (Tom & <Jerry> 😀"), refused
    assert "&amp;" not in refused and utf16_len(refused) <= 200
    assert refused.endswith("…")


async def rejected_request(emu, bot):
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    await press(emu, bot, EXECUTOR, card(emu, number), "⛔ Reject")
    await say(emu, bot, EXECUTOR, "Not ours", IT_CHAT, reply_to=last(emu, IT_CHAT).message_id)
    assert "rejected" in last(emu, REQUESTER).text
    return number


async def test_executor_can_write_to_the_requester_for_a_week_after_closing(emu, bot, clock):
    number = await rejected_request(emu, bot)
    clock.advance(timedelta(days=6, hours=23))
    await say(emu, bot, EXECUTOR, "One more thing", IT_CHAT,
              reply_to=card(emu, number).message_id)
    assert "One more thing" in last(emu, REQUESTER).text


async def test_executor_reply_after_a_week_is_not_passed_on(emu, bot, clock):
    number = await rejected_request(emu, bot)
    told = len(emu.bot_messages(REQUESTER))
    clock.advance(timedelta(days=7, minutes=1))
    answer = await say(emu, bot, EXECUTOR, "Are you still there?", IT_CHAT,
                       reply_to=card(emu, number).message_id)
    assert len(emu.bot_messages(REQUESTER)) == told  # nothing reached the requester
    assert f"#{number}" in answer.text and "not passed on" in answer.text.lower()
    assert "7 days" in answer.text


async def test_a_refused_typed_reason_is_answered_in_plain_words(emu, bot):
    # the reply is a toast's words sent as a message: every text is HTML by default,
    # so this one must say it is plain, or the names in it would be read as markup
    emu.add_user(LONG, FIRST, last_name=LAST, language_code="en")
    emu.chats[IT_CHAT].members[LONG] = "member"
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    await press(emu, bot, EXECUTOR, card(emu, number), "⛔ Reject")
    prompt = last(emu, IT_CHAT)
    await press(emu, bot, LONG, card(emu, number), "🙋 Take")
    await say(emu, bot, EXECUTOR, "Not ours", IT_CHAT, reply_to=prompt.message_id)
    answer = last(emu, IT_CHAT)
    assert answer.text.startswith("Only the assignee (Tom & <Jerry> 😀"), answer.text
