#!/usr/bin/env python3
"""The gigabyte benchmark (issue 10): all five stages at 0.5, 1 and 2 GB of real code and docs on local[2], with the
single-process dedup peers on the same documents.

The measurement (a quiet 2-core machine; about 65 minutes, see RESULTS.md; plus ~10 for the corpus if not built):

    nice python benchmarks/gigabyte_corpus.py && python benchmarks/gigabyte.py

Validation of the code path on a small subset (what benchmarks/results/gigabyte-validation.json holds):

    python benchmarks/gigabyte.py --sizes 50MB --validation --warmup none

Corpus: benchmarks/gigabyte_corpus.py (.bench/gigabyte/subsets/<size>/: a `files` and a `text` source, default
filter recipes, default dedup, a 10:1 mix). One Spark session, local[2], default driver memory, the Spark UI on
(its REST API gives the shuffle bytes); an untimed warm-up run on the 50 MB subset starts the Python workers and
loads the models first. Per stage and size:
* MB/s per core: the stage manifest's counts.in.bytes / duration_s / 2 (mix: tokens/s per core instead);
* peak RSS, sampled from /proc every 0.5 s: the driver JVM, the Python driver (this process) and the Python
  workers (all Python processes under the JVM: largest one and largest sum);
* shuffle bytes written per input byte: shuffleWriteBytes of the Spark stages that ran during the stage
  (/api/v1/applications/<id>/stages), over counts.in.bytes;
* output bytes: the stage's output folders on disk; the load average before and after each size.
Dedup peers, on the documents the dedup stage read (filtered/, exported to JSON Lines untimed), each in its own
process, end to end (read JSON Lines, shingle with lemur-data's reference shingles, sign with 256 permutations,
LSH, connected components as benchmarks/dedup_quality.py): datasketch MinHashLSH (threshold 0.7) and rensa
RMinHashLSH (threshold 0.7, 32 x 8: rensa needs bands dividing the permutations). MB/s per core = bytes / wall
seconds of the peer (one process). As a check a busy machine cannot fake, every method also gets MB per CPU second
(the peer's own CPU time; for a stage, the CPU time of this process and all under it: JVM and Python workers).
Tokenize peer: raw sentencepiece in its own process on the texts the tokenize stage read (exported untimed),
`encode_as_numpy` per 1,024-document batch with num_threads=1, only the encoding timed; the stage's ratio to it.
Then the same as two processes at once (every other batch each), as the stage runs two encoders: on this VM two
busy cores slow each other by ~10%, which the lone peer does not pay; the stage's ratio per CPU s to that pair is
its own overhead. `python benchmarks/gigabyte.py tokenize-peers <size>` measures the tokenize stage again on an
existing output with both peers (results/tokenize_pairs.json).
Crawl of the `files` source alone (no HTML extraction): the crawl stage again on the code tree only, twice in a row:
first after the pipeline (the machine may have evicted the tree from the page cache by then: this VM's DAMON
reclaim pages out idle file pages, and its disk reads ~50 MB/s cold), then at once again (the tree cached).
Duplicate-class precision of every method: a predicted duplicate (a member of a cluster of two or more) is right
when its cluster holds another release of the same file (the corpus's ground truth, truth.jsonl), or else when
its exact Jaccard (reference shingles) with another member is >= 0.7.

Writes benchmarks/results/gigabyte.json (gigabyte-validation.json with --validation) and prints the RESULTS.md
tables; `--table` prints them from the file.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import threading
import time
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

import pyarrow.compute as pc
import pyarrow.dataset as pads
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import gigabyte_corpus as corpus  # noqa: E402
from dedup_quality import clusters_from_edges  # noqa: E402

from lemur_data import minhash as mh  # noqa: E402
from lemur_data.datasets import main_files  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results"
MASTER, CORES = "local[2]", 2
WARMUP = "50MB"
THRESHOLD, NUM_PERM = 0.7, 256
SHINGLING = {"code": mh.CODE_SHINGLING, "text": mh.TEXT_SHINGLING}
PAGE = os.sysconf("SC_PAGE_SIZE")


# ---------------------------------------------------------------------------------------------------- memory

def _proc_table() -> dict[int, tuple[int, str, int, int]]:
    """pid -> (ppid, command name, RSS bytes, CPU clock ticks of it and its reaped children) of every process
    (from /proc/<pid>/stat and statm)."""
    out = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                stat = f.read().decode("latin-1")
            with open(f"/proc/{entry.name}/statm", "rb") as f:
                rss = int(f.read().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            continue
        comm = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()  # fields[0] is stat's field 3 (state)
        out[int(entry.name)] = (int(fields[1]), comm, rss, sum(int(x) for x in fields[11:15]))
    return out


def tree_cpu_s() -> float:
    """CPU seconds used so far by this process and everything under it (JVM, Python workers; exited workers are
    counted through their parent's reaped-children time)."""
    table = _proc_table()
    children: dict[int, list[int]] = {}
    for pid, row in table.items():
        children.setdefault(row[0], []).append(pid)
    me = os.getpid()
    return sum(table[p][3] for p in [me, *_descendants(me, children)] if p in table) / os.sysconf("SC_CLK_TCK")


def _descendants(pid: int, children: dict[int, list[int]]) -> list[int]:
    out, stack = [], list(children.get(pid, []))
    while stack:
        p = stack.pop()
        out.append(p)
        stack.extend(children.get(p, []))
    return out


class RssSampler(threading.Thread):
    """Peak RSS of this process (the Python driver), the driver JVM and its Python workers, every `interval` s."""

    def __init__(self, interval: float = 0.5):
        super().__init__(daemon=True)
        self.interval = interval
        self.peaks = self._zero()
        self.lock = threading.Lock()
        self.stopped = threading.Event()

    @staticmethod
    def _zero() -> dict[str, int]:
        return {"python_driver": 0, "jvm": 0, "python_worker_max": 0, "python_workers_sum": 0}

    def sample(self) -> None:
        table = _proc_table()
        me = os.getpid()
        children: dict[int, list[int]] = {}
        for pid, (ppid, *_rest) in table.items():
            children.setdefault(ppid, []).append(pid)
        jvms = [p for p in _descendants(me, children) if table[p][1] == "java"]
        workers = [table[p][2] for j in jvms for p in _descendants(j, children) if table[p][1].startswith("python")]
        now = {"python_driver": table.get(me, (0, "", 0, 0))[2], "jvm": sum(table[p][2] for p in jvms),
               "python_worker_max": max(workers, default=0), "python_workers_sum": sum(workers)}
        with self.lock:
            self.peaks = {k: max(v, now[k]) for k, v in self.peaks.items()}

    def take(self) -> dict[str, float]:
        """Peaks (MB) since the last take, and reset."""
        self.sample()
        with self.lock:
            peaks, self.peaks = self.peaks, self._zero()
        return {k: round(v / 1e6, 1) for k, v in peaks.items()}

    def run(self) -> None:
        while not self.stopped.wait(self.interval):
            self.sample()


# ---------------------------------------------------------------------------------------------------- Spark UI

class SparkStages:
    """Spark's own stage records from the driver UI's REST API (shuffle bytes written per Spark stage)."""

    def __init__(self, spark):
        sc = spark.sparkContext
        if not sc.uiWebUrl:
            raise SystemExit("the Spark UI is off (LEMUR_SPARK_UI=0?): the shuffle bytes come from its REST API")
        self.url = f"{sc.uiWebUrl}/api/v1/applications/{sc.applicationId}/stages"

    def all(self) -> list[dict]:
        with urllib.request.urlopen(self.url, timeout=60) as resp:
            return json.load(resp)

    def last_id(self) -> int:
        return max((s["stageId"] for s in self.all()), default=-1)

    def shuffle_written_since(self, last_id: int) -> tuple[int, int]:
        """(shuffle bytes written, Spark stages) of the stages after last_id, once the UI has seen them finish."""
        for _ in range(20):  # the UI's listener runs behind the job: wait until no new stage is still active
            stages = [s for s in self.all() if s["stageId"] > last_id]
            if all(s["status"] in ("COMPLETE", "FAILED", "SKIPPED") for s in stages):
                break
            time.sleep(0.5)
        return sum(s.get("shuffleWriteBytes", 0) for s in stages), len(stages)


# ---------------------------------------------------------------------------------------------------- pipeline

def dir_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.exists() else 0


def run_pipeline(spark, manifest: Path, out: Path, sampler: RssSampler | None, ui: SparkStages | None) -> dict:
    from lemur_data.config import load_manifest  # noqa: PLC0415
    from lemur_data.stage import RunContext  # noqa: PLC0415
    from lemur_data.stages import STAGES  # noqa: PLC0415

    if out.exists():
        shutil.rmtree(out)
    ctx = RunContext(load_manifest(manifest, output=str(out)), STAGES, force=True, _spark=spark)
    stages = {}
    for name, stage in STAGES.items():
        if name == "mix":
            ctx = RunContext(with_feasible_budget(ctx.cfg, out), STAGES, force=True, _spark=spark)
        stages[name] = measure_stage(stage, ctx, out, sampler, ui)
    return stages


def measure_stage(stage, ctx, out: Path, sampler: RssSampler | None, ui: SparkStages | None) -> dict:
    """Run one stage (force) and record its figures (see the module docstring)."""
    from lemur_data.runner import run_stage  # noqa: PLC0415

    before = ui.last_id() if ui else -1
    if sampler:
        sampler.take()
    cpu0 = tree_cpu_s()
    m = run_stage(stage, ctx)
    cpu_s = tree_cpu_s() - cpu0
    counts = m["counts"]
    in_bytes = counts["in"].get("bytes")
    row = {"duration_s": m["duration_s"], "timings": m.get("timings", {}), "in_docs": counts["in"].get("docs"),
           "in_bytes": in_bytes, "out_docs": counts["out"].get("docs"), "out_tokens": counts["out"].get("tokens"),
           "output_bytes": sum(dir_bytes(out / d) for d in stage.dirs), "cpu_s": round(cpu_s, 2)}
    if stage.name == "mix":
        row["m_tokens_per_s_per_core"] = round(row["out_tokens"] / m["duration_s"] / CORES / 1e6, 3)
    elif in_bytes:
        row["mb_per_s_per_core"] = round(in_bytes / m["duration_s"] / CORES / 1e6, 3)
        row["mb_per_cpu_s"] = round(in_bytes / cpu_s / 1e6, 3) if cpu_s else None
    if stage.name == "tokenize":
        row["dropped_docs"] = counts["dropped"]["docs"]
    if ui:
        shuffle, n = ui.shuffle_written_since(before)
        row.update(shuffle_write_bytes=shuffle, spark_stages=n,
                   shuffle_per_input_byte=round(shuffle / in_bytes, 3) if in_bytes else None)
    if sampler:
        row["peak_rss_mb"] = sampler.take()
    print(f"    {stage.name}: {m['duration_s']:.1f} s, {row.get('mb_per_s_per_core', '-')} MB/s per core",
          file=sys.stderr)
    return row


def crawl_files_alone(spark, manifest: Path, out: Path, sampler: RssSampler | None, ui: SparkStages | None) -> dict:
    """The crawl stage again on the `files` (code tree) sources alone: local files without HTML extraction (the
    text tree is raw HTML for trafilatura, which the full crawl's figure includes)."""
    from lemur_data.config import load_manifest  # noqa: PLC0415
    from lemur_data.stage import RunContext  # noqa: PLC0415
    from lemur_data.stages import STAGES  # noqa: PLC0415

    if out.exists():
        shutil.rmtree(out)
    cfg = load_manifest(manifest, output=str(out))
    cfg = cfg.model_copy(update={"sources": tuple(s for s in cfg.sources if s.format == "files")})
    row = measure_stage(STAGES["crawl"], RunContext(cfg, {"crawl": STAGES["crawl"]}, force=True, _spark=spark),
                        out, sampler, ui)
    row["sources"] = [s.name for s in cfg.sources]
    shutil.rmtree(out)
    return row


def with_feasible_budget(cfg, out: Path):
    """The manifest with a 10:1 mix budget that the tokenized documents can fill without repeating the scarcer
    group (how much text the default recipes keep is only known after tokenize)."""
    tokens = json.loads((out / "tokens" / "_manifest.json").read_text())["counts"]["by_source_lang"]
    code = sum(r["tokens"] for r in tokens if r["kind"] == "code")
    text = sum(r["tokens"] for r in tokens if r["kind"] == "text")
    rows = 11 * max(1, int(min(code / 10, text) / cfg.mix.seq_len))  # whole rows in the exact 10:1 ratio
    return cfg.model_copy(update={"mix": cfg.mix.model_copy(update={"budget_tokens": rows * cfg.mix.seq_len})})


# ---------------------------------------------------------------------------------------------------- peers

def export_dedup_input(out: Path, path: Path) -> int:
    """The documents the dedup stage read (filtered/) as JSON Lines; returns their UTF-8 bytes."""
    table = pads.dataset(out / "filtered", format="parquet", partitioning="hive").to_table(
        columns=["id", "kind", "source", "locator", "text"])
    nbytes = 0
    with open(path, "w", encoding="utf-8") as f:
        for batch in table.sort_by("id").to_batches(4096):
            for row in batch.to_pylist():
                nbytes += len(row["text"].encode())
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return nbytes


def run_peer(method: str, jsonl: Path, labels_out: Path) -> dict:
    """One peer in its own process: CPU seconds, wall seconds, peak RSS; its cluster labels in labels_out."""
    t0 = time.monotonic()
    proc = subprocess.run([sys.executable, __file__, "peer", method, str(jsonl), str(labels_out)],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-3000:])
    return {**json.loads(proc.stdout), "wall_with_start_s": round(time.monotonic() - t0, 1)}


def peer_main(method: str, jsonl: Path, labels_out: Path) -> int:
    """The peer's whole job: read JSON Lines, shingle, sign, LSH, clusters (what a 20-line script does)."""
    t_cpu, t_wall = time.process_time(), time.monotonic()
    if method == "datasketch":
        from datasketch import MinHash, MinHashLSH  # noqa: PLC0415

        lsh, sketches = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM), []
        with open(jsonl, encoding="utf-8") as f:
            for i, line in enumerate(f):
                d = json.loads(line)
                m = MinHash(num_perm=NUM_PERM)
                m.update_batch(mh.reference_shingles(d["text"], SHINGLING[d["kind"]]))
                lsh.insert(i, m)
                sketches.append(m)
        edges = [(i, j) for i, m in enumerate(sketches) for j in lsh.query(m) if j != i]
        params = {"num_perm": NUM_PERM, "bands_rows": [lsh.b, lsh.r]}
    elif method == "rensa":
        from rensa import RMinHash, RMinHashLSH  # noqa: PLC0415

        lsh, sketches = RMinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM, num_bands=32), []
        with open(jsonl, encoding="utf-8") as f:
            for i, line in enumerate(f):
                d = json.loads(line)
                m = RMinHash(num_perm=NUM_PERM, seed=1)
                m.update([s.decode() for s in mh.reference_shingles(d["text"], SHINGLING[d["kind"]])])
                lsh.insert(i, m)
                sketches.append(m)
        edges = [(i, j) for i, m in enumerate(sketches) for j in lsh.query(m) if j != i]
        params = {"num_perm": NUM_PERM, "bands_rows": [32, 8]}
    else:
        raise SystemExit(f"unknown peer {method}")
    labels = clusters_from_edges(len(sketches), edges).tolist()
    cpu, wall = time.process_time() - t_cpu, time.monotonic() - t_wall
    labels_out.write_text(json.dumps(labels))
    nbytes = jsonl.stat().st_size
    print(json.dumps({"cpu_s": round(cpu, 2), "wall_s": round(wall, 2), "documents": len(sketches),
                      "candidate_edges": len(edges), "peak_rss_mb": round(resource.getrusage(
                          resource.RUSAGE_SELF).ru_maxrss / 1e3, 1), "jsonl_bytes": nbytes, **params}))
    return 0


def export_tokenize_input(out: Path, path: Path) -> int:
    """The texts the tokenize stage read (deduped/, in its read order, one row group per stage batch) as one Parquet
    file; returns their UTF-8 bytes."""
    manifest = json.loads((out / "deduped" / "_manifest.json").read_text())
    nbytes, writer = 0, None
    try:
        for f in sorted(main_files(manifest), key=lambda f: f["path"]):
            pf = pq.ParquetFile(out / f["path"])
            for rg in range(pf.num_row_groups):
                texts = pf.read_row_group(rg, columns=["text"])
                nbytes += pc.sum(pc.binary_length(texts.column("text"))).as_py() or 0
                writer = writer or pq.ParquetWriter(path, texts.schema)
                writer.write_table(texts, row_group_size=max(1, texts.num_rows))
    finally:
        if writer:
            writer.close()
    return nbytes


def tokenize_peer(folder: Path, out: Path, stage: dict) -> dict:
    """Raw sentencepiece on the documents the tokenize stage read, in its own process; the stage's ratio to it."""
    from lemur_data import storage, tokenizer  # noqa: PLC0415
    from lemur_data.config import load_manifest  # noqa: PLC0415

    cfg = load_manifest(folder / "dataset.yaml", output=str(out))
    spec, _ = tokenizer.resolve(cfg.tokenizer, storage.Storage())
    if spec.format != "sentencepiece":
        return {"skipped": f"the tokenizer is {spec.format}, not sentencepiece"}
    texts = folder / "tokenize-input.parquet"
    nbytes = export_tokenize_input(out, texts)
    try:
        r = _sentencepiece_processes(texts, tokenizer.local_path(spec.path), spec.add_bos, parts=1)[0]
        pair = _sentencepiece_processes(texts, tokenizer.local_path(spec.path), spec.add_bos, parts=2)
    finally:
        texts.unlink()
    r["text_bytes"] = nbytes
    # NOTE: the stage runs two encoders at once; on this VM two busy cores slow each other, so the same library
    # is also run as two processes at once (every other batch each): the stage's ratio to that is its own cost.
    pair_cpu, pair_wall = sum(p["cpu_s"] for p in pair), max(p["wall_s"] for p in pair)
    pair_mb_per_cpu_s = nbytes / pair_cpu / 1e6
    r["two_processes"] = {"cpu_s": round(pair_cpu, 2), "wall_s": round(pair_wall, 2),
                          "mb_per_s_per_core": round(nbytes / pair_wall / CORES / 1e6, 3),
                          "mb_per_cpu_s": round(pair_mb_per_cpu_s, 3),
                          "stage_over_pair_cpu": round(stage["mb_per_cpu_s"] / pair_mb_per_cpu_s, 3)
                          if stage["mb_per_cpu_s"] else None}
    r["mb_per_s_per_core"] = round(nbytes / r["wall_s"] / 1e6, 3)  # one process, one thread
    r["mb_per_cpu_s"] = round(nbytes / r["cpu_s"] / 1e6, 3)
    r["stage_over_peer"] = round(stage["mb_per_s_per_core"] / r["mb_per_s_per_core"], 3)
    r["stage_over_peer_cpu"] = round(stage["mb_per_cpu_s"] / r["mb_per_cpu_s"], 3) if stage["mb_per_cpu_s"] else None
    r["same_tokens_as_stage"] = r["kept_tokens"] == stage["out_tokens"]
    print(f"    raw sentencepiece: {r['mb_per_s_per_core']} MB/s per core (tokenize stage x{r['stage_over_peer']}); "
          f"two at once: {r['two_processes']['mb_per_cpu_s']} MB per CPU s (stage x"
          f"{r['two_processes']['stage_over_pair_cpu']})", file=sys.stderr)
    return r


def tokenize_peers_main(label: str) -> int:
    """The tokenize stage again on a size's existing pipeline output (once untimed to start the workers, then
    measured) and its sentencepiece peers, alone and two at once: results/tokenize_pairs.json, one entry per size."""
    from lemur_data.config import load_manifest  # noqa: PLC0415
    from lemur_data.runner import run_stage  # noqa: PLC0415
    from lemur_data.spark import get_session  # noqa: PLC0415
    from lemur_data.stage import RunContext  # noqa: PLC0415
    from lemur_data.stages import STAGES  # noqa: PLC0415

    folder = subset_folder(label)
    load_start = os.getloadavg()
    spark = get_session(master=MASTER, app_name="lemur-data-tokenize-peers")
    ctx = RunContext(load_manifest(folder / "dataset.yaml", output=str(folder / "out")), STAGES, force=True,
                     _spark=spark)
    run_stage(STAGES["tokenize"], ctx)
    stage = measure_stage(STAGES["tokenize"], ctx, folder / "out", None, None)
    spark.stop()
    peer = tokenize_peer(folder, folder / "out", stage)
    path = RESULTS / "tokenize_pairs.json"
    report = json.loads(path.read_text()) if path.exists() else {}
    report[label] = {"date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                     "load_average_start": [round(x, 2) for x in load_start], "stage": stage, "peer": peer}
    path.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0


def _sentencepiece_processes(texts: Path, model: str, add_bos: bool, parts: int) -> list[dict]:
    """Raw sentencepiece in `parts` processes started together, process i encoding batches i, i + parts, ..."""
    procs = [subprocess.Popen([sys.executable, __file__, "sentencepiece-peer", str(texts), model, str(int(add_bos)),
                               f"{i}/{parts}"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for i in range(parts)]
    results = []
    for proc in procs:
        stdout, stderr = proc.communicate()
        if proc.returncode != 0:
            raise RuntimeError(stderr[-3000:])
        results.append(json.loads(stdout))
    return results


def sentencepiece_peer_main(texts: Path, model: str, add_bos: bool, share: str = "0/1") -> int:
    """Raw sentencepiece as a careful user runs it on one core: the documents in memory, one batch call per 1,024
    documents (the stage's row groups), the library's own threading at 1 thread. Only the encoding is timed.
    `share` i/n: only batches i, i + n, ... (one of n processes run at once)."""
    import sentencepiece as spm  # noqa: PLC0415

    part, parts = map(int, share.split("/"))
    sp = spm.SentencePieceProcessor(model_file=model)
    pf = pq.ParquetFile(texts)
    batches = [pf.read_row_group(rg).column("text").to_pylist() for rg in range(part, pf.num_row_groups, parts)]
    specials = 1 + int(add_bos)
    t_cpu, t_wall = time.process_time(), time.monotonic()
    tokens = kept = 0
    for batch in batches:
        for ids in sp.encode_as_numpy(batch, add_bos=add_bos, add_eos=True, num_threads=1):
            tokens += len(ids)
            kept += len(ids) if len(ids) > specials else 0
    cpu, wall = time.process_time() - t_cpu, time.monotonic() - t_wall
    print(json.dumps({"cpu_s": round(cpu, 2), "wall_s": round(wall, 2), "documents": sum(map(len, batches)),
                      "batches": len(batches), "tokens": tokens, "kept_tokens": kept, "num_threads": 1,
                      "call": "encode_as_numpy(batch, add_eos=True, num_threads=1)"}))
    return 0


# ---------------------------------------------------------------------------------------------------- quality

def lemur_labels(out: Path, docs: list[dict]) -> list[int]:
    """Cluster labels of the dedup stage's output, in the order of the exported documents."""
    index = {d["id"]: i for i, d in enumerate(docs)}
    labels = list(range(len(docs)))
    cluster_of: dict[str, int] = {}
    for folder in ("deduped", "dedup-removed"):
        t = pads.dataset(out / folder, format="parquet", partitioning="hive").to_table(columns=["id", "cluster_id"])
        for doc_id, cid in zip(t.column("id").to_pylist(), t.column("cluster_id").to_pylist()):
            labels[index[doc_id]] = cluster_of.setdefault(cid, index[doc_id])
    return labels


def precision(labels: list[int], docs: list[dict], truth: dict[tuple[str, str], str], jsonl: Path) -> dict:
    """Duplicate-class precision: share of predicted duplicates confirmed by the release labels or by Jaccard."""
    clusters: dict[int, list[int]] = {}
    for i, lab in enumerate(labels):
        clusters.setdefault(lab, []).append(i)
    group = [truth.get((d["source"], d["locator"])) for d in docs]
    predicted, by_release, unresolved = 0, 0, []
    for members in clusters.values():
        if len(members) < 2:
            continue
        counts: dict[str | None, int] = {}
        for i in members:
            counts[group[i]] = counts.get(group[i], 0) + 1
        for i in members:
            predicted += 1
            if group[i] is not None and counts[group[i]] > 1:
                by_release += 1
            else:
                unresolved.append((i, [j for j in members if j != i]))  # any other member, not the first few
    need = {i for i, others in unresolved for i in [i, *others]}
    texts = {}
    with open(jsonl, encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i in need:
                texts[i] = json.loads(line)["text"]
    sets = {i: set(mh.reference_shingles(texts[i], SHINGLING[docs[i]["kind"]])) for i in need}
    by_jaccard = sum(any(_jaccard(sets[i], sets[j]) >= THRESHOLD for j in others) for i, others in unresolved)
    right = by_release + by_jaccard
    return {"precision": round(right / predicted, 5) if predicted else 1.0, "predicted_duplicates": predicted,
            "confirmed_by_release": by_release, "confirmed_by_jaccard": by_jaccard,
            "wrong": predicted - right}


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def load_truth(folder: Path) -> dict[tuple[str, str], str]:
    rows = (json.loads(line) for line in open(folder / "truth.jsonl", encoding="utf-8"))
    return {(r["source"], r["locator"]): r["group"] for r in rows}


def dedup_peers(folder: Path, out: Path, stage: dict) -> dict:
    jsonl = folder / "dedup-input.jsonl"
    nbytes = export_dedup_input(out, jsonl)
    docs = []
    with open(jsonl, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            docs.append({"id": d["id"], "kind": d["kind"], "source": d["source"], "locator": d["locator"]})
    truth = load_truth(folder)
    ours, ours_cpu = stage["mb_per_s_per_core"], stage["mb_per_cpu_s"]
    result = {"documents": len(docs), "text_bytes": nbytes,
              "lemur-data dedup stage": {"mb_per_s_per_core": ours, "mb_per_cpu_s": ours_cpu,
                                         **precision(lemur_labels(out, docs), docs, truth, jsonl)}}
    for method in ("datasketch", "rensa"):
        labels_path = folder / f"{method}-labels.json"
        r = run_peer(method, jsonl, labels_path)
        r["mb_per_s_per_core"] = round(nbytes / r["wall_s"] / 1e6, 3)  # one process, one core
        r["mb_per_cpu_s"] = round(nbytes / r["cpu_s"] / 1e6, 3)
        r["lemur_stage_over_peer"] = round(ours / r["mb_per_s_per_core"], 3)
        r["lemur_stage_over_peer_cpu"] = round(ours_cpu / r["mb_per_cpu_s"], 3) if ours_cpu else None
        r.update(precision(json.loads(labels_path.read_text()), docs, truth, jsonl))
        result[method] = r
        print(f"    {method}: {r['mb_per_s_per_core']} MB/s per core (lemur-data stage x{r['lemur_stage_over_peer']})",
              file=sys.stderr)
    jsonl.unlink()
    return result


# ---------------------------------------------------------------------------------------------------- main

def subset_folder(label: str) -> Path:
    return corpus.ROOT / "subsets" / label


def ensure_corpus(labels: list[str]) -> None:
    if all((subset_folder(lab) / "dataset.yaml").is_file() for lab in labels):
        return
    sizes = sorted({corpus.parse_size(lab) for lab in labels} | {corpus.parse_size(WARMUP)})
    if corpus.main(["--sizes", ",".join(f"{s:g}" for s in sizes)]) != 0:
        raise SystemExit("building the corpus failed (see above)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 epilog="`gigabyte.py tokenize-peers SIZE` measures the tokenize stage again on SIZE's "
                                        "existing output with its sentencepiece peers, alone and two at once "
                                        "(results/tokenize_pairs.json).")
    ap.add_argument("--sizes", default="0.5GB,1GB,2GB", help="subset labels (as built by gigabyte_corpus.py)")
    ap.add_argument("--validation", action="store_true", help="a small code-path check: gigabyte-validation.json")
    ap.add_argument("--warmup", default=WARMUP, help="subset of the untimed warm-up run, or `none`")
    ap.add_argument("--no-peers", action="store_true", help="skip the peers (datasketch, rensa, sentencepiece)")
    ap.add_argument("--table", action="store_true", help="only print the tables of the results file")
    ap.add_argument("--conf", action="append", default=[], metavar="KEY=VALUE",
                    help="extra Spark setting for an experiment, repeatable (recorded in the results)")
    ap.add_argument("--results", metavar="NAME", help="results file name in benchmarks/results/ "
                                                      "(default gigabyte.json, gigabyte-validation.json)")
    args = ap.parse_args()
    path = RESULTS / (args.results or ("gigabyte-validation.json" if args.validation else "gigabyte.json"))
    extra_conf = dict(item.split("=", 1) for item in args.conf)
    if args.table:
        print_tables(json.loads(path.read_text(encoding="utf-8")))
        return 0
    labels = [corpus.size_label(corpus.parse_size(s)) for s in args.sizes.split(",")]
    missing = [] if args.no_peers else [m for m in ("datasketch", "rensa") if importlib.util.find_spec(m) is None]
    if missing:  # NOTE: checked before the corpus and the pipeline: the peers run only after each size's pipeline
        raise SystemExit(f"the peers need {', '.join(missing)}: pip install -e '.[bench]' (or pass --no-peers)")
    ensure_corpus(labels)
    from lemur_data.spark import get_session  # noqa: PLC0415

    load_start = os.getloadavg()
    spark = get_session(master=MASTER, app_name="lemur-data-gigabyte",
                        conf={"spark.ui.enabled": "true", "spark.ui.retainedStages": "100000",
                              "spark.ui.retainedJobs": "100000", **extra_conf})
    ui = SparkStages(spark)
    sampler = RssSampler()
    sampler.start()
    t0 = time.monotonic()
    if args.warmup != "none":
        run_pipeline(spark, subset_folder(args.warmup) / "dataset.yaml", corpus.ROOT / "warmup-out", None, None)
    warmup_s = time.monotonic() - t0
    results = []
    for label in labels:
        folder = subset_folder(label)
        comp = json.loads((folder / "composition.json").read_text())
        print(f"{label}: {comp['bytes'] / 1e9:.3f} GB, {comp['files']} files", file=sys.stderr)
        load_before = os.getloadavg()
        t = time.monotonic()
        stages = run_pipeline(spark, folder / "dataset.yaml", folder / "out", sampler, ui)
        wall = time.monotonic() - t
        load_after = os.getloadavg()
        crawl_files = crawl_files_alone(spark, folder / "dataset.yaml", folder / "out-crawl-files", sampler, ui)
        crawl_files_again = crawl_files_alone(spark, folder / "dataset.yaml", folder / "out-crawl-files", sampler, ui)
        tok_peer = None if args.no_peers else tokenize_peer(folder, folder / "out", stages["tokenize"])
        peers = None if args.no_peers else dedup_peers(folder, folder / "out", stages["dedup"])
        results.append({"size": label, "corpus": comp, "stages": stages, "pipeline_wall_s": round(wall, 1),
                        "load_average_before": [round(x, 2) for x in load_before],
                        "load_average_after": [round(x, 2) for x in load_after], "crawl_files_alone": crawl_files,
                        "crawl_files_alone_again": crawl_files_again, "tokenize_peer": tok_peer, "dedup_peers": peers})
        # NOTE: the file is rewritten after every size, so a run stopped during a long size keeps the others.
        write_report(path, args, extra_conf, load_start, warmup_s, results, complete=label == labels[-1])
    sampler.stopped.set()
    spark.stop()
    print_tables(json.loads(path.read_text(encoding="utf-8")))
    return 0


def write_report(path: Path, args: argparse.Namespace, extra_conf: dict, load_start: tuple, warmup_s: float,
                 results: list, complete: bool) -> None:
    report = {"validation_only": args.validation,
              "note": ("VALIDATION RUN of the code path on a small subset, on a shared busy machine: not a "
                       "measurement" if args.validation else "measurement"),
              "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "master": MASTER, "cores": CORES,
              "machine": f"{os.cpu_count()} cores, {platform.machine()}, python {platform.python_version()}",
              "load_average_start": [round(x, 2) for x in load_start],
              "load_average_end": [round(x, 2) for x in os.getloadavg()],
              "spark_conf": extra_conf, "warmup": args.warmup, "warmup_s": round(warmup_s, 1),
              "sizes_asked": args.sizes, "complete": complete, "results": results}
    RESULTS.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")


def print_tables(report: dict) -> None:
    res = report["results"]
    print(f"{report['note']} ({report['date']}, {report['master']}, load {report['load_average_start']} -> "
          f"{report['load_average_end']})\n")
    print("| size | stage | input | s | MB/s per core | MB per CPU s | shuffle B / input B | output MB | peak RSS MB: "
          "JVM / Python driver / workers (max one, sum) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in res:
        for name, st in r["stages"].items():
            docs = f" / {st['in_docs']:,} docs" if st["in_docs"] is not None else ""
            size = f"{st['out_tokens']:,} tokens" if name == "mix" else f"{(st['in_bytes'] or 0) / 1e6:,.1f} MB{docs}"
            rate = (f"{st['m_tokens_per_s_per_core']} M tok/s" if name == "mix" else str(st.get("mb_per_s_per_core")))
            rss = st.get("peak_rss_mb", {})
            print(f"| {r['size']} | {name} | {size} | {st['duration_s']:.1f} | {rate} | "
                  f"{st.get('mb_per_cpu_s', '-')} | "
                  f"{st.get('shuffle_per_input_byte')} | {st['output_bytes'] / 1e6:,.1f} | {rss.get('jvm')} / "
                  f"{rss.get('python_driver')} / {rss.get('python_worker_max')}, {rss.get('python_workers_sum')} |")
    if len(res) > 1:
        first, last = res[0], res[-1]
        print(f"\n| stage | time {last['size']} / {first['size']} | input {last['size']} / {first['size']} |")
        print("|---|---|---|")
        for name in first["stages"]:
            a, b = first["stages"][name], last["stages"][name]
            key = "out_tokens" if name == "mix" else "in_bytes"
            print(f"| {name} | {b['duration_s'] / a['duration_s']:.2f} | {(b[key] or 0) / (a[key] or 1):.2f} |")
    print("\n| size | method | MB/s per core | MB per CPU s | lemur-data stage is x (per core; per CPU s) | "
          "precision (wrong / predicted) | peak RSS MB |")
    print("|---|---|---|---|---|---|---|")
    for r in res:
        peers = r.get("dedup_peers") or {}
        for method, p in peers.items():
            if not isinstance(p, dict):
                continue
            print(f"| {r['size']} | {method} | {p['mb_per_s_per_core']} | {p.get('mb_per_cpu_s')} | "
                  f"{p.get('lemur_stage_over_peer', '-')}; {p.get('lemur_stage_over_peer_cpu', '-')} | "
                  f"{p['precision']} ({p['wrong']} / {p['predicted_duplicates']}) | {p.get('peak_rss_mb', '-')} |")
    print_issue_targets(res)


def print_issue_targets(res: list[dict]) -> None:
    """Tokenize against raw sentencepiece, and the crawl of the code tree alone (no HTML extraction)."""
    rows = [r for r in res if r.get("tokenize_peer") or r.get("crawl_files_alone")]
    if not rows:
        return
    print("\n| size | tokenize stage MB/s per core; MB per CPU s | raw sentencepiece (1 thread) MB/s per core; MB per "
          "CPU s | stage / raw (per core; per CPU s) | same tokens | crawl of the files source alone: input, s, MB/s "
          "per core, MB per CPU s, listing s | the same at once again |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        st, p = r["stages"]["tokenize"], r.get("tokenize_peer") or {}
        print(f"| {r['size']} | {st.get('mb_per_s_per_core')}; {st.get('mb_per_cpu_s')} | "
              f"{p.get('mb_per_s_per_core', '-')}; {p.get('mb_per_cpu_s', '-')} | {p.get('stage_over_peer', '-')}; "
              f"{p.get('stage_over_peer_cpu', '-')} | {p.get('same_tokens_as_stage', '-')} | "
              f"{_crawl_cell(r.get('crawl_files_alone'))} | {_crawl_cell(r.get('crawl_files_alone_again'))} |")


def _crawl_cell(c: dict | None) -> str:
    if not c:
        return "-"
    return (f"{(c.get('in_bytes') or 0) / 1e6:,.1f} MB, {c.get('duration_s', 0):.1f}, {c.get('mb_per_s_per_core')}, "
            f"{c.get('mb_per_cpu_s')}, {c.get('timings', {}).get('listing_s', '-')}")


if __name__ == "__main__":
    if len(sys.argv) == 6 and sys.argv[1] == "sentencepiece-peer":
        sys.exit(sentencepiece_peer_main(Path(sys.argv[2]), sys.argv[3], sys.argv[4] == "1", sys.argv[5]))
    if len(sys.argv) == 3 and sys.argv[1] == "tokenize-peers":
        sys.exit(tokenize_peers_main(sys.argv[2]))
    if len(sys.argv) == 5 and sys.argv[1] == "peer":
        sys.exit(peer_main(sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4])))
    sys.exit(main())
