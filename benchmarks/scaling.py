"""How each stage's cost grows with its input: the lemur-mini recipe on 1x, 2x and 4x input, local[2].

    python benchmarks/scaling.py [--scales 1,2,4] [--repeats 1]

Corpora: `make_lemur_mini.build(scale=N)` under .bench/scaling/ (N times as many distinct real files per source;
DM Mathematics and the two LaTeX documents are the same at every scale), each with lemur-mini.yaml's recipe and a
mix budget N times the replica's (440 N rows of 128 tokens, 10:1). One Spark session (local[2]); an untimed
warm-up run at the first scale starts the Python workers and loads the models, so the timed runs measure the
stages, not process start-up. Each stage's wall time is its run manifest's `duration_s` (plus its `timings`
parts); input size is the stage manifest's counts.in (bytes, docs). The load average is recorded before and
after: the machine is shared, so rerun on a quiet one for figures to compare.

Writes benchmarks/results/scaling.json and prints the RESULTS.md table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_lemur_mini  # noqa: E402

from lemur_data.config import load_manifest  # noqa: E402
from lemur_data.runner import run_stage  # noqa: E402
from lemur_data.stage import RunContext  # noqa: E402
from lemur_data.spark import get_session  # noqa: E402
from lemur_data.stages import STAGES  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / ".bench" / "scaling"
MINI = REPO / "manifests" / "lemur-mini.yaml"
RESULTS = REPO / "benchmarks" / "results" / "scaling.json"
MASTER = "local[2]"


def corpus_manifest(scale: int) -> Path:
    """.bench/scaling/x<scale>/: the corpus and a copy of lemur-mini.yaml pointing at it."""
    root = BENCH / f"x{scale}"
    make_lemur_mini.build(root / "lemur-mini", scale)
    raw = yaml.safe_load(MINI.read_text(encoding="utf-8"))
    raw["output"] = str(root / "out")
    raw["mix"]["budget_tokens"] = raw["mix"]["budget_tokens"] * scale
    path = root / "lemur-mini.yaml"
    path.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    return path


def run_once(spark, manifest: Path, out: Path) -> dict[str, dict]:
    if out.exists():
        shutil.rmtree(out)
    ctx = RunContext(load_manifest(manifest, output=str(out)), STAGES, force=True, _spark=spark)
    stages = {}
    for name, stage in STAGES.items():
        m = run_stage(stage, ctx)
        stages[name] = {"duration_s": m["duration_s"], "timings": m.get("timings", {}),
                        "in_docs": m["counts"]["in"].get("docs"), "in_bytes": m["counts"]["in"].get("bytes"),
                        "out_docs": m["counts"]["out"].get("docs"), "out_tokens": m["counts"]["out"].get("tokens")}
    return stages


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--table", action="store_true", help="only print the table of benchmarks/results/scaling.json")
    ap.add_argument("--scales", default="1,2,4")
    ap.add_argument("--repeats", type=int, default=1, help="timed runs per scale (median reported)")
    args = ap.parse_args()
    if args.table:
        print_table(json.loads(RESULTS.read_text(encoding="utf-8")))
        return 0
    scales = [int(s) for s in args.scales.split(",")]
    manifests = {s: corpus_manifest(s) for s in scales}
    load_before = os.getloadavg()
    spark = get_session(master=MASTER, app_name="lemur-data-scaling")
    t0 = time.monotonic()
    run_once(spark, manifests[scales[0]], BENCH / "warmup")
    warmup_s = time.monotonic() - t0
    results = []
    for s in scales:
        runs = [run_once(spark, manifests[s], BENCH / f"x{s}" / "out") for _ in range(args.repeats)]
        stages = {}
        for name in STAGES:
            stages[name] = {**runs[-1][name],
                            "duration_s": round(statistics.median(r[name]["duration_s"] for r in runs), 3),
                            "duration_s_all": [r[name]["duration_s"] for r in runs]}
        results.append({"scale": s, "stages": stages,
                        "pipeline_s": round(sum(v["duration_s"] for v in stages.values()), 3)})
        print(f"x{s}: " + ", ".join(f"{n} {v['duration_s']:.1f}s" for n, v in stages.items()), file=sys.stderr)
    load_after = os.getloadavg()
    spark.stop()
    report = {"date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "master": MASTER,
              "machine": f"{os.cpu_count()} cores, {platform.machine()}, python {platform.python_version()}",
              "load_average_before": [round(x, 2) for x in load_before],
              "load_average_after": [round(x, 2) for x in load_after],
              "warmup_s": round(warmup_s, 1), "repeats": args.repeats, "results": results}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print_table(report)
    return 0


def print_table(report: dict) -> None:
    res = report["results"]

    def size(name: str, st: dict) -> str:
        if name == "mix":  # mix reads the token cache: its input is the tokens it writes
            return f"{st['out_tokens']:,} tokens"
        docs = f" / {st['in_docs']} docs" if st["in_docs"] is not None else ""
        return f"{st['in_bytes'] / 1e6:.2f} MB{docs}"

    def growth(name: str, key: str) -> str:
        key = "out_tokens" if (name, key) == ("mix", "in_bytes") else key
        first, last = res[0]["stages"][name][key], res[-1]["stages"][name][key]
        return f"{last / first:.2f}" if first and last else "-"

    print("| stage | " + " | ".join(f"x{r['scale']} input" for r in res) + " | "
          + " | ".join(f"x{r['scale']} s" for r in res) + f" | input x{res[-1]['scale']} / x{res[0]['scale']} "
          f"| time x{res[-1]['scale']} / x{res[0]['scale']} |")
    print("|---" * (3 + 2 * len(res)) + "|")
    for name in STAGES:
        print(f"| {name} | " + " | ".join(size(name, r["stages"][name]) for r in res) + " | "
              + " | ".join(f"{r['stages'][name]['duration_s']:.1f}" for r in res)
              + f" | {growth(name, 'in_bytes')} | {growth(name, 'duration_s')} |")
    print("| whole pipeline | " + " | ".join("" for _ in res) + " | " + " | ".join(f"{r['pipeline_s']:.1f}" for r in res)
          + f" | | {res[-1]['pipeline_s'] / res[0]['pipeline_s']:.2f} |")


if __name__ == "__main__":
    sys.exit(main())
