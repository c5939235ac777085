"""Mix step 5: the shards and their provenance sidecars, written with pyarrow row group by row group at fixed
seq_idx boundaries, and the counts the manifest's validation needs."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from lemur_data import storage
from lemur_data.schema import PROVENANCE_SCHEMA, SHARD_SCHEMA, shard_metadata
from lemur_data.stages.mix.pieces import equal_runs
from lemur_data.writer import StagedParquet

# The stage's output folders (the first holds the manifest).
SHARDS_DIR = "shards"
PROVENANCE_DIR = "provenance"
PLAN_DIR = "mix-plan"
PLAN_FILE = f"{PLAN_DIR}/plan.json"


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


class ShardWriter:
    """mapInArrow over pieces sorted by (shard, seq_idx, row_offset): writes shards + provenance, stats out."""

    def __init__(self, layout: ShardLayout, store: storage.Storage, root: str, sequence: Any) -> None:
        self.layout, self.store, self.root, self.sequence = layout, store, root, sequence

    def __call__(self, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        current: _Shard | None = None
        done = []
        try:
            for batch in batches:
                shard = batch.column("shard").to_numpy()
                for a, b in equal_runs(shard):
                    if current is None or current.index != shard[a]:
                        if current is not None:
                            done.append(current.close())
                        current = _Shard(int(shard[a]), self.layout, self.store, self.root, self.sequence.value)
                    current.add(batch.slice(a, b - a))
            if current is not None:
                done.append(current.close())
        except BaseException:
            # NOTE: any failure (a bad batch, the upstream read, a killed task's GeneratorExit), not only I/O
            # errors, must not leave the open shard's temporary files behind.
            if current is not None:
                current.discard()
            raise
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
        self.shard = _shard_file(store, root, f"{SHARDS_DIR}/{name}", SHARD_SCHEMA.with_metadata(metadata))
        self.prov = _shard_file(store, root, f"{PROVENANCE_DIR}/{name}", PROVENANCE_SCHEMA)
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
        for a, b in equal_runs(group):
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
        self.shard.write_row_group(rows)
        self.prov.write_row_group(p.select(PROVENANCE_SCHEMA.names).cast(PROVENANCE_SCHEMA))
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

    def discard(self) -> None:
        self.shard.discard()
        self.prov.discard()

    def close(self) -> dict[str, Any]:
        self._flush()
        st = self.stats
        st["missing_rows"] = self.expected_rows - st.pop("rows_in_range")
        st["file"] = self.shard.publish().to_json()
        st["provenance"] = self.prov.publish().to_json()
        return st


def _shard_file(store: storage.Storage, root: str, rel: str, schema: pa.Schema) -> StagedParquet:
    return StagedParquet(store, root, rel, schema, compression="zstd", use_dictionary=False)
