"""The document schema (DOC v1): the one place that defines a document's columns, id and hashes.

Every stage reads and writes documents in this layout; stages that add columns (filter's rejects, dedup's
cluster ids) extend `DOC_SCHEMA` with `extend_schema` so the base columns never drift.
"""

from __future__ import annotations

import hashlib

import pyarrow as pa

SCHEMA_VERSION = "doc-v1"

KINDS = ("code", "text")

# NOTE: text is large_string so a batch of big documents never overflows Arrow's 2 GiB offset limit.
DOC_SCHEMA = pa.schema(
    [
        pa.field("id", pa.string(), nullable=False),
        pa.field("kind", pa.string(), nullable=False),
        pa.field("source", pa.string(), nullable=False),
        pa.field("lang", pa.string(), nullable=False),
        pa.field("text", pa.large_string(), nullable=False),
        pa.field("locator", pa.string(), nullable=False),
        pa.field("repo", pa.string()),
        pa.field("license", pa.string()),
        pa.field("size_bytes", pa.int64(), nullable=False),
        pa.field("content_sha256", pa.string(), nullable=False),
        pa.field("signals", pa.map_(pa.string(), pa.float64())),
        pa.field("meta", pa.map_(pa.string(), pa.string())),
    ],
    metadata={"lemur.schema_version": SCHEMA_VERSION},
)

DOC_COLUMNS = tuple(DOC_SCHEMA.names)

# Language code used for text whose natural language is not known yet (the filter stage detects it).
UNKNOWN_LANG = "und"


def doc_id(source: str, locator: str) -> str:
    """Stable document id: sha256 of the source name and the locator, NUL-separated.

    NOTE: ids must never depend on partitioning or run order (no monotonically_increasing_id): dedup survivors,
    hash sampling and provenance all key on them.
    """
    return hashlib.sha256(f"{source}\x00{locator}".encode()).hexdigest()


def content_sha256(text_utf8: bytes) -> str:
    return hashlib.sha256(text_utf8).hexdigest()


def extend_schema(base: pa.Schema, *fields: pa.Field) -> pa.Schema:
    """DOC schema plus stage-specific columns, keeping the base metadata."""
    return pa.schema(list(base) + list(fields), metadata=base.metadata)


def spark_ddl(schema: pa.Schema) -> str:
    """Spark DDL string for an Arrow schema made of the types used in this package."""
    return ", ".join(f"`{f.name}` {_spark_type(f.type)}" for f in schema)


def _spark_type(t: pa.DataType) -> str:
    if pa.types.is_string(t) or pa.types.is_large_string(t):
        return "string"
    if pa.types.is_int64(t):
        return "bigint"
    if pa.types.is_int32(t):
        return "int"
    if pa.types.is_int16(t):
        return "smallint"
    if pa.types.is_float64(t):
        return "double"
    if pa.types.is_boolean(t):
        return "boolean"
    if pa.types.is_binary(t) or pa.types.is_large_binary(t):
        return "binary"
    if pa.types.is_map(t):
        return f"map<{_spark_type(t.key_type)},{_spark_type(t.item_type)}>"
    if pa.types.is_list(t) or pa.types.is_large_list(t):
        return f"array<{_spark_type(t.value_type)}>"
    raise TypeError(f"no Spark type mapping for {t}")


# -- token data (tokenize and mix stages) ----------------------------------------------------------------------

TOKENS_SCHEMA_VERSION = "tokens-v1"
SHARD_SCHEMA_VERSION = "shard-v1"

# The per-document token cache written by tokenize: one row per document, upstream order, EOS appended.
# NOTE: the mix stage plans from (doc_id, source, n_tokens) alone; `tokens` is only read for selected documents.
TOKENS_SCHEMA = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("source", pa.string(), nullable=False),
        pa.field("kind", pa.string(), nullable=False),
        pa.field("lang", pa.string(), nullable=False),
        pa.field("n_bytes", pa.int64(), nullable=False),
        pa.field("n_tokens", pa.int32(), nullable=False),
        pa.field("tokens", pa.list_(pa.int32()), nullable=False),
    ],
    metadata={"lemur.schema_version": TOKENS_SCHEMA_VERSION},
)

# The training stream written by mix: rows of exactly seq_len tokens, `seq_idx` = global position in the stream.
# Footer metadata (key -> value) is added per shard by the mix stage: see `shard_metadata`.
SHARD_SCHEMA = pa.schema(
    [
        pa.field("seq_idx", pa.int64(), nullable=False),
        pa.field("input_ids", pa.list_(pa.int32()), nullable=False),
        pa.field("segment_starts", pa.list_(pa.int32()), nullable=False),
        pa.field("source_id", pa.int16(), nullable=False),
    ]
)

# The provenance sidecar of a shard: one row per document piece, so every token of the stream maps back to a
# document (takedown requests: `WHERE doc_id = ...` gives the rows and offsets to blank).
PROVENANCE_SCHEMA = pa.schema(
    [
        pa.field("seq_idx", pa.int64(), nullable=False),
        pa.field("row_offset", pa.int32(), nullable=False),
        pa.field("length", pa.int32(), nullable=False),
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("source_id", pa.int16(), nullable=False),
        pa.field("copy", pa.int16(), nullable=False),
        pa.field("doc_offset", pa.int32(), nullable=False),
        pa.field("doc_tokens", pa.int32(), nullable=False),
    ],
    metadata={"lemur.schema_version": "provenance-v1"},
)


def shard_metadata(*, run_id: str, seq_len: int, tokenizer_sha256: str, eos_id: int, bos_id: int | None,
                   vocab_size: int, shard_index: int, num_shards: int, first_seq_idx: int,
                   sources_json: str) -> dict[bytes, bytes]:
    """Footer key-value metadata of a token shard (read it with `pq.read_metadata(path).metadata`)."""
    values = {
        "lemur.schema_version": SHARD_SCHEMA_VERSION,
        "lemur.run_id": run_id,
        "lemur.seq_len": str(seq_len),
        "lemur.tokenizer_sha256": tokenizer_sha256,
        "lemur.eos_id": str(eos_id),
        "lemur.bos_id": "" if bos_id is None else str(bos_id),
        "lemur.vocab_size": str(vocab_size),
        "lemur.shard": f"{shard_index}/{num_shards}",
        "lemur.first_seq_idx": str(first_seq_idx),
        "lemur.sources": sources_json,
    }
    return {k.encode(): v.encode() for k, v in values.items()}


def token_dtype_hint(vocab_size: int) -> str:
    """The smallest unsigned dtype that holds every token id (Parquet stores int32; readers may downcast)."""
    return "uint16" if vocab_size <= 1 << 16 else "uint32"
