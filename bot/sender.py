"""The outbox sender: the only path by which cards, notices and relays leave.

It delivers what the database says is owed, in order per chat, within
Telegram's limits; retries network errors and 5xx with backoff; obeys
``retry_after``; follows migrated groups; and stops on permanent refusals,
telling a person who can act instead of dropping the message silently.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, NamedTuple, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Bot, Message, ReplyParameters
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter

from bot import keyboards, render
from bot.i18n import Html, pick_language, t
from bot.limiter import retry_seconds, sender_calls
from bot.metrics import Metrics
from bot.pacer import Pacer
from core import delivery as delivery_policy
from core.context import Services
from core.delivery import files_refused
from db import outbox, requests, users
from db.models import ChatBinding, OutboxMessage, Rating, Request, User

log = logging.getLogger(__name__)
T = TypeVar("T")
CAPTION_LIMIT = 1024
MAX_BACKOFF = 300.0
# on stop (SIGTERM) the sender goes on delivering what is due for this long,
# finishing the message in hand, so the answer to the last update still leaves;
# whatever is left stays owed in the database for the next start
STOP_GRACE = 5.0
# a message in hand past the grace is waited for this much longer (the HTTP
# timeouts end it sooner), then given back to the outbox
STOP_HARD_LIMIT = 15.0


class Permanent(Exception):
    """Telegram refuses this message for good (blocked, kicked, chat gone)."""


class LeaseLost(Exception):
    """Another sender has this message now (our lease ran out): stop sending it."""


# a 400 about the place rather than the message: the chat or topic is gone, or
# the bot may no longer post there; the admins must act
_CHAT_GONE = ("chat not found", "thread not found", "topic_deleted", "topic_closed",
              "not enough rights to send text messages", "have no rights to send a message",
              "chat_write_forbidden", "group chat was deactivated")
# (a group that forbids photos refuses one photo, "not enough rights to send photos":
# that message fails alone)
HEADS_PER_QUERY = 200
# a wait for Telegram's limits longer than this is not slept through inside a
# send: the message is given back with its progress, and other chats go meanwhile
SHORT_WAIT = 0.2
# a message whose send keeps failing in ways Telegram did not explain (a bug of
# ours, the database in trouble) is given up after this many attempts, so it
# cannot hold its chat's later messages for ever
MAX_UNEXPLAINED_ATTEMPTS = 8


class Deferred(Exception):
    """A later part of a send must wait for the chat's budget: give the message back."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"waits {seconds:.1f}s for the chat's budget")
        self.seconds = seconds


def chat_is_gone(exc: Forbidden | BadRequest) -> bool:
    """403 is about the chat; a 400 is about one message unless it names the chat."""
    return isinstance(exc, Forbidden) or any(
        marker in exc.message.lower() for marker in _CHAT_GONE)


class OutboxSender:
    def __init__(self, svc: Services, bot: Bot, pacer: Pacer | None = None,
                 metrics: Metrics | None = None) -> None:
        self.svc, self.bot = svc, bot
        self.pacer = pacer or Pacer()
        self.metrics = metrics or Metrics()
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._stopping = False
        self._deadline = float("inf")  # loop time after which a stopping sender stops

    # ---------------------------------------------------------------- loop
    def wake(self) -> None:
        self._wake.set()

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="outbox-sender")

    async def stop(self, grace: float = STOP_GRACE) -> None:
        """Stop gracefully: deliver what is due now for up to ``grace`` seconds,
        finish the message in hand, then return. Nothing is lost: what is not
        delivered stays owed in the database, and a message still in hand after
        the hard limit is given back to the outbox (not left leased)."""
        if not self._stopping:
            self._deadline = asyncio.get_running_loop().time() + grace
            self._stopping = True
            self._wake.set()
        task, self._task = self._task, None
        if task is None or task.done():
            return
        try:
            await asyncio.wait_for(asyncio.shield(task), grace + STOP_HARD_LIMIT)
        except TimeoutError:
            log.warning("outbox sender did not finish within %.0fs: stopped",
                        grace + STOP_HARD_LIMIT)
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    def _out_of_time(self) -> bool:
        return self._stopping and asyncio.get_running_loop().time() >= self._deadline

    async def _run(self) -> None:
        while True:
            try:
                await self.drain()
            except Exception:  # the loop must outlive any one bad message or outage
                log.exception("outbox pass failed")
            if self._stopping:
                return  # the pass above was the last: everything due was tried
            try:
                await asyncio.wait_for(self._wake.wait(), timeout=1.0)
            except TimeoutError:
                pass
            self._wake.clear()

    async def drain(self) -> int:
        """Deliver everything due now; return how many messages were delivered.

        Chats, not rows, are served: each pass takes every chat's oldest due
        message (a chat's messages keep their order), skips the chats that
        Telegram's limits hold for now and goes on with the others, so one busy
        chat never stalls the rest."""
        delivered = 0
        while True:
            progressed = False
            cooling: list[float] = []  # how long the chats held by Telegram's limits wait
            after = 0
            while True:
                async with self.svc.db.reading() as session:  # a listing: no write lock
                    heads = await outbox.due_heads(session, self.svc.clock.now(), after,
                                                   HEADS_PER_QUERY)
                if not heads:
                    break
                after = heads[-1].id
                for head in heads:
                    # this instance's own counts first: no claim for a chat known to wait
                    if (delay := self.pacer.delay_for(head.chat_id)) > SHORT_WAIT:
                        cooling.append(delay)  # served on a later pass
                        continue
                    if self._out_of_time():
                        return delivered  # stopping: what was not claimed stays owed
                    result = await self._deliver_one(head.id)
                    if isinstance(result, float):
                        cooling.append(result)
                    elif result:
                        delivered += 1
                        progressed = True
                    if self._out_of_time():
                        return delivered
            if not progressed and not await self._cool_down_before_stop(cooling):
                return delivered

    async def _slot(self, chat_id: int) -> float:
        """Count the next message to ``chat_id`` now (0), or say how long it waits; a
        wait of a moment is waited here rather than put off to the next pass. Asked
        after the claim: with several instances only the one holding the message
        spends the chat's shared budget."""
        delay = await self.pacer.reserve(chat_id)
        if 0 < delay <= SHORT_WAIT:
            await asyncio.sleep(delay)
            delay = await self.pacer.reserve(chat_id)
        return delay

    async def _cool_down_before_stop(self, cooling: list[float]) -> bool:
        """Stopping, the last pass must not leave a message only because its chat
        is cooling down (a handler's reply just went there): wait for the first
        chat to cool, within the grace; True if there is another pass to make."""
        if not self._stopping or not cooling:
            return False
        left = self._deadline - asyncio.get_running_loop().time()
        if min(cooling) > left:
            return False
        await asyncio.sleep(min(cooling))
        return True

    async def _deliver_one(self, item_id: int) -> bool | float:
        """Two short transactions: the claim with everything the send reads, and
        the outcome with everything the send produced; Telegram is called between
        them, outside any transaction (SQLite has one writer). The chat's budget is
        spent right after the claim; a chat that must wait gives the message back
        and the wait is returned (seconds), so the pass goes on with other chats.
        Every later part renews the lease and records the parts before it."""
        now = self.svc.clock.now()
        delivery = await self._claim(item_id, now)
        if delivery is None:
            return False  # another sender has it
        item = delivery.item
        if (delay := await self._slot(item.chat_id)) > 0:
            await self._give_back(delivery, delay)
            return delay
        try:
            with sender_calls():  # paced here and retried via the outbox, not by the limiter
                await self._send(delivery)
        except asyncio.CancelledError:
            # stopped mid-send past the hard limit: give the message back at once
            # instead of leaving it leased until the lease ends
            await self._retry_now(delivery, "stopped while sending")
            log.warning("outbox %s to %s given back: stopped while sending", item.id,
                        item.chat_id, extra={"request": item.request_id})
            raise
        except LeaseLost:
            log.warning("outbox %s to %s: lease lost to another sender", item.id, item.chat_id,
                        extra={"request": item.request_id})
            await self._record_only(delivery)
            return False
        except Deferred as exc:  # a later part waits for the chat: others go meanwhile
            await self._give_back(delivery, exc.seconds)
            return exc.seconds
        except RetryAfter as exc:
            seconds = retry_seconds(exc)
            await self.pacer.hold(seconds, item.chat_id)
            await self._retry(delivery, seconds, f"retry_after {seconds}", "retry_after")
            return False
        except ChatMigrated as exc:
            async with self.svc.db.transaction() as session:
                self._record(session, delivery)
                await users.migrate_chat(session, item.chat_id, exc.new_chat_id)
                await outbox.retry_later(session, item.id, delivery.attempt, now,
                                         "chat migrated", delivery.parts_done)
            self.metrics.retried.labels("migrated").inc()
            return False
        except Permanent as exc:
            await self._give_up(delivery, str(exc), chat_gone=True)
            return False
        except (Forbidden, BadRequest) as exc:
            await self._give_up(delivery, exc.message, chat_gone=chat_is_gone(exc))
            return False
        except NetworkError as exc:  # timeouts and 5xx: it will work later
            backoff = min(MAX_BACKOFF, 2.0 ** min(item.attempts, 9))
            await self._retry(delivery, backoff, exc.message, "network")
            return False
        except Exception as exc:  # our bug or the database: never a stuck lease or chat
            log.exception("outbox %s to %s failed unexpectedly", item.id, item.chat_id,
                          extra={"request": item.request_id})
            if item.attempts >= MAX_UNEXPLAINED_ATTEMPTS:
                await self._give_up(delivery, f"{type(exc).__name__}: {exc}"[:300],
                                    chat_gone=False)
            else:
                backoff = min(MAX_BACKOFF, 2.0 ** min(item.attempts, 9))
                await self._retry(delivery, backoff, type(exc).__name__, "error")
            return False
        async with self.svc.db.transaction() as session:
            self._record(session, delivery)
            held = await outbox.mark_sent(session, item.id, delivery.attempt,
                                          delivery.message_ids[0]
                                          if delivery.message_ids else None)
            if delivery.refused_files and delivery.request is not None:
                files_refused(session, now, delivery.request, delivery.refused_files)
            if held and delivery.posted_card and delivery.request is not None:
                await self._disarm_if_moved(session, delivery, now)
        if not held:
            log.warning("outbox %s to %s sent, but its lease had passed to another sender",
                        item.id, item.chat_id, extra={"request": item.request_id})
        self.metrics.sent.labels(item.kind).inc()
        log.debug("outbox %s (%s) to %s sent", item.id, item.kind, item.chat_id,
                  extra={"request": item.request_id})
        return True

    async def _give_back(self, delivery: Delivery, seconds: float) -> None:
        """Not now, Telegram's limits: the message is due again when its chat may
        take it, with the parts posted so far; the attempt does not count."""
        async with self.svc.db.transaction() as session:
            self._record(session, delivery)
            await outbox.give_back(session, delivery.item.id, delivery.attempt,
                                   self.svc.clock.now() + timedelta(seconds=seconds),
                                   delivery.parts_done)

    async def _disarm_if_moved(self, session: AsyncSession, delivery: Delivery,
                               now: datetime) -> None:
        """A re-bind committed while this card was on its way: the card just posted
        in the old place must lose its buttons like the others there."""
        item, request = delivery.item, delivery.request
        assert request is not None
        current = await users.binding_for(session, request.department_key)
        if current is not None and (current.chat_id, current.thread_id) != (
                item.chat_id, item.thread_id):
            outbox.enqueue(session, now, chat_id=item.chat_id, thread_id=item.thread_id,
                           kind="card", request_id=request.id, payload={"moved": True})

    async def _claim(self, item_id: int, now: datetime) -> Delivery | None:
        """Lease the item and read, in the same transaction, all its send needs."""
        async with self.svc.db.transaction() as session:
            item = await outbox.claim(session, item_id, now)
            if item is None:
                return None
            return await self._load(session, item)

    async def _load(self, session: AsyncSession, item: OutboxMessage) -> Delivery:
        payload = item.payload
        request = (await requests.get_request(session, item.request_id)
                   if item.request_id else None)
        ids = {item.chat_id}
        if request is not None:
            ids |= {request.requester_id, request.assignee_id or 0}
        for author in (payload.get("author_id"), payload.get("args", {}).get("actor_id"),
                       payload.get("mention")):
            if author:
                ids.add(int(author))
        people = await users.get_users(session, {i for i in ids if i > 0})
        delivery = Delivery(item, request, people, self._language(item, people),
                            attempt=item.attempts, parts_done=item.parts_done)
        if request is None:
            return delivery
        if item.kind == "card":
            delivery.binding = await users.binding_for(session, request.department_key)
            delivery.rating = await requests.get_rating(session, request.id)
        if item.kind == "card" or payload.get("reply_to_card"):
            card = await requests.card_message(session, request.id, item.chat_id, item.thread_id)
            delivery.card_message_id = card.message_id if card else None
        elif item.kind == "relay":
            delivery.last_notice_id = await requests.last_notice(session, request.id,
                                                                 item.chat_id)
        return delivery

    def _language(self, item: OutboxMessage, people: dict[int, User]) -> str:
        fallback = self.svc.org.organization.language
        if item.chat_id < 0:
            return fallback  # groups read the organisation's language
        recipient = people.get(item.chat_id)
        return pick_language(recipient.language_code if recipient else None, fallback)

    async def _call(self, d: Delivery, chat_id: int, call: Callable[[], Awaitable[T]]) -> T:
        """One Telegram call of a delivery, counted against the chat's budget; the
        first was waited for before the claim, each further one in _next_part."""
        if d.calls:
            await self._next_part(d, chat_id)
        d.calls += 1
        try:
            return await call()
        finally:
            await self.pacer.done(chat_id)

    async def _next_part(self, d: Delivery, chat_id: int) -> None:
        """Between the parts of one send: renew the lease and record the parts posted
        so far, so a kill or a lost lease never makes a retry post them again and a
        sender that lost its lease stops instead of sending twice; then spend the
        chat's budget, or give the message back (Deferred) when the chat must wait
        longer than a moment: one group's minute never holds the other chats."""
        now = self.svc.clock.now()
        async with self.svc.db.transaction() as session:
            # the lease first: posted parts are recorded with it, or (lost) after it
            if not await outbox.progress(session, d.item.id, d.attempt, d.parts_done,
                                         now + outbox.LEASE):
                raise LeaseLost
            self._record(session, d)
        if (delay := await self._slot(chat_id)) > 0:
            raise Deferred(delay)

    def _record(self, session: AsyncSession, delivery: Delivery) -> None:
        """The messages this delivery posted (even before a later part failed), so
        replies to them map back to the request and cards are edited, not re-posted."""
        if delivery.request is None:
            return
        now: datetime = self.svc.clock.now()
        for posted in delivery.posted:
            requests.record_message(session, delivery.request.id, posted.chat_id,
                                    posted.message_id, posted.kind, now, posted.thread_id)
        delivery.posted.clear()

    async def _record_only(self, delivery: Delivery) -> None:
        if delivery.posted:
            async with self.svc.db.transaction() as session:
                self._record(session, delivery)

    async def _retry_now(self, delivery: Delivery, error: str) -> None:
        async with self.svc.db.transaction() as session:
            self._record(session, delivery)
            await outbox.retry_later(session, delivery.item.id, delivery.attempt,
                                     self.svc.clock.now(), error, delivery.parts_done)

    async def _retry(self, delivery: Delivery, seconds: float, error: str,
                     reason: str) -> None:
        item, request = delivery.item, delivery.request
        now = self.svc.clock.now()
        self.metrics.retried.labels(reason).inc()
        log.warning("outbox %s to %s retried in %.0fs: %s", item.id, item.chat_id, seconds, error,
                    extra={"request": item.request_id})
        async with self.svc.db.transaction() as session:
            self._record(session, delivery)
            held = await outbox.retry_later(session, item.id, delivery.attempt,
                                            now + timedelta(seconds=seconds), error,
                                            delivery.parts_done)
            if held and reason == "network" and item.kind == "card" and item.attempts == 1 \
                    and request is not None:
                # the first outage on a card: the requester learns it is delayed, once (a
                # flood limit is no outage: the card follows within the minute)
                outbox.enqueue(session, now, chat_id=request.requester_id, kind="notice",
                               request_id=request.id,
                               payload={"template": "delayed", "args": {}})

    async def _give_up(self, delivery: Delivery, error: str, *, chat_gone: bool) -> None:
        """Telegram refuses for good: stop retrying and tell someone who can act
        (core.delivery decides who)."""
        item = delivery.item
        now = self.svc.clock.now()
        self.metrics.failed.labels(item.kind).inc()
        log.error("outbox %s to %s failed for good (%s): %s", item.id, item.chat_id,
                  "chat gone" if chat_gone else "message refused", error,
                  extra={"request": item.request_id})
        async with self.svc.db.transaction() as session:
            self._record(session, delivery)
            if not await outbox.mark_failed(session, item.id, delivery.attempt, error):
                return  # another sender has it now: its outcome counts
            request = (await requests.get_request(session, item.request_id)
                       if item.request_id else None)
            if chat_gone:
                await delivery_policy.chat_gone(session, now, self.svc.org.organization.admins,
                                                item, request, error)
            else:
                delivery_policy.message_refused(session, now, self.svc.org.organization.admins,
                                                item, request, error)

    # ---------------------------------------------------------------- rendering
    # Everything below only renders and calls Telegram: what it reads was loaded
    # by _claim, and what it posts is noted on the Delivery for the outcome's
    # transaction.
    async def _send(self, d: Delivery) -> None:
        recipient = d.people.get(d.item.chat_id)
        if d.item.chat_id > 0 and recipient is not None and recipient.blocked:
            raise Permanent("the user blocked the bot or never started it")
        if d.item.kind == "card":
            assert d.request is not None
            await self._send_card(d, d.request)
        elif d.item.kind == "relay":
            assert d.request is not None
            await self._send_relay(d, d.request)
        else:
            await self._send_notice(d)

    async def _send_card(self, d: Delivery, request: Request) -> None:
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
            text = t(lang, "card.moved" if item.payload.get("moved") else "card.transferred",
                     id=request.id, type=request.type_name,
                     department=department.name if department else request.department_key)
            markup = None
        card_id = d.card_message_id
        if card_id is not None:
            try:
                await self._call(d, item.chat_id, lambda: self.bot.edit_message_text(
                    text, item.chat_id, card_id, parse_mode=ParseMode.HTML,
                    reply_markup=markup))
                d.message_ids.append(card_id)
            except BadRequest as exc:
                if "not modified" in exc.message.lower():
                    d.message_ids.append(card_id)
                elif "not found" not in exc.message.lower():
                    raise
                else:
                    card_id = None  # the card was deleted in the group: post it again
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
        await self._send_files(d, request, card_id, thread_id)

    async def _send_files(self, d: Delivery, request: Request, card_id: int,
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

    def _reply_target(self, d: Delivery) -> ReplyParameters | None:
        target = (d.card_message_id if d.item.payload.get("reply_to_card")
                  else d.last_notice_id)
        return ReplyParameters(target, allow_sending_without_reply=True) if target else None

    async def _send_relay(self, d: Delivery, request: Request) -> None:
        item, payload, lang = d.item, d.item.payload, d.lang
        author = render.person(d.people.get(payload["author_id"]), payload["author_id"])
        department = self.svc.org.department(request.department_key)
        dept_name = department.name if department else request.department_key
        to_group = item.chat_id < 0
        reply = self._reply_target(d)
        if payload.get("text") is not None:
            key = "notice.relay_to_group" if to_group else "notice.relay_to_requester"
            texts = render.with_user_text(lang, key, payload["text"], id=request.id,
                                          author=author, department=dept_name)
            await self._send_texts(d, texts, reply, None, "relay")
            return
        key = "notice.relay_caption_group" if to_group else "notice.relay_caption_requester"
        caption = t(lang, key, id=request.id, author=author, department=dept_name)
        if payload.get("caption"):
            # a caption takes 1,024 characters: the header, then as much as fits
            room = max(100, CAPTION_LIMIT - render.visible_len(caption) - 60)
            caption = Html(f"{caption}\n{render.clip(payload['caption'], room, lang)}")
        copied = await self._call(d, item.chat_id, lambda: self.bot.copy_message(
            item.chat_id, payload["from_chat"], payload["message_id"], caption=caption,
            parse_mode=ParseMode.HTML, reply_parameters=reply, message_thread_id=item.thread_id,
        ))
        d.posted.append(Posted(item.chat_id, copied.message_id, item.thread_id, "relay"))
        d.message_ids.append(copied.message_id)

    async def _send_notice(self, d: Delivery) -> None:
        request, lang, people = d.request, d.lang, d.people
        payload = d.item.payload
        args: dict[str, Any] = dict(payload.get("args", {}))
        template = payload["template"]
        if request is not None:
            args.setdefault("id", request.id)
            args.setdefault("type", request.type_name)
            department_key = args.get("department") or request.department_key
        else:
            department_key = args.get("department", "")
        department = self.svc.org.department(department_key)
        args["key"] = department_key
        args["department"] = department.name if department else department_key
        if "actor_id" in args:
            args["actor"] = render.person(people.get(args["actor_id"]), args["actor_id"])
        key = f"notice.{template}"
        if template == "submitted" and request is not None:
            texts = [render.submitted_text(lang, self.svc.org, request,
                                           bool(payload["args"].get("bound")))]
            await self._send_texts(d, texts, None, None, "notice")
            return
        if template == "digest":
            mentioned = payload.get("mention")
            texts = render.digest(lang, self.svc.org, payload,
                                  people.get(int(mentioned)) if mentioned else None)
            await self._send_texts(d, texts, None, None, "notice")
            return
        if "text" in args:
            text = args.pop("text")
            texts = render.with_user_text(lang, key, text, **args)
        else:
            texts = [t(lang, key, **args)]
        markup = self._keyboard(payload.get("keyboard"), lang, request)
        reply = self._reply_target(d) if (
            request is not None and payload.get("reply_to_card")) else None
        if payload.get("reply_to"):  # under the person's own message it is about
            reply = ReplyParameters(int(payload["reply_to"]), allow_sending_without_reply=True)
        await self._send_texts(d, texts, reply, markup, "notice")

    def _keyboard(self, name: str | None, lang: str, request: Request | None) -> Any:
        if request is None or name is None:
            return None
        if name == "rate":
            return keyboards.rate_only(request.id)
        cal = self.svc.org.work_calendar
        if cal.seconds(self.svc.org.rating.ask_after) > 0:
            return keyboards.review_rated(lang, request.id)  # the rating is asked later
        return keyboards.review(lang, request.id)

    async def _send_texts(self, d: Delivery, texts: Sequence[str],
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
