"""/stats and /export as a manager sees them, and refusals for everyone else."""

from tests.conftest import ADMIN, EXECUTOR, IT_CHAT, OUTSIDER, REQUESTER
from tests.e2e.flows import bind, card, file_access_request, last, press, say


async def history(emu, bot):
    await bind(emu, bot)
    number = await file_access_request(emu, bot, system="VPN <corp> & co")
    await press(emu, bot, EXECUTOR, card(emu, number), "🙋 Take")
    await press(emu, bot, EXECUTOR, card(emu, number), "✅ Done")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "5")
    await file_access_request(emu, bot)
    return number


async def test_manager_gets_figures_chart_and_flows(emu, bot):
    await history(emu, bot)
    emu.users[ADMIN].send(ADMIN, "/stats 7 it")
    await bot.settle()
    messages = emu.bot_messages(ADMIN)
    it = next(m.text for m in messages if m.text.startswith("📊 IT"))
    assert "last 7 days" in it
    assert "Created 2 · taken 1 · done 1" in it
    assert "Open now: 2 (🆕 1 · 🛠 0 · ⏸ 0 · 👀 1)" in it
    assert "⭐ Rating 5.0 from 1 rating · CSAT 100%" in it
    assert "Egor Executor: 0 · 1" in it
    assert any(m.text.startswith("🔀 Who asks whom") and "other → IT: 2" in m.text
               for m in messages)
    photo = messages[-1]
    assert photo.kind == "photo"


async def test_export_is_a_csv_with_a_bom(emu, bot):
    number = await history(emu, bot)
    emu.users[ADMIN].send(ADMIN, "/export")
    await bot.settle()
    document = last(emu, ADMIN)
    assert document.kind == "document"
    assert "Requests of IT, HR, Finance" in document.text
    data = emu.file_bytes(document)
    assert data.startswith("\ufeff".encode())
    text = data.decode("utf-8-sig")
    header, first = text.splitlines()[:2]
    assert header.startswith("number,created,department,type")
    assert first.startswith(f"{number},2026-11-23 10:00,IT,Access to a system")
    assert "VPN <corp> & co" in first and ",5," in first


async def test_everyone_else_is_refused_without_figures(emu, bot):
    await history(emu, bot)
    for user, chat in ((OUTSIDER, OUTSIDER), (EXECUTOR, IT_CHAT), (REQUESTER, REQUESTER)):
        answer = await say(emu, bot, user, "/stats", chat)
        assert "Statistics are for the department's managers" in answer.text
        answer = await say(emu, bot, user, "/export 30", chat)
        refusal = "in a private chat only" if chat == IT_CHAT \
            else "Statistics are for the department's managers"  # no export in a group
        assert refusal in answer.text
    assert not [m for m in emu.bot_messages(OUTSIDER) if m.kind in ("photo", "document")]


async def test_bad_arguments_get_usage(emu, bot):
    answer = await say(emu, bot, ADMIN, "/stats 0")
    assert "Usage: /stats [days] [department]" in answer.text
    answer = await say(emu, bot, ADMIN, "/stats nowhere")
    assert "There is no department «nowhere»" in answer.text


async def test_an_empty_period_still_answers(emu, bot):
    emu.users[ADMIN].send(ADMIN, "/stats 1 finance")
    await bot.settle()
    texts = [m.text for m in emu.bot_messages(ADMIN)]
    assert any("Created 0 · taken 0 · done 0" in t and "No ratings" in t for t in texts)
    assert emu.bot_messages(ADMIN)[-1].kind == "photo"
    answer = await say(emu, bot, ADMIN, "/export 1 finance")
    assert "No requests were filed in the last day." in answer.text
