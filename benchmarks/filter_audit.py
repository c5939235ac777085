#!/usr/bin/env python3
"""Keep / drop audit of the code recipe: precision and recall of the drop decision on known-good code and known
junk, all real files.

Usage::

    python benchmarks/filter_audit.py [--per-category 150] [--json benchmarks/results/filter_audit.json]

Known good: the pyenv CPython 3.11 standard library modules (sorted; test suites and the modules that say they are
generated, listed in GENERATED_STDLIB, left out). Known junk, by category (each capped at --per-category files,
sorted by path):

  * minified: *.min.js bundles on this machine (Debian's /usr/share/javascript, Sphinx / Google Cloud SDK copies);
  * generated: protocol-buffer modules (*_pb2.py), ANTLR-generated parsers / lexers, and the CPython modules that
    are generated from tables (GENERATED_STDLIB);
  * lock files: package-lock.json written by `npm install --package-lock-only` for express@4.21.2 (once, at
    setup, into .bench/; the only lock format with a crawl language: *.lock files have none and never reach the
    filter);
  * data blobs: Perl's Unicode property tables (unicore/lib/**/*.pl), botocore's service JSON models, Adwaita SVG
    icons.

Each file is scored like a crawled code document (language from its name, as the crawl does) by the bundled code
recipe (signals, rules, PII, HumanEval decontamination). "Positive" = junk: precision = junk among dropped files,
recall = junk dropped / junk. Wrong drops of good code are listed by first reason, missed junk by category.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import pyarrow as pa

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from lemur_data import assets  # noqa: E402
from lemur_data.quality import recipes  # noqa: E402
from lemur_data.quality.decontam import DecontaminationIndex, read_benchmark  # noqa: E402
from lemur_data.quality.pii import PII_TYPES  # noqa: E402
from lemur_data.quality.scorer import Scorer, ScoringPlan  # noqa: E402
from lemur_data.schema import DOC_SCHEMA  # noqa: E402
from lemur_data.sources.languages import language_from_name  # noqa: E402

STDLIB = Path("/root/.pyenv/versions/3.11.7/lib/python3.11")
BENCH = REPO / ".bench" / "audit"
LOCK_PACKAGE = "express@4.21.2"
# CPython modules generated from tables or grammars (their headers say so): junk for training, not known-good code.
GENERATED_STDLIB = ("token.py", "keyword.py", "stringprep.py", "re/_casefix.py", "pydoc_data/topics.py",
                    "lib2to3/pgen2/token.py") + tuple(f"encodings/{n}" for n in (
                        "cp037.py", "cp1250.py", "cp1252.py", "cp437.py", "cp850.py", "cp862.py", "cp869.py",
                        "mac_roman.py", "iso8859_1.py", "iso8859_15.py", "koi8_r.py"))
MAX_BYTES = 1 << 20  # the demo crawl's max_file_bytes


def setup() -> Path:
    """A real package-lock.json (npm resolves express's dependency tree; network once, at setup)."""
    lock_dir = BENCH / "lock-express"
    lock = lock_dir / "package-lock.json"
    if not lock.exists():
        lock_dir.mkdir(parents=True, exist_ok=True)
        (lock_dir / "package.json").write_text(json.dumps({"name": "audit", "version": "1.0.0", "private": True}))
        subprocess.run(["npm", "install", "--package-lock-only", "--ignore-scripts", "--no-audit", "--no-fund",
                        "--silent", LOCK_PACKAGE], cwd=lock_dir, check=True)
    return lock


def _files(pattern_roots: list[tuple[Path, str]], limit: int, exclude: tuple[str, ...] = ()) -> list[Path]:
    found = sorted({p for root, pat in pattern_roots for p in root.glob(pat)
                    if p.is_file() and 0 < p.stat().st_size <= MAX_BYTES and not any(e in str(p) for e in exclude)})
    return found[:limit]


def corpus(per_category: int) -> dict[str, list[Path]]:
    lock = setup()
    generated_stdlib = [STDLIB / n for n in GENERATED_STDLIB if (STDLIB / n).exists()]
    good = [p for p in _files([(STDLIB, "**/*.py")], 100_000, exclude=("site-packages", "/test/", "/tests/",
                                                                       "/idle_test/", "lib2to3/tests"))
            if p not in generated_stdlib]
    usr = Path("/usr")
    return {
        "good:cpython-stdlib": good,
        "junk:minified": _files([(usr / "share", "**/*.min.js"), (usr / "lib", "**/*.min.js")], per_category),
        "junk:generated": (generated_stdlib + _files(
            [(usr / "lib", "**/*_pb2.py"), (STDLIB / "site-packages", "**/_antlr/*.py"),
             (STDLIB / "site-packages", "**/antlr/runtime/*.py")], per_category, exclude=("__init__.py",)))[:per_category],
        "junk:lock-file": [lock],
        "junk:data-blob": (_files([(usr / "share" / "perl", "**/unicore/lib/**/*.pl")], per_category // 3)
                           + _files([(STDLIB / "site-packages" / "botocore" / "data", "**/service-2.json")],
                                    per_category // 3)
                           + _files([(usr / "share" / "icons" / "Adwaita", "**/*.svg")], per_category // 3)),
    }


def score(files: list[Path], scorer: Scorer) -> list[dict]:
    rows = []
    for i, path in enumerate(files):
        text = path.read_bytes().decode("utf-8", errors="replace")
        rows.append(dict(id=str(i), kind="code", source="audit", lang=language_from_name(str(path)) or "unknown",
                         text=text, locator=str(path), repo=None, license=None, size_bytes=len(text.encode()),
                         content_sha256="", signals=None, meta=None))
    out = []
    for start in range(0, len(rows), 128):
        batch = pa.RecordBatch.from_pylist(rows[start:start + 128], schema=DOC_SCHEMA)
        out += scorer.score(batch).to_pylist()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--per-category", type=int, default=150, help="junk files per category at most")
    ap.add_argument("--json", help="also write the result to this file")
    args = ap.parse_args()
    t0 = time.time()
    plan = ScoringPlan(recipes.load("code", None, {}, {}, "code"), recipes.load("text", None, {}, {}, "text"),
                       PII_TYPES, "drop", None)
    items = read_benchmark("humaneval", assets.path("HumanEval.jsonl.gz"), "task_id", ("prompt", "canonical_solution"))
    scorer = Scorer(plan, DecontaminationIndex.build(items, 10, 0.5))
    categories: dict[str, dict] = {}
    wrong_drops: Counter = Counter()
    wrong_examples: dict[str, list[str]] = defaultdict(list)
    missed: dict[str, list[str]] = defaultdict(list)
    tp = fp = fn = tn = 0
    for category, files in corpus(args.per_category).items():
        scored = score(files, scorer)
        dropped = [r for r in scored if r["first_reason"]]
        reasons = Counter(r["first_reason"] for r in dropped)
        categories[category] = {"files": len(scored), "dropped": len(dropped),
                                "drop_rate": round(len(dropped) / max(1, len(scored)), 4),
                                "first_reasons": dict(reasons.most_common())}
        if category.startswith("good"):
            fp += len(dropped)
            tn += len(scored) - len(dropped)
            for r in dropped:
                wrong_drops[r["first_reason"]] += 1
                if len(wrong_examples[r["first_reason"]]) < 5:
                    wrong_examples[r["first_reason"]].append(os.path.relpath(r["locator"], STDLIB))
        else:
            tp += len(dropped)
            fn += len(scored) - len(dropped)
            missed[category] = [r["locator"] for r in scored if not r["first_reason"]][:5]
    result = {
        "machine": {"cores": os.cpu_count(), "loadavg": [round(x, 1) for x in os.getloadavg()],
                    "date": time.strftime("%Y-%m-%d")},
        "drop_precision": round(tp / max(1, tp + fp), 4),
        "drop_recall": round(tp / max(1, tp + fn), 4),
        "good_code_kept": round(tn / max(1, tn + fp), 4),
        "confusion": {"junk_dropped": tp, "junk_kept": fn, "good_dropped": fp, "good_kept": tn},
        "categories": categories,
        "good_code_wrong_drops": {k: {"files": n, "examples": wrong_examples[k]} for k, n in wrong_drops.most_common()},
        "junk_kept_examples": dict(missed),
        "seconds": round(time.time() - t0, 1),
    }
    out = json.dumps(result, indent=2)
    print(out)
    if args.json:
        Path(args.json).write_text(out + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
