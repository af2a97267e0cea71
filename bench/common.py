"""What every benchmark needs: the example organisation, fresh databases, timing
statistics, a description of the machine and the docs file the figures go to."""

from __future__ import annotations

import os
import platform
import re
import sqlite3
import statistics
import subprocess
import tempfile
import tomllib
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from core.org import OrgConfig, parse_org

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs" / "benchmarks.md"
DEFAULT_POSTGRES = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"


def example_org() -> OrgConfig:
    """The organisation of org.example.toml in English, as tests/conftest.py builds it
    (copied rather than imported: the test module pulls in pytest and the emulator)."""
    data = tomllib.loads((ROOT / "core" / "org.example.toml").read_text(encoding="utf-8"))
    data["organization"]["language"] = "en"
    return parse_org(data)


# ------------------------------------------------------------------ databases
@contextmanager
def sqlite_file(prefix: str = "baton_bench_") -> Iterator[str]:
    """A SQLite URL for a new file in a temporary directory, removed afterwards."""
    with tempfile.TemporaryDirectory(prefix=prefix) as directory:
        yield f"sqlite+aiosqlite:///{Path(directory) / 'bench.db'}"


def postgres_admin_url() -> str:
    return os.environ.get("BATON_BENCH_POSTGRES_URL", DEFAULT_POSTGRES)


async def _pg_connect(url: str) -> Any:
    import asyncpg

    parsed = make_url(url)
    return await asyncpg.connect(
        host=parsed.host or "127.0.0.1", port=parsed.port or 5432,
        user=parsed.username or "postgres", password=parsed.password,
        database=parsed.database or "postgres", timeout=3,
    )


class NoPostgres(RuntimeError):
    """No PostgreSQL server answers at the admin URL."""


async def postgres_version() -> str | None:
    try:
        conn = await _pg_connect(postgres_admin_url())
    except Exception:
        return None
    try:
        return str(await conn.fetchval("SHOW server_version"))
    finally:
        await conn.close()


@asynccontextmanager
async def fresh_postgres() -> AsyncIterator[str]:
    """A new empty database ``baton_bench_<random>`` on the server, dropped afterwards.

    Raises NoPostgres when no server answers."""
    admin_url = postgres_admin_url()
    try:
        admin = await _pg_connect(admin_url)
    except Exception as exc:
        raise NoPostgres(f"no PostgreSQL server answers at {admin_url}: {exc}") from exc
    name = f"baton_bench_{uuid.uuid4().hex[:12]}"
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


# ------------------------------------------------------------------ statistics
@dataclass(frozen=True)
class Timing:
    """Seconds of repeated runs of one thing."""

    samples: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def min(self) -> float:
        return min(self.samples)

    @property
    def max(self) -> float:
        return max(self.samples)

    def ms(self) -> str:
        """'12.3 ms (11.9–14.0)': the median, then min–max."""
        return f"{ms(self.median)} ({ms(self.min)}–{ms(self.max)})"


def ms(seconds: float) -> str:
    value = seconds * 1000
    if value >= 100:
        return f"{value:.0f} ms"
    if value >= 10:
        return f"{value:.1f} ms"
    return f"{value:.2f} ms"


def markdown_table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |",
             "|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def text_table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(cell) for cell in column) for column in zip(header, *rows, strict=True)]
    out = [
        "  ".join(cell.ljust(w) if i == 0 else cell.rjust(w)
                  for i, (cell, w) in enumerate(zip(line, widths, strict=True)))
        for line in [header, *rows]
    ]
    out.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(out)


# ------------------------------------------------------------------ the machine
def _lscpu() -> dict[str, str]:
    try:
        text = subprocess.run(["lscpu"], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    facts = {}
    for line in text.splitlines():
        key, _, value = line.partition(":")
        facts[key.strip()] = value.strip()
    return facts


def _ram_gib() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def machine_lines(pg_version: str | None) -> list[str]:
    cpu = _lscpu()
    model = cpu.get("Model name") or platform.processor() or "unknown"
    cores = cpu.get("CPU(s)") or str(os.cpu_count())
    return [
        f"- CPU: {model}, {cores} CPUs ({platform.machine()})",
        f"- RAM: {_ram_gib()}",
        f"- OS: {platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"PostgreSQL {pg_version or 'not available'}",
    ]


def load_average() -> str:
    """The 1-minute load average: other work on the machine skews the figures."""
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except OSError:
        return "unknown"


def today() -> str:
    return date.today().isoformat()


# ------------------------------------------------------------------ docs file
_PREAMBLE = """# Benchmarks

Figures measured on one machine; each section says how to reproduce it. Run
a benchmark with `--write-docs` to replace its section here (and the machine
block below) with fresh figures; the other sections are left alone.

"""


def _markers(name: str) -> tuple[str, str]:
    return f"<!-- bench:{name}:start -->", f"<!-- bench:{name}:end -->"


def replace_section(text: str, name: str, body: str) -> str:
    """Put ``body`` between the markers of ``name``; append the section if it is new."""
    start, end = _markers(name)
    block = f"{start}\n{body.strip()}\n{end}"
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.S)
    if pattern.search(text):
        return pattern.sub(lambda _m: block, text, count=1)
    return text.rstrip() + "\n\n" + block + "\n"


def write_docs_section(name: str, body: str, machine: list[str]) -> Path:
    """Update the machine block and the section ``name`` of docs/benchmarks.md."""
    text = DOCS.read_text(encoding="utf-8") if DOCS.exists() else _PREAMBLE
    text = replace_section(text, "machine", "## Machine\n\n" + "\n".join(machine))
    text = replace_section(text, name, body)
    DOCS.parent.mkdir(parents=True, exist_ok=True)
    DOCS.write_text(text.rstrip() + "\n", encoding="utf-8")
    return DOCS
