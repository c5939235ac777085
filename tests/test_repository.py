"""Repository documents on real repositories (the demo corpus: CPython's json package, tiny-emitter, itoa, and the
demo run's repos / archives sources; licences in manifests/demo-corpus/LICENSES.md): import edges, dependency order,
the cycle rule, parts of at most N tokens at file boundaries, provenance back to files, determinism, the mix."""

from __future__ import annotations

import hashlib
import random
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from lemur_data import storage, tokenizer
from lemur_data.config import load_manifest
from lemur_data.repository.documents import Layout, RepoFile, build, locate, order_files, split_parts
from lemur_data.repository.imports import RepoFiles, dependencies
from lemur_data.repository.order import dependency_order
from lemur_data.runner import run_stage
from lemur_data.sources.languages import language_from_name
from lemur_data.stage import RunContext
from lemur_data.stages import STAGES
from tests.conftest import DEMO_MANIFEST

CORPUS = DEMO_MANIFEST.parent / "demo-corpus" / "code"


def real_repository(root: Path) -> list[RepoFile]:
    files = []
    for p in sorted(root.rglob("*")):
        lang = language_from_name(p.name)
        if p.is_file() and lang:
            rel = p.relative_to(root).as_posix()
            files.append(RepoFile(hashlib.sha256(rel.encode()).hexdigest(), rel, lang,
                                  p.read_text(encoding="utf-8", errors="replace"), rel))
    return files


def deps_of(files: list[RepoFile]) -> dict[str, list[str]]:
    repo = RepoFiles(f.path for f in files)
    return {f.path: dependencies(f.path, f.lang, f.text, repo) for f in files}


@pytest.fixture(scope="module")
def encoder():
    spec, data = tokenizer.resolve(load_manifest(DEMO_MANIFEST).tokenizer, storage.Storage())
    return tokenizer.Encoder(spec, data)


def test_imports_resolve_to_files_of_the_same_repository():
    py = deps_of(real_repository(CORPUS / "python" / "py312"))
    assert py["json/decoder.py"] == ["json/__init__.py", "json/scanner.py"]  # `from json import scanner`
    assert py["json/__init__.py"] == ["json/decoder.py", "json/encoder.py"]  # `from .decoder import ...`
    js = deps_of(real_repository(CORPUS / "repos" / "tiny-emitter"))
    assert "index.js" in js["instance.js"]  # require('./index')
    rust = deps_of(real_repository(CORPUS / "repos" / "itoa"))
    assert rust["src/lib.rs"] == ["src/udiv128.rs"]  # `mod udiv128;`


@pytest.mark.parametrize("repo", ["python/py312", "repos/tiny-emitter", "repos/itoa", "repos/errors"])
def test_order_puts_every_import_target_first_outside_cycles_and_ignores_input_order(repo):
    files = real_repository(CORPUS / repo)
    ordered = order_files(files)
    position = {f.path: i for i, f in enumerate(ordered.files)}
    assert sorted(position) == sorted(f.path for f in files)
    for src, targets in deps_of(files).items():
        for t in targets:
            if not (src in ordered.in_cycle and t in ordered.in_cycle):
                assert position[t] < position[src], (src, t)
    shuffled = files[:]
    random.Random(7).shuffle(shuffled)
    assert [f.path for f in order_files(shuffled).files] == [f.path for f in ordered.files]


def test_a_real_import_cycle_is_broken_by_the_stated_rule():
    """json/__init__ imports json/decoder, which imports `from json import scanner` (json/__init__): a cycle.
    Inside it, the member with the fewest unplaced in-cycle dependencies comes first (ties by path)."""
    deps = deps_of(real_repository(CORPUS / "python" / "py312"))
    order, cyclic = dependency_order(list(deps), deps)
    assert cyclic == {"json/__init__.py", "json/decoder.py"}
    # both have one in-cycle dependency: the path that sorts first goes first; its other targets still precede it
    assert order.index("json/__init__.py") < order.index("json/decoder.py")
    assert order.index("json/encoder.py") < order.index("json/__init__.py")
    assert order.index("json/scanner.py") < order.index("json/decoder.py")
    # a hand-made three-cycle with one member depending on two others: the one with fewer dependencies first
    three = {"a": ["b"], "b": ["c"], "c": ["a", "b"]}
    assert dependency_order(["c", "b", "a"], three) == (["a", "b", "c"], {"a", "b", "c"})


def test_parts_hold_at_most_n_tokens_cut_at_file_boundaries_and_map_back_to_files(encoder):
    files = real_repository(CORPUS / "repos" / "tiny-emitter")
    ordered = order_files(files)
    spec = encoder.spec
    layout = Layout("<file_sep>{path}\n", 2048, 1, spec.bos_id, spec.eos_id)
    rows, members = build("repos", "tiny-emitter", ordered, layout,
                          lambda texts: encoder.encode_batch(texts, 1, specials=False))
    assert len(rows["doc_id"]) > 1
    by_part = pa.table(members).to_pylist()
    for pid, toks in zip(rows["doc_id"], rows["tokens"]):
        inside = [r for r in by_part if r["part_id"] == pid]
        assert len(toks) <= 2048 or len(inside) == 1  # only a single larger file may exceed N
        assert toks[-1] == spec.eos_id and list(toks).count(spec.eos_id) == 1
        # members tile the part in order: each file's tokens are its header + text encoded alone
        starts = [sum(x["n_tokens"] for x in inside[:i]) for i in range(len(inside))]
        assert [r["token_start"] for r in inside] == starts
        for r in inside[:3]:
            f = next(f for f in files if f.id == r["file_id"])
            own = encoder.encode_batch([f"<file_sep>{f.path}\n{f.text}"], 1, specials=False)[0]
            assert list(toks[r["token_start"]:r["token_start"] + r["n_tokens"]]) == own.tolist()
            hit = locate(pa.table(members), pid, r["token_start"] + 1, 3)
            assert hit == [{"file_id": f.id, "locator": f.locator, "path": f.path, "segment_offset": 1,
                            "length": min(3, r["n_tokens"] - 1)}]
    assert sorted(r["file_id"] for r in by_part) == sorted(f.id for f in files)  # every file exactly once
    assert split_parts([5, 5, 3, 20, 1], 10) == [0, 0, 1, 2, 3]


def test_demo_run_has_repository_documents_counted_exactly_by_tokenize_and_mix(demo_pipeline):
    root, manifests = demo_pipeline
    tok, mix = manifests["tokenize"], manifests["mix"]
    repos = tok["repositories"]
    assert repos["sources"] == ["archives", "repos"] and repos["documents"] < repos["files"]
    # the demo's repositories have no import cycle, so every edge must point backwards in the order
    assert repos["files_in_cycles"] == 0 and repos["edges_forward"] == repos["edges"] > 0
    members = pa.concat_tables(pq.read_table(root / f["path"]) for f in tok["outputs"]["files"]
                               if f["path"].startswith("repository-members/"))
    upstream = pa.concat_tables(pq.read_table(root / f["path"], columns=["id", "source", "kind"])
                                for f in manifests["dedup"]["outputs"]["files"] if f["path"].startswith("deduped/"))
    expected = {r["id"] for r in upstream.to_pylist() if r["kind"] == "code" and r["source"] in repos["sources"]}
    assert sorted(members.column("file_id").to_pylist()) == sorted(expected)  # provenance: every file, once
    # the mix reads repository documents like any cached document: exact ratio, documents counted per source
    x = mix["mixture"]
    assert x["ratio"]["achieved"] == "10.0000:1"
    kinds = {s["source"]: s["documents"] for s in x["sources"]}
    assert kinds["repos"] == kinds["archives"] == "repository" and kinds["py-stdlib"] == "file"
    selected = {s["source"]: s["docs_selected"] for s in x["sources"]}
    parts = set(members.column("part_id").to_pylist())
    assert selected["repos"] + selected["archives"] == len(parts)
    provenance = pa.concat_tables(pq.read_table(root / f["path"], columns=["doc_id"])
                                  for f in mix["outputs"]["files"] if f["path"].startswith("provenance/"))
    assert parts <= set(provenance.column("doc_id").to_pylist())


def test_repository_documents_are_byte_identical_whatever_the_partitioning(spark, demo_pipeline, tmp_path):
    root, manifests = demo_pipeline
    out = tmp_path / "out"
    for d in manifests["dedup"]["outputs"]["dirs"]:
        if (root / d).exists():
            shutil.copytree(root / d, out / d)
    cfg = load_manifest(DEMO_MANIFEST, output=str(out))
    before = spark.conf.get("spark.sql.shuffle.partitions")
    spark.conf.set("spark.sql.shuffle.partitions", "7")
    try:
        m = run_stage(STAGES["tokenize"], RunContext(cfg, STAGES, _spark=spark))
    finally:
        spark.conf.set("spark.sql.shuffle.partitions", before)
    digest = {f["path"]: f["sha256"] for f in m["outputs"]["files"]}
    first = {f["path"]: f["sha256"] for f in manifests["tokenize"]["outputs"]["files"]}
    assert digest == first and any(p.startswith("tokens/repositories/") for p in digest)


@pytest.mark.parametrize("section, message", [
    ("{by_source: {web-docs: repository}}", "repository.by_source.web-docs: source 'web-docs' is a text source"),
    ("{by_source: {nope: file}}", "repository.by_source.nope: not a source"),
    ("{file_header: '---'}", "file_header must contain {path}"),
])
def test_repository_setting_mistakes_fail_naming_the_key(tmp_path, section, message):
    from lemur_data.config import ConfigError

    text = DEMO_MANIFEST.read_text()
    start = text.index("repository:\n")
    end = text.index("\n\n", start)
    manifest = tmp_path / "demo.yaml"
    manifest.write_text(text[:start] + f"repository: {section}" + text[end:])
    with pytest.raises(ConfigError, match=message.replace("{", r"\{").replace("}", r"\}")):
        load_manifest(manifest)
