"""Structural code signals from a real parser: tree-sitter grammars shipped offline in tree-sitter-language-pack.

For every crawled language with a grammar, one parse gives: the share of ERROR / MISSING nodes and of error bytes,
function / class / method counts, the maximum nesting depth of block-like nodes, the characters in comments and
docstrings, and the comment text (for the natural language of the comments).

Which node kinds count as a function, a class, a comment or a block is derived once per grammar from the
grammar's own node-kind names (`function_definition`, `method_declaration`, `class_specifier`, `line_comment`,
`statement_block`, ...), with a few per-grammar corrections, so every grammar in the pack gets signals without a
hand-written table per language.

Sampling: only the first `sample_bytes` of a file are parsed, cut where a top-level item starts (a blank line then
a line at column 0, else a line at column 0, else a line end), so the cut rarely splits a construct. Parsing is the
most expensive part of the code path (~5 MB/s on Python); a prefix keeps the structural signals while bounding the
cost per file. The ratios are measured on the sample; the counts are those of the sample, and
`code.ts_parsed_fraction_v1` says how much of the file it covers.

Caps: samples of 16 KB or more parse with a progress callback and give up after a number of parser steps
(deterministic) or a wall-clock deadline (last resort), so a pathological input cannot hang a task.
"""

from __future__ import annotations

import functools
import re
import time
from dataclasses import dataclass
from typing import get_args

import numpy as np
import tree_sitter_language_pack as tslp
from tree_sitter import Language, Parser, Query, QueryCursor

# Our language slugs (lemur_data/sources/languages.py) whose grammar has another name in the pack.
_GRAMMAR_ALIASES = {
    "shell": "bash", "makefile": "make", "tex": "latex", "restructuredtext": "rst", "objective-c": "objc",
    "protobuf": "proto", "assembly": "asm", "emacs-lisp": "elisp", "common-lisp": "commonlisp",
    "jupyter": None, "batchfile": None,
}
_SUPPORTED = frozenset(get_args(tslp.SupportedLanguage))

_FUNCTION_KIND = re.compile(
    r"(?:[a-z]+_)*(?:function|method|subroutine|constructor)(?:_(?:definition|declaration|item|def|declaration_statement))?")
_CLASS_KIND = re.compile(
    r"(?:[a-z]+_)*(?:class|struct|interface|trait|impl|enum|record|protocol|module)"
    r"(?:_(?:definition|declaration|item|specifier|statement))?")
_BLOCK_KIND = re.compile(
    r"(?:[a-z]+_)*(?:block|body)|compound_statement|statement_block|declaration_list|field_declaration_list|"
    r"enumerator_list|object|array|dictionary|table_constructor|element")
# Kinds whose names match but are not definitions in their grammar (calls, names, keywords).
_NOT_DEFINITIONS = {
    "rust": {"generic_function"}, "perl": {"function", "method"}, "cmake": {"function", "endfunction"},
    "c": {"preproc_function_def"}, "cpp": {"preproc_function_def"},
}
_DOC_COMMENT_PREFIXES = (b"/**", b"///", b"//!", b"/*!", b"(**", b"--- ", b"##'")
_COMMENT_MARKERS = re.compile(r"^[ \t/*#!;%\-(){}<>=\"'`]+|[ \t*/#\-(){}<>=\"'`]+$", re.M)
_PYTHON_DOCSTRINGS = """
(module . (string) @doc)
(function_definition body: (block . (string) @doc))
(class_definition body: (block . (string) @doc))
"""
# Bytes that cannot start a top-level item: whitespace and closing brackets.
_NOT_ITEM_START = frozenset(b" \t\r\n\f\v)]}")
# Files above this size parse under a deadline (the progress callback costs ~10% on small files).
_DEADLINE_FROM_BYTES = 16 << 10
_READ_CHUNK = 1 << 16


def grammar_for(lang: str) -> str | None:
    """tree-sitter grammar name for one of our language slugs, or None when the pack has none."""
    name = _GRAMMAR_ALIASES.get(lang, lang)
    return name if name in _SUPPORTED else None


@dataclass(frozen=True)
class GrammarQueries:
    language: Language
    structure: Query  # captures @fn, @cls, @cm, @blk and (Python) @doc
    errors: Query  # captures @err, @miss


@functools.cache
def _grammar(name: str) -> GrammarQueries:
    language = tslp.get_language(name)  # type: ignore[arg-type]
    kinds = sorted({language.node_kind_for_id(i) for i in range(language.node_kind_count)
                    if language.node_kind_is_named(i) and language.node_kind_is_visible(i)} - {None})
    kinds = [k for k in kinds if re.fullmatch(r"[a-z_][a-z0-9_]*", k)]
    excluded = _NOT_DEFINITIONS.get(name, set())
    root = {"module", "program", "source_file", "translation_unit", "document", "compilation_unit", "chunk",
            "source", "stylesheet", "fragment", "makefile", "configuration", "file"}
    groups = {
        "fn": [k for k in kinds if _FUNCTION_KIND.fullmatch(k) and k not in excluded],
        "cls": [k for k in kinds if _CLASS_KIND.fullmatch(k) and k not in excluded and k not in root],
        "cm": [k for k in kinds if "comment" in k and not k.endswith(("_marker", "_open", "_close", "_content"))],
        "blk": [k for k in kinds if _BLOCK_KIND.fullmatch(k) and "comment" not in k],
    }
    patterns = " ".join(f"[{' '.join(f'({k})' for k in ks)}] @{cap}" for cap, ks in groups.items() if ks)
    if name == "python":
        patterns += _PYTHON_DOCSTRINGS
    structure = Query(language, patterns or "(ERROR) @unused")
    errors = Query(language, "(ERROR) @err (MISSING) @miss")
    return GrammarQueries(language, structure, errors)


@functools.cache
def _parser(name: str) -> Parser:
    return tslp.get_parser(name)  # type: ignore[arg-type]


@dataclass
class ParseResult:
    """Signals of one parse, or why there are none (`capped`: 'size' or 'time')."""

    signals: dict[str, float]
    comments: str = ""
    capped: str | None = None


def analyse(text: str, lang: str, *, sample_bytes: int, max_steps: int, timeout_s: float,
            comment_chars: int) -> ParseResult | None:
    """Parse (a sample of) `text` as `lang`; None when there is no grammar for the language."""
    name = grammar_for(lang)
    if name is None:
        return None
    data = text.encode("utf-8")
    sample = _sample(data, sample_bytes)
    tree = _parse(_parser(name), sample, max_steps, timeout_s)
    if whole_file_needed(tree, sample, data):
        sample = data
        tree = _parse(_parser(name), sample, max_steps, timeout_s)
    if tree is None:
        return ParseResult({}, capped="time")
    result = _signals(_grammar(name), tree, sample, comment_chars)
    result.signals["code.ts_parsed_fraction_v1"] = len(sample) / max(1, len(data))
    return result


def whole_file_needed(tree, sample: bytes, data: bytes) -> bool:
    """Whether a sample's parse must be redone on the whole file.

    NOTE: a sample of a file whose top-level item outgrows the window (one Java class, a C file of one big table,
    a bundle) ends inside that item and parses with errors the file does not have (29 of 36 syntax-error drops of
    the demo run). Any error in a strict sample therefore re-parses the whole file, under the same caps.
    """
    return tree is not None and len(sample) < len(data) and tree.root_node.has_error


def _sample(data: bytes, limit: int) -> bytes:
    """The first `limit` bytes (all when limit is 0), cut before the last top-level item that starts in the second
    half of that window: after a blank line if possible, else at any column-0 line, else at a line end."""
    if limit <= 0 or len(data) <= limit:
        return data
    half = limit // 2
    for marker in (b"\n\n", b"\n"):
        end = limit
        while True:
            cut = data.rfind(marker, half, end)
            if cut < 0:
                break
            start = cut + len(marker)
            if start < limit and data[start] not in _NOT_ITEM_START:
                return data[:start]
            end = cut + len(marker) - 1
    cut = data.rfind(b"\n", 0, limit)
    if cut > 0:
        return data[:cut + 1]
    while limit > 0 and data[limit] & 0xC0 == 0x80:  # never split a UTF-8 sequence
        limit -= 1
    return data[:limit]


def _parse(parser: Parser, data: bytes, max_steps: int, timeout_s: float):
    """Parse, giving up after `max_steps` progress callbacks (deterministic: the same input stops at the same point
    on any machine) or, as a last resort, after `timeout_s` seconds."""
    if len(data) < _DEADLINE_FROM_BYTES:
        return parser.parse(data)
    deadline = time.monotonic() + timeout_s
    steps = [0]

    def give_up(*_: object) -> bool:
        steps[0] += 1
        return steps[0] > max_steps or time.monotonic() > deadline

    try:
        return parser.parse(lambda offset, _point: data[offset:offset + _READ_CHUNK], progress_callback=give_up)
    except ValueError:  # tree-sitter reports a cancelled parse as "Parsing failed"
        return None
    finally:
        parser.reset()


def _signals(g: GrammarQueries, tree, data: bytes, comment_chars: int) -> ParseResult:
    root = tree.root_node
    nodes = max(1, root.descendant_count)
    n_bytes = max(1, len(data))
    error_nodes = error_bytes = 0
    if root.has_error:
        caps = QueryCursor(g.errors).captures(root)
        errs, missing = caps.get("err", []), caps.get("miss", [])
        error_nodes = len(errs) + len(missing)
        error_bytes = _union_bytes([(n.start_byte, n.end_byte) for n in errs])
    caps = QueryCursor(g.structure).captures(root)
    classes = _spans(caps.get("cls", []))
    functions = caps.get("fn", [])
    in_class = _open_at(classes, _spans(functions)[:, 0]) > 0 if functions else np.zeros(0, bool)
    methods = sum(1 for f, inside in zip(functions, in_class.tolist()) if inside or "method" in f.type)
    comments = caps.get("cm", [])
    comment_spans = [(n.start_byte, n.end_byte) for n in comments]
    doc_spans = [s for s in comment_spans if data.startswith(_DOC_COMMENT_PREFIXES, s[0])]
    doc_spans += [(n.start_byte, n.end_byte) for n in caps.get("doc", [])]
    comment_bytes = _union_bytes(comment_spans + doc_spans)
    signals = {
        "code.ts_nodes_v2": float(nodes),
        "code.ts_error_ratio_v2": error_nodes / nodes,
        "code.ts_error_bytes_ratio_v2": error_bytes / n_bytes,
        "code.ts_functions_v2": float(len(functions) - methods),
        "code.ts_classes_v2": float(len(classes)),
        "code.ts_methods_v2": float(methods),
        "code.ts_max_depth_v2": float(_max_nesting(_spans(caps.get("blk", [])))),
        "code.comment_fraction_v2": comment_bytes / n_bytes,
        "code.docstring_fraction_v2": _union_bytes(doc_spans) / n_bytes,
    }
    return ParseResult(signals, _comment_text(data, sorted(comment_spans + doc_spans), comment_chars))


def _spans(nodes: list) -> np.ndarray:
    """(start byte, end byte) of each node, as an (n, 2) array."""
    out = np.fromiter((b for n in nodes for b in (n.start_byte, n.end_byte)), np.int64, 2 * len(nodes))
    return out.reshape(-1, 2)


def _open_at(spans: np.ndarray, points: np.ndarray) -> np.ndarray:
    """For each point, how many spans start strictly before it and end after it (syntax nodes nest, so these are
    the spans that enclose a node starting at the point)."""
    if not len(spans):
        return np.zeros(len(points), np.int64)
    return (np.searchsorted(np.sort(spans[:, 0]), points, side="left")
            - np.searchsorted(np.sort(spans[:, 1]), points, side="right"))


def _union_bytes(spans: list[tuple[int, int]]) -> int:
    total, reach = 0, -1
    for start, end in sorted(spans):
        if end <= reach:
            continue
        total += end - max(start, reach)
        reach = end
    return total


def _max_nesting(spans: np.ndarray) -> int:
    """Deepest chain of block-like nodes contained in one another: the most spans open at once (nodes nest or are
    disjoint; at equal positions a span closes before the next one opens)."""
    spans = spans[spans[:, 1] > spans[:, 0]]
    if not len(spans):
        return 0
    positions = np.concatenate((spans[:, 0], spans[:, 1]))
    deltas = np.concatenate((np.ones(len(spans), np.int64), -np.ones(len(spans), np.int64)))
    order = np.lexsort((deltas, positions))
    return int(np.cumsum(deltas[order]).max())


def _comment_text(data: bytes, spans: list[tuple[int, int]], limit: int) -> str:
    """Comment and docstring prose with comment markers removed, at most `limit` characters."""
    parts: list[str] = []
    size, reach = 0, -1
    for start, end in spans:
        if start < reach:
            continue
        reach = end
        text = _COMMENT_MARKERS.sub("", data[start:end].decode("utf-8", "replace")).strip()
        if text:
            parts.append(text)
            size += len(text)
            if size >= limit:
                break
    return " ".join(" ".join(parts)[:limit].split())
