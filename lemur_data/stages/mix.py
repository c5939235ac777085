"""Mix: the token cache -> the training stream: <out>/shards/, <out>/provenance/, <out>/mix-plan/plan.json.

The plan (`lemur_data.mixture`) is made on the driver from the tokenize manifest's counts and fails before Spark
starts when it is infeasible. Then, over the cache's metadata only (doc_id, source, n_tokens):

1. Selection. Source s must fill exactly rows_s * seq_len tokens = F full passes over its A tokens plus a partial
   pass of P < A tokens. Full pass c orders the documents by xxhash64(seed; source, doc_id, c); the partial pass
   orders them by u = xxhash64(seed; source, doc_id) / 2^64 and takes documents until P tokens are filled (the
   last one is cut). So copies per document = F + [u < theta_s], where theta_s is frac(r) nudged so the source fills
   its rows exactly (both are in the manifest); no rand(), nothing depends on partitioning.
2. Offsets. A document copy's position in its source's stream is pass * A + the tokens before it in the pass: a
   parallel prefix sum (per hash bucket in Spark, bucket totals added on the driver).
3. Pieces. The source's stream is cut into rows of seq_len; row k of source s goes to the stream position that
   `mixture.interleave` gave it (greatest sampling error first). A copy becomes one piece per row it touches.
4. Tokens. Pieces are grouped by token-cache unit; a task reads each unit once with pyarrow and slices the tokens.
5. Shards. Pieces are shuffled by shard (seq_idx // shard_rows) and sorted by (seq_idx, row_offset); a task writes
   each shard and its provenance sidecar with pyarrow, row groups at fixed seq_idx boundaries, and returns the
   counts the manifest's validation needs (row lengths, EOS vs documents, token ids, tokens per source).
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import time
from dataclasses import dataclass
from typing import Any, Callable, Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import xxhash
from pyspark import StorageLevel
from pyspark.sql import functions as F

from lemur_data import manifest as mf
from lemur_data import mixture, reasons, storage
from lemur_data.config import redact_uri
from lemur_data.datasets import ReadUnit, main_files, read_unit, read_units
from lemur_data.mixture import MixPlan
from lemur_data.runner import Prepared, RunContext
from lemur_data.schema import PROVENANCE_SCHEMA, SHARD_SCHEMA, shard_metadata, spark_ddl, token_dtype_hint
from lemur_data.writer import StagedParquet

log = logging.getLogger(__name__)

SHARDS_DIR = "shards"
PROVENANCE_DIR = "provenance"
PLAN_DIR = "mix-plan"
PLAN_FILE = f"{PLAN_DIR}/plan.json"
_DOCS_PER_BUCKET = 100_000
_PIECES_PER_BATCH = 4096
_EXAMPLES = 5
_TWO_63 = 1 << 63

# Document copies (one row per document and pass) with their hash order.
_KEYS_SCHEMA = pa.schema([
    ("source_id", pa.int16()), ("layer", pa.int16()), ("bucket", pa.int32()), ("key", pa.int64()),
    ("doc_id", pa.string()), ("unit", pa.int32()), ("row", pa.int32()), ("lang", pa.string()),
    ("n_bytes", pa.int64()), ("n_tokens", pa.int32()),
])
# The same with the copy's place in its source's stream; `length` = its tokens in the stream (0: not taken).
_COPIES_SCHEMA = pa.schema(list(_KEYS_SCHEMA) + [("start", pa.int64()), ("length", pa.int32())])
# One row per (document copy, output row) overlap.
_PIECES_SCHEMA = pa.schema([
    ("unit", pa.int32()), ("row", pa.int32()), ("doc_id", pa.string()), ("source_id", pa.int16()),
    ("copy", pa.int16()), ("doc_offset", pa.int32()), ("length", pa.int32()), ("doc_tokens", pa.int32()),
    ("seq_idx", pa.int64()), ("row_offset", pa.int32()), ("shard", pa.int32()),
])
_SLICES_SCHEMA = pa.schema([
    ("shard", pa.int32()), ("seq_idx", pa.int64()), ("row_offset", pa.int32()), ("length", pa.int32()),
    ("tokens", pa.list_(pa.int32())), ("doc_id", pa.string()), ("source_id", pa.int16()), ("copy", pa.int16()),
    ("doc_offset", pa.int32()), ("doc_tokens", pa.int32()),
])


@dataclass(frozen=True)
class SourceStream:
    """How one source fills its rows: `full` passes over its `available` tokens, then `partial` tokens."""

    source_id: int
    available: int
    full: int
    partial: int

    @property
    def end(self) -> int:
        return self.full * self.available + self.partial

    @property
    def layers(self) -> int:
        return self.full + (1 if self.partial else 0)


@dataclass(frozen=True)
class MixInputs:
    upstream_stage: str
    upstream: dict[str, Any]
    plan: MixPlan


class MixStage:
    name = "mix"
    dirs = (SHARDS_DIR, PROVENANCE_DIR, PLAN_DIR)
    config_keys = ("seed", "mix")

    def prepare(self, ctx: RunContext) -> Prepared:
        upstream_stage = ctx.previous_stage(self.name)
        upstream, sha, uri = ctx.upstream(upstream_stage)
        plan = plan_from_manifest(ctx, upstream)
        mixture.check_feasible(plan)
        inputs = {"upstream": [{"stage": upstream_stage, "uri": redact_uri(uri), "sha256": sha}]}
        return Prepared(hashlib.sha256(sha.encode()).hexdigest(), inputs, MixInputs(upstream_stage, upstream, plan))

    def execute(self, ctx: RunContext, prepared: Prepared) -> dict[str, Any]:
        inputs: MixInputs = prepared.plan
        return Materializer(ctx, inputs).run()


def plan_from_manifest(ctx: RunContext, tokenize_manifest: dict[str, Any]) -> MixPlan:
    return mixture.plan_mixture(ctx.cfg, mixture.available_from_manifest(tokenize_manifest))


def streams_of(plan: MixPlan) -> dict[int, SourceStream]:
    return {s.source_id: SourceStream(s.source_id, s.available_tokens, s.full_copies, s.partial_tokens)
            for s in plan.sources if s.rows}


class Materializer:
    """One mix run: the Spark jobs of steps 1-5 and the manifest sections built from their results."""

    def __init__(self, ctx: RunContext, inputs: MixInputs) -> None:
        self.ctx, self.cfg, self.inputs, self.plan = ctx, ctx.cfg, inputs, inputs.plan
        self.tok = inputs.upstream["tokenizer"]
        self.streams = streams_of(self.plan)
        self.n_shards = max(1, -(-self.plan.rows // self.cfg.mix.shard_rows))
        self.timings: dict[str, float] = {}

    def run(self) -> dict[str, Any]:
        spark, store, plan = self.ctx.spark, self.ctx.store, self.plan
        t0 = time.monotonic()
        group_index = {g.group: i for i, g in enumerate(plan.groups)}
        sequence = mixture.interleave([s.rows for s in plan.sources], [group_index[s.group] for s in plan.sources])
        self.timings["interleave_s"] = time.monotonic() - t0
        interleave_info = self._interleave_info(sequence)
        plan_bytes = (json.dumps({**plan.to_json(), "interleave": interleave_info}, indent=2) + "\n").encode()
        store.write_bytes(self.ctx.path(*PLAN_FILE.split("/")), plan_bytes)

        units = read_units(self.cfg.output, main_files(self.inputs.upstream), row_groups_per_unit=1)
        total_docs = sum(s.docs for s in plan.sources)
        bits = max(0, min(16, math.ceil(math.log2(max(1, total_docs / _DOCS_PER_BUCKET)))))
        source_ids = {s.source: s.source_id for s in plan.sources}
        sc = spark.sparkContext

        t1 = time.monotonic()
        keys = (spark.range(0, len(units), 1, numPartitions=max(1, len(units)))
                .mapInArrow(_LayerKeys(units, store, source_ids, self.streams, plan.seed, bits),
                            spark_ddl(_KEYS_SCHEMA))
                .persist(StorageLevel.MEMORY_AND_DISK))
        totals = keys.groupBy("source_id", "layer", "bucket").agg(
            F.sum("n_tokens").alias("tokens"), F.count(F.lit(1)).alias("docs")).collect()
        offsets, found = _bucket_offsets(totals, self.streams)
        copies = (keys.groupBy("source_id", "layer", "bucket")
                  .applyInArrow(_typed(_StreamOffsets(offsets, self.streams)), spark_ddl(_COPIES_SCHEMA))
                  .persist(StorageLevel.MEMORY_AND_DISK))
        selection = self._selection_stats(copies)
        self.timings["select_s"] = time.monotonic() - t1

        t2 = time.monotonic()
        shared_positions = sc.broadcast({sid: np.flatnonzero(sequence == sid) for sid in self.streams})
        shared_sequence = sc.broadcast(sequence)
        pieces = copies.filter(F.col("length") > 0).mapInArrow(
            _Pieces(shared_positions, plan.seq_len, self.cfg.mix.shard_rows), spark_ddl(_PIECES_SCHEMA))
        slices = (pieces.repartition(max(1, min(len(units), 2000)), "unit")
                  .sortWithinPartitions("unit", "row", "copy", "doc_offset")
                  .mapInArrow(_SliceTokens(units, store), spark_ddl(_SLICES_SCHEMA)))
        writer = _ShardWriter(self._shard_layout(), store, self.cfg.output, shared_sequence)
        rows = (slices.repartition(max(1, min(self.n_shards, 2000)), "shard")
                .sortWithinPartitions("shard", "seq_idx", "row_offset")
                .mapInArrow(writer, "stats string").collect())
        self.timings["materialize_s"] = time.monotonic() - t2
        for df in (keys, copies):
            df.unpersist()
        for b in (shared_positions, shared_sequence):
            b.unpersist()
        shard_stats = sorted((json.loads(r.stats) for r in rows), key=lambda s: s["shard"])
        self.timings["total_s"] = time.monotonic() - t0
        return self._sections(found, selection, shard_stats, interleave_info, plan_bytes)

    # -- layout and per-step helpers ----------------------------------------------------------------------------
    def _shard_layout(self) -> ShardLayout:
        sources = [{"id": s.source_id, "name": s.source, "kind": s.kind, "group": s.group} for s in self.plan.sources]
        return ShardLayout(
            total_rows=self.plan.rows, seq_len=self.plan.seq_len, shard_rows=self.cfg.mix.shard_rows,
            row_group_rows=self.cfg.mix.row_group_rows, num_shards=self.n_shards, run_id=self.cfg.run_id(),
            tokenizer_sha256=self.tok["sha256"], eos_id=self.tok["eos_id"], bos_id=self.tok["bos_id"],
            vocab_size=self.tok["vocab_size"], sources_json=json.dumps(sources, separators=(",", ":")))

    def _interleave_info(self, sequence: np.ndarray) -> dict[str, Any]:
        window = self.cfg.mix.row_group_rows
        deviation = {}
        for g in self.plan.groups:
            members = [s.source_id for s in self.plan.sources if s.group == g.group]
            deviation[g.group] = round(mixture.window_deviation(sequence, members, g.share(self.plan.rows), window), 4)
        return {"rule": "each next row goes to the group, then the source, with the greatest sampling error",
                "window_rows": window, "max_window_deviation_rows": deviation}

    def _selection_stats(self, copies: Any) -> dict[str, Any]:
        """Per (source, lang): copies, documents and tokens taken; documents left out (with the smallest id as an
        example); the smallest draw u not taken in the partial pass (theta). One Spark job."""
        taken = F.col("length") > 0
        first_pass = F.col("layer") == 0
        partial_pass = F.lit(False)
        for sid, s in self.streams.items():
            if s.partial:
                partial_pass = partial_pass | ((F.col("source_id") == sid) & (F.col("layer") == s.full))
        rows = copies.groupBy("source_id", "lang").agg(
            F.sum(F.when(taken, 1).otherwise(0)).alias("copies"),
            F.sum(F.when(taken & first_pass, 1).otherwise(0)).alias("docs"),
            F.sum(F.when(taken, F.col("n_bytes")).otherwise(0)).alias("bytes"),
            F.sum("length").alias("tokens"),
            F.sum(F.when(~taken & first_pass, 1).otherwise(0)).alias("not_selected"),
            F.sum(F.when(~taken & first_pass, F.col("n_bytes")).otherwise(0)).alias("not_selected_bytes"),
            F.min(F.when(~taken & first_pass, F.col("doc_id"))).alias("example"),
            F.sum(F.when(taken & (F.col("length") < F.col("n_tokens")), F.col("n_tokens") - F.col("length"))
                  .otherwise(0)).alias("cut_tokens"),
            F.min(F.when(partial_pass & ~taken, F.col("key"))).alias("theta_key"),
        ).collect()
        thresholds: dict[int, float] = {}
        for r in rows:
            if r.theta_key is not None:
                u = (r.theta_key + _TWO_63) / 2.0 ** 64
                thresholds[r.source_id] = min(u, thresholds.get(r.source_id, 1.0))
        examples = sorted((r.source_id, r.example) for r in rows if r.example is not None)
        return {"per_lang": [r.asDict() for r in rows], "thresholds": thresholds, "examples": examples}

    # -- manifest ---------------------------------------------------------------------------------------------
    def _sections(self, found: dict[int, tuple[int, int]], selection: dict[str, Any], shards: list[dict[str, Any]],
                  interleave_info: dict[str, Any], plan_bytes: bytes) -> dict[str, Any]:
        plan, tok = self.plan, self.tok
        by_id = {s.source_id: s for s in plan.sources}
        written = {sid: 0 for sid in by_id}
        for st in shards:
            for sid, n in st["tokens_by_source"].items():
                written[int(sid)] += n
        tokens_by_group = {g.group: sum(written[s.source_id] for s in plan.sources if s.group == g.group)
                           for g in plan.groups}
        target, achieved = plan.ratio_text(tokens_by_group)
        errors = plan.ratio_errors(tokens_by_group)
        sel_by_source: dict[int, dict[str, int]] = {}
        for r in selection["per_lang"]:
            acc = sel_by_source.setdefault(r["source_id"], {})
            for k in ("copies", "docs", "bytes", "tokens", "not_selected", "not_selected_bytes", "cut_tokens"):
                acc[k] = acc.get(k, 0) + int(r[k] or 0)
        sources = []
        for s in plan.sources:
            sel = sel_by_source.get(s.source_id, {})
            frac = s.partial_tokens / s.available_tokens if s.available_tokens else 0.0
            sources.append({
                "source": s.source, "source_id": s.source_id, "group": s.group, "kind": s.kind,
                "docs": s.docs, "available_tokens": s.available_tokens, "weight": s.weight,
                "target_tokens": s.target_tokens, "rows": s.rows, "planned_tokens": s.selected_tokens,
                "written_tokens": written[s.source_id], "repetition": s.repetition,
                "max_repetition": s.max_repetition, "full_copies": s.full_copies,
                "partial_fraction": round(frac, 6),
                "threshold": round(selection["thresholds"].get(s.source_id, 1.0 if s.partial_tokens else 0.0), 6),
                "docs_selected": sel.get("docs", 0), "doc_copies": sel.get("copies", 0),
                "docs_not_selected": sel.get("not_selected", 0), "cut_tokens": sel.get("cut_tokens", 0),
            })
        shard_files = [st["file"] for st in shards]
        prov_files = [st["provenance"] for st in shards]
        plan_file = {"path": PLAN_FILE, "rows": len(plan.sources), "bytes": len(plan_bytes),
                     "sha256": hashlib.sha256(plan_bytes).hexdigest()}
        total = {k: sum(st[k] for st in shards) for k in
                 ("rows", "bad_length_rows", "missing_rows", "mixed_source_rows", "off_plan_rows", "eos", "bos",
                  "docs_ended", "docs_started", "pieces")}
        max_token = max((st["max_token_id"] for st in shards), default=-1)
        min_token = min((st["min_token_id"] for st in shards), default=0)
        by_source_lang = [{"kind": by_id[r["source_id"]].kind, "source": by_id[r["source_id"]].source,
                           "lang": r["lang"], "docs": int(r["copies"] or 0), "bytes": int(r["bytes"] or 0),
                           "tokens": int(r["tokens"] or 0)}
                          for r in sorted(selection["per_lang"], key=lambda r: (r["source_id"], r["lang"]))]
        reason_list = self._not_selected_reason(sel_by_source, selection["examples"])
        available_total = sum(s.available_tokens for s in plan.sources)
        validation = [
            mf.check("every row has seq_len tokens (rows of another length)", 0, total["bad_length_rows"]),
            mf.check("rows written equal planned rows", plan.rows, total["rows"]),
            mf.check("every seq_idx is present once (missing rows)", 0, total["missing_rows"]),
            mf.check("each row holds one source, as interleaved by the plan (rows off plan)", 0,
                     total["mixed_source_rows"] + total["off_plan_rows"]),
            mf.check("largest token id is below the vocabulary size", f"< {tok['vocab_size']}", max_token,
                     passed=0 <= min_token and max_token < tok["vocab_size"]),
            mf.check("EOS count equals documents ended in the stream", total["docs_ended"], total["eos"]),
            *([mf.check("BOS count equals documents started in the stream", total["docs_started"], total["bos"])]
              if tok["add_bos"] else []),
            *[mf.check(f"ratio {g}:{plan.reference_group.group} within +-{plan.ratio_tolerance:.2%} of the target "
                       f"(achieved {achieved}, target {target})", f"|error| <= {plan.ratio_tolerance}",
                       round(err, 8), passed=abs(err) <= plan.ratio_tolerance) for g, err in errors.items()],
            *[mf.check(f"{s.source}: tokens written equal tokens planned", s.selected_tokens, written[s.source_id])
              for s in plan.sources],
            *[mf.check(f"{s.source}: tokens in the cache equal the tokenize manifest", s.available_tokens,
                       found.get(s.source_id, (0, 0))[0]) for s in plan.sources if s.rows],
            *[mf.check(f"{s.source}: documents in the cache equal the tokenize manifest", s.docs,
                       found.get(s.source_id, (0, 0))[1]) for s in plan.sources if s.rows],
            mf.check("shards written", self.n_shards, len(shard_files)),
        ]
        return {
            "counts": {
                "in": {"docs": sum(s.docs for s in plan.sources), "tokens": available_total},
                "out": {"docs": total["docs_started"], "tokens": sum(written.values()),
                        "bytes": sum(f["bytes"] for f in shard_files)},
                "dropped": {"docs": sum(e["docs"] for e in reason_list), "bytes": sum(e["bytes"] for e in reason_list)},
                "by_source_lang": by_source_lang,
            },
            "reasons": reason_list,
            "outputs": {"dirs": [SHARDS_DIR, PROVENANCE_DIR, PLAN_DIR],
                        "files": sorted(shard_files + prov_files, key=lambda f: f["path"]) + [plan_file]},
            "fingerprint": dataset_fingerprint(shard_files),
            "tokenizer": {k: tok[k] for k in ("path", "format", "sha256", "vocab_size", "eos_id", "bos_id", "add_bos",
                                              "token_dtype_hint")},
            "mixture": {
                "seq_len": plan.seq_len, "budget_tokens": plan.budget_tokens, "rows": plan.rows,
                "tokens": plan.tokens, "seed": plan.seed, "shard_rows": self.cfg.mix.shard_rows,
                "row_group_rows": self.cfg.mix.row_group_rows, "num_shards": self.n_shards,
                "token_dtype_hint": token_dtype_hint(tok["vocab_size"]),
                "ratio": {"target": target, "achieved": achieved, "reference_group": plan.reference_group.group,
                          "relative_error": {g: round(e, 8) for g, e in errors.items()},
                          "tolerance": plan.ratio_tolerance},
                "groups": [{"group": g.group, "ratio": g.ratio, "target_share": g.target_share, "rows": g.rows,
                            "tokens": tokens_by_group[g.group],
                            "achieved_share": round(tokens_by_group[g.group] / max(1, sum(written.values())), 8)}
                           for g in plan.groups],
                "sources": sources,
                "interleave": interleave_info,
                "stream": {"documents_started": total["docs_started"], "documents_ended": total["docs_ended"],
                           "eos_tokens": total["eos"], "pieces": total["pieces"], "max_token_id": max_token},
            },
            "validation": validation,
            "timings": {k: round(v, 3) for k, v in self.timings.items()},
        }

    def _not_selected_reason(self, sel: dict[int, dict[str, int]], examples: list[tuple[int, str]]) -> list[dict]:
        """Documents left out by the sampling; a source the plan gives no rows is left out whole."""
        upstream_bytes = {e["source"]: e["bytes"] for e in self.tok["by_source"]}
        docs: dict[str, int] = {}
        size = 0
        for s in self.plan.sources:
            if s.rows:
                found = sel.get(s.source_id, {})
                n, b = found.get("not_selected", 0), found.get("not_selected_bytes", 0)
            else:
                n, b = s.docs, upstream_bytes.get(s.source, 0)
            if n:
                docs[s.source] = n
                size += b
        if not docs:
            return []
        r = reasons.REASONS[reasons.check("not_selected")]
        return [{"reason": r.name, "category": r.category, "description": r.description,
                 "docs": sum(docs.values()), "bytes": size, "by_source": dict(sorted(docs.items())),
                 "examples": sorted(d for _, d in examples)[:_EXAMPLES]}]


def dataset_fingerprint(shard_files: list[dict[str, Any]]) -> str:
    """Identity of the token stream: sha256 over the shards' paths and sha256s (what the loader checks)."""
    h = hashlib.sha256()
    for f in sorted(shard_files, key=lambda f: f["path"]):
        h.update(f"{f['path']}\x00{f['sha256']}\n".encode())
    return h.hexdigest()


def _bucket_offsets(totals: list[Any], streams: dict[int, SourceStream]
                    ) -> tuple[dict[tuple[int, int, int], int], dict[int, tuple[int, int]]]:
    """Stream offset of every (source, pass, bucket), and (tokens, docs) found per source in the first pass."""
    by_layer: dict[tuple[int, int], list[tuple[int, int]]] = {}
    found: dict[int, tuple[int, int]] = {}
    for r in totals:
        by_layer.setdefault((r.source_id, r.layer), []).append((r.bucket, int(r.tokens)))
        if r.layer == 0:
            t, d = found.get(r.source_id, (0, 0))
            found[r.source_id] = (t + int(r.tokens), d + int(r.docs))
    offsets = {}
    for (sid, layer), buckets in by_layer.items():
        start = layer * streams[sid].available
        for bucket, tokens in sorted(buckets):
            offsets[(sid, layer, bucket)] = start
            start += tokens
    return offsets, found


def unit_hash(seed: int, source: str, doc_id: str) -> int:
    """u * 2^64: the document's draw for the partial pass (xxhash64 of seed, source, doc id)."""
    return xxhash.xxh64_intdigest(f"{source}\x00{doc_id}".encode(), seed=seed)


def pass_hash(seed: int, source: str, doc_id: str, copy: int) -> int:
    """The document's place in full pass `copy` (each pass is a different shuffle)."""
    return xxhash.xxh64_intdigest(f"{source}\x00{doc_id}\x00{copy}".encode(), seed=seed)


class _LayerKeys:
    """mapInArrow: token-cache units in; one row per (document, pass) with its hash key out."""

    def __init__(self, units: list[ReadUnit], store: storage.Storage, source_ids: dict[str, int],
                 streams: dict[int, SourceStream], seed: int, bits: int) -> None:
        self.units, self.store, self.source_ids, self.streams = units, store, source_ids, streams
        self.seed, self.bits = seed, bits

    def __call__(self, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            for unit_id in batch.column(0).to_pylist():
                row = 0
                columns = ["doc_id", "source", "lang", "n_bytes", "n_tokens"]
                for table in read_unit(self.store, self.units[unit_id], columns):
                    yield self._keys(unit_id, row, table)
                    row += table.num_rows

    def _keys(self, unit_id: int, first_row: int, table: pa.Table) -> pa.RecordBatch:
        shift = 64 - self.bits
        sids, layers, hashes, index = [], [], [], []
        doc_ids, sources = table.column("doc_id").to_pylist(), table.column("source").to_pylist()
        for i, (doc_id, source) in enumerate(zip(doc_ids, sources)):
            sid = self.source_ids[source]
            stream = self.streams.get(sid)
            if stream is None:  # the plan gives this source no rows
                continue
            for layer in range(stream.layers):
                sids.append(sid)
                layers.append(layer)
                hashes.append(pass_hash(self.seed, source, doc_id, layer) if layer < stream.full
                              else unit_hash(self.seed, source, doc_id))
                index.append(i)
        take = pa.array(index, pa.int64())
        table = table.combine_chunks()
        column = {name: table.column(name).combine_chunks() for name in ("doc_id", "lang", "n_bytes", "n_tokens")}
        h = np.array(hashes, dtype=np.uint64)
        return pa.RecordBatch.from_pydict({
            "source_id": pa.array(sids, pa.int16()), "layer": pa.array(layers, pa.int16()),
            "bucket": pa.array((h >> np.uint64(shift)).astype(np.int32) if self.bits else np.zeros(len(h), np.int32)),
            "key": pa.array((h - np.uint64(_TWO_63)).view(np.int64)),
            "doc_id": column["doc_id"].take(take), "unit": pa.array(np.full(len(index), unit_id, np.int32)),
            "row": pa.array(first_row + np.array(index, dtype=np.int32), pa.int32()),
            "lang": column["lang"].take(take), "n_bytes": column["n_bytes"].take(take),
            "n_tokens": column["n_tokens"].take(take),
        }, schema=_KEYS_SCHEMA)


class _StreamOffsets:
    """applyInArrow per (source, pass, bucket): sort by hash, prefix-sum the tokens, cut at the stream's end."""

    def __init__(self, offsets: dict[tuple[int, int, int], int], streams: dict[int, SourceStream]) -> None:
        self.offsets, self.streams = offsets, streams

    def __call__(self, table: pa.Table) -> pa.Table:
        table = table.sort_by([("key", "ascending"), ("doc_id", "ascending")])
        sid, layer, bucket = (table.column(c)[0].as_py() for c in ("source_id", "layer", "bucket"))
        n = table.column("n_tokens").to_numpy().astype(np.int64)
        start = self.offsets[(sid, layer, bucket)] + np.concatenate([[0], np.cumsum(n)[:-1]])
        length = np.clip(self.streams[sid].end - start, 0, n)
        return (table.select(_KEYS_SCHEMA.names)
                .append_column("start", pa.array(start, pa.int64()))
                .append_column("length", pa.array(length, pa.int32())))


def _typed(fn: Callable[[pa.Table], pa.Table]) -> Callable[[pa.Table], pa.Table]:
    """A plain function around a callable object: pyspark infers applyInArrow's mode from type hints only."""

    def grouped_map(table: pa.Table) -> pa.Table:
        return fn(table)

    return grouped_map


class _Pieces:
    """mapInArrow: selected document copies in; one piece per (copy, output row) it overlaps out."""

    def __init__(self, positions: Any, seq_len: int, shard_rows: int) -> None:
        self.positions, self.seq_len, self.shard_rows = positions, seq_len, shard_rows

    def __call__(self, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        positions = self.positions.value
        L = self.seq_len
        for batch in batches:
            if batch.num_rows == 0:
                continue
            start = batch.column("start").to_numpy()
            length = batch.column("length").to_numpy().astype(np.int64)
            sid = batch.column("source_id").to_numpy()
            k0 = start // L
            count = (start + length - 1) // L - k0 + 1
            rep = np.repeat(np.arange(batch.num_rows), count)
            first = np.concatenate([[0], np.cumsum(count)[:-1]])
            k = k0[rep] + (np.arange(len(rep)) - np.repeat(first, count))
            piece_start = np.maximum(start[rep], k * L)
            piece_end = np.minimum(start[rep] + length[rep], (k + 1) * L)
            seq_idx = np.empty(len(rep), dtype=np.int64)
            piece_sid = sid[rep]
            for s in np.unique(piece_sid):
                mask = piece_sid == s
                seq_idx[mask] = positions[int(s)][k[mask]]
            take = pa.array(rep)
            yield pa.RecordBatch.from_pydict({
                "unit": batch.column("unit").take(take), "row": batch.column("row").take(take),
                "doc_id": batch.column("doc_id").take(take), "source_id": batch.column("source_id").take(take),
                "copy": batch.column("layer").take(take),
                "doc_offset": pa.array(piece_start - start[rep], pa.int32()),
                "length": pa.array(piece_end - piece_start, pa.int32()),
                "doc_tokens": batch.column("n_tokens").take(take),
                "seq_idx": pa.array(seq_idx, pa.int64()),
                "row_offset": pa.array(piece_start - k * L, pa.int32()),
                "shard": pa.array(seq_idx // self.shard_rows, pa.int32()),
            }, schema=_PIECES_SCHEMA)


class _SliceTokens:
    """mapInArrow over pieces sorted by (unit, row): read each cache unit once, cut out the pieces' tokens."""

    def __init__(self, units: list[ReadUnit], store: storage.Storage) -> None:
        self.units, self.store = units, store

    def __call__(self, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        loaded_unit, doc_ids, offsets, values = -1, None, None, None
        for batch in batches:
            unit = batch.column("unit").to_numpy()
            cuts = np.concatenate([[0], np.flatnonzero(np.diff(unit)) + 1, [batch.num_rows]])
            for a, b in zip(cuts[:-1], cuts[1:]):
                if b <= a:
                    continue
                if unit[a] != loaded_unit:
                    loaded_unit = int(unit[a])
                    doc_ids, offsets, values = self._load(loaded_unit)
                for c in range(a, b, _PIECES_PER_BATCH):
                    yield self._slice(batch.slice(c, min(b, c + _PIECES_PER_BATCH) - c), doc_ids, offsets, values)

    def _load(self, unit_id: int) -> tuple[pa.Array, np.ndarray, np.ndarray]:
        table = pa.concat_tables(read_unit(self.store, self.units[unit_id], ["doc_id", "tokens"]))
        tokens = table.column("tokens").combine_chunks()
        offsets = tokens.offsets.to_numpy().astype(np.int64)
        values = tokens.values.to_numpy()
        return table.column("doc_id").combine_chunks(), offsets, values

    def _slice(self, pieces: pa.RecordBatch, doc_ids: pa.Array, offsets: np.ndarray,
               values: np.ndarray) -> pa.RecordBatch:
        row = pieces.column("row").to_numpy()
        if not pc.all(pc.equal(doc_ids.take(pa.array(row)), pieces.column("doc_id"))).as_py():
            raise RuntimeError("token cache does not match the planned documents (changed since tokenize ran?)")
        length = pieces.column("length").to_numpy().astype(np.int64)
        starts = offsets[row] + pieces.column("doc_offset").to_numpy()
        out_offsets = np.concatenate([[0], np.cumsum(length)])
        index = np.repeat(starts - out_offsets[:-1], length) + np.arange(out_offsets[-1])
        tokens = pa.ListArray.from_arrays(pa.array(out_offsets, pa.int32()), pa.array(values[index], pa.int32()))
        return pa.RecordBatch.from_pydict({
            "shard": pieces.column("shard"), "seq_idx": pieces.column("seq_idx"),
            "row_offset": pieces.column("row_offset"), "length": pieces.column("length"), "tokens": tokens,
            "doc_id": pieces.column("doc_id"), "source_id": pieces.column("source_id"),
            "copy": pieces.column("copy"), "doc_offset": pieces.column("doc_offset"),
            "doc_tokens": pieces.column("doc_tokens"),
        }, schema=_SLICES_SCHEMA)


@dataclass(frozen=True)
class ShardLayout:
    total_rows: int
    seq_len: int
    shard_rows: int
    row_group_rows: int
    num_shards: int
    run_id: str
    tokenizer_sha256: str
    eos_id: int
    bos_id: int | None
    vocab_size: int
    sources_json: str

    def name(self, shard: int) -> str:
        return f"shard-{shard:06d}-of-{self.num_shards:06d}.parquet"

    def first_row(self, shard: int) -> int:
        return shard * self.shard_rows

    def rows_in(self, shard: int) -> int:
        return min(self.total_rows, (shard + 1) * self.shard_rows) - shard * self.shard_rows


class _ShardWriter:
    """mapInArrow over pieces sorted by (shard, seq_idx, row_offset): writes shards + provenance, stats out."""

    def __init__(self, layout: ShardLayout, store: storage.Storage, root: str, sequence: Any) -> None:
        self.layout, self.store, self.root, self.sequence = layout, store, root, sequence

    def __call__(self, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        current: _Shard | None = None
        done = []
        for batch in batches:
            shard = batch.column("shard").to_numpy()
            cuts = np.concatenate([[0], np.flatnonzero(np.diff(shard)) + 1, [batch.num_rows]])
            for a, b in zip(cuts[:-1], cuts[1:]):
                if b <= a:
                    continue
                if current is None or current.index != shard[a]:
                    if current is not None:
                        done.append(current.close())
                    current = _Shard(int(shard[a]), self.layout, self.store, self.root, self.sequence.value)
                current.add(batch.slice(a, b - a))
        if current is not None:
            done.append(current.close())
        if done:
            yield pa.RecordBatch.from_pydict({"stats": [json.dumps(d) for d in done]})


class _Shard:
    """One shard and its provenance file, written row group by row group at fixed seq_idx boundaries."""

    def __init__(self, index: int, layout: ShardLayout, store: storage.Storage, root: str, sequence: np.ndarray):
        self.index, self.layout, self.sequence = index, layout, sequence
        self.first = layout.first_row(index)
        self.expected_rows = layout.rows_in(index)
        name = layout.name(index)
        metadata = shard_metadata(
            run_id=layout.run_id, seq_len=layout.seq_len, tokenizer_sha256=layout.tokenizer_sha256,
            eos_id=layout.eos_id, bos_id=layout.bos_id, vocab_size=layout.vocab_size, shard_index=index,
            num_shards=layout.num_shards, first_seq_idx=self.first, sources_json=layout.sources_json)
        self.shard = _ParquetOut(store, root, f"{SHARDS_DIR}/{name}", SHARD_SCHEMA.with_metadata(metadata))
        self.prov = _ParquetOut(store, root, f"{PROVENANCE_DIR}/{name}", PROVENANCE_SCHEMA)
        self.pending: list[pa.RecordBatch] = []
        self.pending_group = -1
        self.stats: dict[str, Any] = {
            "shard": index, "rows": 0, "rows_in_range": 0, "bad_length_rows": 0, "missing_rows": 0,
            "mixed_source_rows": 0,
            "off_plan_rows": 0, "eos": 0, "bos": 0, "docs_ended": 0, "docs_started": 0, "pieces": 0,
            "max_token_id": -1, "min_token_id": 1 << 31, "tokens_by_source": {},
        }

    def add(self, pieces: pa.RecordBatch) -> None:
        group = (pieces.column("seq_idx").to_numpy() - self.first) // self.layout.row_group_rows
        cuts = np.concatenate([[0], np.flatnonzero(np.diff(group)) + 1, [pieces.num_rows]])
        for a, b in zip(cuts[:-1], cuts[1:]):
            if b <= a:
                continue
            if group[a] != self.pending_group:
                self._flush()
                self.pending_group = int(group[a])
            self.pending.append(pieces.slice(a, b - a))

    def _flush(self) -> None:
        # NOTE: row groups hold seq_idx [first + g * row_group_rows, ...): fixed by position, not by batching.
        if not self.pending:
            return
        p = pa.Table.from_batches(self.pending).combine_chunks()
        self.pending = []
        seq = p.column("seq_idx").to_numpy()
        row_starts = np.concatenate([[0], np.flatnonzero(np.diff(seq)) + 1])
        row_seq = seq[row_starts]
        length = p.column("length").to_numpy().astype(np.int64)
        row_len = np.add.reduceat(length, row_starts)
        piece_counts = np.diff(np.concatenate([row_starts, [p.num_rows]]))
        sid = p.column("source_id").to_numpy()
        row_sid = sid[row_starts]
        values = pc.list_flatten(p.column("tokens")).to_numpy()
        token_offsets = np.concatenate([[0], np.cumsum(row_len)])
        segment_offsets = np.concatenate([[0], np.cumsum(piece_counts)])
        lo = self.first + self.pending_group * self.layout.row_group_rows
        hi = min(lo + self.layout.row_group_rows, self.first + self.expected_rows)
        rows = pa.table({
            "seq_idx": pa.array(row_seq, pa.int64()),
            "input_ids": pa.ListArray.from_arrays(pa.array(token_offsets, pa.int32()), pa.array(values, pa.int32())),
            "segment_starts": pa.ListArray.from_arrays(pa.array(segment_offsets, pa.int32()),
                                                      p.column("row_offset").combine_chunks()),
            "source_id": pa.array(row_sid, pa.int16()),
        }, schema=self.shard.schema)
        self.shard.write(rows)
        self.prov.write(p.select(PROVENANCE_SCHEMA.names).cast(PROVENANCE_SCHEMA))
        st = self.stats
        st["rows"] += len(row_seq)
        st["bad_length_rows"] += int(np.count_nonzero(row_len != self.layout.seq_len))
        st["rows_in_range"] += int(np.count_nonzero((row_seq >= lo) & (row_seq < hi)))
        mixed = (sid != np.repeat(row_sid, piece_counts)).astype(np.int64)
        st["mixed_source_rows"] += int(np.count_nonzero(np.add.reduceat(mixed, row_starts)))
        st["off_plan_rows"] += int(np.count_nonzero(self.sequence[row_seq] != row_sid))
        st["eos"] += int(np.count_nonzero(values == self.layout.eos_id))
        if self.layout.bos_id is not None:
            st["bos"] += int(np.count_nonzero(values == self.layout.bos_id))
        doc_offset = p.column("doc_offset").to_numpy()
        st["docs_ended"] += int(np.count_nonzero(doc_offset + length == p.column("doc_tokens").to_numpy()))
        st["docs_started"] += int(np.count_nonzero(doc_offset == 0))
        st["pieces"] += p.num_rows
        if len(values):
            st["max_token_id"] = max(st["max_token_id"], int(values.max()))
            st["min_token_id"] = min(st["min_token_id"], int(values.min()))
        for s in np.unique(row_sid):
            key = str(int(s))
            st["tokens_by_source"][key] = st["tokens_by_source"].get(key, 0) + int(row_len[row_sid == s].sum())

    def close(self) -> dict[str, Any]:
        self._flush()
        st = self.stats
        st["missing_rows"] = self.expected_rows - st.pop("rows_in_range")
        st["file"] = self.shard.close()
        st["provenance"] = self.prov.close()
        return st


class _ParquetOut:
    """A Parquet file written to a local temporary name, hashed, then moved into place."""

    def __init__(self, store: storage.Storage, root: str, rel: str, schema: pa.Schema) -> None:
        self.rel, self.schema = rel, schema
        self.file = StagedParquet(store, root, rel, schema, compression="zstd", use_dictionary=False)
        self.rows = self.row_groups = 0

    def write(self, table: pa.Table) -> None:
        self.file.write_table(table, row_group_size=max(1, table.num_rows))
        self.rows += table.num_rows
        self.row_groups += 1

    def close(self) -> dict[str, Any]:
        size, sha256 = self.file.publish()
        return {"path": self.rel, "rows": self.rows, "bytes": size, "sha256": sha256,
                "row_groups": self.row_groups}
