"""SIGKILL in the middle of a stage: nothing looks finished, and the rerun converges to the uninterrupted output."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from lemur_data.stages import STAGES
from tests.conftest import DEMO_MANIFEST, REPO, output_digests, run_cli, tree_digest


@pytest.mark.slow
def test_pipeline_killed_mid_stage_reruns_to_the_uninterrupted_result(demo_pipeline, tmp_path):
    _, reference = demo_pipeline
    victim = list(STAGES)[-1]  # the last stage: every stage before it has committed when the kill lands
    out = tmp_path / "out"
    env = {**os.environ, "LEMUR_PROGRESS_S": "0"}
    proc = subprocess.Popen([sys.executable, "-m", "lemur_data.cli", "run", str(DEMO_MANIFEST), "--output", str(out)],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, cwd=REPO, env=env,
                            start_new_session=True)
    deadline = time.monotonic() + 900
    for line in proc.stderr:
        if f"{victim}: running" in line:
            break
        assert time.monotonic() < deadline
    time.sleep(3)  # inside the stage: the Spark job is under way
    assert proc.poll() is None, "the run ended before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()

    victim_dir = reference[victim]["outputs"]["dirs"][0]
    assert not (out / victim_dir / "_manifest.json").exists(), "a killed stage leaves no manifest"
    for name in list(STAGES)[:-1]:
        assert (out / reference[name]["outputs"]["dirs"][0] / "_manifest.json").exists(), name

    rerun = run_cli("run", str(DEMO_MANIFEST), "--output", str(out), env={"LEMUR_PROGRESS_S": "0"})
    assert rerun.returncode == 0, rerun.stderr[-3000:]
    assert "up to date" in rerun.stderr, "committed upstream stages are skipped, not recomputed"
    rerun_manifests = {name: json.loads((out / m["outputs"]["dirs"][0] / "_manifest.json").read_text())
                       for name, m in reference.items()}
    assert output_digests(rerun_manifests) == output_digests(reference)
    dirs = {d for m in reference.values() for d in m["outputs"]["dirs"]}
    on_disk = {p: h for d in dirs if (out / d).exists() for p, h in tree_digest(out, d).items()}
    assert on_disk == output_digests(reference), "exactly the committed files, no leftovers of the killed run"
