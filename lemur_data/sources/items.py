"""Work items: what the driver lists and the executors read."""

from __future__ import annotations

import hashlib
import os
import posixpath
from dataclasses import dataclass

from lemur_data import storage


@dataclass(frozen=True)
class WorkItem:
    """One file to read (a tree file, an archive, a WARC, a Parquet or JSONL file).

    `skip` is set when the driver already knows the outcome from the path or a stat (vendored directory, size
    cap, symlink loop): the executor then only counts it, so every listed file is accounted for in one place.
    """

    source: str
    uri: str
    rel: str  # path under the source root, '/'-separated, escaped if not UTF-8 (names.safe_name): the locator base
    size: int
    mtime_ns: int = 0
    skip: str | None = None
    detail: str | None = None
    repo: str | None = None
    license: str | None = None


@dataclass(frozen=True)
class SourcePlan:
    source: str
    root: str
    items: tuple[WorkItem, ...]

    @property
    def bytes(self) -> int:
        return sum(i.size for i in self.items if i.skip is None)

    def fingerprint(self) -> str:
        """Changes when any listed file is added, removed, resized or touched."""
        h = hashlib.sha256()
        for i in self.items:
            h.update(f"{i.rel}\x00{i.size}\x00{i.mtime_ns}\x00{i.skip}\n".encode())
        return h.hexdigest()


def source_root(path: str) -> str:
    """The fixed directory / prefix part of a source path (a glob's base, a file's folder)."""
    if storage.has_glob(path):
        head = path[: min(path.index(c) for c in "*?[" if c in path)]
        return head.rsplit("/", 1)[0] if "/" in head else "."
    if storage.is_remote(path):
        return path.rstrip("/") if path.endswith("/") else posixpath.dirname(path) if _looks_like_file(path) else path
    return path if os.path.isdir(path) else os.path.dirname(path)


def _looks_like_file(uri: str) -> bool:
    return "." in posixpath.basename(uri)
