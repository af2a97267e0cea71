"""`baton check` on a database the bot has used: bound chats from the file and
from /bind, managers by name, the schema revision; what an admin reads before
a deploy."""

import asyncio
import os
import subprocess
import sys
from datetime import UTC, datetime

from pydantic import SecretStr

from bot.app import prepare
from bot.settings import Settings
from core.org import load_org
from db import users
from db.users import UserInfo
from tests.conftest import ADMIN, HR_CHAT, IT_CHAT, ROOT

NOW = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)


def baton_check(env: dict[str, str], cwd) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot.cli", "check"], env={**os.environ, **env},
                          cwd=cwd, capture_output=True, text=True, timeout=60)


async def used_database(url: str, org_path) -> None:
    """The bot started once (schema, the file's binding), IT bound with /bind,
    and the admin wrote to the bot."""
    settings = Settings(bot_token=SecretStr("1:x"), database_url=url, org_config=str(org_path))
    svc = await prepare(settings, org=load_org(str(org_path)))
    async with svc.db.transaction() as session:
        await users.bind(session, "it", IT_CHAT, 7, ADMIN, NOW)
        await users.remember_user(session, UserInfo(ADMIN, "Anna", "Admin"), NOW, private=True)
    await svc.db.dispose()


def test_check_prints_departments_chats_and_managers(tmp_path):
    org = (ROOT / "core" / "org.example.toml").read_text(encoding="utf-8")
    org = org.replace('key = "hr"\n', f'key = "hr"\nchat_id = {HR_CHAT}\n', 1)
    org_path = tmp_path / "org.toml"
    org_path.write_text(org, encoding="utf-8")
    url = f"sqlite+aiosqlite:///{tmp_path / 'baton.db'}"
    asyncio.run(used_database(url, org_path))

    result = baton_check({"DATABASE_URL": url, "ORG_CONFIG": str(org_path),
                          "BOT_TOKEN": "123:secret-token-value", "METRICS_PORT": "9090"},
                         tmp_path)
    out = result.stdout
    assert result.returncode == 0, out + result.stderr
    assert "✓ organisation file" in out and "Acme, 3 departments" in out
    assert "answers (schema " in out and "up to date" in out
    lines = out.splitlines()
    it = lines.index("  it           IT")
    assert lines[it + 1] == (f"    chat:     chat {IT_CHAT}, topic 7 (with /bind by {ADMIN} "
                             "on 2026-11-23 07:00 UTC)")
    assert lines[it + 2] == f"    managers: {ADMIN} (Anna Admin)"
    assert lines[it + 3].startswith("    types:    access (Access to a system), hardware")
    hr = lines.index("  hr           HR")
    assert lines[hr + 1] == f"    chat:     chat {HR_CHAT} (from the organisation file)"
    finance = lines.index("  finance      Finance")
    assert lines[finance + 1] == "    chat:     no chat bound yet: send /bind finance in its group"
    assert f"Admins: {ADMIN} (Anna Admin)" in out
    assert "✓ BOT_TOKEN is set" in out and "secret-token-value" not in out
    assert "Mode: long polling; /metrics and /healthz on 127.0.0.1:9090" in out
    assert "1 thing(s) to look at" in out


def test_check_reports_an_unreachable_database(tmp_path):
    result = baton_check({"DATABASE_URL": "postgresql+asyncpg://baton:pw@127.0.0.1:1/baton",
                          "ORG_CONFIG": str(ROOT / "core" / "org.example.toml"), "BOT_TOKEN": ""},
                         tmp_path)
    assert result.returncode == 1
    assert "✗ database postgresql+asyncpg://baton:***@127.0.0.1:1/baton" in result.stdout
    assert "pw@" not in result.stdout
