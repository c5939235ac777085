"""Report section: tokens (or bytes) by kind, source and language, and the mixture planned vs achieved."""

from __future__ import annotations

from typing import Any

from lemur_data.report.charts import OTHER, PALETTE, Bar, Segment, hbar
from lemur_data.report.data import ReportData, StageRun
from lemur_data.report.html import by_source_lang, e, fmt, note, table

KIND_COLORS = {"code": "#4e79a7", "text": "#59a14f"}
_AMOUNT_COLORS = {"available": "#bab0ac", "planned": "#a0cbe8", "written": "#4e79a7"}
_TOP_LANGS = 10


def token_mix(data: ReportData) -> str:
    with_tokens = [s for s in data.ran() if any("tokens" in x for x in by_source_lang(s.manifest))]
    with_counts = [s for s in data.ran() if by_source_lang(s.manifest)]
    if not with_counts:
        return note("no stage has counted documents by source and language")
    source, metric = (with_tokens[-1], "tokens") if with_tokens else (with_counts[-1], "bytes")
    entries = by_source_lang(source.manifest)
    why = "" if metric == "tokens" else " (tokenize and mix have not run, so this shows document bytes)"
    intro = (f"<p>{metric.capitalize()} by source and language, from the <b>{e(source.name)}</b> run manifest"
             f"{why}. Hover a bar for exact counts.</p>")
    parts = [intro, _kind_split(entries, metric), _source_lang_chart(entries, metric)]
    mixing = [s for s in data.ran() if isinstance(s.manifest.get("mixture"), dict)]
    parts.append(_mixture(mixing[-1]) if mixing else note("mix has not run: no planned or achieved mixture yet"))
    return "\n".join(parts)


def _kind_split(entries: list[dict[str, Any]], metric: str) -> str:
    totals: dict[str, int] = {}
    for x in entries:
        totals[x["kind"]] = totals.get(x["kind"], 0) + int(x.get(metric) or 0)
    whole = sum(totals.values()) or 1
    segments = [Segment(f"{k} {v / whole:.1%}", v, KIND_COLORS.get(k, OTHER), f"{k}: {fmt(v, metric)} ({v / whole:.1%})")
                for k, v in sorted(totals.items())]
    summary = fmt(whole, metric)
    if totals.get("code") and totals.get("text"):
        summary = f"code:text = {totals['code'] / totals['text']:.2f}:1"
    return hbar("kind-split", [Bar("all sources", segments, summary)], metric)


def _source_lang_chart(entries: list[dict[str, Any]], metric: str) -> str:
    lang_totals: dict[str, int] = {}
    for x in entries:
        lang_totals[x["lang"]] = lang_totals.get(x["lang"], 0) + int(x.get(metric) or 0)
    ranked = sorted(lang_totals, key=lambda lang: (-lang_totals[lang], lang))
    colors = {lang: PALETTE[i] for i, lang in enumerate(ranked[:_TOP_LANGS])}
    other = f"{len(ranked) - _TOP_LANGS} other languages"
    by_source: dict[tuple[str, str], dict[str, int]] = {}
    n_docs: dict[tuple[str, str], int] = {}
    for x in entries:
        key = (x["kind"], x["source"])
        lang = x["lang"] if x["lang"] in colors else other
        by_source.setdefault(key, {})[lang] = by_source.setdefault(key, {}).get(lang, 0) + int(x.get(metric) or 0)
        n_docs[key] = n_docs.get(key, 0) + int(x.get("docs") or 0)
    bars = []
    for key in sorted(by_source, key=lambda k: (k[0], -sum(by_source[k].values()), k[1])):
        kind, src = key
        per_lang = by_source[key]
        order = [lang for lang in ranked[:_TOP_LANGS] if lang in per_lang] + ([other] if other in per_lang else [])
        segments = [Segment(lang, per_lang[lang], colors.get(lang, OTHER),
                            f"{src} · {lang}: {fmt(per_lang[lang], metric)}") for lang in order]
        bars.append(Bar(f"{src} ({kind})", segments, f"{fmt(sum(per_lang.values()), metric)} · {n_docs[key]:,} docs"))
    return hbar("source-lang", bars, metric)


def _mixture(run: StageRun) -> str:
    """Tokens per source: available in the cache, planned by the mixture, written to the shards."""
    x = run.manifest["mixture"]
    ratio = x.get("ratio") or {}
    head = (f"<p>Mixture ({e(run.name)}): target ratio <b>{e(str(ratio.get('target', '?')))}</b>, achieved "
            f"<b>{e(str(ratio.get('achieved', '?')))}</b>; {int(x.get('tokens') or 0):,} tokens in "
            f"{int(x.get('num_shards') or 0)} shard(s) of {int(x.get('seq_len') or 0):,}-token rows. Tokens per "
            f"source: available (token cache), planned, written.</p>")
    sources = [s for s in x.get("sources") or [] if isinstance(s, dict)]
    if not sources:
        return head
    bars, rows = [], []
    for s in sources:
        name, group = str(s.get("source")), str(s.get("group", s.get("kind", "?")))
        counts = {k: int(s.get(f"{k}_tokens") or 0) for k in ("available", "planned", "written")}
        repetition = float(s.get("repetition") or 0)
        tip = f"{name} ({group}): " + ", ".join(f"{v:,} tokens {k}" for k, v in counts.items())
        bars.append(Bar(f"{name} ({group})", [Segment(k, v, _AMOUNT_COLORS[k], tip) for k, v in counts.items()],
                        f"repetition {repetition:.2f}"))
        rows.append([e(name), e(group), *(f"{v:,}" for v in counts.values()), f"{repetition:.3f}"])
    return (head + hbar("mixture", bars, "tokens", grouped=True)
            + table(["source", "group", "available", "planned", "written", "repetition"], rows, right={2, 3, 4, 5}))
