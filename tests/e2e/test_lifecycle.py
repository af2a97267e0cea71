"""A request from /new to a rated, closed request, as the people see it."""

from sqlalchemy import select

from db.models import Rating, Request, RequestEvent
from tests.conftest import EXECUTOR, IT_CHAT, REQUESTER
from tests.e2e.flows import bind, button_texts, card, file_access_request, last, press, say


async def test_whole_lifecycle(emu, bot):
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    confirmation = last(emu, REQUESTER).text
    assert "sent to IT" in confirmation
    assert "Response by 23.11 12:00" in confirmation  # 2 working hours from Monday 10:00 MSK

    shown = card(emu, number)
    assert "1C Accounting" in shown.text and "Write" in shown.text
    assert "Rita Requester" in shown.text
    assert "Status: 🆕 new" in shown.text
    assert button_texts(shown) == ["🙋 Take", "⛔ Reject", "➡️ Transfer", "👤 Assign"]

    await press(emu, bot, EXECUTOR, shown, "🙋 Take")
    shown = card(emu, number)
    assert "in progress" in shown.text and "Egor Executor" in shown.text
    assert button_texts(shown) == ["✅ Done", "❓ Need info", "↩️ Release", "👤 Reassign"]
    assert shown.edit_count >= 1  # edited in place, not posted again
    assert "Egor Executor (IT) took your request" in last(emu, REQUESTER).text

    await press(emu, bot, EXECUTOR, shown, "✅ Done")
    review = last(emu, REQUESTER)
    assert "has finished" in review.text
    assert button_texts(review) == ["👍 Accept", "🔁 Reopen", "1", "2", "3", "4", "5"]
    assert "on review" in card(emu, number).text

    await press(emu, bot, REQUESTER, review, "5")
    assert "You rated" in last(emu, REQUESTER).text
    await say(emu, bot, REQUESTER, "Quick & <great> work")
    assert "comment" in last(emu, REQUESTER).text
    await press(emu, bot, REQUESTER, review, "👍 Accept")
    assert "closed" in card(emu, number).text

    async with bot.svc.db.transaction() as session:
        request = await session.get(Request, number)
        rating = await session.get(Rating, number)
        kinds = list(await session.scalars(
            select(RequestEvent.kind).where(RequestEvent.request_id == number)
            .order_by(RequestEvent.id)))
    assert request.status == "closed" and request.assignee_id == EXECUTOR
    assert (rating.score, rating.comment) == (5, "Quick & <great> work")
    assert kinds == ["created", "take", "done", "rated", "commented", "accept"]
    assert all(call.ok for call in emu.calls if call.method != "getUpdates"), [
        (c.method, c.description) for c in emu.calls if not c.ok]
    assert len([m for m in emu.bot_messages(IT_CHAT) if m.text.startswith(f"#{number} ·")]) == 1
