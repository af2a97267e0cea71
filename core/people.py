"""Who writes to us and where: people's names and languages, the groups we are in."""

from __future__ import annotations

from core.context import Services
from db import users
from db.users import UserInfo

__all__ = ["UserInfo", "follow_migration", "note_group", "private_chat_changed",
           "remember_person"]


async def remember_person(svc: Services, info: UserInfo, *, private: bool) -> None:
    """Keep a person's name and language fresh; note that they started us in private."""
    known = svc.known_people
    if known.unchanged(info, private=private):
        return  # as this process last read or wrote it: nothing to do
    # most of the rest are people another instance (or a restart) already stored
    async with svc.db.reading() as session:
        reachable = await users.is_remembered(session, info, private=private)
    if reachable is not None:
        known.stored(info, reachable=reachable)
        return
    async with svc.db.transaction() as session:
        user = await users.remember_user(session, info, svc.clock.now(), private=private)
        reachable = user.started and not user.blocked
    known.stored(info, reachable=reachable)


async def private_chat_changed(svc: Services, info: UserInfo, *, reachable: bool) -> None:
    """The person unblocked (restarted) the bot, or blocked it: Telegram says so, to
    whichever instance gets the update. An unblock is written whatever this process
    remembered (another instance may have marked them unreachable meanwhile); a
    block is only forgotten here: the first message refused marks them, and tells
    whom it concerns, as any refusal does (core.delivery)."""
    if reachable:
        async with svc.db.transaction() as session:
            await users.remember_user(session, info, svc.clock.now(), private=True)
        svc.known_people.stored(info, reachable=True)
    else:
        svc.known_people.forget(info.id)


async def note_group(svc: Services, chat_id: int, title: str | None, by: int,
                     *, member: bool) -> None:
    """The bot was added to a group (or is still in it), or removed from it."""
    async with svc.db.transaction() as session:
        await users.remember_group(session, chat_id, title, by, svc.clock.now(), member=member)


async def follow_migration(svc: Services, old_id: int, new_id: int) -> None:
    """A group became a supergroup with a new id: its bindings and cards follow it."""
    async with svc.db.transaction() as session:
        await users.migrate_chat(session, old_id, new_id)
