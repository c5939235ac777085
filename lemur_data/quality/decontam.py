"""Benchmark decontamination: n-gram overlap between documents and benchmark items (registry: benchmarks.py).

Text is normalised before n-grams are taken: only word tokens (identifiers, keywords, numbers, words), lowercased,
so re-indenting, re-wrapping, changing quotes, adding trailing commas or parentheses (what a formatter does) does
not hide a copy. Each item's parts (e.g. HumanEval's prompt and canonical solution) are indexed separately; a
document is contaminated by an item when it contains at least `min_overlap` of the distinct n-grams of one part.
Parts shorter than n tokens cannot be matched and are counted in the manifest.

Tokens are the runs of word characters of the lowercased text (re's `\w+`), found on the document's `CharView`
and hashed with a polynomial hash over their code points in one native pass (no per-token Python work). The
hash depends only on the characters, so the index built on the driver matches in every worker.
"""

from __future__ import annotations

import functools
import gzip
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from lemur_data import _textstats
from lemur_data.quality.textstats import CharView, ngram_keys

_BASE = 0x100000001B3  # the polynomial hash's base (odd)
_PREFILTER_BITS = 22
_PREFILTER_SHIFT = np.uint64(64 - _PREFILTER_BITS)


def token_hashes(text: str, view: CharView | None = None) -> np.ndarray:
    """64-bit hash of every token of the normalised text (lowercased word-character runs), in order: the
    polynomial hash (base _BASE, modulo 2**64) of the token's lowercased code points, xor its length, through
    textstats.mix64. Computed in one native pass over the tokens (native/textstats.c)."""
    if not text.isascii():  # lowercasing may change the length of non-ASCII text: a view of the lowercased text
        view = CharView.of(text.lower())
    elif view is None or view.text is not text:
        view = CharView.of(text)
    starts, ends = view.word_runs
    if not len(starts):
        return np.empty(0, np.uint64)
    # NOTE: the kernel lowercases ASCII letters itself, which is what str.lower() does to them.
    raw = _textstats.token_hashes(view.cps, np.ascontiguousarray(starts, np.int64),
                                  np.ascontiguousarray(ends, np.int64), _BASE)
    return np.frombuffer(raw, np.uint64)


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

    @functools.cached_property
    def _prefilter(self) -> np.ndarray:
        """True at the top _PREFILTER_BITS bits of every key: a key whose top bits are False is not in the index
        (~1 in 25 of a code corpus's n-grams pass with the bundled benchmarks' 174k keys)."""
        present = np.zeros(1 << _PREFILTER_BITS, dtype=bool)
        present[self.keys >> _PREFILTER_SHIFT] = True
        return present

    def __getstate__(self) -> dict:
        # NOTE: the prefilter (4 MB) is rebuilt where it is used, not shipped to every Spark task with the index.
        return {k: v for k, v in self.__dict__.items() if k != "_prefilter"}

    def matches(self, text: str, view: CharView | None = None, benchmarks: frozenset[str] | None = None) -> list[str]:
        """Ids of the benchmark items this text is contaminated with (sorted); `view`: the text's CharView;
        `benchmarks`: only items of these (the document kind's recipe selection; None: all)."""
        if len(self.keys) == 0:
            return []
        grams = ngram_keys(token_hashes(text, view), self.n, hashed=True)
        if len(grams) == 0:
            return []
        # NOTE: look every n-gram up first and deduplicate only the hits: sorting all of a document's n-grams
        # would cost more than the lookups. The prefilter drops almost all of them with one gather first.
        grams = grams[self._prefilter[grams >> _PREFILTER_SHIFT]]
        if len(grams) == 0:
            return []
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
