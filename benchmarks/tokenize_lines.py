#!/usr/bin/env python3
"""Line-by-line sentencepiece (lemur_data/sentencepiece_lines.py) against whole documents, on the documents the
gigabyte benchmark's tokenize stage read: the same ids for every document, and the CPU time of each
(results/tokenize_lines.json, one entry per size).

    python benchmarks/tokenize_lines.py [--size 1GB] [--json results/tokenize_lines.json]

Needs a finished gigabyte run of that size (`python benchmarks/gigabyte.py`, its deduped/ output). The tokenize
input is exported untimed (one batch per stage row group, as the stage encodes it); then each row group is encoded
by raw sentencepiece (`encode_as_numpy`, one thread, whole documents with EOS) and by the stage's `Encoder`, one
after the other, so that the VM's drift (20% within minutes on the benchmark machine) falls on both alike. Clock:
process CPU time of this one process. Exits 1 if any document's ids differ.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gigabyte  # noqa: E402 - the benchmark folder is not a package


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", default="1GB", help="gigabyte subset label whose tokenize input is used")
    ap.add_argument("--json", type=Path, default=gigabyte.RESULTS / "tokenize_lines.json")
    args = ap.parse_args()

    import sentencepiece as spm  # noqa: PLC0415

    from lemur_data import storage, tokenizer  # noqa: PLC0415
    from lemur_data.config import load_manifest  # noqa: PLC0415

    folder = gigabyte.subset_folder(args.size)
    out = folder / "out"
    if not (out / "deduped" / "_manifest.json").exists():
        print(f"no deduped/ output under {out}: run `python benchmarks/gigabyte.py --sizes {args.size}` first",
              file=sys.stderr)
        return 2
    texts_path = folder / "tokenize-lines-input.parquet"
    nbytes = gigabyte.export_tokenize_input(out, texts_path)
    # The tokenizer the size's manifest configures, as the stage and gigabyte.tokenize_peer resolve it.
    spec, model = tokenizer.resolve(load_manifest(folder / "dataset.yaml", output=str(out)).tokenizer,
                                    storage.Storage())
    encoder = tokenizer.Encoder(spec, model)
    sp = spm.SentencePieceProcessor(model_proto=model)
    load = os.getloadavg()
    whole_s = lines_s = 0.0
    docs = differing = 0
    try:
        pf = pq.ParquetFile(texts_path)
        for rg in range(pf.num_row_groups):
            texts = pf.read_row_group(rg, columns=["text"]).column("text").to_pylist()
            start = time.process_time()
            whole = sp.encode_as_numpy(texts, add_eos=True, num_threads=1)
            whole_s += time.process_time() - start
            start = time.process_time()
            flat, lengths = encoder.encode_batch(texts)
            lines_s += time.process_time() - start
            ends = np.cumsum(lengths)
            differing += sum(not np.array_equal(w, flat[e - len(w):e]) or len(w) != n
                             for w, e, n in zip(whole, ends.tolist(), lengths.tolist()))
            docs += len(texts)
    finally:
        texts_path.unlink()
    report = {"date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "size": args.size,
              "load_average_start": [round(x, 2) for x in load], "docs": docs, "mb": round(nbytes / 1e6, 1),
              "line_by_line": encoder.line_by_line, "differing_docs": differing,
              "whole_documents_cpu_s": round(whole_s, 2), "line_by_line_cpu_s": round(lines_s, 2),
              "whole_mb_per_cpu_s": round(nbytes / whole_s / 1e6, 3),
              "lines_mb_per_cpu_s": round(nbytes / lines_s / 1e6, 3), "speedup": round(whole_s / lines_s, 3)}
    reports = json.loads(args.json.read_text()) if args.json.exists() else {}
    reports[args.size] = report
    args.json.write_text(json.dumps(reports, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=1))
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
