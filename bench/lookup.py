"""/find and /show on a big history, beside a full scan of the same rows.

    python -m bench.lookup --requests 1000000 [--no-postgres] [--write-docs]

Builds the history of ``bench.history`` (SQLite file, and the same rows in a fresh
PostgreSQL database), fills ``request_search`` for it as the app writes it
(``db.search.body_of``: number, answers, the requester's name — the history's
6,000 requesters get names from a pool of 60 × 60), then times, in the app's own
``db.reading()`` sessions:

- ``/find`` through ``db.search.find`` (the full-text index) for a requester, a
  manager of one department and an admin, with a rare and a common word, a
  name, a number and a word that matches nothing;
- the same question answered by a full scan: ``lower(answers) LIKE '%word%'``
  over the rows in scope, newest first, 10;
- ``/show``: ``core.lookup.view`` (the request, its timeline, the people).

One untimed run first, then ``--runs`` timed runs: median (min–max).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sqlite3
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from sqlalchemy import text

from bench import history
from bench.common import (
    NoPostgres,
    Timing,
    fresh_postgres,
    load_average,
    machine_lines,
    markdown_table,
    postgres_version,
    text_table,
    today,
    write_docs_section,
)
from core.clock import FakeClock
from core.context import Services
from core.lookup import view
from db import search
from db.models import User
from db.session import Database

FIRST = ("Anna Boris Vera Gleb Daria Egor Zoya Ivan Kira Lev Maria Nikita Olga Pavel Rita "
         "Sergey Tanya Uliana Fedor Khariton Tsvetana Chesna Shura Eva Yulia Yakov Alla Bogdan "
         "Vlad Galina Denis Elena Zakhar Inna Kirill Lidia Mark Nina Oleg Polina Roman Sofia "
         "Timur Ustin Filipp Khristina Tsezar Chaika Sasha Emil Yuri Yana Artem Bella Vitaly "
         "Gerda Dmitry Ella Zlata Igor").split()
LAST = ("Ivanov Smirnov Kuznetsov Popov Vasiliev Petrov Sokolov Mikhailov Novikov Fedorov "
        "Morozov Volkov Alekseev Lebedev Semenov Egorov Pavlov Kozlov Stepanov Nikolaev Orlov "
        "Andreev Makarov Nikitin Zakharov Zaitsev Soloviev Borisov Yakovlev Grigoriev Romanov "
        "Vorobiev Sergeev Kuzmin Frolov Alexandrov Dmitriev Korolev Gusev Kiselev Ilyin "
        "Maksimov Polyakov Sorokin Vinogradov Kovalev Belov Medvedev Antonov Tarasov Zhukov "
        "Baranov Filippov Komarov Davydov Belyaev Gerasimov Bogdanov Osipov Sidorov").split()


def person(requester_id: int) -> User:
    n = requester_id - history.EMPLOYEES.start
    return User(id=requester_id, first_name=FIRST[n % 60], last_name=LAST[n // 60 % 60],
                username=None)


def bodies(rows: list[tuple[int, Any, int]]) -> list[tuple[int, str]]:
    out = []
    for request_id, answers, requester_id in rows:
        parsed = json.loads(answers) if isinstance(answers, str) else answers
        out.append((request_id, search.body_of(request_id, parsed, person(requester_id))))
    return out


def index_sqlite(path: Path) -> float:
    """request_search for every request; the FTS5 table follows by its triggers."""
    started = time.perf_counter()
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA synchronous=OFF")
    # rows first, then the FTS5 index rebuilt from them at once (as migration 0004 does
    # for the requests it finds): the insert trigger is put back afterwards
    trigger = con.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' "
                          "AND name = 'request_search_ai'").fetchone()[0]
    con.execute("DROP TRIGGER request_search_ai")
    after = 0
    while True:
        rows = con.execute("SELECT id, answers, requester_id FROM requests WHERE id > ? "
                           "ORDER BY id LIMIT 20000", (after,)).fetchall()
        if not rows:
            break
        con.execute("BEGIN")
        con.executemany("INSERT INTO request_search (request_id, body) VALUES (?, ?)",
                        bodies(rows))
        con.execute("COMMIT")
        after = rows[-1][0]
    con.execute("INSERT INTO request_search_fts(request_search_fts) VALUES ('rebuild')")
    con.execute(trigger)
    con.execute("ANALYZE")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return time.perf_counter() - started


async def index_postgres(url: str) -> float:
    started = time.perf_counter()
    conn = await history.pg_connect(url)
    try:
        await conn.execute(f"DROP INDEX IF EXISTS {search.GIN_INDEX}")
        after = 0
        while True:
            rows = await conn.fetch("SELECT id, answers::text, requester_id FROM requests "
                                    "WHERE id > $1 ORDER BY id LIMIT 20000", after)
            if not rows:
                break
            await conn.copy_records_to_table(
                "request_search", records=bodies([tuple(r) for r in rows]),
                columns=["request_id", "body"])
            after = rows[-1][0]
        await conn.execute("SET maintenance_work_mem = '512MB'")
        await conn.execute(f"CREATE INDEX {search.GIN_INDEX} ON request_search "
                           "USING gin (to_tsvector('simple', body))")
        await conn.execute("VACUUM ANALYZE request_search")
    finally:
        await conn.close()
    return time.perf_counter() - started


async def timed(call: Callable[[], Awaitable[Any]], runs: int) -> tuple[Timing, float, Any]:
    t0 = time.perf_counter()
    result = await call()
    first = time.perf_counter() - t0
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        await call()
        samples.append(time.perf_counter() - t0)
    return Timing(tuple(samples)), first, result


def cases(db_busiest: str, requester: int, request_id: int) -> list[dict[str, Any]]:
    """Who asks what: (label, query, scope)."""
    name = person(requester)
    surname = name.last_name or ""
    mine = {"requester_id": requester, "departments": [], "everything": False}
    manager = {"requester_id": 1, "departments": [db_busiest], "everything": False}
    admin = {"requester_id": 1, "departments": [], "everything": True}
    return [
        {"who": "requester", "query": "printer", "scope": mine},
        {"who": "requester", "query": "zzzz", "scope": mine},
        {"who": f"manager ({db_busiest})", "query": "vpn backup", "scope": manager},
        {"who": f"manager ({db_busiest})", "query": f"{name.first_name} {surname}",
         "scope": manager},
        {"who": "admin", "query": "printer", "scope": admin},
        {"who": "admin", "query": f"{name.first_name.lower()[:3]} {surname[:4]}",
         "scope": admin},
        {"who": "admin", "query": str(request_id), "scope": admin},
        {"who": "admin", "query": "zzzz", "scope": admin},
    ]


def scan_sql(case: dict[str, Any], postgres: bool) -> tuple[str, dict[str, Any]]:
    """The same question as a full scan: every word LIKE '%word%' in the answers (a
    name would need a join; the scan reads the answers' text only, its best case)."""
    scope = case["scope"]
    where, params = [], {}
    for i, word in enumerate(search.words(case["query"])):
        where.append(f"lower(CAST(answers AS TEXT)) LIKE :w{i}")
        params[f"w{i}"] = f"%{word}%"
    if not scope["everything"]:
        ors = [f"requester_id = {int(scope['requester_id'])}"]
        if scope["departments"]:
            ors.append("department_key IN (" + ", ".join(
                f"'{d}'" for d in scope["departments"]) + ")")
        where.append("(" + " OR ".join(ors) + ")")
    return (f"SELECT id FROM requests WHERE {' AND '.join(where)} ORDER BY id DESC LIMIT 10",
            params)


async def measure(url: str, runs: int, label: str) -> list[list[str]]:
    db = Database(url)
    org = history.build_org()
    svc = Services(db, org.model_copy(update={"organization": org.organization.model_copy(
        update={"admins": [1]})}), FakeClock(history.NOW))
    rows: list[list[str]] = []
    try:
        async with db.reading() as session:
            busiest = (await session.execute(text(
                "SELECT department_key FROM requests GROUP BY department_key "
                "ORDER BY count(*) DESC LIMIT 1"))).scalar_one()
            requester = (await session.execute(text(
                "SELECT requester_id FROM requests ORDER BY id DESC LIMIT 1"))).scalar_one()
            request_id = (await session.execute(text(
                "SELECT request_id FROM request_events GROUP BY request_id "
                "ORDER BY count(*) DESC, request_id LIMIT 1"))).scalar_one()
        for case in cases(busiest, requester, request_id):
            scope = case["scope"]

            async def find(case: dict[str, Any] = case, scope: dict[str, Any] = scope) -> Any:
                async with db.reading() as session:
                    return await search.find(session, case["query"], limit=10, **scope)

            sql, params = scan_sql(case, not db.is_sqlite)

            async def scan(sql: str = sql, params: dict[str, Any] = params) -> Any:
                async with db.reading() as session:
                    return list((await session.execute(text(sql), params)).scalars())

            index_t, index_first, found = await timed(find, runs)
            scan_t, _, scanned = await timed(scan, max(1, runs // 2))
            rows.append([label, f"/find {case['query']}", case["who"], str(len(found)),
                         index_t.ms(), f"{index_first * 1000:.1f} ms", scan_t.ms(),
                         f"×{scan_t.median / index_t.median:.0f}"])
            print("  ", rows[-1], f"(scan found {len(scanned)})", flush=True)

        async def member(chat: int, user: int) -> bool:
            return False

        async def show() -> Any:
            return await view(svc, request_id, 1, 1, member)

        show_t, show_first, shown = await timed(show, runs)
        assert shown is not None
        rows.append([label, f"/show {request_id} ({len(shown.events)} events)", "admin", "1",
                     show_t.ms(), f"{show_first * 1000:.1f} ms", "—", "—"])
        print("  ", rows[-1], flush=True)
    finally:
        await db.dispose()
    return rows


HEADER = ["database", "question", "asked by", "found", "index: median (min–max)",
          "first run", "full scan: median (min–max)", "scan ÷ index"]


async def main_async(args: argparse.Namespace) -> int:
    rows: list[list[str]] = []
    fills: list[str] = []
    with tempfile.TemporaryDirectory(prefix="baton_lookup_") as folder:
        path = Path(folder) / "history.db"
        report = await asyncio.to_thread(history.fill_sqlite, path, args.requests)
        indexed = await asyncio.to_thread(index_sqlite, path)
        fills.append(f"SQLite: history {report.fill_s:.0f} s, request_search + FTS5 "
                     f"{indexed:.0f} s, {path.stat().st_size / 2**20:,.0f} MiB in all")
        print(fills[-1], flush=True)
        rows += await measure(f"sqlite+aiosqlite:///{path}", args.runs, "sqlite")
    pg = await postgres_version() if args.postgres else None
    if args.postgres:
        try:
            async with fresh_postgres() as url:
                report = await history.fill_postgres(url, args.requests)
                indexed = await index_postgres(url)
                fills.append(f"PostgreSQL: history {report.fill_s:.0f} s, request_search + "
                             f"GIN {indexed:.0f} s")
                print(fills[-1], flush=True)
                rows += await measure(url, args.runs, "postgresql")
        except NoPostgres as exc:
            print(f"PostgreSQL skipped: {exc}", file=sys.stderr)
    print()
    print(text_table(HEADER, rows))
    if args.write_docs:
        body = "\n".join([
            "## Looking requests up: /find and /show",
            "",
            f"`python -m bench.lookup --requests {args.requests} --write-docs` "
            f"({today()}, load average {load_average()} at the end; the machine is shared).",
            "",
            f"The history of `bench.history` ({args.requests:,} requests, seed 1), with "
            "`request_search` filled as the app writes it (number, answers, the requester's "
            "name). " + "; ".join(fills) + ".",
            "Each question runs in its own `db.reading()` session of the app's `Database`: "
            f"one untimed first run, then {args.runs} timed runs (the full scan half as many). "
            "The full scan asks the same with `lower(CAST(answers AS TEXT)) LIKE '%word%'` "
            "for each word over the rows in scope, newest first, 10 (its best case: it reads "
            "no names). `/show` is `core.lookup.view` for the request with the longest "
            "timeline.",
            "",
            markdown_table(HEADER, rows),
        ])
        print(f"written to {write_docs_section('lookup', body, machine_lines(pg))}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.lookup", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-postgres", dest="postgres", action="store_false")
    parser.add_argument("--write-docs", action="store_true")
    return asyncio.run(main_async(parser.parse_args(argv)))


if __name__ == "__main__":
    sys.exit(main())
