"""Engine and sessions. One session per unit of work, always inside a transaction.

SQLite: WAL, a busy timeout and ``BEGIN IMMEDIATE`` for every transaction,
because a deferred transaction that reads and then writes fails with
SQLITE_BUSY at once under concurrency whatever the timeout (aiosqlite #251).
Writers of one process also queue on an asyncio lock before BEGIN: SQLite's busy
handler would otherwise poll with sleeps of up to 100 ms, and under a crowd the
unlucky update waits a second for a lock that was free most of that time.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

SQLITE_BUSY_TIMEOUT_MS = 15_000
WAL_ATTEMPTS = 100  # × 50 ms


def _sqlite_file(url: str) -> Path | None:
    parsed = make_url(url)
    if not parsed.drivername.startswith("sqlite") or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def _wal(cursor: Any) -> None:
    """WAL mode (kept in the file once set). Setting it answers "database is locked"
    at once, without the busy handler, while another connection holds the file (seen
    with two instances scanning at once): it is asked first, and retried briefly."""
    for attempt in range(WAL_ATTEMPTS):
        try:
            cursor.execute("PRAGMA journal_mode")
            if str(cursor.fetchone()[0]).lower() != "wal":
                cursor.execute("PRAGMA journal_mode=WAL")
            return
        except Exception as exc:  # the driver's OperationalError, through the adapter
            if "locked" not in str(exc) or attempt == WAL_ATTEMPTS - 1:
                raise
            time.sleep(0.05)  # in the driver's thread, not the event loop


def _configure_sqlite(engine: AsyncEngine) -> None:
    sync_engine = engine.sync_engine

    @event.listens_for(sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # take transaction control from the driver so we can BEGIN IMMEDIATE
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        _wal(cursor)
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(sync_engine, "begin")
    def _on_begin(connection: Any) -> None:
        # writers take the lock up front; readers (Database.reading) do not
        if connection.get_execution_options().get("baton_readonly"):
            connection.exec_driver_sql("BEGIN")
        else:
            connection.exec_driver_sql("BEGIN IMMEDIATE")


class Database:
    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = url
        self.is_sqlite = url.startswith("sqlite")
        sqlite_file = _sqlite_file(url)
        if sqlite_file is not None:
            sqlite_file.parent.mkdir(parents=True, exist_ok=True)
        # an error's text would otherwise carry the statement's parameters: people's
        # answers, comments and names, logged at ERROR
        kwargs: dict[str, Any] = {"echo": echo, "hide_parameters": True}
        if not self.is_sqlite:
            kwargs.update(pool_size=10, max_overflow=10, pool_pre_ping=True)
        self.engine = create_async_engine(url, **kwargs)
        if self.is_sqlite:
            _configure_sqlite(self.engine)
        self._sessions = async_sessionmaker(self.engine, expire_on_commit=False)
        self._readers = async_sessionmaker(
            self.engine.execution_options(baton_readonly=True), expire_on_commit=False)
        self._writer_locks: dict[asyncio.AbstractEventLoop, asyncio.Lock] = {}

    def _writer_lock(self) -> asyncio.Lock:
        # one per event loop: `baton run` prepares the database in a loop of its own
        loop = asyncio.get_running_loop()
        return self._writer_locks.setdefault(loop, asyncio.Lock())

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """A session inside one transaction: committed on success, rolled back on error."""
        if not self.is_sqlite:
            async with self._sessions() as session, session.begin():
                yield session
            return
        async with self._writer_lock(), self._sessions() as session, session.begin():
            yield session

    @asynccontextmanager
    async def reading(self) -> AsyncIterator[AsyncSession]:
        """A transaction that only reads: on SQLite it takes no write lock."""
        async with self._readers() as session, session.begin():
            yield session

    async def ping(self) -> None:
        """Raise if the database does not answer."""
        async with self.reading() as session:
            await session.execute(text("SELECT 1"))

    async def dispose(self) -> None:
        await self.engine.dispose()


def insert_ignore(session: AsyncSession, table: Any) -> Any:
    """``INSERT … ON CONFLICT DO NOTHING`` in the session's dialect: a claim that
    only the first writer wins (rowcount 1), on SQLite and PostgreSQL alike."""
    dialect = session.bind.dialect.name if session.bind is not None else "sqlite"
    module = postgresql if dialect == "postgresql" else sqlite
    return module.insert(table).on_conflict_do_nothing()


def upsert(session: AsyncSession, table: Any, keys: list[str], values: dict[str, Any],
           update: list[str]) -> Any:
    """``INSERT … ON CONFLICT (keys) DO UPDATE SET update…`` in the session's dialect:
    the row is written, or its ``update`` columns are, on SQLite and PostgreSQL alike."""
    dialect = session.bind.dialect.name if session.bind is not None else "sqlite"
    module = postgresql if dialect == "postgresql" else sqlite
    statement = module.insert(table).values(**values)
    return statement.on_conflict_do_update(
        index_elements=keys, set_={name: statement.excluded[name] for name in update})
