"""Kill -9 and restart, 30 times, with the bot as a separate process: at quiet
moments (mid-form, between steps) and in the middle of the sender's calls.
Then the database is checked against what the emulator saw: no request lost,
no form lost, no card or confirmation doubled, every take and done once."""

import asyncio
import os
import random
import re
import shutil
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, or_, select

from bot.harness import sqlite_url
from db.models import OutboxMessage, Request, RequestEvent
from db.outbox import LEASE
from db.session import Database
from emulator import ApiError
from tests.conftest import ADMIN, EXECUTOR, IT_CHAT, ROOT

USERS = [7001 + i for i in range(6)]
KILLS = 30


class BotProcess:
    def __init__(self, emu, tmp: Path, url: str) -> None:
        org = (ROOT / "core" / "org.example.toml").read_text(encoding="utf-8")
        (tmp / "org.toml").write_text(org.replace('language = "ru"', 'language = "en"'))
        self.env = {**os.environ, "BOT_TOKEN": emu.token, "TELEGRAM_API_URL": emu.base_url,
                    "DATABASE_URL": url, "ORG_CONFIG": str(tmp / "org.toml"),
                    "SCHEDULER_INTERVAL": "3600", "LOG_LEVEL": "WARNING"}
        self.log = (tmp / "bot.log").open("ab")
        self.proc: subprocess.Popen[bytes] | None = None
        self.starts = 0

    def start(self) -> None:
        self.started_at = datetime.now(UTC)
        self.proc = subprocess.Popen([sys.executable, "-m", "bot"], env=self.env, cwd=ROOT,
                                     stdout=self.log, stderr=self.log)
        self.starts += 1

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    @property
    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None


async def quiet(db: Database, started_at: datetime) -> bool:
    """Nothing the running bot could be sending right now. Messages leased by a
    killed process (claimed before this start) stay untouched until the lease
    ends, so they do not count."""
    now = datetime.now(UTC)
    async with db.reading() as session:
        busy = await session.scalar(select(func.count()).select_from(OutboxMessage).where(
            OutboxMessage.status == "pending",
            OutboxMessage.due_at <= now + timedelta(seconds=1),
            or_(OutboxMessage.locked_until.is_(None), OutboxMessage.locked_until < now,
                OutboxMessage.locked_until > started_at + LEASE)))
    return busy == 0


def decide(emu, user_id):
    """The next thing a person does, from what they see."""
    if any(re.search(r"#\d+", m.text) for m in emu.bot_messages(user_id)):
        # filed: this person is done (the confirmation may come after the taken
        # and done notices when a kill held it under its lease)
        return None
    last = emu.last_bot_message(user_id)
    text = last.text if last else ""
    if last is not None and "Please check your request" in text and not last.buttons:
        return None  # sent: the confirmation is on its way (a second after the summary)
    steps = [("Which department", ("press", "IT")),
             ("what kind of request", ("press", "Access to a system")),
             ("1/3. Which system?", ("say", f"System of {user_id}")),
             ("2/3. Access level", ("press", "Write")),
             ("3/3. Needed by", ("press", "Skip")),
             ("How urgent", ("press", "Normal")),
             ("Keep anyone informed", ("tap", "Skip")),
             ("Please check your request", ("press", "✅ Send"))]
    for marker, action in steps:
        if marker in text:
            return last, action
    return last, ("say", "/new")  # anything else: ask for the form again (it resumes)


@pytest.mark.skipif(shutil.which(sys.executable) is None, reason="needs a Python to run")
async def test_thirty_kills(emu, tmp_path):
    url = sqlite_url(tmp_path)
    bot = BotProcess(emu, tmp_path, url)
    kills = {"count": 0, "pending": False}
    rng = random.Random(42)

    def kill_in_a_send(method, params):
        # the sender is waiting for this very answer: nothing was delivered yet
        if (kills["count"] < KILLS and bot.alive and method in ("sendMessage", "editMessageText")
                and params.get("chat_id") == IT_CHAT and rng.random() < 0.4):
            bot.kill()
            kills["count"] += 1
            raise ApiError(502, "Bad Gateway")

    emu.before_call = kill_in_a_send
    bot.start()
    db = Database(url)
    try:
        await emu.wait_for(lambda: emu.calls_of("getUpdates"), timeout=30, what="the bot")
        emu.users[ADMIN].send(IT_CHAT, "/bind it")
        await emu.wait_for(lambda: any("now receives" in m.text
                                       for m in emu.bot_messages(IT_CHAT)), timeout=30)
        for user_id in USERS:
            emu.add_user(user_id, f"User {user_id}")
        seen: dict[int, tuple[int, int]] = {}
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 240
        while loop.time() < deadline:
            if not bot.alive:
                bot.start()
            elif kills["count"] < KILLS and rng.random() < 0.3 and emu.inflight == 0:
                if await quiet(db, bot.started_at) and emu.inflight == 0:
                    bot.kill()
                    kills["count"] += 1
                    bot.start()
            progress = False
            for user_id in USERS:
                step = decide(emu, user_id)
                if step is None:
                    continue
                progress = True
                last, (kind, what) = step
                key = (last.message_id if last else 0, last.edit_count if last else 0)
                if seen.get(user_id, (None, 0))[0] == key and seen[user_id][1] < 12:
                    seen[user_id] = (key, seen[user_id][1] + 1)  # still waiting for an answer
                    continue
                seen[user_id] = (key, 0)
                try:
                    if kind == "press":
                        emu.users[user_id].press(last, what)
                    elif kind == "tap":  # a reply keyboard's button
                        emu.users[user_id].tap(what)
                    else:
                        emu.users[user_id].send(user_id, what)
                except LookupError:  # the buttons changed meanwhile
                    emu.users[user_id].send(user_id, "/new")
            for message in emu.bot_messages(IT_CHAT):
                labels = [label for row in message.buttons for label, _ in row]
                for label in ("🙋 Take", "✅ Done"):
                    if label in labels and rng.random() < 0.5:
                        emu.users[EXECUTOR].press(message, label)
            cards = [m for m in emu.bot_messages(IT_CHAT) if "on review" in m.text]
            if not progress and len(cards) == len(USERS) and kills["count"] >= KILLS:
                break
            await asyncio.sleep(0.25)
        # quiet down and let everything owed be delivered
        if not bot.alive:
            bot.start()
        await emu.wait_for(lambda: len([m for m in emu.bot_messages(IT_CHAT)
                                        if "on review" in m.text]) == len(USERS),
                           timeout=60, what="every request on review")
        for _ in range(200):  # and every message owed delivered
            async with db.reading() as session:
                owed = await session.scalar(select(func.count()).select_from(OutboxMessage)
                                            .where(OutboxMessage.status != "sent"))
            if owed == 0:
                break
            await asyncio.sleep(0.25)
        async with db.reading() as session:
            requests = list(await session.scalars(select(Request)))
            events = list(await session.execute(select(RequestEvent.request_id,
                                                       RequestEvent.kind)))
            owed = await session.scalar(select(func.count()).select_from(OutboxMessage)
                                        .where(OutboxMessage.status != "sent"))
    finally:
        if bot.alive:
            bot.kill()
        await db.dispose()
        emu.before_call = None
    assert kills["count"] >= KILLS and bot.starts >= KILLS
    assert sorted(r.requester_id for r in requests) == USERS  # none lost, none doubled
    assert {r.status for r in requests} == {"on_review"}
    for request in requests:
        kinds = [kind for rid, kind in events if rid == request.id]
        assert kinds.count("take") == 1 and kinds.count("done") == 1, kinds
        cards = [m for m in emu.bot_messages(IT_CHAT) if m.text.startswith(f"#{request.id} ·")]
        assert len(cards) == 1, f"#{request.id} has {len(cards)} cards"
        confirmations = [m for m in emu.bot_messages(request.requester_id)
                         if f"Request #{request.id} has been sent" in m.text]
        assert len(confirmations) == 1
    assert owed == 0
