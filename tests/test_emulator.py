# mypy: disable-error-code="union-attr"
"""The emulator, proven against the real python-telegram-bot client."""

from __future__ import annotations

import asyncio
import datetime as dtm
import time
from collections.abc import AsyncIterator

import pytest
from telegram import (
    Bot,
    BotCommandScopeAllGroupChats,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    KeyboardButtonRequestUsers,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    ReplyParameters,
    Update,
)
from telegram.error import (
    BadRequest,
    ChatMigrated,
    EndPointNotFound,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TimedOut,
)
from telegram.ext import ApplicationBuilder, CallbackQueryHandler, CommandHandler, ContextTypes
from telegram.request import HTTPXRequest

from emulator import BotApiEmulator, HtmlParseError, parse_html

USER_ID = 1001
GROUP_ID = -4001


@pytest.fixture
async def emu() -> AsyncIterator[BotApiEmulator]:
    emulator = BotApiEmulator(token="123456:TEST-TOKEN", bot_username="baton_test_bot")
    await emulator.start()
    try:
        yield emulator
    finally:
        await emulator.stop()


def make_bot(
    emu: BotApiEmulator, token: str | None = None, read_timeout: float | None = None
) -> Bot:
    request = HTTPXRequest(read_timeout=read_timeout) if read_timeout else None
    return Bot(
        token or emu.token,
        base_url=emu.api_base_url,
        base_file_url=emu.file_base_url,
        request=request,
    )


@pytest.fixture
async def bot(emu: BotApiEmulator) -> AsyncIterator[Bot]:
    async with make_bot(emu) as b:
        yield b


# --- HTML parser -------------------------------------------------------------------------


def test_html_parser_entities_and_literal_ampersand() -> None:
    text, entities = parse_html(
        '<b>bold</b> &amp; a & b &lt;&#65;&#x42;&gt; <a href="https://e.org/?a=1&amp;b=2">l</a>'
        ' <pre><code class="language-python">x = 1</code></pre>'
        ' <span class="tg-spoiler">s</span> <blockquote expandable>q</blockquote>'
    )
    assert text == "bold & a & b <AB> l x = 1 s q"
    types = [(e["type"], e["offset"], e["length"]) for e in entities]
    assert types == [
        ("bold", 0, 4),
        ("text_link", 18, 1),
        ("pre", 20, 5),
        ("spoiler", 26, 1),
        ("expandable_blockquote", 28, 1),
    ]
    assert entities[1]["url"] == "https://e.org/?a=1&b=2"
    assert entities[2]["language"] == "python"


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("<b>open", 'Can\'t find end tag corresponding to start tag "b"'),
        ("hello <foo>x</foo>", 'Unsupported start tag "foo" at byte offset 6'),
        ("1 < 2", 'Unsupported start tag "" at byte offset 2'),
        ("<b>x</i>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'),
        ("x</b>", "Unexpected end tag at byte offset 1"),
        ("<span>x</span>", 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
        ("ü<b", "Unclosed start tag at byte offset 2"),
    ],
)
def test_html_parser_errors(source: str, message: str) -> None:
    with pytest.raises(HtmlParseError) as info:
        parse_html(source)
    assert str(info.value) == message


# --- basic Bot API -----------------------------------------------------------------------


async def test_get_me(bot: Bot, emu: BotApiEmulator) -> None:
    me = await bot.get_me()
    assert me.username == "baton_test_bot"
    assert me.id == 123456 and me.is_bot
    assert me.can_read_all_group_messages is False
    assert emu.calls[-1].method == "getMe" and emu.calls[-1].ok


async def test_unknown_method_and_wrong_token(bot: Bot, emu: BotApiEmulator) -> None:
    with pytest.raises(EndPointNotFound):
        await bot.do_api_request("noSuchMethod")
    with pytest.raises(InvalidToken):
        await make_bot(emu, token="999:WRONG").get_me()
    assert emu.calls[-1].status == 401


async def test_send_message_html(bot: Bot, emu: BotApiEmulator) -> None:
    emu.add_user(USER_ID, "Ann")
    sent = await bot.send_message(
        USER_ID, "  <b>Hi</b> <i>there</i> &amp; a & b  ", parse_mode="HTML"
    )
    assert sent.text == "Hi there & a & b"
    assert sent.parse_entities() == {sent.entities[0]: "Hi", sent.entities[1]: "there"}
    stored = emu.last_bot_message(USER_ID)
    assert stored is not None and stored.from_bot and stored.kind == "text"
    assert stored.html == "  <b>Hi</b> <i>there</i> &amp; a & b  "
    assert stored.entities[0] == {"type": "bold", "offset": 0, "length": 2}
    assert emu.calls[-1].params["parse_mode"] == "HTML"


async def test_send_message_validation(bot: Bot, emu: BotApiEmulator) -> None:
    emu.add_user(USER_ID, "Ann")
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities: Unsupported start tag"):
        await bot.send_message(USER_ID, "a <foo>b</foo>", parse_mode="HTML")
    with pytest.raises(BadRequest, match=r"(?i)Can't find end tag"):
        await bot.send_message(USER_ID, "<b>open", parse_mode="HTML")
    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await bot.send_message(USER_ID, "x" * 4097)
    await bot.send_message(USER_ID, "<b>" + "x" * 4096 + "</b>", parse_mode="HTML")
    with pytest.raises(BadRequest, match=r"(?i)message text is empty"):
        await bot.send_message(USER_ID, "<b> </b>", parse_mode="HTML")
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await bot.send_message(777, "hi")
    assert len(emu.bot_messages(USER_ID)) == 1


async def test_utf16_entity_offsets(bot: Bot, emu: BotApiEmulator) -> None:
    emu.add_user(USER_ID, "Ann")
    sent = await bot.send_message(USER_ID, "😀 <b>ok👍</b> <i>é</i>", parse_mode="HTML")
    bold, italic = sent.entities
    assert (bold.offset, bold.length) == (3, 4)  # 😀 is two UTF-16 units
    assert (italic.offset, italic.length) == (8, 1)
    assert sent.parse_entity(bold) == "ok👍"
    assert sent.parse_entity(italic) == "é"


async def test_keyboard_validation_and_edit(bot: Bot, emu: BotApiEmulator) -> None:
    emu.add_user(USER_ID, "Ann")
    with pytest.raises(BadRequest, match=r"(?i)BUTTON_DATA_INVALID"):
        await bot.send_message(
            USER_ID,
            "x",
            reply_markup=InlineKeyboardMarkup(
                [[InlineKeyboardButton("a", callback_data="é" * 32 + "x")]]
            ),
        )  # 65 bytes
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Yes", callback_data="yes")]])
    sent = await bot.send_message(USER_ID, "Question?", reply_markup=markup)
    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await bot.edit_message_text("Question?", USER_ID, sent.message_id, reply_markup=markup)
    edited = await bot.edit_message_text("Answered", USER_ID, sent.message_id)
    assert isinstance(edited, object) and edited.text == "Answered"  # type: ignore[union-attr]
    stored = emu.last_bot_message(USER_ID)
    assert stored is not None and stored.buttons == [] and stored.edit_count == 1
    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await bot.edit_message_reply_markup(USER_ID, sent.message_id)
    with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
        await bot.edit_message_text("x", USER_ID, 999)
    assert await bot.delete_message(USER_ID, sent.message_id)
    assert emu.bot_messages(USER_ID) == []


async def test_user_picker_shares_users(bot: Bot, emu: BotApiEmulator) -> None:
    """A KeyboardButtonRequestUsers under the input field: the user picks people and
    the bot receives a users_shared message; ReplyKeyboardRemove takes the keyboard away."""
    ann = emu.add_user(USER_ID, "Ann")
    emu.add_user(1002, "Bob", last_name="Brown", username="bob")
    emu.add_user(1003, "Carl")
    picker = KeyboardButton("Choose", request_users=KeyboardButtonRequestUsers(
        request_id=7, user_is_bot=False, max_quantity=2, request_name=True,
        request_username=True))
    await bot.send_message(USER_ID, "Who?", reply_markup=ReplyKeyboardMarkup(
        [[picker, KeyboardButton("Skip")]], resize_keyboard=True))
    assert ann.reply_buttons() == ["Choose", "Skip"]
    assert emu.last_bot_message(USER_ID).buttons == []  # a reply keyboard is no inline one
    with pytest.raises(ValueError, match=r"1\.\.2 users"):
        ann.share_users("Choose", [1002, 1003, USER_ID])
    ann.share_users("Choose", [1002, 1003])
    (update,) = await bot.get_updates()
    shared = update.message.users_shared
    assert shared.request_id == 7
    assert [(u.user_id, u.first_name, u.last_name, u.username) for u in shared.users] == [
        (1002, "Bob", "Brown", "bob"), (1003, "Carl", None, None)]
    assert update.message.text is None and update.message.chat.id == USER_ID
    ann.tap("Skip")
    (update,) = await bot.get_updates(offset=update.update_id + 1)
    assert update.message.text == "Skip"
    with pytest.raises(ValueError, match="opens a picker"):
        ann.tap("Choose")
    await bot.send_message(USER_ID, "Done.", reply_markup=ReplyKeyboardRemove())
    assert ann.reply_buttons() == []
    with pytest.raises(LookupError):
        ann.share_users("Choose", [1002])


async def test_user_picker_button_is_checked(bot: Bot, emu: BotApiEmulator) -> None:
    """request_id is a 32-bit integer; max_quantity is 1..10 (a smaller one means 1,
    as TDLib reads it)."""
    ann = emu.add_user(USER_ID, "Ann")
    emu.add_user(1002, "Bob")

    def picker(**fields: object) -> dict[str, object]:
        return {"keyboard": [[{"text": "Choose", "request_users": fields}]]}

    for fields, error in (({"request_id": 2**31}, "request_id"),
                          ({"request_id": 1, "max_quantity": 11}, "REQUEST_PEER_INVALID"),
                          ({"user_is_bot": False}, "request_id")):
        with pytest.raises(BadRequest, match=f"(?i){error}"):
            await bot.send_message(USER_ID, "Who?", reply_markup=picker(**fields))  # type: ignore[arg-type]
    assert emu.bot_messages(USER_ID) == [] and ann.reply_buttons() == []
    await bot.send_message(USER_ID, "Who?", reply_markup=picker(request_id=-5, max_quantity=0))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"1\.\.1 users"):
        ann.share_users("Choose", [1002, USER_ID])
    ann.share_users("Choose", [1002])
    (update,) = await bot.get_updates()
    assert update.message.users_shared.request_id == -5
    assert [u.user_id for u in update.message.users_shared.users] == [1002]
    assert update.message.users_shared.users[0].first_name is None  # no request_name


async def test_user_picker_only_in_private_chats(bot: Bot, emu: BotApiEmulator) -> None:
    """TDLib refuses a user picker where it is not one person's chat with the bot."""
    emu.add_user(USER_ID, "Ann")
    emu.add_group(-100777, "Team", members=(USER_ID,))
    picker = {"keyboard": [[{"text": "Choose", "request_users": {"request_id": 1}}]]}
    with pytest.raises(BadRequest, match="Users can be requested in private chats only"):
        await bot.send_message(-100777, "Who?", reply_markup=picker)  # type: ignore[arg-type]
    assert emu.bot_messages(-100777) == []
    await bot.send_message(USER_ID, "Who?", reply_markup=picker)  # type: ignore[arg-type]


async def test_forbidden_private_chats(bot: Bot, emu: BotApiEmulator) -> None:
    blocker = emu.add_user(USER_ID, "Ann")
    emu.add_user(1002, "Bob", started=False)
    blocker.block_bot()
    with pytest.raises(Forbidden, match=r"(?i)bot was blocked by the user"):
        await bot.send_message(USER_ID, "hi")
    with pytest.raises(Forbidden, match=r"(?i)bot can't initiate conversation"):
        await bot.send_message(1002, "hi")
    blocker.start_bot()
    await bot.send_message(USER_ID, "hi again")
    kinds = [
        u.my_chat_member.new_chat_member.status for u in await bot.get_updates() if u.my_chat_member
    ]
    assert kinds == ["kicked", "member"]


async def test_groups_membership_and_migration(bot: Bot, emu: BotApiEmulator) -> None:
    ann = emu.add_user(USER_ID, "Ann")
    emu.add_group(GROUP_ID, "Ops", members=[USER_ID], creator=1003)
    emu.add_user(1003, "Carl")
    assert (await bot.get_chat_member(GROUP_ID, USER_ID)).status == "member"
    assert (await bot.get_chat_member(GROUP_ID, 1003)).status == "creator"
    emu.migrate_group(GROUP_ID, -1004001)
    with pytest.raises(ChatMigrated) as info:
        await bot.send_message(GROUP_ID, "hi")
    assert info.value.new_chat_id == -1004001
    await bot.send_message(-1004001, "hi supergroup")
    ann.send(-1004001, "hello")
    emu.remove_bot_from_group(-1004001, 1003)
    with pytest.raises(Forbidden, match=r"(?i)bot was kicked from the supergroup chat"):
        await bot.send_message(-1004001, "hi")
    emu.add_bot_to_group(-1004001, 1003)
    assert await bot.leave_chat(-1004001)
    assert emu.left_chats == [-1004001]
    with pytest.raises(Forbidden, match=r"(?i)not a member of the supergroup chat"):
        await bot.send_message(-1004001, "hi")
    updates = await bot.get_updates()
    assert [u.message.migrate_to_chat_id for u in updates[:1] if u.message] == [-1004001]
    statuses = [u.my_chat_member.new_chat_member.status for u in updates if u.my_chat_member]
    assert statuses == ["kicked", "member", "left"]


async def test_forum_threads_and_replies(bot: Bot, emu: BotApiEmulator) -> None:
    ann = emu.add_user(USER_ID, "Ann")
    forum = emu.add_group(-1005, "Forum", forum=True, members=[USER_ID])
    forum.add_topic(7, "Support")
    with pytest.raises(BadRequest, match=r"(?i)message thread not found"):
        await bot.send_message(-1005, "x", message_thread_id=8)
    question = ann.send(-1005, "help", thread_id=7)
    assert question["is_topic_message"] and question["message_thread_id"] == 7
    reply = await bot.send_message(-1005, "on it", reply_to_message_id=question["message_id"])
    assert reply.message_thread_id == 7 and reply.reply_to_message.text == "help"
    with pytest.raises(BadRequest, match=r"(?i)message to be replied not found"):
        await bot.send_message(-1005, "x", reply_parameters=ReplyParameters(999))
    await bot.send_message(
        -1005, "x", reply_parameters=ReplyParameters(999, allow_sending_without_reply=True)
    )
    assert [m.text for m in emu.bot_messages(-1005, thread_id=7)] == ["on it"]
    assert emu.bot_messages(-1005)[0].reply_to_message_id == question["message_id"]


# --- faults and limits -------------------------------------------------------------------


async def test_injected_errors(bot: Bot, emu: BotApiEmulator) -> None:
    emu.add_user(USER_ID, "Ann")
    emu.inject("sendMessage", status=429, retry_after=7)
    with pytest.raises(RetryAfter) as info:
        await bot.send_message(USER_ID, "x")
    assert info.value.retry_after in (7, dtm.timedelta(seconds=7))
    emu.inject("sendMessage", status=502, chat_id=USER_ID)
    with pytest.raises(NetworkError) as net:
        await bot.send_message(USER_ID, "x")
    assert type(net.value) is NetworkError
    await bot.send_message(USER_ID, "x")
    assert [c.status for c in emu.calls_of("sendMessage")] == [429, 502, 200]
    assert len(emu.calls_during_retry_after) == 2  # both calls fell inside the 7 s window


async def test_injected_timeout(emu: BotApiEmulator) -> None:
    emu.add_user(USER_ID, "Ann")
    emu.inject_timeout("sendMessage", seconds=0.5)
    async with make_bot(emu, read_timeout=0.1) as slow_bot:
        with pytest.raises(TimedOut):
            await slow_bot.send_message(USER_ID, "maybe")
    # Like Telegram, the timed-out request still takes effect once it completes.
    await emu.wait_bot_messages(USER_ID, 1, timeout=2)


async def test_rate_limits_with_controlled_clock(bot: Bot, emu: BotApiEmulator) -> None:
    emu.add_user(USER_ID, "Ann")
    now = [1000.0]
    emu.clock = lambda: now[0]
    emu.enforce_limits = True
    await bot.send_message(USER_ID, "1")
    with pytest.raises(RetryAfter):
        await bot.send_message(USER_ID, "2")
    with pytest.raises(RetryAfter):
        await bot.send_message(USER_ID, "3")
    now[0] += 1.5
    await bot.send_message(USER_ID, "4")
    assert [c.params["text"] for c in emu.calls_during_retry_after] == ["3"]
    emu.add_group(GROUP_ID, "Ops")
    for i in range(20):
        now[0] += 0.05 if i % 2 else 0.01
        await bot.send_message(GROUP_ID, str(i))
    with pytest.raises(RetryAfter):
        await bot.send_message(GROUP_ID, "too many")


# --- updates -----------------------------------------------------------------------------


async def test_long_poll_and_offset(bot: Bot, emu: BotApiEmulator) -> None:
    ann = emu.add_user(USER_ID, "Ann", username="ann")
    started = time.monotonic()
    poll = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.2)
    assert not poll.done()
    ann.send(ann.private, "/start@baton_test_bot deep")
    updates = await poll
    assert time.monotonic() - started < 2
    (update,) = updates
    entity = update.message.entities[0]
    assert (entity.type, entity.offset, entity.length) == ("bot_command", 0, 21)
    assert update.message.from_user.username == "ann"
    assert emu.pending_update_count() == 1 and emu.undelivered_update_count() == 0
    assert await bot.get_updates(offset=update.update_id + 1, timeout=0) == ()
    assert emu.pending_update_count() == 0


async def test_button_press_callback_query(bot: Bot, emu: BotApiEmulator) -> None:
    ann = emu.add_user(USER_ID, "Ann")
    markup = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton("Approve", callback_data="ok:42"),
                InlineKeyboardButton("Site", url="https://e.org"),
            ]
        ]
    )
    sent = await bot.send_message(USER_ID, "Approve?", reply_markup=markup)
    with pytest.raises(LookupError):
        ann.press((USER_ID, sent.message_id), "Reject")
    query_id = ann.press((USER_ID, sent.message_id), "Approve")
    forged = ann.press((USER_ID, sent.message_id), None, data="ok:999")
    first, second = await bot.get_updates()
    assert first.callback_query.id == query_id and first.callback_query.data == "ok:42"
    assert first.callback_query.message.message_id == sent.message_id
    assert second.callback_query.data == "ok:999"
    assert await bot.answer_callback_query(query_id, "Done", show_alert=True)
    assert emu.callback_answers[query_id] == ("Done", True)
    assert forged not in emu.callback_answers
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await bot.answer_callback_query(query_id)


async def test_photos_documents_copy_and_files(bot: Bot, emu: BotApiEmulator) -> None:
    ann = emu.add_user(USER_ID, "Ann")
    emu.add_group(GROUP_ID, "Ops", members=[USER_ID])
    photo = ann.send_photo(GROUP_ID, caption="receipt")
    copied = await bot.copy_message(USER_ID, GROUP_ID, photo["message_id"])
    stored = emu.last_bot_message(USER_ID)
    assert stored is not None and stored.message_id == copied.message_id
    assert stored.kind == "photo" and stored.text == "receipt"
    forwarded = await bot.forward_message(USER_ID, GROUP_ID, photo["message_id"])
    assert forwarded.forward_origin.sender_user.id == USER_ID
    uploaded = await bot.send_document(
        USER_ID, b"hello bytes", filename="r.txt", caption="<b>doc</b>", parse_mode="HTML"
    )
    assert uploaded.document.file_name == "r.txt" and uploaded.caption == "doc"
    tg_file = await bot.get_file(uploaded.document.file_id)
    assert bytes(await tg_file.download_as_bytearray()) == b"hello bytes"
    by_id = await bot.send_photo(GROUP_ID, photo["photo"][-1]["file_id"])
    assert by_id.photo[-1].file_id == photo["photo"][-1]["file_id"]
    with pytest.raises(BadRequest, match=r"(?i)message caption is too long"):
        await bot.send_photo(GROUP_ID, "any-file-id", caption="x" * 1025)


async def test_commands_and_chat_actions(bot: Bot, emu: BotApiEmulator) -> None:
    emu.add_user(USER_ID, "Ann")
    await bot.set_my_commands([("start", "Start"), ("help", "Help")], language_code="en")
    assert [c.command for c in await bot.get_my_commands(language_code="en")] == ["start", "help"]
    assert emu.commands[("default", "en")][1] == {"command": "help", "description": "Help"}
    with pytest.raises(BadRequest):
        await bot.set_my_commands([("Bad-Cmd", "x")])
    # "only lowercase English letters, digits and underscores": not any lowercase letter
    with pytest.raises(BadRequest, match=r"(?i)bot_command_invalid"):
        await bot.set_my_commands([("найти", "Find")])
    with pytest.raises(BadRequest, match=r"(?i)bot_command_description_invalid"):
        await bot.set_my_commands([("find", "")])
    await bot.set_my_commands([("show", "Show")], scope=BotCommandScopeAllGroupChats(),
                              language_code="ru")
    assert emu.commands[("all_group_chats", "ru")] == [{"command": "show",
                                                        "description": "Show"}]
    assert await bot.send_chat_action(USER_ID, "typing")
    assert emu.chat_actions == [(USER_ID, "typing")]


# --- end to end with a real Application --------------------------------------------------


async def test_application_end_to_end(emu: BotApiEmulator) -> None:
    ann = emu.add_user(USER_ID, "Ann")

    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None and update.effective_user is not None
        await update.effective_message.reply_text(
            f"Hello <b>{update.effective_user.first_name}</b>",
            parse_mode="HTML",
            reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton("Ping", callback_data="p")]]),
        )

    async def pressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.callback_query is not None
        await update.callback_query.answer("pong")
        await update.callback_query.edit_message_text("Pinged")

    app = (
        ApplicationBuilder()
        .token(emu.token)
        .base_url(emu.api_base_url)
        .base_file_url(emu.file_base_url)
        .build()
    )
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CallbackQueryHandler(pressed))
    async with app:
        await app.updater.start_polling(poll_interval=0, timeout=1)  # type: ignore[union-attr]
        await app.start()
        try:
            ann.send(ann.private, "/start")
            (greeting,) = await emu.wait_bot_messages(ann.private, 1)
            assert greeting.text == "Hello Ann" and greeting.buttons == [[("Ping", "p")]]
            query_id = ann.press(greeting, "Ping")
            await emu.wait_for(lambda: greeting.edit_count == 1, what="the edit")
            assert emu.callback_answers[query_id] == ("pong", False)
            assert greeting.text == "Pinged"
        finally:
            await app.updater.stop()  # type: ignore[union-attr]
            await app.stop()
    assert emu.pending_update_count() == 0
