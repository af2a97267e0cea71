"""The chat_members access cache stays bounded: expired answers are dropped, and
never more than CACHE_SIZE people are remembered, however many write."""

from telegram import Bot

from bot import access
from bot.access import CACHE_SECONDS, AccessChecker
from tests.conftest import example_org

STAFF_CHAT = -1005550000001
PEOPLE = 200


class Monotonic:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_the_cache_is_bounded_and_forgets_expired_answers(emu, monkeypatch):
    monkeypatch.setattr(access, "CACHE_SIZE", 50, raising=False)
    emu.add_group(STAFF_CHAT, "All staff", members=(5000,), bot_member=True)
    for number in range(PEOPLE):
        emu.add_user(5000 + number, f"Person {number}")
    clock = Monotonic()
    checker = AccessChecker(example_org(
        access={"mode": "chat_members", "members_chat_id": STAFF_CHAT}), monotonic=clock)
    async with Bot(emu.token, base_url=f"{emu.base_url}/bot") as bot:
        for number in range(PEOPLE):
            clock.now += 0.5
            assert await checker.may_file(bot, 5000 + number) == (number == 0)
            assert checker.cached <= 50
        asked = len(emu.calls_of("getChatMember"))
        # the newest answers are still cached: no new question to Telegram
        assert await checker.may_file(bot, 5000 + PEOPLE - 1) is False
        assert len(emu.calls_of("getChatMember")) == asked
        # after the cache time everything there is stale: one new answer is all it keeps
        clock.now += CACHE_SECONDS + 1
        assert await checker.may_file(bot, 5000) is True
        assert checker.cached == 1
        assert len(emu.calls_of("getChatMember")) == asked + 1


async def test_membership_for_show_is_asked_once_per_cache_time(emu, monkeypatch):
    """/show asks Telegram whether a person is in a department's chat; the answer is kept
    CACHE_SECONDS, and the cache stays bounded like the access one."""
    from bot.access import MemberCache

    monkeypatch.setattr(access, "CACHE_SIZE", 50, raising=False)
    emu.add_group(STAFF_CHAT, "IT desk", members=(5000,), bot_member=True)
    for number in range(PEOPLE):
        emu.add_user(5000 + number, f"Person {number}")
    clock = Monotonic()
    members = MemberCache(monotonic=clock)
    async with Bot(emu.token, base_url=f"{emu.base_url}/bot") as bot:
        assert await members.is_member(bot, STAFF_CHAT, 5000) is True
        assert await members.is_member(bot, STAFF_CHAT, 5001) is False
        asked = len(emu.calls_of("getChatMember"))
        clock.now += CACHE_SECONDS - 1
        assert await members.is_member(bot, STAFF_CHAT, 5000) is True
        assert len(emu.calls_of("getChatMember")) == asked
        emu.chats[STAFF_CHAT].members.pop(5000)  # left the group
        clock.now += 2
        assert await members.is_member(bot, STAFF_CHAT, 5000) is False
        for number in range(PEOPLE):
            await members.is_member(bot, STAFF_CHAT, 5000 + number)
        assert len(members._cache) <= 50


async def test_not_being_a_member_is_remembered_only_a_moment(emu):
    """Someone just added to a department's group may /show its requests at once."""
    from bot.access import NOT_MEMBER_SECONDS, MemberCache

    emu.add_group(STAFF_CHAT, "IT desk", members=(5000,), bot_member=True)
    emu.add_user(5001, "Newcomer")
    clock = Monotonic()
    members = MemberCache(monotonic=clock)
    async with Bot(emu.token, base_url=f"{emu.base_url}/bot") as bot:
        assert await members.is_member(bot, STAFF_CHAT, 5001) is False
        emu.chats[STAFF_CHAT].members[5001] = "member"  # added to the group
        clock.now += NOT_MEMBER_SECONDS + 1
        assert await members.is_member(bot, STAFF_CHAT, 5001) is True
