"""Dedup: exact + MinHash-LSH near-duplicate removal with ranked survivors and an incremental index.

Sub-steps (each timed in the manifest):

1. **sketch**: one `mapInArrow` task per upstream row group reads it with pyarrow and computes, per document, a
   normalised-content hash (exact key), the MinHash signature and band keys (native kernel, lemur_data/minhash.py),
   the ranking fields and its read unit. The result is narrow (no text) and persisted; text is read again, by read
   unit (docs.py), only for the grey-zone check and to write the outputs.
2. **exact**: documents with the same (scope, exact key) form a group; its best-ranked member represents it.
3. **candidates**: band rows of the exact representatives that have at least `min_shingles` shingles (plus the
   earlier index's representatives), numbered by id (int64 nodes in id order: band rows, pairs, edges and labels
   carry 8 bytes, not a 64-character id), are shuffled by bucket, packed as native arrays (a few Spark rows per
   slot, not one per band row), and paired in numpy per partition:
   each member with at most `max_bucket_pivots` of its bucket's smallest nodes, so a hot bucket costs linear work,
   never all pairs and never a collect_list.
4. **verify**: a candidate is an edge when the Jaccard estimated from the full signature reaches the threshold;
   within `exact_check_margin` of it the exact shingle Jaccard decides.
5. **components**: union-find on the driver when the edges fit, large-star / small-star on Spark beyond.
6. **survivors**: a cluster is a component of exact groups; its survivor is the best by the configured ranking
   (earlier, indexed documents always win: they are already published).
7. **write**: `deduped/` (kept documents + cluster_id / cluster_size), `dedup-removed/` (+ survivor_id and the
   match kind as reason), `dedup-index/` (the kept documents' band keys and signatures, for later runs).
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from typing import Any

from pyspark import StorageLevel
from pyspark.sql import Window
from pyspark.sql import functions as F

from lemur_data.datasets import main_files, read_units, unit_numbers
from lemur_data.stage import Prepared, RunContext
from lemur_data.schema import spark_ddl
from lemur_data.stages.dedup import candidates, repository, survivors
from lemur_data.stages.dedup.inspect import format_members, inspect_cluster, members_json
from lemur_data.stages.dedup.layout import (DIRS, EXACT, EXACT_INDEXED, INDEX_DIR, INDEX_SCHEMA, KEPT_SCHEMA, NEAR,
                                            NEAR_INDEXED, OUTPUT_DIR, REMOVED_DIR, REMOVED_SCHEMA, WRITE_LAYOUT)
from lemur_data.stages.dedup.plan import DedupPlan, IndexFile, earlier_indexes, minhash_params, params_section
from lemur_data.stages.dedup.sketch import SKETCH_UNIT_SCHEMA, SketchFilesTask, SketchTask, exact_key
from lemur_data.stages.dedup.write import sections, write

__all__ = ["DedupStage", "DedupPlan", "IndexFile", "minhash_params", "params_section", "exact_key", "inspect_cluster",
           "format_members", "members_json", "OUTPUT_DIR", "REMOVED_DIR", "INDEX_DIR", "KEPT_SCHEMA",
           "REMOVED_SCHEMA", "INDEX_SCHEMA", "EXACT", "NEAR", "EXACT_INDEXED", "NEAR_INDEXED"]


@dataclass
class Timer:
    timings: dict[str, float] = field(default_factory=dict)
    _t0: float = field(default_factory=time.monotonic)

    def lap(self, name: str) -> None:
        now = time.monotonic()
        self.timings[f"{name}_s"] = round(now - self._t0, 3)
        self._t0 = now


class DedupStage:
    name = "dedup"
    dirs = DIRS
    config_keys = ("dedup",)

    def prepare(self, ctx: RunContext) -> Prepared:
        upstream_name = ctx.previous_stage(self.name)
        upstream, upstream_sha, upstream_uri = ctx.upstream(upstream_name)
        params = minhash_params(ctx.cfg.dedup)
        index_files, earlier = earlier_indexes(ctx, params)
        fingerprint = hashlib.sha256(
            "\n".join([upstream_sha, *(f"{e['manifest_sha256']}" for e in earlier), f"write-layout {WRITE_LAYOUT}"])
            .encode()).hexdigest()
        inputs = {"upstream": [{"stage": upstream_name, "uri": upstream_uri, "sha256": upstream_sha}]
                  + [{"stage": "dedup", "uri": e["uri"], "sha256": e["manifest_sha256"]} for e in earlier]}
        return Prepared(fingerprint, inputs, DedupPlan(upstream, params, index_files, earlier))

    def execute(self, ctx: RunContext, prepared: Prepared) -> dict[str, Any]:
        plan: DedupPlan = prepared.plan
        return run_dedup(ctx, plan)



def run_dedup(ctx: RunContext, plan: DedupPlan) -> dict[str, Any]:
    cfg, spark, store = ctx.cfg, ctx.spark, ctx.store
    dcfg, params = cfg.dedup, plan.params
    timer = Timer()

    # NOTE: one read unit per upstream row group: small enough units to keep every core hashing even with few big
    # files; unit_numbers runs several of them per task in local mode (a Python task has a fixed cost).
    units = read_units(cfg.output, main_files(plan.upstream_manifest), row_groups_per_unit=1)
    task = SketchFilesTask(units, store, SketchTask(dcfg, params))
    sketches = unit_numbers(spark, len(units)) \
        .mapInArrow(task, spark_ddl(SKETCH_UNIT_SCHEMA)).withColumn("earlier", F.lit(1)).persist(StorageLevel.MEMORY_AND_DISK)
    totals = sketches.agg(F.count("*").alias("docs"),
                          F.sum(F.when(F.col("n_shingles") < dcfg.min_shingles, 1).otherwise(0)).alias("short")).first()
    n_in, n_short = totals["docs"], totals["short"] or 0
    timer.lap("sketch")

    # NOTE: level repository: files of near-duplicate repositories leave first; the file steps see the rest.
    by_repository, repo_figures = (repository.removals(ctx, plan, sketches, units) if dcfg.level == "repository"
                                   else (None, None))
    remaining = sketches if by_repository is None else sketches.join(by_repository.select("id"), "id", "left_anti")
    timer.lap("repositories")

    nodes = remaining.select("id", "scope", "exact_key", "n_shingles", "signature", "band_keys", "earlier",
                            "quality", "permissive", "stars", "size_bytes", "unit")
    if plan.index_files:
        nodes = nodes.unionByName(candidates.read_index(spark, store, plan.index_files))
    nodes = nodes.withColumn("rank", survivors.rank_struct(dcfg, F.col("earlier")))

    # exact: every document points at the best-ranked member of its (scope, exact key) group
    # NOTE: a window, not a join with the groups' aggregate: the wide rows (signatures) cross one shuffle, once.
    # scope and exact_key are never null (DOC_SCHEMA, the sketch), so every document is in a group.
    group_best = F.min("rank").over(Window.partitionBy("scope", "exact_key"))
    nodes = nodes.withColumn("group_best", group_best) \
        .withColumn("exact_rep", F.col("group_best.r_id")) \
        .withColumn("exact_rep_earlier", F.col("group_best.r_earlier")) \
        .drop("group_best").persist(StorageLevel.MEMORY_AND_DISK)
    reps = nodes.where((F.col("id") == F.col("exact_rep")) & (F.col("n_shingles") >= dcfg.min_shingles))
    timer.lap("exact")

    numbered = candidates.numbered(reps).persist(StorageLevel.MEMORY_AND_DISK)
    pairs = candidates.candidate_pairs(numbered, dcfg.max_bucket_pivots).persist(StorageLevel.MEMORY_AND_DISK)
    edges, verify_stats, verify_cached = candidates.verify(store, cfg, plan, pairs, numbered, units)
    edges = edges.persist(StorageLevel.MEMORY_AND_DISK)
    timer.lap("candidates_and_verify")

    node_labels, cc_stats = survivors.connected_components(spark, edges, dcfg)
    labels = candidates.with_string_ids(node_labels, numbered)
    timer.lap("components")

    decisions = survivors.decisions(nodes, labels).persist(StorageLevel.MEMORY_AND_DISK)
    cluster_stats = survivors.cluster_stats(decisions, sketches)
    timer.lap("survivors")

    decided = decisions if by_repository is None else decisions.unionByName(by_repository)
    result = write(ctx, plan, decided, sketches, units, dcfg)
    timer.lap("write")

    # NOTE: every persisted frame is released: a long session (benchmarks, notebooks) would otherwise keep them and
    # a later run on the same inputs would find them in Spark's cache.
    by_repository_cached = [by_repository] if by_repository is not None else []
    for df in (sketches, nodes, numbered, pairs, edges, decisions, *verify_cached, *by_repository_cached):
        df.unpersist()
    verify_stats["pairs"] = verify_stats["pairs"] if verify_stats["pairs"] is not None else cc_stats["edges"]
    return sections(cfg, plan, result, n_in, n_short, verify_stats, cc_stats, cluster_stats, timer.timings,
                    repo_figures)

