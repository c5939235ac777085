"""The text signals' fast paths against their reference definitions, on the real rule fixtures (tests/fixtures/filter/
rules, licenses in tests/fixtures/filter/LICENSES.md): the native repeated and top n-gram kernels against datatrove's
loops over joined strings, and the per-distinct-token Gopher counts against a pass over every token."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from lemur_data.quality import text_signals
from lemur_data.quality.textstats import NgramRepetition, Vocabulary
from lemur_data.quality.words import words

RULE_FIXTURES = Path(__file__).parent / "fixtures" / "filter" / "rules"
TEXTS = sorted(p for p in RULE_FIXTURES.glob("*.txt"))


def datatrove_duplicate_ngram_chars(tokens: list[str], n: int) -> int:
    """datatrove's `find_all_duplicate`, verbatim in behaviour: the reference the native scan must equal."""
    unique: set[str] = set()
    repeated, idx = 0, 0
    while idx < len(tokens) - n + 1:
        gram = "".join(tokens[idx:idx + n])
        if gram in unique:
            repeated += len(gram)
            idx += n
        else:
            unique.add(gram)
            idx += 1
    return repeated


def datatrove_top_ngram_chars(tokens: list[str], n: int) -> int:
    """datatrove's `find_top_duplicate` over its space-joined n-grams."""
    grams = [" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1)]
    if not grams:
        return 0
    gram, count = Counter(grams).most_common(1)[0]
    return len(gram) * count


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_repeated_and_top_ngram_characters_equal_datatrove(path):
    tokens = words(path.read_text(encoding="utf-8"))
    rep = NgramRepetition(Vocabulary(tokens))
    for n in text_signals.DUP_NGRAMS:
        assert rep.duplicate_ngram_chars(n) == datatrove_duplicate_ngram_chars(tokens, n), n
    for n in text_signals.TOP_NGRAMS:
        assert rep.top_ngram_chars(n) == datatrove_top_ngram_chars(tokens, n), n


def test_repeated_ngrams_in_a_text_that_repeats_itself_are_counted():
    tokens = words(TEXTS[0].read_text(encoding="utf-8"))[:400] * 3
    rep = NgramRepetition(Vocabulary(tokens))
    assert rep.duplicate_ngram_chars(5) == datatrove_duplicate_ngram_chars(tokens, 5) > 0


def test_gopher_word_counts_per_distinct_token_equal_a_pass_over_every_token():
    for path in TEXTS:
        text = path.read_text(encoding="utf-8")
        tokens = words(text)
        sig = text_signals._gopher_quality(text, tokens, Vocabulary(tokens))
        real_words = [w for w in tokens if not text_signals._PUNCT_CHARS.issuperset(w)]
        assert sig["text.words_v1"] == len(real_words), path.name
        assert sig["text.alpha_words_v1"] == (sum(map(text_signals._has_letter, tokens)) / len(tokens)
                                              if tokens else 0.0), path.name
