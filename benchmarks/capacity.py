"""The capacity plan of the full lemur-v1 build, computed from the recorded benchmark results (docs/CAPACITY.md).

    python benchmarks/capacity.py [--executors 16,64,256] [--cores-per-executor 4] [--efficiency 0.7]

Every throughput is read from benchmarks/results/*.json; every volume from the lemur-v1 sources (manifests/lemur-v1.yaml comments). Rerun
after the benchmarks are re-run and paste the output into docs/CAPACITY.md.

When benchmarks/results/gigabyte.json holds a measurement (benchmarks/gigabyte.py, not a --validation run), its
smallest and largest sizes give the crawl, filter (code), dedup, tokenize and mix throughputs (marginal rates) and
the largest each stage's shuffle bytes per input byte; `--gigabyte PATH` reads another file (e.g. the validation
run, to check this code path).
"""

from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results"
GB = 1e9
CODE_BPT, TEXT_BPT = 2.65, 3.28  # bytes per Llama-2 token on code / prose (REFERENCE.md; filter.bytes_per_token)
OUTPUT_TOKENS = 90e9

# Raw text entering crawl, per lemur-v1 source: (GB, what it rests on). Code: StarCoderData GB per language or the
# manifest's assumption; text: tokens on the dataset card x the files the manifest's glob selects x bytes/token.
INPUT_GB = {
    "stack-python": (57.0, "StarCoderData"), "stack-sql": (10.0, "assumed"), "stack-shell": (4.0, "assumed"),
    "stack-perl": (2.0, "assumed"), "stack-javascript": (61.6, "StarCoderData"),
    "stack-typescript": (20.0, "assumed"), "stack-java": (82.5, "StarCoderData"), "stack-c": (50.0, "assumed"),
    "stack-cpp": (45.8, "StarCoderData"), "stack-go": (23.0, "assumed"),
    "refinedweb": (10.8 * TEXT_BPT, "100/5534 files x 600B tokens"),
    "rp-common-crawl": (878 / 5 * TEXT_BPT, "1 of 5 dumps x 878B tokens"),
    "rp-c4": (175 * 50 / 1024 * TEXT_BPT, "50/1024 files x 175B tokens"),
    "rp-wikipedia": (24 * TEXT_BPT, "24B tokens"), "rp-book": (26 * TEXT_BPT, "26B tokens"),
    "rp-arxiv": (28 * TEXT_BPT, "28B tokens"), "rp-stackexchange": (20 * TEXT_BPT, "20B tokens"),
    "dm-mathematics": (112e6 * 74 / GB, "112M pairs x 74 bytes"),
}
# Shares kept, as assumed by the manifest's declared_tokens (code: The Stack dedup is pre-cleaned).
FILTER_KEEP = {"code": 0.9, "text": 0.5}
DEDUP_KEEP = {"code": 0.95, "text": 0.85}
AVG_DOC_BYTES = 4_400  # StarCoderData Python: 57.0 GB / 12.86M files; web documents are of the same order
# Measured on the 4x scaling corpus (benchmarks/results/scaling.json run's outputs): stored bytes per text byte /
# per token / per kept document.
STORED = {"docs": 0.35, "filtered": 0.41, "deduped": 0.42, "index_per_doc": 1_800, "tokens_per_token": 1.22,
          "shards_per_token": 1.43, "provenance_per_row": 41}
BANDS, BAND_ROW_BYTES, SKETCH_ROW_BYTES = 42, 90, 1_600  # dedup's band rows (scope, id, band, key) and sketch rows


def _json(name: str) -> dict:
    return json.loads((RESULTS / name).read_text(encoding="utf-8"))


def gigabyte_run(path: Path) -> dict | None:
    """The largest size of a recorded gigabyte benchmark (with the smallest, for marginal rates), or None (no file,
    or a validation run only)."""
    if not path.is_file():
        return None
    report = json.loads(path.read_text(encoding="utf-8"))
    if report.get("validation_only") and path.name == "gigabyte.json":
        return None
    runs = sorted(report["results"], key=lambda r: r["corpus"]["bytes"])
    return {**runs[-1], "smallest": runs[0], "cores": report["cores"], "file": path.name,
            "validation_only": report.get("validation_only", False)}


def gigabyte_rates(run: dict) -> dict[str, tuple[float, str]]:
    """Per-core rates of the largest size; where a smaller size was run too, the marginal rate between the two
    (extra input / extra time: Spark's fixed per-job cost left out, as the plan adds it separately)."""
    where = f"results/{run['file']}" + (" (VALIDATION run, not a measurement)" if run["validation_only"] else "")
    small, cores = run["smallest"], run["cores"]

    def rate(stage: str, key: str, per_core_key: str, scale: float) -> tuple[float, str]:
        a, b = small["stages"][stage], run["stages"][stage]
        if small is not run and b["duration_s"] > a["duration_s"] and b[key] and a[key]:
            marginal = (b[key] - a[key]) / (b["duration_s"] - a["duration_s"]) / cores / scale
            return round(marginal, 3), f"{where}, {stage}, marginal {small['size']} -> {run['size']}"
        return b[per_core_key], f"{where}, {stage}, {run['size']}"

    return {"crawl": rate("crawl", "in_bytes", "mb_per_s_per_core", 1e6),
            "filter_code": rate("filter", "in_bytes", "mb_per_s_per_core", 1e6),
            "dedup_stage": rate("dedup", "in_bytes", "mb_per_s_per_core", 1e6),
            "tokenize": rate("tokenize", "in_bytes", "mb_per_s_per_core", 1e6),
            "mix": rate("mix", "out_tokens", "m_tokens_per_s_per_core", 1e6)}


def throughputs() -> dict[str, tuple[float, str]]:
    """MB/s per core (mix: M tokens/s per core) and the recorded result each rests on."""
    out: dict[str, tuple[float, str]] = {}
    crawl = _json("crawl.json")
    code = next(r for r in crawl["results"] if r["dataset"] == "code")
    out["crawl"] = (code["mb_per_s_per_core"], "results/crawl.json, dataset code (files format, local[2])")
    filt = _json("filter_throughput.json")
    out["filter_code"] = (filt["code"]["mb_s_per_core"]["default recipe"],
                          "results/filter_throughput.json, code, default recipe (tree-sitter included)")
    out["filter_text"] = (filt["text"]["lemur_mb_s_per_core"], "results/filter_throughput.json, text")
    sig = _json("dedup_speed.json")
    task = next(v for k, v in sig["signatures"]["methods"].items() if k.startswith("lemur-data sketch task"))
    out["dedup_sketch"] = (task["mb_per_s_per_core"], "results/dedup_speed.json signatures, sketch task (CPU)")
    s1, s4 = sig["scale"]["1x"], sig["scale"]["4x"]
    cores = sig["machine"]["cores"]
    marginal = (s4["bytes"] - s1["bytes"]) / 1e6 / (s4["dedup_stage_s"] - s1["dedup_stage_s"]) / cores
    out["dedup_stage"] = (round(marginal, 3), "results/dedup_speed.json scale 1x -> 4x, marginal stage time")
    tok = _json("tokenize.json")
    r = tok["results"][0]
    out["tokenize"] = (round(statistics.median(r["stage_mb_s"]) / tok["machine"]["cores"], 3),
                       "results/tokenize.json, stage MB/s (sentencepiece 32k) / cores")
    mix = _json("mix.json")
    per_core = statistics.median(run["tokens_per_s"] for run in mix["runs"]) / mix["machine"]["cores"] / 1e6
    out["mix"] = (round(per_core, 3), "results/mix.json, stage tokens/s / cores (M tokens/s per core)")
    out["interleave_s"] = (mix.get("lemur_interleave", {}).get("seconds", float("nan")),
                           "results/mix.json lemur_interleave (driver, one thread, 90B / 4096)")
    return out


def plan(rates: dict[str, tuple[float, str]], gigabyte: dict | None = None) -> dict:
    code_gb = sum(gb for s, (gb, _) in INPUT_GB.items() if s.startswith("stack-"))
    text_gb = sum(gb for s, (gb, _) in INPUT_GB.items() if not s.startswith("stack-"))
    kept = {"code": code_gb * FILTER_KEEP["code"], "text": text_gb * FILTER_KEEP["text"]}
    deduped = {k: kept[k] * DEDUP_KEEP[k] for k in kept}
    tokens_after_dedup = deduped["code"] * GB / CODE_BPT + deduped["text"] * GB / TEXT_BPT
    docs = (code_gb + text_gb) * GB / AVG_DOC_BYTES
    docs_kept = sum(kept.values()) * GB / AVG_DOC_BYTES
    mb = 1e3  # MB per GB
    core_s = {
        "crawl": (code_gb + text_gb) * mb / rates["crawl"][0],
        "filter": code_gb * mb / rates["filter_code"][0] + text_gb * mb / rates["filter_text"][0],
        "dedup (stage, marginal)": sum(kept.values()) * mb / rates["dedup_stage"][0],
        "dedup (sketch only, lower bound)": sum(kept.values()) * mb / rates["dedup_sketch"][0],
        "tokenize": sum(deduped.values()) * mb / rates["tokenize"][0],
        "mix": OUTPUT_TOKENS / 1e6 / rates["mix"][0],
    }
    shuffle_gb = {
        "crawl": code_gb + text_gb,  # the writer's repartition by kind/source/bucket moves every document once
        "filter": code_gb + text_gb,
        "dedup": 2 * sum(kept.values()) + docs_kept * (BANDS * BAND_ROW_BYTES + SKETCH_ROW_BYTES) / GB,
        "tokenize": 0.0,
        "mix": OUTPUT_TOKENS * 4 / GB,  # selected token lists (int32) at most once
    }
    if gigabyte:  # measured: Spark's shuffle bytes written per input byte of each stage
        per_byte = {k: v.get("shuffle_per_input_byte") or 0.0 for k, v in gigabyte["stages"].items()}
        mix_in = gigabyte["stages"]["mix"]
        per_token = mix_in.get("shuffle_write_bytes", 0) / mix_in["out_tokens"] if mix_in["out_tokens"] else 0.0
        shuffle_gb = {"crawl": (code_gb + text_gb) * per_byte["crawl"],
                      "filter": (code_gb + text_gb) * per_byte["filter"],
                      "dedup": sum(kept.values()) * per_byte["dedup"],
                      "tokenize": sum(deduped.values()) * per_byte["tokenize"],
                      "mix": OUTPUT_TOKENS * per_token / GB}
    storage_gb = {
        "docs/": (code_gb + text_gb) * STORED["docs"],
        "filtered/ + rejects/": (code_gb + text_gb) * STORED["filtered"],
        "deduped/ + dedup-removed/": sum(kept.values()) * STORED["deduped"],
        "dedup-index/": docs_kept * STORED["index_per_doc"] / GB,
        "tokens/": tokens_after_dedup * STORED["tokens_per_token"] / GB,
        "shards/": OUTPUT_TOKENS * STORED["shards_per_token"] / GB,
        "provenance/": OUTPUT_TOKENS / 4096 * STORED["provenance_per_row"] / GB,
    }
    return {"code_gb": code_gb, "text_gb": text_gb, "kept": kept, "deduped": deduped, "docs": docs,
            "tokens_after_dedup": tokens_after_dedup, "core_s": core_s, "shuffle_gb": shuffle_gb,
            "storage_gb": storage_gb}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--executors", default="16,64,256")
    ap.add_argument("--cores-per-executor", type=int, default=4)
    ap.add_argument("--efficiency", type=float, default=0.7, help="share of ideal speed-up a cluster reaches")
    ap.add_argument("--gigabyte", type=Path, default=RESULTS / "gigabyte.json",
                    help="gigabyte benchmark results (default: results/gigabyte.json when it is a measurement)")
    args = ap.parse_args()
    rates = throughputs()
    gigabyte = gigabyte_run(args.gigabyte)
    if gigabyte:
        rates.update(gigabyte_rates(gigabyte))
    p = plan(rates, gigabyte)
    print("| throughput | per core | rests on |\n|---|---|---|")
    for k, (v, src) in rates.items():
        unit = "s" if k == "interleave_s" else ("M tokens/s" if k == "mix" else "MB/s")
        print(f"| {k} | {v:g} {unit} | {src} |")
    print(f"\ninput: code {p['code_gb']:.0f} GB, text {p['text_gb']:.0f} GB (~{p['docs'] / 1e6:.0f}M documents); "
          f"after filter {sum(p['kept'].values()):.0f} GB, after dedup {sum(p['deduped'].values()):.0f} GB "
          f"(~{p['tokens_after_dedup'] / 1e9:.0f}B tokens)\n")
    exe = [int(x) for x in args.executors.split(",")]
    c = args.cores_per_executor
    shuffle_basis = (f"measured per input byte, results/{gigabyte['file']} {gigabyte['size']}" if gigabyte
                     else "estimated")
    print(f"shuffle GB: {shuffle_basis}\n")
    print("| stage | core-hours | " + " | ".join(f"wall h, {n} x {c} cores" for n in exe) + " | shuffle GB |")
    print("|---" * (3 + len(exe)) + "|")
    shuffle_of = {"crawl": "crawl", "filter": "filter", "dedup (stage, marginal)": "dedup", "tokenize": "tokenize",
                  "mix": "mix"}
    total = 0.0
    for stage, cs in p["core_s"].items():
        walls = " | ".join(f"{cs / (n * c * args.efficiency) / 3600:.2f}" for n in exe)
        sh = f"{p['shuffle_gb'][shuffle_of[stage]]:,.0f}" if stage in shuffle_of else "-"
        print(f"| {stage} | {cs / 3600:,.0f} | {walls} | {sh} |")
        if "lower bound" not in stage:
            total += cs
    walls = " | ".join(f"{total / (n * c * args.efficiency) / 3600 + rates['interleave_s'][0] / 3600:.2f}"
                       for n in exe)
    print(f"| **total** (+ driver interleave {rates['interleave_s'][0]:.0f} s) | {total / 3600:,.0f} | {walls} | "
          f"{sum(p['shuffle_gb'].values()):,.0f} |")
    print("\n| output | GB |\n|---|---|")
    for k, v in p["storage_gb"].items():
        print(f"| {k} | {v:,.0f} |")
    print(f"| **total** | {sum(p['storage_gb'].values()):,.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
