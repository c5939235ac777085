"""Trainer-side reader of the mix stage's token shards, resumable in O(1).

The stream is the mix manifest's shard list (never a directory listing): N rows of seq_len tokens, row `seq_idx`
in shard seq_idx // shard_rows. Training reads it as an endless sequence of epochs; global step t takes the
world_size x batch_size consecutive stream positions [t*W*B, (t+1)*W*B), rank r the r-th block of B of them, so
every step is a contiguous window of the stream (near the target ratio) and, over an epoch, every row is read
exactly once across ranks: no overlap, no gap, no partial batches at epoch ends.

Inside a rank, DataLoader worker w produces the rank's batches j with (j - first) % num_workers == w, which is the
order in which the DataLoader hands them out. The position of batch j is arithmetic, so resuming from
`state_dict()` = {fingerprint, seed, epoch, batches_processed} costs nothing but opening the shard that holds it.
With `shuffle_seed`, each epoch visits blocks of `row_group_rows` rows in a seeded permutation (rows inside a
block stay in order, so reads stay sequential and windows stay mixed).

`ShardIndex` needs only pyarrow and numpy; `TokenShardDataset` / `TokenShardLoader` need the `torch` extra.
"""

from __future__ import annotations

import functools
import os
from collections import OrderedDict
from typing import Any, Iterator

import numpy as np
import pyarrow.compute as pc
import pyarrow.parquet as pq

from lemur_data import manifest as mf
from lemur_data import storage
from lemur_data.datasets import main_files

try:  # torch is an optional extra: pip install 'lemur-data[torch]'
    import torch
    from torch.utils.data import DataLoader, IterableDataset, get_worker_info
except ImportError:  # pragma: no cover - exercised only where torch is absent
    torch = None
    IterableDataset = object

_OPEN_ROW_GROUPS = 4


class DatasetChanged(ValueError):
    """A saved reader state belongs to other shards than the ones being read."""


class ShardIndex:
    """The shards of one mix run and random access to their rows (numpy; no torch needed)."""

    def __init__(self, manifest: str | dict[str, Any], *, root: str | None = None,
                 store: storage.Storage | None = None) -> None:
        self.store = store or storage.Storage()
        if isinstance(manifest, dict):
            if root is None:
                raise ValueError("root (the dataset's output folder) is needed with a manifest given as a dict")
            m = manifest
        else:
            uri = manifest if manifest.endswith(".json") else storage.join(manifest, mf.MANIFEST_NAME)
            m = mf.load_path(uri, self.store)
            # <root>/shards/_manifest.json: paths in the manifest are relative to <root>
            root = root or _parent(_parent(uri))
        if m.get("stage") != "mix":
            raise ValueError(f"expected the manifest of a mix run, got stage {m.get('stage')!r}")
        self.manifest, self.root = m, root
        mixture = m["mixture"]
        self.seq_len: int = mixture["seq_len"]
        self.rows: int = mixture["rows"]
        self.seed: int = mixture["seed"]
        self.block_rows: int = mixture["row_group_rows"]
        self.eos_id: int = m["tokenizer"]["eos_id"]
        self.fingerprint: str = m["fingerprint"]
        files = sorted(main_files(m), key=lambda f: f["path"])
        self.paths = [storage.join(root, *f["path"].split("/")) for f in files]
        self.file_starts = np.concatenate([[0], np.cumsum([f["rows"] for f in files])]).astype(np.int64)
        if self.file_starts[-1] != self.rows:
            raise ValueError(f"the manifest lists {self.file_starts[-1]} shard rows, its mixture {self.rows}")
        self._starts: dict[int, np.ndarray] = {}
        self._groups: OrderedDict[tuple[int, int], dict[str, np.ndarray]] = OrderedDict()

    def read(self, seq_idx: np.ndarray) -> dict[str, np.ndarray]:
        """Rows by seq_idx: input_ids [n, seq_len] int32, segment_ids [n, seq_len] int32, source_id [n] int16."""
        seq_idx = np.asarray(seq_idx, dtype=np.int64)
        out = {"input_ids": np.empty((len(seq_idx), self.seq_len), np.int32),
               "segment_ids": np.empty((len(seq_idx), self.seq_len), np.int32),
               "source_id": np.empty(len(seq_idx), np.int16), "seq_idx": seq_idx}
        file_of = np.searchsorted(self.file_starts, seq_idx, side="right") - 1
        for i, (f, s) in enumerate(zip(file_of, seq_idx)):
            group, first, row = self._locate(int(f), int(s - self.file_starts[f]))
            data = self._group(int(f), group)
            if data["seq_idx"][row] != s:
                raise ValueError(f"{self.paths[f]}: row for seq_idx {s} holds {data['seq_idx'][row]}")
            for k in ("input_ids", "segment_ids", "source_id"):
                out[k][i] = data[k][row]
        return out

    def _locate(self, f: int, row_in_file: int) -> tuple[int, int, int]:
        starts = self._group_starts(f)
        g = int(np.searchsorted(starts, row_in_file, side="right") - 1)
        return g, int(starts[g]), row_in_file - int(starts[g])

    def _group_starts(self, f: int) -> np.ndarray:
        """First row of each row group of file f (from its footer, read once)."""
        if f not in self._starts:
            with self.store.open_input(self.paths[f]) as fh:
                meta = pq.ParquetFile(fh).metadata
                sizes = [meta.row_group(i).num_rows for i in range(meta.num_row_groups)]
            self._starts[f] = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
        return self._starts[f]

    def _group(self, f: int, g: int) -> dict[str, np.ndarray]:
        key = (f, g)
        if key in self._groups:
            self._groups.move_to_end(key)
            return self._groups[key]
        with self.store.open_input(self.paths[f]) as fh:
            table = pq.ParquetFile(fh).read_row_group(g)
        n = table.num_rows
        ids = pc.list_flatten(table.column("input_ids")).to_numpy().reshape(n, self.seq_len)
        starts = table.column("segment_starts").combine_chunks()
        marks = np.zeros((n, self.seq_len), np.int32)
        counts = np.diff(starts.offsets.to_numpy())
        rows = np.repeat(np.arange(n), counts)
        cols = pc.list_flatten(starts).to_numpy()
        marks[rows[cols > 0], cols[cols > 0]] = 1
        data = {"input_ids": ids, "segment_ids": np.cumsum(marks, axis=1, dtype=np.int32),
                "source_id": table.column("source_id").to_numpy(), "seq_idx": table.column("seq_idx").to_numpy()}
        self._groups[key] = data
        while len(self._groups) > _OPEN_ROW_GROUPS:
            self._groups.popitem(last=False)
        return data


class StreamOrder:
    """Which row each stream position holds: epoch e visits all rows once, in order or in shuffled blocks."""

    def __init__(self, rows: int, block_rows: int, shuffle_seed: int | None) -> None:
        self.rows, self.block_rows, self.shuffle_seed = rows, block_rows, shuffle_seed
        self._epoch: tuple[int, np.ndarray, np.ndarray, np.ndarray] | None = None

    def seq_idx(self, positions: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(epoch, seq_idx) of global stream positions."""
        positions = np.asarray(positions, dtype=np.int64)
        epochs, within = positions // self.rows, positions % self.rows
        if self.shuffle_seed is None:
            return epochs, within
        out = np.empty_like(within)
        for e in np.unique(epochs):
            mask = epochs == e
            out[mask] = self._shuffled(int(e), within[mask])
        return epochs, out

    def _shuffled(self, epoch: int, p: np.ndarray) -> np.ndarray:
        if self._epoch is None or self._epoch[0] != epoch:
            n_blocks = -(-self.rows // self.block_rows)
            perm = np.random.Generator(np.random.PCG64([self.shuffle_seed, epoch])).permutation(n_blocks)
            sizes = np.full(n_blocks, self.block_rows, np.int64)
            sizes[-1] = self.rows - (n_blocks - 1) * self.block_rows
            ends = np.cumsum(sizes[perm])
            self._epoch = (epoch, perm, ends, ends - sizes[perm])
        _, perm, ends, starts = self._epoch
        i = np.searchsorted(ends, p, side="right")
        return perm[i] * self.block_rows + (p - starts[i])


class TokenShardDataset(IterableDataset):
    """A PyTorch IterableDataset of batches (dicts of tensors) for one rank; see the module docstring.

    Each batch: input_ids [B, seq_len] int64, segment_ids [B, seq_len] int32 (document index inside the row, for
    attention masking), seq_idx / epoch / source_id [B] int64, batch_idx (the rank's batch counter).
    Use it with `DataLoader(ds, batch_size=None, num_workers=...)`, or with `TokenShardLoader`, which also keeps
    `batches_processed` up to date for `state_dict()`.
    """

    def __init__(self, manifest: str, *, batch_size: int, rank: int = 0, world_size: int = 1,
                 shuffle_seed: int | None = None, max_batches: int | None = None,
                 store: storage.Storage | None = None) -> None:
        if torch is None:
            raise ImportError("TokenShardDataset needs PyTorch: pip install 'lemur-data[torch]'")
        if not 0 <= rank < world_size:
            raise ValueError(f"rank {rank} is not in [0, world_size={world_size})")
        if batch_size < 1:
            raise ValueError(f"batch_size must be >= 1, got {batch_size}")
        self.manifest, self.store = manifest, store
        self.batch_size, self.rank, self.world_size = batch_size, rank, world_size
        self.shuffle_seed, self.max_batches = shuffle_seed, max_batches
        self.batches_processed = 0
        index = self._index()
        self.fingerprint, self.rows = index.fingerprint, index.rows

    @functools.cached_property
    def _shards(self) -> ShardIndex:  # opened lazily in each worker process
        return self._index()

    def _index(self) -> ShardIndex:
        return ShardIndex(self.manifest, store=self.store)

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state.pop("_shards", None)  # open files and cached row groups stay in their process
        return state

    @property
    def rows_per_step(self) -> int:
        return self.world_size * self.batch_size

    @property
    def batches_per_epoch(self) -> float:
        return self.rows / self.rows_per_step

    def epoch_of(self, batches_processed: int) -> int:
        return batches_processed * self.rows_per_step // self.rows

    def positions(self, batch: int) -> np.ndarray:
        """Global stream positions of this rank's batch number `batch`."""
        first = batch * self.rows_per_step + self.rank * self.batch_size
        return np.arange(first, first + self.batch_size, dtype=np.int64)

    def state_dict(self) -> dict[str, Any]:
        return {"fingerprint": self.fingerprint, "seed": self.shuffle_seed,
                "epoch": self.epoch_of(self.batches_processed), "batches_processed": self.batches_processed}

    def load_state_dict(self, state: dict[str, Any], *, allow_changed_dataset: bool = False) -> None:
        """Continue after `state`; refuses other shards (fingerprint) unless `allow_changed_dataset`."""
        if state["fingerprint"] != self.fingerprint and not allow_changed_dataset:
            raise DatasetChanged(
                f"the saved state belongs to dataset {state['fingerprint'][:16]}…, these shards are "
                f"{self.fingerprint[:16]}…; resuming would repeat or skip data. Pass allow_changed_dataset=True "
                f"to continue at batch {state['batches_processed']} of the new data anyway.")
        if state["seed"] != self.shuffle_seed:
            raise ValueError(f"the saved state was read with shuffle_seed={state['seed']}, this reader uses "
                             f"{self.shuffle_seed}: create the dataset with shuffle_seed={state['seed']}")
        if state["fingerprint"] == self.fingerprint and state["epoch"] != self.epoch_of(state["batches_processed"]):
            raise ValueError(f"state epoch {state['epoch']} does not match {state['batches_processed']} batches of "
                             f"{self.rows_per_step} rows over {self.rows} rows: batch_size or world_size changed")
        self.batches_processed = int(state["batches_processed"])

    def __iter__(self) -> Iterator[dict[str, Any]]:
        info = get_worker_info()
        worker, workers = (info.id, info.num_workers) if info is not None else (0, 1)
        order = StreamOrder(self.rows, self._shards.block_rows, self.shuffle_seed)
        batch = self.batches_processed + worker  # NOTE: relative to the resume point, see the module docstring
        while self.max_batches is None or batch < self.max_batches:
            yield self._batch(batch, order)
            batch += workers

    def _batch(self, batch: int, order: StreamOrder) -> dict[str, Any]:
        epochs, seq_idx = order.seq_idx(self.positions(batch))
        rows = self._shards.read(seq_idx)
        return {"input_ids": torch.from_numpy(rows["input_ids"].astype(np.int64)),
                "segment_ids": torch.from_numpy(rows["segment_ids"]),
                "seq_idx": torch.from_numpy(seq_idx), "epoch": torch.from_numpy(epochs),
                "source_id": torch.from_numpy(rows["source_id"].astype(np.int64)),
                "batch_idx": torch.tensor(batch, dtype=torch.int64)}


class TokenShardLoader:
    """A DataLoader over a TokenShardDataset that counts the batches handed to the trainer.

        loader = TokenShardLoader(TokenShardDataset(path, batch_size=8, rank=r, world_size=w), num_workers=2)
        for batch in loader: ...; checkpoint["data"] = loader.state_dict()
        loader.load_state_dict(checkpoint["data"])   # the next batch is the one after the checkpoint
    """

    def __init__(self, dataset: TokenShardDataset, **dataloader_kwargs: Any) -> None:
        self.dataset, self.kwargs = dataset, dataloader_kwargs

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for batch in DataLoader(self.dataset, batch_size=None, **self.kwargs):
            self.dataset.batches_processed = int(batch["batch_idx"]) + 1
            yield batch

    def state_dict(self) -> dict[str, Any]:
        return self.dataset.state_dict()

    def load_state_dict(self, state: dict[str, Any], *, allow_changed_dataset: bool = False) -> None:
        self.dataset.load_state_dict(state, allow_changed_dataset=allow_changed_dataset)


def _parent(uri: str) -> str:
    return uri.rstrip("/").rsplit("/", 1)[0] if storage.is_remote(uri) else os.path.dirname(os.path.abspath(uri))
