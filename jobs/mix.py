"""spark-submit entry point for the mix stage: `spark-submit [--master M] jobs/mix.py MANIFEST [--force]`."""

import sys

from lemur_data.cli import main

if __name__ == "__main__":
    sys.exit(main(["mix", *sys.argv[1:]]))
