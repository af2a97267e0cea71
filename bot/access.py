"""Who may file requests (SPEC §2 `[access]`): everyone, an allowlist, or the
members of one chat — asked of Telegram with getChatMember and cached briefly.

The cache is bounded: every answer lives CACHE_SECONDS, so insertion order is
expiry order; each new answer drops the expired ones at the front, and the
oldest beyond CACHE_SIZE."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from telegram import Bot
from telegram.constants import ChatMemberStatus
from telegram.error import TelegramError

from core.org import OrgConfig

log = logging.getLogger(__name__)
CACHE_SECONDS = 300.0
CACHE_SIZE = 10_000  # people remembered at most; a crowd beyond is asked again
# "not a member" is kept only a moment: someone just added to a department's group
# is not refused /show for minutes
NOT_MEMBER_SECONDS = 10.0
MEMBER = {ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.MEMBER}


class AccessChecker:
    def __init__(self, org: OrgConfig | Callable[[], OrgConfig],
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        # the running organisation file, read at each question (it may be reloaded)
        self._org = org if callable(org) else (lambda: org)
        self._now = monotonic
        self._cache: dict[int, tuple[bool, float]] = {}  # user id: (allowed, expires)

    @property
    def org(self) -> OrgConfig:
        return self._org()

    def forget(self, _org: object = None) -> None:
        """A reloaded organisation file may name another members chat: ask again."""
        self._cache.clear()

    @property
    def cached(self) -> int:
        """People whose answer is remembered now."""
        return len(self._cache)

    def _remember(self, user_id: int, allowed: bool) -> None:
        now = self._now()
        self._cache.pop(user_id, None)  # re-inserted at the end: the order stays by expiry
        self._cache[user_id] = (allowed, now + CACHE_SECONDS)
        while self._cache:
            oldest = next(iter(self._cache))
            if self._cache[oldest][1] > now and len(self._cache) <= CACHE_SIZE:
                break
            del self._cache[oldest]

    async def may_file(self, bot: Bot, user_id: int) -> bool:
        access = self.org.access
        if access.mode == "open" or self.org.is_admin(user_id):
            return True
        if access.mode == "allowlist":
            return user_id in access.allowlist
        cached = self._cache.get(user_id)
        if cached is not None and cached[1] > self._now():
            return cached[0]
        assert access.members_chat_id is not None
        try:
            member = await bot.get_chat_member(access.members_chat_id, user_id)
        except TelegramError as exc:
            # "user not found" and the like mean "not a member"; an outage is not
            # cached, so the next message asks again
            log.warning("getChatMember for %s failed: %s", user_id, exc)
            return False
        allowed = member.status in MEMBER or (
            member.status == ChatMemberStatus.RESTRICTED and bool(getattr(member, "is_member",
                                                                          False)))
        self._remember(user_id, allowed)
        return allowed


class MemberCache:
    """Whether a person is a member of a chat now (a department's executors are the
    members of its bound chat, SPEC §5): asked of Telegram with getChatMember, and
    the answer kept CACHE_SECONDS per process — it only grants reading (/show)."""

    def __init__(self, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._now = monotonic
        self._cache: dict[tuple[int, int], tuple[bool, float]] = {}  # (chat, user): answer

    async def is_member(self, bot: Bot, chat_id: int, user_id: int) -> bool:
        now = self._now()
        cached = self._cache.get((chat_id, user_id))
        if cached is not None and cached[1] > now:
            return cached[0]
        try:
            member = await bot.get_chat_member(chat_id, user_id)
        except TelegramError as exc:  # not cached: the next /show asks again
            log.warning("getChatMember %s in %s failed: %s", user_id, chat_id, exc)
            return False
        answer = member.status in MEMBER or (
            member.status == ChatMemberStatus.RESTRICTED and bool(getattr(member, "is_member",
                                                                          False)))
        self._cache.pop((chat_id, user_id), None)  # insertion order: roughly expiry order
        self._cache[(chat_id, user_id)] = (
            answer, now + (CACHE_SECONDS if answer else NOT_MEMBER_SECONDS))
        while self._cache:
            oldest = next(iter(self._cache))
            if self._cache[oldest][1] > now and len(self._cache) <= CACHE_SIZE:
                break
            del self._cache[oldest]
        return answer
