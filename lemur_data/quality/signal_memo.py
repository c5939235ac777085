"""What the scorer computed for a document's text, kept for the other copies of that text on the same machine.

Why: a code corpus repeats whole files (unchanged files across successive releases, vendored copies, generated
headers), and the filter runs before dedup, so it used to score every copy again: tree-sitter parses, heuristics,
PII redaction and the model calls, at 1-2 MB per CPU second. A document's signals, language, extra meta and
redaction are a function of its kind, its language as read and its text alone (`Scorer.signals`), so a copy gets
the first one's results and the stage's rows, counts and bytes stay the same.

Where: one SQLite database per stage execution (`job`) in the executor's first Spark local folder
(`SPARK_LOCAL_DIRS`, which Spark deletes when the executor stops), in WAL mode so that every Python worker of the
executor reads what the others scored, whatever order their tasks run in (the crawl writes successive releases of
a project a few tasks apart; a memo per worker caught only a quarter of the copies). A batch is one lookup query and
one insert transaction: a file per scored text (the first version) cost 5-15% of the scoring in file creation.
Two workers scoring the same text at once both offer the same entry; the first one stays. A process writes at most
`_ENTRIES` entries and `_BYTES` bytes per execution, then only reads; a process that joins an execution removes
the folders of the executor's earlier executions (the runner runs one stage at a time).

Nothing here can fail a task: a locked, damaged or unwritable database, or an unreadable entry, costs only the
saving (the text is scored again).

The key is (128-bit xxh3 of the UTF-8 text, its length, 64-bit xxh3 of kind and lang as read): a false match needs
a 128-bit collision.
"""

from __future__ import annotations

import os
import pickle
import shutil
import sqlite3
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
_DATABASE = "scored.sqlite"
# How long a writer waits for another worker's insert transaction (each is one batch: milliseconds).
_LOCK_WAIT_S = 5.0
# Keys per lookup query (SQLite's bound on parameters is 32,766 since 3.32; older builds allow 999).
_KEYS_PER_QUERY = 900


@dataclass(frozen=True)
class Scored:
    """One document's results as `Scorer.signals` produced them (copied in and out: the caller mutates them)."""

    signals: dict[str, float]
    lang: str
    meta: dict[str, str]
    # None: redaction off; a Redaction without counts is stored without its text (the text is the document's own)
    redaction: Redaction | None


class SignalMemo:
    """Scored texts of one stage execution, in a database shared by the processes of one machine."""

    _joined: tuple[str, SignalMemo] | None = None  # this process's memo and the execution it belongs to

    def __init__(self, root: str | Path, entries: int = _ENTRIES, size: int = _BYTES) -> None:
        self.root = Path(root)
        self._entries, self._size = entries, size
        self._written = self._written_bytes = 0
        self._db: sqlite3.Connection | None = None
        self._db_pid = 0
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
    def key(kind: str, lang: str | None, text: str) -> bytes:
        data = text.encode("utf-8", "surrogatepass")
        kind_lang = xxhash.xxh3_64_digest(f"{kind}\0{lang or '-'}".encode())
        return xxhash.xxh3_128_digest(data) + len(data).to_bytes(8, "big") + kind_lang

    def __len__(self) -> int:
        """Entries kept by all processes (0 when the database cannot be read)."""
        db = self._connection()
        try:
            return db.execute("SELECT count(*) FROM scored").fetchone()[0] if db is not None else 0
        except sqlite3.Error:
            return 0

    def _connection(self) -> sqlite3.Connection | None:
        """This process's connection (a forked process opens its own), or None when the database is unusable."""
        if self._db is not None and self._db_pid == os.getpid():
            return self._db
        self._db = None
        try:
            self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
            db = sqlite3.connect(self.root / _DATABASE, timeout=_LOCK_WAIT_S, isolation_level=None,
                                 check_same_thread=False)
        except (sqlite3.Error, OSError):
            return None
        try:
            # NOTE: no durability wanted: the memo lives as long as one execution, and a torn entry is scored again.
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=OFF")
            # A rowid table: entries of kilobytes make a WITHOUT ROWID b-tree 3x slower to fill.
            db.execute("CREATE TABLE IF NOT EXISTS scored (key BLOB PRIMARY KEY, entry BLOB NOT NULL)")
        except sqlite3.Error:  # a damaged or locked file: retried at the next batch, never left open
            db.close()
            return None
        self._db, self._db_pid = db, os.getpid()
        return db

    def get_many(self, keys: list[bytes], texts: list[str]) -> dict[int, Scored]:
        """What was kept for each key (whose text is the same position's text), by position; missing ones are left
        out."""
        db = self._connection()
        if db is None or not keys:
            return {}
        rows: dict[bytes, bytes] = {}
        try:
            for start in range(0, len(keys), _KEYS_PER_QUERY):
                chunk = keys[start:start + _KEYS_PER_QUERY]
                marks = ",".join("?" * len(chunk))
                rows.update(db.execute(f"SELECT key, entry FROM scored WHERE key IN ({marks})", chunk))  # noqa: S608
        except sqlite3.Error:
            return {}
        found = {}
        for i, key in enumerate(keys):
            if (entry := rows.get(key)) is not None and (scored := _restore(entry, texts[i])) is not None:
                found[i] = scored
        self.hits += len(found)
        return found

    def put_many(self, entries: list[tuple[bytes, Scored]]) -> None:
        """Keep the scored texts, within this process's bounds."""
        rows = []
        for key, scored in entries:
            redaction = scored.redaction
            if redaction is not None and not redaction.counts:
                scored = Scored(scored.signals, scored.lang, scored.meta, Redaction("", redaction.counts))
            data = pickle.dumps(scored, protocol=pickle.HIGHEST_PROTOCOL)
            if self._written >= self._entries or self._written_bytes + len(data) > self._size:
                break
            rows.append((key, data))
            self._written += 1
            self._written_bytes += len(data)
        db = self._connection() if rows else None
        if db is None:
            return
        try:
            db.execute("BEGIN IMMEDIATE")
            db.executemany("INSERT OR IGNORE INTO scored (key, entry) VALUES (?, ?)", rows)
            db.execute("COMMIT")
        except sqlite3.Error:  # locked too long, disk full, damaged file: the saving is lost, never the task
            if db.in_transaction:
                db.execute("ROLLBACK")

    def recall(self, kinds: list[str], langs: list[str | None], texts: list[str]) -> BatchRecall:
        """Which documents of a batch need scoring: those neither kept nor a copy of an earlier one."""
        batch = BatchRecall(self)
        unique: dict[bytes, int] = {}
        for i, text in enumerate(texts):
            if (first := unique.setdefault(self.key(kinds[i], langs[i], text), i)) != i:
                batch.copies[i] = first
        firsts = list(unique.values())
        found = self.get_many(list(unique), [texts[i] for i in firsts])
        # NOTE: only a first occurrence takes the kept entry; the others are copies of it (own dicts, see settle).
        batch.known = {firsts[n]: scored for n, scored in found.items()}
        batch.firsts = {key: i for key, i in unique.items() if i not in batch.known}
        return batch


def _restore(entry: bytes, text: str) -> Scored | None:
    """A kept entry for a document whose text is `text`, or None when it is damaged."""
    try:
        found = pickle.loads(entry)  # noqa: S301 - written by this stage's workers
    except Exception:  # noqa: BLE001 - a damaged entry costs only the saving: the text is scored again
        return None
    if not isinstance(found, Scored):
        return None
    if found.redaction is not None and not found.redaction.counts:
        return Scored(found.signals, found.lang, found.meta, Redaction(text, Counter()))
    return found


@dataclass
class BatchRecall:
    """One batch against the memo: `known` documents are filled from it, `copies` from the first occurrence in the
    batch (index -> index), the `firsts` (key -> index) are scored and then kept."""

    memo: SignalMemo
    known: dict[int, Scored] = field(default_factory=dict)
    copies: dict[int, int] = field(default_factory=dict)
    firsts: dict[bytes, int] = field(default_factory=dict)

    def needs_scoring(self, i: int) -> bool:
        return i not in self.known and i not in self.copies

    def settle(self, signals: list[dict[str, float]], langs: list[str], metas: list[dict[str, str]],
               redactions: list[Redaction | None]) -> None:
        """Fill the known documents and the copies in place, and keep the scored ones."""
        self.memo.put_many([(key, Scored(signals[i], langs[i], metas[i], redactions[i]))
                            for key, i in self.firsts.items()])
        for i, found in self.known.items():
            signals[i], langs[i], metas[i], redactions[i] = found.signals, found.lang, found.meta, found.redaction
        for i, first in self.copies.items():
            # NOTE: copies of the dicts: the caller adds per-row entries (datatrove reasons, errors) in place.
            signals[i], langs[i], metas[i] = dict(signals[first]), langs[first], dict(metas[first])
            redactions[i] = redactions[first]
