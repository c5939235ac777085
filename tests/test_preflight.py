"""Fail early and say why (issue 15): the preflight before Spark starts (locations, S3 endpoint, probe write, mix
feasibility), the up-to-date check by sha256, and downstream manifests invalidated when a stage is recomputed.

Most tests need no Spark: they call the checks, `validate`, or `run_stages` on a context whose Spark session must
still be unstarted when the preflight has failed. Outputs come from the shared demo run (copies of its manifests or
folders), never from new pipeline runs."""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from lemur_data import cli, preflight, status, storage
from lemur_data import manifest as mf
from lemur_data.config import ConfigError, load_manifest
from lemur_data.runner import changed_output, run_stage, run_stages
from lemur_data.stage import RunContext
from lemur_data.stages import STAGES
from tests.conftest import DEMO_MANIFEST, REPO, copy_outputs, run_cli

DEMO_CORPUS = REPO / "manifests" / "demo-corpus"


def _demo_variant(tmp_path: Path, output: Path | str, mix: dict | None = None, **top) -> Path:
    """The demo manifest written elsewhere, with absolute source paths (so its stage hashes equal the demo run's)."""
    doc = yaml.safe_load(DEMO_MANIFEST.read_text())
    for src in doc["sources"]:
        src["path"] = src["path"] if src["path"].startswith("s3://") else str(DEMO_MANIFEST.parent / src["path"])
    doc["output"] = str(output)
    doc["mix"].update(mix or {})
    doc.update(top)
    path = tmp_path / "variant.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False))
    return path


def _ctx(manifest: Path | str, output: Path | str | None = None, **options) -> RunContext:
    return RunContext(load_manifest(manifest, output=None if output is None else str(output)), STAGES, **options)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _manifests_only(src: Path, dst: Path) -> None:
    """Copy every committed stage manifest (no data): all a preflight or `stages` reads."""
    for path in src.rglob(mf.MANIFEST_NAME):
        target = dst / path.relative_to(src)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)


# -- 1. locations -----------------------------------------------------------------------------------------------------
def test_an_output_inside_a_source_fails_before_spark_naming_both_keys(tmp_path):
    ctx = _ctx(DEMO_MANIFEST, DEMO_CORPUS / "text" / "out")
    with pytest.raises(preflight.PreflightError) as failed:
        run_stages(ctx, list(STAGES))
    message = str(failed.value)
    assert message.startswith(f"output: {DEMO_CORPUS}/text/out is inside sources[5].path ({DEMO_CORPUS}/text, "
                              "source 'docs-text')")
    assert "Choose an output outside every source folder" in message
    assert ctx._spark is None and not (DEMO_CORPUS / "text" / "out").exists()

    link = tmp_path / "corpus-link"  # the same folder through a symlink
    link.symlink_to(DEMO_CORPUS / "code")
    with pytest.raises(preflight.PreflightError, match=r"is inside sources\[0\]\.path .*'py-stdlib'"):
        preflight.check_locations(load_manifest(DEMO_MANIFEST, output=str(link / "python" / "out")))


def test_a_source_inside_the_output_fails_in_validate_naming_the_source_key(tmp_path, capsys):
    assert cli.main(["validate", str(_demo_variant(tmp_path, DEMO_MANIFEST.parent))]) == 2
    err = capsys.readouterr().err
    assert f"sources[0].path: {DEMO_CORPUS}/code/python (source 'py-stdlib') is inside the output " in err
    assert "choose another output (the `output` key or --output)" in err


@pytest.mark.parametrize("output, source, fails", [
    ("s3://b/data/out", "s3://b/data", "output"),
    ("s3://b/web/out", "s3://b/web/*.warc.gz", "output"),
    ("s3://b/data", "s3://b/data/python", "sources[0].path"),
    ("s3://b/data", "s3://b/data2/python", None),  # a shared name prefix is not a folder prefix
    ("s3://other/data/out", "s3://b/data", None),
])
def test_s3_locations_compare_bucket_and_prefix(output, source, fails):
    cfg = load_manifest(DEMO_MANIFEST, output=output)
    cfg = cfg.model_copy(update={"sources": (cfg.sources[0].model_copy(update={"path": source}),)})
    if fails is None:
        preflight.check_locations(cfg)
    else:
        with pytest.raises(preflight.PreflightError, match=rf"^{re.escape(fails)}: "):
            preflight.check_locations(cfg)


# -- 2. the S3 endpoint -----------------------------------------------------------------------------------------------
def test_connect_timeout_is_a_validated_setting_passed_to_the_store(tmp_path):
    cfg = load_manifest(_demo_variant(tmp_path, tmp_path / "out", storage={"connect_timeout_s": 1.5}))
    assert storage.from_config(cfg.storage).connect_timeout_s == 1.5
    assert load_manifest(DEMO_MANIFEST).storage.connect_timeout_s == storage.DEFAULT_CONNECT_TIMEOUT_S
    with pytest.raises(ConfigError, match=r"storage\.connect_timeout_s.*greater than 0"):
        load_manifest(_demo_variant(tmp_path, tmp_path / "out", storage={"connect_timeout_s": 0}))


def test_an_unreachable_s3_endpoint_fails_the_preflight_naming_endpoint_and_key(tmp_path, monkeypatch):
    endpoint = f"http://127.0.0.1:{_closed_port()}"
    cfg = load_manifest(_demo_variant(tmp_path, "s3://lemur/out", storage={"s3_endpoint_url": endpoint}))
    with pytest.raises(preflight.PreflightError) as failed:
        preflight.check_endpoint(cfg, storage.from_config(cfg.storage))
    assert str(failed.value).startswith(f"storage.s3_endpoint_url: cannot connect to the S3 endpoint {endpoint} "
                                        "within storage.connect_timeout_s = 5 s (Connection refused)")
    monkeypatch.setenv("AWS_ENDPOINT_URL", endpoint)
    monkeypatch.delenv("AWS_ENDPOINT_URL_S3", raising=False)
    cfg = load_manifest(DEMO_MANIFEST, output="s3://lemur/out")
    with pytest.raises(preflight.PreflightError, match=r"^\$AWS_ENDPOINT_URL \(storage.s3_endpoint_url is unset\)"):
        preflight.check_endpoint(cfg, storage.from_config(cfg.storage))


def test_a_run_to_a_closed_loopback_port_fails_at_once_not_after_retries():
    endpoint = f"http://127.0.0.1:{_closed_port()}"
    env = {"AWS_ENDPOINT_URL": endpoint, "AWS_ACCESS_KEY_ID": "x", "AWS_SECRET_ACCESS_KEY": "y"}
    started = time.monotonic()
    # NOTE: the subprocess timeout is the test: before the preflight this run hung for minutes
    proc = run_cli("run", str(DEMO_MANIFEST), "--output", "s3://lemur/out", env=env, timeout=60)
    elapsed = time.monotonic() - started
    assert proc.returncode == 2, proc.stderr
    assert (f"lemur-data: error: $AWS_ENDPOINT_URL (storage.s3_endpoint_url is unset): cannot connect to the S3 "
            f"endpoint {endpoint} within storage.connect_timeout_s = 5 s") in proc.stderr
    assert "crawl" not in proc.stderr, "nothing listed, no stage started"
    print(f"failed after {elapsed:.1f} s (process start included)")


def test_a_silent_s3_server_fails_each_request_after_the_configured_wait():
    """A server that accepts connections and never answers: each attempt gives up after connect_timeout_s without
    a byte (curl's low-speed limit; the AWS SDK default would be 3 s), and the request fails after 5 attempts."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(16)
        store = storage.Storage(f"http://127.0.0.1:{server.getsockname()[1]}", "us-east-1", connect_timeout_s=1)
        with pytest.raises(OSError, match="transferred the last 1 seconds"):
            store.read_bytes("s3://lemur/anything")


# -- 3. the output is writable (S3: tests/test_s3.py; local read-only: tests/test_hostile_runs.py) -----------------
def test_the_probe_write_leaves_nothing_behind(tmp_path):
    cfg = load_manifest(DEMO_MANIFEST, output=str(tmp_path / "out"))
    preflight.check_output_writable(cfg, storage.from_config(cfg.storage))
    assert list((tmp_path / "out").iterdir()) == []


# -- 4. mix feasibility ---------------------------------------------------------------------------------------------
def test_an_infeasible_budget_on_declared_sizes_fails_in_validate_and_before_crawl(tmp_path, capsys):
    out = tmp_path / "out"
    # "1e12": what PyYAML makes of an unquoted 1e12 in a manifest (a string; the setting takes it as the number)
    manifest = _demo_variant(tmp_path, out, mix={"budget_tokens": "1e12"})
    doc = yaml.safe_load(manifest.read_text())
    for src in doc["sources"]:
        src["declared_tokens"] = 200_000
    manifest.write_text(yaml.safe_dump(doc, sort_keys=False))

    assert cli.main(["validate", str(manifest)]) == 2
    err = capsys.readouterr().err
    assert "mix plan is infeasible on the sources' declared_tokens" in err and "Lower mix.budget_tokens" in err

    ctx = _ctx(manifest)
    with pytest.raises(preflight.PreflightError) as failed:
        run_stages(ctx, list(STAGES))
    message = str(failed.value)
    assert message.startswith("mix plan is infeasible on the sources' declared_tokens:")
    assert "source 'py-stdlib' (group code) is short by" in message and "Lower mix.budget_tokens" in message
    assert ctx._spark is None and not (out / "docs").exists(), "crawl never started"


def test_an_infeasible_budget_on_committed_counts_fails_in_validate_and_before_crawl(demo_pipeline, tmp_path,
                                                                                       capsys):
    demo_out, manifests = demo_pipeline
    out = tmp_path / "out"
    _manifests_only(demo_out, out)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    manifest = _demo_variant(tmp_path, out, mix={"budget_tokens": 1_000_000_000_000})
    tokens_uri = out / "tokens" / mf.MANIFEST_NAME

    assert cli.main(["validate", str(manifest)]) == 2
    cap = capsys.readouterr()
    assert f"mix plan is infeasible on the token counts of {tokens_uri} (committed " in cap.err
    assert "SHORT by" in cap.out, "the plan table is printed"

    ctx = _ctx(manifest, force=True)  # even --force, which would recompute crawl first
    with pytest.raises(preflight.PreflightError, match="Lower mix.budget_tokens"):
        run_stages(ctx, list(STAGES))
    assert ctx._spark is None
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before, "no stage touched"

    # counts made with another crawl configuration (seed) are not this run's: no verdict, a note instead
    other = _demo_variant(tmp_path, out, mix={"budget_tokens": 1_000_000_000_000}, seed=7)
    assert cli.main(["validate", str(other)]) == 0
    assert "mix feasibility cannot be checked yet" in capsys.readouterr().out


def test_a_run_without_known_sizes_says_at_start_that_it_cannot_check_the_mix_yet(tmp_path, caplog):
    cfg = load_manifest(DEMO_MANIFEST, output=str(tmp_path / "out"))
    with caplog.at_level(logging.WARNING, logger="lemur_data.preflight"):
        preflight.check_run(cfg, storage.from_config(cfg.storage), STAGES, list(STAGES))
    assert "mix feasibility cannot be checked yet" in caplog.text
    caplog.clear()
    preflight.check_run(cfg, storage.from_config(cfg.storage), STAGES, ["crawl"])
    assert "mix feasibility" not in caplog.text, "only a run that includes mix is told"


# -- 5. up to date means same sha256 ----------------------------------------------------------------------------------
def test_a_flipped_byte_of_the_same_size_makes_a_stage_out_of_date_naming_the_file(demo_pipeline, tmp_path):
    demo_out, manifests = demo_pipeline
    out = tmp_path / "out"
    copy_outputs(demo_out, out, manifests["crawl"]["outputs"]["dirs"])  # copy2: modification times kept
    crawl = manifests["crawl"]
    assert changed_output(crawl, _ctx(DEMO_MANIFEST, out)) is None
    assert changed_output(crawl, _ctx(DEMO_MANIFEST, out, verify=True)) is None

    victim = max(crawl["outputs"]["files"], key=lambda f: f["bytes"])
    path = out / victim["path"]
    stat = path.stat()
    with open(path, "r+b") as f:  # one bit in place, same size
        f.seek(stat.st_size // 2)
        byte = f.read(1)
        f.seek(stat.st_size // 2)
        f.write(bytes([byte[0] ^ 1]))
    expected = f"{path} changed (sha256 recorded {victim['sha256']}, found "
    assert changed_output(crawl, _ctx(DEMO_MANIFEST, out)).startswith(expected), "modified after the manifest"

    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # the same change with its old time: only --verify
    assert changed_output(crawl, _ctx(DEMO_MANIFEST, out)) is None
    assert changed_output(crawl, _ctx(DEMO_MANIFEST, out, verify=True)).startswith(expected)


def test_a_changed_output_is_recomputed_with_the_file_named(spark, demo_pipeline, tmp_path, caplog):
    demo_out, manifests = demo_pipeline
    out = tmp_path / "out"
    copy_outputs(demo_out, out, [d for s in ("tokenize", "mix") for d in manifests[s]["outputs"]["dirs"]])
    mix = manifests["mix"]
    shard = out / mix["outputs"]["files"][0]["path"]
    data = bytearray(shard.read_bytes())
    data[len(data) // 2] ^= 1
    shard.write_bytes(bytes(data))
    with caplog.at_level(logging.WARNING, logger="lemur_data.runner"):
        again = run_stage(STAGES["mix"], _ctx(DEMO_MANIFEST, out, _spark=spark))
    assert f"mix: output {shard} changed (sha256 recorded {mix['outputs']['files'][0]['sha256']}" in caplog.text
    assert again["completed_at"] >= mix["completed_at"] and again["fingerprint"] == mix["fingerprint"]


# -- 6. a recomputed or removed stage invalidates its downstream ------------------------------------------------------
def test_a_killed_dedup_force_leaves_tokens_and_shards_not_completed(demo_pipeline, tmp_path):
    demo_out, manifests = demo_pipeline
    out = tmp_path / "out"
    copy_outputs(demo_out, out, [d for s in STAGES for d in manifests[s]["outputs"]["dirs"]])
    dedup_manifest = out / manifests["dedup"]["outputs"]["dirs"][0] / mf.MANIFEST_NAME
    run = subprocess.Popen([sys.executable, "-m", "lemur_data.cli", "dedup", str(DEMO_MANIFEST), "--output",
                            str(out), "--force", "--master", "local[1]"], cwd=REPO, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while dedup_manifest.exists():  # gone = the recompute has begun
            assert run.poll() is None and time.monotonic() < deadline, "dedup never started recomputing"
            time.sleep(0.02)
        os.kill(run.pid, signal.SIGKILL)
    finally:
        run.kill()
        run.wait()

    for stage in ("tokenize", "mix"):
        folder = out / manifests[stage]["outputs"]["dirs"][0]
        assert not (folder / mf.MANIFEST_NAME).exists(), stage
        kept = json.loads((folder / mf.STALE_NAME).read_text())
        assert kept["run_id"] == manifests[stage]["run_id"], "moved aside, not lost"
    found = {s["stage"]: s for s in status.dataset_status(load_manifest(DEMO_MANIFEST, output=str(out)))["stages"]}
    assert [n for n, s in found.items() if s["committed"] and not s["stale"]] == ["crawl", "filter"]
    assert "its upstream was recomputed" in found["tokenize"]["stale"]
    table = status.render(status.dataset_status(load_manifest(DEMO_MANIFEST, output=str(out))))
    assert "completed" not in next(line for line in table.splitlines() if line.startswith("tokenize"))


def test_stages_never_shows_completed_for_a_stage_whose_upstream_is_gone_or_changed(demo_pipeline, tmp_path):
    demo_out, _ = demo_pipeline
    out = tmp_path / "out"
    _manifests_only(demo_out, out)
    cfg = load_manifest(DEMO_MANIFEST, output=str(out))
    assert all(s["committed"] and s["stale"] is None for s in status.dataset_status(cfg)["stages"])

    filtered = out / "filtered" / mf.MANIFEST_NAME
    filtered.write_text(filtered.read_text() + "\n")  # the same content, other bytes: not what dedup was made from
    found = {s["stage"]: s["stale"] for s in status.dataset_status(cfg)["stages"]}
    assert found == {"crawl": None, "filter": None, "dedup": "upstream filter changed since",
                     "tokenize": "upstream dedup is stale", "mix": "upstream tokenize is stale"}

    (out / "deduped" / mf.MANIFEST_NAME).unlink()  # removed by hand
    found = {s["stage"]: s for s in status.dataset_status(cfg)["stages"]}
    assert found["dedup"]["committed"] is None and found["tokenize"]["stale"] == "upstream dedup is gone"
    rows = {line.split()[0]: line for line in status.render(status.dataset_status(cfg)).splitlines()[2:]}
    assert "STALE (upstream dedup is gone); rerun" in rows["tokenize"]
    assert "completed" in rows["filter"]
    assert not any("completed" in rows[s] for s in ("dedup", "tokenize", "mix"))
