"""One static HTML page with plots of a dataset's run manifests (`lemur-data report OUT`).

The page is self-contained: plots are inline SVG drawn here (no plotting library, no script or font from the
network), so it opens offline and can be attached to a ticket. Its one small inline script only marks each plot
with the size it rendered at (`data-rendered`), which the headless-browser test reads; the page needs no script
to display.

Input is what the stages committed: each stage's run manifest under OUT (found through `STAGES`, so a new stage
shows up without changes here) and, for the length distributions, the `size_bytes` column of the stages' main
output files (at most `max_files` evenly spaced files per stage, column projection only). Each section renders
only what the manifests hold; a stage that has not run, or a section it does not write, becomes a one-line note.
To add a section: a function `(ReportData) -> str` in `SECTIONS`.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable, Iterable

import numpy as np
import pyarrow.parquet as pq

from lemur_data import manifest as mf
from lemur_data import storage
from lemur_data.summary import human_bytes

REPORT_NAME = "report.html"
# Document length bins: powers of two from 64 B to 1 MiB (the first and last bins are open-ended).
_LEN_EXPONENTS = range(6, 21)
_PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
            "#86bcb6", "#d37295", "#a0cbe8")
_OTHER = "#bab0ac"
_CATEGORY_COLORS = {"skip": "#f28e2b", "error": "#e15759"}
_KIND_COLORS = {"code": "#4e79a7", "text": "#59a14f"}
_TOP_LANGS = 10


# -- data -----------------------------------------------------------------------------------------------------------

@dataclass
class LengthSample:
    """size_bytes per kind from a stage's main output (possibly from a subset of its files)."""

    sizes: dict[str, np.ndarray]
    files_read: int
    files_total: int


@dataclass
class StageRun:
    name: str
    dirs: list[str]
    manifest_uri: str
    manifest: dict[str, Any] | None
    problems: list[str] = field(default_factory=list)  # schema violations of the manifest, if any
    lengths: LengthSample | None = None

    @property
    def ran(self) -> bool:
        return self.manifest is not None


@dataclass
class ReportData:
    root: str
    stages: list[StageRun]

    def ran(self) -> list[StageRun]:
        return [s for s in self.stages if s.ran]

    def not_run(self) -> list[str]:
        return [s.name for s in self.stages if not s.ran]

    def stage(self, name: str) -> StageRun | None:
        return next((s for s in self.stages if s.name == name), None)


def collect(root: str, store: storage.Storage, max_files: int) -> ReportData:
    """Every stage's committed manifest under `root`, and length samples of the main outputs."""
    from lemur_data.stages import STAGES  # noqa: PLC0415 - the registry imports pyspark

    runs = []
    for stage in STAGES.values():
        uri = storage.join(root, stage.dirs[0], mf.MANIFEST_NAME)
        found = mf.read(store, uri)
        run = StageRun(stage.name, list(stage.dirs), uri, found[0] if found else None)
        if run.manifest is not None:
            run.problems = mf.validation_errors(run.manifest)
            run.lengths = _length_sample(run.manifest, root, store, max_files)
        runs.append(run)
    return ReportData(root, runs)


def _length_sample(m: dict[str, Any], root: str, store: storage.Storage, max_files: int) -> LengthSample | None:
    """size_bytes by kind from evenly spaced main-output files that carry both columns; None if none do."""
    outputs = m.get("outputs") or {}
    dirs = outputs.get("dirs") or []
    if not dirs:
        return None
    files = sorted((f for f in outputs.get("files", []) if f["path"].startswith(dirs[0] + "/")
                    and f["path"].endswith(".parquet")), key=lambda f: f["path"])
    chosen = _evenly_spaced(files, max_files)
    sizes: dict[str, list[np.ndarray]] = {}
    read = 0
    for f in chosen:
        with store.open_input(storage.join(root, *f["path"].split("/"))) as fh:
            pf = pq.ParquetFile(fh)
            if not {"kind", "size_bytes"} <= set(pf.schema_arrow.names):
                continue
            table = pf.read(columns=["kind", "size_bytes"])
        read += 1
        kinds = table.column("kind").to_numpy(zero_copy_only=False).astype(str)
        values = table.column("size_bytes").to_numpy(zero_copy_only=False)
        for kind in np.unique(kinds):
            sizes.setdefault(str(kind), []).append(values[kinds == kind])
    if not read:
        return None
    return LengthSample({k: np.concatenate(v) for k, v in sorted(sizes.items())}, read, len(files))


def _evenly_spaced(items: list[Any], n: int) -> list[Any]:
    if len(items) <= n:
        return items
    if n == 1:
        return items[:1]
    return [items[round(i * (len(items) - 1) / (n - 1))] for i in range(n)]


def write_report(root: str, *, html_path: str | None = None, max_files: int = 64,
                 store: storage.Storage | None = None) -> str:
    """Render the report of the dataset under `root` and write it (default `root/report.html`); returns the path."""
    store = store or storage.Storage()
    data = collect(root, store, max_files)
    if not data.ran():
        raise mf.ManifestError(f"{root}: no stage has committed a run manifest here (looked for "
                               f"{', '.join(s.manifest_uri for s in data.stages)})")
    target = html_path or storage.join(root, REPORT_NAME)
    store.write_bytes(target, render(data).encode("utf-8"))
    return target


# -- page -----------------------------------------------------------------------------------------------------------

def render(data: ReportData) -> str:
    body = [_page_header(data)]
    for title, section in SECTIONS:
        body.append(f'<section data-section="{_slug(title)}"><h2>{_e(title)}</h2>\n{section(data)}</section>')
    return _PAGE.format(title=_e(f"lemur-data report: {_dataset(data)}"), style=_STYLE, body="\n".join(body),
                        script=_RENDER_CHECK)


def _dataset(data: ReportData) -> str:
    return str(data.ran()[0].manifest.get("dataset", "?")) if data.ran() else "?"


def _page_header(data: ReportData) -> str:
    first = data.ran()[0].manifest
    code = first.get("code") or {}
    run_ids = sorted({str(s.manifest.get("run_id")) for s in data.ran()})
    lines = [
        f"<h1>lemur-data report: dataset <code>{_e(_dataset(data))}</code></h1>",
        (f"<p class='meta'>output root <code>{_e(data.root)}</code> · run {_e(', '.join(run_ids))} · "
         f"{_e(code.get('package', 'lemur-data'))} {_e(code.get('version', '?'))} "
         f"(git {_e((code.get('git_commit') or 'unknown')[:12])})</p>"),
    ]
    if data.not_run():
        lines.append(f"<p class='note'>Not run yet: {_e(', '.join(data.not_run()))}. Their sections are left out "
                     f"below.</p>")
    return "\n".join(lines)


def _overview(data: ReportData) -> str:
    rows = []
    for s in data.stages:
        if not s.ran:
            rows.append([_e(s.name), "not run", "", "", "", "", "", ""])
            continue
        m = s.manifest
        counts = m.get("counts") or {}
        checks = m.get("validation") or []
        failed = [c for c in checks if not c.get("passed")]
        check_text = f"{len(checks) - len(failed)}/{len(checks)}" + (" FAILED" if failed else "")
        if s.problems:
            check_text += f" · manifest has {len(s.problems)} schema problem(s)"
        completed = _time(m.get("completed_at"))
        rows.append([_e(s.name), _e(str(m.get("status"))), _clock(completed) if completed else "",
                     f"{float(m.get('duration_s') or 0):.1f} s", _amount(counts.get("in")), _amount(counts.get("out")),
                     _amount(counts.get("dropped")), _e(check_text)])
    out = _table(["stage", "status", "completed (UTC)", "duration", "in", "out", "dropped", "checks"], rows, right={3})
    for s in data.ran():
        failed = [c for c in s.manifest.get("validation") or [] if not c.get("passed")]
        for c in failed:
            out += (f"<p class='bad'>{_e(s.name)}: check failed: {_e(str(c.get('check')))} (expected "
                    f"{_e(str(c.get('expected')))}, observed {_e(str(c.get('observed')))})</p>")
    return out


def _mix(data: ReportData) -> str:
    with_tokens = [s for s in data.ran() if any("tokens" in e for e in _by_source_lang(s.manifest))]
    with_counts = [s for s in data.ran() if _by_source_lang(s.manifest)]
    if not with_counts:
        return _note("no stage has counted documents by source and language")
    source, metric = (with_tokens[-1], "tokens") if with_tokens else (with_counts[-1], "bytes")
    entries = _by_source_lang(source.manifest)
    why = "" if metric == "tokens" else " (tokenize and mix have not run, so this shows document bytes)"
    intro = (f"<p>{metric.capitalize()} by source and language, from the <b>{_e(source.name)}</b> run manifest"
             f"{why}. Hover a bar for exact counts.</p>")
    parts = [intro, _kind_split(entries, metric), _source_lang_chart(entries, metric)]
    mixing = [s for s in data.ran() if isinstance(s.manifest.get("mixture"), dict)]
    parts.append(_mixture(mixing[-1]) if mixing else _note("mix has not run: no planned or achieved mixture yet"))
    return "\n".join(parts)


def _kind_split(entries: list[dict[str, Any]], metric: str) -> str:
    totals: dict[str, int] = {}
    for e in entries:
        totals[e["kind"]] = totals.get(e["kind"], 0) + int(e.get(metric) or 0)
    whole = sum(totals.values()) or 1
    segments = [_Segment(k, v, _KIND_COLORS.get(k, _OTHER), f"{k}: {_fmt(v, metric)} ({v / whole:.1%})")
                for k, v in sorted(totals.items())]
    note = _fmt(whole, metric)
    if totals.get("code") and totals.get("text"):
        note = f"code:text = {totals['code'] / totals['text']:.2f}:1"
    return _hbar("kind-split", [_Bar("all sources", segments, note)], metric,
                 legend=[(f"{k} {v / whole:.1%}", _KIND_COLORS.get(k, _OTHER)) for k, v in sorted(totals.items())])


def _source_lang_chart(entries: list[dict[str, Any]], metric: str) -> str:
    lang_totals: dict[str, int] = {}
    for e in entries:
        lang_totals[e["lang"]] = lang_totals.get(e["lang"], 0) + int(e.get(metric) or 0)
    ranked = sorted(lang_totals, key=lambda lang: (-lang_totals[lang], lang))
    colors = {lang: _PALETTE[i] for i, lang in enumerate(ranked[:_TOP_LANGS])}
    by_source: dict[tuple[str, str], dict[str, int]] = {}
    docs: dict[tuple[str, str], int] = {}
    for e in entries:
        key = (e["kind"], e["source"])
        lang = e["lang"] if e["lang"] in colors else "other"
        by_source.setdefault(key, {})[lang] = by_source.setdefault(key, {}).get(lang, 0) + int(e.get(metric) or 0)
        docs[key] = docs.get(key, 0) + int(e.get("docs") or 0)
    bars = []
    for key in sorted(by_source, key=lambda k: (k[0], -sum(by_source[k].values()), k[1])):
        kind, src = key
        per_lang = by_source[key]
        order = [lang for lang in ranked[:_TOP_LANGS] if lang in per_lang] + (["other"] if "other" in per_lang else [])
        segments = [_Segment(lang, per_lang[lang], colors.get(lang, _OTHER),
                             f"{src} · {lang}: {_fmt(per_lang[lang], metric)}") for lang in order]
        total = sum(per_lang.values())
        bars.append(_Bar(f"{src} ({kind})", segments, f"{_fmt(total, metric)} · {docs[key]:,} docs"))
    legend = [(lang, colors[lang]) for lang in ranked[:_TOP_LANGS]]
    if len(ranked) > _TOP_LANGS:
        legend.append((f"{len(ranked) - _TOP_LANGS} other languages", _OTHER))
    return _hbar("source-lang", bars, metric, legend=legend)


def _mixture(run: StageRun) -> str:
    x = run.manifest["mixture"]
    ratio = x.get("ratio") or {}
    head = (f"<p>Mixture ({_e(run.name)}): target ratio <b>{_e(str(ratio.get('target', '?')))}</b>, achieved "
            f"<b>{_e(str(ratio.get('achieved', '?')))}</b>; {int(x.get('tokens') or 0):,} tokens in "
            f"{int(x.get('num_shards') or 0)} shard(s) of {int(x.get('seq_len') or 0):,}-token rows.</p>")
    sources = [s for s in x.get("sources") or [] if isinstance(s, dict)]
    if not sources:
        return head
    groups = sorted({str(s.get("group", s.get("kind", "?"))) for s in sources})
    colors = {g: _KIND_COLORS.get(g, _PALETTE[i % len(_PALETTE)]) for i, g in enumerate(groups)}
    bars = []
    rows = []
    for s in sources:
        g = str(s.get("group", s.get("kind", "?")))
        written, planned = int(s.get("written_tokens") or 0), int(s.get("planned_tokens") or 0)
        available = int(s.get("available_tokens") or 0)
        bars.append(_Bar(str(s.get("source")), [_Segment(g, written, colors[g],
                                                         f"{s.get('source')}: {written:,} tokens written, "
                                                         f"{planned:,} planned, {available:,} available")],
                         f"{written:,} tokens · repetition {float(s.get('repetition') or 0):.2f}"))
        rows.append([_e(str(s.get("source"))), _e(g), f"{available:,}", f"{planned:,}", f"{written:,}",
                     f"{float(s.get('repetition') or 0):.3f}"])
    return (head + _hbar("mixture", bars, "tokens", legend=[(g, colors[g]) for g in groups])
            + _table(["source", "group", "available", "planned", "written", "repetition"], rows, right={2, 3, 4, 5}))


def _drops(data: ReportData) -> str:
    parts = []
    for s in data.ran():
        m = s.manifest
        dropped = (m.get("counts") or {}).get("dropped") or {}
        reasons = [r for r in m.get("reasons") or [] if isinstance(r, dict) and int(r.get("docs") or 0) > 0]
        rules = [r for r in m.get("rules") or [] if isinstance(r, dict)]
        removed = ((m.get("dedup") or {}).get("removed") or {}) if isinstance(m.get("dedup"), dict) else {}
        if not (reasons or rules or removed):
            parts.append(f"<h3>{_e(s.name)}</h3>" + _note("nothing dropped"))
            continue
        parts.append(f"<h3>{_e(s.name)}: {_amount(dropped)} dropped</h3>")
        if reasons:
            parts.append(_reasons_chart(s.name, reasons))
        if rules:
            parts.append(_rules_chart(s.name, rules))
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
        bars.append(_Bar(str(r.get("reason")), [_Segment(cat, n, _CATEGORY_COLORS.get(cat, _OTHER), tip)],
                         f"{n:,} · {human_bytes(size)}"))
    legend = [(f"{c} ({'policy' if c == 'skip' else 'bad input'})", col) for c, col in _CATEGORY_COLORS.items()]
    return f"<p>Items not passed on by {_e(stage)}, by named reason (docs).</p>" + _hbar(
        f"reasons-{stage}", bars, "docs", legend=legend)


def _rules_chart(stage: str, rules: list[dict[str, Any]]) -> str:
    bars = []
    quiet = 0
    for r in rules:
        failed, first = _docs(r.get("failed")), _docs(r.get("first_failure", r.get("failed")))
        if failed == 0:
            quiet += 1
            continue
        name = str(r.get("rule") or r.get("name"))
        tip = (f"{name}: failed by {failed:,} of {_docs(r.get('evaluated')):,} docs evaluated; {first:,} rejected "
               f"with it as first reason ({r.get('action', 'drop')})")
        bars.append(_Bar(name, [_Segment("first failure", first, "#e15759", tip),
                                _Segment("also failed", max(0, failed - first), "#ff9da7", tip)],
                         f"{failed:,} of {_docs(r.get('evaluated')):,}"))
    bars.sort(key=lambda b: (-b.total, b.label))
    note = f" {quiet} rule(s) failed no document." if quiet else ""
    if not bars:
        return _note(f"{stage}: no rule failed any document.")
    return (f"<p>Documents failing each {_e(stage)} rule (dark: rejected with this rule as the first reason).{note}</p>"
            + _hbar(f"rules-{stage}", bars, "docs", legend=[("first failure", "#e15759"), ("also failed", "#ff9da7")]))


def _removed_chart(stage: str, removed: dict[str, Any]) -> str:
    bars = [_Bar(k, [_Segment(k, _docs(v), "#b07aa1", f"{k}: {_docs(v):,} docs")], f"{_docs(v):,}")
            for k, v in sorted(removed.items())]
    return f"<p>Documents removed by {_e(stage)}.</p>" + _hbar(f"removed-{stage}", bars, "docs")


def _dedup(data: ReportData) -> str:
    runs = [s for s in data.ran() if isinstance(s.manifest.get("dedup"), dict)]
    if not runs:
        return _note("dedup has not run: no clusters yet")
    run = runs[-1]
    clusters = run.manifest["dedup"].get("clusters") or {}
    hist = clusters.get("histogram") or {}
    if not hist:
        return _note(f"{run.name} recorded no cluster-size histogram")
    labels = sorted(hist, key=_bucket_lower)
    chart = _vbar("dedup-clusters", labels, [("clusters", "#b07aa1", [int(hist[k]) for k in labels])], log=True,
                  y_label="clusters (log scale)", x_label="cluster size (documents)")
    head = (f"<p>{int(clusters.get('clusters') or sum(hist.values())):,} clusters, "
            f"{int(clusters.get('multi_member') or 0):,} with more than one document.</p>")
    largest = [c for c in clusters.get("largest") or [] if isinstance(c, dict)]
    rows = [[f"{int(c.get('size') or 0):,}", _e(_locator(c.get("survivor"))),
             _e(", ".join(str(x) for x in (c.get("examples") or [])[:3]))] for c in largest[:10]]
    table = _table(["size", "survivor", "examples"], rows, right={0}) if rows else ""
    return head + chart + table


def _bucket_lower(label: str) -> float:
    digits = "".join(ch if ch.isdigit() else " " for ch in label).split()
    return float(digits[0]) if digits else math.inf


def _locator(survivor: Any) -> str:
    if isinstance(survivor, dict):
        return f"{survivor.get('source', '')}: {survivor.get('locator', '')}"
    return "" if survivor is None else str(survivor)


def _lengths(data: ReportData) -> str:
    sampled = [s for s in data.ran() if s.lengths is not None]
    if not sampled:
        return _note("no stage's main output has size_bytes and kind columns")
    kinds = sorted({k for s in sampled for k in s.lengths.sizes})
    labels = [_len_label(i) for i in range(len(_LEN_EXPONENTS))]
    charts, rows = [], []
    for kind in kinds:
        series = []
        for i, s in enumerate(sampled):
            values = s.lengths.sizes.get(kind)
            if values is None or not len(values):
                continue
            counts = np.bincount(_len_bins(values), minlength=len(_LEN_EXPONENTS))
            series.append((s.name, _PALETTE[i % len(_PALETTE)], [round(100 * c / len(values), 2) for c in counts]))
            rows.append([_e(s.name), _e(kind), f"{len(values):,}", human_bytes(float(np.median(values))),
                         human_bytes(float(np.percentile(values, 90))), human_bytes(float(values.max())),
                         f"{s.lengths.files_read}/{s.lengths.files_total}"])
        charts.append(f"<h3>{_e(kind)}</h3>" + _vbar(f"lengths-{kind}", labels, series, y_label="% of documents",
                                                     x_label="document size (bytes, log2 bins)", unit="%"))
    return ("<p>Share of documents per size bin, per stage's main output (size_bytes).</p>" + "".join(charts)
            + _table(["stage", "kind", "docs", "median", "p90", "max", "files read"], rows, right={2, 3, 4, 5}))


def _len_bins(values: np.ndarray) -> np.ndarray:
    exps = np.floor(np.log2(np.maximum(values, 1))).astype(int)
    return np.clip(exps, _LEN_EXPONENTS[0], _LEN_EXPONENTS[-1]) - _LEN_EXPONENTS[0]


def _len_label(i: int) -> str:
    lo = 2 ** _LEN_EXPONENTS[i]
    if i == 0:
        return f"<{_pow2(lo * 2)}"
    return f"≥{_pow2(lo)}" if i == len(_LEN_EXPONENTS) - 1 else f"{_pow2(lo)}–{_pow2(lo * 2)}"


def _pow2(n: int) -> str:
    return f"{n >> 20}M" if n >= 1 << 20 else f"{n >> 10}K" if n >= 1 << 10 else f"{n}"


def _timeline(data: ReportData) -> str:
    spans = []
    for s in data.ran():
        start, end = _time(s.manifest.get("started_at")), _time(s.manifest.get("completed_at"))
        if start is not None and end is not None:
            spans.append((s, start, max(end, start)))
    if not spans:
        return _note("no stage recorded start and end times")
    origin = min(start for _, start, _ in spans)
    rows, bars, table_rows = [], [], []
    for i, (s, start, end) in enumerate(spans):
        timings = s.manifest.get("timings") or {}
        detail = ", ".join(f"{k} {float(v):.1f}s" for k, v in timings.items() if isinstance(v, (int, float)))
        duration = float(s.manifest.get("duration_s") or (end - start).total_seconds())
        tip = f"{s.name}: {_clock(start)} → {_clock(end)} UTC ({duration:.1f} s)" + (f"; {detail}" if detail else "")
        offset = (start - origin).total_seconds()
        rows.append((s.name, offset, offset + duration, tip))
        bars.append(_Bar(s.name, [_Segment("duration", duration, _PALETTE[i % len(_PALETTE)], tip)],
                         _duration(duration)))
        table_rows.append([_e(s.name), _clock(start), _clock(end), f"{duration:.1f} s", _e(detail)])
    return (f"<p>When each stage ran (wall clock from the first start, {_clock(origin)} UTC), then how long.</p>"
            + _gantt("timeline", rows) + _hbar("durations", bars, "seconds")
            + _table(["stage", "started (UTC)", "completed (UTC)", "duration", "phases"], table_rows, right={3}))


def _clock(t: datetime) -> str:
    return (t.astimezone(timezone.utc) if t.tzinfo else t).strftime("%Y-%m-%d %H:%M:%S")


def _time(value: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value))
    except (TypeError, ValueError):
        return None


SECTIONS: list[tuple[str, Callable[[ReportData], str]]] = [
    ("Stages", _overview),
    ("Token mix by source and language", _mix),
    ("Drops by reason and rule", _drops),
    ("Dedup cluster sizes", _dedup),
    ("Document length distributions", _lengths),
    ("Stage timeline", _timeline),
]


# -- helpers: manifest values -----------------------------------------------------------------------------------------

def _by_source_lang(m: dict[str, Any]) -> list[dict[str, Any]]:
    entries = (m.get("counts") or {}).get("by_source_lang") or []
    return [e for e in entries if isinstance(e, dict) and {"kind", "source", "lang"} <= set(e)]


def _docs(value: Any) -> int:
    """A docs count written either as a number or as {docs, bytes}."""
    if isinstance(value, dict):
        return int(value.get("docs") or 0)
    return int(value or 0)


def _amount(a: dict[str, Any] | None) -> str:
    if not a:
        return ""
    parts = [f"{int(a[k]):,} {k}" for k in ("files", "docs", "tokens") if k in a]
    if "bytes" in a:
        parts.append(human_bytes(int(a["bytes"])))
    return _e(", ".join(parts))


def _fmt(value: float, metric: str) -> str:
    return human_bytes(value) if metric == "bytes" else f"{value:,.0f} {metric}"


# -- helpers: HTML and SVG ------------------------------------------------------------------------------------------

def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _slug(text: str) -> str:
    return "-".join("".join(ch if ch.isalnum() else " " for ch in text.lower()).split())


def _note(text: str) -> str:
    return f"<p class='note'>{_e(text)}</p>"


def _table(headers: list[str], rows: list[list[str]], right: set[int] | None = None) -> str:
    """Cells are HTML already (escaped by the caller)."""
    right = right or set()
    head = "".join(f"<th{' class=r' if i in right else ''}>{_e(h)}</th>" for i, h in enumerate(headers))
    body = "".join("<tr>" + "".join(f"<td{' class=r' if i in right else ''}>{c}</td>" for i, c in enumerate(r))
                   + "</tr>" for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


@dataclass
class _Segment:
    label: str
    value: float
    color: str
    tip: str


@dataclass
class _Bar:
    label: str
    segments: list[_Segment]
    note: str

    @property
    def total(self) -> float:
        return sum(s.value for s in self.segments)


_CHAR_W = 6.6  # px per character of the 12 px labels, for layout only
_ROW_H = 22


def _legend(items: Iterable[tuple[str, str]], width: int, y0: float) -> tuple[list[str], float]:
    out, x, y = [], 0.0, y0
    for label, color in items:
        w = 18 + len(label) * _CHAR_W + 14
        if x + w > width and x > 0:
            x, y = 0.0, y + 18
        out.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="11" height="11" fill="{color}"/>'
                   f'<text x="{x + 15:.1f}" y="{y + 10:.1f}">{_e(label)}</text>')
        x += w
    return out, y + 18


def _svg(name: str, width: int, height: float, content: list[str], label: str) -> str:
    return (f'<svg class="plot" data-plot="{_e(name)}" xmlns="http://www.w3.org/2000/svg" width="{width}" '
            f'height="{height:.0f}" viewBox="0 0 {width} {height:.0f}" role="img" aria-label="{_e(label)}">'
            + "".join(content) + "</svg>")


def _hbar(name: str, bars: list[_Bar], metric: str, legend: list[tuple[str, str]] | None = None) -> str:
    """Horizontal (stacked) bars, one row per bar, linear scale."""
    width, label_w, note_w = 940, 200, 230
    plot_w = width - label_w - note_w
    top = max((b.total for b in bars), default=0) or 1
    content: list[str] = []
    for row, bar in enumerate(bars):
        y = row * _ROW_H
        label = bar.label if len(bar.label) <= 30 else bar.label[:29] + "…"
        content.append(f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end"><title>{_e(bar.label)}</title>'
                       f'{_e(label)}</text>')
        x = float(label_w)
        for seg in bar.segments:
            w = plot_w * seg.value / top
            if w <= 0:
                continue
            content.append(f'<rect class="mark" x="{x:.2f}" y="{y + 3}" width="{max(w, 1.0):.2f}" height="{_ROW_H - 6}" '
                           f'fill="{seg.color}"><title>{_e(seg.tip)}</title></rect>')
            x += w
        content.append(f'<text class="val" x="{x + 6:.2f}" y="{y + 15}">{_e(bar.note)}</text>')
    height = len(bars) * _ROW_H + 6
    if legend:
        items, height = _legend(legend, width, height + 4)
        content += items
    return _svg(name, width, height, content, f"{name}: {metric} per bar")


def _vbar(name: str, labels: list[str], series: list[tuple[str, str, list[float]]], *, log: bool = False,
          y_label: str = "", x_label: str = "", unit: str = "") -> str:
    """Vertical bars, grouped by series, over categorical x labels; optional log10 y scale."""
    width, left, right, top_pad, plot_h = 940, 56, 10, 12, 200
    plot_w = width - left - right
    highest = max((v for _, _, vals in series for v in vals), default=0) or 1
    ticks = [10 ** i for i in range(int(math.log10(highest)) + 1)] if log else _nice_ticks(highest)
    peak = highest if log else ticks[-1]

    def y_of(v: float) -> float:
        frac = math.log10(1 + v) / math.log10(1 + peak) if log else v / peak
        return top_pad + plot_h * (1 - frac)

    content: list[str] = []
    for t in ticks:
        y = y_of(t)
        content.append(f'<line class="grid" x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}"/>'
                       f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end">{_tick(t, unit)}</text>')
    band = plot_w / max(1, len(labels))
    bar_w = max(1.0, (band - 4) / max(1, len(series)))
    # Labels wider than their band are slanted (and the plot gets room below for them).
    slant = max((len(lb) for lb in labels), default=0) * _CHAR_W > band - 6
    label_h = max((len(lb) for lb in labels), default=0) * _CHAR_W * 0.6 + 8 if slant else 14
    for i, label in enumerate(labels):
        x0 = left + i * band + 2
        for j, (s_label, color, values) in enumerate(series):
            v = values[i]
            if v <= 0:
                continue
            y = y_of(v)
            content.append(f'<rect class="mark" x="{x0 + j * bar_w:.2f}" y="{y:.2f}" width="{bar_w:.2f}" '
                           f'height="{max(top_pad + plot_h - y, 1.0):.2f}" fill="{color}">'
                           f'<title>{_e(f"{s_label} · {label}: {v:,}{unit}")}</title></rect>')
        lx, ly = left + (i + 0.5) * band, top_pad + plot_h + 14
        content.append(f'<text x="{lx:.1f}" y="{ly}" text-anchor="end" transform="rotate(-35 {lx:.1f} {ly})">'
                       f'{_e(label)}</text>' if slant else
                       f'<text x="{lx:.1f}" y="{ly}" text-anchor="middle">{_e(label)}</text>')
    axis_y = top_pad + plot_h
    content.append(f'<line class="axis" x1="{left}" x2="{width - right}" y1="{axis_y}" y2="{axis_y}"/>')
    content.append(f'<text x="{left + plot_w / 2:.0f}" y="{axis_y + label_h + 18:.0f}" text-anchor="middle">'
                   f'{_e(x_label)}</text>')
    content.append(f'<text x="12" y="{top_pad + plot_h / 2:.0f}" transform="rotate(-90 12 {top_pad + plot_h / 2:.0f})"'
                   f' text-anchor="middle">{_e(y_label)}</text>')
    items, height = _legend([(s, c) for s, c, _ in series], width, axis_y + label_h + 30)
    return _svg(name, width, height, content + items, f"{name}: {y_label} by {x_label}")


def _nice_ticks(highest: float) -> list[float]:
    """0 and round steps (1, 2, 2.5 or 5 times a power of ten) up to the first tick at or above `highest`."""
    raw = highest / 4
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    return [i * step for i in range(math.ceil(highest / step - 1e-9) + 1)]


def _tick(v: float, unit: str) -> str:
    if unit == "%":
        return f"{v:g}%"
    return f"{v:,.0f}" if v >= 1 or v == 0 else f"{v:.2g}"


def _gantt(name: str, rows: list[tuple[str, float, float, str]]) -> str:
    width, label_w, right = 940, 120, 90
    plot_w = width - label_w - right
    span = max((end for _, _, end, _ in rows), default=0) or 1
    content: list[str] = []
    for f in (0, 0.25, 0.5, 0.75, 1):
        x = label_w + plot_w * f
        content.append(f'<line class="grid" x1="{x:.1f}" x2="{x:.1f}" y1="0" y2="{len(rows) * _ROW_H}"/>'
                       f'<text x="{x:.1f}" y="{len(rows) * _ROW_H + 14}" text-anchor="middle">{_duration(span * f)}'
                       f'</text>')
    for row, (label, start, end, tip) in enumerate(rows):
        y = row * _ROW_H
        x0 = label_w + plot_w * start / span
        w = max(plot_w * (end - start) / span, 2.0)
        content.append(f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end">{_e(label)}</text>'
                       f'<rect class="mark" x="{x0:.2f}" y="{y + 3}" width="{w:.2f}" height="{_ROW_H - 6}" '
                       f'fill="{_PALETTE[row % len(_PALETTE)]}"><title>{_e(tip)}</title></rect>'
                       f'<text class="val" x="{x0 + w + 6:.2f}" y="{y + 15}">{_duration(end - start)}</text>')
    return _svg(name, width, len(rows) * _ROW_H + 22, content, f"{name}: stage start and end times")


def _duration(seconds: float) -> str:
    if seconds >= 3600:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 60:.1f} min" if seconds >= 120 else f"{seconds:.0f} s"


_STYLE = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:24px auto;max-width:980px;
color:#222;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;border-bottom:1px solid #ddd;padding-bottom:4px;margin-top:32px}
h3{font-size:15px;margin:18px 0 6px}
.meta{color:#555;margin:0}.note{color:#666;font-style:italic}.bad{color:#b00020;font-weight:600}
table{border-collapse:collapse;margin:8px 0 4px;font-size:13px}
th,td{border-bottom:1px solid #eee;padding:3px 10px 3px 0;text-align:left;vertical-align:top}
th.r,td.r{text-align:right}th,td:not(:last-child){white-space:nowrap}
svg.plot{display:block;margin:6px 0 10px;font:12px system-ui,"DejaVu Sans",sans-serif;fill:#333}
svg.plot .grid{stroke:#e6e6e6}svg.plot .axis{stroke:#999}svg.plot .val{fill:#555}
code{background:#f4f4f4;padding:0 3px;border-radius:3px}
"""

# NOTE: the test in tests/test_report.py reads these attributes from the DOM that headless Chromium dumps.
_RENDER_CHECK = """
(function () {
  var plots = document.querySelectorAll("svg.plot"), ok = 0;
  plots.forEach(function (svg) {
    var box = svg.getBoundingClientRect(), visible = 0;
    svg.querySelectorAll(".mark").forEach(function (m) {
      var b = m.getBBox();
      if (b.width > 0 && b.height > 0) { visible++; }
    });
    var rendered = box.width > 0 && box.height > 0 && visible > 0;
    svg.setAttribute("data-rendered", rendered ? "ok" : "empty");
    svg.setAttribute("data-visible-marks", String(visible));
    svg.setAttribute("data-box", Math.round(box.width) + "x" + Math.round(box.height));
    if (rendered) { ok++; }
  });
  document.body.setAttribute("data-plots", String(plots.length));
  document.body.setAttribute("data-plots-rendered", String(ok));
})();
"""

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{style}</style>
</head>
<body>
{body}
<script>{script}</script>
</body>
</html>
"""
