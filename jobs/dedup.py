"""spark-submit entry point for the dedup stage: `spark-submit [--master M] jobs/dedup.py MANIFEST [--force]`."""

import sys

from lemur_data.cli import exit_with

if __name__ == "__main__":
    exit_with(["dedup", *sys.argv[1:]])
