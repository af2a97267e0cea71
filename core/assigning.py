"""Who may be assigned a department's requests, how busy they are, and whom a
department that assigns by itself picks for a new request (SPEC §5 "Assigning")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from core.context import Services
from core.org import Department, OrgConfig
from db import executors, users
from db.models import User

# how many times a round-robin pick is tried again when another instance moved the turn
ROUND_ROBIN_TRIES = 5


def today(org: OrgConfig, now: datetime) -> date:
    """The date in the organisation's timezone: away periods are in its days."""
    return now.astimezone(ZoneInfo(org.organization.timezone)).date()


async def executors_of(session: AsyncSession, org: OrgConfig, department_key: str) -> list[int]:
    """The organisation file's executors, then those who joined by pressing its buttons."""
    department = org.department(department_key)
    listed = list(department.executors) if department is not None else []
    return listed + [u for u in await executors.listed(session, department_key)
                     if u not in listed]


@dataclass(frozen=True)
class Choice:
    user_id: int
    user: User | None
    load: int  # open requests of the department assigned to them
    away: bool


async def choices(svc: Services, department_key: str) -> list[Choice]:
    """The executors a manager may pick, with their open load."""
    async with svc.db.reading() as session:
        ids = await executors_of(session, svc.org, department_key)
        load = await executors.open_load(session, department_key, ids)
        away = await executors.away_on(session, ids, today(svc.org, svc.clock.now()))
        people = await users.get_users(session, set(ids))
    return [Choice(i, people.get(i), load[i], i in away) for i in ids]


async def auto_pick(session: AsyncSession, svc: Services, department: Department,
                    now: datetime) -> int | None:
    """The executor a new request goes to at once, or None (manual, or nobody is
    here): least loaded — the fewest open requests of the department, the earlier
    listed on a tie — or round robin — the next after the last one picked."""
    if department.assign == "manual":
        return None
    ids = await executors_of(session, svc.org, department.key)
    away = await executors.away_on(session, ids, today(svc.org, now))
    present = [i for i in ids if i not in away]
    if not present:
        return None
    if department.assign == "least_loaded":
        load = await executors.open_load(session, department.key, present)
        return min(present, key=lambda i: (load[i], present.index(i)))
    for _ in range(ROUND_ROBIN_TRIES):
        last = await executors.last_turn(session, department.key)
        after = present.index(last) + 1 if last in present else _after(ids, present, last)
        pick = present[after % len(present)]
        if await executors.move_turn(session, department.key, last, pick):
            return pick
    return present[0]


def _after(ids: list[int], present: list[int], last: int | None) -> int:
    """Where the turn goes on when the last one picked is away or gone: to the next
    present executor listed after them."""
    if last is None or last not in ids:
        return 0
    position = ids.index(last)
    later = [i for i in present if ids.index(i) > position]
    return present.index(later[0]) if later else 0
