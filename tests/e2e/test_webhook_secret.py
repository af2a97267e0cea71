"""Webhook mode without a real secret: `baton run` refuses to start, with one
line and before it touches the database or Telegram; the webhook server
refuses every update whose secret header is missing or wrong, and refuses all
updates if it was somehow built without a secret."""

import asyncio
import os
import sys

import httpx
import pytest
from pydantic import SecretStr
from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets

from bot.harness import BotUnderTest
from bot.webhook import SECRET_HEADER, web_application
from tests.conftest import REQUESTER, ROOT
from tests.e2e.test_webhook import start_update

GOOD_SECRET = "a-long-webhook-secret_42"
UNSET = None


@pytest.mark.parametrize("secret", [UNSET, "", "   ", "short-secret", "x" * 15,
                                    "sixteen chars!!!"])
async def test_webhook_mode_refuses_to_start_without_a_good_secret(emu, tmp_path, secret):
    org = (ROOT / "core" / "org.example.toml").read_text(encoding="utf-8")
    (tmp_path / "org.toml").write_text(org)
    database = tmp_path / "baton.db"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WEBHOOK_", "METRICS_"))}
    env.update({"BOT_TOKEN": emu.token, "TELEGRAM_API_URL": emu.base_url,
                "DATABASE_URL": f"sqlite+aiosqlite:///{database}",
                "ORG_CONFIG": str(tmp_path / "org.toml"), "PYTHONPATH": str(ROOT),
                "WEBHOOK_URL": "https://bot.example.com/telegram/hook"})
    if secret is not UNSET:
        env["WEBHOOK_SECRET"] = secret
    # the cwd has no .env: only the environment above counts
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", env=env, cwd=tmp_path,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    try:
        stdout, stderr = await asyncio.wait_for(proc.communicate(), timeout=30)
    finally:
        if proc.returncode is None:  # it started after all: stop it
            proc.kill()
            await proc.wait()
    assert proc.returncode == 1, stderr.decode()
    lines = stderr.decode().strip().splitlines()
    assert len(lines) == 1, lines
    assert "WEBHOOK_SECRET" in lines[0] and "16 characters" in lines[0]
    assert stdout == b""
    # nothing happened before the refusal: no migration, no call to Telegram
    assert not database.exists()
    assert emu.calls == []


@pytest.mark.parametrize("secret", [UNSET, "", "x" * 15])
async def test_baton_check_says_the_same(tmp_path, secret):
    env = {k: v for k, v in os.environ.items() if not k.startswith("WEBHOOK_")}
    env.update({"WEBHOOK_URL": "https://bot.example.com/hook", "PYTHONPATH": str(ROOT),
                "ORG_CONFIG": str(ROOT / "core" / "org.example.toml")})
    if secret is not UNSET:
        env["WEBHOOK_SECRET"] = secret
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "check", env=env, cwd=tmp_path,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    _, stderr = await asyncio.wait_for(proc.communicate(), timeout=60)
    assert proc.returncode == 1
    lines = stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "WEBHOOK_SECRET" in lines[0], lines


@pytest.fixture
async def served(emu, database_url, org, clock):
    """The webhook server of a running bot, built with the given secret."""
    runner = BotUnderTest(emu, database_url, org, clock)
    await runner.start(polling=False)
    servers = []

    def serve(secret: str | None) -> str:
        settings = runner.settings.model_copy(update={
            "webhook_url": "https://bot.example.com/telegram/hook",
            "webhook_secret": SecretStr(secret) if secret is not None else None})
        sockets = bind_sockets(0, "127.0.0.1")
        server = HTTPServer(web_application(runner.app, settings))
        server.add_sockets(sockets)
        servers.append(server)
        return f"http://127.0.0.1:{sockets[0].getsockname()[1]}/telegram/hook"

    yield runner, serve
    for server in servers:
        server.stop()
    await runner.stop()


def greetings(emu) -> int:
    return len([m for m in emu.bot_messages(REQUESTER) if "Baton" in m.text])


async def test_an_update_without_the_right_secret_is_refused(emu, served):
    runner, serve = served
    url = serve(GOOD_SECRET)
    wrong = [{}, {SECRET_HEADER: ""}, {SECRET_HEADER: "wrong"},
             {SECRET_HEADER: GOOD_SECRET[:-1] + "X"},  # same length, last character off
             {SECRET_HEADER: GOOD_SECRET + "X"}, {SECRET_HEADER: GOOD_SECRET.upper()},
             {SECRET_HEADER: "é" * len(GOOD_SECRET)}]  # not ASCII: still a plain 403
    async with httpx.AsyncClient() as client:
        for number, headers in enumerate(wrong):
            encoded = {k: v.encode() for k, v in headers.items()}
            answer = await client.post(url, json=start_update(910000 + number), headers=encoded)
            assert answer.status_code == 403, headers
        accepted = await client.post(url, json=start_update(910100),
                                     headers={SECRET_HEADER: GOOD_SECRET})
        assert accepted.status_code == 200
    await runner.settle()
    assert greetings(emu) == 1  # only the update with the secret was handled


@pytest.mark.parametrize("secret", [None, ""])
async def test_a_server_without_a_secret_takes_nothing(emu, served, secret):
    # the settings refuse this; should a server be built without one anyway, it
    # fails closed instead of taking updates from anyone
    runner, serve = served
    url = serve(secret)
    async with httpx.AsyncClient() as client:
        for headers in ({}, {SECRET_HEADER: ""}, {SECRET_HEADER: "anything-at-all-1234"}):
            answer = await client.post(url, json=start_update(920000), headers=headers)
            assert answer.status_code == 403, headers
    await runner.settle()
    assert greetings(emu) == 0
