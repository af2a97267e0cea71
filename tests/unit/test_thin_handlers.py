"""Handlers go through core: no handler opens a database session or imports anything
from ``db`` but model types."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

HANDLERS = Path(__file__).resolve().parents[2] / "bot" / "handlers"
THIN = sorted(path.name for path in HANDLERS.glob("*.py"))


def test_every_handler_module_is_checked() -> None:
    assert {"actions.py", "common.py", "form.py", "groups.py", "lists.py", "messages.py",
            "stats.py"} <= set(THIN)


@pytest.mark.parametrize("name", THIN)
def test_no_session_is_opened(name: str) -> None:
    tree = ast.parse((HANDLERS / name).read_text(encoding="utf-8"))
    opened = [f"{name}:{node.lineno}" for node in ast.walk(tree)
              if isinstance(node, ast.Attribute) and node.attr in ("transaction", "reading")]
    imported = [f"{name}:{node.lineno}: {node.module}" for node in ast.walk(tree)
                if isinstance(node, ast.ImportFrom) and node.module
                and node.module.split(".")[0] == "db" and node.module != "db.models"]
    assert opened == [] and imported == []
