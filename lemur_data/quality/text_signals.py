"""Prose signals for text documents, with code-aware routing.

A Q&A answer or a documentation page full of code must be judged on its prose: `split_prose` takes code blocks
out first (Markdown fences, reStructuredText literal blocks and code directives, doctest / shell prompts, and
runs of lines that look like code), and language ID plus the Gopher, C4 and FineWeb rules then see only the
prose. A document without code blocks is measured exactly as the reference implementations measure it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from lemur_data.quality.textstats import NgramRepetition, Vocabulary, duplicate_elements
from lemur_data.quality.words import TERMINAL_PUNCTUATION, sentences, words

STOP_WORDS = frozenset({"the", "be", "to", "of", "and", "that", "have", "with"})
_LINE_END_MARKS = tuple(TERMINAL_PUNCTUATION)
# Gopher's "symbol" tokens: made only of these (punctuation, control characters).
_PUNCT_CHARS = frozenset("!/—”:％１〈&(、━\\【#%「」，】；+^]~“《„';’{|∶´[=-`*．（–？！：$～«〉,><》)?）。…@_.\"}►»"
                         + "".join(TERMINAL_PUNCTUATION)
                         + "".join(map(chr, [*range(0, 9), *range(11, 32), *range(127, 160)])))
C4_END_PUNCTUATION = (".", "?", "!", '"', "'")
C4_POLICY = ("terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies", "use cookies")
_C4_CITATION = re.compile(r"\[\d*]|\[edit]|\[citation needed]")
_PARAGRAPH_SPLIT = re.compile(r"\n{2,}")
_LETTER = re.compile(r"[^\W\d_]")
_LINE_SPLIT = re.compile(r"\n+")
TOP_NGRAMS = (2, 3, 4)
DUP_NGRAMS = (5, 6, 7, 8, 9, 10)

# --- code-aware routing ---------------------------------------------------------------------------------------
_FENCE = re.compile(r"^\s*(```|~~~)")
_RST_CODE_DIRECTIVE = re.compile(r"^\s*\.\.\s+(code-block|code|sourcecode|doctest|testcode|highlight|literalinclude)::")
_PROMPT = re.compile(r"^\s*(>>>|\.\.\.\s|\$ |# |In \[\d+\]:)")
_CODE_START = re.compile(
    r"^\s*(?:(?:def|class|elif|while|with|for|if|try|except|async def)\b.*:\s*$"
    r"|(?:import|from)\s+[\w.]+(?:\s+import\s+[\w.*, ()]+)?\s*$"
    r"|(?:return|raise|yield|await|assert|del|pass|break|continue)\b[^.]*$"
    r"|#\s*(?:include|define|ifn?def|endif|pragma)\b"
    r"|(?:fn|let|const|var|function|public|private|protected|static|package|func|struct|impl|use|pub|mod|enum"
    r"|typedef|void|int|char|float|double|bool|auto|template|namespace|interface|unsigned|long)\s+[\w<*&\[(]"
    r"|[\w.\[\]]+\s*(?:[-+*/%|&^]?=|:=)\s*\S[^.]*$"
    r"|.*(?:[;{}]|\)\s*:|=>|->)\s*$"
    r"|[})\]];?,?\s*$"
    r"|//|/\*|\*/|<\?php|<[a-zA-Z][\w-]*(?:\s+[\w-]+=\S+)*\s*/?>\s*$)")
_SYMBOLS = "{}[]()<>;=_$\\|&*"
_SYMBOL_DELETE = str.maketrans("", "", _SYMBOLS)
_SYMBOL_SHARE = 0.12


def _looks_like_code(line: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return False
    if _CODE_START.match(stripped):
        return True
    return len(stripped) >= 4 and (len(stripped) - len(stripped.translate(_SYMBOL_DELETE))) >= _SYMBOL_SHARE * len(stripped)


@dataclass(frozen=True)
class Routed:
    prose: str
    code_chars: int
    code_blocks: int


def split_prose(text: str) -> Routed:
    """Prose lines (code blocks removed) joined with newlines; the text itself when it has no code block."""
    lines = text.split("\n")
    code = _code_lines(lines)
    if not any(code):
        return Routed(text, 0, 0)
    prose_lines, code_chars, blocks, previous = [], 0, 0, False
    for line, is_code in zip(lines, code):
        if is_code:
            code_chars += len(line) + 1
            blocks += not previous
        else:
            prose_lines.append(line)
        previous = is_code
    return Routed("\n".join(prose_lines), code_chars, blocks)


def _code_lines(lines: list[str]) -> list[bool]:
    """Per line: is it part of a code block? Fences and literal blocks are certain; lines that merely look like
    code count when at least two of them follow one another (blank lines in between allowed)."""
    n = len(lines)
    code = [False] * n
    looks = [False] * n
    in_fence = False
    literal_indent: int | None = None  # inside an RST literal block: its introducing line's indentation
    for i, line in enumerate(lines):
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        if _FENCE.match(line):
            code[i] = True
            in_fence = not in_fence
            continue
        if in_fence:
            code[i] = True
            continue
        if literal_indent is not None:
            if not stripped or indent > literal_indent:
                code[i] = bool(stripped)
                continue
            literal_indent = None
        if _RST_CODE_DIRECTIVE.match(line) or (stripped.endswith("::") and not stripped.startswith("..")):
            literal_indent = indent
            code[i] = stripped.startswith("..")
            continue
        if _PROMPT.match(line):
            code[i] = True
            continue
        looks[i] = _looks_like_code(line)
    # Runs of code-looking lines (>= 2, blank lines inside a run allowed) are code blocks.
    i = 0
    while i < n:
        if not looks[i]:
            i += 1
            continue
        run, j, last = [i], i + 1, i
        while j < n and (looks[j] or (not lines[j].strip() and j + 1 < n and looks[j + 1])):
            if looks[j]:
                run.append(j)
                last = j
            j += 1
        if len(run) >= 2:
            for k in range(i, last + 1):
                code[k] = code[k] or bool(lines[k].strip())
        i = j
    return code


# --- prose rules ------------------------------------------------------------------------------------------------
def prose_signals(prose: str) -> dict[str, float]:
    """Gopher quality and repetition, C4 and FineWeb measures of the prose."""
    toks = words(prose)
    vocab = Vocabulary(toks)
    signals: dict[str, float] = {}
    signals.update(_gopher_quality(prose, toks, vocab))
    signals.update(_gopher_repetition(prose, vocab))
    signals.update(_c4(prose))
    signals.update(_fineweb(prose, toks))
    return signals


def _gopher_quality(text: str, toks: list[str], vocab: Vocabulary) -> dict[str, float]:
    n = max(1, len(toks))
    # NOTE: per distinct token, then counted over the tokens: the same integers as a pass over every token.
    word_flags = np.fromiter((not _PUNCT_CHARS.issuperset(w) for w in vocab.distinct), bool, len(vocab.distinct))
    n_words = vocab.count(word_flags)
    letter_flags = np.fromiter(map(_has_letter, vocab.distinct), bool, len(vocab.distinct))
    lines = text.splitlines() or [""]
    mean_len = int(vocab.lengths()[word_flags[vocab.ids]].sum()) / n_words if n_words else 0.0
    return {
        "text.words_v1": float(n_words),
        "text.mean_word_length_v1": mean_len,
        "text.hash_ratio_v1": text.count("#") / n,
        "text.ellipsis_ratio_v1": (text.count("...") + text.count("…")) / n,
        "text.bullet_lines_v1": sum(s.lstrip().startswith(("•", "-")) for s in lines) / len(lines),
        "text.ellipsis_lines_v1": sum(s.rstrip().endswith(("...", "…")) for s in lines) / len(lines),
        "text.alpha_words_v1": vocab.count(letter_flags) / n if toks else 0.0,
        "text.stop_words_v1": float(len(STOP_WORDS.intersection(vocab.distinct))),
    }


def _has_letter(token: str) -> bool:
    # NOTE: for ASCII the pattern is exactly [A-Za-z]; elsewhere it also takes numerals such as '½', so confirm.
    return _LETTER.search(token) is not None and (token.isascii() or any(c.isalpha() for c in token))


def _gopher_repetition(text: str, vocab: Vocabulary) -> dict[str, float]:
    chars = max(1, len(text))
    paragraphs = _PARAGRAPH_SPLIT.split(text.strip())
    para_dup, para_dup_chars = duplicate_elements(paragraphs)
    lines = _LINE_SPLIT.split(text)
    line_dup, line_dup_chars = duplicate_elements(lines)
    signals = {
        "text.dup_para_frac_v1": para_dup / len(paragraphs),
        "text.dup_para_char_frac_v1": para_dup_chars / chars,
        "text.dup_line_frac_v1": line_dup / len(lines),
        "text.dup_line_char_frac_v1": line_dup_chars / chars,
    }
    rep = NgramRepetition(vocab)
    for n in TOP_NGRAMS:
        signals[f"text.top_{n}gram_char_frac_v1"] = rep.top_ngram_chars(n) / chars
    for n in DUP_NGRAMS:
        signals[f"text.dup_{n}gram_char_frac_v1"] = rep.duplicate_ngram_chars(n) / chars
    return signals


def _c4(text: str) -> dict[str, float]:
    """C4's line rules, measured without editing the text: sentences in the lines C4 would keep, and whether a
    kept-candidate line has 'lorem ipsum' or a curly bracket (C4 drops the whole page for those)."""
    n_sentences = kept = total = 0
    lorem = curly = 0.0
    for raw in text.splitlines():
        total += 1
        line = raw.strip()
        line_words = line.split()
        if len(line) > 1000 and any(len(w) > 1000 for w in line_words):  # only a long line can hold such a word
            continue
        line = _C4_CITATION.sub("", line)
        if not line.endswith(C4_END_PUNCTUATION) or line.endswith("..."):
            continue
        if len(line_words) < 3:
            continue
        lowered = line.lower()
        if "lorem ipsum" in lowered:
            lorem = 1.0
        if "javascript" in lowered:
            continue
        if "{" in line:
            curly = 1.0
        if any(p in lowered for p in C4_POLICY):
            continue
        n_sentences += sentences(words(line))
        kept += 1
    return {
        "text.c4_sentences_v1": float(n_sentences),
        "text.c4_kept_lines_frac_v1": kept / max(1, total),
        "text.c4_lorem_ipsum_v1": lorem,
        "text.c4_curly_bracket_v1": curly,
    }


def _fineweb(text: str, toks: list[str]) -> dict[str, float]:
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if not lines:
        return {"text.line_punct_ratio_v1": 0.0, "text.short_line_ratio_v1": 1.0,
                "text.char_dup_ratio_v1": 0.0, "text.newline_ratio_v1": 0.0}
    return {
        "text.line_punct_ratio_v1": sum(1 for ln in lines if ln.endswith(_LINE_END_MARKS)) / len(lines),
        "text.short_line_ratio_v1": sum(1 for ln in lines if len(ln) <= 30) / len(lines),
        "text.char_dup_ratio_v1": duplicate_elements(lines)[1] / max(1, len(text) - text.count("\n")),
        "text.newline_ratio_v1": text.count("\n") / max(1, len(toks)),
    }
