"""spark-submit for real: `make dist` builds the wheel and the packed environment; a Spark standalone master and
worker (pyspark's own spark-daemon.sh) on 127.0.0.1 run the whole pipeline with the packed environment shipped
through --archives, and its outputs equal the local-mode run's."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import time
import urllib.request
from pathlib import Path

import pyspark
import pytest

from tests.conftest import DEMO_MANIFEST, REPO, output_digests
from tests.s3server import free_port

SPARK_HOME = Path(pyspark.__file__).parent
MASTER = "org.apache.spark.deploy.master.Master"
WORKER = "org.apache.spark.deploy.worker.Worker"


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    proc = subprocess.run(["make", "dist", f"DIST={out}"], cwd=REPO, capture_output=True, text=True, timeout=1200)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    return out


@pytest.fixture(scope="module")
def standalone(tmp_path_factory):
    work = tmp_path_factory.mktemp("standalone")
    taken: set[int] = set()
    port, ui, worker_ui = free_port(taken), free_port(taken), free_port(taken)
    env = {**os.environ, "SPARK_HOME": str(SPARK_HOME), "SPARK_LOG_DIR": str(work / "logs"),
           "SPARK_PID_DIR": str(work / "pids"), "SPARK_IDENT_STRING": f"lemur{port}", "SPARK_LOCAL_IP": "127.0.0.1",
           "SPARK_MASTER_OPTS": "-Dspark.master.rest.enabled=false"}
    daemon = ["bash", str(SPARK_HOME / "sbin" / "spark-daemon.sh")]
    url = f"spark://127.0.0.1:{port}"
    subprocess.run([*daemon, "start", MASTER, "1", "--host", "127.0.0.1", "--port", str(port), "--webui-port", str(ui)],
                   env=env, check=True, capture_output=True)
    subprocess.run([*daemon, "start", WORKER, "1", url, "--host", "127.0.0.1", "--cores", "2", "--memory", "6g",
                    "--webui-port", str(worker_ui), "--work-dir", str(work / "work")], env=env, check=True,
                   capture_output=True)
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                state = json.loads(urllib.request.urlopen(f"http://127.0.0.1:{ui}/json/", timeout=5).read())
                if state.get("aliveworkers", 0) >= 1:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, "standalone worker did not register; logs in " + str(work / "logs")
            time.sleep(1)
        yield url
    finally:
        for cls in (WORKER, MASTER):
            subprocess.run([*daemon, "stop", cls, "1"], env=env, capture_output=True)


def test_dist_builds_a_wheel_and_a_packed_environment(dist):
    wheels = list(dist.glob("lemur_data-*.whl"))
    assert len(wheels) == 1
    with tarfile.open(dist / "lemur-data-env.tar.gz") as tar:
        names = set(tar.getnames())
    assert "bin/python" in names
    assert any(n.startswith("lib/python3.11/site-packages/lemur_data/") for n in names)
    assert any(n.endswith("lemur_data/recipes/code.yaml") for n in names), "recipes ship with the package"
    assert "share/lemur-data/assets/lid.176.ftz" in names, "offline models travel with the environment"
    assert not any("site-packages/pyspark/" in n for n in names), "executors use the cluster's own pyspark"


@pytest.mark.slow
def test_pipeline_on_standalone_cluster_with_packed_env_equals_local(dist, standalone, demo_pipeline, tmp_path):
    _, local = demo_pipeline
    out = tmp_path / "cluster-out"
    env = {**os.environ, "SPARK_LOCAL_IP": "127.0.0.1"}
    cmd = [str(Path(sys.executable).parent / "spark-submit"), "--master", standalone,
           "--archives", f"{dist / 'lemur-data-env.tar.gz'}#env",
           # NOTE: executors run the shipped environment; the client-mode driver runs this machine's venv.
           "--conf", "spark.pyspark.python=./env/bin/python", "--conf", f"spark.pyspark.driver.python={sys.executable}",
           "--conf", "spark.executor.memory=3g",
           "--conf", "spark.sql.shuffle.partitions=4",  # sized for this 2-core cluster, as a user would
           "--conf", "spark.ui.enabled=false",
           str(REPO / "jobs" / "pipeline.py"), str(DEMO_MANIFEST), "--output", str(out)]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=1500, cwd=REPO)
    assert proc.returncode == 0, proc.stderr[-4000:]
    remote = {name: json.loads((out / m["outputs"]["dirs"][0] / "_manifest.json").read_text())
              for name, m in local.items()}
    assert output_digests(remote) == output_digests(local)
    assert all(m["orchestration"]["spark_master"] == standalone for m in remote.values())
