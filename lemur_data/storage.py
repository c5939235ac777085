"""Local and S3 storage behind one small interface (pyarrow filesystems).

Spark has no S3A jars here, so every read and write of data goes through `Storage` inside tasks. A `Storage` is
a picklable value (endpoint, region): it travels in task closures and opens its filesystem lazily per process.
Credentials come from the standard AWS chain (environment, profile, instance role) and are never stored.
"""

from __future__ import annotations

import fnmatch
import glob
import hashlib
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
_fs_cache: dict[tuple[str | None, str | None, float], pafs.FileSystem] = {}
_fs_lock = threading.Lock()
_LOCAL = pafs.LocalFileSystem()
DEFAULT_CONNECT_TIMEOUT_S = 5.0
# The AWS environment's endpoint settings, in the order the SDKs read them (used when s3_endpoint is unset).
ENDPOINT_VARIABLES = ("AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL")
# Attempts per S3 request (the first and 4 retries, with the SDK's exponential backoff: ~10 s of waiting in all,
# measured). AWS's own standard mode makes 3; a dead endpoint costs at most attempts x timeout + backoff.
S3_MAX_ATTEMPTS = 5


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


def glob_base(pattern: str) -> str:
    """The folder / prefix a glob lists from (up to the last separator before its first wildcard); the path itself
    when it has no wildcard."""
    if not has_glob(pattern):
        return pattern
    base = pattern[: min(pattern.index(c) for c in _GLOB_CHARS if c in pattern)]
    sep = "/" if is_remote(pattern) else os.sep
    return base[: base.rfind(sep) + 1] if sep in base[len(_S3) if is_remote(pattern) else 0:] else base


@dataclass(frozen=True)
class FileEntry:
    uri: str
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class Storage:
    s3_endpoint: str | None = None
    s3_region: str | None = None
    connect_timeout_s: float = DEFAULT_CONNECT_TIMEOUT_S

    def endpoint(self) -> str | None:
        """The S3 endpoint requests go to: the configured one, else the AWS environment's (None: AWS itself)."""
        return self.s3_endpoint or next((os.environ[v] for v in ENDPOINT_VARIABLES if os.environ.get(v)), None)

    # -- filesystem resolution -------------------------------------------------------------------------------
    def _fs(self, uri: str) -> tuple[pafs.FileSystem, str]:
        if not is_remote(uri):
            return _LOCAL, os.path.abspath(uri)
        key = (self.endpoint(), self.s3_region, self.connect_timeout_s)
        with _fs_lock:
            fs = _fs_cache.get(key)
            if fs is None:
                fs = _fs_cache[key] = _make_s3(*key)
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

    def sha256(self, uri: str) -> str:
        """The sha256 of a file, streamed."""
        with self.open_input(uri) as f:
            return hashlib.file_digest(f, "sha256").hexdigest()

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
        fs, path = self._fs(glob_base(pattern))
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


def _make_s3(endpoint: str | None, region: str | None, timeout_s: float) -> pafs.S3FileSystem:
    kwargs: dict[str, object] = {
        # NOTE: throttling (503 SlowDown), 5xx answers and network errors are retried with exponential backoff by
        # the AWS SDK. Without a bound a dead endpoint hung a run for minutes; now each attempt waits at most
        # `timeout_s` to connect, and `timeout_s` for the next byte of an answer (`request_timeout` is curl's
        # low-speed limit on Linux, despite pyarrow's docstring: measured, a silent server fails the attempt then).
        "retry_strategy": pafs.AwsStandardS3RetryStrategy(max_attempts=S3_MAX_ATTEMPTS),
        "connect_timeout": timeout_s,
        "request_timeout": timeout_s,
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
    return Storage(getattr(cfg, "s3_endpoint_url", None), getattr(cfg, "s3_region", None),
                   getattr(cfg, "connect_timeout_s", DEFAULT_CONNECT_TIMEOUT_S))
