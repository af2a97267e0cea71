"""The update path under a crowd: Baton and a minimal python-telegram-bot bot, each
as a process of its own, against the Bot API emulator, in one run.

    python -m bench.updates                       # cost at 10/100/500 users, then 25 updates/s
    python -m bench.updates --users 100 --rate 0  # cost only, one size
    python -m bench.updates --write-docs          # also rewrite docs/benchmarks.md's section

Two measurements, as the issue asks:

* **cost**: the emulator's flood limits and Baton's own limiter are off; every
  simulated person acts as soon as the bot has answered them (closed loop), so
  the bot is saturated. Reported: updates per second, the bot process's CPU
  time per update (from /proc), its peak memory (VmHWM) and the latencies.
* **experience**: limits on in both; people act at a steady 25 updates a second
  in all for ``--duration`` seconds (Telegram lets a bot send ~30 messages a
  second, so this is just under the ceiling), each pausing a few seconds between
  taps (¾ of people / rate on average, 3 s for 100 people); reported: the latencies.

Latency is measured per update from the moment it is available to the bot (put
in the emulator's queue) to the bot's answer reaching the emulator: for a button
press, its ``answerCallbackQuery``; for a message, the bot's reply in that chat
(the next question of the form, or the echo).

Baton's people: requesters fill the whole form (``/new``, department, type, a
text answer, a choice, Skip, priority, the picker's Skip (a message), Send = 3
messages and 6 presses) and wait for the confirmation; two executors per
department group press Take, then Done, on each card. The minimal bot's people
make the mix of the form before its picker step (2 messages, then 8 presses on the
echo's button), all in private chats: figures are per update.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.common import (
    load_average,
    machine_lines,
    markdown_table,
    postgres_version,
    text_table,
    today,
    write_docs_section,
)
from bench.update_bots import ECHO_BUTTON
from emulator import BotApiEmulator, EmuMessage

ROOT = Path(__file__).resolve().parents[1]
DEPARTMENTS = 20
EXECUTORS_PER_DEPARTMENT = 2
REQUESTER_BASE = 100_000
EXECUTOR_BASE = 200_000
ADMIN = 1001
ANSWER_TIMEOUT = 30.0
CARD_TIMEOUT = 600.0  # a card's change comes through the outbox, behind everything owed
MESSAGE_METHODS = {"sendmessage", "editmessagetext", "sendphoto", "senddocument"}
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def group_id(index: int) -> int:
    return -1_001_000_000_000 - index


# ------------------------------------------------------------------ the organisation
def org_toml() -> str:
    """20 departments, each bound to its group by the file, with two request types."""
    parts = ["""[organization]
name = "Bench"
timezone = "Europe/Moscow"
language = "en"
admins = [1001]

[access]
mode = "open"

[calendar]
always_on = true
holidays = ""

[sla]
remind_at = [0.75]
escalate = true
stale_after = "2d"

[rating]
ask_after = "0s"
remind_after = "1d"
auto_close_after = "3d"
"""]
    for index in range(1, DEPARTMENTS + 1):
        parts.append(f"""
[[departments]]
key = "d{index:02d}"
name = "Dept {index:02d}"
chat_id = {group_id(index)}
managers = [1001]

[[departments.request_types]]
key = "access"
name = "Access to a system"
response = "2h"
resolve = "1d"

[[departments.request_types.fields]]
key = "system"
label = "Which system?"
type = "text"
max_length = 200

[[departments.request_types.fields]]
key = "level"
label = "Access level"
type = "choice"
options = ["Read", "Write", "Admin"]

[[departments.request_types.fields]]
key = "deadline"
label = "Needed by"
type = "date"
required = false

[[departments.request_types]]
key = "hardware"
name = "Broken equipment"
response = "1h"
resolve = "2d"

[[departments.request_types.fields]]
key = "item"
label = "What is broken?"
type = "text"
""")
    return "".join(parts)


# ------------------------------------------------------------------ the emulator, watched
@dataclass
class MessageWaiter:
    started: float
    matches: Callable[[str], bool]
    future: asyncio.Future[float]


class WatchedEmulator(BotApiEmulator):
    """The emulator, noting when each answer arrives and waking whoever waits on a chat."""

    def __init__(self) -> None:
        super().__init__()
        self.press_waiters: dict[str, asyncio.Future[float]] = {}
        self.message_waiters: dict[int, MessageWaiter] = {}
        self.chat_events: dict[int, asyncio.Event] = {}
        self.refused = 0  # answers Telegram would have refused (429, 400, …)

    async def handle(self, token: str, method: str, params: Any, files: Any) -> Any:
        arrived = time.perf_counter()
        call = await super().handle(token, method, params, files)
        name = method.lower()
        if name == "getupdates":
            return call
        if call.status != 200:
            self.refused += 1
            return call
        if name == "answercallbackquery":
            future = self.press_waiters.pop(str(params.get("callback_query_id")), None)
            if future is not None and not future.done():
                future.set_result(arrived)
            return call
        chat_id = _chat_id(params)
        if chat_id is None:
            return call
        waiter = self.message_waiters.get(chat_id)
        if (waiter is not None and name in MESSAGE_METHODS
                and waiter.matches(str(params.get("text", "")))):
            del self.message_waiters[chat_id]
            if not waiter.future.done():
                waiter.future.set_result(arrived)
        self.chat_event(chat_id).set()
        return call

    def chat_event(self, chat_id: int) -> asyncio.Event:
        return self.chat_events.setdefault(chat_id, asyncio.Event())


def _chat_id(params: Any) -> int | None:
    try:
        return int(params.get("chat_id"))
    except (TypeError, ValueError):
        return None


# ------------------------------------------------------------------ people
@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=lambda: {"message": [],
                                                                       "press": []})
    timeouts: int = 0
    filed: int = 0
    finished: int = 0

    @property
    def all(self) -> list[float]:
        return self.latencies["message"] + self.latencies["press"]


class Gate:
    """Paces the crowd: no pacing (cost), or ``rate`` actions a second in all, each
    person pausing ``think`` seconds on average between two taps, as people do
    (and as Telegram's one-message-a-second per chat assumes)."""

    def __init__(self, rate: float, duration: float, think: float = 0.0) -> None:
        self.rate, self.duration, self.think = rate, duration, think
        self._random = random.Random(1)
        self.open = True
        self._slots: asyncio.Queue[None] = asyncio.Queue(maxsize=3)
        self._ticker: asyncio.Task[None] | None = None

    def start(self) -> None:
        if self.rate:
            self._ticker = asyncio.create_task(self._tick())

    async def _tick(self) -> None:
        loop = asyncio.get_running_loop()
        begin = loop.time()
        ticks = 0
        while loop.time() - begin < self.duration:
            ticks += 1
            await asyncio.sleep(max(0.0, begin + ticks / self.rate - loop.time()))
            if self._slots.full():
                continue  # nobody was ready for this slot: it is not offered twice
            self._slots.put_nowait(None)
        self.open = False

    async def slot(self) -> bool:
        if not self.rate:
            return self.open
        await asyncio.sleep(self.think * self._random.uniform(0.5, 1.5))
        while self.open:
            try:
                await asyncio.wait_for(self._slots.get(), 0.5)
                return True
            except TimeoutError:
                continue
        return False


class Crowd:
    def __init__(self, emu: WatchedEmulator, gate: Gate, results: Results) -> None:
        self.emu, self.gate, self.results = emu, gate, results

    async def _answered(self, kind: str, started: float, future: asyncio.Future[float]) -> None:
        try:
            arrived = await asyncio.wait_for(future, ANSWER_TIMEOUT)
        except TimeoutError:
            self.results.timeouts += 1
            return
        self.results.latencies[kind].append(arrived - started)

    async def say(self, user_id: int, text: str, matches: Callable[[str], bool]) -> bool:
        if not await self.gate.slot():
            return False
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        started = time.perf_counter()
        self.emu.message_waiters[user_id] = MessageWaiter(started, matches, future)
        self.emu.users[user_id].send(user_id, text)
        await self._answered("message", started, future)
        return True

    async def press(self, user_id: int, message: EmuMessage, button: str) -> bool:
        if not await self.gate.slot():
            return False
        started = time.perf_counter()
        query_id = self.emu.users[user_id].press(message, button)
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        self.emu.press_waiters[query_id] = future
        await self._answered("press", started, future)
        return True

    async def until(self, chat_id: int, found: Callable[[], Any],
                    give_up: Callable[[], bool] = lambda: False,
                    wait: float = ANSWER_TIMEOUT) -> Any:
        """Wait until ``found()`` gives something (the bot changed the chat), or None."""
        event = self.emu.chat_event(chat_id)
        deadline = time.perf_counter() + wait
        while (value := found()) is None:
            left = deadline - time.perf_counter()
            if left <= 0 or give_up() or (not self.gate.open and self.gate.rate):
                return None
            event.clear()
            try:
                await asyncio.wait_for(event.wait(), min(left, 0.2))
            except TimeoutError:
                continue
        return value

    def with_button(self, chat_id: int, button: str, newer_than: int = 0) -> EmuMessage | None:
        for message in reversed(self.emu.bot_messages(chat_id)[-8:]):
            if message.message_id > newer_than and any(
                    text == button for row in message.buttons for text, _ in row):
                return message
        return None

    def with_text(self, chat_id: int, marker: str, newer_than: int) -> EmuMessage | None:
        for message in reversed(self.emu.bot_messages(chat_id)[-8:]):
            if message.message_id > newer_than and marker in message.text:
                return message
        return None

    def last_id(self, chat_id: int) -> int:
        messages = self.emu.bot_messages(chat_id)
        return messages[-1].message_id if messages else 0


class BatonCrowd(Crowd):
    async def requester(self, user_id: int, requests: int) -> None:
        department = (user_id % DEPARTMENTS) + 1
        for number in range(requests):
            if not await self.file(user_id, department, number):
                return

    async def file(self, user_id: int, department: int, number: int) -> bool:
        start = self.last_id(user_id)
        if not await self.say(user_id, "/new", lambda text: "Which department" in text):
            return False
        for button in (f"Dept {department:02d}", "Access to a system"):
            message = await self.until(user_id, lambda b=button: self.with_button(user_id, b))
            if message is None or not await self.press(user_id, message, button):
                return False
        if await self.until(user_id, lambda: self.with_text(user_id, "Which system?",
                                                            start)) is None:
            return False
        if not await self.say(user_id, f"CRM {user_id}-{number}",
                              lambda text: "Access level" in text):
            return False
        for button in ("Write", "Skip", "Normal", "skip watchers", "✅ Send"):
            if button == "skip watchers":  # the picker's reply keyboard: Skip comes as text
                if await self.until(user_id, lambda: self.with_text(
                        user_id, "Keep anyone informed", start)) is None \
                        or not await self.say(user_id, "Skip",
                                              lambda text: "Please check your request" in text):
                    return False
                continue
            message = await self.until(user_id, lambda b=button: self.with_button(user_id, b))
            if message is None or not await self.press(user_id, message, button):
                return False
        self.results.filed += 1
        confirmed = await self.until(user_id, lambda: self.with_text(user_id, "has been sent",
                                                                     start))
        return confirmed is not None

    async def executor(self, user_id: int, chat_id: int, claimed: set[int],
                       done: Callable[[], bool]) -> None:
        while not done():
            card = await self.until(chat_id, lambda: self._free_card(chat_id, claimed), done)
            if card is None:
                if not self.gate.open and self.gate.rate:
                    return
                continue
            claimed.add(card.message_id)
            if not await self.press(user_id, card, "🙋 Take"):
                return
            # a saturated bot may edit the card late: wait for it as long as the run
            # lasts rather than leave the request unfinished (and the run unending)
            taken = await self.until(chat_id, lambda c=card: c if self._has(c, "✅ Done")
                                     else None, wait=CARD_TIMEOUT)
            if taken is None or not await self.press(user_id, taken, "✅ Done"):
                return
            self.results.finished += 1

    def _free_card(self, chat_id: int, claimed: set[int]) -> EmuMessage | None:
        for message in self.emu.bot_messages(chat_id):
            if message.message_id not in claimed and self._has(message, "🙋 Take"):
                return message
        return None

    @staticmethod
    def _has(message: EmuMessage, button: str) -> bool:
        return any(text == button for row in message.buttons for text, _ in row)


class MinimalCrowd(Crowd):
    async def requester(self, user_id: int, requests: int) -> None:
        for number in range(requests):
            for step in range(2):
                text = f"echo {user_id}-{number}-{step}"
                if not await self.say(user_id, text, lambda t, x=text: t == x):
                    return
            message = self.with_button(user_id, ECHO_BUTTON)
            for _ in range(8):
                if message is None or not await self.press(user_id, message, ECHO_BUTTON):
                    return
            self.results.filed += 1


# ------------------------------------------------------------------ one run
@dataclass
class Run:
    bot: str
    mode: str
    users: int
    updates: int
    seconds: float
    cpu_seconds: float
    peak_rss_mib: float
    results: Results
    refused: int

    @property
    def per_second(self) -> float:
        return self.updates / self.seconds if self.seconds else 0.0

    @property
    def cpu_ms_per_update(self) -> float:
        return self.cpu_seconds * 1000 / self.updates if self.updates else 0.0

    def percentile(self, fraction: float, kind: str | None = None) -> float:
        """Milliseconds, nearest rank; of one kind of update ("message", "press") or all."""
        values = sorted(self.results.latencies[kind] if kind else self.results.all)
        if not values:
            return float("nan")
        return values[min(len(values) - 1, round(fraction * (len(values) - 1)))] * 1000


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime + stime


def peak_rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def start_bot(bot: str, emu: BotApiEmulator, workdir: Path, *, pace: bool) -> subprocess.Popen:
    (workdir / "org.toml").write_text(org_toml(), encoding="utf-8")
    env = {**os.environ, "BOT_TOKEN": emu.token, "TELEGRAM_API_URL": emu.base_url,
           "DATABASE_URL": f"sqlite+aiosqlite:///{workdir / 'baton.db'}",
           "ORG_CONFIG": str(workdir / "org.toml"), "LOG_LEVEL": "WARNING",
           "BENCH_PACE": "1" if pace else "0"}
    return subprocess.Popen([sys.executable, "-m", "bench.update_bots", bot], cwd=ROOT, env=env,
                            stdout=(workdir / "bot.log").open("ab"), stderr=subprocess.STDOUT)


def populate(emu: BotApiEmulator, users: int) -> list[int]:
    requesters = [REQUESTER_BASE + i for i in range(users)]
    for user_id in requesters:
        emu.add_user(user_id, f"Person {user_id}")
    for index in range(1, DEPARTMENTS + 1):
        executors = [EXECUTOR_BASE + index * 10 + k for k in range(EXECUTORS_PER_DEPARTMENT)]
        for user_id in executors:
            emu.add_user(user_id, f"Executor {user_id}")
        emu.add_group(group_id(index), f"Dept {index:02d}", members=[ADMIN, *executors],
                      supergroup=True)
    return requesters


async def quiet(emu: BotApiEmulator, seconds: float = 0.5) -> None:
    await emu.wait_idle(quiet=seconds, timeout=60.0)


async def one_run(bot: str, users: int, *, rate: float, duration: float,
                  requests_per_user: int, profile: Path | None = None) -> Run:
    mode = "experience" if rate else "cost"
    emu = WatchedEmulator()
    await emu.start()
    emu.enforce_limits = bool(rate)
    requesters = populate(emu, users + 1)
    warmup, requesters = requesters[0], requesters[1:]
    with tempfile.TemporaryDirectory(prefix="baton_bench_updates_") as directory:
        proc = start_bot(bot, emu, Path(directory), pace=bool(rate))
        try:
            await emu.wait_for(lambda: emu.calls_of("getUpdates"), timeout=60, what="the bot")
            warm = Results()
            crowd_class = BatonCrowd if bot == "baton" else MinimalCrowd
            await _play(crowd_class(emu, Gate(0, 0), warm), [warmup], 1)
            await quiet(emu)
            results = Results()
            # a pause a little shorter than people / rate: the gate, not the pauses,
            # holds the crowd at the rate
            gate = Gate(rate, duration, think=0.75 * len(requesters) / rate if rate else 0.0)
            crowd = crowd_class(emu, gate, results)
            spy = _profiler(proc.pid, profile, f"{bot}-{mode}-{users}")
            cpu_before, began = cpu_seconds(proc.pid), time.perf_counter()
            gate.start()
            await _play(crowd, requesters, requests_per_user)
            elapsed = time.perf_counter() - began
            await quiet(emu)
            cpu = cpu_seconds(proc.pid) - cpu_before
            peak = peak_rss_mib(proc.pid)
            if spy is not None:
                spy.send_signal(signal.SIGINT)
                spy.wait(30)
        finally:
            proc.terminate()
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
            await emu.stop()
    updates = len(results.all) + results.timeouts
    return Run(bot, mode, users, updates, elapsed, cpu, peak, results, emu.refused)


def _profiler(pid: int, directory: Path | None, name: str) -> subprocess.Popen | None:
    """py-spy sampling the bot while the crowd plays (``--profile DIR``): collapsed
    stacks, for flamegraph.pl or speedscope."""
    if directory is None:
        return None
    directory.mkdir(parents=True, exist_ok=True)
    return subprocess.Popen(["py-spy", "record", "--pid", str(pid), "--format", "raw",
                             "--rate", "250", "-o", str(directory / f"{name}.txt")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


async def _play(crowd: Crowd, requesters: list[int], requests_per_user: int) -> None:
    tasks = [asyncio.create_task(crowd.requester(user_id, requests_per_user))
             for user_id in requesters]
    if isinstance(crowd, BatonCrowd):
        everyone_filed = asyncio.gather(*tasks)

        def done() -> bool:
            return everyone_filed.done() and crowd.results.finished >= crowd.results.filed

        claimed: dict[int, set[int]] = {index: set() for index in range(1, DEPARTMENTS + 1)}
        for index in range(1, DEPARTMENTS + 1):
            for k in range(EXECUTORS_PER_DEPARTMENT):
                tasks.append(asyncio.create_task(crowd.executor(
                    EXECUTOR_BASE + index * 10 + k, group_id(index), claimed[index], done)))
    await asyncio.gather(*tasks)


# ------------------------------------------------------------------ report
def cells(run: Run) -> list[str]:
    return [run.bot, str(run.users), f"{run.updates:,}", f"{run.per_second:.0f}",
            f"{run.cpu_ms_per_update:.2f}", f"{run.percentile(0.5):.1f}",
            f"{run.percentile(0.95):.1f}", f"{run.percentile(0.99):.1f}",
            f"{run.peak_rss_mib:.0f}", str(run.results.timeouts), str(run.refused)]


HEADER = ["bot", "users", "updates", "updates/s", "CPU ms/update", "p50 ms", "p95 ms",
          "p99 ms", "peak RSS MiB", "timeouts", "refused"]


def ratio(baton: float, floor: float) -> str:
    return f"×{baton / floor:.2f}" if floor else "–"


def ratio_rows(runs: list[Run]) -> list[list[str]]:
    rows = []
    for run in runs:
        if run.bot != "baton":
            continue
        floor = next(r for r in runs if r.bot == "minimal" and r.users == run.users
                     and r.mode == run.mode)
        rows.append([run.mode, str(run.users),
                     ratio(run.cpu_ms_per_update, floor.cpu_ms_per_update),
                     ratio(run.per_second, floor.per_second),
                     ratio(run.percentile(0.99), floor.percentile(0.99)),
                     ratio(run.peak_rss_mib, floor.peak_rss_mib)])
    return rows


RATIO_HEADER = ["mode", "users", "CPU/update ÷ minimal", "updates/s ÷ minimal",
                "p99 ÷ minimal", "peak RSS ÷ minimal"]


def targets(runs: list[Run]) -> list[str]:
    lines = []
    by = {(r.bot, r.mode, r.users): r for r in runs}
    for run in runs:
        if run.bot != "baton":
            continue
        floor = by[("minimal", run.mode, run.users)]
        if run.mode == "cost":
            ok = run.cpu_ms_per_update < 5 and run.cpu_ms_per_update <= 3 * floor.cpu_ms_per_update
            lines.append(f"- cost, {run.users} users: CPU {run.cpu_ms_per_update:.2f} ms/update, "
                         f"{ratio(run.cpu_ms_per_update, floor.cpu_ms_per_update)} of the "
                         f"minimal bot (target < 5 ms and ≤ ×3): {'met' if ok else 'NOT met'}")
        else:
            # the target: presses and typed answers each, none refused
            presses, messages = run.percentile(0.99, "press"), run.percentile(0.99, "message")
            ok = presses < 100 and messages < 100 and run.refused == 0 \
                and run.results.timeouts == 0
            lines.append(f"- experience, {run.users} users at {run.per_second:.1f} updates/s: "
                         f"p99 {presses:.1f} ms for presses, {messages:.1f} ms for typed "
                         f"answers, {run.refused} refused (target < 100 ms each, none "
                         f"refused): {'met' if ok else 'NOT met'}")
    small, large = by.get(("baton", "cost", 100)), by.get(("baton", "cost", 500))
    if small and large:
        growth = large.peak_rss_mib / small.peak_rss_mib - 1
        lines.append(f"- peak memory 100 → 500 users: {small.peak_rss_mib:.0f} → "
                     f"{large.peak_rss_mib:.0f} MiB ({growth:+.0%}; target within 10%): "
                     f"{'met' if abs(growth) <= 0.10 else 'NOT met'}")
    return lines


def report(runs: list[Run], args: argparse.Namespace, load_before: str) -> str:
    command = " ".join(["python -m bench.updates", *sys.argv[1:]]).replace(" --write-docs", "")
    cost = [cells(r) for r in runs if r.mode == "cost"]
    experience = [cells(r) for r in runs if r.mode == "experience"]
    parts = [
        "## Update path\n",
        f"Measured {today()} (1-minute load average {load_before} before the run, "
        f"{load_average()} after), on the machine below, with SQLite.\n",
        "```sh\n. .venv/bin/activate\n" + command + "\n```\n",
        "Both bots run as processes of their own against the emulator (`bench/updates.py`, "
        "`bench/update_bots.py`); the emulator and the simulated people share the "
        "benchmark's process. Latency: from an update entering the emulator's queue to "
        "the bot's answer reaching it (`answerCallbackQuery` for a press; the reply in the "
        "chat for a message). CPU: the bot process's user + system time over the run, "
        "including what it does after answering (cards, notices), divided by the updates.\n",
        f"**Cost** (limits off in the emulator and in Baton; everyone acts as soon as "
        f"answered; {args.requests} requests in all, at least one per person):\n",
        markdown_table(HEADER, cost) + "\n",
    ]
    if experience:
        parts += [f"**Experience** ({args.rate:g} updates/s offered for {args.duration:g} s, "
                  f"Telegram's limits on in the emulator, Baton's own limiter on):\n",
                  markdown_table(HEADER, experience) + "\n"]
    parts += ["**Latency by kind of update** (p50 / p99, ms):\n",
              markdown_table(["bot", "mode", "users", "messages", "presses"], [
                  [r.bot, r.mode, str(r.users),
                   f"{r.percentile(0.5, 'message'):.1f} / {r.percentile(0.99, 'message'):.1f}",
                   f"{r.percentile(0.5, 'press'):.1f} / {r.percentile(0.99, 'press'):.1f}"]
                  for r in runs]) + "\n"]
    parts += ["**Ratios to the minimal bot** (same run):\n",
              markdown_table(RATIO_HEADER, ratio_rows(runs)) + "\n",
              "Targets:\n", "\n".join(targets(runs)) + "\n"]
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.updates", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, nargs="+", default=[10, 100, 500])
    parser.add_argument("--requests", type=int, default=200,
                        help="cost runs: requests filed in all (at least one per person)")
    parser.add_argument("--rate", type=float, default=25.0,
                        help="experience run: updates a second offered (0: skip it)")
    parser.add_argument("--duration", type=float, default=60.0)
    parser.add_argument("--experience-users", type=int, default=100)
    parser.add_argument("--profile", type=Path, help="write py-spy profiles of the bots here")
    parser.add_argument("--write-docs", action="store_true")
    args = parser.parse_args(argv)
    load_before = load_average()
    runs: list[Run] = []

    async def everything() -> None:
        for users in args.users:
            per_user = max(1, -(-args.requests // users))
            for bot in ("minimal", "baton"):
                runs.append(await one_run(bot, users, rate=0, duration=0,
                                          requests_per_user=per_user, profile=args.profile))
                print(text_table(HEADER, [cells(runs[-1])]), flush=True)
        if args.rate:
            for bot in ("minimal", "baton"):
                runs.append(await one_run(bot, args.experience_users, rate=args.rate,
                                          duration=args.duration, requests_per_user=10**6,
                                          profile=args.profile))
                print(text_table(HEADER, [cells(runs[-1])]), flush=True)

    asyncio.run(everything())
    print()
    print(text_table(RATIO_HEADER, ratio_rows(runs)))
    print("\n".join(targets(runs)))
    if args.write_docs:
        body = report(runs, args, load_before)
        pg_version = asyncio.run(postgres_version())  # the machine block names it
        print("wrote", write_docs_section("updates", body, machine_lines(pg_version)))


if __name__ == "__main__":
    main()
