"""Where the pipeline runs: object-store and Spark settings (locations only, never part of the run id)."""

from __future__ import annotations

from pydantic import Field, field_validator

from lemur_data.config.base import Model
from lemur_data.storage import DEFAULT_CONNECT_TIMEOUT_S


class StorageConfig(Model):
    """Object-store settings. Credentials come from the standard AWS chain, never from this file."""

    s3_endpoint_url: str | None = Field(
        None, description="endpoint of an S3-compatible store (default: $AWS_ENDPOINT_URL_S3, $AWS_ENDPOINT_URL, then AWS)"
    )
    s3_region: str | None = Field(None, description="region (default: the AWS chain's)")
    connect_timeout_s: float = Field(
        DEFAULT_CONNECT_TIMEOUT_S, gt=0, le=300,
        description="seconds to wait for a connection to the S3 endpoint, and for the next byte of an answer, per "
                    "attempt (each request makes up to 5 attempts); the preflight fails on an unreachable endpoint "
                    "after one such wait")


class SparkConfig(Model):
    """Spark settings for local runs. Under spark-submit the submitted master and conf win."""

    master: str | None = Field(None, description="default: local[*]")
    conf: dict[str, str] = Field(default_factory=dict, description="extra spark.* settings")

    @field_validator("conf")
    @classmethod
    def _spark_keys(cls, conf: dict[str, str]) -> dict[str, str]:
        bad = [k for k in conf if not k.startswith("spark.")]
        if bad:
            raise ValueError(f"keys must start with 'spark.', got {bad}")
        return conf
