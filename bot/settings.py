"""Settings from the environment and ``.env`` (SPEC §1); ``.env.example`` lists them all."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, SecretStr, field_validator
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
    # "text": one readable line per event; "json": one JSON object per line
    log_format: Literal["text", "json"] = "text"
    # /metrics and /healthz on this port (unset: no metrics server; 0: any free port)
    metrics_port: int | None = Field(default=None, ge=0, le=65535)
    metrics_listen: str = "127.0.0.1"

    @field_validator("metrics_port", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

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
