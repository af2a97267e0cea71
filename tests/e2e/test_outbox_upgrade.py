"""Messages owed when Baton is upgraded still leave: rows in the outbox written in
the previous versions' payload shapes are read through the typed payloads and
sent as they were meant to be."""

from __future__ import annotations

from sqlalchemy import select

from db import outbox
from db.models import OutboxMessage
from tests.conftest import EXECUTOR, IT_CHAT, REQUESTER
from tests.e2e.flows import bind, file_access_request


async def test_rows_in_the_old_shapes_are_delivered(emu, bot):
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    before = len(emu.bot_messages(REQUESTER))
    line = {"kind": "breach", "clock": "resolve", "id": number, "type": "Access to a system",
            "department": "it", "due": "2026-11-23T09:00:00+00:00", "needed_by": None}
    now = bot.clock.now()
    async with bot.svc.db.transaction() as session:
        for chat_id, kind, payload in [
            (REQUESTER, "notice", {"template": "taken", "args": {"actor_id": EXECUTOR},
                                   "keyboard": None}),
            (REQUESTER, "relay", {"from_chat": IT_CHAT, "message_id": 1,
                                  "author_id": EXECUTOR, "text": "an old <relay>",
                                  "caption": None, "reply_to_card": False}),
            (REQUESTER, "notice", {"template": "done", "args": {"actor_id": EXECUTOR},
                                   "keyboard": "review"}),
            (REQUESTER, "notice", {"template": "digest", "lines": [line], "args": {},
                                   "private": True, "more": 0}),
            (IT_CHAT, "notice", {"template": "reopened", "args": {"actor_id": REQUESTER},
                                 "reply_to_card": True}),
        ]:
            outbox.enqueue(session, now, chat_id=chat_id, kind=kind, payload=payload,
                           request_id=number)
    await bot.settle()
    texts = [m.text for m in emu.bot_messages(REQUESTER)[before:]]
    assert len(texts) == 4
    assert f"took your request #{number}" in texts[0]
    assert "an old <relay>" in texts[1] and f"#{number}" in texts[1]
    assert f"has finished #{number}" in texts[2]
    assert emu.bot_messages(REQUESTER)[before + 2].buttons  # the review keyboard
    assert "Your requests" in texts[3] and f"#{number}" in texts[3]
    reopened = emu.last_bot_message(IT_CHAT)
    assert reopened is not None and f"#{number}" in reopened.text
    assert reopened.reply_to_message_id is not None  # under the card
    async with bot.svc.db.reading() as session:
        statuses = set(await session.scalars(select(OutboxMessage.status)))
    assert statuses == {"sent"}


async def test_an_unreadable_row_fails_alone(emu, bot):
    """A row no version could send fails at once instead of holding its chat."""
    number = await file_access_request(emu, bot)
    before = len(emu.bot_messages(REQUESTER))
    async with bot.svc.db.transaction() as session:
        broken = outbox.enqueue(session, bot.clock.now(), chat_id=REQUESTER, kind="notice",
                                payload={"args": {}})
        outbox.enqueue(session, bot.clock.now(), chat_id=REQUESTER, kind="notice",
                       payload={"template": "delayed", "args": {}}, request_id=number)
    await bot.settle()
    assert len(emu.bot_messages(REQUESTER)) == before + 1
    assert "cannot be reached" in emu.bot_messages(REQUESTER)[-1].text
    async with bot.svc.db.reading() as session:
        row = await session.get(OutboxMessage, broken.id)
    assert row is not None and row.status == "failed"
    assert row.last_error is not None and "unreadable payload" in row.last_error
