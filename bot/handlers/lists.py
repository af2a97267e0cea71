"""/my for requesters and /queue for departments: one message each, as many
lines as fit Telegram's limit and how many more there are (a glance at a list,
not a reminder owed per line: a long queue is not worth several messages)."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update
from telegram.error import BadRequest

from bot import keyboards
from bot.callbacks import ListPress
from bot.i18n import Html, t, toast
from bot.render import department_name, fitted, pack, person, type_name, when
from bot.runtime import Context, language, services
from core.lifecycle import OPEN_STATUSES
from core.lists import queue_here, requests_of


async def my_requests(update: Update, context: Context) -> None:
    assert update.effective_user and update.effective_message
    text, markup = await _my_page(update, context, update.effective_user.id, 0)
    await update.effective_message.reply_html(text, reply_markup=markup)


async def my_page(update: Update, context: Context, press: ListPress) -> None:
    """Older » / « Newer under /my: the owner's next page, in place of the last one."""
    query = update.callback_query
    assert query is not None and query.message is not None
    lang = language(update, context)
    if press.owner != query.from_user.id or query.message.chat.id != query.from_user.id:
        await query.answer(toast(lang, "press.not_allowed"), show_alert=True)
        return
    text, markup = await _my_page(update, context, press.owner, press.offset)
    await query.answer()
    try:
        await query.edit_message_text(text, reply_markup=markup)
    except BadRequest as exc:  # the same page pressed twice
        if "not modified" not in exc.message.lower():
            raise


async def _my_page(update: Update, context: Context, owner: int, offset: int
                   ) -> tuple[Html, InlineKeyboardMarkup | None]:
    svc, lang = services(context), language(update, context)
    mine, total = await requests_of(svc, owner, offset)
    if not mine:
        return t(lang, "my.empty"), None
    lines = []
    for request in mine:
        due = request.resolve_due_at if request.status != "new" else request.response_due_at
        lines.append(t(
            lang, "my.line", id=request.id,
            department=department_name(lang, svc.org, request.department_key),
            type=type_name(lang, svc.org, request), status=t(lang, f"status.{request.status}"),
            due=t(lang, "my.due", due=when(lang, due, svc.org))
            if request.status in OPEN_STATUSES and request.status != "on_review" else "",
        ))
    title = (t(lang, "my.title") if total <= len(mine) else
             t(lang, "my.page", first=offset + 1, last=offset + len(mine), total=total))
    return (fitted(lang, title, lines),
            keyboards.my_pages(lang, owner, offset, len(mine), total))


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
        name = department_name(lang, svc.org, key)
        if not open_requests:
            blocks.append(t(lang, "queue.empty", department=name))
            continue
        lines = []
        for request in open_requests:
            due = request.response_due_at if request.status == "new" else request.resolve_due_at
            lines.append(t(
                lang, "queue.line", id=request.id, type=type_name(lang, svc.org, request),
                status=t(lang, f"status.{request.status}"),
                assignee=person(people.get(request.assignee_id), request.assignee_id)
                if request.assignee_id else t(lang, "card.nobody"),
                due=t(lang, "my.due", due=when(lang, due, svc.org)) if request.status != "on_review"
                else "",
            ))
        blocks.append(fitted(lang, t(lang, "queue.title", department=name, count=counts[key]),
                             lines, counts[key]))
    for text in pack(blocks):  # a chat of several departments: one message each at most
        await message.reply_html(text)
