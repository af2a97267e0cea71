"""/my for requesters and /queue for departments: one message each, as many
lines as fit Telegram's limit and how many more there are (a glance at a list,
not a reminder owed per line: a long queue is not worth several messages)."""

from __future__ import annotations

from telegram import Update

from bot.i18n import t
from bot.render import fitted, pack, person, when
from bot.runtime import Context, language, services
from core.lifecycle import OPEN_STATUSES
from core.lists import queue_here, requests_of


async def my_requests(update: Update, context: Context) -> None:
    assert update.effective_user and update.effective_message
    svc, lang = services(context), language(update, context)
    mine, total = await requests_of(svc, update.effective_user.id)
    if not mine:
        await update.effective_message.reply_html(t(lang, "my.empty"))
        return
    lines = []
    for request in mine:
        department = svc.org.department(request.department_key)
        due = request.resolve_due_at if request.status != "new" else request.response_due_at
        lines.append(t(
            lang, "my.line", id=request.id,
            department=department.name if department else request.department_key,
            type=request.type_name, status=t(lang, f"status.{request.status}"),
            due=t(lang, "my.due", due=when(due, svc.org))
            if request.status in OPEN_STATUSES and request.status != "on_review" else "",
        ))
    await update.effective_message.reply_html(fitted(lang, t(lang, "my.title"), lines, total))


async def queue(update: Update, context: Context) -> None:
    message = update.effective_message
    assert message is not None
    svc, lang = services(context), language(update, context)
    thread = message.message_thread_id if message.is_topic_message else None
    here = await queue_here(svc, message.chat.id, thread)
    listed, counts, people = here.listed, here.counts, here.people
    if not listed:
        await message.reply_html(t(lang, "queue.not_bound"))
        return
    blocks = []
    for key, open_requests in listed.items():
        department = svc.org.department(key)
        name = department.name if department else key
        if not open_requests:
            blocks.append(t(lang, "queue.empty", department=name))
            continue
        lines = []
        for request in open_requests:
            due = request.response_due_at if request.status == "new" else request.resolve_due_at
            lines.append(t(
                lang, "queue.line", id=request.id, type=request.type_name,
                status=t(lang, f"status.{request.status}"),
                assignee=person(people.get(request.assignee_id), request.assignee_id)
                if request.assignee_id else t(lang, "card.nobody"),
                due=t(lang, "my.due", due=when(due, svc.org)) if request.status != "on_review"
                else "",
            ))
        blocks.append(fitted(lang, t(lang, "queue.title", department=name, count=counts[key]),
                             lines, counts[key]))
    for text in pack(blocks):  # a chat of several departments: one message each at most
        await message.reply_html(text)
