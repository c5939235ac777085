"""What the scorer computed for a document's text, remembered per worker so that the same text is scored once.

Why: a code corpus repeats whole files (unchanged files across successive releases, vendored copies, generated
headers), and the filter runs before dedup, so it used to score every copy again: tree-sitter parses, heuristics,
PII redaction and the model calls, at 1-2 MB per CPU second. A document's signals, language, extra meta and
redaction are a function of its kind, its language as read and its text alone (`Scorer.signals`), so a copy gets
the first one's results and the stage's rows, counts and bytes stay the same.

The key is (kind, lang, 128-bit xxh3 of the UTF-8 text, its length): a false match needs a 128-bit collision. The
memory is per Python worker and per job (`SignalMemo.shared`): a worker reused by another stage execution starts
with an empty memo, so a changed recipe can never see old results. It holds at most `_ENTRIES` documents and
`_REDACTED_CHARS` characters of redacted texts, then starts over.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import xxhash

from lemur_data.quality.pii import Redaction

# Documents remembered per worker (~1.5 KB each: the signals dict and its floats), and redacted texts kept at most.
_ENTRIES = 1 << 16
_REDACTED_CHARS = 1 << 25

Key = tuple[str, str, bytes, int]


@dataclass(frozen=True)
class Scored:
    """One document's results as `Scorer.signals` produced them (copied in and out: the caller mutates them)."""

    signals: dict[str, float]
    lang: str
    meta: dict[str, str]
    # None: redaction off; a Redaction without counts is stored without its text (the text is the document's own)
    redaction: Redaction | None


class SignalMemo:
    """Scored documents by key, bounded (see the module docstring)."""

    _shared: tuple[str, SignalMemo] | None = None

    def __init__(self, entries: int = _ENTRIES, redacted_chars: int = _REDACTED_CHARS) -> None:
        self._entries, self._redacted_limit = entries, redacted_chars
        self._scored: dict[Key, Scored] = {}
        self._redacted_chars = 0
        self.hits = 0

    @classmethod
    def shared(cls, job: str) -> SignalMemo:
        """This process's memo for stage execution `job` (a fresh one when the process last served another)."""
        if cls._shared is None or cls._shared[0] != job:
            cls._shared = (job, cls())
        return cls._shared[1]

    @staticmethod
    def key(kind: str, lang: str | None, text: str) -> Key:
        data = text.encode("utf-8", "surrogatepass")
        return kind, lang or "", xxhash.xxh3_128_digest(data), len(data)

    def get(self, key: Key, text: str) -> Scored | None:
        """A copy of what was remembered for `key` (whose text is `text`), or None."""
        found = self._scored.get(key)
        if found is None:
            return None
        self.hits += 1
        red = found.redaction
        if red is not None and not red.counts:
            red = Redaction(text, Counter())
        return Scored(dict(found.signals), found.lang, dict(found.meta), red)

    def put(self, key: Key, signals: dict[str, float], lang: str, meta: dict[str, str],
            redaction: Redaction | None) -> None:
        if redaction is not None and not redaction.counts:
            redaction = Redaction("", redaction.counts)
        size = len(redaction.text) if redaction is not None else 0
        if len(self._scored) >= self._entries or self._redacted_chars + size > self._redacted_limit:
            self._scored.clear()
            self._redacted_chars = 0
        self._scored[key] = Scored(dict(signals), lang, dict(meta), redaction)
        self._redacted_chars += size

    def __len__(self) -> int:
        return len(self._scored)

    def recall(self, kinds: list[str], langs: list[str | None], texts: list[str]) -> BatchRecall:
        """Which documents of a batch need scoring: those neither remembered nor a copy of an earlier one."""
        batch = BatchRecall(self)
        for i, text in enumerate(texts):
            key = self.key(kinds[i], langs[i], text)
            if (first := batch.firsts.get(key)) is not None:
                batch.copies[i] = first
            elif (found := self.get(key, text)) is not None:
                batch.known[i] = found
            else:
                batch.firsts[key] = i
        return batch


@dataclass
class BatchRecall:
    """One batch against the memo: `known` documents are filled from it, `copies` from the first occurrence in the
    batch (index -> index), the `firsts` (key -> index) are scored and then remembered."""

    memo: SignalMemo
    known: dict[int, Scored] = field(default_factory=dict)
    copies: dict[int, int] = field(default_factory=dict)
    firsts: dict[Key, int] = field(default_factory=dict)

    def needs_scoring(self, i: int) -> bool:
        return i not in self.known and i not in self.copies

    def settle(self, signals: list[dict[str, float]], langs: list[str], metas: list[dict[str, str]],
               redactions: list[Redaction | None]) -> None:
        """Fill the known documents and the copies in place, and remember the scored ones."""
        for key, i in self.firsts.items():
            self.memo.put(key, signals[i], langs[i], metas[i], redactions[i])
        for i, found in self.known.items():
            signals[i], langs[i], metas[i], redactions[i] = found.signals, found.lang, found.meta, found.redaction
        for i, first in self.copies.items():
            # NOTE: copies of the dicts: the caller adds per-row entries (datatrove reasons, errors) in place.
            signals[i], langs[i], metas[i] = dict(signals[first]), langs[first], dict(metas[first])
            redactions[i] = redactions[first]
