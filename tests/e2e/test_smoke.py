from tests.conftest import ADMIN, IT_CHAT, REQUESTER


async def test_start_and_bind(emu, bot):
    emu.users[REQUESTER].send(REQUESTER, "/start")
    await bot.settle()
    assert "Baton" in emu.last_bot_message(REQUESTER).text
    emu.users[ADMIN].send(IT_CHAT, "/bind it")
    await bot.settle()
    assert "IT" in emu.last_bot_message(IT_CHAT).text
