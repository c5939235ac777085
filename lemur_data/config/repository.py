"""Settings of repository documents (read by the tokenize stage): whether a code source's kept files stay one
document each or become one document per repository, ordered by their imports."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from lemur_data.config.base import Model
from lemur_data.config.sources import SourceConfig

CodeDocuments = Literal["file", "repository"]


class RepositoryConfig(Model):
    """Code as files or as repositories (see docs/ARCHITECTURE.md, "Repository documents")."""

    code_documents: CodeDocuments = Field(
        "file", description="'file': every kept code file is a document; 'repository': the kept code files of one "
        "repository (the DOC `repo` field) become one document, dependencies first, split at file boundaries "
        "into parts of at most `max_tokens` tokens"
    )
    by_source: dict[str, CodeDocuments] = Field(
        default_factory=dict, description="per-source overrides of code_documents (code sources only)"
    )
    file_header: str = Field(
        "<file_sep>{path}\n", description="what precedes each file of a repository document: the separator, "
        "with {path} replaced by the file's path inside its repository"
    )
    max_tokens: int = Field(
        32768, ge=16, description="largest repository document part in tokens (BOS / EOS included); a repository "
        "is cut at file boundaries, and a single file above the limit is a part of its own"
    )

    @field_validator("file_header")
    @classmethod
    def _has_path(cls, header: str) -> str:
        if "{path}" not in header:
            raise ValueError("file_header must contain {path} (each file is preceded by its path)")
        return header

    def repository_sources(self, sources: tuple[SourceConfig, ...]) -> tuple[str, ...]:
        """The code sources whose files become repository documents, sorted."""
        return tuple(sorted(s.name for s in sources
                            if s.kind == "code" and self.by_source.get(s.name, self.code_documents) == "repository"))

    def problems(self, sources: tuple[SourceConfig, ...]) -> list[str]:
        kinds = {s.name: s.kind for s in sources}
        found = []
        for name in self.by_source:
            if name not in kinds:
                found.append(f"repository.by_source.{name}: not a source; expected one of the manifest's code sources "
                             f"({', '.join(n for n, k in kinds.items() if k == 'code')})")
            elif kinds[name] != "code":
                found.append(f"repository.by_source.{name}: source {name!r} is a text source; only code sources "
                             f"have repository documents")
        return found
