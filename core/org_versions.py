"""Reloading the organisation file without a restart (SPEC §5 "Languages", last part).

The database holds every organisation file an instance started with or was told to
reload (``org_versions``: text, hash, and the refusal when it was wrong). The running
file is the newest version without an error; every instance polls it
(:func:`follow`, every ``ORG_POLL_SECONDS``) and swaps to it, and says in
``instances`` which version it runs. A reload (``baton reload``, SIGHUP, a start with
a changed file) is :func:`record`: one new row, added only when the file differs
from the newest row, with the admins' notices in the same transaction — told once,
however many instances record the same change at once (``parent_id`` is unique).
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from core.context import Services
from core.org import OrgConfig, OrgError, parse_org_text, read_org_text
from core.outgoing import notify
from db.models import Instance, OrgVersion
from db.session import Database

log = logging.getLogger(__name__)
ORG_POLL_SECONDS = 30.0  # every instance picks a reload up within this (SPEC: a minute)
INSTANCES_SHOWN_FOR = timedelta(minutes=10)  # `baton check` lists instances seen since


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Recorded:
    version: int | None  # the version that runs now (None: none stored yet)
    new: bool  # a row was added (the admins are told)
    error: str | None = None  # the file's refusal, one line


async def newest(session: AsyncSession, *, accepted: bool = False) -> OrgVersion | None:
    query = select(OrgVersion).order_by(OrgVersion.id.desc()).limit(1)
    if accepted:
        query = query.where(OrgVersion.error.is_(None))
    return (await session.scalars(query)).first()


async def record(db: Database, now: datetime, text: str, error: str | None, source: str,
                 admins: list[int]) -> Recorded:
    """Store the file as the newest version (or its refusal) unless the newest row
    is this very file; tell ``admins`` privately, in the same transaction."""
    for _ in range(3):
        try:
            async with db.transaction() as session:
                return await _record(session, now, text, error, source, admins)
        except IntegrityError:  # another instance recorded a change just now: look again
            continue
    raise RuntimeError("could not record the organisation file version")  # pragma: no cover


async def _record(session: AsyncSession, now: datetime, text: str, error: str | None,
                  source: str, admins: list[int]) -> Recorded:
    last = await newest(session)
    running = last if last is None or last.error is None else await newest(session,
                                                                           accepted=True)
    running_id = running.id if running is not None else None
    if last is not None and last.digest == digest(text):
        return Recorded(last.id if last.error is None else running_id, False, last.error)
    row = OrgVersion(parent_id=last.id if last is not None else 0, digest=digest(text),
                     text=text, error=error, source=source[:200], created_at=now)
    session.add(row)
    await session.flush()  # a second instance's row with the same parent fails here
    if last is not None:  # the first file an instance starts with is no news
        for admin in admins:
            if error is None:
                notify(session, now, admin, "org_reload.done", version=row.id, source=source)
            else:
                notify(session, now, admin, "org_reload.refused", error=error, source=source,
                       version=running_id or "—")
    return Recorded(row.id if error is None else running_id, True, error)


async def follow(svc: Services) -> bool:
    """Run the newest accepted version if this instance runs another; say which one
    it runs (``instances``). True when it swapped."""
    now = svc.clock.now()
    async with svc.db.reading() as session:
        wanted = await newest(session, accepted=True)
    swapped = False
    if wanted is not None and wanted.id != svc.org_version:
        try:
            org = parse_org_text(wanted.text, f"version {wanted.id}")
        except OrgError as exc:  # stored by a newer release, say: keep what runs
            log.error("organisation file version %s cannot be run here: %s", wanted.id, exc)
        else:
            before = svc.org_version
            svc.swap_org(org, wanted.id)
            swapped = True
            log.info("organisation file version %s runs now (was %s): %s, %d departments",
                     wanted.id, before, org.organization.name, len(org.departments))
    async with svc.db.transaction() as session:
        seen = await session.execute(update(Instance).where(Instance.id == svc.instance)
                                     .values(version_id=svc.org_version, seen_at=now))
        if not seen.rowcount:  # type: ignore[attr-defined]
            session.add(Instance(id=svc.instance, version_id=svc.org_version, started_at=now,
                                 seen_at=now))
    return swapped


async def start(svc: Services, text: str, source: str) -> Recorded:
    """An instance starts with the file it read: stored as the newest version when it
    is new (a start is a reload), then run. A file that was an earlier version is not
    stored again: a host restarted with an old copy must not take every instance back
    (`baton reload` there does it on purpose)."""
    async with svc.db.reading() as session:
        last = await newest(session)
        earlier = None if last is None or last.digest == digest(text) else (
            await session.scalars(select(OrgVersion.id).where(
                OrgVersion.digest == digest(text), OrgVersion.error.is_(None))
                .order_by(OrgVersion.id.desc()).limit(1))).first()
    if earlier is not None:
        log.warning("the organisation file here is version %s, older than the one running; "
                    "the newest runs (`baton reload` makes this file the running one)",
                    earlier)
        await follow(svc)
        return Recorded(svc.org_version, False)
    recorded = await record(svc.db, svc.clock.now(), text, None, source,
                            svc.org.organization.admins)
    await follow(svc)
    return recorded


async def reload_file(svc: Services, path: str | Path, source: str) -> Recorded:
    """SIGHUP: read the file again; a valid one runs at once (here, and everywhere
    within ORG_POLL_SECONDS), a wrong one is refused and the running one stays."""
    try:
        text = read_org_text(path)
    except OrgError as exc:
        log.error("organisation file not reloaded, version %s keeps running: %s",
                  svc.org_version, exc)
        return Recorded(svc.org_version, False, str(exc))
    org: OrgConfig | None
    try:
        org, error = parse_org_text(text, path), None
    except OrgError as exc:
        org, error = None, str(exc)
    admins = (org or svc.org).organization.admins
    recorded = await record(svc.db, svc.clock.now(), text, error, source, admins)
    if error is not None:
        log.error("organisation file not reloaded, version %s keeps running: %s",
                  recorded.version, error)
    await follow(svc)
    return recorded


async def reload_stored(db: Database, now: datetime, path: str | Path, source: str
                        ) -> tuple[Recorded, OrgConfig | None]:
    """`baton reload`, with no bot running here: store the file for the instances
    to pick up (or its refusal, for the admins of the running one to hear)."""
    text = read_org_text(path)  # an unreadable file: OrgError, nothing stored
    org: OrgConfig | None
    try:
        org, error = parse_org_text(text, path), None
    except OrgError as exc:
        org, error = None, str(exc)
    admins: list[int] = []
    if org is not None:
        admins = org.organization.admins
    else:
        async with db.reading() as session:
            running = await newest(session, accepted=True)
        if running is not None:
            try:
                admins = parse_org_text(running.text, "running").organization.admins
            except OrgError:
                admins = []
    return await record(db, now, text, error, source, admins), org


@dataclass(frozen=True)
class Running:
    instance: str
    version: int | None
    started_at: datetime
    seen_at: datetime


async def instances(session: AsyncSession, since: datetime) -> list[Running]:
    rows = await session.scalars(select(Instance).where(Instance.seen_at >= since)
                                 .order_by(Instance.started_at))
    return [Running(r.id, r.version_id, r.started_at, r.seen_at) for r in rows]
