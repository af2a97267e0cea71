"""`baton check` and `baton backup`: what an admin runs before a deploy and every night."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from bot.settings import Settings
from core.org import OrgError, load_org
from db import users
from db.session import Database


async def _check(settings: Settings) -> int:
    try:
        org = load_org(settings.org_config)
    except OrgError as exc:
        print(f"✗ organisation file: {exc}")
        return 1
    print(f"✓ organisation file {settings.org_config}: {org.organization.name}, "
          f"{len(org.departments)} departments, timezone {org.organization.timezone}, "
          f"language {org.organization.language}, access {org.access.mode}")
    db = Database(settings.database_url)
    try:
        await db.ping()
    except Exception as exc:
        print(f"✗ database {make_url(settings.database_url).render_as_string()}: "
              f"{type(exc).__name__}: {exc}")
        return 1
    try:  # its own transaction: a missing table aborts a PostgreSQL transaction
        async with db.reading() as session:
            bindings = {b.department_key: b for b in await users.bindings(session)}
    except Exception:
        bindings = None  # no schema yet: the bot creates it on start
    finally:
        await db.dispose()
    print(f"✓ database {make_url(settings.database_url).render_as_string()} answers"
          + (" (empty: the schema is created on the first start)" if bindings is None else ""))
    problems = 0
    for department in org.departments:
        binding = (bindings or {}).get(department.key)
        if binding is not None:
            chat = f"chat {binding.chat_id}" + (f", topic {binding.thread_id}"
                                                if binding.thread_id else "")
        elif department.chat_id is not None:
            chat = f"chat {department.chat_id} (from the file)"
        else:
            chat = "no chat bound yet: send /bind " + department.key + " in its group"
            problems += 1
        managers = ", ".join(str(m) for m in department.managers) or "none"
        types = ", ".join(t.key for t in department.request_types)
        print(f"  {department.key:<12} {department.name}: {chat}; managers {managers}; "
              f"types {types}")
    print(f"  admins: {', '.join(str(a) for a in org.organization.admins) or 'none'}")
    if settings.bot_token is None or not settings.bot_token.get_secret_value():
        print("! BOT_TOKEN is not set: `baton run` will refuse to start")
        problems += 1
    if problems:
        print(f"{problems} thing(s) to look at before people use the bot.")
    return 0


def check() -> int:
    """Validate the organisation file and the database, and say what was found."""
    return asyncio.run(_check(Settings()))


def backup(target: str | None = None) -> int:
    """A consistent copy of the SQLite database, safe while the bot runs."""
    settings = Settings()
    url = make_url(settings.database_url)
    if not url.drivername.startswith("sqlite") or not url.database:
        print("baton backup copies SQLite files; for PostgreSQL use pg_dump.")
        return 2
    source = Path(url.database)
    if not source.exists():
        print(f"✗ {source} does not exist")
        return 1
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    destination = Path(target) if target else source.with_name(f"{source.stem}-{stamp}.db")
    with sqlite3.connect(source) as live, sqlite3.connect(destination) as copy:
        live.backup(copy)  # SQLite's online backup: a consistent snapshot
    print(f"✓ {source} → {destination}")
    return 0
