"""Repository-level near dedup (dedup.level: repository) on real successive releases: the CPython 3.10 and 3.11
standard libraries of this machine's pyenv installs (a subset of modules and the LICENSE of each) plus an unrelated
real project (tiny-emitter from the demo corpus) and a file outside any repository."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow.compute as pc

from tests.test_dedup import _stdlib, dedup_under_partitionings, digests, run, table, write_manifest

DEMO_REPOS = Path(__file__).resolve().parent.parent / "manifests" / "demo-corpus" / "code" / "repos"
# enum.py changed most between the releases (file Jaccard ~0.24) but the union of these files stays ~0.79 similar.
MODULES = ["heapq.py", "textwrap.py", "shlex.py", "bisect.py", "tokenize.py", "fractions.py", "enum.py", "pprint.py",
           "functools.py", "locale.py", "LICENSE.txt"]


def corpus(root: Path) -> Path:
    for version in ("3.10", "3.11"):
        release = root / f"cpython-{version}"
        release.mkdir(parents=True)
        for name in MODULES:
            shutil.copy(_stdlib(version) / name, release / name)
    shutil.copytree(DEMO_REPOS / "tiny-emitter", root / "tiny-emitter")
    shutil.copy(_stdlib("3.11") / "colorsys.py", root / "colorsys.py")  # in no repository
    return root


def test_a_near_duplicate_release_is_removed_whole_and_the_result_is_partition_independent(spark, tmp_path):
    source = [{"name": "releases", "kind": "code", "format": "files", "path": str(corpus(tmp_path / "src"))}]
    file_level = run(spark, write_manifest(tmp_path, "files", source), tmp_path / "file-out")
    by_file = {r["locator"]: r["match_kind"] for r in table(tmp_path / "file-out", "dedup-removed").to_pylist()}
    assert by_file["cpython-3.10/heapq.py"] and "cpython-3.10/enum.py" not in by_file  # enum changed too much
    assert "repositories" not in file_level["dedup"]

    docs = table(tmp_path / "file-out", "docs").to_pylist()
    size = {repo: sum(d["size_bytes"] for d in docs if d["repo"] == repo) for repo in ("cpython-3.10", "cpython-3.11")}
    winner, loser = sorted(size, key=size.get, reverse=True)  # ranked as files are: here by length (no other signal)
    manifest = write_manifest(tmp_path, "repos", source, dedup={"level": "repository"})
    (out, m), (out5, _) = dedup_under_partitionings(spark, manifest, tmp_path / "file-out", tmp_path / "repo-out")
    assert all(c["passed"] for c in m["validation"]), m["validation"]
    assert digests(out) == digests(out5), "same bytes whatever the shuffle partitioning"

    removed = {r["locator"]: r for r in table(out, "dedup-removed").to_pylist()}
    lost = sorted(d["locator"] for d in docs if d["repo"] == loser)
    assert f"{loser}/enum.py" in lost and len(lost) >= len(MODULES) - 1  # LICENSE.txt is licence evidence only
    assert {loc: (removed[loc]["match_kind"], removed[loc]["survivor_id"]) for loc in lost} == {
        loc: ("repository_near_duplicate", winner) for loc in lost}, "every file of the losing release, even enum.py"
    assert not [loc for loc, r in removed.items() if r["match_kind"] == "repository_near_duplicate" and loc not in lost]
    kept = table(out, "deduped")
    assert set(pc.unique(kept.column("repo")).to_pylist()) == {winner, "tiny-emitter", None}
    assert m["dedup"]["repositories"] == {
        "repositories": 3, "files_in_repositories": sum(1 for d in docs if d["repo"]),
        "candidate_pairs": m["dedup"]["repositories"]["candidate_pairs"], "edges": 1, "removed_repositories": 1,
        "removed_docs": len(lost)}
    assert m["dedup"]["repositories"]["candidate_pairs"] >= 1
    assert m["dedup"]["removed"]["repository_near_duplicate"]["docs"] == len(lost)
    assert m["dedup"]["params"]["level"] == "repository"
