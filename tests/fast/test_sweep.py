"""The scheduler's scan (core.sweep.scan) on a real database without the emulator:
reminders, breaches and escalation, the rating question, its reminder and
auto-closing — each owed exactly once, however many scans and instances look.
Request #1 is an IT "access" request filed Monday 2026-11-23 10:00 Moscow: response
due 12:00 (reminded at 75%: 11:30), resolution due Tuesday 10:00."""

from __future__ import annotations

import asyncio
import tomllib
from typing import Any

from sqlalchemy import func, select

from core.intake import create_request
from core.lifecycle import Action
from core.org import parse_org
from core.sweep import scan
from core.workflow import Press, act, rate, relay_message
from db.models import AlertSent
from tests.conftest import ADMIN, EXECUTOR, IT_CHAT, REQUESTER, ROOT, example_org
from tests.fast.conftest import PREFILED, Owed, World, later, msk

EVERY_DATABASE = True  # on PostgreSQL too: row locks, SKIP LOCKED, its own datetimes
IN_IT = Press(EXECUTOR, IT_CHAT)
ASKER = Press(REQUESTER, REQUESTER)


async def only_one(world: World) -> None:
    """Requests #2.. are cancelled: the scans are about #1 alone."""
    for number in range(2, PREFILED + 1):
        assert (await act(world.svc, number, Action.CANCEL, ASKER)).ok
    await world.settle()


def digests(owed: list[Owed]) -> list[tuple[int, Any, list[tuple[str, str | None, int]]]]:
    """The digests owed: (chat, private or mention, [(line kind, clock, request)])."""
    return [(o.chat_id, o.payload.get("mention", o.payload.get("private", False)),
             [(line["kind"], line["clock"], line["id"]) for line in o.lines])
            for o in owed if o.template == "digest"]


async def scans(*worlds: World) -> list[Owed]:
    """Each instance scans twice, then all at once; what they owe between them."""
    for world in worlds:
        await scan(world.svc)
        await scan(world.svc)
    await asyncio.gather(*(scan(w.svc) for w in worlds))
    owed = await worlds[0].owed()
    await worlds[0].settle()
    return owed


async def test_the_response_reminder_at_75_percent_once(world: World, other: World) -> None:
    await world.settle()
    later(world.clock, msk(23, 11, 29))
    assert await scans(world, other) == []
    later(world.clock, msk(23, 11, 30))
    owed = await scans(world, other)
    # one message for the department's chat with every request due
    assert digests(owed) == [(IT_CHAT, False, [("remind", "response", n)
                                               for n in range(1, PREFILED + 1)])]
    assert owed[0].lines[0]["due"] == msk(23, 12).isoformat()
    later(world.clock, msk(23, 11, 45))
    assert await scans(world, other) == []
    assert (await world.row(1)).next_alert_at == msk(23, 12)  # the breach next


async def test_a_breach_is_escalated_to_the_managers_once(world: World, other: World) -> None:
    await only_one(world)
    await world.started(ADMIN)
    later(world.clock, msk(23, 11, 30))
    await scans(world, other)
    later(world.clock, msk(23, 12))
    owed = await scans(world, other)
    assert digests(owed) == [(IT_CHAT, False, [("breach", "response", 1)]),
                             (ADMIN, True, [("escalate", "response", 1)])]
    later(world.clock, msk(23, 16))
    assert await scans(world, other) == []


async def test_a_manager_who_never_started_is_mentioned_in_the_chat(world: World,
                                                                    other: World) -> None:
    await only_one(world)
    later(world.clock, msk(23, 12))  # the scheduler was down at 11:30: no stale reminder
    owed = await scans(world, other)
    assert digests(owed) == [(IT_CHAT, False, [("breach", "response", 1)]),
                             (IT_CHAT, ADMIN, [("escalate", "response", 1)])]
    async with world.svc.db.reading() as session:
        keys = set(await session.scalars(select(AlertSent.key).where(AlertSent.request_id == 1)))
    assert {k.split(":")[1] for k in keys} == {"0.75", "breach"}  # the reminder: marked, unsent


async def test_the_resolution_breach_reaches_the_assignee(world: World, other: World) -> None:
    await only_one(world)
    await world.started(EXECUTOR)
    await world.started(ADMIN)
    later(world.clock, msk(23, 10, 30))
    assert (await act(world.svc, 1, Action.TAKE, IN_IT)).ok
    await world.settle()
    later(world.clock, msk(23, 16, 45))
    owed = await scans(world, other)
    assert digests(owed) == [(IT_CHAT, False, [("remind", "resolve", 1)]),
                             (EXECUTOR, True, [("remind", "resolve", 1)])]
    later(world.clock, msk(24, 10))
    owed = await scans(world, other)
    assert digests(owed) == [(IT_CHAT, False, [("breach", "resolve", 1)]),
                             (EXECUTOR, True, [("breach", "resolve", 1)]),
                             (ADMIN, True, [("escalate", "resolve", 1)])]


async def test_the_rating_question_reminder_and_auto_close(world: World, other: World) -> None:
    world.svc.org = other.svc.org = example_org(
        rating={"ask_after": "1h", "remind_after": "1d", "auto_close_after": "3d"})
    await only_one(world)
    later(world.clock, msk(23, 10, 30))
    assert (await act(world.svc, 1, Action.TAKE, IN_IT)).ok
    later(world.clock, msk(23, 16))
    assert (await act(world.svc, 1, Action.DONE, IN_IT)).ok
    await world.settle()
    assert (await world.row(1)).next_alert_at == msk(23, 17)

    later(world.clock, msk(23, 16, 59))
    assert await scans(world, other) == []
    later(world.clock, msk(23, 17))
    owed = await scans(world, other)
    assert [(o.chat_id, o.template, o.keyboard) for o in owed] == \
        [(REQUESTER, "rate_ask", "rate")]
    later(world.clock, msk(24, 17))  # a working day after the question
    owed = await scans(world, other)
    assert [(o.chat_id, o.template, o.keyboard) for o in owed] == \
        [(REQUESTER, "rate_remind", "rate")]
    later(world.clock, msk(26, 15, 59))
    assert [o for o in await scans(world, other) if o.request_id == 1] == []
    later(world.clock, msk(26, 16))  # three working days after the done
    owed = [o for o in await scans(world, other) if o.request_id == 1]
    assert [(o.chat_id, o.kind, o.template) for o in owed] == \
        [(IT_CHAT, "card", None), (REQUESTER, "notice", "auto_closed")]
    row = await world.row(1)
    assert (row.status, row.auto_closed, row.closed_at, row.next_alert_at) == \
        ("closed", True, msk(26, 16), None)
    assert (await rate(world.svc, 1, ASKER, 5)).refusal is not None  # too late now


async def test_a_rated_request_is_not_reminded(world: World, other: World) -> None:
    await only_one(world)
    later(world.clock, msk(23, 10, 30))
    assert (await act(world.svc, 1, Action.TAKE, IN_IT)).ok
    later(world.clock, msk(23, 16))
    assert (await act(world.svc, 1, Action.DONE, IN_IT)).ok
    assert (await rate(world.svc, 1, ASKER, 5)).ok
    await world.settle()
    # with the rating in, only the auto-close is left: Thursday 16:00
    assert (await world.row(1)).next_alert_at == msk(26, 16)
    later(world.clock, msk(24, 16))
    assert [o for o in await scans(world, other) if o.request_id == 1] == []


async def test_the_stuck_list_once_a_working_day(world: World, other: World) -> None:
    await world.settle()
    later(world.clock, msk(23, 11))
    assert (await act(world.svc, 1, Action.TAKE, IN_IT)).ok  # #1 moves; #2.. do not
    later(world.clock, msk(25, 11))  # two working days on
    await world.settle()
    for instance in (world, other):
        await scan(instance.svc)
    await asyncio.gather(scan(world.svc), scan(other.svc))
    stuck = [d for d in digests(await world.owed()) if d[2][0][0] == "stuck"]
    # the manager never started the bot: mentioned in IT's chat, with the still ones
    assert stuck == [(IT_CHAT, ADMIN, [("stuck", None, n) for n in range(2, PREFILED + 1)])]
    await world.settle()
    later(world.clock, msk(25, 17))
    await scan(other.svc)
    assert [d for d in digests(await world.owed()) if d[2][0][0] == "stuck"] == []


async def test_concurrent_scans_claim_each_alert_once(world: World, other: World) -> None:
    await world.settle()
    later(world.clock, msk(23, 12))
    await asyncio.gather(scan(world.svc), scan(other.svc), scan(world.svc), scan(other.svc))
    async with world.svc.db.reading() as session:
        marks = await session.scalar(select(func.count()).select_from(AlertSent))
    owed = digests(await world.owed())
    breaches = [line for _, _, lines in owed for line in lines if line[0] == "breach"]
    assert sorted(breaches) == [("breach", "response", n) for n in range(1, PREFILED + 1)]
    assert marks == 2 * PREFILED  # each request's breach, and its stale reminder


async def test_a_question_on_an_overdue_request_does_not_escalate_it_again(
        world: World, other: World) -> None:
    await only_one(world)
    await world.started(ADMIN)
    later(world.clock, msk(23, 10, 30))
    assert (await act(world.svc, 1, Action.TAKE, IN_IT)).ok
    later(world.clock, msk(24, 10))  # the resolution is due now
    first = await scans(world, other)
    assert (ADMIN, True, [("escalate", "resolve", 1)]) in digests(first)
    later(world.clock, msk(24, 11))
    assert (await act(world.svc, 1, Action.NEED_INFO, IN_IT, reason="?")).ok
    later(world.clock, msk(24, 12))
    assert (await relay_message(world.svc, 1, Press(REQUESTER, REQUESTER, 80), text="!")).ok
    await world.settle()
    assert (await world.row(1)).resolve_due_at == msk(24, 11)  # still an hour late
    later(world.clock, msk(24, 12, 1))
    assert [d for d in digests(await scans(world, other)) if d[0] == ADMIN] == []


async def test_an_unanswered_approval_is_reminded_once_then_the_admins(world: World,
                                                                        other: World) -> None:
    """Two instances scanning at once: one reminder per approver, then one notice per
    admin (SPEC §5 "Approvals")."""
    data = tomllib.loads((ROOT / "core" / "org.example.toml").read_text(encoding="utf-8"))
    data["departments"][0]["request_types"][0].update(approvers=[5101, 5102],
                                                      approval_remind="2h")
    world.svc.org = other.svc.org = parse_org(data)
    await only_one(world)
    dept = world.svc.org.department("it")
    assert dept is not None
    async with world.svc.db.transaction() as session:  # Monday 10:00
        request, _ = await create_request(session, world.svc, REQUESTER, dept,
                                          dept.request_types[0], [], "normal", None)
    await world.settle()
    later(world.clock, msk(23, 11, 59))
    assert [o for o in await scans(world, other) if o.request_id == request.id] == []
    later(world.clock, msk(23, 12))
    owed = [(o.chat_id, o.template) for o in await scans(world, other)
            if o.request_id == request.id]
    assert owed == [(5101, "approval_remind"), (5102, "approval_remind")]
    later(world.clock, msk(23, 14))
    owed = [(o.chat_id, o.template, o.args.get("names")) for o in await scans(world, other)
            if o.request_id == request.id]
    assert owed == [(ADMIN, "approval_escalated", "id 5101, id 5102")]
    later(world.clock, msk(24, 14))
    assert [o for o in await scans(world, other) if o.request_id == request.id] == []
    async with world.svc.db.reading() as session:
        sent = await session.scalar(select(func.count()).select_from(AlertSent)
                                    .where(AlertSent.request_id == request.id))
    assert sent == 2
