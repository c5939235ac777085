"""Tar (plain, gz, bz2, xz) and zip archives of repositories, read as streams: nothing is extracted to disk.

Member paths are only ever used as locators, so `../../etc/x` can do no harm; such members are still skipped
and counted (`archive_unsafe_path`). Guards against archive bombs: member count, total expanded size, and the
ratio of expanded to compressed size, all checked from member headers before a member is read.
"""

from __future__ import annotations

import posixpath
import struct
import tarfile
import zipfile
import zlib
from dataclasses import dataclass
from typing import IO, Iterator

from lemur_data import storage
from lemur_data.config import CrawlConfig, SourceConfig
from lemur_data.sources.files import file_record, path_policy, size_cap
from lemur_data.sources.items import WorkItem
from lemur_data.sources.licenses import MAX_LICENSE_BYTES, detect_repo_licenses, is_license_evidence, repo_for
from lemur_data.sources.names import escape_bytes, safe_name
from lemur_data.sources.records import Record, Skip

TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tbz", ".tar.xz", ".txz")
ZIP_SUFFIXES = (".zip", ".jar", ".whl")
ARCHIVE_SUFFIXES = TAR_SUFFIXES + ZIP_SUFFIXES

# Exceptions a damaged tar / zip stream raises part-way.
_CORRUPT = (tarfile.TarError, zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError)


@dataclass(frozen=True)
class Member:
    name: str
    size: int
    is_file: bool
    is_link: bool


def archive_stem(rel: str) -> str:
    name = posixpath.basename(rel)
    for suffix in sorted(ARCHIVE_SUFFIXES, key=len, reverse=True):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


def read_archive(item: WorkItem, source: SourceConfig, crawl: CrawlConfig, store: storage.Storage) -> Iterator[Record]:
    reader = _read_zip if item.rel.lower().endswith(ZIP_SUFFIXES) else _read_tar
    yield from reader(item, source, crawl, store)


def _unsafe(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return name.startswith(("/", "\\")) or ".." in parts or (len(name) > 1 and name[1] == ":")


class _Guard:
    """Counts members and expanded bytes of one archive; says when to stop reading it."""

    def __init__(self, crawl: CrawlConfig, compressed_size: int) -> None:
        self.crawl = crawl
        self.compressed = max(compressed_size, 1)
        self.members = 0
        self.expanded = 0

    def admit(self, member: Member) -> str | None:
        self.members += 1
        self.expanded += max(member.size, 0)
        if self.members > self.crawl.archive_max_members:
            return "archive_too_many_members"
        if self.expanded > self.crawl.archive_max_expanded_bytes:
            return "archive_bomb"
        if self.expanded > 1 << 20 and self.expanded / self.compressed > self.crawl.archive_max_ratio:
            return "archive_bomb"
        return None

    def detail(self) -> str:
        return (f"stopped at member {self.members}: {self.expanded} bytes expanded from {self.compressed} "
                f"(limits: {self.crawl.archive_max_members} members, {self.crawl.archive_max_expanded_bytes} bytes, "
                f"ratio {self.crawl.archive_max_ratio:g})")


def _member_skip(item: WorkItem, source: SourceConfig, crawl: CrawlConfig, m: Member) -> Skip | None:
    locator = f"{item.rel}!/{m.name}"
    if _unsafe(m.name):
        return Skip(source.kind, source.name, locator, "archive_unsafe_path", m.size)
    if m.is_link:
        return Skip(source.kind, source.name, locator, "symlink", 0)
    reason = path_policy(m.name, source, crawl)
    if reason is None and m.size > size_cap(m.name, source, crawl):
        reason = "too_large"
    return Skip(source.kind, source.name, locator, reason, m.size) if reason else None


def _repo_name(item: WorkItem, root: str) -> str:
    """Archive stem, plus the path of a nested repository below the archive's top-level folder."""
    stem = archive_stem(item.rel)
    nested = root.split("/", 1)[1] if "/" in root else ""
    return f"{stem}/{nested}" if nested else stem


def _records(item: WorkItem, source: SourceConfig, crawl: CrawlConfig, members: Iterator[tuple[Member, IO[bytes] | None]],
             repos: dict) -> Iterator[Record]:
    guard = _Guard(crawl, item.size)
    try:
        for m, stream in members:
            if not m.is_file and not m.is_link:
                continue
            stop = guard.admit(m)
            if stop:
                yield Skip(source.kind, source.name, item.rel, stop, item.size, guard.detail())
                return
            skip = _member_skip(item, source, crawl, m)
            if skip is not None:
                yield skip
                continue
            data = stream.read(m.size + 1) if stream is not None else b""
            repo = repo_for(m.name, repos) if source.kind == "code" else None
            yield file_record(
                source, crawl, path=m.name, locator=f"{item.rel}!/{m.name}", data=data,
                repo=_repo_name(item, repo.root) if repo else None,
                license=repo.spdx if repo else None,
                meta={"archive": item.rel, "member": m.name},
            )
    except _CORRUPT as exc:
        yield Skip(source.kind, source.name, item.rel, "corrupt_archive", item.size, f"{type(exc).__name__}: {exc}")


# -- tar ---------------------------------------------------------------------------------------------------------
def _tar_members(f: IO[bytes]) -> Iterator[tuple[Member, IO[bytes] | None]]:
    with tarfile.open(fileobj=f, mode="r|*") as tar:
        for info in tar:
            # tarfile decodes names with surrogateescape: a non-UTF-8 member name is escaped here, once.
            m = Member(safe_name(info.name), info.size, info.isfile(), info.issym() or info.islnk())
            yield m, (tar.extractfile(info) if info.isfile() else None)


def _read_tar(item: WorkItem, source: SourceConfig, crawl: CrawlConfig, store: storage.Storage) -> Iterator[Record]:
    repos = _tar_licenses(item, source, crawl, store) if source.kind == "code" else {}
    try:
        f = store.open_input(item.uri)
    except OSError as exc:
        yield Skip(source.kind, source.name, item.rel, "unreadable", item.size, str(exc))
        return
    with f:
        yield from _records(item, source, crawl, _tar_members(f), repos)


def _tar_licenses(item: WorkItem, source: SourceConfig, crawl: CrawlConfig, store: storage.Storage) -> dict:
    """First pass over a tar stream for license files and package metadata (a tar has no index)."""
    evidence: dict[str, str] = {}
    guard = _Guard(crawl, item.size)
    try:
        with store.open_input(item.uri) as f:
            for m, stream in _tar_members(f):
                if guard.admit(m):
                    break
                if stream is not None and not _unsafe(m.name) and is_license_evidence(m.name) \
                        and m.size <= MAX_LICENSE_BYTES:
                    evidence[m.name] = stream.read().decode("utf-8", errors="replace")
    except _CORRUPT:
        pass  # the second pass reports the damage
    return detect_repo_licenses(evidence)


# -- zip ---------------------------------------------------------------------------------------------------------
def _read_zip(item: WorkItem, source: SourceConfig, crawl: CrawlConfig, store: storage.Storage) -> Iterator[Record]:
    try:
        f = store.open_input(item.uri)
    except OSError as exc:
        yield Skip(source.kind, source.name, item.rel, "unreadable", item.size, str(exc))
        return
    with f:
        try:
            zf, entries = _open_zip(f)
        except _CORRUPT as exc:
            yield Skip(source.kind, source.name, item.rel, "corrupt_archive", item.size, f"{type(exc).__name__}: {exc}")
            return
        with zf:
            repos = _zip_licenses(zf, entries) if source.kind == "code" else {}

            def members() -> Iterator[tuple[Member, IO[bytes] | None]]:
                for info, name in entries:
                    is_link = (info.external_attr >> 16) & 0o170000 == 0o120000
                    m = Member(name, info.file_size, not info.is_dir() and not is_link, is_link)
                    yield m, _LazyZipMember(zf, info) if m.is_file else None

            yield from _records(item, source, crawl, members(), repos)


class _LazyZipMember:
    """Opens a zip member only when its bytes are needed (after the guards and path rules passed)."""

    def __init__(self, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
        self.zf, self.info = zf, info

    def read(self, n: int) -> bytes:
        with self.zf.open(self.info) as m:
            return m.read(n)


def _open_zip(f: IO[bytes]) -> tuple[zipfile.ZipFile, list[tuple[zipfile.ZipInfo, str]]]:
    """The zip and its members with their locator names. A name flagged UTF-8 that is not makes zipfile refuse
    the whole central directory; such a zip is reopened with every name read as raw bytes (`_RawNames`)."""
    try:
        zf = zipfile.ZipFile(f)
        return zf, [(info, info.filename) for info in zf.infolist()]
    except UnicodeDecodeError:
        f.seek(0)
    zf = zipfile.ZipFile(_RawNames(f))
    return zf, [(info, escape_bytes(info.filename.encode("cp437"))) for info in zf.infolist()]


class _RawNames:
    """A zip stream read with the UTF-8 name flag cleared in the central directory and the local headers, so
    zipfile decodes every name as cp437: a one-to-one map of bytes (`name.encode("cp437")` is the raw name)."""

    _CENTRAL, _LOCAL = b"PK\x01\x02", b"PK\x03\x04"
    _UTF8_FLAG = 1 << 11

    def __init__(self, f: IO[bytes]) -> None:
        self._f = f

    def __getattr__(self, name: str):  # seek, tell, close, ...: the underlying stream's
        return getattr(self._f, name)

    def read(self, n: int = -1) -> bytes:
        data = self._f.read(n)
        if data[:4] == self._LOCAL and len(data) == 30:  # zipfile reads a local header as exactly 30 bytes
            return self._cleared(data, [6])
        if data[:4] == self._CENTRAL:  # zipfile reads the central directory in one piece
            flags, pos = [], 0
            while data[pos:pos + 4] == self._CENTRAL and pos + 46 <= len(data):
                flags.append(pos + 8)
                pos += 46 + sum(struct.unpack_from("<HHH", data, pos + 28))
            return self._cleared(data, flags)
        return data

    def _cleared(self, data: bytes, flag_offsets: list[int]) -> bytes:
        out = bytearray(data)
        for at in flag_offsets:
            struct.pack_into("<H", out, at, struct.unpack_from("<H", out, at)[0] & ~self._UTF8_FLAG)
        return bytes(out)


def _zip_licenses(zf: zipfile.ZipFile, entries: list[tuple[zipfile.ZipInfo, str]]) -> dict:
    evidence = {}
    for info, name in entries:
        if not info.is_dir() and not _unsafe(name) and is_license_evidence(name) \
                and info.file_size <= MAX_LICENSE_BYTES:
            try:
                evidence[name] = zf.read(info).decode("utf-8", errors="replace")
            except _CORRUPT:
                continue
    return detect_repo_licenses(evidence)
