"""Named reasons for every item a stage does not pass on.

Each reason is counted in the run manifest with a few example locators. A `skip` is a policy decision (vendored
code, lock files, size caps); an `error` is bad input (corrupt archives, invalid UTF-8, truncated Parquet). Neither
stops a job. Stages only use names registered here, so `lemur-data manifest show` can explain every count.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Category = Literal["skip", "error"]


@dataclass(frozen=True)
class Reason:
    name: str
    category: Category
    description: str


_ALL = [
    # crawl: policy skips
    Reason("vendored_dir", "skip", "file inside a vendored dependency directory (node_modules, vendor, third_party, ...)"),
    Reason("ignored_dir", "skip", "file inside VCS metadata or a cache directory (.git, __pycache__, ...)"),
    Reason("excluded_by_pattern", "skip", "path matches the source's `exclude` patterns"),
    Reason("lock_file", "skip", "dependency lock file (package-lock.json, Cargo.lock, ...)"),
    Reason("too_large", "skip", "item larger than the configured size cap"),
    Reason("empty", "skip", "empty or whitespace-only content"),
    Reason("unknown_language", "skip", "code file whose language is not recognised from name, extension or shebang"),
    Reason("unsupported_extension", "skip", "file type not read by a text source (expects txt, md, rst, html)"),
    Reason("symlink", "skip", "symbolic link, not followed (its target is crawled if it is inside the tree)"),
    Reason("warc_not_response", "skip", "WARC record that is not a response (request, warcinfo, metadata, ...)"),
    Reason("http_status", "skip", "WARC response whose HTTP status is not 200"),
    Reason("unsupported_content_type", "skip", "WARC response that is neither HTML nor plain text"),
    Reason("no_main_text", "skip", "HTML page where main-text extraction found no content"),
    Reason("duplicate_locator", "skip", "second item with the same source and locator (same document id)"),
    # crawl: bad input
    Reason("binary", "error", "binary content (NUL bytes)"),
    Reason("invalid_utf8", "error", "content is not valid UTF-8"),
    Reason("unreadable", "error", "item could not be read (I/O or permission error)"),
    Reason("symlink_loop", "error", "symbolic link that loops"),
    Reason("symlink_dangling", "error", "symbolic link whose target does not exist"),
    Reason("corrupt_archive", "error", "tar / zip archive that is truncated or corrupt (members read before the damage are kept)"),
    Reason("archive_unsafe_path", "error", "archive member with an absolute or ../ path (never extracted; skipped)"),
    Reason("archive_bomb", "error", "archive expands beyond the size or ratio limits; the rest of it is not read"),
    Reason("archive_too_many_members", "error", "archive has more members than the limit; the rest of it is not read"),
    Reason("corrupt_compression", "error", "gzip / zstd stream that is truncated or corrupt (lines read before are kept)"),
    Reason("corrupt_parquet", "error", "Parquet file that cannot be opened or read (truncated, bad footer)"),
    Reason("malformed_json", "error", "JSONL line that is not a JSON object"),
    Reason("missing_column", "error", "dataset file lacks a column named in the source's column mapping"),
    Reason("missing_text", "error", "dataset row whose text column is null or not a string"),
    Reason("malformed_warc_record", "error", "WARC record that cannot be parsed (skipped; the following records are read)"),
    Reason("extraction_timeout", "error", "HTML main-text extraction exceeded its time limit"),
    Reason("extraction_failed", "error", "HTML main-text extraction raised an error"),
    # tokenize
    Reason("no_tokens", "skip", "document whose text encodes to no tokens (empty text): it would add only EOS"),
    # mix
    Reason("not_selected", "skip", "document not drawn by the mixture's hash sampling (its source is downsampled)"),
]

REASONS: dict[str, Reason] = {r.name: r for r in _ALL}


def register(reason: Reason) -> Reason:
    """Register a stage-specific reason (idempotent for an identical definition)."""
    existing = REASONS.get(reason.name)
    if existing is not None and existing != reason:
        raise ValueError(f"reason {reason.name!r} is already registered with a different definition")
    REASONS[reason.name] = reason
    return reason


def check(name: str) -> str:
    """Return `name` if registered; a typo in a reason name is a bug, so fail loudly."""
    if name not in REASONS:
        raise KeyError(f"unregistered reason {name!r}; add it to lemur_data/reasons.py")
    return name
