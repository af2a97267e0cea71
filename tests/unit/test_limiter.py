"""The rate limiter for handlers' calls: what it paces, retries and leaves alone."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from telegram.error import RetryAfter

from bot.limiter import PacedRateLimiter, sender_calls
from bot.pacer import Pacer

CHAT = 42


class Calls:
    """A callback refusing its first ``refusals`` calls with ``retry_after``."""

    def __init__(self, refusals: int = 0, retry_after: float = 0.05) -> None:
        self.refusals, self.retry_after, self.made = refusals, retry_after, 0

    async def __call__(self) -> bool:
        self.made += 1
        if self.made <= self.refusals:
            raise RetryAfter(timedelta(seconds=self.retry_after))
        return True


async def call(limiter: PacedRateLimiter, callback: Any, endpoint: str = "sendMessage",
               chat: int = CHAT) -> Any:
    return await limiter.process_request(callback, (), {}, endpoint, {"chat_id": chat}, None)


async def test_a_posting_call_is_counted_on_the_pacer():
    pacer = Pacer()
    await call(PacedRateLimiter(pacer), Calls())
    assert pacer.delay_for(CHAT) > 0.9  # the chat's next message waits a second


@pytest.mark.parametrize("endpoint", ["answerCallbackQuery", "getChatMember", "getMe"])
async def test_other_calls_are_not_paced(endpoint):
    pacer = Pacer()
    pacer.pause(60, CHAT)
    await call(PacedRateLimiter(pacer), Calls(), endpoint)  # no wait
    assert pacer.delay_for(CHAT + 1) == 0


async def test_the_senders_calls_pass_untouched():
    pacer = Pacer()
    callback = Calls(refusals=1)
    with sender_calls(), pytest.raises(RetryAfter):
        await call(PacedRateLimiter(pacer), callback)
    assert callback.made == 1  # not retried: the outbox retries it
    assert pacer.delay_for(CHAT) == 0  # not counted: the sender counts its own


async def test_a_refusal_pauses_the_chat_and_is_retried():
    pacer = Pacer(enabled=False)
    callback = Calls(refusals=2)
    assert await call(PacedRateLimiter(pacer), callback) is True
    assert callback.made == 3
    pacer.pause(0.5, CHAT)
    assert pacer.delay_for(CHAT + 1) == 0  # other chats are not held


async def test_it_gives_up_after_a_few_retries_or_a_long_refusal():
    with pytest.raises(RetryAfter):
        await call(PacedRateLimiter(Pacer(enabled=False), max_retries=2), Calls(refusals=5))
    callback = Calls(refusals=1, retry_after=600)
    with pytest.raises(RetryAfter):
        await call(PacedRateLimiter(Pacer(enabled=False)), callback)
    assert callback.made == 1


async def test_a_long_pause_from_the_sender_is_not_slept_through_by_a_handler():
    pacer = Pacer()
    pacer.pause(600, CHAT)  # the outbox sender was told retry_after 600 for this chat
    calls = Calls()
    with pytest.raises(RetryAfter):
        await call(PacedRateLimiter(pacer), calls)
    assert calls.made == 0  # refused at once: no call, no ten-minute sleep in a handler
