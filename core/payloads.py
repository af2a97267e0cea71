"""What an outbox message says, as types: the one place that knows the JSON shape.

``core.outgoing`` builds them and stores ``to_json()``; the sender reads a row
back with ``parse``. The shape is the one earlier versions wrote (rows still
owed after an upgrade send as before): every field but a notice's template is
optional when read.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, ClassVar, NotRequired, TypedDict


@dataclass(frozen=True)
class Card:
    """The request's card in a department's chat, rendered when sent (edits coalesce)."""

    kind: ClassVar[str] = "card"
    moved: bool = False  # in a place the department left: says "moved", no buttons

    def to_json(self) -> dict[str, Any]:
        return {"moved": True} if self.moved else {}

    def people(self) -> set[int]:
        return set()


@dataclass(frozen=True)
class Relay:
    """A person's message passed on: text re-rendered with a header, media copied."""

    kind: ClassVar[str] = "relay"
    from_chat: int
    message_id: int
    author_id: int
    text: str | None
    caption: str | None = None
    reply_to_card: bool = False  # under the card (to a group), else under the last notice
    merged: int = 1  # texts joined into this one while it waited
    watcher: bool = False  # written by a watcher of the request, not its requester
    # written while the request awaited approval, between its requester and an approver:
    # the header names the writer's part ("requester" | "approver"), not the department
    part: str | None = None

    def to_json(self) -> dict[str, Any]:
        shape: dict[str, Any] = {
            "from_chat": self.from_chat, "message_id": self.message_id,
            "author_id": self.author_id, "text": self.text, "caption": self.caption,
            "reply_to_card": self.reply_to_card}
        if self.watcher:
            shape["watcher"] = True
        if self.part:
            shape["part"] = self.part
        return {**shape, "merged": self.merged} if self.merged > 1 else shape

    def joined(self, text: str) -> Relay:
        assert self.text is not None
        return replace(self, text=f"{self.text}\n\n{text}", merged=self.merged + 1)

    def people(self) -> set[int]:
        return {self.author_id}


@dataclass(frozen=True)
class Notice:
    """A text from the locale files (``notice.<template>``) filled with ``args``."""

    kind: ClassVar[str] = "notice"
    template: str
    args: dict[str, Any] = field(default_factory=dict)
    keyboard: str | None = None  # "review" or "rate": buttons under it
    reply_to_card: bool = False  # in a department's chat, under the request's card
    reply_to: int | None = None  # under this message of the recipient's

    def to_json(self) -> dict[str, Any]:
        shape: dict[str, Any] = {"template": self.template, "args": self.args}
        if self.keyboard is not None:
            shape["keyboard"] = self.keyboard
        if self.reply_to_card:
            shape["reply_to_card"] = True
        if self.reply_to is not None:
            shape["reply_to"] = self.reply_to
        return shape

    def people(self) -> set[int]:
        actor = self.args.get("actor_id")
        return {int(actor)} if actor else set()


class DigestLine(TypedDict):
    """One request in a digest: an alert (``kind`` and its ``clock``) or "stuck"."""

    kind: str
    clock: str | None
    id: int
    type: str
    department: str
    due: str | None  # ISO; for "stuck", the last movement
    needed_by: str | None  # ISO date
    status: NotRequired[str]  # "stuck" lines


@dataclass(frozen=True)
class Digest:
    """Everything due for one reader in one scan (a notice with the template "digest")."""

    kind: ClassVar[str] = "notice"
    lines: list[DigestLine]
    mention: int | None = None  # never started the bot: mentioned in the department's chat
    private: bool = False
    more: int = 0  # lines left out at the source

    def to_json(self) -> dict[str, Any]:
        shape: dict[str, Any] = {"template": "digest", "lines": self.lines, "args": {}}
        if self.mention is not None:
            shape["mention"] = self.mention
        if self.private:
            shape["private"] = True
        if self.more:
            shape["more"] = self.more
        return shape

    def people(self) -> set[int]:
        return {self.mention} if self.mention else set()


@dataclass(frozen=True)
class Weekly:
    """The managers' week of one department (core.weekly): which week, not its figures;
    they are read and rendered when it is sent, in the manager's language."""

    kind: ClassVar[str] = "notice"
    department: str
    day: str  # ISO date of the nominal day: the week reported is the seven days before

    def to_json(self) -> dict[str, Any]:
        return {"template": "weekly", "args": {}, "department": self.department,
                "day": self.day}

    def people(self) -> set[int]:
        return set()


@dataclass(frozen=True)
class ApprovalCopy:
    """An approver's private copy of a request that needs approval, rendered when sent:
    posted once, then edited in place (who decided, and how)."""

    kind: ClassVar[str] = "approval"

    def to_json(self) -> dict[str, Any]:
        return {}

    def people(self) -> set[int]:
        return set()


Payload = Card | Relay | Notice | Digest | Weekly | ApprovalCopy


def _int(value: Any) -> int | None:
    return int(value) if value is not None else None


def parse(kind: str, payload: dict[str, Any]) -> Payload:
    """An outbox row's payload as its type."""
    if kind == "card":
        return Card(moved=bool(payload.get("moved")))
    if kind == ApprovalCopy.kind:
        return ApprovalCopy()
    if kind == "relay":
        return Relay(int(payload["from_chat"]), int(payload["message_id"]),
                     int(payload["author_id"]), payload.get("text"), payload.get("caption"),
                     bool(payload.get("reply_to_card")), int(payload.get("merged") or 1),
                     bool(payload.get("watcher")), payload.get("part") or None)
    if payload.get("template") == "weekly":
        return Weekly(str(payload["department"]), str(payload["day"]))
    if payload.get("template") == "digest":
        return Digest(list(payload.get("lines", [])), _int(payload.get("mention")),
                      bool(payload.get("private")), int(payload.get("more") or 0))
    return Notice(payload["template"], dict(payload.get("args") or {}),
                  payload.get("keyboard"), bool(payload.get("reply_to_card")),
                  _int(payload.get("reply_to")))
