"""Settings of the crawl stage."""

from __future__ import annotations

from pydantic import Field

from lemur_data.config.base import Model

DEFAULT_VENDORED_DIRS = (
    "node_modules", "bower_components", "jspm_packages", "vendor", "vendors",
    "third_party", "third-party", "thirdparty",
)
DEFAULT_IGNORED_DIRS = (
    ".git", ".hg", ".svn", "__pycache__", ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache",
    ".idea", ".vscode", ".venv", "venv", ".eggs",
)


class CrawlConfig(Model):
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
    target_file_bytes: int = Field(128 << 20, gt=0, description="aim for output Parquet files of about this size "
                                   "(sources other than `files`)")
    target_task_bytes: int = Field(32 << 20, gt=0, description="aim for Spark read tasks of about this much input; "
                                   "a `files` source writes one output file per such run of its listing")
