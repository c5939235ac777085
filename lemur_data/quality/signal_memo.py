"""What the scorer computed for a document's text, kept for the other copies of that text on the same machine.

Why: a code corpus repeats whole files (unchanged files across successive releases, vendored copies, generated
headers), and the filter runs before dedup, so it used to score every copy again: tree-sitter parses, heuristics,
PII redaction and the model calls, at 1-2 MB per CPU second. A document's signals, language, extra meta and
redaction are a function of its kind, its language as read and its text alone (`Scorer.signals`), so a copy gets
the first one's results and the stage's rows, counts and bytes stay the same.

Where: one folder per stage execution (`job`) in the executor's first Spark local folder (`SPARK_LOCAL_DIRS`,
which Spark deletes when the executor stops); one small pickle per scored text, written to a temporary name and
renamed, so every Python worker of the executor sees what the others scored, whatever order their tasks run in
(the crawl writes successive releases of a project a few tasks apart; a memo per worker caught only a quarter of
the copies). Two workers scoring the same text at once both write the same bytes. A process writes at most
`_ENTRIES` entries and `_BYTES` bytes per execution, then only reads; a process that joins an execution removes
the folders of the executor's earlier executions (the runner runs one stage at a time).

The key is (kind, lang as read, 128-bit xxh3 of the UTF-8 text, its length): a false match needs a 128-bit
collision.
"""

from __future__ import annotations

import os
import pickle
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import xxhash

from lemur_data.quality.pii import Redaction

# Entries and bytes one process writes per execution, at most (a signals entry pickles to ~1 KB).
_ENTRIES = 1 << 18
_BYTES = 1 << 28
_PREFIX = "lemur-signal-memo-"


@dataclass(frozen=True)
class Scored:
    """One document's results as `Scorer.signals` produced them (copied in and out: the caller mutates them)."""

    signals: dict[str, float]
    lang: str
    meta: dict[str, str]
    # None: redaction off; a Redaction without counts is stored without its text (the text is the document's own)
    redaction: Redaction | None


class SignalMemo:
    """Scored texts of one stage execution, in a folder shared by the processes of one machine."""

    _joined: tuple[str, SignalMemo] | None = None  # this process's memo and the execution it belongs to

    def __init__(self, root: str | Path, entries: int = _ENTRIES, size: int = _BYTES) -> None:
        self.root = Path(root)
        self._entries, self._size = entries, size
        self._written = self._written_bytes = 0
        self.hits = 0

    @classmethod
    def for_job(cls, job: str) -> SignalMemo:
        """This executor's memo of execution `job` (the same object for every task of it in this process)."""
        if cls._joined is None or cls._joined[0] != job:
            local = (os.environ.get("SPARK_LOCAL_DIRS") or tempfile.gettempdir()).split(",")[0]
            for earlier in Path(local).glob(_PREFIX + "*"):
                if earlier.name != _PREFIX + job:
                    shutil.rmtree(earlier, ignore_errors=True)
            cls._joined = (job, cls(Path(local) / (_PREFIX + job)))
        return cls._joined[1]

    @staticmethod
    def key(kind: str, lang: str | None, text: str) -> str:
        data = text.encode("utf-8", "surrogatepass")
        kind_lang = xxhash.xxh3_64_hexdigest(f"{kind}\0{lang or '-'}".encode())
        return f"{xxhash.xxh3_128_hexdigest(data)}-{len(data):x}-{kind_lang}"

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / key

    def get(self, key: str, text: str) -> Scored | None:
        """What was kept for `key` (whose text is `text`), or None."""
        try:
            found = pickle.loads(self._path(key).read_bytes())  # noqa: S301 - written by this stage's workers
        except Exception:  # noqa: BLE001 - a damaged entry costs only the saving: the text is scored again
            return None
        if not isinstance(found, Scored):
            return None
        self.hits += 1
        if found.redaction is not None and not found.redaction.counts:
            return Scored(found.signals, found.lang, found.meta, Redaction(text, Counter()))
        return found

    def put(self, key: str, signals: dict[str, float], lang: str, meta: dict[str, str],
            redaction: Redaction | None) -> None:
        if redaction is not None and not redaction.counts:
            redaction = Redaction("", redaction.counts)
        data = pickle.dumps(Scored(signals, lang, meta, redaction), protocol=pickle.HIGHEST_PROTOCOL)
        if self._written >= self._entries or self._written_bytes + len(data) > self._size:
            return
        path = self._path(key)
        temporary = path.with_name(f"{key}.{os.getpid()}.tmp")
        try:
            self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
            path.parent.mkdir(exist_ok=True, mode=0o700)
            temporary.write_bytes(data)
            os.replace(temporary, path)
        except OSError:  # a full or vanished folder costs only the saving, never the task
            temporary.unlink(missing_ok=True)
            return
        self._written += 1
        self._written_bytes += len(data)

    def recall(self, kinds: list[str], langs: list[str | None], texts: list[str]) -> BatchRecall:
        """Which documents of a batch need scoring: those neither kept nor a copy of an earlier one."""
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
    batch (index -> index), the `firsts` (key -> index) are scored and then kept."""

    memo: SignalMemo
    known: dict[int, Scored] = field(default_factory=dict)
    copies: dict[int, int] = field(default_factory=dict)
    firsts: dict[str, int] = field(default_factory=dict)

    def needs_scoring(self, i: int) -> bool:
        return i not in self.known and i not in self.copies

    def settle(self, signals: list[dict[str, float]], langs: list[str], metas: list[dict[str, str]],
               redactions: list[Redaction | None]) -> None:
        """Fill the known documents and the copies in place, and keep the scored ones."""
        for key, i in self.firsts.items():
            self.memo.put(key, signals[i], langs[i], metas[i], redactions[i])
        for i, found in self.known.items():
            signals[i], langs[i], metas[i], redactions[i] = found.signals, found.lang, found.meta, found.redaction
        for i, first in self.copies.items():
            # NOTE: copies of the dicts: the caller adds per-row entries (datatrove reasons, errors) in place.
            signals[i], langs[i], metas[i] = dict(signals[first]), langs[first], dict(metas[first])
            redactions[i] = redactions[first]
