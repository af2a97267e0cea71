"""Timed work: one repeating scan, with the database as the schedule.

Deadlines and what was already sent live in the database (``next_alert_at``,
``alerts_sent``), so jobs hold no state: a restart or a second instance
picks up exactly where the last scan stopped. See ``core/sweep.py``.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from telegram.error import TelegramError

from bot.runtime import BatonApp, Context, sender, services
from core.org import OrgConfig
from core.sweep import scan
from db import users
from db.updates import forget_before

log = logging.getLogger(__name__)
UNBOUND_GRACE = timedelta(days=1)  # a group nobody binds within a day is left


async def scan_job(context: Context) -> None:
    svc = services(context)
    with svc.pinned():  # one organisation file for the whole scan
        report = await scan(svc)
    if report.messages or report.auto_closed or report.sent or report.handed_over:
        sender(context).wake()
        log.info("scan: %d due, %d alerts, %d messages, %d auto-closed", report.claimed,
                 report.sent, report.messages, report.auto_closed)
    await leave_unbound_groups(context)
    async with svc.db.transaction() as session:
        await forget_before(session, svc.clock.now() - timedelta(days=2))


def named_chats(org: OrgConfig) -> set[int]:
    """The chats the organisation file names: the members chat of `chat_members`
    access and every department's chat, bound or not. They are never left."""
    named = {d.chat_id for d in org.departments if d.chat_id is not None}
    if org.access.members_chat_id is not None:
        named.add(org.access.members_chat_id)
    return named


async def leave_unbound_groups(context: Context) -> None:
    svc = services(context)
    now = svc.clock.now()
    async with svc.db.transaction() as session:
        idle = await users.unbound_groups_added_before(session, now - UNBOUND_GRACE,
                                                       keep=named_chats(svc.org))
    for chat_id in idle:
        try:
            await context.bot.leave_chat(chat_id)
        except TelegramError as exc:
            log.warning("could not leave unbound group %s: %s", chat_id, exc)
        async with svc.db.transaction() as session:
            await users.remember_group(session, chat_id, None, None, now, member=False)
        log.info("left group %s: nobody bound it within %s", chat_id, UNBOUND_GRACE)


def install(app: BatonApp, interval: float) -> None:
    assert app.job_queue is not None, "python-telegram-bot[job-queue] is required"
    app.job_queue.run_repeating(
        scan_job, interval=interval, first=min(5.0, interval), name="scan",
        # APScheduler's defaults skip a run that starts a second late; a busy
        # loop must delay the scan, not drop it
        job_kwargs={"misfire_grace_time": int(max(60, interval * 10)), "coalesce": True,
                    "max_instances": 1},
    )
