"""The pacer's counts: bounded however many chats it has served."""

from bot.pacer import PRUNE_EVERY, Pacer


async def test_counts_of_quiet_chats_are_forgotten():
    now = [0.0]
    pacer = Pacer(monotonic=lambda: now[0])
    for chat in range(1, PRUNE_EVERY * 5 + 1):
        await pacer.reserve(chat if chat % 2 else -chat)  # private chats and groups
        now[0] += 0.05
    # only the chats served within the last group window (63 s) are remembered
    assert pacer.tracked_chats <= (60 * 1.05 / 0.05) + PRUNE_EVERY
    assert pacer.tracked_chats < PRUNE_EVERY * 3


async def test_a_forgotten_chat_is_paced_as_before():
    now = [0.0]
    pacer = Pacer(monotonic=lambda: now[0])
    assert await pacer.reserve(42) == 0
    assert await pacer.reserve(42) > 0.9  # a second message a moment later waits
    now[0] += 100.0  # past every window
    pacer._prune(now[0])
    assert pacer.tracked_chats == 0
    assert await pacer.reserve(42) == 0
