"""Filter: documents -> kept documents with signals under <out>/filtered/, rejected ones under <out>/rejects/.

The driver loads the recipes (validated when the manifest loads, before Spark starts), builds the benchmark
n-gram index and reads the upstream manifest. Executors score documents in batches
(`quality.scorer.Scorer`): signals, rules, decontamination, PII redaction. Each scoring task also writes its
per-rule counts to a small JSON file named by its partition (a retried task rewrites the same file with the same
content); the driver merges them into the manifest's `rules`, `pii` and `decontamination` sections and deletes
them.

NOTE: there is no shuffle. The outputs follow the upstream files (`datasets.write_runs`: a whole file, or a run of
its row groups above `filter.target_file_bytes`): the task that reads a run with pyarrow scores it and writes its
kept and rejected rows in upstream order to `filtered/<rel>` and `rejects/<rel>`, so bytes depend only on the
upstream files, never on cores or partitioning. Ids are unique upstream (the crawl counts a repeated locator as
`duplicate_locator`), so nothing here checks them again. Layout 1 shuffled the scored text into hash buckets sorted
by id: with its JVM round trips, most of the 17% of the stage's CPU that was not scoring (benchmarks/RESULTS.md).
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import pyarrow as pa
import pyarrow.compute as pc

from lemur_data import assets, reasons, storage
from lemur_data.config import ASSET_PREFIX, DatasetManifest, redact_uri
from lemur_data.datasets import WriteRun, main_files, read_unit, unit_numbers, write_runs
from lemur_data.quality import benchmarks, datatrove_rules, langid, recipes
from lemur_data.quality.decontam import DecontaminationIndex, read_benchmark
from lemur_data.quality.pii import PII_TYPES
from lemur_data.quality.scorer import (DECONTAM_RULE, ERROR_RULE, QUALITY_RULE, REJECT_SCHEMA,
                                       QualityModel, Scorer, ScoringPlan, ScoringStats)
from lemur_data.quality.signal_memo import SignalMemo
from lemur_data.stage import Prepared, RunContext
from lemur_data.schema import DOC_SCHEMA
from lemur_data.writer import STATS_DDL, PartFile, TaskStats, WriteResult, collect_stats

log = logging.getLogger(__name__)

# NOTE: the version of how the outputs are cut into files; it enters the stage's input fingerprint, so outputs of
# an older layout are recomputed, never skipped as up to date (run_id hashes the config only, not the code).
# 1: rows shuffled into hash buckets of (folder, kind, source), sorted by id (writer.write_partitioned).
# 2: files follow the upstream files, rows in upstream order, written by the task that scores them.
WRITE_LAYOUT = 2

OUTPUT_DIR = "filtered"
REJECTS_DIR = "rejects"
_STATS_DIR = "_scoring-stats"


@dataclass
class FilterPlan:
    scoring: ScoringPlan
    index: DecontaminationIndex | None
    upstream: dict[str, Any]
    benchmarks: list[dict[str, Any]]
    rule_info: dict[str, dict[str, Any]]


class FilterStage:
    name = "filter"
    dirs = (OUTPUT_DIR, REJECTS_DIR)
    config_keys = ("filter",)

    def prepare(self, ctx: RunContext) -> Prepared:
        previous = ctx.previous_stage(self.name)
        upstream, upstream_sha, uri = ctx.upstream(previous)
        cfg = ctx.cfg
        scoring, rule_info = scoring_plan(cfg)
        index, benchmarks = decontamination_index(cfg, scoring)
        digests = {
            "recipes": [{"kind": k, "recipe": getattr(scoring, k).recipe,
                         "sha256": recipes.file_sha256(getattr(cfg.filter, k).recipe, k)} for k in ("code", "text")],
            "benchmarks": [{"name": b["name"], "sha256": b["sha256"]} for b in benchmarks],
            "models": {"lid": _file_sha256(str(langid.model_path()))}
            | ({"quality": _file_sha256(cfg.filter.quality_model.path)} if cfg.filter.quality_model else {}),
        }
        # datatrove rules: the stage reruns when datatrove's version or a user step's module changes.
        steps = [i["datatrove"] for i in rule_info.values() if "datatrove" in i]
        fingerprint = hashlib.sha256(json.dumps([upstream_sha, digests, f"write-layout {WRITE_LAYOUT}"]
                                                + ([steps] if steps else []),
                                                sort_keys=True).encode()).hexdigest()
        inputs = {"upstream": [{"stage": previous, "uri": redact_uri(uri), "sha256": upstream_sha}], **digests}
        return Prepared(fingerprint, inputs, FilterPlan(scoring, index, upstream, benchmarks, rule_info))

    def execute(self, ctx: RunContext, prepared: Prepared) -> dict[str, Any]:
        plan: FilterPlan = prepared.plan
        cfg, spark, store = ctx.cfg, ctx.spark, ctx.store
        t0 = time.monotonic()
        runs = write_runs(cfg.output, main_files(plan.upstream), cfg.filter.target_file_bytes)
        # Largest runs first, so the last tasks to finish are short ones (names do not depend on this order).
        runs.sort(key=lambda r: -(r.unit.bytes or 0))
        index = spark.sparkContext.broadcast(plan.index) if plan.index is not None else None
        stats_root = ctx.path(OUTPUT_DIR, _STATS_DIR)
        task = _ScoreRunsTask(runs, plan.scoring, index, stats_root, store, cfg.output, job=uuid.uuid4().hex)
        rows = unit_numbers(spark, len(runs)).mapInArrow(task, STATS_DDL).collect()
        result = collect_stats(rows, {})
        stats = _merge_stats(store, stats_root)
        if index is not None:
            index.unpersist()
        return filter_sections(cfg, plan, result, stats, time.monotonic() - t0)


class _ScoreRunsTask:
    """mapInArrow function: write-run numbers in, the writer's stats rows out. A run's upstream row groups are read
    with pyarrow, scored batch by batch and written in upstream order to `filtered/<rel>` and `rejects/<rel>`; the
    text never goes through the JVM. The task's rule counts go to a JSON file at its end. A text that any Python
    worker of the executor scored in the same execution (`job`) is not scored again."""

    def __init__(self, runs: list[WriteRun], plan: ScoringPlan, index: Any, stats_root: str, store: storage.Storage,
                 root: str, job: str) -> None:
        self.runs, self.plan, self.index, self.stats_root = runs, plan, index, stats_root
        self.store, self.root, self.job = store, root, job

    def __call__(self, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        from pyspark import TaskContext  # noqa: PLC0415

        scorer = Scorer(self.plan, self.index.value if self.index is not None else None, SignalMemo.for_job(self.job))
        written = TaskStats()
        for batch in batches:
            for run in batch.column(0).to_pylist():
                self._score_run(self.runs[run], scorer, written)
        # NOTE: named by partition, so a retried or speculative attempt overwrites with identical counts.
        partition = TaskContext.get().partitionId()
        data = json.dumps(scorer.stats.to_json(), sort_keys=True).encode()
        self.store.write_bytes(storage.join(self.stats_root, f"part-{partition:05d}.json"), data)
        yield written.to_batch()

    def _score_run(self, run: WriteRun, scorer: Scorer, written: TaskStats) -> None:
        files: dict[str, PartFile] = {}
        try:
            for table in read_unit(self.store, run.unit, DOC_SCHEMA.names):
                for batch in table.cast(DOC_SCHEMA).to_batches():
                    self._route(scorer.score(batch), run.rel, files, written)
            for dest in sorted(files):
                written.file(files[dest].close())
        except BaseException:
            for part in files.values():  # a failed task leaves no temporary file behind
                part.discard()
            raise

    def _route(self, scored: pa.RecordBatch, rel: str, files: dict[str, PartFile], written: TaskStats) -> None:
        """Count every scored row, and append it to its folder's file (opened at its first row: no empty files)."""
        dests = scored.column("_dest")
        written.count_rows(scored, dests.to_pylist(), scored.column("reason").to_pylist())
        for dest, schema in ((OUTPUT_DIR, DOC_SCHEMA), (REJECTS_DIR, REJECT_SCHEMA)):
            rows = scored.filter(pc.equal(dests, dest))
            if rows.num_rows:
                if dest not in files:
                    files[dest] = PartFile(self.store, self.root, f"{dest}/{rel}", schema)
                files[dest].append(rows)


def scoring_plan(cfg: DatasetManifest) -> tuple[ScoringPlan, dict[str, dict[str, Any]]]:
    """The recipes with the manifest's overrides, plus the stage's own rules; registers every rule as a reason."""
    f = cfg.filter
    code = recipes.load("code", f.code.recipe, f.code.settings, f.code.rules, origin="filter.code")
    text = recipes.load("text", f.text.recipe, f.text.settings, f.text.rules, origin="filter.text")
    quality = None
    if f.quality_model is not None:
        q = f.quality_model
        quality = QualityModel(q.path, q.label, q.min_score, q.action, tuple(q.kinds))
    pii_types = (tuple(f.pii.types or PII_TYPES)) if f.pii.enabled else ()
    decontam = f.decontamination.action if f.decontamination.enabled else None
    own = frozenset(b.name for b in f.decontamination.benchmarks)
    selected = {kind: frozenset(recipe.settings.decontamination) | own for kind, recipe in (("code", code), ("text", text))}
    plan = ScoringPlan(code, text, pii_types, decontam, quality, selected)
    info: dict[str, dict[str, Any]] = {}
    for kind, recipe in (("code", code), ("text", text)):
        steps = {s["rule"]: s for s in datatrove_rules.identities(recipe.rules)}
        for r in recipe.rules:
            if r.enabled or any(o.enabled for o in r.langs.values()):
                info[r.name] = {"kind": kind, "signal": r.signal or r.datatrove.step, "action": r.action,
                                "description": r.description, "min": r.min, "max": r.max,
                                "allow_langs": list(r.allow_langs) if r.allow_langs else None,
                                "langs": {k: v.model_dump(exclude_none=True) for k, v in r.langs.items()}}
                if r.datatrove is not None:
                    info[r.name]["datatrove"] = {**steps[r.name], "args": r.datatrove.args}
    for rule in plan.stage_rules():
        info[rule.name] = {"kind": "any", "signal": rule.signal, "action": rule.action, "min": rule.min,
                           "max": rule.max, "allow_langs": None, "langs": {}, "description": _STAGE_RULES[rule.name]}
    for name, i in info.items():
        category = "error" if name == ERROR_RULE else "skip"
        reasons.register(reasons.Reason(name, category, i["description"] or name))
    return plan, info


_STAGE_RULES = {
    DECONTAM_RULE: "document contains benchmark items (n-gram overlap; item ids in meta decontam_items)",
    QUALITY_RULE: "quality classifier score below min_score",
    ERROR_RULE: "computing the document's signals raised an error (bad input; message in meta filter_error)",
}


def decontamination_index(cfg: DatasetManifest, scoring: ScoringPlan) -> tuple[DecontaminationIndex | None,
                                                                                list[dict[str, Any]]]:
    """One index over every benchmark a recipe selects (registry: quality/benchmarks.py) and the manifest's own
    benchmark files; each manifest entry says which kinds are checked against it."""
    d = cfg.filter.decontamination
    if not d.enabled:
        return None, []
    selected = scoring.decontam_benchmarks or {}
    kinds = {name: [k for k in ("code", "text") if name in selected[k]] for name in sorted(set().union(*selected.values()))}
    files = [(name, benchmarks.get(name).id_field, benchmarks.get(name).text_fields,
              benchmarks.data_path(name, d.paths.get(name)), d.paths.get(name) is None)
             for name in kinds if name in benchmarks.BENCHMARKS]
    files += [(b.name, b.id_field, b.text_fields, _benchmark_file(b.path), b.path.startswith(ASSET_PREFIX))
              for b in d.benchmarks]
    items, described = [], []
    for name, id_field, text_fields, path, bundled in files:
        try:
            items += read_benchmark(name, path, id_field, text_fields)
        except (OSError, ValueError) as exc:
            from lemur_data.config import ConfigError  # noqa: PLC0415

            raise ConfigError(f"filter.decontamination ({name}): {exc}") from None
        described.append({"name": name, "path": f"bundled:{path.name}" if bundled else redact_uri(str(path)),
                          "sha256": _file_sha256(str(path)), "kinds": kinds[name]})
    index = DecontaminationIndex.build(items, d.ngram, d.min_overlap)
    for b in described:
        b.update(index.stats.get(b["name"], {}))
    return index, described


def _benchmark_file(path: str) -> Path:
    return assets.path(path[len(ASSET_PREFIX):]) if path.startswith(ASSET_PREFIX) else Path(path)


def _file_sha256(path: str) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def _merge_stats(store: storage.Storage, root: str) -> ScoringStats:
    stats = ScoringStats()
    for entry in store.list_files(root):
        stats.merge_json(json.loads(store.read_bytes(entry.uri)))
    store.delete_tree(root)
    return stats


# -- manifest sections --------------------------------------------------------------------------------------------
def filter_sections(cfg: DatasetManifest, plan: FilterPlan, result: WriteResult, stats: ScoringStats,
                    spark_s: float) -> dict[str, Any]:
    kept = [{"kind": k.kind, "source": k.source, "lang": k.lang, "docs": docs, "bytes": size}
            for k, (docs, size) in sorted(result.groups.items(), key=lambda kv: _key(kv[0])) if k.dest == OUTPUT_DIR]
    rejected = result.reason_entries()
    up = plan.upstream["counts"]["out"]
    docs_out, bytes_out = sum(e["docs"] for e in kept), sum(e["bytes"] for e in kept)
    docs_dropped = sum(e["docs"] for e in rejected)
    rules = rule_entries(plan.rule_info, stats, cfg.filter.bytes_per_token)
    rows = {d: sum(f.rows for f in result.files if f.path.startswith(d + "/")) for d in (OUTPUT_DIR, REJECTS_DIR)}
    return {
        "counts": {
            "in": {"docs": up["docs"], "bytes": up["bytes"]},
            "out": {"docs": docs_out, "bytes": bytes_out},
            "dropped": {"docs": docs_dropped, "bytes": sum(e["bytes"] for e in rejected)},
            "by_source_lang": kept,
        },
        "reasons": rejected,
        "rules": rules,
        "pii": pii_section(cfg, stats),
        "decontamination": decontamination_section(cfg, plan, stats),
        "outputs": {"dirs": [OUTPUT_DIR, REJECTS_DIR], "files": [f.to_json() for f in result.files],
                    "buckets": result.buckets},
        "fingerprint": result.fingerprint(),
        "validation": [
            _check("every input document is kept or rejected", up["docs"], docs_out + docs_dropped),
            _check("rows written to filtered/ equal documents kept", docs_out, rows[OUTPUT_DIR]),
            _check("rows written to rejects/ equal documents rejected", docs_dropped, rows[REJECTS_DIR]),
            _check("first failing drop rules add up to documents rejected", docs_dropped,
                   sum(r["first_failure"]["docs"] for r in rules)),
            *([_check("datatrove rules failed the documents their steps did not forward (datatrove's own stats)",
                      {r["rule"]: r["datatrove"]["not_forwarded"] for r in rules if "datatrove" in r},
                      {r["rule"]: r["failed"]["docs"] for r in rules if "datatrove" in r})]
              if any("datatrove" in r for r in rules) else []),
        ],
        "timings": {"score_and_write_s": round(spark_s, 3), "docs_not_rescored": stats.memo_docs},
    }


def _key(k: Any) -> tuple[str, ...]:
    return tuple("" if v is None else str(v) for v in (k.dest, k.kind, k.source, k.lang, k.reason))


def rule_entries(info: dict[str, dict[str, Any]], stats: ScoringStats,
                 bytes_per_token: dict[str, float]) -> list[dict[str, Any]]:
    """Per rule, in recipe order: documents and bytes evaluated, failing (dropped or flagged) and rejected first
    by it, per source x language, and an estimate of the tokens in the failing documents."""
    per_rule: dict[str, list[tuple[tuple[str, str, str], list[int]]]] = {}
    for (rule, kind, source, lang), counts in stats.rules.items():
        per_rule.setdefault(rule, []).append(((kind, source, lang), counts))
    out = []
    for name, i in info.items():
        groups = sorted(per_rule.get(name, []))
        total = [sum(c[j] for _, c in groups) for j in range(6)]
        tokens = sum(c[3] / bytes_per_token[kind] for (kind, _, _), c in groups)
        entry = {
            "rule": name, "kind": i["kind"], "signal": i["signal"], "action": i["action"],
            "description": i["description"],
            "thresholds": {k: i[k] for k in ("min", "max", "allow_langs") if i[k] is not None} | (
                {"args": i["datatrove"]["args"]} if "datatrove" in i else {}) | (
                {"langs": i["langs"]} if i["langs"] else {}),
            "evaluated": {"docs": total[0], "bytes": total[1]},
            "failed": {"docs": total[2], "bytes": total[3]},
            "first_failure": {"docs": total[4], "bytes": total[5]},
            "tokens_failed_estimate": int(round(tokens)),
            "by_source_lang": [
                {"kind": kind, "source": source, "lang": lang, "evaluated_docs": c[0], "evaluated_bytes": c[1],
                 "failed_docs": c[2], "failed_bytes": c[3], "first_failure_docs": c[4]}
                for (kind, source, lang), c in groups if c[2] or c[0]
            ],
        }
        if "datatrove" in i:
            entry["datatrove"] = datatrove_section(i["datatrove"], stats.datatrove.get(name, {}))
        out.append(entry)
    return out


def datatrove_section(step: dict[str, Any], counts: dict[str, int]) -> dict[str, Any]:
    """A datatrove rule's step and datatrove's own stats of it, summed over tasks (total, forwarded, dropped, by
    drop reason, and the step's other counters, e.g. an extractor's timeouts)."""
    main = ("total", "forwarded", "dropped")
    # A formatter forwards every document it is given but counts only `total`.
    not_forwarded = 0 if step["role"] == "formatter" else counts.get("total", 0) - counts.get("forwarded", 0)
    return {"step": step["step"], "role": step["role"], "identity": step["identity"],
            **{k: counts.get(k, 0) for k in main}, "not_forwarded": not_forwarded,
            "dropped_by_reason": {k[len("dropped_"):]: v for k, v in sorted(counts.items()) if k.startswith("dropped_")},
            "other": {k: v for k, v in sorted(counts.items()) if k not in main and not k.startswith("dropped_")}}


def pii_section(cfg: DatasetManifest, stats: ScoringStats) -> dict[str, Any]:
    by_type: dict[str, int] = {}
    by_source: dict[str, dict[str, int]] = {}
    for (source, kind), n in sorted(stats.pii.items()):
        by_type[kind] = by_type.get(kind, 0) + n
        by_source.setdefault(source, {})[kind] = n
    return {"enabled": cfg.filter.pii.enabled, "types": list(cfg.filter.pii.types or PII_TYPES),
            "findings": sum(by_type.values()), "by_type": by_type, "by_source": by_source,
            "docs_redacted": sum(stats.pii_docs.values()), "docs_redacted_by_source": dict(stats.pii_docs)}


def decontamination_section(cfg: DatasetManifest, plan: FilterPlan, stats: ScoringStats) -> dict[str, Any]:
    d = cfg.filter.decontamination
    matched = [{"item": item, "docs": n, "examples": stats.decontam_examples.get(item, [])}
               for item, n in sorted(stats.decontam.items(), key=lambda kv: (-kv[1], kv[0]))]
    docs = sum(c[2] for (rule, *_), c in stats.rules.items() if rule == DECONTAM_RULE)
    benches = [b | {"docs_matched": stats.decontam_docs.get(b["name"], 0)} for b in plan.benchmarks]
    return {"enabled": d.enabled, "ngram": d.ngram, "min_overlap": d.min_overlap, "action": d.action,
            "benchmarks": benches, "docs_matched": docs, "items_matched": matched}


def _check(name: str, expected: Any, observed: Any) -> dict[str, Any]:
    return {"check": name, "expected": expected, "observed": observed, "passed": expected == observed}
