"""Binding a department to a group or forum topic, and the cards that owes.

/bind and the organisation file's ``chat_id`` both bind here. On every bind,
every open request of the department gets a card in the new place (chat and
topic) unless it has one there, shown or owed; the cards in the previous place
lose their buttons and say where the work went. One transaction, under the
department's binding lock: instances starting at once, or an admin sending
/bind twice, post each card once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from core.context import Services
from core.lifecycle import OPEN_STATUSES
from core.org import OrgConfig
from core.outgoing import cards
from db import requests, users

OPEN = [status.value for status in OPEN_STATUSES]


@dataclass(frozen=True)
class Bound:
    posted: int  # open requests whose card is now owed in the new place
    moved: int  # cards in the previous place told that the department moved
    changed: bool  # the department was bound elsewhere, or nowhere, before


async def bind_department(svc: Services, key: str, chat_id: int, thread_id: int | None,
                          by: int | None) -> Bound:
    """Bind ``key`` to the chat (and topic); ``by`` None means the organisation
    file, which neither overrides a /bind nor re-posts anything at every start."""
    async with svc.db.transaction() as session:
        await users.lock_binding(session, key, exclusive=True)
        return await _bind(session, key, chat_id, thread_id, by, svc.clock.now())


async def bind_group(svc: Services, key: str, chat_id: int, title: str | None,
                     thread_id: int | None, by: int) -> Bound:
    """/bind in a group: the group is noted as one the bot is in, and bound, at once."""
    async with svc.db.transaction() as session:
        await users.lock_binding(session, key, exclusive=True)
        now = svc.clock.now()
        await users.remember_group(session, chat_id, title, by, now, member=True)
        return await _bind(session, key, chat_id, thread_id, by, now)


async def _bind(session: AsyncSession, key: str, chat_id: int, thread_id: int | None,
                by: int | None, now: datetime) -> Bound:
    """Under the department's binding lock, taken by the caller."""
    before = await users.binding_for(session, key)
    place = (chat_id, thread_id)
    previous = (before.chat_id, before.thread_id) if before is not None else None
    if by is None and before is not None and (before.bound_by is not None or previous == place):
        return Bound(0, 0, False)
    await users.bind(session, key, chat_id, thread_id, by, now)
    owed = await requests.without_card_at(session, key, OPEN, chat_id, thread_id)
    await cards(session, now, chat_id, thread_id, owed)
    moved: list[int] = []
    if previous is not None and previous != place:
        # back in a place it left: the cards there said "moved", they work again
        await cards(session, now, chat_id, thread_id,
                    await requests.with_card_at(session, key, OPEN, *place))
        if await users.is_member_of(session, previous[0]):
            # edited, never posted: the sender shows them without buttons, saying "moved"
            moved = await requests.with_card_at(session, key, OPEN, *previous)
            await cards(session, now, *previous, moved, moved=True)
    return Bound(len(owed), len(moved), previous != place)


async def removed_departments_work(session: AsyncSession, org: OrgConfig) -> dict[str, list[int]]:
    """Open requests of departments no longer in the organisation file, by key:
    /stats, /export and escalations know only the file's departments, so an admin
    must pass them on (➡️ Transfer on their cards)."""
    return await requests.open_outside(session, [d.key for d in org.departments], OPEN)


def numbers(ids: Iterable[int], limit: int = 20) -> str:
    """'#1, #2, #3' and '+N more' past ``limit``, for a log line or a report."""
    shown = list(ids)
    text = ", ".join(f"#{number}" for number in shown[:limit])
    return text + (f" +{len(shown) - limit} more" if len(shown) > limit else "")
