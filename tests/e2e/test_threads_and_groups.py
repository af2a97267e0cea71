"""Replies between requester and department, groups, topics and delivery."""

from datetime import timedelta

from sqlalchemy import select

from db.models import ChatBinding, OutboxMessage
from tests.conftest import ADMIN, EXECUTOR, IT_CHAT, OUTSIDER, REQUESTER
from tests.e2e.flows import bind, card, file_access_request, last, press, say


async def test_replies_travel_both_ways_with_files(emu, bot):
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    emu.users[EXECUTOR].send_photo(IT_CHAT, caption="Is this the screen?",
                                   reply_to=card(emu, number).message_id)
    await bot.settle()
    copied = last(emu, REQUESTER)
    assert copied.kind == "photo" and "Egor Executor, IT" in copied.text
    assert "Is this the screen?" in copied.text
    reply = await say(emu, bot, REQUESTER, "Yes <exactly> that one",
                      reply_to=copied.message_id)
    assert "Passed on to IT" in reply.text
    relayed = last(emu, IT_CHAT)
    assert relayed.text.endswith("Yes <exactly> that one")
    assert relayed.reply_to_message_id == card(emu, number).message_id


async def test_reply_about_a_closed_request_is_not_lost_silently(emu, bot):
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    await press(emu, bot, EXECUTOR, card(emu, number), "⛔ Reject")
    await say(emu, bot, EXECUTOR, "duplicate", IT_CHAT, reply_to=last(emu, IT_CHAT).message_id)
    notice = last(emu, REQUESTER)
    answer = await say(emu, bot, REQUESTER, "but why?", reply_to=notice.message_id)
    assert f"#{number} is ⛔ rejected" in answer.text and "/new" in answer.text


async def test_long_texts_are_split_not_refused(emu, bot):
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    long_text = ("line with <tags> & ampersands " * 200).strip()  # ~6,000 characters
    emu.users[EXECUTOR].send(IT_CHAT, long_text[:4096], reply_to=card(emu, number).message_id)
    await bot.settle()
    parts = [m.text for m in emu.bot_messages(REQUESTER)][-2:]
    assert "".join(parts).count("<tags>") == long_text[:4096].count("<tags>")
    assert all(len(p) <= 4096 for p in parts)
    assert all(c.ok for c in emu.calls if c.method != "getUpdates")


async def test_unbound_department_waits_then_bind_posts_it(emu, bot):
    number = await file_access_request(emu, bot)
    assert "has not connected its chat" in last(emu, REQUESTER).text
    assert "no chat is bound" in last(emu, ADMIN).text
    await bind(emu, bot)
    assert card(emu, number).buttons


async def test_bind_is_for_admins_and_topics_get_their_cards(emu, bot):
    forum = emu.add_group(-1002000000009, "Company forum", forum=True,
                          members=(ADMIN, EXECUTOR, OUTSIDER))
    forum.add_topic(77, "IT requests")
    denied = await say(emu, bot, OUTSIDER, "/bind it", forum.id)
    assert "Only the organisation's admins" in denied.text
    emu.users[ADMIN].send(forum.id, "/bind it", thread_id=77)
    await bot.settle()
    assert "This topic now receives" in emu.last_bot_message(forum.id, thread_id=77).text
    async with bot.svc.db.transaction() as session:
        binding = await session.get(ChatBinding, "it")
    assert (binding.chat_id, binding.thread_id) == (forum.id, 77)
    number = await file_access_request(emu, bot)
    shown = card(emu, number, forum.id)
    assert shown.thread_id == 77


async def test_added_to_a_group_greets_and_migration_is_followed(emu, bot):
    group = emu.add_group(-4000001, "New IT chat", members=(ADMIN, EXECUTOR), bot_member=False)
    emu.add_bot_to_group(group.id, ADMIN)
    await bot.settle()
    assert "/bind" in last(emu, group.id).text
    await bind(emu, bot, group.id)
    emu.migrate_group(group.id, -1009000000001)
    await bot.settle()
    number = await file_access_request(emu, bot)
    assert card(emu, number, -1009000000001).buttons


async def test_card_survives_an_outage_and_the_requester_hears_of_the_delay(emu, bot, clock):
    await bind(emu, bot)
    emu.inject("sendMessage", status=502, count=3, chat_id=IT_CHAT)
    number = await file_access_request(emu, bot)
    assert "can't be reached" in last(emu, REQUESTER).text or \
        "cannot be reached" in last(emu, REQUESTER).text
    for _ in range(4):
        clock.advance(timedelta(minutes=5))
        await bot.settle()
    cards = [m for m in emu.bot_messages(IT_CHAT) if m.text.startswith(f"#{number} ·")]
    assert len(cards) == 1
    delays = [m for m in emu.bot_messages(REQUESTER) if "cannot be reached" in m.text]
    assert len(delays) == 1


async def test_blocked_requester_does_not_break_the_department(emu, bot):
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    emu.users[REQUESTER].block_bot()
    await press(emu, bot, EXECUTOR, card(emu, number), "🙋 Take")
    assert "in progress" in card(emu, number).text
    async with bot.svc.db.transaction() as session:
        failed = list(await session.scalars(select(OutboxMessage).where(
            OutboxMessage.status == "failed")))
    assert [f.chat_id for f in failed] == [REQUESTER]
    told = last(emu, IT_CHAT)
    assert "Rita Requester cannot receive my messages" in told.text
    assert f"#{number}" in told.text
    await press(emu, bot, EXECUTOR, card(emu, number), "✅ Done")  # told once, not again
    assert len([m for m in emu.bot_messages(IT_CHAT) if "cannot receive" in m.text]) == 1


async def test_a_removed_department_chat_is_reported(emu, bot):
    await bind(emu, bot)
    emu.remove_bot_from_group(IT_CHAT, ADMIN)
    await bot.settle()
    number = await file_access_request(emu, bot)
    assert "I cannot post it to the chat of IT" in last(emu, REQUESTER).text
    assert "I cannot post to the chat of IT" in last(emu, ADMIN).text
    emu.add_bot_to_group(IT_CHAT, ADMIN)
    await bind(emu, bot)
    assert card(emu, number).buttons  # re-binding delivers what waited


async def test_command_menu_is_set_per_language(emu, bot):
    keys = set(emu.commands)
    assert any(lang == "ru" for _, lang in keys) and any(lang == "en" for _, lang in keys)
    private_ru = next(v for (scope, lang), v in emu.commands.items()
                      if lang == "ru" and "private" in scope)
    assert [c["command"] for c in private_ru] == ["new", "my", "show", "find", "cancel",
                                                  "help", "away", "back", "stats", "export"]


async def test_my_lists_requests_with_status(emu, bot):
    await bind(emu, bot)
    first = await file_access_request(emu, bot)
    second = await file_access_request(emu, bot, system="VPN")
    await press(emu, bot, EXECUTOR, card(emu, first), "🙋 Take")
    listing = await say(emu, bot, REQUESTER, "/my")
    assert listing.text.index(f"#{second}") < listing.text.index(f"#{first}")
    assert "in progress" in listing.text and "new" in listing.text
    empty = await say(emu, bot, OUTSIDER, "/my")
    assert "no requests yet" in empty.text


async def test_a_chat_id_in_the_organisation_file_binds_without_bind(emu, database_url, clock):
    import tomllib

    from bot.harness import BotUnderTest
    from core.org import parse_org
    from tests.conftest import ROOT

    data = tomllib.loads((ROOT / "core" / "org.example.toml").read_text(encoding="utf-8"))
    data["organization"]["language"] = "en"
    data["departments"][0]["chat_id"] = IT_CHAT
    runner = BotUnderTest(emu, database_url, parse_org(data), clock)
    await runner.start()
    try:
        number = await file_access_request(emu, runner)
        assert card(emu, number).buttons
    finally:
        await runner.stop()
