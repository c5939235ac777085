#!/usr/bin/env python3
"""The datatrove rule adapter's overhead per document against datatrove's own executor on the same steps
(issue 13). CPU time of this one process (time.process_time), so the figures are per core.

Usage (the `datatrove-text` extra: spaCy for the word tokenizers)::

    python benchmarks/datatrove_adapter.py [--copies 2] [--repeat 3] [--json benchmarks/results/datatrove_adapter.json]

Documents: the demo corpus's real files, no crawl needed: text = the `text/` tree (reStructuredText, Markdown,
HTML read as text) and the two JSON Lines samples; code = the CPython standard-library modules of `code/python`.
`--copies N` repeats the list N times (each copy a distinct document id).

Steps: text = GopherRepetitionFilter, GopherQualityFilter, C4QualityFilter, FineWebQualityFilter, PIIFormatter
(one replacement each, as the adapter requires); code = RegexFilter + PIIFormatter. For each chain, medians of
--repeat runs (one untimed warm-up first, which loads spaCy's blank pipelines on both sides):

* executor: datatrove's LocalPipelineExecutor(tasks=1, workers=1) over a list of Documents (what a datatrove user
  runs on one core: its deep copy of the pipeline, logging and stats files included);
* steps: the same step objects' `run` chained in-process over Documents (no executor): the floor both share;
* adapter: lemur-data's `DatatroveRules.apply` over Arrow record batches of 1,024 rows, with what the filter stage
  adds around it (columns to Python lists, rewritten texts back to an Arrow column).

Overhead per document = (adapter - steps) / documents; ratio = adapter / executor (below 1: not slower per core).
The load average is recorded: on the shared machine these are busy-machine figures.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

import pyarrow as pa

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from lemur_data.quality import recipes  # noqa: E402
from lemur_data.quality.datatrove_rules import DatatroveRules  # noqa: E402

DEMO = REPO / "manifests" / "demo-corpus"
PII = {"email_replacement": "<EMAIL>", "ip_replacement": "<IP>"}
CHAINS = {
    "text": [("GopherRepetitionFilter", {}), ("GopherQualityFilter", {}), ("C4QualityFilter", {}),
             ("FineWebQualityFilter", {}), ("PIIFormatter", PII)],
    "code": [("RegexFilter", {"regex_exp": r"(?i)do not edit|@generated"}), ("PIIFormatter", PII)],
}
BATCH_ROWS = 1024


def documents(kind: str, copies: int) -> list[str]:
    if kind == "code":
        texts = [p.read_text(encoding="utf-8") for p in sorted((DEMO / "code" / "python").rglob("*.py"))]
    else:
        texts = [p.read_text(encoding="utf-8") for p in sorted((DEMO / "text").rglob("*")) if p.is_file()]
        texts += jsonl_texts(DEMO / "jsonl" / "redpajama.jsonl.gz", "text")
        texts += jsonl_texts(DEMO / "jsonl" / "refinedweb.jsonl.zst", "content")
    return texts * copies


def jsonl_texts(path: Path, field: str) -> list[str]:
    import gzip  # noqa: PLC0415

    import zstandard  # noqa: PLC0415

    raw = gzip.open(path) if path.suffix == ".gz" else zstandard.ZstdDecompressor().stream_reader(open(path, "rb"))
    with io.TextIOWrapper(raw, encoding="utf-8") as f:
        return [json.loads(line)[field] for line in f if line.strip()]


def path_of(name: str) -> str:
    module = "formatters" if name.endswith("Formatter") else "filters"
    return f"datatrove.pipeline.{module}.{name}"


def steps(kind: str) -> list[Any]:
    from datatrove.pipeline import filters, formatters  # noqa: PLC0415

    return [getattr(formatters if n.endswith("Formatter") else filters, n)(**a) for n, a in CHAINS[kind]]


def docs_of(texts: list[str]) -> list[Any]:
    from datatrove.data import Document  # noqa: PLC0415

    return [Document(t, str(i)) for i, t in enumerate(texts)]


def run_executor(kind: str, texts: list[str]) -> int:
    from datatrove.executor import LocalPipelineExecutor  # noqa: PLC0415

    kept = []

    def collect(data, rank: int = 0, world_size: int = 1):
        for doc in data:
            kept.append(doc.id)
            yield doc

    with tempfile.TemporaryDirectory() as logs:
        LocalPipelineExecutor([docs_of(texts), *steps(kind), collect], tasks=1, workers=1, logging_dir=logs).run()
    return len(kept)


def run_steps(kind: str, texts: list[str]) -> int:
    data: Any = docs_of(texts)
    for step in steps(kind):
        data = step.run(data)
    return sum(1 for _ in data)


def adapter(kind: str) -> Callable[[list[pa.RecordBatch]], int]:
    rules = tuple(recipes.Rule(name=f"{kind}.dt_{n.lower()}_v1", datatrove={"step": path_of(n), "args": a})
                  for n, a in CHAINS[kind])
    chain = DatatroveRules({kind: rules}, {})

    def run(batches: list[pa.RecordBatch]) -> int:
        kept = 0
        for batch in batches:
            cols = {c: batch.column(c).to_pylist() for c in ("kind", "lang", "source", "text")}
            out = chain.apply(cols["kind"], cols["lang"], cols["source"], cols["text"])
            pa.array(out.texts, pa.large_string())
            kept += sum(1 for failed in out.failed if not failed)
        return kept

    return run


def batches_of(kind: str, texts: list[str]) -> list[pa.RecordBatch]:
    n = len(texts)
    table = pa.table({"kind": [kind] * n, "lang": ["python" if kind == "code" else "und"] * n,
                      "source": ["bench"] * n, "text": pa.array(texts, pa.large_string())})
    return table.to_batches(max_chunksize=BATCH_ROWS)


def cpu(fn: Callable[[], int], repeat: int) -> tuple[float, int]:
    fn()  # warm-up: imports, spaCy pipelines, step construction caches
    times, kept = [], 0
    for _ in range(repeat):
        t0 = time.process_time()
        kept = fn()
        times.append(time.process_time() - t0)
    return statistics.median(times), kept


def measure(kind: str, copies: int, repeat: int) -> dict[str, Any]:
    texts = documents(kind, copies)
    batches = batches_of(kind, texts)
    run_adapter = adapter(kind)
    executor_s, kept_e = cpu(lambda: run_executor(kind, texts), repeat)
    steps_s, kept_s = cpu(lambda: run_steps(kind, texts), repeat)
    adapter_s, kept_a = cpu(lambda: run_adapter(batches), repeat)
    assert kept_e == kept_s == kept_a, (kept_e, kept_s, kept_a)  # same decisions on every side
    n, mb = len(texts), sum(len(t.encode()) for t in texts) / 1e6
    us = {k: round(v / n * 1e6, 1) for k, v in (("executor", executor_s), ("steps", steps_s), ("adapter", adapter_s))}
    return {"kind": kind, "steps": [n for n, _ in CHAINS[kind]], "docs": n, "mb": round(mb, 2), "kept": kept_a,
            "cpu_s": {"executor": round(executor_s, 3), "steps": round(steps_s, 3), "adapter": round(adapter_s, 3)},
            "us_per_doc": us, "adapter_overhead_us_per_doc": round(us["adapter"] - us["steps"], 1),
            "ratio_adapter_to_executor": round(adapter_s / executor_s, 3),
            "mb_per_s_per_core": {k: round(mb / v, 2) for k, v in (("executor", executor_s), ("adapter", adapter_s))}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--copies", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    import datatrove  # noqa: PLC0415
    from importlib.metadata import version  # noqa: PLC0415

    load_before = os.getloadavg()
    results = [measure(kind, args.copies, args.repeat) for kind in ("text", "code")]
    out = {"date": time.strftime("%Y-%m-%d"), "datatrove": getattr(datatrove, "__version__", None) or version("datatrove"),
           "load_average_before": [round(x, 2) for x in load_before],
           "load_average_after": [round(x, 2) for x in os.getloadavg()], "cpu_count": os.cpu_count(),
           "copies": args.copies, "repeat": args.repeat, "results": results}
    text = json.dumps(out, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n")


if __name__ == "__main__":
    main()
