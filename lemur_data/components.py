"""Connected components of the dedup graph: an array union-find on the driver when the edges fit, a distributed
large-star / small-star (Kiveris et al., "Connected Components in MapReduce and Beyond", 2014) beyond that.

Both label every node with the smallest node id of its component, so their answers are identical by construction
and comparable in tests. Nodes are anything ordered: the dedup stage passes int64 numbers that order like its
document ids (`stages/dedup/candidates.numbered`); edges are undirected pairs.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
from pyspark import StorageLevel
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

log = logging.getLogger(__name__)


def union_find(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(nodes, labels): every node of the edges (a[i], b[i]) and the smallest node of its component.

    Nodes are indexed in sorted order, so "smallest index" is "smallest node"; the root of a set is always its
    smallest member (union by minimum, path halving).
    """
    nodes, inverse = np.unique(np.concatenate([a, b]), return_inverse=True)
    parent = list(range(len(nodes)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    n = len(a)
    for x, y in zip(inverse[:n].tolist(), inverse[n:].tolist()):
        rx, ry = find(x), find(y)
        if rx != ry:
            if rx < ry:
                parent[ry] = rx
            else:
                parent[rx] = ry
    roots = np.fromiter((find(i) for i in range(len(nodes))), dtype=np.int64, count=len(nodes))
    return nodes, nodes[roots]


@dataclass
class StarResult:
    labels: DataFrame  # (node, component)
    iterations: int


def large_star_small_star(spark: SparkSession, edges: DataFrame, *, checkpoint_dir: str | None = None,
                          max_iterations: int = 100) -> StarResult:
    """Components of `edges` (columns a, b) on Spark: alternate large-star and small-star until every component is
    a star around its smallest node. Each round's edges are checkpointed so the lineage (and the plan) stays short.
    """
    if checkpoint_dir:
        spark.sparkContext.setCheckpointDir(checkpoint_dir)
    current = _checkpoint(_oriented(edges.select(F.col("a").alias("u"), F.col("b").alias("v"))), checkpoint_dir)
    for iteration in range(1, max_iterations + 1):
        current = _checkpoint(_small_star(_large_star(current)), checkpoint_dir)
        if _is_star_forest(current):
            labels = current.select(F.col("u").alias("node"), F.col("v").alias("component")).unionByName(
                current.select(F.col("v").alias("node"), F.col("v").alias("component"))).distinct()
            return StarResult(labels, iteration)
        log.info("dedup: large-star / small-star round %d not converged yet", iteration)
    raise RuntimeError(f"connected components did not converge in {max_iterations} large-star / small-star rounds")


def _oriented(e: DataFrame) -> DataFrame:
    """Edges as (u, v) with u > v, no self loops, no repeats."""
    return (e.where(F.col("u") != F.col("v"))
            .select(F.greatest("u", "v").alias("u"), F.least("u", "v").alias("v")).distinct())


def _large_star(e: DataFrame) -> DataFrame:
    """Each node u links every larger neighbour to the smallest node of u's closed neighbourhood."""
    both = e.unionByName(e.select(F.col("v").alias("u"), F.col("u").alias("v")))
    smallest = both.groupBy("u").agg(F.least(F.min("v"), F.first("u")).alias("m"))
    out = both.join(smallest, "u").where(F.col("v") > F.col("u")).select(F.col("v").alias("u"), F.col("m").alias("v"))
    return _oriented(out)


def _small_star(e: DataFrame) -> DataFrame:
    """Each node u links itself and its smaller neighbours to the smallest of them."""
    smallest = e.groupBy("u").agg(F.min("v").alias("m"))
    linked = e.join(smallest, "u")
    out = linked.select(F.col("v").alias("u"), F.col("m").alias("v")).unionByName(
        smallest.select(F.col("u"), F.col("m").alias("v")))
    return _oriented(out)


def _is_star_forest(e: DataFrame) -> bool:
    """Converged when no node has two parents and no parent has a parent itself."""
    centres = e.select(F.col("v").alias("c")).distinct()
    leaves = e.select(F.col("u").alias("c"))
    if e.groupBy("u").count().where(F.col("count") > 1).limit(1).count():
        return False
    return centres.join(leaves, "c").limit(1).count() == 0


def _checkpoint(df: DataFrame, checkpoint_dir: str | None) -> DataFrame:
    # NOTE: a reliable checkpoint (shared directory) survives executor loss on a cluster; without one the local
    # checkpoint still truncates the lineage, which is what keeps 30+ rounds from re-planning the whole history.
    if checkpoint_dir:
        return df.persist(StorageLevel.MEMORY_AND_DISK).checkpoint(eager=True)
    return df.localCheckpoint(eager=True)
