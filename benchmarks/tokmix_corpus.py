"""The tokenize / mix benchmark corpus, assembled from this machine's files under .bench/tokmix/ (git-ignored).

Code: the standard libraries of the pyenv Pythons (read in place by a `files` source; site-packages excluded).
Text: chapters of the Rust books shipped with rustup (main text of the HTML, via lxml) and the Debian changelogs
under /usr/share/doc, written once as a JSON Lines source. The crawl stage turns both into documents; the
benchmarks tokenize the crawl output directly (`crawl_upstream`): filter and dedup are not what they measure, and
dedup would fold the near-duplicate standard libraries into one.
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from pathlib import Path
from typing import Any

import lxml.html
import yaml

from lemur_data.config import DatasetManifest
from lemur_data.stage import RunContext
from lemur_data.stages import STAGES

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / ".bench" / "tokmix"
PYENV = Path("/root/.pyenv/versions")
RUST_HTML = Path("/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/share/doc/rust/html")
RUST_BOOKS = ("book", "reference", "nomicon", "rust-by-example", "cargo", "rustc", "rustdoc", "edition-guide",
              "embedded-book", "style-guide", "unstable-book", "error_codes")
DEBIAN_DOC = Path("/usr/share/doc")


def python_stdlibs(versions: tuple[str, ...]) -> list[tuple[str, Path]]:
    """(minor version, stdlib folder) of the pyenv installs whose minor version is listed."""
    found = []
    for install in sorted(PYENV.iterdir()):
        minor = ".".join(install.name.split(".")[:2])
        lib = install / "lib" / f"python{minor}"
        if minor in versions and lib.is_dir():
            found.append((minor, lib))
    return found


def text_records(limit_bytes: int) -> list[dict[str, str]]:
    """Rust book chapters (main text) and Debian changelogs, in a fixed order, up to `limit_bytes` of text."""
    records, total = [], 0
    for book in RUST_BOOKS:
        for page in sorted((RUST_HTML / book).rglob("*.html")):
            if page.name in ("print.html", "toc.html", "404.html"):
                continue
            tree = lxml.html.fromstring(page.read_bytes())
            main = tree.find(".//main")
            text = (main if main is not None else tree).text_content().strip()
            if len(text) < 500:
                continue
            records.append({"text": text, "url": f"https://doc.rust-lang.org/{page.relative_to(RUST_HTML).as_posix()}"})
            total += len(text.encode())
            if total >= limit_bytes // 2:
                break
        if total >= limit_bytes // 2:
            break
    for changelog in sorted(DEBIAN_DOC.glob("*/changelog*.gz")):
        text = gzip.decompress(changelog.read_bytes()).decode("utf-8", errors="replace")
        records.append({"text": text, "url": f"file://{changelog}"})
        total += len(text.encode())
        if total >= limit_bytes:
            break
    return records


def build(versions: tuple[str, ...] = ("3.10", "3.11", "3.12", "3.13"), text_mb: int = 60) -> Path:
    """Write .bench/tokmix/dataset.yaml (and the text source); returns the dataset manifest's path."""
    BENCH.mkdir(parents=True, exist_ok=True)
    text_path = BENCH / f"text-{text_mb}mb.jsonl"
    if not text_path.exists():
        t0 = time.monotonic()
        records = text_records(text_mb << 20)
        tmp = text_path.with_suffix(".tmp")
        tmp.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        tmp.replace(text_path)
        print(f"text source: {len(records)} documents, {text_path.stat().st_size / 1e6:.1f} MB "
              f"({time.monotonic() - t0:.0f}s)", file=sys.stderr)
    sources = [{"name": f"py{minor.replace('.', '')}-stdlib", "kind": "code", "format": "files", "path": str(lib),
                "exclude": ["site-packages/*", "lib2to3/tests/data/*"]} for minor, lib in python_stdlibs(versions)]
    sources.append({"name": "rust-docs-changelogs", "kind": "text", "format": "jsonl", "path": str(text_path),
                    "columns": {"text": "text", "locator": "url"}})
    manifest = {"name": "bench-tokmix", "output": str(BENCH / "out"), "seed": 1, "sources": sources,
                "crawl": {"max_file_bytes": 1 << 20}}
    path = BENCH / "dataset.yaml"
    path.write_text(yaml.safe_dump(manifest, sort_keys=False))
    return path


def crawl_upstream(cfg: DatasetManifest, **options: Any) -> RunContext:
    """A run context in which tokenize reads the crawl output (the benchmarks skip filter and dedup)."""
    return RunContext(cfg, {name: STAGES[name] for name in ("crawl", "tokenize", "mix")}, **options)
