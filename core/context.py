"""What every service needs: the database, the organisation file and the clock."""

from __future__ import annotations

from dataclasses import dataclass

from core.clock import Clock
from core.org import OrgConfig
from db.session import Database


@dataclass
class Services:
    db: Database
    org: OrgConfig
    clock: Clock
