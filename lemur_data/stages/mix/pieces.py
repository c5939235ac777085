"""Mix steps 3-4: the selected document copies cut into pieces (one per output row they touch), and the pieces'
tokens sliced out of the token cache, each cache unit read once."""

from __future__ import annotations

from typing import Any, Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from lemur_data import storage
from lemur_data.datasets import ReadUnit, read_unit

_PIECES_PER_BATCH = 4096

# One row per (document copy, output row) overlap.
PIECES_SCHEMA = pa.schema([
    ("unit", pa.int32()), ("row", pa.int32()), ("doc_id", pa.string()), ("source_id", pa.int16()),
    ("copy", pa.int16()), ("doc_offset", pa.int32()), ("length", pa.int32()), ("doc_tokens", pa.int32()),
    ("seq_idx", pa.int64()), ("row_offset", pa.int32()), ("shard", pa.int32()),
])
SLICES_SCHEMA = pa.schema([
    ("shard", pa.int32()), ("seq_idx", pa.int64()), ("row_offset", pa.int32()), ("length", pa.int32()),
    ("tokens", pa.list_(pa.int32())), ("doc_id", pa.string()), ("source_id", pa.int16()), ("copy", pa.int16()),
    ("doc_offset", pa.int32()), ("doc_tokens", pa.int32()),
])



class Pieces:
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
            }, schema=PIECES_SCHEMA)


def equal_runs(values: np.ndarray) -> Iterator[tuple[int, int]]:
    """[start, end) of each run of equal consecutive values (the input is sorted by them)."""
    cuts = np.concatenate([[0], np.flatnonzero(np.diff(values)) + 1, [len(values)]])
    return ((int(a), int(b)) for a, b in zip(cuts[:-1], cuts[1:]) if b > a)


class SliceTokens:
    """mapInArrow over pieces sorted by (unit, row): read each cache unit once, cut out the pieces' tokens."""

    def __init__(self, units: list[ReadUnit], store: storage.Storage) -> None:
        self.units, self.store = units, store

    def __call__(self, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        loaded_unit, doc_ids, offsets, values = -1, None, None, None
        for batch in batches:
            unit = batch.column("unit").to_numpy()
            for a, b in equal_runs(unit):
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
        }, schema=SLICES_SCHEMA)
