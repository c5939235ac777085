"""Word tokens and sentence counts as the reference Gopher / C4 / FineWeb implementations see them.

datatrove (the reference for these rules) splits words with spaCy's blank English tokenizer and counts C4's
sentences with spaCy's sentencizer. Running spaCy costs more than all the rules together, so this module
reproduces its behaviour on its own: text splits on whitespace, then each chunk loses prefixes (opening brackets
and quotes, currency, ...) and suffixes (closing punctuation, `'s`, a period after a lowercase letter or a number,
units after a number, ...) until none is left, and what remains splits at infixes (a hyphen, `/`, `:` or `=`
between letters, a comma between letters, a period between a lowercase and an uppercase letter), unless it is a
web address. Special cases come first: contractions (`don't` -> `do` + `n't`), abbreviations that keep their period
(`e.g.`, `Mr.`, single letters), emoticons. Code inside prose therefore stays in few tokens
(`console.log(result` is one), as the reference has it.

Each distinct chunk is tokenized once per process (a cache), so the Python work is one dictionary lookup per
whitespace-separated chunk of text.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import chain

# Unicode sentence terminals that occur in practice (FineWeb's line-end check and the sentencizer use them).
TERMINAL_PUNCTUATION = frozenset(".!?։؝؞؟۔܀܁܂।॥၊။።፧፨។៕。！？．｡‼‽⁇⁈⁉")

_CHUNK = re.compile(r"\S+")
_PUNCT = frozenset(",:;!?¿؟¡()[]{}<>_#*&。？！，、；：～·।،۔؛٪…")
_QUOTES = frozenset("'\"”“`‘´’‚,„»«「」『』（）〔〕【】《》〈〉⟦⟧")
_CURRENCY = frozenset("$£€¥฿₽﷼₴₠₡₢₣₤₥₦₧₨₩₪₫₭₮₯₰₱₲₳₵₶₷₸₹₺₻₼₾₿")
_PREFIX_ONLY = frozenset("§%=—–")
_SUFFIX_WORDS = ("'s", "'S", "’s", "’S")
_UNITS = frozenset(("km km² km³ m m² m³ dm dm² dm³ cm cm² cm³ mm mm² mm³ ha µm nm yd in ft kg g mg µg t lb oz m/s "
                    "km/h kmh mph hPa Pa mbar mb MB kb KB gb GB tb TB T G M K %").split())
_MULTI_CURRENCY = ("US$", "C$", "A$")
_ELLIPSIS = re.compile(r"\.\.+")

def _symbol_class() -> str:
    """Regex class of the Unicode "other symbols" (So) but the degree sign: icons split off like punctuation."""
    found = [c for lo, hi in ((0xA0, 0x3400), (0xA000, 0x10000), (0x1F000, 0x1FB00)) for c in range(lo, hi)
             if unicodedata.category(chr(c)) == "So" and c != 0xB0]
    ranges: list[list[int]] = []
    for c in found:  # NOTE: as ranges: a long list of single characters makes the regex engine scan it linearly
        if ranges and c == ranges[-1][1] + 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    return "[" + "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges) + "]"


_SYMBOL = _symbol_class()
# Infixes: ellipses and symbols anywhere; an operator between digits; a period between a lowercase letter (or
# quote) and an uppercase letter (or quote); a comma between letters; a hyphen / dash / tilde after a letter or
# digit and before a letter; one of : < > = / between a letter or digit and a letter.
_QUOTE_CLASS = "'\"”“`‘´’‚„»«"
_INFIX = re.compile(
    rf"\.\.+|…|{_SYMBOL}"
    r"|(?<=[0-9])[+\-*^](?=[0-9-])"
    rf"|(?<=[a-z{_QUOTE_CLASS}])\.(?=[A-Z{_QUOTE_CLASS}])"
    r"|(?<=[^\W\d_]),(?=[^\W\d_])"
    r"|(?<=[^\W_])(?:---|--|——|-|–|—|~)(?=[^\W\d_])"
    r"|(?<=[^\W_])[:<>=/](?=[^\W\d_])")
# A web address or host name is kept whole: optional scheme, optional user@, dotted host with a lowercase top-level
# domain (or a public IPv4 address), optional port and path.
_URL = re.compile(r"(?:[\w+.-]{2,}://)?(?:\S+(?::\S*)?@)?"
                  r"(?!(?:10|127)(?:\.\d{1,3}){3})(?!(?:169\.254|192\.168)(?:\.\d{1,3}){2})"
                  r"(?!172\.(?:1[6-9]|2\d|3[0-1])(?:\.\d{1,3}){2})"
                  r"(?:(?:[\w-]*[A-Za-z0-9_]\.)+[a-z]{2,63}|(?:\d{1,3}\.){3}\d{1,3})\.?"
                  r"(?::\d{2,5})?(?:[/?#]\S*)?")


def _special_cases() -> dict[str, tuple[str, ...]]:
    """Chunks with a fixed tokenization: contractions, period-keeping abbreviations, emoticons."""
    out: dict[str, tuple[str, ...]] = {}
    for apostrophe in "'’":
        pronouns = {
            "m": "i",
            "ll": "he how i it she that there these they this those we what when where who why you",
            "ve": "could how i might must should there these they those we what when where who why would you",
            "d": "he how i it she that there these they this those we what when where who why you",
            "re": "how there these they those we what when where who why you",
        }
        for ending, bases in pronouns.items():
            for base in bases.split():
                for word in (base, base.title()) if base != "i" else ("i", "I"):
                    out[f"{word}{apostrophe}{ending}"] = (word, f"{apostrophe}{ending}")
        out.update({f"{apostrophe}{e}": (f"{apostrophe}{e}",) for e in ("s", "m", "d", "ll", "ve", "re")})
    fused = {base + "nt": (base, "nt") for base in ("do does did is are was were have has had ca could would should "
                                                    "might must need wo sha ai dare may ought").split()}
    fused.update({"im": ("i", "m"), "ive": ("i", "ve"), "id": ("i", "d"), "cannot": ("can", "not"),
                  "gonna": ("gon", "na"), "gotta": ("got", "ta")})
    for word, parts in fused.items():
        out[word] = parts
        out[word.title()] = (parts[0].title(), *parts[1:])
    out.update({"''": ("''",), "et": ("et",), "and/or": ("and/or",), "E.g.": ("E.g.",), "I.e.": ("I.e.",)})
    abbreviations = (
        "Adm. Ala. Apr. Ariz. Ark. Aug. Calif. Colo. Conn. Corp. Dec. Del. Feb. Fla. Ga. Gov. Ill. Ind. Jan. Jul. "
        "Jun. Kan. Ky. La. Mar. Mass. Md. Mich. Minn. Miss. Mo. Mont. Nev. Nov. Oct. Okla. Ore. Pa. Rep. Rev. Sen. "
        "Sept. Sep. Tenn. Va. Wash. Wis. a.m. p.m. e.g. i.e. vs. Mr. Mrs. Ms. Dr. St. Inc. Ltd. Co. Jr. Prof. Gen. "
        "Bros. Mt. Messrs.").split()
    letters = [f"{c}." for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"]
    emoticons = (":) :( :-) :-( ;) ;-) :P :p :D :x :X <3 </3 =) =( (: ): :/ :| :o :O 8) 8-) :') :-P ^_^ ^^ o.O O.o "
                 "-_- xD XD :3 ._. o_o :-/ =D =] [: :] (= (-: )-: :-| :-O :-o").split()
    out.update({s: (s,) for s in chain(abbreviations, letters, emoticons)})
    return out


_SPECIAL = _special_cases()
# Special cases that the affix rules would cut into pieces (`):` after `f(`, `s.` after `<T>`): the reference
# merges such pieces back when they are adjacent, so the tokens of a chunk are re-joined where they spell one.
_MERGEABLE = frozenset(k for k, v in _SPECIAL.items() if len(v) == 1 and not k.isalnum())
_CONTRACTION = re.compile(r"([^\W\d_]+)(n['’]t)")


def _special(chunk: str) -> tuple[str, ...] | None:
    found = _SPECIAL.get(chunk)
    if found is not None or ("'" not in chunk and "’" not in chunk):
        return found
    m = _CONTRACTION.fullmatch(chunk)
    if m and (m.group(1).islower() or m.group(1).istitle()):  # "DON'T" stays whole, as in the reference
        return m.group(1), m.group(2)
    return None


def _is_icon(ch: str) -> bool:
    return ch != "°" and unicodedata.category(ch) == "So"


def _prefix_len(s: str) -> int:
    m = _ELLIPSIS.match(s)
    if m:
        return m.end()
    if s.startswith(_MULTI_CURRENCY):
        return 3 if s.startswith("US$") else 2
    if s.startswith("……"):
        return 2
    ch = s[0]
    if ch in _PUNCT or ch in _QUOTES or ch in _CURRENCY or ch in _PREFIX_ONLY or _is_icon(ch):
        return 1
    if ch == "+" and not (len(s) > 1 and s[1].isdigit()):
        return 1
    return 0


def _suffix_len(s: str) -> int:
    """Length of the longest suffix that can be split off `s` (0 if none)."""
    n = len(s)
    if not n:
        return 0
    dots = n - len(s.rstrip("."))
    if dots >= 2:
        return dots
    if s.endswith(_SUFFIX_WORDS):
        return 2
    if s.endswith("……"):
        return 2
    for size in (4, 3, 2, 1):  # units / currency right after a number
        if n > size and s[n - size - 1].isdigit() and (s[n - size:] in _UNITS or s[n - size:] in _MULTI_CURRENCY):
            return size
    ch = s[-1]
    if ch in _PUNCT or ch in _QUOTES or _is_icon(ch) or ch in "—–":
        return 1
    if n > 1:
        before = s[-2]
        if ch == "+" and before.isdigit():
            return 1
        if ch in _CURRENCY and before.isdigit():
            return 1
        if ch == "." and (before.isdigit() or before.islower() or before in "%²-+" or before in _PUNCT
                          or before in _QUOTE_CLASS or (n > 2 and before.isupper() and s[-3].isupper())
                          or (n > 2 and before in "FfCcKk" and s[-3] == "°")):
            return 1
    return 0


def _tokenize_chunk(chunk: str) -> tuple[str, ...]:
    if chunk.isalpha() or chunk.isdecimal():  # most chunks: no affix, infix or address rule can apply
        return _SPECIAL.get(chunk) or (chunk,)
    special = _special(chunk)
    if special is not None:
        return special
    core, last = chunk[:-1], chunk[-1]
    # NOTE: the next most common shape, a word then one punctuation mark ("word,", "word." after a lowercase
    # letter, "word)"): the rules below split off that mark and nothing else (a letter is no prefix, suffix, infix
    # or address), so skip them when neither the word nor the whole chunk is a special case.
    if core.isalpha() and (last in _PUNCT or (last == "." and core[-1].islower())) and core not in _SPECIAL:
        return core, last
    prefixes: list[str] = []
    suffixes: list[str] = []
    s, last = chunk, -1
    while s and len(s) != last:
        if _special(s) is not None:
            break
        last = len(s)
        pre = _prefix_len(s)
        if pre and s[pre:] and _special(s[pre:]) is not None:
            prefixes.append(s[:pre])
            s = s[pre:]
            break
        suf = _suffix_len(s[pre:])
        if suf and s[:-suf] and _special(s[:-suf]) is not None:
            suffixes.append(s[-suf:])
            s = s[:-suf]
            break
        if pre and suf and pre + suf <= len(s):
            prefixes.append(s[:pre])
            suffixes.append(s[-suf:])
            s = s[pre:-suf]
        elif pre:
            prefixes.append(s[:pre])
            s = s[pre:]
        elif suf:
            suffixes.append(s[-suf:])
            s = s[:-suf]
        if s and _special(s) is not None:
            break
    tokens = prefixes
    if s:
        special = _special(s)
        if special is not None:
            tokens.extend(special)
        elif _URL.fullmatch(s):
            tokens.append(s)
        else:
            tokens.extend(_split_infixes(s))
    tokens.extend(reversed(suffixes))
    return _merge_specials(tokens)


def _merge_specials(tokens: list[str]) -> tuple[str, ...]:
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for size in (3, 2):
            if i + size <= len(tokens) and "".join(tokens[i:i + size]) in _MERGEABLE:
                out.append("".join(tokens[i:i + size]))
                i += size
                break
        else:
            out.append(tokens[i])
            i += 1
    return tuple(out)


def _split_infixes(s: str) -> list[str]:
    out, start = [], 0
    for m in _INFIX.finditer(s):
        if m.start() == start:
            continue
        out.append(s[start:m.start()])
        if m.end() > m.start():
            out.append(m.group())
        start = m.end()
    if start < len(s):
        out.append(s[start:])
    return out


_CACHE_LIMIT = 1 << 18


class _ChunkCache(dict):
    """Tokens per chunk. A hit is a plain dict lookup in C (`map(_CACHE.__getitem__, ...)`); only a miss runs
    Python."""

    def __missing__(self, chunk: str) -> tuple[str, ...]:
        if len(self) >= _CACHE_LIMIT:
            self.clear()
        found = self[chunk] = _tokenize_chunk(chunk)
        return found


_CACHE = _ChunkCache()


def clear_cache() -> None:
    """Forget the tokenized chunks and the tokens' sentence roles (benchmarks start each run cold)."""
    _CACHE.clear()
    _ROLES.clear()


def words(text: str) -> list[str]:
    """Word and punctuation tokens of `text`, as spaCy's blank English tokenizer gives them (whitespace dropped)."""
    return list(chain.from_iterable(map(_CACHE.__getitem__, _CHUNK.findall(text))))


_WORD, _TERMINAL, _OTHER_PUNCT = 0, 1, 2


class _SentenceRoles(dict):
    """Each token's role for sentence splitting (a word, a sentence terminal, other punctuation), computed once
    per distinct token."""

    def __missing__(self, token: str) -> int:
        if len(self) >= _CACHE_LIMIT:
            self.clear()
        if token in TERMINAL_PUNCTUATION:
            role = _TERMINAL
        else:
            role = _OTHER_PUNCT if all(unicodedata.category(c).startswith("P") for c in token) else _WORD
        self[token] = role
        return role


_ROLES = _SentenceRoles()


def sentences(tokens: list[str]) -> int:
    """Sentences in a token list as spaCy's sentencizer splits them: a new one starts at the first token that is
    not punctuation after a token that is a single sentence terminal."""
    if not tokens:
        return 0
    count, seen_terminal = 1, False
    for role in map(_ROLES.__getitem__, tokens):
        if role == _TERMINAL:
            seen_terminal = True
        elif seen_terminal and role == _WORD:
            count += 1
            seen_terminal = False
    return count
