"""Running a stage: skip when up to date, clear and recompute otherwise, write the manifest last.

A stage implements two small methods (`prepare` on the driver, cheap; `execute` with Spark) and returns the
manifest sections it owns. Everything every stage needs (header, code and configuration identity, orchestration,
idempotency, atomic commit, timings) lives here, once.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from lemur_data import errors, preflight, progress, storage
from lemur_data import manifest as mf
from lemur_data import spark as spark_runtime
from lemur_data.config import DatasetManifest, redact_uri
from lemur_data.lock import OutputLock
from lemur_data.stage import Prepared, RunContext, Stage

log = logging.getLogger(__name__)


def run_stages(ctx: RunContext, names: list[str]) -> list[tuple[str, dict[str, Any]]]:
    """The preflight checks (before Spark starts, see `preflight`), then each stage of `names` in pipeline order;
    returns (stage, manifest) pairs."""
    preflight.check_run(ctx.cfg, ctx.store, ctx.stages, names)
    return [(name, run_stage(ctx.stages[name], ctx)) for name in names]


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
        _invalidate_downstream(stage, ctx)
        # NOTE: the manifest goes first and comes back last: while it is absent nothing downstream trusts the folder.
        store.delete_file(uri)
        _clear(stage, ctx)
        log.info("%s: running", stage.name)
        shuffle_before = spark_runtime.shuffle_bytes_written(ctx._spark)
        with progress.report(stage.name, lambda: ctx._spark.sparkContext if ctx._spark is not None else None):
            sections = stage.execute(ctx, prepared)
        # NOTE: the status store counts per application; a stage's share is the difference across its execute.
        shuffled = spark_runtime.shuffle_bytes_written(ctx._spark) - shuffle_before
        sections.setdefault("timings", {})["shuffle_bytes_written"] = shuffled
        for warning in sections.get("warnings", ()):
            log.warning("%s: %s", stage.name, warning["message"])
        manifest = _manifest(stage, ctx, prepared, sections, stage_sha, started, t0)
        sha = mf.write(store, uri, manifest)
    except Exception as exc:
        spark_runtime.settle_tasks(ctx._spark)  # the failed job's other tasks stop before the folder is cleared
        _clear(stage, ctx)  # a failed stage leaves nothing behind: no partial files, no temporary files
        failure = _failure(stage.name, exc)
        if failure is None:
            raise
        raise failure from exc
    log.info("%s: done in %.1fs; manifest %s", stage.name, manifest["duration_s"], uri)
    return manifest, sha


def _invalidate_downstream(stage: Stage, ctx: RunContext) -> None:
    """Before a stage is recomputed, the manifests of the stages after it are moved aside (to `_manifest.stale.json`,
    kept for forensics): they describe outputs made from the upstream about to be replaced, so none of them may
    look completed, even if this run is killed before it reaches them."""
    names = list(ctx.stages)
    for name in names[names.index(stage.name) + 1:]:
        uri = ctx.manifest_uri(ctx.stages[name])
        try:
            data = ctx.store.read_bytes(uri)
        except OSError:
            continue  # none committed
        ctx.store.write_bytes(storage.join(ctx.path(ctx.stages[name].dirs[0]), mf.STALE_NAME), data)
        ctx.store.delete_file(uri)
        log.info("%s: manifest moved aside to %s (its upstream %s is recomputed)", name, mf.STALE_NAME, stage.name)


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
    changed = changed_output(existing, ctx)
    if changed:
        log.warning("%s: output %s; recomputing", existing["stage"], changed)
        return False
    return True


def changed_output(existing: dict[str, Any], ctx: RunContext) -> str | None:
    """What is wrong with the first output file that is not as its manifest recorded it, or None.

    Policy (hashing every output on every rerun would read the whole dataset again: see README, "Up to date"): the
    size of every file is compared; a file modified after the manifest was written (mtime later than the manifest's,
    both from the same clock: the file system's or the object store's) is hashed and compared with its recorded
    sha256; with `--verify` (`ctx.verify`) every file is hashed."""
    manifest_info = ctx.store.info(ctx.manifest_uri(ctx.stages[existing["stage"]]))
    committed_ns = manifest_info.mtime_ns if manifest_info is not None else 0
    for f in existing.get("outputs", {}).get("files", []):
        uri = ctx.path(*f["path"].split("/"))
        info = ctx.store.info(uri)
        if info is None:
            return f"{uri} is missing"
        if info.size != f["bytes"]:
            return f"{uri} changed size (recorded {f['bytes']:,} bytes, found {info.size:,})"
        if ctx.verify or info.mtime_ns > committed_ns:
            found = ctx.store.sha256(uri)
            if found != f["sha256"]:
                return f"{uri} changed (sha256 recorded {f['sha256']}, found {found})"
    return None


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
