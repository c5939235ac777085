"""MinHash signatures and LSH banding for the dedup stage.

Definitions (the native kernel in native/minhash.c implements them; tests hold it to this module's reference
implementation and to datasketch bit for bit):

* **tokens**: maximal runs of identifier characters: ASCII letters, digits and `_`, and every non-ASCII code point
  outside the punctuation / symbol ranges of `SEPARATOR_RANGES`. By default code keeps case and text is lowercased
  first (Arrow's `utf8_lower`), so text tokens are normalised words; `ngram` and `lowercase` are set per kind.
* **shingle**: `ngram` consecutive tokens joined by one space, UTF-8. A document with fewer tokens has none.
* **hash**: `xxh32` (seed 0, the default, fast) or `sha1` (datasketch's default `sha1_hash32`).
* **signature**: datasketch 2.x's "affine32" scheme for the same `seed` and `num_perm`: permutation parameters
  drawn by `numpy.random.RandomState(seed)`, `h' = fmix32(h)`, `a_k * h' + b_k mod 2^32`, minimum per k.
  `datasketch.MinHash(num_perm, seed=seed, hashfunc=HASHFUNCS[hash], hashvalues=sig, scheme="affine32")`
  therefore rebuilds the same sketch, usable with datasketch's LSH and LeanMinHash tools.
* **band key**: band i covers rows [i*r, (i+1)*r); its key is a 64-bit mix of the band number and those rows,
  stored as int64.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Callable, Iterator, Literal

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from lemur_data import _minhash

HashName = Literal["xxh32", "sha1"]
HASH_KINDS: dict[str, int] = {"xxh32": 0, "sha1": 1}
HASHFUNCS: dict[str, Callable[[bytes], int]] = {"xxh32": _minhash.xxh32, "sha1": _minhash.sha1_hash32}

# NOTE: keep in sync with is_separator() in native/minhash.c.
SEPARATOR_RANGES = (
    (0x80, 0xBF), (0xD7, 0xD7), (0xF7, 0xF7), (0x2000, 0x2BFF), (0x3000, 0x303F), (0xFE30, 0xFE4F),
    (0xFF00, 0xFF0F), (0xFF1A, 0xFF20), (0xFF3B, 0xFF40), (0xFF5B, 0xFF65), (0xFFF0, 0xFFFF),
)
_SEP_CLASS = "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in SEPARATOR_RANGES)
_TOKEN_RE = re.compile(f"(?:[A-Za-z0-9_]|[^\\x00-\\x7f{_SEP_CLASS}])+")

_M64 = np.uint64(0xFFFFFFFFFFFFFFFF)
_BAND_PRIME = np.uint64(0x9E3779B97F4A7C15)


@dataclass(frozen=True)
class Shingling:
    ngram: int
    lowercase: bool


CODE_SHINGLING = Shingling(5, False)
TEXT_SHINGLING = Shingling(5, True)


@dataclass(frozen=True)
class MinHashParams:
    """Everything that decides a signature and its band keys."""

    num_perm: int
    bands: int
    rows: int
    seed: int
    hash: HashName = "xxh32"
    code: Shingling = CODE_SHINGLING
    text: Shingling = TEXT_SHINGLING

    def shingling(self, kind: str) -> Shingling:
        return self.text if kind == "text" else self.code

    def __post_init__(self) -> None:
        if self.bands * self.rows > self.num_perm:
            raise ValueError(f"bands x rows = {self.bands * self.rows} exceeds num_perm = {self.num_perm}")

    @functools.cached_property
    def permutations(self) -> tuple[np.ndarray, np.ndarray]:
        """(a, b) exactly as datasketch 2.x draws them for scheme 'affine32'."""
        gen = np.random.RandomState(self.seed)
        a = gen.randint(0, 1 << 31, self.num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
        b = gen.randint(0, 1 << 32, self.num_perm, dtype=np.uint32)
        return np.ascontiguousarray(a), np.ascontiguousarray(b)


def reference_tokens(text: str, lowercase: bool) -> list[str]:
    """Tokens by the definition above, in pure Python (the oracle for the native kernel)."""
    if lowercase:
        text = pc.utf8_lower(pa.array([text], pa.large_string()))[0].as_py()
    return _TOKEN_RE.findall(text)


def reference_shingles(text: str, shingling: Shingling) -> list[bytes]:
    """Shingles (with repeats, in order) in pure Python: what datasketch's `update_batch` is fed in tests."""
    tokens = reference_tokens(text, shingling.lowercase)
    n = shingling.ngram
    return [" ".join(tokens[i:i + n]).encode() for i in range(len(tokens) - n + 1)]


def signatures(texts: pa.Array, kinds: pa.Array, params: MinHashParams) -> tuple[np.ndarray, np.ndarray]:
    """(uint32 signatures [n, num_perm], distinct shingle counts [n]) of a batch, in the native kernel."""
    n = len(texts)
    sig = np.empty((n, params.num_perm), dtype=np.uint32)
    counts = np.empty(n, dtype=np.int64)
    for rows, part, shingling in _parts_by_kind(texts, kinds, params):
        sig[rows], counts[rows] = _kernel(part, shingling.ngram, params)
    return sig, counts


def _parts_by_kind(texts: pa.Array, kinds: pa.Array,
                   params: MinHashParams) -> Iterator[tuple[np.ndarray, pa.Array, Shingling]]:
    """(row numbers, their texts lowercased when the kind's shingling says so, the shingling) per kind present."""
    texts = texts.cast(pa.large_string())
    is_text = np.asarray(pc.equal(kinds, "text").to_numpy(zero_copy_only=False), dtype=bool)
    for kind, rows in (("text", np.flatnonzero(is_text)), ("code", np.flatnonzero(~is_text))):
        if rows.size == 0:
            continue
        part = texts if rows.size == len(texts) else texts.take(pa.array(rows))
        shingling = params.shingling(kind)
        yield rows, pc.utf8_lower(part) if shingling.lowercase else part, shingling


def _kernel(arr: pa.Array, ngram: int, params: MinHashParams) -> tuple[np.ndarray, np.ndarray]:
    offsets, data = native_strings(arr)
    n = len(offsets) - 1
    sig = np.empty((n, params.num_perm), dtype=np.uint32)
    counts = np.empty(n, dtype=np.int64)
    a, b = params.permutations
    _minhash.signatures(offsets, data, a, b, ngram, HASH_KINDS[params.hash], sig, counts)
    return sig, counts


def native_strings(texts: pa.Array | pa.ChunkedArray) -> tuple[np.ndarray, pa.Buffer | bytes]:
    """A string (or binary) column as the native kernels take it: (n + 1 int64 offsets, contiguous, into the data)."""
    arr = texts.cast(pa.large_binary() if pa.types.is_binary(texts.type) or pa.types.is_large_binary(texts.type)
                     else pa.large_string())
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    _, offsets_buf, data_buf = arr.buffers()
    offsets = np.frombuffer(offsets_buf, dtype=np.int64)[arr.offset:arr.offset + len(arr) + 1]
    return np.ascontiguousarray(offsets), data_buf if data_buf is not None else b""


def band_keys(sig: np.ndarray, params: MinHashParams) -> np.ndarray:
    """int64 keys [n, bands]: a multiply-xorshift mix of (band number, the band's rows)."""
    n = sig.shape[0]
    rows = sig[:, : params.bands * params.rows].reshape(n, params.bands, params.rows).astype(np.uint64)
    with np.errstate(over="ignore"):
        key = np.broadcast_to(np.arange(1, params.bands + 1, dtype=np.uint64) * _BAND_PRIME, (n, params.bands)).copy()
        for j in range(params.rows):
            key = _mix64((key ^ rows[:, :, j]) * _BAND_PRIME)
    return key.view(np.int64)


def _mix64(x: np.ndarray) -> np.ndarray:
    x = x ^ (x >> np.uint64(33))
    x = x * np.uint64(0xFF51AFD7ED558CCD)
    x = x ^ (x >> np.uint64(33))
    x = x * np.uint64(0xC4CEB9FE1A85EC53)
    return x ^ (x >> np.uint64(33))


def estimated_jaccard(sig_a: np.ndarray, sig_b: np.ndarray) -> np.ndarray:
    """Fraction of equal signature rows, per pair (rows of the two [n, P] arrays)."""
    return np.count_nonzero(sig_a == sig_b, axis=1) / sig_a.shape[1]


def shingle_sets(texts: pa.Array, kinds: pa.Array, params: MinHashParams) -> pa.LargeBinaryArray:
    """Each document's distinct shingles as sorted 64-bit hashes (two xxh32 with different seeds; one value of
    native-endian uint64s per document), for exact Jaccard checks. Tokens and shingles as `signatures` makes them."""
    parts, rows = [], []
    for part_rows, part, shingling in _parts_by_kind(texts, kinds, params):
        parts.append(_sorted_sets(part, shingling.ngram))
        rows.append(part_rows)
    if len(parts) == 1:
        return parts[0]
    if not parts:
        return pa.array([], pa.large_binary())
    # NOTE: parts hold the text rows, then the code rows; the inverse permutation puts them back in input order.
    return pa.concat_arrays(parts).take(pa.array(np.argsort(np.concatenate(rows), kind="stable")))


def shingle_set(text: str, shingling: Shingling) -> np.ndarray:
    """One document's distinct shingles as sorted 64-bit hashes (the single-document form of `shingle_sets`)."""
    texts = pa.array([text], pa.large_string())
    sets = _sorted_sets(pc.utf8_lower(texts) if shingling.lowercase else texts, shingling.ngram)
    return np.frombuffer(sets[0].as_py(), dtype=np.uint64)


def _sorted_sets(texts: pa.Array, ngram: int) -> pa.LargeBinaryArray:
    offsets, data = native_strings(texts)
    set_offsets, set_data = _minhash.shingle_sets(offsets, data, ngram)
    return pa.Array.from_buffers(pa.large_binary(), len(texts), [None, pa.py_buffer(set_offsets),
                                                                pa.py_buffer(set_data)])


def exact_jaccards(sets_a: pa.Array, sets_b: pa.Array) -> np.ndarray:
    """Exact Jaccard per row of two columns of `shingle_sets` values (two empty sets: 1.0), in the native kernel."""
    offsets_a, data_a = native_strings(sets_a)
    offsets_b, data_b = native_strings(sets_b)
    out = np.empty(len(offsets_a) - 1, dtype=np.float64)
    _minhash.jaccards(offsets_a, data_a, offsets_b, data_b, out)
    return out


def candidate_probability(jaccard: float, bands: int, rows: int) -> float:
    """Probability that a pair with this Jaccard shares at least one band."""
    return 1.0 - (1.0 - jaccard ** rows) ** bands


def derive_banding(threshold: float, num_perm: int, target_recall: float) -> tuple[int, int]:
    """(bands, rows): the most rows per band (fewest false candidates) whose LSH recall at `threshold` still
    reaches `target_recall`, with as many bands as the permutations allow. Candidates are verified afterwards, so
    recall is what banding must deliver."""
    for rows in range(num_perm, 0, -1):
        bands = num_perm // rows
        if candidate_probability(threshold, bands, rows) >= target_recall:
            return bands, rows
    return num_perm, 1


