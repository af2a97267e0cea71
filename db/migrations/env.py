"""Alembic environment: async engines (aiosqlite, asyncpg) run from a worker thread."""

from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import create_async_engine

from db.models import Base
from db.search import outside_models

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_name=outside_models,  # the FTS5 tables of /find (migration 0004)
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_async() -> None:
    url = config.get_main_option("sqlalchemy.url")
    assert url is not None
    engine = create_async_engine(url, hide_parameters=True)  # no people's data in errors
    async with engine.connect() as connection:
        await connection.run_sync(_run)
        await connection.commit()
        if connection.dialect.name == "sqlite":
            # WAL from the start (it stays in the file): otherwise the bot's first
            # connections, opened at once, race to switch the mode and one is refused
            await connection.exec_driver_sql("PRAGMA journal_mode=WAL")
            await connection.commit()
    await engine.dispose()


if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata)
    with context.begin_transaction():
        context.run_migrations()
else:
    asyncio.run(_run_async())
