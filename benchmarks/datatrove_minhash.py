#!/usr/bin/env python3
"""datatrove 0.10.1's minhash dedup (signature, buckets, cluster) on ROOT/input/docs.jsonl; writes ROOT/edges.json
(pairs of input line numbers that datatrove found as duplicates) and ROOT/timings.json. Used by dedup_quality.py
and dedup_speed.py; a separate script because datatrove's executors need a `__main__` guard.

    python benchmarks/datatrove_minhash.py ROOT
"""

from __future__ import annotations

import json
import struct
import sys
import time
from pathlib import Path

import xxhash
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.dedup.minhash import (MinhashConfig, MinhashDedupBuckets, MinhashDedupCluster,
                                              MinhashDedupSignature)
from datatrove.pipeline.readers import JsonlReader


class Signature(MinhashDedupSignature):
    """datatrove's step with its default xxhash64 fed UTF-8 bytes (its helper passes str, which xxhash 4 rejects)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._hash_func = lambda text: xxhash.xxh64_intdigest(text.encode("utf-8"))


def main(root: Path) -> int:
    config = MinhashConfig()
    timings = {}
    t0 = time.monotonic()
    LocalPipelineExecutor(pipeline=[JsonlReader(str(root / "input")), Signature(str(root / "sigs"), config=config)],
                          tasks=1, workers=1, logging_dir=str(root / "logs/sigs")).run()
    timings["signature_s"] = time.monotonic() - t0
    t0 = time.monotonic()
    LocalPipelineExecutor(pipeline=[MinhashDedupBuckets(str(root / "sigs"), str(root / "buckets"), config=config)],
                          tasks=config.num_buckets, workers=1, logging_dir=str(root / "logs/buckets")).run()
    timings["buckets_s"] = time.monotonic() - t0
    t0 = time.monotonic()
    LocalPipelineExecutor(pipeline=[MinhashDedupCluster(str(root / "buckets"), str(root / "remove"), config=config)],
                          tasks=1, workers=1, logging_dir=str(root / "logs/cluster")).run()
    timings["cluster_s"] = time.monotonic() - t0
    edges = []
    for dups in sorted((root / "buckets").glob("*.dups")):
        data = dups.read_bytes()
        for f1, d1, f2, d2 in struct.iter_unpack("<4I", data):
            edges.append((d1, d2))
    (root / "edges.json").write_text(json.dumps(edges))
    (root / "timings.json").write_text(json.dumps(timings))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
