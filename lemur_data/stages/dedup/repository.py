"""Repository-level near dedup (`dedup.level: repository`): whole repositories that are near duplicates of each other
(forks, vendored copies, successive releases) keep one; every file of the others is removed as
`repository_near_duplicate`. The file-level steps then run on the files that remain, as with `level: file`.

A thin layer over the file pipeline, not a second one:

* a repository is the (scope, DOC `repo`) of its files (files without `repo` take no part);
* its MinHash signature is the element-wise minimum of its files' signatures, which is exactly the MinHash of the
  union of their shingle sets (each row is a minimum over shingles, and a minimum over a union is the minimum of
  the minima), so its Jaccard estimate is that of the concatenated contents' shingle sets; its band keys come from
  that signature like a file's;
* numbering (`candidates.numbered`), candidates (`candidates.candidate_pairs`), the signature check
  (`candidates.verify`, without the exact grey-zone check: a repository's shingle set is never materialised),
  components and survivors (`survivors`, labels named by `candidates.with_string_ids`) are the file steps' own
  functions on one node per repository;
* a repository is ranked like a file (`survivors.rank_struct`): mean quality of its files, permissive only when
  every file is, its most-starred file's stars, total size, then the repository name.

Earlier runs' indexes hold files, not repositories: repositories are compared within this run only.
"""

from __future__ import annotations

from typing import Any, Iterator

import numpy as np
import pyarrow as pa
from pyspark.sql import DataFrame
from pyspark.sql import functions as F

from lemur_data import minhash
from lemur_data.datasets import ReadUnit
from lemur_data.schema import spark_ddl
from lemur_data.stage import RunContext
from lemur_data.stages.dedup import candidates, survivors
from lemur_data.stages.dedup.docs import with_documents
from lemur_data.stages.dedup.layout import REPOSITORY_NEAR
from lemur_data.stages.dedup.plan import DedupPlan

# One row per repository. n_shingles is the sum over its files (an upper bound of the union's), held to min_shingles.
_REPOSITORY_SCHEMA = pa.schema([
    ("id", pa.string()), ("scope", pa.string()), ("files", pa.int64()), ("n_shingles", pa.int64()),
    ("signature", pa.binary()), ("band_keys", pa.list_(pa.int64())), ("quality", pa.float64()),
    ("permissive", pa.int32()), ("stars", pa.float64()), ("size_bytes", pa.int64()),
])


def removals(ctx: RunContext, plan: DedupPlan, sketches: DataFrame, units: list[ReadUnit]) -> tuple[DataFrame, dict]:
    """The files of repositories that lost to a near-duplicate repository, as decisions (the columns of
    `survivors.decisions`; cluster_id = survivor_id = the surviving repository), and the manifest's figures."""
    dcfg = ctx.cfg.dedup
    files = sketches.select("id", "scope", "unit", "n_shingles", "signature", "quality", "permissive", "stars",
                            "size_bytes").join(_repo_column(ctx, sketches, units), "id")
    # NOTE: the node id names the repository; the scope is prefixed when scopes split the corpus (kind / source).
    files = files.withColumn("node", F.when(F.col("scope") == "", F.col("repo"))
                             .otherwise(F.concat_ws(":", "scope", "repo")))
    repos = files.groupBy("node").applyInArrow(_signature_function(plan.params), spark_ddl(_REPOSITORY_SCHEMA)) \
        .withColumn("earlier", F.lit(1)).withColumn("unit", F.lit(None).cast("int")) \
        .withColumn("exact_rep", F.col("id")).withColumn("exact_rep_earlier", F.lit(1)) \
        .withColumn("rank", survivors.rank_struct(dcfg, F.lit(1))).persist()
    numbered = candidates.numbered(repos.where(F.col("n_shingles") >= dcfg.min_shingles)).persist()
    pairs = candidates.candidate_pairs(numbered, dcfg.max_bucket_pivots)
    signature_only = ctx.cfg.model_copy(update={"dedup": dcfg.model_copy(update={"exact_check_margin": 0.0})})
    edges, checked, verify_cached = candidates.verify(ctx.store, signature_only, plan, pairs, numbered, units)
    node_labels, cc = survivors.connected_components(ctx.spark, edges, dcfg)
    labels = candidates.with_string_ids(node_labels, numbered)
    lost = survivors.decisions(repos, labels).where(F.col("match_kind").isNotNull()) \
        .select(F.col("id").alias("node"), "survivor_id", "cluster_size")
    removed = files.join(lost, "node").select(
        "id", F.col("survivor_id").alias("cluster_id"), "cluster_size", "survivor_id",
        F.lit(REPOSITORY_NEAR.name).alias("match_kind"), "unit").persist()
    totals = repos.agg(F.count("*").alias("repositories"), F.sum("files").alias("files")).first()
    figures = {"repositories": totals["repositories"], "files_in_repositories": totals["files"] or 0,
               "candidate_pairs": checked["pairs"], "edges": cc["edges"], "removed_repositories": lost.count(),
               "removed_docs": removed.count()}
    for df in (repos, numbered, *verify_cached):
        df.unpersist()
    return removed, figures


def _repo_column(ctx: RunContext, sketches: DataFrame, units: list[ReadUnit]) -> DataFrame:
    """(id, repo) of the files that have a repository, read by read unit (only the `repo` column)."""
    return with_documents(sketches.select("id", "unit"), units, ctx.store, ["repo"], _repo_of,
                          "id string, repo string").where(F.col("repo").isNotNull() & (F.col("repo") != ""))


def _repo_of(asked: pa.Table, docs: pa.Table) -> Iterator[pa.RecordBatch]:
    yield from docs.select(["id", "repo"]).to_batches()


def _signature_function(params: minhash.MinHashParams):
    """applyInArrow per repository: one row with the MinHash of the union and the ranking fields."""

    def repository(table: pa.Table) -> pa.Table:
        # NOTE: sorted by id so the mean quality sums in the same order under any partitioning (byte-identical).
        table = table.sort_by("id")
        n = table.num_rows
        sig = np.frombuffer(b"".join(table.column("signature").to_pylist()), np.uint32).reshape(n, params.num_perm)
        union = sig.min(axis=0, keepdims=True)
        quality = [q for q in table.column("quality").to_pylist() if q is not None]
        stars = [s for s in table.column("stars").to_pylist() if s is not None]
        row: dict[str, Any] = {
            "id": table.column("node")[0].as_py(), "scope": table.column("scope")[0].as_py(), "files": n,
            "n_shingles": int(np.sum(table.column("n_shingles").to_numpy())), "signature": union.tobytes(),
            "band_keys": minhash.band_keys(union, params)[0].tolist(),
            "quality": float(np.mean(quality)) if quality else None,
            "permissive": int(min(table.column("permissive").to_pylist())),
            "stars": max(stars) if stars else None, "size_bytes": int(np.sum(table.column("size_bytes").to_numpy())),
        }
        return pa.Table.from_pylist([row], schema=_REPOSITORY_SCHEMA)

    return repository
