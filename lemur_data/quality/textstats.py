"""Fast text statistics shared by the code and text signals: a per-document character view, words, lines,
n-gram repetition.

Hot loops run in C (regex `findall`, `str` methods, the sequential n-gram scans in native/textstats.c) or numpy;
Python only walks what is rare (the few windows where a regex must confirm a candidate).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from lemur_data import _textstats

_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)
_POLY = np.uint64(0x9E3779B97F4A7C15)


# Character class bits of `CharView.classes`.
ALPHA, DIGIT, SPACE, WORD, HEX, BASE64 = (1 << i for i in range(6))
_BASE64_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/\n=")


def _ascii_classes() -> np.ndarray:
    table = np.zeros(128, dtype=np.uint8)
    for c in range(128):
        ch = chr(c)
        table[c] = ((ALPHA if ch.isalpha() else 0) | (DIGIT if ch.isdigit() else 0) | (SPACE if ch.isspace() else 0)
                    | (WORD if ch.isalnum() or ch == "_" else 0)
                    | (HEX if ch in "0123456789abcdefABCDEF" else 0) | (BASE64 if ch in _BASE64_CHARS else 0))
    return table


_ASCII_CLASSES = _ascii_classes()


def _unicode_class(cp: int) -> int:
    ch = chr(cp)
    # NOTE: WORD is re's \w for str patterns (alphanumeric or underscore); SPACE is str.isspace, as re's \s.
    return ((ALPHA if ch.isalpha() else 0) | (DIGIT if ch.isdigit() else 0) | (SPACE if ch.isspace() else 0)
            | (WORD if ch.isalnum() else 0))


@dataclass
class CharView:
    """One document as numpy arrays: code points, a class byte per character, and its word runs.

    Built once per document and shared by the heuristic signals, PII candidate search and decontamination, so
    each of them is a handful of vectorised passes instead of a regex scan over the whole text.
    """

    text: str
    cps: np.ndarray  # uint32 code points
    classes: np.ndarray  # uint8 class bits per character (ALPHA, DIGIT, ...)
    _counts: dict[int, np.ndarray] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, text: str) -> CharView:
        cps = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        if text.isascii():
            classes = _ASCII_CLASSES[cps]
        else:
            classes = np.empty(len(cps), dtype=np.uint8)
            ascii_mask = cps < 128
            classes[ascii_mask] = _ASCII_CLASSES[cps[ascii_mask]]
            # NOTE: non-ASCII code points are few and repetitive; classify each distinct one with Python's tables.
            values, inverse = np.unique(cps[~ascii_mask], return_inverse=True)
            classes[~ascii_mask] = np.fromiter(map(_unicode_class, values.tolist()), np.uint8, len(values))[inverse]
        return cls(text, cps, classes)

    def mask(self, bits: int) -> np.ndarray:
        return (self.classes & bits).astype(bool)

    def counts(self, bits: int) -> np.ndarray:
        """Running count of the characters having any of `bits`, with a leading 0: the count in text[a:b] is
        counts[b] - counts[a]. Cached: several signals share one cumulative sum."""
        if bits not in self._counts:
            self._counts[bits] = np.concatenate(([0], np.cumsum(self.mask(bits), dtype=np.int64)))
        return self._counts[bits]

    @functools.cached_property
    def word_runs(self) -> tuple[np.ndarray, np.ndarray]:
        """(starts, ends) of the maximal runs of word characters: the matches of re's `\\w+`."""
        return runs(self.mask(WORD))


def runs(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(starts, ends) of the maximal runs of True in a boolean array."""
    padded = np.zeros(len(mask) + 2, dtype=bool)
    padded[1:-1] = mask
    edges = np.flatnonzero(padded[1:] != padded[:-1])
    return edges[0::2], edges[1::2]


def long_runs(classes: np.ndarray, bits: int, min_length: int) -> tuple[np.ndarray, np.ndarray]:
    """(starts, ends) of the maximal runs of characters having any of `bits` that are at least `min_length` long,
    found from the positions of the other characters (one comparison and one scan)."""
    breaks = np.flatnonzero((classes & bits) == 0)
    edges = np.concatenate(([-1], breaks, [len(classes)]))
    long = np.flatnonzero(np.diff(edges) > min_length)
    return edges[long] + 1, edges[long + 1]


class Vocabulary:
    """A token list as document-local ids (equal tokens, equal ids, numbered in first-seen order) and its distinct
    tokens: per-token measures are computed once per distinct token and gathered with `ids`."""

    def __init__(self, tokens: list[str]) -> None:
        # NOTE: pandas' hash-table factorize numbers values in first-seen order, in C (a dict loop in Python cost
        # more than all the repetition measures).
        codes, uniques = pd.factorize(np.array(tokens, dtype=object)) if tokens else (np.empty(0, np.int64), [])
        self.ids = codes.astype(np.uint64)
        self.distinct: list[str] = list(uniques)
        self.distinct_lengths = np.fromiter(map(len, self.distinct), dtype=np.int64, count=len(self.distinct))

    def count(self, flags: np.ndarray) -> int:
        """Tokens whose distinct token has a True flag."""
        return int(np.count_nonzero(flags[self.ids])) if len(self.ids) else 0

    def lengths(self) -> np.ndarray:
        return self.distinct_lengths[self.ids] if len(self.ids) else np.empty(0, np.int64)


def mix64(x: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser: spreads small ids over 64 bits so polynomial n-gram keys rarely collide."""
    with np.errstate(over="ignore"):
        x = (x + np.uint64(1)) * _POLY
        x ^= x >> np.uint64(30)
        x *= _MIX1
        x ^= x >> np.uint64(27)
        x *= _MIX2
        x ^= x >> np.uint64(31)
    return x


def ngram_keys(ids: np.ndarray, n: int, *, hashed: bool = False) -> np.ndarray:
    """64-bit key of every n-gram of `ids` (positions 0 .. len-n); `hashed`: ids are already 64-bit hashes."""
    count = len(ids) - n + 1
    if count <= 0:
        return np.empty(0, dtype=np.uint64)
    mixed = ids if hashed else mix64(ids)
    keys = mixed[:count].copy()
    with np.errstate(over="ignore"):
        for k in range(1, n):
            keys = keys * _POLY + mixed[k:k + count]
    return keys


def duplicate_elements(items: list[str]) -> tuple[int, int]:
    """(elements seen before, their characters): Gopher's duplicate line / paragraph measure."""
    seen: set[str] = set()
    dup = dup_chars = 0
    for item in items:
        if item in seen:
            dup += 1
            dup_chars += len(item)
        else:
            seen.add(item)
    return dup, dup_chars


class NgramRepetition:
    """Gopher's n-gram repetition measures over one token list (its `Vocabulary`), sharing ids and prefix sums."""

    def __init__(self, vocab: Vocabulary) -> None:
        self.ids = vocab.ids
        self.prefix = np.concatenate(([0], np.cumsum(vocab.lengths())))

    def _chars(self, starts: np.ndarray, n: int) -> np.ndarray:
        return self.prefix[starts + n] - self.prefix[starts]

    def top_ngram_chars(self, n: int) -> int:
        """Characters of the most frequent n-gram (joined with spaces) times its count."""
        keys = ngram_keys(self.ids, n)
        if len(keys) == 0:
            return 0
        # NOTE: ties go to the n-gram seen first in the document, as Counter.most_common does (native/textstats.c).
        top, winner = _textstats.top_ngram(keys)
        return top * int(self._chars(np.array([winner]), n)[0] + n - 1)

    def duplicate_ngram_chars(self, n: int) -> int:
        """Characters covered by repeated n-grams, as Gopher / datatrove count them: scan positions left to right;
        an n-gram seen at an earlier *visited* position is a repeat, adds its characters and makes the scan jump
        n positions (the positions jumped over are never visited, so their n-grams do not count as seen).
        The scan is sequential, so it runs in C (native/textstats.c) over the n-gram keys."""
        keys = ngram_keys(self.ids, n)
        if len(keys) == 0:
            return 0
        chars = self._chars(np.arange(len(keys)), n)
        return _textstats.duplicate_ngram_chars(keys, np.ascontiguousarray(chars, dtype=np.int64), n)
