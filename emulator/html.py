"""Telegram-flavoured HTML parser (``parse_mode="HTML"``).

Mirrors TDLib's ``parse_html`` (td/telegram/MessageEntity.cpp) closely enough that
a bot which passes here is accepted by Telegram and vice versa: the same tag set,
the same entity decoding (a bare ``&`` stays literal), the same error wording with
*byte* offsets into the UTF-8 input, and entity offsets in UTF-16 code units.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Entity = dict[str, Any]

# Tag name -> Bot API entity type; ``a``/``pre``/``code``/``span``/``blockquote``/
# ``tg-emoji`` are refined when the tag closes.
_TAG_TYPES: dict[str, str] = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
    "code": "code",
    "pre": "pre",
    "a": "text_link",
    "tg-emoji": "custom_emoji",
    "blockquote": "blockquote",
}

_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_SPACES = " \t\r\n\f\v"


class HtmlParseError(ValueError):
    """Raised with TDLib's wording; the API layer prefixes "Bad Request: can't parse entities: "."""


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit Telegram uses for entity offsets and limits."""
    return len(text.encode("utf-16-le")) // 2


def _decode_entity(text: str, i: int) -> tuple[str, int] | None:
    """Decode an HTML entity starting at ``text[i] == '&'``; return (char, next index)."""
    end = text.find(";", i + 1)
    if end == -1 or end - i > 12:
        return None
    body = text[i + 1 : end]
    if body in _NAMED_ENTITIES:
        return _NAMED_ENTITIES[body], end + 1
    if body.startswith("#"):
        digits = body[1:]
        try:
            code = int(digits[1:], 16) if digits[:1] in ("x", "X") else int(digits, 10)
        except ValueError:
            return None
        # TDLib rejects 0, surrogates and out-of-range code points: '&' then stays literal.
        if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            return None
        return chr(code), end + 1
    return None


@dataclass
class _Open:
    tag: str
    argument: str
    utf16_offset: int
    byte_offset: int


class _Parser:
    def __init__(self, source: str) -> None:
        self.src = source
        self.n = len(source)
        self.out: list[str] = []
        self.u16 = 0  # current UTF-16 offset in the produced plain text
        self.entities: list[Entity] = []
        self.stack: list[_Open] = []

    def byte_pos(self, i: int) -> int:
        return len(self.src[:i].encode("utf-8"))

    def ch(self, i: int) -> str:
        return self.src[i] if i < self.n else ""

    def emit(self, s: str) -> None:
        self.out.append(s)
        self.u16 += utf16_len(s)

    def parse(self) -> tuple[str, list[Entity]]:
        i = 0
        while i < self.n:
            c = self.src[i]
            if c == "&":
                decoded = _decode_entity(self.src, i)
                if decoded is not None:
                    self.emit(decoded[0])
                    i = decoded[1]
                    continue
            if c != "<":
                self.emit(c)
                i += 1
                continue
            i = self.end_tag(i) if self.ch(i + 1) == "/" else self.start_tag(i)
        if self.stack:
            raise HtmlParseError(
                f'Can\'t find end tag corresponding to start tag "{self.stack[-1].tag}"'
            )
        self.entities.sort(key=lambda e: (e["offset"], -e["length"]))
        return "".join(self.out), self.entities

    def start_tag(self, begin: int) -> int:
        i = begin + 1
        while i < self.n and self.src[i] not in _SPACES and self.src[i] != ">":
            i += 1
        if i >= self.n:
            raise HtmlParseError(f"Unclosed start tag at byte offset {self.byte_pos(begin)}")
        tag = self.src[begin + 1 : i].lower()
        if tag not in _TAG_TYPES:
            raise HtmlParseError(
                f'Unsupported start tag "{tag}" at byte offset {self.byte_pos(begin)}'
            )
        argument = ""
        while self.ch(i) != ">":
            while self.ch(i) and self.ch(i) in _SPACES:
                i += 1
            if self.ch(i) == ">":
                break
            if not self.ch(i):
                raise HtmlParseError(f"Unclosed start tag at byte offset {self.byte_pos(begin)}")
            name_start = i
            while self.ch(i) and self.ch(i) not in _SPACES and self.ch(i) not in "=>":
                i += 1
            name = self.src[name_start:i].lower()
            if not name:
                raise HtmlParseError(
                    f'Empty attribute name in the tag "{tag}" at byte offset {self.byte_pos(begin)}'
                )
            while self.ch(i) and self.ch(i) in _SPACES:
                i += 1
            if self.ch(i) != "=":
                # Telegram accepts the valueless ``<blockquote expandable>`` attribute.
                if tag == "blockquote" and name == "expandable":
                    argument = "1"
                    continue
                raise HtmlParseError(
                    "Expected equal sign in declaration of an attribute of the tag "
                    f'"{tag}" at byte offset {self.byte_pos(begin)}'
                )
            i += 1
            while self.ch(i) and self.ch(i) in _SPACES:
                i += 1
            if not self.ch(i):
                raise HtmlParseError(
                    f'Unclosed start tag "{tag}" at byte offset {self.byte_pos(begin)}'
                )
            value, i = self.attribute_value(i, begin)
            argument = self.tag_argument(tag, name, value, argument)
        if tag == "span" and argument != "spoiler":
            raise HtmlParseError(
                f'Tag "span" must have class "tg-spoiler" at byte offset {self.byte_pos(begin)}'
            )
        self.stack.append(_Open(tag, argument, self.u16, self.byte_pos(begin)))
        return i + 1

    def attribute_value(self, i: int, begin: int) -> tuple[str, int]:
        quote = self.ch(i)
        if quote not in ("'", '"'):
            start = i
            while self.ch(i) and (self.ch(i).isalnum() or self.ch(i) in ".-"):
                i += 1
            if not self.ch(i) or self.ch(i) not in _SPACES + ">":
                raise HtmlParseError(
                    f"Unexpected end of name token at byte offset {self.byte_pos(start)}"
                )
            return self.src[start:i].lower(), i
        i += 1
        parts: list[str] = []
        while i < self.n and self.src[i] != quote:
            if self.src[i] == "&":
                decoded = _decode_entity(self.src, i)
                if decoded is not None:
                    parts.append(decoded[0])
                    i = decoded[1]
                    continue
            parts.append(self.src[i])
            i += 1
        if i >= self.n:
            raise HtmlParseError(f"Unclosed start tag at byte offset {self.byte_pos(begin)}")
        return "".join(parts), i + 1

    @staticmethod
    def tag_argument(tag: str, name: str, value: str, current: str) -> str:
        if tag == "a" and name == "href":
            return value
        if tag == "code" and name == "class" and value.startswith("language-"):
            return value[len("language-") :]
        if tag == "span" and name == "class" and value.startswith("tg-"):
            return value[len("tg-") :]
        if tag == "tg-emoji" and name == "emoji-id":
            return value
        if tag == "blockquote" and name == "expandable":
            return "1"
        return current

    def end_tag(self, begin: int) -> int:
        if not self.stack:
            raise HtmlParseError(f"Unexpected end tag at byte offset {self.byte_pos(begin)}")
        i = begin + 2
        while i < self.n and self.src[i] not in _SPACES and self.src[i] != ">":
            i += 1
        end_name = self.src[begin + 2 : i].lower()
        while i < self.n and self.src[i] in _SPACES:
            i += 1
        if self.ch(i) != ">":
            raise HtmlParseError(f"Unclosed end tag at byte offset {self.byte_pos(begin)}")
        top = self.stack[-1]
        if end_name and end_name != top.tag:
            raise HtmlParseError(
                f"Unmatched end tag at byte offset {self.byte_pos(begin)}, "
                f'expected "</{top.tag}>", found "</{end_name}>"'
            )
        self.stack.pop()
        if self.u16 > top.utf16_offset:  # empty entities are dropped, as TDLib does
            self.close_entity(top)
        return i + 1

    def close_entity(self, top: _Open) -> None:
        offset, length = top.utf16_offset, self.u16 - top.utf16_offset
        entity: Entity = {"type": _TAG_TYPES[top.tag], "offset": offset, "length": length}
        if top.tag == "a":
            inner = "".join(self.out).encode("utf-16-le")[-2 * length :].decode("utf-16-le")
            url = top.argument or inner
            if url.startswith("tg://user?id="):
                user_id = url[len("tg://user?id=") :]
                if not user_id.isdigit():
                    return
                entity = {**entity, "type": "text_mention", "user": {"id": int(user_id)}}
            else:
                entity["url"] = url
        elif top.tag == "tg-emoji":
            if not top.argument:
                return
            entity["custom_emoji_id"] = top.argument
        elif top.tag == "blockquote" and top.argument:
            entity["type"] = "expandable_blockquote"
        elif top.tag == "pre":
            last = self.entities[-1] if self.entities else None
            if (
                last is not None
                and last["type"] == "code"
                and last["offset"] == offset
                and last["length"] == length
            ):
                # <pre><code class="language-x">…</code></pre> is a single pre entity.
                self.entities.pop()
                if last.get("_language"):
                    entity["language"] = last["_language"]
        elif top.tag == "code" and top.argument:
            entity["_language"] = top.argument  # only meaningful inside <pre>; stripped below
        self.entities.append(entity)


def strip_formatted(text: str, entities: list[Entity]) -> tuple[str, list[Entity]]:
    """Trim surrounding whitespace like Telegram does, clipping entities to the kept text."""
    stripped = text.strip()
    if not stripped:
        return "", []
    lead = utf16_len(text[: len(text) - len(text.lstrip())])
    total = utf16_len(stripped)
    result: list[Entity] = []
    for entity in entities:
        start = max(entity["offset"] - lead, 0)
        end = min(entity["offset"] + entity["length"] - lead, total)
        if end > start:
            result.append({**entity, "offset": start, "length": end - start})
    return stripped, result


def parse_html(source: str) -> tuple[str, list[Entity]]:
    """Return ``(plain_text, entities)`` or raise :class:`HtmlParseError`."""
    text, entities = _Parser(source).parse()
    for entity in entities:
        entity.pop("_language", None)
    return strip_formatted(text, entities)
