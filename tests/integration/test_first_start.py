"""A first start on a fresh machine: the SQLite file's folder does not exist yet."""

from pydantic import SecretStr

from bot.app import prepare
from bot.settings import Settings
from tests.conftest import example_org


async def test_first_start_creates_the_database_folder(tmp_path):
    path = tmp_path / "data" / "baton.db"
    settings = Settings(bot_token=SecretStr("1:x"), database_url=f"sqlite+aiosqlite:///{path}",
                        org_config="-")
    svc = await prepare(settings, org=example_org())
    try:
        await svc.db.ping()
    finally:
        await svc.db.dispose()
    assert path.exists()
