"""Report sections: drops by named reason, filter rule (and rule x source, in tokens) and dedup removal; dedup
cluster sizes."""

from __future__ import annotations

import math
from typing import Any

from lemur_data.report.charts import OTHER, PALETTE, Bar, Segment, hbar, vbar
from lemur_data.report.data import ReportData
from lemur_data.report.html import amount, doc_count, e, note, table
from lemur_data.summary import human_bytes

_CATEGORY_COLORS = {"skip": "#f28e2b", "error": "#e15759"}


def drops(data: ReportData) -> str:
    parts = []
    for s in data.ran():
        m = s.manifest
        dropped = (m.get("counts") or {}).get("dropped") or {}
        reasons = [r for r in m.get("reasons") or [] if isinstance(r, dict) and int(r.get("docs") or 0) > 0]
        rules = [r for r in m.get("rules") or [] if isinstance(r, dict)]
        removed = ((m.get("dedup") or {}).get("removed") or {}) if isinstance(m.get("dedup"), dict) else {}
        if not (reasons or rules or removed):
            parts.append(f"<h3>{e(s.name)}</h3>" + note("nothing dropped"))
            continue
        parts.append(f"<h3>{e(s.name)}: {amount(dropped)} dropped</h3>")
        if reasons:
            parts.append(_reasons_chart(s.name, reasons))
        if rules:
            parts.append(_rules_chart(s.name, rules))
            parts.append(_rules_by_source_chart(s.name, rules, _bytes_per_token(m)))
        if removed:
            parts.append(_removed_chart(s.name, removed))
    return "\n".join(parts)


def _reasons_chart(stage: str, reasons: list[dict[str, Any]]) -> str:
    bars = []
    for r in sorted(reasons, key=lambda r: (-int(r.get("docs") or 0), str(r.get("reason")))):
        n, size, cat = int(r.get("docs") or 0), int(r.get("bytes") or 0), str(r.get("category", "skip"))
        example = (r.get("examples") or [""])[0]
        tip = f"{r.get('reason')} ({cat}): {n:,} docs, {human_bytes(size)}. {r.get('description', '')}"
        if example:
            tip += f" e.g. {example}"
        category = f"{cat} ({'policy' if cat == 'skip' else 'bad input'})"
        bars.append(Bar(str(r.get("reason")), [Segment(category, n, _CATEGORY_COLORS.get(cat, OTHER), tip)],
                        f"{n:,} · {human_bytes(size)}"))
    return f"<p>Items not passed on by {e(stage)}, by named reason (docs).</p>" + hbar(f"reasons-{stage}", bars, "docs")


def _rules_chart(stage: str, rules: list[dict[str, Any]]) -> str:
    bars = []
    quiet = 0
    for r in rules:
        failed, first = doc_count(r.get("failed")), doc_count(r.get("first_failure", r.get("failed")))
        if failed == 0:
            quiet += 1
            continue
        name = str(r.get("rule") or r.get("name"))
        tip = (f"{name}: failed by {failed:,} of {doc_count(r.get('evaluated')):,} docs evaluated; {first:,} rejected "
               f"with it as first reason ({r.get('action', 'drop')})")
        bars.append(Bar(name, [Segment("first failure", first, "#e15759", tip),
                               Segment("also failed", max(0, failed - first), "#ff9da7", tip)],
                        f"{failed:,} of {doc_count(r.get('evaluated')):,}"))
    bars.sort(key=lambda b: (-b.total, b.label))
    quiet_rules = f" {quiet} rule(s) failed no document." if quiet else ""
    if not bars:
        return note(f"{stage}: no rule failed any document.")
    return (f"<p>Documents failing each {e(stage)} rule (dark: rejected with this rule as the first reason)."
            f"{quiet_rules}</p>" + hbar(f"rules-{stage}", bars, "docs"))


def _rules_by_source_chart(stage: str, rules: list[dict[str, Any]], bytes_per_token: dict[str, float]) -> str:
    """Estimated tokens in the documents failing each rule, per source (failed bytes / bytes per token of the
    kind: the estimate the manifest's `tokens_failed_estimate` adds up)."""
    per_rule: dict[str, dict[str, float]] = {}
    for r in rules:
        for x in r.get("by_source_lang") or []:
            if int(x.get("failed_bytes") or 0) > 0:
                by_source = per_rule.setdefault(str(r.get("rule")), {})
                tokens = int(x["failed_bytes"]) / bytes_per_token.get(str(x.get("kind")), 1.0)
                by_source[str(x.get("source"))] = by_source.get(str(x.get("source")), 0.0) + tokens
    if not per_rule:
        return note(f"{stage}: no failures per source recorded.")
    sources = sorted({src for by_source in per_rule.values() for src in by_source})
    colors = {src: PALETTE[i % len(PALETTE)] for i, src in enumerate(sources)}
    bars = [Bar(rule, [Segment(src, tokens, colors[src], f"{rule} · {src}: ~{tokens:,.0f} tokens failing")
                       for src, tokens in sorted(by_source.items())], f"~{sum(by_source.values()):,.0f} tokens")
            for rule, by_source in per_rule.items()]
    bars.sort(key=lambda b: (-b.total, b.label))
    return (f"<p>Estimated tokens in the documents failing each {e(stage)} rule, by source (failed bytes / "
            f"bytes per token of the kind).</p>" + hbar(f"rule-source-tokens-{stage}", bars, "estimated tokens"))


def _bytes_per_token(m: dict[str, Any]) -> dict[str, float]:
    resolved = (m.get("config") or {}).get("resolved") or {}
    return (resolved.get("filter") or {}).get("bytes_per_token") or {}


def _removed_chart(stage: str, removed: dict[str, Any]) -> str:
    bars = [Bar(k, [Segment("removed", doc_count(v), "#b07aa1", f"{k}: {doc_count(v):,} docs")], f"{doc_count(v):,}")
            for k, v in sorted(removed.items())]
    return f"<p>Documents removed by {e(stage)}.</p>" + hbar(f"removed-{stage}", bars, "docs")


def dedup_clusters(data: ReportData) -> str:
    runs = [s for s in data.ran() if isinstance(s.manifest.get("dedup"), dict)]
    if not runs:
        return note("dedup has not run: no clusters yet")
    run = runs[-1]
    clusters = run.manifest["dedup"].get("clusters") or {}
    hist = clusters.get("histogram") or {}
    if not hist:
        return note(f"{run.name} recorded no cluster-size histogram")
    labels = sorted(hist, key=_bucket_lower)
    chart = vbar("dedup-clusters", labels, [("clusters", "#b07aa1", [int(hist[k]) for k in labels])], log=True,
                 y_label="clusters (log scale)", x_label="cluster size (documents)")
    head = (f"<p>{int(clusters.get('clusters') or sum(hist.values())):,} clusters, "
            f"{int(clusters.get('multi_member') or 0):,} with more than one document.</p>")
    largest = [c for c in clusters.get("largest") or [] if isinstance(c, dict)]
    rows = [[f"{int(c.get('size') or 0):,}", e(_locator(c.get("survivor"))),
             e(", ".join(str(x) for x in (c.get("examples") or [])[:3]))] for c in largest[:10]]
    listing = table(["size", "survivor", "examples"], rows, right={0}) if rows else ""
    return head + chart + listing


def _bucket_lower(label: str) -> float:
    digits = "".join(ch if ch.isdigit() else " " for ch in label).split()
    return float(digits[0]) if digits else math.inf


def _locator(survivor: Any) -> str:
    if isinstance(survivor, dict):
        return f"{survivor.get('source', '')}: {survivor.get('locator', '')}"
    return "" if survivor is None else str(survivor)
