"""Running a stage: skip when up to date, clear and recompute otherwise, write the manifest last.

A stage implements two small methods (`prepare` on the driver, cheap; `execute` with Spark) and returns the
manifest sections it owns. Everything every stage needs (header, code and configuration identity, orchestration,
idempotency, atomic commit, timings) lives here, once.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Any, Protocol

from pyspark.sql import SparkSession

from lemur_data import errors, progress
from lemur_data import manifest as mf
from lemur_data import spark as spark_runtime
from lemur_data import storage
from lemur_data.config import DatasetManifest, redact_uri
from lemur_data.lock import OutputLock

log = logging.getLogger(__name__)


@dataclass
class RunContext:
    """What a stage run needs besides its own code. The Spark session starts on first use."""

    cfg: DatasetManifest
    force: bool = False
    master: str | None = None
    spark_conf: dict[str, str] = field(default_factory=dict)
    _spark: SparkSession | None = None
    # sha256 of each stage manifest this context committed or found up to date: an upstream that changes between
    # two stages of one run was rewritten by another run, and must not be mixed into this one.
    _seen: dict[str, str] = field(default_factory=dict)

    @property
    def store(self) -> storage.Storage:
        return storage.from_config(self.cfg.storage)

    @property
    def spark(self) -> SparkSession:
        if self._spark is None:
            self._spark = spark_runtime.get_session(self.cfg.spark, master=self.master, conf=self.spark_conf,
                                                    app_name=f"lemur-data:{self.cfg.name}")
        return self._spark

    def path(self, *parts: str) -> str:
        return storage.join(self.cfg.output, *parts)

    def manifest_uri(self, stage: Stage) -> str:
        return self.path(stage.dirs[0], mf.MANIFEST_NAME)

    def previous_stage(self, stage_name: str) -> str:
        """The stage before `stage_name` in pipeline order: the one whose main output it reads."""
        from lemur_data.stages import STAGES  # noqa: PLC0415 - the registry imports this module

        names = list(STAGES)
        return names[names.index(stage_name) - 1]

    def upstream(self, stage_name: str) -> tuple[dict[str, Any], str, str]:
        """(manifest, sha256, uri) of a finished upstream stage; a clear error if it has not run."""
        from lemur_data.stages import STAGES  # noqa: PLC0415 - the registry imports this module

        uri = self.manifest_uri(STAGES[stage_name])
        found = mf.read(self.store, uri)
        if found is None or found[0].get("status") != "completed":
            raise mf.ManifestError(f"stage '{stage_name}' has not completed for this dataset (no {uri}); "
                                   f"run `lemur-data {stage_name} MANIFEST` or `lemur-data run MANIFEST` first")
        if self._seen.get(stage_name, found[1]) != found[1]:
            raise mf.ManifestError(f"{uri} was rewritten by another run after this run committed it; "
                                   "rerun to build on one consistent upstream")
        return found[0], found[1], uri


@dataclass
class Prepared:
    """What `prepare` found: the input fingerprint (decides skipping), the manifest's inputs section, and any
    plan the stage wants to hand to `execute`."""

    fingerprint: str
    inputs: dict[str, Any]
    plan: Any = None


class Stage(Protocol):
    name: str
    dirs: tuple[str, ...]  # output folders under the dataset root; the first holds the manifest
    config_keys: tuple[str, ...]  # top-level config sections whose change invalidates the output

    def prepare(self, ctx: RunContext) -> Prepared: ...

    def execute(self, ctx: RunContext, prepared: Prepared) -> dict[str, Any]: ...


def run_stage(stage: Stage, ctx: RunContext) -> dict[str, Any]:
    """Run `stage` unless its committed output is up to date; returns the stage's manifest. The output root's lock
    is held from reading the inputs to the commit, so two runs never interleave on one output."""
    lock = OutputLock(ctx.store, ctx.cfg.output, ctx.cfg.run_id())
    lock.acquire()
    try:
        manifest, sha = _run_locked(stage, ctx)
    finally:
        lock.release()
    ctx._seen[stage.name] = sha
    return manifest


def _run_locked(stage: Stage, ctx: RunContext) -> tuple[dict[str, Any], str]:
    started, t0 = mf.now_iso(), time.monotonic()
    store, uri = ctx.store, ctx.manifest_uri(stage)
    prepared = stage.prepare(ctx)
    stage_sha = ctx.cfg.section_sha256(*stage.config_keys)
    existing = mf.read(store, uri)
    if existing is not None and not ctx.force and _up_to_date(existing[0], stage_sha, prepared, ctx):
        log.info("%s: up to date (run %s, completed %s); skipping. Use --force to recompute.",
                 stage.name, existing[0]["run_id"], existing[0]["completed_at"])
        return existing
    try:
        # NOTE: the manifest goes first and comes back last: while it is absent nothing downstream trusts the folder.
        store.delete_file(uri)
        _clear(stage, ctx)
        log.info("%s: running", stage.name)
        with progress.report(stage.name, lambda: ctx._spark.sparkContext if ctx._spark is not None else None):
            sections = stage.execute(ctx, prepared)
        manifest = _manifest(stage, ctx, prepared, sections, stage_sha, started, t0)
        sha = mf.write(store, uri, manifest)
    except Exception as exc:
        _clear(stage, ctx)  # a failed stage leaves nothing behind: no partial files, no temporary files
        failure = _failure(stage.name, exc)
        if failure is None:
            raise
        raise failure from exc
    log.info("%s: done in %.1fs; manifest %s", stage.name, manifest["duration_s"], uri)
    return manifest, sha


def _clear(stage: Stage, ctx: RunContext) -> None:
    for d in stage.dirs:
        ctx.store.delete_tree(ctx.path(d))


def _failure(stage_name: str, exc: Exception) -> errors.StageFailed | None:
    """The stage's failure in one line naming cause and file, when the error says them (a task's `TaskError`, or
    an OSError on the driver); None for anything else (a bug: the traceback is what helps)."""
    message = errors.task_message(exc)
    if message is None and isinstance(exc, OSError) and exc.filename:
        message = errors.describe_os_error(exc, str(exc.filename))
    return errors.StageFailed(f"{stage_name}: {message}") if message else None


def _manifest(stage: Stage, ctx: RunContext, prepared: Prepared, sections: dict[str, Any], stage_sha: str,
              started: str, t0: float) -> dict[str, Any]:
    return {
        "manifest_version": mf.MANIFEST_VERSION,
        "stage": stage.name,
        "dataset": ctx.cfg.name,
        "run_id": ctx.cfg.run_id(),
        "status": "completed",
        "started_at": started,
        "completed_at": mf.now_iso(),
        "duration_s": round(time.monotonic() - t0, 3),
        "code": mf.code_info(),
        "orchestration": _orchestration(ctx),
        "config": {
            "sha256": ctx.cfg.sha256(),
            "stage_sha256": stage_sha,
            "seed": ctx.cfg.seed,
            "resolved": _redacted_config(ctx.cfg),
        },
        "inputs": {"fingerprint": prepared.fingerprint, **prepared.inputs},
        **sections,
    }


def _up_to_date(existing: dict[str, Any], stage_sha: str, prepared: Prepared, ctx: RunContext) -> bool:
    if existing.get("status") != "completed":
        return False
    if existing.get("config", {}).get("stage_sha256") != stage_sha:
        return False
    if existing.get("inputs", {}).get("fingerprint") != prepared.fingerprint:
        return False
    for f in existing.get("outputs", {}).get("files", []):
        info = ctx.store.info(ctx.path(*f["path"].split("/")))
        if info is None or info.size != f["bytes"]:
            log.warning("output %s is missing or changed; recomputing", f["path"])
            return False
    return True


def _orchestration(ctx: RunContext) -> dict[str, Any]:
    out: dict[str, Any] = {"spark_master": None, "spark_app_id": None, "spark_version": None,
                           "default_parallelism": None, "airflow": mf.airflow_context()}
    if ctx._spark is not None:
        sc = ctx._spark.sparkContext
        out.update(spark_master=sc.master, spark_app_id=sc.applicationId, spark_version=ctx._spark.version,
                   default_parallelism=sc.defaultParallelism)
    return out


def _redacted_config(cfg: DatasetManifest) -> dict[str, Any]:
    resolved = cfg.to_json_dict()
    resolved["output"] = redact_uri(resolved["output"])
    for src in resolved["sources"]:
        src["path"] = redact_uri(src["path"])
    return resolved
