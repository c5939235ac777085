"""The Airflow DAG (jobs/airflow/lemur_dag.py) under real Airflow 3, on SQLite, against a local Spark master.

The DAG's Spark connection is local[1] while the session's in-process demo run is local[2], so the DAG run is also
the suite's check that spark-submit on one core gives byte-identical outputs to two cores, for every stage.

Airflow lives in its own venv (`make airflow-env`: `make test` installs it beside the test venv, else the fixture
does on first use, ~1.5-3 min once), so the DAG is parsed and run by tests/airflow_dag_run.py in that venv's
Python; the spark-submit it starts is our .venv's.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lemur_data.stages import STAGES, job_script
from tests.conftest import DEMO_MANIFEST, REPO, output_digests, run_cli, tree_digest


def _stage_files(root: Path, stage) -> dict[str, str]:
    """Every file a stage wrote, over all its output folders (main and side outputs)."""
    return {p: h for d in stage.dirs if (root / d).exists() for p, h in tree_digest(root, d).items()}

AIRFLOW_VENV = REPO / ".venv-airflow"
LOGICAL_DATE = "2024-03-02T00:00:00+00:00"
PARTITION = "2024-03-02"  # {{ data_interval_start | ds }} of that run


@pytest.fixture(scope="module")
def airflow_env(tmp_path_factory) -> dict[str, str]:
    """The Airflow venv (installed if missing) and an AIRFLOW_HOME with a migrated SQLite database."""
    t0 = time.monotonic()
    setup = subprocess.run(["make", "-s", "airflow-env"], cwd=REPO, capture_output=True, text=True, timeout=1200)
    assert setup.returncode == 0, setup.stdout[-2000:] + setup.stderr[-3000:]
    print(f"\nairflow venv ready in {time.monotonic() - t0:.1f} s")
    home = tmp_path_factory.mktemp("airflow-home")
    env = {
        **os.environ,
        "AIRFLOW_HOME": str(home),
        "AIRFLOW__CORE__DAGS_FOLDER": str(REPO / "jobs" / "airflow"),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW_CONN_SPARK_DEFAULT": json.dumps({"conn_type": "spark", "host": "local[1]"}),
        "LEMUR_PYTHON": sys.executable,
        "LEMUR_DRIVER_MEMORY": os.environ.get("LEMUR_DRIVER_MEMORY", "3g"),
        "LEMUR_SPARK_UI": "0",
    }
    migrate = subprocess.run([str(AIRFLOW_VENV / "bin" / "airflow"), "db", "migrate"], env=env, capture_output=True,
                             text=True, timeout=600)
    assert migrate.returncode == 0, migrate.stdout[-3000:] + migrate.stderr[-3000:]
    return env


def run_dag(env: dict[str, str], output_root: Path, modes: str) -> tuple[dict, str]:
    proc = subprocess.run([str(AIRFLOW_VENV / "bin" / "python"), str(REPO / "tests" / "airflow_dag_run.py"),
                           str(REPO / "jobs" / "airflow"), LOGICAL_DATE, str(DEMO_MANIFEST), str(output_root), modes],
                          env=env, capture_output=True, text=True, timeout=1500, cwd=REPO)
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log[-5000:]
    line = next(ln for ln in proc.stdout.splitlines() if ln.startswith("AIRFLOW-DAG-RUN "))
    return json.loads(line.removeprefix("AIRFLOW-DAG-RUN ")), log


@pytest.mark.slow
@pytest.mark.timeout(1800)  # two DAG runs of five spark-submit tasks on local[1]: ~10 min on a busy machine
def test_dag_runs_each_stage_per_interval_publishes_manifests_and_reruns_idempotently(airflow_env, demo_pipeline,
                                                                                     tmp_path):
    out = tmp_path / "airflow-out"
    result, log = run_dag(airflow_env, out, "force,plain")

    # Parsed with no import errors, one SparkSubmitOperator task per stage, chained in pipeline order.
    assert result["import_errors"] == {}
    assert result["dag_ids"] == ["lemur_data"]
    tasks = result["tasks"]
    assert [t["task_id"] for t in tasks] == list(STAGES)
    for i, t in enumerate(tasks):
        assert t["upstream"] == ([tasks[i - 1]["task_id"]] if i else [])
        assert "SparkSubmitOperator" in t["operator"] and t["retries"] >= 1
        assert t["application"] == str(REPO / "jobs" / job_script(t["task_id"]))
        args = t["application_args"]
        assert args[args.index("--output") + 1].endswith("/{{ data_interval_start | ds }}")
        assert "--quiet" in args, "scheduler logs get warnings and errors only"

    root = out / PARTITION
    first, second = result["runs"]
    assert first["state"] == second["state"] == "success"
    assert first["data_interval_start"].startswith(PARTITION)
    committed = {}
    for ti in first["task_instances"]:
        stage = STAGES[ti["task_id"]]
        path = root / stage.dirs[0] / "_manifest.json"
        data = path.read_bytes()
        manifest = json.loads(data)
        xcom = ti["xcom"]
        assert ti["state"] == "success" and xcom["recomputed"] is True
        assert xcom["manifest_uri"] == str(path) and xcom["output_root"] == str(root)
        assert xcom["manifest_sha256"] == hashlib.sha256(data).hexdigest()
        assert xcom["fingerprint"] == manifest["fingerprint"]
        assert xcom["counts_out"] == manifest["counts"]["out"] and xcom["validation_passed"] is True
        assert manifest["orchestration"]["spark_master"] == "local[1]"
        airflow = manifest["orchestration"]["airflow"]
        assert airflow["dag_id"] == "lemur_data" and airflow["task_id"] == ti["task_id"]
        assert airflow["logical_date"].startswith(PARTITION)
        committed[ti["task_id"]] = (xcom, _stage_files(root, stage), manifest)

    # Same inputs + config => the same bytes on local[1] under spark-submit as in-process on local[2].
    _, local2 = demo_pipeline
    local1 = {name: manifest for name, (_, _, manifest) in committed.items()}
    assert output_digests(local1) == output_digests(local2)
    for name, m in local1.items():
        assert m["fingerprint"] == local2[name]["fingerprint"] and m["counts"] == local2[name]["counts"], name

    # The second run of the same interval skips every stage: same manifests, same files.
    for ti in second["task_instances"]:
        xcom = ti["xcom"]
        before, digest, manifest = committed[ti["task_id"]]
        assert ti["state"] == "success" and xcom["recomputed"] is False
        assert xcom["manifest_sha256"] == before["manifest_sha256"]
        assert digest == {f["path"]: f["sha256"] for f in manifest["outputs"]["files"]}
        assert _stage_files(root, STAGES[ti["task_id"]]) == digest

    # The `force` param reached the first run's spark-submit command lines only.
    commands = [ln for ln in log.splitlines() if "Spark-Submit cmd:" in ln]
    assert len(commands) == 2 * len(STAGES)
    assert [" --force" in c for c in commands] == [True] * len(STAGES) + [False] * len(STAGES)
    assert all(f"--output {root}" in c for c in commands)

    shown = run_cli("manifest", "show", str(root / STAGES["crawl"].dirs[0]), timeout=120)
    assert shown.returncode == 0 and "airflow dag lemur_data task crawl" in shown.stdout


@pytest.mark.slow
def test_configuration_mistakes_fail_with_a_message_naming_them(airflow_env, tmp_path):
    env = {**airflow_env, "LEMUR_PYTHON": str(tmp_path / "no-such-venv" / "bin" / "python")}
    result, _ = run_dag(env, tmp_path / "unused", "")
    assert result["dag_ids"] == []
    (error,) = result["import_errors"].values()
    assert "LEMUR_PYTHON" in error and "no-such-venv" in error

    # No Spark connection: the first task fails before spark-submit, naming the connection (no retries here).
    env = {k: v for k, v in airflow_env.items() if k != "AIRFLOW_CONN_SPARK_DEFAULT"}
    result, log = run_dag({**env, "LEMUR_AIRFLOW_RETRIES": "0"}, tmp_path / "out", "plain")
    (run,) = result["runs"]
    assert run["state"] == "failed"
    assert run["task_instances"][0]["state"] == "failed"
    assert "Airflow connection 'spark_default' (the Spark master) is not defined" in log
    assert "Spark-Submit cmd:" not in log and not (tmp_path / "out").exists()
