"""/stats on years of history: ``db.stats.collect`` and ``series`` against a full scan.

    python -m bench.history --requests 1000000 --out /tmp/baton-1m.db
    python -m bench.stats --db /tmp/baton-1m.db [--repeat 5] [--postgres/--no-postgres]
                          [--postgres-url URL] [--keep] [--write-docs]

On the SQLite file made by ``bench.history`` (and, when a server answers, on a
fresh PostgreSQL database ``baton_bench_stats_<random>`` filled with the same
history and dropped afterwards unless ``--keep``), through the app's own
``Database`` and a ``db.reading()`` session, it times:

- ``collect()`` for 30 and 365 days over all 20 departments;
- ``series()`` for 30 and 365 days;
- /stats as the bot runs it: ``collect()`` then ``series()`` in one session, 365 days;
- the reference, on the same file and connection pool in the same run: a full
  scan of the requests table, ``SELECT count(*) FROM requests WHERE
  CAST(answers AS TEXT) LIKE '%zzz%'`` (matches nothing, must read every row).

Each is run once untimed (warm caches, same connection), then ``--repeat`` times:
median (min–max). Then every statement ``collect()`` issues for 365 days is
re-run on its own (median of 3) with its query plan (``EXPLAIN QUERY PLAN`` on
SQLite, ``EXPLAIN (ANALYZE, BUFFERS)`` on PostgreSQL).

Targets (issue): collect() within 3× of the full scan; /stats answers in a
second on years of history (collect + series, 365 days, under 1 s).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import sys
import time
import uuid
from collections import Counter
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import make_url

from bench.common import (
    DEFAULT_POSTGRES,
    DOCS,
    Timing,
    load_average,
    machine_lines,
    markdown_table,
    ms,
    text_table,
    today,
)
from bench.history import NOW, FillReport, build_org, fill_postgres, pg_connect
from core import stats
from core.org import OrgConfig
from db.session import Database

TARGET_RATIO = 3.0
TARGET_STATS_S = 1.0
FULL_SCAN = "SELECT count(*) FROM requests WHERE CAST(answers AS TEXT) LIKE '%zzz%'"
# the statements of collect(), in the order it issues them (500 executors: their
# medians take two statements of 250 ranks each)
COLLECT_QUERIES = [
    "created and SLA compliance of requests filed", "taken per department",
    "done per department and executor", "open by department and status",
    "stuck (open, last event before stale)", "time to take p50/p90 (walk to rank)",
    "time to finish p50/p90 (walk to rank)", "transfers in and out (events)",
    "ratings per department and executor", "ratings: the departments' averages (no table)",
    "executors: open assigned", "executors: finish p50 (walk to rank), 1st 250",
    "executors: finish p50 (walk to rank), rest", "flows requester → target",
]


@dataclass
class QueryFigure:
    label: str
    sql: str
    params: Any
    timing: Timing
    rows: int
    plan: list[str]


@dataclass
class Result:
    backend: str
    fill: dict[str, Any] | None
    size_bytes: int
    counts: dict[str, int]
    timings: dict[str, Timing] = field(default_factory=dict)
    first: dict[str, float] = field(default_factory=dict)
    queries: list[QueryFigure] = field(default_factory=list)
    check: str = ""


async def timed(repeat: int, run: Callable[[], Awaitable[Any]]) -> tuple[Timing, float]:
    start = time.perf_counter()
    await run()
    first = time.perf_counter() - start
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        await run()
        samples.append(time.perf_counter() - start)
    return Timing(tuple(samples)), first


async def measure(backend: str, url: str, org: OrgConfig, repeat: int,
                  fill: dict[str, Any] | None, size_bytes: int) -> Result:
    db = Database(url)
    keys = [d.key for d in org.departments]
    try:
        async with db.reading() as session:
            counts = {t: int((await session.execute(text(f"SELECT count(*) FROM {t}"))).scalar()
                             or 0) for t in ("requests", "request_events", "ratings")}
        result = Result(backend, fill, size_bytes, counts)
        print(f"{backend}: {counts['requests']:,} requests, {counts['request_events']:,} "
              f"events, {counts['ratings']:,} ratings", flush=True)

        async def full_scan() -> Any:
            async with db.reading() as session:
                return (await session.execute(text(FULL_SCAN))).scalar()

        def collect(days: int) -> Callable[[], Awaitable[Any]]:
            async def run() -> Any:
                async with db.reading() as session:
                    return await stats.collect(session, org, NOW, days, keys)
            return run

        def series(days: int) -> Callable[[], Awaitable[Any]]:
            async def run() -> Any:
                async with db.reading() as session:
                    return await stats.series(session, org, NOW, days, keys)
            return run

        async def both() -> Any:
            async with db.reading() as session:
                await stats.collect(session, org, NOW, 365, keys)
                return await stats.series(session, org, NOW, 365, keys)

        plan: list[tuple[str, Callable[[], Awaitable[Any]]]] = [
            ("full scan of requests", full_scan),
            ("collect() 30 d", collect(30)), ("collect() 365 d", collect(365)),
            ("series() 30 d", series(30)), ("series() 365 d", series(365)),
            ("/stats 365 d: collect() + series()", both),
            ("full scan of requests (again)", full_scan),
        ]
        for name, run in plan:
            timing, first = await timed(repeat, run)
            result.timings[name], result.first[name] = timing, first
            print(f"  {name}: {timing.ms()} (first {ms(first)})", flush=True)
        # the two reference runs bracket the others: one figure from all their samples
        again = result.timings.pop("full scan of requests (again)")
        result.first.pop("full scan of requests (again)")
        result.timings["full scan of requests"] = Timing(
            result.timings["full scan of requests"].samples + again.samples)

        report = await collect(365)()
        created = sum(d.created for d in report.departments)
        async with db.reading() as session:
            direct = (await session.execute(
                text("SELECT count(*) FROM requests WHERE created_at >= :since"),
                {"since": _bind_time(db, NOW - timedelta(days=365))})).scalar()
        result.check = (f"collect(365) counts {created:,} requests filed in the period, "
                        f"a direct count gives {direct:,}")
        assert created == direct, result.check
        result.queries = await per_query(db, org, keys)
    finally:
        await db.dispose()
    return result


def _bind_time(db: Database, value: Any) -> Any:
    if db.is_sqlite:
        return value.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
    return value


async def per_query(db: Database, org: OrgConfig, keys: list[str]) -> list[QueryFigure]:
    """Every statement collect(365) issues, timed alone, with its plan."""
    captured: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any,
                _many: bool) -> None:
        captured.append((statement, parameters))

    event.listen(db.engine.sync_engine, "before_cursor_execute", capture)
    try:
        async with db.reading() as session:
            await stats.collect(session, org, NOW, 365, keys)
    finally:
        event.remove(db.engine.sync_engine, "before_cursor_execute", capture)
    captured = [(s, p) for s, p in captured if not s.startswith(("BEGIN", "PRAGMA"))]
    labels = COLLECT_QUERIES if len(captured) == len(COLLECT_QUERIES) else \
        [f"query {i + 1}" for i in range(len(captured))]
    out = []
    async with db.engine.connect() as conn:
        for label, (sql, params) in zip(labels, captured, strict=True):
            samples, rows = [], 0
            for _ in range(4):
                start = time.perf_counter()
                rows = len((await conn.exec_driver_sql(sql, params)).fetchall())
                samples.append(time.perf_counter() - start)
            prefix = "EXPLAIN QUERY PLAN " if db.is_sqlite else "EXPLAIN (ANALYZE, BUFFERS) "
            plan_rows = (await conn.exec_driver_sql(prefix + sql, params)).fetchall()
            plan = [str(r[-1]) for r in plan_rows] if db.is_sqlite else \
                [str(r[0]) for r in plan_rows]
            out.append(QueryFigure(label, sql, params, Timing(tuple(samples[1:])), rows, plan))
        await conn.rollback()
    return out


# ------------------------------------------------------------------ PostgreSQL
async def with_postgres(admin_url: str, n: int, seed: int, repeat: int, keep: bool,
                        org: OrgConfig) -> Result:
    admin = await pg_connect(admin_url)
    name = f"baton_bench_stats_{uuid.uuid4().hex[:10]}"
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        report: FillReport = await fill_postgres(url, n, seed)
        fill = {"fill_s": report.fill_s, "generate_and_insert_s": report.generate_and_insert_s,
                "indexes_s": report.indexes_s, "analyze_s": report.analyze_s,
                "open": report.open, "database": name}
        return await measure("postgresql", url, org, repeat, fill, report.size_bytes)
    finally:
        if keep:
            print(f"kept PostgreSQL database {name}")
        else:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


# ------------------------------------------------------------------ report
ORDER = ["full scan of requests", "collect() 30 d", "collect() 365 d", "series() 30 d",
         "series() 365 d", "/stats 365 d: collect() + series()"]


def timing_rows(result: Result) -> list[list[str]]:
    scan = result.timings["full scan of requests"].median
    return [[name, result.timings[name].ms(), ms(result.first[name]),
             f"×{result.timings[name].median / scan:.2f}"] for name in ORDER]


def targets(result: Result) -> list[str]:
    scan = result.timings["full scan of requests"].median
    out = []
    for days in (30, 365):
        ratio = result.timings[f"collect() {days} d"].median / scan
        out.append(f"{result.backend}: collect() {days} d within {TARGET_RATIO:g}× of the full "
                   f"scan: ×{ratio:.2f} — {'met' if ratio <= TARGET_RATIO else 'NOT met'}")
    total = result.timings["/stats 365 d: collect() + series()"].median
    out.append(f"{result.backend}: /stats 365 d (collect + series) under "
               f"{TARGET_STATS_S:g} s: {ms(total)} — "
               f"{'met' if total <= TARGET_STATS_S else 'NOT met'}")
    return out


def query_rows(result: Result) -> list[list[str]]:
    rows = []
    for q in sorted(result.queries, key=lambda q: -q.timing.median):
        rows.append([q.label, ms(q.timing.median), f"{q.rows:,}", "<br>".join(
            _plan_summary(result.backend, q.plan)).replace("|", "\\|")])
    return rows


def _plan_summary(backend: str, plan: list[str]) -> list[str]:
    if backend == "sqlite":
        return _counted(re.sub(r"SUBQUERY \d+", "SUBQUERY", line) for line in plan)
    keep = ("Scan", "Sort", "WindowAgg", "Hash Join", "Nested Loop", "Merge Join",
            "HashAggregate", "GroupAggregate", "Execution Time")
    out = []
    for line in plan:
        stripped = line.strip().removeprefix("->").strip()
        if any(k in stripped for k in keep) and not stripped.startswith(("Sort Key",
                                                                          "Sort Method")):
            node = stripped.split("  (")[0] if "Execution" not in stripped else stripped
            # scalar subqueries scan "requests requests_1", "requests requests_2", …
            out.append(re.sub(r" on (\w+) \1_\d+$", r" on \1", node))
        elif stripped.startswith("Sort Method"):
            out.append(stripped)
    return _counted(out)


def _counted(plan: Iterable[str]) -> list[str]:
    """Each distinct line once, in order, with how often it came when more than once
    (a statement of 250 scalar subqueries has 250 plans alike)."""
    lines = list(plan)
    counts = Counter(lines)
    return [f"{line} (×{counts[line]})" if counts[line] > 1 else line
            for line in dict.fromkeys(lines)]


def data_rows(results: list[Result]) -> list[list[str]]:
    rows = []
    for r in results:
        fill = r.fill or {}
        fill_s = f"{fill['fill_s']:.0f} s" if "fill_s" in fill else "?"
        parts = (f" (rows {fill['generate_and_insert_s']:.0f} s, indexes "
                 f"{fill['indexes_s']:.0f} s, ANALYZE {fill['analyze_s']:.0f} s)"
                 if "generate_and_insert_s" in fill else "")
        rows.append([r.backend, f"{r.counts['requests']:,}", f"{fill.get('open', 0):,}",
                     f"{r.counts['request_events']:,}", f"{r.counts['ratings']:,}",
                     fill_s + parts, f"{r.size_bytes / 2**20:,.0f} MiB"])
    return rows


def docs_body(args: argparse.Namespace, results: list[Result], pg_note: str | None,
              machine: list[str]) -> str:
    fill_cmd = (results[0].fill or {}).get("command") or \
        f"python -m bench.history --requests {results[0].counts['requests']} --out {args.db}"
    cmd = f"python -m bench.stats --db {args.db} --repeat {args.repeat}"
    cmd += " --postgres" if args.postgres else " --no-postgres"
    out = ["## /stats", "",
           f"Measured {today()} (1-minute load average {args.load_before} before the run, "
           f"{args.load_after} after) on:", "", *machine, "", "Commands:", "", "```sh",
           ". .venv/bin/activate", fill_cmd, cmd + " --write-docs", "```", "",
           "The history (`bench/history.py`, seed 1): requests filed over the two years "
           "before Monday 2026-11-23 12:00 Moscow in an organisation of 20 departments "
           "(d01..d20, unequal in size) and 500 executors, on working days and hours, twice "
           "as many a day at the end as at the start; ~3% transferred, ~2% reopened, "
           "~60% of closed ones rated, ~97% final. Secondary indexes are built after the "
           "load, then `ANALYZE` (SQLite) / `VACUUM ANALYZE` (PostgreSQL). PostgreSQL gets "
           "the same rows (same seed) in a fresh `baton_bench_stats_*` database"
           + (f" ({pg_note})" if pg_note else "") + ".", "",
           markdown_table(["database", "requests", "open", "events", "ratings", "fill time",
                           "size on disk"], data_rows(results)), "",
           "What is timed: each call in its own `db.reading()` session of the app's "
           "`Database`, all 20 departments, `now` = the history's end. One untimed run "
           "first (the \"first run\" column), then "
           f"{args.repeat} timed runs: median (min–max). The full scan "
           f"(`{FULL_SCAN}`) is run before and after the others on the same pool; its "
           "figure has both runs' samples. The last column divides by its median.", ""]
    for r in results:
        out += [f"**{r.backend}**", "",
                markdown_table(["", "median (min–max)", "first run", "÷ full scan"],
                               timing_rows(r)), "", f"Check: {r.check}.", ""]
    out += ["Targets (issue: \"the stats query within 3× of SQLite's own full scan of the "
            "requests table\"; \"/stats answers in a second on years of history\"):", ""]
    out += [f"- {line}" for r in results for line in targets(r)]
    out += [""]
    for r in results:
        how = "EXPLAIN QUERY PLAN" if r.backend == "sqlite" else \
            "EXPLAIN (ANALYZE, BUFFERS), scan nodes"
        out += [f"The statements of `collect()` for 365 days on {r.backend}, each re-run "
                f"alone (median of 3, slowest first), with the plan ({how}):", "",
                markdown_table(["statement", "time", "rows", "plan"], query_rows(r)), ""]
    return "\n".join(out)


def write_docs(body: str) -> Path:
    """Put the section between its own markers, leaving every other section alone."""
    from bench.common import replace_section

    text_ = DOCS.read_text(encoding="utf-8")
    text_ = replace_section(text_, "stats", body)
    DOCS.write_text(text_.rstrip() + "\n", encoding="utf-8")
    return DOCS


def print_result(r: Result) -> None:
    print()
    print(text_table(["", "median (min–max)", "first run", "÷ full scan"], timing_rows(r)))
    print(r.check)
    for line in targets(r):
        print(line)
    print(f"\n{r.backend}: statements of collect(365), slowest first")
    for q in sorted(r.queries, key=lambda q: -q.timing.median):
        print(f"  {ms(q.timing.median):>9}  {q.rows:>6,} rows  {q.label}")
        for line in _plan_summary(r.backend, q.plan):
            print(f"               {line}")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.stats", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, required=True,
                        help="the SQLite file made by python -m bench.history")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--postgres", action=argparse.BooleanOptionalAction, default=True,
                        help="also fill and measure a fresh PostgreSQL database")
    parser.add_argument("--postgres-url", default=DEFAULT_POSTGRES,
                        help="a server's database to connect to for CREATE DATABASE")
    parser.add_argument("--pg-requests", type=int,
                        help="requests for PostgreSQL (default: as many as the SQLite file)")
    parser.add_argument("--keep", action="store_true", help="keep the PostgreSQL database")
    parser.add_argument("--write-docs", action="store_true",
                        help="replace the /stats section of docs/benchmarks.md")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    if not args.db.exists():
        parser.error(f"{args.db} does not exist: python -m bench.history --out {args.db}")
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    return args


async def main_async(args: argparse.Namespace) -> int:
    org = build_org()
    args.load_before = load_average()
    sidecar = args.db.with_name(args.db.name + ".json")
    fill = json.loads(sidecar.read_text()) if sidecar.exists() else None
    wal = args.db.with_name(args.db.name + "-wal")
    size = args.db.stat().st_size + (wal.stat().st_size if wal.exists() else 0)
    results = [await measure("sqlite", f"sqlite+aiosqlite:///{args.db.resolve()}", org,
                             args.repeat, fill, size)]
    print_result(results[0])
    pg_note, pg_version = None, None
    if args.postgres:
        try:
            admin = await pg_connect(args.postgres_url)
            pg_version = str(await admin.fetchval("SHOW server_version"))
            await admin.close()
        except Exception as exc:  # no server: say so and carry on
            pg_note = f"skipped: no server answers at {args.postgres_url} ({exc})"
            print(f"PostgreSQL {pg_note}")
        if pg_version:
            n = args.pg_requests or results[0].counts["requests"]
            seed = (fill or {}).get("seed", 1)
            results.append(await with_postgres(args.postgres_url, n, seed, args.repeat,
                                               args.keep, org))
            print_result(results[-1])
    else:
        pg_note = "not measured (--no-postgres)"
    args.load_after = load_average()
    if args.json:
        args.json.write_text(json.dumps([{
            "backend": r.backend, "counts": r.counts, "size_bytes": r.size_bytes,
            "fill": r.fill, "first": r.first,
            "timings": {k: list(v.samples) for k, v in r.timings.items()},
            "queries": [{"label": q.label, "sql": q.sql, "params": repr(q.params),
                         "samples": list(q.timing.samples), "rows": q.rows, "plan": q.plan}
                        for q in r.queries]} for r in results], indent=2))
    if args.write_docs:
        path = write_docs(docs_body(args, results, pg_note, machine_lines(pg_version)))
        print(f"\nwrote {path}")
    return 0


def main(argv: list[str] | None = None) -> int:
    return asyncio.run(main_async(parse_args(argv)))


if __name__ == "__main__":
    sys.exit(main())

