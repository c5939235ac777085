"""Tokenize's repository branch: code files of `repository`-mode sources -> one token row per repository part.

1. A `mapInArrow` task per upstream row group reads the repository files (kind code, a repository-mode source, a
   non-empty `repo`) with pyarrow; nothing else leaves the reading task.
2. Spark groups them by bucket = pmod(xxhash64(source, repo), n), n fixed from the upstream manifest's byte counts
   (about 128 MB of text per bucket), so a repository is always whole inside one group and file names do not
   depend on partitioning.
3. `applyInArrow` per bucket: per repository (sorted by source, repo) order the files (`repository.order`), encode
   and cut into parts (`repository.documents`), then write `tokens/repositories/part-B-of-N.parquet` (TOKENS v1, so
   mix reads repository documents like any cached document) and `repository-members/part-B-of-N.parquet` (one row
   per file: the provenance from part offsets back to files), and return the task's stats row.
"""

from __future__ import annotations

import json
import os
import time
from typing import Any, Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

from lemur_data import storage, tokenizer
from lemur_data.datasets import ReadUnit, read_unit
from lemur_data.repository.documents import (
    MEMBERS_SCHEMA, Layout, Ordered, RepoFile, build, order_files, path_in_repo)
from lemur_data.schema import TOKENS_SCHEMA, spark_ddl
from lemur_data.stages.mix.selection import typed
from lemur_data.tokenizer import TokenizerSpec
from lemur_data.writer import StagedParquet

TOKENS_SUBDIR = "tokens/repositories"
MEMBERS_DIR = "repository-members"
_COLUMNS = ["id", "kind", "source", "lang", "text", "locator", "repo", "meta"]
_FILES_SCHEMA = pa.schema([("id", pa.string()), ("source", pa.string()), ("lang", pa.string()),
                           ("text", pa.large_string()), ("locator", pa.string()), ("repo", pa.string()),
                           ("meta", pa.map_(pa.string(), pa.string()))])
_BUCKET_BYTES = 128 << 20
_ROWS_PER_GROUP = 64  # repository parts are large (up to max_tokens each)


def repository_mask(table: pa.Table, sources: tuple[str, ...]) -> np.ndarray:
    """Rows that go into repository documents: code of a repository-mode source with a repository."""
    mask = pc.and_(pc.equal(table.column("kind"), "code"), pc.is_in(table.column("source"), pa.array(sources)))
    repo = table.column("repo")
    mask = pc.and_kleene(mask, pc.and_kleene(pc.is_valid(repo), pc.not_equal(repo, "")))
    return pc.fill_null(mask, False).to_numpy(zero_copy_only=False)


def bucket_count(upstream: dict[str, Any], sources: tuple[str, ...]) -> int:
    """Buckets from the upstream manifest's bytes of the repository sources' code (the data is not read)."""
    total = sum(e["bytes"] for e in upstream["counts"]["by_source_lang"]
                if e["kind"] == "code" and e["source"] in sources)
    return max(1, -(-total // _BUCKET_BYTES))


def repository_files(spark: SparkSession, units: list[ReadUnit], store: storage.Storage,
                     sources: tuple[str, ...]) -> DataFrame:
    task = _ReadRepositoryFiles(units, store, sources)
    return spark.range(0, len(units), 1, numPartitions=max(1, len(units))).mapInArrow(task, spark_ddl(_FILES_SCHEMA))


class _ReadRepositoryFiles:
    def __init__(self, units: list[ReadUnit], store: storage.Storage, sources: tuple[str, ...]) -> None:
        self.units, self.store, self.sources = units, store, sources

    def __call__(self, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            for unit_id in batch.column(0).to_pylist():
                for table in read_unit(self.store, self.units[unit_id], _COLUMNS):
                    picked = table.filter(pa.array(repository_mask(table, self.sources)))
                    yield from picked.select(_FILES_SCHEMA.names).cast(_FILES_SCHEMA).to_batches(max_chunksize=256)


def assemble(files: DataFrame, n_buckets: int, task: AssembleBucket) -> list[dict[str, Any]]:
    """The stats rows of every bucket's task (one per non-empty bucket)."""
    bucketed = files.withColumn("bucket", F.pmod(F.xxhash64("source", "repo"), F.lit(n_buckets)).cast("int"))
    return [json.loads(r.stats) for r in bucketed.groupBy("bucket").applyInArrow(typed(task), "stats string")
            .collect()]


class AssembleBucket:
    """applyInArrow: one bucket's repository files in; its two files written; one stats row out."""

    def __init__(self, n_buckets: int, spec: TokenizerSpec, model: Any, store: storage.Storage, root: str,
                 file_header: str, max_tokens: int) -> None:
        self.n, self.spec, self.model, self.store, self.root = n_buckets, spec, model, store, root
        self.file_header, self.max_tokens = file_header, max_tokens

    def __call__(self, table: pa.Table) -> pa.Table:
        t0 = time.monotonic()
        bucket = int(table.column("bucket")[0].as_py())
        enc, loaded = tokenizer.encoder(self.spec, lambda: self.model.value)
        layout = Layout(self.file_header, self.max_tokens, 1 + int(self.spec.add_bos), self.spec.bos_id,
                        self.spec.eos_id)
        stats = _BucketStats(self.max_tokens)
        tokens, members = _columns(TOKENS_SCHEMA), _columns(MEMBERS_SCHEMA)
        for (source, repo), files in _repositories(table):
            ordered = order_files(files)
            t1 = time.monotonic()
            rows, member_rows = build(source, repo, ordered, layout,
                                      lambda texts: enc.encode_batch(texts, 1, specials=False))
            stats.encode_s += time.monotonic() - t1
            stats.add(source, files, rows, ordered)
            _extend(tokens, rows)
            _extend(members, member_rows)
        name = f"part-{bucket:05d}-of-{self.n:05d}.parquet"
        token_file = self._write(f"{TOKENS_SUBDIR}/{name}", TOKENS_SCHEMA, tokens)
        member_file = self._write(f"{MEMBERS_DIR}/{name}", MEMBERS_SCHEMA, members)
        token_file["tokens"] = int(sum(tokens["n_tokens"]))
        out = {**stats.to_json(), "file": token_file, "members_file": member_file,
               "worker": {"pid": os.getpid(), "loaded": loaded}, "task_s": time.monotonic() - t0}
        return pa.table({"stats": [json.dumps(out)]})

    def _write(self, rel: str, schema: pa.Schema, columns: dict[str, list]) -> dict[str, Any]:
        table = pa.table(columns, schema=schema)
        with StagedParquet(self.store, self.root, rel, schema, compression="zstd",
                           use_dictionary=["source", "kind", "lang", "repo"]) as out:
            for start in range(0, max(1, table.num_rows), _ROWS_PER_GROUP):
                out.write_row_group(table.slice(start, _ROWS_PER_GROUP))
            return out.publish().to_json()


def _columns(schema: pa.Schema) -> dict[str, list]:
    return {name: [] for name in schema.names}


def _extend(into: dict[str, list], rows: dict[str, list]) -> None:
    for k, v in rows.items():
        into[k].extend(v)


def _repositories(table: pa.Table) -> Iterator[tuple[tuple[str, str], list[RepoFile]]]:
    """(source, repo) -> its files, in (source, repo) order whatever order the rows came in."""
    table = table.sort_by([("source", "ascending"), ("repo", "ascending"), ("id", "ascending")])
    groups: dict[tuple[str, str], list[RepoFile]] = {}
    for r in table.select(["id", "source", "lang", "text", "locator", "repo", "meta"]).to_pylist():
        path = path_in_repo(r["locator"], r["repo"], dict(r["meta"] or ()))
        groups.setdefault((r["source"], r["repo"]), []).append(RepoFile(r["id"], path, r["lang"], r["text"],
                                                                        r["locator"]))
    yield from groups.items()


class _BucketStats:
    """Counts in the tokenize tasks' stats layout (groups: files in by their language, parts out by theirs)."""

    def __init__(self, max_tokens: int) -> None:
        self.max_tokens = max_tokens
        self.groups: dict[tuple[str, str], list[int]] = {}
        self.repo = {"repositories": 0, "files": 0, "documents": 0, "edges": 0, "edges_forward": 0,
                     "files_in_cycles": 0, "oversized_parts": 0}
        self.encode_s = 0.0
        self.max_token_id = -1
        self.max_doc_tokens = 0

    def _group(self, source: str, lang: str) -> list[int]:
        return self.groups.setdefault((source, lang), [0, 0, 0, 0, 0])

    def add(self, source: str, files: list[RepoFile], rows: dict[str, list], ordered: Ordered) -> None:
        for f in files:
            g = self._group(source, f.lang)
            g[0] += 1
            g[1] += len(f.text.encode("utf-8", "surrogatepass"))
        for lang, n_bytes, n_tokens, toks in zip(rows["lang"], rows["n_bytes"], rows["n_tokens"], rows["tokens"]):
            g = self._group(source, lang)
            g[2], g[3], g[4] = g[2] + 1, g[3] + n_bytes, g[4] + n_tokens
            self.max_token_id = max(self.max_token_id, int(toks.max()))
            self.max_doc_tokens = max(self.max_doc_tokens, n_tokens)
            self.repo["oversized_parts"] += int(n_tokens > self.max_tokens)
        for key, n in (("repositories", 1), ("files", len(files)), ("documents", len(rows["doc_id"])),
                       ("edges", ordered.edges), ("edges_forward", ordered.edges_forward),
                       ("files_in_cycles", len(ordered.in_cycle))):
            self.repo[key] += n

    def to_json(self) -> dict[str, Any]:
        groups = [{"kind": "code", "source": s, "lang": lang, "docs_in": v[0], "bytes_in": v[1], "docs": v[2],
                   "bytes": v[3], "tokens": v[4]} for (s, lang), v in sorted(self.groups.items())]
        return {"groups": groups, "reasons": [], "max_token_id": self.max_token_id,
                "max_doc_tokens": self.max_doc_tokens, "encode_s": self.encode_s, "repositories": self.repo}
