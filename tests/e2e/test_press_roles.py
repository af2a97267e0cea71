"""Every press is checked: the presser's role for that action, on a message of that
request; a refused press tells nothing about requests the presser may not see."""

from sqlalchemy import func, select

from db.models import PendingInput, Request, RequestEvent
from tests.conftest import ADMIN, EXECUTOR, EXECUTOR2, HR_CHAT, IT_CHAT, OUTSIDER, REQUESTER
from tests.e2e.flows import bind, button_texts, card, file_access_request, last, press, say

MISSING = 999999  # no request has this number
NOT_FOUND = "This request does not exist."


async def snapshot(bot):
    """What a press could change: statuses, assignees, history, awaited inputs."""
    async with bot.svc.db.transaction() as session:
        rows = (await session.execute(
            select(Request.id, Request.status, Request.assignee_id, Request.department_key)
            .order_by(Request.id))).all()
        events = await session.scalar(select(func.count()).select_from(RequestEvent))
        pending = await session.scalar(select(func.count()).select_from(PendingInput))
    return [tuple(r) for r in rows], events, pending


def visible(emu, *chats):
    """Every bot message in these chats with its text and buttons."""
    return {chat: [(m.message_id, m.text, button_texts(m)) for m in emu.bot_messages(chat)]
            for chat in chats}


async def three_requests(emu, bot):
    """#new (with a transfer chooser open), #in_progress (Egor's), #on_review."""
    await bind(emu, bot)
    await bind(emu, bot, HR_CHAT, "hr")
    fresh = await file_access_request(emu, bot)
    taken = await file_access_request(emu, bot)
    review = await file_access_request(emu, bot)
    await press(emu, bot, EXECUTOR, card(emu, taken), "🙋 Take")
    await press(emu, bot, EXECUTOR, card(emu, review), "🙋 Take")
    await press(emu, bot, EXECUTOR, card(emu, review), "✅ Done")
    await press(emu, bot, EXECUTOR, card(emu, fresh), "➡️ Transfer")
    assert button_texts(last(emu, IT_CHAT)) == ["HR", "Finance", "✖ Cancel"]
    return fresh, taken, review


def every_verb(fresh, taken, review):
    """Callback data of each verb, for a request in a state where it would apply."""
    return {
        "take": (fresh, ""), "rej": (fresh, ""), "tr": (fresh, ""), "to": (fresh, ":hr"),
        "drop": (fresh, ""), "done": (taken, ""), "ask": (taken, ""), "rel": (taken, ""),
        "acc": (review, ""), "reo": (review, ""), "rate": (review, ":5"), "nocom": (review, ""),
    }


async def forge(emu, bot, user_id, message, data):
    query = emu.users[user_id].press(message, data=data)
    await bot.settle()
    return emu.callback_answers[query]


async def test_strangers_forging_every_verb_learn_and_change_nothing(emu, bot):
    fresh, taken, review = await three_requests(emu, bot)
    await say(emu, bot, OUTSIDER, "/start")
    hr_message = last(emu, HR_CHAT)  # the bind confirmation in another department's chat
    before, shown = await snapshot(bot), visible(emu, IT_CHAT, REQUESTER)
    strangers = [(OUTSIDER, last(emu, OUTSIDER)), (EXECUTOR2, hr_message)]
    for user_id, message in strangers:
        chat_before = visible(emu, message.chat_id)
        for verb, (number, arg) in every_verb(fresh, taken, review).items():
            real = await forge(emu, bot, user_id, message, f"v1:r:{verb}:{number}{arg}")
            missing = await forge(emu, bot, user_id, message, f"v1:r:{verb}:{MISSING}{arg}")
            # the same short refusal as for a request that does not exist: no names
            assert real == missing, (user_id, verb, real, missing)
            assert "Egor" not in real[0] and "Rita" not in real[0], (verb, real)
        assert visible(emu, message.chat_id) == chat_before, user_id  # nothing deleted or sent
    assert await snapshot(bot) == before
    assert visible(emu, IT_CHAT, REQUESTER) == shown


async def test_requester_forging_executor_verbs_in_private(emu, bot):
    fresh, taken, review = await three_requests(emu, bot)
    before, shown = await snapshot(bot), visible(emu, IT_CHAT, REQUESTER)
    notice = last(emu, REQUESTER)
    executor_verbs = ("take", "rej", "tr", "to", "drop", "done", "ask", "rel")
    for verb, (number, arg) in every_verb(fresh, taken, review).items():
        if verb not in executor_verbs:
            continue
        toast, alert = await forge(emu, bot, REQUESTER, notice, f"v1:r:{verb}:{number}{arg}")
        assert alert and toast, verb  # refused (the requester may know who took it)
    assert await snapshot(bot) == before
    assert visible(emu, IT_CHAT, REQUESTER) == shown  # no prompt, no chooser, nothing deleted


async def test_group_member_cannot_drop_or_strip_a_card(emu, bot):
    """`drop` and `nocom` act only on the chooser and the rating prompt they belong to."""
    fresh, taken, _ = await three_requests(emu, bot)
    before, shown = await snapshot(bot), visible(emu, IT_CHAT, REQUESTER)
    for number in (fresh, taken):
        for verb in ("drop", "nocom"):
            toast, _ = await forge(emu, bot, EXECUTOR2, card(emu, number),
                                   f"v1:r:{verb}:{number}")
            assert toast, verb
    assert visible(emu, IT_CHAT, REQUESTER) == shown  # every card is still there, with buttons
    assert await snapshot(bot) == before
    chooser = last(emu, IT_CHAT)
    await press(emu, bot, EXECUTOR, chooser, "✖ Cancel")  # the real Cancel still works
    assert chooser.message_id not in [m.message_id for m in emu.bot_messages(IT_CHAT)]
    assert card(emu, fresh).message_id in [m.message_id for m in emu.bot_messages(IT_CHAT)]


async def test_a_button_acts_only_on_its_own_request(emu, bot):
    fresh, taken, review = await three_requests(emu, bot)
    before = await snapshot(bot)
    # Take of #fresh forged on the card of #taken, Accept of #review on another notice
    toast, _ = await forge(emu, bot, EXECUTOR2, card(emu, taken), f"v1:r:take:{fresh}")
    assert toast == NOT_FOUND
    confirmation = next(m for m in emu.bot_messages(REQUESTER) if f"Request #{fresh}" in m.text)
    toast, _ = await forge(emu, bot, REQUESTER, confirmation, f"v1:r:acc:{review}")
    assert toast == NOT_FOUND
    assert await snapshot(bot) == before


async def test_reject_and_transfer_after_take_only_by_assignee_or_manager(emu, bot):
    fresh, taken, _ = await three_requests(emu, bot)
    before, shown = await snapshot(bot), visible(emu, IT_CHAT)
    for verb in ("rej", "tr"):
        toast, alert = await forge(emu, bot, EXECUTOR2, card(emu, taken), f"v1:r:{verb}:{taken}")
        assert alert and toast == "Only the assignee (Egor Executor) or a manager can do this."
    assert visible(emu, IT_CHAT) == shown  # no prompt, no chooser
    assert await snapshot(bot) == before

    # a reason prompt opened while the request was new does not outlive the take
    await press(emu, bot, EXECUTOR2, card(emu, fresh), "⛔ Reject")
    prompt = last(emu, IT_CHAT)
    await press(emu, bot, EXECUTOR, card(emu, fresh), "🙋 Take")
    answer = await say(emu, bot, EXECUTOR2, "Not ours", IT_CHAT, reply_to=prompt.message_id)
    assert "Only the assignee (Egor Executor)" in answer.text
    async with bot.svc.db.transaction() as session:
        assert (await session.get(Request, fresh)).status == "in_progress"

    # the manager may still reject a taken request
    await forge(emu, bot, ADMIN, card(emu, taken), f"v1:r:rej:{taken}")
    prompt = last(emu, IT_CHAT)
    assert "reason for rejecting" in prompt.text
    await say(emu, bot, ADMIN, "Duplicate", IT_CHAT, reply_to=prompt.message_id)
    async with bot.svc.db.transaction() as session:
        assert (await session.get(Request, taken)).status == "rejected"
