"""Real databases for tests: a SQLite file, and a fresh PostgreSQL database per test.

PostgreSQL tests skip with a reason when no server answers, except where
BATON_REQUIRE_POSTGRES=1 (CI), where a missing server fails the run.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from sqlalchemy.engine import make_url

DEFAULT_POSTGRES = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"


def postgres_admin_url() -> str:
    return os.environ.get("BATON_TEST_POSTGRES_URL", DEFAULT_POSTGRES)


async def _connect(url: str):  # type: ignore[no-untyped-def]
    import asyncpg

    parsed = make_url(url)
    return await asyncpg.connect(
        host=parsed.host or "127.0.0.1", port=parsed.port or 5432,
        user=parsed.username or "postgres", password=parsed.password,
        database=parsed.database or "postgres", timeout=3,
    )


@asynccontextmanager
async def fresh_postgres() -> AsyncIterator[str]:
    """A new empty database on the test server, dropped afterwards."""
    admin_url = postgres_admin_url()
    try:
        admin = await _connect(admin_url)
    except (OSError, Exception) as exc:
        if os.environ.get("BATON_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"PostgreSQL is required here but {admin_url} does not answer: {exc}")
        pytest.skip(f"no PostgreSQL server answers at {admin_url}: {exc}")
    name = f"baton_test_{uuid.uuid4().hex[:12]}"
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        yield str(make_url(admin_url).set(database=name).render_as_string(hide_password=False))
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()
