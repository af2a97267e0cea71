"""Building and running the python-telegram-bot Application."""

from __future__ import annotations

import logging
from functools import partial
from typing import Any

from telegram import BotCommand, BotCommandScopeAllGroupChats, BotCommandScopeAllPrivateChats
from telegram.constants import ParseMode
from telegram.ext import ApplicationBuilder, ContextTypes, Defaults

from bot import logs, reload, scheduler
from bot.access import AccessChecker, MemberCache
from bot.handlers import register
from bot.i18n import LANGUAGES, plain
from bot.limiter import PacedRateLimiter
from bot.metrics import Metrics, MetricsServer
from bot.pacer import Pacer, SharedBudget
from bot.runtime import BatonApp, BotData
from bot.sender import OutboxSender
from bot.settings import Settings
from bot.update_order import DEFAULT_LIMIT, PerUserOrder, tell_dropped
from core import org_versions
from core.binding import bind_department, numbers, removed_departments_work
from core.clock import Clock, SystemClock
from core.context import Services
from core.org import OrgConfig, parse_org_text, read_org_text
from db.migrate import upgrade
from db.session import Database

log = logging.getLogger(__name__)
PRIVATE_COMMANDS = ("new", "my", "show", "find", "cancel", "help", "away", "back", "stats",
                    "export")
GROUP_COMMANDS = ("queue", "show", "find", "stats", "help", "bind")


def build_application(
    settings: Settings,
    svc: Services,
    *,
    pacer: Pacer | None = None,
    token: str | None = None,
    concurrency: int = DEFAULT_LIMIT,
) -> BatonApp:
    """The Application: updates of different people handled at once (up to
    ``concurrency``), each person's in order; the outbox sender; metrics."""
    secret = token or (settings.bot_token.get_secret_value() if settings.bot_token else None)
    if not secret:
        raise SystemExit("BOT_TOKEN is not set (see .env.example)")
    metrics = Metrics(svc)
    # one Pacer for the outbox sender and the handlers' replies: one budget per chat;
    # on PostgreSQL (several instances) the budget is kept in the database
    pacer = pacer or Pacer(shared=None if svc.db.is_sqlite else SharedBudget(svc.db))
    app: BatonApp = (
        ApplicationBuilder()
        .token(secret)
        .base_url(settings.base_url)
        .base_file_url(settings.base_file_url)
        .concurrent_updates(PerUserOrder(concurrency, metrics=metrics,
                                         on_dropped=partial(tell_dropped, svc)))
        .rate_limiter(PacedRateLimiter(pacer))
        # every text the bot sends is HTML (user text escaped); a plain one says so
        .defaults(Defaults(parse_mode=ParseMode.HTML))
        .context_types(ContextTypes(bot_data=BotData))
        .post_init(_post_init)
        .post_stop(_post_stop)
        .post_shutdown(_post_shutdown)
        .build()
    )
    data = app.bot_data
    data.services, data.metrics = svc, metrics
    order = app.update_processor
    assert isinstance(order, PerUserOrder)
    data.sender = OutboxSender(svc, app.bot, pacer, metrics,
                               answering=lambda chat_id: order.in_hand(chat_id) > 0)
    order.on_idle = data.sender.answered
    data.access = AccessChecker(lambda: svc.org)
    svc.on_swap.append(data.access.forget)
    data.org_path = settings.org_config
    order.pin = svc.pinned  # one organisation file for each update's whole handling
    data.members = MemberCache()
    if settings.metrics_port is not None and not (
            settings.webhook_url and settings.metrics_port == settings.webhook_port):
        # with METRICS_PORT = WEBHOOK_PORT the webhook server serves /metrics itself
        data.metrics_server = MetricsServer(svc, metrics, settings.metrics_port,
                                                       settings.metrics_listen)
    register(app)
    scheduler.install(app, settings.scheduler_interval)
    reload.install(app, settings.scheduler_interval)
    return app


async def _post_init(app: BatonApp) -> None:
    await set_commands(app)
    reload.listen_for_sighup(app)
    app.bot_data.sender.start()
    server = app.bot_data.metrics_server
    if server is not None:
        server.start()


async def _post_stop(app: BatonApp) -> None:
    """After the updates in hand are handled (Application.stop waits for them) and
    before the HTTP client closes: let the sender deliver what they owe."""
    reload.stop_listening()
    await app.bot_data.sender.stop()


async def _post_shutdown(app: BatonApp) -> None:
    # stopped already after a normal stop; this covers a failed start
    await app.bot_data.sender.stop()
    server, app.bot_data.metrics_server = app.bot_data.metrics_server, None
    if server is not None:
        await server.stop()


async def set_commands(app: BatonApp) -> None:
    """The command menu, per language, for private chats and for groups."""
    svc = app.bot_data.services
    default = svc.org.organization.language
    for lang in (None, *LANGUAGES):
        texts = lang or default
        for scope, names in ((BotCommandScopeAllPrivateChats(), PRIVATE_COMMANDS),
                             (BotCommandScopeAllGroupChats(), GROUP_COMMANDS)):
            commands = [BotCommand(name, plain(texts, f"commands.{name}")) for name in names]
            await app.bot.set_my_commands(commands, scope=scope, language_code=lang)


async def prepare(settings: Settings, clock: Clock | None = None,
                  org: OrgConfig | None = None, *, org_text: str | None = None) -> Services:
    """Validate the organisation file, bring the schema up to date, open the database,
    and store the file as the newest version when it changed (a start is a reload):
    ``org`` given without ``org_text`` (tests, the demo) is run as it is, not stored."""
    if org is None:
        org_text = read_org_text(settings.org_config)
        org = parse_org_text(org_text, settings.org_config)
    database = Database(settings.database_url)  # creates a SQLite file's folder first
    await upgrade(settings.database_url)
    svc = Services(database, org, clock or SystemClock())
    if org_text is not None:
        recorded = await org_versions.start(svc, org_text, f"start of {svc.instance}")
        if recorded.new:
            log.info("organisation file stored as version %s", recorded.version)
    await bind_from_file(svc)
    return svc


async def bind_from_file(svc: Services) -> None:
    """A department's `chat_id` (and `thread_id`) in the organisation file binds it
    as /bind would, open work and all; a chat bound later with /bind is kept. Open
    requests of departments gone from the file are named: nothing else shows them."""
    for department in svc.org.departments:
        if department.chat_id is None:
            continue
        bound = await bind_department(svc, department.key, department.chat_id,
                                      department.thread_id, None)
        if bound.changed:
            log.info("department %s bound to chat %s%s from the organisation file: %d open "
                     "request(s) to post there, %d old card(s) marked moved", department.key,
                     department.chat_id, f" topic {department.thread_id}"
                     if department.thread_id else "", bound.posted, bound.moved)
    async with svc.db.reading() as session:
        removed = await removed_departments_work(session, svc.org)
    for key, ids in removed.items():
        log.warning("department %s is no longer in the organisation file but has %d open "
                    "request(s): %s; an admin can pass each on with ➡️ Transfer on its card "
                    "(see `baton check`)", key, len(ids), numbers(ids))


def configure_logging(settings: Settings) -> logging.Handler:
    """One line per event, text or JSON (LOG_FORMAT), with the token and the
    webhook secret replaced wherever they would appear."""
    return logs.configure(settings.log_level, settings.log_format, secrets=[
        settings.bot_token.get_secret_value() if settings.bot_token else None,
        settings.webhook_secret.get_secret_value() if settings.webhook_secret else None,
    ])


def run_kwargs() -> dict[str, Any]:
    # never drop pending updates: they are requests people sent while we were down
    return {"drop_pending_updates": False, "allowed_updates": ["message", "callback_query",
                                                               "my_chat_member"]}
