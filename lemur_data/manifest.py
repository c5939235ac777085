"""Run manifests: the JSON record each stage writes last, as its commit.

A manifest says what came in, what was dropped and why, and what came out (with sha256), under which code and
configuration. It is validated against manifests/schema/run-manifest.schema.json before it is written. The next
stage reads only its upstream's manifest, never "whatever files are in the folder".
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import importlib.metadata
import json
import os
import platform
import subprocess
from importlib import resources
from typing import Any

import jsonschema

from lemur_data import storage

MANIFEST_VERSION = "1"
MANIFEST_NAME = "_manifest.json"


class ManifestError(ValueError):
    """A manifest is missing, unreadable or does not match the schema."""


def now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


@functools.cache
def schema() -> dict[str, Any]:
    text = resources.files("lemur_data").joinpath("schemas/run-manifest.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def validation_errors(manifest: Any) -> list[str]:
    validator = jsonschema.Draft202012Validator(schema())
    errors = sorted(validator.iter_errors(manifest), key=lambda e: list(e.absolute_path))
    return [f"{'/'.join(str(p) for p in e.absolute_path) or '(root)'}: {e.message}" for e in errors]


def dumps(manifest: dict[str, Any]) -> bytes:
    return (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def write(store: storage.Storage, uri: str, manifest: dict[str, Any]) -> str:
    """Validate and write a manifest atomically; returns its sha256."""
    problems = validation_errors(manifest)
    if problems:
        raise ManifestError("refusing to write an invalid manifest:\n  " + "\n  ".join(problems[:20]))
    data = dumps(manifest)
    store.write_bytes(uri, data)
    return hashlib.sha256(data).hexdigest()


def read(store: storage.Storage, uri: str) -> tuple[dict[str, Any], str] | None:
    """(manifest, sha256 of its bytes), or None when there is none at `uri`."""
    try:
        data = store.read_bytes(uri)
    except (FileNotFoundError, OSError):
        return None
    try:
        return json.loads(data), hashlib.sha256(data).hexdigest()
    except ValueError as exc:
        raise ManifestError(f"{uri}: not valid JSON ({exc})") from None


def load_path(path: str, store: storage.Storage | None = None) -> dict[str, Any]:
    """A manifest from a file path / URI, or from a stage folder holding one."""
    store = store or storage.Storage()
    uri = path if path.endswith(".json") else storage.join(path, MANIFEST_NAME)
    found = read(store, uri)
    if found is None:
        raise ManifestError(f"{uri}: no manifest there")
    return found[0]


@functools.cache
def code_info() -> dict[str, Any]:
    def version(dist: str) -> str | None:
        try:
            return importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            return None

    return {
        "package": "lemur-data",
        "version": version("lemur-data") or "0+unknown",
        "git_commit": _git_commit(),
        "python": platform.python_version(),
        "pyspark": version("pyspark"),
        "pyarrow": version("pyarrow"),
    }


def _git_commit() -> str | None:
    if os.environ.get("LEMUR_GIT_COMMIT"):
        return os.environ["LEMUR_GIT_COMMIT"]
    here = os.path.dirname(os.path.abspath(__file__))
    try:
        out = subprocess.run(["git", "-C", here, "rev-parse", "HEAD"], capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.SubprocessError):
        return None
    commit = out.stdout.strip()
    return commit if out.returncode == 0 and len(commit) == 40 else None


def airflow_context() -> dict[str, str] | None:
    """Airflow sets AIRFLOW_CTX_* in the environment of the processes its tasks start."""
    keys = {
        "dag_id": "AIRFLOW_CTX_DAG_ID", "task_id": "AIRFLOW_CTX_TASK_ID", "run_id": "AIRFLOW_CTX_DAG_RUN_ID",
        "logical_date": "AIRFLOW_CTX_LOGICAL_DATE", "try_number": "AIRFLOW_CTX_TRY_NUMBER",
    }
    ctx = {k: os.environ[v] for k, v in keys.items() if os.environ.get(v)}
    return ctx or None


def check(name: str, expected: Any, observed: Any, passed: bool | None = None) -> dict[str, Any]:
    """A validation entry; `passed` defaults to expected == observed (give it for tolerances and bounds)."""
    return {"check": name, "expected": expected, "observed": observed,
            "passed": bool(expected == observed if passed is None else passed)}
