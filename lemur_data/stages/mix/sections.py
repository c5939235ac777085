"""The mix manifest's sections (counts, reasons, outputs, mixture, validation) from what the Spark jobs found."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from lemur_data import manifest as mf
from lemur_data import reasons
from lemur_data.config import MixConfig
from lemur_data.mixture import MixPlan
from lemur_data.schema import token_dtype_hint
from lemur_data.stages.mix.shards import PLAN_DIR, PLAN_FILE, PROVENANCE_DIR, SHARDS_DIR

_EXAMPLES = 5


@dataclass(frozen=True)
class MixOutcome:
    """What one mix run's Spark jobs found and wrote."""

    found: dict[int, tuple[int, int]]  # (tokens, docs) per source id in the cache's first pass
    selection: dict[str, Any]  # `selection.selection_stats`
    shards: list[dict[str, Any]]  # one stats dict per shard, in shard order
    interleave: dict[str, Any]
    plan_bytes: bytes
    timings: dict[str, float]
    repository_sources: tuple[str, ...] = ()  # sources whose cached documents are repository documents


def manifest_sections(plan: MixPlan, tok: dict[str, Any], settings: MixConfig, n_shards: int,
                      outcome: MixOutcome) -> dict[str, Any]:
    """`tok` is the tokenize manifest's `tokenizer` section."""
    found, selection, shards = outcome.found, outcome.selection, outcome.shards
    by_id = {s.source_id: s for s in plan.sources}
    written = {sid: 0 for sid in by_id}
    for st in shards:
        for sid, n in st["tokens_by_source"].items():
            written[int(sid)] += n
    tokens_by_group = {g.group: sum(written[s.source_id] for s in plan.sources if s.group == g.group)
                       for g in plan.groups}
    target, achieved = plan.ratio_text(tokens_by_group)
    errors = plan.ratio_errors(tokens_by_group)
    sel_by_source: dict[int, dict[str, int]] = {}
    for r in selection["per_lang"]:
        acc = sel_by_source.setdefault(r["source_id"], {})
        for k in ("copies", "docs", "bytes", "tokens", "not_selected", "not_selected_bytes", "cut_tokens"):
            acc[k] = acc.get(k, 0) + int(r[k] or 0)
    sources = []
    for s in plan.sources:
        sel = sel_by_source.get(s.source_id, {})
        frac = s.partial_tokens / s.available_tokens if s.available_tokens else 0.0
        sources.append({
            "source": s.source, "source_id": s.source_id, "group": s.group, "kind": s.kind,
            "documents": "repository" if s.source in outcome.repository_sources else "file",
            "docs": s.docs, "available_tokens": s.available_tokens, "weight": s.weight,
            "target_tokens": s.target_tokens, "rows": s.rows, "planned_tokens": s.selected_tokens,
            "written_tokens": written[s.source_id], "repetition": s.repetition,
            "max_repetition": s.max_repetition, "full_copies": s.full_copies,
            "partial_fraction": round(frac, 6),
            "threshold": round(selection["thresholds"].get(s.source_id, 1.0 if s.partial_tokens else 0.0), 6),
            "docs_selected": sel.get("docs", 0), "doc_copies": sel.get("copies", 0),
            "docs_not_selected": sel.get("not_selected", 0), "cut_tokens": sel.get("cut_tokens", 0),
        })
    shard_files = [st["file"] for st in shards]
    prov_files = [st["provenance"] for st in shards]
    plan_file = {"path": PLAN_FILE, "rows": len(plan.sources), "bytes": len(outcome.plan_bytes),
                 "sha256": hashlib.sha256(outcome.plan_bytes).hexdigest()}
    total = {k: sum(st[k] for st in shards) for k in
             ("rows", "bad_length_rows", "missing_rows", "mixed_source_rows", "off_plan_rows", "eos", "bos",
              "docs_ended", "docs_started", "pieces")}
    max_token = max((st["max_token_id"] for st in shards), default=-1)
    min_token = min((st["min_token_id"] for st in shards), default=0)
    by_source_lang = [{"kind": by_id[r["source_id"]].kind, "source": by_id[r["source_id"]].source,
                       "lang": r["lang"], "docs": int(r["copies"] or 0), "bytes": int(r["bytes"] or 0),
                       "tokens": int(r["tokens"] or 0)}
                      for r in sorted(selection["per_lang"], key=lambda r: (r["source_id"], r["lang"]))]
    reason_list = _not_selected_reason(plan, tok, sel_by_source, selection["examples"])
    available_total = sum(s.available_tokens for s in plan.sources)
    validation = [
        mf.check("every row has seq_len tokens (rows of another length)", 0, total["bad_length_rows"]),
        mf.check("rows written equal planned rows", plan.rows, total["rows"]),
        mf.check("every seq_idx is present once (missing rows)", 0, total["missing_rows"]),
        mf.check("each row holds one source, as interleaved by the plan (rows off plan)", 0,
                 total["mixed_source_rows"] + total["off_plan_rows"]),
        mf.check("largest token id is below the vocabulary size", f"< {tok['vocab_size']}", max_token,
                 passed=0 <= min_token and max_token < tok["vocab_size"]),
        mf.check("EOS count equals documents ended in the stream", total["docs_ended"], total["eos"]),
        *([mf.check("BOS count equals documents started in the stream", total["docs_started"], total["bos"])]
          if tok["add_bos"] else []),
        *[mf.check(f"ratio {g}:{plan.reference_group.group} within +-{plan.ratio_tolerance:.2%} of the target "
                   f"(achieved {achieved}, target {target})", f"|error| <= {plan.ratio_tolerance}",
                   round(err, 8), passed=abs(err) <= plan.ratio_tolerance) for g, err in errors.items()],
        *[mf.check(f"{s.source}: tokens written equal tokens planned", s.selected_tokens, written[s.source_id])
          for s in plan.sources],
        *[mf.check(f"{s.source}: tokens in the cache equal the tokenize manifest", s.available_tokens,
                   found.get(s.source_id, (0, 0))[0]) for s in plan.sources if s.rows],
        *[mf.check(f"{s.source}: documents in the cache equal the tokenize manifest", s.docs,
                   found.get(s.source_id, (0, 0))[1]) for s in plan.sources if s.rows],
        mf.check("shards written", n_shards, len(shard_files)),
    ]
    return {
        "counts": {
            "in": {"docs": sum(s.docs for s in plan.sources), "tokens": available_total},
            "out": {"docs": total["docs_started"], "tokens": sum(written.values()),
                    "bytes": sum(f["bytes"] for f in shard_files)},
            "dropped": {"docs": sum(e["docs"] for e in reason_list), "bytes": sum(e["bytes"] for e in reason_list)},
            "by_source_lang": by_source_lang,
        },
        "reasons": reason_list,
        "outputs": {"dirs": [SHARDS_DIR, PROVENANCE_DIR, PLAN_DIR],
                    "files": sorted(shard_files + prov_files, key=lambda f: f["path"]) + [plan_file]},
        "fingerprint": dataset_fingerprint(shard_files),
        "tokenizer": {k: tok[k] for k in ("path", "format", "sha256", "vocab_size", "eos_id", "bos_id", "add_bos",
                                          "token_dtype_hint")},
        "mixture": {
            "seq_len": plan.seq_len, "budget_tokens": plan.budget_tokens, "rows": plan.rows,
            "tokens": plan.tokens, "seed": plan.seed, "shard_rows": settings.shard_rows,
            "row_group_rows": settings.row_group_rows, "num_shards": n_shards,
            "token_dtype_hint": token_dtype_hint(tok["vocab_size"]),
            "ratio": {"target": target, "achieved": achieved, "reference_group": plan.reference_group.group,
                      "relative_error": {g: round(e, 8) for g, e in errors.items()},
                      "tolerance": plan.ratio_tolerance},
            "groups": [{"group": g.group, "ratio": g.ratio, "target_share": g.target_share, "rows": g.rows,
                        "tokens": tokens_by_group[g.group],
                        "achieved_share": round(tokens_by_group[g.group] / max(1, sum(written.values())), 8)}
                       for g in plan.groups],
            "sources": sources,
            "interleave": outcome.interleave,
            "stream": {"documents_started": total["docs_started"], "documents_ended": total["docs_ended"],
                       "eos_tokens": total["eos"], "pieces": total["pieces"], "max_token_id": max_token},
        },
        "validation": validation,
        "timings": {k: round(v, 3) for k, v in outcome.timings.items()},
    }

def _not_selected_reason(plan: MixPlan, tok: dict[str, Any], sel: dict[int, dict[str, int]],
                         examples: list[tuple[int, str]]) -> list[dict]:
    """Documents left out by the sampling; a source the plan gives no rows is left out whole."""
    upstream_bytes = {e["source"]: e["bytes"] for e in tok["by_source"]}
    docs: dict[str, int] = {}
    size = 0
    for s in plan.sources:
        if s.rows:
            found = sel.get(s.source_id, {})
            n, b = found.get("not_selected", 0), found.get("not_selected_bytes", 0)
        else:
            n, b = s.docs, upstream_bytes.get(s.source, 0)
        if n:
            docs[s.source] = n
            size += b
    if not docs:
        return []
    r = reasons.REASONS[reasons.check("not_selected")]
    return [{"reason": r.name, "category": r.category, "description": r.description,
             "docs": sum(docs.values()), "bytes": size, "by_source": dict(sorted(docs.items())),
             "examples": sorted(d for _, d in examples)[:_EXAMPLES]}]



def dataset_fingerprint(shard_files: list[dict[str, Any]]) -> str:
    """Identity of the token stream: sha256 over the shards' paths and sha256s (what the loader checks)."""
    h = hashlib.sha256()
    for f in sorted(shard_files, key=lambda f: f["path"]):
        h.update(f"{f['path']}\x00{f['sha256']}\n".encode())
    return h.hexdigest()

