"""Telegram's limits for what handlers send: their replies, edits and questions
wait on the same Pacer as the outbox sender, and a 429 is waited out and retried.

Why this shape rather than PTB's AIORateLimiter (see PITFALLS):
* one budget: handlers and the sender share one Pacer, so a handler's answer
  and an outbox notice to the same chat cannot together break the per-chat,
  per-group or global limits; AIORateLimiter keeps its own counts and does
  not pace private chats at all;
* a ``retry_after`` pauses the chat it was answered for, not the whole bot
  (#3765: one busy group would otherwise hold every person's next question);
  the global 30/s is kept by the Pacer's count instead. Only calls that post
  into a chat are paced and paused: never ``answerCallbackQuery`` (the press's
  spinner stops on time), getUpdates, getChatMember and the like;
* the pause is the Pacer's deadline, re-checked after every sleep, so it cannot
  end early (#5338), and the sender obeys it too;
* handlers do sleep here, but updates are handled concurrently per person
  (bot.update_order), so a wait holds only that person's next update, which
  must wait for this answer anyway; a ``retry_after`` longer than
  MAX_RETRY_AFTER is not slept through: the call fails as before (the form's
  draft is in the database, the person's next message continues it);
* the outbox sender paces its own calls and retries through the outbox, so its
  calls (marked with ``sender_calls()``) pass through untouched: not counted
  twice, not retried twice.
"""

from __future__ import annotations

import contextlib
import logging
import math
from collections.abc import Callable, Coroutine, Iterator
from contextvars import ContextVar
from datetime import timedelta
from typing import Any

from telegram._utils.types import JSONDict
from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

from bot.pacer import Pacer

log = logging.getLogger(__name__)

# Bot API methods that put or change a message in a chat: these count against
# Telegram's flood limits
POSTING_ENDPOINTS = frozenset({
    "sendMessage", "sendPhoto", "sendDocument", "sendVideo", "sendAnimation", "sendAudio",
    "sendVoice", "sendVideoNote", "sendSticker", "sendMediaGroup", "sendLocation",
    "sendVenue", "sendContact", "sendPoll", "sendDice", "sendPaidMedia",
    "copyMessage", "copyMessages", "forwardMessage", "forwardMessages",
    "editMessageText", "editMessageCaption", "editMessageMedia", "editMessageReplyMarkup",
    "editMessageLiveLocation",
})
MAX_RETRIES = 3
# longer refusals are not slept through inside a handler (it would hold the
# person's updates and a concurrency slot for that long)
MAX_RETRY_AFTER = 60.0

_sender_call: ContextVar[bool] = ContextVar("baton_sender_call", default=False)


@contextlib.contextmanager
def sender_calls() -> Iterator[None]:
    """Calls made inside are the outbox sender's: paced and retried by it."""
    token = _sender_call.set(True)
    try:
        yield
    finally:
        _sender_call.reset(token)


def retry_seconds(exc: RetryAfter) -> float:
    # the private timedelta, as PTB's own AIORateLimiter reads it: the public
    # attribute warns of its coming change of type on every read in 22.x
    delay = getattr(exc, "_retry_after", None) or exc.retry_after
    return delay.total_seconds() if isinstance(delay, timedelta) else float(delay)


def chat_of(data: dict[str, Any]) -> int | None:
    """The numeric chat a call posts into; None for @usernames and inline messages."""
    try:
        return int(data["chat_id"])
    except (KeyError, TypeError, ValueError):
        return None


class PacedRateLimiter(BaseRateLimiter[None]):
    def __init__(self, pacer: Pacer, *, max_retries: int = MAX_RETRIES,
                 max_retry_after: float = MAX_RETRY_AFTER) -> None:
        self.pacer = pacer
        self.max_retries = max_retries
        self.max_retry_after = max_retry_after

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: None,
    ) -> bool | JSONDict | list[JSONDict]:
        if endpoint not in POSTING_ENDPOINTS or _sender_call.get():
            return await callback(*args, **kwargs)
        chat = chat_of(data)
        attempt = 0
        while True:
            paused = self.pacer.paused_for(chat)
            if paused > self.max_retry_after:
                # a long retry_after the sender was given: not slept through here either
                raise RetryAfter(timedelta(seconds=math.ceil(paused)))
            await self.pacer.wait(chat)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                seconds = retry_seconds(exc)
                await self.pacer.hold(seconds, chat)  # the sender holds off this chat too
                attempt += 1
                if attempt > self.max_retries or seconds > self.max_retry_after:
                    raise
                log.info("%s to %s refused: retry after %.0fs (attempt %d)",
                         endpoint, chat, seconds, attempt)
            finally:
                await self.pacer.done(chat)
