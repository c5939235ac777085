"""The `lemur-data` subcommands by group: `pipeline` (run the stages, `mix plan`), `setup` (before a run: `validate`,
`assets`, `quality train`), `inspect` (after a run: `manifest`, `stages`, `report`, `dedup inspect`), `export`
(an output in another tool's layout). Each group's
`add_commands(sub)` adds its subparsers, each carrying its handler (`set_defaults(func=...)`, called with the parsed
arguments; returns the exit code). `lemur_data.cli` assembles them."""

from __future__ import annotations

import argparse

LOG_FLAGS = ("-q", "--quiet", "-v", "--verbose")


def add_log_options(p: argparse.ArgumentParser, default: bool | object = argparse.SUPPRESS) -> None:
    p.add_argument("-q", "--quiet", action="store_true", default=default,
                   help="only warnings and errors (for schedulers' logs)")
    p.add_argument("-v", "--verbose", action="store_true", default=default, help="debug logging and full tracebacks")
