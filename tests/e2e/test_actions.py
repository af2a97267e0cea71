"""Executor buttons: who may press what, once, and what everyone then sees."""

import asyncio

from sqlalchemy import func, select

from db.models import Request, RequestEvent
from tests.conftest import EXECUTOR, EXECUTOR2, HR_CHAT, IT_CHAT, OUTSIDER, REQUESTER
from tests.e2e.flows import bind, button_texts, card, file_access_request, last, press, say


async def status_of(bot, number):
    async with bot.svc.db.transaction() as session:
        request = await session.get(Request, number)
        return request.status, request.assignee_id, request.department_key


async def event_count(bot, number, kind):
    async with bot.svc.db.transaction() as session:
        return await session.scalar(select(func.count()).select_from(RequestEvent).where(
            RequestEvent.request_id == number, RequestEvent.kind == kind))


async def test_two_executors_press_take_at_once(emu, bot):
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    shown = card(emu, number)
    first = emu.users[EXECUTOR].press(shown, "🙋 Take")
    second = emu.users[EXECUTOR2].press(shown, "🙋 Take")
    await bot.settle()
    # different people's updates are handled concurrently: either may win the race
    status, assignee, department = await status_of(bot, number)
    assert (status, department) == ("in_progress", "it") and assignee in (EXECUTOR, EXECUTOR2)
    assert await event_count(bot, number, "take") == 1
    won, lost = (first, second) if assignee == EXECUTOR else (second, first)
    winner = "Egor Executor" if assignee == EXECUTOR else "Eva Executor"
    assert emu.callback_answers[won][0] == f"You took #{number}."
    toast, alert = emu.callback_answers[lost]
    assert alert and f"Too late: {winner} took" in toast
    taken = [m for m in emu.bot_messages(REQUESTER) if "took your request" in m.text]
    assert len(taken) == 1


async def test_take_pressed_concurrently_by_many_changes_once(emu, bot):
    """Presses handled concurrently still change the request once."""
    from core.lifecycle import Action
    from core.workflow import Press, act

    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    shown = card(emu, number)
    presses = [Press(EXECUTOR + i, IT_CHAT, shown.message_id) for i in range(20)]
    outcomes = await asyncio.gather(*(act(bot.svc, number, Action.TAKE, p) for p in presses))
    assert sum(o.ok for o in outcomes) == 1
    assert await event_count(bot, number, "take") == 1


async def test_requester_cannot_press_executor_buttons(emu, bot):
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    # a forged press from the requester's private chat with the card's callback data
    query = emu.users[REQUESTER].press(last(emu, REQUESTER), data=f"v1:r:take:{number}")
    await bot.settle()
    assert emu.callback_answers[query] == ("This button is not for you.", True)
    assert (await status_of(bot, number))[0] == "new"


async def test_only_the_assignee_finishes(emu, bot):
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    await press(emu, bot, EXECUTOR, card(emu, number), "🙋 Take")
    query = emu.users[EXECUTOR2].press(card(emu, number), "✅ Done")
    await bot.settle()
    toast, alert = emu.callback_answers[query]
    assert alert and "Only the assignee (Egor Executor)" in toast
    assert (await status_of(bot, number))[0] == "in_progress"


async def test_forged_and_garbage_callback_data(emu, bot):
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    shown = card(emu, number)
    for data in ("v1:r:take:999999", "v1:r:take:abc", "garbage", "v0:r:take:1",
                 f"v1:r:rate:{number}:9", f"v1:r:to:{number}:nowhere"):
        query = emu.users[OUTSIDER].press(shown, data=data)
        await bot.settle()
        assert emu.callback_answers[query][0], data  # always an answer, never silence
    assert await status_of(bot, number) == ("new", None, "it")
    assert all(c.ok for c in emu.calls if c.method not in ("getUpdates",))


async def test_reject_asks_for_a_reason_and_tells_the_requester(emu, bot):
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    await press(emu, bot, EXECUTOR, card(emu, number), "⛔ Reject")
    prompt = last(emu, IT_CHAT)
    assert "reason for rejecting" in prompt.text
    await say(emu, bot, EXECUTOR, "We do not grant <Admin> & such", IT_CHAT,
              reply_to=prompt.message_id)
    assert (await status_of(bot, number))[0] == "rejected"
    told = last(emu, REQUESTER).text
    assert "rejected" in told and "We do not grant <Admin> & such" in told
    assert button_texts(card(emu, number)) == []


async def test_transfer_moves_card_and_history(emu, bot):
    await bind(emu, bot)
    await bind(emu, bot, HR_CHAT, "hr")
    number = await file_access_request(emu, bot)
    await press(emu, bot, EXECUTOR, card(emu, number), "➡️ Transfer")
    chooser = last(emu, IT_CHAT)
    assert button_texts(chooser) == ["HR", "Finance", "✖ Cancel"]
    await press(emu, bot, EXECUTOR, chooser, "HR")
    prompt = last(emu, IT_CHAT)
    await say(emu, bot, EXECUTOR, "This is about a contract", IT_CHAT, reply_to=prompt.message_id)
    assert await status_of(bot, number) == ("new", None, "hr")
    old = next(m for m in emu.bot_messages(IT_CHAT) if m.text.startswith(f"#{number} ·"))
    assert "Transferred to HR" in old.text and old.buttons == []
    assert button_texts(card(emu, number, HR_CHAT)) == [
        "🙋 Take", "⛔ Reject", "➡️ Transfer", "👤 Assign"]
    assert "passed to HR" in last(emu, REQUESTER).text
    assert await event_count(bot, number, "transfer") == 1


async def test_need_info_waits_for_the_requesters_answer(emu, bot):
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    await press(emu, bot, EXECUTOR, card(emu, number), "🙋 Take")
    await press(emu, bot, EXECUTOR, card(emu, number), "❓ Need info")
    prompt = last(emu, IT_CHAT)
    await say(emu, bot, EXECUTOR, "Which cost centre?", IT_CHAT, reply_to=prompt.message_id)
    assert (await status_of(bot, number))[0] == "waiting"
    question = last(emu, REQUESTER)
    assert "asks about" in question.text and "Which cost centre?" in question.text
    assert "waiting for the requester" in card(emu, number).text
    answer = await say(emu, bot, REQUESTER, "CC-42", reply_to=question.message_id)
    assert "continues" in answer.text
    assert (await status_of(bot, number))[0] == "in_progress"
    relayed = last(emu, IT_CHAT)
    assert "CC-42" in relayed.text and relayed.reply_to_message_id == card(emu, number).message_id


async def test_reopen_drops_the_rating(emu, bot):
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    await press(emu, bot, EXECUTOR, card(emu, number), "🙋 Take")
    await press(emu, bot, EXECUTOR, card(emu, number), "✅ Done")
    review = last(emu, REQUESTER)
    await press(emu, bot, REQUESTER, review, "2")
    await press(emu, bot, REQUESTER, review, "🔁 Reopen")
    assert (await status_of(bot, number))[0] == "in_progress"
    from db.models import Rating

    async with bot.svc.db.transaction() as session:
        assert await session.get(Rating, number) is None
    assert "reopened" in last(emu, IT_CHAT).text
    await press(emu, bot, EXECUTOR, card(emu, number), "✅ Done")
    assert button_texts(last(emu, REQUESTER))[-5:] == ["1", "2", "3", "4", "5"]


async def test_release_puts_it_back_in_the_queue(emu, bot):
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    await press(emu, bot, EXECUTOR, card(emu, number), "🙋 Take")
    await press(emu, bot, EXECUTOR, card(emu, number), "↩️ Release")
    assert await status_of(bot, number) == ("new", None, "it")
    assert button_texts(card(emu, number))[0] == "🙋 Take"
    queue = await say(emu, bot, EXECUTOR2, "/queue", IT_CHAT)
    assert f"#{number}" in queue.text and "IT: 1 open" in queue.text
