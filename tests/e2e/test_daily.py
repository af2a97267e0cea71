"""Daily work (issue 12): Cancel request, Repeat, watchers and the user picker, as the
people see them through the emulator."""

from datetime import timedelta

from sqlalchemy import select

from db.models import Request, Watcher
from tests.conftest import ADMIN, EXECUTOR, EXECUTOR2, IT_CHAT, OUTSIDER, REQUESTER
from tests.e2e.flows import bind, button_texts, card, file_access_request, last, press, say

NEVER_STARTED = 6001  # picked as a watcher, but never opened a chat with the bot


async def status_of(bot, number):
    async with bot.svc.db.reading() as session:
        return (await session.get(Request, number)).status


async def watchers_of(bot, number):
    async with bot.svc.db.reading() as session:
        return sorted(await session.scalars(
            select(Watcher.user_id).where(Watcher.request_id == number)))


def confirmation(emu, number):
    return next(m for m in emu.bot_messages(REQUESTER)
                if m.text.startswith(f"✅ Request #{number} has been sent"))


def texts(emu, chat_id):
    return [m.text for m in emu.bot_messages(chat_id)]


# ------------------------------------------------------------------ Cancel request


async def test_cancel_from_the_confirmation_without_a_reason(emu, bot):
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    sent = confirmation(emu, number)
    assert button_texts(sent) == ["✖ Cancel request"]
    await press(emu, bot, REQUESTER, sent, "✖ Cancel request")
    prompt = last(emu, REQUESTER)
    assert prompt.text.startswith(f"Cancel #{number}? Reply to this message with the reason")
    assert button_texts(prompt) == ["Skip"]
    assert await status_of(bot, number) == "new"  # nothing happens before the answer
    query = await press(emu, bot, REQUESTER, prompt, "Skip")
    assert emu.callback_answers[query] == (f"#{number} is cancelled.", False)
    assert await status_of(bot, number) == "cancelled"
    assert f"✖ You cancelled #{number} «Access to a system». IT is told." in texts(emu, REQUESTER)
    shown = card(emu, number)
    assert "Status: ✖ cancelled" in shown.text and shown.buttons == []
    # the buttons that led here are gone: the prompt's Skip and the confirmation's Cancel
    assert prompt.buttons == [] and confirmation(emu, number).buttons == []
    # three hours later (past the 2h to take it) /stats counts it as cancelled, not missed
    bot.clock.advance(timedelta(hours=3))
    await say(emu, bot, ADMIN, "/stats 7 it")
    it = next(m.text for m in emu.bot_messages(ADMIN) if m.text.startswith("📊 IT"))
    assert "Created 1 · taken 0 · done 0 · cancelled 1" in it
    assert "SLA met: response no data · resolution no data" in it


async def test_cancel_with_a_reason_tells_the_assignee(emu, bot):
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    await press(emu, bot, EXECUTOR, card(emu, number), "🙋 Take")
    await press(emu, bot, REQUESTER, confirmation(emu, number), "✖ Cancel request")
    prompt = last(emu, REQUESTER)
    # a message that replies to nothing is not the reason: a cancel left unanswered
    # is never carried out by whatever the person writes next
    await say(emu, bot, REQUESTER, "what is the status of my laptop?")
    assert await status_of(bot, number) == "in_progress"
    await say(emu, bot, REQUESTER, "Filed twice, <sorry>", reply_to=prompt.message_id)
    assert await status_of(bot, number) == "cancelled"
    told = last(emu, EXECUTOR).text
    assert told == (f"✖ Rita Requester cancelled #{number} «Access to a system», which you "
                    "were working on. Nothing more to do.\nReason: Filed twice, <sorry>")
    assert any(t.endswith("Reason: Filed twice, <sorry>") and t.startswith("✖ You cancelled")
               for t in texts(emu, REQUESTER))
    assert "Status: ✖ cancelled" in card(emu, number).text
    assert last(emu, IT_CHAT).text == (f"✖ Rita Requester cancelled #{number}: nothing more "
                                       "to do.\nReason: Filed twice, <sorry>")


async def test_with_a_form_open_only_a_reply_to_the_prompt_is_the_reason(emu, bot):
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    await say(emu, bot, REQUESTER, "/new")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "IT")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Access to a system")
    await press(emu, bot, REQUESTER, confirmation(emu, number), "✖ Cancel request")
    prompt = last(emu, REQUESTER)
    await say(emu, bot, REQUESTER, "Jira")  # the form's answer, not a reason
    assert await status_of(bot, number) == "new"
    assert last(emu, REQUESTER).text.startswith("2/3. Access level")
    await say(emu, bot, REQUESTER, "Wrong department", reply_to=prompt.message_id)
    assert await status_of(bot, number) == "cancelled"


async def test_a_forged_cancel_is_refused(emu, bot):
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    # a stranger with the confirmation's callback data, from a message of their own
    await say(emu, bot, OUTSIDER, "/start")
    query = emu.users[OUTSIDER].press(last(emu, OUTSIDER), data=f"v1:r:cancel:{number}")
    await bot.settle()
    assert emu.callback_answers[query] == ("This request does not exist.", True)
    # an executor pressing it on the card in the group: not theirs
    query = emu.users[EXECUTOR].press(card(emu, number), data=f"v1:r:cancel:{number}")
    await bot.settle()
    assert emu.callback_answers[query] == ("This button is not for you.", True)
    # the Skip of a prompt that was never shown
    query = emu.users[REQUESTER].press(confirmation(emu, number),
                                       data=f"v1:r:cancel:{number}:skip")
    await bot.settle()
    assert emu.callback_answers[query] == ("This request does not exist.", True)
    assert await status_of(bot, number) == "new"


async def test_cancel_on_a_closed_request_is_too_late(emu, bot):
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    sent = confirmation(emu, number)
    await press(emu, bot, EXECUTOR, card(emu, number), "🙋 Take")
    await press(emu, bot, EXECUTOR, card(emu, number), "✅ Done")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "👍 Accept")
    assert await status_of(bot, number) == "closed"
    query = emu.users[REQUESTER].press(sent, "✖ Cancel request")  # still on the old message
    await bot.settle()
    toast, alert = emu.callback_answers[query]
    assert alert and toast.startswith(f"Too late: Rita Requester accepted #{number} at")
    assert await status_of(bot, number) == "closed"


# ------------------------------------------------------------------ watchers


async def pick_watchers_step(emu, bot):
    """/new up to the picker."""
    await say(emu, bot, REQUESTER, "/new")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "IT")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Access to a system")
    await say(emu, bot, REQUESTER, "1C Accounting")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Write")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Skip")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Normal")


async def pick_watchers(emu, bot, people):
    """/new up to the picker, then people picked in Telegram's user picker."""
    await say(emu, bot, REQUESTER, "/new")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "IT")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Access to a system")
    await say(emu, bot, REQUESTER, "1C Accounting")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Write")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Skip")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Normal")
    asked = last(emu, REQUESTER)
    assert asked.text.startswith("👥 Keep anyone informed?")
    assert emu.users[REQUESTER].reply_buttons() == ["👥 Choose people", "Skip"]
    picker = emu.chats[REQUESTER].reply_keyboard["keyboard"][0][0]["request_users"]
    assert picker["max_quantity"] == 5 and picker["user_is_bot"] is False
    emu.users[REQUESTER].share_users("👥 Choose people", people)
    await bot.settle()


async def test_picked_watchers_hear_the_news_and_may_reply(emu, bot):
    emu.add_user(NEVER_STARTED, "Nina", started=False)
    await bind(emu, bot)
    await pick_watchers(emu, bot, [EXECUTOR2, NEVER_STARTED])
    assert emu.users[REQUESTER].reply_buttons() == []  # the picker's keyboard is taken away
    summary = last(emu, REQUESTER)
    assert "👥 Kept informed: Eva Executor, Nina" in summary.text
    await press(emu, bot, REQUESTER, summary, "✅ Send")
    number = 1
    assert await watchers_of(bot, number) == [EXECUTOR2, NEVER_STARTED]
    assert last(emu, EXECUTOR2).text.startswith("👥 Rita Requester keeps you informed about "
                                                f"request #{number}")
    # Nina never started the bot: Telegram refuses, and the requester is told
    assert (f"⚠️ Nina cannot receive my messages about #{number} (never started the bot or "
            "blocked it). Ask them to open a chat with me and press /start."
            in texts(emu, REQUESTER))

    await press(emu, bot, EXECUTOR, card(emu, number), "🙋 Take")
    assert last(emu, EXECUTOR2).text == (f"👥 #{number} «Access to a system», which you follow: "
                                         "Egor Executor (IT) took it.")
    # a question to the requester reaches the watcher too, who may answer it
    await press(emu, bot, EXECUTOR, card(emu, number), "❓ Need info")
    await say(emu, bot, EXECUTOR, "Which role?", chat_id=IT_CHAT,
              reply_to=last(emu, IT_CHAT).message_id)
    question = last(emu, EXECUTOR2)
    assert "asks about" in question.text and "Which role?" in question.text
    await say(emu, bot, EXECUTOR2, "Rita needs the accountant role", reply_to=question.message_id)
    relayed = last(emu, IT_CHAT)
    assert relayed.text == (f"💬 #{number} · Eva Executor (keeps informed):\n"
                            "Rita needs the accountant role")
    assert await status_of(bot, number) == "waiting"  # the question is the requester's

    await press(emu, bot, EXECUTOR, card(emu, number), "✅ Done")
    done = last(emu, EXECUTOR2)
    assert done.text.startswith(f"👥 IT has finished #{number}") and done.buttons == []
    # a watcher is never asked to rate: a forged rating is refused
    query = emu.users[EXECUTOR2].press(done, data=f"v1:r:rate:{number}:1")
    await bot.settle()
    assert emu.callback_answers[query] == ("This button is not for you.", True)
    # Nina got nothing after the first refusal: she is known as unreachable
    refused = [c for c in emu.calls if c.params.get("chat_id") == NEVER_STARTED and not c.ok]
    assert len(refused) == 1


async def test_a_watcher_who_blocked_the_bot(emu, bot):
    await bind(emu, bot)
    await pick_watchers(emu, bot, [EXECUTOR2])
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "✅ Send")
    emu.users[EXECUTOR2].block_bot()
    await bot.settle()
    await press(emu, bot, EXECUTOR, card(emu, 1), "🙋 Take")
    assert await status_of(bot, 1) == "in_progress"
    said = texts(emu, REQUESTER)
    assert any("Egor Executor (IT) took your request" in t for t in said)
    # Telegram refuses the watcher's notice: the requester learns it, once
    warning = ("⚠️ Eva Executor cannot receive my messages about #1 (never started the bot "
               "or blocked it). Ask them to open a chat with me and press /start.")
    assert said.count(warning) == 1
    await press(emu, bot, EXECUTOR, card(emu, 1), "✅ Done")
    assert texts(emu, REQUESTER).count(warning) == 1
    # known as unreachable now: the Done notice is not even tried
    refused = [c for c in emu.calls if c.params.get("chat_id") == EXECUTOR2 and not c.ok]
    assert len(refused) == 1


async def test_watchers_hear_of_a_cancel(emu, bot):
    await bind(emu, bot)
    await pick_watchers(emu, bot, [ADMIN])
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "✅ Send")
    await press(emu, bot, REQUESTER, confirmation(emu, 1), "✖ Cancel request")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Skip")
    assert last(emu, ADMIN).text == ("👥 Rita Requester cancelled #1 «Access to a system», "
                                     "which you follow.")


async def test_watchers_hear_of_an_assignment_as_of_a_take(emu, bot):
    await bind(emu, bot)
    for person in (EXECUTOR, EXECUTOR2):
        await say(emu, bot, person, "/start")
    await pick_watchers(emu, bot, [EXECUTOR2])
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "✅ Send")
    await press(emu, bot, ADMIN, card(emu, 1), "👤 Assign")
    chooser = last(emu, IT_CHAT)
    assert "to whom" in chooser.text, [m.text for m in emu.bot_messages(IT_CHAT)][-3:]
    await press(emu, bot, ADMIN, chooser, button_texts(chooser)[0])
    assert last(emu, EXECUTOR2).text == ("👥 #1 «Access to a system», which you follow: "
                                         "Egor Executor (IT) took it.")


async def test_picking_oneself_or_someone_twice_keeps_informed_only_the_others(emu, bot):
    await bind(emu, bot)
    await say(emu, bot, EXECUTOR2, "/start")
    await pick_watchers(emu, bot, [REQUESTER, EXECUTOR2, EXECUTOR2])
    summary = last(emu, REQUESTER).text
    assert "\n👥 Kept informed: Eva Executor\n" in summary, summary


async def test_cancelling_the_form_at_the_picker_takes_its_keyboard_away(emu, bot):
    await bind(emu, bot)
    await pick_watchers_step(emu, bot)
    assert emu.users[REQUESTER].reply_buttons() == ["👥 Choose people", "Skip"]
    await say(emu, bot, REQUESTER, "/cancel")
    assert emu.users[REQUESTER].reply_buttons() == []


# ------------------------------------------------------------------ Repeat


async def test_repeat_a_rejected_request_keeps_earlier_answers(emu, bot):
    await bind(emu, bot)
    long_answer = "1C Accounting, the payroll module and its reports"
    number = await file_access_request(emu, bot, system=long_answer)
    await press(emu, bot, EXECUTOR, card(emu, number), "⛔ Reject")
    await say(emu, bot, EXECUTOR, "Ask for one system at a time", chat_id=IT_CHAT,
              reply_to=last(emu, IT_CHAT).message_id)
    rejected = last(emu, REQUESTER)
    assert "rejected" in rejected.text and button_texts(rejected) == ["🔂 Repeat"]
    query = await press(emu, bot, REQUESTER, rejected, "🔂 Repeat")
    assert emu.callback_answers[query][0].startswith(f"A new request like #{number}")
    first = last(emu, REQUESTER)
    assert first.text.startswith(f"🔂 Filing again like #{number}")
    assert "1/3. Which system?" in first.text
    # the earlier answer, cut visibly on its button
    keep = button_texts(first)[0]
    assert keep == "Keep «1C Accounting, the payr…»"  # 24 characters with the "…"
    await press(emu, bot, REQUESTER, first, keep)
    level = last(emu, REQUESTER)
    assert level.text.startswith("2/3. Access level") and "Keep «Write»" in button_texts(level)
    await press(emu, bot, REQUESTER, level, "Keep «Write»")
    date = last(emu, REQUESTER)
    assert date.text.startswith("3/3. Needed by")
    assert not any(b.startswith("Keep") for b in button_texts(date))  # dates asked again
    await press(emu, bot, REQUESTER, date, "Skip")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Normal")
    emu.users[REQUESTER].tap("Skip")
    await bot.settle()
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "✅ Send")
    async with bot.svc.db.reading() as session:
        again = await session.get(Request, number + 1)
    assert [a["value"] for a in again.answers] == [long_answer, "Write", None]
    assert again.status == "new"


async def test_repeat_is_the_requesters_and_only_when_ended(emu, bot):
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    query = emu.users[REQUESTER].press(confirmation(emu, number),
                                       data=f"v1:r:repeat:{number}")
    await bot.settle()
    toast, alert = emu.callback_answers[query]
    assert alert and toast == f"Too late: Rita Requester filed #{number} at 10:00."
    query = emu.users[EXECUTOR].press(card(emu, number), data=f"v1:r:repeat:{number}")
    await bot.settle()
    assert emu.callback_answers[query] == ("This button is not for you.", True)


async def test_repeat_survives_a_restart(emu, bot, database_url, org, clock):
    from bot.harness import BotUnderTest

    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    await press(emu, bot, EXECUTOR, card(emu, number), "⛔ Reject")
    await say(emu, bot, EXECUTOR, "No", chat_id=IT_CHAT, reply_to=last(emu, IT_CHAT).message_id)
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "🔂 Repeat")
    await bot.stop()
    again = BotUnderTest(emu, database_url, org, clock)
    await again.start()
    try:
        await say(emu, again, REQUESTER, "/new")
        resumed = last(emu, REQUESTER)
        assert "continue where you stopped" in resumed.text
        assert "Keep «1C Accounting»" in button_texts(resumed)
    finally:
        await again.stop()


async def test_repeat_from_the_closing_notice(emu, bot):
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    await press(emu, bot, EXECUTOR, card(emu, number), "🙋 Take")
    await press(emu, bot, EXECUTOR, card(emu, number), "✅ Done")
    review = last(emu, REQUESTER)
    await press(emu, bot, REQUESTER, review, "👍 Accept")
    # the accepted message asks for the rating still owed, and offers Repeat
    assert button_texts(review) == ["1", "2", "3", "4", "5", "🔂 Repeat"]
    await press(emu, bot, REQUESTER, review, "🔂 Repeat")
    assert last(emu, REQUESTER).text.startswith(f"🔂 Filing again like #{number}")
    assert "Keep «1C Accounting»" in button_texts(last(emu, REQUESTER))


async def test_a_watcher_known_to_have_blocked_the_bot_is_named_at_once(emu, bot):
    await bind(emu, bot)
    await say(emu, bot, EXECUTOR2, "/start")
    emu.users[EXECUTOR2].block_bot()
    await bot.settle()
    await pick_watchers(emu, bot, [EXECUTOR2])
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "✅ Send")
    assert ("⚠️ Eva Executor cannot receive my messages about #1 (never started the bot or "
            "blocked it). Ask them to open a chat with me and press /start."
            in texts(emu, REQUESTER))
    assert await watchers_of(bot, 1) == [EXECUTOR2]  # kept: they may press /start again


async def test_a_card_deleted_in_the_group_is_posted_again_when_it_changes(emu, bot):
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    deleted = card(emu, number)
    deleted.deleted = True  # someone in the group deleted the card
    await press(emu, bot, REQUESTER, confirmation(emu, number), "✖ Cancel request")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Skip")
    again = card(emu, number)
    assert again.message_id != deleted.message_id
    assert "Status: ✖ cancelled" in again.text and again.buttons == []
