"""/stats and /export for managers and admins; anyone else is politely refused.

In a private chat they cover every department the asker manages. In a group,
/stats covers only the department bound there (the chat, or its topic), and
only for a manager of it; /export, which lists everyone's requests, is sent in
private chats only.
"""

from __future__ import annotations

import asyncio
from functools import partial

from telegram import Message, Update
from telegram.constants import ChatType

from bot.charts import render_chart
from bot.export import build_csv
from bot.i18n import t
from bot.render import clip, pack
from bot.runtime import Context, language, services
from bot.stats_view import chart_labels, department_text, flows_text, low_ratings_text
from core import stats
from core.lists import departments_here

DEFAULT_DAYS, MAX_DAYS = 30, 3650


async def _scope(update: Update, context: Context, usage: str) -> tuple[int, list[str]] | None:
    """The period and the departments the asker may see here, or None after explaining
    why not."""
    message, user = update.effective_message, update.effective_user
    assert message is not None and user is not None
    svc, lang = services(context), language(update, context)
    in_group = message.chat.type != ChatType.PRIVATE
    if in_group:
        here = await _departments_here(context, message)
        if not here:
            await message.reply_html(t(lang, "stats.group_not_bound",
                                       bot=context.bot.username or ""))
            return None
        managed = [d for d in svc.org.departments if d.key in here
                   and svc.org.is_manager(user.id, d.key)]
    else:
        managed = svc.org.managed_departments(user.id)
    if not managed:
        await message.reply_html(t(lang, "stats.refused"))
        return None
    days, department = DEFAULT_DAYS, None
    for arg in context.args or []:
        if arg.isdigit():
            days = int(arg)
        else:
            department = arg.lower()
    if not 1 <= days <= MAX_DAYS:
        await message.reply_html(t(lang, usage))
        return None
    names = ", ".join(d.key for d in managed)
    if department is not None:
        if in_group and department not in {d.key for d in managed}:
            # whatever it names: this group sees its own department only
            await message.reply_html(t(lang, "stats.group_only", departments=", ".join(
                d.name.in_(lang) for d in managed), bot=context.bot.username or ""))
            return None
        if svc.org.department(department) is None:
            await message.reply_html(t(lang, "stats.unknown_department",
                                       department=department[:32], departments=names))
            return None
        if department not in {d.key for d in managed}:
            await message.reply_html(t(lang, "stats.refused_department",
                                       department=department[:32], departments=names))
            return None
        return days, [department]
    return days, [d.key for d in managed]


async def _departments_here(context: Context, message: Message) -> list[str]:
    """The departments bound to this group, or to its topic (as /queue lists them)."""
    thread = message.message_thread_id if message.is_topic_message else None
    return await departments_here(services(context), message.chat.id, thread)


async def stats_command(update: Update, context: Context) -> None:
    scope = await _scope(update, context, "stats.usage")
    if scope is None:
        return
    days, keys = scope
    svc, lang = services(context), language(update, context)
    message = update.effective_message
    assert message is not None
    figures = await stats.figures(svc, days, keys)
    report, chart, people = figures.report, figures.chart, figures.people
    # a manager of many departments gets a few messages, not a burst of one each
    blocks = [department_text(lang, svc.org, d, days, people) for d in report.departments]
    if figures.low_ratings:
        blocks.append(low_ratings_text(lang, figures.low_ratings, people))
    for text in pack(blocks):
        await message.reply_html(text)
    await message.reply_html(flows_text(lang, svc.org, report.flows, days))
    names = [d.name.in_(lang) for d in svc.org.departments if d.key in keys]
    # rendering takes about half a second: keep the event loop free meanwhile
    image = await asyncio.to_thread(render_chart, chart, chart_labels(lang, names, days))
    await message.reply_photo(image)


async def export_command(update: Update, context: Context) -> None:
    message = update.effective_message
    assert message is not None
    if message.chat.type != ChatType.PRIVATE:
        # a CSV of everyone's requests (names, answers, comments) is not for a group
        await message.reply_html(t(language(update, context), "stats.export_private",
                                   bot=context.bot.username or ""))
        return
    scope = await _scope(update, context, "stats.export_usage")
    if scope is None:
        return
    days, keys = scope
    svc, lang = services(context), language(update, context)
    data, count = await stats.exported(svc, days, keys, partial(build_csv, svc.org, lang=lang))
    if not count:
        await message.reply_html(t(lang, "stats.export_empty", days=days))
        return
    names = ", ".join(d.name.in_(lang) for d in svc.org.departments if d.key in keys)
    stamp = svc.clock.now().strftime("%Y-%m-%d")
    await message.reply_document(
        data, filename=f"baton-requests-{stamp}-{days}d.csv",
        # a caption takes 1,024 characters: an admin of many departments gets their
        # names cut visibly rather than the file refused
        caption=t(lang, "stats.export_caption", departments=clip(names, 700, lang), days=days,
                  count=count),
    )
