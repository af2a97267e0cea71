"""The Alembic migrations build exactly the schema the models describe."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.ext.asyncio import create_async_engine

from db.migrate import upgrade
from db.models import Base
from db.search import outside_models


async def test_migrations_match_the_models(database_url):
    await upgrade(database_url)
    await upgrade(database_url)  # a second start finds nothing to do
    engine = create_async_engine(database_url)
    try:
        async with engine.connect() as connection:
            diff = await connection.run_sync(
                lambda sync: compare_metadata(MigrationContext.configure(
                    sync, opts={"include_name": outside_models}), Base.metadata))
    finally:
        await engine.dispose()
    assert diff == []


async def test_a_new_sqlite_file_is_in_wal_mode_after_the_migrations(tmp_path):
    """The bot's first connections, opened at once, must not race to switch the
    journal mode (one of them was refused "database is locked")."""
    import sqlite3

    path = tmp_path / "fresh.db"
    await upgrade(f"sqlite+aiosqlite:///{path}")
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
