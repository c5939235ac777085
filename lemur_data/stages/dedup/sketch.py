"""Sketch: one `mapInArrow` pass over the upstream documents gives, per document, the exact key (hash of the
normalised content), the MinHash signature and band keys (native kernel, lemur_data/minhash.py) and the ranking
fields. The rows are narrow (no text)."""

from __future__ import annotations

import re
from typing import Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import xxhash

from lemur_data import _minhash, minhash, storage
from lemur_data.config import DedupConfig
from lemur_data.datasets import ReadUnit, read_unit

# The narrow per-document row of the sketch pass.
SKETCH_SCHEMA = pa.schema([
    ("id", pa.string()), ("kind", pa.string()), ("source", pa.string()), ("lang", pa.string()),
    ("locator", pa.string()), ("size_bytes", pa.int64()), ("scope", pa.string()), ("exact_key", pa.binary()),
    ("n_shingles", pa.int64()), ("signature", pa.binary()), ("band_keys", pa.list_(pa.int64())),
    ("quality", pa.float64()), ("permissive", pa.int32()), ("stars", pa.float64()),
])


class SketchTask:
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
                exact_keys(texts),
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


# ... plus the document's read unit (docs.py reads its text back by it).
SKETCH_UNIT_SCHEMA = SKETCH_SCHEMA.append(pa.field("unit", pa.int32()))


class SketchFilesTask:
    """mapInArrow: read-unit numbers in, sketch rows out. The task reads its row groups with pyarrow (only the
    columns the sketch needs), so the documents' text never passes through the JVM."""

    COLUMNS = ["id", "kind", "source", "lang", "locator", "size_bytes", "text", "license", "signals", "meta"]

    def __init__(self, units: list[ReadUnit], store: storage.Storage, sketch: SketchTask) -> None:
        self.units, self.store, self.sketch = units, store, sketch

    def __call__(self, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            for unit_id in batch.column(0).to_pylist():
                for table in read_unit(self.store, self.units[unit_id], self.COLUMNS):
                    for out in self.sketch(iter(table.combine_chunks().to_batches())):
                        unit = pa.array(np.full(out.num_rows, unit_id, dtype=np.int32))
                        yield pa.RecordBatch.from_arrays([*out.columns, unit], schema=SKETCH_UNIT_SCHEMA)


def exact_key(text: str) -> bytes:
    """128-bit hash of the normalised content: trailing whitespace of every line (so also CR line ends) and leading /
    trailing blank lines dropped."""
    normalised = "\n".join(map(str.rstrip, text.split("\n"))).strip("\n")
    return xxhash.xxh3_128_digest(normalised.encode("utf-8", "surrogatepass"))


def exact_keys(texts: pa.Array) -> pa.Array:
    """`exact_key` of every text of a string column: the normalisation runs in the native kernel on the column's
    UTF-8 bytes (no Python string per document), then one xxh3-128 per document."""
    out_offsets, out = _minhash.normalised_contents(*minhash.native_strings(texts))
    bounds = np.frombuffer(out_offsets, dtype=np.int64).tolist()
    view = memoryview(out)
    return pa.array([xxhash.xxh3_128_digest(view[a:b]) for a, b in zip(bounds, bounds[1:])], pa.binary())


def _binary_rows(matrix: np.ndarray) -> pa.Array:
    """Each row of a 2-D array as one binary value (native-endian bytes)."""
    n, width = matrix.shape[0], matrix.shape[1] * matrix.itemsize
    offsets = np.arange(0, (n + 1) * width, width, dtype=np.int32)
    return pa.Array.from_buffers(pa.binary(), n, [None, pa.py_buffer(offsets), pa.py_buffer(np.ascontiguousarray(matrix))])


def _map_value(column: pa.Array, key: str, type_: pa.DataType) -> pa.Array:
    """map_column[key] per row (its first entry; null when absent), cast to `type_` (unparseable values become
    null, as Python's float() decides)."""
    values = pc.map_lookup(column, pa.scalar(key, column.type.key_type), "first")
    if pa.types.is_floating(values.type):
        return values.cast(type_)
    out = []
    for value in values.to_pylist():  # NOTE: meta values are strings, and mostly absent: few float() calls
        try:
            out.append(None if value is None else float(value))
        except (TypeError, ValueError):
            out.append(None)
    return pa.array(out, type_)
