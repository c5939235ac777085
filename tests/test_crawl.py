"""The crawl stage on Spark: the demo corpus, the bad-input set, determinism, idempotency, atomicity."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pyarrow.dataset as pads
import pytest

from lemur_data import manifest as mf
from lemur_data.config import load_manifest
from lemur_data.runner import run_stage
from lemur_data.stage import RunContext
from lemur_data.stages import STAGES
from tests.conftest import DEMO_MANIFEST, REPO, copy_outputs, run_cli, tree_digest

REQUIRED_CODE_LANGS = {"python", "c", "go", "rust", "javascript", "typescript", "java", "shell", "perl", "cmake"}


def crawl(spark, manifest: Path, output: Path, force: bool = False) -> dict:
    ctx = RunContext(load_manifest(manifest, output=str(output)), STAGES, force=force, _spark=spark)
    return run_stage(STAGES["crawl"], ctx)


def docs_table(output: Path):
    return pads.dataset(output / "docs", format="parquet", partitioning="hive").to_table()


@pytest.fixture(scope="module")
def demo_run(demo_pipeline, tmp_path_factory):
    """The session's demo crawl, copied: these tests rerun and force the stage in place."""
    root, manifests = demo_pipeline
    out = tmp_path_factory.mktemp("demo") / "out"
    copy_outputs(root, out, STAGES["crawl"].dirs)
    return out, manifests["crawl"]


def test_demo_crawl_manifest_is_valid_and_complete(demo_run):
    out, m = demo_run
    assert mf.validation_errors(m) == []
    assert json.loads((out / "docs" / "_manifest.json").read_text()) == m
    assert all(c["passed"] for c in m["validation"]), m["validation"]
    langs = {e["lang"] for e in m["counts"]["by_source_lang"] if e["kind"] == "code"}
    assert REQUIRED_CODE_LANGS <= langs, REQUIRED_CODE_LANGS - langs
    assert {e["source"] for e in m["counts"]["by_source_lang"]} == {s.name for s in load_manifest(DEMO_MANIFEST).sources}
    reasons = {e["reason"] for e in m["reasons"]}
    assert {"vendored_dir", "lock_file", "warc_not_response", "http_status", "unsupported_content_type"} <= reasons
    assert m["code"]["python"] and m["orchestration"]["spark_master"] == "local[2]"
    assert m["config"]["resolved"]["name"] == "demo"


def test_demo_outputs_match_manifest_and_schema(demo_run):
    out, m = demo_run
    table = docs_table(out)
    assert table.num_rows == m["counts"]["out"]["docs"]
    assert len(set(table.column("id").to_pylist())) == table.num_rows, "ids are unique"
    files = {f["path"]: f for f in m["outputs"]["files"]}
    assert set(files) == set(tree_digest(out, "docs"))
    for path, digest in tree_digest(out, "docs").items():
        assert files[path]["sha256"] == digest
    rows = table.select(["source", "repo", "license", "lang", "locator"]).to_pylist()
    by_locator = {r["locator"]: r for r in rows}
    assert by_locator["itoa/src/lib.rs"]["license"] == "MIT OR Apache-2.0"
    assert by_locator["pyenv/libexec/pyenv"]["lang"] == "shell", "extension-less script detected by shebang"
    assert by_locator["py311/textwrap.py"]["license"] == "PSF-2.0"
    assert not any("node_modules" in r["locator"] for r in rows)
    web = [r for r in rows if r["source"] == "web-docs"]
    assert web and all(r["locator"].startswith("https://doc.rust-lang.org/") for r in web)


def test_manifest_show_and_validate_commands(demo_run):
    out, _ = demo_run
    show = run_cli("manifest", "show", str(out / "docs"), timeout=120)
    assert show.returncode == 0, show.stderr
    for fragment in ("crawl · dataset demo", "by source x language", "vendored_dir", "validation: ", "outputs: "):
        assert fragment in show.stdout
    ok = run_cli("manifest", "validate", str(out / "docs" / "_manifest.json"), timeout=120)
    assert ok.returncode == 0 and "valid run manifest" in ok.stdout
    broken = json.loads((out / "docs" / "_manifest.json").read_text())
    broken["counts"]["out"]["docs"] = -1
    del broken["fingerprint"]
    bad_path = out / "broken.json"
    bad_path.write_text(json.dumps(broken))
    bad = run_cli("manifest", "validate", str(bad_path), timeout=120)
    assert bad.returncode == 1
    assert "fingerprint" in bad.stderr and "counts/out/docs" in bad.stderr


def test_rerun_skips_when_up_to_date_and_force_recomputes_identically(spark, demo_run):
    out, first = demo_run
    before = tree_digest(out, "docs")
    again = crawl(spark, DEMO_MANIFEST, out)
    assert again["completed_at"] == first["completed_at"], "up-to-date stage is skipped, not rerun"
    forced = crawl(spark, DEMO_MANIFEST, out, force=True)
    assert forced["started_at"] >= first["completed_at"]
    assert tree_digest(out, "docs") == before
    assert forced["fingerprint"] == first["fingerprint"]


def test_changed_output_file_triggers_recompute(spark, demo_pipeline, tmp_path):
    root, manifests = demo_pipeline
    out = tmp_path / "out"
    copy_outputs(root, out, STAGES["crawl"].dirs)
    first = manifests["crawl"]
    victim = out / first["outputs"]["files"][0]["path"]
    victim.write_bytes(b"truncated")
    second = crawl(spark, DEMO_MANIFEST, out)
    assert second["started_at"] > first["started_at"]
    assert tree_digest(out, "docs") == {f["path"]: f["sha256"] for f in first["outputs"]["files"]}


def test_bad_inputs_are_counted_by_reason_and_good_items_go_through(spark, bad_inputs_copy, tmp_path):
    m = crawl(spark, bad_inputs_copy / "dataset.yaml", tmp_path / "out")
    assert all(c["passed"] for c in m["validation"]), m["validation"]
    reasons = {e["reason"]: e for e in m["reasons"]}
    expected = {
        "binary": 1, "invalid_utf8": 2, "empty": 1, "symlink_loop": 2, "too_large": 1, "archive_unsafe_path": 2,
        "archive_bomb": 1, "corrupt_archive": 1, "corrupt_compression": 1, "corrupt_parquet": 1,
        "malformed_json": 2, "malformed_warc_record": 2,
    }
    assert {r: reasons[r]["docs"] for r in expected if r in reasons} == expected
    assert reasons["too_large"]["examples"] == ["minified/encoder.min.py"]
    assert reasons["too_large"]["bytes"] >= 20 * 1024 * 1024
    assert all(reasons[r]["category"] == "error" for r in expected if r not in ("empty", "too_large"))
    locators = set(docs_table(tmp_path / "out").column("locator").to_pylist())
    good = {
        "good/heapq.py", "good/textwrap.py", "traversal.tar.gz!/pkg/bisect.py", "good.zip!/repo/shlex.py",
        "stdlib/this.py", "stdlib/phello", "good.parquet#0", "good.parquet#1", "good.parquet#2",
        "https://doc.rust-lang.org/book/ch03-01-variables-and-mutability.html",
        "https://doc.rust-lang.org/book/ch03-02-data-types.html",
        "https://doc.rust-lang.org/book/ch04-01-what-is-ownership.html",
        "https://doc.rust-lang.org/book/ch05-01-defining-structs.html",
    }
    assert good <= locators, good - locators
    assert not any(".." in loc or loc.startswith("/") for loc in locators)


@pytest.mark.slow
def test_killed_crawl_leaves_no_manifest_and_rerun_equals_uninterrupted(spark, demo_run, tmp_path):
    out_ref, _ = demo_run
    out = tmp_path / "out"
    # Small output files stretch the write phase over many tasks, so the kill lands while files are appearing.
    manifest = tmp_path / "demo-small-files.yaml"
    text = DEMO_MANIFEST.read_text().replace("demo-corpus/", str(DEMO_MANIFEST.parent / "demo-corpus") + "/")
    manifest.write_text(text.replace("max_file_bytes: 1048576", "max_file_bytes: 1048576\n  target_file_bytes: 20000"))
    proc = subprocess.Popen([sys.executable, "-m", "lemur_data.cli", "crawl", str(manifest), "--output", str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=REPO, start_new_session=True)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and not list((out / "docs").rglob("part-*.parquet")):
        assert proc.poll() is None, "crawl finished before it could be killed"
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert list((out / "docs").rglob("part-*.parquet")), "the kill landed mid-write"
    assert not (out / "docs" / "_manifest.json").exists(), "a killed run leaves nothing that looks finished"

    crawl(spark, manifest, out)  # the rerun and the uninterrupted reference share the test session's Spark
    uninterrupted = tmp_path / "uninterrupted"
    crawl(spark, manifest, uninterrupted)
    assert tree_digest(out, "docs") == tree_digest(uninterrupted, "docs")
    assert len(tree_digest(out, "docs")) > len(tree_digest(out_ref, "docs")), "small target gave more files"
    m = json.loads((out / "docs" / "_manifest.json").read_text())
    assert Counter(f["path"].split("/")[0] for f in m["outputs"]["files"]) == {"docs": len(tree_digest(out, "docs"))}


def test_crawl_output_reads_back_through_the_manifest(spark, demo_run):
    from lemur_data import storage
    from lemur_data.datasets import main_files, read_parquet_files

    out, m = demo_run
    df = read_parquet_files(spark, storage.Storage(), str(out), main_files(m))
    assert df.count() == m["counts"]["out"]["docs"]
    assert df.select("id").distinct().count() == m["counts"]["out"]["docs"]
    assert sorted(df.columns) == sorted(docs_table(out).schema.names)


def test_code_trees_are_written_one_file_per_run_with_the_same_documents_whatever_the_run_size(spark, demo_run,
                                                                                                tmp_path):
    """`files` sources skip the shuffle: each run of consecutive listed files is one task and one output file, cut by
    bytes to read (never by core count). Smaller runs must give more files with exactly the same documents, each
    file sorted by id, every listed file still a document or a counted skip, and nothing shuffled."""
    from lemur_data.stages.crawl import TREE_FORMATS  # noqa: PLC0415

    cfg = load_manifest(DEMO_MANIFEST, output=str(tmp_path / "out"))
    trees = tuple(s for s in cfg.sources if s.format in TREE_FORMATS)
    assert len(trees) >= 2
    small = cfg.model_copy(update={"sources": trees, "crawl": cfg.crawl.model_copy(update={"target_task_bytes": 64 << 10})})
    m = run_stage(STAGES["crawl"], RunContext(small, STAGES, force=True, _spark=spark))
    assert all(c["passed"] for c in m["validation"]), m["validation"]
    assert m["timings"]["shuffle_bytes_written"] == 0
    out, _ = demo_run
    names = {s.name for s in trees}
    columns = ["id", "text", "lang", "locator", "repo", "license", "content_sha256"]
    default_rows = docs_table(out).filter(pads.field("source").isin(list(names))).select(columns)
    small_rows = docs_table(tmp_path / "out").select(columns)
    assert small_rows.num_rows == default_rows.num_rows > 100
    assert small_rows.sort_by("id").to_pylist() == default_rows.sort_by("id").to_pylist()
    for source in names:
        files = sorted(f["path"] for f in m["outputs"]["files"] if f"/source={source}/" in f["path"])
        assert len(files) > 1, source
        runs = {int(p.rsplit("-of-", 1)[1].split(".")[0]) for p in files}
        assert len(runs) == 1 and max(runs) >= len(files), files
        for path in files:
            ids = pads.dataset(tmp_path / "out" / path, format="parquet").to_table(columns=["id"]).column("id").to_pylist()
            assert ids == sorted(ids), path


def test_a_tree_name_escaping_to_a_listed_locator_is_counted_as_a_duplicate(tmp_path):
    """A valid name spelling an escape (`caf%E9.py`) and the raw bytes it escapes (`caf\\xe9.py`) give one locator:
    the listing keeps the first and names the second `duplicate_locator`, so no two documents share an id."""
    from lemur_data import storage  # noqa: PLC0415
    from lemur_data.config import CrawlConfig, SourceConfig  # noqa: PLC0415
    from lemur_data.sources.trees import list_tree  # noqa: PLC0415

    root = os.fsencode(tmp_path)
    for name in (b"caf%E9.py", b"caf\xe9.py", b"other.py"):
        with open(os.path.join(root, name), "wb") as f:
            f.write(b"x = 1\n")
    source = SourceConfig(name="code", kind="code", format="files", path=str(tmp_path))
    _, items = list_tree(source, CrawlConfig(), storage.Storage())
    assert [(i.rel, i.skip) for i in items] == [("caf%E9.py", None), ("caf%E9.py", "duplicate_locator"),
                                                ("other.py", None)]
