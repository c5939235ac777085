"""The tokenize stage on Spark: the token cache equals the tokenizer's own output, counts per source, HF path."""

from __future__ import annotations

import shutil
import sys
from collections import defaultdict
from pathlib import Path

import pyarrow.parquet as pq
import sentencepiece as spm
from tokenizers import Tokenizer

from lemur_data import assets
from lemur_data import manifest as mf
from lemur_data.config import load_manifest
from lemur_data.datasets import main_files
from lemur_data.runner import run_stage
from lemur_data.stage import RunContext
from lemur_data.schema import TOKENS_SCHEMA
from lemur_data.stages import STAGES, job_script
from tests.conftest import DEMO_MANIFEST, REPO


def read_files(root: Path, manifest: dict, columns: list[str] | None = None):
    import pyarrow as pa

    return pa.concat_tables(pq.read_table(root / f["path"], columns=columns) for f in main_files(manifest))


def upstream_docs(root: Path, manifests: dict) -> dict[str, dict]:
    name = RunContext(load_manifest(DEMO_MANIFEST), STAGES).previous_stage("tokenize")
    table = read_files(root, manifests[name], ["id", "kind", "source", "lang", "text"])
    return {r["id"]: r for r in table.to_pylist()}


def file_documents(docs: dict[str, dict], m: dict) -> set[str]:
    """The documents tokenized one by one (the demo's repository-mode sources become repository documents)."""
    repo_sources = set(m.get("repositories", {}).get("sources", ()))
    return {i for i, d in docs.items() if not (d["kind"] == "code" and d["source"] in repo_sources)}


def test_token_cache_is_the_tokenizer_output_for_every_document(demo_pipeline):
    root, manifests = demo_pipeline
    m = manifests["tokenize"]
    assert mf.validation_errors(m) == []
    assert all(c["passed"] for c in m["validation"]), m["validation"]
    docs = upstream_docs(root, manifests)
    cache = read_files(root, m)
    assert cache.schema.equals(TOKENS_SCHEMA, check_metadata=False)
    rows = [r for r in cache.to_pylist() if r["doc_id"] in docs]
    assert {r["doc_id"] for r in rows} == file_documents(docs, m)
    sp = spm.SentencePieceProcessor(model_file=str(assets.path("tokenizer.model.v1")))
    expected = sp.encode([docs[r["doc_id"]]["text"] for r in rows], num_threads=2)
    for r, ids in zip(rows, expected):
        doc = docs[r["doc_id"]]
        assert r["tokens"] == ids + [sp.eos_id()]
        assert r["n_tokens"] == len(r["tokens"]) and r["n_bytes"] == len(doc["text"].encode("utf-8"))
        assert (r["source"], r["kind"], r["lang"]) == (doc["source"], doc["kind"], doc["lang"])


def test_manifest_counts_tokens_per_source_and_loads_the_tokenizer_once_per_worker(demo_pipeline):
    root, manifests = demo_pipeline
    m = manifests["tokenize"]
    cache = read_files(root, m, ["source", "n_tokens"]).to_pylist()
    per_source: dict[str, int] = defaultdict(int)
    for r in cache:
        per_source[r["source"]] += r["n_tokens"]
    assert {e["source"]: e["tokens"] for e in m["tokenizer"]["by_source"]} == per_source
    total = sum(per_source.values())
    assert sum(e["tokens"] for e in m["counts"]["by_source_lang"]) == m["counts"]["out"]["tokens"] == total
    t = m["tokenizer"]
    assert (t["vocab_size"], t["eos_id"], t["format"]) == (32000, 2, "sentencepiece")
    assert t["sha256"] == assets.ASSETS["tokenizer.model.v1"].sha256
    assert t["tasks"] > t["worker_processes"] >= t["worker_loads"] >= 1
    ctx = RunContext(load_manifest(DEMO_MANIFEST, output=str(root)), STAGES)
    _, upstream_sha, _ = ctx.upstream(ctx.previous_stage("tokenize"))
    assert m["inputs"]["upstream"][0]["sha256"] == upstream_sha
    written = {str(p.relative_to(root)) for d in m["outputs"]["dirs"] for p in (root / d).rglob("*.parquet")}
    assert {f["path"] for f in m["outputs"]["files"]} == written


def test_shuffle_bytes_are_counted_per_stage(demo_pipeline):
    """Crawl and dedup shuffle documents; tokenize reads upstream row groups in place and shuffles only the files of
    its repository-mode sources (grouped by repository; the demo's `repos` and `archives`, about a quarter of the
    documents), so a cumulative (per application) figure would show up here as a tokenize entry above crawl's."""
    _, manifests = demo_pipeline
    shuffled = {name: m["timings"]["shuffle_bytes_written"] for name, m in manifests.items()}
    assert shuffled["crawl"] > 0 and shuffled["dedup"] > 0
    repository_bytes = sum(e["bytes"] for e in manifests["dedup"]["counts"]["by_source_lang"]
                           if e["kind"] == "code" and e["source"] in manifests["tokenize"]["repositories"]["sources"])
    assert 0 < shuffled["tokenize"] < min(shuffled["crawl"], 2 * repository_bytes)


def copy_upstream(root: Path, manifests: dict, dest: Path) -> None:
    """The previous stage's committed output, copied so another run can start from it."""
    name = RunContext(load_manifest(DEMO_MANIFEST), STAGES).previous_stage("tokenize")
    folder = manifests[name]["outputs"]["dirs"][0]
    shutil.copytree(root / folder, dest / folder)
    for d in manifests[name]["outputs"]["dirs"][1:]:
        if (root / d).exists():
            shutil.copytree(root / d, dest / d)


def test_huggingface_tokenizer_json_through_the_stage(spark, demo_pipeline, gpt2_tokenizer_json, tmp_path):
    root, manifests = demo_pipeline
    out = tmp_path / "out"
    copy_upstream(root, manifests, out)
    manifest = tmp_path / "demo-hf.yaml"
    manifest.write_text(DEMO_MANIFEST.read_text().replace("demo-corpus/", f"{DEMO_MANIFEST.parent}/demo-corpus/")
                        .replace("tokenizer: {}", f"tokenizer: {{path: {gpt2_tokenizer_json}}}"))
    cfg = load_manifest(manifest, output=str(out))
    m = run_stage(STAGES["tokenize"], RunContext(cfg, STAGES, _spark=spark))
    assert all(c["passed"] for c in m["validation"]), m["validation"]
    plain = Tokenizer.from_file(str(gpt2_tokenizer_json))
    eos = plain.token_to_id("<|endoftext|>")
    assert (m["tokenizer"]["format"], m["tokenizer"]["eos_id"], m["tokenizer"]["bos_id"]) == ("huggingface", eos, None)
    assert m["tokenizer"]["vocab_size"] == 50257 and m["tokenizer"]["token_dtype_hint"] == "uint16"
    docs = upstream_docs(root, manifests)
    rows = [r for r in read_files(out, m, ["doc_id", "tokens"]).to_pylist() if r["doc_id"] in docs]
    assert len(rows) == len(file_documents(docs, m))
    for r in rows[::7]:
        assert r["tokens"] == plain.encode(docs[r["doc_id"]]["text"], add_special_tokens=False).ids + [eos]
    assert m["counts"]["out"]["tokens"] != manifests["tokenize"]["counts"]["out"]["tokens"]

    again = run_stage(STAGES["tokenize"], RunContext(cfg, STAGES, _spark=spark))
    assert again["completed_at"] == m["completed_at"], "unchanged inputs and tokenizer: skipped"


def test_tokenizer_file_is_part_of_the_input_fingerprint(demo_pipeline, gpt2_tokenizer_json, tmp_path):
    root, _ = demo_pipeline
    stage = STAGES["tokenize"]
    default = stage.prepare(RunContext(load_manifest(DEMO_MANIFEST, output=str(root)), STAGES))
    manifest = tmp_path / "hf.yaml"
    hf_section = f"tokenizer: {{path: {gpt2_tokenizer_json}}}"
    manifest.write_text(DEMO_MANIFEST.read_text().replace("tokenizer: {}", hf_section))
    hf = stage.prepare(RunContext(load_manifest(manifest, output=str(root)), STAGES))
    assert default.inputs["upstream"] == hf.inputs["upstream"]
    assert default.fingerprint != hf.fingerprint
    assert hf.inputs["tokenizer_sha256"] == hf.plan.spec.sha256 != default.plan.spec.sha256


def test_job_scripts_do_not_shadow_the_standard_library():
    """A script's folder comes first on sys.path: jobs/tokenize.py would replace the stdlib module in every job."""
    names = {p.stem for p in (REPO / "jobs").glob("*.py")}
    assert not names & set(sys.stdlib_module_names)
    assert {job_script(s).removesuffix(".py") for s in STAGES} <= names, "every stage has its entry point"
    assert job_script("tokenize") == "tokenize_stage.py" and job_script("mix") == "mix.py"
