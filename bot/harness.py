"""Baton's real Application running against the Bot API emulator, for tests and the demo."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import SecretStr

from bot.app import build_application, prepare
from bot.pacer import Pacer
from bot.sender import OutboxSender
from bot.settings import Settings
from core.clock import Clock, FakeClock
from core.context import Services
from core.org import OrgConfig
from db import outbox
from emulator import BotApiEmulator


class BotUnderTest:
    """One bot instance: start, settle (wait until everything owed is sent), stop."""

    def __init__(self, emu: BotApiEmulator, database_url: str, org: OrgConfig,
                 clock: Clock | None = None, *, pace: bool = False,
                 pacer: Pacer | None = None, org_path: Path | None = None) -> None:
        self.emu, self.database_url, self.org = emu, database_url, org
        # with a file, the bot reads (and stores) it as `baton run` does, and can reload it
        self.org_path = org_path
        self.clock = clock or FakeClock(datetime(2026, 11, 23, 7, 0, tzinfo=UTC))  # Mon 10:00 MSK
        self.pace = pace
        self.pacer = pacer
        self.app: Any = None
        self.svc: Services | None = None

    @property
    def settings(self) -> Settings:
        # tests run scans themselves (core.sweep.scan), with the fake clock
        return Settings(bot_token=SecretStr(self.emu.token), telegram_api_url=self.emu.base_url,
                        database_url=self.database_url,
                        org_config=str(self.org_path) if self.org_path else "-",
                        scheduler_interval=86400)

    @property
    def sender(self) -> OutboxSender:
        return self.app.bot_data.sender

    async def start(self, *, polling: bool = True) -> None:
        self.svc = await prepare(self.settings, self.clock,
                                 None if self.org_path else self.org)
        self.app = build_application(self.settings, self.svc, token=self.emu.token,
                                     pacer=self.pacer or Pacer(enabled=self.pace))
        await self.app.initialize()
        # run_polling() would call these; the harness drives the lifecycle itself
        await self.app.post_init(self.app)
        await self.app.start()
        if not polling:  # updates arrive another way (the webhook tests post them)
            return
        await self.app.updater.start_polling(poll_interval=0, timeout=1,
                                             allowed_updates=None, drop_pending_updates=False)

    async def stop(self) -> None:
        if self.app is None:
            return
        if self.app.updater.running:
            await self.app.updater.stop()
        if self.app.running:
            await self.app.stop()
        await self.app.post_shutdown(self.app)
        await self.app.shutdown()
        assert self.svc is not None
        await self.svc.db.dispose()
        self.app = None

    async def scan(self) -> Any:
        """One scheduler scan at the fake clock's now, then deliver what it owed."""
        from core.sweep import scan

        assert self.svc is not None
        report = await scan(self.svc)
        await self.settle()
        return report

    async def settle(self, timeout: float = 10.0) -> None:  # noqa: ASYNC109
        """Until every update is handled and every message due is delivered."""
        assert self.svc is not None
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            await self.emu.wait_for(lambda: self.emu.pending_update_count() == 0,
                                    timeout=timeout, what="updates to be fetched")
            await asyncio.wait_for(self.app.update_queue.join(), timeout)
            await self.sender.drain()
            async with self.svc.db.transaction() as session:
                owed = await outbox.pending_count(session, self.clock.now())
            if owed == 0 and self.emu.pending_update_count() == 0 \
                    and self.app.update_queue.empty():
                return
            if asyncio.get_running_loop().time() > deadline:
                raise TimeoutError(f"bot did not settle: {owed} messages owed")
            await asyncio.sleep(0.02)


def sqlite_url(directory: Path, name: str = "baton.db") -> str:
    return f"sqlite+aiosqlite:///{directory / name}"
