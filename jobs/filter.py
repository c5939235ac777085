"""spark-submit entry point for the filter stage: `spark-submit [--master M] jobs/filter.py MANIFEST [--force]`."""

import sys

from lemur_data.cli import main

if __name__ == "__main__":
    sys.exit(main(["filter", *sys.argv[1:]]))
