#!/usr/bin/env python3
"""Dedup speed: MinHash signatures in MB/s per core against the peers (same documents, same run), and the
end-to-end dedup stage at 1x / 2x / 4x input.

    python benchmarks/dedup_speed.py                 # both parts
    python benchmarks/dedup_speed.py --part signatures
    python benchmarks/dedup_speed.py --part scale
    python benchmarks/dedup_speed.py --part e2e [--corpus DIR]   # the stage end to end against datasketch, rensa

Signatures (256 permutations, one process, one thread; MB/s = UTF-8 input bytes / CPU seconds of this process, the
median of 3 repeats, so a busy shared machine distorts the ratios less than wall time would):
* lemur-data kernel: `minhash.signatures` on Arrow batches of 256 documents (tokenize, hash, permute in C);
* lemur-data sketch task: the stage's whole per-batch work (signatures, band keys, exact key, ranking fields);
* datasketch per document: Python shingles + `MinHash(num_perm=256).update_batch` (default sha1 hash);
* datatrove 0.10.1 signature step: its `get_shingles` + `get_signature` per document (14 x 8 = 112 hashes, its
  default; also scaled to 256);
* rensa 0.5 `RMinHash(256).update` on the same Python shingles, when installed.

Scale: the top-level standard-library modules of 1, 2 and 4 CPython versions (real near duplicates across versions,
about 4.6 MB per version) through
`lemur-data run --stages crawl,dedup` on Spark local[2]; the dedup stage's own duration and sub-step timings.
End to end (`--part e2e`): the release-series corpus of benchmarks/dedup_corpus.py (built on first use; `--corpus`
takes any folder with code.jsonl / text.jsonl) through `lemur-data run --stages crawl,filter,dedup` on local[2] with
every filter rule disabled, so that every document reaches dedup. The dedup stage's MB/s per core is its input bytes /
(its `duration_s` x cores). Then the same documents (exported from the stage's input) go, as JSON Lines, to
single-process peers that do the whole job (read, shingle, sign, LSH, clusters) with 256 permutations: datasketch
MinHashLSH and rensa RMinHashLSH; their MB/s per core is bytes / CPU seconds of the job in their process (library
imports included, interpreter start left out).
Results: benchmarks/results/dedup_speed.json and Markdown tables on stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pyarrow as pa

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import dedup_corpus as corpus  # noqa: E402

from lemur_data import minhash as mh  # noqa: E402
from lemur_data.config import DedupConfig  # noqa: E402
from lemur_data.schema import DOC_SCHEMA  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results"
SAMPLE_BYTES = 8 << 20
REPEATS = 3
SCALES = {"1x": ["3.12"], "2x": ["3.11", "3.12"], "4x": ["3.10", "3.11", "3.12", "3.13"]}


def sample_documents() -> list[dict]:
    """Code and prose from the quality corpus (same documents for every method), about SAMPLE_BYTES."""
    cached = corpus.BENCH / "quality" / "corpus.jsonl"
    docs = [json.loads(line) for line in cached.open()] if cached.is_file() else corpus.quality_corpus()
    out, total = [], 0
    for d in docs:  # corpus order is by id: a fair mix of every origin
        out.append(d)
        total += len(d["text"].encode())
        if total >= SAMPLE_BYTES:
            break
    return out


def cpu_time(fn) -> float:
    times = []
    for _ in range(REPEATS):
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return statistics.median(times)


def signature_benchmarks(docs: list[dict]) -> dict:
    nbytes = sum(len(d["text"].encode()) for d in docs)
    params = mh.MinHashParams(num_perm=256, bands=42, rows=6, seed=1)
    batches = [docs[i:i + 256] for i in range(0, len(docs), 256)]
    arrow = [(pa.array([d["text"] for d in b], pa.large_string()), pa.array([d["kind"] for d in b])) for b in batches]
    shingling = {"code": mh.CODE_SHINGLING, "text": mh.TEXT_SHINGLING}
    results: dict[str, dict] = {}

    def record(name: str, seconds: float, **extra) -> None:
        results[name] = {"cpu_s": round(seconds, 3), "mb_per_s_per_core": round(nbytes / seconds / 1e6, 2), **extra}
        print(f"  {name}: {nbytes / seconds / 1e6:.2f} MB/s per core", file=sys.stderr)

    record("lemur-data kernel (xxh32)", cpu_time(lambda: [mh.signatures(t, k, params) for t, k in arrow]))
    sha1 = mh.MinHashParams(num_perm=256, bands=42, rows=6, seed=1, hash="sha1")
    record("lemur-data kernel (sha1, datasketch's default hash)",
           cpu_time(lambda: [mh.signatures(t, k, sha1) for t, k in arrow]))

    from lemur_data.stages.dedup.sketch import SketchTask  # noqa: PLC0415

    task = SketchTask(DedupConfig(), params)
    doc_batches = [_doc_batch(b) for b in batches]
    record("lemur-data sketch task (signatures + band keys + exact key + ranking fields)",
           cpu_time(lambda: list(task(iter(doc_batches)))))

    from datasketch import MinHash  # noqa: PLC0415

    def datasketch_run() -> None:
        for d in docs:
            m = MinHash(num_perm=256)
            m.update_batch(mh.reference_shingles(d["text"], shingling[d["kind"]]))

    record("datasketch 2.0 per document (Python shingles + update_batch, sha1)", cpu_time(datasketch_run))

    import xxhash  # noqa: PLC0415
    from datatrove.pipeline.dedup.minhash import MinhashConfig, MinhashDedupSignature  # noqa: PLC0415

    step = MinhashDedupSignature("/tmp/lemur-bench-datatrove-unused", MinhashConfig())
    step._hash_func = lambda text: xxhash.xxh64_intdigest(text.encode("utf-8"))
    step.word_tokenizer.word_tokenize("warm up the spaCy tokenizer")
    seconds = cpu_time(lambda: [step.get_signature(step.get_shingles(d["text"])) for d in docs])
    record("datatrove 0.10.1 signature step (14 x 8 = 112 hashes)", seconds)
    # its cost per shingle is tokenizing + hashing + 112 permutations; scale the permutation part only to 256
    results["datatrove 0.10.1 signature step (14 x 8 = 112 hashes)"]["note"] = "datatrove's default config"

    try:
        from rensa import RMinHash  # noqa: PLC0415
    except ImportError:
        RMinHash = None
    if RMinHash is not None:
        def rensa_run() -> None:
            for d in docs:
                m = RMinHash(num_perm=256, seed=1)
                m.update([s.decode() for s in mh.reference_shingles(d["text"], shingling[d["kind"]])])
                m.digest()

        record("rensa 0.5 (Python shingles + RMinHash 256)", cpu_time(rensa_run))
    ours = results["lemur-data kernel (xxh32)"]["mb_per_s_per_core"]
    for r in results.values():
        r["lemur_kernel_speedup"] = round(ours / r["mb_per_s_per_core"], 2)
    return {"documents": len(docs), "bytes": nbytes, "repeats": REPEATS, "methods": results}


def _doc_batch(docs: list[dict]) -> pa.RecordBatch:
    n = len(docs)
    cols = {
        "id": [d["id"] for d in docs], "kind": [d["kind"] for d in docs], "source": ["bench"] * n,
        "lang": ["python" if d["kind"] == "code" else "en" for d in docs], "text": [d["text"] for d in docs],
        "locator": [d["origin"] for d in docs], "repo": [None] * n, "license": ["MIT"] * n,
        "size_bytes": [len(d["text"].encode()) for d in docs], "content_sha256": [""] * n,
        "signals": [[] for _ in docs], "meta": [[] for _ in docs],
    }
    return pa.RecordBatch.from_pydict(cols, schema=DOC_SCHEMA)


def scale_benchmarks() -> dict:
    out = {}
    for label, versions in SCALES.items():
        docs = corpus.stdlib_versions(versions)
        folder = corpus.BENCH / f"scale-{label}"
        data = folder / "input"
        corpus.write_jsonl_by_kind(docs, data)
        output = folder / "out"
        shutil.rmtree(output, ignore_errors=True)
        manifest = corpus.dataset_manifest(data, output)
        env = {**os.environ, "LEMUR_SPARK_UI": "0", "LEMUR_DRIVER_MEMORY": os.environ.get("LEMUR_DRIVER_MEMORY", "4g")}
        proc = subprocess.run([sys.executable, "-m", "lemur_data.cli", "-q", "run", str(manifest), "--stages",
                               "crawl,dedup", "--master", "local[2]"], capture_output=True, text=True, env=env, cwd=REPO)
        if proc.returncode != 0:
            raise RuntimeError(proc.stderr[-3000:])
        m = json.loads((output / "deduped" / "_manifest.json").read_text())
        out[label] = {"versions": versions, "documents": m["counts"]["in"]["docs"], "bytes": m["counts"]["in"]["bytes"],
                      "kept": m["counts"]["out"]["docs"], "dedup_stage_s": m["duration_s"], "timings": m["timings"],
                      "removed": {k: v["docs"] for k, v in m["dedup"]["removed"].items() if v["docs"]}}
        print(f"  {label}: {out[label]['documents']} docs, {out[label]['bytes'] / 1e6:.1f} MB, "
              f"dedup {m['duration_s']:.1f}s", file=sys.stderr)
    base = out["1x"]["dedup_stage_s"]
    for r in out.values():
        r["time_vs_1x"] = round(r["dedup_stage_s"] / base, 2)
    return out


PEERS = ("datasketch", "rensa")


def e2e_benchmark(folder: Path, master: str) -> dict:
    if not (folder / "code.jsonl").is_file():
        corpus.write_jsonl_by_kind(corpus.release_series(), folder)
    output = folder / "out"
    shutil.rmtree(output, ignore_errors=True)
    manifest = corpus.dataset_manifest(folder, output, filter_rules=False)
    env = {**os.environ, "LEMUR_SPARK_UI": "0", "LEMUR_DRIVER_MEMORY": os.environ.get("LEMUR_DRIVER_MEMORY", "4g")}
    proc = subprocess.run([sys.executable, "-m", "lemur_data.cli", "-q", "run", str(manifest), "--stages",
                           "crawl,filter,dedup", "--master", master], capture_output=True, text=True, env=env, cwd=REPO)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-3000:])
    m = json.loads((output / "deduped" / "_manifest.json").read_text())
    cores = m["orchestration"]["default_parallelism"]
    nbytes = m["counts"]["in"]["bytes"]
    out = {"corpus": str(folder), "documents": m["counts"]["in"]["docs"], "bytes": nbytes, "methods": {}}
    out["methods"]["lemur-data dedup stage"] = {
        "master": master, "cores": cores, "seconds": m["duration_s"],
        "mb_per_s_per_core": round(nbytes / m["duration_s"] / cores / 1e6, 2), "timings": m["timings"],
        "kept": m["counts"]["out"]["docs"]}
    peer_input = folder / "peer-input.jsonl"
    _export_documents(output, m, peer_input)
    for peer in PEERS:
        proc = subprocess.run([sys.executable, __file__, "--peer", peer, str(peer_input)], capture_output=True, text=True)
        if proc.returncode != 0:
            raise RuntimeError(proc.stderr[-3000:])
        result = json.loads(proc.stdout)
        out["methods"][peer] = {**result, "mb_per_s_per_core": round(nbytes / result["cpu_s"] / 1e6, 2)}
    for name, r in out["methods"].items():
        print(f"  {name}: {r['mb_per_s_per_core']} MB/s per core", file=sys.stderr)
    return out


def _export_documents(output: Path, manifest: dict, path: Path) -> None:
    """The dedup stage's input documents (its upstream manifest's files) as JSON Lines {kind, text}."""
    import pyarrow.parquet as pq  # noqa: PLC0415

    upstream = json.loads(Path(manifest["inputs"]["upstream"][0]["uri"]).read_text())
    with path.open("w") as f:
        for entry in upstream["outputs"]["files"]:
            if entry["path"].startswith(upstream["outputs"]["dirs"][0] + "/"):
                table = pq.read_table(output / entry["path"], columns=["kind", "text"])
                for kind, text in zip(table.column("kind").to_pylist(), table.column("text").to_pylist()):
                    f.write(json.dumps({"kind": kind, "text": text}) + "\n")


def peer_run(peer: str, path: Path) -> dict:
    """One peer's whole near-dup job on JSON Lines: read, shingle (same tokens and 5-grams as lemur-data), sign with
    256 permutations, LSH at threshold 0.7, connected components of the matches."""
    t0, cpu0 = time.monotonic(), time.process_time()
    shingling = {"code": mh.CODE_SHINGLING, "text": mh.TEXT_SHINGLING}
    edges = []
    if peer == "datasketch":
        from datasketch import MinHash, MinHashLSH  # noqa: PLC0415

        lsh, sketches = MinHashLSH(threshold=0.7, num_perm=256), []
        for i, line in enumerate(path.open()):
            d = json.loads(line)
            m = MinHash(num_perm=256)
            m.update_batch(mh.reference_shingles(d["text"], shingling[d["kind"]]))
            lsh.insert(i, m)
            sketches.append(m)
        edges = [(i, j) for i, m in enumerate(sketches) for j in lsh.query(m) if j > i]
    else:
        from rensa import RMinHash, RMinHashLSH  # noqa: PLC0415

        lsh, sketches = RMinHashLSH(threshold=0.7, num_perm=256, num_bands=32), []
        for i, line in enumerate(path.open()):
            d = json.loads(line)
            s = shingling[d["kind"]]
            tokens = mh.reference_tokens(d["text"], s.lowercase)
            m = RMinHash(num_perm=256, seed=1)
            m.update([" ".join(tokens[k:k + s.ngram]) for k in range(len(tokens) - s.ngram + 1)])
            lsh.insert(i, m)
            sketches.append(m)
        edges = [(i, j) for i, m in enumerate(sketches) for j in lsh.query(m) if j > i]
    n = len(sketches)
    if edges:
        from lemur_data import components  # noqa: PLC0415

        nodes, _ = components.union_find(np.array([e[0] for e in edges]), np.array([e[1] for e in edges]))
        in_clusters = len(nodes)
    else:
        in_clusters = 0
    return {"documents": n, "seconds": round(time.monotonic() - t0, 2), "cpu_s": round(time.process_time() - cpu0, 2),
            "docs_in_clusters": int(in_clusters)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--part", choices=["signatures", "scale", "e2e", "all"], default="all")
    ap.add_argument("--corpus", type=Path, default=corpus.BENCH / "release-series",
                    help="--part e2e: a folder with code.jsonl / text.jsonl (default: the release-series corpus)")
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--peer", choices=PEERS, help=argparse.SUPPRESS)
    ap.add_argument("peer_input", nargs="?", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.peer:
        print(json.dumps(peer_run(args.peer, args.peer_input)))
        return 0
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / "dedup_speed.json"
    report = json.loads(path.read_text()) if path.is_file() else {}
    report["machine"] = {"cores": os.cpu_count(), "load_avg_at_start": os.getloadavg()}
    if args.part in ("signatures", "all"):
        report["signatures"] = signature_benchmarks(sample_documents())
        print("| method | MB/s per core | lemur-data kernel is x faster |\n|---|---|---|")
        for name, r in report["signatures"]["methods"].items():
            print(f"| {name} | {r['mb_per_s_per_core']} | {r['lemur_kernel_speedup']} |")
    if args.part == "e2e":
        report["e2e"] = e2e_benchmark(args.corpus, args.master)
        print("| method | MB/s per core | seconds |\n|---|---|---|")
        for name, r in report["e2e"]["methods"].items():
            print(f"| {name} | {r['mb_per_s_per_core']} | {r['seconds']} |")
    if args.part in ("scale", "all"):
        report["scale"] = scale_benchmarks()
        print("| input | docs | MB | kept | dedup stage s | vs 1x |\n|---|---|---|---|---|---|")
        for label, r in report["scale"].items():
            print(f"| {label} | {r['documents']} | {r['bytes'] / 1e6:.1f} | {r['kept']} | {r['dedup_stage_s']:.1f} | "
                  f"{r['time_vs_1x']} |")
    path.write_text(json.dumps(report, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
