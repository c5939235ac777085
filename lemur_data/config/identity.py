"""The configuration's identity: hashes of the resolved settings (recorded in every run manifest, deciding whether a
stage reruns) and the location-free run id."""

from __future__ import annotations

import hashlib
import json
import os
from typing import Any


def canonical_sha256(obj: Any) -> str:
    return hashlib.sha256(json.dumps(obj, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


def section_sha256(resolved: dict[str, Any], keys: tuple[str, ...]) -> str:
    """Hash of the parts of the resolved configuration a stage depends on."""
    _strip_planning_figures(resolved)
    return canonical_sha256({k: resolved[k] for k in keys})


def run_id(name: str, resolved: dict[str, Any]) -> str:
    """Identity of the recipe, independent of where data lives.

    NOTE: locations (output root, source paths, endpoints, Spark settings) are left out so that the same recipe
    run from another folder or against S3 writes byte-identical outputs.
    """
    recipe = resolved
    _strip_planning_figures(recipe)
    for key in ("output", "storage", "spark"):
        recipe.pop(key)
    for src in recipe["sources"]:
        src.pop("path")
    _strip_filter_locations(recipe["filter"])
    for key in ("index_from", "checkpoint_dir"):
        recipe["dedup"].pop(key)
    recipe["tokenizer"].pop("path")  # the tokenizer's identity is its sha256, recorded in every shard
    return f"{name}-{canonical_sha256(recipe)[:12]}"


def _strip_planning_figures(cfg: dict[str, Any]) -> None:
    """`declared_tokens` feeds `lemur-data validate` only: no output depends on it, so no stage reruns for it."""
    for src in cfg["sources"]:
        src.pop("declared_tokens")


def _strip_filter_locations(f: dict[str, Any]) -> None:
    """Recipe, benchmark and model files are named by file name only in the run id (their content is hashed into
    the filter stage's input fingerprint)."""
    for kind in ("code", "text"):
        if f[kind]["recipe"]:
            f[kind]["recipe"] = os.path.basename(f[kind]["recipe"])
    for bench in f["decontamination"]["benchmarks"]:
        bench["path"] = os.path.basename(bench["path"])
    paths = f["decontamination"]["paths"]
    for name in paths:
        paths[name] = os.path.basename(paths[name])
    if f["quality_model"]:
        f["quality_model"]["path"] = os.path.basename(f["quality_model"]["path"])
