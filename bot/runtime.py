"""Typed access to what the application carries for its handlers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from telegram import Update
from telegram.ext import Application, CallbackContext, ExtBot

from bot.access import AccessChecker, MemberCache
from bot.i18n import pick_language
from bot.metrics import Metrics, MetricsServer
from bot.sender import OutboxSender
from core.context import Services


@dataclass
class BotData:
    """``context.bot_data``: PTB makes it empty (ContextTypes calls the class with no
    arguments); build_application fills it in before the first update."""

    services: Services = field(init=False)
    sender: OutboxSender = field(init=False)
    metrics: Metrics = field(init=False)
    access: AccessChecker = field(init=False)
    members: MemberCache = field(init=False)  # executors seen in private (/show)
    org_path: str = "-"  # the organisation file SIGHUP reads again
    metrics_server: MetricsServer | None = None  # when /metrics has a port of its own


Context = CallbackContext[ExtBot[Any], dict[Any, Any], dict[Any, Any], BotData]
# the job queue's context type is left as PTB's builder types it (its stubs keep the default)
BatonApp = Application[ExtBot[None], Context, dict[Any, Any], dict[Any, Any], BotData, Any]


def services(context: Context) -> Services:
    return context.bot_data.services


def sender(context: Context) -> OutboxSender:
    return context.bot_data.sender


def access(context: Context) -> AccessChecker:
    return context.bot_data.access


def members(context: Context) -> MemberCache:
    return context.bot_data.members


def language(update: Update, context: Context) -> str:
    """The reader's language: the user's in private, the organisation's in groups."""
    fallback = services(context).org.organization.language
    chat = update.effective_chat
    if chat is not None and chat.type != "private":
        return fallback
    user = update.effective_user
    return pick_language(user.language_code if user else None, fallback)
