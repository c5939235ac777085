"""What the report is drawn from: each stage's committed run manifest under OUT (found through `STAGES`, so a new
stage shows up without changes here) and, for the length distributions, the `size_bytes` column of the stages'
main output files (at most `max_files` evenly spaced files per stage, column projection only)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyarrow.parquet as pq

from lemur_data import manifest as mf
from lemur_data import storage


@dataclass
class LengthSample:
    """size_bytes per kind from a stage's main output (possibly from a subset of its files)."""

    sizes: dict[str, np.ndarray]
    files_read: int
    files_total: int


@dataclass
class StageRun:
    name: str
    dirs: list[str]
    manifest_uri: str
    manifest: dict[str, Any] | None
    problems: list[str] = field(default_factory=list)  # schema violations of the manifest, if any
    lengths: LengthSample | None = None

    @property
    def ran(self) -> bool:
        return self.manifest is not None


@dataclass
class ReportData:
    root: str
    stages: list[StageRun]

    def ran(self) -> list[StageRun]:
        return [s for s in self.stages if s.ran]

    def not_run(self) -> list[str]:
        return [s.name for s in self.stages if not s.ran]

    def stage(self, name: str) -> StageRun | None:
        return next((s for s in self.stages if s.name == name), None)


def collect(root: str, store: storage.Storage, max_files: int) -> ReportData:
    """Every stage's committed manifest under `root`, and length samples of the main outputs."""
    from lemur_data.stages import STAGES  # noqa: PLC0415 - the registry imports pyspark

    runs = []
    for stage in STAGES.values():
        uri = storage.join(root, stage.dirs[0], mf.MANIFEST_NAME)
        found = mf.read(store, uri)
        run = StageRun(stage.name, list(stage.dirs), uri, found[0] if found else None)
        if run.manifest is not None:
            run.problems = mf.validation_errors(run.manifest)
            run.lengths = _length_sample(run.manifest, root, store, max_files)
        runs.append(run)
    return ReportData(root, runs)


def _length_sample(m: dict[str, Any], root: str, store: storage.Storage, max_files: int) -> LengthSample | None:
    """size_bytes by kind from evenly spaced main-output files that carry both columns; None if none do."""
    outputs = m.get("outputs") or {}
    dirs = outputs.get("dirs") or []
    if not dirs:
        return None
    files = sorted((f for f in outputs.get("files", []) if f["path"].startswith(dirs[0] + "/")
                    and f["path"].endswith(".parquet")), key=lambda f: f["path"])
    chosen = _evenly_spaced(files, max_files)
    sizes: dict[str, list[np.ndarray]] = {}
    read = 0
    for f in chosen:
        with store.open_input(storage.join(root, *f["path"].split("/"))) as fh:
            pf = pq.ParquetFile(fh)
            if not {"kind", "size_bytes"} <= set(pf.schema_arrow.names):
                continue
            table = pf.read(columns=["kind", "size_bytes"])
        read += 1
        kinds = table.column("kind").to_numpy(zero_copy_only=False).astype(str)
        values = table.column("size_bytes").to_numpy(zero_copy_only=False)
        for kind in np.unique(kinds):
            sizes.setdefault(str(kind), []).append(values[kinds == kind])
    if not read:
        return None
    return LengthSample({k: np.concatenate(v) for k, v in sorted(sizes.items())}, read, len(files))


def _evenly_spaced(items: list[Any], n: int) -> list[Any]:
    if len(items) <= n:
        return items
    if n == 1:
        return items[:1]
    return [items[round(i * (len(items) - 1) / (n - 1))] for i in range(n)]
