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
    """A benchmark of your own, checked for every kind (JSON Lines, optionally gzip); registered benchmarks are
    selected in the recipes (settings.decontamination) instead."""

    name: str = Field(description="benchmark name, used in item ids (<name>/<id>)", pattern=NAME_PATTERN)
    path: str = Field(description="file path relative to the manifest, or asset:<name> for a bundled asset")
    id_field: str = Field("task_id", description="field holding the item id")
    text_fields: tuple[str, ...] = Field(("prompt", "canonical_solution"), min_length=1,
                                         description="fields indexed separately (each is one part of the item)")


class DecontaminationConfig(Model):
    """N-gram overlap against the benchmarks the recipes select (plus files of your own)."""

    enabled: bool = Field(True, description="drop (or flag) documents containing benchmark items")
    ngram: int = Field(10, ge=3, le=50, description="n-gram size in normalised word tokens")
    min_overlap: float = Field(0.5, gt=0, le=1, description="share of a part's distinct n-grams a document must "
                                                            "contain to count as a copy")
    action: Literal["drop", "flag"] = Field("drop", description="what to do with contaminated documents")
    paths: dict[str, str] = Field(default_factory=dict, description="per registered benchmark name (e.g. mmlu_v1), "
                                  "its file relative to the manifest: supplies one that is not bundled or replaces "
                                  "the bundled copy")
    benchmarks: tuple[BenchmarkFile, ...] = Field((), description="benchmark files of your own (any name not "
                                                  "registered), checked for every kind")

    @field_validator("paths")
    @classmethod
    def _registered(cls, paths: dict[str, str]) -> dict[str, str]:
        from lemur_data.quality import benchmarks  # noqa: PLC0415 - keeps config import light

        for name in paths:
            benchmarks.get(name)  # BenchmarkError (a ValueError) lists the registered names
        return paths

    @field_validator("benchmarks")
    @classmethod
    def _own_names(cls, files: tuple[BenchmarkFile, ...]) -> tuple[BenchmarkFile, ...]:
        from lemur_data.quality import benchmarks  # noqa: PLC0415 - keeps config import light

        taken = [b.name for b in files if b.name in benchmarks.BENCHMARKS]
        if taken:
            raise ValueError(f"{taken} are registered benchmarks: select them in the recipe "
                             f"(settings.decontamination) and give their file in filter.decontamination.paths")
        return files


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
    target_file_bytes: int = Field(128 << 20, gt=0, description="outputs follow the upstream files; an upstream "
                                   "file above this size is cut into runs of row groups of about this size, one "
                                   "output file per run (`-rg<first row group>` in its name)")

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

    d = f.decontamination
    benches = tuple(b if b.path.startswith(ASSET_PREFIX) else b.model_copy(update={"path": resolve(b.path)})
                    for b in d.benchmarks)
    paths = {name: resolve(p) for name, p in d.paths.items()}
    update: dict[str, Any] = {"code": choice(f.code), "text": choice(f.text),
                              "decontamination": d.model_copy(update={"benchmarks": benches, "paths": paths})}
    if f.quality_model is not None:
        update["quality_model"] = f.quality_model.model_copy(update={"path": resolve(f.quality_model.path)})
    return f.model_copy(update=update)


def check_filter(f: FilterConfig, origin: str, source_names: list[str]) -> None:
    """Load and validate the filter recipes with the manifest's overrides, so a bad recipe fails up front."""
    from lemur_data.quality import benchmarks, datatrove_rules, recipes  # noqa: PLC0415 - keeps config import light

    d = f.decontamination
    for kind in ("code", "text"):
        choice: RecipeChoice = getattr(f, kind)
        try:
            recipe = recipes.load(kind, choice.recipe, choice.settings, choice.rules, origin=f"filter.{kind}")
            datatrove_rules.check_recipe(recipe.rules, kind, origin=f"filter.{kind}")
        except (recipes.RecipeError, datatrove_rules.StepError) as exc:
            raise ConfigError(f"{origin}: {exc}") from None
        for name in recipe.settings.decontamination if d.enabled else ():
            try:
                benchmarks.check_available(name, d.paths.get(name))
            except benchmarks.BenchmarkError as exc:
                raise ConfigError(f"{origin}: filter.{kind}.settings.decontamination: {exc}") from None
        for rule in recipe.rules:
            unknown = [s for s in rule.skip_sources if s not in source_names]
            if unknown:
                raise ConfigError(f"{origin}: filter.{kind}.rules.{rule.name}.skip_sources: got {unknown}; expected "
                                  f"names of the manifest's sources ({', '.join(source_names)})")
    local = [(f"benchmarks[{i}].path", b.path) for i, b in enumerate(d.benchmarks) if not b.path.startswith(ASSET_PREFIX)]
    for key, path in local + [(f"paths.{name}", p) for name, p in d.paths.items()]:
        if d.enabled and not storage.is_remote(path) and not os.path.isfile(path):
            raise ConfigError(f"{origin}: filter.decontamination.{key}: file {path} not found")
    if f.quality_model is not None and not os.path.isfile(f.quality_model.path):
        raise ConfigError(f"{origin}: filter.quality_model.path: file {f.quality_model.path} not found; "
                          f"train one with `lemur-data quality train`")
