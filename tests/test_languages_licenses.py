"""Language detection (extension, well-known names, shebang) and repository license detection, on real files."""

from __future__ import annotations

from pathlib import Path

import pytest

from lemur_data.sources.languages import detect_language, is_lock_file, normalize_language
from lemur_data import storage
from lemur_data.config import CrawlConfig, SourceConfig
from lemur_data.sources.files import path_policy
from lemur_data.sources.licenses import (detect_repo_licenses, is_license_evidence, license_from_metadata,
                                        license_from_text, repo_for)
from lemur_data.sources.trees import list_tree

STDLIB = Path("/root/.pyenv/versions/3.11.7/lib/python3.11")
COMMON_LICENSES = Path("/usr/share/common-licenses")


@pytest.mark.parametrize(
    ("path", "lang"),
    [
        ("a/b.py", "python"), ("q.sql", "sql"), ("run.sh", "shell"), ("A.java", "java"), ("x.js", "javascript"),
        ("x.mjs", "javascript"), ("x.ts", "typescript"), ("x.tsx", "typescript"), ("x.c", "c"), ("x.h", "c"),
        ("x.cpp", "cpp"), ("x.hpp", "cpp"), ("x.cs", "csharp"), ("x.go", "go"), ("x.rs", "rust"), ("x.php", "php"),
        ("x.rb", "ruby"), ("x.pl", "perl"), ("x.pm", "perl"), ("x.scala", "scala"), ("x.kt", "kotlin"),
        ("x.swift", "swift"), ("x.lua", "lua"), ("x.R", "r"), ("x.hs", "haskell"), ("x.jl", "julia"),
        ("x.ml", "ocaml"), ("x.f90", "fortran"), ("x.s", "assembly"), ("x.asm", "assembly"), ("x.html", "html"),
        ("x.css", "css"), ("README.md", "markdown"), ("x.json", "json"), ("x.yaml", "yaml"), ("x.yml", "yaml"),
        ("Dockerfile", "dockerfile"), ("Dockerfile.dev", "dockerfile"), ("Makefile", "makefile"),
        ("GNUmakefile", "makefile"), ("rules.mk", "makefile"), ("CMakeLists.txt", "cmake"), ("paper.tex", "tex"),
        ("Rakefile", "ruby"),
    ],
)
def test_language_from_name(path, lang):
    assert detect_language(path, b"") == lang


@pytest.mark.parametrize(
    ("head", "lang"),
    [
        (b"#!/usr/bin/env python3\nimport os\n", "python"),
        (b"#!/bin/sh -e\nset -u\n", "shell"),
        (b"#!/usr/bin/bash\n", "shell"),
        (b"#!/usr/bin/perl -w\n", "perl"),
        (b"#!/usr/bin/env -S node --no-warnings\n", "javascript"),
        (b"#!/usr/bin/env ruby\n", "ruby"),
        (b"#!/usr/bin/env Rscript\n", "r"),
        (b"#!/usr/bin/python3.11\n", "python"),
    ],
)
def test_language_from_shebang_for_extensionless_scripts(head, lang):
    assert detect_language("bin/tool", head) == lang


def test_real_pyenv_scripts_are_shell_by_shebang():
    scripts = sorted(Path("/root/.pyenv/libexec").glob("pyenv-*"))[:10]
    assert scripts
    for script in scripts:
        assert detect_language(script.name, script.read_bytes()[:256]) == "shell", script


def test_unknown_and_lock_files():
    assert detect_language("LICENSE", b"Copyright") is None
    assert detect_language("image.png", b"\x89PNG") is None
    for name in ("package-lock.json", "yarn.lock", "Cargo.lock", "poetry.lock", "sub/dir/go.sum", "uv.lock"):
        assert is_lock_file(name), name
    assert not is_lock_file("lockfile.py")


def test_the_stack_language_names_normalise():
    assert normalize_language("C++") == "cpp"
    assert normalize_language("C#") == "csharp"
    assert normalize_language("Python") == "python"
    assert normalize_language("Jupyter Notebook") == "jupyter"
    assert normalize_language("") is None


@pytest.mark.parametrize(
    ("file", "spdx"),
    [("GPL-2", "GPL-2.0"), ("GPL-3", "GPL-3.0"), ("LGPL-2.1", "LGPL-2.1"), ("LGPL-3", "LGPL-3.0"),
     ("Apache-2.0", "Apache-2.0"), ("MPL-2.0", "MPL-2.0"), ("BSD", "BSD-3-Clause"), ("CC0-1.0", "CC0-1.0"),
     ("Artistic", "Artistic-1.0")],
)
def test_license_texts_shipped_by_debian(file, spdx):
    assert license_from_text((COMMON_LICENSES / file).read_text(encoding="utf-8")) == spdx


def test_cpython_license_is_psf_not_the_gpl_it_mentions():
    text = (STDLIB / "LICENSE.txt").read_text(encoding="utf-8")
    assert "GPL" in text
    assert license_from_text(text) == "PSF-2.0"


def test_pyenv_license_is_mit():
    assert license_from_text(Path("/root/.pyenv/LICENSE").read_text(encoding="utf-8")) == "MIT"


def test_license_from_package_metadata():
    assert license_from_metadata("package.json", '{"name": "x", "license": "ISC"}') == "ISC"
    assert license_from_metadata("Cargo.toml", '[package]\nname = "x"\nlicense = "MIT OR Apache-2.0"\n') == \
        "MIT OR Apache-2.0"
    assert license_from_metadata("pyproject.toml", '[project]\nlicense = {text = "BSD"}\n') == "BSD-3-Clause"
    assert license_from_metadata("PKG-INFO", "Metadata-Version: 2.1\nLicense: UNKNOWN\n") is None
    assert license_from_metadata("package.json", "{not json") is None


def test_nearest_repository_root_wins():
    mit = Path("/root/.pyenv/LICENSE").read_text(encoding="utf-8")
    gpl = (COMMON_LICENSES / "GPL-3").read_text(encoding="utf-8")
    repos = detect_repo_licenses({"a/LICENSE": mit, "a/vendored/b/COPYING": gpl, "c/package.json": '{"license": "ISC"}'})
    assert repo_for("a/src/x.py", repos).spdx == "MIT"
    assert repo_for("a/vendored/b/y.c", repos).spdx == "GPL-3.0"
    assert repo_for("c/index.js", repos).spdx == "ISC"
    assert repo_for("d/z.go", repos) is None


def test_a_listed_tree_gets_the_per_path_decisions_and_the_nearest_repository_of_each_file(tmp_path):
    """The listing decides the folder part of the path policy and the repository once per folder: every file must
    still get exactly what the per-path functions give it, whatever order the folders are met in."""
    mit = Path("/root/.pyenv/LICENSE").read_text(encoding="utf-8")
    gpl = (COMMON_LICENSES / "GPL-3").read_text(encoding="utf-8")
    files = {"a/LICENSE": mit, "a/src/deep/er/x.py": "x = 1\n", "a/src/y.py": "y = 2\n",
             "a/lib/b/COPYING": gpl, "a/lib/b/src/z.c": "int z;\n", "a/lib/b/node_modules/m/i.js": "1;\n",
             "a/.git/config": "[core]\n", "a/package-lock.json": "{}\n", "c/package.json": '{"license": "ISC"}',
             "c/index.js": "1;\n", "d/e/w.go": "package e\n", "top.py": "t = 0\n"}
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    source = SourceConfig(name="code", kind="code", format="files", path=str(tmp_path))
    crawl = CrawlConfig()
    _, items = list_tree(source, crawl, storage.Storage())
    repos = detect_repo_licenses({rel: text for rel, text in files.items() if is_license_evidence(rel)})
    assert sorted(i.rel for i in items) == sorted(files)
    for item in items:
        assert item.skip == path_policy(item.rel, source, crawl), item.rel
        repo = repo_for(item.rel, repos)
        assert (item.repo, item.license) == ((repo.root or tmp_path.name, repo.spdx) if repo else (None, None)), item.rel
    by_rel = {i.rel: i for i in items}
    assert by_rel["a/lib/b/node_modules/m/i.js"].skip == "vendored_dir"
    assert by_rel["a/.git/config"].skip == "ignored_dir"
    assert by_rel["a/src/deep/er/x.py"].license == "MIT" and by_rel["a/lib/b/src/z.c"].license == "GPL-3.0"
    assert by_rel["d/e/w.go"].license is None and by_rel["top.py"].repo is None


@pytest.mark.parametrize(
    ("package", "spdx"),
    [("perl-base", "GPL-1.0-or-later OR Artistic-1.0"), ("zlib1g", "Zlib"), ("git", "GPL-2.0-only"),
     ("gzip", "GPL-3.0-or-later")],
)
def test_debian_machine_readable_copyright_files(package, spdx):
    text = Path(f"/usr/share/doc/{package}/copyright").read_text(encoding="utf-8")
    assert detect_repo_licenses({"pkg/COPYRIGHT": text})["pkg"].spdx == spdx


def test_dual_license_texts_take_the_declared_or_and_metadata_alone_does_not_make_a_root():
    mit = Path("/root/.pyenv/LICENSE").read_text(encoding="utf-8")
    apache = (COMMON_LICENSES / "Apache-2.0").read_text(encoding="utf-8")
    repos = detect_repo_licenses({
        "itoa/LICENSE-MIT": mit, "itoa/LICENSE-APACHE": apache,
        "itoa/Cargo.toml": '[package]\nname = "itoa"\nlicense = "MIT OR Apache-2.0"\n',
        "itoa/dist/esm/package.json": '{"type": "module"}',
        "both/LICENSE-MIT": mit, "both/LICENSE-APACHE": apache,
    })
    assert repo_for("itoa/src/lib.rs", repos).spdx == "MIT OR Apache-2.0"
    assert repo_for("itoa/dist/esm/index.js", repos).root == "itoa"
    assert repo_for("both/x.rs", repos).spdx == "Apache-2.0 AND MIT"
