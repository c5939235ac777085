"""Sentencepiece encoding line by line, with the tokens of repeated lines remembered: same ids, less work.

Why it is exact: when no piece of the model contains a newline and the normalizer leaves text as it is, a newline
is a token of its own (`<0x0A>` by byte fallback in the Llama-2 family) that no merge can cross, so a document's
tokens are the tokens of its lines (each with its newline) one after the other. Only the first line carries the
dummy prefix ("▁" before the text); the other lines are encoded by a second processor built from the same model
with `add_dummy_prefix` off. `LineEncoder.for_model` checks these conditions on the model and on probe texts, and
answers None when they do not hold (the caller then encodes whole documents).

Why it is faster: sentencepiece encodes short strings faster per byte than long ones (3.0 against 2.6 MB per CPU
second on the gigabyte benchmark's documents), and lines repeat (blank lines, closing braces, license headers):
after dedup, 24% of the middle lines' bytes of the 1 GB tokenize input are a line seen in the same or an earlier
batch. Net of the Python work, 1.09x per CPU second on those 38,180 documents (benchmarks/RESULTS.md).
"""

from __future__ import annotations

from itertools import accumulate, chain
from typing import Any, Iterator

import numpy as np

# A repeated embedded message merges into the first (protobuf): ModelProto field 3 (normalizer_spec) holding
# NormalizerSpec field 3 (add_dummy_prefix) = false.
_NO_DUMMY_PREFIX = bytes((0x1A, 0x02, 0x18, 0x00))
_NORMALIZER_SPEC, _PIECES = 3, 1
_CHARSMAP, _REMOVE_EXTRA_WHITESPACES = 2, 4
_PROBES = ("def f(x):\n    return x\n", "\n\n  a\n\tb \n", "x\n", "\n", "a  \n  b", "é\n€ 1\n\n}\n", "")
# Lines remembered per process, at most, and their characters at most (~80 MB with their tokens; a minified
# bundle's megabyte lines count by size).
_CACHE_LIMIT = 1 << 18
_CACHE_CHARS = 1 << 25
_ID = np.dtype(np.int32)


class LineEncoder:
    """Encodes a batch of texts as sentencepiece would encode each whole text (see the module docstring)."""

    def __init__(self, sp: Any, sp_no_prefix: Any) -> None:
        self._sp = sp
        self._lines = sp_no_prefix
        self._cache: dict[str, bytes] = {}  # a line (without its newline) -> ids of it with its newline, int32 bytes
        self._cached_chars = 0

    @classmethod
    def for_model(cls, sp: Any, model: bytes) -> LineEncoder | None:
        """A line encoder for the loaded model `sp` (whose file bytes are `model`), or None when line-by-line
        encoding could give other ids than whole texts for this model."""
        try:
            splits = _splits_at_newlines(model)
        except (ValueError, IndexError):  # a proto this reader does not follow: stay with whole texts
            return None
        if not splits:
            return None
        import sentencepiece as spm  # noqa: PLC0415 - the caller has loaded it already

        encoder = cls(sp, spm.SentencePieceProcessor(model_proto=model + _NO_DUMMY_PREFIX))
        newline = encoder._lines.encode("\n")
        if len(newline) != 1 or sp.is_unknown(newline[0]):
            return None
        for text in _PROBES:
            batch = ["\n".join((text, text)), text]
            flat, _ = encoder.encode(batch, add_bos=False, add_eos=False, threads=1)
            whole = np.concatenate(sp.encode_as_numpy(batch) + [np.zeros(0, np.int32)])
            if not np.array_equal(flat, whole.astype(np.int32)):
                return None
        encoder._cache.clear()
        encoder._cached_chars = 0
        return encoder

    def encode(self, texts: list[str], *, add_bos: bool, add_eos: bool,
               threads: int) -> tuple[np.ndarray, np.ndarray]:
        """(tokens, lengths): the texts' tokens concatenated (BOS / EOS per text when asked), tokens per text."""
        # A text is its head (the first line with its newline: the only part with a dummy prefix), its middle
        # lines (remembered, keyed without their newline) and its tail (the text after the last newline).
        heads, middles, tails = [], [], []
        for text in texts:
            lines = text.split("\n")
            if len(lines) == 1:
                heads.append(text)
                middles.append(())
                tails.append("")
            else:
                heads.append(lines[0] + "\n")
                middles.append(lines[1:-1])
                tails.append(lines[-1])
        self._remember(middles, threads)
        head_ids = _as_bytes(self._sp.encode(heads, add_bos=add_bos, num_threads=threads))
        tail_ids = _as_bytes(self._lines.encode(tails, num_threads=threads))
        eos = np.array([self._sp.eos_id()], _ID).tobytes() if add_eos else b""
        ids_of = self._cache.__getitem__
        docs = [b"".join(chain((head,), map(ids_of, middle), (tail, eos)))
                for head, middle, tail in zip(head_ids, middles, tail_ids)]
        lengths = np.fromiter(map(len, docs), np.int64, len(docs)) // _ID.itemsize
        return np.frombuffer(b"".join(docs), _ID).astype(np.int32), lengths

    def _remember(self, middles: list, threads: int) -> None:
        """Encode the batch's middle lines that are not remembered yet (all of them after the memory is full)."""
        lines = set(chain.from_iterable(middles))
        missing = list(lines.difference(self._cache))
        chars = sum(map(len, missing))
        if len(self._cache) + len(missing) > _CACHE_LIMIT or self._cached_chars + chars > _CACHE_CHARS:
            self._cache.clear()
            missing = list(lines)
            self._cached_chars, chars = 0, sum(map(len, missing))
        self._cached_chars += chars
        # NOTE: the order of `missing` (a set's) does not matter: each line's ids depend on that line alone.
        ids = self._lines.encode([line + "\n" for line in missing], num_threads=threads)
        self._cache.update(zip(missing, _as_bytes(ids)))


def _as_bytes(ids: list[list[int]]) -> list[bytes]:
    """Each id list as the bytes of its int32 array: one conversion for the whole batch, then slices."""
    ends = list(accumulate(map(len, ids), initial=0))
    buffer = np.fromiter(chain.from_iterable(ids), _ID, ends[-1]).tobytes()
    size = _ID.itemsize
    return [buffer[a * size:b * size] for a, b in zip(ends, ends[1:])]


def _splits_at_newlines(model: bytes) -> bool:
    """Whether the model leaves text unnormalized (no character map, whitespace kept) and has no piece that
    contains a newline: the conditions under which no token spans a newline."""
    normalizer: dict[int, Any] = {}
    for field, value in _fields(model):
        if field == _PIECES:
            piece = next((v for f, v in _fields(value) if f == 1), b"")
            if b"\n" in piece:
                return False
        elif field == _NORMALIZER_SPEC:
            normalizer.update(_fields(value))
    return not normalizer.get(_CHARSMAP) and normalizer.get(_REMOVE_EXTRA_WHITESPACES, 1) == 0


def _fields(message: bytes) -> Iterator[tuple[int, Any]]:
    """(field number, value) of a protobuf message: ints for varints, bytes for the other wire types."""
    i = 0
    while i < len(message):
        key, i = _varint(message, i)
        wire = key & 7
        if wire == 0:
            value, i = _varint(message, i)
        elif wire == 2:
            size, i = _varint(message, i)
            if i + size > len(message):
                raise ValueError("truncated protobuf field")
            value, i = message[i:i + size], i + size
        elif wire in (1, 5):
            size = 8 if wire == 1 else 4
            value, i = message[i:i + size], i + size
        else:
            raise ValueError(f"unsupported protobuf wire type {wire}")
        yield key >> 3, value


def _varint(data: bytes, i: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        byte = data[i]
        i += 1
        result |= (byte & 0x7F) << shift
        if byte < 0x80:
            return result, i
        shift += 7
