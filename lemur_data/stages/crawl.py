"""Crawl: sources -> documents (DOC v1) under <out>/docs/, partitioned by kind / source.

The driver lists every source (cheap: paths and sizes). Code trees (`files`) are cut into runs of consecutive
files (`tree_runs`): one task reads a run and writes its documents as one file, with no shuffle. Text trees
(HTML extraction), archives, tables and WARC files are packed into work units of balanced bytes whose rows go
through the hash-bucket writer (`writer.write_partitioned`), which also finds repeated locators across files.
Either way every skip is counted by name, and the tasks' counts become the manifest.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterator, Sequence

import pyarrow as pa
import pyarrow.compute as pc
from pyspark.sql import functions as F

from lemur_data import storage
from lemur_data.config import CrawlConfig, DatasetManifest, SourceConfig
from lemur_data.schema import DOC_SCHEMA, spark_ddl
from lemur_data.sources import plan_source, read_item
from lemur_data.sources.items import SourcePlan, WorkItem
from lemur_data.sources.records import CRAWL_SCHEMA, to_batches
from lemur_data.stage import Prepared, RunContext
from lemur_data.writer import (DEST, STATS_DDL, PartFile, TaskStats, WriteResult, bucket_counts, collect_stats,
                               write_partitioned)

log = logging.getLogger(__name__)

OUTPUT_DIR = "docs"
# Output layout version, part of the input fingerprint so that outputs of another layout are recomputed, not
# reused. 2: `files` sources write one file per tree run (`tree_runs`) without a shuffle; 1 was
# `write_partitioned`'s id-hash buckets for every source.
WRITE_LAYOUT = 2
# Sources written per tree run: checked-out code, cheap per byte. `text` trees stay on the bucket writer: their HTML
# extraction costs ~100x more per byte than reading, so their files are spread over many small units instead.
TREE_FORMATS = ("files",)
_COUNTED = ["kind", "source", "lang", "reason", "size_bytes", "locator"]
_MAX_ITEMS_PER_UNIT = 4000
_MIN_UNIT_BYTES = 256 << 10
# A reason over this share of a source's records is almost always a setting to fix, so the run says it loudly.
_DOMINANT_SHARE = 0.5
_HINTS = {
    "unknown_language": "map a language column (columns.lang) or the file path (columns.path), or set the source's lang",
    "missing_text": "check columns.text",
    "missing_column": "check the source's columns",
    "unsupported_extension": "check the source's format and path",
}
# Output bytes per input byte, to size the output files before the data is read.
_EXPANSION = {"files": 1.0, "text": 0.5, "archive": 3.0, "parquet": 2.5, "jsonl": 2.0, "warc": 0.3,
              "datatrove": 2.0}


@dataclass(frozen=True)
class CrawlPlan:
    sources: tuple[SourcePlan, ...]
    listing_s: float


class CrawlStage:
    name = "crawl"
    dirs = (OUTPUT_DIR,)
    config_keys = ("name", "seed", "sources", "crawl")

    def prepare(self, ctx: RunContext) -> Prepared:
        t0 = time.monotonic()
        plans = tuple(plan_source(s, ctx.cfg.crawl, ctx.store) for s in ctx.cfg.sources)
        listing_s = time.monotonic() - t0
        for p in plans:
            log.info("crawl: %s: %d files, %.1f MB listed", p.source, len(p.items), p.bytes / 1e6)
        layout = f"write-layout {WRITE_LAYOUT}"
        fingerprint = hashlib.sha256("".join([*(p.fingerprint() for p in plans), layout]).encode()).hexdigest()
        inputs = {"upstream": [], "sources": [_input_entry(ctx.cfg.source(p.source), p) for p in plans]}
        return Prepared(fingerprint, inputs, CrawlPlan(plans, listing_s))

    def execute(self, ctx: RunContext, prepared: Prepared) -> dict[str, Any]:
        plan: CrawlPlan = prepared.plan
        cfg = ctx.cfg
        t0 = time.monotonic()
        trees = [p for p in plan.sources if cfg.source(p.source).format in TREE_FORMATS]
        others = [p for p in plan.sources if cfg.source(p.source).format not in TREE_FORMATS]
        tree_stats = _write_tree_runs(ctx, tree_runs(trees, cfg.crawl)) if trees else []
        if others:
            result = _write_bucketed(ctx, others, tree_stats)
        else:
            result = collect_stats(tree_stats, {})
        return crawl_sections(cfg, plan, result, time.monotonic() - t0)


def _write_bucketed(ctx: RunContext, plans: list[SourcePlan], tree_stats: list) -> WriteResult:
    """Text trees, archives, tables and WARC files: records from anywhere may share a locator, so every document
    goes through the hash-bucket writer (a shuffle by id), which counts a repeated id as `duplicate_locator`. The
    result counts the tree runs' stats rows too."""
    cfg, spark = ctx.cfg, ctx.spark
    units = pack_units([i for p in plans for i in p.items], cfg.crawl, spark.sparkContext.defaultParallelism)
    log.info("crawl: %d work units over %d cores", len(units), spark.sparkContext.defaultParallelism)
    shared = spark.sparkContext.broadcast(units)
    reader = _UnitReader(shared, {s.name: s for s in cfg.sources}, cfg.crawl, ctx.store)
    rows = spark.range(0, len(units), 1, numPartitions=max(1, len(units))).mapInArrow(reader, spark_ddl(CRAWL_SCHEMA))
    rows = rows.withColumn(DEST, F.when(F.col("reason").isNull(), F.lit(OUTPUT_DIR)))
    result = write_partitioned(rows, root=cfg.output, schemas={OUTPUT_DIR: DOC_SCHEMA},
                               buckets=bucket_counts(_expected_bytes(cfg, plans), cfg.crawl.target_file_bytes),
                               store=ctx.store,
                               other_stats=tree_stats)
    shared.unpersist()
    return result


@dataclass(frozen=True)
class TreeRun:
    """Consecutive listed files of one tree source, read and written by one task as output file `index` of `of`."""

    source: str
    index: int
    of: int
    items: tuple[WorkItem, ...]

    def rel(self, kind: str) -> str:
        return f"{OUTPUT_DIR}/kind={kind}/source={self.source}/part-{self.index:05d}-of-{self.of:05d}.parquet"


def tree_runs(plans: list[SourcePlan], crawl: CrawlConfig) -> list[TreeRun]:
    """Each tree source's listing cut into runs of about `target_task_bytes` of files to read.

    NOTE: the cut depends on the listing and the settings only, never on the core count: a run is an output file,
    so the files' names and rows are the same under local[1], local[2] or a cluster.
    """
    runs = []
    for p in plans:
        chunks = _consecutive(p.items, crawl.target_task_bytes)
        runs += [TreeRun(p.source, i, len(chunks), tuple(c)) for i, c in enumerate(chunks)]
    return runs


def _write_tree_runs(ctx: RunContext, runs: list[TreeRun]) -> list:
    """`files` sources without a shuffle: a listed path is unique (repeats are `duplicate_locator` at listing), so
    each task writes the documents of its run as one file, in id order. Returns the tasks' stats rows."""
    spark = ctx.spark
    log.info("crawl: %d tree runs over %d cores", len(runs), spark.sparkContext.defaultParallelism)
    shared = spark.sparkContext.broadcast(runs)
    task = _TreeRunWriter(shared, {s.name: s for s in ctx.cfg.sources}, ctx.cfg.crawl, ctx.store, ctx.cfg.output)
    rows = spark.range(0, len(runs), 1, numPartitions=max(1, len(runs))).mapInArrow(task, STATS_DDL).collect()
    shared.unpersist()
    return rows


class _TreeRunWriter:
    """mapInArrow function: run ids in; per run, its files read into documents and skips, the documents written
    as one Parquet file sorted by id; the writer's stats rows out."""

    def __init__(self, runs: Any, sources: dict[str, SourceConfig], crawl: CrawlConfig, store: storage.Storage,
                 root: str):
        self.runs, self.sources, self.crawl, self.store, self.root = runs, sources, crawl, store, root

    def __call__(self, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            for run_id in batch.column(0).to_pylist():
                yield self._write(self.runs.value[run_id])

    def _write(self, run: TreeRun) -> pa.RecordBatch:
        source = self.sources[run.source]
        records = (r for item in run.items for r in read_item(item, source, self.crawl, self.store))
        rows = pa.Table.from_batches(list(to_batches(records)), schema=CRAWL_SCHEMA)
        stats = TaskStats()
        for row in rows.select(_COUNTED).to_pylist():
            stats.count(OUTPUT_DIR if row["reason"] is None else None, row["kind"], row["source"], row["lang"],
                        row["reason"], row["size_bytes"], row["locator"])
        docs = rows.filter(pc.is_null(rows.column("reason"))).sort_by([("id", "ascending")])
        if docs.num_rows:  # NOTE: no empty files: a run whose files were all skipped writes nothing
            with PartFile(self.store, self.root, run.rel(source.kind), DOC_SCHEMA) as out:
                out.append(docs)
                stats.file(out.close())
        return stats.to_batch()


class _UnitReader:
    """mapInArrow function: unit ids in, crawl rows (documents and skips) out."""

    def __init__(self, units: Any, sources: dict[str, SourceConfig], crawl: CrawlConfig, store: storage.Storage):
        self.units, self.sources, self.crawl, self.store = units, sources, crawl, store

    def __call__(self, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            for unit_id in batch.column(0).to_pylist():
                items = self.units.value[unit_id]
                records = (r for item in items for r in read_item(item, self.sources[item.source], self.crawl, self.store))
                yield from to_batches(records)


def pack_units(items: list[WorkItem], crawl: CrawlConfig, parallelism: int) -> list[list[WorkItem]]:
    """Consecutive items grouped into units of about equal bytes: several per core so fast tasks even out."""
    total = sum(i.size for i in items if i.skip is None)
    return _consecutive(items, max(_MIN_UNIT_BYTES, min(crawl.target_task_bytes, total // max(1, 4 * parallelism))))


def _consecutive(items: Sequence[WorkItem], target: int) -> list[list[WorkItem]]:
    """Consecutive items in groups of about `target` bytes to read (skipped items cost nothing) and at most
    `_MAX_ITEMS_PER_UNIT` items."""
    units: list[list[WorkItem]] = []
    current: list[WorkItem] = []
    size = 0
    for item in items:
        cost = item.size if item.skip is None else 0
        if current and (size + cost > target or len(current) >= _MAX_ITEMS_PER_UNIT):
            units.append(current)
            current, size = [], 0
        current.append(item)
        size += cost
    if current:
        units.append(current)
    return units


def _expected_bytes(cfg: DatasetManifest, plans: list[SourcePlan]) -> dict[tuple[str, str, str], int]:
    return {(OUTPUT_DIR, cfg.source(p.source).kind, p.source): int(p.bytes * _EXPANSION[cfg.source(p.source).format])
            for p in plans}


def _input_entry(source: SourceConfig, plan: SourcePlan) -> dict[str, Any]:
    from lemur_data.config import redact_uri  # noqa: PLC0415

    listed_skips: dict[str, int] = {}
    for i in plan.items:
        if i.skip:
            listed_skips[i.skip] = listed_skips.get(i.skip, 0) + 1
    return {"source": source.name, "kind": source.kind, "format": source.format, "uri": redact_uri(source.path),
            "files": len(plan.items), "bytes": sum(i.size for i in plan.items), "fingerprint": plan.fingerprint()}


def crawl_sections(cfg: DatasetManifest, plan: CrawlPlan, result: WriteResult, spark_s: float) -> dict[str, Any]:
    by_source_lang = [
        {"kind": k.kind, "source": k.source, "lang": k.lang, "docs": docs, "bytes": size}
        for k, (docs, size) in result.groups.items() if k.dest == OUTPUT_DIR
    ]
    dropped = result.reason_entries()
    docs_out = sum(e["docs"] for e in by_source_lang)
    bytes_out = sum(e["bytes"] for e in by_source_lang)
    rows_written = sum(f.rows for f in result.files)
    return {
        "counts": {
            "in": {"files": sum(len(p.items) for p in plan.sources), "bytes": sum(i.size for p in plan.sources for i in p.items)},
            "out": {"docs": docs_out, "bytes": bytes_out},
            "dropped": {"docs": sum(e["docs"] for e in dropped), "bytes": sum(e["bytes"] for e in dropped)},
            "by_source_lang": by_source_lang,
        },
        "reasons": dropped,
        "outputs": {"dirs": [OUTPUT_DIR], "files": [f.to_json() for f in result.files], "buckets": result.buckets},
        "fingerprint": result.fingerprint(),
        "validation": [
            _check("rows written equal documents counted", docs_out, rows_written),
            *_tree_accounting_checks(cfg, plan, result),
        ],
        "warnings": _dominant_reasons(plan, result),
        "timings": {"listing_s": round(plan.listing_s, 3), "read_and_write_s": round(spark_s, 3)},
    }


def _dominant_reasons(plan: CrawlPlan, result: WriteResult) -> list[dict[str, Any]]:
    """A warning per source where one named reason took more than half of the source's records (documents plus
    skips): a missing column mapping looks like this (a code JSONL without a language column: almost all
    `unknown_language`)."""
    warnings = []
    for p in plan.sources:
        mine = [(k.reason, docs) for k, (docs, _) in result.groups.items() if k.source == p.source]
        records = sum(docs for _, docs in mine)
        by_reason: Counter[str] = Counter()
        for reason, docs in mine:
            if reason is not None:
                by_reason[reason] += docs
        for reason, docs in sorted(by_reason.items()):
            if docs > _DOMINANT_SHARE * records:
                hint = f"; {_HINTS[reason]}" if reason in _HINTS else ""
                warnings.append({"source": p.source, "reason": reason, "docs": docs, "records": records,
                                 "message": f"source {p.source}: {reason} took {docs:,} of its {records:,} records "
                                            f"({docs / records:.1%}){hint}"})
    return warnings


def _tree_accounting_checks(cfg: DatasetManifest, plan: CrawlPlan, result: WriteResult) -> list[dict[str, Any]]:
    """For file trees, every listed file must come out as exactly one document or one counted skip."""
    checks = []
    for p in plan.sources:
        if cfg.source(p.source).format not in ("files", "text"):
            continue
        seen = sum(docs for k, (docs, _) in result.groups.items() if k.source == p.source)
        checks.append(_check(f"{p.source}: every listed file is a document or a counted skip", len(p.items), seen))
    return checks


def _check(name: str, expected: Any, observed: Any) -> dict[str, Any]:
    return {"check": name, "expected": expected, "observed": observed, "passed": expected == observed}
