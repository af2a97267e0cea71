"""Random journeys through the emulator: people press whatever the cards show,
reply, transfer, re-bind departments to other groups and topics, block the bot,
and the bot restarts and scans, in random order. After every step:

* every open request has exactly one live card (with its status and buttons)
  where its department is bound, and no card anywhere else offers buttons;
* nothing owed is left behind: the outbox has nothing due, and every message
  recorded failed went to someone who blocked the bot, about whom the
  department's group was told.

The seeds make each run repeatable; a failure names its seed and steps."""

import random
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.harness import BotUnderTest
from core.intake import create_request
from core.lifecycle import OPEN_STATUSES
from db.models import ChatBinding, OutboxMessage, Request
from emulator import BotApiEmulator
from tests.conftest import ADMIN, EXECUTOR, EXECUTOR2, HR_CHAT, IT_CHAT, OUTSIDER
from tests.e2e.flows import bind

IT2_CHAT, FORUM = -1001000000021, -1002000000022
TOPICS = (31, 32)
REQUESTERS = (2101, 2102, 2103, 2104)
STAFF = (EXECUTOR, EXECUTOR2, ADMIN, OUTSIDER)
STEPS = 40
IT_PLACES = [(IT_CHAT, None), (IT2_CHAT, None), (FORUM, TOPICS[0]), (FORUM, TOPICS[1])]


def _cards(emu: BotApiEmulator, number: int) -> list:
    """Every message that is a card of #N (live or left behind), in any chat."""
    found = []
    for chat_id in emu.chats:
        for message in emu.bot_messages(chat_id):
            if message.text.startswith(f"#{number} ·") and message.kind == "text":
                found.append(message)
    return found


def _live(message) -> bool:
    return "Status:" in message.text


class Journey:
    def __init__(self, emu: BotApiEmulator, bot: BotUnderTest, rng: random.Random) -> None:
        self.emu, self.bot, self.rng = emu, bot, rng
        self.log: list[str] = []
        self.blocked: set[int] = set()

    async def requests(self) -> list[Request]:
        async with self.bot.svc.db.reading() as session:
            return list(await session.scalars(select(Request).order_by(Request.id)))

    async def file(self) -> None:
        svc = self.bot.svc
        department = self.rng.choice(svc.org.departments)
        kind = self.rng.choice(department.request_types)
        # filing means writing to the bot, which a person who blocked it does not do
        requester = self.rng.choice([r for r in REQUESTERS if r not in self.blocked]
                                    or [REQUESTERS[0]])
        async with svc.db.transaction() as session:
            request, _ = await create_request(session, svc, requester, department, kind, [],
                                              self.rng.choice(["normal", "urgent"]), None)
        self.log.append(f"{requester} files #{request.id} for {department.key}")
        self.bot.sender.wake()

    async def press_a_card(self) -> None:
        live = [(r, m) for r in await self.requests() for m in _cards(self.emu, r.id)
                if m.buttons]
        if not live:
            return
        request, card = self.rng.choice(live)
        label = self.rng.choice([label for row in card.buttons for label, _ in row])
        chat = self.emu.chats[card.chat_id]
        who = self.rng.choice([u for u in STAFF if chat.member_status(u) not in ("left", "kicked")]
                              or [ADMIN])
        self.log.append(f"{who} presses {label} on #{request.id}")
        self.emu.users[who].press(card, label)
        await self.bot.settle()
        place = (card.chat_id, card.thread_id)
        if "Transfer" in label:
            chooser = self.emu.last_bot_message(*place)
            if chooser is None or not chooser.buttons:
                return
            target = self.rng.choice([label for row in chooser.buttons for label, _ in row])
            self.log.append(f"{who} chooses {target}")
            self.emu.users[who].press(chooser, target)
            await self.bot.settle()
        if any(word in label for word in ("Transfer", "Reject", "Need info")):
            prompt = self.emu.last_bot_message(*place)
            if prompt is not None and "reply to this message" in prompt.text:
                self.log.append(f"{who} answers the prompt")
                self.emu.users[who].send(card.chat_id, "a reason", reply_to=prompt.message_id,
                                         thread_id=card.thread_id)

    async def requester_acts(self) -> None:
        """A requester replies to, or presses a button of, a message about their request."""
        requester = self.rng.choice(REQUESTERS)
        if requester in self.blocked:
            return
        messages = [m for m in self.emu.bot_messages(requester) if "#" in m.text]
        if not messages:
            return
        message = self.rng.choice(messages[-3:])
        buttons = [label for row in message.buttons for label, _ in row]
        if buttons and self.rng.random() < 0.6:
            label = self.rng.choice(buttons)
            self.log.append(f"{requester} presses {label}")
            self.emu.users[requester].press(message, label)
        else:
            self.log.append(f"{requester} replies to a message")
            self.emu.users[requester].send(requester, "more details <&>",
                                           reply_to=message.message_id)

    async def rebind(self) -> None:
        chat_id, thread_id = self.rng.choice(IT_PLACES)
        self.log.append(f"IT is bound to {chat_id}/{thread_id}")
        self.emu.users[ADMIN].send(chat_id, "/bind it", thread_id=thread_id)

    async def block(self) -> None:
        requester = self.rng.choice(REQUESTERS)
        if requester not in self.blocked:
            self.log.append(f"{requester} blocks the bot")
            self.blocked.add(requester)
            self.emu.users[requester].block_bot()

    async def scan(self) -> None:
        self.log.append("hours pass; the scheduler scans")
        self.bot.clock.advance(timedelta(hours=self.rng.choice([1, 3, 9])))  # type: ignore[attr-defined]
        await self.bot.scan()

    async def restart(self) -> None:
        self.log.append("the bot restarts")
        await self.bot.stop()
        self.bot = BotUnderTest(self.emu, self.bot.database_url, self.bot.org, self.bot.clock)
        await self.bot.start()

    async def check(self) -> None:
        svc = self.bot.svc
        assert svc is not None
        async with svc.db.reading() as session:
            bindings = {b.department_key: (b.chat_id, b.thread_id)
                        for b in await session.scalars(select(ChatBinding))}
            failed = list(await session.scalars(
                select(OutboxMessage).where(OutboxMessage.status == "failed")))
            due = list(await session.scalars(select(OutboxMessage).where(
                OutboxMessage.status == "pending", OutboxMessage.due_at <= svc.clock.now())))
        assert due == [], "owed messages left behind"
        for request in await self.requests():
            cards = _cards(self.emu, request.id)
            place = bindings.get(request.department_key)
            live_here = [m for m in cards if _live(m) and place is not None
                         and (m.chat_id, m.thread_id) == place]
            if request.status in OPEN_STATUSES and place is not None:
                assert len(live_here) == 1, f"#{request.id} ({request.status}): " \
                    f"{len(live_here)} live cards at {place}"
                working = request.status in ("new", "in_progress", "waiting")
                assert bool(live_here[0].buttons) == working, \
                    f"#{request.id} ({request.status}): buttons {live_here[0].buttons}"
            for message in cards:
                if message.buttons:
                    assert message in live_here and request.status in (
                        "new", "in_progress", "waiting"), \
                        f"#{request.id} ({request.status}) offers buttons in {message.chat_id}"
        for item in failed:
            assert item.chat_id in self.blocked, f"a message to {item.chat_id} failed"
        # the department's chat, or the admins where the department has none
        told = "\n".join(m.text for chat in [*bindings.values(), (ADMIN, None)]
                         for m in self.emu.bot_messages(chat[0]))
        for requester in {item.chat_id for item in failed}:
            name = f"Requester{requester}"
            assert f"{name} cannot receive my messages" in told, \
                f"nobody told of {requester}: {[(i.kind, i.payload) for i in failed]}"


@pytest.mark.parametrize("seed", [11, 12, 13, 14, 15])
async def test_random_journeys_keep_every_promise(emu, database_url, org, clock, seed):
    emu.add_group(IT2_CHAT, "IT desk 2", members=(ADMIN, EXECUTOR, EXECUTOR2, OUTSIDER))
    forum = emu.add_group(FORUM, "Company forum", forum=True,
                          members=(ADMIN, EXECUTOR, EXECUTOR2, OUTSIDER))
    for topic in TOPICS:
        forum.add_topic(topic, f"Topic {topic}")
    for requester in REQUESTERS:
        emu.add_user(requester, f"Requester{requester}", language_code="en")
    rng = random.Random(seed)
    journey = Journey(emu, BotUnderTest(emu, database_url, org, clock), rng)
    await journey.bot.start()
    try:
        for requester in REQUESTERS:
            emu.users[requester].send(requester, "/start")
        await bind(emu, journey.bot)
        await bind(emu, journey.bot, HR_CHAT, "hr")  # finance stays unbound
        steps = ([journey.file] * 4 + [journey.press_a_card] * 6 + [journey.requester_acts] * 3
                 + [journey.rebind, journey.scan, journey.restart, journey.block])
        for _ in range(3):
            await journey.file()
        for _ in range(STEPS):
            await rng.choice(steps)()
            await journey.bot.settle()
            try:
                await journey.check()
            except AssertionError as exc:
                raise AssertionError(f"seed {seed}: {exc}\n" + "\n".join(journey.log)) from exc
    finally:
        await journey.bot.stop()
