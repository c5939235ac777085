#!/usr/bin/env python3
"""Filter throughput (MB/s per core, CPU time of one process) for text and code, and keep / drop agreement with
datatrove on the same text documents.

Usage (needs the `bench` extra)::

    python benchmarks/filter_throughput.py [--text-docs 400] [--code-mb 3] [--repeat 3] [--json out.json]

Text documents: the demo corpus's text sources (crawled once into .bench/filter-demo/, git-ignored) plus Debian
HTML documentation under /usr/share/doc (main text by trafilatura), in sorted order. Code: the pyenv CPython 3.11
standard library, files in sorted order up to --code-mb.

Throughput: lemur-data's scorer (signals + rules + PII redaction + decontamination, code routing on, its word
cache emptied before every run) against datatrove 0.10.1's LanguageFilter + GopherRepetitionFilter +
GopherQualityFilter + C4QualityFilter + FineWebQualityFilter, each filter's `filter()` called in a loop (what its
pipeline step does per document). Medians of --repeat runs.

Agreement, on the same documents:
  * per filter: each datatrove filter alone vs the lemur-data rules of that filter, lemur-data's code routing off
    (same text, same rules);
  * chain: the five filters in datatrove's order vs all lemur-data text rules, routing off. datatrove's C4 filter
    rewrites the text (drops lines) before FineWeb sees it; lemur-data never edits text, so the C4 rewrite is undone
    for this comparison. The chain with the rewrite kept is reported too;
  * production: lemur-data with code routing on (its default) vs the datatrove chain, separately for documents
    without code blocks (same input, same rules) and with code blocks (judged on their prose on purpose).

datatrove offline: its LanguageFilter downloads lid.176.bin unless cached; here its model object is handed the
same lid.176.ftz lemur-data uses (quantised; same labels), so both sides run the same model.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any, Callable

import pyarrow as pa

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from lemur_data import assets  # noqa: E402
from lemur_data.quality import langid, recipes, words  # noqa: E402
from lemur_data.quality.decontam import DecontaminationIndex, read_benchmark  # noqa: E402
from lemur_data.quality.pii import PII_TYPES  # noqa: E402
from lemur_data.quality.recipes import RuleSet  # noqa: E402
from lemur_data.quality.scorer import Scorer, ScoringPlan  # noqa: E402
from lemur_data.quality.text_signals import prose_signals, split_prose  # noqa: E402
from lemur_data.schema import DOC_SCHEMA  # noqa: E402

STDLIB = Path("/root/.pyenv/versions/3.11.7/lib/python3.11")
BENCH = REPO / ".bench"
FILTERS = ("language", "gopher_repetition", "gopher_quality", "c4", "fineweb")


def text_documents(limit: int) -> list[str]:
    import pyarrow.dataset as ds  # noqa: PLC0415
    import trafilatura  # noqa: PLC0415

    demo_out = BENCH / "filter-demo"
    if not (demo_out / "docs" / "_manifest.json").exists():
        from lemur_data.cli import main  # noqa: PLC0415

        main(["crawl", str(REPO / "manifests" / "demo.yaml"), "--output", str(demo_out), "--master", "local[2]", "-q"])
    table = ds.dataset(str(demo_out / "docs"), format="parquet", partitioning="hive").to_table(
        columns=["kind", "id", "text"]).sort_by("id")
    docs = [r["text"] for r in table.to_pylist() if r["kind"] == "text"]
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


# -- lemur-data -------------------------------------------------------------------------------------------------
def lemur_scorer(code_settings: dict[str, Any] | None = None, text_settings: dict[str, Any] | None = None) -> Scorer:
    plan = ScoringPlan(recipes.load("code", None, code_settings or {}, {}, "code"),
                       recipes.load("text", None, text_settings or {}, {}, "text"), PII_TYPES, "drop", None)
    items = read_benchmark("humaneval", assets.path("HumanEval.jsonl.gz"), "task_id", ("prompt", "canonical_solution"))
    return Scorer(plan, DecontaminationIndex.build(items, 10, 0.5))


def lemur_run(docs: list[str], kind: str, scorer: Scorer) -> tuple[float, list[bool]]:
    lang = "python" if kind == "code" else "und"
    rows = [dict(id=str(i), kind=kind, source="b", lang=lang, text=t, locator=str(i), repo=None, license=None,
                 size_bytes=len(t.encode()), content_sha256="", signals=None, meta=None) for i, t in enumerate(docs)]
    batches = [pa.RecordBatch.from_pylist(rows[i:i + 256], schema=DOC_SCHEMA) for i in range(0, len(rows), 256)]
    scorer.score(batches[0].slice(0, 2))  # load the models outside the timing
    words.clear_cache()  # NOTE: every run starts with an empty word cache, as a fresh worker does
    t0 = time.process_time()
    kept: list[bool] = []
    for b in batches:
        kept += [r is None for r in scorer.score(b).column("first_reason").to_pylist()]
    return time.process_time() - t0, kept


def lemur_failed_filters(text: str, ruleset: RuleSet, groups: dict[str, set[str]]) -> set[str]:
    """The datatrove filters whose lemur-data rules fail on `text` (code routing off: the text as it is)."""
    sig = prose_signals(text)
    (lang, score), = langid.predict([text], 100_000)
    sig["text.lang_score_v1"] = score
    failed = {r.name for r in ruleset.evaluate(lang, sig)[1] if r.action == "drop"}
    return {f for f, names in groups.items() if failed & names}


def rule_groups(ruleset: RuleSet) -> dict[str, set[str]]:
    names = [r.name for r in ruleset.rules]
    return {
        "language": {"text.language_v1"},
        "gopher_repetition": {n for n in names if n.startswith(("text.gopher_dup_", "text.gopher_top_"))},
        "gopher_quality": {n for n in names if n.startswith("text.gopher_")
                           and not n.startswith(("text.gopher_dup_", "text.gopher_top_"))},
        "c4": {n for n in names if n.startswith("text.c4_")},
        "fineweb": {n for n in names if n.startswith("text.fineweb_")},
    }


# -- datatrove --------------------------------------------------------------------------------------------------
def datatrove_filters() -> dict[str, Any]:
    from datatrove.pipeline.filters import (C4QualityFilter, FineWebQualityFilter, GopherQualityFilter,  # noqa: PLC0415
                                            GopherRepetitionFilter, LanguageFilter)
    from fasttext.FastText import _FastText  # noqa: PLC0415

    lang = LanguageFilter(languages=["en"])
    lang.model._model = _FastText(str(langid.model_path()))  # NOTE: the same lid.176.ftz as lemur-data, no download
    return dict(zip(FILTERS, (lang, GopherRepetitionFilter(), GopherQualityFilter(), C4QualityFilter(),
                              FineWebQualityFilter())))


def _passes(f: Any, text: str, i: int) -> tuple[bool, str]:
    from datatrove.data import Document  # noqa: PLC0415

    doc = Document(text=text, id=str(i))
    result = f.filter(doc)
    ok = result is True or (isinstance(result, tuple) and result[0])
    return ok, doc.text if ok else (result[1] if isinstance(result, tuple) else "dropped")


def datatrove_chain(docs: list[str], chain: dict[str, Any], keep_c4_rewrite: bool) -> tuple[float, list[bool]]:
    for f in chain.values():  # warm up (spaCy blank "en" loads on first use)
        _passes(f, docs[0], -1)
    t0 = time.process_time()
    kept = []
    for i, text in enumerate(docs):
        current, ok = text, True
        for f in chain.values():
            ok, out = _passes(f, current, i)
            if not ok:
                break
            if keep_c4_rewrite:
                current = out
        kept.append(ok)
    return time.process_time() - t0, kept


# -- report -----------------------------------------------------------------------------------------------------
def median_run(fn: Callable[[], tuple[float, list[bool]]], repeat: int) -> tuple[float, list[bool]]:
    runs = [fn() for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), runs[0][1]


def agreement(a: list[bool], b: list[bool], idx: list[int]) -> dict[str, Any]:
    same = sum(a[i] == b[i] for i in idx)
    return {"docs": len(idx), "agree": same, "rate": round(same / max(1, len(idx)), 4),
            "kept_lemur": sum(a[i] for i in idx), "kept_datatrove": sum(b[i] for i in idx)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--text-docs", type=int, default=400)
    ap.add_argument("--code-mb", type=float, default=3.0)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", help="also write the result to this file")
    args = ap.parse_args()
    texts = text_documents(args.text_docs)
    text_mb = sum(len(t.encode()) for t in texts) / 1e6
    code = code_documents(args.code_mb)
    code_mb = sum(len(t.encode()) for t in code) / 1e6
    chain = datatrove_filters()
    scorer = lemur_scorer()

    lemur_text_s, lemur_kept = median_run(lambda: lemur_run(texts, "text", scorer), args.repeat)
    dt_text_s, dt_kept = median_run(lambda: datatrove_chain(texts, chain, keep_c4_rewrite=False), args.repeat)
    _, dt_kept_rewrite = datatrove_chain(texts, chain, keep_c4_rewrite=True)
    code_runs = {"default recipe": median_run(lambda: lemur_run(code, "code", scorer), args.repeat)[0]}
    for label, settings in (("whole-file parse", {"tree_sitter_sample_bytes": 0}),
                            ("no tree-sitter", {"tree_sitter": False})):
        variant = lemur_scorer(code_settings=settings)
        code_runs[label] = median_run(lambda v=variant: lemur_run(code, "code", v), args.repeat)[0]

    # Agreement: per filter and chain with routing off, then production (routing on) split by code blocks.
    ruleset = RuleSet(recipes.load("text", None, {}, {}, "text").rules)
    groups = rule_groups(ruleset)
    per_filter: dict[str, Counter] = {f: Counter() for f in FILTERS}
    disagreements: list[dict[str, Any]] = []
    lemur_plain: list[bool] = []
    for i, text in enumerate(texts):
        ours = lemur_failed_filters(text, ruleset, groups)
        lemur_plain.append(not ours)
        for name, f in chain.items():
            theirs_ok, reason = _passes(f, text, i)
            same = theirs_ok == (name not in ours)
            per_filter[name]["agree" if same else "disagree"] += 1
            if not same:
                disagreements.append({"doc": i, "filter": name, "datatrove": reason if not theirs_ok else "kept",
                                      "lemur_failed": sorted(groups[name] & ours)})
    everything = list(range(len(texts)))
    has_code = [split_prose(t).code_blocks > 0 for t in texts]
    with_code = [i for i in everything if has_code[i]]
    without_code = [i for i in everything if not has_code[i]]
    changed = Counter((lemur_kept[i], dt_kept[i]) for i in with_code if lemur_kept[i] != dt_kept[i])
    result = {
        "machine": {"cores": os.cpu_count(), "loadavg": [round(x, 1) for x in os.getloadavg()],
                    "date": time.strftime("%Y-%m-%d")},
        "text": {"docs": len(texts), "mb": round(text_mb, 2),
                 "lemur_mb_s_per_core": round(text_mb / lemur_text_s, 3),
                 "datatrove_mb_s_per_core": round(text_mb / dt_text_s, 3),
                 "speedup": round(dt_text_s / lemur_text_s, 2)},
        "agreement": {
            "per_filter_routing_off": {f: dict(c) for f, c in per_filter.items()},
            "chain_routing_off_c4_rewrite_undone": agreement(lemur_plain, dt_kept, everything),
            "chain_routing_off_c4_rewrite_kept": agreement(lemur_plain, dt_kept_rewrite, everything),
            "production_docs_without_code_blocks": agreement(lemur_kept, dt_kept, without_code),
            "production_docs_with_code_blocks": agreement(lemur_kept, dt_kept, with_code)
            | {"lemur_keeps_datatrove_drops": changed[(True, False)],
               "lemur_drops_datatrove_keeps": changed[(False, True)]},
            "disagreements": disagreements,
        },
        "code": {"docs": len(code), "mb": round(code_mb, 2),
                 "mb_s_per_core": {k: round(code_mb / v, 3) for k, v in code_runs.items()}},
    }
    out = json.dumps(result, indent=2)
    print(out)
    if args.json:
        Path(args.json).write_text(out + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
