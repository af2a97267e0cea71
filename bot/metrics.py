"""Prometheus metrics, and the small HTTP server that serves them with /healthz.

What this process did is counted here (updates handled and how long they
took, messages sent, retried and refused); what the company's requests look
like (open requests by department and status, deadlines passed, SLAs missed,
the outbox) is read from the database when /metrics is scraped, cached for a
few seconds, because the database is the source of truth and several
instances may share it: every instance reports the same figures for those.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterator
from typing import Any

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    PlatformCollector,
    ProcessCollector,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets
from tornado.web import Application as WebApplication
from tornado.web import RequestHandler

from core.context import Services
from core.lifecycle import OPEN_STATUSES
from db import metrics as db_metrics
from db import outbox

log = logging.getLogger(__name__)
CACHE_SECONDS = 5.0
# handler latency: most updates take milliseconds; a slow database shows in seconds
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
UPDATE_KINDS = ("message", "edited_message", "callback_query", "my_chat_member",
                "chat_member", "inline_query")


def update_kind(update: object) -> str:
    """The kind of an update for the ``kind`` label: a small fixed set."""
    for kind in UPDATE_KINDS:
        if getattr(update, kind, None) is not None:
            if kind == "message" and (getattr(update.message, "text", None)  # type: ignore[attr-defined]
                                      or "").startswith("/"):
                return "command"
            return kind
    return "other"


class DatabaseCollector(Collector):
    """Figures read from the database at scrape time, cached ``ttl`` seconds."""

    def __init__(self, svc: Services, ttl: float = CACHE_SECONDS) -> None:
        self.svc, self.ttl = svc, ttl
        self._snapshot: db_metrics.Snapshot | None = None
        self._taken_at = float("-inf")
        self._up = 0
        self._lock = asyncio.Lock()

    async def refresh(self) -> None:
        async with self._lock:
            if time.monotonic() - self._taken_at < self.ttl:
                return
            try:
                async with self.svc.db.reading() as session:
                    self._snapshot = await db_metrics.snapshot(session, self.svc.clock.now())
                self._up = 1
            except Exception as exc:  # a scrape reports; it must not crash
                log.warning("metrics: the database does not answer: %s", type(exc).__name__)
                self._up = 0
            self._taken_at = time.monotonic()

    def collect(self) -> Iterator[GaugeMetricFamily]:
        up = GaugeMetricFamily("baton_database_up",
                               "1 when the database answered the last metrics query")
        up.add_metric([], self._up)
        yield up
        snap = self._snapshot
        if snap is None:
            return
        departments = sorted({d.key for d in self.svc.org.departments}
                             | {d for d, _ in snap.open_requests}
                             | {d for d, _ in snap.overdue} | {d for d, _ in snap.missed})
        open_requests = GaugeMetricFamily(
            "baton_open_requests", "Open requests now, by department and status "
            "(from the database)", labels=["department", "status"])
        for department in departments:
            for status in sorted(str(s) for s in OPEN_STATUSES):
                open_requests.add_metric([department, status],
                                         snap.open_requests.get((department, status), 0))
        yield open_requests
        overdue = GaugeMetricFamily(
            "baton_sla_breached_open_requests", "Open requests past an SLA deadline now: "
            "response (not taken in time) or resolve (not done in time)",
            labels=["department", "clock"])
        missed = GaugeMetricFamily(
            "baton_sla_missed_requests", "Requests that missed an SLA, all time "
            "(from the database; counted when taken or done)", labels=["department", "clock"])
        for department in departments:
            for clock in ("response", "resolve"):
                overdue.add_metric([department, clock], snap.overdue.get((department, clock), 0))
                missed.add_metric([department, clock], snap.missed.get((department, clock), 0))
        yield overdue
        yield missed
        owed = GaugeMetricFamily("baton_outbox_messages", "Outbox messages: pending, due now "
                                 "(pending and due), failed for good", labels=["status"])
        for status in ("pending", "due", "failed"):
            owed.add_metric([status], snap.outbox.get(status, 0))
        yield owed


class Metrics:
    """One registry per Application: what this process counted, and the database's figures."""

    def __init__(self, svc: Services | None = None) -> None:
        self.registry = CollectorRegistry()
        ProcessCollector(registry=self.registry)
        PlatformCollector(registry=self.registry)
        self.updates = Counter("baton_updates", "Updates handled by this process, by kind",
                               ["kind"], registry=self.registry)
        self.handler_seconds = Histogram(
            "baton_handler_seconds", "Time to handle one update, by kind",
            ["kind"], buckets=LATENCY_BUCKETS, registry=self.registry)
        self.sent = Counter("baton_messages_sent", "Outbox messages delivered by this process, "
                            "by kind (card, notice, relay)", ["kind"], registry=self.registry)
        self.retried = Counter("baton_messages_retried", "Deliveries put off to retry later, "
                               "by reason (network, retry_after, migrated)", ["reason"],
                               registry=self.registry)
        self.failed = Counter("baton_messages_failed", "Outbox messages Telegram refused for "
                              "good (blocked, kicked, bad request), by kind", ["kind"],
                              registry=self.registry)
        self.database = DatabaseCollector(svc) if svc is not None else None
        if self.database is not None:
            self.registry.register(self.database)

    async def render(self) -> bytes:
        if self.database is not None:
            await self.database.refresh()
        return generate_latest(self.registry)


# ------------------------------------------------------------------ HTTP
class HealthHandler(RequestHandler):
    def initialize(self, svc: Services) -> None:
        self.svc = svc

    async def get(self) -> None:
        try:
            async with self.svc.db.reading() as session:
                owed = await outbox.pending_count(session, self.svc.clock.now())
        except Exception as exc:  # a probe reports; it must not crash
            self.set_status(503)
            self.write({"status": "database unavailable", "error": type(exc).__name__})
            return
        self.write({"status": "ok", "outbox_due": owed})


class MetricsHandler(RequestHandler):
    def initialize(self, metrics: Metrics) -> None:
        self.metrics = metrics

    async def get(self) -> None:
        body = await self.metrics.render()
        self.set_header("Content-Type", CONTENT_TYPE_LATEST)
        self.write(body)


def routes(svc: Services, metrics: Metrics | None) -> list[Any]:
    found: list[Any] = [(r"/healthz", HealthHandler, {"svc": svc})]
    if metrics is not None:
        found.append((r"/metrics", MetricsHandler, {"metrics": metrics}))
    return found


class MetricsServer:
    """``/metrics`` and ``/healthz`` on ``METRICS_PORT``, in polling and webhook mode."""

    def __init__(self, svc: Services, metrics: Metrics, port: int,
                 listen: str = "127.0.0.1") -> None:
        self.svc, self.metrics, self.port, self.listen = svc, metrics, port, listen
        self._server: HTTPServer | None = None

    def start(self) -> None:
        sockets = bind_sockets(self.port, self.listen)
        self.port = sockets[0].getsockname()[1]  # METRICS_PORT=0: any free port
        self._server = HTTPServer(WebApplication(routes(self.svc, self.metrics),
                                                 log_function=_quiet))
        self._server.add_sockets(sockets)
        log.info("metrics on http://%s:%s/metrics", self.listen, self.port)

    async def stop(self) -> None:
        if self._server is not None:
            self._server.stop()
            await self._server.close_all_connections()
            self._server = None


def _quiet(handler: RequestHandler) -> None:
    """Scrapes and probes every few seconds would flood the log at INFO."""
    if handler.get_status() >= 500:
        log.warning("%s %s: %s", handler.request.method, handler.request.uri,
                    handler.get_status())
