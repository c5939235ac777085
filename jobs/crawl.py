"""spark-submit entry point for the crawl stage: `spark-submit [--master M] jobs/crawl.py MANIFEST [--force]`."""

import sys

from lemur_data.cli import main

if __name__ == "__main__":
    sys.exit(main(["crawl", *sys.argv[1:]]))
