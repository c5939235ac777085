"""spark-submit entry point for the mix stage: `spark-submit [--master M] jobs/mix.py MANIFEST [--force]`."""

import sys

from lemur_data.cli import exit_with

if __name__ == "__main__":
    exit_with(["mix", *sys.argv[1:]])
