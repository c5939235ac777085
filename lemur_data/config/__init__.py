"""The dataset manifest: one typed model, validated up front, before Spark starts.

A dataset manifest is a YAML file (see manifests/demo.yaml). `load_manifest` parses it, validates every field and
resolves relative paths against the manifest file's own directory, so the same file works from any working
directory (CLI, spark-submit, Airflow). Any mistake raises `ConfigError` naming the YAML key, the bad value and
what is expected.

`DatasetManifest` lives here; each stage's settings model in the module named after the stage (`crawl`, `filter`,
`dedup`, `tokenizer`, `repository`, `mix`), the sources in `sources`, storage and Spark in `runtime`; `paths`
expands `${VAR}` and resolves locations, `identity` hashes the settings (run id, stage hashes), `errors` words
validation errors.
The names other modules use are importable from `lemur_data.config` itself.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml
from pydantic import Field, ValidationError, field_validator

from lemur_data.config import identity
from lemur_data.config.base import ASSET_PREFIX, NAME_PATTERN, ConfigError, Kind, Model
from lemur_data.config.crawl import CrawlConfig
from lemur_data.config.dedup import DedupConfig
from lemur_data.config.errors import format_validation_error
from lemur_data.config.filter import FilterConfig, check_filter, resolve_filter_paths
from lemur_data.config.mix import MixConfig
from lemur_data.config.paths import PATH_KEYS, expand_env, redact_uri, resolver
from lemur_data.config.repository import RepositoryConfig
from lemur_data.config.runtime import SparkConfig, StorageConfig
from lemur_data.config.sources import ColumnMapping, SourceConfig
from lemur_data.config.tokenizer import TokenizerConfig

__all__ = [
    "ASSET_PREFIX", "PATH_KEYS", "ColumnMapping", "ConfigError", "CrawlConfig", "DatasetManifest", "DedupConfig",
    "Kind", "MixConfig", "RepositoryConfig", "SourceConfig", "SparkConfig", "StorageConfig", "TokenizerConfig",
    "load_manifest", "parse_manifest", "redact_uri",
]


class DatasetManifest(Model):
    """A dataset: its sources, where outputs go, and each stage's settings."""

    name: str = Field(description="dataset name", pattern=NAME_PATTERN)
    output: str = Field(description="output root: local path or s3://bucket/prefix")
    seed: int = Field(0, ge=0, description="seed of every hash-based sampling decision")
    sources: tuple[SourceConfig, ...] = Field(min_length=1)
    crawl: CrawlConfig = CrawlConfig()
    filter: FilterConfig = FilterConfig()
    dedup: DedupConfig = DedupConfig()
    tokenizer: TokenizerConfig = TokenizerConfig()
    repository: RepositoryConfig = RepositoryConfig()
    mix: MixConfig = MixConfig()
    storage: StorageConfig = StorageConfig()
    spark: SparkConfig = SparkConfig()

    @field_validator("sources")
    @classmethod
    def _unique_names(cls, sources: tuple[SourceConfig, ...]) -> tuple[SourceConfig, ...]:
        seen: set[str] = set()
        for s in sources:
            if s.name in seen:
                raise ValueError(f"source name '{s.name}' is used twice; names must be unique")
            seen.add(s.name)
        return sources

    def source(self, name: str) -> SourceConfig:
        return next(s for s in self.sources if s.name == name)

    def to_json_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    def sha256(self) -> str:
        """Hash of the whole resolved configuration (recorded in every run manifest)."""
        return identity.canonical_sha256(self.to_json_dict())

    def section_sha256(self, *keys: str) -> str:
        """Hash of the parts of the configuration a stage depends on (decides whether a rerun can skip it)."""
        return identity.section_sha256(self.to_json_dict(), keys)

    def run_id(self) -> str:
        """Identity of the recipe, independent of where data lives (see `identity.run_id`)."""
        return identity.run_id(self.name, self.to_json_dict())


def load_manifest(path: str | os.PathLike[str], *, output: str | None = None,
                  unset_paths: list[tuple[str, str]] | None = None) -> DatasetManifest:
    """Read, validate and resolve a dataset manifest; `output` overrides the manifest's output root.

    `unset_paths` is for `lemur-data validate` only: given a list, an unset `${VAR}` in a location key (see
    `PATH_KEYS`) is left as written and (key, VAR) is appended to the list instead of failing, so a recipe can be
    checked without knowing where its data lives. Every other unset variable still fails.
    """
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: dataset manifest not found") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: expected a mapping of keys (name, output, sources, ...), got {type(raw).__name__}")
    if output is not None:  # before expansion: `--output` stands in for an `output: ${VAR}` left unset
        raw["output"] = output
    raw = expand_env(raw, origin=str(path), key="", unset_paths=unset_paths)
    return parse_manifest(raw, origin=str(path), base_dir=path.resolve().parent)


def parse_manifest(raw: dict[str, Any], *, origin: str, base_dir: Path) -> DatasetManifest:
    try:
        manifest = DatasetManifest.model_validate(raw)
    except ValidationError as exc:
        raise ConfigError(format_validation_error(origin, exc, DatasetManifest)) from None
    problems = manifest.mix.problems(manifest.sources) + manifest.repository.problems(manifest.sources)
    if problems:
        raise ConfigError("\n".join([f"{origin}: invalid dataset manifest ({len(problems)} problem(s)):"]
                                    + [f"  - {p}" for p in problems]))
    manifest = _resolve_paths(manifest, base_dir)
    check_filter(manifest.filter, origin, [s.name for s in manifest.sources])
    return manifest


def _resolve_paths(m: DatasetManifest, base_dir: Path) -> DatasetManifest:
    resolve = resolver(base_dir)
    sources = tuple(s.model_copy(update={"path": resolve(s.path)}) for s in m.sources)
    dedup = m.dedup.model_copy(update={"index_from": tuple(resolve(p) for p in m.dedup.index_from)})
    tokenizer = m.tokenizer
    if not tokenizer.path.startswith(ASSET_PREFIX):
        tokenizer = tokenizer.model_copy(update={"path": resolve(os.path.expanduser(tokenizer.path))})
    return m.model_copy(update={"output": resolve(m.output), "sources": sources, "dedup": dedup,
                                "filter": resolve_filter_paths(m.filter, resolve), "tokenizer": tokenizer})

