"""Fixtures: the emulator, an organisation, a real database file, and the bot."""

from __future__ import annotations

import tomllib
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.harness import BotUnderTest, sqlite_url
from core.clock import FakeClock
from core.org import OrgConfig, parse_org
from emulator import BotApiEmulator
from tests.databases import fresh_postgres

ROOT = Path(__file__).resolve().parents[1]
ADMIN, REQUESTER, EXECUTOR, EXECUTOR2, OUTSIDER = 1001, 2001, 3001, 3002, 4001
IT_CHAT, HR_CHAT, FIN_CHAT = -1001000000001, -1001000000002, -1001000000003


def example_org(**overrides: object) -> OrgConfig:
    data = tomllib.loads((ROOT / "core" / "org.example.toml").read_text(encoding="utf-8"))
    data["organization"]["language"] = "en"
    for key, value in overrides.items():
        data[key] = value
    return parse_org(data)


@pytest.fixture
def org() -> OrgConfig:
    return example_org()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 23, 7, 0, tzinfo=UTC))  # Monday 10:00 in Moscow


@pytest.fixture
async def emu() -> AsyncIterator[BotApiEmulator]:
    emulator = BotApiEmulator()
    await emulator.start()
    emulator.add_user(ADMIN, "Anna", last_name="Admin", language_code="en")
    emulator.add_user(REQUESTER, "Rita", last_name="Requester", language_code="en")
    emulator.add_user(EXECUTOR, "Egor", last_name="Executor", language_code="en")
    emulator.add_user(EXECUTOR2, "Eva", last_name="Executor", language_code="en")
    emulator.add_user(OUTSIDER, "Oleg", language_code="en")
    emulator.add_group(IT_CHAT, "IT desk", members=(ADMIN, EXECUTOR, EXECUTOR2))
    emulator.add_group(HR_CHAT, "HR team", members=(ADMIN, EXECUTOR2))
    emulator.add_group(FIN_CHAT, "Finance", members=(ADMIN,))
    yield emulator
    await emulator.stop()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """Every database test runs on a SQLite file and on a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield sqlite_url(tmp_path)
        return
    async with fresh_postgres() as url:
        yield url


@pytest.fixture
async def bot(emu: BotApiEmulator, database_url: str, org: OrgConfig,
              clock: FakeClock) -> AsyncIterator[BotUnderTest]:
    runner = BotUnderTest(emu, database_url, org, clock)
    await runner.start()
    yield runner
    await runner.stop()
