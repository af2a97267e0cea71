"""Updates handled concurrently across people, in order for each person.

python-telegram-bot hands every update to an update processor. This one runs
the updates of different people at once (up to ``limit`` at a time), while
the updates of one person — the effective user, else the chat — wait for
each other and run in the order Telegram sent them: a form's answers, a
press after a message. Per-person queues exist only while they hold updates.

It is also where each update is timed and counted for /metrics, and where
the log context (``update_id``, the request a button is about) is set.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

from bot import callbacks
from bot.logs import request_var, update_id_var
from bot.metrics import Metrics, update_kind

log = logging.getLogger(__name__)
DEFAULT_LIMIT = 64  # updates handled at once; more wait their turn
# updates taken from the queue and waiting (for their person or for a free
# slot) before python-telegram-bot stops taking more; a burst from one person
# waits here without holding a slot that another person could use
DEFAULT_BACKLOG = 10_000


class _Lane:
    __slots__ = ("lock", "users")

    def __init__(self) -> None:
        self.lock = asyncio.Lock()  # FIFO: waiters acquire in the order they came
        self.users = 0


def order_key(update: object) -> int | None:
    """Whose updates must keep their order: the person's, else the chat's."""
    if not isinstance(update, Update):
        return None
    if update.effective_user is not None:
        return update.effective_user.id
    if update.effective_chat is not None:
        return update.effective_chat.id
    return None


def request_of(update: object) -> int | None:
    """The request a button press is about, for the log lines of its handling."""
    if isinstance(update, Update) and update.callback_query is not None:
        press = callbacks.parse(update.callback_query.data)
        if isinstance(press, callbacks.RequestPress):
            return press.request_id
    return None


class PerUserOrder(BaseUpdateProcessor):
    def __init__(self, limit: int = DEFAULT_LIMIT, *, metrics: Metrics | None = None,
                 backlog: int = DEFAULT_BACKLOG) -> None:
        # python-telegram-bot's own bound counts waiting updates too: make it the backlog
        super().__init__(max(backlog, limit))
        self.limit = limit
        self.metrics = metrics
        self._lanes: dict[int, _Lane] = {}
        self._running: asyncio.Semaphore | None = None

    @property
    def lanes(self) -> int:
        """People with updates in hand now (for tests: idle lanes are removed)."""
        return len(self._lanes)

    async def initialize(self) -> None:
        self._running = asyncio.Semaphore(self.limit)

    async def shutdown(self) -> None:
        pass

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        if self._running is None:
            self._running = asyncio.Semaphore(self.limit)
        key = order_key(update)
        if key is None:
            async with self._running:
                await self._handle(update, coroutine)
            return
        # taken synchronously, before any await: lanes are joined in queue order
        lane = self._lanes.get(key)
        if lane is None:
            lane = self._lanes[key] = _Lane()
        lane.users += 1
        try:
            async with lane.lock, self._running:
                await self._handle(update, coroutine)
        finally:
            lane.users -= 1
            if lane.users == 0:
                del self._lanes[key]

    async def _handle(self, update: object, coroutine: Awaitable[Any]) -> None:
        update_id = update.update_id if isinstance(update, Update) else None
        update_token = update_id_var.set(update_id)
        request_token = request_var.set(request_of(update))
        kind = update_kind(update)
        started = time.perf_counter()
        try:
            await coroutine
        finally:
            elapsed = time.perf_counter() - started
            if self.metrics is not None:
                self.metrics.updates.labels(kind).inc()
                self.metrics.handler_seconds.labels(kind).observe(elapsed)
            log.debug("%s handled in %.1f ms", kind, elapsed * 1000)
            request_var.reset(request_token)
            update_id_var.reset(update_token)
