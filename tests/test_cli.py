"""The command line's shared flags: -q / -v before or after any subcommand, and every "rerun with" hint works."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from lemur_data import cli
from lemur_data.commands import setup


@pytest.mark.parametrize("argv", [
    ["-v", "crawl", "m.yaml"],
    ["crawl", "m.yaml", "-v"],
    ["manifest", "show", "out/demo/docs", "--verbose"],
    ["-v", "quality", "train", "--positive", "p", "--negative", "n", "--output", "o"],
    ["quality", "train", "--positive", "p", "--negative", "n", "--output", "o", "-v"],
])
def test_verbose_is_accepted_before_or_after_the_subcommand(argv: list[str]) -> None:
    args = cli.build_parser().parse_args(argv)
    assert args.verbose is True and args.quiet is False


@pytest.mark.parametrize("argv", [["-q", "run", "m.yaml"], ["run", "m.yaml", "-q"], ["stages", "-q"]])
def test_quiet_is_accepted_before_or_after_the_subcommand(argv: list[str]) -> None:
    args = cli.build_parser().parse_args(argv)
    assert args.quiet is True and args.verbose is False


def test_a_flag_before_the_subcommand_is_not_reset_by_the_subcommand() -> None:
    args = cli.build_parser().parse_args(["-v", "-q", "dedup", "m.yaml"])
    assert args.verbose is True and args.quiet is True


def test_dedup_inspect_takes_the_flags_on_either_side(tmp_path, capsys) -> None:
    for argv in (["-v", "dedup", "inspect", str(tmp_path)], ["dedup", "inspect", str(tmp_path), "-q"]):
        assert cli.main(argv) == 2
        assert "no manifest there" in capsys.readouterr().err


def test_the_rerun_hint_of_an_unexpected_failure_works_as_printed(monkeypatch, capsys) -> None:
    def fail(_args) -> int:
        raise RuntimeError("disk on fire\nsecond line")

    monkeypatch.setattr(setup, "_validate", fail)
    assert cli.main(["validate", "m.yaml"]) == 1
    err = capsys.readouterr().err
    assert "failed: RuntimeError: disk on fire (rerun with -v" in err and "Traceback" not in err
    hinted_flag = re.search(r"rerun with (\S+)", err).group(1)
    assert cli.main(["validate", "m.yaml", hinted_flag]) == 1
    assert "Traceback (most recent call last)" in capsys.readouterr().err


_EXIT_WITH = """
import atexit, sys
from lemur_data.cli import exit_with
atexit.register(lambda: print("exit handler ran", file=sys.stderr))
print("buffered output", end="")  # no newline: only a flush writes it to a pipe
exit_with(sys.argv[1:])
"""


@pytest.mark.parametrize(("argv", "code"), [(["stages"], 0), (["--help"], 0), (["no-such-command"], 2),
                                            (["dedup", "inspect", "/nonexistent/out"], 2)])
def test_the_process_entry_keeps_the_exit_code_flushes_output_and_runs_exit_handlers(argv, code) -> None:
    # exit_with ends the process with os._exit (see its NOTE), so what a normal exit does must still happen.
    proc = subprocess.run([sys.executable, "-c", _EXIT_WITH, *argv], capture_output=True, text=True, timeout=120)
    assert proc.returncode == code, proc.stderr
    assert proc.stdout.startswith("buffered output")
    assert proc.stderr.rstrip().endswith("exit handler ran")
