"""The dedup stage on purpose-built real corpora: incremental runs against an earlier index, hot buckets and a very
long document, survivor ranking, the grey zone decided by exact Jaccard. (Apart from tests/test_dedup.py so that
`--dist loadfile` can run the two halves on different workers.)"""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

from lemur_data import minhash as mh
from tests.test_dedup import STDLIBS, _stdlib, _stdlib_tree, run, table, write_manifest


def test_incremental_runs_dedup_against_the_earlier_index_only(spark, tmp_path):
    names = ["heapq.py", "textwrap.py", "glob.py", "shlex.py", "bisect.py", "colorsys.py", "fnmatch.py"]
    older, newer = _stdlib("3.10"), _stdlib("3.11")
    first = write_manifest(tmp_path, "batch1", [{"name": "lib", "kind": "code", "format": "files",
                                                 "path": str(_stdlib_tree(tmp_path / "b1", older, names))}])
    m1 = run(spark, first, tmp_path / "batch1-out")
    ids1 = {r["locator"]: r["id"] for r in table(tmp_path / "batch1-out", "deduped").to_pylist()}
    # the first batch's documents are gone: only its index and manifest remain, so nothing old can be re-read
    shutil.rmtree(tmp_path / "batch1-out" / "docs")
    shutil.rmtree(tmp_path / "batch1-out" / "filtered")
    shutil.rmtree(tmp_path / "batch1-out" / "deduped" / "kind=code")
    b2 = _stdlib_tree(tmp_path / "b2", newer, names[:5] + ["calendar.py"])
    shutil.copy(older / "colorsys.py", b2 / "colorsys_copy.py")  # an exact copy of an indexed document
    second = write_manifest(tmp_path, "batch2", [{"name": "lib2", "kind": "code", "format": "files", "path": str(b2)}],
                            dedup={"index_from": [str(tmp_path / "batch1-out")]})
    m2 = run(spark, second, tmp_path / "batch2-out")
    assert all(c["passed"] for c in m2["validation"]), m2["validation"]
    assert m2["counts"]["in"]["docs"] == 7, "only the new batch is sketched"
    removed = {r["locator"]: r for r in table(tmp_path / "batch2-out", "dedup-removed").to_pylist()}
    assert removed["colorsys_copy.py"]["match_kind"] == "exact_duplicate_of_indexed"
    assert removed["colorsys_copy.py"]["survivor_id"] == ids1["colorsys.py"]
    # 3.10 -> 3.11: heapq, textwrap and glob changed a little; shlex and bisect not at all
    assert {loc: r["match_kind"] for loc, r in removed.items() if loc != "colorsys_copy.py"} == {
        "heapq.py": "near_duplicate_of_indexed", "textwrap.py": "near_duplicate_of_indexed",
        "glob.py": "near_duplicate_of_indexed", "shlex.py": "exact_duplicate_of_indexed",
        "bisect.py": "exact_duplicate_of_indexed"}
    for loc, r in removed.items():
        if loc != "colorsys_copy.py":
            assert r["survivor_id"] == ids1[loc], "records which earlier document it matched"
    assert "calendar.py" not in removed
    assert m2["dedup"]["index"]["earlier"][0]["rows"] == m1["dedup"]["index"]["rows"]
    # a third batch against the second inherits the first index too; it re-ingests one document of the first
    # (same source and locator, so the same id) and holds a renamed copy of another
    b3 = tmp_path / "b3"
    b3.mkdir()
    shutil.copy(older / "fnmatch.py", b3 / "fnmatch.py")
    shutil.copy(older / "glob.py", b3 / "glob_again.py")
    third = write_manifest(tmp_path, "batch3", [{"name": "lib", "kind": "code", "format": "files", "path": str(b3)}],
                           dedup={"index_from": [str(tmp_path / "batch2-out" / "deduped")]})
    m3 = run(spark, third, tmp_path / "batch3-out")
    again = sorted(table(tmp_path / "batch3-out", "dedup-removed").to_pylist(), key=lambda r: r["locator"])
    assert [(r["locator"], r["survivor_id"], r["match_kind"]) for r in again] == [
        ("fnmatch.py", ids1["fnmatch.py"], "exact_duplicate_of_indexed"),
        ("glob_again.py", ids1["glob.py"], "exact_duplicate_of_indexed")]
    assert again[0]["id"] == ids1["fnmatch.py"], "the re-ingested document has the indexed document's id"
    assert len(m3["dedup"]["index"]["inherited"]) == len(m2["dedup"]["index"]["inherited"]) + len(
        [f for f in m2["outputs"]["files"] if f["path"].startswith("dedup-index/")])


def test_hot_buckets_and_a_very_long_document(spark, tmp_path):
    """1500 copies of the Apache-2.0 notice, 1500 real file heads under the same notice (hot LSH buckets), and one
    16 MB document (the concatenated standard library): no all-pairs, no out-of-memory, exact accounting."""
    apache = Path("/usr/share/common-licenses/Apache-2.0").read_text(encoding="utf-8")
    notice = apache[apache.index("   Licensed under the Apache License"):].strip()
    lib = STDLIBS[3]
    heads = []
    for path in sorted(lib.rglob("*.py")):
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()[:12]
        heads.append("\n".join(lines))
        if len(heads) == 1500:
            break
    big = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in sorted(lib.glob("*.py")))
    while len(big.encode()) < 16 << 20:
        big += "\n" + big[: 4 << 20]
    rows = [{"text": notice, "url": f"notice-{i}"} for i in range(1500)]
    rows += [{"text": f"# {notice}\n\n{head}", "url": f"head-{i}"} for i, head in enumerate(heads)]
    rows.append({"text": big, "url": "stdlib-concatenated"})
    data = tmp_path / "hot.jsonl.gz"
    data.write_bytes(gzip.compress("".join(json.dumps(r) + "\n" for r in rows).encode(), 1))
    manifest = write_manifest(tmp_path, "hot", [{"name": "hot", "kind": "code", "format": "jsonl", "path": str(data),
                                                 "lang": "python", "columns": {"text": "text", "locator": "url"}}],
                              crawl={"max_file_bytes": 64 << 20}, dedup={"max_bucket_pivots": 4})
    m = run(spark, manifest, tmp_path / "hot-out")
    assert all(c["passed"] for c in m["validation"]), m["validation"]
    d = m["dedup"]
    n = m["counts"]["in"]["docs"]
    assert n == 3001
    assert d["removed"]["exact_duplicate"]["docs"] >= 1499, "1500 identical notices collapse to one"
    largest = d["clusters"]["largest"][0]
    assert largest["size"] >= 1500
    # bounded candidate work: each bucket member meets at most 4 pivots in each band
    assert d["candidates"]["pairs"] <= 4 * n * d["params"]["bands"]
    kept = {r["locator"]: r for r in table(tmp_path / "hot-out", "deduped").select(["locator", "size_bytes"]).to_pylist()}
    assert kept["stdlib-concatenated"]["size_bytes"] >= 16 << 20


def test_survivor_follows_the_configured_ranking(spark, tmp_path):
    """Three copies of heapq.py (3.11) under different licenses and star counts, and its 3.10 version."""
    new = (_stdlib("3.11") / "heapq.py").read_text(encoding="utf-8")
    old = (_stdlib("3.10") / "heapq.py").read_text(encoding="utf-8")
    rows = [{"text": new, "url": "gpl-popular", "license": "GPL-3.0-only", "stars": 1000},
            {"text": new, "url": "mit-few", "license": "MIT", "stars": 5},
            {"text": new, "url": "mit-some", "license": "MIT", "stars": 50},
            {"text": old, "url": "mit-older", "license": "MIT OR Apache-2.0", "stars": None}]
    data = tmp_path / "ranked.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in rows))
    source = {"name": "gh", "kind": "code", "format": "jsonl", "path": str(data), "lang": "python",
              "columns": {"text": "text", "locator": "url", "license": "license", "stars": "stars"}}
    out = tmp_path / "out"

    def survivor(dedup: dict | None, stages=("crawl", "filter", "dedup")) -> tuple[str, dict]:
        m = run(spark, write_manifest(tmp_path, "ranked", [source], dedup=dedup), out, stages=stages)
        kept = table(out, "deduped").to_pylist()
        assert len(kept) == 1 and kept[0]["cluster_size"] == 4
        removed = {r["locator"]: r["match_kind"] for r in table(out, "dedup-removed").to_pylist()}
        return kept[0]["locator"], removed

    # default: permissive license first, then stars
    kept, removed = survivor(None)
    assert kept == "mit-some"
    assert removed == {"gpl-popular": "exact_duplicate", "mit-few": "exact_duplicate", "mit-older": "near_duplicate"}
    # stars first
    assert survivor({"ranking": ["stars", "license", "length", "id"]}, stages=("dedup",))[0] == "gpl-popular"
    # length first: the 3.11 copies are longer than 3.10's; then the id decides among identical copies
    kept, _ = survivor({"ranking": ["length"]}, stages=("dedup",))
    assert kept in {"gpl-popular", "mit-few", "mit-some"}


def test_grey_zone_pairs_are_decided_by_the_exact_jaccard(spark, tmp_path):
    """A margin so wide that nearly every candidate is checked exactly: the grey zone keeps some pairs and rejects
    others, and every cluster is connected by pairs whose exact Jaccard (reference shingles) reaches the threshold."""
    names = ["heapq.py", "textwrap.py", "glob.py", "shlex.py", "bisect.py", "fnmatch.py", "calendar.py", "csv.py"]
    root = tmp_path / "releases"
    for version in ("3.6", "3.8", "3.10", "3.12"):
        _stdlib_tree(root / version, _stdlib(version), names)
    threshold = 0.7
    manifest = write_manifest(tmp_path, "grey", [{"name": "lib", "kind": "code", "format": "files", "path": str(root)}],
                              dedup={"threshold": threshold, "exact_check_margin": 0.45})
    m = run(spark, manifest, tmp_path / "grey-out")
    checked = m["dedup"]["candidates"]
    assert checked["grey_zone"] > checked["grey_zone_kept"] > 0, checked
    docs = table(tmp_path / "grey-out", "deduped").to_pylist() + table(tmp_path / "grey-out", "dedup-removed").to_pylist()
    clusters: dict[str, list[set[bytes]]] = {}
    for d in docs:
        clusters.setdefault(d["cluster_id"], []).append(set(mh.reference_shingles(d["text"], mh.CODE_SHINGLING)))
    assert any(len(members) > 1 for members in clusters.values())
    for members in clusters.values():
        reached, frontier = {0}, [0]
        while frontier:
            i = frontier.pop()
            for j, other in enumerate(members):
                if j not in reached and len(members[i] & other) >= threshold * len(members[i] | other):
                    reached.add(j)
                    frontier.append(j)
        assert len(reached) == len(members), "a cluster member joined by a pair under the threshold"
