"""Settings from the environment and ``.env`` (SPEC §1); ``.env.example`` lists them all."""

from __future__ import annotations

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    bot_token: SecretStr | None = None
    telegram_api_url: str = "https://api.telegram.org"
    database_url: str = "sqlite+aiosqlite:///./data/baton.db"
    org_config: str = "./org.toml"
    scheduler_interval: float = Field(default=60, gt=0)
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8443
    log_level: str = "INFO"

    @property
    def api_base(self) -> str:
        return self.telegram_api_url.rstrip("/")

    @property
    def base_url(self) -> str:
        """python-telegram-bot appends the token: ``{base_url}{token}/{method}``."""
        return f"{self.api_base}/bot"

    @property
    def base_file_url(self) -> str:
        return f"{self.api_base}/file/bot"
