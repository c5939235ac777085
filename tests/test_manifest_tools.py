"""manifest diff / lineage and progress lines, on real run manifests of the demo pipeline."""

from __future__ import annotations

import copy
import json

from lemur_data import manifest_tools, storage
from lemur_data.progress import format_line
from tests.conftest import run_cli


def test_lineage_follows_every_stage_back_to_the_sources(demo_pipeline):
    out, manifests = demo_pipeline
    last = list(manifests.values())[-1]
    text, ok = manifest_tools.lineage(str(out / last["outputs"]["dirs"][0]), storage.Storage())
    assert ok, text
    for stage in manifests:
        assert f"{stage}: run " in text
    assert "source py-stdlib (code, files)" in text and "CHANGED" not in text


def test_lineage_flags_an_upstream_replaced_after_the_fact(demo_pipeline, tmp_path):
    out, manifests = demo_pipeline
    first, second = list(manifests)[:2]
    up_dir = manifests[first]["outputs"]["dirs"][0]
    up = out / up_dir / "_manifest.json"
    original = up.read_bytes()
    try:
        doctored = json.loads(original)
        doctored["counts"]["out"]["docs"] += 1
        up.write_text(json.dumps(doctored))
        proc = run_cli("manifest", "lineage", str(out / manifests[second]["outputs"]["dirs"][0]), timeout=120)
        assert proc.returncode == 1
        assert "CHANGED since recorded" in proc.stdout
    finally:
        up.write_bytes(original)


def test_diff_reports_counts_reasons_and_changed_outputs(demo_pipeline):
    _, manifests = demo_pipeline
    a = manifests["crawl"]
    b = copy.deepcopy(a)
    b["counts"]["out"]["docs"] -= 3
    b["reasons"][0]["docs"] += 3
    b["outputs"]["files"][0]["sha256"] = "0" * 64
    b["fingerprint"] = "1" * 64
    text, differ = manifest_tools.diff(a, b)
    assert differ
    assert "out.docs" in text and "-3" in text
    assert b["reasons"][0]["reason"] in text
    assert "1 changed" in text and a["outputs"]["files"][0]["path"] in text
    same, differ = manifest_tools.diff(a, copy.deepcopy(a))
    assert not differ and "outputs: identical" in same
    assert "configuration differs" not in same and "dropped by reason" not in same


def test_diff_command_exit_code(demo_pipeline, tmp_path):
    out, manifests = demo_pipeline
    path = out / "docs" / "_manifest.json"
    other = json.loads(path.read_text())
    other["fingerprint"] = "2" * 64
    other_path = tmp_path / "other.json"
    other_path.write_text(json.dumps(other))
    assert run_cli("manifest", "diff", str(path), str(path), "--exit-code", timeout=120).returncode == 0
    proc = run_cli("manifest", "diff", str(path), str(other_path), "--exit-code", timeout=120)
    assert proc.returncode == 1 and "outputs: DIFFERENT" in proc.stdout


def test_progress_line():
    assert format_line("crawl", 3, 12, 1.5) == "crawl: 3/12 tasks (25%), 1.50 tasks/s, ETA 6s"
    assert format_line("dedup", 0, 4, 0.0).endswith("ETA ?")
