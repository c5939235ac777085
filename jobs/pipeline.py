"""spark-submit entry point for the whole pipeline: `spark-submit [--master M] jobs/pipeline.py MANIFEST [--stages ...]`."""

import sys

from lemur_data.cli import exit_with

if __name__ == "__main__":
    exit_with(["run", *sys.argv[1:]])
