"""spark-submit entry point for the crawl stage: `spark-submit [--master M] jobs/crawl.py MANIFEST [--force]`."""

import sys

from lemur_data.cli import exit_with

if __name__ == "__main__":
    exit_with(["crawl", *sys.argv[1:]])
