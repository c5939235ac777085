"""datatrove steps as filter rules (issue 13): configuration checks, a user's own step by import path, the error
path, and one filter-stage run on Spark over the demo corpus whose decisions, rewritten texts and per-step stats
equal datatrove's own LocalPipelineExecutor on the same documents."""

from __future__ import annotations

import hashlib
import sys
import zipfile
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as pads
import pytest
import yaml

from lemur_data import manifest as mf
from lemur_data.config import ConfigError, load_manifest
from lemur_data.quality import recipes
from lemur_data.quality.scorer import Scorer, ScoringPlan
from lemur_data.runner import run_stage
from lemur_data.schema import DOC_SCHEMA, content_sha256
from lemur_data.stage import RunContext
from lemur_data.stages import STAGES
from tests.conftest import DEMO_MANIFEST, REPO, copy_outputs

DEMO = REPO / "manifests" / "demo-corpus"
FRENCH = REPO / "tests" / "fixtures" / "filter" / "debian-reference-ch01.fr.txt"
APPETITE = DEMO / "text" / "python-docs" / "tutorial" / "appetite.rst"
FILTERS = "datatrove.pipeline.filters"
FORMATTERS = "datatrove.pipeline.formatters"
PII_ARGS = {"email_replacement": "<EMAIL>", "ip_replacement": "<IP>"}
FRENCH_STOP_WORDS = ["le", "la", "les", "de", "des", "et", "un", "une", "est", "en"]
# A rule with per-language settings: Python modules with a __main__ block (scripts; 29 of the demo's) are
# dropped, files of other languages when marked generated ("DO NOT EDIT", "@generated": lock files and the like).
SCRIPT_PY = r"(?m)^if __name__ == .__main__.:"
GENERATED = r"(?i)do not edit|@generated"

# A user's own steps, in a package of their own (shipped to executors with --py-files: addPyFile here).
USER_STEPS = '''
from datatrove.pipeline.filters.base_filter import BaseFilter


class MinLines(BaseFilter):
    """Drops documents with fewer than `min_lines` non-blank lines."""

    name = "min lines"

    def __init__(self, min_lines: int = 3):
        super().__init__()
        self.min_lines = min_lines

    def filter(self, doc):
        lines = sum(1 for line in doc.text.splitlines() if line.strip())
        return lines >= self.min_lines or (False, f"under_{self.min_lines}_lines")


class Explodes(BaseFilter):
    """Raises on documents that contain "Monty" (a step with a bug, for the error path)."""

    name = "explodes"

    def filter(self, doc):
        if "Monty" in doc.text:
            raise RuntimeError("cannot handle Monty")
        return True
'''


@pytest.fixture(scope="module")
def user_steps(tmp_path_factory) -> Path:
    """The package `lemur_test_steps` on the driver's sys.path; returns its zip (what --py-files ships)."""
    root = tmp_path_factory.mktemp("user-steps")
    (root / "lemur_test_steps").mkdir()
    (root / "lemur_test_steps" / "__init__.py").write_text("")
    (root / "lemur_test_steps" / "filters.py").write_text(USER_STEPS)
    archive = root / "lemur_test_steps.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for name in ("__init__.py", "filters.py"):
            zf.write(root / "lemur_test_steps" / name, f"lemur_test_steps/{name}")
    sys.path.insert(0, str(root))
    yield archive
    sys.path.remove(str(root))


def rule(name: str, step: str, **fields) -> dict:
    args = fields.pop("args", None)
    return {"name": name, "datatrove": {"step": step, **({"args": args} if args else {})}, **fields}


TEXT_RULES = [
    rule("text.dt_gopher_repetition_v1", f"{FILTERS}.GopherRepetitionFilter"),
    # Technical documentation keeps inline code in its prose: 60% of words with a letter, as in manifests/demo.yaml.
    rule("text.dt_gopher_quality_v1", f"{FILTERS}.GopherQualityFilter", args={"max_non_alpha_words_ratio": 0.6}),
    rule("text.dt_c4_v1", f"{FILTERS}.C4QualityFilter", args={"min_num_sentences": 3}),
    rule("text.dt_fineweb_v1", f"{FILTERS}.FineWebQualityFilter"),
    rule("text.user_min_lines_v1", "lemur_test_steps.filters:MinLines", args={"min_lines": 8}),
    rule("text.dt_pii_v1", f"{FORMATTERS}.PIIFormatter", args=PII_ARGS),
]
CODE_RULES = [
    rule("code.dt_scripts_generated_v1", f"{FILTERS}.RegexFilter", args={"regex_exp": GENERATED},
         langs={"python": {"args": {"regex_exp": SCRIPT_PY}}}),
    rule("code.dt_pii_v1", f"{FORMATTERS}.PIIFormatter", args=PII_ARGS),
]


def reference_steps(kind: str, lang: str) -> list:
    """The same steps, constructed with datatrove's own classes (not through lemur-data)."""
    from datatrove.pipeline import filters, formatters
    from lemur_test_steps.filters import MinLines

    if kind == "code":
        return [filters.RegexFilter(SCRIPT_PY if lang == "python" else GENERATED), formatters.PIIFormatter(**PII_ARGS)]
    return [filters.GopherRepetitionFilter(), filters.GopherQualityFilter(max_non_alpha_words_ratio=0.6),
            filters.C4QualityFilter(min_num_sentences=3), filters.FineWebQualityFilter(), MinLines(min_lines=8),
            formatters.PIIFormatter(**PII_ARGS)]


def recipe_file(root: Path, kind: str, rules: list[dict]) -> Path:
    path = root / f"{kind}-datatrove.yaml"
    path.write_text(yaml.safe_dump({"recipe": f"{kind}-datatrove-v1", "kind": kind, "rules": rules}, sort_keys=False))
    return path


def manifest_with_filter(root: Path, filter_yaml: str) -> Path:
    text = DEMO_MANIFEST.read_text().replace("demo-corpus/", str(DEMO) + "/")
    path = root / "m.yaml"
    path.write_text(text[: text.index("\nfilter:")] + "\n" + filter_yaml + text[text.index("\ndedup:"):])
    return path


# -- configuration: mistakes fail before Spark, naming the rule and what to change ----------------------------------
@pytest.mark.parametrize("rules, kind, expected", [
    ([rule("text.dt_gopher_v1", f"{FILTERS}.GopherQualityFiltre")], "text",
     r"text\.dt_gopher_v1\.datatrove\.step: .*did you mean 'GopherQualityFilter'"),
    ([rule("text.dt_gopher_v1", "no_such_package.filters:Gopher")], "text",
     r"datatrove\.step: cannot import module 'no_such_package\.filters'.*--py-files"),
    ([rule("text.dt_gopher_v1", f"{FILTERS}.GopherQualityFilter", args={"min_doc_word": 20})], "text",
     r"text\.dt_gopher_v1\.datatrove\.args: .*did you mean 'min_doc_words'"),
    ([rule("text.dt_gopher_v1", f"{FILTERS}.GopherQualityFilter", langs={"fr": {"args": {"languag": "fra"}}})],
     "text", r"text\.dt_gopher_v1\.langs\.fr\.args: .*'languag'"),
    ([rule("text.dt_reader_v1", "datatrove.pipeline.readers.JsonlReader", args={"data_folder": "x"})], "text",
     r"not a datatrove filter, formatter or extractor"),
    ([rule("code.dt_extract_v1", "datatrove.pipeline.extractors.Trafilatura")], "code",
     r"code\.dt_extract_v1\.datatrove\.step: .*extractors run on text documents only"),
    ([rule("text.dt_pii_v1", f"{FORMATTERS}.PIIFormatter")], "text",
     r"text\.dt_pii_v1\.datatrove\.args: PIIFormatter cycles through several replacements"),
    ([rule("text.dt_sample_v1", f"{FILTERS}.SamplerFilter", args={"rate": 0.5})], "text", r"xxhash64"),
    ([rule("text.dt_gopher_v1", f"{FILTERS}.GopherQualityFilter", args={"exclusion_writer": None})], "text",
     r"exclusion_writer.*rejects/"),
    ([{**rule("text.dt_gopher_v1", f"{FILTERS}.GopherQualityFilter"), "signal": "text.words_v1", "min": 5}], "text",
     r"exactly one of signal .* or datatrove"),
])
def test_bad_datatrove_rule_fails_before_spark_naming_the_key(tmp_path, rules, kind, expected):
    path = recipe_file(tmp_path, kind, rules)
    with pytest.raises(ConfigError, match=expected):
        load_manifest(manifest_with_filter(tmp_path, f"filter:\n  {kind}:\n    recipe: {path}\n"))


def test_manifest_overrides_change_and_add_datatrove_rules(tmp_path):
    """A dataset manifest changes one argument of a recipe's datatrove rule and adds another datatrove rule."""
    path = recipe_file(tmp_path, "text", [rule("text.dt_gopher_v1", f"{FILTERS}.GopherQualityFilter",
                                               args={"min_doc_words": 50})])
    overrides = {"text.dt_gopher_v1": {"datatrove": {"args": {"max_doc_words": 900}}},
                 "text.dt_pii_v1": {"datatrove": {"step": f"{FORMATTERS}.PIIFormatter", "args": PII_ARGS},
                                    "action": "flag"}}
    cfg = load_manifest(manifest_with_filter(tmp_path, f"filter:\n  text:\n    recipe: {path}\n    rules: "
                                                       f"{yaml.safe_dump(overrides, default_flow_style=True).strip()}\n"))
    gopher, pii = recipes.load("text", cfg.filter.text.recipe, {}, cfg.filter.text.rules, "filter.text").rules
    assert gopher.datatrove.args == {"min_doc_words": 50, "max_doc_words": 900}
    assert gopher.datatrove.step == f"{FILTERS}.GopherQualityFilter"
    assert pii.name == "text.dt_pii_v1" and pii.action == "flag" and pii.datatrove.args == PII_ARGS
    with pytest.raises(ConfigError, match=r"text\.dt_gopher_v1\.datatrove\.args: .*'max_doc_word'"):
        load_manifest(manifest_with_filter(tmp_path, f"filter:\n  text:\n    recipe: {path}\n    rules: "
                                                     "{text.dt_gopher_v1: {datatrove: {args: {max_doc_word: 9}}}}\n"))


# -- in-process: per-language arguments, flag, errors ----------------------------------------------------------------
def scored(text_rules: list[dict], docs: list[tuple[str, str]], tmp_path: Path) -> tuple[list[dict], Scorer]:
    text = recipes.load("text", str(recipe_file(tmp_path, "text", text_rules)), {}, {}, "filter.text")
    s = Scorer(ScoringPlan(recipes.load("code", None, {}, {}, "filter.code"), text, (), None, None), None)
    rows = [dict(id=str(i), kind="text", source="t", lang=lang, text=t, locator=f"d{i}", repo=None, license=None,
                 size_bytes=len(t.encode()), content_sha256=content_sha256(t.encode()), signals=None, meta=None)
            for i, (lang, t) in enumerate(docs)]
    out = s.score(pa.RecordBatch.from_pylist(rows, schema=DOC_SCHEMA)).to_pylist()
    return [{**r, "meta": dict(r["meta"] or [])} for r in out], s


def test_per_language_arguments_flag_action_and_datatrove_reasons(tmp_path):
    from datatrove.data import Document
    from datatrove.pipeline.filters import GopherQualityFilter

    french, english = FRENCH.read_text(), APPETITE.read_text()
    gopher = rule("text.dt_gopher_v1", f"{FILTERS}.GopherQualityFilter", action="flag",
                  langs={"fr": {"args": {"language": "fra", "stop_words": FRENCH_STOP_WORDS}, "action": "drop"}})
    (fr_default, en_default), _ = scored([{**gopher, "langs": {}}], [("fr", french), ("en", english)], tmp_path)
    (fr, en), s = scored([gopher], [("fr", french), ("en", english)], tmp_path)
    # datatrove itself, with English settings, drops the French page for its stop words; with French ones it keeps it.
    assert GopherQualityFilter().filter(Document(french, "x")) == (False, "gopher_enough_stop_words")
    assert GopherQualityFilter(language="fra", stop_words=FRENCH_STOP_WORDS).filter(Document(french, "x")) is True
    assert fr_default["first_reason"] is None  # flagged, not dropped
    assert fr_default["meta"]["filter_flags"] == "text.dt_gopher_v1"
    assert fr_default["meta"]["datatrove_reasons"] == "text.dt_gopher_v1:gopher_enough_stop_words"
    assert fr["first_reason"] is None and "filter_flags" not in fr["meta"]
    assert en["first_reason"] is None and en_default["first_reason"] is None
    assert s.stats.datatrove["text.dt_gopher_v1"] == {"total": 2, "forwarded": 2}


def test_a_step_raising_on_one_document_rejects_only_that_document(tmp_path, user_steps):
    docs = [("en", APPETITE.read_text()), ("en", (DEMO / "text" / "python-docs" / "tutorial" / "interpreter.rst").read_text())]
    assert "Monty" in docs[0][1] and "Monty" not in docs[1][1]
    out, s = scored([rule("text.user_explodes_v1", "lemur_test_steps.filters:Explodes"),
                     rule("text.dt_pii_v1", f"{FORMATTERS}.PIIFormatter", args=PII_ARGS)], docs, tmp_path)
    assert out[0]["first_reason"] == "filter.signal_error_v1"
    assert out[0]["meta"]["filter_error"] == "text.user_explodes_v1: RuntimeError: cannot handle Monty"
    assert out[1]["first_reason"] is None
    assert s.stats.datatrove["text.user_explodes_v1"]["forwarded"] == 1
    assert s.stats.datatrove["text.dt_pii_v1"] == {"total": 1}  # the failing document left the chain


# -- the stage on Spark equals datatrove's own executor ----------------------------------------------------------------
@pytest.fixture(scope="module")
def datatrove_filter(spark, demo_pipeline, user_steps, tmp_path_factory) -> tuple[Path, dict]:
    """The filter stage alone, every rule a datatrove step (lemur-data's own PII redaction and decontamination off),
    on a copy of the session demo run's crawl output; the user's package shipped as --py-files would."""
    root = tmp_path_factory.mktemp("datatrove-filter")
    spark.sparkContext.addPyFile(str(user_steps))
    manifest = manifest_with_filter(root, (
        f"filter:\n  code: {{recipe: {recipe_file(root, 'code', CODE_RULES)}}}\n"
        f"  text: {{recipe: {recipe_file(root, 'text', TEXT_RULES)}}}\n"
        "  pii: {enabled: false}\n  decontamination: {enabled: false}\n"))
    out = root / "out"
    copy_outputs(demo_pipeline[0], out, ["docs"])
    ctx = RunContext(load_manifest(manifest, output=str(out)), STAGES, _spark=spark)
    return out, run_stage(STAGES["filter"], ctx)


def datatrove_reference(docs: list[dict], tmp_path: Path) -> tuple[dict[str, str], dict[str, dict[str, int]]]:
    """datatrove's LocalPipelineExecutor over the same documents, one run per (kind, language settings): the texts
    of the documents it keeps, and its stats per rule (summed over the runs)."""
    from datatrove.data import Document
    from datatrove.executor import LocalPipelineExecutor

    kept: dict[str, str] = {}

    def collect(data, rank: int = 0, world_size: int = 1):
        for doc in data:
            kept[doc.id] = doc.text
            yield doc

    stats: dict[str, dict[str, int]] = {}
    groups = {("code", "python"): [], ("code", ""): [], ("text", ""): []}
    for d in docs:
        groups[(d["kind"], "python" if d["lang"] == "python" else "")].append(Document(d["text"], d["id"]))
    for (kind, lang), group in groups.items():
        names = [r["name"] for r in (CODE_RULES if kind == "code" else TEXT_RULES)]
        executor = LocalPipelineExecutor([group, *reference_steps(kind, lang), collect], tasks=1, workers=1,
                                         logging_dir=str(tmp_path / f"logs-{kind}-{lang}"))
        for name, step_stats in zip(names, executor.run().stats):
            totals = stats.setdefault(name, {})
            for label, metric in step_stats.stats.items():
                if label not in ("doc_len", "doc_len_tokens"):
                    totals[label] = totals.get(label, 0) + int(metric.total)
    return kept, stats


def read(out: Path, sub: str) -> list[dict]:
    return pads.dataset(out / sub, format="parquet", partitioning="hive").to_table().to_pylist()


def test_stage_decisions_texts_and_stats_equal_datatrove_executor(datatrove_filter, tmp_path):
    out, m = datatrove_filter
    assert mf.validation_errors(m) == [] and all(c["passed"] for c in m["validation"]), m["validation"]
    docs = read(out, "docs")
    kept, rejected = {r["id"]: r for r in read(out, "filtered")}, read(out, "rejects")
    assert len(docs) >= 300 and sum(d["kind"] == "text" for d in docs) >= 100
    expected_kept, expected_stats = datatrove_reference(docs, tmp_path)
    assert set(kept) == set(expected_kept)
    assert {i: r["text"] for i, r in kept.items()} == expected_kept
    assert {r["first_reason"] for r in rejected} <= {r["name"] for r in CODE_RULES + TEXT_RULES}
    rules = {r["rule"]: r for r in m["rules"]}
    for name, counts in expected_stats.items():
        dt = rules[name]["datatrove"]
        assert dt["total"] == counts.get("total", 0) and dt["dropped"] == counts.get("dropped", 0), name
        assert dt["dropped_by_reason"] == {k[8:]: v for k, v in counts.items() if k.startswith("dropped_")}, name
        assert rules[name]["evaluated"]["docs"] == counts["total"], name
    # The decisions are real: every text step dropped something, and both formatters rewrote texts.
    assert all(rules[r["name"]]["failed"]["docs"] > 0 for r in TEXT_RULES[:5]), {n: r["failed"] for n, r in rules.items()}
    assert rules["code.dt_scripts_generated_v1"]["by_source_lang"] and any(
        e["lang"] == "python" and e["failed_docs"] for e in rules["code.dt_scripts_generated_v1"]["by_source_lang"])
    originals = {d["id"]: d["text"] for d in docs}
    rewritten = [i for i, r in kept.items() if r["text"] != originals[i]]
    assert any("<EMAIL>" in kept[i]["text"] for i in rewritten) and any(kept[i]["kind"] == "code" for i in rewritten)
    assert all(r["content_sha256"] == content_sha256(r["text"].encode()) for r in kept.values())
    user = rules["text.user_min_lines_v1"]["datatrove"]
    assert user["identity"] == "sha256:" + hashlib.sha256(USER_STEPS.encode()).hexdigest()
    assert rules["text.dt_gopher_quality_v1"]["datatrove"]["identity"].startswith("datatrove 0.10")
