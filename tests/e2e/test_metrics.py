"""/metrics and /healthz on METRICS_PORT, scraped over HTTP while the bot runs,
and /metrics on the webhook's own port only when METRICS_PORT says so."""

import asyncio
from datetime import timedelta

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families
from pydantic import SecretStr
from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets

from bot.harness import BotUnderTest
from bot.webhook import web_application
from tests.conftest import EXECUTOR, IT_CHAT, REQUESTER
from tests.e2e.flows import bind, card, file_access_request, last, press, say, skip_watchers


class MeteredBot(BotUnderTest):
    @property
    def settings(self):
        return super().settings.model_copy(update={"metrics_port": 0})


@pytest.fixture
async def metered(emu, database_url, org, clock):
    runner = MeteredBot(emu, database_url, org, clock)
    await runner.start()
    server = runner.app.bot_data.metrics_server
    server.metrics.database.ttl = 0  # every scrape reads the database afresh
    yield runner, f"http://127.0.0.1:{server.port}"
    await runner.stop()


async def scrape(base: str) -> dict[tuple[str, tuple], float]:
    async with httpx.AsyncClient() as client:
        answer = await client.get(f"{base}/metrics")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/plain")
    samples = {}
    for family in text_string_to_metric_families(answer.text):
        for sample in family.samples:
            samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return samples


def value(samples, name, **labels):
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


async def test_metrics_follow_what_happened(emu, metered, clock):
    bot, base = metered
    before = await scrape(base)
    assert value(before, "baton_database_up") == 1
    assert value(before, "baton_open_requests", department="it", status="new") == 0

    await bind(emu, bot)
    first = await file_access_request(emu, bot)
    second = await file_access_request(emu, bot, system="Jira")
    await press(emu, bot, EXECUTOR, card(emu, first), "🙋 Take")
    after = await scrape(base)

    assert value(after, "baton_open_requests", department="it", status="in_progress") == 1
    assert value(after, "baton_open_requests", department="it", status="new") == 1
    assert value(after, "baton_open_requests", department="hr", status="new") == 0
    # one form is 9 updates: /new, 6 presses, one typed answer, the picker's Skip (a
    # message); then /bind and Take
    assert value(after, "baton_updates_total", kind="command") == 3  # /bind, /new, /new
    assert value(after, "baton_updates_total", kind="callback_query") == 13
    assert value(after, "baton_updates_total", kind="message") == 4
    handled = sum(value(after, "baton_updates_total", kind=k)
                  for k in ("command", "callback_query", "message"))
    timed = sum(value(after, "baton_handler_seconds_count", kind=k)
                for k in ("command", "callback_query", "message"))
    assert timed == handled == 20
    # two cards posted (and edited once on Take), two confirmations, a taken notice
    assert value(after, "baton_messages_sent_total", kind="card") == 3
    assert value(after, "baton_messages_sent_total", kind="notice") >= 3
    assert value(after, "baton_messages_retried_total", reason="network") == 0
    assert value(after, "baton_outbox_messages", status="due") == 0
    assert value(after, "baton_sla_breached_open_requests", department="it",
                 clock="response") == 0

    # the second request is not taken in time: its response SLA is breached
    clock.advance(timedelta(hours=3))
    late = await scrape(base)
    assert value(late, "baton_sla_breached_open_requests", department="it",
                 clock="response") == 1
    assert second != first


async def test_retries_and_refusals_are_counted(emu, metered):
    bot, base = metered
    await bind(emu, bot)
    emu.inject("sendMessage", status=502, chat_id=IT_CHAT)  # the card: retried later
    await say(emu, bot, REQUESTER, "/new")
    for button in ("IT", "Access to a system"):
        await press(emu, bot, REQUESTER, last(emu, REQUESTER), button)
    await say(emu, bot, REQUESTER, "1C")
    for button in ("Write", "Skip", "Normal"):
        await press(emu, bot, REQUESTER, last(emu, REQUESTER), button)
    await skip_watchers(emu, bot)
    # the confirmation is refused for good: the requester blocked the bot meanwhile
    emu.users[REQUESTER].press(last(emu, REQUESTER), "✅ Send")
    emu.users[REQUESTER].block_bot(notify=False)  # before the bot has handled the press
    await emu.wait_for(lambda: emu.pending_update_count() == 0, timeout=10)
    await bot.app.update_queue.join()
    # the second notice to the requester waits for the chat's next second (the card's
    # retry is not due on the fake clock, so settle() would wait for it in vain)
    for _ in range(100):
        await bot.sender.drain()
        samples = await scrape(base)
        if value(samples, "baton_outbox_messages", status="failed") == 2:
            break  # (the counter goes up before the row is written: wait for the row)
        await asyncio.sleep(0.05)
    assert value(samples, "baton_messages_retried_total", reason="network") == 1
    # the confirmation, and the notice that the card is delayed: both to the blocked
    # requester, both failed
    assert value(samples, "baton_messages_failed_total", kind="notice") == 2
    assert value(samples, "baton_outbox_messages", status="pending") >= 1  # the card, later
    assert value(samples, "baton_outbox_messages", status="failed") == 2


async def test_healthz_beside_metrics(metered):
    _, base = metered
    async with httpx.AsyncClient() as client:
        answer = await client.get(f"{base}/healthz")
    assert answer.status_code == 200 and answer.json() == {"status": "ok", "outbox_due": 0}


@pytest.mark.parametrize("same_port", [True, False])
async def test_webhook_port_serves_metrics_only_when_asked(emu, database_url, org, clock,
                                                           same_port):
    runner = BotUnderTest(emu, database_url, org, clock)
    await runner.start(polling=False)
    settings = runner.settings.model_copy(update={
        "webhook_url": "https://bot.example.com/telegram/hook",
        "webhook_secret": SecretStr("s3cret-token"), "webhook_port": 8443,
        "metrics_port": 8443 if same_port else 9100})
    sockets = bind_sockets(0, "127.0.0.1")
    server = HTTPServer(web_application(runner.app, settings))
    server.add_sockets(sockets)
    base = f"http://127.0.0.1:{sockets[0].getsockname()[1]}"
    try:
        async with httpx.AsyncClient() as client:
            metrics = await client.get(f"{base}/metrics")
            health = await client.get(f"{base}/healthz")
    finally:
        server.stop()
        await runner.stop()
    assert health.status_code == 200
    if same_port:
        assert metrics.status_code == 200 and "baton_open_requests" in metrics.text
    else:
        assert metrics.status_code == 404
