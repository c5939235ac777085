"""`lemur-data dedup inspect OUT --cluster ID`: a cluster's members read with pyarrow from the dedup manifest's
files (no Spark)."""

from __future__ import annotations

import json
from typing import Any

import pyarrow.compute as pc
import pyarrow.parquet as pq

from lemur_data import manifest as mf
from lemur_data import storage
from lemur_data.stages.dedup.layout import OUTPUT_DIR, REMOVED_DIR


def inspect_cluster(root: str, cluster_id: str, store: storage.Storage | None = None) -> list[dict[str, Any]]:
    """Members of one cluster (survivor first), read with pyarrow from the dedup manifest's files: no Spark."""
    store = store or storage.Storage()
    manifest = mf.load_path(storage.join(root, OUTPUT_DIR) if not root.rstrip("/").endswith(OUTPUT_DIR) else root,
                            store)
    base = root.rstrip("/")
    if base.endswith(OUTPUT_DIR):
        base = base[: -len(OUTPUT_DIR)].rstrip("/") or "."
    columns = ["id", "kind", "source", "lang", "locator", "repo", "license", "size_bytes", "cluster_id",
               "cluster_size"]
    members: list[dict[str, Any]] = []
    for f in manifest["outputs"]["files"]:
        top = f["path"].split("/")[0]
        if top not in (OUTPUT_DIR, REMOVED_DIR):
            continue
        cols = columns + (["survivor_id", "match_kind"] if top == REMOVED_DIR else [])
        with store.open_input(storage.join(base, *f["path"].split("/"))) as fh:
            table = pq.ParquetFile(fh).read(columns=cols)
        table = table.filter(pc.equal(table.column("cluster_id"), cluster_id))
        for row in table.to_pylist():
            row.setdefault("survivor_id", None)
            row.setdefault("match_kind", None)
            row["role"] = "survivor" if top == OUTPUT_DIR else "removed"
            members.append(row)
    return sorted(members, key=lambda r: (r["role"] != "survivor", r["match_kind"] or "", r["source"], r["locator"]))


def format_members(cluster_id: str, members: list[dict[str, Any]]) -> str:
    from lemur_data.summary import table  # noqa: PLC0415

    if not members:
        return f"cluster {cluster_id}: no such cluster"
    rows = [[m["role"], m["match_kind"] or "", m["source"], m["lang"], m["size_bytes"], m["license"] or "",
             m["locator"], m["id"][:16]] for m in members]
    head = f"cluster {cluster_id}: {len(members)} member(s) in this run (cluster_size {members[0]['cluster_size']})"
    return "\n".join([head, *table(["role", "match", "source", "lang", "bytes", "license", "locator", "id"], rows,
                                   right={4})])


def members_json(members: list[dict[str, Any]]) -> str:
    return json.dumps(members, indent=2)

