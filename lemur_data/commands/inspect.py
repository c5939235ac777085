"""Commands for after a run: `manifest show | validate | diff | lineage`, `stages` (what each stage committed),
`report` (the HTML page), and `dedup inspect` (one duplicate cluster; routed by `cli.main`, since `dedup` is also
the stage command)."""

from __future__ import annotations

import argparse
import sys
from typing import Any, Sequence

from lemur_data import manifest as mf
from lemur_data import summary
from lemur_data.commands import add_log_options
from lemur_data.config import ConfigError, load_manifest


def add_commands(sub: Any) -> None:
    stages = sub.add_parser(
        "stages", help="list the stages in run order; with a dataset manifest, what each one has committed",
        description="List the pipeline's stages in run order with their output folders. Given a dataset manifest, "
                    "also show each stage's run manifest under the output root (completed when, counts out, "
                    "checks). Reads manifests only: no data, no Spark. --json is the form schedulers read "
                    "(the Airflow DAG in jobs/airflow/ uses it).")
    stages.add_argument("dataset_manifest", nargs="?", metavar="MANIFEST", help="dataset manifest (YAML)")
    stages.add_argument("--output", help="override the manifest's output root (local path or s3://bucket/prefix)")
    stages.add_argument("--json", action="store_true", help="print JSON instead of a table")
    stages.set_defaults(func=_stages)

    report = sub.add_parser(
        "report", help="write one static HTML page with plots of a dataset's run manifests",
        description="Write a self-contained HTML report (plotly plots; plotly.js is inlined, nothing is loaded from "
                    "the network) of the run manifests under a dataset's output root: token / byte mix by source "
                    "and language, tokens per source planned vs written, drops by reason, rule and rule x source, "
                    "dedup cluster sizes, document length distributions (read from the main outputs' size_bytes "
                    "column) and the stage timeline. Stages that have not run are listed as such.")
    report.add_argument("output_root", metavar="OUT", help="the dataset's output root, e.g. out/demo (local or s3://)")
    report.add_argument("--html", help="where to write the page (default: OUT/report.html)")
    report.add_argument("--max-files", type=int, default=64, metavar="N",
                        help="read size_bytes from at most N evenly spaced files per stage (default 64)")
    report.set_defaults(func=_report)
    man = sub.add_parser("manifest", help="inspect run manifests")
    man_sub = man.add_subparsers(dest="manifest_command", required=True, metavar="ACTION")
    show = man_sub.add_parser("show", help="print a readable summary of a run manifest")
    show.add_argument("path", help="a _manifest.json, or a stage folder (e.g. out/demo/docs); local or s3://")
    show.set_defaults(func=_manifest_show)
    check = man_sub.add_parser("validate", help="check a run manifest against manifests/schema/run-manifest.schema.json")
    check.add_argument("path", help="a _manifest.json, or a stage folder")
    check.set_defaults(func=_manifest_validate)
    diff = man_sub.add_parser("diff", help="what changed between two runs: counts, drops by reason and rule, "
                                           "mixture, outputs")
    diff.add_argument("a", help="first run manifest (file or stage folder)")
    diff.add_argument("b", help="second run manifest")
    diff.add_argument("--exit-code", action="store_true", help="exit 1 when the outputs differ (like diff(1))")
    diff.set_defaults(func=_manifest_diff)
    lineage = man_sub.add_parser("lineage", help="follow upstream manifests from a stage back to its sources, "
                                                 "checking each recorded sha256")
    lineage.add_argument("path", help="a run manifest (e.g. the mix stage's) or its stage folder")
    lineage.set_defaults(func=_manifest_lineage)


def _manifest_show(args: argparse.Namespace) -> int:
    print(summary.render(mf.load_path(args.path)))
    return 0


def _manifest_validate(args: argparse.Namespace) -> int:
    m = mf.load_path(args.path)
    problems = mf.validation_errors(m)
    if problems:
        print(f"{args.path}: INVALID run manifest", file=sys.stderr)
        for p in problems:
            print(f"  {p}", file=sys.stderr)
        return 1
    print(f"{args.path}: valid run manifest ({m.get('stage')}, version {m.get('manifest_version')})")
    return 0


def _manifest_diff(args: argparse.Namespace) -> int:
    from lemur_data import manifest_tools  # noqa: PLC0415

    text, differ = manifest_tools.diff(mf.load_path(args.a), mf.load_path(args.b))
    print(text)
    return 1 if differ and args.exit_code else 0


def _manifest_lineage(args: argparse.Namespace) -> int:
    from lemur_data import manifest_tools, storage  # noqa: PLC0415

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


def build_dedup_inspect_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="lemur-data dedup inspect",
        description="List the members of a duplicate cluster (its survivor, then the removed documents with their "
                    "match kind), or the largest clusters when no --cluster is given. Reads the dedup outputs "
                    "named in the run manifest with pyarrow; Spark is not started.")
    p.add_argument("output", metavar="OUT", help="dataset output root (e.g. out/demo) or its deduped/ folder")
    p.add_argument("--cluster", metavar="ID", help="cluster id (= the survivor's document id, as in `cluster_id`)")
    p.add_argument("--json", action="store_true", help="print the members as JSON")
    add_log_options(p, default=False)
    return p


def dedup_inspect(argv: Sequence[str]) -> int:
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
