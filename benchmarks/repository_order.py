#!/usr/bin/env python3
"""Repository documents: how well the dependency order keeps imports first, and how fast the grouping step is.

On real projects (one release of each project in the gigabyte corpus, .bench/gigabyte/corpus/files/<project>/
<release>/: PyPI sdists, npm tarballs, Debian source packages; built by benchmarks/gigabyte_corpus.py), each release
is one repository. Per repository, the files of the languages with import extraction (Python, JavaScript /
TypeScript, Java, Go, Rust, C / C++), in path order, up to --max-mb (a cap keeps a shared-machine run short; edges
count only between files inside the cap):
* edges: same-repository import edges (importer -> imported file) found by `repository.imports`;
* forward fraction: edges whose target precedes its source in `repository.order`'s order. Repositories whose graph
  is acyclic must be at 100%; repositories with import cycles are reported separately (edges inside a cycle
  cannot all point backwards);
* throughput of the grouping step in MB/s per core: text bytes / CPU seconds (time.process_time of this one
  process) of `documents.order_files` (parse, extract, resolve, order) and of `documents.build` (encode each file
  with the demo's 32k sentencepiece model, cut into parts of 32,768 tokens). CPU time, not wall time, because the
  machine may be shared; the load average before and after is recorded.

    python benchmarks/repository_order.py [--max-mb 4] [--corpus .bench/gigabyte/corpus/files]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lemur_data import storage, tokenizer  # noqa: E402
from lemur_data.config import TokenizerConfig  # noqa: E402
from lemur_data.repository.documents import Layout, RepoFile, build, order_files  # noqa: E402
from lemur_data.repository.imports import LANGUAGES  # noqa: E402
from lemur_data.sources.languages import language_from_name  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = Path("/work/main/.bench/gigabyte/corpus/files")


def load_repository(root: Path, max_bytes: int) -> list[RepoFile]:
    files, used = [], 0
    for dirpath, dirnames, names in os.walk(root):
        dirnames.sort()
        for name in sorted(names):
            lang = language_from_name(name)
            p = Path(dirpath) / name
            if lang not in LANGUAGES or p.is_symlink():
                continue
            data = p.read_bytes()
            if used + len(data) > max_bytes:
                return files
            used += len(data)
            rel = p.relative_to(root).as_posix()
            files.append(RepoFile(rel, rel, lang, data.decode("utf-8", "replace"), rel))
    return files


def measure(name: str, files: list[RepoFile], encoder: tokenizer.Encoder) -> dict:
    n_bytes = sum(len(f.text.encode("utf-8", "surrogatepass")) for f in files)
    c0 = time.process_time()
    ordered = order_files(files)
    c1 = time.process_time()
    spec = encoder.spec
    rows, _ = build("bench", name, ordered, Layout("<file_sep>{path}\n", 32768, 1, spec.bos_id, spec.eos_id),
                    lambda texts: encoder.encode_batch(texts, 1, specials=False))
    c2 = time.process_time()
    langs: dict[str, int] = {}
    for f in files:
        langs[f.lang] = langs.get(f.lang, 0) + 1
    return {"repository": name, "files": len(files), "bytes": n_bytes, "languages": langs,
            "edges": ordered.edges, "edges_forward": ordered.edges_forward,
            "files_in_cycles": len(ordered.in_cycle), "parts": len(rows["doc_id"]),
            "order_cpu_s": round(c1 - c0, 3), "build_cpu_s": round(c2 - c1, 3)}


def summary(rows: list[dict]) -> dict:
    def block(sel: list[dict]) -> dict:
        edges = sum(r["edges"] for r in sel)
        fwd = sum(r["edges_forward"] for r in sel)
        return {"repositories": len(sel), "edges": edges, "edges_forward": fwd,
                "forward_fraction": round(fwd / edges, 6) if edges else None}
    total_mb = sum(r["bytes"] for r in rows) / 1e6
    order_s = sum(r["order_cpu_s"] for r in rows)
    build_s = sum(r["build_cpu_s"] for r in rows)
    return {"acyclic": block([r for r in rows if not r["files_in_cycles"]]),
            "cyclic": block([r for r in rows if r["files_in_cycles"]]),
            "mb": round(total_mb, 2),
            "order_mb_per_cpu_s": round(total_mb / order_s, 3) if order_s else None,
            "order_and_build_mb_per_cpu_s": round(total_mb / (order_s + build_s), 3) if order_s + build_s else None}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--max-mb", type=float, default=4.0)
    ap.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results" / "repository_order.json")
    args = ap.parse_args()
    spec, data = tokenizer.resolve(TokenizerConfig(), storage.Storage())
    encoder = tokenizer.Encoder(spec, data)
    load_before = os.getloadavg()
    rows = []
    for project in sorted(p for p in args.corpus.iterdir() if p.is_dir()):
        release = sorted(p for p in project.iterdir() if p.is_dir())[-1]
        files = load_repository(release, int(args.max_mb * 1e6))
        if files:
            rows.append(measure(f"{project.name}/{release.name}", files, encoder))
            r = rows[-1]
            print(f"{r['repository']:40s} {r['files']:6d} files {r['bytes'] / 1e6:7.2f} MB  edges {r['edges']:6d} "
                  f"forward {r['edges_forward']:6d}  in cycles {r['files_in_cycles']:5d}  "
                  f"order {r['order_cpu_s']:.2f}s",
                  flush=True)
    result = {"benchmark": "repository_order", "corpus": str(args.corpus), "max_mb_per_repository": args.max_mb,
              "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                          "load_average_before": load_before, "load_average_after": os.getloadavg(),
                          "note": "shared machine: throughput is per CPU second of this process, not wall time"},
              "summary": summary(rows), "repositories": rows}
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result["summary"], indent=2))


if __name__ == "__main__":
    main()
