"""What every service needs: the database, the organisation file, the clock, and
what this process already knows of the people who write.

The organisation file can be reloaded while the bot runs (core.org_versions): the
running one is swapped whole (an OrgConfig is immutable), and a unit of work —
one update, one scan — pins the one it started with (:meth:`Services.pinned`), so
it never sees half of one file and half of the next."""

from __future__ import annotations

import os
import secrets
import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from core.clock import Clock
from core.known_people import KnownPeople
from core.org import OrgConfig
from db.session import Database

# the organisation file a unit of work runs on, per Services (tests run two in one process)
_pinned: ContextVar[tuple[Services, OrgConfig] | None] = ContextVar("baton_org", default=None)


def instance_name() -> str:
    """This process, as `baton check` lists it: host, pid and a random tail (a
    container's pid is often 1 on every host)."""
    return f"{socket.gethostname()[:60]}:{os.getpid()}:{secrets.token_hex(3)}"


class Services:
    def __init__(self, db: Database, org: OrgConfig, clock: Clock,
                 known_people: KnownPeople | None = None) -> None:
        self.db = db
        self.clock = clock
        self.known_people = known_people or KnownPeople()  # per process
        self._org = org
        self.org_version: int | None = None  # the stored version running (None: not stored)
        self.instance = instance_name()
        # told of every swap (the access checker forgets its cache)
        self.on_swap: list[Callable[[OrgConfig], None]] = []

    @property
    def org(self) -> OrgConfig:
        """The organisation file: the one pinned for this unit of work, else the running one."""
        pinned = _pinned.get()
        if pinned is not None and pinned[0] is self:
            return pinned[1]
        return self._org

    @org.setter
    def org(self, org: OrgConfig) -> None:
        """Replace the running file (tests; a reload goes through :meth:`swap_org`)."""
        self.swap_org(org, self.org_version)

    def swap_org(self, org: OrgConfig, version: int | None) -> None:
        """Run ``org`` from now on; work in progress keeps the one it pinned."""
        self._org, self.org_version = org, version
        for listener in self.on_swap:
            listener(org)

    @contextmanager
    def pinned(self) -> Iterator[OrgConfig]:
        """One organisation file for the whole unit of work inside."""
        token = _pinned.set((self, self._org))
        try:
            yield self._org
        finally:
            _pinned.reset(token)
