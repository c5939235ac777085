"""One static HTML page with plots of a dataset's run manifests (`lemur-data report OUT`).

The page is self-contained: the plots are plotly figures drawn by plotly.js, inlined from the plotly wheel (nothing
is loaded from the network), so it opens offline and can be attached to a ticket. Hover a bar for exact numbers.

Input is what the stages committed (`data.collect`). Each section renders only what the manifests hold; a stage that
has not run, or a section it does not write, becomes a one-line note. To add a section: a function
`(ReportData) -> str` in `SECTIONS` (in `tokens`, `drops` or `runs`, or a module of its own); plot types are in
`charts`, the page around them in `html`.
"""

from __future__ import annotations

from typing import Callable

import plotly.offline

from lemur_data import manifest as mf
from lemur_data import storage
from lemur_data.report import drops, runs, tokens
from lemur_data.report.data import ReportData, StageRun, collect
from lemur_data.report.html import DRAW, PAGE, STYLE, e, slug

__all__ = ["REPORT_NAME", "SECTIONS", "ReportData", "StageRun", "collect", "render", "write_report"]

REPORT_NAME = "report.html"

SECTIONS: list[tuple[str, Callable[[ReportData], str]]] = [
    ("Stages", runs.overview),
    ("Token mix by source and language", tokens.token_mix),
    ("Drops by reason and rule", drops.drops),
    ("Dedup cluster sizes", drops.dedup_clusters),
    ("Document length distributions", runs.lengths),
    ("Stage timeline", runs.timeline),
]


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
        body.append(f'<section data-section="{slug(title)}"><h2>{e(title)}</h2>\n{section(data)}</section>')
    return PAGE.format(title=e(f"lemur-data report: {_dataset(data)}"), style=STYLE,
                       plotlyjs=plotly.offline.get_plotlyjs(), body="\n".join(body), script=DRAW)


def _dataset(data: ReportData) -> str:
    return str(data.ran()[0].manifest.get("dataset", "?")) if data.ran() else "?"


def _page_header(data: ReportData) -> str:
    first = data.ran()[0].manifest
    code = first.get("code") or {}
    run_ids = sorted({str(s.manifest.get("run_id")) for s in data.ran()})
    lines = [
        f"<h1>lemur-data report: dataset <code>{e(_dataset(data))}</code></h1>",
        (f"<p class='meta'>output root <code>{e(data.root)}</code> · run {e(', '.join(run_ids))} · "
         f"{e(code.get('package', 'lemur-data'))} {e(code.get('version', '?'))} "
         f"(git {e((code.get('git_commit') or 'unknown')[:12])})</p>"),
    ]
    if data.not_run():
        lines.append(f"<p class='note'>Not run yet: {e(', '.join(data.not_run()))}. Their sections are left out "
                     f"below.</p>")
    return "\n".join(lines)

