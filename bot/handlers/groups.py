"""Groups: /bind, being added or removed, and groups upgraded to supergroups."""

from __future__ import annotations

import logging

from telegram import ChatMemberUpdated, Update
from telegram.constants import ChatMemberStatus, ChatType

from bot.i18n import Html, t
from bot.runtime import Context, language, sender, services
from core.binding import bind_group
from core.people import UserInfo, follow_migration, note_group, private_chat_changed

log = logging.getLogger(__name__)
PRESENT = {ChatMemberStatus.MEMBER, ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER,
           ChatMemberStatus.RESTRICTED}


async def bind(update: Update, context: Context) -> None:
    message, user = update.effective_message, update.effective_user
    assert message is not None and user is not None
    svc, lang = services(context), language(update, context)
    keys = ", ".join(d.key for d in svc.org.departments)
    if message.chat.type == ChatType.PRIVATE:
        await message.reply_html(t(lang, "bind.groups_only"))
        return
    if not svc.org.is_admin(user.id):
        await message.reply_html(t(lang, "bind.not_admin"))
        return
    if not context.args:
        await message.reply_html(t(lang, "bind.usage", keys=keys))
        return
    department = svc.org.department(context.args[0].lower())
    if department is None:
        await message.reply_html(t(lang, "bind.unknown", key=context.args[0][:32], keys=keys))
        return
    thread = message.message_thread_id if message.is_topic_message else None
    bound = await bind_group(svc, department.key, message.chat.id, message.chat.title, thread,
                             user.id)
    text = t(lang, "bind.done_topic" if thread else "bind.done",
             department=department.name.in_(lang))
    if bound.posted:
        posted = t(lang, "bind.posted", department=department.name.in_(lang), count=bound.posted)
        text = Html(f"{text}\n{posted}")
    await message.reply_html(text)
    if bound.posted or bound.moved:
        sender(context).wake()


async def membership(update: Update, context: Context) -> None:
    """The bot was added to a group or removed from one; or a person blocked it, or
    unblocked it, in their private chat."""
    change: ChatMemberUpdated | None = update.my_chat_member
    if change is None:
        return
    svc = services(context)
    if change.chat.type == ChatType.PRIVATE:
        user = change.from_user
        await private_chat_changed(
            svc, UserInfo(user.id, user.first_name, user.last_name, user.username,
                          user.language_code),
            reachable=change.new_chat_member.status == ChatMemberStatus.MEMBER)
        return
    joined = change.new_chat_member.status in PRESENT
    was_in = change.old_chat_member.status in PRESENT
    await note_group(svc, change.chat.id, change.chat.title, change.from_user.id, member=joined)
    if joined and not was_in:
        lang = svc.org.organization.language
        keys = ", ".join(d.key for d in svc.org.departments)
        await context.bot.send_message(change.chat.id, t(lang, "group.hello", keys=keys))


async def migrated(update: Update, context: Context) -> None:
    """A group became a supergroup and got a new id: follow it."""
    message = update.effective_message
    if message is None or not message.migrate_to_chat_id:
        return
    svc = services(context)
    await follow_migration(svc, message.chat.id, message.migrate_to_chat_id)
    log.info("chat %s migrated to %s", message.chat.id, message.migrate_to_chat_id)
