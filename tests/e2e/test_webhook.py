"""Webhook mode: the secret is checked on every update, and /healthz answers."""

import httpx
import pytest
from pydantic import SecretStr
from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets

from bot.harness import BotUnderTest
from bot.webhook import SECRET_HEADER, web_application
from tests.conftest import REQUESTER


@pytest.fixture
async def webhook(emu, database_url, org, clock):
    runner = BotUnderTest(emu, database_url, org, clock)
    await runner.start(polling=False)
    settings = runner.settings.model_copy(update={
        "webhook_url": "https://bot.example.com/telegram/hook",
        "webhook_secret": SecretStr("s3cret-token")})
    sockets = bind_sockets(0, "127.0.0.1")
    server = HTTPServer(web_application(runner.app, settings))
    server.add_sockets(sockets)
    base = f"http://127.0.0.1:{sockets[0].getsockname()[1]}"
    yield runner, base
    server.stop()
    await runner.stop()


def start_update(update_id: int) -> dict:
    return {"update_id": update_id, "message": {
        "message_id": 1, "date": 1795406400, "text": "/start",
        "chat": {"id": REQUESTER, "type": "private", "first_name": "Rita"},
        "from": {"id": REQUESTER, "is_bot": False, "first_name": "Rita", "language_code": "en"},
        "entities": [{"type": "bot_command", "offset": 0, "length": 6}]}}


async def test_updates_need_the_secret(emu, webhook):
    runner, base = webhook
    async with httpx.AsyncClient() as client:
        refused = await client.post(f"{base}/telegram/hook", json=start_update(900001),
                                    headers={SECRET_HEADER: "wrong"})
        assert refused.status_code == 403
        accepted = await client.post(f"{base}/telegram/hook", json=start_update(900002),
                                     headers={SECRET_HEADER: "s3cret-token"})
        assert accepted.status_code == 200
        garbage = await client.post(f"{base}/telegram/hook", content=b"{not json",
                                    headers={SECRET_HEADER: "s3cret-token"})
        assert garbage.status_code == 400
    await runner.settle()
    greetings = [m for m in emu.bot_messages(REQUESTER) if "Baton" in m.text]
    assert len(greetings) == 1


async def test_healthz(webhook):
    _, base = webhook
    async with httpx.AsyncClient() as client:
        answer = await client.get(f"{base}/healthz")
    assert answer.status_code == 200 and answer.json() == {"status": "ok", "outbox_due": 0}
