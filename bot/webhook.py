"""Webhook mode: Telegram posts updates to WEBHOOK_URL; /healthz answers probes.

A small tornado server of our own (tornado comes with PTB's webhooks extra)
instead of PTB's built-in one, so it can also serve /healthz. Every update
must carry WEBHOOK_SECRET in ``X-Telegram-Bot-Api-Secret-Token``; the settings
refuse webhook mode without one (bot.settings), and a server built without one
takes no update at all.

/metrics is not served on this port, which faces the internet (through the
load balancer), unless METRICS_PORT is set to the same number as
WEBHOOK_PORT; otherwise it has its own server on METRICS_PORT (bot.metrics).
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
from tornado.httpserver import HTTPServer
from tornado.web import Application as WebApplication
from tornado.web import RequestHandler

from bot.app import run_kwargs
from bot.metrics import Metrics, routes
from bot.runtime import BatonApp
from bot.settings import Settings

log = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


class UpdateHandler(RequestHandler):
    def initialize(self, app: BatonApp, secret: str | None) -> None:
        self.app = app
        self.secret = secret.encode() if secret else None

    async def post(self) -> None:
        # compared as bytes in constant time (a str with non-ASCII characters would
        # raise); without a secret nothing is taken: the settings refuse to start so
        given = self.request.headers.get(SECRET_HEADER, "").encode("utf-8", "replace")
        if self.secret is None or not hmac.compare_digest(given, self.secret):
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


__all__ = ["SECRET_HEADER", "serve", "web_application"]


def web_application(app: BatonApp, settings: Settings) -> WebApplication:
    path = urlsplit(settings.webhook_url or "").path or "/"
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
    svc = app.bot_data.services
    metrics: Metrics | None = app.bot_data.metrics \
        if settings.metrics_port == settings.webhook_port else None
    return WebApplication([
        *routes(svc, metrics),
        (path, UpdateHandler, {"app": app, "secret": secret}),
    ])


async def serve(app: BatonApp, settings: Settings) -> None:
    """Run until SIGTERM or SIGINT: register the webhook, serve, shut down cleanly:
    stop taking updates, handle those in hand, let the sender deliver what they
    owe (post_stop), then close."""
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
    log.info("stopping: finishing the updates in hand and the messages they owe")
    server.stop()
    await app.stop()
    if app.post_stop:
        await app.post_stop(app)
    await app.shutdown()
    if app.post_shutdown:
        await app.post_shutdown(app)
