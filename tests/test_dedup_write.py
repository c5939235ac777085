"""The dedup write (stages/dedup/write.py): files follow the upstream files, a large one is cut at row-group
boundaries (`-rg<first>` names), rows keep upstream order, and the bytes do not depend on the partitioning."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from lemur_data.datasets import ReadUnit, WriteRun, write_runs
from lemur_data.errors import TaskError
from lemur_data.schema import DOC_SCHEMA
from lemur_data.stages.dedup.write import _RUN, _WriteRunsTask
from lemur_data.storage import Storage
from tests.test_dedup import dedup_under_partitionings, digests, run, table, write_manifest
from tests.test_dedup_repository import corpus

ROWS_PER_UPSTREAM_GROUP = 4


def recut_upstream(out: Path, rows_per_group: int) -> dict[str, list[list[str]]]:
    """Rewrite the committed filter output with small row groups (and its manifest's sizes, sha256 and row-group
    counts to match): path -> the ids of each row group."""
    manifest_path = out / "filtered" / "_manifest.json"
    manifest = json.loads(manifest_path.read_text())
    groups: dict[str, list[list[str]]] = {}
    for f in manifest["outputs"]["files"]:
        path = out / f["path"]
        rows = pq.read_table(path)
        pq.write_table(rows, path, row_group_size=rows_per_group, compression="zstd")
        data = path.read_bytes()
        f.update(bytes=len(data), sha256=hashlib.sha256(data).hexdigest(),
                 row_groups=pq.ParquetFile(path).num_row_groups)
        ids = rows.column("id").to_pylist()
        groups[f["path"]] = [ids[i:i + rows_per_group] for i in range(0, len(ids), rows_per_group)]
    manifest_path.write_text(json.dumps(manifest, indent=2))
    return groups


def decisions(out: Path) -> tuple[set[str], dict[str, tuple[str, str]]]:
    kept = set(table(out, "deduped").column("id").to_pylist())
    removed = {r["id"]: (r["match_kind"], r["survivor_id"]) for r in table(out, "dedup-removed").to_pylist()}
    return kept, removed


def test_files_follow_upstream_files_cut_at_row_groups_and_do_not_depend_on_partitioning(spark, tmp_path):
    source = [{"name": "releases", "kind": "code", "format": "files", "path": str(corpus(tmp_path / "src"))}]
    (tmp_path / "whole").mkdir()
    (tmp_path / "cut").mkdir()
    base = tmp_path / "base"
    run(spark, write_manifest(tmp_path / "whole", "unitwrite", source), base)
    upstream = recut_upstream(base, ROWS_PER_UPSTREAM_GROUP)
    big = max(upstream, key=lambda p: len(upstream[p]))
    assert len(upstream[big]) >= 4, "the corpus gives one file of several row groups"
    big_bytes = (base / big).stat().st_size
    target = -(-big_bytes // 3)  # three runs of row groups
    manifest = write_manifest(tmp_path / "cut", "unitwrite", source, dedup={"target_file_bytes": target})

    (out, m), (out5, _) = dedup_under_partitionings(spark, manifest, base, tmp_path / "out")
    assert all(c["passed"] for c in m["validation"]), m["validation"]
    assert digests(out) == digests(out5), "same names and bytes whatever the shuffle partitioning"
    assert decisions(out) == decisions(base), "cutting the files changes no keep / remove decision"

    listed = {f["path"]: f for f in m["outputs"]["files"]}
    runs = write_runs(str(out), [{"path": big, "bytes": big_bytes, "row_groups": len(upstream[big])}], target)
    assert len(runs) >= 2 and runs[0].unit.start == 0 and runs[-1].unit.stop == len(upstream[big])
    assert all(a.unit.stop == b.unit.start for a, b in zip(runs, runs[1:])), "consecutive row groups"
    below = big.split("/", 1)[1].removesuffix(".parquet")
    for r in runs:
        assert r.rel == f"{below}-rg{r.unit.start:05d}.parquet"
        upstream_ids = [i for g in upstream[big][r.unit.start:r.unit.stop] for i in g]
        written = {d: pq.read_table(out / d / r.rel).column("id").to_pylist() if (out / d / r.rel).exists() else []
                   for d in ("deduped", "dedup-removed", "dedup-index")}
        assert sorted(written["deduped"] + written["dedup-removed"]) == sorted(upstream_ids)
        assert written["deduped"] == [i for i in upstream_ids if i in written["deduped"]], "upstream order"
        assert written["dedup-index"] == written["deduped"]
        for d, ids in written.items():
            if ids:
                assert listed[f"{d}/{r.rel}"]["rows"] == len(ids)
    assert not (out / "deduped" / f"{below}.parquet").exists(), "a cut file has no uncut name"


def test_a_run_whose_documents_do_not_match_its_decisions_fails_naming_the_file(tmp_path):
    docs = pa.table({name: pa.array([f"{name}-{i}" for i in range(3)]) if DOC_SCHEMA.field(name).type in (
        pa.string(), pa.large_string()) else pa.nulls(3, DOC_SCHEMA.field(name).type) for name in DOC_SCHEMA.names})
    docs = docs.set_column(DOC_SCHEMA.get_field_index("size_bytes"), "size_bytes", pa.array([1, 2, 3], pa.int64()))
    path = tmp_path / "filtered" / "part-0.parquet"
    path.parent.mkdir()
    pq.write_table(docs.cast(DOC_SCHEMA), path)
    unit = ReadUnit("filtered/part-0.parquet", str(path), 0, 1)
    decided = pa.table({"id": ["id-0", "id-1"], "cluster_id": ["id-0", "id-1"], "cluster_size": [1, 1],
                        "survivor_id": ["id-0", "id-1"], "match_kind": pa.nulls(2, pa.string()), _RUN: [0, 0]})
    task = _WriteRunsTask([WriteRun(unit, "part-0.parquet")], Storage(), str(tmp_path))
    with pytest.raises(TaskError, match="part-0.parquet .*3 documents, 2 decisions"):
        list(task(iter(decided.to_batches())))
    assert not (tmp_path / "deduped").exists() or not list((tmp_path / "deduped").rglob("*.parquet"))
