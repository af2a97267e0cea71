"""Handlers go through core: the press and message handlers open no database session
and import nothing from ``db`` but model types."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

HANDLERS = Path(__file__).resolve().parents[2] / "bot" / "handlers"
THIN = ["actions.py", "messages.py"]  # the others move to core in their own steps


@pytest.mark.parametrize("name", THIN)
def test_no_session_is_opened(name: str) -> None:
    tree = ast.parse((HANDLERS / name).read_text(encoding="utf-8"))
    opened = [f"{name}:{node.lineno}" for node in ast.walk(tree)
              if isinstance(node, ast.Attribute) and node.attr in ("transaction", "reading")]
    imported = [f"{name}:{node.lineno}: {node.module}" for node in ast.walk(tree)
                if isinstance(node, ast.ImportFrom) and node.module
                and node.module.split(".")[0] == "db" and node.module != "db.models"]
    assert opened == [] and imported == []
