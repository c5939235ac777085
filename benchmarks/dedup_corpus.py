"""Real near-duplicate corpora for the dedup benchmarks, assembled from this machine's files (and, once, PyPI).

* near duplicates: the top-level standard-library modules of every pyenv Python (3.6 ... 3.13) and the sources and
  docs of successive releases of a few PyPI projects (`pip download --no-binary :all: --no-deps pkg==X`, cached);
* distractors: Debian's Python packages (/usr/lib/python3/dist-packages), Debian documentation (/usr/share/doc) and
  the Rust books (rustup's HTML, tags stripped).

Documents are {"id", "kind", "text", "origin"}; ids are stable (sha256 of the origin), the order is sorted, so the
corpus is the same on every run. Documents with fewer than MIN_SHINGLES distinct shingles or over MAX_BYTES are
left out, so every method sees documents it can sketch.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import re
import subprocess
import sys
import tarfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lemur_data import minhash as mh  # noqa: E402

BENCH = Path(__file__).resolve().parents[1] / ".bench" / "dedup"
PYENV = Path("/root/.pyenv/versions")
RUST_DOC = Path("/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/share/doc/rust/html")
SDISTS = {  # successive releases: natural near duplicates in code and prose
    "requests": ["2.28.2", "2.30.0", "2.31.0", "2.32.3"],
    "attrs": ["22.2.0", "23.1.0", "23.2.0", "24.2.0"],
    "idna": ["3.4", "3.6", "3.7", "3.10"],
    "packaging": ["23.0", "23.2", "24.0", "24.1"],
}
MIN_SHINGLES = 10
MAX_BYTES = 256 << 10


def doc(kind: str, origin: str, text: str) -> dict:
    return {"id": hashlib.sha256(origin.encode()).hexdigest()[:24], "kind": kind, "text": text, "origin": origin}


def stdlib_modules() -> list[dict]:
    out = []
    for version_dir in sorted(PYENV.glob("3.*")):
        lib = next(version_dir.glob("lib/python3.*"), None)
        if lib is None:
            continue
        for path in sorted(lib.glob("*.py")):
            out.append(doc("code", f"stdlib/{lib.name}/{path.name}", path.read_text(encoding="utf-8", errors="replace")))
    return out


def stdlib_versions(versions: list[str]) -> list[dict]:
    """The top-level modules of the given Python versions (for the scale benchmark: about 4.6 MB per version)."""
    out = []
    for v in versions:
        lib = next(PYENV.glob(f"{v}.*/lib/python{v}"))
        for path in sorted(lib.glob("*.py")):
            out.append(doc("code", f"stdlib/{lib.name}/{path.name}", path.read_text(encoding="utf-8", errors="replace")))
    return out


def sdist_documents(cache: Path) -> list[dict]:
    out = []
    cache.mkdir(parents=True, exist_ok=True)
    for name, versions in SDISTS.items():
        for version in versions:
            archive = next(iter(sorted(cache.glob(f"{name}-{version}.tar.gz"))), None)
            if archive is None:
                proc = subprocess.run([sys.executable, "-m", "pip", "download", "--no-binary", ":all:", "--no-deps",
                                       "-d", str(cache), f"{name}=={version}"], capture_output=True, text=True)
                archive = next(iter(sorted(cache.glob(f"{name}-{version}.tar.gz"))), None)
                if archive is None:
                    print(f"  (no sdist for {name}=={version}: {proc.stderr.strip()[-200:]})", file=sys.stderr)
                    continue
            with tarfile.open(archive) as tf:
                for member in sorted(tf.getmembers(), key=lambda m: m.name):
                    suffix = Path(member.name).suffix
                    if not member.isfile() or suffix not in (".py", ".rst", ".md", ".txt"):
                        continue
                    text = tf.extractfile(member).read().decode("utf-8", errors="replace")
                    kind = "code" if suffix == ".py" else "text"
                    out.append(doc(kind, f"pypi/{member.name}", text))
    return out


def debian_python(limit: int) -> list[dict]:
    paths = sorted(p for p in Path("/usr/lib/python3/dist-packages").rglob("*.py") if p.stat().st_size >= 2000)
    return [doc("code", f"debian-python/{p.relative_to('/usr/lib/python3/dist-packages')}",
                p.read_text(encoding="utf-8", errors="replace")) for p in paths[:limit]]


def debian_docs(limit: int) -> list[dict]:
    out = []
    for p in sorted(Path("/usr/share/doc").rglob("*")):
        if len(out) >= limit:
            break
        if not p.is_file() or p.is_symlink() or "copyright" in p.name or p.stat().st_size < 1500:
            continue
        if p.suffix not in (".gz", ".txt", ".md", ".rst") and not p.name.upper().startswith(("README", "NEWS")):
            continue
        data = p.read_bytes()
        if p.suffix == ".gz":
            try:
                data = gzip.decompress(data)
            except OSError:
                continue
        if b"\x00" in data[:4096]:
            continue
        out.append(doc("text", f"debian-doc/{p.relative_to('/usr/share/doc')}", data.decode("utf-8", "replace")))
    return out


_TAG = re.compile(r"<script.*?</script>|<style.*?</style>|<[^>]+>", re.S)


def rust_books(limit: int) -> list[dict]:
    out = []
    for book in ("book", "reference", "edition-guide", "rust-by-example", "nomicon", "cargo"):
        for p in sorted((RUST_DOC / book).rglob("*.html")):
            if p.name in ("print.html", "toc.html", "404.html") or p.stat().st_size < 8000:
                continue
            text = html.unescape(_TAG.sub(" ", p.read_text(encoding="utf-8", errors="replace")))
            out.append(doc("text", f"rust-doc/{p.relative_to(RUST_DOC)}", re.sub(r"[ \t]+", " ", text)))
    return out[:limit]


def keep(docs: list[dict]) -> list[dict]:
    out, seen = [], set()
    for d in docs:
        size = len(d["text"].encode())
        shingling = mh.TEXT_SHINGLING if d["kind"] == "text" else mh.CODE_SHINGLING
        if d["id"] in seen or size > MAX_BYTES or len(set(mh.reference_shingles(d["text"], shingling))) < MIN_SHINGLES:
            continue
        seen.add(d["id"])
        out.append(d)
    return sorted(out, key=lambda d: d["id"])


def quality_corpus() -> list[dict]:
    docs = stdlib_modules() + sdist_documents(BENCH / "sdists")
    docs += debian_python(600) + debian_docs(400) + rust_books(250)
    return keep(docs)


def write_jsonl_by_kind(docs: list[dict], folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for kind in ("code", "text"):
        path = folder / f"{kind}.jsonl"
        path.write_text("".join(json.dumps({"id": d["id"], "text": d["text"]}) + "\n" for d in docs if d["kind"] == kind))
        paths[kind] = path
    return paths


def dataset_manifest(folder: Path, output: Path, dedup: dict | None = None, filter_rules: bool = True) -> Path:
    """A lemur-data dataset manifest reading the corpus (one jsonl source per kind; locator = corpus id); without
    `filter_rules` every filter rule is disabled, so every document reaches dedup."""
    body = {"name": folder.name.replace("_", "-"), "output": str(output), "seed": 0, "sources": [
        {"name": kind, "kind": kind, "format": "jsonl", "path": str(folder / f"{kind}.jsonl"),
         "columns": {"text": "text", "locator": "id"}, **({"lang": "python"} if kind == "code" else {})}
        for kind in ("code", "text") if (folder / f"{kind}.jsonl").stat().st_size > 0
    ], "crawl": {"max_file_bytes": 4 << 20}}
    if dedup:
        body["dedup"] = dedup
    if not filter_rules:
        from lemur_data.quality import recipes  # noqa: PLC0415

        body["filter"] = {kind: {"rules": {r.name: {"enabled": False}
                                           for r in recipes.load(kind, None, {}, {}, "filter").rules}}
                          for kind in ("code", "text")}
    path = folder / "dataset.yaml"
    path.write_text(json.dumps(body, indent=1))
    return path


def release_series(versions: list[str] | None = None) -> list[dict]:
    """Every standard-library `.py` file (subpackages and tests too, site-packages left out) of the pyenv Pythons
    (successive releases: real near duplicates at every distance) plus Debian's Python packages as distractors;
    about 250 MB with all eight 3.x versions."""
    out = []
    for version_dir in sorted(PYENV.glob("3.*")):
        lib = next(version_dir.glob("lib/python3.*"), None)
        if lib is None or (versions and lib.name.removeprefix("python") not in versions):
            continue
        for path in sorted(lib.rglob("*.py")):
            if "site-packages" not in path.parts and path.stat().st_size <= MAX_BYTES:
                out.append(doc("code", f"stdlib/{path.relative_to(lib.parent)}",
                               path.read_text(encoding="utf-8", errors="replace")))
    return keep(out + debian_python(100_000))


def main() -> int:
    import argparse  # noqa: PLC0415

    ap = argparse.ArgumentParser(description="Assemble the release-series corpus (JSON Lines) for the dedup "
                                 "benchmarks: benchmarks/dedup_speed.py --part e2e reads it.")
    ap.add_argument("--versions", help="comma-separated Python versions to take (default: every pyenv 3.x)")
    ap.add_argument("--out", type=Path, default=BENCH / "release-series")
    args = ap.parse_args()
    docs = release_series(args.versions.split(",") if args.versions else None)
    paths = write_jsonl_by_kind(docs, args.out)
    print(f"{len(docs)} documents, {sum(len(d['text'].encode()) for d in docs) / 1e6:.1f} MB -> {paths['code']}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
