"""Handlers' replies within Telegram's limits: paced on the sender's Pacer, and a
429 waited out and retried instead of losing the form's next question."""

from __future__ import annotations

from collections import Counter

import pytest

from bot.harness import BotUnderTest
from bot.pacer import Pacer
from bot.sender import OutboxSender
from core.clock import SystemClock
from emulator.server import FLOOD_METHODS
from tests.conftest import IT_CHAT, REQUESTER
from tests.e2e.flows import bind, file_access_request, last, press, say

Q_SYSTEM = "1/3. Which system?"
Q_LEVEL = "2/3. Access level"


class CountingPacer(Pacer):
    """Counts the messages it lets through, per chat."""

    def __init__(self) -> None:
        super().__init__()
        self.counted: Counter[int | None] = Counter()

    async def reserve(self, chat_id: int | None) -> float:
        delay = await super().reserve(chat_id)
        if delay <= 0:
            self.counted[chat_id] += 1
        return delay


@pytest.fixture
async def paced_bot(emu, database_url, org, monkeypatch):
    # one drainer (the harness's settle), not two: a claim lost to the other
    # would count a message never sent, and the counts must match exactly
    monkeypatch.setattr(OutboxSender, "start", lambda self: None)
    # real time and Telegram's real limits: pacing and retry_after are about the wall clock
    runner = BotUnderTest(emu, database_url, org, SystemClock(), pacer=CountingPacer())
    await runner.start()
    emu.enforce_limits = True
    yield runner
    await runner.stop()


def posting_calls(emu) -> Counter[int | None]:
    return Counter(int(c.params["chat_id"]) if c.params.get("chat_id") is not None else None
                   for c in emu.calls if c.method.lower() in FLOOD_METHODS)


def refused(emu) -> list[str]:
    return [c.method for c in emu.calls if c.status == 429]


async def test_a_refused_question_still_reaches_the_person(emu, paced_bot):
    bot = paced_bot
    await say(emu, bot, REQUESTER, "/new")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "IT")
    await press(emu, bot, REQUESTER, last(emu, REQUESTER), "Access to a system")
    assert last(emu, REQUESTER).text.startswith(Q_SYSTEM)
    emu.inject("sendMessage", status=429, retry_after=2, chat_id=REQUESTER)
    before = len(emu.calls)

    question = await say(emu, bot, REQUESTER, "1C Accounting")

    assert question.text.startswith(Q_LEVEL), question.text
    to_person = [c for c in emu.calls[before:]
                 if c.method == "sendMessage" and c.params.get("chat_id") == REQUESTER]
    assert [c.status for c in to_person] == [429, 200]
    assert to_person[1].at - to_person[0].at >= 2.0  # retry_after obeyed
    assert [c.method for c in emu.calls_during_retry_after if c.method != "getUpdates"] == []


async def test_handlers_and_the_sender_share_one_budget(emu, paced_bot):
    bot = paced_bot
    await bind(emu, bot)
    # the form's last press is answered by the handler, and the confirmation and
    # the card come from the outbox at once: same chat, same second
    number = await file_access_request(emu, bot)

    assert f"Request #{number}" in "\n".join(m.text for m in emu.bot_messages(REQUESTER))
    assert any(m.text.startswith(f"#{number} ·") for m in emu.bot_messages(IT_CHAT))
    assert refused(emu) == []
    # each message counted once: the limiter lets the sender's calls through uncounted
    pacer = bot.pacer
    assert isinstance(pacer, CountingPacer)
    assert pacer.counted == posting_calls(emu)
    assert pacer.counted[REQUESTER] >= 8  # the handler's questions and the sender's notice
