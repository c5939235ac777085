"""Tabular datasets: Parquet files and JSON Lines (plain, .gz, .zst), mapped to documents by a column mapping.

The Stack, RefinedWeb and RedPajama layouts each need one line of mapping (see `ColumnMapping`); datatrove's
document files (JSONL or Parquet) have a preset one. A damaged file keeps the rows read before the damage and is
counted under a named reason.
"""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
from typing import IO, Any, Iterator

import pyarrow as pa
import pyarrow.parquet as pq
import zstandard

from lemur_data import storage
from lemur_data.config import ColumnMapping, ConfigError, CrawlConfig, SourceConfig
from lemur_data.schema import UNKNOWN_LANG
from lemur_data.sources.items import WorkItem
from lemur_data.sources.languages import detect_language, normalize_language
from lemur_data.sources.licenses import normalize_spdx
from lemur_data.sources.names import escape_bytes, is_utf8, safe_name
from lemur_data.sources.records import Doc, Record, Skip, utf8

PARQUET_SUFFIXES = (".parquet", ".pq")
JSONL_SUFFIXES = (".jsonl", ".json", ".ndjson", ".jsonl.gz", ".json.gz", ".ndjson.gz", ".jsonl.zst", ".json.zst",
                  ".jsonl.zstd", ".jsonl.bz2", ".jsonl.xz")
_PARQUET_BATCH_ROWS = 256
_JSONL_LINE_OVERHEAD = 64 << 10  # JSON escaping and other fields around the text


def mapped_columns(mapping: ColumnMapping) -> list[str]:
    """Top-level columns the mapping reads (a dotted name reads its first component)."""
    return sorted({n.split(".", 1)[0] for n in mapping.mapped()})


def check_parquet_columns(source: SourceConfig, item: WorkItem, store: storage.Storage) -> None:
    """Fail fast, before Spark starts, when the mapping names a column the first readable file lacks."""
    try:
        with store.open_input(item.uri) as f:
            names = set(pq.ParquetFile(f).schema_arrow.names)
    except Exception:  # noqa: BLE001 - an unreadable file is reported per file by the executors
        return
    mapping = source.column_mapping
    for key in ("text", "locator", "lang", "path", "repo", "license", "stars"):
        col = getattr(mapping, key)
        if col and col.split(".", 1)[0] not in names:
            raise ConfigError(
                f"sources[{source.name}].columns.{key}: column {col!r} is not in {item.rel} "
                f"(its columns: {', '.join(sorted(names))})"
            )


def read_parquet(item: WorkItem, source: SourceConfig, crawl: CrawlConfig, store: storage.Storage) -> Iterator[Record]:
    mapping = source.column_mapping
    row = 0
    try:
        f = store.open_input(item.uri)
    except OSError as exc:
        yield Skip(source.kind, source.name, item.rel, "unreadable", item.size, str(exc))
        return
    with f:
        try:
            pf = pq.ParquetFile(f)
            present = set(pf.schema_arrow.names)
            missing = [c for c in mapped_columns(mapping) if c not in present]
            if mapping.text.split(".", 1)[0] in missing:
                yield Skip(source.kind, source.name, item.rel, "missing_column", item.size, f"missing {missing}")
                return
            # datatrove folds every other column into metadata (its `expand_metadata` layout): read them all
            columns = None if source.format == "datatrove" else [c for c in mapped_columns(mapping) if c in present]
            for batch in pf.iter_batches(batch_size=_PARQUET_BATCH_ROWS, columns=columns):
                for values in _batch_rows(batch):
                    yield row_record(values, f"{item.rel}#{row}", source, crawl)
                    row += 1
        except Exception as exc:  # noqa: BLE001 - pyarrow raises OSError / ArrowInvalid / others on bad files
            yield Skip(source.kind, source.name, item.rel, "corrupt_parquet", item.size,
                       f"after {row} rows: {type(exc).__name__}: {exc}")


def _batch_rows(batch: pa.RecordBatch) -> list[dict[str, Any]]:
    """A Parquet batch as rows. pyarrow does not check on read that string columns hold UTF-8; when one does not,
    its values come out as str where they decode and as bytes where not (a text is then counted as `invalid_utf8`,
    a locator or meta value escaped by `names`), instead of the rest of the file being lost."""
    try:
        return batch.to_pylist()
    except UnicodeDecodeError:
        pass
    columns: dict[str, list[Any]] = {}
    for name, col in zip(batch.schema.names, batch.columns):
        if pa.types.is_string(col.type) or pa.types.is_large_string(col.type):
            raw = col.view(pa.large_binary() if pa.types.is_large_string(col.type) else pa.binary()).to_pylist()
            columns[name] = [v.decode() if v is not None and is_utf8(v) else v for v in raw]
        else:
            columns[name] = col.to_pylist()
    return [dict(zip(columns, values)) for values in zip(*columns.values())]


def read_datatrove(item: WorkItem, source: SourceConfig, crawl: CrawlConfig, store: storage.Storage) -> Iterator[Record]:
    """datatrove's document files: Parquet (ParquetWriter) or JSON Lines, gzip by default (JsonlWriter)."""
    reader = read_parquet if item.rel.lower().endswith(PARQUET_SUFFIXES) else read_jsonl
    return reader(item, source, crawl, store)


def read_jsonl(item: WorkItem, source: SourceConfig, crawl: CrawlConfig, store: storage.Storage) -> Iterator[Record]:
    limit = crawl.max_file_bytes + _JSONL_LINE_OVERHEAD
    line_no = 0
    try:
        raw = store.open_input(item.uri)
    except OSError as exc:
        yield Skip(source.kind, source.name, item.rel, "unreadable", item.size, str(exc))
        return
    with raw:
        stream = _decompressed(raw, item.rel)
        try:
            while True:
                line, complete = _read_line(stream, limit)
                if not line:
                    break
                line_no += 1
                locator = f"{item.rel}#{line_no}"
                if not complete:
                    yield Skip(source.kind, source.name, locator, "too_large", len(line), "line over the size cap")
                    continue
                if not line.strip():
                    continue
                yield _json_record(line, locator, source, crawl)
        except (OSError, EOFError, zstandard.ZstdError, lzma.LZMAError, ValueError) as exc:
            yield Skip(source.kind, source.name, item.rel, "corrupt_compression", item.size,
                       f"after line {line_no}: {type(exc).__name__}: {exc}")


def _decompressed(raw: IO[bytes], rel: str) -> IO[bytes]:
    name = rel.lower()
    if name.endswith(".gz"):
        return gzip.GzipFile(fileobj=raw)
    if name.endswith((".zst", ".zstd")):
        return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(raw, read_across_frames=True))
    if name.endswith(".bz2"):
        return bz2.BZ2File(raw)
    if name.endswith(".xz"):
        return lzma.LZMAFile(raw)
    return raw


def _read_line(stream: IO[bytes], limit: int) -> tuple[bytes, bool]:
    """Next line without holding more than `limit` bytes of it; (line, False) when it was longer."""
    line = stream.readline(limit)
    if not line or line.endswith(b"\n") or len(line) < limit:
        return line, True
    while True:  # drain the rest of an oversize line
        more = stream.readline(limit)
        if not more or more.endswith(b"\n"):
            return line, False


def _json_record(line: bytes, locator: str, source: SourceConfig, crawl: CrawlConfig) -> Record:
    try:
        decoded = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Skip(source.kind, source.name, locator, "invalid_utf8", len(line), str(exc))
    try:
        values = json.loads(decoded)
    except ValueError as exc:
        return Skip(source.kind, source.name, locator, "malformed_json", len(line), str(exc))
    if not isinstance(values, dict):
        return Skip(source.kind, source.name, locator, "malformed_json", len(line), "not a JSON object")
    return row_record(values, locator, source, crawl)


def row_record(values: dict[str, Any], default_locator: str, source: SourceConfig, crawl: CrawlConfig) -> Record:
    """A document from one dataset row, or the reason there is none."""
    m = source.column_mapping
    if source.format == "datatrove":
        values = _datatrove_fields(values, keep=(m.text.split(".", 1)[0], (m.locator or "").split(".", 1)[0]))
    text = lookup(values, m.text)
    locator = _as_str(lookup(values, m.locator)) if m.locator else None
    locator = locator or default_locator
    if isinstance(text, bytes) and not is_utf8(text):
        return Skip(source.kind, source.name, locator, "invalid_utf8", len(text), f"column {m.text!r}")
    if not isinstance(text, str):
        return Skip(source.kind, source.name, locator, "missing_text", 0, f"column {m.text!r} is {type(text).__name__}")
    raw = utf8(text)
    if raw is None:
        return Skip(source.kind, source.name, locator, "invalid_utf8", 0, "lone surrogate (a JSON \\u escape)")
    size = len(raw)
    if size > crawl.max_file_bytes:
        return Skip(source.kind, source.name, locator, "too_large", size)
    if not text.strip():
        return Skip(source.kind, source.name, locator, "empty", size)
    if "\x00" in text:
        return Skip(source.kind, source.name, locator, "binary", size)
    meta = _meta(values, m)
    if m.stars and (stars := lookup(values, m.stars)) is not None:
        meta["stars"] = _as_str(stars) or ""
    path = _as_str(lookup(values, m.path)) if m.path else None
    if path is not None:
        meta["path"] = path
    declared = _as_str(lookup(values, m.lang)) if m.lang else None
    if source.kind == "code":
        named = path or locator
        lang = source.lang or normalize_language(declared) or detect_language(named, text[:256].encode())
        if lang is None:
            return Skip("code", source.name, locator, "unknown_language", size,
                        f"no language from {'path ' + repr(path) if path else 'the locator'} or a shebang")
    else:
        lang = (declared or source.lang or UNKNOWN_LANG).lower()
    repo = _as_str(lookup(values, m.repo)) if m.repo else None
    license_ = normalize_spdx(lookup(values, m.license)) if m.license else None
    return Doc(source.kind, source.name, lang, text, locator, repo, license_ or source.license, meta)


def _meta(values: dict[str, Any], m: ColumnMapping) -> dict[str, str]:
    """The `meta` columns, then every other key of the `meta_object` column (a key mapped elsewhere is not kept
    twice; an explicit `meta` column of the same name wins)."""
    meta = {col: s for col in m.meta if (s := _as_str(lookup(values, col))) is not None}
    obj = _json_value(lookup(values, m.meta_object))
    if isinstance(obj, dict):
        mapped = set(m.mapped())
        for key, value in obj.items():
            if f"{m.meta_object}.{key}" not in mapped and key not in meta and (s := _as_str(value)) is not None:
                meta[key] = s
    return meta


def _datatrove_fields(values: dict[str, Any], keep: tuple[str, ...]) -> dict[str, Any]:
    """A row as datatrove's readers see it (`BaseReader._default_adapter`): `metadata` parsed when it is a JSON
    string, and every column besides the text and id columns (`keep`), media and metadata folded into it."""
    metadata = values.get("metadata")
    if isinstance(metadata, str):
        try:
            metadata = json.loads(metadata)
        except ValueError:
            pass
    if metadata is None:
        metadata = {}
    if not isinstance(metadata, dict):
        metadata = {"metadata": metadata}
    rest = {k: v for k, v in values.items() if k not in (*keep, "media", "metadata")}
    return {**{k: values.get(k) for k in keep if k}, "metadata": {**metadata, **rest}}


def lookup(values: dict[str, Any], dotted: str | None) -> Any:
    """Value of a column; `a.b` reaches into a struct (dict) or a JSON-object string column."""
    if not dotted:
        return None
    head, _, rest = dotted.partition(".")
    value = values.get(head)
    for part in rest.split(".") if rest else ():
        value = _json_value(value)
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _json_value(value: Any) -> Any:
    """A JSON-object string column's value parsed (None when it is not JSON); any other value as it is."""
    if not isinstance(value, str):
        return value
    try:
        return json.loads(value)
    except ValueError:
        return None


def _as_str(value: Any) -> str | None:
    """A column value as text for a locator or meta field: escaped by `names` when it is not UTF-8."""
    if value is None:
        return None
    if isinstance(value, bytes):  # a binary column
        return escape_bytes(value)
    if isinstance(value, (dict, list)):
        value = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return safe_name(value if isinstance(value, str) else str(value))
