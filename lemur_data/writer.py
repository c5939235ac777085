"""Deterministic, partitioned Parquet output written by pyarrow inside Spark tasks, with counts for the manifest.

Why not `DataFrame.write`: its file names carry random UUIDs and its files follow Spark's partitioning, so two
runs never give the same bytes; and it cannot reach S3 here without S3A jars. Instead:

* every row goes to a bucket `pmod(xxhash64(id), n)` of its (dest, kind, source) group, with n chosen from the
  expected size of the group, so a file's rows are fixed by the data, whatever the partitioning;
* rows are shuffled by bucket and sorted by id inside it; a task writes each bucket it receives as one file,
  `<dest>/kind=<kind>/source=<source>/part-<bucket>-of-<n>.parquet`, with row groups closed at fixed row / byte
  counts. Same rows in, same bytes out, under local[1], local[2] or a cluster;
* rows whose `_dest` is null (skips, rejects counted elsewhere) are only counted;
* each task returns one small stats row per (dest, kind, source, lang, reason) group and per file: the driver
  turns those into the manifest's counts, example locators and outputs (with sha256), without a second pass.

A stage whose files follow its upstream files instead of hash buckets (dedup: stages/dedup/write.py; crawl's code
trees: one file per run of the listing) writes with the same pieces: `PartFile` (one staged file, fixed row-group
cuts), `TaskStats` rows (`STATS_DDL`) and `collect_stats`.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

import pyarrow as pa
import pyarrow.parquet as pq
from pyspark.sql import Column, DataFrame
from pyspark.sql import functions as F

from lemur_data import errors, reasons, storage

DEST = "_dest"
BUCKET = "_bucket"
GROUP_COLS = (DEST, "kind", "source", BUCKET)
ROWS_PER_GROUP = 1024
BYTES_PER_GROUP = 64 << 20
EXAMPLES_PER_REASON = 5
_DICTIONARY_COLUMNS = ("kind", "source", "lang", "repo", "license", "reason", "first_reason")

_STATS_SCHEMA = pa.schema(
    [
        ("type", pa.string()), ("dest", pa.string()), ("kind", pa.string()), ("source", pa.string()),
        ("lang", pa.string()), ("reason", pa.string()), ("docs", pa.int64()), ("bytes", pa.int64()),
        ("path", pa.string()), ("sha256", pa.string()), ("row_groups", pa.int64()),
    ]
)
STATS_DDL = ", ".join(f"`{f.name}` {'bigint' if f.type == pa.int64() else 'string'}" for f in _STATS_SCHEMA)


def publish_file(store: storage.Storage, local_path: str, uri: str) -> tuple[int, str]:
    """Upload a finished local file to its final uri; (bytes, sha256) of what was published."""
    with open(local_path, "rb") as f:
        sha256 = hashlib.file_digest(f, "sha256").hexdigest()
    size = os.path.getsize(local_path)
    store.put_file(local_path, uri)
    return size, sha256


def temporary_path(root: str, uri: str, suffix: str) -> str:
    """Where a file bound for `uri` is written first: beside it for a local output (publishing is then an atomic
    rename), in local scratch for S3. Its folder exists."""
    tmp_dir = os.path.dirname(uri) if not storage.is_remote(root) else _local_scratch()
    os.makedirs(tmp_dir, exist_ok=True)
    return os.path.join(tmp_dir, f".tmp-{uuid.uuid4().hex}{suffix}")


class StagedParquet:
    """A Parquet file written under a temporary name (beside its final place for local outputs, so publishing is
    an atomic rename; in local scratch for S3) and published to `root/rel` when complete, one row group per
    `write_row_group` (callers choose the boundaries: that is what keeps the bytes deterministic). A failed write
    removes the temporary file and raises `errors.TaskError` naming the cause and the file; used as a context
    manager, anything else that stops it before `publish` removes the temporary file too."""

    def __init__(self, store: storage.Storage, root: str, rel: str, schema: pa.Schema, **options: Any) -> None:
        self.store, self.rel, self.schema = store, rel, schema
        self.uri = storage.join(root, *rel.split("/"))
        self.rows = self.row_groups = 0
        with errors.writing(self.uri):
            self.tmp = temporary_path(root, self.uri, ".parquet")
        with errors.writing(self.uri, self.tmp):
            self.writer = pq.ParquetWriter(self.tmp, schema, **options)

    def write_row_group(self, table: pa.Table) -> None:
        """`table` as one row group (an empty table too: pyarrow writes it as an empty row group)."""
        with errors.writing(self.uri, self.tmp):
            self.writer.write_table(table, row_group_size=max(1, table.num_rows))
        self.rows += table.num_rows
        self.row_groups += 1

    def publish(self) -> OutputFile:
        """Close, move into place; what was published."""
        with errors.writing(self.uri, self.tmp):
            self.writer.close()
            size, sha256 = publish_file(self.store, self.tmp, self.uri)
        return OutputFile(self.rel, self.rows, size, sha256, self.row_groups)

    def discard(self) -> None:
        errors.remove_quietly(self.tmp)

    def __enter__(self) -> StagedParquet:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *_: object) -> None:
        """Whatever stops the writing before `publish` (an error, a cancelled task) removes the temporary file."""
        if exc_type is not None:
            self.discard()


@dataclass(frozen=True)
class OutputFile:
    path: str  # relative to the output root, '/'-separated
    rows: int
    bytes: int
    sha256: str
    row_groups: int

    def to_json(self) -> dict[str, object]:
        return {"path": self.path, "rows": self.rows, "bytes": self.bytes, "sha256": self.sha256,
                "row_groups": self.row_groups}


@dataclass(frozen=True)
class GroupKey:
    dest: str | None
    kind: str
    source: str
    lang: str
    reason: str | None


@dataclass
class WriteResult:
    files: list[OutputFile]
    groups: dict[GroupKey, tuple[int, int]]  # -> (docs, bytes)
    examples: dict[tuple[str, str], list[str]]  # (source, reason) -> smallest locators
    buckets: dict[str, int] = field(default_factory=dict)

    def fingerprint(self) -> str:
        h = hashlib.sha256()
        for f in self.files:
            h.update(f"{f.path}\x00{f.sha256}\n".encode())
        return h.hexdigest()

    def reason_entries(self) -> list[dict[str, Any]]:
        """Run-manifest entries for every reason the writer counted: docs, bytes, per-source docs, example
        locators (the five smallest, over all sources), most documents first."""
        entries: dict[str, dict[str, Any]] = {}
        for k, (docs, size) in self.groups.items():
            if k.reason is None:
                continue
            r = reasons.REASONS[k.reason]
            e = entries.setdefault(k.reason, {"reason": r.name, "category": r.category,
                                              "description": r.description, "docs": 0, "bytes": 0,
                                              "by_source": {}, "examples": []})
            e["docs"] += docs
            e["bytes"] += size
            e["by_source"][k.source] = e["by_source"].get(k.source, 0) + docs
        for (_source, reason), locators in self.examples.items():
            if reason in entries:
                entries[reason]["examples"] = sorted(set(entries[reason]["examples"]) | set(locators))[:5]
        return sorted(entries.values(), key=lambda e: (-e["docs"], e["reason"]))


def bucket_counts(expected_bytes: dict[tuple[str, str, str], int], target_file_bytes: int) -> dict[str, int]:
    """Files per (dest, kind, source) group: enough that each is about `target_file_bytes`."""
    return {f"{d}/{k}/{s}": max(1, -(-b // target_file_bytes)) for (d, k, s), b in sorted(expected_bytes.items())}


def write_partitioned(
    df: DataFrame,
    *,
    root: str,
    schemas: dict[str, pa.Schema],
    buckets: dict[str, int],
    store: storage.Storage,
    unique_ids: bool = True,
    other_stats: Iterable = (),
) -> WriteResult:
    """Write `df` (payload columns + `_dest` + optional `reason`) under `root`; count every row.

    `schemas` maps each destination folder to the columns written there; `buckets` maps "dest/kind/source" to
    its file count (groups not listed get one file). With `unique_ids`, a second row with the same id in a group
    is counted as `duplicate_locator` instead of written (ids are sha256(source, locator), so this is a repeated
    locator, e.g. a URL crawled twice). `other_stats`: stats rows of the stage's other writes into other files
    (crawl's tree runs), counted into the same result.
    """
    defaults = {"reason": F.lit(None).cast("string"), "lang": F.lit(""), "size_bytes": F.lit(0).cast("bigint"),
                "locator": F.col("id")}
    for name, value in defaults.items():
        if name not in df.columns:
            df = df.withColumn(name, value)
    tiebreak = [c for c in ("content_sha256",) if c in df.columns]
    n_expr = _bucket_count_expr(buckets)
    with_bucket = df.withColumn(BUCKET, F.when(F.col(DEST).isNull(), F.lit(0)).otherwise(F.pmod(F.xxhash64("id"), n_expr)))
    with_bucket = with_bucket.withColumn("_n", F.when(F.col(DEST).isNull(), F.lit(1)).otherwise(n_expr))
    partitions = max(1, min(sum(buckets.values()) + 1, 2000))
    ordered = with_bucket.repartition(partitions, *GROUP_COLS).sortWithinPartitions(*GROUP_COLS, "id", *tiebreak)
    task = _WriteTask(root=root, schemas=schemas, store=store, unique_ids=unique_ids)
    rows = ordered.mapInArrow(task, STATS_DDL).collect()
    return collect_stats([*other_stats, *rows], buckets)


def _bucket_count_expr(buckets: dict[str, int]) -> Column:
    key = F.concat_ws("/", F.col(DEST), F.col("kind"), F.col("source"))
    if not buckets:
        return F.lit(1)
    mapping = F.create_map(*[x for k, n in sorted(buckets.items()) for x in (F.lit(k), F.lit(n))])
    return F.coalesce(mapping[key], F.lit(1))


def collect_stats(rows: Iterable, buckets: dict[str, int]) -> WriteResult:
    """The WriteResult of every task's stats rows (`TaskStats.to_batch`, collected on the driver)."""
    files: list[OutputFile] = []
    groups: dict[GroupKey, list[int]] = defaultdict(lambda: [0, 0])
    examples: dict[tuple[str, str], list[str]] = defaultdict(list)
    for r in rows:
        if r.type == "file":
            files.append(OutputFile(r.path, r.docs, r.bytes, r.sha256, r.row_groups))
        elif r.type == "group":
            g = groups[GroupKey(r.dest, r.kind, r.source, r.lang, r.reason)]
            g[0] += r.docs
            g[1] += r.bytes
        else:
            examples[(r.source, r.reason)].append(r.path)
    return WriteResult(
        files=sorted(files, key=lambda f: f.path),
        groups={k: (v[0], v[1]) for k, v in sorted(groups.items(), key=lambda kv: _sort_key(kv[0]))},
        examples={k: sorted(v)[:EXAMPLES_PER_REASON] for k, v in sorted(examples.items())},
        buckets=dict(buckets),
    )


def _sort_key(k: GroupKey) -> tuple[str, ...]:
    return (k.dest or "", k.kind, k.source, k.lang, k.reason or "")


class _WriteTask:
    """The mapInArrow function: consumes one sorted partition, writes its buckets, returns stats rows."""

    def __init__(self, *, root: str, schemas: dict[str, pa.Schema], store: storage.Storage, unique_ids: bool) -> None:
        self.root, self.schemas, self.store, self.unique_ids = root, schemas, store, unique_ids

    def __call__(self, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        stats = TaskStats()
        opened: list[_BucketFile] = []
        try:
            self._write(batches, stats, opened)
        except BaseException:
            for f in opened:  # a failed task leaves no temporary file behind
                f.discard()
            raise
        yield stats.to_batch()

    def _write(self, batches: Iterator[pa.RecordBatch], stats: TaskStats, opened: list[_BucketFile]) -> None:
        current: _BucketFile | None = None
        last_id: tuple | None = None
        for batch in batches:
            cols = {name: batch.column(name).to_pylist() for name in
                    (DEST, "kind", "source", BUCKET, "_n", "id", "lang", "size_bytes", "reason", "locator")}
            keep: list[int] = []
            for i in range(batch.num_rows):
                dest, kind, source, bucket = cols[DEST][i], cols["kind"][i], cols["source"][i], cols[BUCKET][i]
                reason = cols["reason"][i]
                key = (dest, kind, source, bucket)
                if dest is not None and current is not None and current.key != key:
                    current = self._flush(current, batch, keep, stats)
                    keep = []
                if dest is not None and self.unique_ids and last_id == (key, cols["id"][i]):
                    reason, dest = "duplicate_locator", None
                if dest is not None:
                    last_id = (key, cols["id"][i])
                    if current is None:
                        current = _BucketFile(key, cols["_n"][i], self.root, self.schemas[dest], self.store)
                        opened.append(current)
                    keep.append(i)
                stats.count(dest, kind, source, cols["lang"][i], reason, cols["size_bytes"][i], cols["locator"][i])
            if current is not None and keep:
                current.append(batch.take(pa.array(keep, pa.int64())))
        if current is not None:
            stats.file(current.close())

    def _flush(self, current: _BucketFile, batch: pa.RecordBatch, keep: list[int], stats: TaskStats) -> None:
        if keep:
            current.append(batch.take(pa.array(keep, pa.int64())))
        stats.file(current.close())
        return None


class PartFile:
    """One output Parquet file at `root/rel`, staged and published when complete; rows are appended in their final
    order and cut into row groups at fixed row / byte counts."""

    def __init__(self, store: storage.Storage, root: str, rel: str, schema: pa.Schema) -> None:
        self.rel, self.schema = rel, schema
        dictionary = [c for c in _DICTIONARY_COLUMNS if c in schema.names]
        self.file = StagedParquet(store, root, rel, schema, compression="zstd", use_dictionary=dictionary,
                                  write_statistics=True)
        self.pending: list[pa.Table] = []
        self.pending_rows = self.pending_bytes = 0

    def append(self, rows: pa.RecordBatch | pa.Table) -> None:
        table = rows if isinstance(rows, pa.Table) else pa.Table.from_batches([rows])
        table = table.select(self.schema.names).cast(self.schema)
        sizes = table.column("size_bytes").to_pylist() if "size_bytes" in self.schema.names else [0] * table.num_rows
        start = 0
        for i, size in enumerate(sizes):
            self.pending_rows += 1
            self.pending_bytes += size or 0
            if self.pending_rows >= ROWS_PER_GROUP or self.pending_bytes >= BYTES_PER_GROUP:
                self.pending.append(table.slice(start, i + 1 - start))
                start = i + 1
                self._write_group()
        if start < table.num_rows:
            self.pending.append(table.slice(start))

    def _write_group(self) -> None:
        # NOTE: row groups close at fixed row / byte counts of the ordered rows, never at input batch edges:
        # that is what keeps the file bytes independent of Spark's batching.
        if self.pending_rows:
            self.file.write_row_group(pa.concat_tables(self.pending))
        self.pending, self.pending_rows, self.pending_bytes = [], 0, 0

    def close(self) -> OutputFile:
        self._write_group()
        return self.file.publish()

    def discard(self) -> None:
        self.file.discard()

    def __enter__(self) -> PartFile:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *rest: object) -> None:
        self.file.__exit__(exc_type, *rest)  # the staged file's rule: stopped before publish, removed


class _BucketFile(PartFile):
    """The file of one (dest, kind, source, bucket) of `write_partitioned`."""

    def __init__(self, key: tuple, n: int, root: str, schema: pa.Schema, store: storage.Storage) -> None:
        dest, kind, source, bucket = key
        super().__init__(store, root, f"{dest}/kind={kind}/source={source}/part-{bucket:05d}-of-{n:05d}.parquet",
                         schema)
        self.key = key


class TaskStats:
    """What one writing task counted and wrote, returned to the driver as rows of `STATS_DDL`."""

    def __init__(self) -> None:
        self.groups: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
        self.examples: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.files: list[OutputFile] = []

    def count(self, dest: str | None, kind: str, source: str, lang: str, reason: str | None, size: int | None,
              locator: str) -> None:
        g = self.groups[(dest, kind, source, lang, reason)]
        g[0] += 1
        g[1] += size or 0
        if reason is not None:
            ex = self.examples[(source, reason)]
            if len(ex) < EXAMPLES_PER_REASON or locator < max(ex):
                ex.append(locator)
                ex.sort()
                del ex[EXAMPLES_PER_REASON:]

    def count_rows(self, rows: pa.Table | pa.RecordBatch, dests: list[str | None], reasons: list[str | None]) -> None:
        """`count` for every row of `rows` (its kind, source, lang, size_bytes and locator columns), with the
        row's destination and reason from the same positions of `dests` and `reasons`."""
        columns = (rows.column(c).to_pylist() for c in ("kind", "source", "lang", "size_bytes", "locator"))
        for dest, reason, kind, source, lang, size, locator in zip(dests, reasons, *columns):
            self.count(dest, kind, source, lang, reason, size, locator)

    def file(self, f: OutputFile) -> None:
        self.files.append(f)

    def to_batch(self) -> pa.RecordBatch:
        rows: list[dict[str, object]] = []
        for (dest, kind, source, lang, reason), (docs, size) in self.groups.items():
            rows.append({"type": "group", "dest": dest, "kind": kind, "source": source, "lang": lang,
                         "reason": reason, "docs": docs, "bytes": size})
        for (source, reason), locators in self.examples.items():
            rows.extend({"type": "example", "source": source, "reason": reason, "path": loc} for loc in locators)
        for f in self.files:
            rows.append({"type": "file", "path": f.path, "docs": f.rows, "bytes": f.bytes, "sha256": f.sha256,
                         "row_groups": f.row_groups})
        return pa.RecordBatch.from_pylist(rows, schema=_STATS_SCHEMA)


def _local_scratch() -> str:
    base = os.environ.get("SPARK_LOCAL_DIRS", "").split(",")[0] or tempfile.gettempdir()
    return os.path.join(base, "lemur-upload")
