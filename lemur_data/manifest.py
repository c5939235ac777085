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
from dataclasses import dataclass
from importlib import resources
from typing import Any

import jsonschema

from lemur_data import storage

MANIFEST_VERSION = "1"
MANIFEST_NAME = "_manifest.json"
# Where `runner` moves the manifest of a stage whose upstream is recomputed: kept for forensics, trusted by nothing.
STALE_NAME = "_manifest.stale.json"


class ManifestError(ValueError):
    """A manifest is missing, unreadable or does not match the schema."""


def now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


@functools.cache
def schema() -> dict[str, Any]:
    text = resources.files("lemur_data").joinpath("schemas/run-manifest.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def validation_errors(manifest: Any) -> list[str]:
    """Schema violations, then (for a manifest that fits the schema) every count that does not add up."""
    validator = jsonschema.Draft202012Validator(schema())
    errors = sorted(validator.iter_errors(manifest), key=lambda e: list(e.absolute_path))
    if errors:
        return [f"{'/'.join(str(p) for p in e.absolute_path) or '(root)'}: {e.message}" for e in errors]
    return [f"counts: {manifest['stage']}: {b.describe()}" for b in balances(manifest) if not b.holds]


@dataclass(frozen=True)
class Balance:
    """One conservation equation of a stage's counts: `total` = the sum of `parts`."""

    equation: str  # as printed, e.g. "in.docs = out.docs + dropped.docs"
    total: int
    parts: tuple[int, ...]

    @property
    def holds(self) -> bool:
        return self.total == sum(self.parts)

    def describe(self) -> str:
        total = sum(self.parts)
        terms = " + ".join(f"{p:,}" for p in self.parts) if len(self.parts) <= 4 else f"{len(self.parts)} entries"
        return f"{self.equation} does not hold: {self.total:,} != {total:,} ({terms})"


def balances(m: dict[str, Any]) -> list[Balance]:
    """The conservation law of a run manifest: every document that came in went out or was counted under a named
    reason. Checked whenever a manifest is written or validated, so a stage whose counts do not add up can neither
    commit nor pass `lemur-data manifest validate`. Equations whose terms a manifest does not carry are skipped."""
    counts = m["counts"]
    docs_in, docs_out = counts["in"].get("docs"), counts["out"].get("docs")
    dropped = counts.get("dropped", {}).get("docs")
    found = []
    if docs_out is not None:
        found.append(Balance("out.docs = sum of counts.by_source_lang[].docs", docs_out,
                             tuple(e["docs"] for e in counts["by_source_lang"])))
    if dropped is not None and "reasons" in m:
        found.append(Balance("dropped.docs = sum of reasons[].docs", dropped, tuple(r["docs"] for r in m["reasons"])))
    if m["stage"] == "crawl":
        found += _listing_balances(m)
    elif m["stage"] == "mix":
        # out.docs counts document copies (repetition): the law holds for distinct documents.
        selected = [s.get("docs_selected") for s in m.get("mixture", {}).get("sources", [])]
        if docs_in is not None and dropped is not None and selected and None not in selected:
            found.append(Balance("in.docs = sum of mixture.sources[].docs_selected + dropped.docs", docs_in,
                                 (*selected, dropped)))
    elif "repositories" in m and None not in (docs_in, docs_out, dropped):
        # tokenize in repository mode: the files of a repository became its (fewer) repository documents.
        merged = m["repositories"]["files"] - m["repositories"]["documents"]
        found.append(Balance("in.docs = out.docs + dropped.docs + repositories.files - repositories.documents",
                             docs_in, (docs_out, dropped, merged)))
    elif None not in (docs_in, docs_out, dropped):
        found.append(Balance("in.docs = out.docs + dropped.docs", docs_in, (docs_out, dropped)))
    return found


def _listing_balances(m: dict[str, Any]) -> list[Balance]:
    """Crawl, for file trees (one file = one document): listed files = documents + files skipped by reason.
    (An archive, table or WARC file holds many documents, so only its own skips are counted there.)"""
    out = []
    for src in m["inputs"].get("sources", []):
        if src["format"] not in ("files", "text"):
            continue
        name = src["source"]
        docs = sum(e["docs"] for e in m["counts"]["by_source_lang"] if e["source"] == name)
        skipped = sum(r.get("by_source", {}).get(name, 0) for r in m.get("reasons", []))
        out.append(Balance(f"{name}: listed files = documents + skipped by reason", src["files"], (docs, skipped)))
    return out


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


def stale_upstreams(m: dict[str, Any], committed: dict[str, str | None]) -> list[str]:
    """The upstream stages of manifest `m` whose manifest is gone or is not the one `m` was made from. `committed`:
    stage -> sha256 of its manifest now in place (None: none); upstreams not in it (other outputs) are not judged."""
    return [u["stage"] for u in m.get("inputs", {}).get("upstream", [])
            if u.get("stage") in committed and committed[u["stage"]] != u.get("sha256")]


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
