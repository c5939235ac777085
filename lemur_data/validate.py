"""`lemur-data validate`: check a dataset manifest without touching data and without Spark.

Checks, in order (the first failure raises ConfigError naming the key, the value and what is expected):
1. schema: every key and value (the typed models of lemur_data/config/), mix groups against the source list;
2. recipe files: the filter recipes with the manifest's overrides, benchmark and quality-model files, and the
   tokenizer (read and parsed when it is a local file or an installed asset: its EOS id is needed for packing);
3. locations: the output and the sources do not contain each other (`preflight.check_locations`);
4. feasibility: when the sources' token counts are known (`preflight.known_token_counts`: the committed tokenize
   manifest of this configuration under a local output, else every source's `declared_tokens`), the mixture
   planner of the mix stage (lemur_data/mixture.py) runs on them; an infeasible plan fails naming each short source
   and by how much.

Location parameters (`${VAR}` in output, sources[].path, tokenizer.path, dedup.index_from, dedup.checkpoint_dir)
may be unset here and only here: they are reported as notes, since they say where data lives, not what the
recipe does. `run` and the stage commands still fail on them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from lemur_data import mixture, preflight, storage
from lemur_data.config import ASSET_PREFIX, ConfigError, DatasetManifest, load_manifest


@dataclass
class Validation:
    """What `validate` found: the manifest, notes for the reader, and the plan on declared sizes if any."""

    cfg: DatasetManifest
    notes: list[str] = field(default_factory=list)
    tokenizer_checked: bool = False
    plan: mixture.MixPlan | None = None
    plan_origin: str = ""  # where the plan's token counts come from

    def problems(self) -> list[str]:
        return self.plan.problems() if self.plan is not None else []


def validate(path: str) -> Validation:
    """Run every check; ConfigError for schema / file mistakes. An infeasible plan is returned, not raised, so
    the caller can print its table before the problems."""
    unset: list[tuple[str, str]] = []
    cfg = load_manifest(path, unset_paths=unset)
    result = Validation(cfg)
    keys_by_var: dict[str, list[str]] = {}
    for key, var in unset:
        keys_by_var.setdefault(var, []).append(key)
    for var, keys in keys_by_var.items():
        result.notes.append(f"${{{var}}} is not set ({', '.join(keys)}): a location parameter, left unset for "
                            f"validate only; set it before `lemur-data run`")
    result.tokenizer_checked = _check_tokenizer(cfg, any(key == "tokenizer.path" for key, _ in unset), result.notes)
    preflight.check_locations(cfg)
    known = preflight.known_plan(cfg, _committed_store(cfg), stages(), result.notes)
    if known is not None:
        result.plan, result.plan_origin = known
    return result


def _committed_store(cfg: DatasetManifest) -> storage.Storage | None:
    """Where validate may read committed manifests: a local output (validate does not need the store to be up)."""
    return None if storage.is_remote(cfg.output) else storage.from_config(cfg.storage)


def stages() -> Mapping[str, Any]:
    from lemur_data.stages import STAGES  # noqa: PLC0415 - the registry imports pyspark (not started)

    return STAGES


def _check_tokenizer(cfg: DatasetManifest, placeholder: bool, notes: list[str]) -> bool:
    """Read and parse the tokenizer when it is local (True), else say why not (False)."""
    from lemur_data import tokenizer  # noqa: PLC0415 - sentencepiece / tokenizers only when needed

    path = cfg.tokenizer.path
    if placeholder:
        return False
    if storage.is_remote(path):
        notes.append(f"tokenizer.path: {path} is remote; not read by validate")
        return False
    spec, _ = tokenizer.resolve(cfg.tokenizer, storage.Storage())
    origin = path if path.startswith(ASSET_PREFIX) else f"file {path}"
    notes.append(f"tokenizer: {spec.format} ({origin}), vocab {spec.vocab_size:,}, EOS id {spec.eos_id}, "
                 f"sha256 {spec.sha256[:12]}")
    return True


