"""The /new form as a requester sees it, through the real Application and the Bot API emulator."""

from __future__ import annotations

import tomllib

from sqlalchemy import func, select

from bot.harness import BotUnderTest
from db.models import FormDraft, Request
from emulator import BotApiEmulator, EmuMessage
from tests.conftest import FIN_CHAT, IT_CHAT, REQUESTER, ROOT, example_org
from tests.e2e.flows import bind, button_texts, card, last, press, say, skip_watchers

Q_SYSTEM = "1/3. Which system?"
Q_LEVEL = "2/3. Access level"
Q_DEADLINE = "3/3. Needed by"
Q_PRIORITY = "How urgent is it?"
STALE = "This button belongs to an earlier step."
RUSSIAN = 5001


async def requests_count(bot: BotUnderTest) -> int:
    assert bot.svc is not None
    async with bot.svc.db.transaction() as session:
        return int(await session.scalar(select(func.count()).select_from(Request)) or 0)


async def draft_of(bot: BotUnderTest, user_id: int = REQUESTER) -> FormDraft | None:
    assert bot.svc is not None
    async with bot.svc.db.transaction() as session:
        return await session.get(FormDraft, user_id)


async def open_access_form(emu: BotApiEmulator, bot: BotUnderTest,
                           user_id: int = REQUESTER) -> EmuMessage:
    """/new → IT → Access to a system; returns the first question."""
    await say(emu, bot, user_id, "/new")
    await press(emu, bot, user_id, last(emu, user_id), "IT")
    await press(emu, bot, user_id, last(emu, user_id), "Access to a system")
    question = last(emu, user_id)
    assert question.text.startswith(Q_SYSTEM), question.text
    return question


def bot_count(emu: BotApiEmulator, chat_id: int = REQUESTER) -> int:
    return len(emu.bot_messages(chat_id))


def assert_refused(message: EmuMessage, error: str, question: str) -> None:
    """An error first, then the very same question."""
    first, _, rest = message.text.partition("\n\n")
    assert first.startswith("⚠️ "), message.text
    assert error in first, message.text
    assert rest.startswith(question), message.text


def no_card(emu: BotApiEmulator, chat_id: int = IT_CHAT) -> bool:
    return not [m for m in emu.bot_messages(chat_id) if "Status:" in m.text]


def all_calls_ok(emu: BotApiEmulator) -> None:
    assert all(call.ok for call in emu.calls if call.method != "getUpdates"), [
        (c.method, c.description) for c in emu.calls if not c.ok]


# ------------------------------------------------------------------ invalid answers


async def test_invalid_text_answers_repeat_the_question(emu, bot):
    await bind(emu, bot)
    await open_access_form(emu, bot)

    emu.users[REQUESTER].send_sticker(REQUESTER)
    await bot.settle()
    assert_refused(last(emu, REQUESTER), "I need text here", Q_SYSTEM)

    emu.users[REQUESTER].send_voice(REQUESTER)
    await bot.settle()
    assert_refused(last(emu, REQUESTER), "I need text here", Q_SYSTEM)

    emu.users[REQUESTER].send_photo(REQUESTER)
    await bot.settle()
    assert_refused(last(emu, REQUESTER), "I need text here", Q_SYSTEM)

    reply = await say(emu, bot, REQUESTER, "   ")
    assert_refused(reply, "The answer is empty", Q_SYSTEM)

    draft = await draft_of(bot)
    assert draft is not None and (draft.stage, draft.field_index, draft.answers) == (
        "field", 0, {})
    assert (await say(emu, bot, REQUESTER, "1C")).text.startswith(Q_LEVEL)
    all_calls_ok(emu)


async def test_too_long_answer_names_the_limit(emu, bot):
    await bind(emu, bot)
    await open_access_form(emu, bot)
    reply = await say(emu, bot, REQUESTER, "x" * 5000)
    assert_refused(reply, "That is 5000 characters; the limit is 200", Q_SYSTEM)
    assert "up to 200 characters" in reply.text
    draft = await draft_of(bot)
    assert draft is not None and draft.answers == {}
    all_calls_ok(emu)


async def test_invalid_choice_and_date(emu, bot):
    await bind(emu, bot)
    await open_access_form(emu, bot)
    await say(emu, bot, REQUESTER, "1C")

    reply = await say(emu, bot, REQUESTER, "superuser")
    assert_refused(reply, "Please choose one of the buttons", Q_LEVEL)
    assert button_texts(reply)[:3] == ["Read", "Write", "Admin"]
    emu.users[REQUESTER].send_sticker(REQUESTER)
    await bot.settle()
    assert_refused(last(emu, REQUESTER), "Please choose one of the buttons", Q_LEVEL)

    # a typed option name works as well as the button
    assert (await say(emu, bot, REQUESTER, "write")).text.startswith(Q_DEADLINE)

    emu.users[REQUESTER].send_photo(REQUESTER)
    await bot.settle()
    assert_refused(last(emu, REQUESTER), "I need text here", Q_DEADLINE)
    assert_refused(await say(emu, bot, REQUESTER, "tomorrow"), "cannot read that date",
                   Q_DEADLINE)
    assert_refused(await say(emu, bot, REQUESTER, "31.02.2027"), "cannot read that date",
                   Q_DEADLINE)
    assert_refused(await say(emu, bot, REQUESTER, "22.11.2026"), "already passed", Q_DEADLINE)
    assert (await say(emu, bot, REQUESTER, "23.11.2026")).text.startswith(Q_PRIORITY)
    draft = await draft_of(bot)
    assert draft is not None
    assert draft.answers["level"]["value"] == "Write"
    assert draft.answers["deadline"]["value"] == "2026-11-23"
    all_calls_ok(emu)


async def test_invalid_number_and_file(emu, bot):
    await bind(emu, bot, FIN_CHAT, "finance")
    await say(emu, bot, REQUESTER, "/new")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Finance")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Pay an invoice")
    await say(emu, bot, REQUESTER, "Paper & Co")
    assert_refused(await say(emu, bot, REQUESTER, "twelve"), "does not look like a number",
                   "2/4. Amount, RUB")
    assert_refused(await say(emu, bot, REQUESTER, "nan"), "does not look like a number",
                   "2/4. Amount, RUB")
    assert_refused(await say(emu, bot, REQUESTER, "0"), "at least 0.01", "2/4. Amount, RUB")
    assert (await say(emu, bot, REQUESTER, "12 500,50")).text.startswith(
        "3/4. The invoice (PDF or photo)")
    assert_refused(await say(emu, bot, REQUESTER, "see mail"), "send a photo or a document",
                   "3/4. The invoice")
    emu.users[REQUESTER].send_sticker(REQUESTER)
    await bot.settle()
    assert_refused(last(emu, REQUESTER), "send a photo or a document", "3/4. The invoice")
    all_calls_ok(emu)


async def test_number_range_in_hr_certificate_and_no_priority(emu, bot):
    await bind(emu, bot, -1001000000002, "hr")
    await say(emu, bot, REQUESTER, "/new")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "HR")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Employment certificate")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Bank")
    question = last(emu, REQUESTER)
    assert question.text.startswith("2/2. How many copies?")
    assert "from 1 to 10" in question.text
    assert_refused(await say(emu, bot, REQUESTER, "11"), "at most 10", "2/2. How many copies?")
    watchers = await say(emu, bot, REQUESTER, "2")
    assert watchers.text.startswith("👥 Keep anyone informed?")  # no priority question
    await skip_watchers(emu, bot)
    summary = last(emu, REQUESTER)
    assert summary.text.startswith("Please check your request")
    assert "Priority" not in summary.text
    assert "How many copies?: 2" in summary.text


# ------------------------------------------------------------------ text shown as typed


async def test_html_in_answers_is_shown_exactly_as_typed(emu, bot):
    await bind(emu, bot)
    await open_access_form(emu, bot)
    typed = "<b>1C</b> & <script>alert(1)</script> a<b && c>d &amp; </i>"
    await say(emu, bot, REQUESTER, typed)
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Admin")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Skip")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Normal")
    await skip_watchers(emu, bot)
    summary = last(emu, REQUESTER)
    assert f"Which system?: {typed}\n" in summary.text
    assert "Needed by: —" in summary.text
    assert "Priority: normal" in summary.text
    assert not summary.entities or all(e["type"] == "bold" for e in summary.entities)

    await press(emu, bot, REQUESTER, summary, "✅ Send")
    confirmation = last(emu, REQUESTER).text
    number = int(confirmation.split("#")[1].split()[0])
    shown = card(emu, number)
    assert f"Which system?: {typed}\n" in shown.text
    assert all(e["type"] in ("bold", "text_link", "text_mention") for e in shown.entities)
    assert bot.svc is not None
    async with bot.svc.db.transaction() as session:
        request = await session.get(Request, number)
    assert request is not None
    assert request.answers[0]["value"] == typed
    all_calls_ok(emu)


# ------------------------------------------------------------------ cancel, skip, back


async def test_cancel_mid_form(emu, bot):
    await bind(emu, bot)
    await open_access_form(emu, bot)
    await say(emu, bot, REQUESTER, "1C")
    reply = await say(emu, bot, REQUESTER, "/cancel")
    assert reply.text.startswith("Form cancelled")
    assert await requests_count(bot) == 0
    assert await draft_of(bot) is None
    assert no_card(emu)
    # the next message is not an answer to a form any more
    assert "/new" in (await say(emu, bot, REQUESTER, "Write")).text
    assert await requests_count(bot) == 0
    assert (await say(emu, bot, REQUESTER, "/cancel")).text.startswith("There is nothing")


async def test_cancel_button_on_the_summary(emu, bot):
    await bind(emu, bot)
    await open_access_form(emu, bot)
    await say(emu, bot, REQUESTER, "1C")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Read")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Skip")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Normal")
    await skip_watchers(emu, bot)
    summary = last(emu, REQUESTER)
    before = bot_count(emu)
    await press(emu, bot, REQUESTER, summary, "✖ Cancel")
    # the summary itself says so, and no new message is sent
    assert summary.text.startswith("Form cancelled") and summary.buttons == []
    assert bot_count(emu) == before
    assert await requests_count(bot) == 0 and await draft_of(bot) is None
    assert no_card(emu)


async def test_skip_only_on_optional_fields(emu, bot):
    await bind(emu, bot)
    question = await open_access_form(emu, bot)
    assert "Skip" not in button_texts(question)
    await say(emu, bot, REQUESTER, "1C")
    assert "Skip" not in button_texts(last(emu, REQUESTER))
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Read")
    optional = last(emu, REQUESTER)
    assert optional.text.startswith(Q_DEADLINE) and "Optional" in optional.text
    assert "Skip" in button_texts(optional)
    await press(emu, bot, REQUESTER, optional, "Skip")
    assert last(emu, REQUESTER).text.startswith(Q_PRIORITY)
    draft = await draft_of(bot)
    assert draft is not None and draft.answers["deadline"] is None


async def test_forged_skip_of_a_required_field(emu, bot):
    await bind(emu, bot)
    question = await open_access_form(emu, bot)
    before = bot_count(emu)
    emu.users[REQUESTER].press(question, data="v1:f:skip:0")
    await bot.settle()
    assert bot_count(emu) == before + 1
    assert_refused(last(emu, REQUESTER), "cannot be skipped", Q_SYSTEM)


async def test_back_button(emu, bot):
    await bind(emu, bot)
    await open_access_form(emu, bot)
    level = await say(emu, bot, REQUESTER, "1C")
    assert level.text.startswith(Q_LEVEL)
    assert "« Back" in button_texts(level)
    before = bot_count(emu)
    await press(emu, bot, REQUESTER, level, "« Back")
    again = last(emu, REQUESTER)
    assert again.text.startswith(Q_SYSTEM)
    # a pressed answer turns the question into the next one: no second message
    assert again.message_id == level.message_id and bot_count(emu) == before
    assert (await say(emu, bot, REQUESTER, "SAP")).text.startswith(Q_LEVEL)
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Read")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Skip")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Normal")
    await skip_watchers(emu, bot)
    summary = last(emu, REQUESTER)
    assert "Which system?: SAP" in summary.text and "1C" not in summary.text
    await press(emu, bot, REQUESTER, summary, "« Back")
    assert last(emu, REQUESTER).text.startswith(Q_PRIORITY)
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "« Back")
    assert last(emu, REQUESTER).text.startswith(Q_DEADLINE)
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "« Back")
    assert last(emu, REQUESTER).text.startswith(Q_LEVEL)
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "« Back")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "« Back")
    assert last(emu, REQUESTER).text.startswith("IT: what kind of request?")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "« Back")
    department = last(emu, REQUESTER)
    assert department.text.startswith("New request.")
    assert "« Back" not in button_texts(department)
    all_calls_ok(emu)


async def test_a_question_that_cannot_be_edited_comes_as_a_new_message(emu, bot):
    await bind(emu, bot)
    await open_access_form(emu, bot)
    level = await say(emu, bot, REQUESTER, "1C")
    before = bot_count(emu)
    emu.inject("editMessageText", status=400,
               description="Bad Request: message can't be edited")
    await press(emu, bot, REQUESTER, level, "Write")
    question = last(emu, REQUESTER)
    assert question.text.startswith(Q_DEADLINE) and bot_count(emu) == before + 1
    assert level.buttons == []  # the old question lost its buttons instead
    assert (await draft_of(bot)).answers["level"]["value"] == "Write"


async def test_a_lost_reply_heals_at_the_next_press(emu, bot):
    """The answer was saved but its reply never arrived (a crash, a network
    failure): the person presses the same button again and gets the current
    question in that message, not "earlier step" forever."""
    await bind(emu, bot)
    await say(emu, bot, REQUESTER, "/new")
    department = last(emu, REQUESTER)
    emu.inject("editMessageText", status=502, chat_id=REQUESTER)
    await press(emu, bot, REQUESTER, department, "IT")
    assert department.text.startswith("New request.")  # the reply was lost
    query = emu.users[REQUESTER].press(department, "IT")
    await bot.settle()
    assert emu.callback_answers[query] == (STALE, False)
    assert department.text.startswith("IT: what kind of request?")
    await press(emu, bot, REQUESTER, department, "Access to a system")
    assert department.text.startswith(Q_SYSTEM)


async def test_old_question_button_is_stale(emu, bot):
    await bind(emu, bot)
    await open_access_form(emu, bot)
    level = await say(emu, bot, REQUESTER, "1C")
    read_data = level.find_button("Read")
    await press(emu, bot, REQUESTER, level, "Write")
    assert last(emu, REQUESTER).text.startswith(Q_DEADLINE)
    before = bot_count(emu)

    query = emu.users[REQUESTER].press(level, data=read_data)  # a client showing old buttons
    await bot.settle()
    assert emu.callback_answers[query] == (STALE, False)
    assert bot_count(emu) == before
    draft = await draft_of(bot)
    assert draft is not None and draft.answers["level"]["value"] == "Write"
    assert (draft.stage, draft.field_index) == ("field", 2)


async def test_old_department_button_is_stale(emu, bot):
    await bind(emu, bot)
    await say(emu, bot, REQUESTER, "/new")
    departments = last(emu, REQUESTER)
    hr_data = departments.find_button("HR")
    await press(emu, bot, REQUESTER, departments, "IT")
    before = bot_count(emu)
    query = emu.users[REQUESTER].press(departments, data=hr_data)
    await bot.settle()
    assert emu.callback_answers[query] == (STALE, False)
    assert bot_count(emu) == before
    draft = await draft_of(bot)
    assert draft is not None and draft.department_key == "it"


async def test_old_type_button_is_stale(emu, bot):
    await bind(emu, bot)
    await say(emu, bot, REQUESTER, "/new")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "IT")
    types = last(emu, REQUESTER)
    data = types.find_button("Access to a system")
    await press(emu, bot, REQUESTER, types, "Access to a system")
    before = bot_count(emu)
    query = emu.users[REQUESTER].press(types, data=data)  # a double tap
    await bot.settle()
    assert emu.callback_answers[query] == (STALE, False)
    assert bot_count(emu) == before  # no "⚠️ I need text here" for a tap on a button


async def test_double_tap_on_priority_is_stale(emu, bot):
    await bind(emu, bot)
    await open_access_form(emu, bot)
    await say(emu, bot, REQUESTER, "1C")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Read")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Skip")
    priority = last(emu, REQUESTER)
    data = priority.find_button("🔥 Urgent")
    await press(emu, bot, REQUESTER, priority, "🔥 Urgent")
    before = bot_count(emu)
    query = emu.users[REQUESTER].press(priority, data=data)
    await bot.settle()
    assert emu.callback_answers[query] == (STALE, False)
    assert bot_count(emu) == before  # no "⚠️ Please press Send or Cancel" for a double tap


# ------------------------------------------------------------------ restart, resume, submit


async def test_restart_mid_form_continues(emu, bot, database_url, org, clock):
    await bind(emu, bot)
    await open_access_form(emu, bot)
    await say(emu, bot, REQUESTER, "1C")
    level = last(emu, REQUESTER)
    assert level.text.startswith(Q_LEVEL)
    await bot.stop()

    emu.users[REQUESTER].send(REQUESTER, "Write")  # typed while the bot is down
    again = BotUnderTest(emu, database_url, org, clock)
    await again.start()
    try:
        await again.settle()
        assert last(emu, REQUESTER).text.startswith(Q_DEADLINE)
        await press(emu, again, REQUESTER, last(emu, REQUESTER), "Skip")
        await press(emu, again, REQUESTER, last(emu, REQUESTER), "Normal")
        await skip_watchers(emu, again)
        summary = last(emu, REQUESTER)
        assert "Which system?: 1C" in summary.text and "Access level: Write" in summary.text
        await press(emu, again, REQUESTER, summary, "✅ Send")
        assert "Request #1" in last(emu, REQUESTER).text
        assert "1C" in card(emu, 1).text
        assert await requests_count(again) == 1
    finally:
        await again.stop()


async def test_restart_then_button_of_the_old_question(emu, bot, database_url, org, clock):
    await bind(emu, bot)
    await open_access_form(emu, bot)
    level = await say(emu, bot, REQUESTER, "1C")
    await bot.stop()
    again = BotUnderTest(emu, database_url, org, clock)
    await again.start()
    try:
        await press(emu, again, REQUESTER, level, "Admin")
        assert last(emu, REQUESTER).text.startswith(Q_DEADLINE)
        draft = await draft_of(again)
        assert draft is not None and draft.answers["level"]["value"] == "Admin"
    finally:
        await again.stop()


async def test_restart_with_the_department_gone_says_start_again(emu, bot, database_url,
                                                                  clock):
    await bind(emu, bot)
    await open_access_form(emu, bot)
    level = await say(emu, bot, REQUESTER, "1C")
    await bot.stop()
    raw = tomllib.loads((ROOT / "core" / "org.example.toml").read_text(encoding="utf-8"))
    without_it = example_org(departments=[d for d in raw["departments"] if d["key"] != "it"])
    again = BotUnderTest(emu, database_url, without_it, clock)
    await again.start()
    try:
        reply = await say(emu, again, REQUESTER, "Write")
        assert reply.text.startswith("The organisation's settings changed")
        assert await draft_of(again) is None
        emu.users[REQUESTER].press(level, "Read")  # the old question's button
        await again.settle()
        assert await draft_of(again) is None
        fresh = await say(emu, again, REQUESTER, "/new")
        assert fresh.text.startswith("New request.")
        assert button_texts(fresh) == ["HR", "Finance"]
        assert await requests_count(again) == 0
        all_calls_ok(emu)
    finally:
        await again.stop()


async def test_double_press_of_send_creates_one_request(emu, bot):
    await bind(emu, bot)
    await open_access_form(emu, bot)
    await say(emu, bot, REQUESTER, "1C")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Write")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Skip")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Normal")
    await skip_watchers(emu, bot)
    summary = last(emu, REQUESTER)
    first = emu.users[REQUESTER].press(summary, "✅ Send")
    second = emu.users[REQUESTER].press(summary, "✅ Send")
    await bot.settle()
    assert await requests_count(bot) == 1
    assert emu.callback_answers[second] == ("This request has already been sent.", False)
    assert first in emu.callback_answers
    confirmations = [m for m in emu.bot_messages(REQUESTER) if "Request #" in m.text]
    assert len(confirmations) == 1
    cards = [m for m in emu.bot_messages(IT_CHAT) if "Status:" in m.text]
    assert len(cards) == 1
    assert await draft_of(bot) is None
    all_calls_ok(emu)


async def test_new_while_a_form_is_open_continues(emu, bot):
    await bind(emu, bot)
    await open_access_form(emu, bot)
    await say(emu, bot, REQUESTER, "1C")
    before = bot_count(emu)
    emu.users[REQUESTER].send(REQUESTER, "/new")
    await bot.settle()
    # one message: the note, then the question it continues with
    (question,) = emu.bot_messages(REQUESTER)[before:]
    assert question.text.startswith("You have an unfinished request")
    assert Q_LEVEL in question.text
    await press(emu, bot, REQUESTER, question, "Read")
    draft = await draft_of(bot)
    assert draft is not None and draft.answers["system"]["value"] == "1C"


async def test_finance_request_with_a_document(emu, bot):
    await bind(emu, bot, FIN_CHAT, "finance")
    await say(emu, bot, REQUESTER, "/new")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Finance")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Pay an invoice")
    await say(emu, bot, REQUESTER, "Paper & Co")
    await say(emu, bot, REQUESTER, "12 500,50")
    sent = emu.users[REQUESTER].send_document(REQUESTER, "invoice-42.pdf")
    await bot.settle()
    assert last(emu, REQUESTER).text.startswith("4/4. Pay by")
    await say(emu, bot, REQUESTER, "2026-12-01")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Normal")
    await skip_watchers(emu, bot)
    summary = last(emu, REQUESTER)
    assert "Amount, RUB: 12500.5" in summary.text
    assert "invoice-42.pdf" in summary.text
    assert "Pay by: 01.12.2026" in summary.text
    await press(emu, bot, REQUESTER, summary, "✅ Send")
    confirmation = last(emu, REQUESTER).text
    assert "sent to Finance" in confirmation and "01.12.2026" in confirmation
    number = int(confirmation.split("#")[1].split()[0])

    shown = card(emu, number, FIN_CHAT)
    assert "Supplier: Paper & Co" in shown.text
    group = emu.bot_messages(FIN_CHAT)
    after = group[group.index(shown) + 1:]
    assert after, "the document did not follow the card"
    document = after[0]
    assert document.kind == "document"
    assert document.reply_to_message_id == shown.message_id
    assert document.media["document"]["file_unique_id"] == \
        sent["document"]["file_unique_id"]
    assert document.text.startswith(f"#{number} · The invoice")
    assert no_card(emu, IT_CHAT)
    all_calls_ok(emu)


async def test_photo_for_an_optional_file_field(emu, bot):
    await bind(emu, bot)
    await say(emu, bot, REQUESTER, "/new")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "IT")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Broken or missing equipment")
    await say(emu, bot, REQUESTER, "Monitor flickers")
    photo_question = await say(emu, bot, REQUESTER, "Room 4, desk 2")
    assert photo_question.text.startswith("3/3. A photo of the problem")
    emu.users[REQUESTER].send_photo(REQUESTER)
    await bot.settle()
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Normal")
    await skip_watchers(emu, bot)
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "✅ Send")
    number = int(last(emu, REQUESTER).text.split("#")[1].split()[0])
    group = emu.bot_messages(IT_CHAT)
    shown = card(emu, number)
    assert group[group.index(shown) + 1].kind == "photo"


# ------------------------------------------------------------------ languages


async def test_russian_user_sees_russian_questions(emu, bot):
    emu.add_user(RUSSIAN, "Иван", last_name="Петров", language_code="ru")
    await bind(emu, bot)
    start = await say(emu, bot, RUSSIAN, "/new")
    assert start.text.startswith("Новая заявка.")
    await press(emu, bot, RUSSIAN, start, "IT")
    await press(emu, bot, RUSSIAN, last(emu, RUSSIAN), "Access to a system")
    question = last(emu, RUSSIAN)
    assert question.text.startswith(Q_SYSTEM)  # the org's labels are the org's
    assert "Напишите ответ (до 200 символов)." in question.text
    assert "« Назад" in button_texts(question)
    emu.users[RUSSIAN].send_sticker(RUSSIAN)
    await bot.settle()
    assert_refused(last(emu, RUSSIAN), "Здесь нужен текст", Q_SYSTEM)
    await say(emu, bot, RUSSIAN, "1С")
    await press(emu, bot, RUSSIAN, last(emu, RUSSIAN), "Read")
    assert "Пропустить" in button_texts(last(emu, RUSSIAN))
    await press(emu, bot, RUSSIAN, last(emu, RUSSIAN), "Пропустить")
    assert last(emu, RUSSIAN).text.startswith("Насколько это срочно?")
    await press(emu, bot, RUSSIAN, last(emu, RUSSIAN), "🔥 Срочно")
    assert last(emu, RUSSIAN).text.startswith("👥 Держать кого-нибудь в курсе?")
    assert emu.users[RUSSIAN].reply_buttons() == ["👥 Выбрать людей", "Пропустить"]
    await skip_watchers(emu, bot, RUSSIAN, "Пропустить")
    assert emu.users[RUSSIAN].reply_buttons() == []  # the reply keyboard is taken away
    summary = last(emu, RUSSIAN)
    assert summary.text.startswith("Проверьте, пожалуйста, заявку")
    await press(emu, bot, RUSSIAN, summary, "✅ Отправить")
    assert last(emu, RUSSIAN).text.startswith("✅ Заявка #1 отправлена")
    # the group speaks the organisation's language (en in these tests)
    assert "Status: 🆕 new" in card(emu, 1).text
    all_calls_ok(emu)
