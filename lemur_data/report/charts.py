"""The report's plot types as plotly figures, each embedded as JSON and drawn by the inlined plotly.js.

Labels and hover texts are escaped manifest text (plotly.js decodes the entities when it draws). A figure's id is
its name, never a random one, so the same manifests give the same page bytes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import plotly.graph_objects as go
from plotly.utils import PlotlyJSONEncoder

from lemur_data.report.html import e

PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
           "#86bcb6", "#d37295", "#a0cbe8")
OTHER = "#bab0ac"
WIDTH = 940
_ROW_H = 24
_CONFIG = {"displaylogo": False, "responsive": False, "modeBarButtonsToRemove": ["sendDataToCloud"]}


@dataclass
class Segment:
    label: str  # the legend entry (one trace per label)
    value: float
    color: str
    tip: str


@dataclass
class Bar:
    label: str
    segments: list[Segment]
    note: str

    @property
    def total(self) -> float:
        return sum(s.value for s in self.segments)


def hbar(name: str, bars: list[Bar], metric: str, *, grouped: bool = False) -> str:
    """Horizontal bars, one row per bar (first at the top), segments stacked (or side by side when `grouped`);
    each bar's note is written after it."""
    labels = [e(b.label) for b in bars]
    series: dict[str, tuple[str, list[float | None], list[str]]] = {}
    for row, bar in enumerate(bars):
        for seg in bar.segments:
            _, values, tips = series.setdefault(seg.label, (seg.color, [None] * len(bars), [""] * len(bars)))
            values[row], tips[row] = (seg.value if seg.value > 0 else None), e(seg.tip)
    fig = go.Figure([go.Bar(orientation="h", name=e(label), marker_color=color, x=values, y=labels, hovertext=tips,
                            hoverinfo="text") for label, (color, values, tips) in series.items()])
    for bar in bars:
        end = max((s.value for s in bar.segments), default=0) if grouped else bar.total
        fig.add_annotation(x=end, y=e(bar.label), text=e(bar.note), showarrow=False, xanchor="left", xshift=4,
                           font={"color": "#555", "size": 11})
    per_row = _ROW_H * (len(series) if grouped else 1)
    fig.update_layout(barmode="group" if grouped else "stack", height=len(bars) * per_row + 90,
                      xaxis_title=e(metric), yaxis={"autorange": "reversed", "automargin": True})
    return embed(name, fig)


def vbar(name: str, labels: list[str], series: list[tuple[str, str, list[float]]], *, log: bool = False,
         y_label: str = "", x_label: str = "", unit: str = "") -> str:
    """Vertical bars over categorical x labels, one trace per series (side by side); optional log y scale."""
    fig = go.Figure([go.Bar(name=e(s_label), marker_color=color, x=[e(lb) for lb in labels],
                            y=[v if v > 0 else None for v in values], hoverinfo="text",
                            hovertext=[e(f"{s_label} · {lb}: {v:,}{unit}") for lb, v in zip(labels, values)])
                     for s_label, color, values in series])
    fig.update_layout(barmode="group", height=340, xaxis={"title": e(x_label), "type": "category"},
                      yaxis={"title": e(y_label), "type": "log" if log else "linear",
                             "ticksuffix": unit if unit == "%" else ""})
    return embed(name, fig)


def gantt(name: str, rows: list[tuple[str, float, float, str]]) -> str:
    """(label, start s, end s, tip) rows as bars on a shared time axis from the first start."""
    fig = go.Figure([go.Bar(orientation="h", y=[e(label) for label, *_ in rows],
                            base=[start for _, start, _, _ in rows], x=[end - start for _, start, end, _ in rows],
                            marker_color=[PALETTE[i % len(PALETTE)] for i in range(len(rows))],
                            hoverinfo="text", hovertext=[e(tip) for *_, tip in rows], showlegend=False)])
    fig.update_layout(height=len(rows) * _ROW_H + 90, xaxis_title="seconds from the first start",
                      yaxis={"autorange": "reversed", "automargin": True})
    return embed(name, fig)


def embed(name: str, fig: go.Figure) -> str:
    """The plot's div and its figure as JSON (`</` escaped, so no manifest text can close the script element)."""
    fig.update_layout(template="none", width=WIDTH, margin={"l": 10, "r": 140, "t": 40, "b": 50},
                      font={"family": 'system-ui, "DejaVu Sans", sans-serif', "size": 12, "color": "#333"},
                      legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0},
                      hoverlabel={"align": "left"})
    payload = {**fig.to_plotly_json(), "config": _CONFIG}
    figure = json.dumps(payload, cls=PlotlyJSONEncoder, separators=(",", ":")).replace("</", "<\\/")
    return (f'<div class="plot" id="plot-{e(name)}" data-plot="{e(name)}"></div>'
            f'<script type="application/json" data-figure="{e(name)}">{figure}</script>')

