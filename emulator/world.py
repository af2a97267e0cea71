"""The emulated Telegram world: users, chats, messages, files and the update queue.

This layer knows nothing about HTTP. Tests drive it through :class:`EmuUser` actions
and the ``add_*``/``migrate_group`` helpers, and observe it through ``chat_messages``
and friends; ``methods.py`` implements the Bot API on top of it.
"""

from __future__ import annotations

import asyncio
import itertools
import time
import zlib
from collections.abc import Callable, Iterable

from .model import (
    FILE_KINDS,
    JSON,
    MEDIA_DEFAULTS,
    ApiCall,
    ApiError,
    CallbackQueryState,
    EmuChat,
    EmuGroup,
    EmuMessage,
    EmuUser,
    StoredFile,
    command_entities,
)

__all__ = [
    "FILE_KINDS",
    "JSON",
    "MEDIA_DEFAULTS",
    "ApiCall",
    "ApiError",
    "CallbackQueryState",
    "EmuChat",
    "EmuGroup",
    "EmuMessage",
    "EmuUser",
    "StoredFile",
    "World",
    "command_entities",
]


class World:
    """State shared by the test-side API and the Bot API methods."""

    def __init__(
        self,
        token: str,
        bot_username: str,
        *,
        bot_id: int | None = None,
        bot_first_name: str = "Baton Test Bot",
    ) -> None:
        self.token = token
        self.bot_user: JSON = {
            "id": bot_id if bot_id is not None else int(token.split(":", 1)[0]),
            "is_bot": True,
            "first_name": bot_first_name,
            "username": bot_username,
        }
        self.clock: Callable[[], float] = time.monotonic  # for limits / query expiry
        self.wall_clock: Callable[[], float] = time.time  # for message dates
        self.users: dict[int, EmuUser] = {}
        self.chats: dict[int, EmuChat] = {}
        self.files: dict[str, StoredFile] = {}
        self.update_log: list[JSON] = []
        self.callback_queries: dict[str, CallbackQueryState] = {}
        self.callback_answers: dict[str, tuple[str | None, bool]] = {}
        self.left_chats: list[int] = []
        self._updates: list[tuple[JSON, bool]] = []  # (update, handed out at least once)
        self._update_ids = itertools.count(100_000)
        self._query_ids = itertools.count(4_000_000_000_000_000)
        self._file_ids = itertools.count(1)
        self._poll_ids = itertools.count(5_000_000_000_000_000_000)
        self._update_event = asyncio.Event()

    # --- setup -------------------------------------------------------------------------

    def add_user(
        self,
        user_id: int,
        first_name: str,
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "en",
        started: bool = True,
        is_premium: bool | None = None,
    ) -> EmuUser:
        user: JSON = {"id": user_id, "is_bot": False, "first_name": first_name}
        for key, value in (
            ("last_name", last_name),
            ("username", username),
            ("language_code", language_code),
            ("is_premium", is_premium),
        ):
            if value is not None:
                user[key] = value
        emu_user = EmuUser(self, user, started=started)
        self.users[user_id] = emu_user
        self.chats[user_id] = EmuChat(id=user_id, type="private", user_id=user_id)
        return emu_user

    def add_group(
        self,
        chat_id: int,
        title: str,
        *,
        forum: bool = False,
        members: Iterable[int] = (),
        admins: Iterable[int] = (),
        creator: int | None = None,
        bot_member: bool = True,
        bot_admin: bool = False,
        supergroup: bool | None = None,
        username: str | None = None,
    ) -> EmuChat:
        """A group; supergroup if ``forum`` or the id looks like ``-100…`` (unless overridden)."""
        if supergroup is None:
            supergroup = forum or str(chat_id).startswith("-100")
        if forum and not supergroup:
            raise ValueError("forums are always supergroups")
        chat = EmuChat(
            id=chat_id,
            username=username,
            type="supergroup" if supergroup else "group",
            title=title,
            forum=forum,
        )
        for uid in members:
            chat.members[uid] = "member"
        for uid in admins:
            chat.members[uid] = "administrator"
        if creator is not None:
            chat.members[creator] = "creator"
        chat.bot_status = ("administrator" if bot_admin else "member") if bot_member else "left"
        self.chats[chat_id] = chat
        return chat

    def next_poll_id(self) -> int:
        return next(self._poll_ids)

    def user(self, user_id: int) -> EmuUser:
        return self.users[user_id]

    # --- JSON builders -----------------------------------------------------------------

    def now(self) -> int:
        return int(self.wall_clock())

    def user_json(self, user_id: int) -> JSON:
        if user_id == self.bot_user["id"]:
            return dict(self.bot_user)
        return dict(self.users[user_id].json)

    def chat_json(self, chat: EmuChat) -> JSON:
        if chat.type == "private":
            user = self.users[chat.id].json
            out: JSON = {"id": chat.id, "type": "private", "first_name": user["first_name"]}
            for key in ("last_name", "username"):
                if key in user:
                    out[key] = user[key]
            return out
        out = {"id": chat.id, "type": chat.type, "title": chat.title}
        if chat.username:
            out["username"] = chat.username
        if chat.forum:
            out["is_forum"] = True
        return out

    def message_json(self, msg: EmuMessage, *, with_reply: bool = True) -> JSON:
        chat = self.chats[msg.chat_id]
        out: JSON = {
            "message_id": msg.message_id,
            "from": self.user_json(msg.sender_id),
            "chat": self.chat_json(chat),
            "date": msg.date,
        }
        if msg.thread_id is not None:
            out["message_thread_id"] = msg.thread_id
        if msg.is_topic_message:
            out["is_topic_message"] = True
        if with_reply and msg.reply_to_message_id is not None:
            replied = chat.messages.get(msg.reply_to_message_id)
            if replied is not None and not replied.deleted:
                out["reply_to_message"] = self.message_json(replied, with_reply=False)
        out.update(msg.extra)
        if msg.edit_date is not None:
            out["edit_date"] = msg.edit_date
        if msg.kind == "text":
            out["text"] = msg.text
            if msg.entities:
                out["entities"] = msg.entities
        else:
            out.update(msg.media)
            if msg.text:
                out["caption"] = msg.text
                if msg.entities:
                    out["caption_entities"] = msg.entities
        if msg.reply_markup:
            out["reply_markup"] = msg.reply_markup
        return out

    # --- files -------------------------------------------------------------------------

    def new_file(
        self,
        kind: str,
        data: bytes,
        *,
        file_name: str | None = None,
        mime_type: str | None = None,
        file_id: str | None = None,
    ) -> StoredFile:
        n = next(self._file_ids)
        unique = f"U{kind[:3]}{n:06d}"
        stored = StoredFile(
            file_id or f"EMU-{kind}-{n:06d}-{zlib.crc32(data):08x}",
            unique,
            kind,
            data,
            file_name,
            mime_type,
        )
        self.files[stored.file_id] = stored
        return stored

    def media_json(self, kind: str, stored: StoredFile) -> JSON:
        base: JSON = {
            "file_id": stored.file_id,
            "file_unique_id": stored.unique_id,
            "file_size": len(stored.data),
        }
        if kind == "photo":
            # Telegram returns several sizes; the last (largest) carries the sent file_id.
            thumb = {
                **base,
                "file_id": stored.file_id + "-s",
                "file_unique_id": stored.unique_id + "s",
                "width": 90,
                "height": 90,
            }
            return {"photo": [thumb, {**base, "width": 1280, "height": 960}]}
        obj = {**base, **MEDIA_DEFAULTS[kind]}
        if stored.file_name and kind in ("document", "audio", "video", "animation"):
            obj["file_name"] = stored.file_name
        if stored.mime_type:
            obj["mime_type"] = stored.mime_type
        return {kind: obj}

    # --- updates -----------------------------------------------------------------------

    def enqueue_update(self, payload: JSON) -> JSON:
        update = {"update_id": next(self._update_ids), **payload}
        self._updates.append((update, False))
        self.update_log.append(update)  # every update ever sent, for redelivery tests
        # Wake every long-polling getUpdates at once, then arm a fresh event.
        self._update_event.set()
        self._update_event = asyncio.Event()
        return update

    def file_bytes(self, message: EmuMessage) -> bytes:
        """The content of a photo or document message (the largest photo size)."""
        media = message.media
        if "document" in media:
            file_id = media["document"]["file_id"]
        elif "photo" in media:
            file_id = media["photo"][-1]["file_id"]
        else:
            raise LookupError(f"message {message.message_id} carries no file")
        return self.files[file_id].data

    def redeliver(self, update_id: int) -> None:
        """Send an update again, as Telegram does after a restart that did not
        confirm its offset (or a webhook retry)."""
        update = next(u for u in self.update_log if u["update_id"] == update_id)
        self._updates.append((update, False))
        self._update_event.set()
        self._update_event = asyncio.Event()

    def pending_update_count(self) -> int:
        """Updates not yet confirmed by a getUpdates ``offset``."""
        return len(self._updates)

    def undelivered_update_count(self) -> int:
        """Updates never returned by any getUpdates response."""
        return sum(1 for _, delivered in self._updates if not delivered)

    def confirm_updates(self, offset: int) -> None:
        if offset < 0:
            self._updates = self._updates[offset:]
        else:
            self._updates = [u for u in self._updates if u[0]["update_id"] >= offset]

    def take_updates(self, limit: int) -> list[JSON]:
        batch = self._updates[:limit]
        self._updates[: len(batch)] = [(u, True) for u, _ in batch]
        return [u for u, _ in batch]

    def emit_my_chat_member(self, chat_id: int, by_user_id: int, old: str, new: str) -> None:
        self.enqueue_update(
            {
                "my_chat_member": {
                    "chat": self.chat_json(self.chats[chat_id]),
                    "from": self.user_json(by_user_id),
                    "date": self.now(),
                    "old_chat_member": self.member_json(self.bot_user["id"], old),
                    "new_chat_member": self.member_json(self.bot_user["id"], new),
                }
            }
        )

    def member_json(self, user_id: int, status: str) -> JSON:
        out: JSON = {"status": status, "user": self.user_json(user_id)}
        if status == "creator":
            out["is_anonymous"] = False
        elif status == "administrator":
            out.update({"can_be_edited": False, "is_anonymous": False})
            for right in (
                "manage_chat",
                "delete_messages",
                "manage_video_chats",
                "restrict_members",
                "promote_members",
                "change_info",
                "invite_users",
                "post_stories",
                "edit_stories",
                "delete_stories",
                "pin_messages",
                "manage_topics",
            ):
                out[f"can_{right}"] = right != "promote_members"
        elif status == "kicked":
            out["until_date"] = 0
        return out

    def private_bot_status(self, user: EmuUser) -> str:
        if user.blocked:
            return "kicked"
        return "member" if user.started else "left"

    # --- world events --------------------------------------------------------------------

    def bot_can_receive(self, chat: EmuChat) -> bool:
        if chat.type == "private":
            user = self.users[chat.id]
            return user.started and not user.blocked
        return chat.bot_is_member and chat.migrated_to is None

    def store_message(self, chat: EmuChat, msg_kwargs: JSON) -> EmuMessage:
        msg = EmuMessage(
            message_id=chat.next_message_id, chat_id=chat.id, date=self.now(), **msg_kwargs
        )
        chat.next_message_id += 1
        if chat.forum and msg.thread_id is not None:
            msg.is_topic_message = True
        chat.messages[msg.message_id] = msg
        return msg

    def user_message(
        self,
        user: EmuUser,
        chat_id: int,
        kind: str,
        *,
        text: str = "",
        entities: list[JSON] | None = None,
        media: JSON | None = None,
        reply_to: int | None = None,
        thread_id: int | None = None,
        extra: JSON | None = None,
    ) -> JSON:
        chat = self.chats.get(chat_id)
        if chat is None:
            raise LookupError(f"unknown chat {chat_id}")
        if chat.migrated_to is not None:
            raise ValueError(f"chat {chat_id} migrated to {chat.migrated_to}")
        if chat.type == "private":
            if chat_id != user.id:
                raise ValueError("a user can only message the bot in their own private chat")
            user.started, user.blocked = True, False  # writing to the bot (re)starts it
        elif chat.member_status(user.id) in ("left", "kicked"):
            raise ValueError(f"user {user.id} is not a member of chat {chat_id}")
        if reply_to is not None:
            replied = chat.messages.get(reply_to)
            if replied is None or replied.deleted:
                raise LookupError(f"no message {reply_to} in chat {chat_id}")
            if thread_id is None:
                thread_id = replied.thread_id  # replies stay in the replied message's topic
        if thread_id is not None and chat.forum and thread_id not in chat.topics:
            raise LookupError(f"no topic {thread_id} in chat {chat_id}")
        msg = self.store_message(
            chat,
            {
                "sender_id": user.id,
                "from_bot": False,
                "kind": kind,
                "text": text,
                "entities": entities or [],
                "media": media or {},
                "reply_to_message_id": reply_to,
                "thread_id": thread_id if chat.forum else None,
                "extra": extra or {},
            },
        )
        payload = self.message_json(msg)
        if self.bot_can_receive(chat):
            self.enqueue_update({"message": payload})
        return payload

    def _reply_button(self, user: EmuUser, label: str) -> JSON | str:
        chat = self.chats.get(user.private)
        keyboard = chat.reply_keyboard if chat is not None else None
        for row in (keyboard or {}).get("keyboard", []):
            for button in row:
                if (button if isinstance(button, str) else button.get("text")) == label:
                    return button
        raise LookupError(f"no reply keyboard button {label!r} for user {user.id}")

    def reply_buttons(self, user: EmuUser) -> list[str]:
        chat = self.chats.get(user.private)
        keyboard = chat.reply_keyboard if chat is not None else None
        return [b if isinstance(b, str) else b["text"]
                for row in (keyboard or {}).get("keyboard", []) for b in row]

    def _used_keyboard(self, user: EmuUser) -> None:
        chat = self.chats[user.private]
        if chat.reply_keyboard and chat.reply_keyboard.get("one_time_keyboard"):
            chat.reply_keyboard = None

    def tap_reply_button(self, user: EmuUser, label: str) -> JSON:
        button = self._reply_button(user, label)
        if isinstance(button, dict) and any(k.startswith("request_") for k in button):
            raise ValueError(f"{label!r} is not a text button: it opens a picker")
        self._used_keyboard(user)
        return user.send(user.private, label)

    def share_users(self, user: EmuUser, label: str, user_ids: list[int]) -> JSON:
        """What a client sends after the user picks people with a request_users button
        (Bot API: UsersShared {request_id, users: [SharedUser]}; first_name, last_name
        only with request_name, username only with request_username)."""
        button = self._reply_button(user, label)
        spec = button.get("request_users", button.get("request_user")) \
            if isinstance(button, dict) else None
        if not isinstance(spec, dict):
            raise ValueError(f"{label!r} is not a request_users button")
        quantity = max(int(spec.get("max_quantity", 1)), 1)
        if not 1 <= len(user_ids) <= quantity:
            raise ValueError(f"the picker allows 1..{quantity} users, not {len(user_ids)}")
        shared = []
        for user_id in user_ids:
            picked = self.user_json(user_id)
            if "user_is_bot" in spec and bool(picked.get("is_bot")) != bool(spec["user_is_bot"]):
                raise ValueError(f"user {user_id} does not match user_is_bot")
            entry: JSON = {"user_id": user_id}
            if spec.get("request_name"):
                entry["first_name"] = picked["first_name"]
                if picked.get("last_name"):
                    entry["last_name"] = picked["last_name"]
            if spec.get("request_username") and picked.get("username"):
                entry["username"] = picked["username"]
            shared.append(entry)
        self._used_keyboard(user)
        return self.user_message(user, user.private, "service", extra={
            "users_shared": {"request_id": spec["request_id"], "users": shared}})

    def resolve_message(self, ref: JSON | tuple[int, int] | EmuMessage) -> EmuMessage:
        if isinstance(ref, EmuMessage):
            chat_id, message_id = ref.chat_id, ref.message_id
        elif isinstance(ref, dict):
            chat_id, message_id = ref["chat"]["id"], ref["message_id"]
        else:
            chat_id, message_id = ref
        chat = self.chats.get(chat_id)
        msg = chat.messages.get(message_id) if chat else None
        if msg is None or msg.deleted:
            raise LookupError(f"no message {message_id} in chat {chat_id}")
        return msg

    def press_button(
        self,
        user: EmuUser,
        ref: JSON | tuple[int, int] | EmuMessage,
        button: str | None,
        *,
        data: str | None = None,
    ) -> str:
        msg = self.resolve_message(ref)
        if data is None:
            if button is None:
                raise ValueError("pass a button text/data or data=")
            data = msg.find_button(button)
        query_id = str(next(self._query_ids))
        self.callback_queries[query_id] = CallbackQueryState(
            query_id, user.id, msg.chat_id, msg.message_id, data, self.clock()
        )
        chat = self.chats[msg.chat_id]
        if self.bot_can_receive(chat):
            self.enqueue_update(
                {
                    "callback_query": {
                        "id": query_id,
                        "from": self.user_json(user.id),
                        "message": self.message_json(msg),
                        "chat_instance": str(zlib.crc32(f"{chat.id}:{self.token}".encode())),
                        "data": data,
                    }
                }
            )
        return query_id

    def add_bot_to_group(self, chat_id: int, by_user_id: int, *, admin: bool = False) -> None:
        chat = self.chats[chat_id]
        old, chat.bot_status = chat.bot_status, "administrator" if admin else "member"
        self.emit_my_chat_member(chat_id, by_user_id, old, chat.bot_status)

    def remove_bot_from_group(self, chat_id: int, by_user_id: int, *, ban: bool = True) -> None:
        chat = self.chats[chat_id]
        old, chat.bot_status = chat.bot_status, "kicked" if ban else "left"
        self.emit_my_chat_member(chat_id, by_user_id, old, chat.bot_status)

    def migrate_group(
        self,
        old_id: int,
        new_id: int,
        *,
        by_user_id: int | None = None,
        service_messages: bool = True,
    ) -> EmuChat:
        """Upgrade a group to a supergroup; like Telegram, both chats get a service message."""
        old = self.chats[old_id]
        new = EmuChat(
            id=new_id,
            type="supergroup",
            title=old.title,
            members=dict(old.members),
            bot_status=old.bot_status,
        )
        self.chats[new_id] = new
        by = (
            by_user_id
            if by_user_id is not None
            else next(
                (uid for uid, st in old.members.items() if st == "creator"),
                next(iter(old.members), None),
            )
        )
        if service_messages and by is not None and old.bot_is_member:
            for chat, key, value in (
                (old, "migrate_to_chat_id", new_id),
                (new, "migrate_from_chat_id", old_id),
            ):
                msg = self.store_message(
                    chat,
                    {"sender_id": by, "from_bot": False, "kind": "service", "extra": {key: value}},
                )
                self.enqueue_update({"message": self.message_json(msg)})
        old.migrated_to = new_id
        return new

    # --- observation ---------------------------------------------------------------------

    def chat_messages(self, chat_id: int, thread_id: int | None = None) -> list[EmuMessage]:
        chat = self.chats.get(chat_id)
        if chat is None:
            return []
        return [
            m
            for m in chat.messages.values()
            if not m.deleted and (thread_id is None or m.thread_id == thread_id)
        ]

    def bot_messages(self, chat_id: int, thread_id: int | None = None) -> list[EmuMessage]:
        return [m for m in self.chat_messages(chat_id, thread_id) if m.from_bot]

    def last_bot_message(self, chat_id: int, thread_id: int | None = None) -> EmuMessage | None:
        messages = self.bot_messages(chat_id, thread_id)
        return messages[-1] if messages else None
