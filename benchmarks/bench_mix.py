"""Mix stage throughput (materialize), and the driver-side interleave at the Lemur scale (90B tokens).

    python benchmarks/bench_mix.py

On the benchmark corpus of bench_tokenize.py (crawled and tokenized first if needed, not timed), the mix stage
runs `--repeats` times with --force on local[cores]: a 10:1 plan at seq_len 4096 whose budget takes 98% of the code
tokens (and the text the ratio asks for, at most 4 passes), 2048-row shards. Reported: the stage's wall time and its
parts (interleave / selection / materialize), rows and tokens written per second. Then `mixture.interleave` alone for
the rows of a 90B-token plan at seq_len 4096 (21.97M rows over 12 sources in 2 groups), which the driver runs once
per build.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from fractions import Fraction
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tokmix_corpus import BENCH, REPO, build, crawl_upstream  # noqa: E402

from lemur_data import mixture  # noqa: E402
from lemur_data.config import load_manifest  # noqa: E402
from lemur_data.runner import run_stage  # noqa: E402
from lemur_data.stage import RunContext  # noqa: E402
from lemur_data.spark import get_session  # noqa: E402
from lemur_data.stages import STAGES  # noqa: E402

SEQ_LEN = 4096


def mix_manifest(base: Path, tokenize_manifest: dict) -> Path:
    """The benchmark dataset with a feasible 10:1 plan: 98% of the code tokens, the text as the ratio needs."""
    by_kind = {"code": 0, "text": 0}
    for e in tokenize_manifest["tokenizer"]["by_source"]:
        by_kind[e["kind"]] += e["tokens"]
    budget = min(by_kind["code"] * 11 / 10, by_kind["text"] * 4 * 11) * 0.98
    raw = yaml.safe_load(base.read_text())
    raw["mix"] = {"budget_tokens": int(budget // SEQ_LEN * SEQ_LEN), "seq_len": SEQ_LEN, "shard_rows": 2048,
                  "row_group_rows": 1024, "max_repetition": 4}
    path = BENCH / "dataset-mix.yaml"
    path.write_text(yaml.safe_dump(raw, sort_keys=False))
    return path


def lemur_scale_interleave() -> dict:
    """Interleave of 90B tokens / 4096 = 21.97M rows: 10 code and 2 text sources at 10:1."""
    rows = 90_000_000_000 // SEQ_LEN
    code, text = mixture.hamilton(rows, [Fraction(10), Fraction(1)])
    code_sources = mixture.hamilton(code, [Fraction(w) for w in (30, 20, 12, 10, 8, 6, 5, 4, 3, 2)])
    text_sources = mixture.hamilton(text, [Fraction(w) for w in (3, 1)])
    t0 = time.perf_counter()
    seq = mixture.interleave(code_sources + text_sources, [0] * 10 + [1] * 2)
    seconds = time.perf_counter() - t0
    return {"rows": rows, "sources": 12, "seconds": round(seconds, 1), "rows_per_s": round(rows / seconds),
            "worst_1024_row_window_code_rows_off": round(mixture.window_deviation(seq, list(range(10)),
                                                                                  code / rows, 1024), 3)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--text-mb", type=int, default=60)
    ap.add_argument("--versions", default="3.10,3.11,3.12,3.13")
    ap.add_argument("--skip-lemur-interleave", action="store_true")
    args = ap.parse_args()
    os.environ.setdefault("LEMUR_SPARK_UI", "0")
    cores = os.cpu_count() or 1
    base = build(tuple(args.versions.split(",")), args.text_mb)
    spark = get_session(master=f"local[{cores}]", app_name="bench-mix")
    cfg = load_manifest(base)
    for name in ("crawl", "tokenize"):
        m = run_stage(STAGES[name], crawl_upstream(cfg, _spark=spark))
    cfg = load_manifest(mix_manifest(base, m))
    runs = []
    for i in range(args.repeats):
        t0 = time.perf_counter()
        mix = run_stage(STAGES["mix"], RunContext(cfg, STAGES, force=True, _spark=spark))
        wall = time.perf_counter() - t0
        failed = [c["check"] for c in mix["validation"] if not c["passed"]]
        assert not failed, failed
        x = mix["mixture"]
        runs.append({"wall_s": round(wall, 2), **mix["timings"], "rows_per_s": round(x["rows"] / wall, 1),
                     "tokens_per_s": round(x["tokens"] / wall)})
        print(f"  run {i + 1}: {wall:.1f}s, {x['rows'] / wall:.1f} rows/s, {x['tokens'] / wall / 1e6:.2f}M tokens/s "
              f"{mix['timings']}", file=sys.stderr)
    spark.stop()
    x = mix["mixture"]
    result = {"date": time.strftime("%Y-%m-%d"), "command": " ".join(["python benchmarks/bench_mix.py", *sys.argv[1:]]),
              "machine": {"cores": cores, "load_avg_at_end": os.getloadavg()},
              "plan": {"rows": x["rows"], "tokens": x["tokens"], "seq_len": x["seq_len"], "shards": x["num_shards"],
                       "ratio": x["ratio"]["achieved"], "docs_in": mix["counts"]["in"]["docs"],
                       "doc_copies": x["stream"]["documents_started"], "pieces": x["stream"]["pieces"]},
              "runs": runs}
    if not args.skip_lemur_interleave:
        result["lemur_interleave"] = lemur_scale_interleave()
        print(f"  interleave at 90B / {SEQ_LEN}: {result['lemur_interleave']}", file=sys.stderr)
    out = REPO / "benchmarks" / "results" / "mix.json"
    out.write_text(json.dumps(result, indent=2) + "\n")
    wall = statistics.median(r["wall_s"] for r in runs)
    print(f"| mix | {x['rows']:,} rows x {x['seq_len']} ({x['tokens'] / 1e6:.1f}M tokens), {x['num_shards']} shards, "
          f"{x['stream']['pieces']:,} pieces | {wall:.1f}s | {x['rows'] / wall:.0f} rows/s | "
          f"{x['tokens'] / wall / 1e6:.2f}M tokens/s |")
    print(f"details: {out.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
