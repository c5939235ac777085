"""What every settings module shares: the strict model base, the name pattern, `ConfigError`."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict

Kind = Literal["code", "text"]

NAME_PATTERN = r"^[a-z0-9][a-z0-9._-]{0,62}$"
ASSET_PREFIX = "asset:"


class ConfigError(ValueError):
    """A dataset manifest or command-line setting is wrong; the message says what to fix."""


class Model(BaseModel):
    """Settings are frozen and forbid unknown keys (a misspelt key fails with a suggestion)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


_SCIENTIFIC = re.compile(r"[+-]?\d+(\.\d*)?[eE][+-]?\d+")


def _scientific_count(value: object) -> object:
    # NOTE: YAML 1.1 (PyYAML) reads `1e12` as a string (only `1.0e12` is a float): a count written that way means
    # the number; pydantic still rejects one that is not whole (1.5e0).
    if isinstance(value, str) and _SCIENTIFIC.fullmatch(value.strip()):
        return float(value)
    return value


# A count of tokens that may be written `90e9` as well as `90_000_000_000`.
TokenCount = Annotated[int, BeforeValidator(_scientific_count)]
