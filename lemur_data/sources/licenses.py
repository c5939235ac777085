"""Repository-level license detection: LICENSE / COPYING texts and package metadata -> SPDX ids.

A repository root is the nearest directory (within a source, or within an archive) holding a license file or
package metadata. Every code file under it gets that root's license. Texts are recognised by phrases that are
specific to each license; package metadata (package.json, Cargo.toml, pyproject.toml, setup.cfg, composer.json,
*.gemspec, PKG-INFO / METADATA) is read for its declared license expression.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass

LICENSE_FILE_RE = re.compile(r"^(licen[cs]e|copying|unlicense|copyright)([-._].*)?$", re.IGNORECASE)
METADATA_FILES = frozenset(
    {"package.json", "cargo.toml", "pyproject.toml", "setup.cfg", "composer.json", "pkg-info", "metadata"}
)
MAX_LICENSE_BYTES = 256 << 10

# (spdx, phrases that must open the text, phrases anywhere). Ordered: more specific texts first. GNU and Apache
# texts are recognised by their dated title at the top, because the GPL names the LGPL in its closing words and
# other licenses mention "the GPL" in passing.
_HEAD_CHARS = 400
_TEXT_RULES: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    ("AGPL-3.0", ("gnu affero general public license version 3, 19 november 2007",), ()),
    ("LGPL-3.0", ("gnu lesser general public license version 3, 29 june 2007",), ()),
    ("LGPL-2.1", ("gnu lesser general public license version 2.1, february 1999",), ()),
    ("LGPL-2.0", ("gnu library general public license version 2, june 1991",), ()),
    ("GPL-3.0", ("gnu general public license version 3, 29 june 2007",), ()),
    ("GPL-2.0", ("gnu general public license version 2, june 1991",), ()),
    ("Apache-2.0", ("apache license version 2.0, january 2004",), ()),
    ("Artistic-1.0", ('the "artistic license"',), ()),
    ("PSF-2.0", (), ("python software foundation license version 2",)),
    ("MPL-2.0", (), ("mozilla public license version 2.0",)),
    ("EPL-2.0", (), ("eclipse public license - v 2.0",)),
    ("EPL-1.0", (), ("eclipse public license - v 1.0",)),
    ("BSL-1.0", (), ("boost software license - version 1.0",)),
    ("Artistic-2.0", (), ("the artistic license 2.0",)),
    ("Unlicense", (), ("this is free and unencumbered software released into the public domain",)),
    ("CC0-1.0", (), ("cc0 1.0 universal",)),
    ("0BSD", (), ("permission to use, copy, modify, and/or distribute this software for any purpose with or without "
                  "fee", "the software is provided \"as is\" and the author disclaims all warranties")),
    ("ISC", (), ("permission to use, copy, modify, and/or distribute this software for any purpose",)),
    ("ISC", (), ("permission to use, copy, modify, and distribute this software for any purpose",)),
    ("MIT", (), ("permission is hereby granted, free of charge, to any person obtaining a copy",)),
    ("BSD-3-Clause", (), ("redistribution and use in source and binary forms", "neither the name")),
    ("BSD-3-Clause", (), ("redistribution and use in source and binary forms", "the names of its contributors may not")),
    ("BSD-2-Clause", (), ("redistribution and use in source and binary forms",)),
    ("Zlib", (), ("this software is provided 'as-is', without any express or implied", "altered source versions")),
    ("WTFPL", (), ("do what the fuck you want to public license",)),
]

# Common non-SPDX spellings found in package metadata.
_ALIASES = {
    "apache 2.0": "Apache-2.0", "apache-2": "Apache-2.0", "apache 2": "Apache-2.0", "apache2": "Apache-2.0",
    "apache license 2.0": "Apache-2.0", "apache software license": "Apache-2.0",
    "mit license": "MIT", "bsd": "BSD-3-Clause", "new bsd": "BSD-3-Clause", "bsd license": "BSD-3-Clause",
    "simplified bsd": "BSD-2-Clause", "gplv2": "GPL-2.0", "gplv3": "GPL-3.0", "gpl-2.0+": "GPL-2.0-or-later",
    "gpl-3.0+": "GPL-3.0-or-later", "lgplv3": "LGPL-3.0", "mpl 2.0": "MPL-2.0", "psf": "PSF-2.0",
    "python software foundation license": "PSF-2.0", "public domain": "Unlicense", "isc license": "ISC",
}


def is_license_file(path: str) -> bool:
    return bool(LICENSE_FILE_RE.match(posixpath.basename(path)))


def is_metadata_file(path: str) -> bool:
    name = posixpath.basename(path).lower()
    return name in METADATA_FILES or name.endswith(".gemspec")


def is_license_evidence(path: str) -> bool:
    return is_license_file(path) or is_metadata_file(path)


def license_from_text(text: str) -> str | None:
    """SPDX id of a license text, or None when no rule matches."""
    norm = " ".join(text.lower().replace("\u2019", "'").split())
    head = norm[:_HEAD_CHARS]
    for spdx, head_phrases, phrases in _TEXT_RULES:
        if all(p in head for p in head_phrases) and all(p in norm for p in phrases):
            return spdx
    return None


def normalize_spdx(value: object) -> str | None:
    """A declared license (string, list of strings, or {"type": ...}) as an SPDX expression."""
    if value is None:
        return None
    if isinstance(value, dict):
        return normalize_spdx(value.get("type") or value.get("name"))
    if isinstance(value, (list, tuple)):
        parts = sorted({p for p in (normalize_spdx(v) for v in value) if p})
        return " OR ".join(parts) if parts else None
    text = str(value).strip()
    if not text or text.lower() in ("unknown", "none", "see license", "see license file", "unlicensed"):
        return None
    return _ALIASES.get(text.lower(), text)


_TOML_LICENSE = re.compile(r'^\s*license\s*=\s*(?:"([^"]+)"|\{\s*text\s*=\s*"([^"]+)")', re.MULTILINE)
_CFG_LICENSE = re.compile(r"^\s*license\s*[=:]\s*(.+?)\s*$", re.MULTILINE)
_PKGINFO_LICENSE = re.compile(r"^License(?:-Expression)?:\s*(.+?)\s*$", re.MULTILINE)
_GEMSPEC_LICENSE = re.compile(r"\.licenses?\s*=\s*\[?\s*['\"]([^'\"]+)['\"]")


def license_from_metadata(path: str, text: str) -> str | None:
    """Declared license of a package metadata file."""
    name = posixpath.basename(path).lower()
    try:
        if name in ("package.json", "composer.json"):
            data = json.loads(text)
            return normalize_spdx(data.get("license") or data.get("licenses")) if isinstance(data, dict) else None
        if name in ("cargo.toml", "pyproject.toml"):
            m = _TOML_LICENSE.search(text)
            return normalize_spdx(m.group(1) or m.group(2)) if m else None
        if name == "setup.cfg":
            m = _CFG_LICENSE.search(text)
            return normalize_spdx(m.group(1)) if m else None
        if name in ("pkg-info", "metadata"):
            m = _PKGINFO_LICENSE.search(text)
            return normalize_spdx(m.group(1)) if m and m.group(1).upper() != "UNKNOWN" else None
        if name.endswith(".gemspec"):
            m = _GEMSPEC_LICENSE.search(text)
            return normalize_spdx(m.group(1)) if m else None
    except ValueError:
        return None
    return None


@dataclass(frozen=True)
class RepoLicense:
    root: str  # repository root, relative to the source root ('' = the source root itself)
    spdx: str | None


def detect_repo_licenses(evidence: dict[str, str]) -> dict[str, RepoLicense]:
    """Map each directory that holds license evidence to its license.

    `evidence` maps relative paths of license / metadata files to their text. Per directory: a Debian
    machine-readable copyright file states the expression outright; otherwise license texts decide, unless the
    package metadata declares an expression naming every detected text (it then adds the OR / AND the texts
    cannot say, e.g. `MIT OR Apache-2.0` beside LICENSE-MIT and LICENSE-APACHE); several texts alone are joined
    with AND (the conservative reading). A directory with metadata but no license at all is not a root: it
    inherits from its parent (e.g. a nested package.json that only sets `"type": "module"`).
    """
    by_dir: dict[str, dict[str, list[str]]] = {}
    for path in sorted(evidence):
        d = posixpath.dirname(path)
        found = by_dir.setdefault(d, {"stated": [], "texts": [], "declared": [], "license_files": []})
        if is_license_file(path):
            found["license_files"].append(path)
            stated = license_from_dep5(evidence[path])
            if stated:
                found["stated"].append(stated)
            elif spdx := license_from_text(evidence[path]):
                found["texts"].append(spdx)
        elif spdx := license_from_metadata(path, evidence[path]):
            found["declared"].append(spdx)
    out = {}
    for d, found in by_dir.items():
        spdx = _combine(found["stated"], sorted(set(found["texts"])), found["declared"])
        if spdx is None and not found["license_files"]:
            continue
        out[d] = RepoLicense(d, spdx)
    return out


def _combine(stated: list[str], texts: list[str], declared: list[str]) -> str | None:
    if stated:
        return stated[0]
    if declared and texts and all(t in declared[0] for t in texts):
        return declared[0]
    if texts:
        return " AND ".join(texts)
    return declared[0] if declared else None


_DEP5_NAMES = {
    "expat": "MIT", "mit": "MIT", "isc": "ISC", "zlib": "Zlib", "apache-2.0": "Apache-2.0", "mpl-2.0": "MPL-2.0",
    "bsd-2-clause": "BSD-2-Clause", "bsd-3-clause": "BSD-3-Clause", "bsd-4-clause": "BSD-4-Clause",
    "artistic": "Artistic-1.0", "artistic-2.0": "Artistic-2.0", "cc0-1.0": "CC0-1.0", "cc0": "CC0-1.0",
    "psf-2": "PSF-2.0", "python": "PSF-2.0", "perl": "Artistic-1.0-Perl OR GPL-1.0-or-later",
    "public-domain": "LicenseRef-public-domain", "boost-1.0": "BSL-1.0", "unlicense": "Unlicense",
}
_DEP5_GNU = re.compile(r"^(a?gpl|lgpl)-(\d(?:\.\d)?)(\+)?$")


def license_from_dep5(text: str) -> str | None:
    """License expression of a Debian machine-readable copyright file (its `Files: *` paragraph)."""
    if not text.startswith("Format:") or "copyright-format" not in text.split("\n", 1)[0]:
        return None
    in_all_files = False
    for line in text.splitlines():
        if line.startswith("Files:"):
            in_all_files = line.split(":", 1)[1].strip() == "*"
        elif in_all_files and line.startswith("License:"):
            return _dep5_expression(line.split(":", 1)[1].strip())
    return None


def _dep5_expression(value: str) -> str | None:
    parts = []
    for token in re.split(r"\s+", value):
        low = token.lower().strip(",")
        if low in ("or", "and"):
            parts.append(low.upper())
        elif m := _DEP5_GNU.match(low):
            family = m.group(1).upper()
            version = m.group(2) if "." in m.group(2) else f"{m.group(2)}.0"
            parts.append(f"{family}-{version}-{'or-later' if m.group(3) else 'only'}")
        elif low in _DEP5_NAMES:
            parts.append(_DEP5_NAMES[low])
        elif low:
            parts.append(f"LicenseRef-{low}")
    return " ".join(parts) or None


def repo_for(path: str, repos: dict[str, RepoLicense]) -> RepoLicense | None:
    """The nearest enclosing repository root of `path` (a relative path), if any."""
    d = posixpath.dirname(path)
    while True:
        if d in repos:
            return repos[d]
        if not d:
            return None
        d = posixpath.dirname(d)
