"""A whole journey (/new → card → take → done → rate → accept) in each of the six languages:
people read their Telegram language, the group reads the organisation's, and every text, button
and date on the way is the language's own."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

import pytest

from bot.i18n import LANGUAGES, moment, plain, t
from core.org import OrgConfig
from emulator import BotApiEmulator, EmuMessage, parse_html
from tests.conftest import EXECUTOR, IT_CHAT, REQUESTER, example_org
from tests.e2e.flows import bind, button_texts, last, press, say

# what Telegram clients send as language_code: sometimes with a region
CODES = {"en": "en", "ru": "ru", "uk": "uk", "pl": "pl-PL", "ro": "ro", "lv": "lv-LV"}
TYPE = "Access to a system"


@pytest.fixture(params=LANGUAGES)
def lang(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def org(lang: str) -> OrgConfig:
    org = example_org()
    return org.model_copy(update={"organization": org.organization.model_copy(
        update={"language": lang})})


def shown(lang: str, key: str, /, **values: Any) -> str:
    """A text as the reader sees it (the HTML parsed away)."""
    return parse_html(t(lang, key, **values))[0]


def card_of(emu: BotApiEmulator, number: int) -> EmuMessage:
    cards = [m for m in emu.bot_messages(IT_CHAT) if m.text.startswith(f"#{number} ·")]
    assert len(cards) == 1, [m.text for m in emu.bot_messages(IT_CHAT)]
    return cards[0]


async def test_a_whole_journey_in_each_language(emu, bot, lang):
    for user_id, first in ((REQUESTER, "Rita"), (EXECUTOR, "Egor")):
        emu.add_user(user_id, first, last_name="Requester" if user_id == REQUESTER
                     else "Executor", language_code=CODES[lang])
    await bind(emu, bot)
    assert last(emu, IT_CHAT).text.startswith(shown(lang, "bind.done", department="IT"))

    # the form, with the language's buttons
    asked = await say(emu, bot, REQUESTER, "/new")
    assert asked.text == shown(lang, "form.choose_department")
    await press(emu, bot, REQUESTER, asked, "IT")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), TYPE)
    assert plain(lang, "form.hint_text", limit=200) in last(emu, REQUESTER).text
    await say(emu, bot, REQUESTER, "1C Accounting")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Write")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), plain(lang, "button.skip"))
    assert last(emu, REQUESTER).text.startswith(shown(lang, "form.priority"))
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), plain(lang, "button.normal"))
    assert shown(lang, "form.watchers", max=5, button=plain(lang, "button.pick_people")) \
        in last(emu, REQUESTER).text
    emu.users[REQUESTER].tap(plain(lang, "button.skip"))
    await bot.settle()
    summary = last(emu, REQUESTER)
    assert summary.text.startswith(shown(lang, "form.summary", department="IT", type=TYPE,
                                         answers="", priority_line="").split("\n")[0])
    await press(emu, bot, REQUESTER, summary, plain(lang, "button.submit"))
    confirmation = next(m.text for m in reversed(emu.bot_messages(REQUESTER))
                        if m.text.startswith("✅"))
    number = int(re.search(r"#(\d+)", confirmation).group(1))
    assert confirmation.split("\n")[0] == shown(
        lang, "form.submitted", id=number, department="IT", response_due="", resolve_due="",
        needed_by="").split("\n")[0]
    # deadlines written the language's way: Monday 10:00 in Moscow + 2 working hours
    assert moment(lang, datetime(2026, 11, 23, 12, 0)) in confirmation

    # the group's card, in the organisation's language
    card = card_of(emu, number)
    assert shown(lang, "card.status", status=plain(lang, "status.new")) in card.text
    assert button_texts(card) == [plain(lang, f"button.{b}")
                                  for b in ("take", "reject", "transfer", "assign")]

    await press(emu, bot, EXECUTOR, card, plain(lang, "button.take"))
    card = card_of(emu, number)
    assert shown(lang, "card.status", status=plain(lang, "status.in_progress")) in card.text
    assert last(emu, REQUESTER).text == shown(lang, "notice.taken", actor="Egor Executor",
                                              department="IT", id=number, type=TYPE)

    await press(emu, bot, EXECUTOR, card, plain(lang, "button.done"))
    review = last(emu, REQUESTER)
    assert review.text == shown(lang, "notice.done", department="IT", id=number, type=TYPE)
    assert button_texts(review)[:2] == [plain(lang, "button.accept"), plain(lang, "button.reopen")]
    assert shown(lang, "card.status", status=plain(lang, "status.on_review")) \
        in card_of(emu, number).text

    await press(emu, bot, REQUESTER, review, "5")
    assert last(emu, REQUESTER).text == shown(lang, "review.rated", id=number, stars="★" * 5,
                                              minutes=60)
    await press(emu, bot, REQUESTER, review, plain(lang, "button.accept"))
    assert shown(lang, "card.status", status=plain(lang, "status.closed")) \
        in card_of(emu, number).text

    # /show: the timeline's moments in the language's format
    view = await say(emu, bot, REQUESTER, f"/show {number}")
    assert shown(lang, "show.timeline") in view.text
    assert shown(lang, "show.event", at=moment(lang, datetime(2026, 11, 23, 10, 0)),
                 actor="Rita Requester", did=plain(lang, "show.did.created"),
                 detail="") in view.text
    assert all(call.ok for call in emu.calls if call.method != "getUpdates"), [
        (c.method, c.description) for c in emu.calls if not c.ok]
