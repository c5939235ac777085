"""The `lemur-data` command. `jobs/*.py` call `exit_with` too, so spark-submit runs exactly the same code.

The subcommands live in `lemur_data.commands`, by group; each subparser carries its handler (`args.func`)."""

from __future__ import annotations

import argparse
import atexit
import itertools
import logging
import os
import sys
import traceback
from typing import NoReturn, Sequence

from lemur_data import errors
from lemur_data import manifest as mf
from lemur_data.commands import LOG_FLAGS, add_log_options, export, inspect, pipeline, setup
from lemur_data.config import ConfigError

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
  lemur-data export --format datatrove out/demo DEST  deduped/ in datatrove's layout (JSONL gz / Parquet)
  lemur-data quality train --positive good/ --negative junk/ --output quality.bin
  spark-submit --master spark://host:7077 jobs/pipeline.py manifests/demo.yaml
"""
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lemur-data", description=_DESCRIPTION, epilog=_EPILOG,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    add_log_options(parser, default=False)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for group in (pipeline, setup, inspect, export):
        group.add_commands(sub)
    _accept_log_options_everywhere(parser)
    return parser


def _accept_log_options_everywhere(parser: argparse.ArgumentParser) -> None:
    """-q / -v after any (sub)command too, so `jobs/<stage>.py MANIFEST -q` works under spark-submit / Airflow and
    every "rerun with -v" hint works as printed. NOTE: subcommands default to SUPPRESS, so a flag given before the
    subcommand is not reset by the subparser's default."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):
                add_log_options(child)
                _accept_log_options_everywhere(child)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    leading_flags = list(itertools.takewhile(lambda a: a in LOG_FLAGS, argv))
    if argv[len(leading_flags):][:2] == ["dedup", "inspect"]:
        # NOTE: `dedup` is also the stage command (positional MANIFEST), so its one action is routed here.
        try:
            return inspect.dedup_inspect(leading_flags + argv[len(leading_flags) + 2:])
        except mf.ManifestError as exc:
            print(f"lemur-data: error: {exc}", file=sys.stderr)
            return 2
    args = build_parser().parse_args(argv)
    level = logging.DEBUG if args.verbose else logging.WARNING if args.quiet else logging.INFO
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", datefmt="%H:%M:%S")
    logging.getLogger("py4j").setLevel(logging.WARNING)
    try:
        return args.func(args)
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
        # A StageFailed already names the stage, cause and file; anything else is named by its type.
        cause = first[:500] if isinstance(exc, errors.StageFailed) else f"{type(exc).__name__}: {first[:500]}"
        print(f"lemur-data: failed: {cause} (rerun with -v for the traceback)", file=sys.stderr)
        return 1


def exit_with(argv: Sequence[str] | None = None) -> NoReturn:
    """Run `main` as a process (the `lemur-data` script, `python -m lemur_data.cli`, `jobs/*.py`) and end it without
    the interpreter's teardown of native libraries: exit handlers run and output is flushed first.

    NOTE: pyarrow's C++ thread pools can abort a process whose work and output are complete when they are destroyed
    during interpreter finalisation ("terminate called without an active exception", SIGABRT; apache/arrow#34314).
    CI saw it once on `dedup inspect`. A scheduler must not read a finished command as a crash, so the process ends
    with os._exit once everything the command wrote is flushed.
    """
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse's usage errors and --help
        code = exc.code
    if not isinstance(code, int):
        if code is not None:
            print(code, file=sys.stderr)
        code = 0 if code is None else 1
    atexit._run_exitfuncs()  # logging's handlers, Spark's and py4j's shutdown hooks
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, ValueError):  # a reader that went away; a stream already closed
            pass
    os._exit(code)


if __name__ == "__main__":
    exit_with()
