#!/usr/bin/env python3
"""The filter's scorer alone on a gigabyte subset's whole filter input: how much of the stage's CPU is scoring.

    python benchmarks/filter_scorer_share.py 1GB      # after benchmarks/gigabyte.py --sizes 1GB

One process, the stage's own plan and decontamination index (from the subset's dataset.yaml), every crawled file in
upstream order in 1,024-row batches, the memo of scored texts in a temporary folder (so copies are not rescored, as
in the stage). Prints process CPU seconds for reading and for scoring; compare with the stage's CPU seconds in the
gigabyte results (cpu_s): the difference is the stage's reading, Arrow conversions, shuffle and Parquet write.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

import pyarrow.parquet as pq

from lemur_data.config import load_manifest
from lemur_data.quality.scorer import Scorer
from lemur_data.quality.signal_memo import SignalMemo
from lemur_data.stages.filter import decontamination_index, scoring_plan

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gigabyte  # noqa: E402 - the benchmark folder is not a package


def main() -> int:
    size = sys.argv[1] if len(sys.argv) > 1 else "1GB"
    root = gigabyte.subset_folder(size)
    cfg = load_manifest(root / "dataset.yaml")
    plan, _ = scoring_plan(cfg)
    index, _ = decontamination_index(cfg, plan)
    crawl = json.loads((root / "out" / "docs" / "_manifest.json").read_text())
    files = [f["path"] for f in crawl["outputs"]["files"] if f["path"].startswith("docs/")]
    read_s = score_s = 0.0
    docs = 0
    with tempfile.TemporaryDirectory() as memo_dir:
        scorer = Scorer(plan, index, SignalMemo(memo_dir))
        for path in files:
            t0 = time.process_time()
            batches = list(pq.ParquetFile(root / "out" / path).iter_batches(batch_size=1024))
            t1 = time.process_time()
            for batch in batches:
                scorer.score(batch)
                docs += batch.num_rows
            read_s, score_s = read_s + t1 - t0, score_s + time.process_time() - t1
    print(json.dumps({"size": size, "docs": docs, "read_cpu_s": round(read_s, 1), "score_cpu_s": round(score_s, 1),
                      "docs_not_rescored": scorer.stats.memo_docs}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
