"""Hostile runs on copies of the shared demo run: counts that do not add up, two runs on one output, upstream
files changed or deleted after their manifest was written, output on a full or read-only file system."""

from __future__ import annotations

import contextlib
import copy
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lemur_data import errors, lock, storage
from lemur_data import manifest as mf
from lemur_data.config import load_manifest
from lemur_data.runner import run_stage
from lemur_data.stage import RunContext
from lemur_data.stages import STAGES
from tests.conftest import DEMO_MANIFEST, REPO, copy_outputs, run_cli


def _ctx(spark, out: Path, force: bool = False) -> RunContext:
    return RunContext(load_manifest(DEMO_MANIFEST, output=str(out)), STAGES, force=force, _spark=spark)


def _dirs(manifests: dict[str, dict], *stages: str) -> list[str]:
    return [d for s in stages for d in manifests[s]["outputs"]["dirs"]]


def _leftovers(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.name.startswith(".tmp-"))


@contextlib.contextmanager
def _mount(*args: str, target: Path):
    """`mount ARGS target` for the duration of the block; the test is skipped (reason stated) where mounting is
    impossible (not root, no CAP_SYS_ADMIN)."""
    target.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", *args, str(target)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount here (needs root with CAP_SYS_ADMIN): {done.stderr.strip()}")
    try:
        yield target
    finally:
        subprocess.run(["umount", "-l", str(target)], check=True)


# -- conservation law ---------------------------------------------------------------------------------------------
def test_every_committed_demo_manifest_balances_and_an_altered_count_fails_validation(demo_pipeline, tmp_path):
    out, manifests = demo_pipeline
    for stage, m in manifests.items():
        found = mf.balances(m)
        assert found and all(b.holds for b in found), (stage, [b.describe() for b in found if not b.holds])
    equations = {b.equation for s in ("filter", "dedup", "tokenize") for b in mf.balances(manifests[s])}
    assert "in.docs = out.docs + dropped.docs" in equations
    assert any("listed files = documents + skipped by reason" in b.equation for b in mf.balances(manifests["crawl"]))

    path = out / manifests["filter"]["outputs"]["dirs"][0] / mf.MANIFEST_NAME
    assert run_cli("manifest", "validate", str(path), timeout=120).returncode == 0
    altered = json.loads(path.read_text())
    altered["counts"]["out"]["docs"] += 1
    altered["counts"]["by_source_lang"][0]["docs"] += 1  # consistent per group, but no longer in = kept + rejected
    bad = tmp_path / "filter-altered.json"
    bad.write_text(json.dumps(altered))
    proc = run_cli("manifest", "validate", str(bad), timeout=120)
    c = manifests["filter"]["counts"]
    assert proc.returncode == 1
    assert (f"counts: filter: in.docs = out.docs + dropped.docs does not hold: {c['in']['docs']:,} != "
            f"{c['in']['docs'] + 1:,} ({c['out']['docs'] + 1:,} + {c['dropped']['docs']:,})") in proc.stderr


def test_a_stage_whose_counts_do_not_add_up_cannot_commit(demo_pipeline, tmp_path):
    _, manifests = demo_pipeline
    broken = copy.deepcopy(manifests["tokenize"])
    broken["counts"]["dropped"]["docs"] += 2
    with pytest.raises(mf.ManifestError, match=r"counts: tokenize: dropped.docs = sum of reasons\[\].docs"):
        mf.write(storage.Storage(), str(tmp_path / "m.json"), broken)
    assert not (tmp_path / "m.json").exists()


# -- two runs on one output -----------------------------------------------------------------------------------------
def test_a_second_run_on_the_same_output_refuses_naming_the_first(spark, demo_pipeline, tmp_path):
    demo_out, manifests = demo_pipeline
    out = tmp_path / "out"
    copy_outputs(demo_out, out, _dirs(manifests, *STAGES))
    lock_file = out / lock.LOCK_NAME
    first = subprocess.Popen([sys.executable, "-m", "lemur_data.cli", "tokenize", str(DEMO_MANIFEST), "--output",
                              str(out), "--force", "--master", "local[1]"], cwd=REPO, stderr=subprocess.PIPE,
                             stdout=subprocess.DEVNULL, text=True, env={**os.environ, "LEMUR_PROGRESS_S": "0"})
    try:
        deadline = time.monotonic() + 120
        while not lock_file.exists():  # the first run holds the lock from reading its inputs to its commit
            assert first.poll() is None and time.monotonic() < deadline, "the first run never took the lock"
            time.sleep(0.05)
        for stage in ("tokenize", "mix"):
            with pytest.raises(lock.OutputBusy) as refused:
                run_stage(STAGES[stage], _ctx(spark, out, force=True))
            message = str(refused.value)
            assert f"pid {first.pid} on " in message and "--force" in message and str(lock_file) in message
        assert first.wait(timeout=600) == 0, first.stderr.read()[-3000:]
    finally:
        if first.poll() is None:
            first.kill()
    assert not lock_file.exists(), "the lock is released at the end of the stage"
    tokens = mf.load_path(str(out / manifests["tokenize"]["outputs"]["dirs"][0]))
    assert not mf.validation_errors(tokens)
    assert tokens["fingerprint"] == manifests["tokenize"]["fingerprint"], "the first run's result is complete"


def test_a_stale_lock_of_a_killed_run_is_replaced(spark, demo_pipeline, tmp_path):
    demo_out, manifests = demo_pipeline
    out = tmp_path / "out"
    copy_outputs(demo_out, out, _dirs(manifests, "tokenize", "mix"))
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(gone.stdout)
    holder = {"host": os.uname().nodename, "pid": dead_pid, "started_at": "2026-01-01T00:00:00+00:00",
              "command": "lemur-data run demo.yaml", "run_id": "killed", "token": "x"}
    (out / lock.LOCK_NAME).write_text(json.dumps(holder))
    result = run_stage(STAGES["mix"], _ctx(spark, out))
    assert result["fingerprint"] == manifests["mix"]["fingerprint"]
    assert not (out / lock.LOCK_NAME).exists()
    (out / lock.LOCK_NAME).write_text(json.dumps({**holder, "host": "another-host.example"}))
    with pytest.raises(lock.OutputBusy, match="another-host.example"):
        run_stage(STAGES["mix"], _ctx(spark, out))


# -- upstream changed or deleted after its manifest was written -------------------------------------------------------
def test_an_upstream_file_changed_or_deleted_fails_the_next_stage_naming_it(spark, demo_pipeline, tmp_path):
    demo_out, manifests = demo_pipeline
    out = tmp_path / "out"
    copy_outputs(demo_out, out, _dirs(manifests, "dedup", "tokenize"))
    upstream = manifests["dedup"]
    victim = max((f for f in upstream["outputs"]["files"] if f["path"].startswith(upstream["outputs"]["dirs"][0])),
                 key=lambda f: f["bytes"])
    path = out / victim["path"]
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01  # one bit, same size: only the sha256 can tell
    path.write_bytes(bytes(data))
    tokens_dir = out / manifests["tokenize"]["outputs"]["dirs"][0]

    with pytest.raises(errors.StageFailed) as failed:
        run_stage(STAGES["tokenize"], _ctx(spark, out, force=True))
    message = str(failed.value)
    assert message.startswith("tokenize: upstream file changed since its manifest was written: ")
    assert str(path) in message and f"sha256 recorded {victim['sha256']}" in message
    assert not tokens_dir.exists(), "nothing that looks finished, no partial files"

    path.unlink()
    with pytest.raises(errors.StageFailed, match=f"tokenize: upstream file missing: {path}"):
        run_stage(STAGES["tokenize"], _ctx(spark, out, force=True))
    assert not tokens_dir.exists()
    assert not (out / lock.LOCK_NAME).exists()


def _late_writer(marker: str, delay_s: float):
    """mapInArrow function: partition 0 fails at once, partition 1 writes `marker` `delay_s` later."""
    def run(batches):
        from pyspark import TaskContext
        if TaskContext.get().partitionId() == 0:
            raise RuntimeError("the failing task")
        time.sleep(delay_s)
        Path(marker).write_text("written after the job failed")
        yield from batches
    return run


def test_after_a_failed_job_no_task_of_it_writes_any_more(spark, tmp_path):
    # A stage clears its folder when its job fails; a sibling task still running must not write into it afterwards
    # (CI runs found a token file in a failed tokenize stage's folder, and this test's marker written late).
    # Spark counts a killed Python task as ended once it has asked pyspark's daemon to kill the worker; a busy
    # daemon is late. Here the daemon is stopped outright, so only settle_tasks can stop the sleeping worker
    # before it writes (6 s: after Spark's monitor gives up on it, 2 s poll + 2 s spark.python.task.killTimeout).
    from lemur_data import python_workers
    from lemur_data import spark as spark_runtime
    marker = tmp_path / "late"
    df = spark.range(0, 2, 1, numPartitions=2)
    df.mapInArrow(lambda batches: batches, df.schema).collect()  # the daemon is up before it is stopped
    daemons = python_workers.daemons(spark_runtime.local_jvm_pid(spark))
    assert daemons, "no pyspark daemon found under the driver JVM"
    with pytest.raises(Exception, match="the failing task"):
        df.mapInArrow(_late_writer(str(marker), delay_s=6), df.schema).collect()
    for pid in daemons:
        os.kill(pid, signal.SIGSTOP)
    try:
        spark_runtime.settle_tasks(spark)
        settled = marker.exists()
        time.sleep(7)
        assert marker.exists() == settled, "a task of the failed job wrote after settle_tasks returned"
    finally:
        for pid in daemons:
            os.kill(pid, signal.SIGCONT)
    assert df.mapInArrow(lambda batches: batches, df.schema).count() == 2, "the session works on"


# -- full and read-only file systems ----------------------------------------------------------------------------------
def test_output_on_a_full_file_system_fails_naming_the_cause_and_leaves_nothing(spark, demo_pipeline, tmp_path):
    demo_out, manifests = demo_pipeline
    upstream_dirs = _dirs(manifests, "dedup")
    upstream_bytes = sum(p.stat().st_size for d in upstream_dirs for p in (demo_out / d).rglob("*") if p.is_file())
    size_kb = upstream_bytes // 1024 + 256  # room for the upstream, not for the 1.6 MB token cache
    with _mount("-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", target=tmp_path / "full") as out:
        copy_outputs(demo_out, out, upstream_dirs)
        with pytest.raises(errors.StageFailed) as failed:
            run_stage(STAGES["tokenize"], _ctx(spark, out, force=True))
        message = str(failed.value)
        assert message.startswith(f"tokenize: no space left on device while writing {out}/"), message
        assert "\n" not in message and "PythonException" not in message
        tokens_dir = out / manifests["tokenize"]["outputs"]["dirs"][0]
        assert not tokens_dir.exists() and not _leftovers(out) and not (out / lock.LOCK_NAME).exists()
        used = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
        assert used == upstream_bytes, "the failed stage's partial and temporary files are removed"


def test_output_on_a_read_only_file_system_fails_before_spark_naming_the_path(demo_pipeline, tmp_path):
    demo_out, manifests = demo_pipeline
    src = tmp_path / "src"
    copy_outputs(demo_out, src, _dirs(manifests, "dedup", "tokenize"))
    before = {p: p.read_bytes() for p in src.rglob("*") if p.is_file()}
    with _mount("--bind", "-o", "ro", str(src), target=tmp_path / "ro") as out:
        proc = run_cli("tokenize", str(DEMO_MANIFEST), "--output", str(out), "--force", timeout=300)
        lines = proc.stderr.strip().splitlines()
        assert proc.returncode == 2, proc.stderr
        # the preflight's probe write, before the lock and before Spark: names the key, the cause and the path
        assert lines[-1].startswith(f"lemur-data: error: output: cannot write to {out}: output is read-only: "
                                    f"{out}/_lemur.probe-"), lines[-1]
        assert "Choose a writable output (the `output` key or --output)" in lines[-1]
        assert "Traceback" not in proc.stderr and "tokenize: running" not in proc.stderr
    assert {p: p.read_bytes() for p in src.rglob("*") if p.is_file()} == before, "nothing changed"


def test_a_staged_parquet_stopped_before_publish_leaves_no_temporary_file(tmp_path):
    """Used as a context manager (export, repository documents), any failure before `publish` removes the
    temporary file; a published one is in place under its name."""
    import pyarrow as pa

    from lemur_data.storage import Storage
    from lemur_data.writer import StagedParquet

    schema = pa.schema([("x", pa.int64())])
    with pytest.raises(RuntimeError, match="stopped"):
        with StagedParquet(Storage(), str(tmp_path), "a/part-0.parquet", schema) as out:
            out.write_row_group(pa.table({"x": [1, 2]}, schema=schema))
            raise RuntimeError("stopped")
    assert _leftovers(tmp_path) == [] and not (tmp_path / "a" / "part-0.parquet").exists()
    with StagedParquet(Storage(), str(tmp_path), "a/part-1.parquet", schema) as out:
        out.write_row_group(pa.table({"x": [3]}, schema=schema))
        assert out.publish().rows == 1
    assert _leftovers(tmp_path) == [] and (tmp_path / "a" / "part-1.parquet").exists()
