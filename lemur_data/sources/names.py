"""Names are bytes until proven text: the one escaping of names that are not valid UTF-8.

File names, archive members, WARC target URIs, S3 keys and locator columns become locators (and so document ids
and manifest examples), which must be valid UTF-8 strings. A name that is valid UTF-8 is its own locator,
unchanged. In a name that is not, every byte outside a valid UTF-8 sequence is written `%XX` (uppercase hex) and
every literal `%` is written `%25`; nothing else changes: `name_\\xff\\xfe.py` -> `name_%FF%FE.py`.
`name_bytes(locator)` gives the original bytes back.

NOTE: an escape is recognised by a run of `%XX` (XX >= 80) that is not itself UTF-8, which the escaping produces
for every invalid byte and a valid name never needs. A valid name that literally spells such a run (a wget-saved
`caf%E9.html`) has the same locator as the raw bytes `caf\\xe9.html`: no escaping can avoid that and keep valid
names unchanged. Both in one source give one id: the second is counted as `duplicate_locator` (by the listing of
a tree, by the writer for other sources), never a silent merge.
"""

from __future__ import annotations

import re
from urllib.parse import unquote_to_bytes

# One or more %XX with XX >= 80: what an escaped invalid byte (or a percent-encoded non-ASCII URL) looks like.
_HIGH_RUN = re.compile(r"(?:%[89A-Fa-f][0-9A-Fa-f])+")


def escape_bytes(raw: bytes) -> str:
    """The locator of a name given as bytes."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = raw.decode("utf-8", "surrogateescape")
    return "".join(_escape_char(c) for c in text)


def safe_name(name: str) -> str:
    """The locator of a name given as str: surrogate-escaped OS / tarfile names, or JSON with lone surrogates."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return escape_bytes(_raw(name))


def name_bytes(locator: str) -> bytes:
    """The original bytes of a name from its locator (the inverse of `escape_bytes` / `safe_name`)."""
    if any(not is_utf8(unquote_to_bytes(m.group())) for m in _HIGH_RUN.finditer(locator)):
        return unquote_to_bytes(locator)
    return locator.encode("utf-8")


def _escape_char(c: str) -> str:
    if "\udc80" <= c <= "\udcff":
        return f"%{ord(c) - 0xDC00:02X}"
    return "%25" if c == "%" else c


def _raw(name: str) -> bytes:
    """Bytes of a str holding surrogates: U+DC80..U+DCFF are the bytes 80..FF (surrogateescape); any other lone
    surrogate (from a JSON `\\ud800` escape) is kept as its three-byte encoding, itself invalid UTF-8."""
    return b"".join(c.encode("utf-8", "surrogateescape" if "\udc80" <= c <= "\udcff" else "surrogatepass")
                    for c in name)


def is_utf8(raw: bytes) -> bool:
    """Whether bytes are valid UTF-8 (text), without keeping the decoded copy."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
