"""spark-submit entry point for the filter stage: `spark-submit [--master M] jobs/filter.py MANIFEST [--force]`."""

import sys

from lemur_data.cli import exit_with

if __name__ == "__main__":
    exit_with(["filter", *sys.argv[1:]])
