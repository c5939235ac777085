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
    """The page's structure: svg plots (attributes and marks), sections, notes."""

    def __init__(self) -> None:
        super().__init__()
        self.plots: dict[str, dict] = {}
        self.sections: list[str] = []
        self.body: dict[str, str] = {}
        self._plot: str | None = None
        self._title = False
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag == "svg" and "plot" in (a.get("class") or ""):
            self._plot = a["data-plot"]
            self.plots[self._plot] = {"attrs": a, "marks": [], "labels": []}
        elif tag in ("rect", "circle") and self._plot and "mark" in (a.get("class") or ""):
            self.plots[self._plot]["marks"].append(a)
        elif tag == "section":
            self.sections.append(a["data-section"])
        elif tag == "body":
            self.body = a
        self._title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg":
            self._plot = None
        self._title = False

    def handle_data(self, data: str) -> None:
        if self._plot and not self._title:
            self.plots[self._plot]["labels"].append(data)
        self.text.append(data)


def parse(html_text: str) -> _Page:
    page = _Page()
    page.feed(html_text)
    return page


def test_report_command_writes_one_self_contained_page_from_the_manifests(demo_out):
    out, m = demo_out
    proc = run_cli("report", str(out), timeout=180)
    assert proc.returncode == 0, proc.stderr
    path = out / "report.html"
    assert f"report written to {path}" in proc.stdout
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text), "nothing is loaded from the network"
    page = parse(text)
    assert page.sections == ["stages", "token-mix-by-source-and-language", "drops-by-reason-and-rule",
                             "dedup-cluster-sizes", "document-length-distributions", "stage-timeline"]
    not_run = [s for s in STAGES if s != "crawl"]
    if not_run:
        assert f"Not run yet: {', '.join(not_run)}." in "".join(page.text)
    if "dedup" in STAGES:
        assert "dedup has not run" in text

    # Every reason the crawl counted is one bar, labelled, in the manifest's order (most docs first).
    reasons = [r for r in m["reasons"] if r["docs"] > 0]
    plot = page.plots["reasons-crawl"]
    assert len(plot["marks"]) == len(reasons)
    labels = [t for t in plot["labels"] if t in {r["reason"] for r in reasons}]
    assert labels == [r["reason"] for r in sorted(reasons, key=lambda r: (-r["docs"], r["reason"]))]

    # Bytes by source x language: one bar per source; segment widths are proportional to the counts.
    sources = {e["source"] for e in m["counts"]["by_source_lang"]}
    mix = page.plots["source-lang"]
    assert {lbl.rsplit(" (", 1)[0] for lbl in mix["labels"] if lbl.endswith(("(code)", "(text)"))} == sources
    widths = sum(float(r["width"]) for r in mix["marks"])
    biggest = max(sum(e["bytes"] for e in m["counts"]["by_source_lang"] if e["source"] == s) for s in sources)
    total = sum(e["bytes"] for e in m["counts"]["by_source_lang"])
    assert widths == pytest.approx(510 * total / biggest, rel=0.02)  # 510 px = the widest bar

    # Length distributions: all crawl files read; the table's doc counts add up to the manifest's.
    assert {"lengths-code", "lengths-text"} <= set(page.plots)
    rows = re.findall(r"<tr><td>crawl</td><td>(code|text)</td><td class=r>([\d,]+)</td>", text)
    assert sum(int(n.replace(",", "")) for _, n in rows) == m["counts"]["out"]["docs"]
    assert "timeline" in page.plots and len(page.plots["timeline"]["marks"]) == 1


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
    rules = page.plots["rules-filter"]
    assert [float(r["width"]) > 0 for r in rules["marks"]] == [True] * 3  # 30 first; 9 first + 3 later
    assert "1 rule(s) failed no document" in page_text
    # Dedup: cluster sizes ordered by size on a log scale, removals per kind, largest cluster listed.
    hist = page.plots["dedup-clusters"]
    svg = page_text[page_text.index('data-plot="dedup-clusters"'):].split("</svg>")[0]
    assert re.findall(r"<title>clusters · ([\d-]+): ([\d,]+)</title>", svg) == [
        ("1", "467"), ("2", "9"), ("3-4", "2"), ("5-8", "2")]
    heights = [float(r["height"]) for r in hist["marks"]]
    assert heights[0] > heights[1] > heights[2] == heights[3]
    assert len(page.plots["removed-dedup"]["marks"]) == 2 and "py312/os.py" in page_text
    # Mix: tokens (not bytes) by source and language from the last stage that counted tokens, and the mixture.
    assert "Tokens by source and language, from the <b>mix</b> run manifest" in page_text
    assert "achieved <b>10.02:1</b>" in page_text and len(page.plots["mixture"]["marks"]) == 2


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.slow
def test_report_plots_render_in_headless_chromium(demo_out, chromium, tmp_path):
    out, _ = demo_out
    path = Path(report.write_report(str(out), html_path=str(tmp_path / "report.html")))
    expected = len(parse(path.read_text(encoding="utf-8")).plots)
    assert expected >= 6
    profile = tmp_path / "chromium-profile"
    dump = subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", path.as_uri()],
                          capture_output=True, text=True, timeout=180)
    assert dump.returncode == 0, dump.stderr[-3000:]
    page = parse(dump.stdout)
    # The page's check script ran in the browser: every plot has a layout box and visible marks.
    assert page.body.get("data-plots") == str(expected)
    assert page.body.get("data-plots-rendered") == str(expected)
    for name, plot in page.plots.items():
        a = plot["attrs"]
        width, height = (int(v) for v in a["data-box"].split("x"))
        assert a["data-rendered"] == "ok" and width >= 900 and height > 20, (name, a)
        assert int(a["data-visible-marks"]) == len([m for m in plot["marks"] if float(m.get("width", 1)) > 0])

    shot = tmp_path / "report.png"
    proc = subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--window-size=1000,2600",
                           f"--screenshot={shot}", path.as_uri()], capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0 and shot.is_file(), proc.stderr[-3000:]
    assert _png_size(shot) == (1000, 2600)
    assert shot.stat().st_size > 50_000, "a blank page compresses to a few KB"
