"""One repository's kept code files -> its repository documents (token rows) and their member table.

Each file becomes one segment, `file_header` (with its path) + its text, encoded on its own without BOS / EOS, so
token counts add up exactly: a part is BOS? + its segments' tokens + EOS, and a repository is cut at file
boundaries into parts of at most `max_tokens` tokens (a single larger file is a part of its own). The member table
has one row per file: the part it is in, its token and byte range there, so every token of the stream maps back to
a file (`locate`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from lemur_data.repository.imports import RepoFiles, dependencies
from lemur_data.repository.order import dependency_order, edges_in_order
from lemur_data.schema import doc_id

# One row per file of a repository document: which part holds it, where, and whether it sat in an import cycle.
MEMBERS_SCHEMA = pa.schema([
    pa.field("part_id", pa.string(), nullable=False), pa.field("source", pa.string(), nullable=False),
    pa.field("repo", pa.string(), nullable=False), pa.field("part", pa.int32(), nullable=False),
    pa.field("position", pa.int32(), nullable=False), pa.field("file_id", pa.string(), nullable=False),
    pa.field("locator", pa.string(), nullable=False), pa.field("path", pa.string(), nullable=False),
    pa.field("token_start", pa.int32(), nullable=False), pa.field("n_tokens", pa.int32(), nullable=False),
    pa.field("byte_start", pa.int64(), nullable=False), pa.field("header_bytes", pa.int32(), nullable=False),
    pa.field("n_bytes", pa.int64(), nullable=False), pa.field("in_cycle", pa.bool_(), nullable=False),
], metadata={"lemur.schema_version": "repository-members-v1"})

# Where a file's path inside its repository is recorded, for readers whose locator is not that path.
_PATH_META_KEYS = ("max_stars_repo_path", "path", "member")


@dataclass(frozen=True)
class RepoFile:
    id: str
    path: str  # inside the repository
    lang: str
    text: str
    locator: str


@dataclass(frozen=True)
class Layout:
    file_header: str
    max_tokens: int
    specials: int  # tokens added once per part: EOS, plus BOS when the tokenizer adds one
    bos_id: int | None
    eos_id: int


@dataclass
class Ordered:
    files: list[RepoFile]
    in_cycle: set[str]
    edges_forward: int  # import edges whose target comes before its source
    edges: int


Encode = Callable[[list[str]], tuple[np.ndarray, np.ndarray]]  # texts -> (tokens, lengths), no BOS / EOS


def path_in_repo(locator: str, repo: str, meta: dict[str, str] | None) -> str:
    """The file's path inside its repository: recorded in meta by table / archive readers, else the locator
    (relative to the source root) without the repository's folder."""
    for key in _PATH_META_KEYS:
        if meta and meta.get(key):
            return meta[key]
    return locator[len(repo) + 1:] if locator.startswith(repo + "/") else locator


def part_locator(repo: str, part: int) -> str:
    # NOTE: a NUL cannot occur in a file locator, so a part's id never equals a file's.
    return f"{repo}\x00part {part}"


def order_files(files: Sequence[RepoFile]) -> Ordered:
    """The files in dependency order (see `order.py` for the rule); input order does not matter."""
    by_path = {f.path: f for f in sorted(files, key=lambda f: (f.path, f.id))}  # a repeated path: the first id
    repo = RepoFiles(by_path)
    deps = {p: dependencies(p, f.lang, f.text, repo) for p, f in by_path.items()}
    order, cyclic = dependency_order(list(by_path), deps)
    forward, total = edges_in_order(order, deps)
    # Files whose path repeats are kept, right after the file that holds the path.
    extra = sorted((f for f in files if by_path[f.path] is not f), key=lambda f: (f.path, f.id))
    out = [g for p in order for g in [by_path[p], *(f for f in extra if f.path == p)]]
    return Ordered(out, cyclic, forward, total)


def split_parts(lengths: Sequence[int], budget: int) -> list[int]:
    """The part number of each segment: consecutive segments while their tokens fit `budget`; a segment above
    the budget alone."""
    parts, part, used = [], 0, 0
    for n in lengths:
        if used and used + n > budget:
            part, used = part + 1, 0
        parts.append(part)
        used += n
    return parts


def build(source: str, repo: str, ordered: Ordered, layout: Layout, encode: Encode) -> tuple[dict, dict]:
    """(token rows as columns of TOKENS_SCHEMA, member rows as columns of MEMBERS_SCHEMA) of one repository."""
    headers = [layout.file_header.replace("{path}", f.path) for f in ordered.files]
    flat, lengths = encode([h + f.text for h, f in zip(headers, ordered.files)])
    ends = np.cumsum(lengths)
    part_of = split_parts(lengths.tolist(), layout.max_tokens - layout.specials)
    header_bytes = [len(h.encode("utf-8", "surrogatepass")) for h in headers]
    text_bytes = [len(f.text.encode("utf-8", "surrogatepass")) for f in ordered.files]
    tokens: dict[str, list] = {k: [] for k in ("doc_id", "source", "kind", "lang", "n_bytes", "n_tokens", "tokens")}
    members: dict[str, list] = {name: [] for name in MEMBERS_SCHEMA.names}
    bos = [layout.bos_id] if layout.specials == 2 else []
    for part in range(part_of[-1] + 1 if part_of else 0):
        idx = [i for i, p in enumerate(part_of) if p == part]
        pid = doc_id(source, part_locator(repo, part))
        body = flat[ends[idx[0]] - lengths[idx[0]]:ends[idx[-1]]]
        tokens["doc_id"].append(pid)
        tokens["tokens"].append(np.concatenate([bos, body, [layout.eos_id]]).astype(np.int32))
        tokens["n_tokens"].append(len(tokens["tokens"][-1]))
        tokens["n_bytes"].append(sum(header_bytes[i] + text_bytes[i] for i in idx))
        tokens["lang"].append(_main_language([(ordered.files[i].lang, text_bytes[i]) for i in idx]))
        token_start, byte_start = len(bos), 0
        for i in idx:
            f = ordered.files[i]
            values = (pid, source, repo, part, i, f.id, f.locator, f.path, token_start, int(lengths[i]), byte_start,
                      header_bytes[i], text_bytes[i], f.path in ordered.in_cycle)
            for name, v in zip(MEMBERS_SCHEMA.names, values):
                members[name].append(v)
            token_start += int(lengths[i])
            byte_start += header_bytes[i] + text_bytes[i]
    tokens["source"] = [source] * len(tokens["doc_id"])
    tokens["kind"] = ["code"] * len(tokens["doc_id"])
    return tokens, members


def _main_language(sizes: list[tuple[str, int]]) -> str:
    """The language with the most bytes in a part (ties: the name that sorts first)."""
    weight: Counter[str] = Counter()
    for lang, n in sizes:
        weight[lang] += n
    return min(weight, key=lambda lang: (-weight[lang], lang))


def locate(members: pa.Table, part_id: str, doc_offset: int, length: int) -> list[dict]:
    """The files behind tokens [doc_offset, doc_offset + length) of a repository document (a provenance row's
    doc_id, doc_offset, length): each file's id, locator, and the overlapping token range within its segment."""
    rows = members.filter(pc.equal(members.column("part_id"), part_id)).to_pylist()
    end = doc_offset + length
    found = []
    for r in sorted(rows, key=lambda r: r["token_start"]):
        a, b = max(doc_offset, r["token_start"]), min(end, r["token_start"] + r["n_tokens"])
        if a < b:
            found.append({"file_id": r["file_id"], "locator": r["locator"], "path": r["path"],
                          "segment_offset": a - r["token_start"], "length": b - a})
    return found
