"""spark-submit entry point for the whole pipeline: `spark-submit [--master M] jobs/pipeline.py MANIFEST [--stages ...]`."""

import sys

from lemur_data.cli import main

if __name__ == "__main__":
    sys.exit(main(["run", *sys.argv[1:]]))
