"""Tokenize stage vs the raw tokenizer's own batch encoding: same documents, same cores, same run.

    python benchmarks/bench_tokenize.py                   # sentencepiece 32k (the default tokenizer)
    python benchmarks/bench_tokenize.py --hf              # also GPT-2 byte-level BPE through a tokenizer.json

The corpus (benchmarks/tokmix_corpus.py: pyenv standard libraries + Rust books and Debian changelogs, ~250 MB)
is crawled once into .bench/tokmix/out (not timed). Then, alternating, `--repeats` times each:
  raw    the library's batch call on all documents held in memory, one thread per core
         (sentencepiece encode_as_numpy(num_threads=cores); Hugging Face encode_batch_fast, Rayon on all cores)
  stage  `run_stage(tokenize, force=True)` on local[cores]: read Parquet, encode, write the zstd token cache,
         hash files, write the manifest (wall time of the whole stage; the Spark session is already up)
Throughput is UTF-8 MB of document text per second; the ratio stage / raw uses the medians.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tokmix_corpus import BENCH, REPO, build, crawl_upstream  # noqa: E402

from lemur_data import storage, tokenizer  # noqa: E402
from lemur_data.config import load_manifest  # noqa: E402
from lemur_data.datasets import main_files  # noqa: E402
from lemur_data.runner import run_stage  # noqa: E402
from lemur_data.stage import RunContext  # noqa: E402
from lemur_data.spark import get_session  # noqa: E402
from lemur_data.stages import STAGES  # noqa: E402


def documents(cfg, manifest: dict) -> list[str]:
    tables = [pq.read_table(Path(cfg.output) / f["path"], columns=["text"]) for f in main_files(manifest)]
    return pa.concat_tables(tables).column("text").to_pylist()


def raw_encode(spec: tokenizer.TokenizerSpec, data: bytes, texts: list[str], cores: int) -> tuple[float, int]:
    if spec.format == "sentencepiece":
        import sentencepiece as spm

        sp = spm.SentencePieceProcessor(model_proto=data)
        t0 = time.perf_counter()
        arrays = sp.encode_as_numpy(texts, add_eos=True, num_threads=cores)
        return time.perf_counter() - t0, sum(len(a) for a in arrays)
    from tokenizers import Tokenizer

    os.environ["TOKENIZERS_PARALLELISM"] = "true"
    tok = Tokenizer.from_str(data.decode())
    tok.encode_special_tokens = True
    t0 = time.perf_counter()
    encodings = tok.encode_batch_fast(texts, add_special_tokens=False)
    return time.perf_counter() - t0, sum(len(e.ids) + 1 for e in encodings)


def measure(cfg, spark, texts: list[str], cores: int, repeats: int) -> dict:
    spec, data = tokenizer.resolve(cfg.tokenizer, storage.Storage())
    mb = sum(len(t.encode()) for t in texts) / 1e6
    raw, stage, runs = [], [], []
    for i in range(repeats):
        raw_s, raw_tokens = raw_encode(spec, data, texts, cores)
        raw.append(mb / raw_s)
        t0 = time.perf_counter()
        m = run_stage(STAGES["tokenize"], crawl_upstream(cfg, force=True, _spark=spark))
        stage_s = time.perf_counter() - t0
        stage.append(mb / stage_s)
        assert m["counts"]["out"]["tokens"] == raw_tokens, "stage and raw encode the same tokens"
        runs.append({"raw_s": round(raw_s, 2), "stage_s": round(stage_s, 2), "stage_timings": m["timings"]})
        print(f"  run {i + 1}: raw {mb / raw_s:.2f} MB/s ({raw_s:.1f}s), stage {mb / stage_s:.2f} MB/s "
              f"({stage_s:.1f}s)", file=sys.stderr)
    ratio = statistics.median(stage) / statistics.median(raw)
    # NOTE: on a shared machine the load drifts between runs; each stage run is paired with the raw run just
    # before it, and the median of those ratios is the steadier figure.
    paired = statistics.median(s / r for s, r in zip(stage, raw))
    return {"tokenizer": spec.format, "sha256": spec.sha256, "docs": len(texts), "text_mb": round(mb, 1),
            "tokens": m["counts"]["out"]["tokens"], "tasks": m["tokenizer"]["tasks"],
            "raw_mb_s": [round(x, 2) for x in raw], "stage_mb_s": [round(x, 2) for x in stage],
            "ratio_of_medians": round(ratio, 3), "median_paired_ratio": round(paired, 3), "runs": runs}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--text-mb", type=int, default=60, help="text part of the corpus (code: the stdlibs)")
    ap.add_argument("--versions", default="3.10,3.11,3.12,3.13", help="pyenv minor versions whose stdlib is code")
    ap.add_argument("--hf", action="store_true", help="also measure GPT-2 BPE through a Hugging Face tokenizer.json")
    args = ap.parse_args()
    os.environ.setdefault("LEMUR_SPARK_UI", "0")
    cores = os.cpu_count() or 1
    manifest_path = build(tuple(args.versions.split(",")), args.text_mb)
    spark = get_session(master=f"local[{cores}]", app_name="bench-tokenize")
    cfg = load_manifest(manifest_path)
    t0 = time.perf_counter()
    crawl = run_stage(STAGES["crawl"], RunContext(cfg, STAGES, _spark=spark))
    print(f"crawl: {crawl['counts']['out']['docs']:,} docs ({time.perf_counter() - t0:.0f}s, skipped if up to date)",
          file=sys.stderr)
    texts = documents(cfg, crawl)
    results = {"machine": {"cores": cores, "load_avg_at_start": os.getloadavg()}, "date": time.strftime("%Y-%m-%d"),
               "command": " ".join(["python benchmarks/bench_tokenize.py", *sys.argv[1:]]), "results": []}
    configs = [cfg]
    if args.hf:
        configs.append(load_manifest(_hf_manifest(manifest_path)))
    for c in configs:
        print(f"{c.tokenizer.path or 'default sentencepiece'}:", file=sys.stderr)
        results["results"].append(measure(c, spark, texts, cores, args.repeats))
    results["machine"]["load_avg_at_end"] = os.getloadavg()
    spark.stop()
    out = REPO / "benchmarks" / "results" / "tokenize.json"
    out.write_text(json.dumps(results, indent=2) + "\n")
    for r in results["results"]:
        print(f"| {r['tokenizer']} | {r['docs']:,} docs, {r['text_mb']} MB, {r['tokens']:,} tokens, "
              f"{r['tasks']} tasks | "
              f"{statistics.median(r['raw_mb_s']):.2f} MB/s | {statistics.median(r['stage_mb_s']):.2f} MB/s | "
              f"{r['ratio_of_medians']:.0%} | {r['median_paired_ratio']:.0%} |")
    print(f"details: {out.relative_to(REPO)}")
    return 0


def _hf_manifest(manifest_path: Path) -> Path:
    """The benchmark dataset with GPT-2's byte-level BPE as a tokenizer.json (built from the offline assets)."""
    from tokenizers import AddedToken, Tokenizer, decoders, models, pre_tokenizers

    from lemur_data import assets

    tok = Tokenizer(models.BPE.from_file(str(assets.path("gpt2-encoder.json")), str(assets.path("gpt2-vocab.bpe"))))
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    tok.add_special_tokens([AddedToken("<|endoftext|>", special=True)])
    tok_path = BENCH / "gpt2-tokenizer.json"
    tok.save(str(tok_path))
    text = manifest_path.read_text().replace("output: ", f"tokenizer:\n  path: {tok_path}\noutput: ", 1)
    path = BENCH / "dataset-hf.yaml"
    path.write_text(text.replace(str(BENCH / "out"), str(BENCH / "out-hf")))
    out = BENCH / "out-hf"
    if not (out / "docs").exists():
        import shutil

        shutil.copytree(BENCH / "out" / "docs", out / "docs")
    return path


if __name__ == "__main__":
    sys.exit(main())
