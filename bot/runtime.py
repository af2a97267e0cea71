"""Typed access to what the application carries for its handlers."""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import ContextTypes

from bot.access import AccessChecker
from bot.i18n import pick_language
from bot.sender import OutboxSender
from core.context import Services

Context = ContextTypes.DEFAULT_TYPE


def services(context: Context | Any) -> Services:
    svc: Services = context.bot_data["services"]
    return svc


def sender(context: Context | Any) -> OutboxSender:
    outbox_sender: OutboxSender = context.bot_data["sender"]
    return outbox_sender


def access(context: Context | Any) -> AccessChecker:
    checker: AccessChecker = context.bot_data["access"]
    return checker


def language(update: Update, context: Context) -> str:
    """The reader's language: the user's in private, the organisation's in groups."""
    fallback = services(context).org.organization.language
    chat = update.effective_chat
    if chat is not None and chat.type != "private":
        return fallback
    user = update.effective_user
    return pick_language(user.language_code if user else None, fallback)
