"""The dataset's inputs: one `SourceConfig` per source, with its column mapping for tabular formats."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from lemur_data.config.base import NAME_PATTERN, Kind, Model

SourceFormat = Literal["files", "archive", "parquet", "jsonl", "warc", "text"]


class ColumnMapping(Model):
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


class SourceConfig(Model):
    """One input of the dataset."""

    name: str = Field(description="unique source name, lowercase [a-z0-9._-]", pattern=NAME_PATTERN)
    kind: Kind = Field(description="'code' or 'text': decides the filters and the mixture group")
    format: SourceFormat = Field(description="how to read `path`")
    path: str = Field(description="local path, glob, or s3://bucket/prefix (relative paths: from the manifest's folder)")
    columns: ColumnMapping | None = Field(None, description="column mapping, parquet and jsonl only")
    lang: str | None = Field(
        None, description="language to assume: code = force this programming language; text = ISO 639-1 hint"
    )
    license: str | None = Field(None, description="SPDX id to use when no repository license is found")
    exclude: tuple[str, ...] = Field((), description="glob patterns (on the path relative to `path`) to skip")
    declared_tokens: int | None = Field(
        None, gt=0, description="planning figure: tokens (of the manifest's tokenizer) the source is expected to "
        "have after filter and dedup. Only `lemur-data validate` reads it, to check the mix is feasible before any "
        "data is touched; the mix stage always plans from the tokenize stage's real counts. Not part of the "
        "recipe's identity (changing it reruns nothing)."
    )

    @model_validator(mode="after")
    def _columns_only_for_tables(self) -> SourceConfig:
        if self.columns is not None and self.format not in ("parquet", "jsonl"):
            raise ValueError(f"`columns` applies to parquet and jsonl sources, not format '{self.format}'")
        return self

    @property
    def column_mapping(self) -> ColumnMapping:
        return self.columns or ColumnMapping()
