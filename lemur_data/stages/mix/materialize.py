"""One mix run on the driver: the plan file, then the Spark jobs of steps 1-5 in order."""

from __future__ import annotations

import json
import math
import time
from dataclasses import dataclass
from typing import Any

import numpy as np
from pyspark import StorageLevel
from pyspark.sql import functions as F

from lemur_data import mixture
from lemur_data.datasets import main_files, read_units
from lemur_data.mixture import MixPlan
from lemur_data.schema import spark_ddl
from lemur_data.stage import RunContext
from lemur_data.stages.mix.pieces import PIECES_SCHEMA, SLICES_SCHEMA, Pieces, SliceTokens
from lemur_data.stages.mix.sections import MixOutcome, manifest_sections
from lemur_data.stages.mix.selection import (
    COPIES_SCHEMA, KEYS_SCHEMA, LayerKeys, StreamOffsets, bucket_offsets, selection_stats, streams_of, typed)
from lemur_data.stages.mix.shards import PLAN_FILE, ShardLayout, ShardWriter

_DOCS_PER_BUCKET = 100_000


@dataclass(frozen=True)
class MixInputs:
    upstream_stage: str
    upstream: dict[str, Any]
    plan: MixPlan


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
                .mapInArrow(LayerKeys(units, store, source_ids, self.streams, plan.seed, bits),
                            spark_ddl(KEYS_SCHEMA))
                .persist(StorageLevel.MEMORY_AND_DISK))
        totals = keys.groupBy("source_id", "layer", "bucket").agg(
            F.sum("n_tokens").alias("tokens"), F.count(F.lit(1)).alias("docs")).collect()
        offsets, found = bucket_offsets(totals, self.streams)
        copies = (keys.groupBy("source_id", "layer", "bucket")
                  .applyInArrow(typed(StreamOffsets(offsets, self.streams)), spark_ddl(COPIES_SCHEMA))
                  .persist(StorageLevel.MEMORY_AND_DISK))
        selection = selection_stats(copies, self.streams)
        self.timings["select_s"] = time.monotonic() - t1

        t2 = time.monotonic()
        shared_positions = sc.broadcast({sid: np.flatnonzero(sequence == sid) for sid in self.streams})
        shared_sequence = sc.broadcast(sequence)
        pieces = copies.filter(F.col("length") > 0).mapInArrow(
            Pieces(shared_positions, plan.seq_len, self.cfg.mix.shard_rows), spark_ddl(PIECES_SCHEMA))
        slices = (pieces.repartition(max(1, min(len(units), 2000)), "unit")
                  .sortWithinPartitions("unit", "row", "copy", "doc_offset")
                  .mapInArrow(SliceTokens(units, store), spark_ddl(SLICES_SCHEMA)))
        writer = ShardWriter(self._shard_layout(), store, self.cfg.output, shared_sequence)
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
        repository_sources = tuple(self.inputs.upstream.get("repositories", {}).get("sources", ()))
        outcome = MixOutcome(found, selection, shard_stats, interleave_info, plan_bytes, self.timings,
                             repository_sources)
        return manifest_sections(plan, self.tok, self.cfg.mix, self.n_shards, outcome)

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
