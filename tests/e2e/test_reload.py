"""Reloading the organisation file without a restart (SPEC §5 "Languages"): a valid
file takes effect at once, a wrong one is refused with the one-line error `baton run`
gives and the running file stays; the admins are told privately, once."""

import asyncio
import os
import signal
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from bot.harness import BotUnderTest
from bot.reload import reload_here
from core.org import OrgError, load_org
from db.models import Instance, OrgVersion, Request
from tests.conftest import ADMIN, IT_CHAT, REQUESTER, ROOT
from tests.e2e.flows import (
    bind,
    button_texts,
    card,
    file_access_request,
    last,
    press,
    say,
    skip_watchers,
)

EXAMPLE = (ROOT / "core" / "org.example.toml").read_text(encoding="utf-8").replace(
    'language = "ru"', 'language = "en"', 1)
PRINTER = '''
[[departments.request_types]]
key = "printer"
name = "Printer jammed"
response = "30m"
resolve = "4h"
'''


def with_printer(text: str) -> str:
    """IT gets a third request type (put before HR, the second department)."""
    marker = "# " + "-" * 64 + " HR"
    head, hr = text.split(marker)
    return head + PRINTER + "\n" + marker + hr


@pytest.fixture
def org_path(tmp_path):
    path = tmp_path / "org.toml"
    path.write_text(EXAMPLE, encoding="utf-8")
    return path


@pytest.fixture
async def bot(emu, database_url, org, clock, org_path):
    runner = BotUnderTest(emu, database_url, org, clock, org_path=org_path)
    await runner.start()
    yield runner
    await runner.stop()


def admin_notices(emu):
    return [m.text for m in emu.bot_messages(ADMIN) if "organisation file" in m.text]


async def test_a_valid_file_takes_effect_at_once_and_open_requests_keep_deadlines(
        emu, bot, org_path, clock):
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    async with bot.svc.db.reading() as session:
        due = (await session.get(Request, number)).resolve_due_at
    first = bot.svc.org_version
    assert first is not None

    # the SLA of the type changes too: open requests keep theirs
    org_path.write_text(with_printer(EXAMPLE).replace('resolve = "1d"', 'resolve = "3d"', 1),
                        encoding="utf-8")
    os.kill(os.getpid(), signal.SIGHUP)  # what `kill -HUP` does to the running bot
    for _ in range(200):
        if bot.svc.org_version != first:
            break
        await asyncio.sleep(0.02)
    await bot.settle()
    assert bot.svc.org_version == first + 1
    [told] = admin_notices(emu)
    assert f"version {first + 1} runs now" in told and "SIGHUP" in told

    types = await say(emu, bot, REQUESTER, "/new")
    await press(emu, bot, REQUESTER, types, "IT")
    assert "Printer jammed" in button_texts(last(emu, REQUESTER))
    async with bot.svc.db.reading() as session:
        assert (await session.get(Request, number)).resolve_due_at == due
    assert "Status:" in card(emu, number, IT_CHAT).text

    # the same file again: nothing new, nobody told twice
    await reload_here(bot.app)
    await bot.settle()
    assert len(admin_notices(emu)) == 1


async def test_a_wrong_file_is_refused_and_the_running_one_stays(emu, bot, org_path):
    running = bot.svc.org_version
    org_path.write_text(with_printer(EXAMPLE).replace('resolve = "4h"', 'resolve = "4x"'),
                        encoding="utf-8")
    recorded = await reload_here(bot.app)
    await bot.settle()
    with pytest.raises(OrgError) as at_start:  # the line `baton run` prints
        load_org(org_path)
    assert recorded.error == str(at_start.value)
    assert recorded.error.startswith("departments[0].request_types[2].resolve: '4x' is not a")
    assert bot.svc.org_version == running
    [told] = admin_notices(emu)
    assert "was not reloaded" in told and f"version {running} keeps running" in told
    assert "departments[0].request_types[2].resolve: '4x' is not a duration" in told
    # the running file goes on: no printer type
    asked = await say(emu, bot, REQUESTER, "/new")
    await press(emu, bot, REQUESTER, asked, "IT")
    assert "Printer jammed" not in button_texts(last(emu, REQUESTER))
    # told once, however often it is tried
    await reload_here(bot.app)
    await bot.settle()
    assert len(admin_notices(emu)) == 1


async def test_a_form_whose_type_is_gone_is_handled_as_after_a_restart(emu, bot, org_path):
    asked = await say(emu, bot, REQUESTER, "/new")
    await press(emu, bot, REQUESTER, asked, "IT")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Access to a system")
    assert "Which system?" in last(emu, REQUESTER).text
    # IT's "access" type is renamed away in the new file
    org_path.write_text(EXAMPLE.replace('key = "access"', 'key = "access2"', 1),
                        encoding="utf-8")
    await reload_here(bot.app)
    await bot.settle()
    reply = await say(emu, bot, REQUESTER, "1C")
    assert reply.text == ("The organisation's settings changed while you were filling the "
                          "form. Please start again with /new.")
    # a new form offers what the new file has
    await say(emu, bot, REQUESTER, "/new")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "IT")
    assert "Access to a system" in button_texts(last(emu, REQUESTER))


async def test_a_form_goes_on_over_a_reload_that_keeps_its_type(emu, bot, org_path):
    asked = await say(emu, bot, REQUESTER, "/new")
    await press(emu, bot, REQUESTER, asked, "IT")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Access to a system")
    org_path.write_text(with_printer(EXAMPLE), encoding="utf-8")
    await reload_here(bot.app)
    level = await say(emu, bot, REQUESTER, "1C")
    assert "Access level" in level.text


async def test_the_poll_says_which_version_each_instance_runs(emu, bot, clock):
    clock.advance(timedelta(minutes=1))
    from bot.reload import follow

    assert not await follow(bot.app)  # nothing new
    async with bot.svc.db.reading() as session:
        rows = (await session.scalars(select(Instance))).all()
        versions = await session.scalar(select(func.count()).select_from(OrgVersion))
    assert versions == 1
    [me] = rows
    assert me.id == bot.svc.instance and me.version_id == bot.svc.org_version
    assert me.seen_at == clock.now()


COST_CENTRE = '''[[departments.request_types.fields]]
key = "cost"
label = "Cost centre?"
type = "text"

'''


def with_cost_centre(text: str) -> str:
    """IT's access type asks for a cost centre first (a required field before the rest)."""
    first = '[[departments.request_types.fields]]\nkey = "system"'
    return text.replace(first, COST_CENTRE + first, 1)


async def stored_answers(bot):
    async with bot.svc.db.reading() as session:
        request = (await session.scalars(select(Request))).one()
    return {a["key"]: a["value"] for a in request.answers}


async def test_a_field_added_before_the_current_one_is_asked_and_nothing_misfiled(
        emu, bot, org_path):
    asked = await say(emu, bot, REQUESTER, "/new")
    await press(emu, bot, REQUESTER, asked, "IT")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Access to a system")
    await say(emu, bot, REQUESTER, "1C")  # "Which system?" answered; "Access level" asked
    org_path.write_text(with_cost_centre(EXAMPLE), encoding="utf-8")
    await reload_here(bot.app)
    await bot.settle()
    # the new required question comes first; the answer given is not filed under it
    asked = await say(emu, bot, REQUESTER, "CC-42")
    assert "Access level" in asked.text or "Cost centre" in asked.text
    while "Needed by" not in last(emu, REQUESTER).text:
        question = last(emu, REQUESTER).text
        if "Cost centre" in question:
            await say(emu, bot, REQUESTER, "CC-42")
        elif "Access level" in question:
            await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Write")
        elif "Which system" in question:
            await say(emu, bot, REQUESTER, "1C")
        else:
            raise AssertionError(question)
    for button in ("Skip", "Normal"):
        await press(emu, bot, REQUESTER, last(emu, REQUESTER), button)
    await skip_watchers(emu, bot)
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "✅ Send")
    assert await stored_answers(bot) == {"cost": "CC-42", "system": "1C", "level": "Write",
                                         "deadline": None}


async def test_a_summary_waits_for_a_required_field_added_meanwhile(emu, bot, org_path):
    asked = await say(emu, bot, REQUESTER, "/new")
    await press(emu, bot, REQUESTER, asked, "IT")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Access to a system")
    await say(emu, bot, REQUESTER, "1C")
    for button in ("Write", "Skip", "Normal"):
        await press(emu, bot, REQUESTER, last(emu, REQUESTER), button)
    await skip_watchers(emu, bot)
    summary = last(emu, REQUESTER)
    assert "✅ Send" in button_texts(summary)
    org_path.write_text(with_cost_centre(EXAMPLE), encoding="utf-8")
    await reload_here(bot.app)
    await bot.settle()
    await press(emu, bot, REQUESTER, summary, "✅ Send")
    assert "Cost centre?" in last(emu, REQUESTER).text
    async with bot.svc.db.reading() as session:
        assert await session.scalar(select(func.count()).select_from(Request)) == 0
    await say(emu, bot, REQUESTER, "CC-7")  # then straight back to the summary
    assert "✅ Send" in button_texts(last(emu, REQUESTER))
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "✅ Send")
    assert await stored_answers(bot) == {"cost": "CC-7", "system": "1C", "level": "Write",
                                         "deadline": None}
