"""Tokenize: documents -> a per-document token cache under <out>/tokens/ (TOKENS v1), counts per source.

One Spark task per upstream row group reads it with pyarrow (text columns only), encodes the whole batch with the
worker's tokenizer (loaded once per Python worker process from broadcast bytes), and writes one token file that
mirrors the input: `tokens/<upstream path without its folder>-rg<first row group>.parquet`.

NOTE: there is no shuffle. The read units come from the upstream manifest's file list, and each unit's rows keep
their upstream order, so the cache's bytes depend only on the upstream files, never on cores or partitioning
(the upstream writer is deterministic in the same sense). Shuffling the token arrays through the JVM to reuse
`writer.write_partitioned` would cost more than the tokenizer itself.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from pyspark import TaskContext

from lemur_data import manifest as mf
from lemur_data import reasons, storage, tokenizer
from lemur_data.config import redact_uri
from lemur_data.datasets import ReadUnit, main_files, read_unit, read_units
from lemur_data.schema import TOKENS_SCHEMA
from lemur_data.stage import Prepared, RunContext
from lemur_data.stages import repositories
from lemur_data.tokenizer import TokenizerSpec
from lemur_data.writer import ROWS_PER_GROUP, StagedParquet

log = logging.getLogger(__name__)

OUTPUT_DIR = "tokens"
_INPUT_COLUMNS = ["id", "kind", "source", "lang", "text"]
_STATS_DDL = "stats string"
_EXAMPLES = 5


@dataclass(frozen=True)
class TokenizePlan:
    upstream_stage: str
    upstream: dict[str, Any]
    spec: TokenizerSpec
    model: bytes
    repository_sources: tuple[str, ...]  # code sources whose files become repository documents


class TokenizeStage:
    name = "tokenize"
    dirs = (OUTPUT_DIR, repositories.MEMBERS_DIR)
    config_keys = ("tokenizer", "repository")

    def prepare(self, ctx: RunContext) -> Prepared:
        upstream_stage = ctx.previous_stage(self.name)
        upstream, sha, uri = ctx.upstream(upstream_stage)
        spec, model = tokenizer.resolve(ctx.cfg.tokenizer, ctx.store)
        # NOTE: the tokenizer's sha256 is part of the input: a changed model file at the same path recomputes.
        fingerprint = hashlib.sha256(f"{sha}\x00{spec.sha256}".encode()).hexdigest()
        inputs = {"upstream": [{"stage": upstream_stage, "uri": redact_uri(uri), "sha256": sha}],
                  "tokenizer_sha256": spec.sha256}
        repo_sources = ctx.cfg.repository.repository_sources(ctx.cfg.sources)
        return Prepared(fingerprint, inputs, TokenizePlan(upstream_stage, upstream, spec, model, repo_sources))

    def execute(self, ctx: RunContext, prepared: Prepared) -> dict[str, Any]:
        plan: TokenizePlan = prepared.plan
        spark = ctx.spark
        units = read_units(ctx.cfg.output, main_files(plan.upstream), row_groups_per_unit=1)
        # Largest units first, so the last tasks to finish are short ones (names do not depend on this order).
        units.sort(key=lambda u: -_unit_bytes_estimate(u, plan.upstream))
        t0 = time.monotonic()
        model = spark.sparkContext.broadcast(plan.model)
        task = _TokenizeTask(units, plan.spec, model, ctx.store, ctx.cfg.output, plan.repository_sources)
        rows = spark.range(0, len(units), 1, numPartitions=max(1, len(units))).mapInArrow(task, _STATS_DDL).collect()
        stats = [json.loads(r.stats) for r in rows]
        if plan.repository_sources:
            stats += self._repository_documents(ctx, plan, units, model)
        model.unpersist()
        return tokenize_sections(plan, stats, time.monotonic() - t0)

    def _repository_documents(self, ctx: RunContext, plan: TokenizePlan, units: list[ReadUnit],
                              model: Any) -> list[dict[str, Any]]:
        """The repository branch (stages/repositories.py): its tasks' stats rows."""
        settings = ctx.cfg.repository
        n_buckets = repositories.bucket_count(plan.upstream, plan.repository_sources)
        files = repositories.repository_files(ctx.spark, units, ctx.store, plan.repository_sources)
        task = repositories.AssembleBucket(n_buckets, plan.spec, model, ctx.store, ctx.cfg.output,
                                           settings.file_header, settings.max_tokens)
        return repositories.assemble(files, n_buckets, task)


def _unit_bytes_estimate(unit: ReadUnit, upstream: dict[str, Any]) -> float:
    """The unit's share of its file's bytes, by rows: the writer fills row groups of ROWS_PER_GROUP rows in order."""
    f = next(f for f in upstream["outputs"]["files"] if f["path"] == unit.path)
    rows = max(0, min(ROWS_PER_GROUP, f["rows"] - unit.start * ROWS_PER_GROUP))
    return f["bytes"] * rows / max(1, f["rows"])


def output_path(unit: ReadUnit) -> str:
    """tokens/<upstream path minus its top folder, minus .parquet>-rg<first row group>.parquet"""
    rest = unit.path.split("/", 1)[-1].removesuffix(".parquet")
    return f"{OUTPUT_DIR}/{rest}-rg{unit.start:05d}.parquet"


class _TokenizeTask:
    """mapInArrow function: unit ids in; per unit one token file written and one JSON stats row out."""

    def __init__(self, units: list[ReadUnit], spec: TokenizerSpec, model: Any, store: storage.Storage,
                 root: str, repository_sources: tuple[str, ...]) -> None:
        self.units, self.spec, self.model, self.store, self.root = units, spec, model, store, root
        self.repository_sources = repository_sources

    def __call__(self, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            for unit_id in batch.column(0).to_pylist():
                stats = self.run_unit(self.units[unit_id])
                yield pa.RecordBatch.from_pydict({"stats": [json.dumps(stats)]})

    def run_unit(self, unit: ReadUnit) -> dict[str, Any]:
        t0 = time.monotonic()
        enc, loaded = tokenizer.encoder(self.spec, lambda: self.model.value)
        ctx = TaskContext.get()
        threads = max(1, int(ctx.cpus())) if ctx is not None else 1
        stats = _UnitStats()
        rel = output_path(unit)
        out = _OutputFile(self.store, self.root, rel)
        encode_s = 0.0
        try:
            for table in read_unit(self.store, unit, _INPUT_COLUMNS + ["repo"]):
                if self.repository_sources:  # those files become repository documents (counted there)
                    table = table.filter(pa.array(~repositories.repository_mask(table, self.repository_sources)))
                t1 = time.monotonic()
                tokens_table, dropped = encode_table(enc, table, threads)
                encode_s += time.monotonic() - t1
                out.write(tokens_table)
                stats.add(table, tokens_table, dropped)
            file_info = out.close()
        except BaseException:
            out.file.discard()  # a failed task leaves no temporary file (S3 outputs stage theirs in local scratch)
            raise
        return {"file": file_info, "groups": stats.group_rows(), "reasons": stats.reason_rows(),
                "max_token_id": stats.max_token_id, "max_doc_tokens": stats.max_doc_tokens,
                "worker": {"pid": os.getpid(), "loaded": loaded},
                "encode_s": encode_s, "task_s": time.monotonic() - t0}


def encode_table(enc: tokenizer.Encoder, docs: pa.Table, threads: int = 1) -> tuple[pa.Table, np.ndarray]:
    """Token-cache rows for a table of documents, and the mask of documents dropped as `no_tokens`."""
    texts = docs.column("text").to_pylist()
    flat, lengths = enc.encode_batch(texts, threads)
    offsets = np.zeros(len(lengths) + 1, dtype=np.int32)
    np.cumsum(lengths, out=offsets[1:])
    tokens = pa.ListArray.from_arrays(pa.array(offsets, pa.int32()), pa.array(flat, pa.int32()))
    specials = 1 + int(enc.spec.add_bos)
    dropped = lengths <= specials
    table = pa.table({
        "doc_id": docs.column("id").cast(pa.string()),
        "source": docs.column("source").cast(pa.string()),
        "kind": docs.column("kind").cast(pa.string()),
        "lang": docs.column("lang").cast(pa.string()),
        "n_bytes": pc.binary_length(docs.column("text")).cast(pa.int64()),
        "n_tokens": pa.array(lengths, pa.int32()),
        "tokens": tokens,
    }, schema=TOKENS_SCHEMA)
    if dropped.any():
        table = table.filter(pa.array(~dropped))
    return table, dropped


class _OutputFile:
    """One token-cache file: written to a temporary local file, hashed, then moved into place."""

    def __init__(self, store: storage.Storage, root: str, rel: str) -> None:
        self.file = StagedParquet(store, root, rel, TOKENS_SCHEMA, compression="zstd",
                                  use_dictionary=["source", "kind", "lang"])
        self.tokens = 0

    def write(self, table: pa.Table) -> None:
        # NOTE: one output row group per input row group: boundaries come from the upstream file, not batching.
        if table.num_rows:
            self.file.write_row_group(table)
            self.tokens += int(pc.sum(table.column("n_tokens")).as_py() or 0)

    def close(self) -> dict[str, Any]:
        return {**self.file.publish().to_json(), "tokens": self.tokens}


class _UnitStats:
    def __init__(self) -> None:
        self.groups: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
        self.reasons: dict[tuple[str, str], list[Any]] = {}
        self.max_token_id = -1
        self.max_doc_tokens = 0

    def add(self, docs: pa.Table, tokens: pa.Table, dropped: np.ndarray) -> None:
        n_bytes = pc.binary_length(docs.column("text")).to_numpy(zero_copy_only=False)
        keys = list(zip(docs.column("kind").to_pylist(), docs.column("source").to_pylist(),
                        docs.column("lang").to_pylist()))
        n_tokens_iter = iter(tokens.column("n_tokens").to_pylist())
        for i, key in enumerate(keys):
            g = self.groups[key]
            g[0] += 1
            g[1] += int(n_bytes[i])
            if dropped[i]:
                self._reason(key[1], "no_tokens", int(n_bytes[i]), docs.column("id")[i].as_py())
            else:
                g[2] += 1
                g[3] += int(n_bytes[i])
                g[4] += next(n_tokens_iter)
        if tokens.num_rows:
            values = pc.list_flatten(tokens.column("tokens"))
            self.max_token_id = max(self.max_token_id, int(pc.max(values).as_py()))
            self.max_doc_tokens = max(self.max_doc_tokens, int(pc.max(tokens.column("n_tokens")).as_py()))

    def _reason(self, source: str, reason: str, size: int, example: str) -> None:
        r = self.reasons.setdefault((source, reasons.check(reason)), [0, 0, []])
        r[0] += 1
        r[1] += size
        r[2] = sorted(r[2] + [example])[:_EXAMPLES]

    def group_rows(self) -> list[dict[str, Any]]:
        return [{"kind": k, "source": s, "lang": lang, "docs_in": v[0], "bytes_in": v[1], "docs": v[2],
                 "bytes": v[3], "tokens": v[4]} for (k, s, lang), v in self.groups.items()]

    def reason_rows(self) -> list[dict[str, Any]]:
        return [{"source": s, "reason": r, "docs": v[0], "bytes": v[1], "examples": v[2]}
                for (s, r), v in self.reasons.items()]


def tokenize_sections(plan: TokenizePlan, stats: list[dict[str, Any]], spark_s: float) -> dict[str, Any]:
    """The manifest sections of a tokenize run, from the tasks' stats rows."""
    groups: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for st in stats:
        for g in st["groups"]:
            acc = groups[(g["kind"], g["source"], g["lang"])]
            for i, key in enumerate(("docs_in", "bytes_in", "docs", "bytes", "tokens")):
                acc[i] += g[key]
    by_source_lang = [{"kind": k, "source": s, "lang": lang, "docs": v[2], "bytes": v[3], "tokens": v[4]}
                      for (k, s, lang), v in sorted(groups.items())]
    by_source: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for (k, s, _), v in groups.items():
        acc = by_source[(k, s)]
        acc[0] += v[2]
        acc[1] += v[3]
        acc[2] += v[4]
    files = sorted((st["file"] for st in stats), key=lambda f: f["path"])
    member_files = sorted((st["members_file"] for st in stats if "members_file" in st), key=lambda f: f["path"])
    repos = repository_totals(plan, stats)
    merged = repos["files"] - repos["documents"] if repos else 0
    reason_list = _reason_entries(stats)
    docs_in = sum(v[0] for v in groups.values())
    bytes_in = sum(v[1] for v in groups.values())
    docs_out = sum(v[2] for v in groups.values())
    tokens_out = sum(v[4] for v in groups.values())
    dropped_docs = sum(e["docs"] for e in reason_list)
    max_token_id = max((st["max_token_id"] for st in stats), default=-1)
    upstream_docs = plan.upstream["counts"]["out"].get("docs")
    pids = {st["worker"]["pid"] for st in stats}
    return {
        "counts": {
            "in": {"docs": docs_in, "bytes": bytes_in},
            "out": {"docs": docs_out, "tokens": tokens_out,
                    "bytes": sum(v[1] for v in by_source.values())},
            "dropped": {"docs": dropped_docs, "bytes": sum(e["bytes"] for e in reason_list)},
            "by_source_lang": by_source_lang,
        },
        "reasons": reason_list,
        "outputs": {"dirs": list(TokenizeStage.dirs) if repos else [OUTPUT_DIR], "files": files + member_files},
        "fingerprint": _fingerprint(files),
        "tokenizer": {
            **plan.spec.to_manifest(),
            "by_source": [{"source": s, "kind": k, "docs": v[0], "bytes": v[1], "tokens": v[2],
                           "bytes_per_token": round(v[1] / v[2], 4) if v[2] else None}
                          for (k, s), v in sorted(by_source.items())],
            "max_token_id": max_token_id,
            "max_doc_tokens": max((st["max_doc_tokens"] for st in stats), default=0),
            "tasks": len(stats),
            "worker_processes": len(pids),
            "worker_loads": sum(1 for st in stats if st["worker"]["loaded"]),
        },
        "validation": [
            mf.check(f"documents read equal the {plan.upstream_stage} stage's output", upstream_docs, docs_in),
            mf.check("documents read = tokenized + dropped + repository files - repository documents", docs_in,
                     docs_out + dropped_docs + merged),
            mf.check("rows written equal tokenized documents", docs_out, sum(f["rows"] for f in files)),
            mf.check("tokens in files equal tokens counted", tokens_out, sum(f["tokens"] for f in files)),
            mf.check("largest token id is below the vocabulary size", f"< {plan.spec.vocab_size}", max_token_id,
                     passed=max_token_id < plan.spec.vocab_size),
            mf.check("tokenizer loaded at most once per worker process", f"<= {len(pids)}",
                     sum(1 for st in stats if st["worker"]["loaded"]),
                     passed=sum(1 for st in stats if st["worker"]["loaded"]) <= len(pids)),
        ],
        **({"repositories": repos} if repos else {}),
        "timings": {"tokenize_s": round(spark_s, 3),
                    "encode_task_s": round(sum(st["encode_s"] for st in stats), 3),
                    "task_s": round(sum(st["task_s"] for st in stats), 3)},
    }


def repository_totals(plan: TokenizePlan, stats: list[dict[str, Any]]) -> dict[str, Any]:
    """The manifest's `repositories` section: how many files became how many repository documents, and how well
    the order kept imports first ({} when no source is in repository mode)."""
    if not plan.repository_sources:
        return {}
    totals: dict[str, int] = defaultdict(int)
    for st in stats:
        for k, v in st.get("repositories", {}).items():
            totals[k] += v
    edges = totals["edges"]
    return {"sources": list(plan.repository_sources), "repositories": totals["repositories"],
            "files": totals["files"], "documents": totals["documents"], "edges": edges,
            "edges_forward": totals["edges_forward"],
            "edges_forward_fraction": round(totals["edges_forward"] / edges, 6) if edges else None,
            "files_in_cycles": totals["files_in_cycles"], "oversized_parts": totals["oversized_parts"]}


def _reason_entries(stats: list[dict[str, Any]]) -> list[dict[str, Any]]:
    entries: dict[str, dict[str, Any]] = {}
    for st in stats:
        for r in st["reasons"]:
            info = reasons.REASONS[r["reason"]]
            e = entries.setdefault(r["reason"], {"reason": info.name, "category": info.category,
                                                 "description": info.description, "docs": 0, "bytes": 0,
                                                 "by_source": {}, "examples": []})
            e["docs"] += r["docs"]
            e["bytes"] += r["bytes"]
            e["by_source"][r["source"]] = e["by_source"].get(r["source"], 0) + r["docs"]
            e["examples"] = sorted(e["examples"] + r["examples"])[:_EXAMPLES]
    return sorted(entries.values(), key=lambda e: (-e["docs"], e["reason"]))


def _fingerprint(files: list[dict[str, Any]]) -> str:
    h = hashlib.sha256()
    for f in files:
        h.update(f"{f['path']}\x00{f['sha256']}\n".encode())
    return h.hexdigest()
