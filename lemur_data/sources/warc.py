"""WARC / WARC.gz files: response records -> main text (trafilatura), the URL as locator.

Records are isolated before parsing: a .warc.gz is split into its gzip members (one record each, per the WARC
spec) and a plain .warc at `WARC/` record headers. A malformed record is counted (`malformed_warc_record`) and
the reader goes on with the next one, instead of losing the rest of the file as a plain iterator would.
warcio then parses each isolated record (HTTP headers, chunked transfer and content encodings).
"""

from __future__ import annotations

import io
import zlib
from typing import IO, Iterator

from warcio.archiveiterator import ArchiveIterator

from lemur_data import storage
from lemur_data.config import CrawlConfig, SourceConfig
from lemur_data.schema import UNKNOWN_LANG
from lemur_data.sources.files import html_to_text
from lemur_data.sources.items import WorkItem
from lemur_data.sources.names import escape_bytes, is_utf8
from lemur_data.sources.records import Doc, Record, Skip, decode_content

_CHUNK = 1 << 20
_HEADER_LIMIT = 64 << 10
_HTML_TYPES = ("text/html", "application/xhtml+xml")


class _Oversize:
    """Placeholder for a record whose content is over the cap (its WARC headers are kept for the locator)."""

    def __init__(self, headers: bytes, length: int) -> None:
        self.headers, self.length = headers, length


def read_warc(item: WorkItem, source: SourceConfig, crawl: CrawlConfig, store: storage.Storage) -> Iterator[Record]:
    cap = crawl.max_html_bytes + _HEADER_LIMIT
    try:
        f = store.open_input(item.uri)
    except OSError as exc:
        yield Skip(source.kind, source.name, item.rel, "unreadable", item.size, str(exc))
        return
    with f:
        try:
            for offset, blob in _records(f, item.rel.lower().endswith(".gz"), cap):
                yield from _record(blob, f"{item.rel}@{offset}", source, crawl)
        except (zlib.error, EOFError, OSError) as exc:
            yield Skip(source.kind, source.name, item.rel, "corrupt_compression", item.size,
                       f"{type(exc).__name__}: {exc}")


def _records(f: IO[bytes], gzipped: bool, cap: int) -> Iterator[tuple[int, bytes | _Oversize | Exception]]:
    if not gzipped:
        yield from _split_plain(f, cap)
        return
    for offset, member in _gzip_members(f, cap):
        if isinstance(member, _Oversize):
            yield offset, member
            continue
        for _, blob in _split_plain(io.BytesIO(member), cap):
            yield offset, blob


def _gzip_members(f: IO[bytes], cap: int) -> Iterator[tuple[int, bytes | _Oversize]]:
    """Decompressed gzip members, holding at most `cap` bytes of one member in memory."""
    d = zlib.decompressobj(zlib.MAX_WBITS | 16)
    parts: list[bytes] = []
    head, size, started, member_start, consumed = b"", 0, False, 0, 0
    data = f.read(_CHUNK)
    while data:
        out = d.decompress(data, _CHUNK)
        started = True
        head += out[: max(0, _HEADER_LIMIT - len(head))]
        size += len(out)
        if size <= cap:
            parts.append(out)
        else:
            parts.clear()
        if d.eof:
            consumed += len(data) - len(d.unused_data)
            yield member_start, (b"".join(parts) if size <= cap else _Oversize(head, size))
            member_start = consumed
            parts, head, size, started = [], b"", 0, False
            data = d.unused_data or f.read(_CHUNK)
            d = zlib.decompressobj(zlib.MAX_WBITS | 16)
        elif d.unconsumed_tail:
            consumed += len(data) - len(d.unconsumed_tail)
            data = d.unconsumed_tail
        else:
            consumed += len(data)
            data = f.read(_CHUNK)
    if started:
        raise EOFError("gzip member truncated at end of file")


def _split_plain(f: IO[bytes], cap: int) -> Iterator[tuple[int, bytes | _Oversize | Exception]]:
    """Raw records of an uncompressed WARC stream; resynchronises at the next `WARC/` line after damage."""
    while True:
        start = f.tell()
        line = f.readline(_HEADER_LIMIT)
        if not line:
            return
        if line in (b"\r\n", b"\n"):
            continue  # blank lines between records
        if not line.startswith(b"WARC/"):
            yield start, ValueError(f"expected a WARC/ header line, got {line[:40]!r}")
            _resync(f)
            continue
        header, length = _read_header(f, line)
        if length is None:
            yield start, ValueError("WARC record without a valid Content-Length header")
            _resync(f)
            continue
        if length > cap:
            _discard(f, length)
            yield start, _Oversize(header, length)
            continue
        body = f.read(length)
        if len(body) < length:
            yield start, ValueError("WARC record truncated")
            return
        yield start, header + body + b"\r\n\r\n"


def _read_header(f: IO[bytes], first: bytes) -> tuple[bytes, int | None]:
    lines, length = [first], None
    while True:
        h = f.readline(_HEADER_LIMIT)
        lines.append(h)
        if not h or h in (b"\r\n", b"\n"):
            break
        name, _, value = h.partition(b":")
        if name.strip().lower() == b"content-length":
            try:
                length = int(value.strip())
            except ValueError:
                length = None
    complete = lines[-1] in (b"\r\n", b"\n")
    return b"".join(lines), (length if complete and length is not None and length >= 0 else None)


def _resync(f: IO[bytes]) -> None:
    """Skip to just before the next line that starts a WARC record."""
    while True:
        pos = f.tell()
        line = f.readline(_HEADER_LIMIT)
        if not line or line.startswith(b"WARC/1."):
            f.seek(pos)
            return


def _discard(f: IO[bytes], n: int) -> None:
    while n > 0:
        chunk = f.read(min(n, _CHUNK))
        if not chunk:
            return
        n -= len(chunk)


def _warc_header(head: bytes, name: bytes) -> bytes | None:
    for line in head.split(b"\n"):
        key, _, value = line.partition(b":")
        if key.strip().lower() == name:
            return value.strip()
        if not line.strip():
            return None  # end of the WARC header block
    return None


def _target_uri(parsed: str | None, head: bytes) -> str | None:
    """The record's URL as locator: warcio's value, unless the raw header is not UTF-8. warcio then decodes the
    line as Latin-1 (a different, valid URL); its bytes are restored and escaped by `names` instead."""
    raw = _warc_header(head, b"warc-target-uri")
    if parsed is None or raw is None or is_utf8(raw):
        return parsed
    return escape_bytes(parsed.encode("latin-1"))


def _record(blob: bytes | _Oversize | Exception, where: str, source: SourceConfig, crawl: CrawlConfig) -> Iterator[Record]:
    if isinstance(blob, Exception):
        yield Skip(source.kind, source.name, where, "malformed_warc_record", 0, str(blob))
        return
    if isinstance(blob, _Oversize):
        raw = _warc_header(blob.headers, b"warc-target-uri")
        url = escape_bytes(raw) if raw else where
        yield Skip(source.kind, source.name, url, "too_large", blob.length)
        return
    try:
        rec = next(iter(ArchiveIterator(io.BytesIO(blob), check_digests=False)))
        rec_type = rec.rec_type
        url = _target_uri(rec.rec_headers.get_header("WARC-Target-URI"), blob) or where
        status = rec.http_headers.get_statuscode() if rec.http_headers else None
        ctype = (rec.http_headers.get_header("Content-Type") or "") if rec.http_headers else ""
        payload = rec.content_stream().read() if rec_type == "response" else b""
        date = rec.rec_headers.get_header("WARC-Date") or ""
        record_id = rec.rec_headers.get_header("WARC-Record-ID") or ""
    except Exception as exc:  # noqa: BLE001 - warcio raises many types on damaged records
        yield Skip(source.kind, source.name, where, "malformed_warc_record", len(blob), f"{type(exc).__name__}: {exc}")
        return
    if rec_type != "response":
        yield Skip(source.kind, source.name, where, "warc_not_response", 0, rec_type)
        return
    if status != "200":
        yield Skip(source.kind, source.name, url, "http_status", len(payload), f"status {status}")
        return
    if len(payload) > crawl.max_html_bytes:
        yield Skip(source.kind, source.name, url, "too_large", len(payload), "page over max_html_bytes")
        return
    mime = ctype.split(";", 1)[0].strip().lower()
    if mime in _HTML_TYPES:
        result = html_to_text(payload, crawl, url=url)
    elif mime == "text/plain":
        result = decode_content(payload)
    else:
        yield Skip(source.kind, source.name, url, "unsupported_content_type", len(payload), mime or "(none)")
        return
    if isinstance(result, Skip):
        result.kind, result.source, result.locator = source.kind, source.name, url
        yield result
        return
    if len(result.encode("utf-8")) > crawl.max_file_bytes:
        yield Skip(source.kind, source.name, url, "too_large", len(payload), "extracted text over max_file_bytes")
        return
    meta = {"url": url, "warc_date": date, "warc_record_id": record_id}
    yield Doc(source.kind, source.name, source.lang or UNKNOWN_LANG, result, url, None, source.license, meta)
