"""The page around the plots: escaping, tables, notes, number formats, the template with plotly.js inlined."""

from __future__ import annotations

import html
from datetime import datetime, timezone
from typing import Any

from lemur_data.summary import human_bytes


def e(text: str) -> str:
    """HTML-escaped manifest text (also for plot labels: plotly.js decodes the entities when it draws them)."""
    return html.escape(text, quote=True)


def slug(text: str) -> str:
    return "-".join("".join(ch if ch.isalnum() else " " for ch in text.lower()).split())


def note(text: str) -> str:
    return f"<p class='note'>{e(text)}</p>"


def table(headers: list[str], rows: list[list[str]], right: set[int] | None = None) -> str:
    """Cells are HTML already (escaped by the caller)."""
    right = right or set()
    head = "".join(f"<th{' class=r' if i in right else ''}>{e(h)}</th>" for i, h in enumerate(headers))
    body = "".join("<tr>" + "".join(f"<td{' class=r' if i in right else ''}>{c}</td>" for i, c in enumerate(r))
                   + "</tr>" for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


# -- manifest values ------------------------------------------------------------------------------------------------

def by_source_lang(m: dict[str, Any]) -> list[dict[str, Any]]:
    entries = (m.get("counts") or {}).get("by_source_lang") or []
    return [x for x in entries if isinstance(x, dict) and {"kind", "source", "lang"} <= set(x)]


def doc_count(value: Any) -> int:
    """A docs count written either as a number or as {docs, bytes}."""
    if isinstance(value, dict):
        return int(value.get("docs") or 0)
    return int(value or 0)


def amount(a: dict[str, Any] | None) -> str:
    if not a:
        return ""
    parts = [f"{int(a[k]):,} {k}" for k in ("files", "docs", "tokens") if k in a]
    if "bytes" in a:
        parts.append(human_bytes(int(a["bytes"])))
    return e(", ".join(parts))


def fmt(value: float, metric: str) -> str:
    return human_bytes(value) if metric == "bytes" else f"{value:,.0f} {metric}"


def clock(t: datetime) -> str:
    return (t.astimezone(timezone.utc) if t.tzinfo else t).strftime("%Y-%m-%d %H:%M:%S")


def parse_time(value: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value))
    except (TypeError, ValueError):
        return None


# -- the page -------------------------------------------------------------------------------------------------------

STYLE = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:24px auto;max-width:980px;
color:#222;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;border-bottom:1px solid #ddd;padding-bottom:4px;margin-top:32px}
h3{font-size:15px;margin:18px 0 6px}
.meta{color:#555;margin:0}.note{color:#666;font-style:italic}.bad{color:#b00020;font-weight:600}
table{border-collapse:collapse;margin:8px 0 4px;font-size:13px}
th,td{border-bottom:1px solid #eee;padding:3px 10px 3px 0;text-align:left;vertical-align:top}
th.r,td.r{text-align:right}th,td:not(:last-child){white-space:nowrap}
div.plot{width:940px;margin:6px 0 10px}
code{background:#f4f4f4;padding:0 3px;border-radius:3px}
"""

# Draws every figure (JSON in a <script type="application/json" data-figure> element) into the div before it,
# then marks each plot with what it rendered: the test in tests/test_report.py reads these attributes from the DOM
# that headless Chromium dumps, and `data-resources` counts whatever the page fetched (it must be nothing).
DRAW = """
(function () {
  var figures = document.querySelectorAll("script[data-figure]"), drawn = [];
  figures.forEach(function (s) {
    var fig = JSON.parse(s.textContent), div = document.getElementById("plot-" + s.getAttribute("data-figure"));
    drawn.push(Plotly.newPlot(div, fig.data, fig.layout, fig.config).then(function () { return div; }));
  });
  Promise.all(drawn).then(function (divs) {
    var ok = 0;
    divs.forEach(function (div) {
      var box = div.getBoundingClientRect(), visible = 0;
      div.querySelectorAll(".point path").forEach(function (p) {
        var b = p.getBBox();
        if (b.width > 0 && b.height > 0) { visible++; }
      });
      var rendered = box.width > 0 && box.height > 0 && visible > 0;
      div.setAttribute("data-rendered", rendered ? "ok" : "empty");
      div.setAttribute("data-visible-marks", String(visible));
      div.setAttribute("data-box", Math.round(box.width) + "x" + Math.round(box.height));
      if (rendered) { ok++; }
    });
    document.body.setAttribute("data-plots", String(divs.length));
    document.body.setAttribute("data-plots-rendered", String(ok));
    document.body.setAttribute("data-resources", String(performance.getEntriesByType("resource").length));
  });
})();
"""

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{style}</style>
<script>{plotlyjs}</script>
</head>
<body>
{body}
<script>{script}</script>
</body>
</html>
"""
