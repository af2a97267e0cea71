"""Messages that are not commands: form answers, typed reasons, and replies about #N."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatType

from bot.handlers import actions, form
from bot.i18n import t
from bot.render import department_name
from bot.runtime import Context, language, sender, services
from core.lifecycle import TRANSITIONS, Refusal
from core.workflow import (
    REASON_ACTIONS,
    RELAY_AFTER_CLOSE,
    Press,
    awaited_reason,
    give_reason,
    relay_message,
    request_shown_by,
)
from db.models import PendingInput


async def private_message(update: Update, context: Context) -> None:
    message = update.effective_message
    assert message is not None and update.effective_user is not None
    reply_to = message.reply_to_message.message_id if message.reply_to_message else None
    pending = await awaited_reason(services(context), message.chat.id,
                                   update.effective_user.id, reply_to) \
        if message.text is not None else None
    if pending is not None:  # the reason for cancelling a request
        await _typed_reason(update, context, pending)
        return
    if await _reply_about_request(update, context):
        return
    # a rating comment is a reply to its prompt, or any text while no form is open
    if await actions.take_comment(update, context):
        return
    if await form.on_message(update, context):
        return
    await message.reply_html(t(language(update, context), "private.fallback"))


async def group_message(update: Update, context: Context) -> None:
    """In groups the bot sees only replies to its own messages (privacy mode)."""
    message = update.effective_message
    assert message is not None and update.effective_user is not None
    reply_to = message.reply_to_message
    if reply_to is None or reply_to.from_user is None or reply_to.from_user.id != context.bot.id:
        return
    pending = await awaited_reason(services(context), message.chat.id,
                                   update.effective_user.id, reply_to.message_id)
    if pending is not None:
        await _typed_reason(update, context, pending)
        return
    await _reply_about_request(update, context)


async def _typed_reason(update: Update, context: Context, pending: PendingInput) -> None:
    message = update.effective_message
    assert message is not None and update.effective_user is not None
    svc, lang = services(context), language(update, context)
    text = (message.text or "").strip()
    if not text:
        await message.reply_html(t(lang, "prompt.reason_empty"))
        return
    press = Press(update.effective_user.id, message.chat.id, message.message_id,
                  update.update_id)
    outcome = await give_reason(svc, pending, press, text)
    if outcome.refusal is Refusal.DUPLICATE:
        return
    if not outcome.ok:
        # a toast's words, not HTML: parse_mode=None overrides the default
        await message.reply_text(await actions.refusal_text(update, context, outcome),
                                 parse_mode=None)
        return
    sender(context).wake()
    confirm = TRANSITIONS[REASON_ACTIONS[pending.kind]].confirm
    if confirm is not None:  # an approver's question: it went to the requester
        await message.reply_html(t(lang, confirm, id=pending.request_id))
    if message.chat.type == ChatType.PRIVATE:  # Cancel request: its buttons are done
        for shown in (pending.prompt_message_id, pending.data.get("from")):
            if shown:
                await actions.strip_buttons(context, message.chat.id, int(shown))


async def _reply_about_request(update: Update, context: Context) -> bool:
    """A reply to a message about #N is passed on; True if it was about a request."""
    message = update.effective_message
    assert message is not None and update.effective_user is not None
    reply_to = message.reply_to_message
    if reply_to is None:
        return False
    svc, lang = services(context), language(update, context)
    request_id = await request_shown_by(svc, message.chat.id, reply_to.message_id)
    if request_id is None:
        return False
    press = Press(update.effective_user.id, message.chat.id, message.message_id,
                  update.update_id)
    outcome = await relay_message(svc, request_id, press, text=message.text,
                                  caption=message.caption)
    request = outcome.request
    if outcome.refusal is Refusal.DUPLICATE:
        return True
    if not outcome.ok or request is None:
        if outcome.refusal is Refusal.EXPIRED and request is not None:
            await message.reply_html(t(lang, "relay.too_late", id=request.id,
                                       status=t(lang, f"status.{request.status}"),
                                       days=RELAY_AFTER_CLOSE.days))
        elif outcome.refusal is Refusal.WRONG_STATE and request is not None:
            await message.reply_html(t(lang, "relay.closed", id=request.id,
                                       status=t(lang, f"status.{request.status}")))
        elif request is not None:
            await message.reply_html(t(lang, "relay.not_allowed", id=request.id))
        return True
    sender(context).wake()
    name = department_name(lang, svc.org, request.department_key)
    if outcome.relayed_to == "requester":
        key = "relay.sent_requester"
    elif outcome.relayed_to == "approver":
        key = "relay.sent_approver"
    else:
        key = "relay.answered" if outcome.answered else "relay.sent"
    if message.chat.type == ChatType.PRIVATE or key != "relay.sent_requester":
        await message.reply_html(t(lang, key, id=request.id, department=name))
    return True
