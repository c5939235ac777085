"""The mix stage on Spark: exact ratio, packed rows rebuilt from provenance, hash selection, determinism."""

from __future__ import annotations

import hashlib
import json
import math
import shutil
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import xxhash
import yaml

from lemur_data import manifest as mf
from lemur_data.config import ConfigError, load_manifest
from lemur_data.datasets import main_files
from lemur_data.runner import run_stage
from lemur_data.stage import RunContext
from lemur_data.schema import PROVENANCE_SCHEMA, SHARD_SCHEMA
from lemur_data.stages import STAGES, job_script
from tests.conftest import DEMO_MANIFEST, REPO, run_cli


def shard_table(root: Path, m: dict) -> pa.Table:
    return pa.concat_tables(pq.read_table(root / f["path"]) for f in main_files(m))


def provenance_table(root: Path, m: dict) -> pa.Table:
    files = [f for f in m["outputs"]["files"] if f["path"].startswith("provenance/")]
    return pa.concat_tables(pq.read_table(root / f["path"]) for f in sorted(files, key=lambda f: f["path"]))


def token_cache(root: Path, manifests: dict) -> dict[str, np.ndarray]:
    table = pa.concat_tables(pq.read_table(root / f["path"], columns=["doc_id", "tokens"])
                             for f in main_files(manifests["tokenize"]))
    return {d: np.array(t, dtype=np.int32) for d, t in zip(table.column("doc_id").to_pylist(),
                                                             table.column("tokens").to_pylist())}


def demo_yaml(tmp_path: Path, **mix) -> Path:
    """The demo manifest, written elsewhere with absolute source paths and `mix:` keys changed."""
    raw = yaml.safe_load(DEMO_MANIFEST.read_text())
    for src in raw["sources"]:
        src["path"] = str(DEMO_MANIFEST.parent / src["path"])
    raw["mix"] = {**raw["mix"], **mix}
    path = tmp_path / f"demo-{hashlib.sha1(repr(sorted(mix.items())).encode()).hexdigest()[:8]}.yaml"
    path.write_text(yaml.safe_dump(raw, sort_keys=False))
    return path


def tokens_by_kind(manifests: dict) -> dict[str, int]:
    out = {"code": 0, "text": 0}
    for e in manifests["tokenize"]["tokenizer"]["by_source"]:
        out[e["kind"]] += e["tokens"]
    return out


def test_mix_manifest_shows_the_exact_ratio_and_passes_every_check(demo_pipeline):
    _, manifests = demo_pipeline
    m = manifests["mix"]
    assert mf.validation_errors(m) == []
    failed = [c for c in m["validation"] if not c["passed"]]
    assert not failed, failed
    x = m["mixture"]
    cfg = load_manifest(DEMO_MANIFEST).mix
    rows = cfg.budget_tokens // cfg.seq_len
    assert rows % 11 == 0, "the demo budget is a whole number of 10 + 1 row blocks"
    assert (x["rows"], x["tokens"], x["seq_len"]) == (rows, rows * cfg.seq_len, cfg.seq_len)
    assert x["ratio"]["target"] == "10:1" and x["ratio"]["achieved"] == "10.0000:1"
    tokens = {g["group"]: g["tokens"] for g in x["groups"]}
    assert tokens["code"] == 10 * tokens["text"]
    assert sum(s["written_tokens"] for s in x["sources"]) == m["counts"]["out"]["tokens"] == rows * cfg.seq_len
    checks = {c["check"] for c in m["validation"]}
    for needle in ("seq_len tokens", "vocabulary size", "EOS count equals documents", "ratio code:text",
                   "tokens written equal tokens planned"):
        assert any(needle in c for c in checks), needle
    assert m["fingerprint"] == hashlib.sha256("".join(
        f"{f['path']}\x00{f['sha256']}\n" for f in main_files(m)).encode()).hexdigest()


def test_shards_layout_schema_and_footer(demo_pipeline):
    root, manifests = demo_pipeline
    m = manifests["mix"]
    shards = main_files(m)
    cfg = load_manifest(DEMO_MANIFEST)
    rows, per_shard = m["mixture"]["rows"], cfg.mix.shard_rows
    n = -(-rows // per_shard)
    assert n >= 2, "the demo spans several shards"
    assert [f["path"] for f in shards] == [f"shards/shard-{i:06d}-of-{n:06d}.parquet" for i in range(n)]
    assert [f["rows"] for f in shards] == [min(per_shard, rows - i * per_shard) for i in range(n)]
    first = 0
    for f in shards:
        path = root / f["path"]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == f["sha256"]
        pf = pq.ParquetFile(path)
        assert pf.schema_arrow.remove_metadata().equals(SHARD_SCHEMA)
        meta = {k.decode(): v.decode() for k, v in pf.metadata.metadata.items() if k.startswith(b"lemur.")}
        assert meta["lemur.run_id"] == cfg.run_id() and meta["lemur.seq_len"] == str(cfg.mix.seq_len)
        assert meta["lemur.tokenizer_sha256"] == manifests["tokenize"]["tokenizer"]["sha256"]
        assert meta["lemur.eos_id"] == "2" and meta["lemur.first_seq_idx"] == str(first)
        assert [s["name"] for s in json.loads(meta["lemur.sources"])] == [s.name for s in cfg.sources]
        assert pf.metadata.row_group(0).column(1).compression == "ZSTD"
        sizes = [pf.metadata.row_group(i).num_rows for i in range(pf.num_row_groups)]
        assert len(sizes) > 1 and all(s == cfg.mix.row_group_rows for s in sizes[:-1])
        assert 0 < sizes[-1] <= cfg.mix.row_group_rows
        table = pf.read()
        assert table.column("seq_idx").to_pylist() == list(range(first, first + f["rows"]))
        first += f["rows"]
    prov = provenance_table(root, m)
    assert prov.schema.equals(PROVENANCE_SCHEMA, check_metadata=False)


def test_every_row_rebuilds_from_provenance_and_the_token_cache(demo_pipeline):
    root, manifests = demo_pipeline
    m = manifests["mix"]
    rows = shard_table(root, m)
    cache = token_cache(root, manifests)
    prov = provenance_table(root, m).to_pylist()
    by_row: dict[int, list[dict]] = defaultdict(list)
    for p in prov:
        by_row[p["seq_idx"]].append(p)
    eos = manifests["tokenize"]["tokenizer"]["eos_id"]
    ended = 0
    for seq_idx, ids, starts, source_id in zip(*(rows.column(c).to_pylist() for c in rows.column_names)):
        pieces = sorted(by_row[seq_idx], key=lambda p: p["row_offset"])
        rebuilt = np.concatenate([cache[p["doc_id"]][p["doc_offset"]:p["doc_offset"] + p["length"]] for p in pieces])
        assert len(ids) == m["mixture"]["seq_len"] and np.array_equal(rebuilt, ids)
        assert starts == [p["row_offset"] for p in pieces] and starts[0] == 0
        assert {p["source_id"] for p in pieces} == {source_id}
        ended += sum(p["doc_offset"] + p["length"] == p["doc_tokens"] for p in pieces)
        assert np.count_nonzero(np.array(ids) == eos) == sum(
            p["doc_offset"] + p["length"] == p["doc_tokens"] for p in pieces)
    assert ended == m["mixture"]["stream"]["documents_ended"] == m["mixture"]["stream"]["eos_tokens"]


def test_selection_is_the_hash_rule_floor_r_plus_u_below_theta(demo_pipeline):
    """Copies per document = full passes + [u < theta]; the partial pass takes a prefix of documents in u order."""
    root, manifests = demo_pipeline
    m = manifests["mix"]
    seed = m["config"]["seed"]
    prov = provenance_table(root, m).to_pylist()
    starts = Counter((p["doc_id"], p["copy"]) for p in prov if p["doc_offset"] == 0)
    tokens = {}
    for f in main_files(manifests["tokenize"]):
        t = pq.read_table(root / f["path"], columns=["doc_id", "source", "n_tokens"])
        tokens.update({d: (s, n) for d, s, n in zip(*(t.column(c).to_pylist() for c in t.column_names))})
    for s in m["mixture"]["sources"]:
        docs = sorted((xxhash.xxh64_intdigest(f"{s['source']}\x00{d}".encode(), seed=seed), d, n)
                      for d, (src, n) in tokens.items() if src == s["source"])
        full = s["full_copies"]
        for _, d, _ in docs:
            assert all(starts[(d, c)] == 1 for c in range(full)), "every document once per full pass"
        taken = [starts[(d, full)] for _, d, _ in docs]
        prefix = sum(taken)
        assert taken == [1] * prefix + [0] * (len(docs) - prefix), "the partial pass takes a prefix in u order"
        need = s["planned_tokens"] - full * s["available_tokens"]
        before_last = sum(n for _, _, n in docs[:prefix - 1])
        assert before_last < need <= before_last + docs[prefix - 1][2]
        if prefix < len(docs):
            assert s["threshold"] == pytest.approx(docs[prefix][0] / 2**64, abs=1e-6)
        assert s["doc_copies"] == full * len(docs) + prefix


def test_every_window_of_the_stream_stays_near_the_ratio(demo_pipeline):
    root, manifests = demo_pipeline
    m = manifests["mix"]
    group_of = {s["source_id"]: s["group"] for s in m["mixture"]["sources"]}
    code = np.array([group_of[s] == "code" for s in shard_table(root, m).column("source_id").to_pylist()], np.int64)
    cum = np.concatenate([[0], np.cumsum(code)])
    for window in (11, 110, 128, len(code) // 2):
        counts = cum[window:] - cum[:-window]
        assert np.abs(counts - window * 10 / 11).max() < 2, window
    assert max(m["mixture"]["interleave"]["max_window_deviation_rows"].values()) < 2


def test_rerun_skips_when_up_to_date(spark, demo_pipeline):
    root, manifests = demo_pipeline
    again = run_stage(STAGES["mix"], RunContext(load_manifest(DEMO_MANIFEST, output=str(root)), STAGES, _spark=spark))
    assert again["completed_at"] == manifests["mix"]["completed_at"]


@pytest.mark.parametrize("direction", ["down", "up"])
def test_budgets_below_and_above_the_corpus_hit_the_ratio(spark, demo_pipeline, tmp_path, direction):
    root, manifests = demo_pipeline
    out = tmp_path / "out"
    shutil.copytree(root / "tokens", out / "tokens")
    have = tokens_by_kind(manifests)
    seq_len = 2048
    # blocks of 10 code rows + 1 text row: below, both groups get at most 70% of their tokens; above, at least 130%
    per_block = {"code": 10 * seq_len, "text": seq_len}
    if direction == "down":
        blocks = int(0.7 * min(have[k] / per_block[k] for k in have))
    else:
        blocks = math.ceil(1.3 * max(have[k] / per_block[k] for k in have))
    budget = 11 * blocks * seq_len
    max_rep = math.ceil(max(blocks * per_block[k] / have[k] for k in have)) + 1
    path = demo_yaml(tmp_path, budget_tokens=budget, max_repetition=max_rep, seq_len=seq_len)
    m = run_stage(STAGES["mix"], RunContext(load_manifest(path, output=str(out)), STAGES, _spark=spark))
    failed = [c for c in m["validation"] if not c["passed"]]
    assert not failed, failed
    x = m["mixture"]
    assert x["rows"] == 11 * blocks and x["ratio"]["achieved"] == "10.0000:1"
    reps = {s["source"]: s["repetition"] for s in x["sources"]}
    if direction == "down":
        assert max(reps.values()) < 1
        assert m["reasons"][0]["reason"] == "not_selected"
        assert m["reasons"][0]["docs"] == sum(s["docs_not_selected"] for s in x["sources"]) > 0
    else:
        assert 1 < min(reps.values()) and max(reps.values()) <= max_rep
        assert all(s["doc_copies"] > s["docs"] for s in x["sources"]) and not m["reasons"]


def test_infeasible_plan_fails_before_spark_with_the_source_and_shortfall(demo_pipeline, tmp_path):
    root, _ = demo_pipeline
    path = demo_yaml(tmp_path, max_repetition_by_source={"the-stack": 0.5})
    with pytest.raises(ConfigError, match=r"source 'the-stack' \(group code\) is short by [\d,]+ tokens"):
        STAGES["mix"].prepare(RunContext(load_manifest(path, output=str(root)), STAGES))
    t0 = time.monotonic()
    proc = run_cli("mix", str(path), "--output", str(root), timeout=120)
    assert proc.returncode == 2, proc.stderr
    assert "mix plan is infeasible" in proc.stderr and "the-stack" in proc.stderr
    assert "Spark" not in proc.stderr and time.monotonic() - t0 < 60
    assert (root / "shards" / "_manifest.json").exists(), "the committed output is left alone"
    plan = run_cli("mix", "plan", str(path), "--output", str(root), timeout=120)
    assert plan.returncode == 2 and "SHORT by" in plan.stdout and "the-stack" in plan.stderr


def test_mix_plan_command_prints_the_table_from_counts_alone(demo_pipeline):
    root, manifests = demo_pipeline
    proc = run_cli("mix", "plan", str(DEMO_MANIFEST), "--output", str(root), timeout=120)
    assert proc.returncode == 0, proc.stderr
    for s in manifests["mix"]["mixture"]["sources"]:
        line = next(ln for ln in proc.stdout.splitlines() if ln.startswith(s["source"] + " "))
        assert f"{s['available_tokens']:,}" in line and f"{s['planned_tokens']:,}" in line
        assert f"{s['repetition']:.3f}" in line
    assert "planned 10.0000:1" in proc.stdout
    show = run_cli("manifest", "show", str(root / "shards"), timeout=120)
    assert show.returncode == 0 and "ACHIEVED 10.0000:1" in show.stdout


def test_job_entry_points_dispatch_to_their_stage(demo_pipeline):
    root, _ = demo_pipeline
    tokenize = subprocess.run([sys.executable, str(REPO / "jobs" / job_script("tokenize")), "--help"],
                              capture_output=True, text=True, timeout=120, cwd=REPO)
    assert tokenize.returncode == 0 and "Run the tokenize stage" in tokenize.stdout
    plan = subprocess.run([sys.executable, str(REPO / "jobs" / job_script("mix")), "plan", str(DEMO_MANIFEST),
                           "--output", str(root)], capture_output=True, text=True, timeout=120, cwd=REPO)
    assert plan.returncode == 0 and "planned 10.0000:1" in plan.stdout, plan.stderr


def test_a_shard_task_that_fails_midway_leaves_no_temporary_files(tmp_path):
    """Not only I/O errors: whatever stops a shard task (here its input stream) removes the open shard's
    temporary shard and provenance files."""
    from types import SimpleNamespace

    from lemur_data.stages.mix.shards import ShardLayout, ShardWriter
    from lemur_data.storage import Storage

    layout = ShardLayout(total_rows=8, seq_len=4, shard_rows=8, row_group_rows=4, num_shards=1, run_id="r",
                         tokenizer_sha256="0" * 64, eos_id=2, bos_id=None, vocab_size=32000, sources_json="[]")
    writer = ShardWriter(layout, Storage(), str(tmp_path), SimpleNamespace(value=np.zeros(8, np.int16)))

    def pieces():
        yield pa.RecordBatch.from_pydict({"shard": pa.array([0, 0], pa.int32()),
                                          "seq_idx": pa.array([0, 1], pa.int64())})
        raise RuntimeError("upstream read failed")

    with pytest.raises(RuntimeError, match="upstream read failed"):
        list(writer(pieces()))
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == []
