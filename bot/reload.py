"""Reloading the organisation file while the bot runs: SIGHUP re-reads it here, and
every instance polls the stored version (core.org_versions) and swaps to it."""

from __future__ import annotations

import asyncio
import logging
import signal

from bot.runtime import BatonApp, Context
from core import org_versions
from core.context import Services

log = logging.getLogger(__name__)


async def after_swap(app: BatonApp) -> None:
    """What a new organisation file needs at once: departments whose `chat_id` is new
    are bound (their waiting cards posted), and the admins' notices go out."""
    from bot.app import bind_from_file

    await bind_from_file(app.bot_data.services)
    app.bot_data.sender.wake()


async def follow_job(context: Context) -> None:
    app: BatonApp = context.application  # type: ignore[assignment]
    await follow(app)


async def follow(app: BatonApp) -> bool:
    """Poll the stored version (and say this instance is alive); True if it swapped."""
    svc: Services = app.bot_data.services
    swapped = await org_versions.follow(svc)
    if swapped:
        await after_swap(app)
    return swapped


async def reload_here(app: BatonApp) -> org_versions.Recorded:
    """SIGHUP: read the organisation file again; valid, it runs at once."""
    svc = app.bot_data.services
    before = svc.org_version
    recorded = await org_versions.reload_file(svc, app.bot_data.org_path,
                                             f"SIGHUP to {svc.instance}")
    if svc.org_version != before:
        await after_swap(app)
    app.bot_data.sender.wake()  # the admins' notice
    return recorded


def listen_for_sighup(app: BatonApp) -> None:
    try:
        loop = asyncio.get_running_loop()
        loop.add_signal_handler(signal.SIGHUP, lambda: app.create_task(reload_here(app)))
    except (NotImplementedError, RuntimeError, AttributeError, ValueError):
        # no SIGHUP here (Windows, or not the main thread): the poll picks `baton reload` up
        log.info("SIGHUP is not available: use `baton reload`")


def stop_listening() -> None:
    try:
        asyncio.get_running_loop().remove_signal_handler(signal.SIGHUP)
    except (NotImplementedError, RuntimeError, AttributeError, ValueError):
        pass


def install(app: BatonApp, scheduler_interval: float) -> None:
    assert app.job_queue is not None
    interval = min(org_versions.ORG_POLL_SECONDS, scheduler_interval)
    app.job_queue.run_repeating(
        follow_job, interval=interval, first=interval, name="org_follow",
        job_kwargs={"misfire_grace_time": int(max(60, interval * 10)), "coalesce": True,
                    "max_instances": 1})
