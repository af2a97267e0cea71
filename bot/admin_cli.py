"""`baton check` and `baton backup`: what an admin runs before a deploy and every night."""

from __future__ import annotations

import asyncio
import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url

from bot.settings import Settings
from core import org_versions
from core.binding import numbers, removed_departments_work
from core.org import OrgError, load_org, read_org_text
from db import users
from db.models import ChatBinding, User, full_name
from db.session import Database


def _schema_head(url: str) -> str | None:
    from alembic.script import ScriptDirectory

    from db.migrate import alembic_config

    try:
        return ScriptDirectory.from_config(alembic_config(url)).get_current_head()
    except Exception:
        return None


def _person(people: dict[int, User], user_id: int) -> str:
    person = people.get(user_id)
    if person is None:
        return f"{user_id} (not seen by the bot yet)"
    name = full_name(person.first_name, person.last_name)
    note = "" if person.started and not person.blocked else \
        ", has not started the bot: escalations reach them in the group"
    return f"{user_id} ({name}{note})"


async def _check(settings: Settings) -> int:
    try:
        org = load_org(settings.org_config)
    except OrgError as exc:
        print(f"✗ organisation file: {exc}")
        return 1
    print(f"✓ organisation file {settings.org_config}: {org.organization.name}, "
          f"{len(org.departments)} departments, timezone {org.organization.timezone}, "
          f"language {org.organization.language}, access {org.access.mode}")
    shown_url = make_url(settings.database_url).render_as_string()  # the password hidden
    db = Database(settings.database_url)
    try:
        await db.ping()
    except Exception as exc:
        await db.dispose()
        print(f"✗ database {shown_url}: {type(exc).__name__}: {exc}")
        return 1
    bindings: dict[str, ChatBinding] | None
    removed: dict[str, list[int]] = {}
    people: dict[int, User] = {}
    revision = None
    running: list[org_versions.Running] | None = None
    stored: tuple[int | None, bool] = (None, False)  # the running version, and is it this file
    try:  # a database older than 0009 has no versions yet
        async with db.reading() as session:
            since = datetime.now(UTC) - org_versions.INSTANCES_SHOWN_FOR
            running = await org_versions.instances(session, since)
            current = await org_versions.newest(session, accepted=True)
            if current is not None:
                on_disk = read_org_text(settings.org_config)
                stored = (current.id, current.digest == org_versions.digest(on_disk))
    except Exception:
        running = None
    try:  # its own transaction: a missing table aborts a PostgreSQL transaction
        async with db.reading() as session:
            revision = await session.scalar(text("SELECT version_num FROM alembic_version"))
            bindings = {b.department_key: b for b in await users.bindings(session)}
            ids = set(org.organization.admins) | {
                m for d in org.departments for m in d.managers}
            people = await users.get_users(session, ids)
            removed = await removed_departments_work(session, org)
    except Exception:
        bindings = None  # no schema yet: the bot creates it on start
    finally:
        await db.dispose()
    head = _schema_head(settings.database_url)
    if bindings is None or revision is None:
        schema = "empty: the schema is created on the first start"
    elif revision == head:
        schema = f"schema {revision}, up to date"
    else:
        schema = (f"schema {revision}; `baton run` migrates it to {head} on start "
                  "(back up first: see the README's upgrade notes)")
    print(f"✓ database {shown_url} answers ({schema})")
    problems = 0
    if running is not None:
        version, same = stored
        if version is None:
            print("Organisation file versions: none stored yet (the first start stores it)")
        else:
            note = "this file" if same else ("not this file: `baton reload` makes the "
                                              "instances use this one")
            print(f"Organisation file: version {version} runs ({note})")
            if not same:
                problems += 1
        print(f"Instances seen in the last {org_versions.INSTANCES_SHOWN_FOR.seconds // 60} "
              f"minutes: {len(running) or 'none'}")
        for instance in running:
            behind = "" if instance.version == version else " (behind: picks it up soon)"
            print(f"  {instance.instance}: version {instance.version or '—'}{behind}, "
                  f"started {instance.started_at:%Y-%m-%d %H:%M}, "
                  f"seen {instance.seen_at:%H:%M:%S} UTC")
    print("Departments:")
    for department in org.departments:
        binding = (bindings or {}).get(department.key)
        in_file = department.chat_id
        if binding is not None:
            where = f"chat {binding.chat_id}" + (f", topic {binding.thread_id}"
                                                 if binding.thread_id else "")
            if binding.bound_by is None:
                how = "from the organisation file"
                if in_file is not None and (in_file, department.thread_id) != (
                        binding.chat_id, binding.thread_id):
                    how += (f"; the file now names chat {in_file}: its open requests move "
                            "there on the next start")
            else:
                how = (f"with /bind by {binding.bound_by} on "
                       f"{binding.bound_at:%Y-%m-%d %H:%M} UTC")
                if in_file is not None and in_file != binding.chat_id:
                    how += f"; the file's chat_id {in_file} is ignored: /bind wins"
            chat = f"{where} ({how})"
        elif in_file is not None:
            chat = f"chat {in_file} (from the organisation file, bound on the next start)"
        else:
            chat = "no chat bound yet: send /bind " + department.key + " in its group"
            problems += 1
        managers = ", ".join(_person(people, m) for m in department.managers) or "none"
        types = ", ".join(f"{t.key} ({t.name})" for t in department.request_types)
        print(f"  {department.key:<12} {department.name}")
        print(f"    chat:     {chat}")
        print(f"    managers: {managers}")
        print(f"    types:    {types}")
    if removed:
        # /stats, /export and escalations know only the file's departments
        print("Departments no longer in the organisation file, with open requests:")
    for key, open_ids in removed.items():
        binding = (bindings or {}).get(key)
        if binding is not None:
            where = f"chat {binding.chat_id}" + (f", topic {binding.thread_id}"
                                                 if binding.thread_id else "")
            how = f"an admin passes each on with ➡️ Transfer on its card in {where}"
        else:
            how = ("no chat shows them: put the department back in the file, /bind it, "
                   "and transfer them from there")
        print(f"  {key}: {len(open_ids)} open request(s) ({numbers(open_ids)}); {how}")
        problems += 1
    admins = ", ".join(_person(people, a) for a in org.organization.admins) or "none"
    print(f"Admins: {admins}")
    if not org.organization.admins:
        print("! no admins: nobody can /bind a group")
        problems += 1
    if settings.bot_token is None or not settings.bot_token.get_secret_value():
        print("! BOT_TOKEN is not set: `baton run` will refuse to start")
        problems += 1
    else:
        print("✓ BOT_TOKEN is set")
    mode = f"webhook at {settings.webhook_url}" if settings.webhook_url else "long polling"
    metrics = (f"/metrics and /healthz on {settings.metrics_listen}:{settings.metrics_port}"
               if settings.metrics_port is not None else "no metrics server (METRICS_PORT unset)")
    print(f"Mode: {mode}; {metrics}; logs {settings.log_format} at {settings.log_level}")
    if problems:
        print(f"{problems} thing(s) to look at before people use the bot.")
    return 0


def check() -> int:
    """Validate the organisation file and the database, and say what was found."""
    return asyncio.run(_check(Settings()))


async def _reload(settings: Settings) -> int:
    db = Database(settings.database_url)
    try:
        recorded, org = await org_versions.reload_stored(
            db, datetime.now(UTC), settings.org_config, "baton reload")
    except OrgError as exc:  # not readable: nothing stored
        print(f"✗ organisation file: {exc}")
        return 1
    except Exception as exc:
        print(f"✗ database: {type(exc).__name__}: {exc} (has the bot started once, "
              "creating its tables?)")
        return 1
    finally:
        await db.dispose()
    if recorded.error is not None:
        # the same one line as `baton run` gives; the running file stays
        print(f"organisation file: {recorded.error}")
        print(f"✗ refused: version {recorded.version or '—'} keeps running"
              + ("; the admins are told" if recorded.new else ""))
        return 1
    assert org is not None
    if recorded.new:
        print(f"✓ organisation file {settings.org_config}: {org.organization.name}, "
              f"{len(org.departments)} departments, stored as version {recorded.version}; "
              f"every instance runs it within {int(org_versions.ORG_POLL_SECONDS)} s "
              "(see `baton check`)")
    else:
        print(f"✓ organisation file {settings.org_config} is version {recorded.version} "
              "already: nothing to do")
    return 0


def reload() -> int:
    """Store the organisation file as it is now for every running instance to use."""
    return asyncio.run(_reload(Settings()))


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
    # closing(): sqlite3's own context manager commits but leaves the file open
    with closing(sqlite3.connect(source)) as live, closing(sqlite3.connect(destination)) as copy:
        live.backup(copy)  # SQLite's online backup: a consistent snapshot
    print(f"✓ {source} → {destination}")
    return 0
