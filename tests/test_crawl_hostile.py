"""The crawl's conservation law on generated hostile inputs (Hypothesis, fixed seed, one Spark session).

Every example is one source of one dataset: a file tree, a tar / tar.gz / zip archive, a JSON Lines file (plain or
gzip), a Parquet file or a WARC file (plain or gzip), made of REAL content (CPython's heapq.py / textwrap.py,
PSF-2.0, from tests/fixtures/bad-inputs/code/good; npm READMEs, MIT, from manifests/demo-corpus/text/markdown) with
hostile mutations: names that are not UTF-8, hold newlines or tabs, or differ only by Unicode normalisation;
invalid bytes, NULs, blank and huge contents; lone surrogates and wrong types in JSON / Parquet columns; symlinks,
loops and dangling links; truncation at a random offset; WARC records with lying lengths. All examples are crawled
by a few real crawl runs; then per source:

* the run manifest is valid (schema, every validation check passed) and is UTF-8 JSON;
* an undamaged source comes out exactly as predicted: the good items as documents, byte-identical, under their
  (escaped) locators, every other item counted under exactly one named reason;
* a damaged source (truncated, lying lengths) keeps every document it emits byte-identical to what was planted,
  and every listed file is a document or a counted reason (nothing vanishes).
"""

from __future__ import annotations

import gzip
import io
import json
import os
import tarfile
import tempfile
import unicodedata
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as pads
import pyarrow.parquet as pq
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from lemur_data import manifest as mf
from lemur_data.config import load_manifest
from lemur_data.runner import run_stage
from lemur_data.stage import RunContext
from lemur_data.sources.names import escape_bytes, is_utf8, name_bytes, safe_name
from lemur_data.stages import STAGES
from tests.conftest import BAD_INPUTS, REPO

CODE = [p.read_bytes() for p in sorted((BAD_INPUTS / "code" / "good").glob("*.py"))]
PROSE = [p.read_bytes() for p in sorted((REPO / "manifests/demo-corpus/text/markdown").glob("*.md"))[:4]]
MAX_FILE_BYTES = 100_000  # small, so "huge" lines and files stay cheap to generate
SOURCES_PER_RUN = 12
RUNS = 3


@dataclass
class Case:
    """One generated source and what the crawl must make of it."""

    format: str  # the dataset format: files, archive, jsonl, parquet, warc
    kind: str
    write: object  # write(dir) -> None: creates the source's files under dir
    docs: dict[str, bytes] = field(default_factory=dict)  # locator -> text (UTF-8) of every good item
    reasons: Counter = field(default_factory=Counter)  # reason -> count, for an undamaged source
    files: int = 1  # listed input files
    damaged: bool = False  # truncated / lying lengths: only the conservation law and byte identity are checked
    loose: frozenset = frozenset()  # locators whose text may legitimately differ (a lying WARC length)

    def __repr__(self) -> str:  # the texts are real files: show sizes, not contents
        docs = {loc: len(text) for loc, text in self.docs.items()}
        return f"Case({self.format}, damaged={self.damaged}, docs={docs}, reasons={dict(self.reasons)})"


# -- contents ------------------------------------------------------------------------------------------------------
def expect_file(data: bytes) -> tuple[str, bytes | None]:
    """What the crawl makes of a file's bytes: ("doc", text) or (reason, None) (the documented content rules)."""
    if b"\x00" in data:
        return "binary", None
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return "invalid_utf8", None
    if not text.strip():
        return "empty", None
    return "doc", body


@st.composite
def contents(draw, pool: list[bytes]) -> bytes:
    data = draw(st.sampled_from(pool))
    mutation = draw(st.sampled_from(["invalid", "none", "none", "nul", "blank", "cut", "bom"]))
    at = draw(st.integers(0, len(data)))
    if mutation == "invalid":
        return data[:at] + b"\xff\xfe" + data[at:]
    if mutation == "nul":
        return data[:at] + b"\x00" + data[at:]
    if mutation == "blank":
        return b" \n\t\n" * draw(st.integers(0, 3))
    if mutation == "cut":  # may split a multi-byte character: then it is invalid UTF-8
        return data[: max(at, 1)]
    if mutation == "bom":
        return b"\xef\xbb\xbf" + data
    return data


# -- names ---------------------------------------------------------------------------------------------------------
_BASES = ["heapq", "textwrap", "m\u00f3dulo", "caf\u00e9 2", "data-set"]


@st.composite
def file_names(draw, suffix: bytes = b".py") -> bytes:
    base = draw(st.sampled_from(_BASES))
    form = draw(st.sampled_from(["NFC", "NFD"]))
    name = unicodedata.normalize(form, base).encode()
    options = ["invalid", "newline", "none", "tab", "latin1", "long"]
    mutation = draw(st.sampled_from(options))
    if mutation == "invalid":
        name += draw(st.sampled_from([b"_\xff\xfe", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80", b"\x80"]))
    elif mutation == "newline":
        name += b"\nx"
    elif mutation == "tab":
        name = b"\t" + name
    elif mutation == "latin1":
        name = unicodedata.normalize("NFC", base).encode("latin-1", "replace")
    elif mutation == "long":
        name += b"x" * (200 - len(name))
    return name + suffix


def unique(names: list[bytes]) -> list[bytes]:
    return list(dict.fromkeys(names))


# -- file trees ----------------------------------------------------------------------------------------------------
@st.composite
def trees(draw) -> Case:
    """A `files` source of code (.py) or a `text` source of prose (.md)."""
    fmt, kind, ext, pool = draw(st.sampled_from([("files", "code", b".py", CODE), ("text", "text", b".md", PROSE)]))
    names = unique(draw(st.lists(file_names(suffix=ext), min_size=1, max_size=5)))
    datas = [draw(contents(pool)) for _ in names]
    subdir = draw(st.sampled_from([b"d\xff/", b"", b"pkg/", b"a\nb/"]))
    links = draw(st.sampled_from(["loop", "none", "symlink", "dangling"]))
    nfc_nfd_pair = not draw(st.booleans())
    case = Case(fmt, kind, None)
    entries = [(subdir + n, d) for n, d in zip(names, datas)]
    if nfc_nfd_pair:  # two distinct files whose names differ only by normalisation
        for form in ("NFC", "NFD"):
            entries.append((unicodedata.normalize(form, "r\u00e9sum\u00e9").encode() + ext, pool[0]))
    target = b"target" + ext
    if links == "symlink":
        entries.append((target, pool[0]))
    for rel, data in entries:
        outcome, text = expect_file(data)
        if outcome == "doc":
            case.docs[escape_bytes(rel)] = text
        else:
            case.reasons[outcome] += 1
    link_entries = {"none": [], "symlink": [(b"link" + ext, target)],
                    "loop": [(b"loop-a" + ext, b"loop-b" + ext), (b"loop-b" + ext, b"loop-a" + ext)],
                    "dangling": [(b"gone" + ext, b"missing" + ext)]}[links]
    reason = {"symlink": "symlink", "loop": "symlink_loop", "dangling": "symlink_dangling"}.get(links)
    if reason:
        case.reasons[reason] += len(link_entries)
    case.files = len(entries) + len(link_entries)

    def write(root: Path) -> None:
        base = os.fsencode(root)
        for rel, data in entries:
            path = os.path.join(base, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(data)
        for link, target in link_entries:
            os.symlink(target, os.path.join(base, link))

    case.write = write
    return case


# -- archives ------------------------------------------------------------------------------------------------------
@st.composite
def archives(draw) -> Case:
    fmt = draw(st.sampled_from([".tar", ".tar.gz", ".zip"]))
    is_zip = fmt == ".zip"
    names = unique(draw(st.lists(file_names(), min_size=1, max_size=4)))
    members = [(b"repo/" + n, draw(contents(CODE))) for n in names]
    unsafe = draw(st.sampled_from([None, b"../escape.py", b"/abs.py"]))
    symlink = not is_zip and draw(st.booleans())
    cut = draw(st.one_of(st.none(), st.floats(0.05, 0.95)))
    rel = "bundle" + fmt
    case = Case("archive", "code", None, damaged=cut is not None)
    for name, data in members:
        outcome, text = expect_file(data)
        if outcome == "doc":
            case.docs[f"{rel}!/{escape_bytes(name)}"] = text
        else:
            case.reasons[outcome] += 1
    if unsafe:
        case.reasons["archive_unsafe_path"] += 1
    if symlink:
        case.reasons["symlink"] += 1

    def write(root: Path) -> None:
        buf = io.BytesIO()
        swaps = []  # zipfile writes only str names: a non-UTF-8 name goes in as a stand-in, swapped afterwards
        if is_zip:
            with zipfile.ZipFile(buf, "w") as zf:
                for i, (name, data) in enumerate(members + ([(unsafe, CODE[0])] if unsafe else [])):
                    if not is_utf8(name):  # a non-ASCII stand-in of the same length: flagged UTF-8, but will not be
                        swaps.append((("\u00e9%0*d" % (len(name) - 2, i)).encode(), name))
                        name = swaps[-1][0]
                    zf.writestr(name.decode(), data)
        else:
            with tarfile.open(fileobj=buf, mode="w:gz" if fmt == ".tar.gz" else "w", format=tarfile.GNU_FORMAT,
                              encoding="utf-8", errors="surrogateescape") as tar:
                for name, data in members + ([(unsafe, CODE[0])] if unsafe else []):
                    info = tarfile.TarInfo(os.fsdecode(name))
                    info.size, info.mtime = len(data), 0
                    tar.addfile(info, io.BytesIO(data))
                if symlink:
                    info = tarfile.TarInfo("repo/link.py")
                    info.type, info.linkname = tarfile.SYMTYPE, "../etc/passwd"
                    tar.addfile(info)
        blob = buf.getvalue()
        for stand_in, name in swaps:
            blob = blob.replace(stand_in, name)
        (root / rel).write_bytes(blob[: int(len(blob) * cut)] if cut is not None else blob)

    case.write = write
    return case


# -- JSON Lines and Parquet rows -----------------------------------------------------------------------------------
@dataclass
class Row:
    line: bytes  # the JSONL line (without newline)
    text: object  # the text column value (Parquet)
    locator: object  # the locator column value (None: default locator)
    outcome: str  # "doc" or the reason
    doc_text: bytes | None = None


@st.composite
def rows(draw, index: int) -> Row:
    prose = draw(st.sampled_from(PROSE)).decode()
    kind = draw(st.sampled_from(["good", "good", "good", "nul", "blank", "surrogate_text", "int_text", "huge",
                                 "not_json", "array", "invalid_bytes"]))
    loc_kind = draw(st.sampled_from(["url", "url", "none", "int", "surrogate", "newline"]))
    locator = {"url": f"https://example.org/{index}/caf\u00e9", "none": None, "int": 1000 + index,
               "surrogate": f"https://example.org/{index}/\udcff\ud800", "newline": f"a\nb\t{index}"}[loc_kind]
    text: object = prose
    outcome, doc_text = "doc", prose.encode()
    if kind == "nul":
        text, outcome = prose + "\x00", "binary"
    elif kind == "blank":
        text, outcome = " \n ", "empty"
    elif kind == "surrogate_text":
        text, outcome = prose + "\ud83d", "invalid_utf8"
    elif kind == "int_text":
        text, outcome = 42, "missing_text"
    elif kind == "huge":  # a line longer than the reader holds (max_file_bytes + 64 KiB): drained, counted
        text, outcome = prose * ((MAX_FILE_BYTES + (64 << 10)) // len(prose) + 2), "too_large"
    line = json.dumps({"text": text, "url": locator}).encode()  # ensure_ascii: surrogates become \\u escapes
    if kind == "not_json":
        line, outcome = b"{" + prose[:80].encode().replace(b"\n", b" "), "malformed_json"
    elif kind == "array":
        line, outcome = b"[1, 2]", "malformed_json"
    elif kind == "invalid_bytes":
        line, outcome = b'{"text": "caf\xe9"}', "invalid_utf8"
    return Row(line, text, locator, outcome, doc_text if outcome == "doc" else None)


def expected_locator(row: Row, default: str) -> str:
    if row.locator is None:
        return default
    return safe_name(row.locator if isinstance(row.locator, str) else str(row.locator))


@st.composite
def jsonls(draw) -> Case:
    compressed = draw(st.booleans())
    items = [draw(rows(i)) for i in range(draw(st.integers(1, 6)))]
    cut = draw(st.one_of(st.none(), st.floats(0.0, 0.95)))
    rel = "part.jsonl" + (".gz" if compressed else "")
    case = Case("jsonl", "text", None, damaged=cut is not None)
    for n, row in enumerate(items, start=1):
        if row.outcome == "doc":
            case.docs[expected_locator(row, f"{rel}#{n}")] = row.doc_text
        else:
            case.reasons[row.outcome] += 1

    def write(root: Path) -> None:
        blob = b"".join(r.line + b"\n" for r in items)
        blob = gzip.compress(blob, mtime=0) if compressed else blob
        (root / rel).write_bytes(blob[: int(len(blob) * cut)] if cut is not None else blob)

    case.write = write
    return case


@st.composite
def parquets(draw) -> Case:
    items = [r for r in (draw(rows(i)) for i in range(draw(st.integers(1, 6))))
             if r.outcome not in ("malformed_json", "too_large")]  # no such thing in a typed column
    if not items:
        items = [Row(b"", PROSE[0].decode(), None, "doc", PROSE[0])]
    for r in items:  # invalid UTF-8 in a string column: pyarrow writes and reads it without a check
        if r.outcome == "invalid_utf8":
            r.text = b"caf\xe9 " + PROSE[0]
    text_type = draw(st.sampled_from(["string", "string", "int64"]))  # a wrong type: every row lacks its text
    loc_type = draw(st.sampled_from(["string", "int64", "binary"]))
    cut = draw(st.one_of(st.none(), st.floats(0.05, 0.95)))
    rel = "part.parquet"
    case = Case("parquet", "text", None, damaged=cut is not None)
    locators: list[object] = []
    for n, row in enumerate(items):
        if loc_type == "int64":
            value: object = 1000 + n
        elif loc_type == "binary":
            value = f"k{n}".encode() + b"\xff\xfe"
        else:
            value = None if row.locator is None else safe_name(str(row.locator))
        locators.append(value)
        locator = escape_bytes(value) if isinstance(value, bytes) else (
            str(value) if value is not None else f"{rel}#{n}")
        texts_ok = text_type == "string" and isinstance(row.text, (str, bytes))
        outcome = row.outcome if texts_ok else "missing_text"
        if outcome == "doc":
            case.docs[locator] = row.doc_text
        else:
            case.reasons[outcome] += 1

    def write(root: Path) -> None:
        if text_type == "int64":
            text_col = pa.array(list(range(len(items))), pa.int64())
        else:
            values = [r.text.encode() if isinstance(r.text, str) else r.text if isinstance(r.text, bytes) else None
                      for r in items]
            text_col = pa.array(values, pa.binary()).view(pa.string())
        loc_col = pa.array(locators, {"string": pa.string(), "int64": pa.int64(), "binary": pa.binary()}[loc_type])
        path = root / rel
        pq.write_table(pa.table({"text": text_col, "url": loc_col}), path)
        if cut is not None:
            blob = path.read_bytes()
            path.write_bytes(blob[: int(len(blob) * cut)])

    case.write = write
    return case


# -- WARC ----------------------------------------------------------------------------------------------------------
def warc_record(uri: bytes, payload: bytes, *, status: int = 200, ctype: bytes = b"text/plain; charset=utf-8",
                rec_type: bytes = b"response", lie: int = 0) -> bytes:
    http = b"HTTP/1.1 %d X\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n" % (status, ctype, len(payload)) + payload
    head = (b"WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-01-01T00:00:00Z\r\n"
            b"WARC-Record-ID: <urn:uuid:%s>\r\nContent-Type: application/http; msgtype=response\r\n"
            b"Content-Length: %d\r\n\r\n") % (rec_type, uri, uri.hex().encode()[:32], len(http) + lie)
    return head + http + b"\r\n\r\n"


@st.composite
def warcs(draw) -> Case:
    gz = draw(st.booleans())
    n = draw(st.integers(1, 5))
    cut = draw(st.one_of(st.none(), st.floats(0.05, 0.95)))
    rel = "crawl.warc" + (".gz" if gz else "")
    case = Case("warc", "text", None, damaged=cut is not None)
    records = []
    for i in range(n):
        payload = draw(st.sampled_from(PROSE))
        uri = b"https://example.org/%d/" % i + draw(st.sampled_from([b"page", b"caf\xc3\xa9", b"caf\xe9", b"\xff\xfe"]))
        kind = draw(st.sampled_from(["good", "good", "404", "request", "image", "lie"]))
        if kind == "good":
            records.append(warc_record(uri, payload))
            case.docs[escape_bytes(uri)] = payload
        elif kind == "404":
            records.append(warc_record(uri, payload, status=404))
            case.reasons["http_status"] += 1
        elif kind == "request":
            records.append(warc_record(uri, payload, rec_type=b"request"))
            case.reasons["warc_not_response"] += 1
        elif kind == "image":
            records.append(warc_record(uri, payload, ctype=b"image/png"))
            case.reasons["unsupported_content_type"] += 1
        else:  # a Content-Length that lies: this record and what follows it may come out damaged or counted
            records.append(warc_record(uri, payload, lie=draw(st.sampled_from([-40, 25]))))
            case.damaged = True
            case.loose |= {escape_bytes(uri)}

    def write(root: Path) -> None:
        blob = b"".join(gzip.compress(r, mtime=0) for r in records) if gz else b"".join(records)
        (root / rel).write_bytes(blob[: int(len(blob) * cut)] if cut is not None else blob)

    case.write = write
    return case


def cases() -> st.SearchStrategy[Case]:
    return st.one_of(trees(), archives(), jsonls(), parquets(), warcs())


# -- the law -------------------------------------------------------------------------------------------------------
def crawl_cases(spark, work: Path, batch: list[Case]) -> tuple[dict, dict[str, dict[str, bytes]]]:
    sources = []
    for i, case in enumerate(batch):
        root = work / f"s{i:02d}"
        root.mkdir()
        case.write(root)
        entry = {"name": f"s{i:02d}", "kind": case.kind, "format": case.format, "path": str(root)}
        if case.format in ("files", "archive"):
            entry["license"] = "PSF-2.0"
        if case.format in ("jsonl", "parquet"):
            entry["columns"] = {"text": "text", "locator": "url"}
        sources.append(entry)
    dataset = {"name": "hostile", "output": str(work / "out"), "seed": 1, "sources": sources,
               "crawl": {"max_file_bytes": MAX_FILE_BYTES}}
    (work / "dataset.yaml").write_text(yaml.safe_dump(dataset))
    cfg = load_manifest(work / "dataset.yaml")
    manifest = run_stage(STAGES["crawl"], RunContext(cfg, STAGES, _spark=spark))
    docs: dict[str, dict[str, bytes]] = {}
    table = pads.dataset(work / "out" / "docs", format="parquet", partitioning="hive").to_table()
    for r in table.select(["source", "locator", "text"]).to_pylist():
        assert r["locator"] not in docs.setdefault(r["source"], {}), ("one locator, one document", r["locator"])
        docs[r["source"]][r["locator"]] = r["text"].encode()
    raw = (work / "out" / "docs" / "_manifest.json").read_bytes()
    assert json.loads(raw.decode("utf-8")) == manifest, "the manifest is UTF-8 JSON"
    assert_no_lone_surrogates(manifest)
    return manifest, docs


def assert_no_lone_surrogates(value: object) -> None:
    """JSON may spell a lone surrogate as an escape (valid JSON, invalid Unicode): no manifest string may hold one."""
    if isinstance(value, str):
        value.encode("utf-8")
    elif isinstance(value, dict):
        for k, v in value.items():
            assert_no_lone_surrogates(k)
            assert_no_lone_surrogates(v)
    elif isinstance(value, list):
        for v in value:
            assert_no_lone_surrogates(v)


def check_law(manifest: dict, docs: dict[str, dict[str, bytes]], batch: list[Case]) -> None:
    assert mf.validation_errors(manifest) == []
    failed = [c for c in manifest["validation"] if not c["passed"]]
    assert not failed, failed
    counted: dict[str, Counter] = {}
    for entry in manifest["reasons"]:
        for source, n in entry["by_source"].items():
            counted.setdefault(source, Counter())[entry["reason"]] += n
    for i, case in enumerate(batch):
        name = f"s{i:02d}"
        got, reasons = docs.get(name, {}), counted.get(name, Counter())
        for locator, text in got.items():  # nothing comes out altered
            if locator in case.docs and locator not in case.loose:
                assert text == case.docs[locator], (name, case.format, locator)
        assert len(got) + sum(reasons.values()) >= case.files, (name, case.format, "a listed file vanished")
        if not case.damaged:
            assert got == case.docs, (name, case.format, sorted(got), sorted(case.docs))
            assert reasons == case.reasons, (name, case.format, reasons, case.reasons)


@settings(derandomize=True, database=None, max_examples=RUNS, deadline=None, phases=[Phase.explicit, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example])
@given(batch=st.lists(cases(), min_size=SOURCES_PER_RUN, max_size=SOURCES_PER_RUN))
def test_crawl_conserves_every_item_of_generated_hostile_sources(spark, batch):
    with tempfile.TemporaryDirectory(prefix="lemur-hostile-") as tmp:
        manifest, docs = crawl_cases(spark, Path(tmp), batch)
        check_law(manifest, docs, batch)


# -- fixed regressions -----------------------------------------------------------------------------------------------
def tree_case(files: dict[bytes, bytes], *, deep: bool = False) -> Case:
    """A `files` source from {relative path: bytes}; with `deep`, also a file below a > 4 KB path (Linux PATH_MAX
    is 4096: the tree is built with directory fds, and the crawl counts the directory it cannot list)."""
    case = Case("files", "code", None, files=len(files) + deep)
    for rel, data in files.items():
        case.docs[escape_bytes(rel)] = data
    if deep:
        case.reasons["unreadable"] += 1

    def write(root: Path) -> None:
        for rel, data in files.items():
            path = os.path.join(os.fsencode(root), rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            Path(os.fsdecode(path)).write_bytes(data)
        if deep:
            fd = os.open(root, os.O_RDONLY)
            for level in range(20):
                name = f"d{level:02d}" + "x" * 240
                os.mkdir(name, dir_fd=fd)
                child = os.open(name, os.O_RDONLY, dir_fd=fd)
                os.close(fd)
                fd = child
            out = os.open("deep.py", os.O_WRONLY | os.O_CREAT, dir_fd=fd)
            os.write(out, CODE[0])
            os.close(out)
            os.close(fd)

    case.write = write
    return case


def flagged_zip_with_invalid_name() -> Case:
    """A zip whose member name is flagged UTF-8 but is not (zipfile alone refuses the whole central directory)."""
    case = Case("archive", "code", None,
                docs={"flagged.zip!/repo/caf%FF%FE.py": CODE[1], "flagged.zip!/repo/ok.py": CODE[0]})

    def write(root: Path) -> None:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as zf:
            zf.writestr("repo/caf\u00e9.py", CODE[1])  # non-ASCII: written with the UTF-8 flag
            zf.writestr("repo/ok.py", CODE[0])
        (root / "flagged.zip").write_bytes(buf.getvalue().replace("caf\u00e9".encode(), b"caf\xff\xfe"))

    case.write = write
    return case


def test_issue_11_names_that_are_not_text_never_stop_the_crawl(spark, tmp_path):
    """issue 11: `name_\\xff\\xfe.py` beside good files stopped `lemur-data crawl` in SourcePlan.fingerprint;
    also names with newlines / tabs, an NFC / NFD pair, a path over PATH_MAX, a Latin-1 WARC URI, a JSON text
    with a lone surrogate (which used to end its file as `corrupt_compression`), a zip name wrongly flagged UTF-8
    (which used to make the whole zip `corrupt_archive`)."""
    issue = tree_case({b"good/heapq.py": CODE[0], b"good/textwrap.py": CODE[1], b"good/name_\xff\xfe.py": CODE[0]})
    names = tree_case({b"a\nb.py": CODE[0], b"\tlead.py": CODE[1],
                       unicodedata.normalize("NFC", "r\u00e9sum\u00e9.py").encode(): CODE[0],
                       unicodedata.normalize("NFD", "r\u00e9sum\u00e9.py").encode(): CODE[1]}, deep=True)
    warc = Case("warc", "text", None, docs={"https://example.org/caf%E9": PROSE[0], "https://example.org/ok": PROSE[1]})
    warc.write = lambda root: (root / "x.warc").write_bytes(
        warc_record(b"https://example.org/caf\xe9", PROSE[0]) + warc_record(b"https://example.org/ok", PROSE[1]))
    jsonl = Case("jsonl", "text", None, docs={"part.jsonl#2": PROSE[1]}, reasons=Counter({"invalid_utf8": 1}))
    jsonl.write = lambda root: (root / "part.jsonl").write_bytes(
        json.dumps({"text": "x\ud800"}).encode() + b"\n" + json.dumps({"text": PROSE[1].decode()}).encode() + b"\n")
    batch = [issue, names, warc, jsonl, flagged_zip_with_invalid_name()]
    manifest, docs = crawl_cases(spark, tmp_path, batch)
    check_law(manifest, docs, batch)
    assert "good/name_%FF%FE.py" in docs["s00"]
    for locator, text in docs["s00"].items():  # the locator leads back to the file
        assert (tmp_path / "s00" / os.fsdecode(name_bytes(locator))).read_bytes() == text
    nfc, nfd = (unicodedata.normalize(f, "r\u00e9sum\u00e9.py") for f in ("NFC", "NFD"))
    assert docs["s01"][nfc] == CODE[0] and docs["s01"][nfd] == CODE[1], "two files, two documents"


# -- the escaping itself -------------------------------------------------------------------------------------------
@settings(derandomize=True, database=None, max_examples=500, deadline=None)
@given(raw=st.binary(max_size=40))
def test_escaped_names_reverse_to_their_bytes(raw):
    for locator in (escape_bytes(raw), safe_name(os.fsdecode(raw))):  # bytes, or a name from os / tarfile
        locator.encode("utf-8")  # always valid UTF-8 (Arrow, JSON)
        if not is_utf8(raw):
            assert name_bytes(locator) == raw
        else:
            assert locator == raw.decode(), "a valid UTF-8 name is its own locator"
            if b"%" not in raw:  # (a valid name spelling an escape is the documented ambiguity, below)
                assert name_bytes(locator) == raw


@settings(derandomize=True, database=None, max_examples=100, deadline=None)
@given(text=st.text(max_size=30))
def test_json_strings_with_lone_surrogates_become_valid_locators(text):
    locator = safe_name(text)
    locator.encode("utf-8")
    if is_utf8(text.encode("utf-8", "surrogatepass")):
        assert locator == text


def test_escaping_examples_and_its_documented_ambiguity():
    assert escape_bytes(b"name_\xff\xfe.py") == "name_%FF%FE.py"
    assert escape_bytes(b"100%_\xff") == "100%25_%FF", "a literal % is escaped in an escaped name"
    assert escape_bytes("caf\u00e9 100%.py".encode()) == "caf\u00e9 100%.py", "valid names are unchanged"
    assert name_bytes("caf%C3%A9.html") == b"caf%C3%A9.html", "a percent-encoded UTF-8 name is a valid name"
    assert name_bytes("100%25_%FF") == b"100%_\xff"
    # The one collision no escaping can avoid while keeping valid names unchanged: a valid name that spells
    # the escape of an invalid byte. Both in one source are one id, so the writer counts the second.
    assert name_bytes(escape_bytes(b"caf\xe9.html")) == name_bytes("caf%E9.html") == b"caf\xe9.html"
