"""`baton demo`: the whole flow against the built-in Bot API emulator, offline.

A requester, an executor and a manager take one request from /new to a
5-star rating; the requester finds it again with /find and sees its whole
story with /show; the transcript shows what each of them saw.
"""

from __future__ import annotations

import asyncio
import tempfile
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.harness import BotUnderTest, sqlite_url
from bot.i18n import plain
from core.clock import FakeClock
from core.org import EXAMPLE_ORG, load_org
from emulator import BotApiEmulator

ADMIN, REQUESTER, EXECUTOR = 1001, 2001, 3001
IT_CHAT = -1001000000001


class Transcript:
    def __init__(self, emu: BotApiEmulator, names: dict[int, str]) -> None:
        self.emu, self.names, self.seen = emu, names, 0

    def flush(self) -> None:
        calls = [c for c in self.emu.calls[self.seen:]
                 if c.ok and c.method in ("sendMessage", "editMessageText", "sendPhoto",
                                          "sendDocument", "copyMessage")]
        self.seen = len(self.emu.calls)
        for call in calls:
            chat = int(call.params.get("chat_id", 0))
            where = self.names.get(chat, str(chat))
            verb = "edits its message in" if call.method == "editMessageText" else "→"
            print(f"\n  🤖 Baton {verb} {where}:")
            result = call.result if isinstance(call.result, dict) else {}
            text = result.get("text") or result.get("caption") or ""
            if "photo" in result or "document" in result:
                kind = "chart image" if "photo" in result else "file"
                name = (result.get("document") or {}).get("file_name", "")
                text = f"[{kind} {name}]\n{text}".strip()
            for line in text.splitlines() or [""]:
                print(textwrap.indent(textwrap.fill(line, 76) if line else "", "     │ "))
            markup = call.params.get("reply_markup") or {}
            rows = markup.get("inline_keyboard", []) if isinstance(markup, dict) else []
            if rows:
                print("     │ " + "  ".join(f"[{b['text']}]" for row in rows for b in row))
            keys = markup.get("keyboard", []) if isinstance(markup, dict) else []
            if keys:  # a reply keyboard, under the input field
                print("     ⌨ " + "  ".join(f"[{b if isinstance(b, str) else b['text']}]"
                                            for row in keys for b in row))

    def person(self, who: str, where: str, what: str) -> None:
        print(f"\n👤 {who} ({where}): {what}")


async def play(lang: str = "en") -> None:
    loaded = load_org(EXAMPLE_ORG)
    org = loaded.model_copy(update={"organization": loaded.organization.model_copy(
        update={"language": lang})})
    label = {key: plain(lang, f"button.{key}") for key in
             ("take", "done", "submit", "accept", "urgent", "pick_people")}
    emu = BotApiEmulator(bot_username="baton_demo_bot")
    await emu.start()
    emu.add_user(ADMIN, "Anna", last_name="Smirnova", language_code=lang)
    emu.add_user(REQUESTER, "Rita", last_name="Ivanova", language_code=lang)
    emu.add_user(EXECUTOR, "Egor", last_name="Petrov", language_code=lang)
    emu.add_group(IT_CHAT, "IT desk", members=(ADMIN, EXECUTOR))
    names = {REQUESTER: "Rita (private chat)", EXECUTOR: "Egor (private chat)",
             ADMIN: "Anna (private chat)", IT_CHAT: "the IT desk group"}
    out = Transcript(emu, names)
    with tempfile.TemporaryDirectory() as folder:
        clock = FakeClock(datetime(2026, 11, 23, 7, 0, tzinfo=UTC))
        bot = BotUnderTest(emu, sqlite_url(Path(folder)), org, clock)
        await bot.start()
        users = emu.users

        async def say(user: int, chat: int, text: str, who: str, where: str) -> None:
            clock.advance(timedelta(minutes=7))  # people take a moment between steps
            out.person(who, where, text)
            users[user].send(chat, text)
            await bot.settle()
            out.flush()

        async def tap(user: int, chat: int, label: str, who: str, where: str) -> None:
            clock.advance(timedelta(minutes=7))
            out.person(who, where, f"presses [{label}]")
            message = next(m for m in reversed(emu.chat_messages(chat))
                           if any(label == text for row in m.buttons for text, _ in row))
            users[user].press(message, label)
            await bot.settle()
            out.flush()

        async def pick(user: int, label: str, people: list[int], who: str, where: str) -> None:
            """Telegram's user picker under the input field: people chosen there."""
            clock.advance(timedelta(minutes=7))
            chosen = ", ".join(names[p].split(" (")[0] for p in people)
            out.person(who, where, f"presses [{label}] and picks {chosen}")
            users[user].share_users(label, people)
            await bot.settle()
            out.flush()

        async def reply(user: int, chat: int, text: str, who: str, where: str,
                        card_of: int | None = None) -> None:
            """A Telegram reply: to the card in the group, or to the bot's last message."""
            bot_messages = emu.bot_messages(chat)
            if card_of is not None:
                target = next(m for m in bot_messages if m.text.startswith(f"#{card_of} ·"))
            else:
                target = bot_messages[-1]
            out.person(who, where, f"replies to «{target.text.splitlines()[0][:40]}»: {text}")
            users[user].send(chat, text, reply_to=target.message_id)
            await bot.settle()
            out.flush()

        print("Baton demo: one request from /new to a rating, against the built-in emulator.")
        print("(Organisation: org.example.toml. The clock starts on Monday 23.11.2026"
              " at 10:00 Moscow time"
              " and moves 7 minutes with each step.)")
        await say(ADMIN, IT_CHAT, "/bind it", "Anna, admin", "IT desk group")
        await say(REQUESTER, REQUESTER, "/new", "Rita", "private")
        await tap(REQUESTER, REQUESTER, "IT", "Rita", "private")
        await tap(REQUESTER, REQUESTER, "Access to a system", "Rita", "private")
        await say(REQUESTER, REQUESTER, "1C <Accounting> & Payroll", "Rita", "private")
        await tap(REQUESTER, REQUESTER, "Write", "Rita", "private")
        await say(REQUESTER, REQUESTER, "31.02.2026", "Rita", "private")
        await say(REQUESTER, REQUESTER, "01.12.2026", "Rita", "private")
        await tap(REQUESTER, REQUESTER, label["urgent"], "Rita", "private")
        await pick(REQUESTER, label["pick_people"], [ADMIN], "Rita", "private")
        await tap(REQUESTER, REQUESTER, label["submit"], "Rita", "private")
        await say(ADMIN, IT_CHAT, "/queue", "Anna, manager", "IT desk group")
        await tap(EXECUTOR, IT_CHAT, label["take"], "Egor", "IT desk group")
        await reply(EXECUTOR, IT_CHAT, "Which role in 1C do you need: accountant or cashier?",
                    "Egor", "IT desk group", card_of=1)
        await reply(REQUESTER, REQUESTER, "Accountant, please.", "Rita", "private")
        await tap(EXECUTOR, IT_CHAT, label["done"], "Egor", "IT desk group")
        await tap(REQUESTER, REQUESTER, "5", "Rita", "private")
        await say(REQUESTER, REQUESTER, "Thank you, works perfectly!", "Rita", "private")
        await tap(REQUESTER, REQUESTER, label["accept"], "Rita", "private")
        await say(REQUESTER, REQUESTER, "/my", "Rita", "private")
        await say(ADMIN, ADMIN, "/stats 7 it", "Anna, manager", "private")
        await say(ADMIN, ADMIN, "/export 7 it", "Anna, manager", "private")
        await say(REQUESTER, REQUESTER, "/find 1c", "Rita", "private")
        await say(REQUESTER, REQUESTER, "/show_1", "Rita", "private")
        await bot.stop()
    await emu.stop()
    print("\nDone: the request went from /new to a 5-star rating, the manager saw it in"
          " /stats and /export, and /show told its whole story.")


def main(lang: str = "en") -> None:
    asyncio.run(play(lang))
