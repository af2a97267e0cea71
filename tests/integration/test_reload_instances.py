"""Several instances on one database follow a reload of the organisation file: each
picks the stored version up at its next poll (the fake clock says when), says which
one it runs, and a change recorded by two at once is one version, told once."""

import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from core import org_versions
from core.clock import FakeClock
from core.context import Services
from core.org import parse_org_text
from db.migrate import upgrade
from db.models import OrgVersion, OutboxMessage
from db.session import Database
from tests.conftest import ADMIN, ROOT

V1 = (ROOT / "core" / "org.example.toml").read_text(encoding="utf-8")
V2 = V1.replace('name = "Access to a system"', 'name = "Access to any system"', 1)
WRONG = V1.replace('resolve = "1d"', 'resolve = "1x"', 1)


async def outbox_count(svc: Services) -> int:
    async with svc.db.reading() as session:
        return await session.scalar(select(func.count()).select_from(OutboxMessage)) or 0


async def test_two_instances_pick_a_reload_up_and_say_so(database_url, tmp_path):
    await upgrade(database_url)
    clock = FakeClock(datetime(2026, 11, 23, 7, 0, tzinfo=UTC))
    org = parse_org_text(V1, "org.toml")
    one = Services(Database(database_url), org, clock)
    two = Services(Database(database_url), org, clock)
    try:
        first = await org_versions.start(one, V1, "start of one")
        again = await org_versions.start(two, V1, "start of two")
        assert first.new and not again.new and first.version == again.version
        assert one.org_version == two.org_version == first.version
        assert await outbox_count(one) == 0  # the first file is no news

        # `baton reload` elsewhere: stored, and nobody runs it until they poll
        path = tmp_path / "org.toml"
        path.write_text(V2, encoding="utf-8")
        recorded, _ = await org_versions.reload_stored(one.db, clock.now(), path, "baton reload")
        assert recorded.new and recorded.version == first.version + 1
        assert one.org.department("it").request_type("access").name == "Access to a system"

        clock.advance(timedelta(seconds=org_versions.ORG_POLL_SECONDS))
        assert await org_versions.follow(one) and await org_versions.follow(two)
        for svc in (one, two):
            assert svc.org_version == recorded.version
            assert svc.org.department("it").request_type("access").name == "Access to any system"
        async with one.db.reading() as session:
            running = await org_versions.instances(session, clock.now() - timedelta(minutes=1))
        assert {(r.instance, r.version) for r in running} == {
            (one.instance, recorded.version), (two.instance, recorded.version)}
        assert all(r.seen_at == clock.now() for r in running)
        assert await outbox_count(one) == 1  # the admin told once: "version 2 runs now"

        # an instance that stops polling drops out of `baton check`'s list
        clock.advance(org_versions.INSTANCES_SHOWN_FOR + timedelta(minutes=1))
        await org_versions.follow(one)
        async with one.db.reading() as session:
            running = await org_versions.instances(
                session, clock.now() - org_versions.INSTANCES_SHOWN_FOR)
        assert [r.instance for r in running] == [one.instance]
    finally:
        await one.db.dispose()
        await two.db.dispose()


async def test_a_restart_with_an_older_copy_does_not_take_everyone_back(database_url,
                                                                        tmp_path):
    await upgrade(database_url)
    clock = FakeClock(datetime(2026, 11, 23, 7, 0, tzinfo=UTC))
    one = Services(Database(database_url), parse_org_text(V1, "org.toml"), clock)
    try:
        first = await org_versions.start(one, V1, "start of one")
        path = tmp_path / "org.toml"
        path.write_text(V2, encoding="utf-8")
        second, _ = await org_versions.reload_stored(one.db, clock.now(), path, "baton reload")
        # another host, still with version 1 on its disk, restarts
        late = Services(Database(database_url), parse_org_text(V1, "org.toml"), clock)
        try:
            recorded = await org_versions.start(late, V1, "start of late")
            assert not recorded.new and recorded.version == second.version
            assert late.org.department("it").request_type("access").name == \
                "Access to any system"
        finally:
            await late.db.dispose()
        async with one.db.reading() as session:
            assert (await org_versions.newest(session)).id == second.version
        assert first.version < second.version
    finally:
        await one.db.dispose()


async def test_a_wrong_file_sent_to_both_at_once_is_refused_once(database_url, tmp_path):
    await upgrade(database_url)
    clock = FakeClock(datetime(2026, 11, 23, 7, 0, tzinfo=UTC))
    org = parse_org_text(V1, "org.toml")
    one = Services(Database(database_url), org, clock)
    two = Services(Database(database_url), org, clock)
    try:
        await org_versions.start(one, V1, "start of one")
        await org_versions.start(two, V1, "start of two")
        path = tmp_path / "org.toml"
        path.write_text(WRONG, encoding="utf-8")
        # SIGHUP to both instances at the same moment
        results = await asyncio.gather(org_versions.reload_file(one, path, "SIGHUP to one"),
                                       org_versions.reload_file(two, path, "SIGHUP to two"))
        assert all(r.error and r.error.startswith("departments[0].request_types[0].resolve")
                   for r in results)
        assert one.org_version == two.org_version == 1
        async with one.db.reading() as session:
            rows = (await session.scalars(select(OrgVersion).order_by(OrgVersion.id))).all()
            notices = (await session.scalars(select(OutboxMessage))).all()
        assert [(r.id, r.error is None) for r in rows] == [(1, True), (2, False)]
        assert [(n.chat_id, n.payload["template"]) for n in notices] == [
            (ADMIN, "org_reload.refused")]
    finally:
        await one.db.dispose()
        await two.db.dispose()


def baton(command, env, cwd):
    import os
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "bot.cli", command],
                          env={**os.environ, **env}, cwd=cwd, capture_output=True, text=True,
                          timeout=60)


def test_baton_reload_stores_a_valid_file_and_refuses_a_wrong_one_as_run_does(tmp_path):
    url = f"sqlite+aiosqlite:///{tmp_path / 'baton.db'}"
    path = tmp_path / "org.toml"
    path.write_text(V1, encoding="utf-8")
    env = {"DATABASE_URL": url, "ORG_CONFIG": str(path), "BOT_TOKEN": "123:secret-token-value"}

    async def running_instance() -> Services:
        await upgrade(url)
        svc = Services(Database(url), parse_org_text(V1, path), FakeClock(datetime.now(UTC)))
        await org_versions.start(svc, V1, "start")
        return svc

    svc = asyncio.run(running_instance())
    asyncio.run(svc.db.dispose())

    path.write_text(V2, encoding="utf-8")
    checked = baton("check", env, tmp_path).stdout
    assert "Organisation file: version 1 runs (not this file: `baton reload`" in checked
    assert f"  {svc.instance}: version 1, started " in checked
    done = baton("reload", env, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "stored as version 2; every instance runs it within 30 s" in done.stdout
    assert "version 2 already" in baton("reload", env, tmp_path).stdout
    checked = baton("check", env, tmp_path).stdout
    assert "Organisation file: version 2 runs (this file)" in checked
    assert f"  {svc.instance}: version 1 (behind: picks it up soon)" in checked

    path.write_text(WRONG, encoding="utf-8")
    refused = baton("reload", env, tmp_path)
    at_start = baton("run", env, tmp_path)
    assert refused.returncode == 1 and at_start.returncode == 1
    [line] = [x for x in at_start.stderr.splitlines() if x.startswith("organisation file:")]
    assert refused.stdout.splitlines() == [
        line, "✗ refused: version 2 keeps running; the admins are told"]
