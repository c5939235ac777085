"""Source readers: list a source's files on the driver (`plan_source`), read one file in an executor (`read_item`).

Formats: `files` (checked-out repositories), `archive` (tar / zip of repositories), `parquet`, `jsonl`, `warc`,
`text` (txt / md / rst / html trees), `datatrove` (its JSONL / Parquet document files). Every reader yields documents or named skips, never raises on bad data.
"""

from __future__ import annotations

from typing import Callable, Iterator

from lemur_data import storage
from lemur_data.config import ConfigError, CrawlConfig, SourceConfig
from lemur_data.sources.archives import ARCHIVE_SUFFIXES, read_archive
from lemur_data.sources.items import SourcePlan, WorkItem
from lemur_data.sources.records import Record, Skip
from lemur_data.sources.tables import (
    JSONL_SUFFIXES,
    PARQUET_SUFFIXES,
    check_parquet_columns,
    read_datatrove,
    read_jsonl,
    read_parquet,
)
from lemur_data.sources.trees import list_entries, list_tree, read_tree_file
from lemur_data.sources.warc import read_warc

Reader = Callable[[WorkItem, SourceConfig, CrawlConfig, storage.Storage], Iterator[Record]]

_READERS: dict[str, Reader] = {
    "files": read_tree_file,
    "text": read_tree_file,
    "archive": read_archive,
    "parquet": read_parquet,
    "jsonl": read_jsonl,
    "warc": read_warc,
    "datatrove": read_datatrove,
}

# File names each whole-file format expects (anything else under its path is skipped, and counted).
_SUFFIXES: dict[str, tuple[str, ...]] = {
    "archive": ARCHIVE_SUFFIXES,
    "parquet": PARQUET_SUFFIXES,
    "jsonl": JSONL_SUFFIXES,
    "warc": (".warc", ".warc.gz", ".arc.gz"),
    "datatrove": JSONL_SUFFIXES + PARQUET_SUFFIXES,
}


def plan_source(source: SourceConfig, crawl: CrawlConfig, store: storage.Storage) -> SourcePlan:
    """List a source's files and decide what the path alone can decide. Raises ConfigError if nothing is there."""
    try:
        if source.format in ("files", "text"):
            root, items = list_tree(source, crawl, store)
        else:
            root, items = _list_whole_files(source, store)
    except OSError as exc:
        raise ConfigError(f"sources[{source.name}].path: cannot list {source.path!r}: {exc}") from None
    if not items:
        raise ConfigError(f"sources[{source.name}].path: nothing found at {source.path!r}; expected "
                          f"{'a directory of files' if source.format in ('files', 'text') else _expect(source.format)}")
    if source.format == "parquet":
        first = next((i for i in items if i.skip is None), None)
        if first is not None:
            check_parquet_columns(source, first, store)
    return SourcePlan(source.name, root, tuple(items))


def _list_whole_files(source: SourceConfig, store: storage.Storage) -> tuple[str, list[WorkItem]]:
    root, listed = list_entries(source.path, store)
    items = []
    for rel, uri, size, mtime, problem in listed:
        skip = problem or (None if rel.lower().endswith(_SUFFIXES[source.format]) else "unsupported_extension")
        items.append(WorkItem(source.name, uri, rel, size, mtime, skip=skip))
    return root, items


def _expect(fmt: str) -> str:
    return f"{fmt} files ({', '.join(_SUFFIXES[fmt])})"


def read_item(item: WorkItem, source: SourceConfig, crawl: CrawlConfig, store: storage.Storage) -> Iterator[Record]:
    """Records of one work item, at least one. A reader bug on one item becomes a counted `unreadable`, not a
    failed job."""
    if item.skip is not None:
        yield Skip(source.kind, source.name, item.rel, item.skip, item.size, item.detail)
        return
    produced = False
    try:
        for record in _READERS[source.format](item, source, crawl, store):
            produced = True
            yield record
    except Exception as exc:  # noqa: BLE001 - last line of defence: count, name, go on
        produced = True
        yield Skip(source.kind, source.name, item.rel, "unreadable", item.size, f"{type(exc).__name__}: {exc}")
    if not produced:  # an empty JSONL / Parquet / WARC file or an archive of folders: listed, so counted
        yield Skip(source.kind, source.name, item.rel, "empty", item.size, "no records")
