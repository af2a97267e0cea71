"""/away and /back: an executor away for some days (SPEC §5 "Assigning").

Auto-assignment skips people away (core.assigning); on the first day of a period,
in the organisation's timezone, the scheduler's scan gives their open requests to
the deputy or back to the queue (:func:`hand_overs`). The period is marked handed
over in the same transaction, conditionally: a restart or a second instance never
moves the work twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from core.assigning import today
from core.context import Services
from core.workflow import hand_over
from db import executors, requests, users

_PERIOD = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})\s*[-–—]\s*(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_DEPUTY_ID = re.compile(r"^[1-9][0-9]{0,15}$")
_USERNAME = re.compile(r"^@([A-Za-z0-9_]{4,32})$")


@dataclass(frozen=True)
class Answer:
    """What to tell the person: locale keys under ``away.`` and their values;
    ``usage`` adds how the command is written."""

    keys: tuple[str, ...]
    values: dict[str, Any] = field(default_factory=dict)
    usage: bool = False


def parse_period(text: str) -> tuple[date, date] | None:
    match = _PERIOD.match(text.strip())
    if match is None:
        return None
    d1, m1, y1, d2, m2, y2 = (int(g) for g in match.groups())
    try:
        return date(y1, m1, d1), date(y2, m2, d2)
    except ValueError:
        return None


async def is_executor(svc: Services, user_id: int) -> bool:
    """Works for some department: listed in the file (as executor or manager) or seen
    pressing its card's buttons."""
    if any(user_id in d.executors or user_id in d.managers for d in svc.org.departments):
        return True
    async with svc.db.reading() as session:
        return any([user_id in await executors.listed(session, d.key)
                    for d in svc.org.departments])


async def go_away(svc: Services, user_id: int, args: list[str]) -> Answer:
    """``/away DD.MM.YYYY-DD.MM.YYYY [@deputy or id]``."""
    if not await is_executor(svc, user_id):
        return Answer(("not_executor",))
    if not args or len(args) > 2:
        return Answer((), usage=True)
    period = parse_period(args[0])
    if period is None:
        return Answer(("bad_dates",), {"text": args[0]}, usage=True)
    starts, ends = period
    now = svc.clock.now()
    if ends < starts:
        return Answer(("end_before_start",), usage=True)
    if ends < today(svc.org, now):
        return Answer(("past",), usage=True)
    deputy: int | None = None
    deputy_name: Any = None
    async with svc.db.transaction() as session:
        if len(args) == 2:
            named = args[1]
            found = None
            if _USERNAME.match(named):
                found = await users.by_username(session, named[1:])
            elif _DEPUTY_ID.match(named):
                found = (await users.get_users(session, {int(named)})).get(int(named))
            if found is None:
                return Answer(("unknown_deputy",), {"deputy": named}, usage=True)
            if found.id == user_id:
                return Answer(("self_deputy",), usage=True)
            deputy, deputy_name = found.id, found
        executors.add_away(session, user_id, starts, ends, deputy, now)
    values = {"starts": starts.strftime("%d.%m.%Y"), "ends": ends.strftime("%d.%m.%Y")}
    if deputy is None:
        return Answer(("saved", "to_queue"), values)
    return Answer(("saved", "to_deputy"), {**values, "deputy": deputy_name})


async def come_back(svc: Services, user_id: int) -> Answer:
    async with svc.db.transaction() as session:
        changed = await executors.end_away(session, user_id, today(svc.org, svc.clock.now()))
    return Answer(("back",) if changed else ("not_away",))


async def hand_overs(svc: Services) -> int:
    """Give away the open requests of everyone whose absence starts (or started)
    today and was not handed over yet; how many requests moved. Each period in
    one transaction with its mark."""
    now: datetime = svc.clock.now()
    day = today(svc.org, now)
    async with svc.db.reading() as session:  # most scans find nothing to do
        due = [(p.id, p.user_id, p.deputy_id)
               for p in await executors.due_hand_overs(session, day)]
    moved = 0
    for period_id, user_id, deputy_id in due:
        async with svc.db.transaction() as session:
            if not await executors.claim_hand_over(session, period_id, now):
                continue  # another scan (a second instance, a run before a restart) did it
            if deputy_id is not None and await executors.away_on(session, [deputy_id], day):
                deputy_id = None  # the deputy is away too: the queue is the way
            for worked in await executors.worked_by(session, user_id):
                request = await requests.get_request(session, worked.id, for_update=True)
                if request is not None and await hand_over(session, svc, request, user_id,
                                                           deputy_id, now) is not None:
                    moved += 1
    return moved
