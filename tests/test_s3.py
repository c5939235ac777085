"""S3 for real: a SeaweedFS server on loopback. The pipeline reads sources from and writes outputs and manifests
to S3, and its outputs equal a local run's; large objects go up in parts; throttling is retried; credentials
never reach a manifest or a log."""

from __future__ import annotations

import json
import os

import pytest

from lemur_data import storage
from tests import s3server
from tests.conftest import DEMO_MANIFEST, output_digests, run_cli

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


def _s3_manifest(tmp_path, prefix: str):
    text = DEMO_MANIFEST.read_text()
    text = text.replace("path: demo-corpus/", f"path: s3://{BUCKET}/{prefix}/")
    text = text.replace('path: "demo-corpus/', f'path: "s3://{BUCKET}/{prefix}/')
    path = tmp_path / "demo-s3.yaml"
    path.write_text(text)
    return path


@pytest.mark.slow
def test_pipeline_on_s3_equals_local_and_leaks_no_credentials(s3, demo_pipeline, tmp_path):
    uploaded = s3.upload_tree(DEMO_MANIFEST.parent / "demo-corpus", BUCKET, "demo-corpus")
    assert uploaded > 300
    _, local = demo_pipeline
    manifest = _s3_manifest(tmp_path, "demo-corpus")
    proc = run_cli("run", str(manifest), "--output", f"s3://{BUCKET}/out/demo", env=s3.env)
    assert proc.returncode == 0, proc.stderr[-3000:]
    store = storage.Storage(s3.endpoint)
    remote = {}
    for stage, m in local.items():
        uri = f"s3://{BUCKET}/out/demo/{m['outputs']['dirs'][0]}/_manifest.json"
        remote[stage] = json.loads(store.read_bytes(uri))
        assert remote[stage]["fingerprint"] == m["fingerprint"], stage
    assert output_digests(remote) == output_digests(local)
    listed = {e.uri.removeprefix(f"s3://{BUCKET}/out/demo/") for e in store.list_files(f"s3://{BUCKET}/out/demo/")}
    assert set(output_digests(local)) <= listed
    # NOTE: the sentinel credentials are in this process's environment and the CLI's; they must appear nowhere.
    everything = proc.stdout + proc.stderr + "".join(json.dumps(m) for m in remote.values())
    assert s3server.SECRET_KEY not in everything and s3server.ACCESS_KEY not in everything
    assert remote["crawl"]["config"]["resolved"]["sources"][0]["path"].startswith(f"s3://{BUCKET}/")
