"""A realistic two-year history for the /stats benchmark.

    python -m bench.history --requests 1000000 --out /tmp/baton-1m.db
    python -m bench.history --requests 1000000 --postgres-url postgresql+asyncpg://…/db

An organisation of 20 departments (``d01``..``d20``, three or four request types
each, a manager each; built in code by ``build_org()`` and written beside the
file as ``<out>.org.toml`` for reference) and N requests filed over the two
years before ``NOW`` (Monday 2026-11-23 12:00 Moscow): more on working days and
in working hours (Moscow), twice as many a day at the end as at the start,
departments of unequal size (Zipf-like). Each request lives a plausible life —
transferred (~3%), taken by one of the department's 25 executors (500 in all),
asked for information, done, reopened (~2%), accepted or auto-closed, rejected
or cancelled — cut at ``NOW`` (what had not happened yet has not happened), and
~2.5% of the older ones are left stuck open. Its events, its rating (~60% of
closed requests, mostly 4–5) and the /stats columns follow from that life:
``take_work_s`` and ``finish_work_s`` (working seconds; wall time is a random
multiple of them, not the org's calendar, which would cost ~30 µs a call),
``response_met`` (~85%), ``resolve_met`` (~75%), ``requester_department`` (~70%).

Deterministic: the same ``--seed`` and ``--requests`` give the same rows. Rows
are written as plain tuples, ``executemany`` in chunks, one transaction per
chunk (SQLite: ``synchronous=OFF``, WAL) or ``COPY`` (PostgreSQL); the secondary
indexes of the three tables are dropped during the fill and created again after
it (their definitions are read from the migrated schema, so they are exactly the
app's), then ``ANALYZE``. A ``<out>.json`` beside the SQLite file records the
counts, the fill time and the command.
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import json
import queue
import random
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from itertools import accumulate
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from core.org import OrgConfig, parse_org
from db.migrate import upgrade_sync

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # Monday 12:00 in Moscow
YEARS_DAYS = 730
DEPARTMENTS = [f"d{i:02d}" for i in range(1, 21)]
EXECUTORS_PER_DEPARTMENT = 25  # 500 executors
EXECUTOR_BASE = 30_000_000  # executor j of department i: 30_000_000 + 100 * i + j
EMPLOYEES = range(10_000_001, 10_006_001)  # 6,000 people who file requests
MANAGER_BASE = 20_000_000
CHUNK = 20_000  # requests per transaction (plus their events and ratings)
TABLES = ("requests", "request_events", "ratings")
_at = itemgetter(0)

# key, name, response, resolve, urgent factor, fields (key, label, type, options)
TYPE_POOL: list[tuple[str, str, str, str, float, list[tuple[str, str, str, list[str]]]]] = [
    ("access", "Access to a system", "2h", "1d", 0.5,
     [("system", "Which system?", "text", []),
      ("level", "Access level", "choice", ["Read", "Write", "Admin"])]),
    ("hardware", "Broken or missing equipment", "1h", "2d", 0.5,
     [("item", "What is broken or needed?", "text", []), ("room", "Room or desk", "text", [])]),
    ("software", "Install software", "4h", "2d", 1.0,
     [("name", "Which program?", "text", []), ("details", "Anything else?", "text", [])]),
    ("question", "A question", "4h", "1d", 1.0, [("details", "Your question", "text", [])]),
    ("purchase", "Buy something", "1d", "5d", 1.0,
     [("item", "What to buy?", "text", []), ("amount", "Budget", "number", [])]),
    ("document", "A document or certificate", "4h", "3d", 0.5,
     [("kind", "Which document?", "choice", ["Certificate", "Copy", "Statement"]),
      ("copies", "Copies", "number", []), ("details", "Anything else?", "text", [])]),
]

WORDS = ("printer laptop monitor vpn mail crm erp wiki badge chair desk phone invoice "
         "contract report payroll leave travel access account password licence office "
         "meeting room kitchen parking server backup network wifi screen keyboard mouse "
         "please urgent tomorrow broken slow cannot login again since monday new old").split()


def build_org() -> OrgConfig:
    """20 departments d01..d20 with 3–4 request types each and one manager each."""
    departments = []
    for i, key in enumerate(DEPARTMENTS):
        types = []
        for j in range(3 + i % 2):
            tkey, name, response, resolve, factor, fields = TYPE_POOL[(i + j) % len(TYPE_POOL)]
            types.append({
                "key": tkey, "name": name, "response": response, "resolve": resolve,
                "urgent_factor": factor,
                "fields": [{"key": k, "label": label, "type": kind,
                            **({"options": options} if options else {})}
                           for k, label, kind, options in fields],
            })
        departments.append({"key": key, "name": f"Department {i + 1}",
                            "managers": [MANAGER_BASE + i + 1], "request_types": types})
    return parse_org({
        "organization": {"name": "Bench Corp", "timezone": "Europe/Moscow", "language": "en",
                         "admins": [1001]},
        "calendar": {"workdays": ["mon", "tue", "wed", "thu", "fri"], "hours": "09:00-18:00",
                     "holidays": "RU"},
        "departments": departments,
    })


def org_toml(org: OrgConfig) -> str:
    """The organisation as a TOML file (for reference and for running the bot on it)."""
    def value(v: Any) -> str:
        return json.dumps(v, ensure_ascii=False)  # TOML strings, numbers and arrays

    out = ["# generated by bench/history.py", "", "[organization]",
           f"name = {value(org.organization.name)}",
           f"timezone = {value(org.organization.timezone)}",
           f"language = {value(org.organization.language)}",
           f"admins = {value(org.organization.admins)}", "", "[calendar]",
           f"workdays = {value(org.calendar.workdays)}", f"hours = {value(org.calendar.hours)}",
           f"holidays = {value(org.calendar.holidays)}", ""]
    for d in org.departments:
        out += ["[[departments]]", f"key = {value(d.key)}", f"name = {value(d.name)}",
                f"managers = {value(d.managers)}", ""]
        for t in d.request_types:
            out += ["[[departments.request_types]]", f"key = {value(t.key)}",
                    f"name = {value(t.name)}", f'response = "{t.response}"',
                    f'resolve = "{t.resolve}"', f"urgent_factor = {t.urgent_factor}", ""]
            for f in t.fields:
                out += ["[[departments.request_types.fields]]", f"key = {value(f.key)}",
                        f"label = {value(f.label)}", f"type = {value(f.type)}"]
                if f.options:
                    out.append(f"options = {value(f.options)}")
                out.append("")
    return "\n".join(out)


# ------------------------------------------------------------------ columns
REQUEST_COLUMNS = (
    "id", "department_key", "type_key", "type_name", "response_seconds", "resolve_seconds",
    "requester_id", "assignee_id", "status", "priority", "answers", "needed_by", "created_at",
    "taken_at", "done_at", "closed_at", "status_changed_at", "response_due_at",
    "resolve_due_at", "resolve_remaining_s", "transfers", "reopens", "take_work_s",
    "finish_work_s", "response_met", "resolve_met", "requester_department", "auto_closed",
    "next_alert_at", "last_event_at",
)
EVENT_COLUMNS = ("request_id", "at", "kind", "actor_id", "from_status", "to_status",
                 "from_department", "to_department", "reason")
RATING_COLUMNS = ("request_id", "score", "comment", "rater_id", "assignee_id", "department_key",
                  "rated_at")


# ------------------------------------------------------------------ time
def _created_times(rng: random.Random, n: int) -> list[int]:
    """N sorted epoch seconds over the two years before NOW: working days and hours,
    a doubling trend, a summer dip and the Russian new-year holidays."""
    end = int(NOW.timestamp())
    first_day = (end // 86400) - YEARS_DAYS  # midnight UTC, two years back
    weekday_hours = [0.2, 0.2, 0.2, 0.2, 0.2, 0.3, 0.6, 2, 8, 12, 12, 10, 8, 11, 11, 10, 8, 3,
                     1.5, 1, 0.7, 0.4, 0.3, 0.2]  # Moscow hours 0..23
    weekend_hours = [0.3] * 8 + [1, 2, 3, 3, 3, 3, 3, 3, 2, 2, 1.5, 1, 1, 0.6, 0.4, 0.3]
    def utc(hours: list[float]) -> list[float]:
        return [hours[(h + 3) % 24] for h in range(24)]  # UTC hour h is Moscow h+3
    cum = {False: list(accumulate(utc(weekday_hours))), True: list(accumulate(utc(weekend_hours)))}
    days = []
    for d in range(YEARS_DAYS + 1):
        day = datetime.fromtimestamp((first_day + d) * 86400, UTC).date()
        weekend = day.weekday() >= 5
        w = (0.1 if weekend else 1.0) * (1 + d / YEARS_DAYS)
        if day.month in (7, 8):
            w *= 0.85
        if day.month == 1 and day.day <= 8:
            w *= 0.15
        if d == YEARS_DAYS:
            w *= cum[weekend][8] / cum[weekend][-1]  # today: 00:00–09:00 UTC only
        days.append((first_day + d, weekend, w))
    total = sum(w for _, _, w in days)
    out: list[int] = []
    carry = 0.0
    for i, (day, weekend, w) in enumerate(days):
        exact = n * w / total + carry
        k = int(exact) if i < len(days) - 1 else n - len(out)
        carry = exact - k
        weights = cum[weekend][:9] if i == len(days) - 1 else cum[weekend]
        hours = rng.choices(range(len(weights)), cum_weights=weights, k=k)
        base = day * 86400
        out.extend(sorted(base + h * 3600 + int(rng.random() * 3600) for h in hours))
    return [min(t, end - 1) for t in out]


def sqlite_times() -> Callable[[int], str]:
    """Epoch seconds → SQLAlchemy's SQLite DATETIME text, from two lookup tables."""
    first_day = int(NOW.timestamp()) // 86400 - YEARS_DAYS - 2
    days = [datetime.fromtimestamp((first_day + d) * 86400, UTC).strftime("%Y-%m-%d ")
            for d in range(YEARS_DAYS + 400)]
    seconds = [f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}.000000" for s in range(86400)]

    def ts(t: int) -> str:
        return days[t // 86400 - first_day] + seconds[t % 86400]
    return ts


def postgres_times() -> Callable[[int], datetime]:
    epoch = datetime(1970, 1, 1, tzinfo=UTC)

    def ts(t: int) -> datetime:
        return epoch + timedelta(seconds=t)
    return ts


# ------------------------------------------------------------------ the rows
@dataclass
class Counts:
    requests: int = 0
    events: int = 0
    ratings: int = 0
    open: int = 0
    transferred: int = 0
    reopened: int = 0


class _Kind:
    """A department's request type with what a row needs, precomputed."""

    def __init__(self, rng: random.Random, department: str, rtype: Any, cal: Any) -> None:
        self.department = department
        self.key, self.name = rtype.key, rtype.name
        self.response = cal.seconds(rtype.response)
        self.resolve = cal.seconds(rtype.resolve)
        self.urgent_factor = rtype.urgent_factor
        parts, self.pools = [], []
        for f in rtype.fields:
            parts.append(json.dumps({"key": f.key, "label": f.label, "type": f.type,
                                     "value": "@@"}, ensure_ascii=False))
            if f.type == "choice":
                pool = list(f.options)
            elif f.type == "number":
                pool = [str(rng.randint(1, 90_000)) for _ in range(50)]
            else:
                pool = [" ".join(rng.choices(WORDS, k=rng.choice((2, 3, 5, 8, 13, 21))))
                        for _ in range(300)]
            self.pools.append(pool)
        self.template = ("[" + ", ".join(parts) + "]").replace('"@@"', '"%s"')


def generate(n: int, seed: int, ts: Callable[[int], Any], counts: Counts,
             chunk: int = CHUNK) -> Iterator[tuple[list[tuple], list[tuple], list[tuple]]]:
    """Chunks of (requests, events, ratings) rows: plain tuples in the column orders above."""
    rng = random.Random(seed)
    org = build_org()
    cal = org.work_calendar
    now = int(NOW.timestamp())
    created = _created_times(rng, n)
    kinds_of = {d.key: [_Kind(rng, d.key, t, cal) for t in d.request_types]
                for d in org.departments}
    dept_cum = list(accumulate(1 / (i + 1) ** 0.8 for i in range(len(DEPARTMENTS))))
    dept_order = DEPARTMENTS[:]
    rng.shuffle(dept_order)  # which department is the big one
    executors = {d: [EXECUTOR_BASE + 100 * (i + 1) + j for j in range(EXECUTORS_PER_DEPARTMENT)]
                 for i, d in enumerate(DEPARTMENTS)}
    exec_cum = list(accumulate(1 / (j + 1) ** 0.6 for j in range(EXECUTORS_PER_DEPARTMENT)))
    employees = list(EMPLOYEES)
    home = {e: (DEPARTMENTS[(e * 7919) % 20] if (e * 31) % 10 < 7 else None) for e in employees}
    factors = (1.0, 1.1, 1.3, 1.6, 2.2, 3.0, 3.7, 4.5, 6.0)  # wall seconds per working second
    scores_cum = list(accumulate((3, 4, 10, 28, 55)))
    reasons = ["Not our job", "Duplicate", "Out of scope", "Please use the portal"]
    questions = ["Which room?", "Which system exactly?", "Who approves it?", "Any deadline?"]
    random_, choice, expo, uniform = rng.random, rng.choice, rng.expovariate, rng.uniform
    bisect_ = bisect.bisect

    requests: list[tuple] = []
    events: list[tuple] = []
    ratings: list[tuple] = []
    for rid in range(1, n + 1):
        c = created[rid - 1]
        department = dept_order[bisect_(dept_cum, random_() * dept_cum[-1])]
        kinds = kinds_of[department]
        kind = kinds[int(random_() * len(kinds))]
        urgent = random_() < 0.1
        resp_s = kind.response * (kind.urgent_factor if urgent else 1.0)
        res_s = kind.resolve * (kind.urgent_factor if urgent else 1.0)
        f = choice(factors)
        requester = employees[int(random_() * 6000)]
        staff = executors[department]
        assignee = staff[bisect_(exec_cum, random_() * exec_cum[-1])]
        answers = kind.template % tuple(choice(p) for p in kind.pools)

        # the life of the request: (at, kind, actor, from, to, from_dept, to_dept, reason)
        life: list[tuple] = [(c, "created", requester, None, "new", None, department, None)]
        home_dept = department
        if random_() < 0.03:  # filed with the wrong department first
            wrong = DEPARTMENTS[(DEPARTMENTS.index(department) + 1 + int(random_() * 19)) % 20]
            home_dept = wrong
            life[0] = (c, "created", requester, None, "new", None, wrong, None)
            moved = c + int(resp_s * f * uniform(0.05, 0.5)) + 30
            life.append((moved, "transfer", executors[wrong][0], "new", "new", wrong,
                         department, "Not ours"))
            start = moved
        else:
            start = c
        if random_() < 0.85:
            take_w = resp_s * (0.02 + 0.98 * random_() ** 2)
        else:
            take_w = resp_s * (1.0 + expo(0.7))
        taken = start + int(take_w * f) + 60
        outcome = random_()
        end: int
        rating = None
        if outcome < 0.05:  # cancelled by the requester before anyone took it
            end = start + int((taken - start) * uniform(0.1, 0.9))
            life.append((end, "cancel", requester, "new", "cancelled", None, None, None))
        elif outcome < 0.085:  # rejected at once
            end = start + int((taken - start) * uniform(0.1, 0.9))
            life.append((end, "reject", assignee, "new", "rejected", None, None,
                         choice(reasons)))
        else:
            life.append((taken, "take", assignee, "new", "in_progress", None, None, None))
            if random_() < 0.75:
                finish_w = res_s * (0.05 + 0.95 * random_() ** 1.5)
            else:
                finish_w = res_s * (1.0 + expo(0.8))
            done = max(taken + 120, c + int(finish_w * f))
            if outcome < 0.12:  # rejected after a look
                end = taken + (done - taken) // 2
                life.append((end, "reject", assignee, "in_progress", "rejected", None, None,
                             choice(reasons)))
            else:
                if random_() < 0.1:  # a question to the requester on the way
                    asked = taken + (done - taken) // 3
                    life.append((asked, "need_info", assignee, "in_progress", "waiting", None,
                                 None, choice(questions)))
                    life.append((asked + (done - asked) // 2, "answer", requester, "waiting",
                                 "in_progress", None, None, None))
                if random_() < 0.02:  # done, reopened, done again
                    first = taken + (done - taken) * 2 // 3
                    life.append((first, "done", assignee, "in_progress", "on_review", None,
                                 None, None))
                    life.append((first + (done - first) // 3, "reopen", requester, "on_review",
                                 "in_progress", None, None, "Still broken"))
                life.append((done, "done", assignee, "in_progress", "on_review", None, None,
                             None))
                if random_() < 0.7:
                    end = done + 300 + int(expo(1 / 14400))
                    closing = (end, "accept", requester, "on_review", "closed", None, None,
                               None)
                else:
                    end = done + 3 * 86400 + int(random_() * 2 * 86400)
                    closing = (end, "auto_close", None, "on_review", "closed", None, None,
                               None)
                if random_() < 0.6:
                    rated = done + int((end - done) * uniform(0.05, 0.95))
                    score = bisect_(scores_cum, random_() * 100) + 1
                    rating = (rated, score)
                    life.append((rated, "rated", requester, None, None, None, None, str(score)))
                life.append(closing)
                life.sort(key=_at)

        # cut the life at NOW, or earlier for the few left stuck
        cutoff = now
        if end > now:
            counts.open += 1
        elif c < now - 30 * 86400 and random_() < 0.025 and len(life) > 1:
            cutoff = life[int(random_() * (len(life) - 1))][0]  # stuck after some event
            counts.open += 1
        if cutoff < end:
            life = [e for e in life if e[0] <= cutoff]
            if rating is not None and rating[0] > cutoff:
                rating = None
        status = "new"
        dept = home_dept
        taken_at = done_at = closed_at = None
        take_work = finish_work = response_met = resolve_met = None
        changed = c
        reopens = transfers = 0
        auto = False
        response_due = c + int(resp_s * f)
        for e in life:
            k = e[1]
            if k == "rated":
                continue
            changed = e[0]
            status = e[4]
            if k == "take":
                taken_at = e[0]
                take_work = float(round((e[0] - start) / f))
                response_met = e[0] <= response_due
            elif k == "done":
                done_at = e[0]
                finish_work = float(round((e[0] - c) / f))
                resolve_met = finish_work <= res_s
            elif k == "reopen":
                done_at = None
                reopens += 1
            elif k == "transfer":
                dept = e[6]
                transfers += 1
                response_due = e[0] + int(resp_s * f)
            elif k in ("accept", "auto_close", "reject", "cancel"):
                closed_at = e[0]
                auto = k == "auto_close"
        if transfers:
            counts.transferred += 1
        if reopens:
            counts.reopened += 1
        resolve_due = c + int(res_s * f)
        last = life[-1][0]
        is_open = closed_at is None
        requests.append((
            rid, dept, kind.key, kind.name, resp_s, res_s, requester,
            assignee if taken_at is not None else None, status,
            "urgent" if urgent else "normal", answers, None, ts(c),
            ts(taken_at) if taken_at is not None else None,
            ts(done_at) if done_at is not None else None,
            ts(closed_at) if closed_at is not None else None, ts(changed), ts(response_due),
            ts(resolve_due), None, transfers, reopens, take_work, finish_work, response_met,
            resolve_met, home.get(requester), auto,
            ts(max(resolve_due, now + 600)) if is_open else None, ts(last),
        ))
        for e in life:
            events.append((rid, ts(e[0]), *e[1:]))
        if rating is not None:
            ratings.append((rid, rating[1], "Thanks!" if rating[1] == 5 and random_() < 0.2
                            else None, requester, assignee, dept, ts(rating[0])))
        if rid % chunk == 0 or rid == n:
            counts.requests += len(requests)
            counts.events += len(events)
            counts.ratings += len(ratings)
            yield requests, events, ratings
            requests, events, ratings = [], [], []


# ------------------------------------------------------------------ SQLite
@dataclass
class FillReport:
    backend: str
    target: str
    requests: int
    events: int
    ratings: int
    open: int
    transferred: int
    reopened: int
    seed: int
    generate_and_insert_s: float
    indexes_s: float
    analyze_s: float
    fill_s: float
    size_bytes: int
    analyzed: bool
    command: str


def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def _progress(counts: Counts, n: int, started: float) -> None:
    elapsed = time.perf_counter() - started
    print(f"  {counts.requests:>9,} / {n:,} requests, {counts.events:,} events, "
          f"{counts.ratings:,} ratings — {elapsed:.0f} s", flush=True)


def fill_sqlite(path: Path, n: int, seed: int = 1, analyze: bool = True,
                command: str = "") -> FillReport:
    if path.exists():
        raise SystemExit(f"{path} exists; remove it first")
    path.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    upgrade_sync(f"sqlite+aiosqlite:///{path}")
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA cache_size=-262144")  # 256 MiB for the index builds
    indexes = con.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({', '.join('?' * len(TABLES))})", TABLES).fetchall()
    for name, _ in indexes:
        con.execute(f'DROP INDEX "{name}"')
    sqls = (_insert_sql("requests", REQUEST_COLUMNS), _insert_sql("request_events", EVENT_COLUMNS),
            _insert_sql("ratings", RATING_COLUMNS))
    counts = Counts()
    print(f"SQLite {path}: {n:,} requests, seed {seed}", flush=True)
    # a writer thread: sqlite3 lets go of the GIL while it steps, so the inserts of one
    # chunk overlap the generation of the next (two cores)
    chunks: queue.Queue[tuple[list[tuple], ...] | None] = queue.Queue(maxsize=2)
    failed: list[BaseException] = []

    def write() -> None:
        writer = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        writer.execute("PRAGMA synchronous=OFF")
        try:
            while (chunk := chunks.get()) is not None:
                writer.execute("BEGIN")
                for sql, rows in zip(sqls, chunk, strict=True):
                    writer.executemany(sql, rows)
                writer.execute("COMMIT")
        except BaseException as exc:
            failed.append(exc)
            while chunks.get() is not None:  # let the producer finish
                pass
        finally:
            writer.close()

    thread = threading.Thread(target=write, name="sqlite-writer")
    thread.start()
    try:
        for i, chunk in enumerate(generate(n, seed, sqlite_times(), counts)):
            chunks.put(chunk)
            if (i + 1) % 10 == 0:
                _progress(counts, n, started)
    finally:
        chunks.put(None)
        thread.join()
    if failed:
        raise failed[0]
    inserted = time.perf_counter() - started
    print(f"  rows in {inserted:.1f} s; creating {len(indexes)} indexes …", flush=True)
    for _, sql in indexes:
        con.execute(sql)
    indexed = time.perf_counter() - started - inserted
    analyze_s = 0.0
    if analyze:
        t0 = time.perf_counter()
        con.execute("ANALYZE")
        analyze_s = time.perf_counter() - t0
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    total = time.perf_counter() - started
    wal = path.with_name(path.name + "-wal")
    size = path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)
    report = FillReport("sqlite", str(path), counts.requests, counts.events, counts.ratings,
                        counts.open, counts.transferred, counts.reopened, seed, inserted,
                        indexed, analyze_s, total, size, analyze, command)
    path.with_name(path.name + ".json").write_text(json.dumps(asdict(report), indent=2) + "\n")
    path.with_name(path.name + ".org.toml").write_text(org_toml(build_org()), encoding="utf-8")
    _summary(report)
    return report


# ------------------------------------------------------------------ PostgreSQL
async def pg_connect(url: str) -> Any:
    import asyncpg

    parsed = make_url(url)
    return await asyncpg.connect(
        host=parsed.host or "127.0.0.1", port=parsed.port or 5432,
        user=parsed.username or "postgres", password=parsed.password,
        database=parsed.database or "postgres", timeout=10,
    )


async def fill_postgres(url: str, n: int, seed: int = 1, analyze: bool = True,
                        command: str = "") -> FillReport:
    """Fill an existing, empty PostgreSQL database (the schema is migrated here)."""
    started = time.perf_counter()
    await asyncio.to_thread(upgrade_sync, url)
    conn = await pg_connect(url)
    try:
        indexes = await conn.fetch(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = 'public' "
            "AND i.tablename = ANY($1::text[]) AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
            "WHERE c.conname = i.indexname)", list(TABLES))
        for row in indexes:
            await conn.execute(f'DROP INDEX "{row["indexname"]}"')
        try:  # no per-row foreign-key triggers during the load (needs a superuser)
            await conn.execute("SET session_replication_role = replica")
        except Exception as exc:  # slower, still right
            print(f"  (foreign keys stay checked: {exc})")
        counts = Counts()
        print(f"PostgreSQL {make_url(url).database}: {n:,} requests, seed {seed}", flush=True)
        for i, (reqs, events, ratings) in enumerate(
                generate(n, seed, postgres_times(), counts)):
            async with conn.transaction():
                await conn.copy_records_to_table("requests", records=reqs,
                                                 columns=list(REQUEST_COLUMNS))
                await conn.copy_records_to_table("request_events", records=events,
                                                 columns=list(EVENT_COLUMNS))
                await conn.copy_records_to_table("ratings", records=ratings,
                                                 columns=list(RATING_COLUMNS))
            if (i + 1) % 10 == 0:
                _progress(counts, n, started)
        await conn.execute("SET session_replication_role = DEFAULT")
        await conn.execute("SELECT setval(pg_get_serial_sequence('requests', 'id'), "
                           "(SELECT max(id) FROM requests))")
        inserted = time.perf_counter() - started
        print(f"  rows in {inserted:.1f} s; creating {len(indexes)} indexes …", flush=True)
        await conn.execute("SET maintenance_work_mem = '512MB'")
        for row in indexes:
            await conn.execute(row["indexdef"])
        indexed = time.perf_counter() - started - inserted
        analyze_s = 0.0
        if analyze:
            t0 = time.perf_counter()
            await conn.execute("VACUUM ANALYZE")
            analyze_s = time.perf_counter() - t0
        size = int(await conn.fetchval("SELECT pg_database_size(current_database())"))
    finally:
        await conn.close()
    total = time.perf_counter() - started
    report = FillReport("postgresql", make_url(url).database or "", counts.requests,
                        counts.events, counts.ratings, counts.open, counts.transferred,
                        counts.reopened, seed, inserted, indexed, analyze_s, total, size,
                        analyze, command)
    _summary(report)
    return report


def _summary(r: FillReport) -> None:
    print(f"{r.backend}: {r.requests:,} requests ({r.open:,} open, {r.transferred:,} "
          f"transferred, {r.reopened:,} reopened), {r.events:,} events, {r.ratings:,} ratings "
          f"in {r.fill_s:.1f} s (rows {r.generate_and_insert_s:.1f} s, indexes "
          f"{r.indexes_s:.1f} s, analyze {r.analyze_s:.1f} s); {r.size_bytes / 2**20:,.0f} MiB",
          flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.history", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, help="the SQLite file to create")
    parser.add_argument("--postgres-url", help="an existing empty PostgreSQL database to fill")
    parser.add_argument("--no-analyze", dest="analyze", action="store_false",
                        help="leave the planner without statistics (the app never runs "
                             "ANALYZE on SQLite)")
    args = parser.parse_args(argv)
    if not args.out and not args.postgres_url:
        parser.error("give --out and/or --postgres-url")
    if args.requests < 1:
        parser.error("--requests must be positive")
    command = "python -m bench.history " + " ".join(argv if argv is not None else sys.argv[1:])
    if args.out:
        fill_sqlite(args.out, args.requests, args.seed, args.analyze, command)
    if args.postgres_url:
        asyncio.run(fill_postgres(args.postgres_url, args.requests, args.seed, args.analyze,
                                  command))
    return 0


if __name__ == "__main__":
    sys.exit(main())
