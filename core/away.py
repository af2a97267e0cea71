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

from core.assigning import executors_of, today
from core.context import Services
from core.workflow import hand_over
from db import executors, requests, users

# one day, or a period: the dates and the dash may be written with spaces around
_DATE = r"(\d{1,2})\.(\d{1,2})\.(\d{4})"
_PERIOD = re.compile(rf"^{_DATE}(?:\s*[-–—]\s*{_DATE})?$")
_DEPUTY = re.compile(r"\s+(@?[A-Za-z0-9_]+)$")
ECHO_LIMIT = 40  # what the person wrote, repeated in an answer, is cut to this
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
    """``DD.MM.YYYY-DD.MM.YYYY``, or one day ``DD.MM.YYYY``."""
    match = _PERIOD.match(text.strip())
    if match is None:
        return None
    d1, m1, y1 = (int(g) for g in match.groups()[:3])
    d2, m2, y2 = (int(g) if g else None for g in match.groups()[3:])
    try:
        starts = date(y1, m1, d1)
        return starts, (date(y2, m2, d2) if y2 and m2 and d2 else starts)
    except ValueError:
        return None


def split_args(args: list[str]) -> tuple[str, str | None]:
    """The period and the deputy (the last word, when it is a @username or an id and
    a period is left before it)."""
    text = " ".join(args).strip()
    match = _DEPUTY.search(text)
    if match is not None and parse_period(text[:match.start()]) is not None:
        return text[:match.start()], match.group(1)
    return text, None


def _echo(text: str) -> str:
    return text if len(text) <= ECHO_LIMIT else text[:ECHO_LIMIT - 1] + "…"


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
    if not args:
        return Answer((), usage=True)
    written, named = split_args(args)
    period = parse_period(written)
    if period is None:
        return Answer(("bad_dates",), {"text": _echo(written)}, usage=True)
    starts, ends = period
    now = svc.clock.now()
    if ends < starts:
        return Answer(("end_before_start",), usage=True)
    if ends < today(svc.org, now):
        return Answer(("past",), usage=True)
    deputy: int | None = None
    deputy_name: Any = None
    async with svc.db.transaction() as session:
        if named is not None:
            found = None
            if _USERNAME.match(named):
                found = await users.by_username(session, named[1:])
            elif _DEPUTY_ID.match(named):
                found = (await users.get_users(session, {int(named)})).get(int(named))
            if found is None:
                return Answer(("unknown_deputy",), {"deputy": _echo(named)}, usage=True)
            if found.id == user_id:
                return Answer(("self_deputy",), usage=True)
            if not set(await _departments_of(session, svc, found.id)) & set(
                    await _departments_of(session, svc, user_id)):
                # someone who cannot act on the cards would hold the work, its SLA running
                return Answer(("deputy_elsewhere",), {"deputy": found}, usage=True)
            deputy, deputy_name = found.id, found
        # a new period replaces what it overlaps of the ones not begun: a correction
        await executors.drop_pending_away(session, user_id, starts, ends)
        executors.add_away(session, user_id, starts, ends, deputy, now)
    values = {"starts": starts, "ends": ends}  # dates: each language writes its own way
    if deputy is None:
        return Answer(("saved", "to_queue"), values)
    return Answer(("saved", "to_deputy"), {**values, "deputy": deputy_name})


async def _departments_of(session: Any, svc: Services, user_id: int) -> list[str]:
    """The departments someone works for: listed in the file, or seen at their cards."""
    return [d.key for d in svc.org.departments
            if user_id in await executors_of(session, svc.org, d.key)
            or user_id in d.managers]


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
                if request is None:
                    continue
                # a deputy who does not work for this request's department: the queue
                to = deputy_id if deputy_id is not None and deputy_id in await executors_of(
                    session, svc.org, request.department_key) else None
                if await hand_over(session, svc, request, user_id, to, now) is not None:
                    moved += 1
    return moved
