#!/usr/bin/env python3
"""Whether two filter outputs hold the same rows, whatever their files: for a change of the write layout, where the
output fingerprints must differ.

    python benchmarks/filter_same_rows.py .bench/filter-ab/base .bench/filter-ab/new

Reads `filtered/` and `rejects/` of both outputs (the files their manifests list), sorts each folder's rows by id
and compares them column by column; prints the row counts and exits 1 on the first difference.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

FOLDERS = ("filtered", "rejects")


def rows(output: Path, folder: str) -> pa.Table:
    manifest = json.loads((output / "filtered" / "_manifest.json").read_text())
    files = [f["path"] for f in manifest["outputs"]["files"] if f["path"].startswith(folder + "/")]
    # NOTE: no partitioning columns: kind and source are columns of the files themselves.
    tables = [pq.read_table(output / path, partitioning=None) for path in sorted(files)]
    return pa.concat_tables(tables).sort_by("id") if tables else pa.table({})


def main() -> int:
    a, b = Path(sys.argv[1]), Path(sys.argv[2])
    for folder in FOLDERS:
        left, right = rows(a, folder), rows(b, folder)
        print(f"{folder}: {left.num_rows} rows / {right.num_rows} rows")
        if left.schema != right.schema:
            print(f"  schemas differ:\n{left.schema}\n---\n{right.schema}")
            return 1
        for name in left.column_names:
            if not left.column(name).equals(right.column(name)):
                print(f"  column {name} differs")
                return 1
    print("same rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
