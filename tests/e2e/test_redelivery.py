"""An update delivered twice (restart before the offset was confirmed, a webhook
retry) has its effect once."""

from sqlalchemy import func, select

from db.models import FormDraft, OutboxMessage
from tests.conftest import EXECUTOR, IT_CHAT, REQUESTER
from tests.e2e.flows import bind, card, file_access_request, last, press, say


async def test_a_redelivered_form_answer_is_applied_once(emu, bot):
    await bind(emu, bot)
    await say(emu, bot, REQUESTER, "/new")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "IT")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Access to a system")
    # "Write" is a valid answer to the next question too, so a second delivery would
    # silently answer it: it must not
    await say(emu, bot, REQUESTER, "Write")
    answer_update = emu.update_log[-1]["update_id"]
    emu.redeliver(answer_update)
    await bot.settle()
    async with bot.svc.db.transaction() as session:
        draft = await session.get(FormDraft, REQUESTER)
    assert (draft.stage, draft.field_index) == ("field", 1)  # still at "Access level"
    assert draft.answers == {"system": {"value": "Write", "display": "Write"}}
    # its reply may have been lost with the crash that caused the redelivery:
    # the current question is asked again rather than leaving the person waiting
    asked = [m for m in emu.bot_messages(REQUESTER) if "2/3. Access level" in m.text]
    assert len(asked) == 2 and last(emu, REQUESTER) is asked[-1]


async def test_a_redelivered_reply_is_relayed_once(emu, bot):
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    emu.users[EXECUTOR].send(IT_CHAT, "Which login?", reply_to=card(emu, number).message_id)
    await bot.settle()
    emu.redeliver(emu.update_log[-1]["update_id"])
    await bot.settle()
    relayed = [m for m in emu.bot_messages(REQUESTER) if "Which login?" in m.text]
    assert len(relayed) == 1
    async with bot.svc.db.transaction() as session:
        relays = await session.scalar(select(func.count()).select_from(OutboxMessage).where(
            OutboxMessage.kind == "relay"))
    assert relays == 1
