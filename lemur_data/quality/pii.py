"""PII and secret redaction: emails, public IP addresses, keys and tokens, high-entropy assigned secrets.

Each finding is replaced by a placeholder (`<EMAIL>`, `<IPV4>`, `<IPV6>`, `<KEY>`, `<PASSWORD>`, ...) and counted
by type. Guards keep what is not personal or secret: private, loopback, link-local and documentation addresses;
dotted version strings (`v1.2.3.4`, `version 10.0.0.1`, `==1.2.3.4`); dates; example domains
(example.com, *.example, *.test, localhost); AWS's documented example keys; placeholders (`${TOKEN}`,
`<password>`, `changeme`) and low-entropy values.
"""

from __future__ import annotations

import ipaddress
import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Iterator

import numpy as np

from lemur_data.quality.textstats import HEX, WORD, CharView

PLACEHOLDERS = {
    "email": "<EMAIL>", "ipv4": "<IPV4>", "ipv6": "<IPV6>", "private_key": "<PRIVATE_KEY>",
    "aws_access_key": "<KEY>", "gcp_api_key": "<KEY>", "github_token": "<TOKEN>", "gitlab_token": "<TOKEN>",
    "slack_token": "<TOKEN>", "npm_token": "<TOKEN>", "pypi_token": "<TOKEN>", "huggingface_token": "<TOKEN>",
    "assigned_secret": "<PASSWORD>",
}
PII_TYPES = tuple(PLACEHOLDERS)

_EMAIL = re.compile(r"(?<![\w.+%-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@((?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24})\b")
_EMAIL_LOCAL_MAX, _EMAIL_DOMAIN_MAX = 64, 8 * 64 + 32  # the pattern's longest local part and domain
_IPV6_WINDOW = 46  # from the first colon: 39 address characters at most, the lookahead character, margin
_LOCAL_PART_PUNCT = np.array([ord(c) for c in "._%+-"], dtype=np.uint32)
_EXAMPLE_DOMAINS = ("example.com", "example.org", "example.net", "localhost", "domain.com", "email.com")
_EXAMPLE_SUFFIXES = (".example", ".test", ".invalid", ".localhost", ".local")
_IPV4 = re.compile(r"(?<![\w.])(?=\d{1,3}\.\d)(?:\d{1,3}\.){3}\d{1,3}(?![\w.]*\d)(?!\.\w)")
# Candidates only; ipaddress decides (times like 12:30:45 and MAC addresses are not valid IPv6).
_IPV6 = re.compile(r"(?<![\w:.])(?=[0-9A-Fa-f]{0,4}:[0-9A-Fa-f]{0,4}:)(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])")
_VERSION_CONTEXT = re.compile(r"(?:\b(?:v|ver|version|release|rev|build|tag)[\s:=_-]*|[=<>~^@]=?\s*|\bv)$", re.I)
_PRIVATE_KEY = re.compile(r"-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----"
                          r"[\s\S]{1,16384}?-----END (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----")
# Forge / cloud tokens in one pass; the lookahead on the first character rejects most positions at once.
_TOKENS = re.compile(
    r"(?<![\w-])(?=[AGgxnph])(?:"
    r"(?P<aws_access_key>(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16})"
    r"|(?P<gcp_api_key>AIza[0-9A-Za-z_-]{35})"
    r"|(?P<github_token>gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9_]{82})"
    r"|(?P<gitlab_token>glpat-[A-Za-z0-9_-]{20})"
    r"|(?P<slack_token>xox[baprs]-[A-Za-z0-9-]{10,72})"
    r"|(?P<npm_token>npm_[A-Za-z0-9]{36})"
    r"|(?P<pypi_token>pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,})"
    r"|(?P<huggingface_token>hf_[A-Za-z]{34})"
    r")(?![\w-])")
# First three characters of every token kind above: the token pattern is tried only at words starting so.
_TOKEN_HEADS = np.array(sorted((ord(a) << 42) | (ord(b) << 21) | ord(c) for a, b, c in (
    "AKI", "ASI", "AGP", "AID", "ARO", "ANP", "ANV", "AIP", "AIz", "ghp", "gho", "ghu", "ghs", "ghr", "git", "glp",
    "xox", "npm", "pyp", "hf_")), dtype=np.uint64)
_TOKEN_FIRST = np.zeros(128, dtype=bool)
_TOKEN_FIRST[[ord(c) for c in "Agxnph"]] = True
_SECRET_NAME_HINT = re.compile(r"passw|pwd|secret|token|api.?key|access.?key|auth.?key|private.?key|credential", re.I)
# The same hint on lowercased text: plain literals, which the regex engine finds much faster than a case-blind pattern.
_SECRET_WORDS = re.compile(r"passw|pwd|secret|token|api.?key|access.?key|auth.?key|private.?key|credential")
# A literal that every _SECRET_WORDS match contains ("key" ends the four `<name>.?key` alternatives).
_SECRET_ANCHORS = ("passw", "pwd", "secret", "token", "credential", "key")
_AWS_EXAMPLE_KEYS = ("AKIAIOSFODNN7EXAMPLE", "AKIAI44QH8DHBEXAMPLE")
# name (containing password / secret / token / key ...) = "value" or : 'value' or = value
_ASSIGNED = re.compile(
    r"""(?P<name>\b[\w.-]{0,40}?(?:passw(?:or)?d|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|auth[_-]?key"""
    r"""|private[_-]?key|client[_-]?secret|credentials?)[\w.-]{0,20})['"]?\s*(?::=|=>|[:=])\s*"""
    r"""(?P<q>['"]?)(?P<value>[^\s'"`;,)}\]]{8,256})(?P=q)""", re.I)
_PLACEHOLDER_VALUE = re.compile(
    r"^(?:\$\{?\w+\}?|%\(?\w+\)?s?|<[^>]*>|\{\{.*\}\}|x{4,}|\*{4,}|\.{3,}|(?:your|my|the|some|example|dummy|test|fake"
    r"|change|replace|insert|enter|redacted|placeholder|secret|password|token|none|null|true|false)[\w-]*)$", re.I)
_MIN_ENTROPY_BITS = 3.0
_DOCUMENTATION_NETWORKS = (ipaddress.ip_network("192.0.2.0/24"), ipaddress.ip_network("198.51.100.0/24"),
                           ipaddress.ip_network("203.0.113.0/24"), ipaddress.ip_network("2001:db8::/32"))


@dataclass
class Redaction:
    text: str
    counts: Counter


def redact(text: str, types: set[str] | frozenset[str] = frozenset(PII_TYPES),
           view: CharView | None = None) -> Redaction:
    """`text` with every finding of the given types replaced by its placeholder, and the findings counted.

    `view` (the text's CharView, built when not given) locates candidates: each pattern runs only in the small
    windows where a match could start, so the cost is a few vectorised passes, not one regex scan per type.
    """
    counts: Counter = Counter()
    spans: list[tuple[int, int, str]] = []
    if "private_key" in types and "PRIVATE KEY" in text:
        spans += [(m.start(), m.end(), "private_key") for m in _PRIVATE_KEY.finditer(text)]
    view = view if view is not None and view.text is text else CharView.of(text)
    for start in _token_starts(view):
        m = _TOKENS.match(text, start)
        if m is None:
            continue
        kind = m.lastgroup
        if kind in types and not (kind == "aws_access_key" and m.group() in _AWS_EXAMPLE_KEYS):
            spans.append((m.start(), m.end(), kind))
    if "assigned_secret" in types:
        spans += _assigned_secrets(text)
    wanted = types & {"email", "ipv4", "ipv6"}
    if wanted:
        if "email" in wanted:
            for m in _windowed(_EMAIL, text, _email_windows(view)):
                if not _example_domain(m.group(1).lower()):
                    spans.append((m.start(), m.end(), "email"))
        if "ipv4" in wanted:
            for m in _windowed(_IPV4, text, _ipv4_windows(view)):
                if _public_ip(m.group(), 4) and not _version_like(text, m.start()):
                    spans.append((m.start(), m.end(), "ipv4"))
        if "ipv6" in wanted:
            for m in _windowed(_IPV6, text, _ipv6_windows(view)):
                if _public_ip(m.group(), 6):
                    spans.append((m.start(), m.end(), "ipv6"))
    if not spans:
        return Redaction(text, counts)
    out, pos = [], 0
    # NOTE: at equal starts the specific finding (a forge token) wins over the generic assigned secret.
    for start, end, kind in sorted(spans, key=lambda s: (s[0], s[2] == "assigned_secret", -s[1])):
        if start < pos:  # overlapping finding: the first one wins
            continue
        out.append(text[pos:start])
        out.append(PLACEHOLDERS[kind])
        counts[kind] += 1
        pos = end
    out.append(text[pos:])
    return Redaction("".join(out), counts)


# -- candidate windows ----------------------------------------------------------------------------------------
# Each pattern's matches lie inside a window around a cheap-to-find anchor. Windows are merged and the pattern runs
# on each with pos / endpos: lookbehinds and `\b` still see the character before pos, and each window ends where a
# match's trailing lookahead has been decided, so the matches are those of a scan of the whole text.
def _windowed(pattern: re.Pattern[str], text: str, windows: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    reach = -1
    for start, end in windows:
        for m in pattern.finditer(text, max(start, reach), end):
            reach = m.end()
            yield m


def _merge(starts: np.ndarray, ends: np.ndarray) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in zip(starts.tolist(), ends.tolist()):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _token_starts(view: CharView) -> list[int]:
    """Starts of words whose first three characters begin a forge / cloud token (AKIA..., ghp_..., xox...)."""
    starts, _ = view.word_runs
    cps = view.cps
    starts = starts[starts + 3 <= len(cps)]
    starts = starts[_TOKEN_FIRST[np.minimum(cps[starts], 127)]]
    if not len(starts):
        return []
    head = (cps[starts].astype(np.uint64) << np.uint64(42)) | (cps[starts + 1].astype(np.uint64) << np.uint64(21)) \
        | cps[starts + 2].astype(np.uint64)
    # NOTE: a binary search in the 20 sorted heads; np.isin's set-up costs more than the lookups.
    found = _TOKEN_HEADS[np.minimum(np.searchsorted(_TOKEN_HEADS, head), len(_TOKEN_HEADS) - 1)] == head
    return starts[found].tolist()


def _email_windows(view: CharView) -> list[tuple[int, int]]:
    """Around each '@' between a local-part character and a domain character (not decorators, not `a @ b`)."""
    cps, n = view.cps, len(view.cps)
    at = np.flatnonzero(cps[1:-1] == ord("@")) + 1 if n > 2 else np.empty(0, np.int64)
    if not len(at):
        return []
    word = view.mask(WORD)
    at = at[(word[at + 1] | (cps[at + 1] == ord("-"))) & (word[at - 1] | np.isin(cps[at - 1], _LOCAL_PART_PUNCT))]
    return _merge(np.maximum(at - _EMAIL_LOCAL_MAX - 1, 0), np.minimum(at + _EMAIL_DOMAIN_MAX, n))


def _ipv4_windows(view: CharView) -> list[tuple[int, int]]:
    """Around runs of three digit-dot-digit positions within 8 characters; the window ends after the following run
    of word characters and dots (what the pattern's trailing lookaheads inspect)."""
    cps, n = view.cps, len(view.cps)
    if n < 7:
        return []
    digit = (cps >= ord("0")) & (cps <= ord("9"))
    dots = np.flatnonzero((cps[1:-1] == ord(".")) & digit[:-2] & digit[2:]) + 1
    if len(dots) < 3:
        return []
    first = dots[:-2][(dots[2:] - dots[:-2]) <= 8]
    if not len(first):
        return []
    stop = np.flatnonzero(~(view.mask(WORD) | (cps == ord("."))))
    ends = stop[np.minimum(np.searchsorted(stop, first + 8), len(stop) - 1)] if len(stop) else np.full(len(first), n)
    ends = np.where(ends > first + 8, ends, n)  # no stop character after the candidate: to the end of the text
    return _merge(np.maximum(first - 4, 0), np.minimum(ends + 1, n))


def _ipv6_windows(view: CharView) -> list[tuple[int, int]]:
    """Around pairs of colons at most 5 characters apart with only hex digits between them: every IPv6 candidate
    has one (its groups are 0-4 hex digits). A window reaches past the longest address (39 characters) and the
    character after it (the pattern's lookahead)."""
    cps, n = view.cps, len(view.cps)
    colons = np.flatnonzero(cps == ord(":"))
    if len(colons) < 2:
        return []
    close = np.flatnonzero(np.diff(colons) <= 5)
    if not len(close):
        return []
    hex_digits = np.concatenate(([0], np.cumsum(view.mask(HEX), dtype=np.int64)))
    first, second = colons[close], colons[close + 1]
    only_hex = (hex_digits[second] - hex_digits[first + 1]) == second - first - 1
    first = first[only_hex]
    return _merge(np.maximum(first - 5, 0), np.minimum(first + _IPV6_WINDOW, n))


def _assigned_secrets(text: str) -> list[tuple[int, int, str]]:
    """High-entropy values assigned to secret-looking names, searched only on lines that mention such a name."""
    lowered = text.lower()
    # NOTE: lowercasing keeps positions unless a character expands (rare non-ASCII); then the case-blind pattern.
    if len(lowered) == len(text):
        lines = _hint_lines(text, lowered)
    else:
        lines = _lines_of(text, (h.start() for h in _SECRET_NAME_HINT.finditer(text)))
    spans = []
    for line_start, line_end in lines:
        for m in _ASSIGNED.finditer(text, line_start, line_end):
            if _is_secret_value(m.group("value")):
                spans.append((m.start("value"), m.end("value"), "assigned_secret"))
    return spans


def _hint_lines(text: str, lowered: str) -> list[tuple[int, int]]:
    """(start, end) of every line of `text` with a `_SECRET_WORDS` match in `lowered`, in order. Lines holding an
    anchor literal are found by `str.find` (a regex scan of the whole text was most of the PII cost on code) and
    kept when the pattern matches inside them; a match never spans lines (`.` stops at a newline)."""
    candidates = set()
    for anchor in _SECRET_ANCHORS:
        at = lowered.find(anchor)
        while at >= 0:
            candidates.add(text.rfind("\n", 0, at) + 1)
            line_end = text.find("\n", at)
            at = -1 if line_end < 0 else lowered.find(anchor, line_end)
    return [(start, end) for start, end in _lines_of(text, sorted(candidates))
            if _SECRET_WORDS.search(lowered, start, end)]


def _lines_of(text: str, positions: Iterable[int]) -> list[tuple[int, int]]:
    """(start, end) of the line of each position, each line once, for positions in ascending order."""
    lines: list[tuple[int, int]] = []
    for at in positions:
        if lines and at < lines[-1][1]:
            continue
        end = text.find("\n", at)
        lines.append((text.rfind("\n", 0, at) + 1, len(text) if end < 0 else end))
    return lines


def _example_domain(domain: str) -> bool:
    return domain in _EXAMPLE_DOMAINS or domain.endswith(_EXAMPLE_SUFFIXES) or any(
        domain.endswith("." + d) for d in _EXAMPLE_DOMAINS)


def _public_ip(candidate: str, version: int) -> bool:
    try:
        ip = ipaddress.IPv4Address(candidate) if version == 4 else ipaddress.IPv6Address(candidate)
    except ValueError:
        return False
    if version == 6 and candidate.count(":") < 3 and "::" not in candidate:
        return False
    if any(ip in net for net in _DOCUMENTATION_NETWORKS if net.version == version):
        return False
    return ip.is_global and not ip.is_multicast


def _version_like(text: str, start: int) -> bool:
    """A dotted quad right after 'v', 'version', '==' or '@' is a version string, not an address."""
    return bool(_VERSION_CONTEXT.search(text[max(0, start - 12):start]))


def _is_secret_value(value: str) -> bool:
    if _PLACEHOLDER_VALUE.match(value) or value.isalpha() or value.isdigit():
        return False
    if "(" in value or value.startswith(("http://", "https://", "/", "./", "os.", "process.", "self.", "this.")):
        return False
    return shannon_entropy(value) >= _MIN_ENTROPY_BITS


def shannon_entropy(value: str) -> float:
    counts = Counter(value)
    n = len(value)
    return -sum(c / n * math.log2(c / n) for c in counts.values())
