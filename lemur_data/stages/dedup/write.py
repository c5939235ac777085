"""Write: one deterministic `write_partitioned` call for `deduped/` (kept documents + cluster_id / cluster_size),
`dedup-removed/` (+ survivor_id and the match kind as the counted reason) and `dedup-index/` (the kept documents'
band keys and signatures, for later runs); then the manifest sections from what was written."""

from __future__ import annotations

from typing import Any, Iterator

import pyarrow as pa
import pyarrow.compute as pc
from pyspark.sql import DataFrame
from pyspark.sql import functions as F

from lemur_data.config import DatasetManifest, DedupConfig
from lemur_data.datasets import ReadUnit
from lemur_data.stage import RunContext
from lemur_data.schema import DOC_SCHEMA, spark_ddl
from lemur_data.stages.dedup.docs import with_documents
from lemur_data.stages.dedup.layout import (DIRS, INDEX_DIR, INDEX_SCHEMA, KEPT_SCHEMA, OUTPUT_DIR, REMOVAL_REASONS,
                                            REMOVED_DIR, REMOVED_SCHEMA)
from lemur_data.stages.dedup.plan import DedupPlan, params_section
from lemur_data.writer import DEST, WriteResult, bucket_counts, write_partitioned


def write(ctx: RunContext, plan: DedupPlan, decisions: DataFrame, sketches: DataFrame, units: list[ReadUnit],
          dcfg: DedupConfig) -> WriteResult:
    """One deterministic write of the three folders: kept and removed documents, and the new index rows."""
    rows = with_documents(decisions, units, ctx.store, list(DOC_SCHEMA.names), _with_decision,
                          spark_ddl(_ROWS_SCHEMA))
    kept = decisions.where(F.col("match_kind").isNull()).select("id")
    index_rows = sketches.join(kept, "id").select(
        "id", "kind", "source", "lang", "locator", "size_bytes", "scope", "exact_key", "n_shingles", "signature",
        F.when(F.col("n_shingles") >= dcfg.min_shingles, F.col("band_keys"))
        .otherwise(F.array().cast("array<bigint>")).alias("band_keys"),
    ).withColumn(DEST, F.lit(INDEX_DIR))
    # NOTE: each folder writes only its own schema's columns, so the union's missing columns (nulls) never land.
    both = rows.unionByName(index_rows, allowMissingColumns=True)
    expected = _expected_bytes(plan.upstream_manifest, plan.params.num_perm)
    return write_partitioned(both, root=ctx.cfg.output, buckets=bucket_counts(expected, dcfg.target_file_bytes),
                             schemas={OUTPUT_DIR: KEPT_SCHEMA, REMOVED_DIR: REMOVED_SCHEMA, INDEX_DIR: INDEX_SCHEMA},
                             store=ctx.store)

# Documents with their decision, as handed to the writer (kept rows have no survivor or match kind).
_ROWS_SCHEMA = pa.schema([f.with_nullable(True) for f in REMOVED_SCHEMA]
                         + [pa.field(DEST, pa.string()), pa.field("reason", pa.string())])


def _with_decision(decided: pa.Table, docs: pa.Table) -> Iterator[pa.RecordBatch]:
    """with_documents function: the documents' DOC columns, their decision, destination folder and reason."""
    docs = docs.select(DOC_SCHEMA.names).cast(DOC_SCHEMA)
    match_kind = decided.column("match_kind")
    dest = pc.if_else(pc.is_null(match_kind), OUTPUT_DIR, REMOVED_DIR)
    columns = [*docs.columns, *(decided.column(c) for c in ("cluster_id", "cluster_size", "survivor_id")), match_kind,
               dest, match_kind]
    yield from pa.Table.from_arrays(columns, schema=_ROWS_SCHEMA).to_batches()


def _expected_bytes(upstream: dict[str, Any], num_perm: int) -> dict[tuple[str, str, str], int]:
    """Expected output bytes per (folder, kind, source), from the upstream manifest: fixes the file counts."""
    out: dict[tuple[str, str, str], int] = {}
    for e in upstream["counts"]["by_source_lang"]:
        for dest, size in ((OUTPUT_DIR, e["bytes"]), (REMOVED_DIR, e["bytes"] // 2),
                           (INDEX_DIR, e["docs"] * 6 * num_perm)):
            key = (dest, e["kind"], e["source"])
            out[key] = out.get(key, 0) + int(size)
    return out


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

