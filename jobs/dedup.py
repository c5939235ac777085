"""spark-submit entry point for the dedup stage: `spark-submit [--master M] jobs/dedup.py MANIFEST [--force]`."""

import sys

from lemur_data.cli import main

if __name__ == "__main__":
    sys.exit(main(["dedup", *sys.argv[1:]]))
