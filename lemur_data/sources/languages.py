"""Programming language of a code file from its name, extension or shebang.

Languages are lowercase slugs (`python`, `cpp`, `csharp`, ...) so filter recipes can key per-language overrides on
them. `normalize_language` maps the names other datasets use (The Stack's "C++", "Jupyter Notebook", ...) to the
same slugs.
"""

from __future__ import annotations

import posixpath
import re

_EXTENSIONS: dict[str, tuple[str, ...]] = {
    "python": (".py", ".pyi", ".pyw", ".pyx", ".pxd"),
    "sql": (".sql", ".psql", ".ddl"),
    "shell": (".sh", ".bash", ".zsh", ".ksh", ".bats"),
    "java": (".java",),
    "javascript": (".js", ".mjs", ".cjs", ".jsx"),
    "typescript": (".ts", ".tsx", ".mts", ".cts"),
    "c": (".c", ".h"),
    "cpp": (".cc", ".cpp", ".cxx", ".c++", ".hh", ".hpp", ".hxx", ".h++", ".ipp", ".tcc", ".inl"),
    "csharp": (".cs", ".csx"),
    "go": (".go",),
    "rust": (".rs",),
    "php": (".php", ".phtml"),
    "ruby": (".rb", ".rake", ".gemspec"),
    "perl": (".pl", ".pm", ".t", ".pod"),
    "scala": (".scala", ".sc", ".sbt"),
    "kotlin": (".kt", ".kts"),
    "swift": (".swift",),
    "lua": (".lua",),
    "r": (".r", ".rmd"),
    "haskell": (".hs", ".lhs"),
    "julia": (".jl",),
    "ocaml": (".ml", ".mli"),
    "fortran": (".f", ".f77", ".f90", ".f95", ".f03", ".f08", ".for", ".fpp"),
    "assembly": (".s", ".asm", ".nasm"),
    "html": (".html", ".htm", ".xhtml"),
    "css": (".css",),
    "scss": (".scss", ".sass", ".less"),
    "markdown": (".md", ".markdown", ".mdx"),
    "json": (".json", ".jsonc", ".json5"),
    "yaml": (".yaml", ".yml"),
    "toml": (".toml",),
    "xml": (".xml", ".xsd", ".xsl", ".xslt", ".svg", ".plist"),
    "dockerfile": (".dockerfile",),
    "makefile": (".mk", ".mak"),
    "cmake": (".cmake",),
    "tex": (".tex", ".sty", ".cls", ".bib"),
    "restructuredtext": (".rst",),
    "objective-c": (".m", ".mm"),
    "dart": (".dart",),
    "elixir": (".ex", ".exs"),
    "erlang": (".erl", ".hrl"),
    "clojure": (".clj", ".cljs", ".cljc", ".edn"),
    "groovy": (".groovy", ".gradle"),
    "powershell": (".ps1", ".psm1", ".psd1"),
    "batchfile": (".bat", ".cmd"),
    "vue": (".vue",),
    "protobuf": (".proto",),
    "zig": (".zig",),
    "nim": (".nim",),
    "verilog": (".v", ".sv", ".svh"),
    "vhdl": (".vhd", ".vhdl"),
    "cuda": (".cu", ".cuh"),
    "solidity": (".sol",),
    "matlab": (".matlab",),
    "ini": (".ini", ".cfg", ".conf"),
}
EXTENSION_TO_LANG: dict[str, str] = {ext: lang for lang, exts in _EXTENSIONS.items() for ext in exts}

FILENAME_TO_LANG: dict[str, str] = {
    "makefile": "makefile", "gnumakefile": "makefile", "bsdmakefile": "makefile",
    "dockerfile": "dockerfile", "containerfile": "dockerfile",
    "cmakelists.txt": "cmake",
    "rakefile": "ruby", "gemfile": "ruby", "guardfile": "ruby", "podfile": "ruby", "vagrantfile": "ruby",
    "build.gradle": "groovy", "jenkinsfile": "groovy",
    "meson.build": "meson",
    ".bashrc": "shell", ".bash_profile": "shell", ".zshrc": "shell", ".profile": "shell",
    "pkgbuild": "shell", "configure.ac": "m4",
}

_SHEBANG_TO_LANG = {
    "python": "python", "pypy": "python",
    "sh": "shell", "bash": "shell", "zsh": "shell", "dash": "shell", "ksh": "shell", "ash": "shell",
    "perl": "perl", "ruby": "ruby", "node": "javascript", "nodejs": "javascript", "deno": "typescript",
    "php": "php", "lua": "lua", "rscript": "r", "julia": "julia", "tclsh": "tcl", "awk": "awk",
    "gawk": "awk", "ocaml": "ocaml", "runghc": "haskell", "runhaskell": "haskell", "scala": "scala",
    "swift": "swift", "groovy": "groovy", "kotlin": "kotlin", "pwsh": "powershell", "make": "makefile",
}

_SHEBANG_RE = re.compile(rb"^#!\s*(\S+)(?:\s+(\S+))?(?:\s+(\S+))?")
_VERSION_SUFFIX = re.compile(r"[\d.]+$")

LOCK_FILES = frozenset(
    {
        "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lockb", "bun.lock",
        "cargo.lock", "poetry.lock", "pipfile.lock", "pdm.lock", "uv.lock", "composer.lock", "gemfile.lock",
        "go.sum", "flake.lock", "mix.lock", "pubspec.lock", "packages.lock.json", "podfile.lock",
        "gradle.lockfile", "conda-lock.yml", "deno.lock", "shrinkwrap.yaml",
    }
)


def is_lock_file(path: str) -> bool:
    return posixpath.basename(path).lower() in LOCK_FILES


def language_from_name(path: str) -> str | None:
    """Language from the file name alone (well-known names first, then the extension)."""
    name = posixpath.basename(path).lower()
    if name in FILENAME_TO_LANG:
        return FILENAME_TO_LANG[name]
    if name.startswith(("dockerfile.", "containerfile.")) or name.endswith(".dockerfile"):
        return "dockerfile"
    if name.startswith("makefile."):
        return "makefile"
    ext = posixpath.splitext(name)[1]
    return EXTENSION_TO_LANG.get(ext)


def language_from_shebang(head: bytes) -> str | None:
    """Language from a `#!` line (`#!/usr/bin/env python3`, `#!/bin/sh -e`, `#!/usr/bin/env -S node --flag`)."""
    m = _SHEBANG_RE.match(head[:256])
    if not m:
        return None
    words = [w.decode("latin-1") for w in m.groups() if w]
    prog = posixpath.basename(words[0])
    if prog == "env":
        rest = [w for w in words[1:] if not w.startswith("-")]
        if not rest:
            return None
        prog = posixpath.basename(rest[0])
    prog = _VERSION_SUFFIX.sub("", prog).lower().rstrip("-") or prog
    return _SHEBANG_TO_LANG.get(prog)


def detect_language(path: str, head: bytes) -> str | None:
    """Language of a code file: name / extension, else shebang for extension-less scripts."""
    return language_from_name(path) or (language_from_shebang(head) if head.startswith(b"#!") else None)


# The Stack, GitHub linguist and other datasets' display names -> our slugs.
_ALIASES = {
    "c++": "cpp", "c#": "csharp", "f#": "fsharp", "objective-c++": "objective-c", "visual basic": "visual-basic",
    "jupyter notebook": "jupyter", "batchfile": "batchfile", "shell": "shell", "bash": "shell", "sh": "shell",
    "emacs lisp": "emacs-lisp", "common lisp": "common-lisp", "restructuredtext": "restructuredtext",
    "protocol buffer": "protobuf", "js": "javascript", "ts": "typescript", "py": "python", "golang": "go",
    "tex": "tex", "latex": "tex", "makefile": "makefile", "dockerfile": "dockerfile", "yml": "yaml",
    "assembly": "assembly", "gas": "assembly", "nasm": "assembly", "cuda": "cuda", "scss": "scss",
}


def normalize_language(name: str | None) -> str | None:
    if name is None:
        return None
    key = name.strip().lower()
    if not key:
        return None
    return _ALIASES.get(key, key.replace(" ", "-"))
