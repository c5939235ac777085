"""lemur-mini, the scaled-down Lemur replica, end to end through all five stages (in-process, shared session):
every stage's manifest exists and validates, the shards hold exactly 10:1 code:text, and the fixtures are what the
generator script writes from this machine's files."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from lemur_data import manifest as mf
from lemur_data.config import load_manifest
from lemur_data.datasets import main_files
from lemur_data.stages import STAGES
from tests.conftest import REPO, run_pipeline, tree_digest

MINI = REPO / "manifests" / "lemur-mini.yaml"
FIXTURES = REPO / "manifests" / "lemur-mini"


@pytest.fixture(scope="module")
def mini(spark, tmp_path_factory) -> tuple[Path, dict[str, dict]]:
    out = tmp_path_factory.mktemp("lemur-mini") / "out"
    return out, run_pipeline(spark, MINI, out)


def test_every_stage_committed_a_valid_manifest_with_passing_checks(mini):
    out, manifests = mini
    assert list(manifests) == list(STAGES) == ["crawl", "filter", "dedup", "tokenize", "mix"]
    for name, stage in STAGES.items():
        on_disk = mf.load_path(str(out / stage.dirs[0]))
        assert on_disk["stage"] == name and on_disk["status"] == "completed"
        assert mf.validation_errors(on_disk) == [], name
        assert [c["check"] for c in on_disk["validation"] if not c["passed"]] == [], name


def test_every_published_layout_was_read(mini):
    cfg = load_manifest(MINI)
    _, manifests = mini
    crawl_sources = {row["source"] for row in manifests["crawl"]["counts"]["by_source_lang"] if row["docs"]}
    assert crawl_sources == {s.name for s in cfg.sources}
    assert manifests["crawl"]["reasons"] == []  # no row of any layout was skipped or unreadable
    token_sources = {e["source"] for e in manifests["tokenize"]["tokenizer"]["by_source"] if e["tokens"]}
    assert token_sources == {s.name for s in cfg.sources}


def test_the_stack_columns_map_to_documents(mini):
    out, manifests = mini
    docs = [r for f in main_files(manifests["crawl"]) for r in pq.read_table(out / f["path"]).to_pylist()]
    stack = pq.read_table(FIXTURES / "the-stack-dedup/data/python/data-00000-of-00001.parquet").to_pylist()
    by_locator = {d["locator"]: d for d in docs if d["source"] == "stack-python"}
    assert set(by_locator) == {r["hexsha"] for r in stack}
    for row in stack:
        doc = by_locator[row["hexsha"]]
        assert doc["text"] == row["content"] and doc["lang"] == "python"
        assert doc["repo"] == row["max_stars_repo_name"] == "python/cpython"
        assert doc["license"] == "PSF-2.0"  # from the max_stars_repo_licenses list
        assert dict(doc["meta"])["max_stars_repo_path"] == row["max_stars_repo_path"]
    rw = {d["locator"] for d in docs if d["source"] == "refinedweb"}
    assert all(u.startswith("https://doc.rust-lang.org/book/") for u in rw)


def test_shards_hold_exactly_ten_to_one_code_to_text(mini):
    out, manifests = mini
    cfg = load_manifest(MINI)
    m = manifests["mix"]
    kind_of_id = {i: s.kind for i, s in enumerate(cfg.sources)}
    rows = Counter()
    for f in main_files(m):
        t = pq.read_table(out / f["path"], columns=["source_id", "input_ids"])
        assert {len(ids) for ids in t.column("input_ids").to_pylist()} == {cfg.mix.seq_len}
        rows.update(kind_of_id[i] for i in t.column("source_id").to_pylist())
    assert rows["code"] + rows["text"] == cfg.mix.budget_tokens // cfg.mix.seq_len
    achieved = rows["code"] / rows["text"]
    tolerance = m["mixture"]["ratio"]["tolerance"]
    assert tolerance == cfg.mix.ratio_tolerance
    assert abs(achieved / 10 - 1) <= tolerance
    assert achieved == 10  # whole rows of one source each: the replica's 440 rows split 400:40 exactly
    assert m["mixture"]["ratio"]["target"] == "10:1" and m["mixture"]["ratio"]["achieved"] == "10.0000:1"
    by_source = {s["source"]: s for s in m["mixture"]["sources"]}
    assert set(by_source) == {s.name for s in cfg.sources}
    assert all(s["repetition"] <= cfg.mix.max_repetition for s in by_source.values())


def test_fixtures_are_the_generator_output(tmp_path):
    """The committed fixtures are exactly what benchmarks/make_lemur_mini.py writes (nothing hand-edited)."""
    out = tmp_path / "lemur-mini"
    done = subprocess.run([sys.executable, str(REPO / "benchmarks" / "make_lemur_mini.py"), "--out", str(out)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert tree_digest(out) == tree_digest(FIXTURES)
    total = sum(p.stat().st_size for p in FIXTURES.rglob("*") if p.is_file())
    assert total < 3_000_000
