"""The outbox sender: the only path by which cards, notices and relays leave.

It delivers what the database says is owed, in order per chat, within
Telegram's limits; retries network errors and 5xx with backoff; obeys
``retry_after``; follows migrated groups; and stops on permanent refusals,
telling a person who can act instead of dropping the message silently.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from telegram import Bot, Message, ReplyParameters
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter

from bot import keyboards, render
from bot.i18n import Html, pick_language, t
from bot.metrics import Metrics
from bot.pacer import Pacer
from core.context import Services
from core.outgoing import notify, notify_group
from db import outbox, requests, users
from db.models import OutboxMessage, Request, User

log = logging.getLogger(__name__)
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
        """Deliver everything due now; return how many messages were delivered."""
        delivered = 0
        while True:
            now = self.svc.clock.now()
            async with self.svc.db.transaction() as session:
                items = await outbox.due_items(session, now, limit=100)
            if not items:
                return delivered
            progressed = False
            held: set[int] = set()  # chats whose earlier message must go first
            for item in items:
                if item.chat_id in held:
                    continue
                if self.pacer.delay_for(item.chat_id) > 0.2:
                    held.add(item.chat_id)  # serve other chats while this one cools down
                    continue
                result = await self._deliver_one(item)
                if result:
                    delivered += 1
                    progressed = True
                else:
                    held.add(item.chat_id)
                if self._out_of_time():
                    return delivered
            if not progressed:
                return delivered

    async def _deliver_one(self, item: OutboxMessage) -> bool:
        # wait for Telegram's limits before the lease, so the lease covers the send only
        await self.pacer.wait(item.chat_id)
        if self._out_of_time():
            return False  # stopping: what was not claimed stays owed
        now = self.svc.clock.now()
        async with self.svc.db.transaction() as session:
            if not await outbox.claim(session, item.id, now):
                return False  # another sender has it
        try:
            try:
                message_ids = await self._send(item)
            finally:
                self.pacer.sent(item.chat_id)
        except asyncio.CancelledError:
            # stopped mid-send past the hard limit: give the message back at once
            # instead of leaving it leased until the lease ends
            async with self.svc.db.transaction() as session:
                await outbox.retry_later(session, item.id, self.svc.clock.now(),
                                         "stopped while sending")
            log.warning("outbox %s to %s given back: stopped while sending", item.id,
                        item.chat_id, extra={"request": item.request_id})
            raise
        except RetryAfter as exc:
            delay = exc.retry_after
            seconds = delay.total_seconds() if isinstance(delay, timedelta) else float(delay)
            self.pacer.pause(seconds)
            await self._retry(item, seconds, f"retry_after {seconds}", "retry_after")
            return False
        except ChatMigrated as exc:
            async with self.svc.db.transaction() as session:
                await users.migrate_chat(session, item.chat_id, exc.new_chat_id)
                await outbox.retry_later(session, item.id, now, "chat migrated")
            self.metrics.retried.labels("migrated").inc()
            return False
        except Permanent as exc:
            await self._give_up(item, str(exc))
            return False
        except (Forbidden, BadRequest) as exc:
            await self._give_up(item, exc.message)
            return False
        except NetworkError as exc:  # timeouts and 5xx: it will work later
            backoff = min(MAX_BACKOFF, 2.0 ** min(item.attempts + 1, 9))
            await self._retry(item, backoff, exc.message, "network")
            return False
        async with self.svc.db.transaction() as session:
            await outbox.mark_sent(session, item.id, message_ids[0] if message_ids else None)
        self.metrics.sent.labels(item.kind).inc()
        log.debug("outbox %s (%s) to %s sent", item.id, item.kind, item.chat_id,
                  extra={"request": item.request_id})
        return True

    async def _retry(self, item: OutboxMessage, seconds: float, error: str,
                     reason: str) -> None:
        now = self.svc.clock.now()
        self.metrics.retried.labels(reason).inc()
        log.warning("outbox %s to %s retried in %.0fs: %s", item.id, item.chat_id, seconds, error,
                    extra={"request": item.request_id})
        async with self.svc.db.transaction() as session:
            await outbox.retry_later(session, item.id, now + timedelta(seconds=seconds), error)
            if item.kind == "card" and item.attempts == 0 and item.request_id:
                # the first failure of a card: the requester learns it is delayed, once
                request = await requests.get_request(session, item.request_id)
                if request is not None:
                    outbox.enqueue(session, now, chat_id=request.requester_id, kind="notice",
                                   request_id=request.id,
                                   payload={"template": "delayed", "args": {}})

    async def _give_up(self, item: OutboxMessage, error: str) -> None:
        """Telegram refuses for good: stop retrying and tell someone who can act."""
        now = self.svc.clock.now()
        self.metrics.failed.labels(item.kind).inc()
        log.error("outbox %s to %s failed for good: %s", item.id, item.chat_id, error,
                  extra={"request": item.request_id})
        async with self.svc.db.transaction() as session:
            await outbox.mark_failed(session, item.id, error)
            request = (await requests.get_request(session, item.request_id)
                       if item.request_id else None)
            if item.chat_id > 0:
                person = (await users.get_users(session, {item.chat_id})).get(item.chat_id)
                newly = person is None or not person.blocked
                await users.mark_unreachable(session, item.chat_id)
                if newly and request is not None and item.chat_id == request.requester_id:
                    # the department must know the requester cannot hear them
                    await notify_group(session, now, request.department_key,
                                       "requester_unreachable", request,
                                       actor_id=request.requester_id)
                return
            # a department's chat is gone: the admins must re-bind it, and the
            # requester learns that their request waits
            for binding in await users.bindings(session):
                if binding.chat_id != item.chat_id:
                    continue
                for admin in self.svc.org.organization.admins:
                    outbox.enqueue(session, now, chat_id=admin, kind="notice",
                                   payload={"template": "unreachable",
                                            "args": {"department": binding.department_key,
                                                     "error": error[:200]}})
            if request is not None and item.kind == "card":
                notify(session, now, request.requester_id, "chat_unreachable", request)

    # ---------------------------------------------------------------- rendering
    async def _context(self, item: OutboxMessage) -> tuple[Request | None, dict[int, User], str]:
        async with self.svc.db.transaction() as session:
            request = (await requests.get_request(session, item.request_id)
                       if item.request_id else None)
            ids = {item.chat_id}
            if request is not None:
                ids |= {request.requester_id, request.assignee_id or 0}
            author = item.payload.get("author_id") or item.payload.get("args", {}).get("actor_id")
            if author:
                ids.add(int(author))
            people = await users.get_users(session, {i for i in ids if i > 0})
        fallback = self.svc.org.organization.language
        recipient = people.get(item.chat_id)
        lang = pick_language(recipient.language_code if recipient else None, fallback)
        if item.chat_id < 0:
            lang = fallback  # groups read the organisation's language
        return request, people, lang

    async def _send(self, item: OutboxMessage) -> list[int]:
        if item.chat_id > 0:
            async with self.svc.db.transaction() as session:
                user = (await users.get_users(session, {item.chat_id})).get(item.chat_id)
            if user is not None and user.blocked:
                raise Permanent("the user blocked the bot or never started it")
        request, people, lang = await self._context(item)
        if item.kind == "card":
            assert request is not None
            return await self._send_card(item, request, people, lang)
        if item.kind == "relay":
            assert request is not None
            return await self._send_relay(item, request, people, lang)
        return await self._send_notice(item, request, people, lang)

    async def _send_card(self, item: OutboxMessage, request: Request, people: dict[int, User],
                         lang: str) -> list[int]:
        now = self.svc.clock.now()
        async with self.svc.db.transaction() as session:
            shown = await requests.card_message(session, request.id, item.chat_id)
            rating = await requests.get_rating(session, request.id)
            binding = await users.binding_for(session, request.department_key)
        here = binding is not None and binding.chat_id == item.chat_id
        if here:
            text = render.card_text(lang, self.svc.org, request, people, now,
                                    rating.score if rating else None,
                                    rating.comment if rating else None)
            markup = keyboards.card(lang, request.id, request.status)
        else:
            department = self.svc.org.department(request.department_key)
            text = t(lang, "card.transferred", id=request.id, type=request.type_name,
                     department=department.name if department else request.department_key)
            markup = None
        if shown is not None:
            try:
                await self.bot.edit_message_text(text, item.chat_id, shown.message_id,
                                                 parse_mode=ParseMode.HTML, reply_markup=markup)
                return [shown.message_id]
            except BadRequest as exc:
                if "not modified" in exc.message.lower():
                    return [shown.message_id]
                if "not found" not in exc.message.lower():
                    raise
                # the card was deleted in the group: post it again below
        if not here:
            return []
        message = await self.bot.send_message(
            item.chat_id, text, parse_mode=ParseMode.HTML, reply_markup=markup,
            message_thread_id=item.thread_id,
        )
        await self._record(request.id, message, "card")
        await self._send_files(request, message, lang)
        return [message.message_id]

    async def _send_files(self, request: Request, card: Message, lang: str) -> None:
        """The photos and documents of the brief, as replies to the card."""
        for answer in request.answers:
            file_id = answer.get("file_id")
            if not file_id:
                continue
            caption = t(lang, "card.title", id=request.id, type=answer["label"])
            reply = ReplyParameters(card.message_id, allow_sending_without_reply=True)
            await self.pacer.wait(card.chat_id)
            if answer.get("file_kind") == "photo":
                sent = await self.bot.send_photo(card.chat_id, file_id, caption=caption,
                                                 parse_mode=ParseMode.HTML,
                                                 reply_parameters=reply,
                                                 message_thread_id=card.message_thread_id)
            else:
                sent = await self.bot.send_document(card.chat_id, file_id, caption=caption,
                                                    parse_mode=ParseMode.HTML,
                                                    reply_parameters=reply,
                                                    message_thread_id=card.message_thread_id)
            self.pacer.sent(card.chat_id)
            await self._record(request.id, sent, "relay")

    async def _reply_target(self, item: OutboxMessage, request: Request) -> ReplyParameters | None:
        async with self.svc.db.transaction() as session:
            if item.payload.get("reply_to_card"):
                card = await requests.card_message(session, request.id, item.chat_id)
                target = card.message_id if card else None
            else:
                target = await requests.last_notice(session, request.id, item.chat_id)
        return ReplyParameters(target, allow_sending_without_reply=True) if target else None

    async def _send_relay(self, item: OutboxMessage, request: Request, people: dict[int, User],
                          lang: str) -> list[int]:
        payload = item.payload
        author = render.person(people.get(payload["author_id"]), payload["author_id"])
        department = self.svc.org.department(request.department_key)
        dept_name = department.name if department else request.department_key
        to_group = item.chat_id < 0
        reply = await self._reply_target(item, request)
        if payload.get("text") is not None:
            key = "notice.relay_to_group" if to_group else "notice.relay_to_requester"
            texts = render.with_user_text(lang, key, payload["text"], id=request.id,
                                          author=author, department=dept_name)
            return await self._send_texts(item, request, texts, reply, None, "relay")
        key = "notice.relay_caption_group" if to_group else "notice.relay_caption_requester"
        caption = t(lang, key, id=request.id, author=author, department=dept_name)
        if payload.get("caption"):
            caption = Html(f"{caption}\n{render.clip(payload['caption'], 800, lang)}")
        copied = await self.bot.copy_message(
            item.chat_id, payload["from_chat"], payload["message_id"], caption=caption,
            parse_mode=ParseMode.HTML, reply_parameters=reply, message_thread_id=item.thread_id,
        )
        async with self.svc.db.transaction() as session:
            requests.record_message(session, request.id, item.chat_id, copied.message_id,
                                    "relay", self.svc.clock.now(), item.thread_id)
        return [copied.message_id]

    async def _send_notice(self, item: OutboxMessage, request: Request | None,
                           people: dict[int, User], lang: str) -> list[int]:
        payload = item.payload
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
            return await self._send_texts(item, request, texts, None, None, "notice")
        if template == "digest":
            mentioned = payload.get("mention")
            if mentioned:
                async with self.svc.db.transaction() as session:
                    people.update(await users.get_users(session, {int(mentioned)}))
            texts = [render.digest(lang, self.svc.org, payload,
                                   people.get(int(mentioned)) if mentioned else None)]
            return await self._send_texts(item, request, texts, None, None, "notice")
        if "text" in args:
            text = args.pop("text")
            texts = render.with_user_text(lang, key, text, **args)
        else:
            texts = [t(lang, key, **args)]
        markup = self._keyboard(payload.get("keyboard"), lang, request)
        reply = await self._reply_target(item, request) if (
            request is not None and payload.get("reply_to_card")) else None
        return await self._send_texts(item, request, texts, reply, markup, "notice")

    def _keyboard(self, name: str | None, lang: str, request: Request | None) -> Any:
        if request is None or name is None:
            return None
        if name == "rate":
            return keyboards.rate_only(request.id)
        cal = self.svc.org.work_calendar
        if cal.seconds(self.svc.org.rating.ask_after) > 0:
            return keyboards.review_rated(lang, request.id)  # the rating is asked later
        return keyboards.review(lang, request.id)

    async def _send_texts(self, item: OutboxMessage, request: Request | None,
                          texts: Sequence[str], reply: ReplyParameters | None, markup: Any,
                          kind: str) -> list[int]:
        ids = []
        # only the last part carries the buttons
        for index, text in enumerate(texts):
            last = index == len(texts) - 1
            if index:
                await self.pacer.wait(item.chat_id)
            message = await self.bot.send_message(
                item.chat_id, text, parse_mode=ParseMode.HTML,
                reply_markup=markup if last else None,
                reply_parameters=reply if not index else None,
                message_thread_id=item.thread_id,
            )
            self.pacer.sent(item.chat_id)
            ids.append(message.message_id)
            if request is not None:
                await self._record(request.id, message, kind)
        return ids

    async def _record(self, request_id: int, message: Message, kind: str) -> None:
        now: datetime = self.svc.clock.now()
        async with self.svc.db.transaction() as session:
            requests.record_message(session, request_id, message.chat_id, message.message_id,
                                    kind, now, message.message_thread_id)
