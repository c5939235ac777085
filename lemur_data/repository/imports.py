"""Import / include extraction with tree-sitter, and resolution to files of the same repository.

One `Language` entry per programming language: the tree-sitter query that finds its import statements, a function
that turns each captured node into import specifiers, and a resolver that maps a specifier to repository paths by
that language's path conventions. Paths are repository-relative, '/'-separated. Specifiers that resolve to no file
of the repository (the standard library, third-party packages) give no edge.
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable, Iterable

import tree_sitter_language_pack as tslp
from tree_sitter import Node, Query, QueryCursor


class RepoFiles:
    """The paths of one repository, indexed by path suffix (parts) for the languages' lookups."""

    def __init__(self, paths: Iterable[str]) -> None:
        self.paths = sorted(set(paths))
        self.files = set(self.paths)
        self._by_suffix: dict[tuple[str, ...], list[str]] = defaultdict(list)
        self._dir_suffix: dict[tuple[str, ...], list[str]] = defaultdict(list)
        self._in_dir: dict[str, list[str]] = defaultdict(list)
        for p in self.paths:
            parts = tuple(p.split("/"))
            for i in range(len(parts)):
                self._by_suffix[parts[i:]].append(p)
            self._in_dir[posixpath.dirname(p)].append(p)
        for d in self._in_dir:
            parts = tuple(d.split("/")) if d else ()
            for i in range(len(parts)):
                self._dir_suffix[parts[i:]].append(d)

    def ending_with(self, parts: tuple[str, ...]) -> str | None:
        """The shortest (then first) path whose last parts are `parts`: the likeliest target of an import."""
        found = self._by_suffix.get(parts)
        return min(found, key=lambda p: (p.count("/"), p)) if found else None

    def dir_ending_with(self, parts: tuple[str, ...]) -> str | None:
        found = self._dir_suffix.get(parts)
        return min(found, key=lambda d: (d.count("/"), d)) if found else None

    def in_dir(self, directory: str, suffix: str) -> list[str]:
        return [p for p in self._in_dir.get(directory, ()) if p.endswith(suffix)]

    def first_existing(self, candidates: Iterable[str]) -> str | None:
        return next((c for c in candidates if c in self.files), None)


Specifiers = Callable[[Node, bytes], list[str]]
Resolver = Callable[[str, str, RepoFiles], list[str]]


@dataclass(frozen=True)
class Language:
    grammar: str
    query: str  # tree-sitter query; every capture is handed to `specifiers`
    specifiers: Specifiers
    resolve: Resolver  # (specifier, importing path, repository files) -> target paths


def _text(node: Node, src: bytes) -> str:
    return src[node.start_byte:node.end_byte].decode("utf-8", "replace")


def _unquote(node: Node, src: bytes) -> list[str]:
    return [_text(node, src).strip("\"'`<>")]


def _normal(path: str) -> str | None:
    """A joined path without '.' and '..' parts; None when it climbs out of the repository."""
    norm = posixpath.normpath(path)
    return None if norm.startswith("..") or norm.startswith("/") else norm.removeprefix("./")


# -- Python -------------------------------------------------------------------------------------------------------
def _python_specifiers(node: Node, src: bytes) -> list[str]:
    """`import a.b` -> a.b; `from a import b, c` -> a, a.b, a.c (b may be a submodule); `from ..x import y` keeps the
    leading dots (relative)."""
    if node.type == "import_statement":
        names = [c.child_by_field_name("name") if c.type == "aliased_import" else c
                 for c in node.children_by_field_name("name")]
        return [_text(n, src) for n in names if n is not None]
    module_node = node.child_by_field_name("module_name")
    if module_node is None:
        return []
    module = _text(module_node, src).replace(" ", "")
    joiner = "" if module.endswith(".") else "."
    names = [c.child_by_field_name("name") if c.type == "aliased_import" else c
             for c in node.children_by_field_name("name")]
    return [module] + [module + joiner + _text(n, src) for n in names if n is not None]


def _python_resolve(spec: str, importer: str, repo: RepoFiles) -> list[str]:
    dots = len(spec) - len(spec.lstrip("."))
    parts = tuple(p for p in spec[dots:].split(".") if p)
    if dots:
        base = posixpath.dirname(importer)
        for _ in range(dots - 1):
            base = posixpath.dirname(base)
        stem = "/".join((base, *parts)) if base else "/".join(parts)
        found = repo.first_existing([f"{stem}.py", f"{stem}/__init__.py"] if parts else [f"{base}/__init__.py"])
        return [found] if found else []
    if not parts:
        return []
    found = repo.ending_with((*parts[:-1], parts[-1] + ".py")) or repo.ending_with((*parts, "__init__.py"))
    return [found] if found else []


# -- JavaScript / TypeScript -------------------------------------------------------------------------------------
_JS_EXTENSIONS = ("", ".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts", ".d.ts", ".vue")
_JS_INDEX = tuple(f"/index{e}" for e in (".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs"))


def _js_resolve(spec: str, importer: str, repo: RepoFiles) -> list[str]:
    """Relative specifiers only ('./x', '../y'): bare names are packages, not files of this repository."""
    if not spec.startswith("."):
        return []
    joined = _normal(posixpath.join(posixpath.dirname(importer), spec))
    if joined is None:
        return []
    # NOTE: ESM TypeScript imports the compiled name ('./x.js') of the source file './x.ts'.
    stems = [joined, re.sub(r"\.[mc]?js$", "", joined)]
    found = repo.first_existing(s + e for s in stems for e in (*_JS_EXTENSIONS, *_JS_INDEX))
    return [found] if found else []


_JS_QUERY = """
(import_statement source: (string) @s)
(export_statement source: (string) @s)
(call_expression function: (identifier) @f arguments: (arguments . (string) @s) (#eq? @f "require"))
(call_expression function: (import) arguments: (arguments . (string) @s))
"""


def _js_specifiers(node: Node, src: bytes) -> list[str]:
    return _unquote(node, src) if node.type == "string" else []


# -- Java ---------------------------------------------------------------------------------------------------------
def _java_specifiers(node: Node, src: bytes) -> list[str]:
    """`import a.b.C;` -> a.b.C; `import a.b.*;` -> a.b.*; `import static a.b.C.m;` -> a.b.C.m."""
    text = re.sub(r"\s+", "", _text(node, src)).removeprefix("import").removesuffix(";")
    return [text.removeprefix("static") if text.startswith("static") and "." in text[6:] else text]


def _java_resolve(spec: str, importer: str, repo: RepoFiles) -> list[str]:
    parts = tuple(spec.split("."))
    if parts[-1] == "*":
        directory = repo.dir_ending_with(parts[:-1])
        return repo.in_dir(directory, ".java") if directory is not None else []
    # A static import names a member: drop trailing parts until a class file matches (nested classes too).
    for end in range(len(parts), 0, -1):
        found = repo.ending_with((*parts[:end - 1], parts[end - 1] + ".java"))
        if found:
            return [found]
    return []


# -- Go -----------------------------------------------------------------------------------------------------------
def _go_resolve(spec: str, importer: str, repo: RepoFiles) -> list[str]:
    """An import path names a package (a folder): the longest tail of it that is a folder of the repository (the
    module path before it is unknown without go.mod), every non-test .go file there."""
    parts = tuple(p for p in spec.split("/") if p)
    for start in range(len(parts)):
        directory = repo.dir_ending_with(parts[start:])
        if directory is not None:
            return [p for p in repo.in_dir(directory, ".go") if not p.endswith("_test.go") and p != importer]
    return []


# -- Rust ---------------------------------------------------------------------------------------------------------
def _rust_specifiers(node: Node, src: bytes) -> list[str]:
    """`mod x;` (no body) -> mod:x; `use crate::a::b::{c, d}` -> crate::a::b (the part before any brace / glob)."""
    if node.type == "mod_item":
        name = node.child_by_field_name("name")
        return [f"mod:{_text(name, src)}"] if name is not None and node.child_by_field_name("body") is None else []
    text = re.sub(r"\s+", "", _text(node, src)).removeprefix("pub").removeprefix("use").removesuffix(";")
    path = re.split(r"::\{|::\*|\bas\b", text)[0]
    return [path] if path.split("::")[0] in ("crate", "super", "self") else []


def _rust_module_dir(importer: str) -> str:
    """The folder of a module's children: `src/lib.rs`, `main.rs`, `mod.rs` own their folder; `a/b.rs` owns `a/b/`."""
    directory, name = posixpath.split(importer)
    return directory if name in ("lib.rs", "main.rs", "mod.rs") else posixpath.join(directory, name[:-3])


def _rust_file(stem: str, repo: RepoFiles) -> str | None:
    return repo.first_existing([f"{stem}.rs", f"{stem}/mod.rs"])


def _rust_resolve(spec: str, importer: str, repo: RepoFiles) -> list[str]:
    if spec.startswith("mod:"):
        found = _rust_file(posixpath.join(_rust_module_dir(importer), spec[4:]), repo)
        return [found] if found else []
    head, *parts = spec.split("::")
    base = _rust_module_dir(importer)
    if head == "crate":
        base = _rust_crate_root(importer, repo)
    elif head == "super":
        base = posixpath.dirname(base)
        while parts and parts[0] == "super":
            base, parts = posixpath.dirname(base), parts[1:]
    # The path ends in an item (fn, struct) or a module: the longest prefix that is a module file.
    for end in range(len(parts), 0, -1):
        found = _rust_file(posixpath.join(base, *parts[:end]), repo)
        if found:
            return [found]
    return []


def _rust_crate_root(importer: str, repo: RepoFiles) -> str:
    """The folder of the nearest enclosing lib.rs / main.rs (the crate root), else the importer's folder."""
    directory = posixpath.dirname(importer)
    while True:
        if repo.first_existing([posixpath.join(directory, "lib.rs"), posixpath.join(directory, "main.rs")]):
            return directory
        if not directory:
            return posixpath.dirname(importer)
        directory = posixpath.dirname(directory)


# -- C / C++ ------------------------------------------------------------------------------------------------------
def _c_resolve(spec: str, importer: str, repo: RepoFiles) -> list[str]:
    """`#include "x/y.h"`: beside the including file first, then any file ending in x/y.h (include paths are not
    known); `<x/y.h>` the same, so a project's own headers included with angle brackets are found too."""
    joined = _normal(posixpath.join(posixpath.dirname(importer), spec))
    found = (joined if joined in repo.files else None) or repo.ending_with(tuple(p for p in spec.split("/")
                                                                                 if p not in (".", "..")))
    return [found] if found else []


_C_QUERY = "(preproc_include path: [(string_literal) (system_lib_string)] @p)"

LANGUAGES: dict[str, Language] = {
    "python": Language("python", "(import_statement) @i (import_from_statement) @i", _python_specifiers,
                       _python_resolve),
    "javascript": Language("javascript", _JS_QUERY, _js_specifiers, _js_resolve),
    "typescript": Language("tsx", _JS_QUERY, _js_specifiers, _js_resolve),
    "java": Language("java", "(import_declaration) @i", _java_specifiers, _java_resolve),
    "go": Language("go", "(import_spec path: (_) @p)", _unquote, _go_resolve),
    "rust": Language("rust", "(mod_item) @m (use_declaration) @u", _rust_specifiers, _rust_resolve),
    "c": Language("c", _C_QUERY, _unquote, _c_resolve),
    "cpp": Language("cpp", _C_QUERY, _unquote, _c_resolve),
}


@functools.cache
def _compiled(lang: str) -> tuple[Query, object]:
    spec = LANGUAGES[lang]
    return Query(tslp.get_language(spec.grammar), spec.query), tslp.get_parser(spec.grammar)  # type: ignore


def specifiers(lang: str, text: str) -> list[str]:
    """The import specifiers of one file, in source order ([] for a language without an entry)."""
    if lang not in LANGUAGES:
        return []
    query, parser = _compiled(lang)
    src = text.encode("utf-8", "surrogatepass")
    root = parser.parse(src).root_node  # type: ignore[attr-defined]
    nodes = sorted((n for ns in QueryCursor(query).captures(root).values() for n in ns
                    if n.type != "identifier"), key=lambda n: n.start_byte)
    return [s for n in nodes for s in LANGUAGES[lang].specifiers(n, src)]


def dependencies(path: str, lang: str, text: str, repo: RepoFiles) -> list[str]:
    """The repository files `path` imports (sorted, itself excluded)."""
    if lang not in LANGUAGES:
        return []
    resolve = LANGUAGES[lang].resolve
    return sorted({t for s in specifiers(lang, text) for t in resolve(s, path, repo)} - {path})
