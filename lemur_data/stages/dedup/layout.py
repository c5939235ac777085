"""What the dedup stage writes: its folders, the reasons of removed documents, and the schemas of the three folders."""

from __future__ import annotations

import pyarrow as pa

from lemur_data import reasons
from lemur_data.reasons import Reason
from lemur_data.schema import DOC_SCHEMA, extend_schema

# NOTE: the version of how the outputs are cut into files; it enters the stage's input fingerprint, so outputs of
# an older layout are recomputed, never skipped as up to date (run_id hashes the config only, not the code).
# 1: rows shuffled into hash buckets of (folder, kind, source), sorted by id (writer.write_partitioned).
# 2: files follow the upstream files (cut at row groups above dedup.target_file_bytes, `-rg<first>` names), rows in
#    upstream order, written by the task that reads them: file names, row groups and so output bytes changed.
WRITE_LAYOUT = 2

OUTPUT_DIR = "deduped"
REMOVED_DIR = "dedup-removed"
INDEX_DIR = "dedup-index"
DIRS = (OUTPUT_DIR, REMOVED_DIR, INDEX_DIR)  # the first holds the manifest

EXACT = reasons.register(Reason("exact_duplicate", "skip", "same normalised content as another document (its "
                                "exact group's representative); survivor_id names its cluster's survivor"))
NEAR = reasons.register(Reason("near_duplicate", "skip", "MinHash near duplicate (Jaccard >= threshold) of "
                               "its cluster's survivor"))
EXACT_INDEXED = reasons.register(Reason("exact_duplicate_of_indexed", "skip", "same normalised content as a "
                                        "document of an earlier run's dedup index"))
NEAR_INDEXED = reasons.register(Reason("near_duplicate_of_indexed", "skip", "near duplicate of a document of an "
                                       "earlier run's dedup index"))
REPOSITORY_NEAR = reasons.register(Reason("repository_near_duplicate", "skip", "file of a repository whose whole "
                                          "content is a near duplicate of a better-ranked repository's (dedup.level: "
                                          "repository); survivor_id names that repository"))
REMOVAL_REASONS = (EXACT, NEAR, EXACT_INDEXED, NEAR_INDEXED, REPOSITORY_NEAR)

KEPT_SCHEMA = extend_schema(DOC_SCHEMA, pa.field("cluster_id", pa.string(), nullable=False),
                            pa.field("cluster_size", pa.int64(), nullable=False))
REMOVED_SCHEMA = extend_schema(KEPT_SCHEMA, pa.field("survivor_id", pa.string(), nullable=False),
                               pa.field("match_kind", pa.string(), nullable=False))
# NOTE: the index keeps one row per representative: band i's key is band_keys[i]; the signature lets a later run
# verify candidates against it without re-reading or re-hashing the old documents.
INDEX_SCHEMA = pa.schema([
    pa.field("id", pa.string(), nullable=False), pa.field("kind", pa.string(), nullable=False),
    pa.field("source", pa.string(), nullable=False), pa.field("lang", pa.string(), nullable=False),
    pa.field("locator", pa.string(), nullable=False), pa.field("size_bytes", pa.int64(), nullable=False),
    pa.field("scope", pa.string(), nullable=False), pa.field("exact_key", pa.binary(), nullable=False),
    pa.field("n_shingles", pa.int64(), nullable=False), pa.field("signature", pa.binary(), nullable=False),
    pa.field("band_keys", pa.list_(pa.int64()), nullable=False),
])
INDEXED_PREFIX = "^"
