"""Survivors: connected components of the verified edges (union-find on the driver when the edges fit, large-star /
small-star on Spark beyond), then per cluster the best member by the configured ranking (earlier, indexed documents
always win: they are already published), each document's decision, and the cluster statistics of the manifest."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pyarrow as pa
from pyspark.sql import DataFrame, SparkSession, Window
from pyspark.sql import functions as F

from lemur_data import components
from lemur_data.config import DedupConfig
from lemur_data.stages.dedup.layout import EXACT, EXACT_INDEXED, INDEXED_PREFIX, NEAR, NEAR_INDEXED

_LARGEST_CLUSTERS = 10
_EXAMPLES_PER_CLUSTER = 5


def rank_struct(cfg: DedupConfig, earlier: F.Column) -> F.Column:
    """An ascending sort key: the minimum of a cluster is its survivor. Missing values rank last."""
    inf = F.lit(float("inf"))
    keys = {
        "quality": F.coalesce(-F.col("quality"), inf),
        "license": -F.col("permissive"),
        "stars": F.coalesce(-F.col("stars"), inf),
        "length": -F.col("size_bytes"),
    }
    fields = [earlier.alias("r_earlier")]
    fields += [keys[k].alias(f"r_{k}") for k in cfg.ranking if k != "id"]
    fields += [F.col("id").alias("r_id")]
    return F.struct(*fields)



def connected_components(spark: SparkSession, edges: DataFrame, dcfg: DedupConfig) -> tuple[DataFrame, dict]:
    """(node, component) for every node with an edge (int64 nodes); component = the smallest node in it."""
    table = edges.select("a", "b").limit(dcfg.driver_max_edges + 1).toArrow() if dcfg.driver_max_edges else None
    if table is not None and table.num_rows <= dcfg.driver_max_edges:
        n_edges = table.num_rows
        a = table.column("a").to_numpy()
        b = table.column("b").to_numpy()
        nodes, labels = components.union_find(a, b) if n_edges else (np.array([], np.int64), np.array([], np.int64))
        frame = pa.table({"node": pa.array(nodes, pa.int64()), "component": pa.array(labels, pa.int64())})
        return _arrow_frame(spark, frame), {"method": "driver_union_find", "edges": n_edges, "iterations": None}
    result = components.large_star_small_star(spark, edges.select("a", "b"), checkpoint_dir=dcfg.checkpoint_dir)
    return result.labels, {"method": "large_star_small_star", "edges": edges.count(),
                           "iterations": result.iterations}


def _arrow_frame(spark: SparkSession, table: pa.Table) -> DataFrame:
    if table.num_rows == 0:
        return spark.createDataFrame([], "node bigint, component bigint")
    return spark.createDataFrame(table.to_pandas(), "node bigint, component bigint")


def decisions(nodes: DataFrame, labels: DataFrame) -> DataFrame:
    """Per new document: cluster_id (= survivor id), cluster_size, survivor_id, and its match kind if removed.
    `labels` name documents by id (`candidates.with_string_ids`)."""
    member = nodes.join(labels.withColumnRenamed("node", "exact_rep"), "exact_rep", "left") \
        .withColumn("root", F.coalesce("component", "exact_rep"))
    clusters = member.groupBy("root").agg(F.min("rank").alias("best"), F.count("*").alias("cluster_size"))
    out = member.join(clusters, "root").where(F.col("earlier") == 1)
    # NOTE: "exact" = an identical copy of its exact group's representative (removed by the exact step, whoever
    # survives the cluster); "near" = a group representative that lost to a near duplicate.
    kind = (F.when(F.col("id") == F.col("best.r_id"), F.lit(None).cast("string"))
            .when((F.col("id") != F.col("exact_rep")) & (F.col("exact_rep_earlier") == 0), EXACT_INDEXED.name)
            .when(F.col("id") != F.col("exact_rep"), EXACT.name)
            .when(F.col("best.r_earlier") == 0, NEAR_INDEXED.name)
            .otherwise(NEAR.name))
    survivor = F.regexp_replace(F.col("best.r_id"), "^" + re.escape(INDEXED_PREFIX), "")
    return out.select("id", survivor.alias("cluster_id"), "cluster_size", survivor.alias("survivor_id"),
                      kind.alias("match_kind"), "unit")


def cluster_stats(decisions: DataFrame, sketches: DataFrame) -> dict[str, Any]:
    sizes = decisions.groupBy("cluster_id").agg(
        F.max("cluster_size").alias("size"),
        F.min(F.when(F.col("match_kind").isNull(), 0).otherwise(1)).alias("no_new_survivor"))
    hist_rows = sizes.groupBy("size", "no_new_survivor").count().collect()
    histogram: dict[str, int] = {}
    for row in sorted(hist_rows, key=lambda r: r["size"]):
        label = _size_bucket(row["size"])
        histogram[label] = histogram.get(label, 0) + row["count"]
    largest = sizes.where(F.col("size") > 1).orderBy(F.col("size").desc(), "cluster_id").limit(_LARGEST_CLUSTERS)
    top = [(r["cluster_id"], r["size"]) for r in largest.collect()]
    examples: dict[str, list[tuple[str, str, str]]] = {cid: [] for cid, _ in top}
    if top:
        # NOTE: the survivor and the first examples by locator are picked in Spark: a cluster of millions of
        # copies sends 1 + _EXAMPLES_PER_CLUSTER rows to the driver, not its members.
        order = Window.partitionBy("cluster_id").orderBy(F.col("id") != F.col("cluster_id"), "locator", "source", "id")
        members = decisions.where(F.col("cluster_id").isin(list(examples))) \
            .join(sketches.select("id", "source", "locator"), "id") \
            .withColumn("rn", F.row_number().over(order)).where(F.col("rn") <= 1 + _EXAMPLES_PER_CLUSTER) \
            .select("cluster_id", "id", "source", "locator").collect()
        for r in members:
            examples[r["cluster_id"]].append((r["id"], r["source"], r["locator"]))
    largest_out = []
    for cid, size in top:
        rows = sorted(examples[cid], key=lambda x: (x[0] != cid, x[2], x[1], x[0]))
        survivor = next((r for r in rows if r[0] == cid), None)
        largest_out.append({
            "cluster_id": cid, "size": size,
            "survivor": {"source": survivor[1], "locator": survivor[2]} if survivor else None,
            "examples": [f"{src}:{locator}" for i, src, locator in rows if i != cid][:_EXAMPLES_PER_CLUSTER],
        })
    return {"clusters": sum(r["count"] for r in hist_rows), "multi_member": sum(r["count"] for r in hist_rows
                                                                                 if r["size"] > 1),
            "histogram": histogram, "largest": largest_out,
            "earlier_survivors": sum(r["count"] for r in hist_rows if r["no_new_survivor"])}


def _size_bucket(size: int) -> str:
    if size <= 2:
        return str(size)
    lo = 1 << (int(size - 1).bit_length() - 1)
    return f"{lo + 1}-{lo * 2}"

