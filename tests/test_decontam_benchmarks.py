"""Decontamination against Lemur's benchmarks (registry: lemur_data/quality/benchmarks.py): real HumanEval, MBPP and
GSM8K items planted in real files are removed and counted under their benchmark; near misses are kept; a benchmark
selected without data fails up front naming the setting. No Spark: the scorer and the filter stage's own index and
manifest-section builders run on the driver (the Spark run's section is checked in test_filter.py)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pyarrow as pa
import pytest

from lemur_data.config import ConfigError, load_manifest
from lemur_data.quality import benchmarks
from lemur_data.quality.decontam import read_benchmark, text_ngrams
from lemur_data.quality.scorer import Scorer
from lemur_data.schema import DOC_SCHEMA, content_sha256
from lemur_data.stages.filter import FilterPlan, decontamination_index, decontamination_section, scoring_plan
from tests.conftest import BAD_INPUTS, DEMO_MANIFEST, REPO

HOSTS = BAD_INPUTS / "code" / "good"
PROSE = REPO / "tests" / "fixtures" / "filter" / "rules"


def manifest(tmp_path: Path, filter_yaml: str = "filter:\n  pii: {enabled: false}\n") -> Path:
    text = DEMO_MANIFEST.read_text().replace("demo-corpus/", str(REPO / "manifests" / "demo-corpus") + "/")
    path = tmp_path / "m.yaml"
    path.write_text(text[: text.index("\nfilter:")] + "\n" + filter_yaml)
    return path


def items(name: str) -> dict[str, tuple[str, ...]]:
    b = benchmarks.get(name)
    return {i.item_id: i.parts for i in read_benchmark(name, benchmarks.data_path(name, None), b.id_field, b.text_fields)}


def overlap(text: str, part: str) -> float:
    """Share of the part's distinct 10-grams the text contains (what the threshold, 0.5, is compared with)."""
    grams = set(text_ngrams(part, 10).tolist())
    return len(grams & set(text_ngrams(text, 10).tolist())) / len(grams)


def run(cfg, docs: list[tuple[str, str, str]]) -> tuple[list[dict], dict]:
    """(kind, lang, text) documents through the filter stage's scorer; the rows and the manifest's section."""
    plan, _ = scoring_plan(cfg)
    index, described = decontamination_index(cfg, plan)
    scorer = Scorer(plan, index)
    rows = [dict(id=str(i), kind=k, source="t", lang=lang, text=t, locator=f"doc{i}", repo=None, license=None,
                 size_bytes=len(t.encode()), content_sha256=content_sha256(t.encode()), signals=None, meta=None)
            for i, (k, lang, t) in enumerate(docs)]
    out = scorer.score(pa.RecordBatch.from_pylist(rows, schema=DOC_SCHEMA)).to_pylist()
    section = decontamination_section(cfg, FilterPlan(plan, index, {}, described, {}), scorer.stats)
    return [dict(r["meta"] or []) | {"reasons": r["reasons"] or []} for r in out], section


def test_planted_benchmark_items_are_removed_under_their_benchmark_and_near_misses_kept(tmp_path):
    cfg = load_manifest(manifest(tmp_path))
    mbpp, gsm8k, humaneval = items("mbpp_v1"), items("gsm8k_v1"), items("humaneval_v1")
    heapq, textwrap = (HOSTS / "heapq.py").read_text(), (HOSTS / "textwrap.py").read_text()
    notes = (PROSE / "git-RelNotes-1.7.6.4.txt").read_text()
    desc, code, tests = mbpp["11"]  # remove_Occ: description, solution, asserts
    solution_lines = code.splitlines()
    planted = [
        ("code", "python", heapq[:2500] + "\n\n" + code.replace("\t", "    ") + "\n\n" + heapq[2500:5000]),
        ("code", "python", textwrap[:3000] + "\n" + "".join(humaneval["HumanEval/0"]) + "\n" + textwrap[3000:6000]),
        ("text", "en", notes + "\nExercise: " + gsm8k["5"][0].replace(". ", ".\n") + "\n"),
    ]
    near_misses = [
        ("code", "python", heapq),  # shares 10-grams (heap idioms) with MBPP asserts, below the threshold
        ("code", "python", heapq[:2500] + "\n".join(solution_lines[:4]) + "\n" + heapq[2500:5000]),  # a third of it
        ("text", "en", notes + "\n" + " ".join(gsm8k["5"][0].split()[:12]) + " and then he left.\n"),
    ]
    # NOTE: the idiom near miss is real: heapq.py contains 10-grams of some MBPP asserts (heapq-based problems).
    host_grams = set(text_ngrams(heapq, 10).tolist())
    assert any(host_grams & set(text_ngrams(part, 10).tolist()) for parts in mbpp.values() for part in parts)
    assert 0 < overlap(near_misses[1][2], code) < 0.5 and 0 < overlap(near_misses[2][2], gsm8k["5"][0]) < 0.5
    rows, section = run(cfg, planted + near_misses)
    assert [r.get("decontam_items") for r in rows[:3]] == ["mbpp_v1/11", "humaneval_v1/HumanEval/0", "gsm8k_v1/5"]
    assert all("decontam.ngram_overlap_v1" in r["reasons"] for r in rows[:3])
    assert all("decontam_items" not in r and "decontam.ngram_overlap_v1" not in r["reasons"] for r in rows[3:])
    by_name = {b["name"]: b for b in section["benchmarks"]}
    assert {n: b["docs_matched"] for n, b in by_name.items()} == {"gsm8k_v1": 1, "humaneval_v1": 1, "mbpp_v1": 1}
    assert {n: b["items"] for n, b in by_name.items()} == {"gsm8k_v1": 1319, "humaneval_v1": 164, "mbpp_v1": 974}
    assert section["docs_matched"] == 3 and by_name["mbpp_v1"]["kinds"] == ["code", "text"]
    assert desc and tests  # the description and the asserts are indexed as parts of their own
    assert by_name["mbpp_v1"]["parts"] > 2 * 974 and by_name["mbpp_v1"]["path"] == "bundled:mbpp_v1.jsonl.gz"


def test_a_recipe_selects_benchmarks_per_kind(tmp_path):
    cfg = load_manifest(manifest(tmp_path, "filter:\n  pii: {enabled: false}\n  text:\n    settings:\n"
                                           "      decontamination: [gsm8k_v1]\n"))
    code = items("mbpp_v1")["11"][1]
    notes = (PROSE / "git-RelNotes-1.7.6.4.txt").read_text()
    rows, section = run(cfg, [("text", "en", notes + "\n" + code), ("code", "python", code)])
    assert rows[0].get("decontam_items") is None and rows[1]["decontam_items"] == "mbpp_v1/11"
    assert {b["name"]: b["kinds"] for b in section["benchmarks"]}["mbpp_v1"] == ["code"]


def test_benchmark_files_by_path_and_clear_errors_when_missing(tmp_path):
    with pytest.raises(ConfigError, match=r"filter\.code\.settings\.decontamination: benchmark ds1000_v1 is not "
                                          r"bundled.*filter\.decontamination\.paths\.ds1000_v1.*'reference_code'"):
        load_manifest(manifest(tmp_path, "filter:\n  code:\n    settings: {decontamination: [ds1000_v1]}\n"))
    with pytest.raises(ConfigError, match=r"unknown benchmark 'mbpp'; registered: humaneval_v1, mbpp_v1, gsm8k_v1"):
        load_manifest(manifest(tmp_path, "filter:\n  code:\n    settings: {decontamination: [mbpp]}\n"))
    with pytest.raises(ConfigError, match=r"filter\.decontamination\.paths\.mmlu_v1: file .*mmlu\.jsonl not found"):
        load_manifest(manifest(tmp_path, "filter:\n  decontamination: {paths: {mmlu_v1: mmlu.jsonl}}\n"))
    # A replacement file by path: five real MBPP rows in the original format.
    with gzip.open(benchmarks.data_path("mbpp_v1", None), "rt") as f:
        first = [json.loads(next(f)) for _ in range(5)]
    (tmp_path / "mbpp-head.jsonl").write_text("".join(json.dumps(r) + "\n" for r in first))
    cfg = load_manifest(manifest(tmp_path, "filter:\n  decontamination: {paths: {mbpp_v1: mbpp-head.jsonl}}\n"))
    plan, _ = scoring_plan(cfg)
    _, described = decontamination_index(cfg, plan)
    mbpp = next(b for b in described if b["name"] == "mbpp_v1")
    assert mbpp["items"] == 5 and mbpp["path"].endswith("mbpp-head.jsonl")


def _reference_token_hashes(text: str) -> list[int]:
    """The token hash by its definition, in plain Python: every `\\w+` run of the lowercased text, Horner's
    polynomial hash of its code points modulo 2**64 (base decontam._BASE), xor its length, then splitmix64."""
    import re  # noqa: PLC0415

    from lemur_data.quality import decontam  # noqa: PLC0415

    m64 = (1 << 64) - 1

    def mix(x: int) -> int:
        x = ((x + 1) * 0x9E3779B97F4A7C15) & m64
        x ^= x >> 30
        x = (x * 0xBF58476D1CE4E5B9) & m64
        x ^= x >> 27
        x = (x * 0x94D049BB133111EB) & m64
        return x ^ (x >> 31)

    out = []
    for token in re.findall(r"\w+", text.lower()):
        h = 0
        for ch in token:
            h = (h * decontam._BASE + ord(ch)) & m64
        out.append(mix(h ^ len(token)))
    return out


@pytest.mark.parametrize("path", [HOSTS / "heapq.py", PROSE / "xz-utils-THANKS.txt",
                                  REPO / "tests" / "fixtures" / "filter" / "debian-reference-ch01.fr.txt"])
def test_native_token_hashes_follow_the_definition(path: Path) -> None:
    """The native kernel (one pass over the tokens) gives the definition's hashes, on ASCII and non-ASCII text
    (the French chapter and the THANKS file's names lowercase non-ASCII letters; 'İ' lowercases to two code points)."""
    from lemur_data.quality.decontam import token_hashes  # noqa: PLC0415

    text = path.read_text(encoding="utf-8")
    for sample in (text, text.upper(), "İstanbul ǅ Straße ﬁ " + text[:500]):
        assert token_hashes(sample).tolist() == _reference_token_hashes(sample)


def test_prefilter_keeps_every_indexed_ngram() -> None:
    """The lookup's prefilter never hides an indexed n-gram: every part of every bundled HumanEval item, alone,
    matches its own item."""
    from lemur_data.quality.decontam import DecontaminationIndex  # noqa: PLC0415

    b = benchmarks.get("humaneval_v1")
    index = DecontaminationIndex.build(
        read_benchmark("humaneval_v1", benchmarks.data_path("humaneval_v1", None), b.id_field, b.text_fields), 10, 0.5)
    for item_id, parts in items("humaneval_v1").items():
        for part in parts:
            if len(text_ngrams(part, 10)):
                assert f"humaneval_v1/{item_id}" in index.matches(part)
