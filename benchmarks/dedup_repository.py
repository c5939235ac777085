"""Repository-level near dedup on real successive releases: pairs of releases found / missed.

Each release directory of the gigabyte corpus (`.bench/gigabyte/corpus/files/<project>/<release>/`: PyPI sdists,
npm packages) is taken as one repository; the ground truth is that two releases of the same project are near
duplicates candidates and releases of different projects are not. Per repository, the MinHash of the union of its
files' shingles is the element-wise minimum of the files' signatures (the native kernel the dedup stage uses,
`lemur_data.minhash.signatures`), exactly what `stages/dedup/repository.py` computes in Spark; a pair is found when
it shares an LSH band (the stage's derived bands x rows) and its estimated Jaccard reaches the threshold, as in the
stage's candidate + verify steps. Also reports each same-project pair's exact Jaccard of the union shingle sets, so
"missed" can be read as "truly below the threshold" or "lost by the estimate".

    python benchmarks/dedup_repository.py --root /work/main/.bench/gigabyte/corpus/files --max-mb 16
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
import time
from pathlib import Path

import numpy as np
import pyarrow as pa

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from lemur_data import minhash  # noqa: E402
from lemur_data.config import DedupConfig  # noqa: E402
from lemur_data.stages.dedup import minhash_params  # noqa: E402

MAX_FILE_BYTES = 1 << 20


def release_texts(release: Path) -> list[str]:
    texts = []
    for path in sorted(release.rglob("*")):
        if path.is_file() and not path.is_symlink() and path.stat().st_size <= MAX_FILE_BYTES:
            data = path.read_bytes()
            if b"\0" not in data[:4096]:
                texts.append(data.decode("utf-8", "replace"))
    return texts


def repository_sketch(texts: list[str], params) -> tuple[np.ndarray, set[int]]:
    sig, _ = minhash.signatures(pa.array(texts, pa.large_string()), pa.array(["code"] * len(texts)), params)
    shingles = set()
    for t in texts:
        shingles.update(minhash.shingle_set(t, params.shingling("code")).tolist())
    return sig.min(axis=0), shingles


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", type=Path, required=True)
    ap.add_argument("--max-mb", type=float, default=16, help="skip projects whose releases exceed this size each")
    ap.add_argument("--threshold", type=float, default=0.7)
    args = ap.parse_args()
    cfg = DedupConfig(threshold=args.threshold)
    params = minhash_params(cfg)
    t0 = time.monotonic()
    repos: dict[tuple[str, str], tuple[np.ndarray, set[int], int]] = {}
    total_bytes = 0
    for project in sorted(p for p in args.root.iterdir() if p.is_dir()):
        releases = sorted(r for r in project.iterdir() if r.is_dir())
        sizes = [sum(f.stat().st_size for f in r.rglob("*") if f.is_file() and not f.is_symlink()) for r in releases]
        if len(releases) < 2 or max(sizes) > args.max_mb * 1e6:
            continue
        for release, size in zip(releases, sizes):
            texts = release_texts(release)
            sig, shingles = repository_sketch(texts, params)
            repos[(project.name, release.name)] = (sig, shingles, len(texts))
            total_bytes += size
    keys = sorted(repos)
    bands = {k: minhash.band_keys(repos[k][0][None, :], params)[0] for k in keys}
    rows = []
    for a, b in itertools.combinations(keys, 2):
        candidate = bool(np.any(bands[a] == bands[b]))
        estimate = float(np.mean(repos[a][0] == repos[b][0]))
        sa, sb = repos[a][1], repos[b][1]
        exact = len(sa & sb) / max(1, len(sa | sb))
        rows.append({"a": "/".join(a), "b": "/".join(b), "same_project": a[0] == b[0], "candidate": candidate,
                     "estimate": round(estimate, 4), "exact": round(exact, 4),
                     "found": candidate and estimate >= args.threshold})
    same = [r for r in rows if r["same_project"]]
    other = [r for r in rows if not r["same_project"]]
    result = {
        "repositories": len(keys), "projects": len({k[0] for k in keys}), "bytes": total_bytes,
        "bands_x_rows": f"{params.bands}x{params.rows}", "threshold": args.threshold,
        "same_project_pairs": len(same), "found": sum(r["found"] for r in same),
        "missed": [r for r in same if not r["found"]],
        "same_project_pairs_exact_at_or_above_threshold": sum(r["exact"] >= args.threshold for r in same),
        "missed_with_exact_at_or_above_threshold": sum(r["exact"] >= args.threshold for r in same if not r["found"]),
        "cross_project_pairs": len(other), "cross_project_found": sum(r["found"] for r in other),
        "seconds": round(time.monotonic() - t0, 1), "load_average": os.getloadavg(),
        "pairs": same,
    }
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
