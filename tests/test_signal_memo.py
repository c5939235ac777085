"""The scorer's memo of scored texts (quality/signal_memo.py): copies of a document get exactly the rows and counts
that scoring them again gives, within a batch, across batches, across processes sharing the folder, and after a
process reaches its write bound."""

from __future__ import annotations

import pickle
import sqlite3
from collections import Counter

import pyarrow as pa
import pyarrow.dataset as pads
import pytest

from lemur_data.quality import recipes
from lemur_data.quality.pii import PII_TYPES, Redaction
from lemur_data.quality.scorer import Scorer, ScoringPlan
from lemur_data.quality.signal_memo import Scored, SignalMemo
from lemur_data.schema import DOC_SCHEMA
from tests.test_filter import humaneval_index


def plan() -> ScoringPlan:
    code = recipes.load("code", None, {}, {}, "filter.code")
    text = recipes.load("text", None, {}, {}, "filter.text")
    return ScoringPlan(code, text, PII_TYPES, "drop", None)


@pytest.fixture(scope="module")
def demo_docs(demo_pipeline) -> pa.Table:
    """The demo run's crawled documents (real code and prose, among them PII, junk and a decontamination hit)."""
    root, _ = demo_pipeline
    table = pads.dataset(str(root / "docs"), format="parquet", partitioning="hive").to_table()
    return table.select(DOC_SCHEMA.names).cast(DOC_SCHEMA).sort_by("id")


def copies_in_batches(docs: pa.Table) -> list[pa.RecordBatch]:
    """Every document three times: twice in the first batches (in order, then reversed), once more later."""
    n = docs.num_rows
    order = list(range(n)) + list(reversed(range(n))) + list(range(0, n, 2)) + list(range(1, n, 2))
    return docs.take(order).to_batches(max_chunksize=max(8, n // 3))


def scored(scorer: Scorer, batches: list[pa.RecordBatch]) -> list[dict]:
    return [row for b in batches for row in scorer.score(b).to_pylist()]


@pytest.mark.parametrize("entries", [1 << 16, 5])
def test_copies_scored_from_the_memo_give_the_same_rows_and_counts(demo_docs, entries, tmp_path):
    index, _ = humaneval_index()
    docs = demo_docs if entries > 5 else demo_docs.slice(0, 40)
    batches = copies_in_batches(docs)
    fresh = Scorer(plan(), index)
    memo = SignalMemo(tmp_path, entries=entries)
    remembered = Scorer(plan(), index, memo)
    assert scored(remembered, batches) == scored(fresh, batches)
    assert remembered.stats.to_json() | {"memo_docs": 0} == fresh.stats.to_json()
    # the rows hold what a memo must reproduce: redactions, rejects, comment languages
    rows = scored(Scorer(plan(), index), batches[:1])
    assert any(r["first_reason"] for r in rows) and any(r["reason"] is None for r in rows)
    assert fresh.stats.pii_docs and any(k == "code" for k in docs.column("kind").to_pylist())
    if entries > 5:
        assert memo.hits >= docs.num_rows  # the third copy of every document comes from the memo
        assert len(memo) <= docs.num_rows
        # every row but the first of each distinct text was given the memo's results
        assert remembered.stats.memo_docs == sum(b.num_rows for b in batches) - len(memo)
    else:
        assert len(memo) == 5


def test_another_process_reads_what_one_scored(demo_docs, tmp_path):
    """Two scorers on one folder, as two Python workers of an executor: the second scores nothing itself."""
    batches = demo_docs.slice(0, 30).to_batches(max_chunksize=10)
    first, second = SignalMemo(tmp_path), SignalMemo(tmp_path)
    expected = scored(Scorer(plan(), None, first), batches)
    assert first.hits == 0
    assert scored(Scorer(plan(), None, second), batches) == expected
    assert second.hits == 30


def entry(signals: dict[str, float], redaction: Redaction | None = None) -> Scored:
    return Scored(signals, "Python", {}, redaction)


def test_an_unreadable_entry_is_scored_again(tmp_path):
    memo = SignalMemo(tmp_path)
    key = memo.key("code", "Python", "x = 1\n")
    memo.put_many([(key, entry({"s": 1.0}))])
    assert memo.get_many([key], ["x = 1\n"])[0].signals == {"s": 1.0}
    db = sqlite3.connect(next(tmp_path.glob("*.sqlite")))
    for damaged in (b"\x80\x05truncated", b"garbage", pickle.dumps({"not": "an entry"})):
        with db:
            db.execute("UPDATE scored SET entry = ?", (damaged,))
        assert memo.get_many([key], ["x = 1\n"]) == {}


def test_a_damaged_database_costs_only_the_saving(demo_docs, tmp_path):
    """A file that is not a database where the memo should be: every document is scored, none is lost."""
    (tmp_path / "scored.sqlite").write_bytes(b"not a database " * 100)
    batches = demo_docs.slice(0, 20).to_batches(max_chunksize=10)
    memo = SignalMemo(tmp_path)
    assert scored(Scorer(plan(), None, memo), batches + batches) == scored(Scorer(plan(), None), batches + batches)
    assert memo.hits == 0 and len(memo) == 0


def test_two_workers_offering_the_same_text_keep_one_entry(tmp_path):
    first, second = SignalMemo(tmp_path), SignalMemo(tmp_path)
    key = first.key("code", "Python", "x = 1\n")
    first.put_many([(key, entry({"s": 1.0}))])
    second.put_many([(key, entry({"s": 1.0}))])
    assert len(first) == 1 and second.get_many([key], ["x = 1\n"])[0].signals == {"s": 1.0}


def test_a_changed_text_or_language_is_not_a_copy(tmp_path):
    memo = SignalMemo(tmp_path)
    key = memo.key("code", "Python", "x = 1\n")
    assert key != memo.key("code", "Python", "x = 2\n")
    assert key != memo.key("code", "C", "x = 1\n")
    assert key != memo.key("text", "Python", "x = 1\n")
    assert key == memo.key("code", "Python", "x = 1\n")


def test_a_new_execution_gets_a_new_folder_and_removes_the_earlier_ones(tmp_path, monkeypatch):
    monkeypatch.setenv("SPARK_LOCAL_DIRS", f"{tmp_path},/elsewhere")
    first = SignalMemo.for_job("job-a")
    first.put_many([(first.key("code", "Python", "a"), entry({"s": 1.0}))])
    assert SignalMemo.for_job("job-a") is first and first.root.parent == tmp_path
    second = SignalMemo.for_job("job-b")
    assert second.get_many([second.key("code", "Python", "a")], ["a"]) == {}
    assert not first.root.exists()


def test_a_process_stops_writing_at_its_byte_bound_and_keeps_reading(tmp_path):
    memo = SignalMemo(tmp_path, size=400)
    a, b = memo.key("code", "C", "a"), memo.key("code", "C", "b")
    memo.put_many([(a, entry({}, Redaction("x" * 100, Counter(email=1))))])
    memo.put_many([(b, entry({}, Redaction("y" * 400, Counter(email=1))))])
    found = memo.get_many([a, b], ["a", "b"])
    assert list(found) == [0] and found[0].redaction.text == "x" * 100
