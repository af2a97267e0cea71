"""Bot API methods with Telegram's validation and error wording.

Each ``api_<lowercase method>`` takes decoded params (plus uploaded files) and returns
the ``result`` value or raises :class:`ApiError`. ``getUpdates`` lives in server.py
because it long-polls.
"""

from __future__ import annotations

import json
from typing import Any

from .checks import CALLBACK_QUERY_TTL, CHAT_ACTIONS, NOT_MODIFIED, QUERY_TOO_OLD, ParamChecks, bad
from .html import utf16_len
from .world import FILE_KINDS, JSON, ApiError, EmuChat, EmuMessage, StoredFile


class BotMethods(ParamChecks):
    """Bot API surface over :class:`World`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands: dict[tuple[str, str], list[JSON]] = {}
        self.chat_actions: list[tuple[int, str]] = []
        self.webhook_url = ""

    # --- basic methods -----------------------------------------------------------------

    def api_getme(self, params: JSON, files: JSON) -> JSON:
        return {
            **self.bot_user,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    def api_deletewebhook(self, params: JSON, files: JSON) -> bool:
        self.webhook_url = ""
        if self.p_bool(params, "drop_pending_updates"):
            self._updates.clear()
        return True

    def api_setwebhook(self, params: JSON, files: JSON) -> bool:
        self.webhook_url = str(params.get("url") or "")
        return True

    def api_getwebhookinfo(self, params: JSON, files: JSON) -> JSON:
        return {
            "url": self.webhook_url,
            "has_custom_certificate": False,
            "pending_update_count": self.pending_update_count(),
        }

    def api_close(self, params: JSON, files: JSON) -> bool:
        return True

    api_logout = api_close

    @staticmethod
    def scope_key(scope: Any) -> str:
        """ "default", "all_private_chats", "chat:<id>", "chat_member:<chat>:<user>", ..."""
        if not scope:
            return "default"
        if not isinstance(scope, dict) or "type" not in scope:
            raise bad("can't parse BotCommandScope JSON object")
        parts = [str(scope["type"])]
        parts += [str(scope[k]) for k in ("chat_id", "user_id") if k in scope]
        return ":".join(parts)

    def api_setmycommands(self, params: JSON, files: JSON) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise bad("can't parse commands JSON object")
        if len(commands) > 100:
            raise bad("too many commands")
        for cmd in commands:
            name = str(cmd.get("command", "")) if isinstance(cmd, dict) else ""
            # "only lowercase English letters, digits and underscores"
            if not (1 <= len(name) <= 32) or not all(
                c in "abcdefghijklmnopqrstuvwxyz0123456789_" for c in name
            ):
                raise bad("BOT_COMMAND_INVALID")
            if not 1 <= len(str(cmd.get("description", ""))) <= 256:
                raise bad("BOT_COMMAND_DESCRIPTION_INVALID")
        key = (self.scope_key(params.get("scope")), str(params.get("language_code") or ""))
        self.commands[key] = [
            {"command": c["command"], "description": c["description"]} for c in commands
        ]
        return True

    def api_getmycommands(self, params: JSON, files: JSON) -> list[JSON]:
        key = (self.scope_key(params.get("scope")), str(params.get("language_code") or ""))
        return self.commands.get(key, [])

    def api_deletemycommands(self, params: JSON, files: JSON) -> bool:
        key = (self.scope_key(params.get("scope")), str(params.get("language_code") or ""))
        self.commands.pop(key, None)
        return True

    # --- chats ---------------------------------------------------------------------------

    def api_getchat(self, params: JSON, files: JSON) -> JSON:
        chat = self.chat_of(params, for_write=False)
        gifts = {
            k: False
            for k in (
                "unlimited_gifts",
                "limited_gifts",
                "unique_gifts",
                "premium_subscription",
                "gifts_from_channels",
            )
        }
        return {
            **self.chat_json(chat),
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": gifts,
        }

    def api_getchatmember(self, params: JSON, files: JSON) -> JSON:
        chat = self.chat_of(params, for_write=False)
        user_id = self.p_int(params, "user_id") or 0
        if user_id == self.bot_user["id"]:
            status = "member" if chat.type == "private" else chat.bot_status
        elif user_id not in self.users:
            raise bad("PARTICIPANT_ID_INVALID")
        elif chat.type == "private":
            if user_id != chat.id:
                raise bad("user not found")
            status = "member"
        else:
            status = chat.member_status(user_id)
        return self.member_json(user_id, status)

    def api_leavechat(self, params: JSON, files: JSON) -> bool:
        chat = self.chat_of(params, for_write=False)
        if chat.type == "private":
            raise bad("chat member status can't be changed in private chats")
        old, chat.bot_status = chat.bot_status, "left"
        self.left_chats.append(chat.id)
        self.emit_my_chat_member(chat.id, self.bot_user["id"], old, "left")
        return True

    def api_sendchataction(self, params: JSON, files: JSON) -> bool:
        chat = self.chat_of(params)
        action = str(params.get("action") or "")
        if action not in CHAT_ACTIONS:
            raise bad("wrong parameter action in request")
        self.thread_of(chat, params)
        self.chat_actions.append((chat.id, action))
        return True

    # --- messages ------------------------------------------------------------------------

    def api_sendmessage(self, params: JSON, files: JSON) -> JSON:
        chat = self.chat_of(params)
        text, entities, html = self.formatted(params, "text", "entities")
        msg = self.bot_send(chat, params, "text", text=text, entities=entities, html=html)
        return self.message_json(msg)

    def editable(self, params: JSON) -> tuple[EmuChat, EmuMessage]:
        if params.get("inline_message_id"):
            raise bad("inline messages are not supported by the emulator")
        chat = self.chat_of(params, for_write=False)
        msg = self.own_message(chat, params, "message to edit not found")
        if not msg.from_bot:
            raise bad("message can't be edited")
        return chat, msg

    def apply_edit(
        self,
        msg: EmuMessage,
        text: str,
        entities: list[JSON],
        markup: JSON | None,
        html: str | None,
    ) -> JSON:
        if (text, entities, markup) == (msg.text, msg.entities, msg.reply_markup):
            raise bad(NOT_MODIFIED.removeprefix("Bad Request: "))
        msg.text, msg.entities, msg.reply_markup = text, entities, markup
        if html is not None:
            msg.html = html
        msg.edit_count += 1
        msg.edit_date = self.now()
        return self.message_json(msg)

    def api_editmessagetext(self, params: JSON, files: JSON) -> JSON:
        _, msg = self.editable(params)
        if msg.kind != "text":
            raise bad("there is no text in the message to edit")
        text, entities, html = self.formatted(params, "text", "entities")
        # Omitting reply_markup removes the keyboard, exactly like Telegram.
        return self.apply_edit(msg, text, entities, self.markup_of(params), html)

    def api_editmessagecaption(self, params: JSON, files: JSON) -> JSON:
        _, msg = self.editable(params)
        if msg.kind in ("text", "sticker", "location", "service"):
            raise bad("there is no caption in the message to edit")
        text, entities, html = self.formatted(params, "caption", "caption_entities", caption=True)
        return self.apply_edit(msg, text, entities, self.markup_of(params), html)

    def api_editmessagereplymarkup(self, params: JSON, files: JSON) -> JSON:
        _, msg = self.editable(params)
        return self.apply_edit(msg, msg.text, msg.entities, self.markup_of(params), None)

    def api_deletemessage(self, params: JSON, files: JSON) -> bool:
        chat = self.chat_of(params, for_write=False)
        msg = self.own_message(chat, params, "message to delete not found")
        if (
            not msg.from_bot
            and chat.type != "private"
            and chat.bot_status not in ("administrator", "creator")
        ):
            raise bad("message can't be deleted")
        msg.deleted = True
        return True

    def api_answercallbackquery(self, params: JSON, files: JSON) -> bool:
        query = self.callback_queries.get(str(params.get("callback_query_id") or ""))
        if query is None or query.answered or self.clock() - query.created_at > CALLBACK_QUERY_TTL:
            raise bad(QUERY_TOO_OLD.removeprefix("Bad Request: "))
        text = params.get("text")
        if text is not None and utf16_len(str(text)) > 200:
            raise bad("MESSAGE_TOO_LONG")
        query.answered = True
        self.callback_answers[query.id] = (
            None if text is None else str(text),
            self.p_bool(params, "show_alert"),
        )
        return True

    def source_message(self, params: JSON, missing: str) -> EmuMessage:
        source_chat = self.chat_of(params, "from_chat_id", for_write=False)
        return self.own_message(source_chat, params, missing)

    def api_copymessage(self, params: JSON, files: JSON) -> JSON:
        src = self.source_message(params, "message to copy not found")
        if src.kind == "service" or (
            src.kind == "poll" and src.media.get("poll", {}).get("type") == "quiz"
        ):
            # Telegram copies a quiz only for a bot that knows its correct option
            raise bad("message can't be copied")
        chat = self.chat_of(params)
        text, entities, html = src.text, list(src.entities), src.html
        if src.kind != "text" and params.get("caption") is not None:
            text, entities, html = self.formatted(
                params, "caption", "caption_entities", caption=True
            )
        msg = self.bot_send(
            chat, params, src.kind, text=text, entities=entities, html=html, media=dict(src.media)
        )
        return {"message_id": msg.message_id}

    def api_forwardmessage(self, params: JSON, files: JSON) -> JSON:
        src = self.source_message(params, "message to forward not found")
        if src.kind == "service":
            raise bad("message can't be forwarded")
        chat = self.chat_of(params)
        origin = {"type": "user", "sender_user": self.user_json(src.sender_id), "date": src.date}
        params = {k: v for k, v in params.items() if k != "reply_markup"}
        msg = self.bot_send(
            chat,
            params,
            src.kind,
            text=src.text,
            entities=list(src.entities),
            media=dict(src.media),
            extra={"forward_origin": origin},
        )
        return self.message_json(msg)

    def file_param(self, kind: str, params: JSON, files: JSON) -> StoredFile:
        """A file given as upload, known file_id, unknown file_id or URL (all accepted)."""
        upload = files.get(kind)
        if upload is not None:
            name, data, mime = upload
            return self.new_file(kind, data, file_name=name, mime_type=mime)
        value = params.get(kind)
        if not value:
            raise bad(f"there is no {kind} in the request")
        value = str(value)
        if value.startswith("attach://"):
            raise bad(f"wrong file identifier/HTTP URL specified: {value} not uploaded")
        if value in self.files:
            known = self.files[value]
            return (
                known
                if known.kind == kind
                else self.new_file(kind, known.data, file_name=known.file_name)
            )
        if value.startswith(("http://", "https://")):
            return self.new_file(
                kind, b"downloaded:" + value.encode(), file_name=value.rsplit("/", 1)[-1] or None
            )
        # Any other string is taken as a file_id issued by "real" Telegram.
        return self.new_file(kind, b"emulated:" + value.encode(), file_id=value)

    def send_media(self, kind: str, params: JSON, files: JSON) -> JSON:
        chat = self.chat_of(params)
        stored = self.file_param(kind, params, files)
        entities: list[JSON] = []
        if kind == "sticker":
            text, html = "", None
        else:
            text, entities, html = self.formatted(
                params, "caption", "caption_entities", caption=True
            )
        msg = self.bot_send(
            chat,
            params,
            kind,
            text=text,
            entities=entities,
            html=html,
            media=self.media_json(kind, stored),
        )
        return self.message_json(msg)

    def api_getfile(self, params: JSON, files: JSON) -> JSON:
        stored = self.files.get(str(params.get("file_id") or ""))
        if stored is None:
            raise bad("invalid file_id")
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.unique_id,
            "file_size": len(stored.data),
            "file_path": stored.path,
        }

    def file_by_path(self, path: str) -> StoredFile | None:
        return next((f for f in self.files.values() if f.path == path), None)

    def dispatch(self, method: str, params: JSON, files: JSON) -> Any:
        """Run a synchronous method; unknown names are 404 like Telegram."""
        name = method.lower()
        if name.startswith("send") and name[4:] in FILE_KINDS:
            return self.send_media(name[4:], params, files)
        handler = getattr(self, f"api_{name}", None)
        if handler is None:
            raise ApiError(404, "Not Found")
        return handler(params, files)


def decode_value(name: str, value: str) -> Any:
    """PTB sends non-string values JSON-encoded; strings go raw. Undo that per field."""
    if name in JSON_PARAMS:
        try:
            return json.loads(value)
        except ValueError:
            return value
    if name in INT_PARAMS:
        try:
            return int(value)
        except ValueError:
            return value
    if value in ("true", "false") and name not in ("text", "caption"):
        return value == "true"
    return value


JSON_PARAMS = {
    "reply_markup",
    "reply_parameters",
    "entities",
    "caption_entities",
    "link_preview_options",
    "commands",
    "scope",
    "allowed_updates",
    "media",
    "rights",
    "permissions",
    "message_ids",
}
INT_PARAMS = {
    "chat_id",
    "from_chat_id",
    "message_id",
    "message_thread_id",
    "user_id",
    "offset",
    "limit",
    "timeout",
    "reply_to_message_id",
    "cache_time",
}
