"""`lemur-data validate`: check a dataset manifest without touching data and without Spark.

Checks, in order (the first failure raises ConfigError naming the key, the value and what is expected):
1. schema: every key and value (the typed models of lemur_data/config/), mix groups against the source list;
2. recipe files: the filter recipes with the manifest's overrides, benchmark and quality-model files, and the
   tokenizer (read and parsed when it is a local file or an installed asset: its EOS id is needed for packing);
3. feasibility: when the sources declare their sizes (`declared_tokens`), the mixture planner of the mix stage
   (lemur_data/mixture.py) runs on those sizes; an infeasible plan fails naming each short source and by how much.

Location parameters (`${VAR}` in output, sources[].path, tokenizer.path, dedup.index_from, dedup.checkpoint_dir)
may be unset here and only here: they are reported as notes, since they say where data lives, not what the
recipe does. `run` and the stage commands still fail on them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lemur_data import mixture, storage
from lemur_data.config import ASSET_PREFIX, ConfigError, DatasetManifest, load_manifest


@dataclass
class Validation:
    """What `validate` found: the manifest, notes for the reader, and the plan on declared sizes if any."""

    cfg: DatasetManifest
    notes: list[str] = field(default_factory=list)
    tokenizer_checked: bool = False
    plan: mixture.MixPlan | None = None

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
    result.plan = declared_plan(cfg, result.notes)
    return result


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


def declared_plan(cfg: DatasetManifest, notes: list[str]) -> mixture.MixPlan | None:
    """The mix plan on the sources' declared sizes; None (with a note) when no source declares one."""
    declared = [s for s in cfg.sources if s.declared_tokens is not None]
    if not declared:
        notes.append("no source declares `declared_tokens`: mix feasibility is checked by `lemur-data mix plan` "
                     "after the tokenize stage")
        return None
    missing = [f"sources[{i}] ({s.name})" for i, s in enumerate(cfg.sources) if s.declared_tokens is None]
    if missing:
        raise ConfigError(f"sources[].declared_tokens: missing for {', '.join(missing)} while other sources "
                          f"declare theirs; expected all sources or none (the plan needs every source's size)")
    available = {s.name: mixture.Available(s.name, s.kind, 0, s.declared_tokens) for s in declared}
    return mixture.plan_mixture(cfg, available)
