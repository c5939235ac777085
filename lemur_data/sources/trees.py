"""`files` (checked-out repositories) and `text` (txt / md / rst / html) directory trees.

The driver walks the tree (never following symlinks, so loops cannot recurse), applies the path rules and detects
repository licenses; executors read the files. The same listing (`list_entries`) serves the whole-file formats.
"""

from __future__ import annotations

import errno
import os
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, Iterator

from lemur_data import storage
from lemur_data.config import CrawlConfig, SourceConfig
from lemur_data.sources.files import file_record, folder_policy, name_policy, size_cap
from lemur_data.sources.items import WorkItem, source_root
from lemur_data.sources.licenses import MAX_LICENSE_BYTES, RepoLicense, detect_repo_licenses, is_license_evidence
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
    reasons = _path_reasons(listed, source, crawl)
    if source.kind == "code":
        repo_of = _repo_licenses(listed, reasons, root, store)
        return root, [WorkItem(source.name, uri, rel, size, mtime, reason, None, *repo_of(rel.rpartition("/")[0]))
                      for (rel, uri, size, mtime, _), reason in zip(listed, reasons)]
    return root, [WorkItem(source.name, uri, rel, size, mtime, reason)
                  for (rel, uri, size, mtime, _), reason in zip(listed, reasons)]


def _path_reasons(listed: list[Listed], source: SourceConfig, crawl: CrawlConfig) -> list[str | None]:
    """Each listed file's reason to skip it known before reading (listing problem, path policy, size cap, a
    locator already listed)."""
    folder_reasons: dict[str, str | None] = {}
    reasons = []
    seen: set[str] = set()
    for rel, _, size, _, problem in listed:
        folder, _, name = rel.rpartition("/")
        if folder not in folder_reasons:
            folder_reasons[folder] = folder_policy(folder, crawl)
        reason = problem or folder_reasons[folder] or name_policy(rel, name, source)
        if reason is None and size > size_cap(rel, source, crawl):
            reason = "too_large"
        # NOTE: two names escape to one locator only when one is not UTF-8 and the other spells its escape
        # (names.py); the later one in listing order is the repeat. Deciding it here is what lets the crawl write
        # a tree without a shuffle by id.
        if reason is None and rel in seen:
            reason = "duplicate_locator"
        elif reason is None:
            seen.add(rel)
        reasons.append(reason)
    return reasons


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
            if e.is_file(follow_symlinks=False):  # the common case first: not a symlink, a regular file
                try:
                    st = e.stat(follow_symlinks=False)
                except OSError:
                    yield rel, e.path, 0, 0, "unreadable"
                    continue
                yield rel, e.path, st.st_size, st.st_mtime_ns, None
            elif e.is_symlink():
                yield rel, e.path, 0, 0, _symlink_problem(e.path)
            elif e.is_dir(follow_symlinks=False):
                subdirs.append((e.path, rel + "/"))
        stack.extend(reversed(subdirs))


def _symlink_problem(path: str) -> str:
    try:
        os.stat(path)
    except OSError as exc:
        return "symlink_loop" if exc.errno == errno.ELOOP else "symlink_dangling"
    return "symlink"


def _repo_licenses(listed: list[Listed], reasons: list[str | None], root: str,
                   store: storage.Storage) -> Callable[[str], tuple[str | None, str | None]]:
    """(repository name, license) of the nearest repository root above a folder, (None, None) outside any."""
    evidence = [(rel, uri) for (rel, uri, size, _, _), reason in zip(listed, reasons)
                if reason is None and is_license_evidence(rel) and size <= MAX_LICENSE_BYTES]
    with ThreadPoolExecutor(max_workers=16) as pool:
        texts = list(pool.map(lambda e: _read_text(store, e[1]), evidence))
    repos = detect_repo_licenses({rel: t for (rel, _), t in zip(evidence, texts) if t is not None})
    root_name = os.path.basename(root.rstrip("/")) or root
    memo: dict[str, RepoLicense | None] = {}

    def repo_of(folder: str) -> tuple[str | None, str | None]:
        repo = _nearest_repo(folder, repos, memo)
        return (None, None) if repo is None else (repo.root or root_name, repo.spdx)
    return repo_of


def _nearest_repo(folder: str, repos: dict[str, RepoLicense],
                  memo: dict[str, RepoLicense | None]) -> RepoLicense | None:
    """`licenses.repo_for` of a file in `folder`, remembered for the folder and every folder walked above it."""
    walked = []
    while folder not in memo:
        if folder in repos or not folder:
            memo[folder] = repos.get(folder)
            break
        walked.append(folder)
        folder = folder.rpartition("/")[0]
    for f in walked:
        memo[f] = memo[folder]
    return memo[folder]


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
