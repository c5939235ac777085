"""DM Mathematics (Saxton et al. 2019) in its published layout -> Parquet documents, once, outside Spark.

The published mathematics_dataset-v1.0 holds one .txt file per module and split (train-easy/, train-medium/,
train-hard/, interpolate/, extrapolate/), each a sequence of question / answer line pairs - about 1.3 million
lines per training file. A file read as one `text` document would be tens of MB (over crawl.max_file_bytes and
useless for dedup and packing), so this converts each file into documents of `pairs_per_doc` consecutive pairs:

    text      "Q1\\nA1\\n\\nQ2\\nA2\\n..." (a blank line between pairs)
    locator   "<split>/<module>.txt#<first line>"   (stable: the id of a document never depends on sharding)
    module    e.g. "algebra__linear_1d"
    split     e.g. "train-easy"

    python -m lemur_data.sources.dm_math SRC_DIR OUT_DIR [--pairs-per-doc 32] [--splits train-easy,...]

A trailing question without an answer (a truncated file) is counted and left out, never silently dropped. Output:
one zstd Parquet file per input file (OUT_DIR/<split>/<module>.parquet), deterministic bytes.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

SCHEMA = pa.schema([("text", pa.string()), ("locator", pa.string()), ("module", pa.string()),
                    ("split", pa.string())])
TRAIN_SPLITS = ("train-easy", "train-medium", "train-hard")


@dataclass(frozen=True)
class Converted:
    path: Path
    docs: int
    pairs: int
    unpaired_lines: int


def documents(lines: list[str], split: str, module: str, pairs_per_doc: int) -> tuple[list[dict], int]:
    """Documents of `pairs_per_doc` question/answer pairs; and the number of unpaired trailing lines."""
    pairs = len(lines) // 2
    docs = []
    for first in range(0, pairs, pairs_per_doc):
        chunk = range(first, min(first + pairs_per_doc, pairs))
        text = "\n\n".join(f"{lines[2 * i]}\n{lines[2 * i + 1]}" for i in chunk)
        docs.append({"text": text, "locator": f"{split}/{module}.txt#{2 * first + 1}", "module": module,
                     "split": split})
    return docs, len(lines) - 2 * pairs


def convert_file(src: Path, split: str, out_dir: Path, pairs_per_doc: int) -> Converted:
    lines = src.read_text(encoding="utf-8").splitlines()
    module = src.stem
    docs, unpaired = documents(lines, split, module, pairs_per_doc)
    dest = out_dir / split / f"{module}.parquet"
    dest.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(docs, schema=SCHEMA), dest, compression="zstd", row_group_size=1024)
    return Converted(dest, len(docs), len(lines) // 2, unpaired)


def convert(src_dir: Path, out_dir: Path, *, pairs_per_doc: int = 32,
            splits: tuple[str, ...] = TRAIN_SPLITS) -> list[Converted]:
    """Every <split>/<module>.txt under `src_dir` for the given splits, in sorted order."""
    if pairs_per_doc < 1:
        raise ValueError(f"pairs_per_doc must be >= 1, got {pairs_per_doc}")
    found = [(split, p) for split in splits for p in sorted((src_dir / split).glob("*.txt"))]
    if not found:
        raise FileNotFoundError(f"no <split>/*.txt under {src_dir} for splits {list(splits)}")
    return [convert_file(p, split, out_dir, pairs_per_doc) for split, p in found]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m lemur_data.sources.dm_math", description=__doc__.split("\n\n")[0])
    ap.add_argument("src_dir", type=Path, help="folder with train-easy/ train-medium/ train-hard/ (*.txt)")
    ap.add_argument("out_dir", type=Path, help="where the Parquet files go (the manifest's source path)")
    ap.add_argument("--pairs-per-doc", type=int, default=32, help="question/answer pairs per document")
    ap.add_argument("--splits", default=",".join(TRAIN_SPLITS), help="comma-separated split folders")
    args = ap.parse_args(argv)
    try:
        done = convert(args.src_dir, args.out_dir, pairs_per_doc=args.pairs_per_doc,
                       splits=tuple(s for s in args.splits.split(",") if s))
    except (FileNotFoundError, ValueError) as exc:
        print(f"dm_math: error: {exc}", file=sys.stderr)
        return 2
    unpaired = sum(c.unpaired_lines for c in done)
    print(f"{len(done)} files -> {sum(c.docs for c in done):,} documents of {sum(c.pairs for c in done):,} pairs "
          f"in {args.out_dir}" + (f"; {unpaired} unpaired trailing line(s) left out" if unpaired else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
