"""Benchmark decontamination: n-gram overlap between documents and benchmark items (HumanEval bundled).

Text is normalised before n-grams are taken: only word tokens (identifiers, keywords, numbers, words), lowercased,
so re-indenting, re-wrapping, changing quotes, adding trailing commas or parentheses (what a formatter does) does
not hide a copy. Each item's parts (e.g. HumanEval's prompt and canonical solution) are indexed separately; a
document is contaminated by an item when it contains at least `min_overlap` of the distinct n-grams of one part.
Parts shorter than n tokens cannot be matched and are counted in the manifest.

Token hashes are xxhash64 (stable across processes), so the index built on the driver matches in every worker.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import xxhash

from lemur_data.quality.textstats import ngram_keys

_TOKEN = re.compile(r"\w+")


def normalized_tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def token_hashes(tokens: list[str]) -> np.ndarray:
    vocab: dict[str, int] = {}
    ids = np.fromiter((vocab.setdefault(t, len(vocab)) for t in tokens), dtype=np.int64, count=len(tokens))
    table = np.fromiter((xxhash.xxh64_intdigest(t.encode()) for t in vocab), dtype=np.uint64, count=len(vocab))
    return table[ids] if len(ids) else np.empty(0, dtype=np.uint64)


def text_ngrams(text: str, n: int) -> np.ndarray:
    """Distinct n-gram keys of the normalised text, sorted."""
    return np.unique(ngram_keys(token_hashes(normalized_tokens(text)), n, hashed=True))


@dataclass(frozen=True)
class BenchmarkItem:
    benchmark: str
    item_id: str
    parts: tuple[str, ...]


@dataclass
class DecontaminationIndex:
    """Sorted n-gram keys of every indexable part, and which (item, part) each key belongs to."""

    n: int
    min_overlap: float
    item_ids: list[str] = field(default_factory=list)  # "<benchmark>/<item id>"
    keys: np.ndarray = field(default_factory=lambda: np.empty(0, np.uint64))
    owners: np.ndarray = field(default_factory=lambda: np.empty(0, np.int64))  # part index per key
    part_item: np.ndarray = field(default_factory=lambda: np.empty(0, np.int64))
    part_size: np.ndarray = field(default_factory=lambda: np.empty(0, np.int64))
    stats: dict[str, dict[str, int]] = field(default_factory=dict)

    @classmethod
    def build(cls, items: list[BenchmarkItem], n: int, min_overlap: float) -> DecontaminationIndex:
        index = cls(n, min_overlap)
        keys, owners, part_item, part_size = [], [], [], []
        for item in items:
            st = index.stats.setdefault(item.benchmark, {"items": 0, "parts": 0, "parts_too_short": 0, "ngrams": 0})
            st["items"] += 1
            item_idx = len(index.item_ids)
            index.item_ids.append(f"{item.benchmark}/{item.item_id}")
            for part in item.parts:
                grams = text_ngrams(part, n)
                if len(grams) == 0:
                    st["parts_too_short"] += 1
                    continue
                st["parts"] += 1
                st["ngrams"] += len(grams)
                keys.append(grams)
                owners.append(np.full(len(grams), len(part_item), dtype=np.int64))
                part_item.append(item_idx)
                part_size.append(len(grams))
        if keys:
            all_keys, all_owners = np.concatenate(keys), np.concatenate(owners)
            order = np.argsort(all_keys, kind="stable")
            index.keys, index.owners = all_keys[order], all_owners[order]
            index.part_item = np.asarray(part_item, dtype=np.int64)
            index.part_size = np.asarray(part_size, dtype=np.int64)
        return index

    def matches(self, text: str) -> list[str]:
        """Ids of the benchmark items this text is contaminated with (sorted)."""
        if len(self.keys) == 0:
            return []
        grams = text_ngrams(text, self.n)
        if len(grams) == 0:
            return []
        lo = np.searchsorted(self.keys, grams, side="left")
        hi = np.searchsorted(self.keys, grams, side="right")
        hit = hi > lo
        if not hit.any():
            return []
        owners = np.concatenate([self.owners[a:b] for a, b in zip(lo[hit].tolist(), hi[hit].tolist())])
        counts = np.bincount(owners, minlength=len(self.part_size))
        parts = np.flatnonzero(counts >= self.min_overlap * self.part_size)
        return sorted({self.item_ids[i] for i in self.part_item[parts].tolist()})


def read_benchmark(name: str, path: Path, id_field: str, text_fields: tuple[str, ...]) -> list[BenchmarkItem]:
    """Items of a JSON Lines benchmark file (optionally gzip-compressed). Raises ValueError naming the problem."""
    opener = gzip.open if path.suffix == ".gz" else open
    items = []
    with opener(path, "rt", encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{lineno}: not JSON ({exc.msg})") from None
            missing = [k for k in (id_field, *text_fields) if k not in row]
            if missing:
                raise ValueError(f"{path}:{lineno}: missing field(s) {missing}; has {sorted(row)}")
            items.append(BenchmarkItem(name, str(row[id_field]), tuple(str(row[k]) for k in text_fields)))
    return items


def group_matches(matches: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for m in matches:
        bench, _, item = m.partition("/")
        out[bench].append(item)
    return dict(out)
