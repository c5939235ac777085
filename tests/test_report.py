"""`lemur-data report`: the HTML page from a real demo run, checked as data and as rendered by headless Chromium."""

from __future__ import annotations

import copy
import hashlib
import json
import re
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from lemur_data import report, storage
from lemur_data.stages import STAGES
from lemur_data.summary import human_bytes, timing_entry
from tests.conftest import DEMO_MANIFEST, REPO, copy_outputs, run_cli

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars"]


@pytest.fixture(scope="module")
def demo_out(demo_pipeline, tmp_path_factory) -> tuple[Path, dict]:
    """The demo crawl alone (the only stage this report sees as run; the others are 'not run')."""
    root, manifests = demo_pipeline
    out = tmp_path_factory.mktemp("report") / "out"
    copy_outputs(root, out, STAGES["crawl"].dirs)
    return out, manifests["crawl"]


@pytest.fixture(scope="module")
def chromium() -> str:
    """Debian's chromium, installed by tests/ensure_chromium.sh when missing."""
    proc = subprocess.run(["bash", str(REPO / "tests" / "ensure_chromium.sh")], capture_output=True, text=True,
                          timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc.stdout.strip().splitlines()[-1]


class _Page(HTMLParser):
    """The page's structure: plot divs and their figures (JSON), sections, tags with src / href, text."""

    def __init__(self) -> None:
        super().__init__()
        self.plots: dict[str, dict] = {}  # name -> the plot div's attributes
        self.figures: dict[str, dict] = {}  # name -> the plotly figure drawn into it
        self.sections: list[str] = []
        self.body: dict[str, str] = {}
        self.links: list[str] = []
        self.text: list[str] = []
        self._figure: str | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        self.links += [v for k, v in attrs if k in ("src", "href") and v]
        if tag == "div" and "data-plot" in a:
            self.plots[a["data-plot"]] = a
        elif tag == "script" and "data-figure" in a:
            self._figure = a["data-figure"]
        elif tag == "section":
            self.sections.append(a["data-section"])
        elif tag == "body":
            self.body = a

    def handle_endtag(self, tag: str) -> None:
        self._figure = None

    def handle_data(self, data: str) -> None:
        if self._figure:
            self.figures[self._figure] = json.loads(data)
        else:
            self.text.append(data)


def parse(html_text: str) -> _Page:
    page = _Page()
    page.feed(html_text)
    return page


def bars(figure: dict) -> dict[str, dict[str, float]]:
    """A bar chart as {category: {trace name: value}} (categories: y of horizontal bars, x of vertical ones)."""
    out: dict[str, dict[str, float]] = {}
    for trace in figure["data"]:
        horizontal = trace.get("orientation") == "h"
        categories, values = (trace["y"], trace["x"]) if horizontal else (trace["x"], trace["y"])
        for category, value in zip(categories, values):
            cells = out.setdefault(category, {})  # every trace lists every category, in the plot's order
            if value is not None:
                cells[trace.get("name", "")] = value
    return out


def marks(figure: dict) -> int:
    """Bars the figure draws: every positive value of its bar traces."""
    return sum(1 for cells in bars(figure).values() for v in cells.values() if v > 0)


def test_report_command_writes_one_self_contained_page_from_the_manifests(demo_out):
    out, m = demo_out
    proc = run_cli("report", str(out), timeout=180)
    assert proc.returncode == 0, proc.stderr
    path = out / "report.html"
    assert f"report written to {path}" in proc.stdout
    text = path.read_text(encoding="utf-8")
    page = parse(text)
    assert page.links == [], "nothing is loaded from the network (plotly.js is inlined)"
    assert "Plotly.newPlot" in text and set(page.figures) == set(page.plots)
    assert page.sections == ["stages", "token-mix-by-source-and-language", "drops-by-reason-and-rule",
                             "dedup-cluster-sizes", "document-length-distributions", "stage-timeline"]
    not_run = [s for s in STAGES if s != "crawl"]
    if not_run:
        assert f"Not run yet: {', '.join(not_run)}." in "".join(page.text)
    if "dedup" in STAGES:
        assert "dedup has not run" in text

    # Every reason the crawl counted is one bar, labelled, in the manifest's order (most docs first).
    reasons = [r for r in m["reasons"] if r["docs"] > 0]
    drawn = bars(page.figures["reasons-crawl"])
    assert list(drawn) == [r["reason"] for r in sorted(reasons, key=lambda r: (-r["docs"], r["reason"]))]
    assert {k: sum(v.values()) for k, v in drawn.items()} == {r["reason"]: r["docs"] for r in reasons}

    # Bytes by source x language: one bar per source, its segments adding up to the manifest's bytes.
    by_source: dict[str, int] = {}
    for e in m["counts"]["by_source_lang"]:
        key = f"{e['source']} ({e['kind']})"
        by_source[key] = by_source.get(key, 0) + e["bytes"]
    assert {k: sum(v.values()) for k, v in bars(page.figures["source-lang"]).items()} == by_source

    # Length distributions: all crawl files read; the table's doc counts add up to the manifest's.
    assert {"lengths-code", "lengths-text"} <= set(page.plots)
    rows = re.findall(r"<tr><td>crawl</td><td>(code|text)</td><td class=r>([\d,]+)</td>", text)
    assert sum(int(n.replace(",", "")) for _, n in rows) == m["counts"]["out"]["docs"]
    assert list(bars(page.figures["timeline"])) == ["crawl"]
    shuffled = human_bytes(m["timings"]["shuffle_bytes_written"])
    assert f"shuffle_bytes_written {shuffled}" in text and "shuffle_bytes_written 0.0s" not in text


def test_report_command_failures_are_one_line_with_exit_2(tmp_path):
    empty = run_cli("report", str(tmp_path), timeout=120)
    assert empty.returncode == 2 and len(empty.stderr.strip().splitlines()) == 1
    assert "no stage has committed a run manifest here" in empty.stderr and not (tmp_path / "report.html").exists()
    bad = run_cli("report", str(tmp_path), "--max-files", "0", timeout=120)
    assert bad.returncode == 2 and "--max-files 0: expected a positive number" in bad.stderr


def test_stages_command_lists_the_pipeline_and_what_each_stage_committed(demo_out):
    out, m = demo_out
    listing = run_cli("stages", "--json", timeout=120)
    assert listing.returncode == 0, listing.stderr
    assert [s["stage"] for s in json.loads(listing.stdout)["stages"]] == list(STAGES)
    found = run_cli("stages", str(DEMO_MANIFEST), "--output", str(out), "--json", timeout=120)
    assert found.returncode == 0, found.stderr
    status = json.loads(found.stdout)
    assert status["output"] == str(out) and status["run_id"] == m["run_id"]
    by_stage = {s["stage"]: s for s in status["stages"]}
    crawl = by_stage.pop("crawl")
    data = (out / "docs" / "_manifest.json").read_bytes()
    assert crawl["manifest_uri"] == str(out / "docs" / "_manifest.json")
    assert crawl["committed"]["manifest_sha256"] == hashlib.sha256(data).hexdigest()
    assert crawl["committed"]["counts_out"] == m["counts"]["out"] and crawl["committed"]["validation_passed"]
    assert all(s["committed"] is None for s in by_stage.values())
    table = run_cli("stages", str(DEMO_MANIFEST), "--output", str(out), timeout=120)
    assert f"{m['counts']['out']['docs']:,} docs" in table.stdout
    assert all(f"{name}" in table.stdout and "not run" in table.stdout for name in by_stage)


def test_report_is_deterministic_and_escapes_manifest_text(demo_out, tmp_path):
    out, m = demo_out
    first = report.render(report.collect(str(out), storage.Storage(), max_files=64))
    assert report.render(report.collect(str(out), storage.Storage(), max_files=64)) == first

    hostile = tmp_path / "out"
    shutil.copytree(out, hostile)
    doctored = copy.deepcopy(m)
    doctored["reasons"][0]["examples"] = ["<script>alert('x')</script>"]
    doctored["reasons"][0]["reason"] = "<img src=x onerror=alert(1)>"
    (hostile / "docs" / "_manifest.json").write_text(json.dumps(doctored))
    page = report.render(report.collect(str(hostile), storage.Storage(), max_files=2))
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    n_files = len([f for f in m["outputs"]["files"] if f["path"].startswith("docs/")])
    assert n_files > 2 and f"<td>2/{n_files}</td>" in page, "at most --max-files evenly spaced files are read"


def _with_downstream_sections(m: dict) -> report.ReportData:
    """The crawl manifest plus filter / dedup / mix manifests shaped like those stages' schema sections."""
    crawl = report.StageRun("crawl", ["docs"], "docs/_manifest.json", m)
    filt = copy.deepcopy(m) | {"stage": "filter", "reasons": []}
    filt["rules"] = [
        {"rule": "code.max_line_length_v1", "action": "drop", "evaluated": {"docs": 400, "bytes": 1},
         "failed": {"docs": 12, "bytes": 1}, "first_failure": {"docs": 9, "bytes": 1}},
        {"rule": "text.gopher_words_v1", "action": "drop", "evaluated": {"docs": 120, "bytes": 1},
         "failed": {"docs": 30, "bytes": 1}, "first_failure": {"docs": 30, "bytes": 1}},
        {"rule": "code.alpha_fraction_v1", "action": "drop", "evaluated": {"docs": 400, "bytes": 1},
         "failed": {"docs": 0, "bytes": 0}, "first_failure": {"docs": 0, "bytes": 0}},
    ]
    dedup = copy.deepcopy(m) | {"stage": "dedup", "reasons": []}
    dedup["dedup"] = {"removed": {"exact_duplicate": {"docs": 7, "bytes": 1}, "near_duplicate": {"docs": 21, "bytes": 1}},
                      "clusters": {"clusters": 480, "multi_member": 13,
                                   "histogram": {"5-8": 2, "1": 467, "2": 9, "3-4": 2},
                                   "largest": [{"cluster_id": "c1", "size": 7, "examples": ["py310/os.py"],
                                                "survivor": {"source": "py-stdlib", "locator": "py312/os.py"}}]}}
    mix = copy.deepcopy(m) | {"stage": "mix", "reasons": []}
    for e in mix["counts"]["by_source_lang"]:
        e["tokens"] = e["bytes"] // 3
    mix["mixture"] = {"tokens": 4096, "num_shards": 1, "seq_len": 1024,
                      "ratio": {"target": "10:1", "achieved": "10.02:1"},
                      "sources": [{"source": "py-stdlib", "group": "code", "available_tokens": 900,
                                   "planned_tokens": 800, "written_tokens": 800, "repetition": 0.89},
                                  {"source": "docs-text", "group": "text", "available_tokens": 300,
                                   "planned_tokens": 80, "written_tokens": 80, "repetition": 0.27}]}
    runs = [crawl] + [report.StageRun(x["stage"], ["x"], "x", x) for x in (filt, dedup, mix)]
    return report.ReportData("/data/out", runs)


def test_report_renders_filter_dedup_and_mix_sections_when_present(demo_out):
    _, m = demo_out
    page_text = report.render(_with_downstream_sections(m))
    page = parse(page_text)
    # Filter rules: one bar per rule that failed documents, split into first failure and later failures.
    assert bars(page.figures["rules-filter"]) == {
        "text.gopher_words_v1": {"first failure": 30},
        "code.max_line_length_v1": {"first failure": 9, "also failed": 3}}
    assert "1 rule(s) failed no document" in page_text
    # Dedup: cluster sizes ordered by size on a log scale, removals per kind, largest cluster listed.
    clusters = page.figures["dedup-clusters"]
    assert clusters["layout"]["yaxis"]["type"] == "log"
    assert bars(clusters) == {"1": {"clusters": 467}, "2": {"clusters": 9}, "3-4": {"clusters": 2},
                              "5-8": {"clusters": 2}}
    assert bars(page.figures["removed-dedup"]) == {"exact_duplicate": {"removed": 7},
                                                   "near_duplicate": {"removed": 21}}
    assert "py312/os.py" in page_text
    # Mix: tokens (not bytes) by source and language from the last stage that counted tokens, and the mixture.
    assert "Tokens by source and language, from the <b>mix</b> run manifest" in page_text
    assert "achieved <b>10.02:1</b>" in page_text
    assert bars(page.figures["mixture"]) == {
        "py-stdlib (code)": {"available": 900, "planned": 800, "written": 800},
        "docs-text (text)": {"available": 300, "planned": 80, "written": 80}}


def test_report_of_the_whole_demo_run_draws_what_its_manifests_count(demo_pipeline, tmp_path):
    """Drops by rule x source in tokens, the cluster-size histogram, and tokens per source planned vs written."""
    root, manifests = demo_pipeline
    page = parse(report.render(report.collect(str(root), storage.Storage(), max_files=4)))

    per_rule = bars(page.figures["rule-source-tokens-filter"])
    failing = {r["rule"]: r for r in manifests["filter"]["rules"] if r["failed"]["bytes"] > 0}
    assert set(per_rule) == set(failing) and failing
    for rule, by_source in per_rule.items():
        sources = {x["source"] for x in failing[rule]["by_source_lang"] if x["failed_bytes"]}
        assert set(by_source) == sources
        assert round(sum(by_source.values())) == failing[rule]["tokens_failed_estimate"]

    histogram = manifests["dedup"]["dedup"]["clusters"]["histogram"]
    assert {k: v["clusters"] for k, v in bars(page.figures["dedup-clusters"]).items()} == histogram

    mixture = {f"{s['source']} ({s['group']})": s for s in manifests["mix"]["mixture"]["sources"]}
    drawn = bars(page.figures["mixture"])
    assert list(drawn) == list(mixture)
    for name, cells in drawn.items():
        assert cells == {k: mixture[name][f"{k}_tokens"] for k in ("available", "planned", "written")}


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.slow
def test_report_plots_render_in_headless_chromium(demo_pipeline, chromium, tmp_path):
    root, _ = demo_pipeline
    path = Path(report.write_report(str(root), html_path=str(tmp_path / "report.html"), max_files=4))
    figures = parse(path.read_text(encoding="utf-8")).figures
    assert len(figures) >= 12
    profile = tmp_path / "chromium-profile"
    # NOTE: the virtual time budget lets plotly.js finish drawing before the DOM is dumped.
    browse = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--virtual-time-budget=20000"]
    dump = subprocess.run([*browse, "--dump-dom", path.as_uri()], capture_output=True, text=True, timeout=180)
    assert dump.returncode == 0, dump.stderr[-3000:]
    page = parse(dump.stdout)
    # The page's script ran in the browser: every figure was drawn, and nothing was fetched.
    assert page.body.get("data-plots") == str(len(figures))
    assert page.body.get("data-plots-rendered") == str(len(figures))
    assert page.body.get("data-resources") == "0"
    for name, figure in figures.items():
        a = page.plots[name]
        width, height = (int(v) for v in a["data-box"].split("x"))
        assert a["data-rendered"] == "ok" and width >= 900 and height > 80, (name, a)
        assert int(a["data-visible-marks"]) == marks(figure), name
        div = dump.stdout[dump.stdout.index(f'data-plot="{name}"'):]
        assert 'class="main-svg"' in div.split("data-figure=")[0], f"{name}: plotly drew no SVG"

    shot = tmp_path / "report.png"
    proc = subprocess.run([*browse, "--window-size=1000,2600", f"--screenshot={shot}", path.as_uri()],
                          capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0 and shot.is_file(), proc.stderr[-3000:]
    assert _png_size(shot) == (1000, 2600)
    assert shot.stat().st_size > 50_000, "a blank page compresses to a few KB"


def test_timing_entries_are_named_by_unit_whether_int_or_float():
    """The run timeline passes floats, `manifest show` the manifest's ints: a count stays a whole number."""
    for value in (37838, 37838.0):
        assert timing_entry("docs_not_rescored", value) == "docs_not_rescored 37,838"
        assert timing_entry("shuffle_bytes_written", value) == f"shuffle_bytes_written {human_bytes(37838)}"
    assert timing_entry("score_and_write_s", 131.665) == "score_and_write_s 131.7s"
