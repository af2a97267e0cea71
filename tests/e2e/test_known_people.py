"""Remembering people costs nothing when nothing changed, and hides no change: a new
name reaches the database, and a person another instance marked unreachable who
writes again gets their notices."""

from sqlalchemy import update

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


async def test_someone_marked_unreachable_elsewhere_still_hears_of_their_request(emu, bot):
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    # another instance's sender got a 403 meanwhile and marked them; this process
    # has seen them since and has nothing new to write about them
    async with bot.svc.db.transaction() as session:
        await session.execute(update(User).where(User.id == REQUESTER).values(blocked=True))
    await say(emu, bot, REQUESTER, "/my")
    await press(emu, bot, EXECUTOR, card(emu, number), "🙋 Take")
    assert f"#{number}" in last(emu, REQUESTER).text and "took" in last(emu, REQUESTER).text
    await press(emu, bot, EXECUTOR, card(emu, number), "✅ Done")
    assert "has finished" in last(emu, REQUESTER).text
