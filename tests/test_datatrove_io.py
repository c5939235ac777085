"""Moving documents between datatrove and lemur-data in both directions (issue 13, item 5), and code JSON Lines
whose language comes from a path column (item 7).

datatrove is imported here only: files written by its own JsonlWriter / ParquetWriter are crawled as a
`format: datatrove` source; our exports are read by its own JsonlReader / ParquetReader.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from datatrove.data import Document
from datatrove.pipeline import readers as datatrove_readers
from datatrove.pipeline import writers as datatrove_writers

from lemur_data import storage
from lemur_data.commands.pipeline import stage_lines
from lemur_data.config import ConfigError, CrawlConfig, SourceConfig, load_manifest
from lemur_data.errors import TaskError
from lemur_data.export import MARKER, export_datatrove
from lemur_data.runner import run_stage
from lemur_data.schema import doc_id
from lemur_data.sources import plan_source, read_item
from lemur_data.sources.records import Doc, Skip
from lemur_data.stage import RunContext
from lemur_data.stages import STAGES
from tests.conftest import REPO, copy_outputs, run_cli


REPOS = REPO / "manifests" / "demo-corpus" / "code" / "repos"
WEB_TEXT = REPO / "manifests" / "demo-corpus" / "text"
STORE = storage.Storage()


def _read(source: SourceConfig) -> tuple[list[Doc], list[Skip]]:
    crawl = CrawlConfig()
    records = [r for item in plan_source(source, crawl, STORE).items for r in read_item(item, source, crawl, STORE)]
    return [r for r in records if isinstance(r, Doc)], [r for r in records if isinstance(r, Skip)]


def _repo_files() -> list[Path]:
    return sorted(p for p in REPOS.rglob("*") if p.is_file() and not p.is_symlink())


def _code_jsonl(path: Path, with_path: bool = True) -> Path:
    """A code dataset as a new user brings it: text plus the file path in metadata.path, no language column."""
    with path.open("w", encoding="utf-8") as f:
        for p in _repo_files():
            text = p.read_bytes().decode("utf-8", errors="replace")
            metadata = {"path": str(p.relative_to(REPOS)), "repo_name": p.relative_to(REPOS).parts[0]}
            f.write(json.dumps({"text": text, "metadata": metadata if with_path else {}}) + "\n")
    return path


# -- item 7: the language of a code row from its path ---------------------------------------------------------------

def test_path_column_gives_every_row_the_language_the_files_reader_gives_the_file(tmp_path):
    tree_docs, tree_skips = _read(SourceConfig(name="s", kind="code", format="files", path=str(REPOS)))
    tree = {d.locator: d.lang for d in tree_docs} | {s.locator: None for s in tree_skips
                                                      if s.reason == "unknown_language"}
    paths = [str(p.relative_to(REPOS)) for p in _repo_files()]
    jsonl = _code_jsonl(tmp_path / "code.jsonl")

    _, skipped = _read(SourceConfig(name="s", kind="code", format="jsonl", path=str(jsonl)))
    assert Counter(s.reason for s in skipped)["unknown_language"] > len(paths) / 2, \
        "the problem the path column fixes: without it only shebang scripts get a language"

    docs, skips = _read(SourceConfig(name="s", kind="code", format="jsonl", path=str(jsonl),
                                     columns={"text": "text", "path": "metadata.path"}))
    ours = {d.meta["path"]: d.lang for d in docs}
    ours |= {paths[int(s.locator.rsplit("#", 1)[1]) - 1]: None for s in skips if s.reason == "unknown_language"}
    assert len(tree) > 100 and {p: ours[p] for p in tree} == tree, "the same languages (or none) file by file"
    assert {"shell", "cmake", "perl", "javascript", "go", "rust"} <= set(ours.values())
    assert any(not Path(p).suffix and lang == "shell" for p, lang in ours.items()), "a shebang script"
    assert all("path '" in s.detail for s in skips if s.reason == "unknown_language"), "the skip names the path"


# -- item 5: datatrove -> lemur-data --------------------------------------------------------------------------------

def _datatrove_documents() -> list[Document]:
    code = [Document(text=p.read_text(encoding="utf-8"), id=f"repos/{p.relative_to(REPOS)}",
                     metadata={"path": str(p.relative_to(REPOS)), "repo_name": p.relative_to(REPOS).parts[0],
                               "stars": i})
            for i, p in enumerate(_repo_files()) if p.suffix in (".go", ".cmake", ".rs", "")]
    return code


def test_files_written_by_datatrove_writers_crawl_with_equal_text_and_id(tmp_path):
    written = _datatrove_documents()
    assert len(written) > 10
    with datatrove_writers.JsonlWriter(str(tmp_path / "jsonl")) as w:  # gzip, its default
        for d in written:
            w.write(d, rank=0)
    with datatrove_writers.ParquetWriter(str(tmp_path / "parquet")) as w:
        for d in written:
            w.write(d, rank=0)
    assert [p.name for p in (tmp_path / "jsonl").iterdir()] == ["00000.jsonl.gz"]
    expected = {d.id: d for d in written}
    for sub in ("jsonl", "parquet"):
        source = SourceConfig(name="dt", kind="code", format="datatrove", path=str(tmp_path / sub))
        docs, skips = _read(source)
        by_id = {d.locator: d for d in docs}
        skipped = {s.locator for s in skips}
        assert set(by_id) | skipped == set(expected) and not set(by_id) & skipped, sub
        assert all(s.reason == "unknown_language" for s in skips), sub  # e.g. a LICENSE file: as the files reader
        for dt_id, doc in by_id.items():
            assert doc.text == expected[dt_id].text, (sub, dt_id)
            assert doc.meta == {"path": expected[dt_id].metadata["path"],
                                "repo_name": expected[dt_id].metadata["repo_name"],
                                "stars": str(expected[dt_id].metadata["stars"])}, (sub, dt_id)
            assert doc.lang, "from metadata.path"


def test_datatrove_bad_rows_and_files_are_named_reasons(tmp_path):
    text = next(p for p in sorted(WEB_TEXT.rglob("*.md"))).read_text(encoding="utf-8")
    lines = [json.dumps({"text": text, "id": "a", "metadata": {"language": "en", "url": "https://x.org/a"}}),
             "{not json",
             json.dumps({"id": "no-text", "metadata": {}}),
             json.dumps({"text": text, "id": "b", "metadata": "{\"language\": \"en\"}", "dump": "CC-MAIN-2024"})]
    good = tmp_path / "src" / "00000.jsonl.gz"
    good.parent.mkdir()
    good.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))
    (tmp_path / "src" / "00001.jsonl.gz").write_bytes(gzip.compress("\n".join(lines[:1] * 50).encode())[:-40])
    (tmp_path / "src" / "00002.parquet").write_bytes(b"PAR1 truncated")
    docs, skips = _read(SourceConfig(name="dt", kind="text", format="datatrove", path=str(tmp_path / "src")))
    assert Counter(s.reason for s in skips) == {"malformed_json": 1, "missing_text": 1, "corrupt_compression": 1,
                                                "corrupt_parquet": 1}
    b = next(d for d in docs if d.locator == "b")
    assert (b.lang, b.meta) == ("en", {"dump": "CC-MAIN-2024"}), "JSON-string metadata and extra columns folded"
    a = next(d for d in docs if d.locator == "a")
    assert (a.lang, a.meta) == ("en", {"url": "https://x.org/a"})


def test_datatrove_columns_change_only_the_keys_given():
    source = SourceConfig(name="dt", kind="code", format="datatrove", path="x", columns={"lang": "metadata.lang"})
    m = source.column_mapping
    assert (m.text, m.locator, m.lang, m.path, m.meta_object) == ("text", "id", "metadata.lang", "metadata.path",
                                                                  "metadata")
    with pytest.raises(ValueError, match="columns"):
        SourceConfig(name="w", kind="text", format="warc", path="x", columns={"text": "body"})


# -- item 5: lemur-data -> datatrove --------------------------------------------------------------------------------

def _expected_documents(out: Path, folder: str) -> dict[str, tuple[str, dict]]:
    manifest = json.loads((out / folder / "_manifest.json").read_text())
    expected = {}
    for f in manifest["outputs"]["files"]:
        if not f["path"].startswith(folder + "/"):
            continue
        for row in pq.read_table(out / f["path"]).to_pylist():
            metadata = {**dict(row["meta"]), "source": row["source"], "kind": row["kind"], "language": row["lang"],
                        "locator": row["locator"]}
            metadata.update({k: row[k] for k in ("repo", "license", "cluster_id", "cluster_size")
                             if row.get(k) is not None})
            expected[row["id"]] = (row["text"], metadata)
    assert len(expected) == manifest["counts"]["out"]["docs"]
    return expected


def _datatrove_read(reader) -> dict[str, tuple[str, dict]]:
    docs = {}
    for d in reader.run():
        metadata = {k: v for k, v in d.metadata.items() if k != "file_path" and v is not None}
        docs[d.id] = (d.text, metadata)
    return docs


def test_export_is_read_by_datatrove_readers_with_equal_text_id_and_metadata(demo_pipeline, tmp_path):
    out, _ = demo_pipeline
    jsonl_dest, parquet_dest = tmp_path / "dt-jsonl", tmp_path / "dt-parquet"
    done = run_cli("export", "--format", "datatrove", str(out), str(jsonl_dest))
    assert done.returncode == 0, done.stderr
    assert "exported" in done.stdout
    export_datatrove(str(out), str(parquet_dest), folder="filtered", file_type="parquet")

    deduped = _expected_documents(out, "deduped")
    assert _datatrove_read(datatrove_readers.JsonlReader(str(jsonl_dest), glob_pattern="**/*.jsonl.gz")) == deduped
    filtered = _expected_documents(out, "filtered")
    assert _datatrove_read(datatrove_readers.ParquetReader(str(parquet_dest), glob_pattern="**/*.parquet")) == filtered
    assert any(m.get("language") == "python" for _, m in deduped.values())

    marker = json.loads((jsonl_dest / MARKER).read_text())
    assert marker["documents"] == len(deduped) and marker["from"]["stage"] == "dedup"
    for f in marker["files"]:
        assert hashlib.sha256((jsonl_dest / f["path"]).read_bytes()).hexdigest() == f["sha256"]
    assert not list(jsonl_dest.rglob(".tmp-*"))

    again = export_datatrove(str(out), str(jsonl_dest), force=True)
    assert [f.sha256 for f in again.files] == [f["sha256"] for f in marker["files"]], "same documents, same bytes"


def test_export_crawls_back_as_a_datatrove_source(demo_pipeline, tmp_path):
    out, _ = demo_pipeline
    export_datatrove(str(out), str(tmp_path / "dt"), file_type="parquet")
    expected = _expected_documents(out, "deduped")
    code = {i: v for i, v in expected.items() if v[1]["kind"] == "code"}
    docs, skips = _read(SourceConfig(name="back", kind="code", format="datatrove",
                                     path=str(tmp_path / "dt" / "kind=code")))
    assert not skips and len(docs) == len(code)
    for d in docs:
        text, metadata = code[d.locator]
        assert (d.text, d.lang, d.repo) == (text, metadata["language"], metadata.get("repo"))
        assert d.meta["source"] == metadata["source"] and d.meta["locator"] == metadata["locator"]


def test_export_refuses_foreign_files_and_an_interrupted_export_has_no_marker(demo_pipeline, tmp_path):
    out, _ = demo_pipeline
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("mine")
    with pytest.raises(ConfigError, match="did not write"):
        export_datatrove(str(out), str(foreign), force=True)
    assert (foreign / "notes.txt").read_text() == "mine"

    copy = tmp_path / "out"
    copy_outputs(out, copy, ["deduped"])
    files = sorted(p for p in (copy / "deduped").rglob("*.parquet"))
    assert len(files) > 1
    files[-1].write_bytes(files[-1].read_bytes()[:-1] + b"X")  # changed after its manifest: the export must stop
    dest = tmp_path / "dt"
    with pytest.raises(TaskError, match="changed since its manifest"):
        export_datatrove(str(copy), str(dest))
    assert not (dest / MARKER).exists() and not list(dest.rglob(".tmp-*"))
    with pytest.raises(ConfigError, match="interrupted export"):
        export_datatrove(str(out), str(dest))
    export_datatrove(str(out), str(dest), force=True)
    assert (dest / MARKER).exists()
    with pytest.raises(ConfigError, match="no committed manifest"):
        export_datatrove(str(tmp_path / "nothing"), str(tmp_path / "dt2"))


# -- a real crawl: datatrove files and code JSON Lines, and the warning when one reason takes most of a source ------

def test_crawl_warns_when_one_reason_takes_most_of_a_source(spark, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    _code_jsonl(data / "with-path.jsonl")
    _code_jsonl(data / "no-path.jsonl", with_path=False)
    with datatrove_writers.JsonlWriter(str(data / "dt")) as w:
        for d in _datatrove_documents():
            w.write(d, rank=0)
    (tmp_path / "m.yaml").write_text(json.dumps({
        "name": "dt", "output": str(tmp_path / "out"),
        "sources": [
            {"name": "with-path", "kind": "code", "format": "jsonl", "path": str(data / "with-path.jsonl"),
             "columns": {"path": "metadata.path"}},
            {"name": "no-path", "kind": "code", "format": "jsonl", "path": str(data / "no-path.jsonl")},
            {"name": "dt", "kind": "code", "format": "datatrove", "path": str(data / "dt")},
        ]}))
    cfg = load_manifest(tmp_path / "m.yaml")
    ctx = RunContext(cfg, STAGES, _spark=spark)
    m = run_stage(STAGES["crawl"], ctx)
    assert [(w["source"], w["reason"]) for w in m["warnings"]] == [("no-path", "unknown_language")]
    warning = m["warnings"][0]
    assert warning["docs"] > warning["records"] / 2 and warning["records"] == len(_repo_files())
    assert "columns.path" in warning["message"]
    printed = "\n".join(stage_lines("crawl", m, "out/docs/_manifest.json"))
    assert "WARNING source no-path: unknown_language took" in printed

    docs = pq.read_table(tmp_path / "out" / "docs" / "kind=code" / "source=dt").to_pylist()
    written = {d.id: d.text for d in _datatrove_documents()}
    assert {d["id"]: d["text"] for d in docs} == {doc_id("dt", loc): written[loc] for loc in
                                                  (d["locator"] for d in docs)}
    assert set(d["locator"] for d in docs) <= set(written)
    shown = run_cli("manifest", "show", str(tmp_path / "out" / "docs"))
    assert "WARNINGS:" in shown.stdout and "no-path" in shown.stdout
    shutil.rmtree(tmp_path / "out")
