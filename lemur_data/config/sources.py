"""The dataset's inputs: one `SourceConfig` per source, with its column mapping for tabular formats.

`datatrove` is a tabular format with a preset mapping: datatrove's document layout (`text`, `id`, `metadata`), as
its JsonlWriter / ParquetWriter write it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from lemur_data.config.base import NAME_PATTERN, Kind, Model, TokenCount

SourceFormat = Literal["files", "archive", "parquet", "jsonl", "warc", "text", "datatrove"]
TABULAR_FORMATS = ("parquet", "jsonl", "datatrove")


class ColumnMapping(Model):
    """Where a tabular source (parquet, jsonl, datatrove) keeps each document field.

    Values are column names; a dotted name (`meta.url`) reaches into a struct column or a JSON-object column.
    The Stack: `{text: content, lang: lang, repo: max_stars_repo_name, license: max_stars_repo_licenses,
    stars: max_stars_count, meta: [max_stars_repo_path]}`; RefinedWeb: `{text: content, locator: url}`;
    RedPajama: `{text: text, locator: meta.url}`; code files without a language column:
    `{text: text, path: metadata.path}`. A `datatrove` source starts from `DATATROVE_COLUMNS` and changes only
    the keys it sets.
    """

    text: str = Field("text", description="column holding the document text (required)")
    locator: str | None = Field(
        None, description="column that identifies a row uniquely within the source (e.g. a URL); "
        "default: '<file>#<row>'. Documents with the same locator get the same id and only the first is kept."
    )
    lang: str | None = Field(None, description="column with the language (code: The Stack names are normalised)")
    path: str | None = Field(
        None, description="column with the file's path in its repository (code sources): when no `lang` value is "
        "given, the language comes from it as for a `files` source (well-known name, extension, then the text's "
        "shebang); kept in meta['path']"
    )
    repo: str | None = Field(None, description="column with the repository name")
    license: str | None = Field(None, description="column with an SPDX id or a list of them")
    stars: str | None = Field(None, description="column with a popularity count, kept in meta['stars']")
    meta: tuple[str, ...] = Field((), description="further columns copied into meta (as strings)")
    meta_object: str | None = Field(
        None, description="a struct / JSON-object column whose every key is copied into meta (as strings), except "
        "the keys mapped above (datatrove's `metadata`)"
    )

    def mapped(self) -> tuple[str, ...]:
        """The column names this mapping reads, `meta_object` last."""
        names = (self.text, self.locator, self.lang, self.path, self.repo, self.license, self.stars, *self.meta,
                 self.meta_object)
        return tuple(n for n in names if n)


# datatrove's Document as its writers store it: {text, id, metadata: {...}} (readers fold other columns into
# metadata). Its LanguageFilter writes `metadata.language`; code datasets carry the file path as `metadata.path`.
DATATROVE_COLUMNS = ColumnMapping(text="text", locator="id", lang="metadata.language", path="metadata.path",
                                  repo="metadata.repo", license="metadata.license", meta_object="metadata")


class SourceConfig(Model):
    """One input of the dataset."""

    name: str = Field(description="unique source name, lowercase [a-z0-9._-]", pattern=NAME_PATTERN)
    kind: Kind = Field(description="'code' or 'text': decides the filters and the mixture group")
    format: SourceFormat = Field(description="how to read `path`")
    path: str = Field(description="local path, glob, or s3://bucket/prefix (relative paths: from the manifest's folder)")
    columns: ColumnMapping | None = Field(
        None, description="column mapping, tabular formats only (parquet, jsonl; datatrove: changes to its preset)"
    )
    lang: str | None = Field(
        None, description="language to assume: code = force this programming language; text = ISO 639-1 hint"
    )
    license: str | None = Field(None, description="SPDX id to use when no repository license is found")
    exclude: tuple[str, ...] = Field((), description="glob patterns (on the path relative to `path`) to skip")
    declared_tokens: TokenCount | None = Field(
        None, gt=0, description="planning figure: tokens (of the manifest's tokenizer) the source is expected to "
        "have after filter and dedup. Only `lemur-data validate` reads it, to check the mix is feasible before any "
        "data is touched; the mix stage always plans from the tokenize stage's real counts. Not part of the "
        "recipe's identity (changing it reruns nothing)."
    )

    @model_validator(mode="after")
    def _columns_only_for_tables(self) -> SourceConfig:
        if self.columns is not None and self.format not in TABULAR_FORMATS:
            raise ValueError(f"`columns` applies to {', '.join(TABULAR_FORMATS)} sources, not format '{self.format}'")
        if self.columns is not None and self.columns.path and self.kind != "code":
            raise ValueError(f"`columns.path` decides a code file's language; source kind is '{self.kind}': "
                             f"list {self.columns.path!r} under `columns.meta` to keep it")
        return self

    @property
    def column_mapping(self) -> ColumnMapping:
        if self.format == "datatrove":
            changes = self.columns.model_dump(exclude_unset=True) if self.columns else {}
            return DATATROVE_COLUMNS.model_copy(update=changes)
        return self.columns or ColumnMapping()
