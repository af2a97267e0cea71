"""The outbox's payloads: rows written by the previous versions read as the same
typed items, and what is written now reads back unchanged."""

from __future__ import annotations

from typing import Any

import pytest

from core.payloads import Card, Digest, DigestLine, Notice, Payload, Relay, parse

LINE: DigestLine = {"kind": "breach", "clock": "resolve", "id": 7, "type": "Access",
                    "department": "it", "due": "2026-11-23T09:00:00+00:00", "needed_by": None}

# exactly as the code before the typed payloads wrote them
OLD_ROWS: list[tuple[str, dict[str, Any], Payload]] = [
    ("card", {}, Card()),
    ("card", {"moved": True}, Card(moved=True)),
    ("notice", {"template": "taken", "args": {"actor_id": 5}, "keyboard": None},
     Notice("taken", {"actor_id": 5})),
    ("notice", {"template": "done", "args": {}, "keyboard": "review"},
     Notice("done", keyboard="review")),
    ("notice", {"template": "reopened", "args": {"actor_id": 5}, "reply_to_card": True},
     Notice("reopened", {"actor_id": 5}, reply_to_card=True)),
    ("notice", {"template": "bound_requests", "args": {}, "reply_to_card": False},
     Notice("bound_requests")),
    ("notice", {"template": "delayed", "args": {}}, Notice("delayed")),
    ("notice", {"template": "relay_refused", "args": {"actor_id": 5, "error": "no"},
                "reply_to": 31}, Notice("relay_refused", {"actor_id": 5, "error": "no"},
                                        reply_to=31)),
    ("relay", {"from_chat": 5, "message_id": 31, "author_id": 5, "text": "hi",
               "caption": None, "reply_to_card": True}, Relay(5, 31, 5, "hi", None, True)),
    ("relay", {"from_chat": 5, "message_id": 31, "author_id": 5, "text": "a\n\nb",
               "caption": None, "reply_to_card": False, "merged": 2},
     Relay(5, 31, 5, "a\n\nb", merged=2)),
    ("notice", {"template": "digest", "lines": [LINE], "args": {}, "private": True},
     Digest([LINE], private=True)),
    ("notice", {"template": "digest", "lines": [LINE], "args": {}, "mention": 9, "more": 3},
     Digest([LINE], mention=9, more=3)),
    ("notice", {"template": "digest", "lines": [LINE], "args": {}, "private": False,
                "more": 0}, Digest([LINE])),
]


@pytest.mark.parametrize(("kind", "stored", "typed"), OLD_ROWS)
def test_rows_of_the_previous_version_read_as_before(kind: str, stored: dict[str, Any],
                                                     typed: Payload) -> None:
    assert parse(kind, stored) == typed
    assert typed.kind == kind
    again = typed.to_json()
    assert parse(kind, again) == typed
    # the same keys with the same values, leaving out only what reads as its default
    assert _set(stored) == _set(again)


def _set(payload: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in payload.items() if v not in (None, False, 0)}


def test_relays_join_in_order() -> None:
    joined = Relay(5, 31, 5, "first").joined("second").joined("third")
    assert joined.text == "first\n\nsecond\n\nthird" and joined.merged == 3
    assert joined.to_json()["merged"] == 3


def test_people_a_payload_names() -> None:
    assert Relay(5, 31, 6, "x").people() == {6}
    assert Notice("taken", {"actor_id": 8}).people() == {8}
    assert Digest([LINE], mention=9).people() == {9}
    assert Card().people() == set() == Notice("delayed").people()


def test_only_core_outgoing_owes_messages() -> None:
    """Every outbox message is made by core.outgoing from a typed payload: no other
    module enqueues rows or spells a payload's shape."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    producers = {"enqueue", "enqueue_many", "row"}
    found = []
    for path in sorted(p for d in ("bot", "core") for p in (root / d).rglob("*.py")):
        where = path.relative_to(root).as_posix()
        if where in ("core/outgoing.py", "core/payloads.py"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in producers \
                    and isinstance(node.value, ast.Name) and node.value.id == "outbox":
                found.append(f"{where}:{node.lineno} outbox.{node.attr}")
            if isinstance(node, ast.Dict) and any(
                    isinstance(k, ast.Constant) and k.value == "template" for k in node.keys):
                found.append(f"{where}:{node.lineno} a payload spelled out")
    assert found == []


def test_a_relay_while_awaiting_approval_keeps_the_writers_part() -> None:
    relay = Relay(5, 31, 5, "hi", part="approver")
    assert relay.to_json()["part"] == "approver"
    assert parse(Relay.kind, relay.to_json()) == relay
    assert "part" not in Relay(5, 31, 5, "hi").to_json()  # rows as before
