"""Users and chat bindings."""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from db import search
from db.models import ChatBinding, KnownGroup, User

BINDING_LOCKS = 0x42A7  # the first key of the department binding advisory locks


@dataclass(frozen=True)
class UserInfo:
    id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None


async def is_remembered(session: AsyncSession, info: UserInfo, *, private: bool
                        ) -> bool | None:
    """None when the stored user differs from what this update says (or is not
    stored): it must be written. Otherwise whether the bot may write to them."""
    user = await session.get(User, info.id)
    if user is None:
        return None
    same = (user.first_name == info.first_name[:128]
            and user.last_name == (info.last_name[:128] if info.last_name else None)
            and user.username == info.username and user.language_code == info.language_code)
    reachable = user.started and not user.blocked
    return reachable if same and (reachable or not private) else None


async def remember_user(
    session: AsyncSession, info: UserInfo, now: datetime, *, private: bool
) -> User:
    """Insert or refresh a user; a private message means the bot may write to them."""
    user = await session.get(User, info.id)
    renamed = user is not None and (user.first_name, user.last_name, user.username) != (
        info.first_name[:128], info.last_name[:128] if info.last_name else None, info.username)
    if user is None:
        user = User(id=info.id, started=private, blocked=False, updated_at=now)
        session.add(user)
    user.first_name = info.first_name[:128]
    user.last_name = info.last_name[:128] if info.last_name else None
    user.username = info.username
    user.language_code = info.language_code
    if private:
        user.started, user.blocked = True, False
    user.updated_at = now
    if renamed:  # /find knows people's requests by their names: the new one from now
        await search.reindex_requester(session, user)
    return user


async def get_users(session: AsyncSession, ids: set[int]) -> dict[int, User]:
    if not ids:
        return {}
    rows = await session.scalars(select(User).where(User.id.in_(ids)))
    return {u.id: u for u in rows}


async def mark_unreachable(session: AsyncSession, user_id: int) -> None:
    await session.execute(update(User).where(User.id == user_id).values(blocked=True))


async def binding_for(session: AsyncSession, department_key: str) -> ChatBinding | None:
    return await session.get(ChatBinding, department_key)


async def lock_binding(session: AsyncSession, department_key: str, *,
                       exclusive: bool) -> None:
    """Hold a department's binding until the transaction ends: a bind exclusively,
    a change that posts the department's card shared, so a card is owed either
    before the bind (and moved by it) or after it (and posted in the new place).
    An advisory lock, as the binding row may not exist yet. SQLite's BEGIN
    IMMEDIATE already makes every writer wait for the others."""
    if session.bind is None or session.bind.dialect.name != "postgresql":
        return
    function = "pg_advisory_xact_lock" if exclusive else "pg_advisory_xact_lock_shared"
    key = zlib.crc32(department_key.encode()) - 2**31  # an int4
    await session.execute(text(f"SELECT {function}(:space, :key)"),
                          {"space": BINDING_LOCKS, "key": key})


async def bindings(session: AsyncSession) -> list[ChatBinding]:
    return list(await session.scalars(select(ChatBinding)))


async def departments_of_chat(
    session: AsyncSession, chat_id: int, thread_id: int | None = None
) -> list[str]:
    """Departments bound to this chat; with a thread, those of that topic first."""
    rows = list(await session.scalars(select(ChatBinding).where(ChatBinding.chat_id == chat_id)))
    exact = [b.department_key for b in rows if b.thread_id == thread_id]
    return exact or [b.department_key for b in rows]


async def bind(
    session: AsyncSession,
    department_key: str,
    chat_id: int,
    thread_id: int | None,
    by: int | None,  # None: bound by the organisation file
    now: datetime,
) -> None:
    binding = await session.get(ChatBinding, department_key)
    if binding is None:
        session.add(
            ChatBinding(
                department_key=department_key,
                chat_id=chat_id,
                thread_id=thread_id,
                bound_by=by,
                bound_at=now,
            )
        )
    else:
        binding.chat_id, binding.thread_id, binding.bound_by = chat_id, thread_id, by
        binding.bound_at = now


async def migrate_chat(session: AsyncSession, old_id: int, new_id: int) -> None:
    """A group became a supergroup with a new id: follow it everywhere."""
    from db.models import OutboxMessage

    await session.execute(
        update(ChatBinding).where(ChatBinding.chat_id == old_id).values(chat_id=new_id)
    )
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.chat_id == old_id, OutboxMessage.status == "pending")
        .values(chat_id=new_id)
    )
    group = await session.get(KnownGroup, old_id)
    if group is not None:
        await session.delete(group)
        await session.flush()
    if group is not None and await session.get(KnownGroup, new_id) is None:
        session.add(
            KnownGroup(
                chat_id=new_id,
                title=group.title,
                added_by=group.added_by,
                added_at=group.added_at,
                is_member=True,
            )
        )


async def remember_group(
    session: AsyncSession, chat_id: int, title: str | None, by: int | None, now: datetime,
    *, member: bool,
) -> None:
    group = await session.get(KnownGroup, chat_id)
    if group is None:
        session.add(
            KnownGroup(chat_id=chat_id, title=title, added_by=by, added_at=now, is_member=member)
        )
    else:
        group.title, group.is_member = title, member
        if member:
            group.added_at, group.added_by = now, by


async def unbound_groups_added_before(
    session: AsyncSession, before: datetime, keep: Iterable[int] = ()
) -> list[int]:
    """Groups the bot is in that nobody bound since ``before``, but those in ``keep``."""
    bound = select(ChatBinding.chat_id)
    rows = await session.scalars(
        select(KnownGroup.chat_id).where(
            KnownGroup.is_member.is_(True),
            KnownGroup.added_at < before,
            KnownGroup.chat_id.not_in(bound),
            KnownGroup.chat_id.not_in(list(keep)),
        )
    )
    return list(rows)


async def is_member_of(session: AsyncSession, chat_id: int) -> bool:
    """False only when the bot knows it left or was removed from the group."""
    group = await session.get(KnownGroup, chat_id)
    return group is None or group.is_member


async def by_username(session: AsyncSession, username: str) -> User | None:
    """A person the bot has seen, by their @username (any case)."""
    return await session.scalar(
        select(User).where(func.lower(User.username) == username.lower()).limit(1))
