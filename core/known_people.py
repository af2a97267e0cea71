"""What this process already wrote about the people who write to it.

Nearly every update comes from someone whose name and language are already stored
as the update says; reading the row to find that out was a transaction per update.
This remembers, per process, what was last read or written, so an unchanged person
costs no database work. It only ever saves a write that would change nothing: a new
name, a new language, or a first private message still reach the database. Being
blocked and unblocked is not learnt from messages: Telegram sends its own update
for both (core.people.private_chat_changed), which is written whatever is cached.
"""

from __future__ import annotations

from collections import OrderedDict

from db.users import UserInfo

CAPACITY = 10_000  # people; the least recently seen are forgotten first


class KnownPeople:
    def __init__(self, capacity: int = CAPACITY) -> None:
        self.capacity = capacity
        # person → (what was stored, whether they may be written to privately)
        self._stored: OrderedDict[int, tuple[UserInfo, bool]] = OrderedDict()

    def unchanged(self, info: UserInfo, *, private: bool) -> bool:
        """True when storing ``info`` (from a private chat or not) would change nothing."""
        known = self._stored.get(info.id)
        if known is None or known[0] != info or (private and not known[1]):
            return False
        self._stored.move_to_end(info.id)
        return True

    def stored(self, info: UserInfo, *, reachable: bool) -> None:
        """The database now says ``info``; ``reachable``: started and not blocked."""
        self._stored[info.id] = (info, reachable)
        self._stored.move_to_end(info.id)
        while len(self._stored) > self.capacity:
            self._stored.popitem(last=False)

    def forget(self, user_id: int) -> None:
        """Their row changed behind this cache (marked unreachable): read it next time."""
        self._stored.pop(user_id, None)
