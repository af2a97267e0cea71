"""Assign and Reassign (SPEC §5 "Assigning"): a manager picks an executor from a list
with their open load, under the card; refused for anyone else, for a forged pick and
for the second of two picks."""

from __future__ import annotations

import tomllib

import pytest
from sqlalchemy import select

from core.org import OrgConfig, parse_org
from db.models import DepartmentExecutor, Request
from tests.conftest import ADMIN, EXECUTOR, EXECUTOR2, IT_CHAT, OUTSIDER, REQUESTER, ROOT
from tests.e2e.flows import bind, button_texts, card, file_access_request, last, press, say

MANAGER2 = 5001  # a second manager of IT, a member of its chat


@pytest.fixture
def org() -> OrgConfig:
    data = tomllib.loads((ROOT / "core" / "org.example.toml").read_text(encoding="utf-8"))
    data["organization"]["language"] = "en"
    data["departments"][0]["managers"] = [ADMIN, MANAGER2]
    return parse_org(data)


@pytest.fixture
async def team(emu, bot):
    """IT's chat bound; the executors have started the bot (so they can be told)."""
    emu.add_user(MANAGER2, "Mila", last_name="Manager", language_code="en")
    emu.chats[IT_CHAT].members[MANAGER2] = "member"
    await bind(emu, bot)
    for person in (EXECUTOR, EXECUTOR2, MANAGER2):
        await say(emu, bot, person, "/start")


async def row(bot, number):
    async with bot.svc.db.reading() as session:
        return await session.get(Request, number, populate_existing=True)


def picker(emu, number):
    message = last(emu, IT_CHAT)
    assert f"#{number}" in message.text and "to whom" in message.text, message.text
    return message


async def test_a_manager_assigns_a_new_request_from_its_card(emu, bot, team):
    number = await file_access_request(emu, bot)
    assert "👤 Assign" in button_texts(card(emu, number))
    await press(emu, bot, ADMIN, card(emu, number), "👤 Assign")
    chooser = picker(emu, number)
    assert button_texts(chooser) == ["Egor Executor · 0 open", "Eva Executor · 0 open",
                                     "« Back"]
    query = await press(emu, bot, ADMIN, chooser, "Egor Executor · 0 open")
    assert emu.callback_answers[query] == (f"#{number} is assigned.", False)
    assert chooser.message_id not in [m.message_id for m in emu.bot_messages(IT_CHAT)]
    shown = card(emu, number)
    assert "Assignee: Egor Executor" in shown.text and "in progress" in shown.text
    assert "👤 Reassign" in button_texts(shown)
    told = last(emu, EXECUTOR).text
    assert told == f"📌 Anna Admin assigned you #{number} «Access to a system» (IT)."
    assert any(f"Egor Executor (IT) took your request #{number}" in m.text
               for m in emu.bot_messages(REQUESTER))
    request = await row(bot, number)
    assert (request.status, request.assignee_id) == ("in_progress", EXECUTOR)
    assert request.taken_at is not None and request.response_met is True


async def test_the_list_shows_each_executors_open_load(emu, bot, team):
    first = await file_access_request(emu, bot)
    second = await file_access_request(emu, bot)
    await press(emu, bot, ADMIN, card(emu, first), "👤 Assign")
    await press(emu, bot, ADMIN, picker(emu, first), "Egor Executor · 0 open")
    await press(emu, bot, ADMIN, card(emu, second), "👤 Assign")
    assert button_texts(picker(emu, second))[:2] == ["Egor Executor · 1 open",
                                                     "Eva Executor · 0 open"]
    await press(emu, bot, ADMIN, picker(emu, second), "« Back")
    assert "to whom" not in last(emu, IT_CHAT).text
    assert (await row(bot, second)).status == "new"


async def test_reassign_moves_the_work_and_tells_both(emu, bot, team):
    number = await file_access_request(emu, bot)
    await press(emu, bot, EXECUTOR, card(emu, number), "🙋 Take")
    await press(emu, bot, ADMIN, card(emu, number), "👤 Reassign")
    chooser = picker(emu, number)
    assert button_texts(chooser) == ["Eva Executor · 0 open", "« Back"]  # not whom it is with
    await press(emu, bot, ADMIN, chooser, "Eva Executor · 0 open")
    assert "Assignee: Eva Executor" in card(emu, number).text
    assert last(emu, EXECUTOR2).text.startswith(f"📌 Anna Admin assigned you #{number}")
    assert last(emu, EXECUTOR).text == (f"↪️ Anna Admin gave #{number} «Access to a system» "
                                        "to someone else; you no longer work on it.")
    assert (await row(bot, number)).assignee_id == EXECUTOR2


async def test_an_executor_may_not_assign(emu, bot, team):
    number = await file_access_request(emu, bot)
    query = await press(emu, bot, EXECUTOR, card(emu, number), "👤 Assign")
    assert emu.callback_answers[query] == ("This button is not for you.", True)
    # a forged pick, naming themselves, on the card
    forged = emu.users[EXECUTOR].press(card(emu, number), data=f"v1:r:assign:{number}:{EXECUTOR}")
    await bot.settle()
    assert emu.callback_answers[forged] == ("This button is not for you.", True)
    assert (await row(bot, number)).status == "new"


async def test_a_forged_pick_of_someone_not_an_executor_is_refused(emu, bot, team):
    number = await file_access_request(emu, bot)
    await press(emu, bot, ADMIN, card(emu, number), "👤 Assign")
    chooser = picker(emu, number)
    query = emu.users[ADMIN].press(chooser, data=f"v1:r:assign:{number}:{OUTSIDER}")
    await bot.settle()
    assert emu.callback_answers[query] == (
        f"Only the department's executors can be assigned #{number}.", True)
    # a pick forged on the card instead of the list: not a message it belongs on
    query = emu.users[ADMIN].press(card(emu, number), data=f"v1:r:assign:{number}:{EXECUTOR}")
    await bot.settle()
    assert emu.callback_answers[query] == ("This request does not exist.", True)
    assert (await row(bot, number)).status == "new"


async def test_two_managers_picking_at_once_one_wins(emu, bot, team):
    number = await file_access_request(emu, bot)
    await press(emu, bot, ADMIN, card(emu, number), "👤 Assign")
    mine = picker(emu, number)
    await press(emu, bot, MANAGER2, card(emu, number), "👤 Assign")
    theirs = picker(emu, number)
    first = emu.users[ADMIN].press(mine, "Egor Executor · 0 open")
    second = emu.users[MANAGER2].press(theirs, "Eva Executor · 0 open")
    await bot.settle()
    request = await row(bot, number)
    won, lost = (first, second) if request.assignee_id == EXECUTOR else (second, first)
    assert emu.callback_answers[won] == (f"#{number} is assigned.", False)
    toast, alert = emu.callback_answers[lost]
    assert alert and toast.startswith("Too late:") and f"assigned #{number}" in toast


async def test_of_two_reassign_lists_only_the_first_pick_counts(emu, bot, team):
    number = await file_access_request(emu, bot)
    await press(emu, bot, EXECUTOR, card(emu, number), "🙋 Take")
    await press(emu, bot, ADMIN, card(emu, number), "👤 Reassign")
    mine = picker(emu, number)
    await press(emu, bot, MANAGER2, card(emu, number), "👤 Reassign")
    theirs = picker(emu, number)
    await press(emu, bot, ADMIN, mine, "Eva Executor · 0 open")
    query = await press(emu, bot, MANAGER2, theirs, "Eva Executor · 0 open")
    assert emu.callback_answers[query][0].startswith("Too late: Anna Admin reassigned")
    assert (await row(bot, number)).assignee_id == EXECUTOR2


async def test_whoever_presses_a_card_joins_the_executors(emu, bot, team):
    number = await file_access_request(emu, bot)
    await press(emu, bot, MANAGER2, card(emu, number), "🙋 Take")
    async with bot.svc.db.reading() as session:
        joined = list(await session.execute(select(
            DepartmentExecutor.department_key, DepartmentExecutor.user_id,
            DepartmentExecutor.source)))
    assert [tuple(r) for r in joined] == [("it", MANAGER2, "pressed")]
    other = await file_access_request(emu, bot)
    await press(emu, bot, ADMIN, card(emu, other), "👤 Assign")
    assert button_texts(picker(emu, other)) == [
        "Egor Executor · 0 open", "Eva Executor · 0 open", "Mila Manager · 1 open", "« Back"]


async def test_stats_and_export_count_reassignments(emu, bot, team):
    import csv
    import io

    once, twice, never = [await file_access_request(emu, bot) for _ in range(3)]
    for number in (once, twice, never):
        await press(emu, bot, EXECUTOR, card(emu, number), "🙋 Take")
    for number, picks in ((once, ["Eva"]), (twice, ["Eva", "Egor"])):
        for name in picks:
            await press(emu, bot, ADMIN, card(emu, number), "👤 Reassign")
            label = next(b for b in button_texts(picker(emu, number)) if b.startswith(name))
            await press(emu, bot, ADMIN, picker(emu, number), label)
    # an Assign of a new request is no reassignment
    new = await file_access_request(emu, bot)
    await press(emu, bot, ADMIN, card(emu, new), "👤 Assign")
    await press(emu, bot, ADMIN, picker(emu, new), "Eva Executor · 1 open")
    report = await say(emu, bot, ADMIN, "/stats 7 it")
    it = next(m.text for m in emu.bot_messages(ADMIN) if m.text.startswith("📊 IT"))
    assert "👤 Reassigned: 3" in it, report.text
    emu.users[ADMIN].send(ADMIN, "/export")
    await bot.settle()
    table = list(csv.DictReader(io.StringIO(emu.file_bytes(last(emu, ADMIN)).decode("utf-8-sig"))))
    assert {int(r["number"]): r["reassigns"] for r in table} == {
        once: "1", twice: "2", never: "0", new: "0"}


async def test_a_list_opened_before_the_request_changed_hands_is_too_late(emu, bot, team):
    """A Reassign list is about whom the request was with: after a release and
    someone else's take, a pick on it must not take the work from the new holder."""
    number = await file_access_request(emu, bot)
    await press(emu, bot, EXECUTOR, card(emu, number), "🙋 Take")
    await press(emu, bot, ADMIN, card(emu, number), "👤 Reassign")
    stale = picker(emu, number)
    await press(emu, bot, EXECUTOR, card(emu, number), "↩️ Release")
    await press(emu, bot, MANAGER2, card(emu, number), "🙋 Take")
    query = await press(emu, bot, ADMIN, stale, "Eva Executor · 0 open")
    answer, alert = emu.callback_answers[query]
    assert alert and answer.startswith("Too late"), answer
    assert (await row(bot, number)).assignee_id == MANAGER2


async def test_someone_given_work_who_never_started_the_bot_is_named_in_the_group(emu, bot,
                                                                                  team):
    """The private notice cannot reach them: the department is asked to tell them."""
    emu.add_user(7001, "Nina", last_name="Newcomer", language_code="en", started=False)
    emu.chats[IT_CHAT].members[7001] = "member"
    first = await file_access_request(emu, bot)
    await press(emu, bot, 7001, card(emu, first), "🙋 Take")  # one of the executors now
    number = await file_access_request(emu, bot)
    await press(emu, bot, ADMIN, card(emu, number), "👤 Assign")
    await press(emu, bot, ADMIN, picker(emu, number), "Nina Newcomer · 1 open")
    assert (await row(bot, number)).assignee_id == 7001
    assert any(m.text.startswith(f"⚠️ Nina Newcomer was given #{number} but cannot receive")
               for m in emu.bot_messages(IT_CHAT))
