"""Crawl throughput on a larger real corpus assembled from this machine, local[2].

    python benchmarks/crawl_bench.py [--repeat 3] [--out .bench/crawl]

Corpus (nothing is committed; paths are read in place):
  code  - the standard libraries of CPython 3.10, 3.11 and 3.12 installed by pyenv (files format)
  text  - the Rust books' HTML (book, reference, cargo, rustc, nomicon, edition guide: text format, trafilatura)
  web   - a WARC.gz the harness writes from the rust-by-example HTML pages (warc format, trafilatura)

Each dataset is crawled `--repeat` times in one Spark session after a warm-up run (Python workers import
trafilatura once); the median of the stage's read-and-write time is reported. MB/s counts the bytes of the files
actually read (listed files minus path-level skips); per core = total / cores. Results go to
benchmarks/results/crawl.json; copy the table into RESULTS.md.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

import yaml
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

REPO = Path(__file__).resolve().parents[1]
RUST_HTML = Path("/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/share/doc/rust/html")
STDLIBS = [Path(f"/root/.pyenv/versions/{v}/lib/python{v.rsplit('.', 1)[0]}") for v in ("3.10.13", "3.11.7", "3.12.1")]
TEXT_BOOKS = ["book", "reference", "cargo", "rustc", "nomicon", "edition-guide"]


def build_warc(out: Path) -> Path:
    path = out / "rust-by-example.warc.gz"
    if path.exists():
        return path
    pages = sorted((RUST_HTML / "rust-by-example").rglob("*.html"))
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        for page in pages:
            rel = page.relative_to(RUST_HTML).as_posix()
            body = page.read_bytes()
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            rec = writer.create_warc_record(f"https://doc.rust-lang.org/{rel}", "response", payload=io.BytesIO(body),
                                            http_headers=http, warc_headers_dict={"WARC-Date": "2026-04-16T00:00:00Z"})
            writer.write_record(rec)
    return path


def datasets(out: Path) -> dict[str, dict]:
    warc = build_warc(out)
    return {
        "code": {"sources": [{"name": f"stdlib-{p.parent.parent.name}", "kind": "code", "format": "files",
                              "path": str(p), "exclude": ["site-packages/*"]} for p in STDLIBS]},
        "text": {"sources": [{"name": f"rust-{b}", "kind": "text", "format": "text", "path": str(RUST_HTML / b)}
                             for b in TEXT_BOOKS]},
        "web": {"sources": [{"name": "rust-by-example", "kind": "text", "format": "warc", "path": str(warc)}]},
    }


def run(name: str, spec: dict, out: Path, repeat: int, spark) -> dict:
    from lemur_data.config import load_manifest
    from lemur_data.runner import run_stage
    from lemur_data.stage import RunContext
    from lemur_data.stages import STAGES

    manifest = out / f"{name}.yaml"
    manifest.write_text(yaml.safe_dump({"name": f"bench-{name}", "output": str(out / f"out-{name}"), **spec}))
    ctx = RunContext(load_manifest(manifest), STAGES, force=True, _spark=spark)
    times, m = [], None
    for _ in range(repeat):
        t0 = time.monotonic()
        m = run_stage(STAGES["crawl"], ctx)
        times.append(time.monotonic() - t0)
    read_bytes = m["counts"]["in"]["bytes"] - sum(
        e["bytes"] for e in m["reasons"]
        if e["reason"] in ("ignored_dir", "vendored_dir", "excluded_by_pattern", "unsupported_extension", "lock_file"))
    stage_s = statistics.median(times)
    cores = spark.sparkContext.defaultParallelism
    return {
        "dataset": name, "files_listed": m["counts"]["in"]["files"], "bytes_read": read_bytes,
        "docs_out": m["counts"]["out"]["docs"], "bytes_out": m["counts"]["out"]["bytes"],
        "stage_s_median": round(stage_s, 2), "stage_s_all": [round(t, 2) for t in times], "cores": cores,
        "mb_per_s": round(read_bytes / 1e6 / stage_s, 2),
        "mb_per_s_per_core": round(read_bytes / 1e6 / stage_s / cores, 2),
        "files_per_s_per_core": round(m["counts"]["in"]["files"] / stage_s / cores, 1),
        "docs_per_s_per_core": round(m["counts"]["out"]["docs"] / stage_s / cores, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", default=str(REPO / ".bench" / "crawl"))
    parser.add_argument("--only", choices=["code", "text", "web"], action="append")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("LEMUR_SPARK_UI", "0")
    from lemur_data.spark import get_session

    spark = get_session(master="local[2]", app_name="crawl-bench")
    specs = datasets(out)
    warm = {"sources": [{"name": "warm", "kind": "text", "format": "text", "path": str(RUST_HTML / "edition-guide")}]}
    run("warmup", warm, out, 1, spark)
    results = [run(name, specs[name], out, args.repeat, spark) for name in (args.only or list(specs))]
    record = {"date": time.strftime("%Y-%m-%d"), "machine": f"{os.cpu_count()} cores, {platform.machine()}, "
              f"python {platform.python_version()}", "spark_master": "local[2]", "results": results}
    dest = REPO / "benchmarks" / "results" / "crawl.json"
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(json.dumps(record, indent=2) + "\n")
    print("| dataset | files | MB read | docs out | stage s (median) | MB/s per core | files/s per core |")
    print("|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['dataset']} | {r['files_listed']:,} | {r['bytes_read'] / 1e6:.1f} | {r['docs_out']:,} | "
              f"{r['stage_s_median']} | {r['mb_per_s_per_core']} | {r['files_per_s_per_core']} |")
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
