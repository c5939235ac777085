"""The dataset manifest model: valid manifests resolve, mistakes fail fast naming the key, value and expectation."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from lemur_data.config import ConfigError, load_manifest
from tests.conftest import DEMO_MANIFEST, run_cli


def _write(tmp_path: Path, doc: dict) -> Path:
    path = tmp_path / "m.yaml"
    path.write_text(yaml.safe_dump(doc), encoding="utf-8")
    return path


def _base(**extra) -> dict:
    doc = {"name": "t", "output": "out", "sources": [{"name": "a", "kind": "code", "format": "files", "path": "src"}]}
    doc.update(extra)
    return doc


def test_demo_manifest_is_valid_and_paths_resolve_against_its_folder():
    cfg = load_manifest(DEMO_MANIFEST)
    assert cfg.name == "demo"
    for s in cfg.sources:
        assert Path(s.path.split("*")[0]).is_absolute()
        assert str(DEMO_MANIFEST.parent) in s.path
    assert len({s.format for s in cfg.sources}) >= 5


def test_issue_example_with_s3_and_column_mapping_parses(tmp_path):
    doc = _base(sources=[
        {"name": "py-stdlib", "kind": "code", "format": "files", "path": "examples/corpus/code/python"},
        {"name": "web-docs", "kind": "text", "format": "warc", "path": "examples/corpus/web/*.warc.gz"},
        {"name": "the-stack", "kind": "code", "format": "parquet", "path": "s3://bucket/the-stack/",
         "columns": {"text": "content", "lang": "lang"}},
    ])
    cfg = load_manifest(_write(tmp_path, doc))
    assert cfg.source("the-stack").path == "s3://bucket/the-stack/"
    assert cfg.source("the-stack").column_mapping.text == "content"
    assert cfg.source("web-docs").path == str(tmp_path / "examples/corpus/web/*.warc.gz")


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d["sources"][0].update(format="war"),
         ["sources[0].format", "'war'", "'files'", "'warc'"]),
        (lambda d: d["sources"][0].update(kind="prose"), ["sources[0].kind", "'prose'", "'code'", "'text'"]),
        (lambda d: d.update(sead=3), ["sead: unknown key", "did you mean 'seed'"]),
        (lambda d: d["sources"][0].update(colums={"text": "x"}), ["sources[0].colums: unknown key", "'columns'"]),
        (lambda d: d.pop("output"), ["output: required key is missing"]),
        (lambda d: d.update(seed=-1), ["seed", "-1", "greater than or equal to 0"]),
        (lambda d: d["sources"].append(dict(d["sources"][0])), ["sources", "'a' is used twice"]),
        (lambda d: d["sources"][0].update(columns={"text": "content"}), ["columns", "parquet, jsonl, datatrove"]),
        (lambda d: d["sources"][0].update(kind="text", format="jsonl", columns={"path": "metadata.path"}),
         ["sources[0]", "columns.path", "'text'", "columns.meta"]),
        (lambda d: d["sources"][0].update(format="jsonl", columns={"paht": "metadata.path"}),
         ["sources[0].columns.paht: unknown key", "'path'"]),
        (lambda d: d.update(crawl={"max_file_bytes": 0}), ["crawl.max_file_bytes", "got 0", "greater than 0"]),
        (lambda d: d.update(mix={"budget_tokens": "1.5e0"}), ["mix.budget_tokens", "fractional part"]),
        (lambda d: d["sources"][0].update(name="Bad Name"), ["sources[0].name", "'Bad Name'", "pattern"]),
        (lambda d: d.update(spark={"conf": {"driver.memory": "1g"}}), ["spark.conf", "must start with 'spark.'"]),
    ],
)
def test_mistakes_name_the_key_the_value_and_what_is_expected(tmp_path, mutate, expected):
    doc = _base()
    mutate(doc)
    with pytest.raises(ConfigError) as err:
        load_manifest(_write(tmp_path, doc))
    message = str(err.value)
    assert str(tmp_path / "m.yaml") in message
    for fragment in expected:
        assert fragment in message, f"{fragment!r} not in:\n{message}"


def test_token_counts_may_be_written_in_scientific_notation(tmp_path):
    doc = _base()
    doc["mix"] = {"budget_tokens": "placeholder"}
    text = yaml.safe_dump(doc, sort_keys=False).replace("placeholder", "9e10")
    assert yaml.safe_load(text)["mix"]["budget_tokens"] == "9e10"  # PyYAML's reading of an unquoted 9e10
    (tmp_path / "m.yaml").write_text(text, encoding="utf-8")
    assert load_manifest(tmp_path / "m.yaml").mix.budget_tokens == 90_000_000_000


def test_a_bytes_per_token_setting_is_kept(tmp_path):
    doc = _base()
    doc["filter"] = {"bytes_per_token": {"code": 3.0, "text": 4.0}}
    assert load_manifest(_write(tmp_path, doc)).filter.bytes_per_token == {"code": 3.0, "text": 4.0}


def test_yaml_syntax_error_is_a_config_error(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text("name: [unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_manifest(path)


def test_run_id_ignores_locations_but_not_the_recipe(tmp_path):
    a = load_manifest(_write(tmp_path, _base()))
    b = load_manifest(_write(tmp_path, _base(output="s3://bucket/elsewhere")))
    c = load_manifest(_write(tmp_path, _base(seed=99)))
    assert a.run_id() == b.run_id()
    assert a.run_id() != c.run_id()
    assert a.sha256() != b.sha256()


def test_cli_reports_config_errors_before_starting_spark(tmp_path):
    path = _write(tmp_path, _base(sources=[{"name": "a", "kind": "code", "format": "files", "path": "missing-dir"}]))
    proc = run_cli("crawl", str(path), timeout=120)
    assert proc.returncode == 2
    assert "sources[a].path: nothing found" in proc.stderr
    assert "missing-dir" in proc.stderr
    assert "SparkContext" not in proc.stderr and "spark" not in proc.stdout.lower()


def test_cli_validate_command(tmp_path):
    ok = run_cli("validate", str(DEMO_MANIFEST), timeout=120)
    assert ok.returncode == 0, ok.stderr
    assert "valid dataset manifest 'demo'" in ok.stdout
    bad = run_cli("validate", str(_write(tmp_path, _base(seed="x"))), timeout=120)
    assert bad.returncode == 2
    assert "seed: got 'x'" in bad.stderr


def test_environment_variables_parameterise_paths(tmp_path, monkeypatch):
    doc = _base(output="${LEMUR_TEST_OUT:-s3://default-bucket/out}",
                sources=[{"name": "a", "kind": "code", "format": "parquet", "path": "${LEMUR_TEST_BUCKET}/the-stack/"}])
    path = _write(tmp_path, doc)
    with pytest.raises(ConfigError, match=r"sources\[0\]\.path: environment variable \$\{LEMUR_TEST_BUCKET\} is not set"):
        load_manifest(path)
    monkeypatch.setenv("LEMUR_TEST_BUCKET", "s3://corpus")
    cfg = load_manifest(path)
    assert cfg.sources[0].path == "s3://corpus/the-stack/"
    assert cfg.output == "s3://default-bucket/out"
    monkeypatch.setenv("LEMUR_TEST_OUT", "s3://elsewhere/out")
    assert load_manifest(path).output == "s3://elsewhere/out"
