"""Nothing lost, second pass: a busy chat never holds the others, a message
Telegram refuses fails alone, multi-part sends resume where they stopped, and
a person's flood of replies is joined rather than queued for minutes."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.harness import BotUnderTest
from core.intake import create_request
from core.outgoing import notify_group
from db.models import OutboxMessage, User
from emulator import server as emulator_server
from emulator.model import ApiError
from tests.conftest import ADMIN, EXECUTOR, IT_CHAT, OUTSIDER, REQUESTER
from tests.e2e.flows import bind, card, file_access_request, last, press, say, skip_watchers

MINUTE = 6.0  # Telegram's group minute, scaled down for the tests that wait for it


async def _fill_group_budget(bot: BotUnderTest, count: int) -> None:
    """``count`` notices owed to the IT group: more than it takes in a minute."""
    async with bot.svc.db.transaction() as session:
        for _ in range(count):
            await notify_group(session, bot.clock.now(), "it", "bound_requests", None,
                               count=1, department="it")
    bot.sender.wake()


@pytest.fixture
async def paced_bot(emu, database_url, org, clock):
    """Telegram's real limits, kept by the bot's pacer and enforced by the emulator."""
    runner = BotUnderTest(emu, database_url, org, clock, pace=True)
    await runner.start()
    yield runner
    await runner.stop()


async def test_a_group_out_of_budget_does_not_hold_other_chats(emu, paced_bot):
    bot = paced_bot
    await bind(emu, bot)
    emu.enforce_limits = True
    # 120 messages owed to IT: 20 go now, the rest wait for the group's next minutes
    await _fill_group_budget(bot, 120)
    await emu.wait_for(lambda: len(emu.bot_messages(IT_CHAT)) >= 20, timeout=10,
                       what="the group's first minute of messages")
    # someone else files now: their confirmation must not wait for IT's backlog
    hr = bot.svc.org.department("hr")
    async with bot.svc.db.transaction() as session:
        request, _ = await create_request(session, bot.svc, OUTSIDER, hr,
                                          hr.request_types[0], [], "normal", None)
    bot.sender.wake()
    await emu.wait_for(lambda: any(f"Request #{request.id}" in m.text
                                   for m in emu.bot_messages(OUTSIDER)),
                       timeout=5, what="the confirmation beside IT's backlog")
    assert len(emu.bot_messages(IT_CHAT)) < 30  # IT's backlog is still waiting
    assert [c for c in emu.calls if c.status == 429] == []


async def test_a_reply_telegram_will_not_copy_fails_alone(emu, bot):
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    await press(emu, bot, EXECUTOR, card(emu, number), "🙋 Take")
    poll = emu.users[EXECUTOR].send_poll(IT_CHAT, reply_to=card(emu, number).message_id)
    await bot.settle()
    # the executor hears it under their poll; nobody else's reachability changes
    told = last(emu, IT_CHAT)
    assert "would not pass this message on" in told.text and f"#{number}" in told.text
    assert told.reply_to_message_id == poll["message_id"]
    async with bot.svc.db.reading() as session:
        requester = await session.get(User, REQUESTER)
    assert requester is not None and not requester.blocked
    assert not any("cannot receive" in m.text for m in emu.bot_messages(IT_CHAT))
    assert not any("cannot post" in m.text for m in emu.bot_messages(ADMIN))
    # the requester still gets the Done notice with its buttons
    await press(emu, bot, EXECUTOR, card(emu, number), "✅ Done")
    done = last(emu, REQUESTER)
    assert "has finished" in done.text and f"#{number}" in done.text
    assert any(label == "5" for row in done.buttons for label, _ in row)


async def test_replies_to_a_group_out_of_budget_are_joined_in_order(emu, database_url, org,
                                                                    clock, monkeypatch):
    monkeypatch.setattr(emulator_server, "GROUP_LIMIT", (20, MINUTE))
    from bot.pacer import Pacer

    bot = BotUnderTest(emu, database_url, org, clock,
                       pacer=Pacer(group_per_minute=20, group_window=MINUTE))
    await bot.start()
    try:
        await bind(emu, bot)
        number = await file_access_request(emu, bot)
        emu.enforce_limits = True
        await _fill_group_budget(bot, 20)  # the group's minute is spent
        confirmation = next(m for m in emu.bot_messages(REQUESTER)
                            if f"Request #{number}" in m.text)
        texts = [f"detail number {i} <b>&" for i in range(8)]
        for text in texts:
            emu.users[REQUESTER].send(REQUESTER, text, reply_to=confirmation.message_id)
        await bot.settle(timeout=MINUTE * 4)
        relayed = [m.text for m in emu.bot_messages(IT_CHAT) if "(requester)" in m.text]
        joined = "\n".join(relayed)
        assert [joined.index(text) for text in texts] == sorted(
            joined.index(text) for text in texts)  # every one, in order
        assert len(relayed) < len(texts)  # joined while the group could take none
        assert [c for c in emu.calls if c.status == 429] == []
    finally:
        await bot.stop()


async def _file_hardware_with_photo(emu, bot) -> int:
    await say(emu, bot, REQUESTER, "/new")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "IT")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Broken or missing equipment")
    await say(emu, bot, REQUESTER, "The monitor flickers")
    await say(emu, bot, REQUESTER, "Room 101")
    emu.users[REQUESTER].send_photo(REQUESTER, caption="this one")
    await bot.settle()
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Normal")
    await skip_watchers(emu, bot)
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "✅ Send")
    confirmation = next(m.text for m in reversed(emu.bot_messages(REQUESTER))
                        if "Request #" in m.text)
    return int(confirmation.split("#")[1].split()[0])


async def test_a_cards_file_that_failed_is_posted_on_retry(emu, bot, clock):
    await bind(emu, bot)
    emu.inject("sendPhoto", status=502, chat_id=IT_CHAT)
    number = await _file_hardware_with_photo(emu, bot)
    assert [m.kind for m in emu.bot_messages(IT_CHAT)][-1] == "text"  # the card, no photo yet
    clock.advance(timedelta(minutes=1))
    await bot.settle()
    cards = [m for m in emu.bot_messages(IT_CHAT)
             if m.kind == "text" and m.text.startswith(f"#{number} ·")]
    photos = [m for m in emu.bot_messages(IT_CHAT) if m.kind == "photo"]
    assert len(cards) == 1 and len(photos) == 1
    assert photos[0].reply_to_message_id == cards[0].message_id


async def test_a_split_text_resumes_after_the_parts_already_posted(emu, bot, clock):
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    long_text = ("line with <tags> & ampersands " * 200).strip()[:4096]
    sends = {"count": 0}

    def second_part_fails(method: str, params: dict) -> None:
        if method.lower() == "sendmessage" and params.get("chat_id") == REQUESTER:
            sends["count"] += 1
            if sends["count"] == 2:
                raise ApiError(502, "Bad Gateway")

    emu.before_call = second_part_fails
    try:
        emu.users[EXECUTOR].send(IT_CHAT, long_text, reply_to=card(emu, number).message_id)
        await bot.settle()
        clock.advance(timedelta(minutes=1))
        await bot.settle()
    finally:
        emu.before_call = None
    parts = [m.text for m in emu.bot_messages(REQUESTER) if "Egor Executor" in m.text
             or "ampersands" in m.text]
    assert len(parts) == 2  # part 1 once, part 2 once
    assert "".join(parts).count("<tags>") == long_text.count("<tags>")


async def test_outcomes_of_a_lost_lease_are_not_written(database_url, org, clock):
    """A sender whose lease ran out and was taken by another writes nothing."""
    from core.context import Services
    from db import outbox
    from db.migrate import upgrade
    from db.session import Database

    await upgrade(database_url)
    svc = Services(Database(database_url), org, clock)
    try:
        async with svc.db.transaction() as session:
            item = outbox.enqueue(session, clock.now(), chat_id=REQUESTER, kind="notice",
                                  payload={"template": "delayed", "args": {}})
        async with svc.db.transaction() as session:
            first = await outbox.claim(session, item.id, clock.now())
        assert first is not None
        clock.advance(outbox.LEASE + timedelta(seconds=1))
        async with svc.db.transaction() as session:
            second = await outbox.claim(session, item.id, clock.now())
        assert second is not None and second.attempts == first.attempts + 1
        async with svc.db.transaction() as session:
            assert not await outbox.mark_sent(session, item.id, first.attempts, 11)
            assert not await outbox.retry_later(session, item.id, first.attempts,
                                                clock.now(), "late")
            assert not await outbox.progress(session, item.id, first.attempts, 1, clock.now())
            assert await outbox.mark_sent(session, item.id, second.attempts, 22)
        async with svc.db.reading() as session:
            row = await session.get(OutboxMessage, item.id)
        assert row is not None and (row.status, row.sent_message_id) == ("sent", 22)
        # a renewed lease holds over the wait it was renewed for
        async with svc.db.transaction() as session:
            other = outbox.enqueue(session, clock.now(), chat_id=REQUESTER, kind="notice",
                                   payload={"template": "delayed", "args": {}})
        async with svc.db.transaction() as session:
            mine = await outbox.claim(session, other.id, clock.now())
            assert mine is not None
            assert await outbox.progress(session, other.id, mine.attempts, 1,
                                         clock.now() + outbox.LEASE + timedelta(seconds=63))
        clock.advance(timedelta(seconds=60))
        async with svc.db.transaction() as session:
            assert await outbox.claim(session, other.id, clock.now()) is None
            parts = (await session.scalars(select(OutboxMessage.parts_done)
                                           .where(OutboxMessage.id == other.id))).one()
        assert parts == 1
    finally:
        await svc.db.dispose()


async def test_a_later_part_waiting_for_a_group_does_not_hold_other_chats(emu, paced_bot):
    """The second part of a long text to a group out of budget waits for the
    group's minute; meanwhile everyone else's messages go."""
    from core.outgoing import relay

    bot = paced_bot
    await bind(emu, bot)
    hr = bot.svc.org.department("hr")
    async with bot.svc.db.transaction() as session:
        request, _ = await create_request(session, bot.svc, OUTSIDER, hr,
                                          hr.request_types[0], [], "normal", None)
    await bot.settle()
    emu.enforce_limits = True
    await _fill_group_budget(bot, 18)  # with /bind's answer, 19 of the group's 20
    await emu.wait_for(lambda: len(emu.bot_messages(IT_CHAT)) >= 19, timeout=10,
                       what="the group's first messages")
    async with bot.svc.db.transaction() as session:  # two parts: the second must wait
        await relay(session, bot.clock.now(), request, to_chat=IT_CHAT, thread_id=None,
                    from_chat=OUTSIDER, message_id=1, author_id=OUTSIDER,
                    text=("a long line <&> " * 400).strip(), to_card=False)
    bot.sender.wake()
    await emu.wait_for(lambda: len(emu.bot_messages(IT_CHAT)) >= 20, timeout=10,
                       what="the first part")
    async with bot.svc.db.transaction() as session:
        other, _ = await create_request(session, bot.svc, REQUESTER, hr,
                                        hr.request_types[0], [], "normal", None)
    bot.sender.wake()
    await emu.wait_for(lambda: any(f"Request #{other.id}" in m.text
                                   for m in emu.bot_messages(REQUESTER)),
                       timeout=5, what="a confirmation while the group waits")
    assert len(emu.bot_messages(IT_CHAT)) == 20  # the second part still waits its turn
    assert [c for c in emu.calls if c.status == 429] == []


async def test_a_message_that_keeps_failing_unexplained_gives_way(emu, bot, clock):
    """A notice we cannot even build (a bug of ours) is retried a few times, then
    recorded failed: the chat's later messages are not held behind it for ever."""
    from core.outgoing import notify

    async with bot.svc.db.transaction() as session:
        notify(session, clock.now(), REQUESTER, "taken", None)  # {actor} missing: KeyError
        notify(session, clock.now(), REQUESTER, "delayed", None, id=7, department="IT")
    bot.sender.wake()
    for _ in range(12):  # the chat's later notice waits behind it, in order: drain, not settle
        clock.advance(timedelta(minutes=6))
        await bot.sender.drain()
    assert any("#7" in m.text for m in emu.bot_messages(REQUESTER))
    async with bot.svc.db.reading() as session:
        statuses = list(await session.scalars(select(OutboxMessage.status)
                                              .order_by(OutboxMessage.id)))
    assert statuses == ["failed", "sent"]


async def test_a_group_that_forbids_photos_gets_the_card_and_nobody_is_misled(emu, bot, clock):
    await bind(emu, bot)
    emu.inject("sendPhoto", status=400, chat_id=IT_CHAT,
               description="Bad Request: not enough rights to send photos to the chat")
    number = await _file_hardware_with_photo(emu, bot)
    assert any(m.text.startswith(f"#{number} ·") and "Status:" in m.text
               for m in emu.bot_messages(IT_CHAT))
    told = last(emu, REQUESTER)
    assert "would not post these files" in told.text and "A photo of the problem" in told.text
    assert not any("cannot post" in m.text for m in emu.bot_messages(ADMIN))
    assert not any("cannot post it" in m.text for m in emu.bot_messages(REQUESTER))


async def test_a_card_telegram_refuses_is_reported_not_dropped(emu, bot):
    await bind(emu, bot)
    emu.inject("sendMessage", status=400, chat_id=IT_CHAT,
               description="Bad Request: can't parse entities: unsupported start tag")
    number = await file_access_request(emu, bot)
    assert any(f"refused the card of #{number}" in m.text for m in emu.bot_messages(ADMIN))
    assert any(f"#{number}" in m.text and "cannot post it" in m.text
               for m in emu.bot_messages(REQUESTER))


async def test_a_long_caption_with_long_names_is_cut_to_fit(emu, bot):
    emu.add_user(2999, "R" * 64, last_name="Q" * 64)
    await bind(emu, bot)
    number = await file_access_request(emu, bot, user_id=2999)
    notice = next(m for m in emu.bot_messages(2999) if f"Request #{number}" in m.text)
    emu.users[2999].send_photo(2999, caption="é" * 1000, reply_to=notice.message_id)
    await bot.settle()
    photo = [m for m in emu.bot_messages(IT_CHAT) if m.kind == "photo"]
    assert len(photo) == 1 and "(requester)" in photo[0].text


async def test_the_shared_budget_failing_after_a_send_does_not_resend(database_url):
    from bot.pacer import Pacer, SharedBudget
    from db.session import Database

    class Broken(SharedBudget):
        async def sent(self, keys: list[int]) -> None:
            raise OSError("connection reset")

    db = Database(database_url)
    pacer = Pacer(shared=Broken(db))
    try:
        await pacer.done(REQUESTER)  # logged, not raised in place of the send's result
    finally:
        await db.dispose()


async def test_a_requester_gone_from_a_department_with_no_chat_is_told_to_the_admins(emu,
                                                                                      bot):
    """The department hears that its requester cannot be reached; one with no chat yet
    (the card waits for /bind) cannot, so the admins, who bind it, do."""
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    emu.users[REQUESTER].block_bot()
    await press(emu, bot, EXECUTOR, card(emu, number), "➡️ Transfer")
    await press(emu, bot, EXECUTOR, last(emu, IT_CHAT), "Finance")  # no chat bound
    await say(emu, bot, EXECUTOR, "Theirs", IT_CHAT, reply_to=last(emu, IT_CHAT).message_id)
    assert any("cannot receive my messages" in m.text and f"#{number}" in m.text
               for m in emu.bot_messages(ADMIN))
