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

PLACEHOLDERS = {
    "email": "<EMAIL>", "ipv4": "<IPV4>", "ipv6": "<IPV6>", "private_key": "<PRIVATE_KEY>",
    "aws_access_key": "<KEY>", "gcp_api_key": "<KEY>", "github_token": "<TOKEN>", "gitlab_token": "<TOKEN>",
    "slack_token": "<TOKEN>", "npm_token": "<TOKEN>", "pypi_token": "<TOKEN>", "huggingface_token": "<TOKEN>",
    "assigned_secret": "<PASSWORD>",
}
PII_TYPES = tuple(PLACEHOLDERS)

_EMAIL = re.compile(r"(?<![\w.+%-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@((?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24})\b")
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
_SECRET_NAME_HINT = re.compile(r"passw|pwd|secret|token|api.?key|access.?key|auth.?key|private.?key|credential", re.I)
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


@dataclass
class Redaction:
    text: str
    counts: Counter


def redact(text: str, types: set[str] | frozenset[str] = frozenset(PII_TYPES)) -> Redaction:
    """`text` with every finding of the given types replaced by its placeholder, and the findings counted."""
    counts: Counter = Counter()
    spans: list[tuple[int, int, str]] = []
    if "private_key" in types and "PRIVATE KEY" in text:
        spans += [(m.start(), m.end(), "private_key") for m in _PRIVATE_KEY.finditer(text)]
    for m in _TOKENS.finditer(text):
        kind = m.lastgroup
        if kind in types and not (kind == "aws_access_key" and m.group() in _AWS_EXAMPLE_KEYS):
            spans.append((m.start(), m.end(), kind))
    if "assigned_secret" in types:
        spans += _assigned_secrets(text)
    for m in _EMAIL.finditer(text) if "email" in types and "@" in text else ():
        if not _example_domain(m.group(1).lower()):
            spans.append((m.start(), m.end(), "email"))
    for m in _IPV4.finditer(text) if "ipv4" in types else ():
        if _public_ip(m.group(), 4) and not _version_like(text, m.start()):
            spans.append((m.start(), m.end(), "ipv4"))
    if "ipv6" in types and ("::" in text or text.count(":") >= 7):
        for m in _IPV6.finditer(text):
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


def _assigned_secrets(text: str) -> list[tuple[int, int, str]]:
    """High-entropy values assigned to secret-looking names, searched only on lines that mention such a name."""
    spans, done_until = [], -1
    for hint in _SECRET_NAME_HINT.finditer(text):
        if hint.start() < done_until:
            continue
        line_start = text.rfind("\n", 0, hint.start()) + 1
        line_end = text.find("\n", hint.end())
        line_end = len(text) if line_end < 0 else line_end
        done_until = line_end
        for m in _ASSIGNED.finditer(text, line_start, line_end):
            if _is_secret_value(m.group("value")):
                spans.append((m.start("value"), m.end("value"), "assigned_secret"))
    return spans


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
    documentation = (ipaddress.ip_network("192.0.2.0/24"), ipaddress.ip_network("198.51.100.0/24"),
                     ipaddress.ip_network("203.0.113.0/24"), ipaddress.ip_network("2001:db8::/32"))
    if any(ip in net for net in documentation if net.version == version):
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
