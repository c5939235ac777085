"""Dedup: exact + MinHash-LSH near-duplicate removal with ranked survivors and an incremental index.

Sub-steps (each timed in the manifest):

1. **sketch**: one `mapInArrow` pass over the upstream documents computes, per document, a normalised-content hash
   (exact key), the MinHash signature and band keys (native kernel, lemur_data/minhash.py) and the ranking fields.
   The result is narrow (no text) and persisted; the text is read again only to write the outputs.
2. **exact**: documents with the same (scope, exact key) form a group; its best-ranked member represents it.
3. **candidates**: band rows of the exact representatives that have at least `min_shingles` shingles (plus the
   earlier index's representatives) are grouped by (scope, band, key) with DataFrame operations: each member is
   paired with at most `max_bucket_pivots` of its bucket's smallest ids, so a hot bucket costs linear work, never
   all pairs and never a collect_list.
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
import json
import logging
import re
import time
from dataclasses import dataclass, field
from typing import Any, Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import xxhash
from pyspark import StorageLevel
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

from lemur_data import components, minhash, reasons, storage
from lemur_data import manifest as mf
from lemur_data.config import ConfigError, DatasetManifest, DedupConfig
from lemur_data.datasets import main_files, read_parquet_files
from lemur_data.reasons import Reason
from lemur_data.stage import Prepared, RunContext
from lemur_data.schema import DOC_SCHEMA, extend_schema, spark_ddl
from lemur_data.writer import DEST, WriteResult, bucket_counts, write_partitioned

log = logging.getLogger(__name__)

OUTPUT_DIR = "deduped"
REMOVED_DIR = "dedup-removed"
INDEX_DIR = "dedup-index"

EXACT = reasons.register(Reason("exact_duplicate", "skip", "same normalised content as another document (its "
                                "exact group's representative); survivor_id names its cluster's survivor"))
NEAR = reasons.register(Reason("near_duplicate", "skip", "MinHash near duplicate (Jaccard >= threshold) of "
                               "its cluster's survivor"))
EXACT_INDEXED = reasons.register(Reason("exact_duplicate_of_indexed", "skip", "same normalised content as a "
                                        "document of an earlier run's dedup index"))
NEAR_INDEXED = reasons.register(Reason("near_duplicate_of_indexed", "skip", "near duplicate of a document of an "
                                       "earlier run's dedup index"))

KEPT_SCHEMA = extend_schema(DOC_SCHEMA, pa.field("cluster_id", pa.string(), nullable=False),
                            pa.field("cluster_size", pa.int64(), nullable=False))
REMOVED_SCHEMA = extend_schema(KEPT_SCHEMA, pa.field("survivor_id", pa.string(), nullable=False),
                               pa.field("match_kind", pa.string(), nullable=False))
# NOTE: the index keeps one row per representative: band i's key is band_keys[i]; the signature lets a later run
# verify candidates against it without re-reading or re-hashing the old documents.
INDEX_SCHEMA = pa.schema([
    pa.field("id", pa.string(), nullable=False), pa.field("kind", pa.string(), nullable=False),
    pa.field("source", pa.string(), nullable=False), pa.field("lang", pa.string(), nullable=False),
    pa.field("locator", pa.string(), nullable=False), pa.field("size_bytes", pa.int64(), nullable=False),
    pa.field("scope", pa.string(), nullable=False), pa.field("exact_key", pa.binary(), nullable=False),
    pa.field("n_shingles", pa.int64(), nullable=False), pa.field("signature", pa.binary(), nullable=False),
    pa.field("band_keys", pa.list_(pa.int64()), nullable=False),
])
# The narrow per-document row of the sketch pass.
SKETCH_SCHEMA = pa.schema([
    ("id", pa.string()), ("kind", pa.string()), ("source", pa.string()), ("lang", pa.string()),
    ("locator", pa.string()), ("size_bytes", pa.int64()), ("scope", pa.string()), ("exact_key", pa.binary()),
    ("n_shingles", pa.int64()), ("signature", pa.binary()), ("band_keys", pa.list_(pa.int64())),
    ("quality", pa.float64()), ("permissive", pa.int32()), ("stars", pa.float64()),
])
INDEXED_PREFIX = "^"
_LARGEST_CLUSTERS = 10
_EXAMPLES_PER_CLUSTER = 5
_INDEX_PARAM_KEYS = ("num_perm", "bands", "rows", "seed", "hash", "code_shingles", "text_shingles", "scope")


@dataclass(frozen=True)
class IndexFile:
    """One Parquet file of an earlier dedup index (root + path relative to it, as in that run's manifest)."""

    root: str
    path: str
    rows: int
    bytes: int
    sha256: str
    row_groups: int

    def to_json(self) -> dict[str, Any]:
        return {"root": self.root, "path": self.path, "rows": self.rows, "bytes": self.bytes, "sha256": self.sha256,
                "row_groups": self.row_groups}


@dataclass
class DedupPlan:
    upstream_manifest: dict[str, Any]
    params: minhash.MinHashParams
    index_files: list[IndexFile]
    earlier: list[dict[str, Any]]


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
    dirs = (OUTPUT_DIR, REMOVED_DIR, INDEX_DIR)
    config_keys = ("dedup",)

    def prepare(self, ctx: RunContext) -> Prepared:
        upstream_name = ctx.previous_stage(self.name)
        upstream, upstream_sha, upstream_uri = ctx.upstream(upstream_name)
        params = minhash_params(ctx.cfg.dedup)
        index_files, earlier = _earlier_indexes(ctx, params)
        fingerprint = hashlib.sha256(
            "\n".join([upstream_sha, *(f"{e['manifest_sha256']}" for e in earlier)]).encode()).hexdigest()
        inputs = {"upstream": [{"stage": upstream_name, "uri": upstream_uri, "sha256": upstream_sha}]
                  + [{"stage": "dedup", "uri": e["uri"], "sha256": e["manifest_sha256"]} for e in earlier]}
        return Prepared(fingerprint, inputs, DedupPlan(upstream, params, index_files, earlier))

    def execute(self, ctx: RunContext, prepared: Prepared) -> dict[str, Any]:
        plan: DedupPlan = prepared.plan
        return run_dedup(ctx, plan)


def minhash_params(cfg: DedupConfig) -> minhash.MinHashParams:
    if cfg.bands is not None and cfg.rows is not None:
        bands, rows = cfg.bands, cfg.rows
    else:
        bands, rows = minhash.derive_banding(cfg.threshold, cfg.num_perm, cfg.lsh_target_recall)
    return minhash.MinHashParams(
        num_perm=cfg.num_perm, bands=bands, rows=rows, seed=cfg.seed, hash=cfg.hash,
        code=minhash.Shingling(cfg.code_shingles.ngram, cfg.code_shingles.lowercase),
        text=minhash.Shingling(cfg.text_shingles.ngram, cfg.text_shingles.lowercase),
    )


def params_section(cfg: DedupConfig, params: minhash.MinHashParams) -> dict[str, Any]:
    return {
        "num_perm": params.num_perm, "bands": params.bands, "rows": params.rows, "threshold": cfg.threshold,
        "seed": params.seed, "hash": params.hash, "scheme": "datasketch-affine32",
        "code_shingles": {"ngram": params.code.ngram, "lowercase": params.code.lowercase},
        "text_shingles": {"ngram": params.text.ngram, "lowercase": params.text.lowercase},
        "scope": cfg.scope, "min_shingles": cfg.min_shingles, "verify": cfg.verify,
        "exact_check_margin": cfg.exact_check_margin, "max_bucket_pivots": cfg.max_bucket_pivots,
        "lsh_recall_at_threshold": round(minhash.candidate_probability(cfg.threshold, params.bands, params.rows), 6),
        "ranking": list(cfg.ranking), "quality_signal": cfg.quality_signal,
    }


# ------------------------------------------------------------------------------------------ earlier indexes --
def _earlier_indexes(ctx: RunContext, params: minhash.MinHashParams) -> tuple[list[IndexFile], list[dict[str, Any]]]:
    """Index files of the runs named in `dedup.index_from` (and of the runs those were deduped against)."""
    files: dict[tuple[str, str], IndexFile] = {}
    earlier = []
    expected = params_section(ctx.cfg.dedup, params)
    for location in ctx.cfg.dedup.index_from:
        uri, root, found = _find_dedup_manifest(ctx.store, location)
        manifest, sha = found
        theirs = manifest.get("dedup", {}).get("params", {})
        diff = {k: (theirs.get(k), expected[k]) for k in _INDEX_PARAM_KEYS if theirs.get(k) != expected[k]}
        if diff:
            detail = ", ".join(f"{k}: index {a!r} vs this run {b!r}" for k, (a, b) in diff.items())
            raise ConfigError(f"dedup.index_from: {location!r} was built with other MinHash parameters ({detail}); "
                              "expected an index built with the same num_perm, bands, rows, seed, hash, shingles "
                              "and scope")
        own = [IndexFile(root, f["path"], f["rows"], f["bytes"], f["sha256"], f.get("row_groups") or 1)
               for f in manifest["outputs"]["files"] if f["path"].startswith(INDEX_DIR + "/")]
        inherited = [IndexFile(**f) for f in manifest["dedup"]["index"]["inherited"]]
        for f in own + inherited:
            files[(f.root, f.path)] = f
        earlier.append({"uri": uri, "manifest_sha256": sha, "files": len(own), "rows": sum(f.rows for f in own),
                        "inherited_files": len(inherited)})
    return sorted(files.values(), key=lambda f: (f.root, f.path)), earlier


def _find_dedup_manifest(store: storage.Storage, location: str) -> tuple[str, str, tuple[dict[str, Any], str]]:
    """(manifest uri, dataset output root, (manifest, sha256)) for a dataset root or its deduped/ folder."""
    location = location.rstrip("/")
    candidates = [(storage.join(location, OUTPUT_DIR, mf.MANIFEST_NAME), location)]
    if location.endswith("/" + OUTPUT_DIR) or location == OUTPUT_DIR:
        candidates.insert(0, (storage.join(location, mf.MANIFEST_NAME), location[: -len(OUTPUT_DIR)].rstrip("/")))
    for uri, root in candidates:
        found = mf.read(store, uri)
        if found is not None and found[0].get("stage") == "dedup" and found[0].get("status") == "completed":
            return uri, root, found
    raise ConfigError(f"dedup.index_from: {location!r} has no completed dedup run (looked for "
                      f"{' and '.join(u for u, _ in candidates)}); expected a dataset output root or its "
                      f"{OUTPUT_DIR}/ folder")


# -------------------------------------------------------------------------------------------------- sketch --
class _SketchTask:
    """mapInArrow: DOC batches in, one narrow sketch row per document out."""

    def __init__(self, cfg: DedupConfig, params: minhash.MinHashParams) -> None:
        self.cfg, self.params = cfg, params
        self.permissive = frozenset(cfg.permissive_licenses)

    def __call__(self, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        license_cache: dict[str | None, int] = {}
        for batch in batches:
            if batch.num_rows == 0:
                continue
            texts, kinds = batch.column("text"), batch.column("kind")
            sig, counts = minhash.signatures(texts, kinds, self.params)
            keys = minhash.band_keys(sig, self.params)
            n_bands = self.params.bands
            licenses = batch.column("license").to_pylist()
            permissive = [license_cache.setdefault(lic, self._permissive(lic)) for lic in licenses]
            yield pa.RecordBatch.from_arrays([
                batch.column("id"), kinds, batch.column("source"), batch.column("lang"), batch.column("locator"),
                batch.column("size_bytes"), self._scope(batch),
                pa.array([exact_key(t) for t in texts.to_pylist()], pa.binary()),
                pa.array(counts, pa.int64()),
                _binary_rows(sig),
                pa.ListArray.from_arrays(pa.array(np.arange(0, (len(sig) + 1) * n_bands, n_bands, dtype=np.int32)),
                                         pa.array(keys.reshape(-1), pa.int64())),
                _map_value(batch.column("signals"), self.cfg.quality_signal, pa.float64()),
                pa.array(permissive, pa.int32()),
                _map_value(batch.column("meta"), "stars", pa.float64()),
            ], schema=SKETCH_SCHEMA)

    def _scope(self, batch: pa.RecordBatch) -> pa.Array:
        if self.cfg.scope == "global":
            return pa.array([""] * batch.num_rows, pa.string())
        return batch.column(self.cfg.scope)

    def _permissive(self, expression: str | None) -> int:
        """1 when some OR-alternative of the SPDX expression is made only of permissive licenses."""
        if not expression:
            return 0
        for alternative in re.split(r"\s+OR\s+|\s*/\s*|\s*,\s*", expression.replace("(", " ").replace(")", " ")):
            parts = [p.strip() for p in re.split(r"\s+AND\s+|\s+WITH\s+", alternative) if p.strip()]
            if parts and all(p in self.permissive for p in parts):
                return 1
        return 0


def exact_key(text: str) -> bytes:
    """128-bit hash of the normalised content: trailing whitespace of every line (so also CR line ends) and leading /
    trailing blank lines dropped."""
    normalised = "\n".join(map(str.rstrip, text.split("\n"))).strip("\n")
    return xxhash.xxh3_128_digest(normalised.encode("utf-8", "surrogatepass"))


def _binary_rows(matrix: np.ndarray) -> pa.Array:
    """Each row of a 2-D array as one binary value (native-endian bytes)."""
    n, width = matrix.shape[0], matrix.shape[1] * matrix.itemsize
    offsets = np.arange(0, (n + 1) * width, width, dtype=np.int32)
    return pa.Array.from_buffers(pa.binary(), n, [None, pa.py_buffer(offsets), pa.py_buffer(np.ascontiguousarray(matrix))])


def _map_value(column: pa.Array, key: str, type_: pa.DataType) -> pa.Array:
    """map_column[key] per row (null when absent), cast to `type_` (unparseable values become null)."""
    out = []
    for entries in column.to_pylist():
        value = None
        for k, v in entries or ():
            if k == key:
                value = v
                break
        if value is not None and not isinstance(value, float):
            try:
                value = float(value)
            except (TypeError, ValueError):
                value = None
        out.append(value)
    return pa.array(out, type_)


# ------------------------------------------------------------------------------------------------- ranking --
def _rank_struct(cfg: DedupConfig, earlier: F.Column) -> F.Column:
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


# ----------------------------------------------------------------------------------------------------- run --
def run_dedup(ctx: RunContext, plan: DedupPlan) -> dict[str, Any]:
    cfg, spark, store = ctx.cfg, ctx.spark, ctx.store
    dcfg, params = cfg.dedup, plan.params
    timer = Timer()

    docs = read_parquet_files(spark, store, cfg.output, main_files(plan.upstream_manifest))
    tasks = 2 * spark.sparkContext.defaultParallelism
    # NOTE: few big upstream files give few read tasks; spreading the documents by id keeps every core hashing.
    to_sketch = docs if docs.rdd.getNumPartitions() >= tasks else docs.repartition(tasks, "id")
    sketches = to_sketch.mapInArrow(_SketchTask(dcfg, params), spark_ddl(SKETCH_SCHEMA)) \
        .withColumn("earlier", F.lit(1)).persist(StorageLevel.MEMORY_AND_DISK)
    totals = sketches.agg(F.count("*").alias("docs"),
                          F.sum(F.when(F.col("n_shingles") < dcfg.min_shingles, 1).otherwise(0)).alias("short")).first()
    n_in, n_short = totals["docs"], totals["short"] or 0
    timer.lap("sketch")

    nodes = sketches.select("id", "scope", "exact_key", "n_shingles", "signature", "band_keys", "earlier",
                            "quality", "permissive", "stars", "size_bytes")
    if plan.index_files:
        nodes = nodes.unionByName(_read_index(spark, store, plan.index_files))
    nodes = nodes.withColumn("rank", _rank_struct(dcfg, F.col("earlier")))

    # exact: every document points at the best-ranked member of its (scope, exact key) group
    groups = nodes.groupBy("scope", "exact_key").agg(F.min("rank").alias("group_best"))
    nodes = nodes.join(groups, ["scope", "exact_key"]) \
        .withColumn("exact_rep", F.col("group_best.r_id")) \
        .withColumn("exact_rep_earlier", F.col("group_best.r_earlier")) \
        .drop("group_best").persist(StorageLevel.MEMORY_AND_DISK)
    reps = nodes.where((F.col("id") == F.col("exact_rep")) & (F.col("n_shingles") >= dcfg.min_shingles))
    timer.lap("exact")

    pairs = _candidate_pairs(reps, dcfg.max_bucket_pivots).persist(StorageLevel.MEMORY_AND_DISK)
    edges, verify_stats = _verify(spark, store, cfg, plan, pairs, reps)
    edges = edges.persist(StorageLevel.MEMORY_AND_DISK)
    timer.lap("candidates_and_verify")

    labels, cc_stats = _components(spark, edges, dcfg)
    timer.lap("components")

    decisions = _decisions(nodes, labels).persist(StorageLevel.MEMORY_AND_DISK)
    cluster_stats = _cluster_stats(decisions, sketches)
    timer.lap("survivors")

    result = _write(ctx, plan, docs, decisions, sketches, dcfg)
    timer.lap("write")

    for df in (sketches, nodes, pairs, edges, decisions):
        df.unpersist()
    verify_stats["pairs"] = verify_stats["pairs"] if verify_stats["pairs"] is not None else cc_stats["edges"]
    return _sections(cfg, plan, result, n_in, n_short, verify_stats, cc_stats,
                     cluster_stats, timer.timings)


def _read_index(spark: SparkSession, store: storage.Storage, files: list[IndexFile]) -> DataFrame:
    frames = []
    by_root: dict[str, list[dict[str, Any]]] = {}
    for f in files:
        by_root.setdefault(f.root, []).append({"path": f.path, "row_groups": f.row_groups})
    for root, entries in sorted(by_root.items()):
        frames.append(read_parquet_files(spark, store, root, entries, schema=INDEX_SCHEMA))
    index = frames[0]
    for f in frames[1:]:
        index = index.unionByName(f)
    # NOTE: earlier documents rank before every new one (earlier = 0), so they survive: they are already published.
    # Their node ids carry INDEXED_PREFIX so a re-ingested document (same id) is a separate node; _decisions strips it.
    return index.select(F.concat(F.lit(INDEXED_PREFIX), "id").alias("id"), "scope", "exact_key", "n_shingles",
                        "signature", "band_keys",
                        F.lit(0).alias("earlier"), F.lit(None).cast("double").alias("quality"),
                        F.lit(0).alias("permissive"), F.lit(None).cast("double").alias("stars"), "size_bytes")


def _candidate_pairs(reps: DataFrame, pivots: int) -> DataFrame:
    """(a, b) pairs with a < b that share a band bucket, each member paired with at most `pivots` bucket ids."""
    from pyspark.sql import Window  # noqa: PLC0415

    bands = reps.select("scope", "id", "earlier", F.posexplode("band_keys").alias("band", "key"))
    bucket = ["scope", "band", "key"]
    ranked = bands.withColumn("rn", F.row_number().over(Window.partitionBy(*bucket).orderBy("id")))
    # NOTE: `rn <= pivots` right on row_number lets Spark cut each bucket before the shuffle (WindowGroupLimit).
    pivot_rows = ranked.where(F.col("rn") <= pivots).select(*bucket, F.col("id").alias("a"),
                                                            F.col("earlier").alias("a_earlier"))
    pairs = bands.join(pivot_rows, bucket).where(F.col("id") > F.col("a"))
    pairs = pairs.where((F.col("earlier") == 1) | (F.col("a_earlier") == 1))  # two earlier documents: settled
    return pairs.select("a", F.col("id").alias("b")).distinct()


class _VerifyTask:
    """mapInArrow: (a, b, earlier_a, earlier_b, sig_a, sig_b) in, the same without signatures plus the estimate out."""

    def __init__(self, num_perm: int) -> None:
        self.num_perm = num_perm

    def __call__(self, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            n = batch.num_rows
            if n == 0:
                continue
            sig_a = _signature_matrix(batch.column("sig_a"), n, self.num_perm)
            sig_b = _signature_matrix(batch.column("sig_b"), n, self.num_perm)
            est = minhash.estimated_jaccard(sig_a, sig_b)
            yield pa.RecordBatch.from_arrays(
                [batch.column("a"), batch.column("b"), batch.column("earlier_a"), batch.column("earlier_b"),
                 pa.array(est, pa.float64())], names=["a", "b", "earlier_a", "earlier_b", "estimate"])


def _signature_matrix(column: pa.Array, n: int, num_perm: int) -> np.ndarray:
    """[n, num_perm] uint32 view of a binary column of signatures (every value is 4 * num_perm bytes)."""
    column = column.cast(pa.large_binary())
    offsets = np.frombuffer(column.buffers()[1], dtype=np.int64)[column.offset:column.offset + n + 1]
    if not np.all(np.diff(offsets) == 4 * num_perm):
        raise ValueError(f"signatures of unexpected length (expected {4 * num_perm} bytes each)")
    raw = np.frombuffer(column.buffers()[2], dtype=np.uint8)[offsets[0]:offsets[-1]]
    return raw.view(np.uint32).reshape(n, num_perm)


class _ExactCheckTask:
    """mapInArrow: grey-zone pairs with both texts in, (a, b, jaccard) out."""

    def __init__(self, params: minhash.MinHashParams) -> None:
        self.params = params

    def __call__(self, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            rows = batch.to_pylist()
            if not rows:
                continue
            out = []
            for r in rows:
                sa = minhash.shingle_set(r["text_a"], self.params.shingling(r["kind_a"]))
                sb = minhash.shingle_set(r["text_b"], self.params.shingling(r["kind_b"]))
                out.append(minhash.exact_jaccard(sa, sb))
            yield pa.RecordBatch.from_arrays([batch.column("a"), batch.column("b"), pa.array(out, pa.float64())],
                                             names=["a", "b", "jaccard"])


def _verify(spark: SparkSession, store: storage.Storage, cfg: DatasetManifest, plan: DedupPlan, pairs: DataFrame,
            reps: DataFrame) -> tuple[DataFrame, dict[str, Any]]:
    dcfg = cfg.dedup
    if dcfg.verify == "none":
        return pairs, {"checked": "none", "pairs": None, "kept_by_estimate": None, "grey_zone": 0,
                       "grey_zone_kept": 0}  # pairs = edges, counted by the components step
    sigs = reps.select("id", "signature", "earlier")
    joined = pairs.join(sigs.select(F.col("id").alias("a"), F.col("signature").alias("sig_a"),
                                    F.col("earlier").alias("earlier_a")), "a") \
        .join(sigs.select(F.col("id").alias("b"), F.col("signature").alias("sig_b"),
                          F.col("earlier").alias("earlier_b")), "b")
    scored = joined.select("a", "b", "earlier_a", "earlier_b", "sig_a", "sig_b").mapInArrow(
        _VerifyTask(plan.params.num_perm), "a string, b string, earlier_a int, earlier_b int, estimate double") \
        .persist(StorageLevel.MEMORY_AND_DISK)
    t, margin = dcfg.threshold, dcfg.exact_check_margin
    # NOTE: earlier documents' texts are not read again, so their pairs are decided by the estimate alone.
    in_grey = (F.abs(F.col("estimate") - t) < margin) & (F.col("earlier_a") == 1) & (F.col("earlier_b") == 1)
    by_estimate = scored.where(~in_grey & (F.col("estimate") >= t)).select("a", "b")
    grey = scored.where(in_grey).select("a", "b")
    totals = scored.agg(F.count("*").alias("pairs"),
                        F.sum(F.when(~in_grey & (F.col("estimate") >= t), 1).otherwise(0)).alias("kept"),
                        F.sum(F.when(in_grey, 1).otherwise(0)).alias("grey")).first()
    n_grey = totals["grey"] or 0
    stats = {"checked": "signature", "pairs": totals["pairs"], "kept_by_estimate": totals["kept"] or 0,
             "grey_zone": n_grey, "grey_zone_kept": 0}
    if n_grey == 0:
        return by_estimate, stats
    grey_ids = grey.select(F.col("a").alias("id")).union(grey.select(F.col("b").alias("id"))).distinct()
    texts = read_parquet_files(spark, store, cfg.output, main_files(plan.upstream_manifest)) \
        .select("id", "kind", "text").join(F.broadcast(grey_ids), "id")
    with_text = grey.join(texts.select(F.col("id").alias("a"), F.col("kind").alias("kind_a"),
                                       F.col("text").alias("text_a")), "a") \
        .join(texts.select(F.col("id").alias("b"), F.col("kind").alias("kind_b"), F.col("text").alias("text_b")), "b")
    exact = with_text.select("a", "b", "kind_a", "text_a", "kind_b", "text_b").mapInArrow(
        _ExactCheckTask(plan.params), "a string, b string, jaccard double")
    kept_grey = exact.where(F.col("jaccard") >= t).select("a", "b").persist(StorageLevel.MEMORY_AND_DISK)
    stats["grey_zone_kept"] = kept_grey.count()
    return by_estimate.unionByName(kept_grey), stats


def _components(spark: SparkSession, edges: DataFrame, dcfg: DedupConfig) -> tuple[DataFrame, dict]:
    """(node, component) for every node with an edge; component = the smallest id in it."""
    table = edges.select("a", "b").limit(dcfg.driver_max_edges + 1).toArrow() if dcfg.driver_max_edges else None
    if table is not None and table.num_rows <= dcfg.driver_max_edges:
        n_edges = table.num_rows
        a = table.column("a").to_numpy().astype(str)
        b = table.column("b").to_numpy().astype(str)
        nodes, labels = components.union_find(a, b) if n_edges else (np.array([], str), np.array([], str))
        frame = pa.table({"node": pa.array(nodes.tolist(), pa.string()),
                          "component": pa.array(labels.tolist(), pa.string())})
        return _arrow_frame(spark, frame), {"method": "driver_union_find", "edges": n_edges, "iterations": None}
    result = components.large_star_small_star(spark, edges.select("a", "b"), checkpoint_dir=dcfg.checkpoint_dir)
    return result.labels, {"method": "large_star_small_star", "edges": edges.count(),
                           "iterations": result.iterations}


def _arrow_frame(spark: SparkSession, table: pa.Table) -> DataFrame:
    if table.num_rows == 0:
        return spark.createDataFrame([], "node string, component string")
    return spark.createDataFrame(table.to_pandas(), "node string, component string")


def _decisions(nodes: DataFrame, labels: DataFrame) -> DataFrame:
    """Per new document: cluster_id (= survivor id), cluster_size, survivor_id, and its match kind if removed."""
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
                      kind.alias("match_kind"))


def _cluster_stats(decisions: DataFrame, sketches: DataFrame) -> dict[str, Any]:
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
        members = decisions.where(F.col("cluster_id").isin(list(examples))) \
            .join(sketches.select("id", "source", "locator"), "id") \
            .select("cluster_id", "id", "source", "locator").collect()
        for r in members:
            examples[r["cluster_id"]].append((r["id"], r["source"], r["locator"]))
    largest_out = []
    for cid, size in top:
        rows = sorted(examples[cid], key=lambda x: (x[0] != cid, x[2]))
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


def _write(ctx: RunContext, plan: DedupPlan, docs: DataFrame, decisions: DataFrame, sketches: DataFrame,
           dcfg: DedupConfig) -> WriteResult:
    """One deterministic write of the three folders: kept and removed documents, and the new index rows."""
    rows = docs.join(decisions, "id")
    rows = rows.withColumn(DEST, F.when(F.col("match_kind").isNull(), F.lit(OUTPUT_DIR)).otherwise(F.lit(REMOVED_DIR)))
    rows = rows.withColumn("reason", F.col("match_kind"))
    kept = decisions.where(F.col("match_kind").isNull()).select("id")
    index_rows = sketches.join(kept, "id").select(
        "id", "kind", "source", "lang", "locator", "size_bytes", "scope", "exact_key", "n_shingles", "signature",
        F.when(F.col("n_shingles") >= dcfg.min_shingles, F.col("band_keys"))
        .otherwise(F.array().cast("array<bigint>")).alias("band_keys"),
    ).withColumn(DEST, F.lit(INDEX_DIR))
    # NOTE: each folder writes only its own schema's columns, so the union's missing columns (nulls) never land.
    both = rows.unionByName(index_rows, allowMissingColumns=True)
    expected = _expected_bytes(plan.upstream_manifest, plan.params.num_perm)
    return write_partitioned(both, root=ctx.cfg.output, buckets=bucket_counts(expected, dcfg.target_file_bytes),
                             schemas={OUTPUT_DIR: KEPT_SCHEMA, REMOVED_DIR: REMOVED_SCHEMA, INDEX_DIR: INDEX_SCHEMA},
                             store=ctx.store)


def _expected_bytes(upstream: dict[str, Any], num_perm: int) -> dict[tuple[str, str, str], int]:
    """Expected output bytes per (folder, kind, source), from the upstream manifest: fixes the file counts."""
    out: dict[tuple[str, str, str], int] = {}
    for e in upstream["counts"]["by_source_lang"]:
        for dest, size in ((OUTPUT_DIR, e["bytes"]), (REMOVED_DIR, e["bytes"] // 2),
                           (INDEX_DIR, e["docs"] * 6 * num_perm)):
            key = (dest, e["kind"], e["source"])
            out[key] = out.get(key, 0) + int(size)
    return out


# ------------------------------------------------------------------------------------------------ manifest --
def _sections(cfg: DatasetManifest, plan: DedupPlan, result: WriteResult, n_in: int, n_short: int,
              verify_stats: dict[str, Any], cc_stats: dict[str, Any], cluster_stats: dict[str, Any],
              timings: dict[str, float]) -> dict[str, Any]:
    per: dict[tuple[str, str, str], dict[str, int]] = {}
    for k, (docs, size) in result.groups.items():
        if k.dest == INDEX_DIR:
            continue
        e = per.setdefault((k.kind, k.source, k.lang), {"docs_in": 0, "bytes_in": 0, "docs_out": 0, "bytes_out": 0,
                                                        **{r.name: 0 for r in (EXACT, NEAR, EXACT_INDEXED,
                                                                               NEAR_INDEXED)}})
        e["docs_in"] += docs
        e["bytes_in"] += size
        if k.dest == OUTPUT_DIR:
            e["docs_out"] += docs
            e["bytes_out"] += size
        elif k.reason:
            e[k.reason] += docs
    by_source_lang = [{"kind": k, "source": s, "lang": lang, **v} for (k, s, lang), v in sorted(per.items())]
    docs_in = sum(e["docs_in"] for e in by_source_lang)
    bytes_in = sum(e["bytes_in"] for e in by_source_lang)
    docs_out = sum(e["docs_out"] for e in by_source_lang)
    bytes_out = sum(e["bytes_out"] for e in by_source_lang)
    removed = {r.name: {"docs": sum(e[r.name] for e in by_source_lang),
                        "bytes": sum(size for k, (_, size) in result.groups.items() if k.reason == r.name)}
               for r in (EXACT, NEAR, EXACT_INDEXED, NEAR_INDEXED)}
    files = result.files
    rows_by_dir = {d: sum(f.rows for f in files if f.path.startswith(d + "/")) for d in DedupStage.dirs}
    inherited = [f.to_json() for f in plan.index_files]
    removed_docs = docs_in - docs_out
    return {
        "counts": {
            "in": {"docs": docs_in, "bytes": bytes_in},
            "out": {"docs": docs_out, "bytes": bytes_out},
            "dropped": {"docs": removed_docs, "bytes": bytes_in - bytes_out},
            "by_source_lang": [{"kind": e["kind"], "source": e["source"], "lang": e["lang"], "docs": e["docs_out"],
                                "bytes": e["bytes_out"]} for e in by_source_lang],
        },
        "reasons": result.reason_entries(),
        "outputs": {"dirs": list(DedupStage.dirs), "files": [f.to_json() for f in files], "buckets": result.buckets},
        "fingerprint": result.fingerprint(),
        "dedup": {
            "params": params_section(cfg.dedup, plan.params),
            "removed": removed,
            "exact_only_docs": n_short,
            "by_source_lang": by_source_lang,
            "candidates": verify_stats,
            "components": cc_stats,
            "clusters": cluster_stats,
            "index": {"rows": rows_by_dir[INDEX_DIR], "earlier": plan.earlier, "inherited": inherited},
        },
        "validation": [
            _check("documents in = sketched documents", n_in, docs_in),
            _check("documents in = kept + removed", docs_in, docs_out + sum(v["docs"] for v in removed.values())),
            _check("kept documents = clusters with a survivor in this run", docs_out,
                   cluster_stats["clusters"] - cluster_stats["earlier_survivors"]),
            _check("rows written = documents counted", docs_in, rows_by_dir[OUTPUT_DIR] + rows_by_dir[REMOVED_DIR]),
            _check("index rows = kept documents", docs_out, rows_by_dir[INDEX_DIR]),
        ],
        "timings": timings,
    }


def _check(name: str, expected: Any, observed: Any) -> dict[str, Any]:
    return {"check": name, "expected": expected, "observed": observed, "passed": expected == observed}


# ------------------------------------------------------------------------------------------------- inspect --
def inspect_cluster(root: str, cluster_id: str, store: storage.Storage | None = None) -> list[dict[str, Any]]:
    """Members of one cluster (survivor first), read with pyarrow from the dedup manifest's files: no Spark."""
    store = store or storage.Storage()
    manifest = mf.load_path(storage.join(root, OUTPUT_DIR) if not root.rstrip("/").endswith(OUTPUT_DIR) else root,
                            store)
    base = root.rstrip("/")
    if base.endswith(OUTPUT_DIR):
        base = base[: -len(OUTPUT_DIR)].rstrip("/") or "."
    columns = ["id", "kind", "source", "lang", "locator", "repo", "license", "size_bytes", "cluster_id",
               "cluster_size"]
    members: list[dict[str, Any]] = []
    for f in manifest["outputs"]["files"]:
        top = f["path"].split("/")[0]
        if top not in (OUTPUT_DIR, REMOVED_DIR):
            continue
        cols = columns + (["survivor_id", "match_kind"] if top == REMOVED_DIR else [])
        with store.open_input(storage.join(base, *f["path"].split("/"))) as fh:
            table = pq.ParquetFile(fh).read(columns=cols)
        table = table.filter(pc.equal(table.column("cluster_id"), cluster_id))
        for row in table.to_pylist():
            row.setdefault("survivor_id", None)
            row.setdefault("match_kind", None)
            row["role"] = "survivor" if top == OUTPUT_DIR else "removed"
            members.append(row)
    return sorted(members, key=lambda r: (r["role"] != "survivor", r["match_kind"] or "", r["source"], r["locator"]))


def format_members(cluster_id: str, members: list[dict[str, Any]]) -> str:
    from lemur_data.summary import table  # noqa: PLC0415

    if not members:
        return f"cluster {cluster_id}: no such cluster"
    rows = [[m["role"], m["match_kind"] or "", m["source"], m["lang"], m["size_bytes"], m["license"] or "",
             m["locator"], m["id"][:16]] for m in members]
    head = f"cluster {cluster_id}: {len(members)} member(s) in this run (cluster_size {members[0]['cluster_size']})"
    return "\n".join([head, *table(["role", "match", "source", "lang", "bytes", "license", "locator", "id"], rows,
                                   right={4})])


def members_json(members: list[dict[str, Any]]) -> str:
    return json.dumps(members, indent=2)
