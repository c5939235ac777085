"""Airflow DAG `lemur_data`: the pipeline as one batch run per data interval, one spark-submit task per stage.

Each task runs `spark-submit jobs/<stage>.py MANIFEST --output <output_root>/<data interval>` (the entry point
`lemur-data stages --json` names: jobs/tokenize_stage.py for tokenize, whose name the standard library has) through
SparkSubmitOperator (apache-airflow-providers-apache-spark), in pipeline order. The task list comes from the
lemur-data installation itself (`lemur-data stages --json`), so every stage in `lemur_data.stages.STAGES` gets a
task without edits here. After spark-submit returns, the task reads the run manifest the stage committed and
publishes a brief of it (manifest URI and sha256, run id, fingerprint, counts, checks, whether it was recomputed)
as its XCom `return_value`.

Reruns are idempotent: a stage whose committed output is up to date skips (the XCom says `recomputed: false`),
and a retry after a killed attempt finds no manifest, recomputes and writes the same bytes.

Settings, read when the DAG file is parsed (all optional):
  LEMUR_PYTHON            python of the lemur-data installation: drives `lemur-data stages` and, by default, is
                          the Python of Spark's driver and executors (default: <repo>/.venv/bin/python). When
                          its folder holds pyspark's spark-submit, that one is used (else spark-submit on PATH).
  LEMUR_PYSPARK_PYTHON    Python for Spark's driver and executors, e.g. ./environment/bin/python with a packed
                          env on a cluster (default: LEMUR_PYTHON)
  LEMUR_JOBS_DIR          folder of the spark-submit entry points jobs/<stage>.py (default: <repo>/jobs)
  LEMUR_DATASET_MANIFEST  default of the `manifest` param (default: <repo>/manifests/demo.yaml)
  LEMUR_OUTPUT_ROOT       default of the `output_root` param (default: <repo>/out/airflow)
  LEMUR_SPARK_CONN_ID     Airflow connection holding the Spark master (default: spark_default), e.g.
                          AIRFLOW_CONN_SPARK_DEFAULT='{"conn_type": "spark", "host": "local[*]"}'
                          or host spark://host:7077, yarn, k8s://https://host:443 (+ extra deploy-mode)
  LEMUR_DRIVER_MEMORY     spark-submit --driver-memory (default: Spark's); LEMUR_SPARK_UI=0 turns Spark's web UI off
  LEMUR_AIRFLOW_SCHEDULE  schedule (default: @daily); LEMUR_AIRFLOW_PARTITION the output folder per interval
                          (default: {{ data_interval_start | ds }}; use ts_nodash for sub-daily schedules)
  LEMUR_AIRFLOW_RETRIES   retries per task (default: 2, exponential backoff from 2 minutes)
Per run (trigger conf / params): `manifest`, `output_root`, `force` (recompute stages that are up to date).
"""

from __future__ import annotations

import json
import os
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator
from airflow.sdk import DAG, BaseHook, Param

REPO = Path(__file__).resolve().parents[2]


def _setting(name: str, default: str) -> str:
    return os.environ.get(name) or default


LEMUR_PYTHON = _setting("LEMUR_PYTHON", str(REPO / ".venv" / "bin" / "python"))
PYSPARK_PYTHON = _setting("LEMUR_PYSPARK_PYTHON", LEMUR_PYTHON)
JOBS_DIR = _setting("LEMUR_JOBS_DIR", str(REPO / "jobs"))
DEFAULT_MANIFEST = _setting("LEMUR_DATASET_MANIFEST", str(REPO / "manifests" / "demo.yaml"))
DEFAULT_OUTPUT_ROOT = _setting("LEMUR_OUTPUT_ROOT", str(REPO / "out" / "airflow"))
SPARK_CONN_ID = _setting("LEMUR_SPARK_CONN_ID", "spark_default")
SCHEDULE = _setting("LEMUR_AIRFLOW_SCHEDULE", "@daily")
PARTITION = _setting("LEMUR_AIRFLOW_PARTITION", "{{ data_interval_start | ds }}")
RETRIES = _setting("LEMUR_AIRFLOW_RETRIES", "2")
if not RETRIES.isdigit():
    raise ValueError(f"LEMUR_AIRFLOW_RETRIES={RETRIES!r}: expected a whole number of retries per task")


def lemur_cli(*args: str, timeout: float = 300) -> dict[str, Any]:
    """Run `lemur-data ARGS --json` with the lemur-data installation's Python; its JSON answer."""
    cmd = [LEMUR_PYTHON, "-m", "lemur_data.cli", "-q", *args, "--json"]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except OSError as exc:
        raise RuntimeError(f"cannot run the lemur-data installation at LEMUR_PYTHON={LEMUR_PYTHON}: {exc}") from None
    except subprocess.TimeoutExpired:
        raise RuntimeError(f"`lemur-data {' '.join(args)}` (LEMUR_PYTHON={LEMUR_PYTHON}) gave no answer in "
                           f"{timeout:.0f} s") from None
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"`lemur-data {' '.join(args)}` failed (exit {proc.returncode}): {last}")
    return json.loads(proc.stdout)


class LemurStageOperator(SparkSubmitOperator):
    """spark-submit of one stage's job, then its committed run manifest (brief) as the task's XCom."""

    def __init__(self, *, stage: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.stage = stage

    def execute(self, context: Any) -> dict[str, Any]:
        _check_connection(self._conn_id)
        _prefer_lemur_spark_submit()
        manifest, output = self.application_args[0], self.application_args[2]
        if context["params"].get("force") and "--force" not in self.application_args:
            self.application_args = [*self.application_args, "--force"]
        # NOTE: manifest times have one-second resolution; truncating keeps "started in this attempt" exact.
        attempt_start = datetime.now(timezone.utc).replace(microsecond=0)
        super().execute(context)
        status = lemur_cli("stages", manifest, "--output", output)
        entry = next(s for s in status["stages"] if s["stage"] == self.stage)
        committed = entry["committed"]
        if committed is None:
            raise RuntimeError(f"{self.stage}: spark-submit succeeded but no run manifest at {entry['manifest_uri']}")
        recomputed = datetime.fromisoformat(committed["started_at"]) >= attempt_start
        self.log.info("%s: manifest %s (%s)", self.stage, entry["manifest_uri"],
                      "recomputed" if recomputed else "up to date, skipped")
        return {"manifest_uri": entry["manifest_uri"], "output_root": status["output"], "recomputed": recomputed,
                **committed}


def _check_connection(conn_id: str) -> None:
    """Fail with a clear message instead of the provider's silent fallback to master 'yarn'."""
    try:
        BaseHook.get_connection(conn_id)
    except Exception as exc:  # noqa: BLE001 - the SDK raises its own not-found types
        raise RuntimeError(
            f"Airflow connection '{conn_id}' (the Spark master) is not defined: create it, e.g. "
            f"AIRFLOW_CONN_{conn_id.upper()}='{{\"conn_type\": \"spark\", \"host\": \"local[*]\"}}' "
            f"(or host spark://HOST:7077, yarn, k8s://https://HOST:443); {type(exc).__name__}: {exc}"
        ) from None


def _prefer_lemur_spark_submit() -> None:
    """Put the lemur-data installation's bin folder first on PATH when it holds spark-submit.

    NOTE: the provider runs the binary named `spark-submit` found on PATH (it refuses paths); pyspark's
    spark-submit sits next to LEMUR_PYTHON, so this picks the Spark that matches the installed pyspark.
    """
    bin_dir = os.path.dirname(LEMUR_PYTHON)
    path = os.environ.get("PATH", "")
    if os.path.isfile(os.path.join(bin_dir, "spark-submit")) and path.split(os.pathsep)[0] != bin_dir:
        os.environ["PATH"] = bin_dir + os.pathsep + path


def _pipeline_stages() -> list[tuple[str, str]]:
    """(stage, its entry point in jobs/) in pipeline order."""
    # NOTE: below the DAG processor's default import timeout (30 s), so a hung installation is named, not killed.
    return [(s["stage"], s["job"]) for s in lemur_cli("stages", timeout=25)["stages"]]


_SPARK_CONF = {
    "spark.pyspark.python": PYSPARK_PYTHON,
    "spark.pyspark.driver.python": PYSPARK_PYTHON,
    **({"spark.ui.enabled": "false"} if os.environ.get("LEMUR_SPARK_UI") == "0" else {}),
}

with DAG(
    dag_id="lemur_data",
    description="lemur-data pipeline: one spark-submit task per stage, outputs per data interval",
    doc_md=__doc__,
    schedule=SCHEDULE,
    start_date=datetime(2024, 1, 1, tzinfo=timezone.utc),
    catchup=False,
    max_active_runs=1,
    tags=["lemur-data", "spark"],
    params={
        "manifest": Param(DEFAULT_MANIFEST, type="string", description="dataset manifest (YAML) to run"),
        "output_root": Param(DEFAULT_OUTPUT_ROOT, type="string",
                             description="outputs go to <output_root>/<data interval> (local path or s3://)"),
        "force": Param(False, type="boolean", description="recompute stages whose outputs are up to date"),
    },
    default_args={
        "retries": int(RETRIES),
        "retry_delay": timedelta(minutes=2),
        "retry_exponential_backoff": 2.0,
        "max_retry_delay": timedelta(hours=1),
    },
) as dag:
    previous = None
    for stage_name, job in _pipeline_stages():
        task = LemurStageOperator(
            task_id=stage_name,
            stage=stage_name,
            application=os.path.join(JOBS_DIR, job),
            application_args=["{{ params.manifest }}", "--output", "{{ params.output_root }}/" + PARTITION, "--quiet"],
            conn_id=SPARK_CONN_ID,
            conf=_SPARK_CONF,
            driver_memory=os.environ.get("LEMUR_DRIVER_MEMORY") or None,
            name=f"lemur-data-{stage_name}",
        )
        if previous is not None:
            previous >> task
        previous = task
