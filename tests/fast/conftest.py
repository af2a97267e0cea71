"""The fast layer: core.workflow and core.sweep on a real database, without the emulator.

Each test gets its own SQLite file, copied from one prepared once per session
(migrated, IT and HR bound, requests #1..#5 filed: the migrations and filings run
once, not per test). A module with ``EVERY_DATABASE = True`` also runs on a fresh
PostgreSQL database, prepared the same way (slower). Time is a FakeClock starting
Monday 2026-11-23 10:00 in Moscow, a working time of the example organisation
(09:00–18:00, Mon–Fri).
"""

from __future__ import annotations

import asyncio
import functools
import shutil
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import delete, select, update

from bot.harness import sqlite_url
from core.clock import FakeClock
from core.context import Services
from core.intake import create_request
from core.lifecycle import Status
from core.org import OrgConfig
from db import users
from db.migrate import upgrade
from db.models import OutboxMessage, Request, User, Watcher
from db.session import Database
from tests.conftest import ADMIN, HR_CHAT, IT_CHAT, REQUESTER, example_org
from tests.databases import fresh_postgres

MSK = ZoneInfo("Europe/Moscow")
START = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)  # Monday 10:00 in Moscow


# every test's file starts with requests #1..#PREFILED: access requests to IT by REQUESTER,
# filed at START (filing is the slowest step, so the matrix takes them from here)
PREFILED = 5


def msk(day: int, hour: int, minute: int = 0) -> datetime:
    """An instant of the week of 2026-11-23 (Monday) in Moscow, as UTC."""
    return datetime(2026, 11, day, hour, minute, tzinfo=MSK).astimezone(UTC)


@dataclass(frozen=True)
class Owed:
    """One outbox row, as much of it as a test asserts on."""

    chat_id: int
    kind: str
    request_id: int | None
    template: str | None
    keyboard: str | None
    reply_to_card: bool
    args: dict[str, Any]
    lines: list[dict[str, Any]]
    payload: dict[str, Any]


class World:
    """One instance of Baton's core over a database: file requests, force states, read
    back rows and the outbox."""

    def __init__(self, url: str, clock: FakeClock) -> None:
        self.clock = clock
        self.svc = Services(Database(url), _org(), clock)

    async def bind(self, department: str, chat_id: int) -> None:
        async with self.svc.db.transaction() as session:
            await users.bind(session, department, chat_id, None, ADMIN, self.clock.now())

    async def started(self, user_id: int) -> None:
        """The person has started the bot: private messages reach them."""
        async with self.svc.db.transaction() as session:
            session.add(User(id=user_id, first_name=f"u{user_id}", started=True,
                             blocked=False, updated_at=self.clock.now()))

    async def file(self, requester: int, department: str = "it", type_key: str = "access",
                   priority: str = "normal") -> int:
        return (await self.file_many(1, requester, department, type_key, priority))[0]

    async def file_many(self, count: int, requester: int, department: str = "it",
                        type_key: str = "access", priority: str = "normal") -> list[int]:
        """``count`` requests filed at once (one transaction: the matrix files hundreds)."""
        dept = self.svc.org.department(department)
        assert dept is not None
        async with self.svc.db.transaction() as session:
            return [(await create_request(session, self.svc, requester, dept,
                                          dept.request_type(type_key), [], priority, None)
                     )[0].id for _ in range(count)]

    async def force(self, request_ids: int | list[int], status: Status,
                    assignee: int | None) -> None:
        """Put IT requests in a state directly (the matrix needs every status quickly)."""
        now = self.clock.now()
        final = status in (Status.CLOSED, Status.REJECTED, Status.CANCELLED)
        values: dict[str, Any] = {
            "status": status.value, "assignee_id": assignee, "department_key": "it",
            "taken_at": now if assignee is not None else None,
            "done_at": now if status in (Status.ON_REVIEW, Status.CLOSED) else None,
            "resolve_remaining_s": 3600.0 if status is Status.WAITING else None,
            "closed_at": now if final else None,
            # awaiting approval (or declined): asked at filing, so never the department's
            "approval_asked_at": now if status in (Status.APPROVAL, Status.DECLINED) else None,
            "approval_decided_at": now if status is Status.DECLINED else None,
        }
        async with self.svc.db.transaction() as session:
            ids = request_ids if isinstance(request_ids, list) else [request_ids]
            await session.execute(update(Request).where(Request.id.in_(ids)).values(values))
            await session.execute(delete(Watcher).where(Watcher.request_id.in_(ids)))

    async def row(self, request_id: int) -> Request:
        return (await self.rows([request_id]))[request_id]

    async def rows(self, request_ids: list[int]) -> dict[int, Request]:
        async with self.svc.db.reading() as session:
            found = (await session.scalars(select(Request).where(Request.id.in_(request_ids))))
            return {r.id: r for r in found}

    async def settle(self) -> None:
        """Everything owed so far counts as sent: the next ``owed`` shows only new rows."""
        async with self.svc.db.transaction() as session:
            await session.execute(update(OutboxMessage).where(OutboxMessage.status == "pending")
                                  .values(status="sent"))

    async def owed(self) -> list[Owed]:
        async with self.svc.db.reading() as session:
            rows = (await session.scalars(select(OutboxMessage).where(
                OutboxMessage.status == "pending").order_by(OutboxMessage.id))).all()
        return [Owed(r.chat_id, r.kind, r.request_id, r.payload.get("template"),
                     r.payload.get("keyboard"), bool(r.payload.get("reply_to_card")),
                     dict(r.payload.get("args") or {}), list(r.payload.get("lines") or []),
                     dict(r.payload))
                for r in rows]

    async def close(self) -> None:
        await self.svc.db.dispose()


@functools.cache
def _org() -> OrgConfig:
    """The example organisation, parsed once (its holiday calendar takes a while)."""
    return example_org()


async def _prepare(url: str, clock: FakeClock, *, prefile: int = 0) -> None:
    """Migrate, bind IT and HR to their chats, and file ``prefile`` IT requests."""
    await upgrade(url)
    world = World(url, clock)
    await world.bind("it", IT_CHAT)
    await world.bind("hr", HR_CHAT)
    if prefile:
        await world.file_many(prefile, REQUESTER)
    await world.close()


@pytest.fixture(scope="session")
def migrated_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Prepared once; each test copies it (the WAL is checkpointed when the engine closes)."""
    directory = tmp_path_factory.mktemp("template")
    asyncio.run(_prepare(sqlite_url(directory), FakeClock(START), prefile=PREFILED))
    return directory / "baton.db"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A module with ``EVERY_DATABASE = True`` runs on PostgreSQL as well."""
    if "backend" in metafunc.fixturenames and getattr(metafunc.module, "EVERY_DATABASE", False):
        metafunc.parametrize("backend", ["sqlite", pytest.param(
            "postgres", marks=pytest.mark.postgres)], indirect=True)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture
async def world_url(backend: str, migrated_file: Path, tmp_path: Path) -> AsyncIterator[str]:
    """A prepared database of this test's own: a copy of the SQLite file, or a fresh
    PostgreSQL database prepared the same way (slower: migrated per test)."""
    if backend == "sqlite":
        for part in migrated_file.parent.glob("baton.db*"):  # with a WAL, if one was left
            shutil.copy(part, tmp_path / part.name)
        yield sqlite_url(tmp_path)
        return
    async with fresh_postgres() as url:
        await _prepare(url, FakeClock(START), prefile=PREFILED)
        yield url


@pytest.fixture
async def world(world_url: str, clock: FakeClock) -> AsyncIterator[World]:
    instance = World(world_url, clock)
    yield instance
    await instance.close()


@pytest.fixture
async def other(world_url: str, world: World) -> AsyncIterator[World]:
    """A second instance on the same database, with the same clock and organisation."""
    instance = World(world_url, world.clock)
    instance.svc.org = world.svc.org
    yield instance
    await instance.close()


def later(clock: FakeClock, at: datetime) -> None:
    assert at >= clock.now(), "time only moves on"
    clock.set(at)


