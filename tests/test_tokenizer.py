"""Tokenizers by path: the sentencepiece default and a Hugging Face tokenizer.json, on real documents."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pyarrow as pa
import pytest
import sentencepiece as spm
import tokenizers as hf_tokenizers
from tokenizers import Tokenizer

from lemur_data import assets, storage, tokenizer
from lemur_data.config import ConfigError, TokenizerConfig
from lemur_data.stages.tokenize import encode_table
from tests.conftest import REPO

CORPUS = REPO / "manifests" / "demo-corpus"
# Real files: Python code, reStructuredText prose, and a stub file whose docstrings spell "<s>" and "</s>".
REAL_DOCS = [
    CORPUS / "code" / "python" / "py311" / "textwrap.py",
    CORPUS / "code" / "python" / "py311" / "base64.py",
    next((CORPUS / "text" / "python-docs").rglob("*.rst")),
    Path(hf_tokenizers.__file__).parent / "processors" / "__init__.pyi",
]


def texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in REAL_DOCS]


def test_default_is_the_32k_sentencepiece_asset():
    spec, data = tokenizer.resolve(TokenizerConfig(), storage.Storage())
    asset = assets.ASSETS["tokenizer.model.v1"]
    assert spec.format == "sentencepiece"
    assert spec.sha256 == asset.sha256 == hashlib.sha256(data).hexdigest()
    sp = spm.SentencePieceProcessor(model_file=str(assets.path("tokenizer.model.v1")))
    assert (spec.vocab_size, spec.eos_id, spec.bos_id) == (sp.vocab_size(), sp.eos_id(), sp.bos_id())
    assert spec.to_manifest()["token_dtype_hint"] == "uint16"


@pytest.mark.parametrize("add_bos", [False, True])
def test_sentencepiece_batch_encoding_matches_the_library_per_document(add_bos):
    spec, data = tokenizer.resolve(TokenizerConfig(add_bos=add_bos), storage.Storage())
    enc = tokenizer.Encoder(spec, data)
    flat, lengths = enc.encode_batch(texts(), threads=2)
    sp = spm.SentencePieceProcessor(model_file=str(assets.path("tokenizer.model.v1")))
    expected = [([sp.bos_id()] if add_bos else []) + sp.encode(t) + [sp.eos_id()] for t in texts()]
    assert lengths.tolist() == [len(e) for e in expected]
    assert flat.dtype == np.int32 and flat.tolist() == [i for e in expected for i in e]


def test_spelt_special_tokens_stay_text_so_eos_only_ends_documents(gpt2_tokenizer_json):
    stub = REAL_DOCS[-1].read_text(encoding="utf-8")
    assert "</s>" in stub and "<s>" in stub
    spec, data = tokenizer.resolve(TokenizerConfig(), storage.Storage())
    flat, _ = tokenizer.Encoder(spec, data).encode_batch([stub])
    assert np.count_nonzero(flat == spec.eos_id) == 1 and flat[-1] == spec.eos_id
    assert np.count_nonzero(flat == spec.bos_id) == 0

    # GPT-2's marker spelt into a real document, as a web page quoting it would have it.
    doc = REAL_DOCS[0].read_text(encoding="utf-8")
    quoted = doc[:2000] + " the model emits <|endoftext|> when done " + doc[2000:]
    hf_spec, hf_data = tokenizer.resolve(TokenizerConfig(path=str(gpt2_tokenizer_json)), storage.Storage())
    ids, _ = tokenizer.Encoder(hf_spec, hf_data).encode_batch([quoted])
    assert np.count_nonzero(ids == hf_spec.eos_id) == 1 and ids[-1] == hf_spec.eos_id
    plain = Tokenizer.from_file(str(gpt2_tokenizer_json))
    assert hf_spec.eos_id in plain.encode(quoted).ids, "without the guard the library would emit the special id"


def test_huggingface_tokenizer_json_by_path(gpt2_tokenizer_json):
    spec, data = tokenizer.resolve(TokenizerConfig(path=str(gpt2_tokenizer_json)), storage.Storage())
    plain = Tokenizer.from_file(str(gpt2_tokenizer_json))
    assert spec.format == "huggingface"
    assert spec.eos_id == plain.token_to_id("<|endoftext|>") and spec.bos_id is None
    assert spec.vocab_size == plain.get_vocab_size(with_added_tokens=True)
    assert spec.sha256 == hashlib.sha256(gpt2_tokenizer_json.read_bytes()).hexdigest()
    flat, lengths = tokenizer.Encoder(spec, data).encode_batch(texts())
    expected = [plain.encode(t, add_special_tokens=False).ids + [spec.eos_id] for t in texts()]
    assert lengths.tolist() == [len(e) for e in expected]
    assert flat.tolist() == [i for e in expected for i in e]


def test_configuration_mistakes_name_the_key(tmp_path, gpt2_tokenizer_json):
    store = storage.Storage()
    with pytest.raises(ConfigError, match=r"tokenizer\.path: cannot read .*missing\.model"):
        tokenizer.resolve(TokenizerConfig(path=str(tmp_path / "missing.model")), store)
    with pytest.raises(ConfigError, match=r"tokenizer\.path: .* is not a valid sentencepiece tokenizer"):
        tokenizer.resolve(TokenizerConfig(path=str(REAL_DOCS[0])), store)
    with pytest.raises(ConfigError, match=r"tokenizer\.eos_token: got '</s>'"):
        tokenizer.resolve(TokenizerConfig(path=str(gpt2_tokenizer_json), eos_token="</s>"), store)
    with pytest.raises(ConfigError, match=r"tokenizer\.add_bos"):
        tokenizer.resolve(TokenizerConfig(path=str(gpt2_tokenizer_json), add_bos=True), store)


def test_worker_cache_loads_a_tokenizer_once():
    spec, data = tokenizer.resolve(TokenizerConfig(), storage.Storage())
    calls = []

    def fetch() -> bytes:
        calls.append(1)
        return data

    tokenizer._loaded.pop(spec.sha256, None)
    first, loaded_first = tokenizer.encoder(spec, fetch)
    second, loaded_second = tokenizer.encoder(spec, fetch)
    assert (loaded_first, loaded_second) == (True, False) and first is second and len(calls) == 1


def test_empty_text_is_dropped_as_no_tokens():
    spec, data = tokenizer.resolve(TokenizerConfig(), storage.Storage())
    docs = pa.table({"id": ["a", "b"], "kind": ["code", "code"], "source": ["s", "s"], "lang": ["python", "python"],
                     "text": pa.array([texts()[0], ""], pa.large_string())})
    table, dropped = encode_table(tokenizer.Encoder(spec, data), docs)
    assert dropped.tolist() == [False, True]
    assert table.column("doc_id").to_pylist() == ["a"]
    row = table.to_pylist()[0]
    assert row["n_tokens"] == len(row["tokens"]) and row["tokens"][-1] == spec.eos_id
    assert row["n_bytes"] == len(texts()[0].encode("utf-8"))


def test_run_id_ignores_where_the_tokenizer_lives_but_not_how_it_is_used():
    import yaml

    from lemur_data.config import parse_manifest
    from tests.conftest import DEMO_MANIFEST

    raw = yaml.safe_load(DEMO_MANIFEST.read_text())

    def run_id(tokenizer_section: dict) -> str:
        return parse_manifest({**raw, "tokenizer": tokenizer_section}, origin="t.yaml",
                              base_dir=DEMO_MANIFEST.parent).run_id()

    here = run_id({"path": "models/llama-2/tokenizer.model"})
    assert here == run_id({"path": "/mnt/models/llama-2/tokenizer.model"}) == run_id({})
    assert run_id({"path": "models/llama-2/tokenizer.model", "add_bos": True}) != here
