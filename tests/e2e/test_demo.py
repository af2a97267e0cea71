"""`baton demo`: the feature runs offline on what is installed with Baton."""

from __future__ import annotations

import tomllib

import pytest

from bot import demo
from core.org import EXAMPLE_ORG
from tests.conftest import ROOT


async def test_the_demo_takes_a_request_from_new_to_a_rating(capsys: pytest.CaptureFixture[str]):
    await demo.play("en")
    out = capsys.readouterr().out
    assert "👤 Rita (private): presses [5]" in out
    assert "⭐ You rated #1: ★★★★★." in out
    assert out.rstrip().endswith("and /show told its whole story.")
    assert "#1 · Access to a system · ✅ closed · Rita Ivanova /show_1" in out  # /find
    assert "Rita Ivanova filed it" in out and "Egor Petrov finished it" in out  # /show
    assert "[file baton-requests-" in out  # /export's CSV reached Anna


def test_what_the_demo_runs_on_is_installed_with_baton():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    setup = pyproject["tool"]["setuptools"]
    assert "emulator*" in setup["packages"]["find"]["include"]
    assert EXAMPLE_ORG.parent == ROOT / "core"
    assert EXAMPLE_ORG.name in setup["package-data"]["core"]
