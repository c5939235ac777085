#!/usr/bin/env python3
"""The gigabyte benchmark corpus (issue 10): >= 2 GB of real code and documentation, in nested 0.5 / 1 / 2 GB subsets.

    nice python benchmarks/gigabyte_corpus.py       # fetch, extract, list; subsets of 50 MB, 0.5, 1 and 2 GB

Sources, a fixed list (no name scans), each downloaded once with the registry's ordinary interface and cached
under .bench/gigabyte/cache/ (git-ignored):
* PyPI sdists of several successive releases of the same projects (the simple index's JSON, PEP 691, then the
  file it names, checked against its sha256; `pip download` would build each sdist's metadata, minutes for
  numpy / scipy): the release series are the real near duplicates;
* npm tarballs (`npm pack`) of successive releases of JavaScript / TypeScript projects;
* Debian binary packages that carry source code (`apt-get download`: OpenJDK's src.zip, Go's and Rust's standard
  libraries, a few Rust crates), one release each (the machine's apt has no deb-src lines, so `apt-get source`
  is not available), and Debian documentation packages (`*-doc`, HTML and plain text; `manpages`, `manpages-dev`
  and friends, whose man pages are rendered to UTF-8 text with groff) for the text share.

Layout under .bench/gigabyte/:
* corpus/files/<project>/<release>/<path>: code files (a language lemur-data recognizes from the name), license
  files and package metadata, each <= 1 MiB, none under a vendored / ignored directory (so crawl reads what is
  listed); corpus/text/<package>/<path>: HTML pages (<= 5 MiB), plain text and rendered man pages;
* listing.jsonl: one row per file (tree, path, bytes, project, release, license, language, `group`);
  `group` is the file's identity across releases (project + path inside the release), the ground truth of the
  dedup benchmark: two documents of one group are releases of the same file;
* subsets/<label>/: hard links into corpus/ of the groups whose xxhash64 comes first, up to the size (so every
  subset is a prefix of the larger ones and all have the same mix of projects and releases), with
  dataset.yaml (a lemur-data manifest: a `files` and a `text` source) and truth.jsonl (path -> group).

The build is resumable (a release's extraction is marked done under state/, downloads are kept) and
deterministic (fixed list, sorted members, fixed mtimes: same inputs -> same listing). Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import time
import urllib.request
import zipfile
from pathlib import Path
from typing import Iterator

import xxhash
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lemur_data.config.crawl import DEFAULT_IGNORED_DIRS, DEFAULT_VENDORED_DIRS  # noqa: E402
from lemur_data.sources.files import HTML_EXTENSIONS, TEXT_EXTENSIONS  # noqa: E402
from lemur_data.sources.languages import is_lock_file, language_from_name  # noqa: E402
from lemur_data.sources.licenses import is_license_evidence  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
ROOT = REPO / ".bench" / "gigabyte"
MAX_CODE_BYTES = 1 << 20  # crawl.max_file_bytes (default)
MAX_HTML_BYTES = 5 << 20  # crawl.max_html_bytes (default)
SOURCE_OF_TREE = {"files": "code", "text": "docs"}  # the dataset manifest's source reading each tree
MTIME = 1_700_000_000  # fixed file times: the listing must not depend on when the build ran
SKIP_DIRS = frozenset(DEFAULT_VENDORED_DIRS) | frozenset(DEFAULT_IGNORED_DIRS)

# project -> (SPDX license, releases). Successive releases of the same project are the near duplicates.
PYPI = {
    "django": ("BSD-3-Clause", ["3.2.25", "4.0.10", "4.1.13", "4.2.16", "5.0.9", "5.1.3"]),
    "numpy": ("BSD-3-Clause", ["1.24.4", "1.25.2", "1.26.4", "2.0.2", "2.1.3", "2.2.1"]),
    "sympy": ("BSD-3-Clause", ["1.10.1", "1.11.1", "1.12", "1.13.3"]),
    "pandas": ("BSD-3-Clause", ["1.5.3", "2.0.3", "2.1.4", "2.2.3"]),
    "scipy": ("BSD-3-Clause", ["1.11.4", "1.12.0", "1.13.1", "1.14.1"]),
    "scikit-learn": ("BSD-3-Clause", ["1.3.2", "1.4.2", "1.5.2"]),
    "matplotlib": ("LicenseRef-matplotlib", ["3.7.5", "3.8.4", "3.9.2"]),
    "sqlalchemy": ("MIT", ["1.4.54", "2.0.25", "2.0.36"]),
    "setuptools": ("MIT", ["69.5.1", "75.3.0"]),
    "pip": ("MIT", ["23.3.2", "24.3.1"]),
    "mypy": ("MIT", ["1.11.2", "1.12.1", "1.13.0"]),
    "sphinx": ("BSD-2-Clause", ["7.2.6", "7.4.7"]),
    "networkx": ("BSD-3-Clause", ["3.2.1", "3.4.2"]),
    "flask": ("BSD-3-Clause", ["2.3.3", "3.0.3"]),
    "jinja2": ("BSD-3-Clause", ["3.1.2", "3.1.4"]),
    "click": ("BSD-3-Clause", ["8.1.3", "8.1.7"]),
    "pydantic": ("MIT", ["1.10.18", "2.9.2"]),
    "ansible-core": ("GPL-3.0-or-later", ["2.15.13", "2.16.14", "2.17.6"]),
    "ansible": ("GPL-3.0-or-later", ["9.12.0", "10.6.0"]),
}
NPM = {
    "three": ("MIT", ["0.140.2", "0.150.1", "0.160.1", "0.165.0", "0.170.0"]),
    "date-fns": ("MIT", ["2.29.3", "2.30.0", "3.6.0"]),
    "echarts": ("Apache-2.0", ["5.3.3", "5.4.3", "5.5.1"]),
    "rxjs": ("Apache-2.0", ["7.5.7", "7.8.1"]),
    "typescript": ("Apache-2.0", ["5.4.5", "5.5.4", "5.6.3"]),
    "lodash": ("MIT", ["4.17.15", "4.17.21"]),
    "eslint": ("MIT", ["8.57.0", "9.14.0"]),
    "webpack": ("MIT", ["5.90.3", "5.96.1"]),
    "vue": ("MIT", ["3.4.38", "3.5.12"]),
}
# Debian packages carrying source code (one release each; the distractors of the dedup benchmark).
DEB_CODE = {
    "openjdk-17-source": "GPL-2.0-only WITH Classpath-exception-2.0",
    "golang-1.19-src": "BSD-3-Clause",
    "rust-src": "MIT OR Apache-2.0",
    "librust-tokio-dev": "MIT",
    "librust-syn-dev": "MIT OR Apache-2.0",
    "librust-regex-dev": "MIT OR Apache-2.0",
    "librust-clap-dev": "MIT OR Apache-2.0",
    "golang-golang-x-tools-dev": "BSD-3-Clause",
}
# Debian documentation packages (text): HTML / plain text under usr/share/doc, man pages rendered with groff.
DEB_TEXT = {
    "python3.11-doc": "PSF-2.0",
    "postgresql-doc-15": "PostgreSQL",
    "git-doc": "GPL-2.0-only",
    "python-django-doc": "BSD-3-Clause",
    "sphinx-doc": "BSD-2-Clause",
    "nodejs-doc": "MIT",
    "python-sqlalchemy-doc": "MIT",
    "perl-doc": "Artistic-1.0-Perl OR GPL-1.0-or-later",
    "manpages": "LicenseRef-manpages",
    "manpages-dev": "LicenseRef-manpages",
    "tcl8.6-doc": "TCL",
    "libboost1.81-doc": "BSL-1.0",
    "python-scipy-doc": "BSD-3-Clause",
}


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def run(cmd: list[str], cwd: Path | None = None) -> bytes:
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.decode()[-1500:]}")
    return proc.stdout


# ---------------------------------------------------------------------------------------------------- downloads

def fetch_pypi(cache: Path, name: str, version: str) -> Path:
    """The sdist of name==version from PyPI's simple index (PEP 691 JSON), sha256-checked."""
    folder = cache / "pypi"
    folder.mkdir(parents=True, exist_ok=True)
    found = [p for p in folder.glob("*.tar.gz") if _sdist_matches(p.name, name, version)]
    if found:
        return found[0]
    req = urllib.request.Request(f"https://pypi.org/simple/{name}/",
                                 headers={"Accept": "application/vnd.pypi.simple.v1+json"})
    with urllib.request.urlopen(req, timeout=120) as resp:
        files = json.load(resp)["files"]
    match = [f for f in files if _sdist_matches(f["filename"], name, version)]
    if not match:
        raise RuntimeError(f"PyPI has no sdist for {name}=={version}")
    entry = match[0]
    log(f"  PyPI {entry['filename']} ({entry.get('size', 0) / 1e6:.1f} MB)")
    with urllib.request.urlopen(entry["url"], timeout=600) as resp:
        data = resp.read()
    if hashlib.sha256(data).hexdigest() != entry["hashes"]["sha256"]:
        raise RuntimeError(f"sha256 mismatch for {entry['filename']}")
    path = folder / entry["filename"]
    tmp = path.with_suffix(".part")
    tmp.write_bytes(data)
    tmp.rename(path)
    return path


def _sdist_matches(filename: str, name: str, version: str) -> bool:
    norm = name.lower().replace("-", "_")
    return filename.lower().replace("-", "_") == f"{norm}_{version}.tar.gz"


def fetch_npm(cache: Path, name: str, version: str) -> Path:
    folder = cache / "npm"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name.lstrip('@').replace('/', '-')}-{version}.tgz"
    if not path.exists():
        log(f"  npm pack {name}@{version}")
        run(["npm", "pack", f"{name}@{version}", "--pack-destination", str(folder), "--silent", "--ignore-scripts"],
            cwd=folder)
    return path


def fetch_deb(cache: Path, package: str) -> Path:
    folder = cache / "deb"
    folder.mkdir(parents=True, exist_ok=True)
    found = sorted(folder.glob(f"{package}_*.deb"))
    if not found:
        log(f"  apt-get download {package}")
        run(["apt-get", "download", package], cwd=folder)
        found = sorted(folder.glob(f"{package}_*.deb"))
    return found[-1]


# ---------------------------------------------------------------------------------------------------- members

def tar_members(path: Path, fileobj=None) -> Iterator[tuple[str, bytes]]:
    """(path, bytes) of the regular files of a tarball, in archive order."""
    with tarfile.open(path if fileobj is None else None, "r|*", fileobj=fileobj) as tf:
        for m in tf:
            if m.isfile():
                yield m.name.removeprefix("./"), tf.extractfile(m).read()


def deb_members(path: Path) -> Iterator[tuple[str, bytes]]:
    """(path, bytes) of a .deb's data, read from `dpkg-deb --fsys-tarfile` (nothing is installed)."""
    proc = subprocess.Popen(["dpkg-deb", "--fsys-tarfile", str(path)], stdout=subprocess.PIPE)
    try:
        for name, data in tar_members(path, fileobj=proc.stdout):
            if name.endswith("/src.zip"):  # OpenJDK ships its sources as one zip
                with zipfile.ZipFile(io.BytesIO(data)) as zf:
                    for info in zf.infolist():
                        if not info.is_dir():
                            yield f"src/{info.filename}", zf.read(info)
            else:
                yield name, data
    finally:
        proc.stdout.close()
        proc.wait()


def strip_top(name: str) -> str:
    """Release archives put everything under one folder (numpy-1.26.4/, package/): drop it."""
    return name.split("/", 1)[1] if "/" in name else name


def keep_code(rel: str, data: bytes) -> bool:
    parts = rel.split("/")
    if any(p in SKIP_DIRS for p in parts[:-1]) or is_lock_file(rel) or not data or len(data) > MAX_CODE_BYTES:
        return False
    if b"\x00" in data[:8192]:
        return False
    return language_from_name(rel) is not None or is_license_evidence(rel)


def text_member(rel: str, data: bytes) -> tuple[str, bytes] | None:
    """(path, bytes) to keep in the text tree, or None: HTML / plain text docs, man pages rendered to text."""
    low = rel.lower()
    if "/man/" in f"/{low}" and low.endswith(".gz"):
        return _man_page(rel, data)
    ext = os.path.splitext(low)[1]
    cap = MAX_HTML_BYTES if ext in HTML_EXTENSIONS else MAX_CODE_BYTES
    if ext not in TEXT_EXTENSIONS | HTML_EXTENSIONS or not data or len(data) > cap or b"\x00" in data[:8192]:
        return None
    return rel, data


def _man_page(rel: str, data: bytes) -> tuple[str, bytes] | None:
    try:
        source = gzip.decompress(data)
    except OSError:
        return None
    if source.lstrip().startswith(b".so ") or len(source) < 200:  # a redirect to another page
        return None
    proc = subprocess.run(["groff", "-t", "-man", "-Tutf8", "-P-c", "-P-b", "-P-o", "-P-u"], input=source,
                          capture_output=True, env={**os.environ, "LC_ALL": "C.UTF-8"})
    text = proc.stdout
    if proc.returncode != 0 or len(text) < 200 or len(text) > MAX_CODE_BYTES:
        return None
    return rel.removesuffix(".gz") + ".txt", text


# ---------------------------------------------------------------------------------------------------- build

class Builder:
    def __init__(self, root: Path):
        self.root = root
        self.cache = root / "cache"
        self.state = root / "state"
        self.corpus = root / "corpus"
        self.state.mkdir(parents=True, exist_ok=True)

    def releases(self) -> Iterator[tuple[str, str, str, str, str]]:
        """(tree, project, release, license, origin) of every release, in a fixed order."""
        for name, (spdx, versions) in PYPI.items():
            for v in versions:
                yield "files", name, v, spdx, "pypi"
        for name, (spdx, versions) in NPM.items():
            for v in versions:
                yield "files", f"npm-{name}", v, spdx, "npm"
        for name, spdx in DEB_CODE.items():
            yield "files", name, "debian", spdx, "deb"
        for name, spdx in DEB_TEXT.items():
            yield "text", name, "debian", spdx, "deb"

    def build(self) -> None:
        started = time.monotonic()
        for tree, project, release, _spdx, origin in self.releases():
            done = self.state / f"{tree}--{project}--{release}.done"
            if done.exists():
                continue
            t0 = time.monotonic()
            dest = self.corpus / tree / project / (release if tree == "files" else "")
            if dest.exists():  # a half-written release from an interrupted build
                shutil.rmtree(dest)
            n, nbytes = self.extract(tree, project, release, origin, dest)
            done.write_text(json.dumps({"files": n, "bytes": nbytes}) + "\n")
            log(f"{tree}/{project}/{release}: {n} files, {nbytes / 1e6:.1f} MB ({time.monotonic() - t0:.0f} s; "
                f"{time.monotonic() - started:.0f} s so far)")

    def extract(self, tree: str, project: str, release: str, origin: str, dest: Path) -> tuple[int, int]:
        if origin == "pypi":
            members = ((strip_top(n), d) for n, d in tar_members(fetch_pypi(self.cache, project, release)))
        elif origin == "npm":
            members = ((strip_top(n), d) for n, d in tar_members(fetch_npm(self.cache, project[4:], release)))
        else:
            members = deb_members(fetch_deb(self.cache, project))
        n = nbytes = 0
        for rel, data in members:
            if tree == "files":
                kept = (rel, data) if keep_code(rel, data) else None
                if kept and origin == "deb":  # keep the package layout, minus the usr/ prefix
                    kept = (rel.removeprefix("usr/"), data)
            else:
                kept = text_member(rel.removeprefix("usr/share/"), data)
            if kept is None:
                continue
            path = dest / kept[0]
            if path.exists():  # the same path twice in one archive: keep the first
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(kept[1])
            os.utime(path, (MTIME, MTIME))
            n += 1
            nbytes += len(kept[1])
        if tree == "files" and origin == "deb":  # the package's license, where the crawl's license detection looks
            copyright_file = dest / "share" / "doc" / project / "copyright"
            if copyright_file.exists():
                shutil.copyfile(copyright_file, dest / "COPYRIGHT")
        return n, nbytes


# ---------------------------------------------------------------------------------------------------- listing

def write_listing(root: Path, builder: Builder) -> list[dict]:
    info = {(tree, project): (spdx, origin) for tree, project, _r, spdx, origin in builder.releases()}
    rows = []
    for tree in ("files", "text"):
        base = root / "corpus" / tree
        for path in sorted(p for p in base.rglob("*") if p.is_file()):
            rel = path.relative_to(base).as_posix()
            project, rest = rel.split("/", 1)
            if tree == "files":
                release, inner = rest.split("/", 1) if "/" in rest else ("", rest)
            else:
                release, inner = "debian", rest
            spdx, origin = info[(tree, project)]
            lang = language_from_name(inner) if tree == "files" else os.path.splitext(inner)[1].lstrip(".")
            rows.append({"tree": tree, "path": rel, "bytes": path.stat().st_size, "project": project,
                         "release": release, "origin": origin, "license": spdx, "lang": lang,
                         "group": f"{tree}:{project}/{inner}"})
    with open(root / "listing.jsonl", "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, sort_keys=True) + "\n")
    return rows


def group_order(rows: list[dict]) -> list[tuple[str, list[dict]]]:
    """Groups (all releases of one file) by xxhash64 of the group key: the order subsets take them in."""
    groups: dict[str, list[dict]] = {}
    for r in rows:
        groups.setdefault(r["group"], []).append(r)
    return sorted(groups.items(), key=lambda kv: (xxhash.xxh64_intdigest(kv[0].encode()), kv[0]))


def size_label(gb: float) -> str:
    """0.5 -> "0.5GB", 0.05 -> "50MB"."""
    return f"{gb:g}GB" if gb >= 0.1 else f"{gb * 1000:g}MB"


def parse_size(text: str) -> float:
    """A size in GB from "2", "0.5GB" or "50MB"."""
    t = text.strip().upper()
    if t.endswith("MB"):
        return float(t[:-2]) / 1000
    return float(t.removesuffix("GB"))


def write_subset(root: Path, ordered: list[tuple[str, list[dict]]], gb: float) -> dict:
    """subsets/<label>/: hard links to the first groups up to gb, a dataset manifest and the ground truth."""
    label = size_label(gb)
    target = gb * 1e9
    chosen, total = [], 0
    for _key, members in ordered:
        if total >= target:
            break
        chosen.extend(members)
        total += sum(m["bytes"] for m in members)
    folder = root / "subsets" / label
    if folder.exists():
        shutil.rmtree(folder)
    for r in chosen:
        dest = folder / r["tree"] / r["path"]
        dest.parent.mkdir(parents=True, exist_ok=True)
        os.link(root / "corpus" / r["tree"] / r["path"], dest)
    with open(folder / "truth.jsonl", "w", encoding="utf-8") as f:
        for r in sorted(chosen, key=lambda r: (r["tree"], r["path"])):
            f.write(json.dumps({"source": SOURCE_OF_TREE[r["tree"]], "locator": r["path"], "group": r["group"]}) + "\n")
    code = sum(r["bytes"] for r in chosen if r["tree"] == "files")
    summary = {"label": label, "files": len(chosen), "bytes": total, "code_bytes": code, "text_bytes": total - code}
    (folder / "dataset.yaml").write_text(yaml.safe_dump(dataset_manifest(folder, label, summary), sort_keys=False))
    (folder / "composition.json").write_text(json.dumps({**summary, **composition(chosen)}, indent=1) + "\n")
    log(f"subset {label}: {len(chosen)} files, {total / 1e9:.3f} GB (code {code / 1e9:.3f}, "
        f"text {(total - code) / 1e9:.3f})")
    return summary


def dataset_manifest(folder: Path, label: str, summary: dict) -> dict:
    """The lemur-data dataset over one subset: default filter recipes, default dedup, a 10:1 mix of half the tokens
    the subset can give (bytes per token as in REFERENCE.md, a third of the text kept after filter and dedup: a
    guess for `lemur-data run`; benchmarks/gigabyte.py sets the budget from the tokenized documents)."""
    code_tokens, text_tokens = summary["code_bytes"] / 2.65, summary["text_bytes"] / 3.28 / 3
    rows = int(min(code_tokens / 10 * 11, text_tokens * 11) * 0.5 / 2048)
    return {
        "name": f"gigabyte-{label.lower()}",
        "output": str(folder / "out"),
        "seed": 1234,
        "sources": [
            {"name": SOURCE_OF_TREE["files"], "kind": "code", "format": "files", "path": str(folder / "files")},
            {"name": SOURCE_OF_TREE["text"], "kind": "text", "format": "text", "path": str(folder / "text")},
        ],
        "dedup": {"scope": "global", "threshold": 0.7, "num_perm": 256},
        "tokenizer": {},
        "mix": {"budget_tokens": max(rows, 11) * 2048, "seq_len": 2048, "max_repetition": 4,
                "groups": {"code": {"ratio": 10, "kinds": ["code"]}, "text": {"ratio": 1, "kinds": ["text"]}}},
    }


def composition(rows: list[dict]) -> dict:
    by = {}
    for key in ("tree", "origin", "lang", "project"):
        agg: dict[str, list[int]] = {}
        for r in rows:
            a = agg.setdefault(str(r[key]), [0, 0])
            a[0] += 1
            a[1] += r["bytes"]
        by[key] = {k: {"files": v[0], "bytes": v[1]} for k, v in sorted(agg.items(), key=lambda kv: -kv[1][1])}
    releases = sorted({(r["project"], r["release"]) for r in rows})
    return {"files": len(rows), "bytes": sum(r["bytes"] for r in rows), "releases": len(releases),
            "projects": len({p for p, _ in releases}), **by}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, default=ROOT)
    ap.add_argument("--sizes", default="0.05,0.5,1,2",
                    help="subset sizes in GB (nested; 0.05 is the harness's warm-up and validation subset)")
    ap.add_argument("--min-gb", type=float, default=2.0, help="fail when the corpus is smaller than this")
    args = ap.parse_args(argv)
    t0 = time.monotonic()
    builder = Builder(args.root)
    builder.build()
    rows = write_listing(args.root, builder)
    comp = composition(rows)
    log(f"corpus: {comp['files']} files, {comp['bytes'] / 1e9:.3f} GB, {comp['projects']} projects, "
        f"{comp['releases']} releases ({time.monotonic() - t0:.0f} s)")
    if comp["bytes"] < args.min_gb * 1e9:
        print(f"corpus is {comp['bytes'] / 1e9:.2f} GB, under --min-gb {args.min_gb}", file=sys.stderr)
        return 1
    ordered = group_order(rows)
    comp["subsets"] = [write_subset(args.root, ordered, parse_size(s)) for s in args.sizes.split(",")]
    comp["build_s"] = round(time.monotonic() - t0, 1)
    (args.root / "composition.json").write_text(json.dumps(comp, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
