"""Candidates and verification: the representatives numbered by id (`numbered`: int64 nodes that order like the
ids), band rows shuffled into LSH buckets and paired with numpy per partition (each member paired with at most
`max_bucket_pivots` of its bucket's smallest nodes: a hot bucket costs linear work, never all pairs and never a
collect_list), then the Jaccard estimated from the full signatures, and the exact shingle Jaccard for pairs within
`exact_check_margin` of the threshold. An earlier run's index joins as candidate nodes. Pairs, edges and component
labels are nodes; `with_string_ids` turns labels back into document ids."""

from __future__ import annotations

from typing import Any, Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from pyspark import StorageLevel
from pyspark.sql import DataFrame, SparkSession, Window
from pyspark.sql import functions as F

from lemur_data import minhash, storage
from lemur_data.config import DatasetManifest
from lemur_data.datasets import ReadUnit, read_parquet_files
from lemur_data.stages.dedup.docs import with_documents
from lemur_data.stages.dedup.layout import INDEX_SCHEMA, INDEXED_PREFIX
from lemur_data.stages.dedup.plan import DedupPlan, IndexFile


_PAIR_BATCH_ROWS = 65536  # rows per Arrow batch of candidate pairs out of a bucket-pairing task
_MAX_SET_BATCH_BYTES = 1 << 30  # shingle-set bytes per Arrow batch out of a read unit (Spark's binary: < 2 GiB)


def read_index(spark: SparkSession, store: storage.Storage, files: list[IndexFile]) -> DataFrame:
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
    # Their node ids carry INDEXED_PREFIX so a re-ingested document (same id) is a separate node; survivors.decisions strips it.
    return index.select(F.concat(F.lit(INDEXED_PREFIX), "id").alias("id"), "scope", "exact_key", "n_shingles",
                        "signature", "band_keys",
                        F.lit(0).alias("earlier"), F.lit(None).cast("double").alias("quality"),
                        F.lit(0).alias("permissive"), F.lit(None).cast("double").alias("stars"), "size_bytes",
                        F.lit(None).cast("int").alias("unit"))


def numbered(reps: DataFrame) -> DataFrame:
    """The columns the candidate and verify steps use, plus `node`: an int64 per distinct id, ordered like the ids."""
    # NOTE: node order = id order, so every comparison, min and "smallest" on nodes picks what it would pick on the
    # ids (the bucket pivots, `b > a`, the components' smallest member): all outputs stay those of string ids. A
    # position after the global sort is partition-based, not dense, but increases along the sort; an id repeated
    # (one earlier document in two indexes) takes its first position, so equal ids stay one node. The sort's range
    # exchange already clusters by id, so the window adds no shuffle. The caller persists the frame: its numbers
    # are those of one execution of the sort, and every later step must read the same ones.
    ordered = reps.select("id", "scope", "earlier", "band_keys", "signature", "unit").orderBy("id")
    positioned = ordered.withColumn("position", F.monotonically_increasing_id())
    return positioned.withColumn("node", F.min("position").over(Window.partitionBy("id"))).drop("position")


def with_string_ids(labels: DataFrame, nodes: DataFrame) -> DataFrame:
    """(node, component) labels of numbered nodes as the same labels of their document ids."""
    named = labels.join(nodes.select("node", "id"), "node").distinct()  # a repeated id repeats its (node, id) row
    # NOTE: a component's label is its smallest node, and both components methods also label that node itself,
    # so every component's id is among the named rows.
    label_ids = named.where(F.col("node") == F.col("component")).select("component", F.col("id").alias("label_id"))
    return named.join(label_ids, "component").select(F.col("id").alias("node"), F.col("label_id").alias("component"))


def candidate_pairs(nodes: DataFrame, pivots: int) -> DataFrame:
    """(a, b) node pairs with a < b that share a band bucket, each member paired with at most `pivots` bucket nodes."""
    # NOTE: a null scope never pairs (as an equi-join on the bucket would not); at file level none arrives here: the
    # scope is a DOC_SCHEMA column that is never null, or "" for a global scope.
    spark = nodes.sparkSession
    slots = _SLOTS_PER_PARTITION * int(spark.conf.get("spark.sql.shuffle.partitions"))
    packed = nodes.where(F.col("scope").isNotNull()).select("scope", "node", "earlier", "band_keys") \
        .mapInArrow(_PackBands(slots), _PACKED_DDL)
    # NOTE: one shuffle of packed arrays puts every bucket's rows in one partition (a bucket's key fixes its slot);
    # the pairing is numpy on the partition's rows.
    return packed.repartition("slot").mapInArrow(_BucketPairs(pivots), "a bigint, b bigint").distinct()


# One row per (slot, scope) of a packing task: the band rows (band, key, node, is-new) as packed native arrays.
_PACKED_DDL = "slot int, scope string, band binary, key binary, node binary, new binary"
_PACKED_TYPES = {"band": np.int32, "key": np.int64, "node": np.int64, "new": np.bool_}
_SLOTS_PER_PARTITION = 8  # slots hash onto partitions: several per partition even out their sizes
_PACK_BAND_ROWS = 1 << 20  # band rows per packed batch of a packing task: ~21 MB packed, ~100 MB of numpy work


class _PackBands:
    """mapInArrow: (scope, node, earlier, band_keys) rows (scope not null) in, their band rows out, packed per
    (slot, scope).

    Spark moves a row of arrays far more cheaply than millions of small rows (its JVM-to-Arrow conversion is per
    row), so the band rows cross the shuffle as a few packed rows per slot instead of one row per (document, band)."""

    def __init__(self, slots: int, band_rows_per_batch: int = _PACK_BAND_ROWS) -> None:
        self.slots, self.band_rows_per_batch = slots, band_rows_per_batch

    def __call__(self, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        pending: list[pa.RecordBatch] = []
        band_rows = 0
        for batch in batches:
            pending.append(batch)
            band_rows += len(batch.column("band_keys").values)
            if band_rows >= self.band_rows_per_batch:
                yield self._pack(pa.Table.from_batches(pending).combine_chunks())
                pending, band_rows = [], 0
        if band_rows:  # NOTE: rows without band keys give no band row, so a pack is never empty
            yield self._pack(pa.Table.from_batches(pending).combine_chunks())

    def _pack(self, rows: pa.Table) -> pa.RecordBatch:
        band_keys = rows.column("band_keys").chunk(0)
        # NOTE: as posexplode, a null or empty list gives no row. Lengths and values both skip null lists (Arrow lets
        # a null list's offsets span values; list_parent_indices would count those, list_flatten does not).
        lengths = np.asarray(pc.list_value_length(band_keys).fill_null(0))
        parent = np.repeat(np.arange(len(lengths)), lengths)
        key = np.asarray(pc.list_flatten(band_keys))
        band = (np.arange(len(key)) - np.repeat(np.cumsum(lengths) - lengths, lengths)).astype(np.int32)
        scopes = pc.dictionary_encode(rows.column("scope").chunk(0))
        scope = np.asarray(scopes.indices)[parent]
        node = rows.column("node").to_numpy()[parent]
        new = (rows.column("earlier").to_numpy() == 1)[parent]
        slot = (key.view(np.uint64) % np.uint64(self.slots)).astype(np.int32)
        order = np.lexsort((scope, slot))
        slot, scope = slot[order], scope[order]
        starts = np.flatnonzero(_run_starts(slot, scope))
        bounds = [*starts.tolist(), len(slot)]
        packs = {c: [v[a:b].tobytes() for a, b in zip(bounds, bounds[1:])]
                 for c, v in (("band", band[order]), ("key", key[order]), ("node", node[order]), ("new", new[order]))}
        return pa.RecordBatch.from_arrays(
            [pa.array(slot[starts], pa.int32()), scopes.dictionary.take(pa.array(scope[starts])),
             *(pa.array(packs[c], pa.binary()) for c in _PACKED_TYPES)], names=["slot", "scope", *_PACKED_TYPES])


def _unpacked(column: pa.ChunkedArray, dtype: type) -> np.ndarray:
    """The values of a binary column of packed native arrays, concatenated."""
    parts = []
    for chunk in column.chunks:
        offsets = np.frombuffer(chunk.buffers()[1], dtype=np.int32)[chunk.offset:chunk.offset + len(chunk) + 1]
        parts.append(np.frombuffer(chunk.buffers()[2], dtype=np.uint8)[offsets[0]:offsets[-1]])
    return np.concatenate(parts).view(dtype) if parts else np.array([], dtype)


class _BucketPairs:
    """mapInArrow over whole LSH buckets (packed band rows): each member paired with the `pivots` smallest nodes of
    its bucket (b > a; pairs of two earlier documents are settled and dropped), pairs repeated over bands emitted
    once per partition."""

    def __init__(self, pivots: int) -> None:
        self.pivots = pivots

    def __call__(self, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        received = [b for b in batches if b.num_rows]
        if not received:
            return
        packed = pa.Table.from_batches(received)
        band, key, node, new = (_unpacked(packed.column(c), t) for c, t in _PACKED_TYPES.items())
        rows_per_pack = pc.binary_length(packed.column("key")).to_numpy() // np.dtype(_PACKED_TYPES["key"]).itemsize
        scope = np.repeat(np.asarray(pc.dictionary_encode(packed.column("scope").combine_chunks()).indices),
                          rows_per_pack)
        order = np.lexsort((node, key, band, scope))
        band, key, node, new, scope = band[order], key[order], node[order], new[order], scope[order]
        first = _run_starts(scope, band, key)
        start = np.flatnonzero(first)[np.cumsum(first) - 1]  # each row's bucket start
        rank = np.arange(len(node)) - start
        a_parts, b_parts = [], []
        for p in range(self.pivots):
            member = np.flatnonzero(rank > p)
            if member.size == 0:
                break
            pivot = start[member] + p
            keep = (node[member] > node[pivot]) & (new[member] | new[pivot])
            a_parts.append(node[pivot][keep])
            b_parts.append(node[member][keep])
        if not a_parts:
            return
        a, b = _distinct_pairs(np.concatenate(a_parts), np.concatenate(b_parts))
        yield from pa.table({"a": a, "b": b}).to_batches(max_chunksize=_PAIR_BATCH_ROWS)


def _distinct_pairs(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct (a, b) pairs, sorted by a then b: np.unique(axis=0)'s result, without its slow row-as-bytes sort."""
    order = np.lexsort((b, a))
    a, b = a[order], b[order]
    first = _run_starts(a, b)
    return a[first], b[first]


def _run_starts(*keys: np.ndarray) -> np.ndarray:
    """Over rows sorted by `keys`: True where a row starts a run of equal keys (differs from the row before)."""
    first = np.ones(len(keys[0]), bool)
    first[1:] = np.logical_or.reduce([k[1:] != k[:-1] for k in keys])
    return first


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


class _ShingleSets:
    """with_documents function: each requested node's distinct shingles (sorted uint64 hashes) as bytes."""

    def __init__(self, params: minhash.MinHashParams) -> None:
        self.params = params

    def __call__(self, asked: pa.Table, docs: pa.Table) -> Iterator[pa.RecordBatch]:
        sets = minhash.shingle_sets(docs.column("text"), docs.column("kind"), self.params)
        nodes = asked.column("node").combine_chunks()
        # NOTE: Spark takes `binary` with 32-bit offsets: slices stay under 2 GiB of sets each.
        offsets = np.frombuffer(sets.buffers()[1], dtype=np.int64)[sets.offset:sets.offset + len(sets) + 1]
        start = 0
        while start < len(sets):
            stop = max(start + 1, int(np.searchsorted(offsets, offsets[start] + _MAX_SET_BATCH_BYTES, "right")) - 1)
            yield pa.RecordBatch.from_arrays([nodes.slice(start, stop - start),
                                              sets.slice(start, stop - start).cast(pa.binary())],
                                             names=["node", "shingles"])
            start = stop


def _exact_jaccards(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """mapInArrow: grey-zone pairs with both shingle sets in, (a, b, jaccard) out."""
    for batch in batches:
        if batch.num_rows == 0:
            continue
        jaccard = minhash.exact_jaccards(batch.column("set_a"), batch.column("set_b"))
        yield pa.RecordBatch.from_arrays([batch.column("a"), batch.column("b"), pa.array(jaccard, pa.float64())],
                                         names=["a", "b", "jaccard"])


def verify(store: storage.Storage, cfg: DatasetManifest, plan: DedupPlan, pairs: DataFrame, nodes: DataFrame,
           units: list[ReadUnit]) -> tuple[DataFrame, dict[str, Any], list[DataFrame]]:
    """(edges as node pairs, the check's counts, the frames persisted here: the caller unpersists them when the stage
    ends). `nodes` is the `numbered` frame the pairs come from."""
    dcfg = cfg.dedup
    if dcfg.verify == "none":
        return pairs, {"checked": "none", "pairs": None, "kept_by_estimate": None, "grey_zone": 0,
                       "grey_zone_kept": 0}, []  # pairs = edges, counted by the components step
    sigs = nodes.select("node", "signature", "earlier")
    joined = pairs.join(sigs.select(F.col("node").alias("a"), F.col("signature").alias("sig_a"),
                                    F.col("earlier").alias("earlier_a")), "a") \
        .join(sigs.select(F.col("node").alias("b"), F.col("signature").alias("sig_b"),
                          F.col("earlier").alias("earlier_b")), "b")
    scored = joined.select("a", "b", "earlier_a", "earlier_b", "sig_a", "sig_b").mapInArrow(
        _VerifyTask(plan.params.num_perm), "a bigint, b bigint, earlier_a int, earlier_b int, estimate double") \
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
        return by_estimate, stats, [scored]
    # NOTE: only the grey documents' row groups are read again (by the read unit the sketch recorded), once each.
    grey_nodes = grey.select(F.col("a").alias("node")).union(grey.select(F.col("b").alias("node"))).distinct()
    sets = with_documents(grey_nodes.join(nodes.select("node", "id", "unit"), "node"), units, store, ["kind", "text"],
                          _ShingleSets(plan.params), "node bigint, shingles binary") \
        .persist(StorageLevel.MEMORY_AND_DISK)
    with_sets = grey.join(sets.select(F.col("node").alias("a"), F.col("shingles").alias("set_a")), "a") \
        .join(sets.select(F.col("node").alias("b"), F.col("shingles").alias("set_b")), "b")
    exact = with_sets.select("a", "b", "set_a", "set_b").mapInArrow(_exact_jaccards, "a bigint, b bigint, jaccard double")
    kept_grey = exact.where(F.col("jaccard") >= t).select("a", "b").persist(StorageLevel.MEMORY_AND_DISK)
    stats["grey_zone_kept"] = kept_grey.count()
    sets.unpersist()
    return by_estimate.unionByName(kept_grey), stats, [scored, kept_grey]

