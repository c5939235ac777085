"""What verifying upstream files against their manifest costs the stages that read them.

    python benchmarks/bench_upstream_verify.py OUT [--repeats 5] [--json benchmarks/results/upstream_verify.json]

OUT is an output root with committed stages (e.g. after `lemur-data run manifests/demo.yaml --output OUT`). For
each stage that reads an upstream's main output, every read unit the stage plans is read the way its tasks read
it (`datasets.read_unit`, the stage's columns and unit size), once with the manifest's size and sha256 (what the
stages do) and once without; medians of --repeats, in one process, page cache warm. The difference is the price
of the check: sha256 of every file once (in the unit that reads its first row groups) plus, for files cut into
several units, the rest of the file read by that first unit.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from lemur_data import storage  # noqa: E402
from lemur_data.datasets import main_files, read_unit, read_units  # noqa: E402
from lemur_data.manifest import load_path  # noqa: E402

# stage -> (upstream folder, columns read, row groups per unit), as in the stages' code
READS = {
    "filter": ("docs", None, 4),
    "dedup": ("filtered", None, 4),
    "tokenize": ("deduped", ["id", "kind", "source", "lang", "text"], 1),
    "mix": ("tokens", ["doc_id", "tokens"], 1),
}


def _time_reads(store: storage.Storage, units: list, columns: list[str] | None, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for u in units:
            for _table in read_unit(store, u, columns):
                pass
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--json")
    args = ap.parse_args()
    store = storage.Storage()
    rows = []
    for stage, (folder, columns, per_unit) in READS.items():
        upstream = load_path(str(Path(args.out) / folder))
        files = main_files(upstream)
        units = read_units(args.out, files, row_groups_per_unit=per_unit)
        unchecked = [dataclasses.replace(u, bytes=None, sha256=None) for u in units]
        _time_reads(store, units, columns, 1)  # warm the page cache
        checked_s = _time_reads(store, units, columns, args.repeats)
        plain_s = _time_reads(store, unchecked, columns, args.repeats)
        rows.append({"stage": stage, "upstream": folder, "files": len(files), "units": len(units),
                     "bytes": sum(f["bytes"] for f in files), "read_s": round(plain_s, 4),
                     "read_and_verify_s": round(checked_s, 4), "cost_s": round(checked_s - plain_s, 4),
                     "cost_pct_of_read": round(100 * (checked_s - plain_s) / plain_s, 1)})
    for r in rows:
        print(f"{r['stage']:9} {r['files']:4} files {r['bytes'] / 1e6:7.2f} MB  read {r['read_s'] * 1000:7.1f} ms  "
              f"read+verify {r['read_and_verify_s'] * 1000:7.1f} ms  cost {r['cost_s'] * 1000:+6.1f} ms "
              f"({r['cost_pct_of_read']:+.1f}% of the read)")
    if args.json:
        Path(args.json).write_text(json.dumps({"out": args.out, "repeats": args.repeats, "stages": rows}, indent=2)
                                   + "\n")


if __name__ == "__main__":
    main()
