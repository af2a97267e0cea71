"""`baton check` and `baton backup` as an admin runs them."""

import sqlite3
import subprocess
import sys

from tests.conftest import ROOT


def baton(*args, env, cwd):
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], env=env, cwd=cwd,
                          capture_output=True, text=True, timeout=60)


def environment(tmp_path, **extra):
    import os

    return {**os.environ, "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'baton.db'}",
            "ORG_CONFIG": str(ROOT / "core" / "org.example.toml"), "BOT_TOKEN": "", **extra}


def test_check_reports_what_it_found(tmp_path):
    result = baton("check", env=environment(tmp_path), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "✓ organisation file" in result.stdout and "3 departments" in result.stdout
    assert "database" in result.stdout and "answers" in result.stdout
    assert "no chat bound yet: send /bind it in its group" in result.stdout


def test_check_names_a_bad_key(tmp_path):
    bad = tmp_path / "org.toml"
    bad.write_text((ROOT / "core" / "org.example.toml").read_text().replace('hours = "09:00-18:00"',
                                                                   'hours = "9-18"'))
    result = baton("check", env=environment(tmp_path, ORG_CONFIG=str(bad)), cwd=tmp_path)
    assert result.returncode == 1
    assert "calendar.hours: '9-18' is not HH:MM-HH:MM" in result.stdout


def test_backup_makes_a_consistent_copy(tmp_path):
    with sqlite3.connect(tmp_path / "baton.db") as db:
        db.execute("CREATE TABLE t (x)")
        db.execute("INSERT INTO t VALUES (42)")
    target = tmp_path / "copy.db"
    result = baton("backup", str(target), env=environment(tmp_path), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(target) as copy:
        assert copy.execute("SELECT x FROM t").fetchall() == [(42,)]
