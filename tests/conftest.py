"""Shared fixtures: one local[2] Spark session for the in-process tests, real fixture corpora, CLI helpers."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DEMO_MANIFEST = REPO / "manifests" / "demo.yaml"
BAD_INPUTS = REPO / "tests" / "fixtures" / "bad-inputs"

os.environ.setdefault("LEMUR_SPARK_UI", "0")
os.environ.setdefault("LEMUR_DRIVER_MEMORY", "3g")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Files with `slow` tests first, otherwise in collection order.

    NOTE: `make test` hands whole files to its workers (--dist loadfile) in collection order
    (--no-loadscope-reorder); xdist's own order (most tests first) started the few-test, several-minute files
    (Airflow, cluster, S3) last, and one worker ran 19 minutes while the others idled (simulated from the run's
    durations: 1,171 s; slow files first: 822 s)."""
    slow_files = {item.path for item in items if item.get_closest_marker("slow")}
    items.sort(key=lambda item: item.path not in slow_files)  # a stable sort: the order within each group stays


@pytest.fixture(scope="session")
def spark():
    from lemur_data.spark import get_session

    session = get_session(master="local[2]", app_name="lemur-data-tests")
    yield session
    session.stop()


def run_cli(*args: str, env: dict[str, str] | None = None, timeout: int = 600) -> subprocess.CompletedProcess:
    """The real `lemur-data` command in a fresh process (its own Spark session)."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "lemur_data.cli", *args], capture_output=True, text=True,
                          env=full_env, timeout=timeout, cwd=REPO)


def tree_digest(root: Path, sub: str = "") -> dict[str, str]:
    """sha256 of every file under root/sub (relative path -> digest), manifests excluded."""
    base = root / sub if sub else root
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(base.rglob("*")) if p.is_file() and p.name != "_manifest.json"
    }


@pytest.fixture(scope="session")
def bad_inputs_copy(tmp_path_factory) -> Path:
    """The committed bad-input set plus the big items made at test time (a 20 MB single-line file)."""
    sys.path.insert(0, str(BAD_INPUTS.parent))
    from make_bad_inputs import add_large_items

    root = tmp_path_factory.mktemp("bad") / "bad-inputs"
    shutil.copytree(BAD_INPUTS, root, symlinks=True)
    add_large_items(root)
    return root


def run_pipeline(spark, manifest: Path, output: Path | str, force: bool = False) -> dict[str, dict]:
    """Every stage in order, in-process on the shared session; returns each stage's run manifest."""
    from lemur_data.config import load_manifest
    from lemur_data.runner import run_stage
    from lemur_data.stage import RunContext
    from lemur_data.stages import STAGES

    ctx = RunContext(load_manifest(manifest, output=str(output)), STAGES, force=force, _spark=spark)
    return {name: run_stage(stage, ctx) for name, stage in STAGES.items()}


def output_digests(manifests: dict[str, dict]) -> dict[str, str]:
    """path -> sha256 of every output file of every stage, as recorded in the run manifests."""
    return {f["path"]: f["sha256"] for m in manifests.values() for f in m["outputs"]["files"]}


def copy_outputs(src: Path, dst: Path, dirs) -> None:
    """Copy committed stage folders (files and manifests) to another output root, so a test can change them
    without touching the session's demo run."""
    for d in dirs:
        if (src / d).exists():
            shutil.copytree(src / d, dst / d)


@pytest.fixture(scope="session")
def demo_pipeline(spark, tmp_path_factory) -> tuple[Path, dict[str, dict]]:
    """The whole pipeline on the demo manifest, once per test run: (output root, manifests by stage, as committed).

    NOTE: under pytest-xdist (`make test`) the workers share one run: the first worker to ask computes it under a
    lock in the run's common temporary folder, the others wait and read its committed manifests. Tests copy the
    outputs before changing them (copy_outputs), so sharing them is as safe as sharing them within one worker."""
    from lemur_data.stages import STAGES

    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    out = shared / "demo-pipeline" / "out"
    with open(shared / "demo-pipeline.lock", "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = shared / "demo-pipeline" / "done"
        if not done.exists():
            run_pipeline(spark, DEMO_MANIFEST, out)
            done.touch()
    return out, {name: json.loads((out / stage.dirs[0] / "_manifest.json").read_text())
                 for name, stage in STAGES.items()}


@pytest.fixture(scope="session")
def gpt2_tokenizer_json(tmp_path_factory) -> Path:
    """A real Hugging Face tokenizer.json: GPT-2's byte-level BPE from the offline assets (vocab + merges)."""
    from tokenizers import AddedToken, Tokenizer, decoders, models, pre_tokenizers

    from lemur_data import assets

    tok = Tokenizer(models.BPE.from_file(str(assets.path("gpt2-encoder.json")), str(assets.path("gpt2-vocab.bpe"))))
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    tok.add_special_tokens([AddedToken("<|endoftext|>", special=True)])
    path = tmp_path_factory.mktemp("hf") / "tokenizer.json"
    tok.save(str(path))
    return path
