"""S3 for real: a SeaweedFS server on loopback. The pipeline reads sources from and writes outputs and manifests
to S3, survives a SIGKILL mid-stage, and its outputs equal a local run's; large objects go up in parts; throttling
is retried; credentials never reach a manifest or a log."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys

import pytest

from lemur_data import lock, preflight, storage
from lemur_data.config import load_manifest
from lemur_data.stages import STAGES
from tests import s3server
from tests.conftest import DEMO_MANIFEST, REPO, output_digests, run_cli

BUCKET = "lemur"


@pytest.fixture(scope="module")
def s3(tmp_path_factory):
    server = s3server.start(tmp_path_factory.mktemp("seaweedfs"))
    server.client().create_bucket(Bucket=BUCKET)
    saved = {k: os.environ.get(k) for k in server.env}
    os.environ.update(server.env)
    yield server
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v
    server.stop()


def test_large_object_is_uploaded_in_parts_and_reads_back(s3, tmp_path):
    big = tmp_path / "big.bin"
    data = os.urandom(1 << 20) * 24
    big.write_bytes(data)
    store = storage.Storage(s3.endpoint)
    uri = f"s3://{BUCKET}/objects/big.bin"
    store.put_file(str(big), uri)
    head = s3.client().head_object(Bucket=BUCKET, Key="objects/big.bin")
    assert head["ContentLength"] == 24 << 20
    assert "-" in head["ETag"], f"single-part upload: {head['ETag']}"
    with store.open_input(uri) as f:
        f.seek((5 << 20) + 7)
        assert f.read(4096) == data[(5 << 20) + 7:(5 << 20) + 7 + 4096]
    assert not big.exists(), "the local temporary file is removed after upload"


def test_throttling_and_5xx_are_retried(s3):
    with s3server.FlakyProxy(s3.endpoint, failures=4) as proxy:
        store = storage.Storage(proxy.endpoint)
        store.write_bytes(f"s3://{BUCKET}/flaky/a.json", b'{"ok": true}')
        assert store.read_bytes(f"s3://{BUCKET}/flaky/a.json") == b'{"ok": true}'
    assert proxy.failed == 4 and proxy.forwarded >= 2


def test_the_preflight_probe_write_names_an_output_that_cannot_be_written(s3):
    """Wrong credentials (SeaweedFS creates missing buckets, so a bad bucket name would pass): the run fails on
    the probe write, before any stage, naming the key; the keys themselves appear nowhere."""
    proc = run_cli("run", str(DEMO_MANIFEST), "--output", f"s3://{BUCKET}/denied",
                   env={**s3.env, "AWS_SECRET_ACCESS_KEY": "not-the-secret"}, timeout=120)
    assert proc.returncode == 2, proc.stderr[-2000:]
    line = proc.stderr.strip().splitlines()[-1]
    assert line.startswith(f"lemur-data: error: output: cannot write to s3://{BUCKET}/denied: ") and "_lemur.probe-" in line
    assert "Choose a writable output (the `output` key or --output)" in line
    assert "crawl" not in proc.stderr and s3server.ACCESS_KEY not in proc.stderr
    cfg = load_manifest(DEMO_MANIFEST, output=f"s3://{BUCKET}/probed")
    store = storage.from_config(cfg.storage)
    preflight.check_output_writable(cfg, store)
    assert store.list_files(f"s3://{BUCKET}/probed/") == [], "the probe is deleted"


def _s3_manifest(tmp_path, prefix: str):
    text = DEMO_MANIFEST.read_text()
    text = text.replace("path: demo-corpus/", f"path: s3://{BUCKET}/{prefix}/")
    text = text.replace('path: "demo-corpus/', f'path: "s3://{BUCKET}/{prefix}/')
    path = tmp_path / "demo-s3.yaml"
    path.write_text(text)
    return path


@pytest.mark.slow
def test_pipeline_on_s3_killed_mid_stage_reruns_to_the_local_result_and_leaks_no_credentials(s3, demo_pipeline,
                                                                                          tmp_path):
    """The whole pipeline from and to S3, SIGKILLed inside its last stage (fault tolerance on object storage: no
    manifest for the killed stage, committed stages skipped on rerun, no leftover objects), equals the local run.

    NOTE: the kill lands on an event, not after a sleep: the killed run talks to S3 through a proxy that holds
    every write of the last stage's main output, so when the first one arrives the run is inside that stage with
    its Spark job under way and its manifest unwritten, however loaded the machine. Closing the proxy after the
    kill also cuts off the killed run's Python workers (pyspark puts them in their own process group, so killpg
    does not reach them), so none of its writes can land during the rerun."""
    uploaded = s3.upload_tree(DEMO_MANIFEST.parent / "demo-corpus", BUCKET, "demo-corpus")
    assert uploaded > 300
    _, local = demo_pipeline
    manifest = _s3_manifest(tmp_path, "demo-corpus")
    out = f"s3://{BUCKET}/out/demo"
    store = storage.Storage(s3.endpoint)
    victim = list(STAGES)[-1]  # every stage before it has committed when the kill lands
    victim_dir = f"/{out.removeprefix('s3://')}/{local[victim]['outputs']['dirs'][0]}/"
    killed_log = tmp_path / "killed-run.log"
    with s3server.FlakyProxy(s3.endpoint, hold=lambda method, path: method in ("PUT", "POST")
                             and path.startswith(victim_dir)) as proxy, open(killed_log, "w") as log:
        env = {**os.environ, **s3.env, "AWS_ENDPOINT_URL": proxy.endpoint, "LEMUR_PROGRESS_S": "0"}
        proc = subprocess.Popen([sys.executable, "-m", "lemur_data.cli", "run", str(manifest), "--output", out],
                                stderr=log, stdout=subprocess.DEVNULL, cwd=REPO, env=env, start_new_session=True)
        try:
            while not proxy.held.wait(timeout=1):
                assert proc.poll() is None, f"the run ended before it could be killed:\n{killed_log.read_text()[-3000:]}"
            holder = json.loads(store.read_bytes(f"{out}/{lock.LOCK_NAME}"))
            assert holder["pid"] == proc.pid and holder["command"].endswith(f"--output {out}")
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert f"{victim}: running" in killed_log.read_text()

    def manifest_uri(stage: str) -> str:
        return f"{out}/{local[stage]['outputs']['dirs'][0]}/_manifest.json"

    assert not store.exists(manifest_uri(victim)), "a killed stage leaves no manifest"
    assert all(store.exists(manifest_uri(name)) for name in list(STAGES)[:-1])

    rerun = run_cli("run", str(manifest), "--output", out, env={**s3.env, "LEMUR_PROGRESS_S": "0"})
    assert rerun.returncode == 0, rerun.stderr[-3000:]
    assert "up to date" in rerun.stderr, "committed upstream stages are skipped, not recomputed"
    assert f"removing the stale lock {out}/{lock.LOCK_NAME} of pid {proc.pid}" in rerun.stderr
    remote = {}
    for stage, m in local.items():
        remote[stage] = json.loads(store.read_bytes(manifest_uri(stage)))
        assert remote[stage]["fingerprint"] == m["fingerprint"], stage
    assert output_digests(remote) == output_digests(local)
    listed = {e.uri.removeprefix(f"{out}/") for e in store.list_files(f"{out}/")}
    manifests = {f"{m['outputs']['dirs'][0]}/_manifest.json" for m in local.values()}
    assert listed == set(output_digests(local)) | manifests, "exactly the committed objects, no leftovers"
    # NOTE: the sentinel credentials are in this process's environment and the CLI's; they must appear nowhere.
    everything = killed_log.read_text() + rerun.stdout + rerun.stderr + "".join(json.dumps(m) for m in remote.values())
    assert s3server.SECRET_KEY not in everything and s3server.ACCESS_KEY not in everything
    assert remote["crawl"]["config"]["resolved"]["sources"][0]["path"].startswith(f"s3://{BUCKET}/")
