"""Filter recipes (filters/code.yaml, filters/text.yaml): typed, validated before Spark starts, applied per doc.

A recipe is a list of rules, each a versioned name, the signal it tests, thresholds (`min` / `max`: a document
fails when the signal is below `min` or above `max`; `allow_langs`: it fails when its language is not listed),
an action (`drop` or `flag`), the languages it applies to and per-language overrides. The dataset manifest picks
the recipe file and may override settings and rule fields; any mistake raises `ConfigError` naming the key.

A rule whose signal a document does not have (no grammar for its language, an HTML-only signal on Python) is
not evaluated for that document, and the manifest counts only evaluated documents.

A rule may instead name a datatrove step (`datatrove: {step: <import path>, args: {...}}`): a filter, formatter
or extractor run on the text (lemur_data/quality/datatrove_rules.py); `langs.<lang>.args` change its arguments
for one language.
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
    args: dict[str, Any] | None = Field(None, description="datatrove rules: arguments changed for this language")


class DatatroveStep(_Model):
    """A datatrove pipeline step run as a rule: a filter, formatter or (text only) extractor class."""

    step: str = Field(min_length=1, description="import path of the class: package.module.Class or "
                                                "package.module:Class (e.g. datatrove.pipeline.filters.GopherQualityFilter)")
    args: dict[str, Any] = Field(default_factory=dict, description="keyword arguments of the class")


class Rule(_Model):
    """One keep / drop decision on one signal, or one datatrove step."""

    name: str = Field(pattern=RULE_NAME, description="versioned rule name, e.g. code.max_line_length_v1")
    signal: str | None = Field(None, description="signal tested (see lemur_data/quality/signals.py)")
    datatrove: DatatroveStep | None = Field(None, description="datatrove step run instead of a signal test")
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
    def _known_signal(cls, signal: str | None) -> str | None:
        if signal is not None and signal not in SIGNALS:
            raise ValueError(f"unknown signal {signal!r}; expected one of the names in "
                             f"lemur_data/quality/signals.py (e.g. {', '.join(list(SIGNALS)[:3])}, ...)")
        return signal

    @model_validator(mode="after")
    def _check(self) -> Rule:
        if (self.signal is None) == (self.datatrove is None):
            raise ValueError("a rule needs exactly one of signal (a threshold test) or datatrove (a step)")
        thresholds = self.min is not None or self.max is not None or self.allow_langs is not None
        if self.datatrove is not None and thresholds:
            raise ValueError("a datatrove rule takes no min, max or allow_langs: the step decides; change its args")
        if self.signal is not None and not thresholds:
            raise ValueError("a rule needs at least one of min, max or allow_langs")
        if self.signal is not None and any(o.args is not None for o in self.langs.values()):
            raise ValueError("langs.<lang>.args applies to datatrove rules only; a signal rule takes min / max")
        if self.datatrove is not None and any(o.min is not None or o.max is not None for o in self.langs.values()):
            raise ValueError("langs.<lang>.min / max apply to signal rules; a datatrove rule takes langs.<lang>.args")
        return self

    def applies(self, lang: str, source: str) -> bool:
        """Whether the rule is evaluated for documents of this language and source."""
        o = self.langs.get(lang)
        enabled = self.enabled if o is None or o.enabled is None else o.enabled
        return enabled and (self.only_langs is None or lang in self.only_langs) and lang not in self.skip_langs \
            and source not in self.skip_sources

    def action_for(self, lang: str) -> Action:
        o = self.langs.get(lang)
        return (o.action if o is not None else None) or self.action


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
        if name in names:
            names[name].update(_merge_step(names[name].get("datatrove"), fields))
        elif isinstance(fields, dict) and "datatrove" in fields:  # a new datatrove rule, run after the recipe's
            merged["rules"].append({"name": name, **fields})
        else:
            raise RecipeError(f"{origin}.rules.{name}: no such rule in {path}; rules are: {', '.join(names)} "
                              f"(a new rule needs a datatrove step: {{datatrove: {{step: ..., args: ...}}}})")
    return _validate(model, merged, f"{origin} (overrides applied to {path})", prefix=origin)


def _merge_step(current: dict[str, Any] | None, fields: dict[str, Any]) -> dict[str, Any]:
    """Override fields of a rule; a datatrove step's `args` are merged key by key (so an override can change one
    argument); another `step` replaces the class and its arguments."""
    new = fields.get("datatrove")
    if not (isinstance(current, dict) and isinstance(new, dict)) or new.get("step", current["step"]) != current["step"]:
        return fields
    args = {**(current.get("args") or {}), **(new.get("args") or {})}
    return {**fields, "datatrove": {**current, **new, "args": args}}


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
            if r.signal is None or not r.applies(lang, source):
                continue  # datatrove rules run in quality/datatrove_rules.py, before the signals
            o = r.langs.get(lang, LangOverride())
            out.append(CompiledRule(r.name, r.signal, r.min if o.min is None else o.min,
                                    r.max if o.max is None else o.max,
                                    frozenset(r.allow_langs) if r.allow_langs is not None else None,
                                    r.action_for(lang)))
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
