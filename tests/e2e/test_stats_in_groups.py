"""/stats and /export sent in a group: the group sees only its own department,
only when a manager of that department (or an admin) asks, and never an export.

Eva (EXECUTOR2) manages HR only; she sits in the IT and the HR groups."""

import tomllib

import pytest

from core.org import parse_org
from tests.conftest import ADMIN, EXECUTOR, EXECUTOR2, FIN_CHAT, HR_CHAT, IT_CHAT, ROOT
from tests.e2e.flows import bind, file_access_request, say


@pytest.fixture
def org():
    data = tomllib.loads((ROOT / "core" / "org.example.toml").read_text(encoding="utf-8"))
    data["organization"]["language"] = "en"
    hr = next(d for d in data["departments"] if d["key"] == "hr")
    hr["managers"] = [ADMIN, EXECUTOR2]
    return parse_org(data)


def figures(emu, chat_id: int, since: int) -> list[str]:
    return [m.text for m in emu.bot_messages(chat_id)[since:] if m.text.startswith("📊")]


def sent_since(emu, chat_id: int, since: int):
    return emu.bot_messages(chat_id)[since:]


async def test_export_in_a_group_points_to_the_private_chat(emu, bot):
    await bind(emu, bot)
    await file_access_request(emu, bot, system="Secret payroll system")
    for user, chat in ((ADMIN, IT_CHAT), (ADMIN, FIN_CHAT), (EXECUTOR2, HR_CHAT)):
        before = len(emu.bot_messages(chat))
        emu.users[user].send(chat, "/export 30")
        await bot.settle()
        answers = sent_since(emu, chat, before)
        assert len(answers) == 1, [m.text for m in answers]
        assert answers[0].kind == "text"
        assert "private chat" in answers[0].text and "@baton_test_bot" in answers[0].text
        assert "Secret payroll" not in answers[0].text
    assert not [m for m in emu.bot_messages(ADMIN) if m.kind == "document"]


async def test_stats_in_a_bound_group_show_only_its_department(emu, bot):
    await bind(emu, bot)
    await bind(emu, bot, HR_CHAT, "hr")
    await file_access_request(emu, bot)
    before = len(emu.bot_messages(IT_CHAT))
    emu.users[ADMIN].send(IT_CHAT, "/stats 7")
    await bot.settle()
    shown = figures(emu, IT_CHAT, before)
    assert len(shown) == 1 and shown[0].startswith("📊 IT")
    assert "📊 HR" not in shown[0] and "📊 Finance" not in shown[0]
    flows = [m.text for m in sent_since(emu, IT_CHAT, before) if m.text.startswith("🔀")]
    assert flows and "HR" not in flows[0] and "Finance" not in flows[0]
    assert sent_since(emu, IT_CHAT, before)[-1].kind == "photo"
    # naming another department here is refused; it is for a private chat
    before = len(emu.bot_messages(IT_CHAT))
    answer = await say(emu, bot, ADMIN, "/stats 7 hr", IT_CHAT)
    assert "only IT" in answer.text and "private chat" in answer.text
    assert figures(emu, IT_CHAT, before) == []
    # Eva manages HR: her group shows HR, and only HR
    before = len(emu.bot_messages(HR_CHAT))
    emu.users[EXECUTOR2].send(HR_CHAT, "/stats")
    await bot.settle()
    shown = figures(emu, HR_CHAT, before)
    assert len(shown) == 1 and shown[0].startswith("📊 HR") and "📊 IT" not in shown[0]


async def test_stats_in_a_group_are_for_that_departments_managers(emu, bot):
    await bind(emu, bot)
    await file_access_request(emu, bot)
    for user in (EXECUTOR2, EXECUTOR):  # Eva manages HR, not IT; Egor manages nothing
        before = len(emu.bot_messages(IT_CHAT))
        emu.users[user].send(IT_CHAT, "/stats")
        await bot.settle()
        answers = sent_since(emu, IT_CHAT, before)
        assert len(answers) == 1 and "for the department's managers" in answers[0].text
    # in private Eva still sees the department she manages
    emu.users[EXECUTOR2].send(EXECUTOR2, "/stats")
    await bot.settle()
    assert [t[:4] for t in figures(emu, EXECUTOR2, 0)] == ["📊 HR"]


async def test_stats_in_an_unbound_group_are_refused(emu, bot):
    await bind(emu, bot)
    await file_access_request(emu, bot)
    emu.users[ADMIN].send(FIN_CHAT, "/stats")
    await bot.settle()
    answers = emu.bot_messages(FIN_CHAT)
    assert len(answers) == 1 and "not bound to a department" in answers[0].text
    assert "@baton_test_bot" in answers[0].text


async def test_stats_in_a_topic_show_that_topics_department(emu, bot):
    forum = emu.add_group(-1002000000009, "Company forum", forum=True,
                          members=(ADMIN, EXECUTOR, EXECUTOR2))
    forum.add_topic(77, "IT requests")
    forum.add_topic(88, "HR requests")
    emu.users[ADMIN].send(forum.id, "/bind it", thread_id=77)
    emu.users[ADMIN].send(forum.id, "/bind hr", thread_id=88)
    await bot.settle()
    await file_access_request(emu, bot)
    for thread, name in ((77, "IT"), (88, "HR")):
        before = len(emu.bot_messages(forum.id))
        emu.users[ADMIN].send(forum.id, "/stats", thread_id=thread)
        await bot.settle()
        shown = figures(emu, forum.id, before)
        assert len(shown) == 1 and shown[0].startswith(f"📊 {name}"), shown
        assert shown[0].count("📊") == 1
