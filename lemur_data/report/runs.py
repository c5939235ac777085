"""Report sections about the runs themselves: the stage table, document length distributions, the timeline."""

from __future__ import annotations

import numpy as np

from lemur_data.report.charts import PALETTE, gantt, vbar
from lemur_data.report.data import ReportData
from lemur_data.report.html import amount, clock, e, note, parse_time, table
from lemur_data.summary import human_bytes, timing_entry

# Document length bins: powers of two from 64 B to 1 MiB (the first and last bins are open-ended).
_LEN_EXPONENTS = range(6, 21)


def overview(data: ReportData) -> str:
    rows = []
    for s in data.stages:
        if not s.ran:
            rows.append([e(s.name), "not run", "", "", "", "", "", ""])
            continue
        m = s.manifest
        counts = m.get("counts") or {}
        checks = m.get("validation") or []
        failed = [c for c in checks if not c.get("passed")]
        check_text = f"{len(checks) - len(failed)}/{len(checks)}" + (" FAILED" if failed else "")
        if s.problems:
            check_text += f" · manifest has {len(s.problems)} schema problem(s)"
        completed = parse_time(m.get("completed_at"))
        rows.append([e(s.name), e(str(m.get("status"))), clock(completed) if completed else "",
                     f"{float(m.get('duration_s') or 0):.1f} s", amount(counts.get("in")), amount(counts.get("out")),
                     amount(counts.get("dropped")), e(check_text)])
    out = table(["stage", "status", "completed (UTC)", "duration", "in", "out", "dropped", "checks"], rows, right={3})
    for s in data.ran():
        failed = [c for c in s.manifest.get("validation") or [] if not c.get("passed")]
        for c in failed:
            out += (f"<p class='bad'>{e(s.name)}: check failed: {e(str(c.get('check')))} (expected "
                    f"{e(str(c.get('expected')))}, observed {e(str(c.get('observed')))})</p>")
    return out


def lengths(data: ReportData) -> str:
    sampled = [s for s in data.ran() if s.lengths is not None]
    if not sampled:
        return note("no stage's main output has size_bytes and kind columns")
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
            series.append((s.name, PALETTE[i % len(PALETTE)], [round(100 * c / len(values), 2) for c in counts]))
            rows.append([e(s.name), e(kind), f"{len(values):,}", human_bytes(float(np.median(values))),
                         human_bytes(float(np.percentile(values, 90))), human_bytes(float(values.max())),
                         f"{s.lengths.files_read}/{s.lengths.files_total}"])
        charts.append(f"<h3>{e(kind)}</h3>" + vbar(f"lengths-{kind}", labels, series, y_label="% of documents",
                                                   x_label="document size (bytes, log2 bins)", unit="%"))
    return ("<p>Share of documents per size bin, per stage's main output (size_bytes).</p>" + "".join(charts)
            + table(["stage", "kind", "docs", "median", "p90", "max", "files read"], rows, right={2, 3, 4, 5}))


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


def timeline(data: ReportData) -> str:
    spans = []
    for s in data.ran():
        start, end = parse_time(s.manifest.get("started_at")), parse_time(s.manifest.get("completed_at"))
        if start is not None and end is not None:
            spans.append((s, start, max(end, start)))
    if not spans:
        return note("no stage recorded start and end times")
    origin = min(start for _, start, _ in spans)
    rows, table_rows = [], []
    for s, start, end in spans:
        timings = s.manifest.get("timings") or {}
        detail = ", ".join(timing_entry(k, float(v)) for k, v in timings.items() if isinstance(v, (int, float)))
        duration = float(s.manifest.get("duration_s") or (end - start).total_seconds())
        tip = f"{s.name}: {clock(start)} → {clock(end)} UTC ({duration:.1f} s)" + (f"; {detail}" if detail else "")
        offset = (start - origin).total_seconds()
        rows.append((s.name, offset, offset + duration, tip))
        table_rows.append([e(s.name), clock(start), clock(end), f"{duration:.1f} s", e(detail)])
    return (f"<p>When each stage ran and how long (seconds from the first start, {clock(origin)} UTC).</p>"
            + gantt("timeline", rows)
            + table(["stage", "started (UTC)", "completed (UTC)", "duration", "phases"], table_rows, right={3}))

