"""What a source reader yields: a document or a skip with its named reason, and the Arrow batches they make."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Iterator

import pyarrow as pa

from lemur_data import reasons
from lemur_data.schema import DOC_SCHEMA, content_sha256, doc_id, extend_schema
from lemur_data.sources.names import safe_name

# Crawl rows: a DOC row, or a skip row (reason set, empty text) that the writer counts instead of writing.
CRAWL_SCHEMA = extend_schema(DOC_SCHEMA, pa.field("reason", pa.string()), pa.field("detail", pa.string()))

_BATCH_ROWS = 512
_BATCH_BYTES = 32 << 20
_DETAIL_CHARS = 200


@dataclass
class Doc:
    kind: str
    source: str
    lang: str
    text: str
    locator: str
    repo: str | None = None
    license: str | None = None
    meta: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Readers build locators with `names`; this is the guarantee that no name reaches Arrow unescaped.
        self.locator = safe_name(self.locator)
        self.meta = {k: safe_name(v) for k, v in self.meta.items()}


@dataclass
class Skip:
    kind: str
    source: str
    locator: str
    reason: str
    size_bytes: int = 0
    detail: str | None = None
    lang: str = ""

    def __post_init__(self) -> None:
        reasons.check(self.reason)
        # NOTE: a detail may quote a file name (an OSError message): Arrow and JSON need valid UTF-8.
        self.locator = safe_name(self.locator)
        self.detail = safe_name(self.detail) if self.detail else self.detail


Record = Doc | Skip


def decode_content(data: bytes) -> str | Skip:
    """Text of a file's bytes, or the reason it has none. The caller fills in the Skip's identity fields."""
    if b"\x00" in data:
        return Skip("", "", "", "binary", len(data))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Skip("", "", "", "invalid_utf8", len(data), f"byte {exc.start}: {exc.reason}")
    if not text.strip():
        return Skip("", "", "", "empty", len(data))
    return text


def utf8(text: str) -> bytes | None:
    """UTF-8 bytes of a text, or None when it holds a lone surrogate (JSON `\\udc80`, a surrogate-escaped name)."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return None


def to_batches(records: Iterable[Record]) -> Iterator[pa.RecordBatch]:
    """Group records into CRAWL_SCHEMA batches of bounded rows and bytes."""
    cols: dict[str, list] = {name: [] for name in CRAWL_SCHEMA.names}
    pending_bytes = 0
    for rec in records:
        raw = utf8(rec.text) if isinstance(rec, Doc) else None
        if isinstance(rec, Doc) and raw is None:  # a reader let a lone surrogate through: count, never crash
            rec = Skip(rec.kind, rec.source, rec.locator, "invalid_utf8", 0, "text holds a lone surrogate")
        if isinstance(rec, Doc) and raw is not None:
            _append(cols, doc_id(rec.source, rec.locator), rec.kind, rec.source, rec.lang, rec.text, rec.locator,
                    rec.repo, rec.license, len(raw), content_sha256(raw), [], sorted(rec.meta.items()), None, None)
            pending_bytes += len(raw)
        else:
            detail = rec.detail[:_DETAIL_CHARS] if rec.detail else None
            _append(cols, doc_id(rec.source, rec.locator), rec.kind, rec.source, rec.lang, "", rec.locator,
                    None, None, rec.size_bytes, "", [], [], rec.reason, detail)
        if len(cols["id"]) >= _BATCH_ROWS or pending_bytes >= _BATCH_BYTES:
            yield pa.RecordBatch.from_pydict(cols, schema=CRAWL_SCHEMA)
            cols = {name: [] for name in CRAWL_SCHEMA.names}
            pending_bytes = 0
    if cols["id"]:
        yield pa.RecordBatch.from_pydict(cols, schema=CRAWL_SCHEMA)


def _append(cols: dict[str, list], *values: object) -> None:
    for name, value in zip(CRAWL_SCHEMA.names, values, strict=True):
        cols[name].append(value)
