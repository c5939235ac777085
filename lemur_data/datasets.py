"""Reading a stage's Parquet output back into Spark, from the file list of its run manifest.

Files are read by pyarrow inside `mapInArrow` tasks (local or S3 through `Storage`), by units of a few row groups,
so a downstream stage never lists folders and never needs Hadoop's S3A. Row-group counts come from the upstream
manifest, so planning the read touches no data.

Every read checks the file against the upstream manifest: its size always (free: the open file knows it), its
sha256 in the task that reads the file's first row groups, which reads the whole file into memory once, hashes
it and parses its own row groups from that buffer. A file that changed or vanished after its manifest was
written fails the stage with `errors.TaskError` naming the file, never feeds it silently. The cost is the hashing
(CPU, ~1 GB/s) plus, for a file cut into several units, the rest of the file read by its first unit.
"""

from __future__ import annotations

import hashlib
import posixpath
from dataclasses import dataclass
from typing import IO, Any, Iterator

import pyarrow as pa
import pyarrow.parquet as pq
from pyspark.sql import DataFrame, SparkSession

from lemur_data import storage
from lemur_data.errors import TaskError
from lemur_data.schema import DOC_SCHEMA, spark_ddl

_ROW_GROUPS_PER_TASK = 4
# NOTE: a Python task costs ~60 ms of JVM <-> worker round trips besides its work (local[2], 2026-12-06: 83 empty
# mapInArrow tasks over 20,000 rows 3.1 s, 4 tasks 0.4 s, the same 83 tasks without Python 0.7 s). In local mode a
# stage over many small read units therefore runs them in at most this many tasks per core: enough to balance
# uneven units, few enough that the fixed cost stays small. On a cluster every unit keeps its own task (the
# registered cores, which dynamic allocation grows later, would cap the stage too low).
_LOCAL_TASKS_PER_CORE = 8
_RERUN = "; rerun the stage that wrote it with --force"


def main_files(manifest: dict[str, Any]) -> list[dict[str, Any]]:
    """The files of a manifest's main output folder (`outputs.dirs[0]`): what the next stage reads."""
    main = manifest["outputs"]["dirs"][0] + "/"
    return [f for f in manifest["outputs"]["files"] if f["path"].startswith(main)]


@dataclass(frozen=True)
class ReadUnit:
    """A few consecutive row groups of one listed file: the unit of a read task."""

    path: str  # relative to the output root, as listed in the manifest
    uri: str
    start: int  # first row group
    stop: int  # one past the last row group
    bytes: int | None = None  # size and sha256 recorded in the upstream manifest (None: not recorded)
    sha256: str | None = None


def read_units(root: str, files: list[dict[str, Any]],
               row_groups_per_unit: int = _ROW_GROUPS_PER_TASK) -> list[ReadUnit]:
    """The listed files cut into read units, in path order (row-group counts come from the manifest)."""
    units = []
    for f in sorted(files, key=lambda f: f["path"]):
        groups = max(1, int(f.get("row_groups") or 1))
        uri = storage.join(root, *f["path"].split("/"))
        for start in range(0, groups, row_groups_per_unit):
            units.append(ReadUnit(f["path"], uri, start, min(groups, start + row_groups_per_unit),
                                  f.get("bytes"), f.get("sha256")))
    return units


@dataclass(frozen=True)
class WriteRun:
    """Consecutive row groups of one upstream file, written as one file per output folder."""

    unit: ReadUnit  # the upstream row groups [start, stop)
    rel: str  # the output file's path below each output folder, e.g. kind=code/source=x/part-00000-of-00001.parquet


def write_runs(root: str, files: list[dict[str, Any]], target_file_bytes: int) -> list[WriteRun]:
    """The upstream files (the manifest's main folder), in path order, cut into runs of row groups of about
    `target_file_bytes` each, from the sizes and row-group counts their manifest records: the files of a stage
    whose outputs follow its upstream files (filter, dedup)."""
    runs = []
    for f in sorted(files, key=lambda f: f["path"]):
        groups = max(1, int(f.get("row_groups") or 1))
        pieces = min(groups, max(1, -(-int(f.get("bytes") or 0) // target_file_bytes)))
        per_run = -(-groups // pieces)
        below_main = f["path"].split("/", 1)[-1]
        uri = storage.join(root, *f["path"].split("/"))
        for start in range(0, groups, per_run):
            rel = below_main if per_run == groups else _with_suffix(below_main, f"-rg{start:05d}")
            runs.append(WriteRun(ReadUnit(f["path"], uri, start, min(groups, start + per_run), f.get("bytes"),
                                          f.get("sha256")), rel))
    return runs


def _with_suffix(rel: str, suffix: str) -> str:
    stem, ext = posixpath.splitext(rel)
    return f"{stem}{suffix}{ext}"


def unit_tasks(spark: SparkSession, n_units: int) -> int:
    """How many Python tasks a stage over `n_units` read units runs (see _LOCAL_TASKS_PER_CORE)."""
    sc = spark.sparkContext
    if sc.master.startswith("local"):
        return max(1, min(n_units, _LOCAL_TASKS_PER_CORE * sc.defaultParallelism))
    return max(1, n_units)


def unit_numbers(spark: SparkSession, n_units: int) -> DataFrame:
    """The read-unit numbers 0 .. n_units - 1 (column `id`), consecutive numbers per partition, `unit_tasks`
    partitions: the input of a mapInArrow task that reads its units itself."""
    return spark.range(0, n_units, 1, numPartitions=unit_tasks(spark, n_units))


def read_unit(store: storage.Storage, unit: ReadUnit, columns: list[str]) -> Iterator[pa.Table]:
    """The unit's row groups, one table each, with only `columns` read, from a file checked against its manifest."""
    with _open_checked(store, unit) as f:
        try:
            pf = pq.ParquetFile(f)
            for rg in range(unit.start, min(unit.stop, pf.num_row_groups)):
                yield pf.read_row_group(rg, columns=columns)
        except (pa.ArrowException, OSError) as exc:
            raise TaskError(f"cannot read upstream Parquet file {unit.uri}{_sha256_note(store, unit)}: "
                            f"{str(exc).splitlines()[0]}") from exc


def _open_checked(store: storage.Storage, unit: ReadUnit) -> IO[bytes]:
    try:
        f = store.open_input(unit.uri)
    except FileNotFoundError:
        raise TaskError(f"upstream file missing: {unit.uri} (listed in its stage's manifest){_RERUN}") from None
    size = f.seek(0, 2)
    f.seek(0)
    if unit.bytes is not None and size != unit.bytes:
        f.close()
        raise TaskError(f"upstream file changed since its manifest was written: {unit.uri} "
                        f"(size recorded {unit.bytes}, found {size}){_RERUN}")
    if unit.start != 0 or unit.sha256 is None:
        return f
    with f:
        data = f.read()
    found = hashlib.sha256(data).hexdigest()
    if found != unit.sha256:
        raise TaskError(f"upstream file changed since its manifest was written: {unit.uri} "
                        f"(sha256 recorded {unit.sha256}, found {found}){_RERUN}")
    return pa.BufferReader(data)


def _sha256_note(store: storage.Storage, unit: ReadUnit) -> str:
    """For a file that does not parse: whether it still has its recorded sha256 (read again only on failure)."""
    if unit.sha256 is None:
        return ""
    try:
        with store.open_input(unit.uri) as f:
            found = hashlib.file_digest(f, "sha256").hexdigest()
    except OSError:
        return ""
    return f" (sha256 recorded {unit.sha256}, found {found})" if found != unit.sha256 else " (sha256 as recorded)"


def read_parquet_files(spark: SparkSession, store: storage.Storage, root: str, files: list[dict[str, Any]],
                       schema: pa.Schema = DOC_SCHEMA) -> DataFrame:
    """A DataFrame over the listed files (paths relative to `root`), with `schema`'s columns."""
    units = read_units(root, files)
    task = _ReadTask(units, store, schema)
    return spark.range(0, len(units), 1, numPartitions=max(1, len(units))).mapInArrow(task, spark_ddl(schema))


class _ReadTask:
    def __init__(self, units: list[ReadUnit], store: storage.Storage, schema: pa.Schema) -> None:
        self.units, self.store, self.schema = units, store, schema

    def __call__(self, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            for unit_id in batch.column(0).to_pylist():
                for table in read_unit(self.store, self.units[unit_id], self.schema.names):
                    yield from table.cast(self.schema).to_batches(max_chunksize=256)
