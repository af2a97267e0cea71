"""Approvals (SPEC §5 "Approvals", issue 13): a request type that needs an approver
waits in status approval; its approvers Approve, Decline (with a reason) or Ask the
requester, privately; the first answer counts; an unanswered approval is reminded once,
then the admins are told."""

from __future__ import annotations

import csv
import io
import tomllib
from datetime import timedelta

import pytest
from sqlalchemy import select

from core.org import OrgConfig, parse_org
from db.models import AlertSent, Request
from tests.conftest import ADMIN, EXECUTOR, HR_CHAT, IT_CHAT, OUTSIDER, REQUESTER, ROOT
from tests.e2e.flows import bind, button_texts, card, file_access_request, last, press, say

PETRA, PAUL = 5101, 5102  # the approvers of "Access to a system"
NEVER_STARTED = 6101  # an approver who never opened a chat with the bot
BUTTONS = ["✅ Approve", "⛔ Decline", "❓ Ask"]


def org_with(approvers: object, remind: str = "4h", **it: object) -> OrgConfig:
    data = tomllib.loads((ROOT / "core" / "org.example.toml").read_text(encoding="utf-8"))
    data["organization"]["language"] = "en"
    access = data["departments"][0]["request_types"][0]
    access["approvers"] = approvers
    access["approval_remind"] = remind
    data["departments"][0].update(it)
    return parse_org(data)


@pytest.fixture
def org() -> OrgConfig:
    return org_with([PETRA, PAUL])


@pytest.fixture
async def people(emu, bot):
    """IT's chat bound; both approvers have started the bot."""
    emu.add_user(PETRA, "Petra", last_name="Approver", language_code="en")
    emu.add_user(PAUL, "Paul", last_name="Approver", language_code="en")
    await bind(emu, bot)
    for person in (PETRA, PAUL):
        await say(emu, bot, person, "/start")


async def row(bot, number) -> Request:
    async with bot.svc.db.reading() as session:
        return await session.get(Request, number, populate_existing=True)


def copy_of(emu, approver, number):
    """The approver's private copy of #N (posted once, edited in place)."""
    for message in emu.bot_messages(approver):
        if message.text.startswith(f"⏳ #{number} ·"):
            return message
    raise AssertionError(f"no copy of #{number} for {approver}")


def texts(emu, chat_id):
    return [m.text for m in emu.bot_messages(chat_id)]


def has_card(emu, number) -> bool:
    try:
        card(emu, number)
    except AssertionError:
        return False
    return True


async def test_approve_sends_it_to_the_department_and_starts_the_clocks(emu, bot, people):
    number = await file_access_request(emu, bot)
    told = next(t for t in texts(emu, REQUESTER) if t.startswith("⏳ Request"))
    assert told == (f"⏳ Request #{number} «Access to a system» to IT needs approval first. "
                    "Approver: Petra Approver, Paul Approver. You will hear when they decide.")
    request = await row(bot, number)
    assert request.status == "approval" and request.response_due_at is None
    assert not has_card(emu, number)  # the department does not see it yet
    for approver in (PETRA, PAUL):
        copy = copy_of(emu, approver, number)
        assert "Which system?: 1C Accounting" in copy.text
        assert button_texts(copy) == BUTTONS
    # the requester's /my and /show (and the approver's /show) say it awaits approval
    listed = await say(emu, bot, REQUESTER, "/my")
    assert f"#{number}" in listed.text and "⏳ awaiting approval" in listed.text, listed.text
    await say(emu, bot, PAUL, f"/show {number}")
    shown = "\n".join(texts(emu, PAUL)[-2:])
    assert "Status: ⏳ awaiting approval" in shown and "Take by" not in shown, shown
    assert "Approvers: Petra Approver, Paul Approver" in shown, shown
    bot.clock.advance(timedelta(hours=1))  # decided an hour later: the clocks start then
    query = await press(emu, bot, PETRA, copy_of(emu, PETRA, number), "✅ Approve")
    assert emu.callback_answers[query] == (f"#{number} is approved and goes to the department.",
                                           False)
    request = await row(bot, number)
    assert request.status == "new" and request.approval_decided_by == PETRA
    assert request.response_due_at == bot.clock.now() + timedelta(hours=2)
    assert request.approval_work_s == 3600
    assert "Status: 🆕 new" in card(emu, number).text
    assert (f"✅ Petra Approver approved your request #{number} «Access to a system»; "
            "it is with IT now.") in texts(emu, REQUESTER)
    # both copies say who decided, and lose their buttons
    for approver in (PETRA, PAUL):
        copy = copy_of(emu, approver, number)
        assert "✅ Approved by Petra Approver at 23.11 11:00." in copy.text
        assert copy.buttons == []
    # taken at once: the response time counts from the approval, not from the filing
    await press(emu, bot, EXECUTOR, card(emu, number), "🙋 Take")
    request = await row(bot, number)
    assert request.take_work_s == 0 and request.response_met is True
    await say(emu, bot, REQUESTER, f"/show {number}")
    shown = "\n".join(texts(emu, REQUESTER)[-2:])
    assert "23.11 11:00 · Petra Approver approved it" in shown, shown


async def test_decline_asks_a_reason_and_is_final(emu, bot, people):
    number = await file_access_request(emu, bot)
    await press(emu, bot, PAUL, copy_of(emu, PAUL, number), "⛔ Decline")
    prompt = last(emu, PAUL)
    assert prompt.text == (f"Paul Approver, reply to this message with the reason for "
                           f"declining #{number}.")
    assert (await row(bot, number)).status == "approval"  # nothing before the reason
    await say(emu, bot, PAUL, "No budget <this quarter>", reply_to=prompt.message_id)
    request = await row(bot, number)
    assert request.status == "declined" and request.closed_at is not None
    assert (f"🚫 Paul Approver declined your request #{number} «Access to a system».\n"
            "Reason: No budget <this quarter>") in texts(emu, REQUESTER)
    assert not has_card(emu, number)
    for approver in (PETRA, PAUL):
        copy = copy_of(emu, approver, number)
        assert "🚫 Declined by Paul Approver" in copy.text and copy.buttons == []
    # a late press on the other copy is told who was first
    query = emu.users[PETRA].press(copy_of(emu, PETRA, number),
                                   data=f"v1:r:approve:{number}")
    await bot.settle()
    toast, alert = emu.callback_answers[query]
    assert alert and toast.startswith(f"Too late: Paul Approver declined #{number}")
    assert (await row(bot, number)).status == "declined"


async def test_ask_relays_the_question_and_the_answer_comes_back(emu, bot, people):
    number = await file_access_request(emu, bot)
    await press(emu, bot, PETRA, copy_of(emu, PETRA, number), "❓ Ask")
    prompt = last(emu, PETRA)
    await say(emu, bot, PETRA, "Which project is it for?", reply_to=prompt.message_id)
    question = last(emu, REQUESTER)
    assert question.text == (f"❓ Petra Approver, who approves your request #{number} "
                             "«Access to a system», asks:\nWhich project is it for?\n\n"
                             "Reply to this message to answer.")
    assert (await row(bot, number)).status == "approval"
    answer = await say(emu, bot, REQUESTER, "Project <Apollo>", reply_to=question.message_id)
    assert answer.text == f"✉️ Passed on to the approver of #{number}."
    relayed = last(emu, PETRA)
    assert "Rita Requester" in relayed.text and "Project <Apollo>" in relayed.text
    assert not any("Project" in t for t in texts(emu, PAUL))  # only to whom asked
    # the approver decides after the answer; the question stays in the timeline
    await press(emu, bot, PETRA, copy_of(emu, PETRA, number), "✅ Approve")
    assert (await row(bot, number)).status == "new"
    await say(emu, bot, REQUESTER, f"/show {number}")
    shown = "\n".join(texts(emu, REQUESTER)[-2:])
    assert "Petra Approver asked the requester" in shown, shown


async def test_two_approvers_at_once_one_decision(emu, bot, people):
    number = await file_access_request(emu, bot)
    first = emu.users[PETRA].press(copy_of(emu, PETRA, number), "✅ Approve")
    second = emu.users[PAUL].press(copy_of(emu, PAUL, number), "✅ Approve")
    await bot.settle()
    request = await row(bot, number)
    assert request.status == "new"
    won, lost = (first, second) if request.approval_decided_by == PETRA else (second, first)
    winner = "Petra Approver" if request.approval_decided_by == PETRA else "Paul Approver"
    assert emu.callback_answers[won] == (f"#{number} is approved and goes to the department.",
                                         False)
    toast, alert = emu.callback_answers[lost]
    assert alert and toast.startswith(f"Too late: {winner} approved #{number}"), toast
    # one card, one "approved" notice
    assert len([m for m in emu.bot_messages(IT_CHAT)
                if m.text.startswith(f"#{number} ·")]) == 1
    assert len([t for t in texts(emu, REQUESTER) if "approved your request" in t]) == 1


async def test_a_forged_approve_from_someone_else_is_refused(emu, bot, people):
    number = await file_access_request(emu, bot)
    # an outsider, on a message of their own
    greeting = await say(emu, bot, OUTSIDER, "/start")
    query = emu.users[OUTSIDER].press(greeting, data=f"v1:r:approve:{number}")
    await bot.settle()
    assert emu.callback_answers[query] == ("This request does not exist.", True)
    # an admin (a manager of IT) is no approver of it either
    greeting = await say(emu, bot, ADMIN, "/start")
    query = emu.users[ADMIN].press(greeting, data=f"v1:r:approve:{number}")
    await bot.settle()
    assert emu.callback_answers[query] == ("This button is not for you.", True)
    # the requester cannot approve their own request from its notice
    notice = next(m for m in emu.bot_messages(REQUESTER) if m.text.startswith("⏳ Request"))
    query = emu.users[REQUESTER].press(notice, data=f"v1:r:approve:{number}")
    await bot.settle()
    assert emu.callback_answers[query][1] is True
    # an approver, but from a message that is not their copy of it
    greeting = emu.bot_messages(PETRA)[0]
    assert greeting.text.startswith("Hello, Petra!")
    query = emu.users[PETRA].press(greeting, data=f"v1:r:approve:{number}")
    await bot.settle()
    assert emu.callback_answers[query] == ("This request does not exist.", True)
    assert (await row(bot, number)).status == "approval"


async def test_a_reminder_then_the_admins_exactly_once(emu, bot, people):
    number = await file_access_request(emu, bot)  # Monday 10:00, remind after 4h
    bot.clock.advance(timedelta(hours=3, minutes=59))
    await bot.scan()
    await bot.settle()
    assert not any("still waits for your decision" in t for t in texts(emu, PETRA))
    bot.clock.advance(timedelta(minutes=1))
    await bot.scan()
    await bot.scan()  # a second scan (or instance) owes nothing more
    await bot.settle()
    remind = (f"⏰ Request #{number} «Access to a system» (IT) still waits for your "
              "decision: please Approve, Decline or Ask under my message about it.")
    for approver in (PETRA, PAUL):
        assert texts(emu, approver).count(remind) == 1
    assert not any("waited too long" in t for t in texts(emu, ADMIN))
    # twice the time, 8 working hours, ends with the working day at 18:00
    bot.clock.advance(timedelta(hours=3, minutes=59))
    await bot.scan()
    await bot.settle()
    assert not any("waited too long" in t for t in texts(emu, ADMIN))
    bot.clock.advance(timedelta(hours=15, minutes=1))  # Tuesday 09:00
    await bot.scan()
    await bot.scan()
    await bot.settle()
    escalated = (f"⚠️ Request #{number} «Access to a system» (IT) has waited too long for "
                 "approval: no answer from Petra Approver, Paul Approver, even after a "
                 "reminder.")
    assert texts(emu, ADMIN).count(escalated) == 1
    for approver in (PETRA, PAUL):
        assert texts(emu, approver).count(remind) == 1
    async with bot.svc.db.reading() as session:
        keys = sorted(await session.scalars(
            select(AlertSent.key).where(AlertSent.request_id == number)))
    assert keys == ["approval:escalate", "approval:remind"]
    assert (await row(bot, number)).next_alert_at is None


@pytest.mark.parametrize("org", [org_with([NEVER_STARTED, PETRA])])
async def test_an_approver_who_never_started_the_bot(emu, bot, people):
    emu.add_user(NEVER_STARTED, "Nick", last_name="Nostart", language_code="en", started=False)
    number = await file_access_request(emu, bot)
    # the bot never saw them: known by their id
    assert (f"⚠️ id 6101 has to approve your request #{number} but cannot receive my "
            "messages (never started the bot or blocked it). Please ask them to open a chat "
            "with me and press /start.") in texts(emu, REQUESTER)
    told = [t for t in texts(emu, ADMIN) if t.startswith(f"⚠️ id 6101 has to approve request "
                                                          f"#{number}")]
    assert len(told) == 1 and "press /start" in told[0], told
    # approvers are fixed at Send: the admins cannot change them, the requester may cancel
    assert "change the approvers" not in told[0]
    assert told[0].endswith("or the requester may cancel the request and send it again.")
    # once they start the bot, their copy reaches them, and they may decide
    await say(emu, bot, NEVER_STARTED, "/start")
    assert button_texts(copy_of(emu, NEVER_STARTED, number)) == BUTTONS
    await say(emu, bot, NEVER_STARTED, "/start")  # only once
    assert len([m for m in emu.bot_messages(NEVER_STARTED)
                if m.text.startswith(f"⏳ #{number} ·")]) == 1
    await press(emu, bot, NEVER_STARTED, copy_of(emu, NEVER_STARTED, number), "✅ Approve")
    assert (await row(bot, number)).status == "new"
    assert copy_of(emu, PETRA, number).buttons == []


def managers_org() -> OrgConfig:
    data = tomllib.loads((ROOT / "core" / "org.example.toml").read_text(encoding="utf-8"))
    data["organization"]["language"] = "en"
    data["departments"][0]["request_types"][0]["approvers"] = "managers"
    data["departments"][1]["managers"] = [PAUL]
    data["departments"][1]["members"] = [REQUESTER]
    return parse_org(data)


@pytest.mark.parametrize("org", [managers_org()])
async def test_managers_of_the_requesters_department_approve(emu, bot, people):
    """"managers": the requester is a member of HR, so HR's manager approves; someone
    of no department is approved by the executing department's managers."""
    await say(emu, bot, ADMIN, "/start")
    number = await file_access_request(emu, bot)
    assert button_texts(copy_of(emu, PAUL, number)) == BUTTONS
    assert not any(m.text.startswith(f"⏳ #{number} ·") for m in emu.bot_messages(ADMIN))
    assert (await row(bot, number)).requester_department == "hr"
    second = await file_access_request(emu, bot, user_id=EXECUTOR)
    assert button_texts(copy_of(emu, ADMIN, second)) == BUTTONS


async def test_stats_count_approvals_asked_declined_and_the_median_wait(emu, bot, people):
    numbers = [await file_access_request(emu, bot) for _ in range(5)]  # Monday 10:00
    waits = {numbers[2]: 30, numbers[0]: 30, numbers[1]: 60}  # minutes more, in turn
    for number, minutes in waits.items():
        bot.clock.advance(timedelta(minutes=minutes))
        await press(emu, bot, PETRA, copy_of(emu, PETRA, number), "✅ Approve")
    await press(emu, bot, PAUL, copy_of(emu, PAUL, numbers[3]), "⛔ Decline")
    await say(emu, bot, PAUL, "Not now", reply_to=last(emu, PAUL).message_id)
    # approved after 30m, 1h and 2h: the median is 1h; one declined, one still waiting
    await say(emu, bot, ADMIN, "/stats 7 it")
    it = next(m.text for m in emu.bot_messages(ADMIN) if m.text.startswith("📊 IT"))
    assert "✋ Approvals asked: 5 · declined 1 · median time to approve 1h" in it, it
    # the declined one and the one still waiting never reached IT: not created there
    assert "Created 3 · taken 0 · done 0 · cancelled 0" in it, it
    async with bot.svc.db.reading() as session:
        waited = sorted(await session.scalars(
            select(Request.approval_work_s).where(Request.approval_work_s.is_not(None))))
    assert waited == [1800, 3600, 7200]
    # /export has the approval columns
    emu.users[ADMIN].send(ADMIN, "/export")
    await bot.settle()
    table = {int(r["number"]): r for r in csv.DictReader(io.StringIO(
        emu.file_bytes(last(emu, ADMIN)).decode("utf-8-sig")))}
    first, declined = table[numbers[0]], table[numbers[3]]
    assert (first["status"], first["approvers"], first["approval_asked"],
            first["approval_decided_by"], first["approval_decided"],
            first["approval_work_hours"]) == (
        "new", f"{PETRA} {PAUL}", "2026-11-23 10:00", str(PETRA), "2026-11-23 11:00", "1.00")
    assert (declined["status"], declined["approval_decided_by"],
            declined["approval_work_hours"]) == ("declined", str(PAUL), "")
    assert table[numbers[4]]["approval_decided"] == ""
    # HR asks for no approvals: its figures say nothing about them
    await say(emu, bot, ADMIN, "/stats 7 hr")
    hr = next(m.text for m in emu.bot_messages(ADMIN) if m.text.startswith("📊 HR"))
    assert "Approvals" not in hr


def hr_chat_org() -> OrgConfig:
    data = tomllib.loads((ROOT / "core" / "org.example.toml").read_text(encoding="utf-8"))
    data["organization"]["language"] = "en"
    data["departments"][0]["request_types"][0]["approvers"] = "managers"
    data["departments"][1]["managers"] = [PAUL]
    return parse_org(data)


@pytest.mark.parametrize("org", [hr_chat_org()])
async def test_the_requesters_department_is_the_bound_chat_they_are_in(emu, bot, people):
    """Not listed in any ``members``: a member of HR's bound chat belongs to HR."""
    emu.chats[HR_CHAT].members[REQUESTER] = "member"
    await bind(emu, bot, HR_CHAT, "hr")
    number = await file_access_request(emu, bot)
    assert button_texts(copy_of(emu, PAUL, number)) == BUTTONS
    assert (await row(bot, number)).requester_department == "hr"
    await press(emu, bot, PAUL, copy_of(emu, PAUL, number), "✅ Approve")
    # who asks whom: HR → IT, not "other"
    await say(emu, bot, ADMIN, "/stats 7")
    assert any("HR → IT: 1" in m.text for m in emu.bot_messages(ADMIN)), \
        [m.text for m in emu.bot_messages(ADMIN)][-3:]


@pytest.mark.parametrize("org", [org_with([PETRA, PAUL], assign="least_loaded")])
async def test_a_department_that_assigns_by_itself_does_so_once_approved(emu, bot, people):
    await say(emu, bot, EXECUTOR, "/start")
    number = await file_access_request(emu, bot)
    assert (await row(bot, number)).assignee_id is None  # nobody works on it yet
    await press(emu, bot, PAUL, copy_of(emu, PAUL, number), "✅ Approve")
    request = await row(bot, number)
    assert request.status == "in_progress" and request.assignee_id == EXECUTOR
    assert "Assignee: Egor Executor" in card(emu, number).text
    assert any(f"Egor Executor (IT) took your request #{number}" in t
               for t in texts(emu, REQUESTER))


# ------------------------------------------------------------------ review fixes


def approval_notice(emu, number):
    """The requester's confirmation after Send: who approves #N."""
    return next(m for m in emu.bot_messages(REQUESTER)
                if m.text.startswith(f"⏳ Request #{number}"))


async def test_the_requester_cancels_while_it_awaits_approval(emu, bot, people):
    """Nobody has to decide for a request to end: its requester may cancel it from the
    confirmation or from /show; the department never hears of it, the approvers' copies
    say so and lose their buttons."""
    number = await file_access_request(emu, bot)
    told = approval_notice(emu, number)
    assert button_texts(told) == ["✖ Cancel request"]
    await say(emu, bot, REQUESTER, f"/show {number}")
    assert button_texts(last(emu, REQUESTER)) == ["✖ Cancel request"]
    before = len(emu.bot_messages(IT_CHAT))
    await press(emu, bot, REQUESTER, told, "✖ Cancel request")
    prompt = last(emu, REQUESTER)
    assert (await row(bot, number)).status == "approval"  # nothing before the answer
    await say(emu, bot, REQUESTER, "Not needed <any more>", reply_to=prompt.message_id)
    request = await row(bot, number)
    assert request.status == "cancelled" and request.closed_at is not None
    assert (f"✖ You cancelled #{number} «Access to a system» while it awaited approval.\n"
            "Reason: Not needed <any more>") in texts(emu, REQUESTER)
    assert approval_notice(emu, number).buttons == []
    # the department never had it: no card, no notice in its chat
    assert not has_card(emu, number)
    assert len(emu.bot_messages(IT_CHAT)) == before
    for approver in (PETRA, PAUL):
        copy = copy_of(emu, approver, number)
        assert "✖ Cancelled by Rita Requester at 23.11 10:00." in copy.text, copy.text
        assert copy.buttons == []
    # an approver pressing late is told who was first
    query = emu.users[PETRA].press(copy_of(emu, PETRA, number), data=f"v1:r:approve:{number}")
    await bot.settle()
    toast, alert = emu.callback_answers[query]
    assert alert and toast.startswith(f"Too late: Rita Requester cancelled #{number}"), toast
    # and nobody is reminded of it
    bot.clock.advance(timedelta(days=3))
    await bot.scan()
    await bot.settle()
    assert not any("still waits for your decision" in t for t in texts(emu, PETRA))
    assert not any("waited too long" in t for t in texts(emu, ADMIN))
    assert (await row(bot, number)).status == "cancelled"
    # IT never had it: not created there, nor cancelled there
    await say(emu, bot, ADMIN, "/stats 7 it")
    it = next(m.text for m in emu.bot_messages(ADMIN) if m.text.startswith("📊 IT"))
    assert "Created 0 · taken 0 · done 0 · cancelled 0" in it, it


async def test_cancel_from_approval_without_a_reason_from_show(emu, bot, people):
    number = await file_access_request(emu, bot)
    await say(emu, bot, REQUESTER, f"/show {number}")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "✖ Cancel request")
    query = await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Skip")
    assert emu.callback_answers[query] == (f"#{number} is cancelled.", False)
    assert (await row(bot, number)).status == "cancelled"
    assert (f"✖ You cancelled #{number} «Access to a system» while it awaited approval."
            in texts(emu, REQUESTER))
    assert not has_card(emu, number)
    assert copy_of(emu, PAUL, number).buttons == []


async def test_an_approver_decides_from_show(emu, bot, people):
    """An approver who lost their copy finds the buttons in /show, and only approvers
    get them there; a press from someone else's view is refused."""
    number = await file_access_request(emu, bot)
    await say(emu, bot, PETRA, f"/show {number}")
    view = last(emu, PETRA)
    assert button_texts(view) == BUTTONS
    # the requester's and a manager's views have no such buttons, and a forged press
    # from them is refused
    await say(emu, bot, REQUESTER, f"/show {number}")
    mine = last(emu, REQUESTER)
    assert button_texts(mine) == ["✖ Cancel request"]
    query = emu.users[REQUESTER].press(mine, data=f"v1:r:approve:{number}")
    await bot.settle()
    assert emu.callback_answers[query] == ("This button is not for you.", True)
    await say(emu, bot, ADMIN, f"/show {number}")
    theirs = last(emu, ADMIN)
    assert not set(BUTTONS) & set(button_texts(theirs))
    query = emu.users[ADMIN].press(theirs, data=f"v1:r:approve:{number}")
    await bot.settle()
    assert emu.callback_answers[query] == ("This button is not for you.", True)
    # an approver pressing on another approver's view message: not theirs
    query = emu.users[PAUL].press(view, data=f"v1:r:approve:{number}")
    await bot.settle()
    assert emu.callback_answers[query] == ("This request does not exist.", True)
    assert (await row(bot, number)).status == "approval"
    # Ask from the view, then Approve from it
    await press(emu, bot, PETRA, view, "❓ Ask")
    prompt = last(emu, PETRA)
    await say(emu, bot, PETRA, "Which project?", reply_to=prompt.message_id)
    assert any(t.startswith(f"❓ Petra Approver, who approves your request #{number}")
               for t in texts(emu, REQUESTER))
    query = await press(emu, bot, PETRA, view, "✅ Approve")
    assert emu.callback_answers[query] == (f"#{number} is approved and goes to the department.",
                                           False)
    request = await row(bot, number)
    assert request.status == "new" and request.approval_decided_by == PETRA
    assert has_card(emu, number)
    assert copy_of(emu, PETRA, number).buttons == []


async def test_an_approver_declines_from_show(emu, bot, people):
    number = await file_access_request(emu, bot)
    await say(emu, bot, PAUL, f"/show {number}")
    await press(emu, bot, PAUL, last(emu, PAUL), "⛔ Decline")
    await say(emu, bot, PAUL, "No budget", reply_to=last(emu, PAUL).message_id)
    request = await row(bot, number)
    assert request.status == "declined" and request.approval_decided_by == PAUL
    # once decided, /show offers them nothing
    await say(emu, bot, PAUL, f"/show {number}")
    assert last(emu, PAUL).buttons == []


def localized_org() -> OrgConfig:
    data = tomllib.loads((ROOT / "core" / "org.example.toml").read_text(encoding="utf-8"))
    data["organization"]["language"] = "en"
    it = data["departments"][0]
    it["name"] = {"en": "IT", "ru": "ИТ"}
    access = it["request_types"][0]
    access["name"] = {"en": "Access to a system", "ru": "Доступ к системе"}
    access["approvers"] = [PETRA, PAUL]
    access["approval_remind"] = "4h"
    return parse_org(data)


@pytest.mark.parametrize("org", [localized_org()])
async def test_the_reminder_and_the_escalation_name_the_type_in_the_readers_language(
        emu, bot, people):
    for user_id, name, last_name in ((PAUL, "Paul", "Approver"), (ADMIN, "Anna", "Admin")):
        emu.add_user(user_id, name, last_name=last_name, language_code="ru")
        await say(emu, bot, user_id, "/start")
    number = await file_access_request(emu, bot)
    bot.clock.advance(timedelta(hours=4))
    await bot.scan()
    await bot.settle()
    assert (f"⏰ Request #{number} «Access to a system» (IT) still waits for your decision: "
            "please Approve, Decline or Ask under my message about it.") in texts(emu, PETRA)
    reminded = [t for t in texts(emu, PAUL) if t.startswith(f"⏰ Заявка #{number}")]
    assert len(reminded) == 1 and "«Доступ к системе» (ИТ)" in reminded[0], reminded
    bot.clock.advance(timedelta(days=1))
    await bot.scan()
    await bot.settle()
    escalated = [t for t in texts(emu, ADMIN) if t.startswith(f"⚠️ Заявка #{number}")]
    assert len(escalated) == 1 and "«Доступ к системе» (ИТ)" in escalated[0], escalated


@pytest.mark.parametrize("org", [org_with([PETRA, PAUL], assign="least_loaded")])
async def test_too_late_names_the_approver_who_decided(emu, bot, people):
    """Not the newest change (the department's own assignment, an executor's Take) but
    who approved it, and when."""
    await say(emu, bot, EXECUTOR, "/start")
    number = await file_access_request(emu, bot)
    bot.clock.advance(timedelta(hours=1))
    await press(emu, bot, PETRA, copy_of(emu, PETRA, number), "✅ Approve")
    assert (await row(bot, number)).assignee_id == EXECUTOR  # assigned by the bot since
    bot.clock.advance(timedelta(minutes=5))
    query = emu.users[PAUL].press(copy_of(emu, PAUL, number), data=f"v1:r:approve:{number}")
    await bot.settle()
    toast, alert = emu.callback_answers[query]
    assert alert and toast == f"Too late: Petra Approver approved #{number} at 11:00.", toast


async def test_too_late_names_the_approver_after_a_take(emu, bot, people):
    number = await file_access_request(emu, bot)
    await press(emu, bot, PETRA, copy_of(emu, PETRA, number), "✅ Approve")
    bot.clock.advance(timedelta(minutes=30))
    await press(emu, bot, EXECUTOR, card(emu, number), "🙋 Take")
    await say(emu, bot, PAUL, f"/show {number}")
    query = emu.users[PAUL].press(copy_of(emu, PAUL, number), data=f"v1:r:decline:{number}")
    await bot.settle()
    toast, alert = emu.callback_answers[query]
    assert alert and toast == f"Too late: Petra Approver approved #{number} at 10:00.", toast


async def test_ask_asks_for_a_question_and_confirms_it(emu, bot, people):
    number = await file_access_request(emu, bot)
    query = await press(emu, bot, PETRA, copy_of(emu, PETRA, number), "❓ Ask")
    assert emu.callback_answers[query] == ("Reply to my message with your question.", False)
    prompt = last(emu, PETRA)
    sent = await say(emu, bot, PETRA, "Which project?", reply_to=prompt.message_id)
    assert sent.text == (f"✉️ Your question about #{number} went to the requester; "
                         "their answer will come here.")
    assert last(emu, REQUESTER).text.startswith(f"❓ Petra Approver, who approves your "
                                                f"request #{number}")


async def test_a_reply_to_the_copy_is_a_question_to_the_requester(emu, bot, people):
    number = await file_access_request(emu, bot)
    sent = await say(emu, bot, PETRA, "For how long <exactly>?",
                     reply_to=copy_of(emu, PETRA, number).message_id)
    assert sent.text == f"✉️ Passed on to the requester of #{number}."
    relayed = last(emu, REQUESTER)
    assert "Petra Approver" in relayed.text and "For how long <exactly>?" in relayed.text
    # the requester's answer comes back to whoever asked
    await say(emu, bot, REQUESTER, "A month", reply_to=relayed.message_id)
    assert "A month" in last(emu, PETRA).text
    assert not any("A month" in t for t in texts(emu, PAUL))
    # once decided, a reply to the copy gets a clear answer, not the generic fallback
    await press(emu, bot, PETRA, copy_of(emu, PETRA, number), "✅ Approve")
    answer = await say(emu, bot, PAUL, "Too late?",
                       reply_to=copy_of(emu, PAUL, number).message_id)
    assert "To file a request send /new" not in answer.text, answer.text
    assert f"#{number}" in answer.text


def forget_members(bot) -> None:
    """The bot asks Telegram again who is in which chat (its brief cache forgotten)."""
    bot.app.bot_data.members._cache.clear()


@pytest.mark.parametrize("org", [hr_chat_org()])
async def test_in_several_bound_chats_the_requesters_department_is_not_the_executing_one(
        emu, bot, people):
    """Rita is in IT's chat (she helps there) and in HR's: a request to IT is HR's
    asking, approved by HR's manager."""
    emu.chats[HR_CHAT].members[REQUESTER] = "member"
    emu.chats[IT_CHAT].members[REQUESTER] = "member"
    await bind(emu, bot, HR_CHAT, "hr")
    number = await file_access_request(emu, bot)
    assert (await row(bot, number)).requester_department == "hr"
    assert button_texts(copy_of(emu, PAUL, number)) == BUTTONS


@pytest.mark.parametrize("org", [hr_chat_org()])
async def test_the_membership_found_at_send_counts_over_an_older_one(emu, bot, people):
    """Found in HR's chat, then only in IT's, then only in HR's again: each request is
    of the department she is in when she sends it."""
    await say(emu, bot, ADMIN, "/start")
    await bind(emu, bot, HR_CHAT, "hr")
    emu.chats[HR_CHAT].members[REQUESTER] = "member"
    first = await file_access_request(emu, bot)
    assert (await row(bot, first)).requester_department == "hr"
    del emu.chats[HR_CHAT].members[REQUESTER]
    emu.chats[IT_CHAT].members[REQUESTER] = "member"
    forget_members(bot)
    bot.clock.advance(timedelta(minutes=5))
    second = await file_access_request(emu, bot)
    assert (await row(bot, second)).requester_department == "it"
    del emu.chats[IT_CHAT].members[REQUESTER]
    emu.chats[HR_CHAT].members[REQUESTER] = "member"
    forget_members(bot)
    bot.clock.advance(timedelta(minutes=5))
    third = await file_access_request(emu, bot)
    assert (await row(bot, third)).requester_department == "hr"
    assert button_texts(copy_of(emu, PAUL, third)) == BUTTONS


async def test_a_requester_out_of_reach_before_approval_is_told_to_the_admins(emu, bot, people):
    """The department never had the request: when the requester cannot hear that it was
    declined, the admins learn it, not the department's group."""
    await say(emu, bot, ADMIN, "/start")
    number = await file_access_request(emu, bot)
    emu.users[REQUESTER].block_bot(notify=False)  # the bot learns it from Telegram's 403
    before = len(emu.bot_messages(IT_CHAT))
    await press(emu, bot, PAUL, copy_of(emu, PAUL, number), "⛔ Decline")
    await say(emu, bot, PAUL, "No budget", reply_to=last(emu, PAUL).message_id)
    assert (await row(bot, number)).status == "declined"
    assert len(emu.bot_messages(IT_CHAT)) == before  # nothing about it in IT's chat
    warning = (f"⚠️ Rita Requester cannot receive my messages (blocked the bot or never "
               f"started it), so they will not see updates on #{number}. Please contact them "
               "directly.")
    assert texts(emu, ADMIN).count(warning) == 1


def hardware_org() -> OrgConfig:
    data = tomllib.loads((ROOT / "core" / "org.example.toml").read_text(encoding="utf-8"))
    data["organization"]["language"] = "en"
    hardware = data["departments"][0]["request_types"][1]
    assert hardware["key"] == "hardware"
    hardware["approvers"] = [PETRA]
    return parse_org(data)


@pytest.mark.parametrize("org", [hardware_org()])
async def test_the_approvers_copy_carries_the_briefs_files(emu, bot, people):
    await say(emu, bot, REQUESTER, "/new")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "IT")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Broken or missing equipment")
    await say(emu, bot, REQUESTER, "Monitor flickers")
    await say(emu, bot, REQUESTER, "Room 4, desk 2")
    emu.users[REQUESTER].send_photo(REQUESTER)
    await bot.settle()
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Normal")
    emu.users[REQUESTER].tap("Skip")
    await bot.settle()
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "✅ Send")
    number = int(approval_notice_any(emu).text.split("#")[1].split()[0])
    copy = copy_of(emu, PETRA, number)
    photos = [m for m in emu.bot_messages(PETRA) if m.kind == "photo"]
    assert len(photos) == 1 and photos[0].reply_to_message_id == copy.message_id
    assert photos[0].text.startswith(f"#{number} · A photo of the problem")
    # the decision edits the copy; the file is not sent again
    await press(emu, bot, PETRA, copy, "✅ Approve")
    assert copy_of(emu, PETRA, number).buttons == []
    assert len([m for m in emu.bot_messages(PETRA) if m.kind == "photo"]) == 1
    assert [m.kind for m in emu.bot_messages(IT_CHAT)].count("photo") == 1  # the card's


def approval_notice_any(emu):
    return next(m for m in emu.bot_messages(REQUESTER) if m.text.startswith("⏳ Request #"))


async def test_relays_while_awaiting_approval_say_who_writes(emu, bot, people):
    """The department has nothing to do with it yet: the headers name the part each
    writer has, not the executing department."""
    number = await file_access_request(emu, bot)
    await say(emu, bot, PETRA, "Which project?", reply_to=copy_of(emu, PETRA, number).message_id)
    asked = last(emu, REQUESTER)
    assert asked.text.startswith(f"💬 #{number} · Petra Approver (approver):\nWhich project?")
    assert asked.text.endswith("Reply to this message to answer.")
    await say(emu, bot, REQUESTER, "Apollo", reply_to=asked.message_id)
    answer = last(emu, PETRA)
    assert answer.text.startswith(f"💬 #{number} · Rita Requester (requester):\nApollo")
    assert "IT" not in answer.text.split("\n")[0]
