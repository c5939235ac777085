"""What a dataset's output root holds: the pipeline's stages in run order and each one's committed run manifest.

`lemur-data stages` prints it; schedulers read its JSON form (the Airflow DAG asks it for the task list when it
is parsed, and for the manifest a task committed after its spark-submit, which it publishes as the task's XCom).
Only manifests are read: no data, no Spark.
"""

from __future__ import annotations

from typing import Any

from lemur_data import manifest as mf
from lemur_data import storage
from lemur_data.config import DatasetManifest, redact_uri


def pipeline() -> list[dict[str, Any]]:
    """The stages in run order with their output folders (the first holds the manifest), config sections and
    spark-submit entry point (a file in jobs/)."""
    from lemur_data.stages import STAGES, job_script  # noqa: PLC0415 - the registry imports pyspark

    return [{"stage": s.name, "dirs": list(s.dirs), "config_keys": list(s.config_keys), "job": job_script(s.name)}
            for s in STAGES.values()]


def dataset_status(cfg: DatasetManifest) -> dict[str, Any]:
    """Each stage's manifest location under the output root and, when it has committed, a brief of the manifest."""
    store = storage.from_config(cfg.storage)
    stages = []
    committed: dict[str, str | None] = {}  # stage -> sha256 of its manifest now in place
    stale: set[str] = set()
    for entry in pipeline():
        folder = storage.join(cfg.output, entry["dirs"][0])
        uri = storage.join(folder, mf.MANIFEST_NAME)
        found = mf.read(store, uri)
        committed[entry["stage"]] = found[1] if found else None
        why = (_staleness(found[0], committed, stale) if found
               else _moved_aside(store, storage.join(folder, mf.STALE_NAME)))
        if why:
            stale.add(entry["stage"])
        stages.append({**entry, "manifest_uri": redact_uri(uri),
                       "committed": brief(found[0], found[1]) if found else None, "stale": why})
    return {"dataset": cfg.name, "output": redact_uri(cfg.output), "run_id": cfg.run_id(), "stages": stages}


def _staleness(m: dict[str, Any], committed: dict[str, str | None], stale: set[str]) -> str | None:
    """Why a committed manifest no longer describes the pipeline's state (an upstream gone, replaced or itself
    stale), or None."""
    changed = mf.stale_upstreams(m, committed)
    reasons = [f"upstream {s} {'is gone' if committed[s] is None else 'changed since'}" for s in changed]
    reasons += [f"upstream {u['stage']} is stale" for u in m.get("inputs", {}).get("upstream", [])
                if u.get("stage") in stale and u["stage"] not in changed]
    return "; ".join(reasons) or None


def _moved_aside(store: storage.Storage, uri: str) -> str | None:
    return f"manifest moved aside ({mf.STALE_NAME}): its upstream was recomputed" if store.exists(uri) else None


def brief(m: dict[str, Any], sha256: str) -> dict[str, Any]:
    """The few facts of a run manifest a scheduler keeps (small enough for an Airflow XCom)."""
    failed = [c["check"] for c in m.get("validation", []) if not c.get("passed")]
    return {
        "stage": m.get("stage"),
        "run_id": m.get("run_id"),
        "status": m.get("status"),
        "started_at": m.get("started_at"),
        "completed_at": m.get("completed_at"),
        "duration_s": m.get("duration_s"),
        "manifest_sha256": sha256,
        "fingerprint": m.get("fingerprint"),
        "input_fingerprint": m.get("inputs", {}).get("fingerprint"),
        "counts_in": m.get("counts", {}).get("in", {}),
        "counts_out": m.get("counts", {}).get("out", {}),
        "files": len(m.get("outputs", {}).get("files", [])),
        "validation_passed": not failed,
        "failed_checks": failed,
    }


def render(status: dict[str, Any]) -> str:
    from lemur_data.summary import table  # noqa: PLC0415

    rows = []
    for s in status["stages"]:
        c = s["committed"]
        if c is None:
            state = f"not run ({s['stale']}); rerun" if s["stale"] else "not run"
            rows.append([s["stage"], s["dirs"][0] + "/", state, "", ""])
            continue
        if s["stale"]:
            rows.append([s["stage"], s["dirs"][0] + "/", f"STALE ({s['stale']}); rerun", "", c["run_id"]])
            continue
        out = c["counts_out"]
        amount = ", ".join(f"{out[k]:,} {k}" for k in ("docs", "tokens") if k in out)
        state = f"completed {c['completed_at']}" + ("" if c["validation_passed"] else " (FAILED CHECKS)")
        rows.append([s["stage"], s["dirs"][0] + "/", state, amount, c["run_id"]])
    head = [f"dataset {status['dataset']} · output root {status['output']} · run {status['run_id']}", ""]
    return "\n".join(head + table(["stage", "output", "state", "out", "run"], rows))
