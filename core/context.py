"""What every service needs: the database, the organisation file, the clock, and
what this process already knows of the people who write."""

from __future__ import annotations

from dataclasses import dataclass, field

from core.clock import Clock
from core.known_people import KnownPeople
from core.org import OrgConfig
from db.session import Database


@dataclass
class Services:
    db: Database
    org: OrgConfig
    clock: Clock
    known_people: KnownPeople = field(default_factory=KnownPeople)  # per process
