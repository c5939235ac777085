"""Filter recipes (filters/code.yaml, filters/text.yaml): typed, validated before Spark starts, applied per doc.

A recipe is a list of rules, each a versioned name, the signal it tests, thresholds (`min` / `max`: a document
fails when the signal is below `min` or above `max`; `allow_langs`: it fails when its language is not listed),
an action (`drop` or `flag`), the languages it applies to and per-language overrides. The dataset manifest picks
the recipe file and may override settings and rule fields; any mistake raises `ConfigError` naming the key.

A rule whose signal a document does not have (no grammar for its language, an HTML-only signal on Python) is
not evaluated for that document, and the manifest counts only evaluated documents.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from lemur_data.quality import benchmarks
from lemur_data.quality.signals import SIGNALS

Action = Literal["drop", "flag"]
RULE_NAME = r"^[a-z]+\.[a-z0-9_]+_v[0-9]+$"
BUNDLED_DIR = Path(__file__).resolve().parent.parent / "recipes"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LangOverride(_Model):
    """Per-language changes to a rule (keys are language slugs / ISO codes)."""

    min: float | None = Field(None, description="new lower bound for this language")
    max: float | None = Field(None, description="new upper bound for this language")
    action: Action | None = Field(None, description="new action for this language")
    enabled: bool | None = Field(None, description="false: the rule does not apply to this language")


class Rule(_Model):
    """One keep / drop decision on one signal."""

    name: str = Field(pattern=RULE_NAME, description="versioned rule name, e.g. code.max_line_length_v1")
    signal: str = Field(description="signal tested (see lemur_data/quality/signals.py)")
    min: float | None = Field(None, description="fail when the signal is below this")
    max: float | None = Field(None, description="fail when the signal is above this")
    allow_langs: tuple[str, ...] | None = Field(None, description="fail when the document's language is not listed")
    action: Action = Field("drop", description="drop: the document goes to rejects/; flag: kept, rule named in meta")
    enabled: bool = Field(True, description="false: the rule is not evaluated")
    only_langs: tuple[str, ...] | None = Field(None, description="apply only to these languages")
    skip_langs: tuple[str, ...] = Field((), description="do not apply to these languages")
    skip_sources: tuple[str, ...] = Field((), description="do not apply to documents of these sources (dataset "
                                          "source names; e.g. web-prose rules on LaTeX or math Q/A sources)")
    langs: dict[str, LangOverride] = Field(default_factory=dict, description="per-language overrides")
    description: str = Field("", description="why the rule exists (shown in the manifest)")

    @field_validator("signal")
    @classmethod
    def _known_signal(cls, signal: str) -> str:
        if signal not in SIGNALS:
            raise ValueError(f"unknown signal {signal!r}; expected one of the names in "
                             f"lemur_data/quality/signals.py (e.g. {', '.join(list(SIGNALS)[:3])}, ...)")
        return signal

    @model_validator(mode="after")
    def _check(self) -> Rule:
        if self.min is None and self.max is None and self.allow_langs is None:
            raise ValueError("a rule needs at least one of min, max or allow_langs")
        return self


class _Settings(_Model):
    decontamination: tuple[str, ...] = Field((), description="benchmarks (registered names, lemur_data/quality/"
                                             "benchmarks.py) this kind's documents are checked against")

    @field_validator("decontamination")
    @classmethod
    def _registered(cls, names: tuple[str, ...]) -> tuple[str, ...]:
        for name in names:
            benchmarks.get(name)  # BenchmarkError (a ValueError) lists the registered names
        return names


class CodeSettings(_Settings):
    """How code signals are computed."""

    tree_sitter: bool = Field(True, description="parse with tree-sitter (structural signals)")
    tree_sitter_sample_bytes: int = Field(16384, ge=0, description="parse at most this many bytes from the start of "
                                          "a file, cut at a top-level item (0 = the whole file)")
    tree_sitter_max_steps: int = Field(20_000, gt=0, description="parser progress steps of one parse at most "
                                       "(deterministic cap; a normal 100 KB file takes ~500)")
    tree_sitter_timeout_s: float = Field(60.0, gt=0, description="wall-clock cap of one parse (last resort)")
    comment_lid_min_chars: int = Field(200, ge=0, description="comments shorter than this get no language ID")
    comment_max_chars: int = Field(1000, gt=0, description="comment text passed to language ID at most")
    chars_per_token_sample_chars: int = Field(2048, ge=0, description="prefix tokenized for chars per token; 0 = off")
    max_signal_chars: int = Field(4_000_000, gt=0, description="larger documents get only size signals")


class TextSettings(_Settings):
    """How text signals are computed."""

    code_routing: bool = Field(True, description="exclude code blocks from language ID and the prose rules")
    lid_max_chars: int = Field(100_000, gt=0, description="characters passed to language ID at most")
    max_signal_chars: int = Field(4_000_000, gt=0, description="larger documents get only size signals")


class _Recipe(_Model):
    recipe: str = Field(description="recipe name and version, e.g. code-v1")
    rules: tuple[Rule, ...] = Field(description="rules in evaluation order (the first failing one is reported)")

    @model_validator(mode="after")
    def _unique(self) -> _Recipe:
        names = [r.name for r in self.rules]
        dup = sorted({n for n in names if names.count(n) > 1})
        if dup:
            raise ValueError(f"rule names must be unique; repeated: {dup}")
        return self


class CodeRecipe(_Recipe):
    kind: Literal["code"]
    settings: CodeSettings = CodeSettings()


class TextRecipe(_Recipe):
    kind: Literal["text"]
    settings: TextSettings = TextSettings()


class RecipeError(ValueError):
    """A recipe file or an override is wrong; the message names the key."""


def bundled(kind: str) -> str:
    return str(BUNDLED_DIR / f"{kind}.yaml")


def load(kind: Literal["code", "text"], path: str | None, settings: dict[str, Any],
         rule_overrides: dict[str, dict[str, Any]], origin: str) -> CodeRecipe | TextRecipe:
    """Read the recipe at `path` (bundled when None), apply the dataset manifest's overrides, validate."""
    path = path or bundled(kind)
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RecipeError(f"{origin}.recipe: file {path} not found") from None
    except yaml.YAMLError as exc:
        raise RecipeError(f"{origin}.recipe: {path} is not valid YAML: {exc}") from None
    if not isinstance(raw, dict):
        raise RecipeError(f"{origin}.recipe: {path} must be a mapping with recipe, kind, settings, rules")
    model = CodeRecipe if kind == "code" else TextRecipe
    recipe = _validate(model, raw, path)
    if recipe.kind != kind:
        raise RecipeError(f"{origin}.recipe: {path} is a {recipe.kind} recipe, expected kind: {kind}")
    if not settings and not rule_overrides:
        return recipe
    merged = recipe.model_dump(mode="json", exclude_defaults=False)
    merged["settings"] = {**merged["settings"], **settings}
    names = {r["name"]: r for r in merged["rules"]}
    for name, fields in rule_overrides.items():
        if name not in names:
            raise RecipeError(f"{origin}.rules.{name}: no such rule in {path}; rules are: {', '.join(names)}")
        names[name].update(fields)
    return _validate(model, merged, f"{origin} (overrides applied to {path})", prefix=origin)


def _validate(model: type[_Recipe], raw: dict[str, Any], where: str, prefix: str = "") -> Any:
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = list(err["loc"])
            if prefix and loc[:1] == ["rules"] and len(loc) > 1 and isinstance(loc[1], int):
                loc = ["rules", raw["rules"][loc[1]]["name"], *loc[2:]]
            elif loc[:1] == ["rules"] and len(loc) > 1 and isinstance(loc[1], int):
                rule_name = raw["rules"][loc[1]].get("name", loc[1]) if isinstance(raw["rules"][loc[1]], dict) else loc[1]
                loc = ["rules", f"{loc[1]} ({rule_name})", *loc[2:]]
            key = ".".join(str(p) for p in ([prefix] if prefix else []) + loc)
            msg = err["msg"].removeprefix("Value error, ")
            if err["type"] == "extra_forbidden":
                msg = "unknown key"
            problems.append(f"  - {key}: {msg}" + ("" if err["type"] in ("extra_forbidden", "missing")
                                                 else f" (got {err['input']!r})"))
        raise RecipeError(f"{where}: invalid filter recipe:\n" + "\n".join(problems)) from None


@dataclass(frozen=True)
class CompiledRule:
    """A rule as it applies to one language."""

    name: str
    signal: str
    min: float | None
    max: float | None
    allow_langs: frozenset[str] | None
    action: Action

    def fails(self, value: float, lang: str) -> bool:
        if self.allow_langs is not None and lang not in self.allow_langs:
            return True
        return (self.min is not None and value < self.min) or (self.max is not None and value > self.max)


class RuleSet:
    """The rules of one kind, compiled per language on first use."""

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self.rules = rules

    @functools.lru_cache(maxsize=512)  # noqa: B019 - one RuleSet per recipe, alive for the whole task
    def for_lang(self, lang: str, source: str = "") -> tuple[CompiledRule, ...]:
        out = []
        for r in self.rules:
            o = r.langs.get(lang, LangOverride())
            enabled = r.enabled if o.enabled is None else o.enabled
            if not enabled or (r.only_langs is not None and lang not in r.only_langs) or lang in r.skip_langs \
                    or source in r.skip_sources:
                continue
            out.append(CompiledRule(r.name, r.signal, r.min if o.min is None else o.min,
                                    r.max if o.max is None else o.max,
                                    frozenset(r.allow_langs) if r.allow_langs is not None else None,
                                    o.action or r.action))
        return tuple(out)

    def evaluate(self, lang: str, signals: dict[str, float], source: str = "") -> tuple[list[str], list[CompiledRule]]:
        """(names of the rules evaluated, the rules that failed) for one document of `source`."""
        evaluated, failed = [], []
        for rule in self.for_lang(lang, source):
            value = signals.get(rule.signal)
            if value is None:
                continue
            evaluated.append(rule.name)
            if rule.fails(value, lang):
                failed.append(rule)
        return evaluated, failed


def file_sha256(path: str | None, kind: str) -> str:
    import hashlib  # noqa: PLC0415

    return hashlib.sha256(Path(path or bundled(kind)).read_bytes()).hexdigest()


def relative_to(path: str, base: str) -> str:
    try:
        return os.path.relpath(path, base)
    except ValueError:
        return path
