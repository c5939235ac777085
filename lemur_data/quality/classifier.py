"""The optional quality classifier: `lemur-data quality train` fits a supervised fastText model on positive and
negative example documents; the filter stage applies it as signal `quality.fasttext_score_v1` (rule
`quality.fasttext_v1`, settings in `filter.quality_model`).

Training is reproducible: one thread, a fixed seed, the example order given by xxhash64 of the seed and each
document's origin (never a random shuffle), so the same files and options give a byte-identical model. A hash
chosen share of the documents is held out and scored after training, so the command reports how well the model
separates the two sets on documents it has not seen.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

import xxhash

# NOTE: training and scoring see a document the same way: whitespace collapsed (fastText reads one line per
# example), at most MAX_CHARS characters. The scorer calls `normalize`, never its own variant.
MAX_CHARS = 100_000
POSITIVE_LABEL = "__label__hq"
NEGATIVE_LABEL = "__label__lq"


def normalize(text: str) -> str:
    return " ".join(text[:MAX_CHARS].split())


@dataclass(frozen=True)
class TrainOptions:
    seed: int = 0
    epoch: int = 25
    lr: float = 0.2
    dim: int = 32
    word_ngrams: int = 2
    min_count: int = 2
    bucket: int = 100_000  # hashed n-gram rows: the model is (words + bucket) x dim floats (12.8 MB at the defaults)
    holdout_percent: int = 10  # documents whose hash falls in this share are held out for the report


@dataclass
class TrainReport:
    model: str
    sha256: str
    options: TrainOptions
    labels: dict[str, str]
    train_docs: dict[str, int] = field(default_factory=dict)
    holdout_docs: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)  # reason -> files
    holdout: dict[str, float] = field(default_factory=dict)  # precision / recall / accuracy at score 0.5

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2, sort_keys=True)


class TrainError(ValueError):
    """A training input problem the user must fix (no documents, unreadable path)."""


def documents(paths: list[str], skipped: dict[str, int]) -> Iterator[tuple[str, str]]:
    """(origin, text) of every document under `paths`: a plain or .gz file is one document, each line of a
    .jsonl / .jsonl.gz file with a "text" field is one; directories are walked in sorted order. Files that are
    binary or not UTF-8 are counted in `skipped`, not read."""
    for root in paths:
        p = Path(root)
        if not p.exists():
            raise TrainError(f"{root}: no such file or directory")
        files = sorted(f for f in p.rglob("*") if f.is_file()) if p.is_dir() else [p]
        for f in files:
            yield from _file_documents(f, skipped)


def _file_documents(path: Path, skipped: dict[str, int]) -> Iterator[tuple[str, str]]:
    data = path.read_bytes()
    if path.suffix == ".gz":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError):
            skipped["bad gzip"] = skipped.get("bad gzip", 0) + 1
            return
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        skipped["not UTF-8"] = skipped.get("not UTF-8", 0) + 1
        return
    if "\x00" in text:
        skipped["binary"] = skipped.get("binary", 0) + 1
        return
    if path.name.endswith((".jsonl", ".jsonl.gz")):
        for i, line in enumerate(text.splitlines()):
            try:
                doc = json.loads(line).get("text") if line.strip() else None
            except (json.JSONDecodeError, AttributeError):
                doc = None
            if isinstance(doc, str) and doc.strip():
                yield f"{path}:{i + 1}", doc
            elif line.strip():
                skipped["jsonl line without text"] = skipped.get("jsonl line without text", 0) + 1
        return
    if text.strip():
        yield str(path), text
    else:
        skipped["empty"] = skipped.get("empty", 0) + 1


def _hash(seed: int, origin: str) -> int:
    return xxhash.xxh64_intdigest(origin.encode(), seed=seed)


def train(positive: list[str], negative: list[str], output: str, options: TrainOptions = TrainOptions(),
          labels: tuple[str, str] = (POSITIVE_LABEL, NEGATIVE_LABEL)) -> TrainReport:
    """Train the model, write it to `output` and its report to `output` + '.json'; returns the report."""
    import fasttext  # noqa: PLC0415

    if options.bucket * options.dim * 4 < _MMAP_THRESHOLD_BYTES:
        raise TrainError(f"--bucket x --dim must be at least {_MMAP_THRESHOLD_BYTES // 4} (got {options.bucket} x "
                         f"{options.dim}): smaller input matrices come from recycled memory (see _fit)")
    report = TrainReport(output, "", options, {"positive": labels[0], "negative": labels[1]})
    train_rows: list[tuple[int, str]] = []
    holdout: list[tuple[str, str]] = []
    for side, label, paths in (("positive", labels[0], positive), ("negative", labels[1], negative)):
        n_train = n_holdout = 0
        for origin, text in documents(paths, report.skipped):
            h = _hash(options.seed, f"{side}:{origin}")
            line = normalize(text)
            if h % 100 < options.holdout_percent:
                holdout.append((label, line))
                n_holdout += 1
            else:
                train_rows.append((h, f"{label} {line}"))
                n_train += 1
        if n_train == 0:
            raise TrainError(f"--{side}: no training documents found in {paths}")
        report.train_docs[side], report.holdout_docs[side] = n_train, n_holdout
    train_rows.sort()
    Path(output).parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lemur-quality-") as tmp:
        data = os.path.join(tmp, "train.txt")
        with open(data, "w", encoding="utf-8") as f:
            f.writelines(row + "\n" for _, row in train_rows)
        _fit_in_fresh_process(data, output, options)
    fasttext.FastText.eprint = lambda *_a, **_k: None
    model = fasttext.load_model(output)
    report.sha256 = hashlib.sha256(Path(output).read_bytes()).hexdigest()
    report.holdout = _holdout_metrics(model, holdout, labels[0])
    Path(output + ".json").write_text(report.to_json() + "\n")
    return report


# NOTE: fasttext-numpy2-wheel 0.9.2 training intermittently fails with "Encountered NaN" in a long-lived process
# (a second training in the same interpreter; inside the test process next to Spark; 7 of 10 runs of one small
# file), a sign of state or memory carried over between fits (root cause not pinned down). In a freshly spawned
# interpreter with glibc's mmap threshold pinned (large allocations are then fresh zeroed pages) it never failed
# and gave byte-identical models (12 of 12 runs). So each fit runs in such a child process.
_M_MMAP_THRESHOLD = -3
_MMAP_THRESHOLD_BYTES = 128 * 1024


def _fit(data: str, output: str, options: TrainOptions) -> None:
    """Runs in the spawned child: train on `data` and write the model to `output`."""
    import ctypes  # noqa: PLC0415
    import ctypes.util  # noqa: PLC0415

    import fasttext  # noqa: PLC0415

    libc = ctypes.CDLL(ctypes.util.find_library("c"))
    if not libc.mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD_BYTES):
        raise RuntimeError("mallopt(M_MMAP_THRESHOLD) failed: fastText training would not be reproducible")
    fasttext.FastText.eprint = lambda *_a, **_k: None
    model = fasttext.train_supervised(
        input=data, epoch=options.epoch, lr=options.lr, dim=options.dim, wordNgrams=options.word_ngrams,
        minCount=options.min_count, bucket=options.bucket, loss="softmax", thread=1, seed=options.seed, verbose=0)
    model.save_model(output)


def _fit_in_fresh_process(data: str, output: str, options: TrainOptions) -> None:
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    cmd = [sys.executable, "-m", "lemur_data.quality.classifier", data, output, json.dumps(asdict(options))]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"fastText training failed (exit {proc.returncode}): {last}")


def positive_scores(model, texts: list[str], label: str) -> list[float]:
    """Probability of `label` for each (already normalized) text."""
    found, probs = model.predict(texts, k=-1)
    return [float(dict(zip(labs, ps.tolist())).get(label, 0.0)) for labs, ps in zip(found, probs)]


def _holdout_metrics(model, holdout: list[tuple[str, str]], positive: str) -> dict[str, float]:
    if not holdout:
        return {}
    scores = positive_scores(model, [t for _, t in holdout], positive)
    tp = sum(s >= 0.5 and lab == positive for (lab, _), s in zip(holdout, scores))
    fp = sum(s >= 0.5 and lab != positive for (lab, _), s in zip(holdout, scores))
    fn = sum(s < 0.5 and lab == positive for (lab, _), s in zip(holdout, scores))
    tn = len(holdout) - tp - fp - fn
    return {"precision": round(tp / max(1, tp + fp), 4), "recall": round(tp / max(1, tp + fn), 4),
            "accuracy": round((tp + tn) / len(holdout), 4)}


if __name__ == "__main__":  # the child of _fit_in_fresh_process: DATA OUTPUT OPTIONS_JSON
    import sys

    _fit(sys.argv[1], sys.argv[2], TrainOptions(**json.loads(sys.argv[3])))
