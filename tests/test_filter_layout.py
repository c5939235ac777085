"""The filter's outputs follow its upstream files (write layout 2): no shuffle, no document lost or duplicated,
rows in upstream order, file names from the upstream file names."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq

from lemur_data.stages.filter import OUTPUT_DIR, REJECTS_DIR


def ids(root: Path, path: str) -> list[str]:
    return pq.read_table(root / path, columns=["id"], partitioning=None).column("id").to_pylist()


def test_outputs_follow_the_upstream_files_in_upstream_order(demo_pipeline):
    root, manifests = demo_pipeline
    crawl, m = manifests["crawl"], manifests["filter"]
    assert m["timings"]["shuffle_bytes_written"] == 0
    upstream = {f["path"].split("/", 1)[1]: ids(root, f["path"]) for f in crawl["outputs"]["files"]
                if f["path"].startswith("docs/")}
    written: dict[str, dict[str, list[str]]] = {}
    for f in m["outputs"]["files"]:
        folder, rel = f["path"].split("/", 1)
        assert folder in (OUTPUT_DIR, REJECTS_DIR) and rel in upstream, f["path"]
        assert f["rows"] > 0  # a folder has a file for an upstream file only when it has rows from it
        written.setdefault(rel, {})[folder] = ids(root, f["path"])
    assert len(upstream) > 1 and set(written) == set(upstream)
    for rel, expected in upstream.items():
        kept, rejected = written[rel].get(OUTPUT_DIR, []), written[rel].get(REJECTS_DIR, [])
        assert sorted(kept + rejected) == sorted(expected), rel  # every document once, in one of the two
        position = {doc: i for i, doc in enumerate(expected)}
        for part in (kept, rejected):
            assert [position[doc] for doc in part] == sorted(position[doc] for doc in part), rel
    assert any(OUTPUT_DIR in w and REJECTS_DIR in w for w in written.values())
    listed = json.loads((root / OUTPUT_DIR / "_manifest.json").read_text())["outputs"]["files"]
    assert listed == m["outputs"]["files"]
