"""Mix steps 1-2 (selection and offsets), over the token cache's metadata only: one row per (document, pass) with
its hash key, then each copy's place in its source's stream by a parallel prefix sum."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterator

import numpy as np
import pyarrow as pa
import xxhash
from pyspark.sql import functions as F

from lemur_data import storage
from lemur_data.datasets import ReadUnit, read_unit
from lemur_data.mixture import MixPlan

_TWO_63 = 1 << 63

# Document copies (one row per document and pass) with their hash order.
KEYS_SCHEMA = pa.schema([
    ("source_id", pa.int16()), ("layer", pa.int16()), ("bucket", pa.int32()), ("key", pa.int64()),
    ("doc_id", pa.string()), ("unit", pa.int32()), ("row", pa.int32()), ("lang", pa.string()),
    ("n_bytes", pa.int64()), ("n_tokens", pa.int32()),
])
# The same with the copy's place in its source's stream; `length` = its tokens in the stream (0: not taken).
COPIES_SCHEMA = pa.schema(list(KEYS_SCHEMA) + [("start", pa.int64()), ("length", pa.int32())])


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



def streams_of(plan: MixPlan) -> dict[int, SourceStream]:
    return {s.source_id: SourceStream(s.source_id, s.available_tokens, s.full_copies, s.partial_tokens)
            for s in plan.sources if s.rows}



def selection_stats(copies: Any, streams: dict[int, SourceStream]) -> dict[str, Any]:
    """Per (source, lang): copies, documents and tokens taken; documents left out (with the smallest id as an
    example); the smallest draw u not taken in the partial pass (theta). One Spark job."""
    taken = F.col("length") > 0
    first_pass = F.col("layer") == 0
    partial_pass = F.lit(False)
    for sid, s in streams.items():
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



def bucket_offsets(totals: list[Any], streams: dict[int, SourceStream]
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


class LayerKeys:
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
        }, schema=KEYS_SCHEMA)


class StreamOffsets:
    """applyInArrow per (source, pass, bucket): sort by hash, prefix-sum the tokens, cut at the stream's end."""

    def __init__(self, offsets: dict[tuple[int, int, int], int], streams: dict[int, SourceStream]) -> None:
        self.offsets, self.streams = offsets, streams

    def __call__(self, table: pa.Table) -> pa.Table:
        table = table.sort_by([("key", "ascending"), ("doc_id", "ascending")])
        sid, layer, bucket = (table.column(c)[0].as_py() for c in ("source_id", "layer", "bucket"))
        n = table.column("n_tokens").to_numpy().astype(np.int64)
        start = self.offsets[(sid, layer, bucket)] + np.concatenate([[0], np.cumsum(n)[:-1]])
        length = np.clip(self.streams[sid].end - start, 0, n)
        return (table.select(KEYS_SCHEMA.names)
                .append_column("start", pa.array(start, pa.int64()))
                .append_column("length", pa.array(length, pa.int32())))


def typed(fn: Callable[[pa.Table], pa.Table]) -> Callable[[pa.Table], pa.Table]:
    """A plain function around a callable object: pyspark infers applyInArrow's mode from type hints only."""

    def grouped_map(table: pa.Table) -> pa.Table:
        return fn(table)

    return grouped_map

