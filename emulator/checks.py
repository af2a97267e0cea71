"""Parameter decoding and Telegram's validation rules shared by the Bot API methods."""

from __future__ import annotations

from .html import HtmlParseError, parse_html, strip_formatted, utf16_len
from .world import JSON, ApiError, EmuChat, EmuMessage, World

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and "
    "reply markup are exactly the same as a current content and reply markup "
    "of the message"
)
QUERY_TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"
CALLBACK_QUERY_TTL = 15.0  # seconds of emulator clock before answerCallbackQuery fails
CHAT_ACTIONS = {
    "typing",
    "upload_photo",
    "record_video",
    "upload_video",
    "record_voice",
    "upload_voice",
    "upload_document",
    "choose_sticker",
    "find_location",
    "record_video_note",
    "upload_video_note",
}
# KeyboardButtonRequestUsers.max_quantity: "The maximum number of users to be selected;
# 1-10. Defaults to 1." (Bot API)
REQUEST_USERS_MAX = 10
_BUTTON_KINDS = (
    "url",
    "callback_data",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)


def bad(description: str, parameters: JSON | None = None) -> ApiError:
    return ApiError(400, f"Bad Request: {description}", parameters)


class ParamChecks(World):
    """Helpers turning raw params into validated values (raising Telegram's errors)."""

    # --- parameter helpers ---------------------------------------------------------------

    @staticmethod
    def p_int(params: JSON, name: str, *, required: bool = True) -> int | None:
        value = params.get(name)
        if value is None or value == "":
            if required:
                raise bad(f"{name} is empty")
            return None
        try:
            return int(value)
        except (TypeError, ValueError):
            raise bad(f"invalid {name} specified") from None

    @staticmethod
    def p_bool(params: JSON, name: str) -> bool:
        value = params.get(name)
        return value is True or str(value).lower() in ("true", "1")

    def chat_of(self, params: JSON, name: str = "chat_id", *, for_write: bool = True) -> EmuChat:
        """Resolve a chat the bot addresses, with Telegram's 400/403 rules."""
        raw = params.get(name)
        if raw is None or raw == "":
            raise bad(f"{name} is empty")
        chat: EmuChat | None = None
        if isinstance(raw, str) and raw.startswith("@"):
            chat = next(
                (
                    c
                    for c in self.chats.values()
                    if c.username and c.username.lower() == raw[1:].lower()
                ),
                None,
            )
        else:
            chat = self.chats.get(self.p_int(params, name) or 0)
        if chat is None:
            raise bad("chat not found")
        if chat.migrated_to is not None:
            raise bad(
                "group chat was upgraded to a supergroup chat",
                {"migrate_to_chat_id": chat.migrated_to},
            )
        if chat.type == "private":
            user = self.users[chat.id]
            if for_write and user.blocked:
                raise ApiError(403, "Forbidden: bot was blocked by the user")
            if for_write and not user.started:
                raise ApiError(403, "Forbidden: bot can't initiate conversation with a user")
        elif not chat.bot_is_member:
            kind = "supergroup chat" if chat.type == "supergroup" else "group chat"
            if chat.bot_status == "kicked":
                raise ApiError(403, f"Forbidden: bot was kicked from the {kind}")
            raise ApiError(403, f"Forbidden: bot is not a member of the {kind}")
        return chat

    def thread_of(self, chat: EmuChat, params: JSON) -> int | None:
        thread_id = self.p_int(params, "message_thread_id", required=False)
        if thread_id is None:
            return None
        if chat.forum and thread_id == 1:
            return None  # the General topic: messages carry no thread id
        if not chat.forum or thread_id not in chat.topics:
            raise bad("message thread not found")
        return thread_id

    def reply_of(self, chat: EmuChat, params: JSON) -> int | None:
        reply = params.get("reply_parameters")
        if isinstance(reply, dict):
            message_id, allow = (
                reply.get("message_id"),
                bool(reply.get("allow_sending_without_reply")),
            )
            if reply.get("chat_id") not in (None, chat.id):
                raise bad("replies to other chats are not supported by the emulator")
        elif reply is not None:
            raise bad("can't parse reply parameters JSON object")
        else:
            message_id = self.p_int(params, "reply_to_message_id", required=False)
            allow = self.p_bool(params, "allow_sending_without_reply")
        if message_id is None:
            return None
        target = chat.messages.get(int(message_id))
        if target is None or target.deleted:
            if allow:
                return None
            raise bad("message to be replied not found")
        return target.message_id

    def _resolve_mentions(self, entities: list[JSON]) -> list[JSON]:
        """Telegram fills a text_mention with the whole User, and drops unknown ones."""
        resolved = []
        for entity in entities:
            if entity.get("type") == "text_mention":
                user = self.users.get(entity["user"]["id"])  # type: ignore[attr-defined]
                if user is None:
                    continue
                entity = {**entity, "user": dict(user.json)}
            resolved.append(entity)
        return resolved

    def formatted(
        self, params: JSON, text_key: str, entities_key: str, *, caption: bool = False
    ) -> tuple[str, list[JSON], str | None]:
        """(plain text, entities, raw html) with Telegram's parse/size checks."""
        raw = params.get(text_key)
        raw = "" if raw is None else str(raw)
        mode = str(params.get("parse_mode") or "")
        html: str | None = None
        if mode.lower() == "html":
            try:
                text, entities = parse_html(raw)
            except HtmlParseError as exc:
                raise bad(f"can't parse entities: {exc}") from None
            html = raw
            entities = self._resolve_mentions(entities)
        elif mode:
            if mode.lower() not in ("markdown", "markdownv2"):
                raise bad("unsupported parse_mode")
            raise bad(f"can't parse entities: parse_mode {mode} is not supported by the emulator")
        else:
            given = params.get(entities_key) or []
            if not isinstance(given, list):
                raise bad(f"can't parse entities: {entities_key} must be an array")
            text, entities = strip_formatted(raw, [dict(e) for e in given])
        if caption:
            if utf16_len(text) > CAPTION_LIMIT:
                raise bad("message caption is too long")
        elif not text:
            raise bad("message text is empty")
        elif utf16_len(text) > TEXT_LIMIT:
            raise bad("message is too long")
        return text, entities, html

    def markup_of(self, params: JSON) -> JSON | None:
        """The inline keyboard to store (other markups are accepted but not stored)."""
        markup = params.get("reply_markup")
        if markup is None:
            return None
        if not isinstance(markup, dict):
            raise bad("can't parse reply keyboard markup JSON object")
        if "inline_keyboard" not in markup:
            if not ({"keyboard", "remove_keyboard", "force_reply"} & markup.keys()):
                raise bad("can't parse reply keyboard markup JSON object")
            if "keyboard" in markup:
                self.reply_keyboard_of(markup)
                chat_id = params.get("chat_id")
                chat = self.chats.get(chat_id) if isinstance(chat_id, int) else None
                asks_users = any(isinstance(b, dict) and ("request_users" in b
                                                          or "request_user" in b)
                                 for row in markup["keyboard"] for b in row)
                if asks_users and chat is not None and chat.type != "private":
                    # TDLib's ReplyMarkup.cpp: a user picker only where one person reads it
                    raise bad("Users can be requested in private chats only")
            return None
        rows = markup["inline_keyboard"]
        if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
            raise bad(
                'field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays'
            )
        for row in rows:
            for button in row:
                if not isinstance(button, dict) or not button.get("text"):
                    raise bad(
                        "BUTTON_TEXT_EMPTY"
                        if isinstance(button, dict)
                        else "can't parse inline keyboard button"
                    )
                if not any(k in button for k in _BUTTON_KINDS):
                    raise bad(
                        "can't parse inline keyboard button: Text buttons are unallowed "
                        "in the inline keyboard"
                    )
                if "callback_data" in button:
                    data = str(button["callback_data"]).encode("utf-8")
                    if not 1 <= len(data) <= 64:
                        raise bad("BUTTON_DATA_INVALID")
                if "url" in button and not str(button["url"]).strip():
                    raise bad("BUTTON_URL_INVALID")
        return {"inline_keyboard": rows} if rows else None

    @staticmethod
    def reply_keyboard_of(markup: JSON) -> JSON:
        """A ReplyKeyboardMarkup checked as the Bot API parses it (telegram-bot-api's
        get_keyboard_button): every button a String or an Object with a "text"; a
        ``request_users`` needs a 32-bit ``request_id``; ``max_quantity`` (default 1) is
        raised to 1 by TDLib and may not pass 10."""
        rows = markup["keyboard"]
        if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
            raise bad('field "keyboard" must be an Array of Arrays')
        for row in rows:
            for button in row:
                if isinstance(button, str):
                    continue
                if not isinstance(button, dict):
                    raise bad("can't parse keyboard button: KeyboardButton must be a String "
                              "or an Object")
                if not isinstance(button.get("text"), str):
                    raise bad("can't parse keyboard button: Field \"text\" must be of type String"
                              if "text" in button
                              else "can't parse keyboard button: Can't find field \"text\"")
                users = button.get("request_users", button.get("request_user"))
                if users is None:
                    continue
                if not isinstance(users, dict):
                    raise bad("can't parse keyboard button: Field \"request_users\" must be of "
                              "type Object")
                if "request_id" not in users:
                    raise bad("can't parse keyboard button: Can't find field \"request_id\"")
                for name in ("request_id", "max_quantity"):
                    value = users.get(name)
                    if name in users and (isinstance(value, bool) or not isinstance(value, int)
                                          or not -2**31 <= value < 2**31):
                        raise bad(f"can't parse keyboard button: Field \"{name}\" must be a "
                                  "valid Number")
                if users.get("max_quantity", 1) > REQUEST_USERS_MAX:
                    raise bad("REQUEST_PEER_INVALID")
        return markup

    def own_message(self, chat: EmuChat, params: JSON, missing: str) -> EmuMessage:
        message_id = self.p_int(params, "message_id")
        msg = chat.messages.get(message_id or 0)
        if msg is None or msg.deleted:
            raise bad(missing)
        return msg

    def bot_send(
        self,
        chat: EmuChat,
        params: JSON,
        kind: str,
        *,
        text: str = "",
        entities: list[JSON] | None = None,
        html: str | None = None,
        media: JSON | None = None,
        extra: JSON | None = None,
    ) -> EmuMessage:
        thread_id = self.thread_of(chat, params)
        reply_to = self.reply_of(chat, params)
        if reply_to is not None and thread_id is None:
            thread_id = chat.messages[reply_to].thread_id
        markup = self.markup_of(params)
        reply_markup = params.get("reply_markup")
        if isinstance(reply_markup, dict) and chat.type == "private":
            # a reply keyboard stays under the input field until another one or a
            # remove_keyboard replaces it (one_time_keyboard: hidden once used)
            if "keyboard" in reply_markup:
                chat.reply_keyboard = reply_markup
            elif reply_markup.get("remove_keyboard"):
                chat.reply_keyboard = None
        return self.store_message(
            chat,
            {
                "sender_id": self.bot_user["id"],
                "from_bot": True,
                "kind": kind,
                "text": text,
                "entities": entities or [],
                "html": html,
                "media": media or {},
                "reply_markup": markup,
                "thread_id": thread_id,
                "reply_to_message_id": reply_to,
                "extra": extra or {},
            },
        )
