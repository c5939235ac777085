"""Line-by-line sentencepiece encoding gives exactly the ids of whole documents, and is refused for models where
it could not (a piece spanning a newline, whitespace-collapsing normalization)."""

from __future__ import annotations

import struct

import numpy as np
import pytest
import sentencepiece as spm

from lemur_data import assets, sentencepiece_lines, storage, tokenizer
from lemur_data.config import TokenizerConfig
from lemur_data.sentencepiece_lines import LineEncoder
from tests.conftest import REPO

CORPUS = REPO / "manifests" / "demo-corpus"
# Shapes a line split could get wrong: no newline, only newlines, CRLF, trailing blanks, indentation, tabs,
# non-ASCII, a line repeated across documents (remembered), text spelling control tokens.
EDGES = ["", "\n", "\n\n\n", "no newline", "ends with one\n", "\r\n".join(["windows", "  line", ""]),
         "trailing   \n  \n\tindented\n        deeper\n}\n", "é€ 中文\n\n😀 emoji\n", "</s> <s> <unk>\n</s>",
         "    return x\n" * 3, " leading space\n x"]


def model() -> bytes:
    return assets.path("tokenizer.model.v1").read_bytes()


def real_texts() -> list[str]:
    paths = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix not in (".gz", ".warc", ".zip"))
    texts = [p.read_bytes().decode("utf-8", "replace") for p in paths]
    assert len(texts) > 100
    return texts + EDGES


def whole_documents(sp, texts: list[str], add_bos: bool, add_eos: bool) -> tuple[list[int], list[int]]:
    ids = [sp.encode(t, add_bos=add_bos, add_eos=add_eos) for t in texts]
    return [i for doc in ids for i in doc], [len(doc) for doc in ids]


@pytest.mark.parametrize(("add_bos", "add_eos"), [(False, True), (True, True), (False, False)])
def test_line_by_line_equals_whole_documents_on_the_demo_corpus(add_bos, add_eos):
    sp = spm.SentencePieceProcessor(model_proto=model())
    lines = LineEncoder.for_model(sp, model())
    assert lines is not None, "the default model (Llama-2 family) must qualify"
    texts = real_texts()
    flat, lengths = [], []
    for start in range(0, len(texts), 37):  # several batches: later ones hit the remembered lines
        f, n = lines.encode(texts[start:start + 37], add_bos=add_bos, add_eos=add_eos, threads=1)
        assert f.dtype == np.int32
        flat += f.tolist()
        lengths += n.tolist()
    assert (flat, lengths) == whole_documents(sp, texts, add_bos, add_eos)


@pytest.mark.parametrize(("lines_limit", "chars_limit"), [(50, 1 << 25), (1 << 18, 2000)])
def test_a_full_cache_starts_over_without_changing_ids(monkeypatch, lines_limit, chars_limit):
    monkeypatch.setattr(sentencepiece_lines, "_CACHE_LIMIT", lines_limit)
    monkeypatch.setattr(sentencepiece_lines, "_CACHE_CHARS", chars_limit)
    sp = spm.SentencePieceProcessor(model_proto=model())
    lines = LineEncoder.for_model(sp, model())
    texts = real_texts()[:60]
    got, most = [], 0
    for text in texts:
        got += lines.encode([text], add_bos=False, add_eos=True, threads=1)[0].tolist()
        assert lines._cached_chars == sum(map(len, lines._cache)) <= max(chars_limit, len(text))
        most = max(most, len(lines._cache))
    # Never more than the limit, unless one document alone holds more distinct lines.
    assert most <= max(lines_limit, max(len(set(t.split("\n"))) for t in texts))
    assert got == whole_documents(sp, texts, False, True)[0]


def test_the_stage_encoder_uses_lines_for_the_default_model():
    spec, data = tokenizer.resolve(TokenizerConfig(), storage.Storage())
    enc = tokenizer.Encoder(spec, data)
    assert enc.line_by_line
    flat, lengths = enc.encode_batch(EDGES)
    sp = spm.SentencePieceProcessor(model_proto=data)
    assert (flat.tolist(), lengths.tolist()) == whole_documents(sp, EDGES, False, True)


def _piece(text: bytes, score: float) -> bytes:
    """A ModelProto field 1 (SentencePiece: piece, score, type NORMAL) in protobuf bytes."""
    body = b"\x0a" + bytes([len(text)]) + text + b"\x15" + struct.pack("<f", score) + b"\x18\x01"
    return b"\x0a" + bytes([len(body)]) + body


def test_a_model_with_a_piece_spanning_a_newline_is_encoded_whole():
    data = model() + _piece(b"}\n", 0.0) + _piece(b"}\n}", 0.0)  # merges across the newline, best scores
    sp = spm.SentencePieceProcessor(model_proto=data)
    probe = "}\n}\n"
    assert sp.piece_to_id("}\n}") in sp.encode(probe), "the crafted piece must be used by whole-text encoding"
    assert LineEncoder.for_model(sp, data) is None
    spec, _ = tokenizer.resolve(TokenizerConfig(), storage.Storage())
    enc = tokenizer.Encoder(spec, data)
    assert not enc.line_by_line
    flat, _ = enc.encode_batch([probe])
    assert flat.tolist() == sp.encode(probe) + [sp.eos_id()]


def test_a_whitespace_collapsing_normalizer_is_refused():
    # NormalizerSpec field 4 (remove_extra_whitespaces) = true, merged into the model's normalizer_spec.
    data = model() + bytes((0x1A, 0x02, 0x20, 0x01))
    sp = spm.SentencePieceProcessor(model_proto=data)
    assert sp.encode("a  \n  b") != spm.SentencePieceProcessor(model_proto=model()).encode("a  \n  b")
    assert LineEncoder.for_model(sp, data) is None


def test_model_bytes_the_reader_cannot_follow_mean_whole_texts():
    sp = spm.SentencePieceProcessor(model_proto=model())
    assert LineEncoder.for_model(sp, model() + bytes((0xFB, 0x07))) is None  # a group (wire type 3): not read
    assert LineEncoder.for_model(sp, model()[:-1]) is None  # cut inside the last field
