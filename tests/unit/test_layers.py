"""Which package may import which, read from the source (no import is run):
db/ is below core/, and what is installed with Baton never reaches into tests/."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def imported(path: Path) -> set[str]:
    """The top-level packages a module imports, wherever the import statement is."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def offenders(package: str, forbidden: set[str]) -> dict[str, set[str]]:
    found = {}
    for path in sorted((ROOT / package).rglob("*.py")):
        if bad := imported(path) & forbidden:
            found[str(path.relative_to(ROOT))] = bad
    return found


def test_db_imports_nothing_from_core() -> None:
    assert offenders("db", {"core", "bot"}) == {}


def test_core_knows_nothing_of_telegram() -> None:
    """Request lifecycle, SLA arithmetic and statistics are plain Python."""
    assert offenders("core", {"bot", "telegram", "emulator"}) == {}


@pytest.mark.parametrize("package", ["bot", "core", "db", "emulator"])
def test_the_installed_packages_import_nothing_from_tests(package: str) -> None:
    assert offenders(package, {"tests", "bench"}) == {}


def test_the_emulator_is_telegram_only() -> None:
    # it stands in for Telegram: it knows nothing of Baton
    assert offenders("emulator", {"bot", "core", "db"}) == {}


def test_the_check_sees_an_import_inside_a_function(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from core.lifecycle import Status\n    import tests.x\n")
    assert imported(module) == {"core", "tests"}
