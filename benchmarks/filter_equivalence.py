#!/usr/bin/env python3
"""Same decisions, faster scorer: record every document's signals and keep / drop decision on a fixed real sample,
compare a later run against the record, and measure the scorer's MB/s per core per path.

Usage::

    python benchmarks/filter_equivalence.py record [--sample local|demo|gigabyte]   # .bench/filter-equiv/<sample>-reference.json.gz
    python benchmarks/filter_equivalence.py compare [--sample local|demo|gigabyte]  # exit 1 on any decision / signal change
    python benchmarks/filter_equivalence.py speed [--repeat 3] [--json out.json]
    python benchmarks/filter_equivalence.py profile --kind code|text   # cProfile, top functions by own time
    python benchmarks/filter_equivalence.py breakdown [--every 2]      # CPU seconds per part of the scorer

Samples (built once into .bench/filter-equiv/<sample>-corpus.parquet). `demo`: the demo manifest's crawled
documents (real kinds, sources and languages). `local`, spread evenly over the sorted files of these trees:
code - the CPython 3.11 standard library of pyenv, Debian's Python packages (/usr/lib/python3/dist-packages),
npm's own JavaScript (/usr/lib/node_modules/npm), C headers (/usr/include); language from the file
name as the crawl detects it. Text - Debian's HTML documentation under /usr/share/doc (main text by trafilatura,
as the crawl extracts it) and its plain-text README / Markdown / text files. `gigabyte`: every 20th document the
gigabyte benchmark crawled from its 1 GB subset (the filter stage's own input there).

Scorer: the default code and text recipes, PII redaction of every type, HumanEval decontamination (drop), as the
filter stage runs them (`Scorer.score` on 256-document Arrow batches). Speed is the process CPU time of
`Scorer.score` (not wall time: the machine may be shared), models loaded before the clock starts, the word cache
emptied before each run as in a fresh worker; MB are UTF-8 bytes of the documents scored.

Compare: decisions (first reason, all reasons, language, meta, redacted text hash) must be identical; signal values
equal up to float noise (relative 1e-9); the same signal names per document.
"""

from __future__ import annotations

import argparse
import cProfile
import glob
import gzip
import hashlib
import json
import math
import pstats
import statistics
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from lemur_data import assets  # noqa: E402
from lemur_data.quality import recipes, words  # noqa: E402
from lemur_data.quality.decontam import DecontaminationIndex, read_benchmark  # noqa: E402
from lemur_data.quality.pii import PII_TYPES  # noqa: E402
from lemur_data.quality.scorer import Scorer, ScoringPlan, _sentencepiece, dedented_prefix  # noqa: E402
from lemur_data.schema import DOC_SCHEMA  # noqa: E402
from lemur_data.sources.languages import detect_language  # noqa: E402

OUT = REPO / ".bench" / "filter-equiv"
CODE_TREES = (  # (glob, at most this many files, at most this many bytes per file)
    ("/root/.pyenv/versions/3.11.7/lib/python3.11/**/*.py", 1500, 1 << 20),
    ("/usr/lib/python3/dist-packages/**/*.py", 700, 1 << 20),
    ("/usr/lib/node_modules/npm/**/*.js", 500, 1 << 20),
    ("/usr/include/**/*.h", 400, 1 << 20),
    ("/root/.pyenv/versions/3.11.7/lib/python3.11/**/*.sh", 100, 1 << 20),
)
TEXT_FILES = ("/usr/share/doc/**/README*", "/usr/share/doc/**/*.md", "/usr/share/doc/**/*.txt")
TEXT_HTML = "/usr/share/doc/**/*.html"
BATCH = 256
REL_TOL = 1e-9


def _spread(paths: list[str], limit: int) -> list[str]:
    """`limit` paths spread evenly over the sorted list (whole trees, not their first directories)."""
    if len(paths) <= limit:
        return paths
    step = len(paths) / limit
    return [paths[int(i * step)] for i in range(limit)]


def build_corpus() -> pa.Table:
    rows: list[dict] = []
    for pattern, limit, max_bytes in CODE_TREES:
        paths = sorted(p for p in glob.glob(pattern, recursive=True) if "site-packages" not in p
                       and Path(p).is_file() and 0 < Path(p).stat().st_size <= max_bytes)
        for path in _spread(paths, limit):
            data = Path(path).read_bytes()
            lang = detect_language(path, data[:256])
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                continue
            if lang:
                rows.append({"kind": "code", "lang": lang, "locator": path, "text": text})
    import trafilatura  # noqa: PLC0415

    for path in sorted(glob.glob(TEXT_HTML, recursive=True)):
        try:
            text = trafilatura.extract(Path(path).read_text(encoding="utf-8"))
        except (UnicodeDecodeError, OSError, ValueError):
            continue
        if text and len(text) > 200:
            rows.append({"kind": "text", "lang": "und", "locator": path, "text": text})
    plain = sorted({p for pattern in TEXT_FILES for p in glob.glob(pattern, recursive=True) if Path(p).is_file()})
    for path in _spread(plain, 300):
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        if len(text) > 200:
            rows.append({"kind": "text", "lang": "und", "locator": path, "text": text})
    return pa.Table.from_pylist(rows)


def demo_corpus() -> pa.Table:
    """The demo manifest's crawled documents (crawled once into .bench/filter-demo/, as filter_throughput.py does)."""
    import pyarrow.dataset as ds  # noqa: PLC0415

    demo_out = REPO / ".bench" / "filter-demo"
    if not (demo_out / "docs" / "_manifest.json").exists():
        from lemur_data.cli import main  # noqa: PLC0415

        main(["crawl", str(REPO / "manifests" / "demo.yaml"), "--output", str(demo_out), "--master", "local[2]", "-q"])
    table = ds.dataset(str(demo_out / "docs"), format="parquet", partitioning="hive").to_table(
        columns=["id", "kind", "source", "lang", "locator", "text"]).sort_by("id")
    return table.drop_columns(["id"])


def gigabyte_corpus() -> pa.Table:
    """Every 20th document (by locator) that the gigabyte benchmark's crawl wrote for its 1 GB subset: the documents
    the filter stage's figures in RESULTS.md come from (run benchmarks/gigabyte.py --sizes 1GB first)."""
    import pyarrow.dataset as ds  # noqa: PLC0415

    docs = REPO / ".bench" / "gigabyte" / "subsets" / "1GB" / "out" / "docs"
    if not (docs / "_manifest.json").exists():
        raise SystemExit(f"{docs} is missing: run python benchmarks/gigabyte.py --sizes 1GB first")
    table = ds.dataset(str(docs), format="parquet", partitioning="hive").to_table(
        columns=["kind", "source", "lang", "locator", "text"]).sort_by("locator")
    return table.take(list(range(0, table.num_rows, 20)))


SAMPLES = {"local": build_corpus, "demo": demo_corpus, "gigabyte": gigabyte_corpus}


def corpus(sample: str) -> pa.Table:
    path = OUT / f"{sample}-corpus.parquet"
    if not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        pq.write_table(SAMPLES[sample](), path)
    return pq.read_table(path)


def scorer() -> Scorer:
    plan = ScoringPlan(recipes.load("code", None, {}, {}, "code"), recipes.load("text", None, {}, {}, "text"),
                       PII_TYPES, "drop", None)
    items = read_benchmark("humaneval", assets.path("HumanEval.jsonl.gz"), "task_id", ("prompt", "canonical_solution"))
    return Scorer(plan, DecontaminationIndex.build(items, 10, 0.5))


def batches(table: pa.Table, kind: str | None = None, every: int = 1) -> list[pa.RecordBatch]:
    """256-document batches of the sample (of one kind; every `every`-th document)."""
    rows = [dict(id=str(i), kind=r["kind"], source=r.get("source") or r["kind"], lang=r["lang"], text=r["text"], locator=r["locator"],
                 repo=None, license=None, size_bytes=len(r["text"].encode()), content_sha256="", signals=None,
                 meta=None)
            for i, r in enumerate(table.to_pylist()) if kind in (None, r["kind"]) and i % every == 0]
    return [pa.RecordBatch.from_pylist(rows[i:i + BATCH], schema=DOC_SCHEMA) for i in range(0, len(rows), BATCH)]


def outcomes(s: Scorer, bs: list[pa.RecordBatch]) -> list[dict]:
    out = []
    for b in bs:
        for r in s.score(b).to_pylist():
            out.append({"locator": r["locator"], "first_reason": r["first_reason"], "reasons": r["reasons"],
                        "lang": r["lang"], "meta": r["meta"], "signals": dict(r["signals"]),
                        "text_sha": hashlib.sha256(r["text"].encode()).hexdigest()})
    return json.loads(json.dumps(out))  # as the record stores it (tuples become lists)


def compare(reference: list[dict], current: list[dict]) -> tuple[list[str], int]:
    """(differences beyond float noise, signal values that are not bit for bit the recorded ones)."""
    problems, inexact = [], 0
    if len(reference) != len(current):
        return [f"{len(current)} documents, reference has {len(reference)}"], 0
    for ref, cur in zip(reference, current):
        loc = ref["locator"]
        for key in ("locator", "first_reason", "reasons", "lang", "meta", "text_sha"):
            if ref[key] != cur[key]:
                problems.append(f"{loc}: {key} {ref[key]!r} -> {cur[key]!r}")
        if set(ref["signals"]) != set(cur["signals"]):
            problems.append(f"{loc}: signal names differ: {sorted(set(ref['signals']) ^ set(cur['signals']))}")
        for name in set(ref["signals"]) & set(cur["signals"]):
            a, b = ref["signals"][name], cur["signals"][name]
            inexact += a != b
            if not math.isclose(a, b, rel_tol=REL_TOL, abs_tol=1e-12):
                problems.append(f"{loc}: {name} {a!r} -> {b!r}")
    return problems, inexact


def speed(table: pa.Table, repeat: int, every: int) -> dict:
    s = scorer()
    s.score(batches(table)[0].slice(0, 4))  # models and grammars load outside the clock
    result = {}
    for kind in ("code", "text"):
        bs = batches(table, kind, every)
        mb = sum(sum(b.column("size_bytes").to_pylist()) for b in bs) / 1e6
        times = []
        for _ in range(repeat):
            words.clear_cache()
            t0 = time.process_time()
            for b in bs:
                s.score(b)
            times.append(time.process_time() - t0)
        cpu = statistics.median(times)
        result[kind] = {"docs": sum(b.num_rows for b in bs), "mb": round(mb, 2), "cpu_s": round(cpu, 2),
                        "mb_s_per_core": round(mb / cpu, 3), "runs_cpu_s": [round(t, 2) for t in times]}
    return result


def breakdown(table: pa.Table, every: int) -> dict:
    """CPU seconds of each part of the scorer per path, each part timed alone over the same documents (cProfile
    inflates Python-heavy parts several times over, so these direct timings are the shares to quote)."""
    from lemur_data.quality import code_signals, langid, pii, text_signals, treesitter  # noqa: PLC0415
    from lemur_data.quality.textstats import CharView, Vocabulary  # noqa: PLC0415

    rows = [r for i, r in enumerate(table.to_pylist()) if i % every == 0]
    s = scorer()
    code_settings = s.plan.code.settings
    out: dict = {}

    def timed(kind: str, part: str, fn, items) -> list:
        t0 = time.process_time()
        results = [fn(x) for x in items]
        out[kind]["parts_cpu_s"][part] = round(time.process_time() - t0, 3)
        return results

    for kind in ("code", "text"):
        docs = [r for r in rows if r["kind"] == kind and len(r["text"]) <= 4_000_000]
        out[kind] = {"docs": len(docs), "mb": round(sum(len(r["text"].encode()) for r in docs) / 1e6, 2),
                     "parts_cpu_s": {}}
        s.score(batches(pa.Table.from_pylist(docs[:4]))[0])  # models and grammars load outside the clock
        words.clear_cache()
        views = timed(kind, "CharView", lambda r: CharView.of(r["text"]), docs)
        timed(kind, "PII redaction", lambda v: pii.redact(v.text, frozenset(PII_TYPES), v), views)
        timed(kind, "decontamination", lambda v: s.index.matches(v.text, v), views)
        if kind == "code":
            timed(kind, "heuristics", lambda rv: code_signals.heuristic_signals(rv[1], rv[0]["lang"]),
                  list(zip(docs, views)))
            parsed = timed(kind, "tree-sitter parse + queries", lambda r: treesitter.analyse(
                r["text"], r["lang"], sample_bytes=code_settings.tree_sitter_sample_bytes,
                max_steps=code_settings.tree_sitter_max_steps, timeout_s=code_settings.tree_sitter_timeout_s,
                comment_chars=code_settings.comment_max_chars), docs)
            out[kind]["tree_sitter_parse_alone_cpu_s"] = _parse_alone_cpu_s(docs, code_settings)
            comments = [p.comments for p in parsed if p is not None and len(p.comments) >= 200]
            timed(kind, "comment language ID (batched)", lambda c: langid.predict(c, 1000), [comments])
            samples = [dedented_prefix(r["text"], code_settings.chars_per_token_sample_chars) for r in docs]
            timed(kind, "chars per token (batched)", lambda x: _sentencepiece().encode(x), [samples])
        else:
            routed = timed(kind, "code routing", lambda r: text_signals.split_prose(r["text"]), docs)
            prose = [r.prose for r in routed]
            toks = timed(kind, "words (cold cache)", words.words, prose)
            vocabs = timed(kind, "vocabulary", Vocabulary, toks)
            timed(kind, "Gopher quality", lambda i: text_signals._gopher_quality(prose[i], toks[i], vocabs[i]),
                  range(len(docs)))
            timed(kind, "Gopher repetition", lambda i: text_signals._gopher_repetition(prose[i], vocabs[i]),
                  range(len(docs)))
            timed(kind, "C4", text_signals._c4, prose)
            timed(kind, "FineWeb", lambda i: text_signals._fineweb(prose[i], toks[i]), range(len(docs)))
            timed(kind, "language ID (batched)", lambda p: langid.predict(p, 100_000), [prose])
        total = sum(out[kind]["parts_cpu_s"].values())
        out[kind]["shares"] = {k: f"{v / total:.0%}" for k, v in out[kind]["parts_cpu_s"].items()}
        out[kind]["parts_mb_s_per_core"] = round(out[kind]["mb"] / total, 3)
    return out


def _parse_alone_cpu_s(docs: list[dict], settings) -> dict:
    """CPU seconds of the tree-sitter parses alone, without the queries: the sample's parse, then the whole file's
    when the sample has an error (as `treesitter.analyse` does). The native floor of the code path; not part of
    the parts' sum."""
    from lemur_data.quality import treesitter  # noqa: PLC0415

    sample_s = reparse_s = 0.0
    reparsed = reparsed_bytes = 0
    for r in docs:
        name = treesitter.grammar_for(r["lang"])
        if name is None:
            continue
        data = r["text"].encode("utf-8")
        sample = treesitter._sample(data, settings.tree_sitter_sample_bytes)
        parser = treesitter._parser(name)
        t0 = time.process_time()
        tree = treesitter._parse(parser, sample, settings.tree_sitter_max_steps, settings.tree_sitter_timeout_s)
        t1 = time.process_time()
        sample_s += t1 - t0
        if treesitter.whole_file_needed(tree, sample, data):
            treesitter._parse(parser, data, settings.tree_sitter_max_steps, settings.tree_sitter_timeout_s)
            reparse_s += time.process_time() - t1
            reparsed, reparsed_bytes = reparsed + 1, reparsed_bytes + len(data)
    return {"sample_parses": round(sample_s, 3), "whole_file_reparses": round(reparse_s, 3),
            "reparsed_docs": reparsed, "reparsed_mb": round(reparsed_bytes / 1e6, 2)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=("record", "compare", "speed", "profile", "breakdown"))
    ap.add_argument("--sample", choices=sorted(SAMPLES), default="local",
                    help="local: the trees listed above; demo: the demo manifest's crawled documents; gigabyte: "
                         "every 20th crawled document of the gigabyte benchmark's 1 GB subset")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--kind", choices=("code", "text"), default="code")
    ap.add_argument("--every", type=int, default=1, help="speed, profile: every N-th document only")
    ap.add_argument("--json", help="speed: also write the result to this file")
    args = ap.parse_args()
    table = corpus(args.sample)
    ref_path = OUT / f"{args.sample}-reference.json.gz"
    if args.mode == "record":
        ref_path.write_bytes(gzip.compress(json.dumps(outcomes(scorer(), batches(table))).encode()))
        print(f"recorded {table.num_rows} documents into {ref_path}")
    elif args.mode == "compare":
        reference = json.loads(gzip.decompress(ref_path.read_bytes()))
        problems, inexact = compare(reference, outcomes(scorer(), batches(table)))
        kept = sum(r["first_reason"] is None for r in reference)
        print(f"{len(reference)} documents ({kept} kept in the reference): {len(problems)} differences, "
              f"{inexact} signal values not bit-identical")
        for p in problems[:50]:
            print("  " + p)
        return 1 if problems else 0
    elif args.mode == "speed":
        result = {"clock": "process CPU time", "date": time.strftime("%Y-%m-%d"), **speed(table, args.repeat, args.every)}
        out = json.dumps(result, indent=2)
        print(out)
        if args.json:
            Path(args.json).write_text(out + "\n")
    elif args.mode == "breakdown":
        print(json.dumps(breakdown(table, args.every), indent=2))
    else:
        s = scorer()
        bs = batches(table, args.kind, args.every)
        s.score(bs[0].slice(0, 4))
        words.clear_cache()
        prof = cProfile.Profile(time.process_time)
        prof.enable()
        for b in bs:
            s.score(b)
        prof.disable()
        for order in ("tottime", "cumulative"):
            pstats.Stats(prof).sort_stats(order).print_stats(40)
    return 0


if __name__ == "__main__":
    sys.exit(main())
