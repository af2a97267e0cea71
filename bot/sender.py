"""The outbox sender: the only path by which cards, notices and relays leave.

It delivers what the database says is owed, in order per chat, within
Telegram's limits; retries network errors and 5xx with backoff; obeys
``retry_after``; follows migrated groups; and stops on permanent refusals,
telling a person who can act instead of dropping the message silently.

This module is the delivery loop (which message, leases, pacing, outcomes);
``bot.outbox_render`` turns a message into Telegram calls, and
``core.delivery`` decides who is told when Telegram refuses one for good.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from enum import Enum
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Bot
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter

from bot.i18n import pick_language
from bot.limiter import retry_seconds, sender_calls
from bot.metrics import Metrics
from bot.outbox_render import Delivery, OutboxRenderer, Permanent, chat_is_gone
from bot.pacer import Pacer
from core import delivery as delivery_policy
from core import outgoing
from core.context import Services
from core.payloads import ApprovalCopy, Card, Notice, Payload, Relay, parse
from db import outbox, requests, users
from db.models import OutboxMessage, User
from db.statuses import RATED_STATUSES

log = logging.getLogger(__name__)
T = TypeVar("T")
MAX_BACKOFF = 300.0
# on stop (SIGTERM) the sender goes on delivering what is due for this long,
# finishing the message in hand, so the answer to the last update still leaves;
# whatever is left stays owed in the database for the next start
STOP_GRACE = 5.0
# a message in hand past the grace is waited for this much longer (the HTTP
# timeouts end it sooner), then given back to the outbox
STOP_HARD_LIMIT = 15.0


class LeaseLost(Exception):
    """Another sender has this message now (our lease ran out): stop sending it."""


HEADS_PER_QUERY = 200
# a wait for Telegram's limits longer than this is not slept through inside a
# send: the message is given back with its progress, and other chats go meanwhile
SHORT_WAIT = 0.2
# a message whose send keeps failing in ways Telegram did not explain (a bug of
# ours, the database in trouble) is given up after this many attempts, so it
# cannot hold its chat's later messages for ever
MAX_UNEXPLAINED_ATTEMPTS = 8
# a person whose update is being handled gets the handler's answer first, and what
# the outbox owes them after it; but never later than this because they keep writing
ANSWER_FIRST_AT_MOST = timedelta(seconds=1)


class _Outcome(Enum):
    """What one delivery did to the outbox (a wait is returned as seconds instead)."""

    SENT = "sent"
    SETTLED = "settled"  # refused for good: no longer owed, the chat's next one is due
    UNCHANGED = "unchanged"  # still owed later (a retry), or another sender's


_SENT, _SETTLED, _UNCHANGED = _Outcome.SENT, _Outcome.SETTLED, _Outcome.UNCHANGED


class Deferred(Exception):
    """A later part of a send must wait for the chat's budget: give the message back."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"waits {seconds:.1f}s for the chat's budget")
        self.seconds = seconds


class OutboxSender:
    def __init__(self, svc: Services, bot: Bot, pacer: Pacer | None = None,
                 metrics: Metrics | None = None,
                 answering: Callable[[int], bool] = lambda chat_id: False) -> None:
        self.svc, self.bot = svc, bot
        # whether an update of this person (private chat = person) is in hand now
        self.answering = answering
        self._held_for_answer: dict[int, datetime] = {}  # chat → when first held
        self.pacer = pacer or Pacer()
        self.metrics = metrics or Metrics()
        self.renderer = OutboxRenderer(svc, bot, self._call)
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._stopping = False
        self._deadline = float("inf")  # loop time after which a stopping sender stops

    # ---------------------------------------------------------------- loop
    def wake(self) -> None:
        self._wake.set()

    def answered(self, chat_id: int) -> None:
        """The updates of this person are all handled: what waits for them goes now."""
        if chat_id in self._held_for_answer:
            self._wake.set()

    def _after_the_answer(self, chat_id: int) -> bool:
        """Hold a person's message while a handler answers them: Telegram counts one
        message a second per chat, and the answer to what they just did must not
        wait a second behind a notice."""
        if chat_id <= 0 or self._stopping or not self.answering(chat_id):
            self._held_for_answer.pop(chat_id, None)
            return False
        now = self.svc.clock.now()
        since = self._held_for_answer.setdefault(chat_id, now)
        if now - since >= ANSWER_FIRST_AT_MOST:
            del self._held_for_answer[chat_id]
            return False
        return True

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
                    if self._after_the_answer(head.chat_id):
                        continue  # the handler's answer first: woken when it is out
                    # this instance's own counts first: no claim for a chat known to wait
                    if (delay := self.pacer.delay_for(head.chat_id)) > SHORT_WAIT:
                        cooling.append(delay)  # served on a later pass
                        continue
                    if self._out_of_time():
                        return delivered  # stopping: what was not claimed stays owed
                    result = await self._deliver_one(head.id)
                    if isinstance(result, float):
                        cooling.append(result)
                    elif result is not _UNCHANGED:
                        # sent, or settled for good (refused): either way the chat's
                        # next message is due now, so another pass is worth making
                        delivered += result is _SENT
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

    async def _deliver_one(self, item_id: int) -> _Outcome | float:
        """Two short transactions: the claim with everything the send reads, and
        the outcome with everything the send produced; Telegram is called between
        them, outside any transaction (SQLite has one writer). The chat's budget is
        spent right after the claim; a chat that must wait gives the message back
        and the wait is returned (seconds), so the pass goes on with other chats.
        Every later part renews the lease and records the parts before it."""
        now = self.svc.clock.now()
        delivery = await self._claim(item_id, now)
        if delivery is None:
            return _UNCHANGED  # another sender has it
        item = delivery.item
        if (delay := await self._slot(item.chat_id)) > 0:
            await self._give_back(delivery, delay)
            return delay
        try:
            with sender_calls():  # paced here and retried via the outbox, not by the limiter
                await self.renderer.send(delivery)
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
            return _UNCHANGED
        except Deferred as exc:  # a later part waits for the chat: others go meanwhile
            await self._give_back(delivery, exc.seconds)
            return exc.seconds
        except RetryAfter as exc:
            seconds = retry_seconds(exc)
            await self.pacer.hold(seconds, item.chat_id)
            await self._retry(delivery, seconds, f"retry_after {seconds}", "retry_after")
            return _UNCHANGED
        except ChatMigrated as exc:
            async with self.svc.db.transaction() as session:
                self._record(session, delivery)
                await users.migrate_chat(session, item.chat_id, exc.new_chat_id)
                await outbox.retry_later(session, item.id, delivery.attempt, now,
                                         "chat migrated", delivery.parts_done)
            self.metrics.retried.labels("migrated").inc()
            return _UNCHANGED
        except Permanent as exc:
            await self._give_up(delivery, str(exc), chat_gone=True)
            return _SETTLED
        except (Forbidden, BadRequest) as exc:
            await self._give_up(delivery, exc.message, chat_gone=chat_is_gone(exc))
            return _SETTLED
        except NetworkError as exc:  # timeouts and 5xx: it will work later
            backoff = min(MAX_BACKOFF, 2.0 ** min(item.attempts, 9))
            await self._retry(delivery, backoff, exc.message, "network")
            return _UNCHANGED
        except Exception as exc:  # our bug or the database: never a stuck lease or chat
            log.exception("outbox %s to %s failed unexpectedly", item.id, item.chat_id,
                          extra={"request": item.request_id})
            if item.attempts >= MAX_UNEXPLAINED_ATTEMPTS:
                await self._give_up(delivery, f"{type(exc).__name__}: {exc}"[:300],
                                    chat_gone=False)
            else:
                backoff = min(MAX_BACKOFF, 2.0 ** min(item.attempts, 9))
                await self._retry(delivery, backoff, type(exc).__name__, "error")
            return _UNCHANGED
        async with self.svc.db.transaction() as session:
            self._record(session, delivery)
            held = await outbox.mark_sent(session, item.id, delivery.attempt,
                                          delivery.message_ids[0]
                                          if delivery.message_ids else None)
            if delivery.refused_files and delivery.request is not None:
                delivery_policy.files_refused(session, now, delivery.request,
                                              delivery.refused_files)
            if held and delivery.posted_card and delivery.request is not None:
                await self._disarm_if_moved(session, delivery, now)
        if not held:
            log.warning("outbox %s to %s sent, but its lease had passed to another sender",
                        item.id, item.chat_id, extra={"request": item.request_id})
        self.metrics.sent.labels(item.kind).inc()
        log.debug("outbox %s (%s) to %s sent", item.id, item.kind, item.chat_id,
                  extra={"request": item.request_id})
        return _SENT

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
            await outgoing.cards(session, now, item.chat_id, item.thread_id, [request.id],
                                 moved=True)

    async def _claim(self, item_id: int, now: datetime) -> Delivery | None:
        """Lease the item and read, in the same transaction, all its send needs."""
        async with self.svc.db.transaction() as session:
            item = await outbox.claim(session, item_id, now)
            if item is None:
                return None
            try:
                payload = parse(item.kind, item.payload)
            except (KeyError, TypeError, ValueError) as exc:
                # never sendable: failed at once rather than holding its chat's queue
                log.error("outbox %s to %s failed for good: unreadable payload (%r)",
                          item.id, item.chat_id, exc, extra={"request": item.request_id})
                await outbox.mark_failed(session, item.id, item.attempts,
                                         f"unreadable payload: {exc!r}")
                self.metrics.failed.labels(item.kind).inc()
                return None
            return await self._load(session, item, payload)

    async def _load(self, session: AsyncSession, item: OutboxMessage,
                    payload: Payload) -> Delivery:
        request = (await requests.get_request(session, item.request_id)
                   if item.request_id else None)
        ids = {item.chat_id} | payload.people()
        if request is not None:
            ids |= {request.requester_id, request.assignee_id or 0}
        people = await users.get_users(session, {i for i in ids if i > 0})
        delivery = Delivery(item, payload, request, people, self._language(item, people),
                            attempt=item.attempts, parts_done=item.parts_done)
        if request is None:
            return delivery
        if isinstance(payload, ApprovalCopy):
            copy = await requests.card_message(session, request.id, item.chat_id,
                                               kind=ApprovalCopy.kind)
            delivery.card_message_id = copy.message_id if copy else None
            ids = {request.approval_decided_by or 0} - set(people)
            if ids - {0}:
                people.update(await users.get_users(session, ids - {0}))
            return delivery
        if isinstance(payload, Card):
            delivery.binding = await users.binding_for(session, request.department_key)
            if request.status in RATED_STATUSES:
                delivery.rating = await requests.get_rating(session, request.id)
        if isinstance(payload, Card) or (isinstance(payload, Notice | Relay)
                                         and payload.reply_to_card):
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
        first was counted right after the claim, each further one in _next_part."""
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
            if held:
                delivery_policy.put_off(session, now, item, request, outage=reason == "network")

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
                self.svc.known_people.forget(item.chat_id)  # their next message is written
            else:
                delivery_policy.message_refused(session, now, self.svc.org.organization.admins,
                                                item, request, error)
