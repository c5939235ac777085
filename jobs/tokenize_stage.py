"""spark-submit entry point for the tokenize stage: `spark-submit [--master M] jobs/tokenize_stage.py MANIFEST [--force]`.

NOTE: not `jobs/tokenize.py`: Python puts a script's folder first on the import path, so a jobs/tokenize.py would
replace the standard library's `tokenize` (imported by logging) in every job started from this folder.
"""

import sys

from lemur_data.cli import exit_with

if __name__ == "__main__":
    exit_with(["tokenize", *sys.argv[1:]])
