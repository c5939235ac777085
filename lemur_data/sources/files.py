"""Rules shared by everything that reads named files: directory trees (`files`, `text`) and archive members.

`path_policy` decides from the path alone (vendored and ignored directories, exclude patterns, lock files, text
file types); `file_record` turns a file's bytes into a document or a named skip.
"""

from __future__ import annotations

import fnmatch
import posixpath

from lemur_data.config import CrawlConfig, SourceConfig
from lemur_data.schema import UNKNOWN_LANG
from lemur_data.sources.html import ExtractionTimeout, extract_main_text
from lemur_data.sources.languages import detect_language, is_lock_file
from lemur_data.sources.records import Doc, Record, Skip, decode_content

TEXT_EXTENSIONS = frozenset({".txt", ".text", ".md", ".markdown", ".rst", ".adoc", ".asciidoc", ".org"})
HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml"})


def path_policy(rel: str, source: SourceConfig, crawl: CrawlConfig) -> str | None:
    """Reason to skip a file from its relative path alone, or None to read it."""
    folder, _, name = rel.rpartition("/")
    return folder_policy(folder, crawl) or name_policy(rel, name, source)


def folder_policy(folder: str, crawl: CrawlConfig) -> str | None:
    """The part of `path_policy` decided by the folder alone ('' for the root): a tree's listing decides it once
    per folder instead of once per file."""
    dirs = folder.split("/") if folder else ()
    if any(d in crawl.ignored_dirs for d in dirs):
        return "ignored_dir"
    if any(d in crawl.vendored_dirs for d in dirs):
        return "vendored_dir"
    return None


def name_policy(rel: str, name: str, source: SourceConfig) -> str | None:
    """The part of `path_policy` decided by the whole path and the file name, once the folder passed."""
    if any(fnmatch.fnmatchcase(rel, pat) for pat in source.exclude):
        return "excluded_by_pattern"
    if source.kind == "code" and is_lock_file(name):
        return "lock_file"
    if source.kind == "text" and _ext(name) not in TEXT_EXTENSIONS | HTML_EXTENSIONS:
        return "unsupported_extension"
    return None


def size_cap(rel: str, source: SourceConfig, crawl: CrawlConfig) -> int:
    """Largest raw file read: HTML pages of text sources may be bigger than their extracted text."""
    if source.kind == "text" and _ext(rel) in HTML_EXTENSIONS:
        return crawl.max_html_bytes
    return crawl.max_file_bytes


def file_record(
    source: SourceConfig,
    crawl: CrawlConfig,
    *,
    path: str,
    locator: str,
    data: bytes,
    repo: str | None = None,
    license: str | None = None,
    meta: dict[str, str] | None = None,
) -> Record:
    """A document from one file's bytes, or the reason there is none."""
    if source.kind == "code":
        return _code_record(source, path=path, locator=locator, data=data, repo=repo, license=license, meta=meta)
    return _text_record(source, crawl, path=path, locator=locator, data=data, meta=meta)


def _code_record(source: SourceConfig, *, path: str, locator: str, data: bytes, repo: str | None,
                 license: str | None, meta: dict[str, str] | None) -> Record:
    decoded = decode_content(data)
    if isinstance(decoded, Skip):
        return _fill(decoded, source, locator)
    lang = source.lang or detect_language(path, data[:256])
    if lang is None:
        return Skip("code", source.name, locator, "unknown_language", len(data), posixpath.basename(path))
    return Doc("code", source.name, lang, decoded, locator, repo, license or source.license, dict(meta or {}))


def _text_record(source: SourceConfig, crawl: CrawlConfig, *, path: str, locator: str, data: bytes,
                 meta: dict[str, str] | None) -> Record:
    lang = source.lang or UNKNOWN_LANG
    if _ext(path) in HTML_EXTENSIONS:
        result = html_to_text(data, crawl, url=None)
        if isinstance(result, Skip):
            return _fill(result, source, locator)
        text = result
    else:
        decoded = decode_content(data)
        if isinstance(decoded, Skip):
            return _fill(decoded, source, locator)
        text = decoded
    if len(text.encode("utf-8")) > crawl.max_file_bytes:
        return Skip("text", source.name, locator, "too_large", len(data), "extracted text over max_file_bytes")
    return Doc("text", source.name, lang, text, locator, None, source.license, dict(meta or {}))


def html_to_text(data: bytes, crawl: CrawlConfig, url: str | None) -> str | Skip:
    """Main text of an HTML page, or a Skip whose identity fields the caller fills in."""
    if b"\x00" in data:
        return Skip("", "", "", "binary", len(data))
    try:
        text = extract_main_text(data, crawl.extraction_timeout_s, url=url)
    except ExtractionTimeout as exc:
        return Skip("", "", "", "extraction_timeout", len(data), str(exc))
    except Exception as exc:  # noqa: BLE001 - a broken page must not stop the job; it becomes a named reason
        return Skip("", "", "", "extraction_failed", len(data), f"{type(exc).__name__}: {exc}")
    if text is None:
        return Skip("", "", "", "no_main_text", len(data))
    return text


def _fill(skip: Skip, source: SourceConfig, locator: str) -> Skip:
    skip.kind, skip.source, skip.locator = source.kind, source.name, locator
    return skip


def _ext(path: str) -> str:
    return posixpath.splitext(path.lower())[1]
