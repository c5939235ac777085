"""`lemur-data export`: a committed `filtered/` or `deduped/` output in datatrove's document layout.

datatrove's Document is `{text, id, metadata}`; its JsonlWriter writes one JSON object per line, gzip by default,
its ParquetWriter a `metadata` struct column. We write the same, one file per upstream file (the upstream manifest's
list, each file's size and sha256 checked as it is read), so datatrove's JsonlReader / ParquetReader read the export
as it is, and a `format: datatrove` source crawls it back (`config.sources.DATATROVE_COLUMNS`).

Mapping: `id` = the DOC id (sha256 of source and locator: unique across sources); `metadata` = the document's `meta`
map, then `source`, `kind`, `language` (where datatrove's language steps look), `locator`, `repo`, `license` and, from
dedup, `cluster_id` / `cluster_size` (these names win over a `meta` key of the same name). Signals are not exported.

Atomic: every file is written under a temporary name and renamed into place (uploaded whole on S3); the marker
`_lemur_export.json` (files, rows, sha256, the upstream manifest's sha256) is written last, so an interrupted export
has no marker. NOTE: datatrove's readers list every file under a folder: read an export with
`glob_pattern="**/*.jsonl.gz"` (or `"**/*.parquet"`) so the marker is not taken for data.
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass
from typing import Any, Iterator

import pyarrow as pa

from lemur_data import datasets, errors, storage
from lemur_data import manifest as mf
from lemur_data.config import ConfigError, redact_uri
from lemur_data.config.sources import DATATROVE_COLUMNS
from lemur_data.writer import OutputFile, StagedParquet, publish_file, temporary_path

MARKER = "_lemur_export.json"
FILE_TYPES = {"jsonl": ".jsonl.gz", "parquet": ".parquet"}
EXPORTABLE_STAGES = ("filter", "dedup")
_READ_COLUMNS = ["id", "kind", "source", "lang", "text", "locator", "repo", "license", "meta"]
_DEDUP_COLUMNS = ["cluster_id", "cluster_size"]
# Files an export writes (and only those may be replaced by --force): data files under kind=/source=, temporaries.
_OURS = re.compile(r"^(kind=[^/]+/source=[^/]+/[^/]+(\.jsonl\.gz|\.parquet)|(.*/)?\.tmp-[0-9a-f]{32}.*|"
                   + re.escape(MARKER) + ")$")


def _key(column: str) -> str:
    """The metadata key a `format: datatrove` source reads a field from (`metadata.language` -> `language`), so an
    export crawls back with the preset mapping."""
    return column.split(".", 1)[1]


@dataclass(frozen=True)
class Export:
    upstream: str  # the upstream manifest's uri
    files: tuple[OutputFile, ...]

    @property
    def documents(self) -> int:
        return sum(f.rows for f in self.files)


def export_datatrove(out: str, dest: str, *, folder: str = "deduped", file_type: str = "jsonl", force: bool = False,
                     store: storage.Storage | None = None) -> Export:
    """Write OUT/<folder>'s documents under DEST in datatrove's layout; the marker last."""
    store = store or storage.Storage()
    manifest_uri = storage.join(out, folder, mf.MANIFEST_NAME)
    found = mf.read(store, manifest_uri)
    if found is None:
        raise ConfigError(f"{manifest_uri}: no committed manifest; run the stage first (export reads a committed "
                          f"`filtered/` or `deduped/`, e.g. --from filtered)")
    upstream, upstream_sha = found
    if upstream.get("stage") not in EXPORTABLE_STAGES or upstream.get("status") != "completed":
        raise ConfigError(f"{manifest_uri}: stage {upstream.get('stage')!r} ({upstream.get('status')}); export "
                          f"reads a completed {' or '.join(EXPORTABLE_STAGES)} output")
    _clear_destination(store, dest, force)
    extra = _DEDUP_COLUMNS if upstream["stage"] == "dedup" else []
    by_file: dict[str, list[datasets.ReadUnit]] = {}
    for unit in datasets.read_units(out, datasets.main_files(upstream)):
        by_file.setdefault(unit.path, []).append(unit)
    written = []
    for path, units in by_file.items():
        rel = path.split("/", 1)[1].removesuffix(".parquet") + FILE_TYPES[file_type]
        tables = (t for u in units for t in datasets.read_unit(store, u, _READ_COLUMNS + extra))
        if file_type == "jsonl":
            written.append(_write_jsonl(store, dest, rel, tables))
        else:
            written.append(_write_parquet(store, dest, rel, tables, _metadata_keys(store, units) + extra))
    result = Export(manifest_uri, tuple(written))
    marker = {
        "format": "datatrove", "file_type": file_type, "documents": result.documents,
        "from": {"stage": upstream["stage"], "manifest": redact_uri(manifest_uri), "sha256": upstream_sha,
                 "run_id": upstream["run_id"], "fingerprint": upstream["fingerprint"]},
        "files": [f.to_json() for f in written], "code": mf.code_info(), "created_at": mf.now_iso(),
    }
    store.write_bytes(storage.join(dest, MARKER), json.dumps(marker, indent=2).encode() + b"\n")
    return result


def documents(table: pa.Table) -> Iterator[dict[str, Any]]:
    """datatrove Documents (as its writers store them) from DOC rows."""
    for row in table.to_pylist():
        metadata: dict[str, Any] = dict(row["meta"] or [])
        metadata.update({"source": row["source"], "kind": row["kind"], _key(DATATROVE_COLUMNS.lang): row["lang"],
                         "locator": row["locator"]})
        for field, column in (("repo", DATATROVE_COLUMNS.repo), ("license", DATATROVE_COLUMNS.license)):
            if row[field] is not None:
                metadata[_key(column)] = row[field]
        for field in _DEDUP_COLUMNS:
            if field in row:
                metadata[field] = row[field]
        yield {"text": row["text"], "id": row["id"], "metadata": metadata}


def _write_jsonl(store: storage.Storage, dest: str, rel: str, tables: Iterator[pa.Table]) -> OutputFile:
    uri = storage.join(dest, *rel.split("/"))
    with errors.writing(uri):
        tmp = temporary_path(dest, uri, ".jsonl.gz")
    rows = 0
    with errors.writing(uri, tmp):
        # mtime 0 and no file name in the gzip header: the same documents give the same bytes
        with open(tmp, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as f:
            for table in tables:
                for doc in documents(table):
                    f.write(json.dumps(doc, ensure_ascii=False).encode("utf-8") + b"\n")
                    rows += 1
        size, sha256 = publish_file(store, tmp, uri)
    return OutputFile(rel, rows, size, sha256, 0)


def _metadata_keys(store: storage.Storage, units: list[datasets.ReadUnit]) -> list[str]:
    """Every metadata key of one upstream file but dedup's: a Parquet file has one schema, so its struct holds
    them all (a document without a key has it null there)."""
    keys = {"source", "kind", _key(DATATROVE_COLUMNS.lang), "locator"}
    for table in (t for u in units for t in datasets.read_unit(store, u, ["meta", "repo", "license"])):
        keys.update(k for entries in table.column("meta").to_pylist() for k, _ in entries or [])
        for field, column in (("repo", DATATROVE_COLUMNS.repo), ("license", DATATROVE_COLUMNS.license)):
            if table.column(field).null_count < table.num_rows:
                keys.add(_key(column))
    return sorted(keys.difference(_DEDUP_COLUMNS))


def _write_parquet(store: storage.Storage, dest: str, rel: str, tables: Iterator[pa.Table],
                   keys: list[str]) -> OutputFile:
    fields = [pa.field(k, pa.int64() if k == "cluster_size" else pa.string()) for k in keys]
    schema = pa.schema([("text", pa.string()), ("id", pa.string()), ("metadata", pa.struct(fields))])
    with StagedParquet(store, dest, rel, schema, compression="snappy") as out:
        for table in tables:
            out.write_row_group(pa.Table.from_pylist(list(documents(table)), schema=schema))
        return out.publish()


def _clear_destination(store: storage.Storage, dest: str, force: bool) -> None:
    """DEST must be new or empty, or hold only an earlier export (complete or interrupted), which --force replaces.
    Anything else there is refused: an export never deletes files it did not write."""
    listed = [storage.relative(e.uri, dest) for e in store.list_files(dest)]
    foreign = [rel for rel in listed if not _OURS.match(rel)]
    if foreign:
        raise ConfigError(f"{dest}: holds files an export did not write (e.g. {foreign[0]}); choose a new or empty "
                          f"folder")
    if listed and not force:
        state = "an export" if MARKER in listed else "an interrupted export (no marker)"
        raise ConfigError(f"{dest}: holds {state}; pass --force to replace it")
    store.delete_file(storage.join(dest, MARKER))  # first: while files change, nothing looks finished
    for rel in listed:
        store.delete_file(storage.join(dest, *rel.split("/")))
