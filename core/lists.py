"""What /my and /queue list: pure reads, on the read path (no write lock)."""

from __future__ import annotations

from dataclasses import dataclass

from core.context import Services
from core.lifecycle import OPEN_STATUSES, Status
from db import requests, users
from db.models import Request, User

PAGE = 10  # /my shows this many requests at a time, with Older »


async def requests_of(svc: Services, user_id: int, offset: int = 0
                      ) -> tuple[list[Request], int]:
    """A page of a requester's requests, open ones first, the newest first within each,
    and how many they have in all."""
    async with svc.db.reading() as session:
        # a request awaiting approval is open to its requester: listed with the open ones
        mine = await requests.requests_of(session, user_id, {*OPEN_STATUSES, Status.APPROVAL},
                                          offset=offset,
                                          limit=PAGE)
        total = await requests.count_requests_of(session, user_id)
    return mine, total


async def departments_here(svc: Services, chat_id: int, thread_id: int | None) -> list[str]:
    """The departments bound to this group, or to its topic."""
    async with svc.db.reading() as session:
        return await users.departments_of_chat(session, chat_id, thread_id)


@dataclass(frozen=True)
class Queue:
    listed: dict[str, list[Request]]  # department key → its open requests (the first ones)
    counts: dict[str, int]  # department key → how many are open
    people: dict[int, User]  # the assignees named


async def queue_here(svc: Services, chat_id: int, thread_id: int | None) -> Queue:
    """The open requests of the departments bound here; none listed when nothing is."""
    async with svc.db.reading() as session:
        keys = await users.departments_of_chat(session, chat_id, thread_id)
        listed = {key: await requests.open_requests(session, key, OPEN_STATUSES) for key in keys}
        counts = {key: await requests.count_open(session, key, OPEN_STATUSES) for key in keys}
        people = await users.get_users(
            session, {r.assignee_id for rs in listed.values() for r in rs if r.assignee_id})
    return Queue(listed, counts, people)
