"""Settings of the dedup stage: exact + MinHash-LSH near-duplicate removal and which cluster member survives."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from lemur_data.config.base import Model

PERMISSIVE_LICENSES = (
    "MIT", "MIT-0", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "BSD-3-Clause-Clear", "0BSD", "ISC", "Zlib",
    "Unlicense", "CC0-1.0", "PSF-2.0", "Python-2.0", "BSL-1.0", "X11", "NCSA", "bzip2-1.0.6", "curl",
    "LicenseRef-public-domain", "WTFPL", "UPL-1.0", "Artistic-2.0", "PostgreSQL",
)
RankKey = Literal["quality", "license", "stars", "length", "id"]


class CodeShingleConfig(Model):
    """How code is cut into shingles (exact definition: lemur_data/minhash.py)."""

    ngram: int = Field(5, ge=1, le=32, description="identifier tokens per shingle")
    lowercase: bool = Field(False, description="lowercase before tokenizing (default: case kept)")


class TextShingleConfig(Model):
    """How prose is cut into shingles (exact definition: lemur_data/minhash.py)."""

    ngram: int = Field(5, ge=1, le=32, description="words per shingle")
    lowercase: bool = Field(True, description="lowercase before tokenizing (normalised words)")


class DedupConfig(Model):
    """Exact + MinHash-LSH near-duplicate removal (the dedup stage)."""

    scope: Literal["global", "kind", "source"] = Field(
        "global", description="compare documents across all sources and kinds ('global'), or only within the same "
        "kind or the same source")
    level: Literal["file", "repository"] = Field(
        "file", description="'repository': first drop whole repositories (files grouped by the DOC `repo` field) "
        "whose combined contents are near duplicates of a better-ranked one (forks, vendored copies, releases), "
        "then dedup the remaining files as with 'file'")
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
    target_file_bytes: int = Field(128 << 20, gt=0, description="outputs follow the upstream files; an upstream "
                                   "file above this size is cut into runs of row groups of about this size, one "
                                   "output file per run (`-rg<first row group>` in its name)")

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
