"""Write: `deduped/` (kept documents + cluster_id / cluster_size), `dedup-removed/` (+ survivor_id and the match kind
as the counted reason) and `dedup-index/` (the kept documents' band keys and signatures, for later runs), with files
that follow the upstream files; then the manifest sections from what was written.

The text is never shuffled: only the per-document decisions (and the kept documents' index columns) go, grouped by
write run, to the task that reads the run's upstream row groups with pyarrow and writes its three files in upstream
order. A write run is a whole upstream file, or, for a file above `dedup.target_file_bytes`, a run of consecutive
row groups (`-rg<first>` in its names); runs are fixed from the upstream manifest alone, so names and bytes do not
depend on partitioning, batching or cores."""

from __future__ import annotations

from typing import Any, Iterator

import pyarrow as pa
import pyarrow.compute as pc
from pyspark.sql import Column, DataFrame
from pyspark.sql import functions as F

from lemur_data import storage
from lemur_data.config import DatasetManifest, DedupConfig
from lemur_data.datasets import ReadUnit, WriteRun, main_files, read_unit, write_runs
from lemur_data.errors import TaskError
from lemur_data.stage import RunContext
from lemur_data.schema import DOC_SCHEMA
from lemur_data.stages.dedup.layout import (DIRS, INDEX_DIR, INDEX_SCHEMA, KEPT_SCHEMA, OUTPUT_DIR, REMOVAL_REASONS,
                                            REMOVED_DIR, REMOVED_SCHEMA)
from lemur_data.stages.dedup.plan import DedupPlan, params_section
from lemur_data.writer import STATS_DDL, PartFile, TaskStats, WriteResult, collect_stats

# What the writing task gets per document besides its upstream row: the decision, and for a kept document the index
# columns the sketch computed (null for removed ones).
_DECISION_COLUMNS = ("id", "cluster_id", "cluster_size", "survivor_id", "match_kind")
_INDEX_FROM_SKETCH = ("scope", "exact_key", "n_shingles", "signature", "band_keys")
_RUN = "_run"
_SCHEMAS = {OUTPUT_DIR: KEPT_SCHEMA, REMOVED_DIR: REMOVED_SCHEMA, INDEX_DIR: INDEX_SCHEMA}


def write(ctx: RunContext, plan: DedupPlan, decisions: DataFrame, sketches: DataFrame, units: list[ReadUnit],
          dcfg: DedupConfig) -> WriteResult:
    """Kept and removed documents and the new index rows, one task per group of write runs."""
    runs = write_runs(ctx.cfg.output, main_files(plan.upstream_manifest), dcfg.target_file_bytes)
    index_columns = sketches.select(
        "id", "scope", "exact_key", "n_shingles", "signature",
        F.when(F.col("n_shingles") >= dcfg.min_shingles, F.col("band_keys"))
        .otherwise(F.array().cast("array<bigint>")).alias("band_keys"))
    kept = F.col("match_kind").isNull()
    rows = decisions.join(index_columns, "id", "left").select(
        *_DECISION_COLUMNS, *(F.when(kept, F.col(c)).alias(c) for c in _INDEX_FROM_SKETCH),
        _run_of_unit(units, runs).alias(_RUN))
    task = _WriteRunsTask(runs, ctx.store, ctx.cfg.output)
    stats = rows.repartition(max(1, len(runs)), _RUN).mapInArrow(task, STATS_DDL).collect()
    return collect_stats(stats, {})


def _run_of_unit(units: list[ReadUnit], runs: list[WriteRun]) -> Column:
    """The write run of each document's read unit (one upstream row group, as the sketch recorded it)."""
    first_run = {(r.unit.path, g): i for i, r in enumerate(runs) for g in range(r.unit.start, r.unit.stop)}
    # NOTE: one literal per upstream row group, as in the read-unit list the sketch tasks already carry; Spark folds
    # it into one constant array.
    lookup = F.array(*(F.lit(first_run[(u.path, u.start)]) for u in units)) if units else F.array().cast("array<int>")
    return F.element_at(lookup, F.col("unit") + 1)


class _WriteRunsTask:
    """mapInArrow: the decisions of some write runs in, the writer's stats rows out."""

    def __init__(self, runs: list[WriteRun], store: storage.Storage, root: str) -> None:
        self.runs, self.store, self.root = runs, store, root

    def __call__(self, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        received = [b for b in batches if b.num_rows]
        stats = TaskStats()
        if received:
            decided = pa.Table.from_batches(received)
            run_column = decided.column(_RUN)
            for run in sorted(pc.unique(run_column).to_pylist()):
                self._write_run(self.runs[run], decided.filter(pc.equal(run_column, run)), stats)
        yield stats.to_batch()

    def _write_run(self, run: WriteRun, decided: pa.Table, stats: TaskStats) -> None:
        docs = pa.concat_tables(read_unit(self.store, run.unit, DOC_SCHEMA.names)).cast(DOC_SCHEMA)
        position = pc.index_in(docs.column("id"), value_set=decided.column("id"))
        # NOTE: every upstream document of the run has exactly one decision and the reverse; a file that lost or
        # gained rows since the sketch read it fails the stage instead of dropping documents from the counts.
        if position.null_count or docs.num_rows != decided.num_rows:
            raise TaskError(f"upstream file changed since the sketch read it: {run.unit.uri} (row groups "
                            f"{run.unit.start}-{run.unit.stop - 1}: {docs.num_rows} documents, "
                            f"{decided.num_rows} decisions); rerun the stage that wrote it with --force")
        decided = decided.take(position)  # upstream order
        is_kept = pc.is_null(decided.column("match_kind"))
        for dest, schema in _SCHEMAS.items():
            mask = pc.invert(is_kept) if dest == REMOVED_DIR else is_kept
            self._write_file(dest, run.rel, _combine(docs, decided, schema).filter(mask), schema, stats)

    def _write_file(self, dest: str, rel: str, table: pa.Table, schema: pa.Schema, stats: TaskStats) -> None:
        reasons = table.column("match_kind").to_pylist() if "match_kind" in schema.names else [None] * table.num_rows
        stats.count_rows(table, [dest] * table.num_rows, reasons)
        if not table.num_rows:
            return  # NOTE: no empty files: a folder has a file for an upstream run only when it has rows from it
        with PartFile(self.store, self.root, f"{dest}/{rel}", schema) as out:
            out.append(table)
            stats.file(out.close())


def _combine(docs: pa.Table, decided: pa.Table, schema: pa.Schema) -> pa.Table:
    """`schema`'s columns, from the upstream row where it has them, else from the decision row (nullable: the
    writer's cast checks the non-null fields after the rows are chosen)."""
    return pa.table({f.name: docs.column(f.name) if f.name in docs.column_names else decided.column(f.name)
                     for f in schema})


def sections(cfg: DatasetManifest, plan: DedupPlan, result: WriteResult, n_in: int, n_short: int,
             verify_stats: dict[str, Any], cc_stats: dict[str, Any], cluster_stats: dict[str, Any],
             timings: dict[str, float], repositories: dict[str, Any] | None = None) -> dict[str, Any]:
    per: dict[tuple[str, str, str], dict[str, int]] = {}
    for k, (docs, size) in result.groups.items():
        if k.dest == INDEX_DIR:
            continue
        e = per.setdefault((k.kind, k.source, k.lang), {"docs_in": 0, "bytes_in": 0, "docs_out": 0, "bytes_out": 0,
                                                        **{r.name: 0 for r in REMOVAL_REASONS}})
        e["docs_in"] += docs
        e["bytes_in"] += size
        if k.dest == OUTPUT_DIR:
            e["docs_out"] += docs
            e["bytes_out"] += size
        elif k.reason:
            e[k.reason] += docs
    by_source_lang = [{"kind": k, "source": s, "lang": lang, **v} for (k, s, lang), v in sorted(per.items())]
    docs_in = sum(e["docs_in"] for e in by_source_lang)
    bytes_in = sum(e["bytes_in"] for e in by_source_lang)
    docs_out = sum(e["docs_out"] for e in by_source_lang)
    bytes_out = sum(e["bytes_out"] for e in by_source_lang)
    removed = {r.name: {"docs": sum(e[r.name] for e in by_source_lang),
                        "bytes": sum(size for k, (_, size) in result.groups.items() if k.reason == r.name)}
               for r in REMOVAL_REASONS}
    files = result.files
    rows_by_dir = {d: sum(f.rows for f in files if f.path.startswith(d + "/")) for d in DIRS}
    inherited = [f.to_json() for f in plan.index_files]
    removed_docs = docs_in - docs_out
    return {
        "counts": {
            "in": {"docs": docs_in, "bytes": bytes_in},
            "out": {"docs": docs_out, "bytes": bytes_out},
            "dropped": {"docs": removed_docs, "bytes": bytes_in - bytes_out},
            "by_source_lang": [{"kind": e["kind"], "source": e["source"], "lang": e["lang"], "docs": e["docs_out"],
                                "bytes": e["bytes_out"]} for e in by_source_lang],
        },
        "reasons": result.reason_entries(),
        "outputs": {"dirs": list(DIRS), "files": [f.to_json() for f in files], "buckets": result.buckets},
        "fingerprint": result.fingerprint(),
        "dedup": {
            "params": params_section(cfg.dedup, plan.params),
            "removed": removed,
            "exact_only_docs": n_short,
            "by_source_lang": by_source_lang,
            "candidates": verify_stats,
            "components": cc_stats,
            "clusters": cluster_stats,
            "index": {"rows": rows_by_dir[INDEX_DIR], "earlier": plan.earlier, "inherited": inherited},
            **({"repositories": repositories} if repositories is not None else {}),
        },
        "validation": [
            _check("documents in = sketched documents", n_in, docs_in),
            _check("documents in = kept + removed", docs_in, docs_out + sum(v["docs"] for v in removed.values())),
            _check("kept documents = clusters with a survivor in this run", docs_out,
                   cluster_stats["clusters"] - cluster_stats["earlier_survivors"]),
            _check("rows written = documents counted", docs_in, rows_by_dir[OUTPUT_DIR] + rows_by_dir[REMOVED_DIR]),
            _check("index rows = kept documents", docs_out, rows_by_dir[INDEX_DIR]),
        ],
        "timings": timings,
    }

def _check(name: str, expected: Any, observed: Any) -> dict[str, Any]:
    return {"check": name, "expected": expected, "observed": observed, "passed": expected == observed}

