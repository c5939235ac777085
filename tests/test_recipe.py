"""The Lemur recipe: lemur-v1.yaml validates without data, `validate` checks feasibility on declared sizes, the
recipe-level config extensions (declared_tokens, skip_sources, unset location parameters) behave. Fast, no Spark."""

from __future__ import annotations

import re
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import yaml

from lemur_data import cli
from lemur_data.config import ConfigError, load_manifest
from lemur_data.quality import recipes
from lemur_data.sources import dm_math

REPO = Path(__file__).resolve().parents[1]
LEMUR_V1 = REPO / "manifests" / "lemur-v1.yaml"
DM_SAMPLE = REPO / "tests" / "fixtures" / "dm-math"
V1_VARS = ("LEMUR_V1_OUTPUT", "THE_STACK_DEDUP", "REFINEDWEB", "REDPAJAMA_1T", "DM_MATHEMATICS", "LLAMA2_TOKENIZER")


@pytest.fixture(autouse=True)
def _no_v1_parameters(monkeypatch):
    for var in V1_VARS:
        monkeypatch.delenv(var, raising=False)


def _v1_raw() -> dict:
    return yaml.safe_load(LEMUR_V1.read_text(encoding="utf-8"))


def _write(tmp_path: Path, doc: dict) -> Path:
    path = tmp_path / "lemur-variant.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    return path


def test_lemur_v1_validates_and_its_declared_plan_is_exactly_10_to_1(capsys):
    assert cli.main(["validate", str(LEMUR_V1)]) == 0
    out = capsys.readouterr().out
    assert "valid dataset manifest 'lemur-v1' with 18 sources" in out
    assert "mix feasibility on the sources' declared_tokens" in out
    # unset location parameters are named, each once, with the keys that use them
    for var in V1_VARS:
        assert out.count(f"${{{var}}} is not set") == 1
    assert re.search(r"\$\{THE_STACK_DEDUP\} is not set \(sources\[0\]\.path, .*sources\[9\]\.path\)", out)
    # the plan: 90B // 4096 rows, 10:1 by rows, every source within its repetition limit
    assert "21,972,656 rows x 4096 tokens" in out
    assert "ratio code/text: target 10:1, planned 10.0000:1" in out
    cfg = load_manifest(LEMUR_V1, unset_paths=[])
    for s in cfg.sources:
        assert re.search(rf"^{re.escape(s.name)} .* ok$", out, re.MULTILINE), s.name


def test_lemur_v1_recipe_choices():
    cfg = load_manifest(LEMUR_V1, unset_paths=[])
    assert cfg.mix.budget_tokens == 90_000_000_000 and cfg.mix.seq_len == 4096
    assert {g: grp.ratio for g, grp in cfg.mix.groups.items()} == {"code": 10, "text": 1}
    for g in cfg.mix.groups.values():
        assert sum(g.weights.values()) == pytest.approx(1.0)
    code = cfg.mix.groups["code"].weights
    # the paper's emphasis: Python first, the scripting languages above their natural share
    assert max(code, key=code.get) == "stack-python"
    assert cfg.dedup.scope == "global"
    assert cfg.tokenizer.path.endswith("${LLAMA2_TOKENIZER}") and cfg.tokenizer.format == "sentencepiece"
    stack = cfg.source("stack-python").column_mapping
    assert (stack.text, stack.license, stack.stars, stack.locator) == (
        "content", "max_stars_repo_licenses", "max_stars_count", "hexsha")


def test_lemur_v1_with_its_parameters_set_loads_for_run(monkeypatch, tmp_path):
    for var in V1_VARS:
        monkeypatch.setenv(var, f"s3://example-bucket/{var.lower()}")
    cfg = load_manifest(LEMUR_V1)
    assert cfg.source("stack-sql").path == "s3://example-bucket/the_stack_dedup/data/sql/*.parquet"
    assert cfg.output == "s3://example-bucket/lemur_v1_output"


def test_run_still_fails_on_an_unset_location_parameter(monkeypatch):
    with pytest.raises(ConfigError, match=r"output: environment variable \$\{LEMUR_V1_OUTPUT\} is not set"):
        load_manifest(LEMUR_V1)
    # `--output` replaces the output parameter (README's spark-submit lines); the source paths stay required
    with pytest.raises(ConfigError, match=r"sources\[0\]\.path: environment variable \$\{THE_STACK_DEDUP\}"):
        load_manifest(LEMUR_V1, output="s3://bucket/runs/lemur-v1")
    for var in V1_VARS[1:]:
        monkeypatch.setenv(var, "/data")
    assert load_manifest(LEMUR_V1, output="s3://bucket/runs/lemur-v1").output == "s3://bucket/runs/lemur-v1"


def test_validate_leaves_only_location_parameters_unset(tmp_path, capsys):
    doc = _v1_raw()
    doc["filter"]["text"]["recipe"] = "${TEXT_RECIPE}"  # what the recipe does: never a placeholder
    assert cli.main(["validate", str(_write(tmp_path, doc))]) == 2
    err = capsys.readouterr().err
    assert "filter.text.recipe: environment variable ${TEXT_RECIPE} is not set" in err


def test_infeasible_mix_names_the_source_and_its_shortfall(tmp_path, capsys):
    doc = _v1_raw()
    shell = next(s for s in doc["sources"] if s["name"] == "stack-shell")
    shell["declared_tokens"] = 500_000_000
    assert cli.main(["validate", str(_write(tmp_path, doc))]) == 2
    cap = capsys.readouterr()
    # 4% of the code group's 19,975,142 rows = 799,006 rows of 4096 tokens, against 4 x 500M allowed
    shortfall = 799_006 * 4096 - 4 * 500_000_000
    assert f"source 'stack-shell' (group code) is short by {shortfall:,} tokens" in cap.err
    assert "mix.max_repetition_by_source.stack-shell" in cap.err
    assert "SHORT by" in cap.out and "stack-python" in cap.out  # the table is printed before the failure
    assert cap.err.count("is short by") == 1


def test_declared_tokens_are_all_or_none(tmp_path, capsys):
    doc = _v1_raw()
    del doc["sources"][3]["declared_tokens"]
    assert cli.main(["validate", str(_write(tmp_path, doc))]) == 2
    assert "missing for sources[3] (stack-perl)" in capsys.readouterr().err


def test_declared_tokens_change_no_output_identity(tmp_path):
    doc = _v1_raw()
    a = load_manifest(_write(tmp_path, doc), unset_paths=[])
    doc["sources"][0]["declared_tokens"] = 1
    b = load_manifest(_write(tmp_path, doc), unset_paths=[])
    assert a.source("stack-python").declared_tokens != b.source("stack-python").declared_tokens
    assert a.run_id() == b.run_id()
    assert a.section_sha256("name", "seed", "sources", "crawl") == b.section_sha256("name", "seed", "sources", "crawl")


def test_skip_sources_lifts_a_rule_for_named_sources_only():
    recipe = recipes.load("text", None, {}, {"text.c4_curly_bracket_v1": {"skip_sources": ["rp-arxiv"]}},
                          origin="filter.text")
    rules = recipes.RuleSet(recipe.rules)
    signals = {"text.c4_curly_bracket_v1": 1.0}
    _, failed_web = rules.evaluate("en", signals, "refinedweb")
    evaluated_arxiv, failed_arxiv = rules.evaluate("en", signals, "rp-arxiv")
    assert [r.name for r in failed_web] == ["text.c4_curly_bracket_v1"]
    assert failed_arxiv == [] and "text.c4_curly_bracket_v1" not in evaluated_arxiv


def test_skip_sources_must_name_sources_of_the_manifest(tmp_path):
    doc = _v1_raw()
    doc["filter"]["text"]["rules"]["text.c4_sentences_v1"] = {"skip_sources": ["rp-arxv"]}
    with pytest.raises(ConfigError, match=r"text\.c4_sentences_v1\.skip_sources: got \['rp-arxv'\]"):
        load_manifest(_write(tmp_path, doc), unset_paths=[])


def test_dm_math_conversion_of_generated_files(tmp_path):
    """Files written by the real mathematics_dataset generator (tests/fixtures/dm-math, see its README)."""
    done = dm_math.convert(DM_SAMPLE, tmp_path, pairs_per_doc=4, splits=("train-easy",))
    src_files = sorted((DM_SAMPLE / "train-easy").glob("*.txt"))
    assert [c.path.stem for c in done] == [p.stem for p in src_files]
    for c, src in zip(done, src_files):
        lines = src.read_text(encoding="utf-8").splitlines()
        rows = pq.read_table(c.path).to_pylist()
        assert c.pairs == len(lines) // 2 and c.docs == len(rows) == -(-c.pairs // 4)
        # every pair kept, in order, nothing invented
        assert [ln for r in rows for ln in r["text"].split("\n") if ln] == lines[: 2 * c.pairs]
        assert rows[1]["locator"] == f"train-easy/{src.stem}.txt#9"
        assert {r["module"] for r in rows} == {src.stem} and {r["split"] for r in rows} == {"train-easy"}


def test_dm_math_counts_an_unpaired_trailing_line(tmp_path):
    src = sorted((DM_SAMPLE / "train-easy").glob("*.txt"))[0]
    lines = src.read_text(encoding="utf-8").splitlines()
    truncated = tmp_path / "src" / "train-easy" / src.name
    truncated.parent.mkdir(parents=True)
    truncated.write_text("\n".join(lines[:7]) + "\n", encoding="utf-8")
    (c,) = dm_math.convert(tmp_path / "src", tmp_path / "out", pairs_per_doc=2, splits=("train-easy",))
    assert (c.pairs, c.docs, c.unpaired_lines) == (3, 2, 1)
