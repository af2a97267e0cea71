"""SIGTERM, as `docker stop` sends it, with work in flight: the bot (its own
process, against the emulator) finishes the update in hand and the message it
is sending, delivers what they owe, and exits 0 within seconds; after a restart
nothing was lost and nothing is sent twice. Its log, in JSON at DEBUG, never
shows the token."""

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from sqlalchemy import func, select

from bot.harness import sqlite_url
from db.models import OutboxMessage, Request
from db.session import Database
from tests.conftest import ADMIN, IT_CHAT, REQUESTER, ROOT


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Bot:
    def __init__(self, emu, tmp: Path, url: str) -> None:
        org = (ROOT / "core" / "org.example.toml").read_text(encoding="utf-8")
        (tmp / "org.toml").write_text(org.replace('language = "ru"', 'language = "en"'))
        self.metrics_port = free_port()
        self.env = {**os.environ, "BOT_TOKEN": emu.token, "TELEGRAM_API_URL": emu.base_url,
                    "DATABASE_URL": url, "ORG_CONFIG": str(tmp / "org.toml"),
                    "SCHEDULER_INTERVAL": "3600", "LOG_LEVEL": "DEBUG", "LOG_FORMAT": "json",
                    "METRICS_PORT": str(self.metrics_port)}
        self.log_path = tmp / "bot.log"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with self.log_path.open("ab") as log:
            self.proc = subprocess.Popen([sys.executable, "-m", "bot"], env=self.env, cwd=ROOT,
                                         stdout=log, stderr=log)

    def terminate(self) -> None:
        assert self.proc is not None
        self.terminated_at = time.monotonic()
        self.proc.send_signal(signal.SIGTERM)

    async def exit_code(self, timeout: float = 15.0) -> tuple[int, float]:  # noqa: ASYNC109
        assert self.proc is not None
        deadline = time.monotonic() + timeout
        while self.proc.poll() is None and time.monotonic() < deadline:  # noqa: ASYNC110
            await asyncio.sleep(0.05)
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
            raise AssertionError(f"still running {timeout}s after SIGTERM:\n{self.tail()}")
        return self.proc.returncode, time.monotonic() - self.terminated_at

    def tail(self) -> str:
        return self.log_path.read_text(errors="replace")[-3000:]


async def fill_form(emu, user_id: int) -> None:
    """/new and every answer up to the summary, as a person does it."""
    steps = [("Which department", "IT"), ("what kind of request", "Access to a system"),
             ("1/3. Which system?", None), ("2/3. Access level", "Write"),
             ("3/3. Needed by", "Skip"), ("How urgent", "Normal"),
             ("Keep anyone informed", "tap:Skip")]
    emu.users[user_id].send(user_id, "/new")
    for marker, button in steps:
        await emu.wait_for(lambda m=marker: (emu.last_bot_message(user_id) is not None
                                             and m in emu.last_bot_message(user_id).text),
                           timeout=20, what=marker)
        if button is None:
            emu.users[user_id].send(user_id, "1C Accounting")
        elif button.startswith("tap:"):  # a reply keyboard's button
            emu.users[user_id].tap(button.removeprefix("tap:"))
        else:
            emu.users[user_id].press(emu.last_bot_message(user_id), button)
    await emu.wait_for(lambda: "Please check your request" in emu.last_bot_message(user_id).text,
                       timeout=20, what="the summary")


async def test_sigterm_finishes_work_in_flight(emu, tmp_path):
    url = sqlite_url(tmp_path)
    bot = Bot(emu, tmp_path, url)
    bot.start()
    db = Database(url)
    try:
        await emu.wait_for(lambda: emu.calls_of("getUpdates"), timeout=30, what="the bot")
        async with httpx.AsyncClient() as client:  # the container's health check
            for _ in range(100):
                try:
                    health = await client.get(f"http://127.0.0.1:{bot.metrics_port}/healthz")
                    break
                except httpx.TransportError:
                    await asyncio.sleep(0.1)
        assert health.status_code == 200
        emu.users[ADMIN].send(IT_CHAT, "/bind it")
        await emu.wait_for(lambda: any("now receives" in m.text
                                       for m in emu.bot_messages(IT_CHAT)), timeout=20)
        await fill_form(emu, REQUESTER)

        # Send: the handler answers the press slowly and the card's post is slow too;
        # SIGTERM arrives while the handler is still in hand
        emu.inject_timeout("answerCallbackQuery", seconds=0.8)
        emu.inject_timeout("sendMessage", seconds=1.0, chat_id=IT_CHAT)

        def terminate_in_flight(method, params):
            if method == "answerCallbackQuery" and bot.proc.poll() is None \
                    and not hasattr(bot, "terminated_at"):
                bot.terminate()

        emu.before_call = terminate_in_flight
        emu.users[REQUESTER].press(emu.last_bot_message(REQUESTER), "✅ Send")
        code, took = await bot.exit_code()
        emu.before_call = None
        assert code == 0, bot.tail()
        assert took < 5.0, f"took {took:.1f}s to stop"

        # what was in flight was finished: the request, its card, the confirmation
        cards = [m for m in emu.bot_messages(IT_CHAT) if "Access to a system" in m.text
                 and "Status:" in m.text]
        confirmations = [m for m in emu.bot_messages(REQUESTER) if "has been sent" in m.text]
        assert len(cards) == 1 and len(confirmations) == 1
        async with db.reading() as session:
            requests = list(await session.scalars(select(Request)))
            unsent = await session.scalar(select(func.count()).select_from(OutboxMessage)
                                          .where(OutboxMessage.status != "sent"))
            leased = await session.scalar(select(func.count()).select_from(OutboxMessage)
                                          .where(OutboxMessage.locked_until.is_not(None)))
        assert [r.requester_id for r in requests] == [REQUESTER]
        assert unsent == 0 and leased == 0

        # a restart: the press is not handled again, nothing is sent twice
        calls_before = len(emu.calls)
        del bot.terminated_at
        bot.start()
        await emu.wait_for(lambda: len(emu.calls_of("getUpdates")) > 0
                           and len(emu.calls) > calls_before, timeout=30, what="the restart")
        await emu.wait_idle(quiet=1.0, timeout=20)
        assert len([m for m in emu.bot_messages(IT_CHAT) if "Status:" in m.text]) == 1
        assert len([m for m in emu.bot_messages(REQUESTER) if "has been sent" in m.text]) == 1
        async with db.reading() as session:
            assert await session.scalar(select(func.count()).select_from(Request)) == 1

        # an idle bot stops at once, with code 0
        bot.terminate()
        code, took = await bot.exit_code()
        assert code == 0 and took < 3.0, (code, took, bot.tail())
    finally:
        emu.before_call = None
        if bot.proc is not None and bot.proc.poll() is None:
            bot.proc.kill()
            bot.proc.wait()
        await db.dispose()

    # the JSON log: every line parses, updates are named, the token never shows
    text = bot.log_path.read_text()
    assert emu.token not in text and emu.token.split(":")[1] not in text
    entries = [json.loads(line) for line in text.splitlines() if line.startswith("{")]
    assert entries and len(entries) == len([ln for ln in text.splitlines() if ln.strip()]), \
        "every log line is one JSON object"
    assert any("update_id" in e for e in entries)
    assert any(e["message"] == "Baton stopped" for e in entries)


async def test_a_send_past_the_hard_limit_is_given_back(emu, bot, monkeypatch):
    """A message whose send outlasts the stop's limits is not left leased: it is
    owed again at once, for the next start or another instance."""
    from bot import sender as sender_module
    from db import outbox

    monkeypatch.setattr(sender_module, "STOP_HARD_LIMIT", 0.3)
    emu.inject_timeout("sendMessage", seconds=3.0, chat_id=REQUESTER)
    async with bot.svc.db.transaction() as session:
        item = outbox.enqueue(session, bot.clock.now(), chat_id=REQUESTER, kind="notice",
                              payload={"template": "unreachable",
                                       "args": {"department": "it", "error": "test"}})
    bot.sender.wake()
    await emu.wait_for(lambda: emu.inflight == 1, timeout=10, what="the send in flight")
    started = time.monotonic()
    await bot.sender.stop(grace=0.1)
    assert time.monotonic() - started < 2.0
    async with bot.svc.db.reading() as session:
        row = await session.get(OutboxMessage, item.id)
    assert row.status == "pending" and row.locked_until is None
    assert row.due_at <= bot.clock.now() and row.last_error == "stopped while sending"
