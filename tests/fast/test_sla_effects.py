"""Each action's effect on the SLA columns of the row, with exact values from the
FakeClock and the working calendar (Mon–Fri 09:00–18:00 Moscow), and the outbox rows
it owes. Requests #1.. are IT "access" requests: response 2h, resolve 1d = 9 working
hours, filed Monday 2026-11-23 10:00 (response due 12:00, resolution Tuesday 10:00)."""

from __future__ import annotations

import asyncio

from sqlalchemy import select

from core.lifecycle import Action, Refusal, Status
from core.workflow import (
    Press,
    act,
    awaited_reason,
    begin_input,
    comment,
    give_reason,
    prompt_shown,
    rate,
    relay_message,
)
from db.models import Rating, RequestEvent
from tests.conftest import ADMIN, EXECUTOR, EXECUTOR2, HR_CHAT, IT_CHAT, REQUESTER
from tests.fast.conftest import World, later, msk

H = 3600
EVERY_DATABASE = True  # on PostgreSQL too: row locks, SKIP LOCKED, its own datetimes
IN_IT = Press(EXECUTOR, IT_CHAT)
ASKER = Press(REQUESTER, REQUESTER)


def said(owed: list) -> list[tuple[int, str, str | None]]:  # type: ignore[type-arg]
    """Who is owed what: (chat, kind, template)."""
    return [(o.chat_id, o.kind, o.template) for o in owed]


async def taken(world: World, at: tuple[int, int, int] = (23, 10, 30), number: int = 1) -> None:
    later(world.clock, msk(*at))
    assert (await act(world.svc, number, Action.TAKE, IN_IT)).ok


async def test_filing_starts_both_clocks_and_owes_the_card(world: World) -> None:
    row = await world.row(1)
    assert (row.status, row.response_seconds, row.resolve_seconds) == ("new", 2 * H, 9 * H)
    assert (row.response_due_at, row.resolve_due_at) == (msk(23, 12), msk(24, 10))
    assert row.next_alert_at == msk(23, 11, 30)  # 75% of the response SLA
    owed = [o for o in await world.owed() if o.request_id == 1]
    assert said(owed) == [(REQUESTER, "notice", "submitted"), (IT_CHAT, "card", None)]


async def test_take_in_time_meets_the_response_sla(world: World) -> None:
    await world.settle()
    await taken(world)
    row = await world.row(1)
    assert (row.status, row.assignee_id, row.taken_at) == ("in_progress", EXECUTOR,
                                                            msk(23, 10, 30))
    assert (row.take_work_s, row.response_met) == (1800, True)
    # no response alerts once taken: the next is the resolution reminder, 75% of 9h
    assert row.next_alert_at == msk(23, 16, 45)  # 6h45m after 10:00
    owed = await world.owed()
    assert said(owed) == [(IT_CHAT, "card", None), (REQUESTER, "notice", "taken")]
    assert owed[1].args["actor_id"] == EXECUTOR


async def test_take_counts_working_time_only_and_only_the_first_take(world: World) -> None:
    later(world.clock, msk(23, 17))
    number = await world.file(REQUESTER)
    assert (await world.row(number)).response_due_at == msk(24, 10)  # 1h today, 1h tomorrow
    await taken(world, (24, 10, 30), number)
    row = await world.row(number)
    assert (row.take_work_s, row.response_met) == (2.5 * H, False)  # 17–18, 09–10:30
    later(world.clock, msk(24, 11))
    assert (await act(world.svc, number, Action.RELEASE, IN_IT)).ok
    later(world.clock, msk(24, 12))
    assert (await act(world.svc, number, Action.TAKE, Press(EXECUTOR2, IT_CHAT))).ok
    again = await world.row(number)
    assert (again.assignee_id, again.taken_at, again.take_work_s, again.response_met) == \
        (EXECUTOR2, msk(24, 10, 30), 2.5 * H, False)


async def test_two_instances_pressing_take_at_once_change_it_once(world: World,
                                                                  other: World) -> None:
    await world.settle()
    later(world.clock, msk(23, 10, 30))
    one, two = await asyncio.gather(
        act(world.svc, 1, Action.TAKE, Press(EXECUTOR, IT_CHAT, update_id=11)),
        act(other.svc, 1, Action.TAKE, Press(EXECUTOR2, IT_CHAT, update_id=12)))
    assert sorted([one.refusal is None, two.refusal is None]) == [False, True]
    lost = two if one.ok else one
    winner = EXECUTOR if one.ok else EXECUTOR2
    assert lost.refusal is Refusal.WRONG_STATE
    assert lost.first is not None and lost.first.actor_id == winner
    assert (await world.row(1)).assignee_id == winner
    assert said(await world.owed()) == [(IT_CHAT, "card", None), (REQUESTER, "notice", "taken")]


async def test_need_info_pauses_the_resolution_and_the_answer_resumes_it(world: World) -> None:
    await taken(world)
    later(world.clock, msk(23, 11))
    await world.settle()
    asked = await act(world.svc, 1, Action.NEED_INFO, IN_IT, reason="Which CRM?")
    assert asked.ok
    row = await world.row(1)
    # 11:00–18:00 today and 09:00–10:00 tomorrow were left
    assert (row.status, row.resolve_remaining_s, row.next_alert_at) == ("waiting", 8 * H, None)
    owed = await world.owed()
    assert said(owed) == [(IT_CHAT, "card", None), (REQUESTER, "notice", "question")]
    assert owed[1].args == {"actor_id": EXECUTOR, "text": "Which CRM?"}

    later(world.clock, msk(23, 15))  # four working hours of waiting do not count
    await world.settle()
    answer = await relay_message(world.svc, 1, Press(REQUESTER, REQUESTER, 77), text="Sales")
    assert (answer.ok, answer.answered, answer.relayed_to) == (True, True, "department")
    row = await world.row(1)
    assert (row.status, row.resolve_remaining_s) == ("in_progress", None)
    assert row.resolve_due_at == msk(24, 14)  # 15:00–18:00 + 09:00–14:00 = 8h
    assert row.next_alert_at == msk(24, 11, 45)  # 2h15m (25% of 9h) before it
    assert said(await world.owed()) == [(IT_CHAT, "card", None), (IT_CHAT, "relay", None)]


async def test_done_stops_the_resolution_clock_and_judges_it(world: World) -> None:
    await taken(world)
    later(world.clock, msk(23, 16))
    await world.settle()
    assert (await act(world.svc, 1, Action.DONE, IN_IT)).ok
    row = await world.row(1)
    assert (row.status, row.done_at) == ("on_review", msk(23, 16))
    assert (row.resolve_remaining_s, row.finish_work_s, row.resolve_met) == (3 * H, 6 * H, True)
    # asked with the done notice (ask_after 0s): next, the rating reminder a working day on
    assert row.next_alert_at == msk(24, 16)
    owed = await world.owed()
    assert said(owed) == [(IT_CHAT, "card", None), (REQUESTER, "notice", "done")]
    assert owed[1].keyboard == "review"


async def test_done_late_is_a_missed_resolution(world: World) -> None:
    await taken(world)
    later(world.clock, msk(24, 11))
    assert (await act(world.svc, 1, Action.DONE, IN_IT)).ok
    row = await world.row(1)
    assert (row.resolve_remaining_s, row.finish_work_s, row.resolve_met) == (-H, 10 * H, False)


async def test_done_while_waiting_keeps_the_paused_time(world: World) -> None:
    await taken(world)
    later(world.clock, msk(23, 11))
    assert (await act(world.svc, 1, Action.NEED_INFO, IN_IT, reason="?")).ok
    later(world.clock, msk(25, 17))  # two days of waiting
    assert (await act(world.svc, 1, Action.DONE, IN_IT)).ok
    row = await world.row(1)
    assert (row.resolve_remaining_s, row.finish_work_s, row.resolve_met) == (8 * H, H, True)


async def test_reopen_resumes_where_done_stopped_and_drops_the_rating(world: World) -> None:
    await taken(world)
    later(world.clock, msk(23, 16))
    assert (await act(world.svc, 1, Action.DONE, IN_IT)).ok
    assert (await rate(world.svc, 1, ASKER, 2)).ok
    later(world.clock, msk(24, 9, 30))
    await world.settle()
    assert (await act(world.svc, 1, Action.REOPEN, ASKER)).ok
    row = await world.row(1)
    assert (row.status, row.done_at, row.reopens, row.resolve_remaining_s) == \
        ("in_progress", None, 1, None)
    assert row.resolve_due_at == msk(24, 12, 30)  # the 3h left when it was done
    assert row.assignee_id == EXECUTOR
    async with world.svc.db.reading() as session:
        assert await session.get(Rating, 1) is None
    owed = await world.owed()
    assert said(owed) == [(IT_CHAT, "card", None), (IT_CHAT, "notice", "reopened")]
    assert owed[1].reply_to_card and owed[1].args["actor_id"] == REQUESTER

    later(world.clock, msk(24, 12))
    assert (await act(world.svc, 1, Action.DONE, IN_IT)).ok
    again = await world.row(1)
    assert (again.done_at, again.finish_work_s, again.resolve_met) == \
        (msk(24, 12), 9 * H - 0.5 * H, True)


async def test_release_gives_a_fresh_response_clock(world: World) -> None:
    await taken(world)
    later(world.clock, msk(23, 11))
    await world.settle()
    assert (await act(world.svc, 1, Action.RELEASE, IN_IT)).ok
    row = await world.row(1)
    assert (row.status, row.assignee_id, row.response_due_at) == ("new", None, msk(23, 13))
    assert row.resolve_due_at == msk(24, 10)  # the resolution clock ran on
    assert row.next_alert_at == msk(23, 12, 30)
    assert said(await world.owed()) == [(IT_CHAT, "card", None),
                                        (REQUESTER, "notice", "released")]


async def test_release_while_waiting_resumes_the_resolution(world: World) -> None:
    await taken(world)
    later(world.clock, msk(23, 11))
    assert (await act(world.svc, 1, Action.NEED_INFO, IN_IT, reason="?")).ok
    later(world.clock, msk(23, 15))
    assert (await act(world.svc, 1, Action.RELEASE, IN_IT)).ok
    row = await world.row(1)
    assert (row.status, row.resolve_remaining_s, row.resolve_due_at, row.response_due_at) == \
        ("new", None, msk(24, 14), msk(23, 17))


async def test_transfer_moves_it_with_a_fresh_response_clock(world: World) -> None:
    later(world.clock, msk(23, 11))
    await world.settle()
    assert (await act(world.svc, 1, Action.TRANSFER, IN_IT, reason="HR's",
                      to_department="hr")).ok
    row = await world.row(1)
    assert (row.status, row.department_key, row.transfers, row.assignee_id) == \
        ("new", "hr", 1, None)
    assert row.response_due_at == msk(23, 13)
    owed = await world.owed()
    assert said(owed) == [(HR_CHAT, "card", None), (IT_CHAT, "card", None),
                          (REQUESTER, "notice", "transferred")]
    assert owed[2].args == {"actor_id": EXECUTOR, "department": "hr", "text": "HR's"}
    async with world.svc.db.reading() as session:
        event = await session.scalar(select(RequestEvent).where(
            RequestEvent.request_id == 1, RequestEvent.kind == "transfer"))
    assert event is not None
    assert (event.from_department, event.to_department, event.reason) == ("it", "hr", "HR's")


async def test_transfer_to_a_department_without_a_chat_tells_the_admins(world: World) -> None:
    await world.settle()
    assert (await act(world.svc, 1, Action.TRANSFER, IN_IT, reason="money",
                      to_department="finance")).ok
    assert said(await world.owed()) == [(IT_CHAT, "card", None),
                                        (REQUESTER, "notice", "transferred"),
                                        (ADMIN, "notice", "unbound")]


async def test_accept_closes_and_tells_the_department(world: World) -> None:
    await taken(world)
    later(world.clock, msk(23, 16))
    assert (await act(world.svc, 1, Action.DONE, IN_IT)).ok
    later(world.clock, msk(24, 9, 15))
    await world.settle()
    assert (await act(world.svc, 1, Action.ACCEPT, ASKER)).ok
    row = await world.row(1)
    assert (row.status, row.closed_at, row.done_at) == ("closed", msk(24, 9, 15), msk(23, 16))
    # the rating may still come: its reminder one working day after the done
    assert row.next_alert_at == msk(24, 16)
    owed = await world.owed()
    assert said(owed) == [(IT_CHAT, "card", None), (IT_CHAT, "notice", "accepted")]
    assert owed[1].reply_to_card


async def test_reject_and_cancel_close(world: World) -> None:
    later(world.clock, msk(23, 10, 15))
    await world.settle()
    assert (await act(world.svc, 1, Action.REJECT, IN_IT, reason="no such system")).ok
    assert (await act(world.svc, 2, Action.CANCEL, ASKER)).ok
    one, two = await world.row(1), await world.row(2)
    assert (one.status, one.closed_at, one.next_alert_at) == ("rejected", msk(23, 10, 15), None)
    assert (two.status, two.closed_at, two.next_alert_at) == ("cancelled", msk(23, 10, 15), None)
    owed = await world.owed()
    assert said(owed) == [(IT_CHAT, "card", None), (REQUESTER, "notice", "rejected"),
                          (IT_CHAT, "card", None), (REQUESTER, "notice", "cancelled"),
                          (IT_CHAT, "notice", "group_cancelled")]
    assert owed[1].args == {"actor_id": EXECUTOR, "text": "no such system"}


async def test_a_reason_asked_for_then_given(world: World) -> None:
    await taken(world)
    stranger_ask = await begin_input(world.svc, 1, Action.NEED_INFO, Press(EXECUTOR2, IT_CHAT))
    assert stranger_ask.refusal is not None
    assert (await begin_input(world.svc, 1, Action.NEED_INFO, IN_IT)).ok
    await prompt_shown(world.svc, IN_IT, 900)
    assert await awaited_reason(world.svc, IT_CHAT, EXECUTOR, 901) is None
    pending = await awaited_reason(world.svc, IT_CHAT, EXECUTOR, 900)
    assert pending is not None
    assert (await give_reason(world.svc, pending, IN_IT, "Which one?")).ok
    assert (await world.row(1)).status == "waiting"
    assert await awaited_reason(world.svc, IT_CHAT, EXECUTOR, 900) is None


async def test_a_rating_and_its_comment(world: World) -> None:
    await taken(world)
    assert (await rate(world.svc, 1, ASKER, 5)).refusal is not None  # not done yet
    later(world.clock, msk(23, 16))
    assert (await act(world.svc, 1, Action.DONE, IN_IT)).ok
    await world.settle()
    assert (await rate(world.svc, 1, Press(EXECUTOR, REQUESTER), 5)).refusal is not None
    assert (await rate(world.svc, 1, ASKER, 4)).ok
    said_ = await comment(world.svc, REQUESTER, "quick, thanks", reply_to=None)
    assert said_ is not None and said_.ok
    async with world.svc.db.reading() as session:
        rating = await session.get(Rating, 1)
    assert rating is not None
    assert (rating.score, rating.comment, rating.assignee_id) == (4, "quick, thanks", EXECUTOR)
    # the executor hears of the rating, then of its comment; the card's edits coalesce
    assert said(await world.owed()) == [(EXECUTOR, "notice", "rating_told.rated"),
                                        (IT_CHAT, "card", None),
                                        (EXECUTOR, "notice", "rating_told.rated_comment")]
    assert (await world.row(1)).status == Status.ON_REVIEW.value


async def test_a_reopen_ends_the_comment_awaited_for_the_dropped_rating(world: World) -> None:
    await taken(world)
    later(world.clock, msk(23, 16))
    assert (await act(world.svc, 1, Action.DONE, IN_IT)).ok
    assert (await rate(world.svc, 1, ASKER, 2)).ok
    later(world.clock, msk(23, 16, 5))
    assert (await act(world.svc, 1, Action.REOPEN, ASKER)).ok
    # not a comment any more: the message goes on (to the form, or its hint)
    assert await comment(world.svc, REQUESTER, "it still fails", reply_to=None) is None
