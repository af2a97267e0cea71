"""Telegram's send limits: ~1 message a second per private chat, 20 a minute per
group, 30 a second in all, and no message to a chat while its ``retry_after`` runs.

One Pacer per bot, shared by the outbox sender and the rate limiter that paces
handlers' replies (bot.limiter), so both count against the same budgets. A
``chat_id`` of None (an inline message, a chat named by @username) counts
against the global budget only.

Several instances on one database (PostgreSQL) spend one budget: with a
``SharedBudget`` every send is also reserved in the database (db.budget), so two
instances never together send a chat more than Telegram allows. The in-process
counts stay as a cheap first check. Entries of chats that have been quiet for
longer than their window are forgotten, so the counts do not grow with the
number of chats ever served."""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Callable

from db import budget
from db.session import Database

log = logging.getLogger(__name__)
# forget a chat's counts after this many sends have passed without it
PRUNE_EVERY = 1000


class SharedBudget:
    """Telegram's limits kept in the database, for several instances."""

    def __init__(self, db: Database, wall: Callable[[], float] = time.time) -> None:
        self.db = db
        self.now = wall

    async def reserve(self, windows: list[budget.Window]) -> float:
        async with self.db.transaction() as session:
            return await budget.reserve(session, windows, self.now())

    async def sent(self, keys: list[int]) -> None:
        async with self.db.transaction() as session:
            await budget.sent(session, keys, self.now())

    async def pause(self, key: int, seconds: float) -> None:
        async with self.db.transaction() as session:
            await budget.pause(session, key, self.now() + seconds)


class Pacer:
    def __init__(self, *, private_interval: float = 1.0, group_per_minute: int = 20,
                 global_per_second: int = 30, enabled: bool = True,
                 monotonic: Callable[[], float] = time.monotonic,
                 group_window: float = 60.0, shared: SharedBudget | None = None) -> None:
        self.private_interval = private_interval
        self.group_per_minute = group_per_minute
        self.group_window = group_window  # a minute; tests scale it down
        self.global_per_second = global_per_second
        self.enabled = enabled
        self._now = monotonic
        self._last_private: dict[int, float] = {}
        self._group_sends: dict[int, deque[float]] = {}
        self._global_sends: deque[float] = deque()
        self._paused_until = 0.0  # every chat
        self._chat_paused_until: dict[int, float] = {}
        self.shared = shared if enabled else None
        self._since_prune = 0

    def pause(self, seconds: float, chat_id: int | None = None) -> None:
        """No message to ``chat_id`` (to any chat, if None) for ``seconds``: a
        ``retry_after`` for one chat does not hold the bot's other chats."""
        until = self._now() + seconds
        if chat_id is None:
            self._paused_until = max(self._paused_until, until)
        else:
            self._chat_paused_until[chat_id] = max(self._chat_paused_until.get(chat_id, 0.0),
                                                   until)

    def paused_for(self, chat_id: int | None) -> float:
        """Seconds left of a ``retry_after`` that holds ``chat_id`` (or every chat)."""
        until = max(self._paused_until, self._chat_paused_until.get(chat_id, 0.0)
                    if chat_id is not None else 0.0)
        return max(0.0, until - self._now())

    def delay_for(self, chat_id: int | None) -> float:
        """Seconds to wait before the next message to ``chat_id`` may go."""
        now = self._now()
        wait = self.paused_for(chat_id)
        if not self.enabled:
            return wait
        if chat_id is None:
            pass
        elif chat_id > 0:
            last = self._last_private.get(chat_id)
            if last is not None:
                wait = max(wait, last + self.private_interval * 1.05 - now)
        else:
            sends = self._group_sends.get(chat_id, deque())
            # a little slack: Telegram counts a message when it arrives, a moment
            # after we count it here
            window = self.group_window * 1.05
            while sends and sends[0] <= now - window:
                sends.popleft()
            if len(sends) >= self.group_per_minute:
                wait = max(wait, sends[0] + window - now)
        while self._global_sends and self._global_sends[0] <= now - 1.05:
            self._global_sends.popleft()
        if len(self._global_sends) >= self.global_per_second:
            wait = max(wait, self._global_sends[0] + 1.05 - now)
        return wait

    def sent(self, chat_id: int | None) -> None:
        """The last message to ``chat_id`` is done: count it from now, when Telegram
        has surely seen it, not from when it left (a slow request would otherwise
        let the next one in early)."""
        now = self._now()
        if chat_id is None:
            pass
        elif chat_id > 0:
            self._last_private[chat_id] = now
        elif self._group_sends.get(chat_id):
            self._group_sends[chat_id][-1] = now
        if self._global_sends:
            self._global_sends[-1] = now

    async def wait(self, chat_id: int | None) -> None:
        """Until a message to ``chat_id`` may go; then count it as sent now."""
        while (delay := await self.reserve(chat_id)) > 0:  # noqa: ASYNC110 - a timed wait
            await asyncio.sleep(delay)

    async def reserve(self, chat_id: int | None) -> float:
        """Count a message to ``chat_id`` as sent now and return 0, or return how
        long to wait before it may go (counting nothing)."""
        delay = self.delay_for(chat_id)
        if delay <= 0 and self.shared is not None:
            delay = await self.shared.reserve(self._windows(chat_id))
        if delay > 0:
            return delay
        self._count(chat_id)
        return 0.0

    async def done(self, chat_id: int | None) -> None:
        """The message to ``chat_id`` is done: count it from now, here and in the
        shared budget. Bookkeeping after a send: a database error here is logged,
        never raised in place of the send's result (that would send it again)."""
        self.sent(chat_id)
        if self.shared is not None:
            try:
                await self.shared.sent([budget.GLOBAL, *([chat_id] if chat_id else [])])
            except Exception:
                log.warning("shared send budget not updated for %s", chat_id, exc_info=True)

    async def hold(self, seconds: float, chat_id: int | None = None) -> None:
        """A ``retry_after``: no message to ``chat_id`` (every chat, if None) for
        ``seconds``, from this instance or any other."""
        self.pause(seconds, chat_id)
        if self.shared is not None:
            try:
                await self.shared.pause(chat_id or budget.GLOBAL, seconds)
            except Exception:  # this instance still holds off; others learn it by a 429
                log.warning("shared pause not stored for %s", chat_id, exc_info=True)

    def _windows(self, chat_id: int | None) -> list[budget.Window]:
        windows = [budget.Window(budget.GLOBAL, self.global_per_second, 1.05)]
        if chat_id is not None and chat_id > 0:
            windows.append(budget.Window(chat_id, 1, self.private_interval * 1.05))
        elif chat_id is not None:
            windows.append(budget.Window(chat_id, self.group_per_minute, self.group_window * 1.05))
        return windows

    def _count(self, chat_id: int | None) -> None:
        now = self._now()
        if chat_id is None:
            pass
        elif chat_id > 0:
            self._last_private[chat_id] = now
        else:
            self._group_sends.setdefault(chat_id, deque()).append(now)
        self._global_sends.append(now)
        self._since_prune += 1
        if self._since_prune >= PRUNE_EVERY:
            self._prune(now)

    def _prune(self, now: float) -> None:
        """Forget chats whose window has passed: they are as if never served."""
        self._since_prune = 0
        quiet = now - max(self.private_interval, self.group_window) * 1.05
        self._last_private = {c: at for c, at in self._last_private.items() if at > quiet}
        self._group_sends = {c: s for c, s in self._group_sends.items() if s and s[-1] > quiet}
        self._chat_paused_until = {c: at for c, at in self._chat_paused_until.items()
                                   if at > now}

    @property
    def tracked_chats(self) -> int:
        """Chats the counts remember now (for tests: it must not grow forever)."""
        return len(self._last_private) + len(self._group_sends) + len(self._chat_paused_until)
