"""What every settings module shares: the strict model base, the name pattern, `ConfigError`."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

Kind = Literal["code", "text"]

NAME_PATTERN = r"^[a-z0-9][a-z0-9._-]{0,62}$"
ASSET_PREFIX = "asset:"


class ConfigError(ValueError):
    """A dataset manifest or command-line setting is wrong; the message says what to fix."""


class Model(BaseModel):
    """Settings are frozen and forbid unknown keys (a misspelt key fails with a suggestion)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
