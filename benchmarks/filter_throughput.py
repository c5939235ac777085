#!/usr/bin/env python3
"""Filter throughput (MB/s per core, CPU time of one process) for code and text, and agreement with datatrove.

Usage::

    python benchmarks/filter_throughput.py [--text-docs 400] [--code-mb 8] [--repeat 3]

Text documents: the demo corpus's text sources (Markdown, reStructuredText, HTML main text, the Rust book WARC,
the RedPajama / RefinedWeb JSONL samples) plus Debian HTML documentation under /usr/share/doc (main text by
trafilatura), all English prose from this machine. Code: the pyenv CPython 3.11 standard library.

The same documents go through (a) lemur-data's scorer (signals + rules + PII + decontamination, code routing on)
and (b) datatrove 0.10.1's LanguageFilter + GopherRepetitionFilter + GopherQualityFilter + C4QualityFilter +
FineWebQualityFilter, each filter's `filter()` called in a loop (what its pipeline step does per document).

datatrove offline: its LanguageFilter downloads lid.176.bin unless cached; here its model object is handed the
same lid.176.ftz lemur-data uses (quantised; same labels), so both sides run the same model. datatrove's C4 filter
rewrites the text (drops lines) before FineWeb sees it; lemur-data never edits text, so for the agreement the C4
rewrite is undone (FineWeb sees the original text, as in lemur-data). Agreement is reported on all documents and
on those without code blocks (where the rules are the same: lemur-data judges code-bearing documents on prose).
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import statistics
import sys
import time
from pathlib import Path

import pyarrow as pa

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from lemur_data.quality import recipes  # noqa: E402
from lemur_data.quality.pii import PII_TYPES  # noqa: E402
from lemur_data.quality.scorer import Scorer, ScoringPlan  # noqa: E402
from lemur_data.quality.text_signals import split_prose  # noqa: E402
from lemur_data.schema import DOC_SCHEMA  # noqa: E402

STDLIB = Path("/root/.pyenv/versions/3.11.7/lib/python3.11")


def text_documents(limit: int) -> list[str]:
    import pyarrow.dataset as ds  # noqa: PLC0415
    import trafilatura  # noqa: PLC0415

    docs: list[str] = []
    demo_out = REPO / ".bench" / "filter-demo-docs"
    if not demo_out.exists():
        from lemur_data.cli import main  # noqa: PLC0415

        main(["crawl", str(REPO / "manifests" / "demo.yaml"), "--output", str(demo_out.parent / "filter-demo"),
              "--master", "local[2]", "-q"])
        os.symlink(demo_out.parent / "filter-demo" / "docs", demo_out)
    table = ds.dataset(str(demo_out), format="parquet", partitioning="hive").to_table(columns=["kind", "text"])
    docs += [r["text"] for r in table.to_pylist() if r["kind"] == "text"]
    for path in sorted(glob.glob("/usr/share/doc/**/*.html", recursive=True)):
        if len(docs) >= limit:
            break
        try:
            extracted = trafilatura.extract(Path(path).read_text(encoding="utf-8", errors="strict"))
        except (UnicodeDecodeError, OSError, ValueError):
            continue
        if extracted and len(extracted) > 500:
            docs.append(extracted)
    return docs[:limit]


def code_documents(megabytes: float) -> list[str]:
    docs, size = [], 0
    for path in sorted(STDLIB.rglob("*.py")):
        if "site-packages" in path.parts:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        docs.append(text)
        size += len(text.encode())
        if size >= megabytes * 1e6:
            break
    return docs


def lemur_scorer(kind: str) -> tuple[Scorer, list]:
    from lemur_data.quality.decontam import DecontaminationIndex, read_benchmark  # noqa: PLC0415
    from lemur_data import assets  # noqa: PLC0415

    plan = ScoringPlan(recipes.load("code", None, {}, {}, "code"), recipes.load("text", None, {}, {}, "text"),
                       PII_TYPES, "drop", None)
    items = read_benchmark("humaneval", assets.path("HumanEval.jsonl.gz"), "task_id", ("prompt", "canonical_solution"))
    return Scorer(plan, DecontaminationIndex.build(items, 10, 0.5)), []


def lemur_run(docs: list[str], kind: str) -> tuple[float, list[bool]]:
    scorer, _ = lemur_scorer(kind)
    lang = "python" if kind == "code" else "und"
    rows = [dict(id=str(i), kind=kind, source="b", lang=lang, text=t, locator=str(i), repo=None, license=None,
                 size_bytes=len(t.encode()), content_sha256="", signals=None, meta=None) for i, t in enumerate(docs)]
    batches = [pa.RecordBatch.from_pylist(rows[i:i + 256], schema=DOC_SCHEMA) for i in range(0, len(rows), 256)]
    scorer.score(batches[0].slice(0, 2))  # load models outside the timing
    t0 = time.process_time()
    kept: list[bool] = []
    for b in batches:
        kept += [r is None for r in scorer.score(b).column("first_reason").to_pylist()]
    return time.process_time() - t0, kept


def datatrove_run(docs: list[str]) -> tuple[float, list[bool]]:
    from datatrove.data import Document  # noqa: PLC0415
    from datatrove.pipeline.filters import (C4QualityFilter, FineWebQualityFilter, GopherQualityFilter,  # noqa: PLC0415
                                            GopherRepetitionFilter, LanguageFilter)
    from fasttext.FastText import _FastText  # noqa: PLC0415

    from lemur_data.quality.langid import model_path  # noqa: PLC0415

    lang = LanguageFilter(languages=["en"])
    lang.model._model = _FastText(str(model_path()))  # NOTE: the same lid.176.ftz as lemur-data, no download
    chain = [lang, GopherRepetitionFilter(), GopherQualityFilter(), C4QualityFilter(), FineWebQualityFilter()]
    for f in chain:  # warm up (spaCy blank "en" loads on first use)
        f.filter(Document(text=docs[0], id="w"))
    t0 = time.process_time()
    kept = []
    for i, text in enumerate(docs):
        doc = Document(text=text, id=str(i))
        ok = True
        for f in chain:
            result = f.filter(doc)
            doc.text = text  # NOTE: undo C4's line removal (lemur-data never edits text; see module doc)
            if not (result is True or (isinstance(result, tuple) and result[0])):
                ok = False
                break
        kept.append(ok)
    return time.process_time() - t0, kept


def median_run(fn, repeat: int):
    runs = [fn() for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), runs[0][1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--text-docs", type=int, default=400)
    ap.add_argument("--code-mb", type=float, default=8.0)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    texts = text_documents(args.text_docs)
    text_mb = sum(len(t.encode()) for t in texts) / 1e6
    code = code_documents(args.code_mb)
    code_mb = sum(len(t.encode()) for t in code) / 1e6
    lemur_text_s, lemur_kept = median_run(lambda: lemur_run(texts, "text"), args.repeat)
    dt_text_s, dt_kept = median_run(lambda: datatrove_run(texts), args.repeat)
    lemur_code_s, code_kept = median_run(lambda: lemur_run(code, "code"), args.repeat)
    plain = [i for i, t in enumerate(texts) if split_prose(t).code_blocks == 0]
    agree_all = sum(a == b for a, b in zip(lemur_kept, dt_kept)) / len(texts)
    agree_plain = sum(lemur_kept[i] == dt_kept[i] for i in plain) / max(1, len(plain))
    result = {
        "machine": {"cores": os.cpu_count(), "loadavg": os.getloadavg()},
        "text": {"docs": len(texts), "mb": round(text_mb, 2),
                 "lemur_mb_s_per_core": round(text_mb / lemur_text_s, 3),
                 "datatrove_mb_s_per_core": round(text_mb / dt_text_s, 3),
                 "speedup": round(dt_text_s / lemur_text_s, 2),
                 "kept_lemur": sum(lemur_kept), "kept_datatrove": sum(dt_kept),
                 "agreement_all": round(agree_all, 4),
                 "docs_without_code_blocks": len(plain), "agreement_without_code_blocks": round(agree_plain, 4)},
        "code": {"docs": len(code), "mb": round(code_mb, 2), "lemur_mb_s_per_core": round(code_mb / lemur_code_s, 3),
                 "kept": sum(code_kept)},
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
