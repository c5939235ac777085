"""The native MinHash kernel against its references: datasketch (signatures), hashlib / xxhash (hashes), the
pure-Python tokenizer (shingles), on real files from this machine. No Spark."""

from __future__ import annotations

import hashlib
import struct
from pathlib import Path

import numpy as np
import pyarrow as pa
import pytest
import xxhash
from datasketch import LeanMinHash, MinHash, MinHashLSH

from lemur_data import _minhash
from lemur_data import minhash as mh

STDLIBS = sorted(Path("/root/.pyenv/versions").glob("3.*/lib/python3.*"))
RUST_BOOK = Path("/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/share/doc/rust/html/book")
DEMO = Path(__file__).resolve().parents[1] / "manifests" / "demo-corpus"


def real_documents() -> list[tuple[str, str]]:
    """(kind, text): CPython modules of several versions, Rust book HTML, reStructuredText and Markdown prose."""
    docs: list[tuple[str, str]] = []
    for lib in STDLIBS[:4]:
        for name in ("heapq.py", "textwrap.py", "glob.py", "shlex.py", "colorsys.py"):
            path = lib / name
            if path.is_file():
                docs.append(("code", path.read_text(encoding="utf-8")))
    for path in sorted(RUST_BOOK.glob("ch0[1-3]*.html"))[:6]:
        docs.append(("text", path.read_text(encoding="utf-8")))
    for path in sorted((DEMO / "text").rglob("*.*"))[:20]:
        if path.suffix in (".rst", ".md"):
            docs.append(("text", path.read_text(encoding="utf-8")))
    # Non-ASCII identifiers and prose: CPython's test of Unicode names, as code and as text.
    unicode_test = STDLIBS[-1] / "test" / "test_unicode_identifiers.py"
    if unicode_test.is_file():
        docs.append(("code", unicode_test.read_text(encoding="utf-8")))
    docs.append(("text", (STDLIBS[-1] / "test" / "test_unicode_identifiers.py").read_text(encoding="utf-8")))
    docs.append(("code", "x = 1"))  # fewer tokens than one shingle: the empty set
    return docs


@pytest.mark.parametrize("hash_name", ["xxh32", "sha1"])
def test_signatures_are_bit_identical_to_datasketch(hash_name):
    docs = real_documents()
    assert len(docs) > 25 and any(k == "text" for k, _ in docs)
    params = mh.MinHashParams(num_perm=256, bands=42, rows=6, seed=7, hash=hash_name)
    sig, counts = mh.signatures(pa.array([t for _, t in docs], pa.large_string()),
                                pa.array([k for k, _ in docs]), params)
    for i, (kind, text) in enumerate(docs):
        shingles = mh.reference_shingles(text, params.shingling(kind))
        # datasketch's own default hash for sha1; our xxh32 handed to it as `hashfunc` otherwise
        oracle = MinHash(num_perm=256, seed=7) if hash_name == "sha1" else MinHash(
            num_perm=256, seed=7, hashfunc=mh.HASHFUNCS["xxh32"])
        oracle.update_batch(shingles)
        assert np.array_equal(oracle.hashvalues, sig[i]), f"document {i} ({kind}) differs from datasketch"
        assert counts[i] == len(set(shingles))
    assert counts[-1] == 0 and np.all(sig[-1] == 0xFFFFFFFF)


def test_signatures_work_with_datasketch_lsh_and_lean_minhash():
    docs = real_documents()
    params = mh.MinHashParams(num_perm=128, bands=16, rows=8, seed=3)
    sig, _ = mh.signatures(pa.array([t for _, t in docs], pa.large_string()), pa.array([k for k, _ in docs]), params)
    lsh = MinHashLSH(threshold=0.7, num_perm=128)
    sketches = [MinHash(num_perm=128, seed=3, hashvalues=row, scheme="affine32", hashfunc=mh.HASHFUNCS["xxh32"])
                for row in sig]
    for i, m in enumerate(sketches[:-1]):
        lsh.insert(str(i), LeanMinHash(m))
    # heapq.py of consecutive CPython versions (documents 0 and 5) barely changes: datasketch's LSH finds the pair
    # from our signatures, and not textwrap.py (document 1)
    found = lsh.query(sketches[0])
    assert "5" in found and "1" not in found
    assert abs(sketches[0].jaccard(sketches[5]) - mh.estimated_jaccard(sig[:1], sig[5:6])[0]) < 1e-12


def test_kernel_hashes_match_hashlib_and_xxhash():
    samples = [b"", b"a", b"def heappush heap item", "naïve café 北京".encode(), bytes(range(256)) * 3]
    for s in samples:
        assert _minhash.xxh32(s) == xxhash.xxh32_intdigest(s)
        assert _minhash.xxh32(s, 0x9E3779B9) == xxhash.xxh32_intdigest(s, seed=0x9E3779B9)
        assert _minhash.sha1_hash32(s) == struct.unpack("<I", hashlib.sha1(s).digest()[:4])[0]


def test_tokens_split_on_punctuation_keep_identifiers_and_case():
    line = "def heappush(heap, item):  # “Push” item — onto HEAP… 北京_x"
    assert mh.reference_tokens(line, lowercase=False) == ["def", "heappush", "heap", "item", "Push", "item", "onto",
                                                          "HEAP", "北京_x"]
    assert mh.reference_tokens("Ünïcode Straße", lowercase=True) == ["ünïcode", "straße"]
    # the native tokenizer agrees: the same shingle set as the reference
    text = (STDLIBS[0] / "textwrap.py").read_text(encoding="utf-8")
    assert set(mh.shingle_set(text, mh.CODE_SHINGLING).tolist()) == _reference_set(text, mh.CODE_SHINGLING)


def _reference_set(text: str, shingling: mh.Shingling) -> set[int]:
    return {_minhash.xxh32(s) << 32 | _minhash.xxh32(s, 0x9E3779B9) for s in mh.reference_shingles(text, shingling)}


def test_shingle_sets_are_sorted_distinct_reference_hashes_in_input_order():
    docs = real_documents()
    params = mh.MinHashParams(num_perm=256, bands=32, rows=8, seed=1, text=mh.Shingling(3, True))
    sets = mh.shingle_sets(pa.array([t for _, t in docs]), pa.array([k for k, _ in docs]), params)
    assert len(sets) == len(docs) and {"code", "text"} <= {k for k, _ in docs}
    for (kind, text), value in zip(docs, sets.to_pylist()):
        native = np.frombuffer(value, dtype=np.uint64)
        assert np.all(native[1:] > native[:-1]), "strictly ascending: sorted and distinct"
        assert set(native.tolist()) == _reference_set(text, params.shingling(kind))
    assert sets[len(docs) - 1].as_py() == b"", "fewer tokens than one shingle: the empty set"


def test_exact_jaccards_of_consecutive_releases():
    heapq = [(lib / "heapq.py").read_text(encoding="utf-8") for lib in STDLIBS[2:4]]
    textwrap = (STDLIBS[3] / "textwrap.py").read_text(encoding="utf-8")
    params = mh.MinHashParams(num_perm=256, bands=32, rows=8, seed=1)
    sets = mh.shingle_sets(pa.array([*heapq, textwrap, "x", ""]), pa.array(["code"] * 5), params)
    a, b, c, empty, empty2 = sets.to_pylist()
    sa, sb = (_reference_set(t, mh.CODE_SHINGLING) for t in heapq)
    jaccard = mh.exact_jaccards(pa.array([a, a, empty, a], pa.binary()), pa.array([b, c, empty2, a], pa.binary()))
    assert jaccard[0] == pytest.approx(len(sa & sb) / len(sa | sb))
    assert jaccard[1] < 0.05, "unrelated modules"
    assert jaccard[2] == 1.0 and jaccard[3] == 1.0, "two empty sets, a set with itself"
    # the single-document form agrees
    assert np.array_equal(mh.shingle_set(heapq[0], mh.CODE_SHINGLING), np.frombuffer(a, np.uint64))


def test_native_entry_points_reject_offsets_that_do_not_fit():
    with pytest.raises(ValueError, match="offsets"):
        _minhash.jaccards(np.array([0, 16], np.int64), b"\0" * 8, np.array([0, 8], np.int64), b"\0" * 8,
                          np.empty(1))
    with pytest.raises(ValueError, match="offsets"):  # a set of 12 bytes is not whole uint64 hashes
        _minhash.jaccards(np.array([0, 12], np.int64), b"\0" * 16, np.array([0, 8], np.int64), b"\0" * 8,
                          np.empty(1))
    decreasing = np.array([0, 6, 3, 9], np.int64)
    with pytest.raises(ValueError, match="non-decreasing"):
        _minhash.shingle_sets(decreasing, b"a b c d e", 2)
    with pytest.raises(ValueError, match="non-decreasing"):
        _minhash.normalised_contents(decreasing.tobytes(), b"a b c d e")
    a = b = np.ones(4, np.uint32)
    with pytest.raises(ValueError, match="non-decreasing"):
        _minhash.signatures(decreasing, b"a b c d e", a, b, 2, 0, np.empty(12, np.uint32), np.empty(3, np.int64))
    with pytest.raises(ValueError, match="inside the data"):  # past the end of the data
        _minhash.signatures(np.array([0, 99], np.int64), b"a b c", a, b, 2, 0, np.empty(4, np.uint32),
                            np.empty(1, np.int64))


def test_banding_is_derived_for_recall_at_the_threshold():
    bands, rows = mh.derive_banding(0.7, 256, 0.99)
    assert bands * rows <= 256
    assert mh.candidate_probability(0.7, bands, rows) >= 0.99
    assert mh.candidate_probability(0.7, 256 // (rows + 1), rows + 1) < 0.99, "the most rows that reach the target"
    # the BigCode default misses about half of the pairs at 0.7 (REFERENCE.md)
    assert 0.45 < mh.candidate_probability(0.7, 25, 10) < 0.56
