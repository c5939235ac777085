"""`lemur-data export`: hand a committed output to another tool, in that tool's layout (datatrove's today)."""

from __future__ import annotations

import argparse
from typing import Any

_DESCRIPTION = """\
Write the documents of a committed filter or dedup output (OUT/filtered/ or OUT/deduped/, read through its run
manifest, each file's sha256 checked) under DEST in datatrove's document layout, so datatrove pipelines read them
as they are: {"text", "id", "metadata"}, one file per upstream file, JSON Lines gzip-compressed (JsonlWriter's
default) or Parquet with a `metadata` struct (ParquetWriter's layout).

id is the document's lemur-data id; metadata holds its meta entries plus source, kind, language, locator, repo,
license (and cluster_id, cluster_size from deduped/). A `format: datatrove` source crawls an export back.

Atomic: files are written under temporary names and renamed into place; DEST/_lemur_export.json (files, rows,
sha256, the upstream manifest) is written last: without it the export is not finished. DEST must be new or empty,
or hold an earlier export, which --force replaces; an export never deletes files it did not write.
"""

_EPILOG = """\
examples:
  lemur-data export --format datatrove out/demo out/demo-datatrove
  lemur-data export --format datatrove --from filtered --file-type parquet out/demo s3://bucket/demo-dt

in datatrove:
  JsonlReader("out/demo-datatrove", glob_pattern="**/*.jsonl.gz")    (the glob keeps the marker file out)
"""


def add_commands(sub: Any) -> None:
    p = sub.add_parser("export", help="write filtered/ or deduped/ in datatrove's document layout (JSONL / Parquet)",
                       description=_DESCRIPTION, epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("output_root", metavar="OUT", help="the dataset's output root, e.g. out/demo (local or s3://)")
    p.add_argument("dest", metavar="DEST", help="folder to write (local path or s3://bucket/prefix)")
    p.add_argument("--format", required=True, choices=["datatrove"], help="the layout to write")
    p.add_argument("--from", dest="folder", default="deduped", choices=["deduped", "filtered"],
                   help="which committed output to export (default deduped)")
    p.add_argument("--file-type", default="jsonl", choices=["jsonl", "parquet"],
                   help="jsonl: .jsonl.gz files (default); parquet: .parquet files (snappy)")
    p.add_argument("--force", action="store_true", help="replace an earlier export at DEST")
    p.set_defaults(func=_export)


def _export(args: argparse.Namespace) -> int:
    from lemur_data.export import export_datatrove  # noqa: PLC0415

    result = export_datatrove(args.output_root, args.dest, folder=args.folder, file_type=args.file_type,
                              force=args.force)
    print(f"exported {result.documents:,} documents from {result.upstream} to {args.dest} "
          f"({len(result.files)} file(s), datatrove {args.file_type})")
    return 0
