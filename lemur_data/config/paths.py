"""Where data lives: `${VAR}` parameters, paths relative to the manifest's folder, credentials kept out of logs."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, Callable

from lemur_data import storage
from lemur_data.config.base import ConfigError

_ENV_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}")
# Keys that only say where data lives (never what the recipe does): the ones `validate` may leave unset.
PATH_KEYS = re.compile(
    r"^(output|sources\[\d+\]\.path|tokenizer\.path|dedup\.index_from\[\d+\]|dedup\.checkpoint_dir)$")


def expand_env(value: Any, *, origin: str, key: str, unset_paths: list[tuple[str, str]] | None = None) -> Any:
    """Replace `${NAME}` / `${NAME:-default}` in string values, so bucket paths can be parameters of a run.

    An unset variable without a default is a configuration mistake: it fails naming the key and the variable
    (unless `unset_paths` collects it for a location key; see `load_manifest`).
    """
    if isinstance(value, dict):
        return {k: expand_env(v, origin=origin, key=f"{key}.{k}" if key else str(k), unset_paths=unset_paths)
                for k, v in value.items()}
    if isinstance(value, list):
        return [expand_env(v, origin=origin, key=f"{key}[{i}]", unset_paths=unset_paths)
                for i, v in enumerate(value)]
    if not isinstance(value, str):
        return value

    def substitute(m: re.Match[str]) -> str:
        name, default = m.group(1), m.group(2)
        if name in os.environ:
            return os.environ[name]
        if default is not None:
            return default
        if unset_paths is not None and PATH_KEYS.match(key):
            unset_paths.append((key, name))
            return m.group(0)
        raise ConfigError(f"{origin}: {key}: environment variable ${{{name}}} is not set and has no default "
                          f"(set it, or write ${{{name}:-default}})")

    return _ENV_REF.sub(substitute, value)


def resolver(base_dir: Path) -> Callable[[str], str]:
    """A path as written in the manifest -> the path to use: remote and absolute paths as they are, relative ones
    from the manifest's folder."""

    def resolve(p: str) -> str:
        if storage.is_remote(p) or os.path.isabs(p):
            return p
        return os.path.normpath(str(base_dir / p))

    return resolve


def redact_uri(uri: str) -> str:
    """Drop any user:password@ part of a URI before it is logged or written to a manifest."""
    return re.sub(r"^([a-z0-9]+://)[^/@]*@", r"\1", uri)
