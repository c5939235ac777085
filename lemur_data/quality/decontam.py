"""Benchmark decontamination: n-gram overlap between documents and benchmark items (registry: benchmarks.py).

Text is normalised before n-grams are taken: only word tokens (identifiers, keywords, numbers, words), lowercased,
so re-indenting, re-wrapping, changing quotes, adding trailing commas or parentheses (what a formatter does) does
not hide a copy. Each item's parts (e.g. HumanEval's prompt and canonical solution) are indexed separately; a
document is contaminated by an item when it contains at least `min_overlap` of the distinct n-grams of one part.
Parts shorter than n tokens cannot be matched and are counted in the manifest.

Tokens are the runs of word characters of the lowercased text (re's `\w+`), found on the document's `CharView`
and hashed with a polynomial hash over their code points in a few numpy passes (no per-token Python work). The
hash depends only on the characters, so the index built on the driver matches in every worker.
"""

from __future__ import annotations

import gzip
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from lemur_data.quality.textstats import CharView, mix64, ngram_keys

_BASE = 0x100000001B3  # odd, so it has an inverse modulo 2**64
_BASE_INVERSE = pow(_BASE, -1, 1 << 64)
_UPPER_A, _UPPER_Z = ord("A"), ord("Z")


class _Powers:
    """base**k and base**-k modulo 2**64 for k < n, grown on demand (shared by all documents of a process)."""

    def __init__(self) -> None:
        self.up = self.down = np.ones(1, np.uint64)

    def get(self, n: int) -> tuple[np.ndarray, np.ndarray]:
        if len(self.up) < n:
            size = max(n, 2 * len(self.up), 1 << 16)
            one = np.ones(1, np.uint64)
            with np.errstate(over="ignore"):
                self.up = np.concatenate((one, np.cumprod(np.full(size - 1, _BASE, np.uint64), dtype=np.uint64)))
                self.down = np.concatenate((one, np.cumprod(np.full(size - 1, _BASE_INVERSE, np.uint64), dtype=np.uint64)))
        return self.up[:n], self.down[:n]


_POWERS = _Powers()


def token_hashes(text: str, view: CharView | None = None) -> np.ndarray:
    """64-bit hash of every token of the normalised text (lowercased word-character runs), in order."""
    if text.isascii():
        view = view if view is not None and view.text is text else CharView.of(text)
        cps = view.cps.astype(np.uint64)
        cps[(view.cps >= _UPPER_A) & (view.cps <= _UPPER_Z)] += np.uint64(32)
    else:  # lowercasing may change the length of non-ASCII text: a view of the lowercased text
        view = CharView.of(text.lower())
        cps = view.cps.astype(np.uint64)
    starts, ends = view.word_runs
    if not len(starts):
        return np.empty(0, np.uint64)
    up, down = _POWERS.get(len(cps))
    with np.errstate(over="ignore"):
        # NOTE: sum of c_j * base**-j over a token, times base**(end - 1), is the polynomial hash
        # sum of c_j * base**(end - 1 - j): one cumulative sum serves every token of the document.
        prefix = np.concatenate((np.zeros(1, np.uint64), np.cumsum(cps * down, dtype=np.uint64)))
        hashes = (prefix[ends] - prefix[starts]) * up[ends - 1]
        return mix64(hashes ^ (ends - starts).astype(np.uint64))


def text_ngrams(text: str, n: int, view: CharView | None = None) -> np.ndarray:
    """Distinct n-gram keys of the normalised text, sorted."""
    return np.unique(ngram_keys(token_hashes(text, view), n, hashed=True))


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

    def matches(self, text: str, view: CharView | None = None, benchmarks: frozenset[str] | None = None) -> list[str]:
        """Ids of the benchmark items this text is contaminated with (sorted); `view`: the text's CharView;
        `benchmarks`: only items of these (the document kind's recipe selection; None: all)."""
        if len(self.keys) == 0:
            return []
        grams = ngram_keys(token_hashes(text, view), self.n, hashed=True)
        if len(grams) == 0:
            return []
        # NOTE: look every n-gram up first and deduplicate only the hits: sorting all of a document's n-grams
        # would cost more than the lookups.
        pos = np.searchsorted(self.keys, grams)
        hit = self.keys[np.minimum(pos, len(self.keys) - 1)] == grams
        if not hit.any():
            return []
        found = np.unique(grams[hit])
        lo = np.searchsorted(self.keys, found, side="left")
        hi = np.searchsorted(self.keys, found, side="right")
        owners = np.concatenate([self.owners[a:b] for a, b in zip(lo.tolist(), hi.tolist())])
        counts = np.bincount(owners, minlength=len(self.part_size))
        parts = np.flatnonzero(counts >= self.min_overlap * self.part_size)
        found = {self.item_ids[i] for i in self.part_item[parts].tolist()}
        return sorted(m for m in found if benchmarks is None or m.partition("/")[0] in benchmarks)


def read_benchmark(name: str, path: Path, id_field: str | None, text_fields: tuple[str, ...]) -> list[BenchmarkItem]:
    """Items of a JSON Lines benchmark file (optionally gzip-compressed). Raises ValueError naming the problem.

    Without `id_field` an item's id is its position among the file's items (0-based). A list value (MBPP's
    asserts, MMLU's choices) is one part: its elements joined by newlines."""
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
            missing = [k for k in (*([id_field] if id_field else []), *text_fields) if k not in row]
            if missing:
                raise ValueError(f"{path}:{lineno}: missing field(s) {missing}; has {sorted(row)}")
            item_id = str(row[id_field]) if id_field else str(len(items))
            items.append(BenchmarkItem(name, item_id, tuple(_part_text(row[k]) for k in text_fields)))
    return items


def _part_text(value: object) -> str:
    return "\n".join(map(str, value)) if isinstance(value, list) else str(value)


def group_matches(matches: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for m in matches:
        bench, _, item = m.partition("/")
        out[bench].append(item)
    return dict(out)
