"""Rendering an outbox message into Telegram calls: cards, relays, notices, digests.

Reads only what the sender's claim loaded (a ``Delivery``) and notes on it what
it posted, for the outcome's transaction. Each call goes through the sender's
``call`` (pacing, lease renewal between parts); a send of several parts resumes
after the parts an earlier attempt posted (``parts_done``).
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol, TypeVar

from telegram import Bot, Message, ReplyParameters
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden

from bot import keyboards, render
from bot.charts import render_chart
from bot.i18n import Html, escape, t
from bot.stats_view import weekly_chart_labels, weekly_texts
from core import weekly
from core.context import Services
from core.payloads import ApprovalCopy, Card, Digest, Notice, Payload, Relay, Weekly
from db.models import ChatBinding, OutboxMessage, Rating, Request, User

log = logging.getLogger(__name__)
T = TypeVar("T")

# a 400 about the place rather than the message: the chat or topic is gone, or
# the bot may no longer post there; the admins must act
# (a group that forbids photos refuses one photo, "not enough rights to send photos":
# that message fails alone)
CAPTION_LIMIT = 1024
_CHAT_GONE = ("chat not found", "thread not found", "topic_deleted", "topic_closed",
              "not enough rights to send text messages", "have no rights to send a message",
              "chat_write_forbidden",
              "group chat was deactivated")


class Permanent(Exception):
    """Telegram refuses this message for good (blocked, kicked, chat gone)."""


def chat_is_gone(exc: Forbidden | BadRequest) -> bool:
    """403 is about the chat; a 400 is about one message unless it names the chat."""
    return isinstance(exc, Forbidden) or any(
        marker in exc.message.lower() for marker in _CHAT_GONE)


class Posted(NamedTuple):
    """A message a delivery put in a chat, to be recorded against its request."""

    chat_id: int
    message_id: int
    thread_id: int | None
    kind: str


@dataclass
class Delivery:
    """One claimed outbox message with what its send reads, loaded with the claim,
    and what the send posted, recorded with the outcome."""

    item: OutboxMessage
    payload: Payload  # the item's payload, typed
    request: Request | None
    people: dict[int, User]
    lang: str
    attempt: int  # the claim's token: every outcome is conditional on it
    parts_done: int  # parts of this send posted so far (this attempt and earlier ones)
    calls: int = 0  # Telegram calls made by this attempt
    binding: ChatBinding | None = None  # the request's department's chat (cards)
    rating: Rating | None = None  # shown on cards
    card_message_id: int | None = None  # the request's card in this chat
    last_notice_id: int | None = None  # the request's last message in this chat (relays)
    posted: list[Posted] = field(default_factory=list)  # not yet recorded
    posted_card: bool = False  # this attempt posted a new card (not an edit)
    message_ids: list[int] = field(default_factory=list)  # what the send produced, in order
    refused_files: list[str] = field(default_factory=list)  # labels of the brief's files

    def posted_message(self, message: Message, kind: str) -> None:
        self.posted.append(Posted(message.chat_id, message.message_id,
                                  message.message_thread_id, kind))
        self.message_ids.append(message.message_id)


class Call(Protocol):
    """The sender's way to make one Telegram call of a delivery."""

    def __call__(self, d: Delivery, chat_id: int,
                 call: Callable[[], Awaitable[T]]) -> Awaitable[T]: ...


class OutboxRenderer:
    def __init__(self, svc: Services, bot: Bot, call: Call) -> None:
        self.svc, self.bot, self._call = svc, bot, call

    async def send(self, d: Delivery) -> None:
        recipient = d.people.get(d.item.chat_id)
        if d.item.chat_id > 0 and recipient is not None and recipient.blocked:
            # until they unblock us (Telegram tells: core.people.private_chat_changed)
            raise Permanent("the user blocked the bot or never started it")
        payload = d.payload
        if isinstance(payload, Card):
            assert d.request is not None
            await self._card(d, payload, d.request)
        elif isinstance(payload, Relay):
            assert d.request is not None
            await self._relay(d, payload, d.request)
        elif isinstance(payload, ApprovalCopy):
            assert d.request is not None
            await self._approval(d, d.request)
        elif isinstance(payload, Digest):
            mentioned = d.people.get(payload.mention) if payload.mention else None
            texts = render.digest(d.lang, self.svc.org, payload.to_json(), mentioned)
            await self._texts(d, texts, None, None, "notice")
        elif isinstance(payload, Weekly):
            await self._weekly(d, payload)
        else:
            await self._notice(d, payload)

    async def _weekly(self, d: Delivery, payload: Weekly) -> None:
        """The managers' week: its texts, then the chart of the two weeks (the last part)."""
        week = await weekly.figures(self.svc, payload, d.item.created_at)
        texts = weekly_texts(d.lang, self.svc.org, week)
        await self._texts(d, texts, None, None, "notice")
        if d.parts_done > len(texts):
            return
        labels = weekly_chart_labels(d.lang, self.svc.org, week)
        # rendering takes about half a second: keep the event loop free meanwhile
        image = await asyncio.to_thread(render_chart, week.chart, labels)
        message = await self._call(d, d.item.chat_id, functools.partial(
            self.bot.send_photo, d.item.chat_id, image, caption=escape(labels.title)))
        d.posted_message(message, "notice")
        d.parts_done = len(texts) + 1

    async def _card(self, d: Delivery, payload: Card, request: Request) -> None:
        """Part 0 is the card, parts 1… its files; a retry edits the card it posted
        and goes on with the files not yet posted."""
        item, lang = d.item, d.lang
        now = self.svc.clock.now()
        here = d.binding is not None and (d.binding.chat_id, d.binding.thread_id) == (
            item.chat_id, item.thread_id)  # another topic of the same forum is not here
        if here:
            text = render.card_text(lang, self.svc.org, request, d.people, now,
                                    d.rating.score if d.rating else None,
                                    d.rating.comment if d.rating else None)
            markup = keyboards.card(lang, request.id, request.status)
        else:
            department = self.svc.org.department(request.department_key)
            # the department moved (a bind elsewhere) or the request went to another one
            text = t(lang, "card.moved" if payload.moved else "card.transferred",
                     id=request.id, type=render.type_name(lang, self.svc.org, request),
                     department=department.name.in_(lang) if department
                     else request.department_key)
            markup = None
        card_id = d.card_message_id
        if card_id is not None:  # None when the card was deleted in the group: post again
            card_id = await self._edit_in_place(d, card_id, text, markup)
        if not here:
            return
        if card_id is None:
            message = await self._call(d, item.chat_id, lambda: self.bot.send_message(
                item.chat_id, text, parse_mode=ParseMode.HTML, reply_markup=markup,
                message_thread_id=item.thread_id))
            d.posted_message(message, "card")
            d.posted_card = True
            d.parts_done = max(d.parts_done, 1)
            card_id, thread_id = message.message_id, message.message_thread_id
        elif d.parts_done == 0:
            return  # an edit of a card posted earlier: its files went with it
        else:
            thread_id = item.thread_id
        await self._files(d, request, card_id, thread_id)

    async def _edit_in_place(self, d: Delivery, message_id: int, text: str,
                             markup: Any) -> int | None:
        """Edit a message posted earlier (a card, an approver's copy): its id, or None
        when its reader deleted it (then it is posted again)."""
        chat_id = d.item.chat_id
        try:
            await self._call(d, chat_id, lambda: self.bot.edit_message_text(
                text, chat_id, message_id, parse_mode=ParseMode.HTML, reply_markup=markup))
        except BadRequest as exc:
            if "not found" in exc.message.lower():
                return None
            if "not modified" not in exc.message.lower():
                raise
        d.message_ids.append(message_id)
        return message_id

    async def _approval(self, d: Delivery, request: Request) -> None:
        """An approver's copy: posted once with Approve, Decline and Ask (part 0) and
        the brief's files under it (parts 1…, as under a card), then edited in place to
        say who decided (a copy deleted by its reader is posted again, with its files)."""
        item, lang = d.item, d.lang
        text = render.approval_text(lang, self.svc.org, request, d.people)
        markup = keyboards.approval(lang, request.id, request.status)
        copy_id = d.card_message_id
        if copy_id is not None:
            copy_id = await self._edit_in_place(d, copy_id, text, markup)
        if copy_id is None:
            message = await self._call(d, item.chat_id, lambda: self.bot.send_message(
                item.chat_id, text, parse_mode=ParseMode.HTML, reply_markup=markup))
            d.posted_message(message, ApprovalCopy.kind)
            d.parts_done = max(d.parts_done, 1)
            copy_id = message.message_id
        elif d.parts_done == 0:
            return  # an edit of a copy posted earlier: its files went with it
        await self._files(d, request, copy_id, None)

    async def _files(self, d: Delivery, request: Request, card_id: int,
                     thread_id: int | None) -> None:
        """The photos and documents of the brief, as replies to the card, from the
        first not yet posted; one Telegram refuses is named to the requester."""
        chat_id = d.item.chat_id
        files = [answer for answer in request.answers if answer.get("file_id")]
        reply = ReplyParameters(card_id, allow_sending_without_reply=True)
        for number, answer in enumerate(files, start=1):
            if number < d.parts_done:
                continue
            caption = t(d.lang, "card.title", id=request.id, type=answer["label"])
            send = (self.bot.send_photo if answer.get("file_kind") == "photo"
                    else self.bot.send_document)
            post = functools.partial(send, chat_id, answer["file_id"], caption=caption,
                                     parse_mode=ParseMode.HTML, reply_parameters=reply,
                                     message_thread_id=thread_id)
            try:
                sent: Message = await self._call(d, chat_id, post)
            except BadRequest as exc:
                if chat_is_gone(exc):
                    raise
                log.warning("outbox %s: file %r of #%s refused: %s", d.item.id,
                            answer["label"], request.id, exc.message)
                d.refused_files.append(str(answer["label"]))
            else:
                d.posted_message(sent, "relay")
            d.parts_done = number + 1

    @staticmethod
    def _under(d: Delivery, to_card: bool) -> ReplyParameters | None:
        target = d.card_message_id if to_card else d.last_notice_id
        return ReplyParameters(target, allow_sending_without_reply=True) if target else None

    async def _relay(self, d: Delivery, payload: Relay, request: Request) -> None:
        item, lang = d.item, d.lang
        author = render.person(d.people.get(payload.author_id), payload.author_id)
        dept_name = render.department_name(lang, self.svc.org, request.department_key)
        to_group = item.chat_id < 0
        reply = self._under(d, payload.reply_to_card)
        if payload.text is not None:
            key = "notice.relay_to_group" if to_group else "notice.relay_to_requester"
            if to_group and payload.watcher:
                key = "notice.relay_to_group_watcher"
            if payload.part is not None:  # awaiting approval: requester ⇄ approver
                key = "notice.relay_from_approver" if payload.part == "approver" \
                    else "notice.relay_from_requester"
            texts = render.with_user_text(lang, key, payload.text, id=request.id,
                                          author=author, department=dept_name)
            await self._texts(d, texts, reply, None, "relay")
            return
        key = "notice.relay_caption_group" if to_group else "notice.relay_caption_requester"
        if to_group and payload.watcher:
            key = "notice.relay_caption_group_watcher"
        if payload.part is not None:
            key = "notice.relay_caption_from_approver" if payload.part == "approver" \
                else "notice.relay_caption_from_requester"
        caption = t(lang, key, id=request.id, author=author, department=dept_name)
        if payload.caption:
            # a caption takes 1,024 characters: the header, then as much as fits
            room = max(100, CAPTION_LIMIT - render.visible_len(caption) - 60)
            caption = Html(f"{caption}\n{render.clip(payload.caption, room, lang)}")
        copied = await self._call(d, item.chat_id, lambda: self.bot.copy_message(
            item.chat_id, payload.from_chat, payload.message_id, caption=caption,
            parse_mode=ParseMode.HTML, reply_parameters=reply, message_thread_id=item.thread_id,
        ))
        d.posted.append(Posted(item.chat_id, copied.message_id, item.thread_id, "relay"))
        d.message_ids.append(copied.message_id)

    async def _notice(self, d: Delivery, payload: Notice) -> None:
        request, lang, people = d.request, d.lang, d.people
        args: dict[str, Any] = dict(payload.args)
        if payload.template == "submitted" and request is not None:
            texts = [render.submitted_text(lang, self.svc.org, request, bool(args.get("bound")))]
            # Cancel request, while it may still be cancelled
            await self._texts(d, texts, None, keyboards.notice(lang, request.id, request.status),
                              "notice")
            return
        if request is not None:
            args.setdefault("id", request.id)
            args.setdefault("type", render.type_name(lang, self.svc.org, request))
            department_key = args.get("department") or request.department_key
        else:
            department_key = args.get("department", "")
        args["key"] = department_key
        args["department"] = render.department_name(lang, self.svc.org, department_key)
        if "actor_id" in args:
            args["actor"] = render.person(people.get(args["actor_id"]), args["actor_id"])
        if "score" in args:
            args["stars"] = render.stars(int(args["score"]))
        key = f"notice.{payload.template}"
        if "text" in args:
            text = args.pop("text")
            texts = render.with_user_text(lang, key, text, **args)
        else:
            texts = [t(lang, key, **args)]
        markup = self._keyboard(payload.keyboard, lang, request)
        reply = self._under(d, True) if request is not None and payload.reply_to_card else None
        if payload.reply_to:  # under the person's own message it is about
            reply = ReplyParameters(payload.reply_to, allow_sending_without_reply=True)
        await self._texts(d, texts, reply, markup, "notice")

    def _keyboard(self, name: str | None, lang: str, request: Request | None) -> Any:
        if request is None or name is None:
            return None
        if name == "rate":
            return keyboards.rate_only(request.id)
        # Repeat, while the request is closed or rejected; Cancel request under the
        # confirmation of one that awaits approval
        if name in ("closing", "confirm"):
            return keyboards.notice(lang, request.id, request.status)
        cal = self.svc.org.work_calendar
        if cal.seconds(self.svc.org.rating.ask_after) > 0:
            return keyboards.review_rated(lang, request.id)  # the rating is asked later
        return keyboards.review(lang, request.id)

    async def _texts(self, d: Delivery, texts: Sequence[str],
                     reply: ReplyParameters | None, markup: Any, kind: str) -> None:
        """The parts of one text, from the first not yet posted; only the first
        replies and only the last carries the buttons."""
        item = d.item
        for index, text in enumerate(texts):
            if index < d.parts_done:
                continue
            last = index == len(texts) - 1
            post = functools.partial(
                self.bot.send_message, item.chat_id, text, parse_mode=ParseMode.HTML,
                reply_markup=markup if last else None,
                reply_parameters=reply if not index else None,
                message_thread_id=item.thread_id)
            message = await self._call(d, item.chat_id, post)
            d.posted_message(message, kind)
            d.parts_done = index + 1
