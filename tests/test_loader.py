"""The trainer-side reader: exact coverage across ranks x workers, O(1) resume, and other readers of the shards."""

from __future__ import annotations

import multiprocessing

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import torch

from lemur_data.datasets import main_files
from lemur_data.loader import DatasetChanged, ShardIndex, StreamOrder, TokenShardDataset, TokenShardLoader

# NOTE: workers come from a fork server, not a fork of this process (it also hosts a Spark session whose threads a
# fork would copy); the server imports the reader once, so each DataLoader starts its workers quickly.
_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(["lemur_data.loader"])
WORKERS = {"num_workers": 2, "multiprocessing_context": _CONTEXT}


def shard_paths(root, m) -> list[str]:
    return [str(root / f["path"]) for f in main_files(m)]


def reference_rows(root, m) -> pa.Table:
    return pa.concat_tables(pq.read_table(p) for p in shard_paths(root, m))


def test_every_row_exactly_once_across_2_ranks_x_2_workers(demo_pipeline):
    root, manifests = demo_pipeline
    rows, seq_len = manifests["mix"]["mixture"]["rows"], manifests["mix"]["mixture"]["seq_len"]
    batch, world = 8, 2
    steps = -(-rows // (batch * world))
    seen, batch_ids = [], {0: [], 1: []}
    for rank in range(world):
        ds = TokenShardDataset(str(root / "shards"), batch_size=batch, rank=rank, world_size=world, max_batches=steps)
        for b in TokenShardLoader(ds, **WORKERS):
            assert b["input_ids"].shape == (batch, seq_len) and b["input_ids"].dtype == torch.int64
            seen += list(zip(b["epoch"].tolist(), b["seq_idx"].tolist()))
            batch_ids[rank].append(int(b["batch_idx"]))
        assert ds.state_dict()["batches_processed"] == steps
    assert batch_ids[0] == batch_ids[1] == list(range(steps)), "the DataLoader hands batches out in order"
    assert len(seen) == len(set(seen)) == steps * batch * world, "no row twice"
    assert sorted(s for e, s in seen if e == 0) == list(range(rows)), "every row of the epoch, no gap"
    assert sorted(s for e, s in seen if e == 1) == list(range(steps * batch * world - rows)), "then epoch 1 begins"


def test_batches_hold_the_rows_of_the_shards(demo_pipeline):
    root, manifests = demo_pipeline
    ref = reference_rows(root, manifests["mix"])
    ds = TokenShardDataset(str(root / "shards"), batch_size=4, rank=1, world_size=2, max_batches=3)
    for b in TokenShardLoader(ds):
        for seq, ids, segments in zip(b["seq_idx"].tolist(), b["input_ids"], b["segment_ids"]):
            row = ref.slice(seq, 1).to_pylist()[0]
            assert row["seq_idx"] == seq and ids.tolist() == row["input_ids"]
            starts = np.flatnonzero(np.diff(segments.numpy(), prepend=-1))
            assert starts.tolist() == row["segment_starts"], "segment_ids change where documents start"


def test_resume_mid_epoch_gives_the_same_next_batch(demo_pipeline):
    root, _ = demo_pipeline
    path = str(root / "shards")
    # the uninterrupted reference is read in this process; the interrupted and resumed runs use two workers
    full = list(TokenShardLoader(TokenShardDataset(path, batch_size=4, rank=1, world_size=2, max_batches=9)))
    interrupted = TokenShardLoader(TokenShardDataset(path, batch_size=4, rank=1, world_size=2, max_batches=9),
                                   **WORKERS)
    for i, _ in enumerate(interrupted):
        if i == 4:
            break
    state = interrupted.state_dict()
    assert set(state) == {"fingerprint", "seed", "epoch", "batches_processed"}
    assert state["batches_processed"] == 5 and state["epoch"] == 0
    resumed = TokenShardLoader(TokenShardDataset(path, batch_size=4, rank=1, world_size=2, max_batches=9), **WORKERS)
    resumed.load_state_dict(state)
    rest = list(resumed)
    assert len(rest) == 4
    for a, b in zip(rest, full[5:]):
        assert torch.equal(a["input_ids"], b["input_ids"]) and torch.equal(a["seq_idx"], b["seq_idx"])
    assert resumed.state_dict()["batches_processed"] == 9


def test_resuming_on_changed_data_is_refused_unless_allowed(demo_pipeline):
    root, _ = demo_pipeline
    ds = TokenShardDataset(str(root / "shards"), batch_size=4)
    stale = {**ds.state_dict(), "fingerprint": "0" * 64, "batches_processed": 300, "epoch": 0}
    with pytest.raises(DatasetChanged, match="allow_changed_dataset=True"):
        ds.load_state_dict(stale)
    assert ds.batches_processed == 0
    ds.load_state_dict(stale, allow_changed_dataset=True)
    assert ds.batches_processed == 300
    with pytest.raises(ValueError, match="shuffle_seed=7"):
        ds.load_state_dict({**ds.state_dict(), "seed": 7})
    with pytest.raises(ValueError, match="batch_size or world_size changed"):
        ds.load_state_dict({**ds.state_dict(), "epoch": 5})


def test_shuffled_epochs_visit_every_row_once_in_a_new_block_order():
    order = StreamOrder(rows=2200, block_rows=256, shuffle_seed=3)
    epochs, seq = order.seq_idx(np.arange(2 * 2200))
    first, second = seq[:2200], seq[2200:]
    assert (epochs[:2200] == 0).all() and (epochs[2200:] == 1).all()
    assert sorted(first) == sorted(second) == list(range(2200))
    assert not np.array_equal(first, second) and not np.array_equal(first, np.arange(2200))
    jumps = np.flatnonzero(np.diff(first) != 1)
    assert len(jumps) == 8, "rows stay in order inside each of the 9 blocks"
    assert np.array_equal(StreamOrder(2200, 256, 3).seq_idx(np.arange(2200))[1], first), "seeded, deterministic"


def test_shard_index_reads_rows_by_seq_idx(demo_pipeline):
    root, manifests = demo_pipeline
    ref = reference_rows(root, manifests["mix"])
    index = ShardIndex(str(root / "shards" / "_manifest.json"))
    rows, per_shard = manifests["mix"]["mixture"]["rows"], manifests["mix"]["mixture"]["shard_rows"]
    picks = np.array([rows - 1, 0, per_shard, per_shard - 1, rows // 3, rows // 2])
    rows = index.read(picks)
    for i, seq in enumerate(picks):
        assert rows["input_ids"][i].tolist() == ref.column("input_ids")[int(seq)].as_py()
        assert rows["source_id"][i] == ref.column("source_id")[int(seq)].as_py()


def test_shards_read_the_same_with_pyarrow_duckdb_and_datasets(demo_pipeline, tmp_path, monkeypatch):
    import datasets
    import duckdb

    root, manifests = demo_pipeline
    paths = shard_paths(root, manifests["mix"])
    ref = reference_rows(root, manifests["mix"])

    con = duckdb.connect()
    got = con.execute("SELECT seq_idx, len(input_ids) AS n, input_ids[1] AS first, source_id, segment_starts "
                      "FROM read_parquet(?) ORDER BY seq_idx", [paths]).fetchall()
    assert [g[0] for g in got] == ref.column("seq_idx").to_pylist()
    seq_len = manifests["mix"]["mixture"]["seq_len"]
    assert {g[1] for g in got} == {seq_len}
    assert [g[2] for g in got] == [r[0] for r in ref.column("input_ids").to_pylist()]
    assert [g[3] for g in got] == ref.column("source_id").to_pylist()
    assert [g[4] for g in got] == ref.column("segment_starts").to_pylist()

    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    hf = datasets.load_dataset("parquet", data_files=paths, split="train", cache_dir=str(tmp_path / "hf"))
    assert hf.num_rows == ref.num_rows
    assert hf["seq_idx"] == ref.column("seq_idx").to_pylist()
    middle = ref.num_rows // 2
    assert hf[middle]["input_ids"] == ref.column("input_ids")[middle].as_py()
    hf.set_format("torch", columns=["input_ids"])
    assert tuple(hf[:4]["input_ids"].shape) == (4, seq_len)
