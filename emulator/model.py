"""Plain data of the emulated world (messages, chats, users, recorded calls).

Kept apart from :mod:`world` so the state machine there stays readable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .world import World

JSON = dict[str, Any]

_COMMAND_RE = re.compile(r"^/[A-Za-z0-9_]{1,64}(@[A-Za-z0-9_]{3,32})?")
_MENTION_RE = re.compile(r"(?<![\w@/])@[A-Za-z][A-Za-z0-9_]{3,31}\b")

# Minimal but valid Bot API shapes for each media kind (PTB's de_json needs these fields).
MEDIA_DEFAULTS: dict[str, JSON] = {
    "document": {"file_name": "file.bin", "mime_type": "application/octet-stream"},
    "sticker": {
        "type": "regular",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
        "emoji": "\N{THUMBS UP SIGN}",
    },
    "voice": {"duration": 3, "mime_type": "audio/ogg"},
    "audio": {"duration": 3, "mime_type": "audio/mpeg"},
    "video": {"width": 640, "height": 360, "duration": 3, "mime_type": "video/mp4"},
    "animation": {"width": 320, "height": 240, "duration": 2, "mime_type": "video/mp4"},
}
FILE_KINDS = ("photo", *MEDIA_DEFAULTS)


class ApiError(Exception):
    """A Bot API error answer: ``{"ok": false, "error_code": status, "description": ...}``."""

    def __init__(self, status: int, description: str, parameters: JSON | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters


@dataclass
class ApiCall:
    """One recorded Bot API request and its answer."""

    method: str
    params: JSON
    status: int
    result: Any = None
    description: str | None = None
    at: float = 0.0  # emulator clock at arrival

    @property
    def ok(self) -> bool:
        return self.status == 200


@dataclass
class StoredFile:
    file_id: str
    unique_id: str
    kind: str
    data: bytes
    file_name: str | None = None
    mime_type: str | None = None

    @property
    def path(self) -> str:
        ext = (self.file_name or "").rpartition(".")[2] or "bin"
        return f"{self.kind}s/{self.unique_id}.{ext}"


@dataclass
class EmuMessage:
    """Current state of one message (edits applied in place; deleted ones are hidden)."""

    message_id: int
    chat_id: int
    sender_id: int
    from_bot: bool
    date: int
    kind: str = "text"  # text/photo/document/sticker/voice/location/service/...
    text: str = ""  # plain text, or the caption for media
    html: str | None = None  # raw text as the bot sent it (parse_mode HTML)
    entities: list[JSON] = field(default_factory=list)
    reply_markup: JSON | None = None  # only inline keyboards are stored, as Telegram does
    thread_id: int | None = None
    is_topic_message: bool = False
    reply_to_message_id: int | None = None
    edit_count: int = 0
    edit_date: int | None = None
    media: JSON = field(default_factory=dict)  # e.g. {"photo": [...]} merged into the JSON
    extra: JSON = field(default_factory=dict)  # service / forward fields merged into the JSON
    deleted: bool = False

    @property
    def buttons(self) -> list[list[tuple[str, str | None]]]:
        rows = (self.reply_markup or {}).get("inline_keyboard", [])
        return [[(b.get("text", ""), b.get("callback_data")) for b in row] for row in rows]

    def find_button(self, label: str) -> str:
        """callback_data of the button whose text (or data) is ``label``."""
        for row in self.buttons:
            for text, data in row:
                if data is not None and label in (text, data):
                    return data
        raise LookupError(f"no callback button {label!r} on message {self.message_id}")


@dataclass
class EmuChat:
    """A private chat, group or supergroup (``add_group`` returns this as the group handle)."""

    id: int
    type: str
    title: str | None = None
    username: str | None = None  # public @username of a group, addressable as chat_id
    user_id: int | None = None  # for private chats
    forum: bool = False
    topics: dict[int, str] = field(default_factory=dict)
    members: dict[int, str] = field(default_factory=dict)  # user id -> ChatMember status
    bot_status: str = "member"
    migrated_to: int | None = None
    messages: dict[int, EmuMessage] = field(default_factory=dict)
    next_message_id: int = 1
    reply_keyboard: JSON | None = None  # the ReplyKeyboardMarkup the user sees (private)

    def add_topic(self, thread_id: int, name: str) -> None:
        if not self.forum:
            raise ValueError(f"chat {self.id} is not a forum")
        self.topics[thread_id] = name

    def add_member(self, user_id: int, status: str = "member") -> None:
        self.members[user_id] = status

    def member_status(self, user_id: int) -> str:
        return self.members.get(user_id, "left")

    @property
    def bot_is_member(self) -> bool:
        return self.bot_status in ("member", "administrator", "creator")


EmuGroup = EmuChat


@dataclass
class CallbackQueryState:
    id: str
    user_id: int
    chat_id: int
    message_id: int
    data: str
    created_at: float
    answered: bool = False


class EmuUser:
    """A human playing against the bot; every action enqueues the Update Telegram would send."""

    def __init__(self, world: World, user: JSON, *, started: bool) -> None:
        self.world = world
        self.json = user
        self.started = started
        self.blocked = False

    @property
    def id(self) -> int:
        return int(self.json["id"])

    @property
    def private(self) -> int:
        """Chat id of the user's private chat with the bot (equal to the user id)."""
        return self.id

    def start_bot(self, *, notify: bool = True) -> None:
        """User (re)starts the bot: sends my_chat_member kicked/left->member if it changed."""
        was = self.world.private_bot_status(self)
        self.started, self.blocked = True, False
        if notify and was != "member":
            self.world.emit_my_chat_member(self.private, self.id, was, "member")

    def block_bot(self, *, notify: bool = True) -> None:
        was = self.world.private_bot_status(self)
        self.blocked = True
        if notify and was != "kicked":
            self.world.emit_my_chat_member(self.private, self.id, was, "kicked")

    def send(
        self, chat_id: int, text: str, *, reply_to: int | None = None, thread_id: int | None = None
    ) -> JSON:
        entities = command_entities(text)
        return self.world.user_message(
            self,
            chat_id,
            "text",
            text=text,
            entities=entities,
            reply_to=reply_to,
            thread_id=thread_id,
        )

    def send_photo(
        self,
        chat_id: int,
        caption: str | None = None,
        *,
        reply_to: int | None = None,
        thread_id: int | None = None,
    ) -> JSON:
        media = self.world.media_json("photo", self.world.new_file("photo", b"\xff\xd8photo"))
        return self.world.user_message(
            self,
            chat_id,
            "photo",
            text=caption or "",
            media=media,
            reply_to=reply_to,
            thread_id=thread_id,
        )

    def send_document(
        self,
        chat_id: int,
        file_name: str = "a.pdf",
        caption: str | None = None,
        *,
        reply_to: int | None = None,
        thread_id: int | None = None,
        data: bytes = b"%PDF-1.4 emulated",
    ) -> JSON:
        stored = self.world.new_file("document", data, file_name=file_name)
        return self.world.user_message(
            self,
            chat_id,
            "document",
            text=caption or "",
            media=self.world.media_json("document", stored),
            reply_to=reply_to,
            thread_id=thread_id,
        )

    def send_sticker(
        self, chat_id: int, *, reply_to: int | None = None, thread_id: int | None = None
    ) -> JSON:
        media = self.world.media_json("sticker", self.world.new_file("sticker", b"RIFFwebp"))
        return self.world.user_message(
            self, chat_id, "sticker", media=media, reply_to=reply_to, thread_id=thread_id
        )

    def send_voice(
        self, chat_id: int, *, reply_to: int | None = None, thread_id: int | None = None
    ) -> JSON:
        media = self.world.media_json("voice", self.world.new_file("voice", b"OggSvoice"))
        return self.world.user_message(
            self, chat_id, "voice", media=media, reply_to=reply_to, thread_id=thread_id
        )

    def send_poll(
        self,
        chat_id: int,
        question: str = "Which one?",
        options: tuple[str, ...] = ("A", "B"),
        *,
        quiz: bool = True,
        reply_to: int | None = None,
        thread_id: int | None = None,
    ) -> JSON:
        """A poll; a quiz's correct option is not shown to bots, so Telegram refuses to
        copy it ("message can't be copied")."""
        poll = {
            "id": str(self.world.next_poll_id()), "question": question,
            "options": [{"text": o, "voter_count": 0, "persistent_id": str(i)}
                        for i, o in enumerate(options)],
            "total_voter_count": 0, "is_closed": False, "is_anonymous": True,
            "type": "quiz" if quiz else "regular", "allows_multiple_answers": False,
            "allows_revoting": False, "members_only": False,  # required since Bot API 9.6/10.0
        }
        return self.world.user_message(
            self, chat_id, "poll", media={"poll": poll}, reply_to=reply_to, thread_id=thread_id
        )

    def send_location(
        self,
        chat_id: int,
        latitude: float = 52.52,
        longitude: float = 13.405,
        *,
        thread_id: int | None = None,
    ) -> JSON:
        media = {"location": {"latitude": latitude, "longitude": longitude}}
        return self.world.user_message(self, chat_id, "location", media=media, thread_id=thread_id)

    def reply_buttons(self) -> list[str]:
        """The texts of the reply keyboard shown in the user's private chat now."""
        return self.world.reply_buttons(self)

    def tap(self, label: str) -> JSON:
        """Tap a text button of the reply keyboard: the client sends its text."""
        return self.world.tap_reply_button(self, label)

    def share_users(self, label: str, user_ids: list[int]) -> JSON:
        """Tap a ``request_users`` button of the reply keyboard and pick ``user_ids``
        in Telegram's picker: the bot receives a ``users_shared`` service message."""
        return self.world.share_users(self, label, user_ids)

    def press(
        self,
        message: JSON | tuple[int, int] | EmuMessage,
        button: str | None = None,
        *,
        data: str | None = None,
    ) -> str:
        """Press an inline button (by text or callback_data); ``data=`` forges any payload."""
        return self.world.press_button(self, message, button, data=data)


def command_entities(text: str) -> list[JSON]:
    """bot_command at offset 0 and @mentions, as Telegram's clients detect them."""
    from .html import utf16_len

    entities: list[JSON] = []
    match = _COMMAND_RE.match(text)
    if match:
        entities.append({"type": "bot_command", "offset": 0, "length": utf16_len(match.group())})
    for m in _MENTION_RE.finditer(text):
        if match and m.start() < match.end():
            continue
        entities.append(
            {
                "type": "mention",
                "offset": utf16_len(text[: m.start()]),
                "length": utf16_len(m.group()),
            }
        )
    return entities
