"""Settings from the environment and ``.env`` (SPEC §1); ``.env.example`` lists them all."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, SecretStr, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError
from pydantic_settings import BaseSettings, SettingsConfigDict

# Telegram sends the secret with every update; it takes 1-256 of these characters.
# Fewer than 16 could be guessed, and without one anyone who finds the URL could
# post updates "from" an admin.
WEBHOOK_SECRET = re.compile(r"[A-Za-z0-9_-]{16,256}")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    bot_token: SecretStr | None = None
    telegram_api_url: str = "https://api.telegram.org"
    database_url: str = "sqlite+aiosqlite:///./data/baton.db"
    org_config: str = "./org.toml"
    scheduler_interval: float = Field(default=60, gt=0)
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = Field(default=None, validate_default=True)
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8443
    log_level: str = "INFO"
    # "text": one readable line per event; "json": one JSON object per line
    log_format: Literal["text", "json"] = "text"
    # /metrics and /healthz on this port (unset: no metrics server; 0: any free port)
    metrics_port: int | None = Field(default=None, ge=0, le=65535)
    metrics_listen: str = "127.0.0.1"

    @field_validator("metrics_port", "webhook_url", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("webhook_secret")
    @classmethod
    def _webhook_needs_a_secret(cls, value: SecretStr | None,
                                info: ValidationInfo) -> SecretStr | None:
        """Webhook mode refuses to start without a secret (SPEC §1)."""
        if info.data.get("webhook_url") and not WEBHOOK_SECRET.fullmatch(
                value.get_secret_value() if value is not None else ""):
            raise PydanticCustomError(
                "webhook_secret",
                "webhook mode (WEBHOOK_URL is set) needs a secret: at least 16 characters, "
                "only letters, digits, _ and - (for example from `openssl rand -hex 32`)")
        return value

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
