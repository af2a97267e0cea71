"""A manager who cannot be written to privately is mentioned in the group of the
request's department, and only there: one manager of two departments whose
requests breach in the same scan gets each department's lines in its own group."""

from datetime import UTC, datetime, timedelta

from core.intake import create_request
from tests.conftest import HR_CHAT, IT_CHAT, REQUESTER
from tests.e2e.flows import bind


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC) - timedelta(hours=3)


async def file(bot, department_key, type_key):
    department = bot.svc.org.department(department_key)
    async with bot.svc.db.transaction() as session:
        request, _ = await create_request(session, bot.svc, REQUESTER, department,
                                          department.request_type(type_key), [], "normal", None)
    await bot.settle()
    return request.id


def mentions(emu, chat_id):
    return [m.text for m in emu.bot_messages(chat_id)
            if "I cannot write to you privately" in m.text]


async def test_each_department_mentions_its_manager_in_its_own_group(emu, bot, clock):
    # Anna Admin manages IT and HR and has never started the bot
    await bind(emu, bot, IT_CHAT, "it")
    await bind(emu, bot, HR_CHAT, "hr")
    it_number = await file(bot, "it", "access")  # take by Monday 12:00
    hr_number = await file(bot, "hr", "certificate")  # take by Monday 14:00
    clock.set(at(23, 14, 1))  # both breached in one scan
    await bot.scan()
    it_mentions, hr_mentions = mentions(emu, IT_CHAT), mentions(emu, HR_CHAT)
    assert len(it_mentions) == 1 and len(hr_mentions) == 1
    assert "Anna Admin" in it_mentions[0] and "Anna Admin" in hr_mentions[0]
    assert f"#{it_number} " in it_mentions[0] and f"#{hr_number} " not in it_mentions[0]
    assert f"#{hr_number} " in hr_mentions[0] and f"#{it_number} " not in hr_mentions[0]


async def test_no_mention_in_a_group_of_another_department(emu, bot, clock):
    # HR has no chat: its escalation is not posted in IT's group
    await bind(emu, bot, IT_CHAT, "it")
    it_number = await file(bot, "it", "access")
    hr_number = await file(bot, "hr", "certificate")
    clock.set(at(23, 14, 1))
    await bot.scan()
    group = " ".join(m.text for m in emu.bot_messages(IT_CHAT))
    assert f"#{it_number} " in group
    assert f"#{hr_number} " not in group
