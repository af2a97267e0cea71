"""Updates handled concurrently across people, in order for each person.

python-telegram-bot hands every update to an update processor. This one runs
the updates of different people at once (up to ``limit`` at a time), while
the updates of one person — the effective user, else the chat — wait for
each other and run in the order Telegram sent them: a form's answers, a
press after a message. Per-person queues exist only while they hold updates.

One person holds at most ``PER_PERSON`` updates (the one running and those
waiting): the excess of a burst is dropped, and the person is told once per
burst (while their queue exists) to resend the last ones. So one person's flood
neither grows memory without bound nor fills the backlog others wait in.

It is also where each update is timed and counted for /metrics, and where
the log context (``update_id``, the request a button is about) is set.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import time
from collections.abc import Awaitable, Callable
from contextlib import AbstractContextManager, nullcontext
from typing import Any

from telegram import ReplyParameters, Update
from telegram.constants import ChatType, ParseMode
from telegram.error import TelegramError
from telegram.ext import BaseUpdateProcessor

from bot import callbacks
from bot.i18n import pick_language, plain, t
from bot.logs import request_var, update_id_var
from bot.metrics import Metrics, update_kind
from core.context import Services

log = logging.getLogger(__name__)
DEFAULT_LIMIT = 64  # updates handled at once; more wait their turn
# updates taken from the queue and waiting (for their person or for a free
# slot) before python-telegram-bot stops taking more; a burst from one person
# waits here without holding a slot that another person could use
DEFAULT_BACKLOG = 10_000
# one person's updates in hand (running and waiting); a burst beyond is dropped
PER_PERSON = 20

Notify = Callable[[Update], Awaitable[None]]


class _Lane:
    __slots__ = ("lock", "told", "users")

    def __init__(self) -> None:
        self.lock = asyncio.Lock()  # FIFO: waiters acquire in the order they came
        self.users = 0
        self.told = False  # the person was told that this burst was cut


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
        press = callbacks.press_of(update)  # parsed once: the handler reads it from here
        if isinstance(press, callbacks.RequestPress):
            return press.request_id
    return None


async def tell_dropped(svc: Services, update: Update) -> None:
    """Tell the person, where they wrote or pressed, that the rest of their burst
    was dropped and the last ones should be sent again."""
    chat, user = update.effective_chat, update.effective_user
    org_language = svc.org.organization.language
    private = chat is not None and chat.type == ChatType.PRIVATE
    lang = pick_language(user.language_code if user else None, org_language) \
        if private else org_language
    if update.callback_query is not None:
        await update.callback_query.answer(plain(lang, "flood.dropped_press"), show_alert=True)
        return
    message = update.effective_message
    if chat is None or message is None:
        return
    await update.get_bot().send_message(
        chat.id, t(lang, "flood.dropped"), parse_mode=ParseMode.HTML,
        message_thread_id=message.message_thread_id if message.is_topic_message else None,
        reply_parameters=None if private else ReplyParameters(
            message.message_id, allow_sending_without_reply=True))


class PerUserOrder(BaseUpdateProcessor):
    def __init__(self, limit: int = DEFAULT_LIMIT, *, metrics: Metrics | None = None,
                 backlog: int = DEFAULT_BACKLOG, per_person: int = PER_PERSON,
                 on_dropped: Notify | None = None) -> None:
        # python-telegram-bot's own bound counts waiting updates too: make it the backlog
        super().__init__(max(backlog, limit))
        self.limit = limit
        self.per_person = per_person
        self.metrics = metrics
        self.on_dropped = on_dropped
        # told when a person's last update in hand is handled (the outbox sender
        # holds their notices meanwhile, so the handler's answer goes first)
        self.on_idle: Callable[[int], None] = lambda key: None
        # one organisation file for the whole handling of an update (it may be reloaded)
        self.pin: Callable[[], AbstractContextManager[Any]] = nullcontext
        self._lanes: dict[int, _Lane] = {}
        self._running: asyncio.Semaphore | None = None

    @property
    def lanes(self) -> int:
        """People with updates in hand now (for tests: idle lanes are removed)."""
        return len(self._lanes)

    def in_hand(self, key: int) -> int:
        """Updates of this person (or chat) running or waiting now."""
        lane = self._lanes.get(key)
        return lane.users if lane is not None else 0

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
        elif lane.users >= self.per_person:
            await self._drop(update, coroutine, lane)
            return
        lane.users += 1
        try:
            async with lane.lock, self._running:
                await self._handle(update, coroutine)
        finally:
            lane.users -= 1
            if lane.users == 0:
                del self._lanes[key]
                self.on_idle(key)

    async def _drop(self, update: object, coroutine: Awaitable[Any], lane: _Lane) -> None:
        """Drop an update beyond the person's share; tell them once per burst."""
        if inspect.iscoroutine(coroutine):
            coroutine.close()  # never started: closing it is all the clean-up it needs
        if lane.told:
            return
        lane.told = True  # before any await: the rest of the burst sees it
        log.warning("more than %d updates of one person at once: the rest of the burst is "
                    "dropped", self.per_person)
        if self.on_dropped is None or not isinstance(update, Update):
            return
        try:
            await self.on_dropped(update)
        except TelegramError as exc:
            log.warning("could not tell about the dropped updates: %s", exc)

    async def _handle(self, update: object, coroutine: Awaitable[Any]) -> None:
        update_id = update.update_id if isinstance(update, Update) else None
        update_token = update_id_var.set(update_id)
        request_token = request_var.set(request_of(update))
        kind = update_kind(update)
        started = time.perf_counter()
        try:
            with self.pin():
                await coroutine
        finally:
            elapsed = time.perf_counter() - started
            if self.metrics is not None:
                self.metrics.updates.labels(kind).inc()
                self.metrics.handler_seconds.labels(kind).observe(elapsed)
            log.debug("%s handled in %.1f ms", kind, elapsed * 1000)
            request_var.reset(request_token)
            update_id_var.reset(update_token)
