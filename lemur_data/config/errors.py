"""Pydantic's validation errors as `ConfigError` messages: the YAML key, the bad value, what is expected."""

from __future__ import annotations

import difflib
import typing
from typing import Any

from pydantic import BaseModel, ValidationError


def format_validation_error(origin: str, exc: ValidationError, root: type[BaseModel]) -> str:
    lines = [f"{origin}: invalid dataset manifest ({exc.error_count()} problem(s)):"]
    for err in exc.errors():
        key = _key_path(err["loc"])
        if err["type"] == "extra_forbidden":
            lines.append(f"  - {key}: unknown key{_suggestion(err['loc'], root)}")
        elif err["type"] == "missing":
            lines.append(f"  - {key}: required key is missing")
        else:
            msg = err["msg"].removeprefix("Value error, ")
            lines.append(f"  - {key}: got {err['input']!r}; {msg}")
    return "\n".join(lines)


def _key_path(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def _suggestion(loc: tuple[Any, ...], root: type[BaseModel]) -> str:
    """'did you mean ...?' for a misspelt key, from the model the key was found in."""
    model: Any = root
    dict_key = False  # the next part is a key of a dict of models (e.g. a mix group's name): no field to look up
    for part in loc[:-1]:
        if isinstance(part, int) or dict_key:
            dict_key = False
            continue
        field = model.model_fields.get(part)
        ann = getattr(field, "annotation", None)
        dict_key = typing.get_origin(ann) is dict
        candidates = [a for a in getattr(ann, "__args__", ()) or (ann,) if isinstance(a, type)]
        nested = next((c for c in candidates if issubclass(c, BaseModel)), None)
        if nested is None:
            return ""
        model = nested
    close = difflib.get_close_matches(str(loc[-1]), list(model.model_fields), n=1)
    expected = ", ".join(model.model_fields)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return f"{hint} (expected one of: {expected})"
