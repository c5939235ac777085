"""Local and S3 storage behind one small interface (pyarrow filesystems).

Spark has no S3A jars here, so every read and write of data goes through `Storage` inside tasks. A `Storage` is
a picklable value (endpoint, region): it travels in task closures and opens its filesystem lazily per process.
Credentials come from the standard AWS chain (environment, profile, instance role) and are never stored.
"""

from __future__ import annotations

import fnmatch
import glob
import os
import posixpath
import shutil
import tempfile
import threading
from dataclasses import dataclass
from typing import IO, Iterator

import pyarrow.fs as pafs

_S3 = "s3://"
_GLOB_CHARS = "*?["
_fs_cache: dict[tuple[str | None, str | None], pafs.FileSystem] = {}
_fs_lock = threading.Lock()
_LOCAL = pafs.LocalFileSystem()


def is_remote(uri: str) -> bool:
    return uri.startswith(_S3)


def join(base: str, *parts: str) -> str:
    if is_remote(base):
        return posixpath.join(base, *parts)
    return os.path.join(base, *parts)


def relative(uri: str, root: str) -> str:
    """`uri` relative to `root`, with '/' separators."""
    rel = posixpath.relpath(uri, root) if is_remote(uri) else os.path.relpath(uri, root)
    return rel.replace(os.sep, "/")


def has_glob(path: str) -> bool:
    return any(c in path for c in _GLOB_CHARS)


@dataclass(frozen=True)
class FileEntry:
    uri: str
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class Storage:
    s3_endpoint: str | None = None
    s3_region: str | None = None

    # -- filesystem resolution -------------------------------------------------------------------------------
    def _fs(self, uri: str) -> tuple[pafs.FileSystem, str]:
        if not is_remote(uri):
            return _LOCAL, os.path.abspath(uri)
        key = (self.s3_endpoint, self.s3_region)
        with _fs_lock:
            fs = _fs_cache.get(key)
            if fs is None:
                fs = _fs_cache[key] = _make_s3(self.s3_endpoint, self.s3_region)
        return fs, uri[len(_S3):]

    # -- reading ---------------------------------------------------------------------------------------------
    def open_input(self, uri: str) -> IO[bytes]:
        """A seekable binary file (local file or S3 object with ranged reads)."""
        if not is_remote(uri):
            return open(uri, "rb")
        fs, path = self._fs(uri)
        return fs.open_input_file(path)

    def read_bytes(self, uri: str) -> bytes:
        with self.open_input(uri) as f:
            return f.read()

    def exists(self, uri: str) -> bool:
        fs, path = self._fs(uri)
        return fs.get_file_info(path).type != pafs.FileType.NotFound

    def info(self, uri: str) -> FileEntry | None:
        fs, path = self._fs(uri)
        info = fs.get_file_info(path)
        if info.type != pafs.FileType.File:
            return None
        return FileEntry(uri, info.size or 0, info.mtime_ns or 0)

    def list_files(self, pattern: str) -> list[FileEntry]:
        """Files under a directory / prefix, or matching a glob, sorted by URI. Symlinks are followed (local)."""
        if not is_remote(pattern):
            return self._list_local(pattern)
        base = pattern
        if has_glob(pattern):
            base = pattern[: min(pattern.index(c) for c in _GLOB_CHARS if c in pattern)]
            base = base[: base.rfind("/") + 1] if "/" in base[len(_S3):] else base
        fs, path = self._fs(base)
        selector = pafs.FileSelector(path.rstrip("/"), recursive=True, allow_not_found=True)
        entries = []
        for info in fs.get_file_info(selector):
            if info.type != pafs.FileType.File:
                continue
            uri = _S3 + info.path
            if has_glob(pattern) and not fnmatch.fnmatchcase(uri, pattern):
                continue
            entries.append(FileEntry(uri, info.size or 0, info.mtime_ns or 0))
        if not entries and not has_glob(pattern):
            single = self.info(pattern)
            entries = [single] if single else []
        return sorted(entries, key=lambda e: e.uri)

    def _list_local(self, pattern: str) -> list[FileEntry]:
        if has_glob(pattern):
            paths = [p for p in glob.glob(pattern, recursive=True) if os.path.isfile(p)]
        elif os.path.isdir(pattern):
            paths = [os.path.join(d, f) for d, _, files in os.walk(pattern) for f in files]
            paths = [p for p in paths if os.path.isfile(p)]
        else:
            paths = [pattern] if os.path.isfile(pattern) else []
        out = []
        for p in paths:
            st = os.stat(p)
            out.append(FileEntry(os.path.abspath(p), st.st_size, st.st_mtime_ns))
        return sorted(out, key=lambda e: e.uri)

    # -- writing ---------------------------------------------------------------------------------------------
    def write_bytes(self, uri: str, data: bytes) -> None:
        """Write a whole object atomically: readers see the old content or the new, never a part."""
        if not is_remote(uri):
            os.makedirs(os.path.dirname(uri) or ".", exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=os.path.dirname(uri) or ".")
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(data)
                    f.flush()
                    os.fsync(f.fileno())
                os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; published files get the usual mode
                os.replace(tmp, uri)
            except BaseException:
                _silent_unlink(tmp)
                raise
            return
        fs, path = self._fs(uri)
        with fs.open_output_stream(path) as out:  # a single PUT (or multipart) becomes visible on close
            out.write(data)

    def put_file(self, local_path: str, uri: str) -> None:
        """Move a finished local file to `uri` (atomic rename locally; multipart upload on S3)."""
        if not is_remote(uri):
            os.makedirs(os.path.dirname(uri) or ".", exist_ok=True)
            os.replace(local_path, uri)
            return
        fs, path = self._fs(uri)
        with open(local_path, "rb") as src, fs.open_output_stream(path) as out:
            shutil.copyfileobj(src, out, length=8 << 20)
        os.unlink(local_path)

    def delete_tree(self, uri: str) -> None:
        if not is_remote(uri):
            shutil.rmtree(uri, ignore_errors=True)
            return
        fs, path = self._fs(uri)
        try:
            fs.delete_dir_contents(path.rstrip("/"), missing_dir_ok=True)
        except OSError:
            pass

    def delete_file(self, uri: str) -> None:
        if not is_remote(uri):
            _silent_unlink(uri)
            return
        fs, path = self._fs(uri)
        try:
            fs.delete_file(path)
        except (FileNotFoundError, OSError):
            pass

    def iter_lines(self, uri: str) -> Iterator[bytes]:
        with self.open_input(uri) as f:
            yield from f


def _make_s3(endpoint: str | None, region: str | None) -> pafs.S3FileSystem:
    endpoint = endpoint or os.environ.get("AWS_ENDPOINT_URL_S3") or os.environ.get("AWS_ENDPOINT_URL")
    kwargs: dict[str, object] = {
        # NOTE: throttling (503 SlowDown) and 5xx answers are retried with exponential backoff by the AWS SDK.
        "retry_strategy": pafs.AwsStandardS3RetryStrategy(max_attempts=10),
    }
    if endpoint:
        scheme, _, host = endpoint.partition("://")
        kwargs["endpoint_override"] = host if host else endpoint
        kwargs["scheme"] = scheme if host else "https"
        kwargs["force_virtual_addressing"] = False
    if region:
        kwargs["region"] = region
    elif endpoint:
        kwargs["region"] = os.environ.get("AWS_REGION", "us-east-1")
    return pafs.S3FileSystem(**kwargs)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _silent_unlink(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def from_config(cfg: object) -> Storage:
    """Storage for a `StorageConfig` (kept loose to avoid an import cycle with config)."""
    return Storage(getattr(cfg, "s3_endpoint_url", None), getattr(cfg, "s3_region", None))
