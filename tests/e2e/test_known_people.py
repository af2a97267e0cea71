"""Remembering people costs nothing when nothing changed, and hides no change: a new
name reaches the database, and a person another instance marked unreachable who
writes again gets their notices."""

from db.models import User
from tests.conftest import EXECUTOR, REQUESTER
from tests.e2e.flows import bind, card, file_access_request, last, press, say


async def _stored(bot, user_id: int) -> User:
    async with bot.svc.db.reading() as session:
        user = await session.get(User, user_id)
    assert user is not None
    return user


async def test_a_new_name_is_stored(emu, bot):
    await say(emu, bot, REQUESTER, "/help")
    assert (await _stored(bot, REQUESTER)).first_name == emu.users[REQUESTER].json["first_name"]
    emu.users[REQUESTER].json["first_name"] = "Margarita"  # renamed in Telegram
    await say(emu, bot, REQUESTER, "/help")
    assert (await _stored(bot, REQUESTER)).first_name == "Margarita"


async def test_someone_who_unblocks_the_bot_hears_of_their_request_again(emu, bot):
    """Blocked and unblocked, as Telegram tells it: what this process remembered of
    them (reachable, from before) neither hides the block nor outlives the unblock."""
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    emu.users[REQUESTER].block_bot()
    await bot.settle()
    await press(emu, bot, EXECUTOR, card(emu, number), "🙋 Take")
    assert "took your request" not in last(emu, REQUESTER).text  # refused: blocked
    assert (await _stored(bot, REQUESTER)).blocked
    emu.users[REQUESTER].start_bot()  # unblocked: Telegram sends my_chat_member
    await bot.settle()
    assert not (await _stored(bot, REQUESTER)).blocked
    await say(emu, bot, REQUESTER, "/my")
    await press(emu, bot, EXECUTOR, card(emu, number), "✅ Done")
    assert "has finished" in last(emu, REQUESTER).text
