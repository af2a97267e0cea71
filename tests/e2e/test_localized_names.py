"""Names, labels and options of the organisation file in several languages (SPEC §5
"Languages"): each person sees them in their language, group chats in the
organisation's; a choice is stored in the organisation's language."""

import tomllib

import pytest

from bot.harness import BotUnderTest
from core.org import parse_org
from db.models import Request
from tests.conftest import EXECUTOR, IT_CHAT, REQUESTER, ROOT
from tests.e2e.flows import bind, button_texts, card, last, press, say

RUSSIAN = 2002


def localized_org():
    data = tomllib.loads((ROOT / "core" / "org.example.toml").read_text(encoding="utf-8"))
    data["organization"]["language"] = "en"
    it = data["departments"][0]
    it["name"] = {"en": "IT", "ru": "ИТ"}
    access = it["request_types"][0]
    access["name"] = {"ru": "Доступ к системе", "en": "Access to a system"}
    access["fields"][0]["label"] = {"en": "Which system?", "ru": "Какая система?"}
    access["fields"][1]["label"] = {"en": "Access level", "ru": "Уровень доступа"}
    access["fields"][1]["options"] = [{"en": "Read", "ru": "Чтение"},
                                      {"en": "Write", "ru": "Запись"}, "Admin"]
    return parse_org(data)


@pytest.fixture
async def bot(emu, database_url, clock):
    emu.add_user(RUSSIAN, "Roma", language_code="ru")
    runner = BotUnderTest(emu, database_url, localized_org(), clock)
    await runner.start()
    yield runner
    await runner.stop()


async def file_in_russian(emu, bot):
    asked = await say(emu, bot, RUSSIAN, "/new")
    assert "ИТ" in button_texts(asked) and "IT" not in button_texts(asked)
    await press(emu, bot, RUSSIAN, asked, "ИТ")
    types = last(emu, RUSSIAN)
    assert "<b>ИТ</b>" in types.html or "ИТ:" in types.text
    assert "Доступ к системе" in button_texts(types)
    await press(emu, bot, RUSSIAN, types, "Доступ к системе")
    assert "Какая система?" in last(emu, RUSSIAN).text
    level = await say(emu, bot, RUSSIAN, "1С")
    assert "Уровень доступа" in level.text
    assert button_texts(level)[:3] == ["Чтение", "Запись", "Admin"]
    await press(emu, bot, RUSSIAN, level, "Запись")
    await press(emu, bot, RUSSIAN, last(emu, RUSSIAN), "Пропустить")  # needed by
    await press(emu, bot, RUSSIAN, last(emu, RUSSIAN), "Не срочно")
    emu.users[RUSSIAN].tap("Пропустить")  # nobody to keep informed
    await bot.settle()
    summary = last(emu, RUSSIAN).text
    assert "Уровень доступа" in summary and "Запись" in summary and "Доступ к системе" in summary
    await press(emu, bot, RUSSIAN, last(emu, RUSSIAN), "✅ Отправить")
    confirmation = next(m.text for m in reversed(emu.bot_messages(RUSSIAN)) if "#" in m.text)
    assert "ИТ" in confirmation
    return int(confirmation.split("#")[1].split()[0])


async def test_a_person_sees_names_in_their_language_and_the_group_in_the_orgs(emu, bot):
    await bind(emu, bot)
    number = await file_in_russian(emu, bot)
    # the group reads the organisation's language (en)
    posted = card(emu, number, IT_CHAT).text
    assert posted.startswith(f"#{number} · Access to a system")
    assert "Access level: Write" in posted and "Which system?: 1С" in posted
    # the request keeps the organisation's language: /find and export read that
    async with bot.svc.db.reading() as session:
        request = await session.get(Request, number)
    assert request.type_name == "Access to a system"
    level = next(a for a in request.answers if a["key"] == "level")
    assert (level["label"], level["value"]) == ("Access level", "Write")
    # the requester's /show is in Russian; an English-speaking executor's in English
    shown = (await say(emu, bot, RUSSIAN, f"/show {number}")).text
    assert shown.startswith(f"#{number} · Доступ к системе")
    assert "Уровень доступа: Запись" in shown and "ИТ" in shown
    await say(emu, bot, EXECUTOR, f"/show {number}", chat_id=IT_CHAT)
    found = (await say(emu, bot, RUSSIAN, "/find Write")).text
    assert f"#{number}" in found and "Доступ к системе" in found


async def test_an_english_speaker_files_the_same_type_in_english(emu, bot):
    asked = await say(emu, bot, REQUESTER, "/new")
    assert "IT" in button_texts(asked) and "ИТ" not in button_texts(asked)
    await press(emu, bot, REQUESTER, asked, "IT")
    assert "Access to a system" in button_texts(last(emu, REQUESTER))
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Access to a system")
    level = await say(emu, bot, REQUESTER, "VPN")
    assert button_texts(level)[:3] == ["Read", "Write", "Admin"]
    # typing an option in another of its languages is understood too
    summary_or_next = await say(emu, bot, REQUESTER, "чтение")
    assert "Needed by" in summary_or_next.text
