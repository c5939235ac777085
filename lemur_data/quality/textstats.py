"""Fast text statistics shared by the code and text signals: words, lines, n-gram repetition.

Hot loops run in C (regex `findall`, `str` methods) or numpy; Python only walks what is rare (duplicate hits).
"""

from __future__ import annotations

import re

import numpy as np

# Words and punctuation tokens, close to spaCy's blank-English tokenizer that Gopher / datatrove use: runs of
# word characters joined by inner dots or apostrophes (3.11, docs.python.org, don't), an ellipsis, or one
# punctuation character.
WORD_RE = re.compile(r"\w+(?:[.'’]\w+)*|\.\.\.|[^\w\s]")

_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)
_POLY = np.uint64(0x9E3779B97F4A7C15)


def words(text: str) -> list[str]:
    return WORD_RE.findall(text)


def token_ids(tokens: list[str]) -> np.ndarray:
    """Document-local integer id per token (equal tokens, equal ids), in first-seen order."""
    vocab: dict[str, int] = {}
    return np.fromiter((vocab.setdefault(t, len(vocab)) for t in tokens), dtype=np.uint64, count=len(tokens))


def _mix(x: np.ndarray) -> np.ndarray:
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
    mixed = ids if hashed else _mix(ids)
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
    """Gopher's n-gram repetition measures over one token list, sharing the token ids and prefix sums."""

    def __init__(self, tokens: list[str]) -> None:
        self.ids = token_ids(tokens)
        lengths = np.fromiter(map(len, tokens), dtype=np.int64, count=len(tokens))
        self.prefix = np.concatenate(([0], np.cumsum(lengths)))

    def _chars(self, starts: np.ndarray, n: int) -> np.ndarray:
        return self.prefix[starts + n] - self.prefix[starts]

    def top_ngram_chars(self, n: int) -> int:
        """Characters of the most frequent n-gram (joined with spaces) times its count."""
        keys = ngram_keys(self.ids, n)
        if len(keys) == 0:
            return 0
        _, first, inverse, counts = np.unique(keys, return_index=True, return_inverse=True, return_counts=True)
        top = counts.max()
        # NOTE: ties go to the n-gram seen first in the document, as Counter.most_common does.
        winner = int(first[counts == top].min())
        return int(top) * int(self._chars(np.array([winner]), n)[0] + n - 1)

    def duplicate_ngram_chars(self, n: int) -> int:
        """Characters covered by n-grams repeating an earlier one, scanning left to right and jumping over each
        repeat (Gopher's 'duplicate n-gram character fraction' numerator)."""
        keys = ngram_keys(self.ids, n)
        if len(keys) == 0:
            return 0
        _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
        repeats = np.flatnonzero(first[inverse] < np.arange(len(keys)))
        if len(repeats) == 0:
            return 0
        total, next_free = 0, -1
        chars = self._chars(repeats, n)
        for pos, c in zip(repeats.tolist(), chars.tolist()):
            if pos >= next_free:
                total += c
                next_free = pos + n
        return total
