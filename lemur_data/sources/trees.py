"""`files` (checked-out repositories) and `text` (txt / md / rst / html) directory trees.

The driver walks the tree (never following symlinks, so loops cannot recurse), applies the path rules and detects
repository licenses; executors read the files. The same listing (`list_entries`) serves the whole-file formats.
"""

from __future__ import annotations

import errno
import os
from concurrent.futures import ThreadPoolExecutor
from typing import Iterator

from lemur_data import storage
from lemur_data.config import CrawlConfig, SourceConfig
from lemur_data.sources.files import file_record, path_policy, size_cap
from lemur_data.sources.items import WorkItem, source_root
from lemur_data.sources.licenses import (MAX_LICENSE_BYTES, RepoLicense, detect_repo_licenses, is_license_evidence,
                                         repo_for)
from lemur_data.sources.names import safe_name
from lemur_data.sources.records import Record, Skip


Listed = tuple[str, str, int, int, str | None]  # (locator, uri, size, mtime_ns, problem)


def list_entries(path: str, store: storage.Storage) -> tuple[str, list[Listed]]:
    """Every file under a source path (local tree, glob, file, or S3 prefix), sorted, with its locator.

    The locator is the path relative to the source root, escaped by `names.safe_name` when the name is not
    UTF-8; the uri stays the name the file system knows (surrogate-escaped), so the executors can open it.
    """
    root = source_root(path)
    if storage.is_remote(path):
        raw: Iterator[Listed] = ((storage.relative(e.uri, root), e.uri, e.size, e.mtime_ns, None)
                                 for e in store.list_files(path))
    else:
        raw = _walk_local(root, path)
    return root, [(safe_name(rel), uri, size, mtime, problem) for rel, uri, size, mtime, problem in raw]


def list_tree(source: SourceConfig, crawl: CrawlConfig, store: storage.Storage) -> tuple[str, list[WorkItem]]:
    root, listed = list_entries(source.path, store)
    items = []
    for rel, uri, size, mtime, problem in listed:
        reason = problem or path_policy(rel, source, crawl)
        if reason is None and size > size_cap(rel, source, crawl):
            reason = "too_large"
        items.append(WorkItem(source.name, uri, rel, size, mtime, skip=reason))
    if source.kind == "code":
        items = _attach_licenses(items, root, store)
    return root, items


def _walk_local(root: str, pattern: str) -> Iterator[Listed]:
    """(rel, path, size, mtime_ns, problem) for every file under root, sorted; symlinks are reported, not followed."""
    if not storage.has_glob(pattern) and not os.path.lexists(pattern):
        return
    if storage.has_glob(pattern) or os.path.isfile(pattern):
        for e in storage.Storage().list_files(pattern):
            yield storage.relative(e.uri, root), e.uri, e.size, e.mtime_ns, None
        return
    # NOTE: relative paths are built by concatenation (os.path.relpath per file dominated listing time).
    stack = [(root, "")]
    while stack:
        d, prefix = stack.pop()
        try:
            entries = sorted(os.scandir(d), key=lambda e: e.name)
        except OSError as exc:
            yield prefix or ".", d, 0, 0, "unreadable" if exc.errno != errno.ELOOP else "symlink_loop"
            continue
        subdirs = []
        for e in entries:
            rel = prefix + e.name
            if e.is_symlink():
                yield rel, e.path, 0, 0, _symlink_problem(e.path)
            elif e.is_dir(follow_symlinks=False):
                subdirs.append((e.path, rel + "/"))
            elif e.is_file(follow_symlinks=False):
                try:
                    st = e.stat(follow_symlinks=False)
                except OSError:
                    yield rel, e.path, 0, 0, "unreadable"
                    continue
                yield rel, e.path, st.st_size, st.st_mtime_ns, None
        stack.extend(reversed(subdirs))


def _symlink_problem(path: str) -> str:
    try:
        os.stat(path)
    except OSError as exc:
        return "symlink_loop" if exc.errno == errno.ELOOP else "symlink_dangling"
    return "symlink"


def _attach_licenses(items: list[WorkItem], root: str, store: storage.Storage) -> list[WorkItem]:
    """Give every code file the license of its nearest repository root."""
    evidence_items = [i for i in items if i.skip is None and is_license_evidence(i.rel) and i.size <= MAX_LICENSE_BYTES]
    with ThreadPoolExecutor(max_workers=16) as pool:
        texts = list(pool.map(lambda i: _read_text(store, i.uri), evidence_items))
    repos = detect_repo_licenses({i.rel: t for i, t in zip(evidence_items, texts) if t is not None})
    root_name = os.path.basename(root.rstrip("/")) or root
    by_dir: dict[str, RepoLicense | None] = {}
    out = []
    for item in items:
        d = os.path.dirname(item.rel)
        if d not in by_dir:
            by_dir[d] = repo_for(item.rel, repos)
        repo = by_dir[d]
        if repo is None:
            out.append(item)
            continue
        name = repo.root or root_name
        out.append(WorkItem(item.source, item.uri, item.rel, item.size, item.mtime_ns, item.skip, item.detail,
                            repo=name, license=repo.spdx))
    return out


def _read_text(store: storage.Storage, uri: str) -> str | None:
    try:
        return store.read_bytes(uri).decode("utf-8", errors="replace")
    except OSError:
        return None


def read_tree_file(item: WorkItem, source: SourceConfig, crawl: CrawlConfig, store: storage.Storage) -> Iterator[Record]:
    cap = size_cap(item.rel, source, crawl)
    try:
        with store.open_input(item.uri) as f:
            data = f.read(cap + 1)
    except OSError as exc:
        yield Skip(source.kind, source.name, item.rel, "unreadable", item.size, f"{type(exc).__name__}: {exc}")
        return
    if len(data) > cap:  # the file grew after listing
        yield Skip(source.kind, source.name, item.rel, "too_large", item.size)
        return
    yield file_record(source, crawl, path=item.rel, locator=item.rel, data=data, repo=item.repo, license=item.license)
