"""The model's tokenizer: sentencepiece `.model` (Llama-2 family) or Hugging Face `tokenizer.json`, by path.

The driver reads the file once (local or S3), checks it, and describes it in a `TokenizerSpec` (format, sha256,
vocab size, BOS / EOS ids). Executors rebuild the tokenizer from the file's bytes, shipped in a broadcast, so a
cluster needs no shared filesystem; `encoder()` keeps one loaded tokenizer per worker process.

Every document is encoded as its content tokens followed by EOS (and preceded by BOS with `add_bos`). Text that
merely spells a special token (a web page quoting "<|endoftext|>") is encoded as ordinary text: only the pipeline
puts EOS / BOS ids into the stream, so "EOS count == documents" is a real check.
"""

from __future__ import annotations

import hashlib
import os
import threading
from dataclasses import dataclass
from typing import Any, Callable, Literal

import numpy as np

from lemur_data import storage
from lemur_data.config import ASSET_PREFIX, ConfigError, TokenizerConfig
from lemur_data.schema import token_dtype_hint
from lemur_data.sentencepiece_lines import LineEncoder

HF_EOS_CANDIDATES = ("</s>", "<|endoftext|>", "<|end_of_text|>", "<eos>")
HF_BOS_CANDIDATES = ("<s>", "<|begin_of_text|>", "<bos>", "<|startoftext|>")


@dataclass(frozen=True)
class TokenizerSpec:
    """Identity of a tokenizer (small, picklable); the model bytes travel separately."""

    format: Literal["sentencepiece", "huggingface"]
    path: str
    sha256: str
    vocab_size: int
    eos_id: int
    bos_id: int | None
    add_bos: bool

    def to_manifest(self) -> dict[str, Any]:
        return {"path": self.path, "format": self.format, "sha256": self.sha256, "vocab_size": self.vocab_size,
                "eos_id": self.eos_id, "bos_id": self.bos_id, "add_bos": self.add_bos,
                "token_dtype_hint": token_dtype_hint(self.vocab_size)}


class Encoder:
    """A loaded tokenizer: batch encoding to one flat int32 array plus per-document lengths."""

    def __init__(self, spec: TokenizerSpec, data: bytes) -> None:
        self.spec = spec
        self._lines: LineEncoder | None = None  # sentencepiece line by line, when exact for the model
        if spec.format == "sentencepiece":
            self._sp = _load_sentencepiece(data)
            self._lines = LineEncoder.for_model(self._sp, data)
        else:
            self._hf = _load_huggingface(data)

    @property
    def line_by_line(self) -> bool:
        """Whether documents are encoded line by line (sentencepiece_lines: same ids, faster)."""
        return self._lines is not None

    def encode_batch(self, texts: list[str], threads: int = 1,
                     specials: bool = True) -> tuple[np.ndarray, np.ndarray]:
        """(tokens, lengths): documents' tokens concatenated, each with EOS appended (BOS first if add_bos).
        `specials=False`: the texts' own tokens only (the files of a repository document, which gets its
        BOS / EOS once)."""
        add_bos = self.spec.add_bos and specials
        # NOTE: sentencepiece never maps text to control ids (</s> in a text is spelt out), so EOS only appears
        # where we add it.
        if self._lines is not None:
            return self._lines.encode(texts, add_bos=add_bos, add_eos=specials, threads=threads)
        if self.spec.format == "sentencepiece":
            arrays = self._sp.encode_as_numpy(texts, add_bos=add_bos, add_eos=specials,
                                              num_threads=threads)
        else:
            arrays = self._encode_hf(texts, threads, specials)
        lengths = np.fromiter((len(a) for a in arrays), dtype=np.int64, count=len(arrays))
        flat = np.concatenate(arrays).astype(np.int32, copy=False) if arrays else np.zeros(0, np.int32)
        return flat, lengths

    def _encode_hf(self, texts: list[str], threads: int, specials: bool) -> list[np.ndarray]:
        # NOTE: Hugging Face parallelises a batch over a process-wide thread pool; inside a Spark task (one core
        # per task) that would oversubscribe the executor, so one thread unless the task owns more cores.
        os.environ["TOKENIZERS_PARALLELISM"] = "true" if threads > 1 else "false"
        encode = getattr(self._hf, "encode_batch_fast", self._hf.encode_batch)
        prefix = [self.spec.bos_id] if self.spec.add_bos and specials else []
        suffix = [self.spec.eos_id] if specials else []
        return [np.array(prefix + e.ids + suffix, dtype=np.int32)
                for e in encode(texts, add_special_tokens=False)]

    def encode_one(self, text: str) -> list[int]:
        flat, _ = self.encode_batch([text])
        return flat.tolist()


def _load_sentencepiece(data: bytes) -> Any:
    import sentencepiece as spm  # noqa: PLC0415 - only the chosen library is imported

    return spm.SentencePieceProcessor(model_proto=data)


def _load_huggingface(data: bytes) -> Any:
    from tokenizers import Tokenizer  # noqa: PLC0415

    tok = Tokenizer.from_str(data.decode("utf-8"))
    tok.encode_special_tokens = True  # special tokens spelt in a document's text stay text
    return tok


def local_path(path: str) -> str:
    """`path` itself, or the installed file for asset:<name>."""
    if not path.startswith(ASSET_PREFIX):
        return path
    from lemur_data import assets  # noqa: PLC0415

    name = path[len(ASSET_PREFIX):]
    if name not in assets.ASSETS:
        raise ConfigError(f"tokenizer.path: got {path!r}; expected a path or asset:<name> with a name from "
                          f"{sorted(assets.ASSETS)}")
    try:
        return str(assets.path(name))
    except assets.AssetMissing as exc:
        raise ConfigError(f"tokenizer.path: {exc}") from None


def resolve(cfg: TokenizerConfig, store: storage.Storage) -> tuple[TokenizerSpec, bytes]:
    """Read and check the configured tokenizer (driver side, before Spark starts); ConfigError names the key."""
    path = local_path(cfg.path)
    try:
        data = store.read_bytes(path)
    except (FileNotFoundError, IsADirectoryError, OSError) as exc:
        raise ConfigError(f"tokenizer.path: cannot read {path!r} ({exc.__class__.__name__}); expected a "
                          f"sentencepiece .model or a Hugging Face tokenizer.json") from None
    fmt = cfg.format if cfg.format != "auto" else ("huggingface" if path.endswith(".json") else "sentencepiece")
    try:
        encoder_probe = _load_sentencepiece(data) if fmt == "sentencepiece" else _load_huggingface(data)
    except Exception as exc:  # noqa: BLE001 - any parse failure is a configuration mistake
        raise ConfigError(f"tokenizer.path: {path!r} is not a valid {fmt} tokenizer ({str(exc)[:200]}); "
                          f"set tokenizer.format if the file name misleads the 'auto' detection") from None
    if fmt == "sentencepiece":
        vocab, eos, bos = _sentencepiece_ids(encoder_probe, path)
    else:
        vocab, eos, bos = _huggingface_ids(encoder_probe, cfg, path)
    if cfg.add_bos and bos is None:
        raise ConfigError(f"tokenizer.add_bos: true, but {path!r} has no BOS token; set add_bos: false")
    spec = TokenizerSpec(fmt, cfg.path, hashlib.sha256(data).hexdigest(), vocab, eos, bos, cfg.add_bos)
    return spec, data


def _sentencepiece_ids(sp: Any, path: str) -> tuple[int, int, int | None]:
    if sp.eos_id() < 0:
        raise ConfigError(f"tokenizer.path: the sentencepiece model {path!r} defines no EOS id; documents "
                          f"could not be separated in the stream")
    return sp.vocab_size(), sp.eos_id(), (sp.bos_id() if sp.bos_id() >= 0 else None)


def _huggingface_ids(tok: Any, cfg: TokenizerConfig, path: str) -> tuple[int, int, int | None]:
    vocab = tok.get_vocab(with_added_tokens=True)
    if cfg.eos_token is not None:
        if cfg.eos_token not in vocab:
            raise ConfigError(f"tokenizer.eos_token: got {cfg.eos_token!r}; not a token of {path!r}")
        eos = vocab[cfg.eos_token]
    else:
        found = [t for t in HF_EOS_CANDIDATES if t in vocab]
        if not found:
            raise ConfigError(f"tokenizer.eos_token: {path!r} has none of {list(HF_EOS_CANDIDATES)}; name the "
                              f"token that ends a document")
        eos = vocab[found[0]]
    bos = next((vocab[t] for t in HF_BOS_CANDIDATES if t in vocab), None)
    return tok.get_vocab_size(with_added_tokens=True), eos, bos


_loaded: dict[str, Encoder] = {}
_load_lock = threading.Lock()


def encoder(spec: TokenizerSpec, data: Callable[[], bytes]) -> tuple[Encoder, bool]:
    """The worker process's tokenizer for `spec` (loaded on first use) and whether this call loaded it."""
    with _load_lock:
        enc = _loaded.get(spec.sha256)
        if enc is not None and enc.spec == spec:
            return enc, False
        enc = _loaded[spec.sha256] = Encoder(spec, data())
        return enc, True
