"""Webhook mode: Telegram posts updates to WEBHOOK_URL; /healthz answers probes.

A small tornado server of our own (tornado comes with PTB's webhooks extra)
instead of PTB's built-in one, so it can also serve /healthz. Every update
must carry WEBHOOK_SECRET in ``X-Telegram-Bot-Api-Secret-Token``.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import signal
from typing import Any
from urllib.parse import urlsplit

from telegram import Update
from telegram.ext import Application
from tornado.httpserver import HTTPServer
from tornado.web import Application as WebApplication
from tornado.web import RequestHandler

from bot.app import run_kwargs
from bot.settings import Settings
from core.context import Services
from db import outbox

log = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


class UpdateHandler(RequestHandler):
    def initialize(self, app: Application, secret: str | None) -> None:  # type: ignore[type-arg]
        self.app, self.secret = app, secret

    async def post(self) -> None:
        given = self.request.headers.get(SECRET_HEADER, "")
        if self.secret and not hmac.compare_digest(given, self.secret):
            self.set_status(403)
            return
        try:
            data = json.loads(self.request.body)
            update = Update.de_json(data, self.app.bot)
        except (ValueError, TypeError, KeyError):
            self.set_status(400)
            return
        # answered at once; the update is handled from the queue like a polled one
        await self.app.update_queue.put(update)
        self.set_status(200)


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


def web_application(app: Application, settings: Settings) -> WebApplication:  # type: ignore[type-arg]
    path = urlsplit(settings.webhook_url or "").path or "/"
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
    svc: Services = app.bot_data["services"]
    return WebApplication([
        (r"/healthz", HealthHandler, {"svc": svc}),
        (path, UpdateHandler, {"app": app, "secret": secret}),
    ])


async def serve(app: Application, settings: Settings) -> None:  # type: ignore[type-arg]
    """Run until SIGTERM or SIGINT: register the webhook, serve, shut down cleanly."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await app.initialize()
    if app.post_init:
        await app.post_init(app)
    await app.start()
    server = HTTPServer(web_application(app, settings))
    server.listen(settings.webhook_port, address=settings.webhook_listen)
    kwargs: dict[str, Any] = run_kwargs()
    await app.bot.set_webhook(
        settings.webhook_url or "", allowed_updates=kwargs["allowed_updates"],
        secret_token=settings.webhook_secret.get_secret_value()
        if settings.webhook_secret else None,
        drop_pending_updates=False,
    )
    log.info("webhook mode on %s:%s", settings.webhook_listen, settings.webhook_port)
    await stop.wait()
    server.stop()
    await app.stop()
    if app.post_shutdown:
        await app.post_shutdown(app)
    await app.shutdown()
