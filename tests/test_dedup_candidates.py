"""Dedup candidates on int64 nodes: the numbering orders like the ids and is exact (earlier "^" ids, a repeated id,
any partitioning), the bucket pairing matches a brute-force reference on the ids, and labels map back to ids."""

from __future__ import annotations

import itertools

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pytest

from lemur_data import components
from lemur_data.stages.dedup import candidates
from lemur_data.stages.dedup.layout import INDEXED_PREFIX

PIVOTS = 3
BANDS = 4


def _ids(n: int, seed: int) -> list[str]:
    """Hex ids like the real ones, a fifth of them earlier documents ("^" sorts between digits and letters)."""
    rng = np.random.default_rng(seed)
    return [(INDEXED_PREFIX if i % 5 == 0 else "") + rng.bytes(32).hex() for i in range(n)]


def _rep_rows(ids: list[str], seed: int) -> list[dict]:
    """Representatives with few distinct band keys (hot buckets, negative keys too), two scopes and a null one,
    earlier and new documents, and some with no band keys (an empty or a null list, as an index row can have)."""
    rng = np.random.default_rng(seed)
    return [{"id": i, "scope": None if k % 17 == 0 else "code" if k % 3 else "text",
             "earlier": 0 if i.startswith(INDEXED_PREFIX) else 1,
             "band_keys": None if k % 13 == 0 else [] if k % 11 == 0
             else [int(x) for x in rng.integers(-2, 2, BANDS)], "signature": b"", "unit": None}
            for k, i in enumerate(ids)]


def _reps(spark, ids: list[str], partitions: int, seed: int):
    return spark.createDataFrame(_rep_rows(ids, seed), "id string, scope string, earlier int, band_keys array<bigint>, "
                                                     "signature binary, unit int").repartition(partitions)


def _reference_pairs(rows: list[dict]) -> set[tuple[str, str]]:
    """Today's rule on the ids: in each (scope, band, key) bucket, every member with a larger id is paired with each
    of the bucket's `PIVOTS` smallest ids, unless both are earlier documents."""
    buckets: dict[tuple, list[dict]] = {}
    for r in rows:
        if r["scope"] is None:
            continue
        for band, key in enumerate(r["band_keys"] or []):
            buckets.setdefault((r["scope"], band, key), []).append(r)
    pairs = set()
    for members in buckets.values():
        members.sort(key=lambda r: r["id"])
        for a, b in itertools.product(members[:PIVOTS], members):
            if b["id"] > a["id"] and (a["earlier"] == 1 or b["earlier"] == 1):
                pairs.add((a["id"], b["id"]))
    return pairs


@pytest.mark.parametrize("partitions", [1, 7])
def test_numbering_orders_like_the_ids_and_is_exact(spark, partitions):
    ids = _ids(400, seed=1)
    ids.append(ids[0])  # one earlier document in two indexes: the same id twice must stay one node
    rows = candidates.numbered(_reps(spark, ids, partitions, seed=2)).select("id", "node").collect()
    assert len(rows) == len(ids)
    node_of = {}
    for r in rows:
        assert node_of.setdefault(r["id"], r["node"]) == r["node"]
    assert len(set(node_of.values())) == len(set(ids))
    assert sorted(node_of, key=node_of.get) == sorted(node_of)


@pytest.mark.parametrize("partitions", [1, 5])
def test_pairs_match_a_brute_force_reference(spark, partitions):
    ids = _ids(120, seed=3)
    reps = _reps(spark, ids, partitions, seed=4)
    nodes = candidates.numbered(reps).persist()
    id_of = {r["node"]: r["id"] for r in nodes.select("node", "id").collect()}
    got = {(id_of[r["a"]], id_of[r["b"]]) for r in candidates.candidate_pairs(nodes, PIVOTS).collect()}
    expected = _reference_pairs([r.asDict() for r in reps.collect()])
    nodes.unpersist()
    # the buckets are hot (4 keys per band for 120 documents): the pivot limit must have cut pairs
    assert len(expected) < len(ids) * (len(ids) - 1) // 2 / 4
    assert got == expected


def test_packing_in_several_batches_gives_the_pairs_of_one_batch():
    rows = _rep_rows(_ids(150, seed=8), seed=9)
    for node, r in enumerate(sorted(rows, key=lambda r: r["id"])):
        r["node"] = node
    table = pa.Table.from_pylist([{k: r[k] for k in ("scope", "node", "earlier", "band_keys")} for r in rows
                                  if r["scope"] is not None],
                                 pa.schema([("scope", pa.string()), ("node", pa.int64()), ("earlier", pa.int32()),
                                            ("band_keys", pa.list_(pa.int64()))]))

    def pairs(band_rows_per_batch: int) -> set[tuple[int, int]]:
        packed = list(candidates._PackBands(5, band_rows_per_batch)(iter(table.to_batches(max_chunksize=7))))
        found = set()
        for slot in range(5):  # the shuffle: every slot's packs in one task
            task = [b.filter(pc.equal(b.column("slot"), slot)) for b in packed]
            for out in candidates._BucketPairs(PIVOTS)(iter(task)):
                found |= set(zip(out.column("a").to_pylist(), out.column("b").to_pylist()))
        return found

    id_of = {r["node"]: r["id"] for r in rows}
    one_batch, small_batches = pairs(10**9), pairs(20)
    assert {(id_of[a], id_of[b]) for a, b in one_batch} == _reference_pairs(rows)
    assert small_batches == one_batch


def test_a_null_band_key_list_gives_no_band_row_even_when_its_offsets_span_values():
    # Arrow lets a null list's offsets cover values: row 1 is null but spans [3, 4]
    band_keys = pa.ListArray.from_arrays(pa.array([0, 2, 4, 5], pa.int32()), pa.array([1, 2, 3, 4, 1], pa.int64()),
                                         mask=pa.array([False, True, False]))
    batch = pa.RecordBatch.from_arrays([pa.array(["code"] * 3), pa.array([10, 11, 12], pa.int64()),
                                        pa.array([1, 1, 1], pa.int32()), band_keys],
                                       names=["scope", "node", "earlier", "band_keys"])
    (packed,) = candidates._PackBands(1)(iter([batch]))
    band, key, node = (candidates._unpacked(pa.chunked_array([packed.column(c)]), t)
                       for c, t in (("band", np.int32), ("key", np.int64), ("node", np.int64)))
    rows = sorted(zip(node.tolist(), band.tolist(), key.tolist()))
    assert rows == [(10, 0, 1), (10, 1, 2), (12, 0, 1)]


def test_labels_map_back_to_the_ids_union_find_gives_on_strings(spark):
    ids = _ids(60, seed=5)
    nodes = candidates.numbered(_reps(spark, ids, 3, seed=6)).persist()
    node_of = {r["id"]: r["node"] for r in nodes.select("id", "node").collect()}
    rng = np.random.default_rng(7)
    edges = [(ids[x], ids[y]) for x, y in rng.integers(0, len(ids), (40, 2)) if x != y]
    a, b = np.array([e[0] for e in edges]), np.array([e[1] for e in edges])
    on_strings = dict(zip(*(x.tolist() for x in components.union_find(a, b))))
    numbers, labels = components.union_find(np.array([node_of[x] for x in a]), np.array([node_of[x] for x in b]))
    frame = spark.createDataFrame([{"node": int(n), "component": int(c)} for n, c in zip(numbers, labels)],
                                  "node bigint, component bigint")
    named = {r["node"]: r["component"] for r in candidates.with_string_ids(frame, nodes).collect()}
    nodes.unpersist()
    assert named == on_strings
