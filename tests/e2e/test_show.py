"""/show N and /show_N: one request whole — brief, deadlines, watchers, timeline, files
— to whoever may see it, and the same short refusal to anyone else or for a number
that does not exist (SPEC §5 "Looking a request up")."""

from datetime import timedelta

from sqlalchemy import select

from core.lifecycle import Action
from core.workflow import Press, act
from db.models import RequestEvent, RequestMessage
from tests.conftest import ADMIN, EXECUTOR, HR_CHAT, IT_CHAT, OUTSIDER, REQUESTER
from tests.e2e.flows import bind, card, file_access_request, last, press, say, skip_watchers


def refusal(number):
    return f"There is no request #{number} that you can see."


def assert_nothing_refused(emu):
    assert [(c.method, c.description) for c in emu.calls if c.status == 400] == []


async def test_the_requester_sees_the_brief_deadlines_and_timeline(emu, bot, clock):
    await bind(emu, bot)
    number = await file_access_request(emu, bot, system="1C <Accounting> & Co")
    clock.advance(timedelta(minutes=30))
    shown = await say(emu, bot, REQUESTER, f"/show {number}")
    text = shown.text
    assert text.startswith(f"#{number} · Access to a system")
    assert "From: Rita Requester" in text and "Department: IT" in text
    assert "1C <Accounting> & Co" in text  # escaped, shown as typed
    assert "Status: 🆕 new" in text and "Assignee: nobody yet" in text
    assert "Take by: 23.11 12:00 · 1h 30m left" in text  # the 2h response SLA
    assert "Done by: 24.11 10:00 · 8h 30m left" in text  # a working day
    assert "Watchers: nobody" in text
    assert "Timeline" in text and "23.11 10:00 · Rita Requester filed it" in text
    # the requester's own buttons: a new request may still be cancelled
    assert [text for row in shown.buttons for text, _ in row] == ["✖ Cancel request"]
    async with bot.svc.db.reading() as session:
        kinds = list(await session.scalars(select(RequestMessage.kind).where(
            RequestMessage.chat_id == REQUESTER, RequestMessage.message_id == shown.message_id)))
    assert kinds == ["view"]  # a press on its buttons is accepted from it
    assert_nothing_refused(emu)


async def test_the_timeline_says_who_did_what_when_and_why(emu, bot, clock):
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    clock.advance(timedelta(minutes=5))
    await press(emu, bot, EXECUTOR, card(emu, number), "🙋 Take")
    clock.advance(timedelta(minutes=5))
    await press(emu, bot, EXECUTOR, card(emu, number), "❓ Need info")
    prompt = last(emu, IT_CHAT)
    await say(emu, bot, EXECUTOR, "Which <role> exactly?", chat_id=IT_CHAT,
              reply_to=prompt.message_id)
    text = (await say(emu, bot, REQUESTER, f"/show_{number}")).text
    assert "Assignee: Egor Executor" in text
    assert "Status: ⏸ waiting for the requester" in text
    assert "Take by: 23.11 12:00 · ✅ 23.11 10:05" in text
    assert "Done by: — · paused" in text
    assert "23.11 10:05 · Egor Executor took it" in text
    assert "23.11 10:10 · Egor Executor asked: «Which <role> exactly?»" in text


async def test_an_overdue_request_says_how_late(emu, bot, clock):
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    clock.advance(timedelta(hours=3))  # 2h SLA to take it, in working hours
    text = (await say(emu, bot, REQUESTER, f"/show {number}")).text
    assert "Take by: 23.11 12:00 · ⚠️ 1h late" in text


async def test_executors_see_it_privately_and_in_their_group_only(emu, bot):
    await bind(emu, bot)
    await bind(emu, bot, HR_CHAT, "hr")
    number = await file_access_request(emu, bot)
    # a member of the IT group, asked privately: Telegram says they are a member
    private = (await say(emu, bot, EXECUTOR, f"/show {number}")).text
    assert private.startswith(f"#{number} · Access to a system")
    assert any(c.method == "getChatMember" for c in emu.calls)
    in_group = await say(emu, bot, EXECUTOR, f"/show_{number}", chat_id=IT_CHAT)
    assert in_group.text.startswith(f"#{number} · Access to a system")
    # the HR group is no place for IT's request, whoever asks there
    elsewhere = await say(emu, bot, ADMIN, f"/show_{number}", chat_id=HR_CHAT)
    assert elsewhere.text == refusal(number)
    # managers and admins see it privately
    admin = (await say(emu, bot, ADMIN, f"/show {number}")).text
    assert admin.startswith(f"#{number} ·")


async def test_a_stranger_and_a_missing_number_get_the_same_refusal(emu, bot):
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    stranger = await say(emu, bot, OUTSIDER, f"/show {number}")
    assert stranger.text == refusal(number)
    missing = await say(emu, bot, OUTSIDER, "/show 999")
    assert missing.text == refusal(999)
    huge = await say(emu, bot, OUTSIDER, "/show_99999999999")  # beyond any request number
    assert huge.text == refusal(99999999999)
    assert (await say(emu, bot, OUTSIDER, "/show")).text.startswith("Usage: /show N")
    async with bot.svc.db.reading() as session:
        views = list(await session.scalars(select(RequestMessage).where(
            RequestMessage.kind == "view")))
    assert views == []
    assert_nothing_refused(emu)


async def test_the_briefs_files_are_sent_again(emu, bot):
    await bind(emu, bot)
    await say(emu, bot, REQUESTER, "/new")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "IT")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Broken or missing equipment")
    await say(emu, bot, REQUESTER, "Monitor flickers")
    await say(emu, bot, REQUESTER, "Room 4, desk 2")
    emu.users[REQUESTER].send_photo(REQUESTER)
    await bot.settle()
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Normal")
    await skip_watchers(emu, bot)
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "✅ Send")
    number = int(last(emu, REQUESTER).text.split("#")[1].split()[0])
    before = len(emu.bot_messages(REQUESTER))
    await say(emu, bot, REQUESTER, f"/show {number}")
    sent = emu.bot_messages(REQUESTER)[before:]
    assert [m.kind for m in sent] == ["text", "photo"]
    assert sent[1].text.startswith(f"#{number} · A photo of the problem")
    assert_nothing_refused(emu)


async def test_a_long_timeline_is_split_under_telegrams_limit(emu, bot, clock):
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    async with bot.svc.db.transaction() as session:
        for i in range(60):
            session.add(RequestEvent(request_id=number, at=clock.now(), actor_id=REQUESTER,
                                     kind="need_info", reason=f"{i:02d} " + "<&>😀 " * 80))
    before = len(emu.bot_messages(REQUESTER))
    await say(emu, bot, REQUESTER, f"/show {number}")
    sent = emu.bot_messages(REQUESTER)[before:]
    assert len(sent) >= 3
    joined = "\n".join(m.text for m in sent)
    assert all(f"Rita Requester asked: «{i:02d} " in joined for i in range(60))
    # the brief with the timeline's first part, then its other parts, numbered
    parts = len(sent)
    assert f"\nTimeline (1/{parts})\n" in sent[0].text
    assert [m.text.splitlines()[0] for m in sent[1:]] == [
        f"Timeline ({n}/{parts})" for n in range(2, parts + 1)]
    assert_nothing_refused(emu)


async def test_a_press_from_a_view_is_checked_like_any_other(emu, bot):
    """No action shows in a view yet; a forged press on one is refused by the server."""
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    shown = await say(emu, bot, REQUESTER, f"/show {number}")
    query = emu.users[REQUESTER].press(shown, data=f"v1:r:take:{number}")
    await bot.settle()
    toast, alert = emu.callback_answers[query]
    assert alert and toast == "This button is not for you."
    outcome = await act(bot.svc, number, Action.TAKE, Press(OUTSIDER, OUTSIDER,
                                                            shown.message_id, on=None))
    assert not outcome.ok


async def test_a_view_action_is_offered_to_its_viewer_and_pressed_from_the_view(emu, bot):
    """Each viewer gets the table's buttons they may press (Cancel request for the
    requester, Assign and Follow for a manager), and a press is accepted from the
    view, where the server checks it like any press."""
    from db.models import Request

    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    admins = await say(emu, bot, ADMIN, f"/show {number}")
    assert [text for row in admins.buttons for text, _ in row] == ["👤 Assign", "🔔 Follow"]
    unrelated = await say(emu, bot, REQUESTER, "/help")
    # the same press from a message that is not a view or a notice of #N: refused
    query = emu.users[REQUESTER].press(unrelated, data=f"v1:r:cancel:{number}")
    await bot.settle()
    assert emu.callback_answers[query] == ("This request does not exist.", True)
    shown = await say(emu, bot, REQUESTER, f"/show {number}")
    assert [text for row in shown.buttons for text, _ in row] == ["✖ Cancel request"]
    await press(emu, bot, REQUESTER, shown, "✖ Cancel request")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Skip")
    async with bot.svc.db.reading() as session:
        assert (await session.get(Request, number)).status == "cancelled"
    assert "Status: ✖ cancelled" in card(emu, number).text

async def test_the_requested_date_says_how_far_off_it_is(emu, bot, clock):
    await bind(emu, bot)
    await say(emu, bot, REQUESTER, "/new")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "IT")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Access to a system")
    await say(emu, bot, REQUESTER, "VPN")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Write")
    await say(emu, bot, REQUESTER, "01.12.2026")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Normal")
    await skip_watchers(emu, bot)
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "✅ Send")
    number = int(last(emu, REQUESTER).text.split("#")[1].split()[0])
    text = (await say(emu, bot, REQUESTER, f"/show {number}")).text
    assert "Needed by: 01.12.2026 · in 8 days" in text
    clock.advance(timedelta(days=10))
    text = (await say(emu, bot, REQUESTER, f"/show {number}")).text
    assert "Needed by: 01.12.2026 · ⚠️ 2 days late" in text


async def test_of_the_messages_passed_on_only_the_latest_are_in_the_timeline(emu, bot, clock):
    """Every change is in the timeline; of the messages passed back and forth (which
    the chats hold) only the latest five, so a chatty request's /show stays short."""
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    async with bot.svc.db.transaction() as session:
        for i in range(40):
            session.add(RequestEvent(request_id=number, at=clock.now(), actor_id=REQUESTER,
                                     kind="message", reason=f"note {i:02d}"))
    before = len(emu.bot_messages(REQUESTER))
    await say(emu, bot, REQUESTER, f"/show {number}")
    sent = emu.bot_messages(REQUESTER)[before:]
    joined = "\n".join(m.text for m in sent)
    assert len(sent) == 1 and "35 earlier messages" in joined
    assert [i for i in range(40) if f"note {i:02d}" in joined] == list(range(35, 40))
    assert "Rita Requester filed it" in joined  # the changes are all there


async def test_an_executor_follows_from_a_private_view(emu, bot):
    """An executor (a member of the department's chat, asked of Telegram) sees Follow in
    /show and may press it there; someone else may not, whatever the data says."""
    from db import watchers

    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    shown = await say(emu, bot, EXECUTOR, f"/show {number}")
    assert [text for row in shown.buttons for text, _ in row] == ["🔔 Follow"]
    query = await press(emu, bot, EXECUTOR, shown, "🔔 Follow")
    assert emu.callback_answers[query][0] == f"You follow #{number} now: you will hear " \
        "what its requester hears."
    async with bot.svc.db.reading() as session:
        assert await watchers.watchers_of(session, number) == [EXECUTOR]
    await say(emu, bot, OUTSIDER, "/start")
    forged = emu.users[OUTSIDER].press(shown, data=f"v1:r:follow:{number}")
    await bot.settle()
    assert emu.callback_answers[forged][1] is True  # refused, as an alert
    async with bot.svc.db.reading() as session:
        assert await watchers.watchers_of(session, number) == [EXECUTOR]
