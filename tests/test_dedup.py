"""The dedup stage on Spark: the demo corpus, survivors, determinism, components, read units per task."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import numpy as np
import pyarrow.dataset as pads
import pytest

from lemur_data import components, datasets
from lemur_data import manifest as mf
from lemur_data.config import ConfigError, load_manifest
from lemur_data.quality import recipes
from lemur_data.runner import run_stage
from lemur_data.stage import RunContext
from lemur_data.stages import STAGES
from lemur_data.stages.dedup import exact_key, inspect_cluster
from lemur_data.storage import Storage
from tests.conftest import DEMO_MANIFEST, REPO, copy_outputs, run_cli, tree_digest

DEDUP_DIRS = ("deduped", "dedup-removed", "dedup-index")
STDLIBS = sorted(Path("/root/.pyenv/versions").glob("3.*/lib/python3.*"))


def run(spark, manifest: Path, output: Path, stages=("crawl", "filter", "dedup"), force: bool = False) -> dict:
    ctx = RunContext(load_manifest(manifest, output=str(output)), STAGES, force=force, _spark=spark)
    return [run_stage(STAGES[s], ctx) for s in stages][-1]


def dedup_under_partitionings(spark, manifest: Path, base: Path, prefix: Path) -> list[tuple[Path, dict]]:
    """The dedup stage run on copies of `base`'s crawl and filter outputs under 1 and then 5 shuffle partitions:
    (output root, dedup manifest) of each, for tests that the outputs do not depend on the partitioning."""
    outputs = []
    before = spark.conf.get("spark.sql.shuffle.partitions")
    for partitions in (1, 5):
        out = prefix.with_name(f"{prefix.name}-{partitions}")
        copy_outputs(base, out, ["docs", "filtered"])
        spark.conf.set("spark.sql.shuffle.partitions", str(partitions))
        try:
            outputs.append((out, run(spark, manifest, out, stages=("dedup",))))
        finally:
            # NOTE: restored, not unset: unset means Spark's default of 200 for every later test of this worker.
            spark.conf.set("spark.sql.shuffle.partitions", before)
    return outputs


def table(output: Path, folder: str):
    return pads.dataset(output / folder, format="parquet", partitioning="hive").to_table()


def digests(output: Path) -> dict[str, str]:
    return {k: v for d in DEDUP_DIRS for k, v in tree_digest(output, d).items()}


def rules_disabled() -> dict:
    """A filter section that keeps every document: these tests are about dedup, on inputs (licence notices, a 16 MB
    concatenation) that the quality rules would rightly drop."""
    return {kind: {"rules": {r.name: {"enabled": False} for r in recipes.load(kind, None, {}, {}, "filter").rules}}
            for kind in ("code", "text")}


def write_manifest(tmp: Path, name: str, sources: list[dict], dedup: dict | None = None, crawl: dict | None = None):
    body = {"name": name, "output": str(tmp / f"{name}-out"), "sources": sources, "filter": rules_disabled()}
    if dedup:
        body["dedup"] = dedup
    if crawl:
        body["crawl"] = crawl
    path = tmp / f"{name}.yaml"
    path.write_text(json.dumps(body))  # JSON is YAML
    return path


@pytest.fixture(scope="module")
def demo(demo_pipeline):
    out, manifests = demo_pipeline
    return out, manifests["dedup"]


def test_demo_manifest_counts_and_checks(demo):
    out, m = demo
    assert mf.validation_errors(m) == []
    assert all(c["passed"] for c in m["validation"]), m["validation"]
    d = m["dedup"]
    assert d["params"]["bands"] * d["params"]["rows"] <= d["params"]["num_perm"] == 256
    assert d["removed"]["exact_duplicate"]["docs"] > 0 and d["removed"]["near_duplicate"]["docs"] > 0
    assert m["counts"]["in"]["docs"] == m["counts"]["out"]["docs"] + sum(v["docs"] for v in d["removed"].values())
    kept, removed = table(out, "deduped"), table(out, "dedup-removed")
    assert kept.num_rows == m["counts"]["out"]["docs"]
    assert removed.num_rows == m["counts"]["dropped"]["docs"]
    assert set(d["clusters"]["histogram"]) >= {"1", "2"}
    assert sum(d["clusters"]["histogram"].values()) == kept.num_rows
    assert {"sketch_s", "exact_s", "candidates_and_verify_s", "components_s", "survivors_s", "write_s"} <= set(m["timings"])
    assert m["inputs"]["upstream"][0]["stage"] == "filter"
    filter_sha = mf.read(Storage(), str(out / "filtered" / "_manifest.json"))[1]
    assert m["inputs"]["upstream"][0]["sha256"] == filter_sha


def test_stdlib_versions_cluster_and_the_longest_permissive_copy_survives(demo):
    out, _ = demo
    kept = {r["locator"]: r for r in table(out, "deduped").to_pylist()}
    removed = table(out, "dedup-removed").to_pylist()
    by_id = {**{r["id"]: r for r in kept.values()}, **{r["id"]: r for r in removed}}
    # the three CPython versions of glob.py are one cluster
    members = [r for r in by_id.values() if r["locator"] in ("py310/glob.py", "py311/glob.py", "py312/glob.py")]
    assert len({r["cluster_id"] for r in members}) == 1 and members[0]["cluster_size"] == 3
    for r in removed:
        survivor = by_id[r["survivor_id"]]
        assert survivor["id"] == r["cluster_id"] and survivor.get("match_kind") is None
        assert r["cluster_size"] == survivor["cluster_size"] >= 2
        # default ranking (no quality signal or stars in the demo): permissive license, then length
        assert (survivor["license"] is not None, survivor["size_bytes"]) >= (r["license"] is not None, 0)
        if r["match_kind"] == "exact_duplicate":
            same_cluster = [o for o in by_id.values() if o["cluster_id"] == r["cluster_id"] and o["id"] != r["id"]]
            assert any(exact_key(o["text"]) == exact_key(r["text"]) for o in same_cluster)
    for r in kept.values():
        if r["cluster_size"] > 1:
            sizes = [m["size_bytes"] for m in removed if m["cluster_id"] == r["id"]]
            assert r["size_bytes"] >= max(sizes) or r["license"] is not None
    assert all(r["cluster_id"] == r["id"] for r in kept.values() if r["cluster_size"] == 1)


def test_inspect_lists_a_cluster(demo):
    out, m = demo
    biggest = m["dedup"]["clusters"]["largest"][0]
    members = inspect_cluster(str(out), biggest["cluster_id"])
    assert len(members) == biggest["size"]
    assert members[0]["role"] == "survivor" and members[0]["id"] == biggest["cluster_id"]
    assert {m["role"] for m in members[1:]} == {"removed"}
    shown = run_cli("dedup", "inspect", str(out), "--cluster", biggest["cluster_id"], timeout=120)
    assert shown.returncode == 0, shown.stderr
    assert biggest["survivor"]["locator"] in shown.stdout and "survivor" in shown.stdout
    summary = run_cli("manifest", "show", str(out / "deduped"), timeout=120)
    assert "dedup: 256 perms" in summary.stdout and "removed by source x language" in summary.stdout


def test_distributed_components_give_the_same_outputs_as_union_find(spark, demo, tmp_path):
    out, first = demo
    reference = digests(out)
    manifest = tmp_path / "demo-distributed.yaml"
    text = DEMO_MANIFEST.read_text().replace("demo-corpus/", str(DEMO_MANIFEST.parent / "demo-corpus") + "/")
    manifest.write_text(re.sub(r"^dedup:.*$", "dedup:\n  driver_max_edges: 0", text, flags=re.M))
    shutil.copytree(out / "filtered", tmp_path / "out" / "filtered")
    m = run(spark, manifest, tmp_path / "out", stages=("dedup",))
    assert m["dedup"]["components"]["method"] == "large_star_small_star"
    assert first["dedup"]["components"]["method"] == "driver_union_find"
    assert digests(tmp_path / "out") == reference


def test_union_find_and_large_star_small_star_agree_on_hard_graphs(spark):
    ids = [f"{i:064x}" for i in np.random.default_rng(5).permutation(3000)]
    edges = [(ids[i], ids[i + 1]) for i in range(0, 250)]  # a long path (worst case for label propagation)
    edges += [(ids[500], ids[j]) for j in range(501, 900)]  # a big star
    edges += [(ids[j], ids[j + 1]) for j in range(1000, 2000, 2)]  # many pairs
    edges += [(ids[2500 + (j * 7) % 300], ids[2500 + (j * 13) % 300]) for j in range(600)
              if (j * 7) % 300 != (j * 13) % 300]  # a tangle
    a = np.array([e[0] for e in edges])
    b = np.array([e[1] for e in edges])
    nodes, labels = components.union_find(a, b)
    frame = spark.createDataFrame([{"a": x, "b": y} for x, y in edges])
    result = components.large_star_small_star(spark, frame)
    distributed = {r["node"]: r["component"] for r in result.labels.collect()}
    assert distributed == dict(zip(nodes.tolist(), labels.tolist()))
    assert distributed[ids[250]] == min(ids[:251]) and len(set(distributed.values())) == 1 + 1 + 500 + len(
        {labels[i] for i, n in enumerate(nodes) if n in set(ids[2500:2800])})


def _stdlib(version: str) -> Path:
    return next(Path("/root/.pyenv/versions").glob(f"{version}.*/lib/python{version}"))


def _stdlib_tree(root: Path, lib: Path, names: list[str]) -> Path:
    root.mkdir(parents=True)
    for name in names:
        shutil.copy(lib / name, root / name)
    return root


def test_index_with_other_parameters_is_refused_before_spark(tmp_path, demo):
    out, _ = demo
    manifest = write_manifest(tmp_path, "other", [{"name": "x", "kind": "code", "format": "files", "path": str(tmp_path)}],
                              dedup={"index_from": [str(out)], "num_perm": 128})
    ctx = RunContext(load_manifest(manifest), STAGES)
    ctx.upstream = lambda name: ({"outputs": {"dirs": ["docs"], "files": []}}, "0" * 64, "u")  # no crawl needed
    with pytest.raises(ConfigError, match="dedup.index_from.*num_perm"):
        STAGES["dedup"].prepare(ctx)
    assert ctx._spark is None


def test_bad_dedup_settings_fail_fast_naming_the_key(tmp_path):
    manifest = write_manifest(tmp_path, "bad", [{"name": "x", "kind": "code", "format": "files", "path": "."}],
                              dedup={"bands": 40, "rows": 8})
    with pytest.raises(ConfigError, match=r"dedup: got .*exceeds num_perm"):
        load_manifest(manifest)
    manifest = write_manifest(tmp_path, "bad2", [{"name": "x", "kind": "code", "format": "files", "path": "."}],
                              dedup={"threshold": 1.5, "ranking": ["stars", "stars"]})
    with pytest.raises(ConfigError) as err:
        load_manifest(manifest)
    assert "dedup.threshold" in str(err.value) and "dedup.ranking" in str(err.value)


def test_exact_key_ignores_line_ends_and_trailing_space_only():
    text = (STDLIBS[0] / "heapq.py").read_text(encoding="utf-8")
    crlf_padded = "\n\n" + text.replace("\n", "  \r\n") + "\n\n"
    assert exact_key(crlf_padded) == exact_key(text)
    assert exact_key(text.replace("    ", "  ", 1)) != exact_key(text), "indentation is content"
    assert exact_key(text.lower()) != exact_key(text), "case is content"


def test_native_exact_keys_equal_the_definition():
    """The sketch's column-at-a-time exact keys (native normalisation on UTF-8 bytes) equal `exact_key` on real
    files of several languages, on every character str.isspace() knows at a line end or inside a line, and on a
    sliced column (an Arrow offset)."""
    import sys  # noqa: PLC0415

    import pyarrow as pa  # noqa: PLC0415

    from lemur_data.stages.dedup.sketch import exact_keys  # noqa: PLC0415

    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(STDLIBS[0].glob("*.py"))[:40]]
    texts += [(REPO / "tests" / "fixtures" / "filter" / "debian-reference-ch01.fr.txt").read_text(encoding="utf-8")]
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    texts += [f"a{w}\r\nb{w}{w}\n\n" for w in spaces] + [f"{w}x{w}y" for w in spaces]
    texts += ["", "\n", "\n \t\n", "x\u200b", "é\u00a0é\u3000\n\u2028"]
    column = pa.array(texts)
    assert exact_keys(column).to_pylist() == [exact_key(t) for t in texts]
    assert exact_keys(column.slice(7, 50)).to_pylist() == [exact_key(t) for t in texts[7:57]]


def test_several_read_units_per_task_give_the_same_outputs(spark, demo, tmp_path, monkeypatch):
    """In local mode a task reads several read units (datasets.unit_tasks): one task per core here, so the sketch
    and the grey-zone reads each run several units in one task; the outputs are those of the demo run."""
    out, first = demo
    filtered = mf.read(Storage(), str(out / "filtered" / "_manifest.json"))[0]
    n_units = len(datasets.read_units(str(out), datasets.main_files(filtered), row_groups_per_unit=1))
    monkeypatch.setattr(datasets, "_LOCAL_TASKS_PER_CORE", 1)
    assert datasets.unit_tasks(spark, n_units) == spark.sparkContext.defaultParallelism < n_units
    shutil.copytree(out / "filtered", tmp_path / "out" / "filtered")
    m = run(spark, DEMO_MANIFEST, tmp_path / "out", stages=("dedup",))
    assert m["dedup"]["candidates"]["grey_zone"] > 0, "the grey-zone reads ran too"
    assert digests(tmp_path / "out") == digests(out)
