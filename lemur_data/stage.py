"""What a stage is: the `Stage` protocol, what `prepare` hands to `execute` (`Prepared`), and the `RunContext` a
stage runs in.

The registry (`lemur_data.stages.STAGES`, the stages in run order) and the runner (`runner.run_stage`) both build on
this module and neither imports the other: a `RunContext` is given the pipeline it belongs to, so a stage finds its
upstream through the context, not through the registry.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Protocol

from pyspark.sql import SparkSession

from lemur_data import manifest as mf
from lemur_data import spark as spark_runtime
from lemur_data import storage
from lemur_data.config import DatasetManifest


@dataclass
class Prepared:
    """What `prepare` found: the input fingerprint (decides skipping), the manifest's inputs section, and any
    plan the stage wants to hand to `execute`."""

    fingerprint: str
    inputs: dict[str, Any]
    plan: Any = None


class Stage(Protocol):
    name: str
    dirs: tuple[str, ...]  # output folders under the dataset root; the first holds the manifest
    config_keys: tuple[str, ...]  # top-level config sections whose change invalidates the output

    def prepare(self, ctx: RunContext) -> Prepared: ...

    def execute(self, ctx: RunContext, prepared: Prepared) -> dict[str, Any]: ...


@dataclass
class RunContext:
    """What a stage run needs besides its own code: the dataset, the pipeline's stages in run order (usually
    `lemur_data.stages.STAGES`), run options. The Spark session starts on first use."""

    cfg: DatasetManifest
    stages: Mapping[str, Stage]
    force: bool = False
    verify: bool = False  # before skipping an up-to-date stage, hash every output file (not only changed ones)
    master: str | None = None
    spark_conf: dict[str, str] = field(default_factory=dict)
    _spark: SparkSession | None = None
    # sha256 of each stage manifest this context committed or found up to date: an upstream that changes between
    # two stages of one run was rewritten by another run, and must not be mixed into this one.
    _seen: dict[str, str] = field(default_factory=dict)

    @property
    def store(self) -> storage.Storage:
        return storage.from_config(self.cfg.storage)

    @property
    def spark(self) -> SparkSession:
        if self._spark is None:
            self._spark = spark_runtime.get_session(self.cfg.spark, master=self.master, conf=self.spark_conf,
                                                    app_name=f"lemur-data:{self.cfg.name}")
        return self._spark

    def path(self, *parts: str) -> str:
        return storage.join(self.cfg.output, *parts)

    def manifest_uri(self, stage: Stage) -> str:
        return self.path(stage.dirs[0], mf.MANIFEST_NAME)

    def previous_stage(self, stage_name: str) -> str:
        """The stage before `stage_name` in pipeline order: the one whose main output it reads."""
        names = list(self.stages)
        return names[names.index(stage_name) - 1]

    def upstream(self, stage_name: str) -> tuple[dict[str, Any], str, str]:
        """(manifest, sha256, uri) of a finished upstream stage; a clear error if it has not run."""
        uri = self.manifest_uri(self.stages[stage_name])
        found = mf.read(self.store, uri)
        if found is None or found[0].get("status") != "completed":
            raise mf.ManifestError(f"stage '{stage_name}' has not completed for this dataset (no {uri}); "
                                   f"run `lemur-data {stage_name} MANIFEST` or `lemur-data run MANIFEST` first")
        if self._seen.get(stage_name, found[1]) != found[1]:
            raise mf.ManifestError(f"{uri} was rewritten by another run after this run committed it; "
                                   "rerun to build on one consistent upstream")
        return found[0], found[1], uri
