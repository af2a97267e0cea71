"""Departments that assign by themselves (SPEC §5): ``assign = "least_loaded"`` or
``"round_robin"`` gives a new request to an executor at once, skipping people away."""

from __future__ import annotations

import tomllib

import pytest
from sqlalchemy import select

from core.org import OrgConfig, parse_org
from db.models import Request
from tests.conftest import EXECUTOR, EXECUTOR2, IT_CHAT, REQUESTER, ROOT
from tests.e2e.flows import bind, card, file_access_request, last, say


def org_assigning(mode: str) -> OrgConfig:
    data = tomllib.loads((ROOT / "core" / "org.example.toml").read_text(encoding="utf-8"))
    data["organization"]["language"] = "en"
    data["departments"][0]["assign"] = mode
    return parse_org(data)


@pytest.fixture
def org(request: pytest.FixtureRequest) -> OrgConfig:
    return org_assigning(getattr(request, "param", "least_loaded"))


async def assignees(bot) -> list[int | None]:
    async with bot.svc.db.reading() as session:
        return list(await session.scalars(select(Request.assignee_id).order_by(Request.id)))


@pytest.fixture
async def started(emu, bot):
    await bind(emu, bot)
    for person in (EXECUTOR, EXECUTOR2):
        await say(emu, bot, person, "/start")


async def test_least_loaded_gives_each_new_request_to_the_least_busy(emu, bot, started):
    first = await file_access_request(emu, bot)
    await file_access_request(emu, bot)
    await file_access_request(emu, bot)
    # a tie goes to the one listed first in the organisation file
    assert await assignees(bot) == [EXECUTOR, EXECUTOR2, EXECUTOR]
    shown = card(emu, first)
    assert "Assignee: Egor Executor" in shown.text and "in progress" in shown.text
    assert f"📌 #{first} «Access to a system» (IT) is assigned to you." in [
        m.text for m in emu.bot_messages(EXECUTOR)]
    assert any(f"Egor Executor (IT) took your request #{first}" in m.text
               for m in emu.bot_messages(REQUESTER))
    async with bot.svc.db.reading() as session:
        request = await session.get(Request, first)
        assert request.taken_at is not None and request.response_met is True


@pytest.mark.parametrize("org", ["round_robin"], indirect=True)
async def test_round_robin_takes_turns(emu, bot, started):
    for _ in range(3):
        await file_access_request(emu, bot)
    assert await assignees(bot) == [EXECUTOR, EXECUTOR2, EXECUTOR]


@pytest.mark.parametrize("org", ["round_robin", "least_loaded"], indirect=True)
async def test_auto_assignment_skips_people_away(emu, bot, started):
    reply = await say(emu, bot, EXECUTOR, "/away 23.11.2026-25.11.2026")
    assert reply.text.startswith("🌴 You are away from 23.11.2026 to 25.11.2026.")
    for _ in range(2):
        await file_access_request(emu, bot)
    assert await assignees(bot) == [EXECUTOR2, EXECUTOR2]
    await say(emu, bot, EXECUTOR, "/back")
    await file_access_request(emu, bot)
    assert (await assignees(bot))[-1] == EXECUTOR


async def test_nobody_present_leaves_the_request_in_the_queue(emu, bot, started):
    for person in (EXECUTOR, EXECUTOR2):
        await say(emu, bot, person, "/away 23.11.2026-23.11.2026")
    number = await file_access_request(emu, bot)
    assert await assignees(bot) == [None]
    assert "🙋 Take" in [text for row in card(emu, number).buttons for text, _ in row]
    assert last(emu, IT_CHAT).text.startswith(f"#{number} ·")
