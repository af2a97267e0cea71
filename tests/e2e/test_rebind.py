"""Binding a department again: open work follows it to its new chat or topic,
once; a transfer to a department with no chat is reported; the chats the
organisation file names are never left; a removed department's requests are
named and can be passed on."""

import asyncio
import logging
import tomllib
from datetime import timedelta
from types import SimpleNamespace

from pydantic import SecretStr

from bot import admin_cli, scheduler
from bot.app import bind_from_file
from bot.harness import BotUnderTest
from bot.settings import Settings
from core.context import Services
from core.org import parse_org
from db.session import Database
from tests.conftest import (
    ADMIN,
    EXECUTOR,
    EXECUTOR2,
    FIN_CHAT,
    HR_CHAT,
    IT_CHAT,
    REQUESTER,
    ROOT,
    example_org,
)
from tests.e2e.flows import bind, button_texts, card, file_access_request, last, press, say

NEW_IT = -1001000000077
FORUM = -1002000000009
STAFF_CHAT = -1005550000001
MOVED = "Moved to the department's new chat"


def cards_in(emu, number, chat_id, thread_id=None):
    """Every card of #N the bot shows in a chat (or one topic of it), live or not."""
    return [m for m in emu.bot_messages(chat_id, thread_id)
            if m.text.startswith(f"#{number} ·") and "\n" in m.text
            and ("Status:" in m.text or MOVED in m.text or "Transferred" in m.text)]


def live_card(emu, number, chat_id, thread_id=None):
    shown = [m for m in cards_in(emu, number, chat_id, thread_id) if "Status:" in m.text]
    assert len(shown) == 1, [m.text for m in cards_in(emu, number, chat_id, thread_id)]
    return shown[0]


async def transfer(emu, bot, user_id, chat_id, number, to_name, reason="not ours"):
    await press(emu, bot, user_id, live_card(emu, number, chat_id), "➡️ Transfer")
    await press(emu, bot, user_id, last(emu, chat_id), to_name)
    await say(emu, bot, user_id, reason, chat_id, reply_to=last(emu, chat_id).message_id)


async def test_rebind_to_a_new_group_moves_every_open_request_once(emu, bot):
    await bind(emu, bot)
    taken = await file_access_request(emu, bot)
    waiting = await file_access_request(emu, bot, system="VPN")
    closed = await file_access_request(emu, bot, system="Mail")
    await press(emu, bot, EXECUTOR, card(emu, taken), "🙋 Take")
    await press(emu, bot, EXECUTOR, card(emu, closed), "⛔ Reject")
    await say(emu, bot, EXECUTOR, "duplicate", IT_CHAT, reply_to=last(emu, IT_CHAT).message_id)
    emu.add_group(NEW_IT, "IT desk 2", members=(ADMIN, EXECUTOR, EXECUTOR2))

    await bind(emu, bot, NEW_IT)

    assert "in progress" in live_card(emu, taken, NEW_IT).text
    assert button_texts(live_card(emu, waiting, NEW_IT))[0] == "🙋 Take"
    assert cards_in(emu, closed, NEW_IT) == []  # closed work stays where it was
    for number in (taken, waiting):
        old = cards_in(emu, number, IT_CHAT)
        assert len(old) == 1 and old[0].buttons == [] and MOVED in old[0].text
    await press(emu, bot, EXECUTOR2, live_card(emu, waiting, NEW_IT), "🙋 Take")
    assert "in progress" in live_card(emu, waiting, NEW_IT).text
    await bind(emu, bot, NEW_IT)  # the same place again: nothing is posted twice
    for number in (taken, waiting):
        assert len(cards_in(emu, number, NEW_IT)) == 1

    await bind(emu, bot)  # back to the first group: its cards work again
    for number in (taken, waiting):
        assert len(cards_in(emu, number, IT_CHAT)) == 1
        assert "in progress" in live_card(emu, number, IT_CHAT).text
        assert MOVED in cards_in(emu, number, NEW_IT)[0].text
    await press(emu, bot, EXECUTOR, live_card(emu, taken, IT_CHAT), "✅ Done")
    assert "on review" in live_card(emu, taken, IT_CHAT).text


async def test_moving_to_another_topic_of_the_same_forum(emu, bot):
    forum = emu.add_group(FORUM, "Company forum", forum=True, members=(ADMIN, EXECUTOR))
    forum.add_topic(77, "IT requests")
    forum.add_topic(88, "IT desk")
    emu.users[ADMIN].send(FORUM, "/bind it", thread_id=77)
    await bot.settle()
    number = await file_access_request(emu, bot)
    assert live_card(emu, number, FORUM, 77).buttons

    emu.users[ADMIN].send(FORUM, "/bind it", thread_id=88)
    await bot.settle()

    moved = cards_in(emu, number, FORUM, 77)
    assert len(moved) == 1 and moved[0].buttons == [] and MOVED in moved[0].text
    await press(emu, bot, EXECUTOR, live_card(emu, number, FORUM, 88), "🙋 Take")
    assert "in progress" in live_card(emu, number, FORUM, 88).text
    assert MOVED in cards_in(emu, number, FORUM, 77)[0].text  # the old one stays moved


async def test_a_transfer_to_a_department_with_no_chat_is_reported_then_bind_posts_it(emu, bot):
    await bind(emu, bot)
    number = await file_access_request(emu, bot)

    await transfer(emu, bot, EXECUTOR, IT_CHAT, number, "HR")

    told = last(emu, ADMIN).text
    assert f"#{number}" in told and "/bind hr" in told
    assert "Transferred to HR" in cards_in(emu, number, IT_CHAT)[0].text
    await bind(emu, bot, HR_CHAT, "hr")
    await press(emu, bot, EXECUTOR2, live_card(emu, number, HR_CHAT), "🙋 Take")
    assert "in progress" in live_card(emu, number, HR_CHAT).text
    assert "Transferred to HR" in cards_in(emu, number, IT_CHAT)[0].text  # not "moved"


def org_with_it_chat(chat_id):
    data = tomllib.loads((ROOT / "core" / "org.example.toml").read_text(encoding="utf-8"))
    data["organization"]["language"] = "en"
    data["departments"][0]["chat_id"] = chat_id
    return parse_org(data)


async def start_at_once(database_url, org, clock, instances=3):
    """Several instances start together: each binds from the file."""
    started = [Services(Database(database_url), org, clock) for _ in range(instances)]
    await asyncio.gather(*(bind_from_file(svc) for svc in started))
    for svc in started:
        await svc.db.dispose()


async def test_a_chat_id_in_the_organisation_file_posts_open_work_once(emu, database_url, clock):
    runner = BotUnderTest(emu, database_url, example_org(), clock)
    await runner.start()
    try:
        number = await file_access_request(emu, runner)  # IT has no chat: it waits
    finally:
        await runner.stop()
    await start_at_once(database_url, org_with_it_chat(IT_CHAT), clock)
    runner = BotUnderTest(emu, database_url, org_with_it_chat(IT_CHAT), clock)
    await runner.start()  # and one more start binds again
    try:
        await runner.settle()
        assert len(cards_in(emu, number, IT_CHAT)) == 1
        await press(emu, runner, EXECUTOR, live_card(emu, number, IT_CHAT), "🙋 Take")
        assert "in progress" in live_card(emu, number, IT_CHAT).text
    finally:
        await runner.stop()
    emu.add_group(NEW_IT, "IT desk 2", members=(ADMIN, EXECUTOR))
    moved = org_with_it_chat(NEW_IT)  # the department moves to a new group
    await start_at_once(database_url, moved, clock)
    runner = BotUnderTest(emu, database_url, moved, clock)
    await runner.start()
    try:
        await runner.settle()
        assert len(cards_in(emu, number, NEW_IT)) == 1
        assert "in progress" in live_card(emu, number, NEW_IT).text
        await press(emu, runner, EXECUTOR, live_card(emu, number, NEW_IT), "✅ Done")
        assert "on review" in live_card(emu, number, NEW_IT).text
        old = cards_in(emu, number, IT_CHAT)
        assert len(old) == 1 and old[0].buttons == [] and MOVED in old[0].text
    finally:
        await runner.stop()


async def test_the_chats_the_organisation_file_names_are_never_left(emu, database_url, clock):
    data = tomllib.loads((ROOT / "core" / "org.example.toml").read_text(encoding="utf-8"))
    data["organization"]["language"] = "en"
    data["access"] = {"mode": "chat_members", "members_chat_id": STAFF_CHAT}
    data["departments"][1]["chat_id"] = HR_CHAT  # named in the file; /bind puts HR elsewhere
    random = -1005550000002
    for chat_id, title in ((STAFF_CHAT, "All staff"), (random, "Random")):
        emu.add_group(chat_id, title, members=(ADMIN, REQUESTER), bot_member=False)
    runner = BotUnderTest(emu, database_url, parse_org(data), clock)
    await runner.start()
    try:
        for chat_id in (STAFF_CHAT, random, HR_CHAT):
            emu.add_bot_to_group(chat_id, ADMIN)
        await runner.settle()
        await bind(emu, runner)
        await bind(emu, runner, FIN_CHAT, "hr")
        clock.advance(timedelta(days=2))  # past the day a group has to be bound in
        await scheduler.leave_unbound_groups(
            SimpleNamespace(bot=runner.app.bot, bot_data=runner.app.bot_data))
        assert emu.left_chats == [random]
        assert await file_access_request(emu, runner) >= 1  # members can still file
    finally:
        await runner.stop()


def org_without_it(tmp_path):
    text = (ROOT / "core" / "org.example.toml").read_text(encoding="utf-8")
    start = text.index("# ---------------------------------------------------------------- IT")
    end = text.index("# ---------------------------------------------------------------- HR")
    path = tmp_path / "org-without-it.toml"
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    return path


async def test_a_removed_departments_open_requests_are_named_and_can_be_transferred(
        emu, database_url, clock, tmp_path, caplog, capsys):
    runner = BotUnderTest(emu, database_url, example_org(), clock)
    await runner.start()
    try:
        await bind(emu, runner)
        await bind(emu, runner, HR_CHAT, "hr")
        first = await file_access_request(emu, runner)
        second = await file_access_request(emu, runner, system="VPN")
    finally:
        await runner.stop()
    path = org_without_it(tmp_path)
    org = tomllib.loads(path.read_text(encoding="utf-8"))
    org["organization"]["language"] = "en"
    caplog.set_level(logging.INFO)
    runner = BotUnderTest(emu, database_url, parse_org(org), clock)
    await runner.start()
    try:
        named = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
        assert any("it" in line and "2 open" in line and f"#{first}" in line
                   and f"#{second}" in line for line in named), named
        settings = Settings(bot_token=SecretStr(emu.token), database_url=database_url,
                            org_config=str(path))
        await admin_cli._check(settings)
        out = capsys.readouterr().out
        assert f"it: 2 open request(s) (#{first}, #{second})" in out, out

        await transfer(emu, runner, ADMIN, IT_CHAT, first, "HR")

        assert "passed to HR" in last(emu, REQUESTER).text
        assert "Transferred to HR" in cards_in(emu, first, IT_CHAT)[0].text
        await press(emu, runner, EXECUTOR2, live_card(emu, first, HR_CHAT), "🙋 Take")
        assert "in progress" in live_card(emu, first, HR_CHAT).text
        assert "➡️ Transfer" in button_texts(live_card(emu, second, IT_CHAT))
    finally:
        await runner.stop()
