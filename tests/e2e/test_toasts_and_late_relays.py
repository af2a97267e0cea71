"""Refusal toasts are plain text under Telegram's 200 characters, whatever the names."""

from tests.conftest import EXECUTOR, EXECUTOR2, IT_CHAT
from tests.e2e.flows import bind, card, file_access_request, press
from tests.emulator.html import utf16_len

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
