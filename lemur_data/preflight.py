"""Preflight: what can go wrong before any data is read is checked before Spark starts, and each failure names the
configuration key to change and how.

`check_run` (by `runner.run_stages`, so by `run`, every stage command and spark-submit / Airflow) checks:
1. locations: the output is not inside a source and no source is inside the output (symlinks resolved; for S3, the
   same bucket and one prefix inside the other). Otherwise every run reads its own outputs back as input;
2. the S3 endpoint (when any location is on S3) accepts a connection within `storage.connect_timeout_s`: one TCP
   connect, so a dead endpoint fails in one timeout instead of after the SDK's retries of every request;
3. the output is writable: a probe object is written and deleted (local and S3), before any lock or stage;
4. the mix is feasible, when `mix` is among the stages and the sources' token counts are known before the run
   (`known_token_counts`); otherwise a note says it cannot be checked yet (the mix stage checks it before writing).

`lemur-data validate` runs 1 and 4 (it writes nothing and does not need the store to be up).
"""

from __future__ import annotations

import logging
import os
import socket
import uuid
from typing import TYPE_CHECKING, Any, Mapping
from urllib.parse import urlsplit

from lemur_data import errors, mixture, storage
from lemur_data import manifest as mf
from lemur_data.config import ConfigError, DatasetManifest, redact_uri

if TYPE_CHECKING:
    from lemur_data.stage import Stage

log = logging.getLogger(__name__)

MIX = "mix"
_PROBE_PREFIX = "_lemur.probe-"


class PreflightError(ConfigError):
    """A run cannot succeed as configured; the message names the key and what to change."""


def check_run(cfg: DatasetManifest, store: storage.Storage, stages: Mapping[str, Stage], names: list[str]) -> None:
    """Every preflight check of a run of the stages `names`; raises PreflightError on the first failure."""
    check_locations(cfg)
    check_endpoint(cfg, store)
    check_output_writable(cfg, store)
    if MIX in names:
        notes: list[str] = []
        check_mix_feasible(cfg, store, stages, notes)
        for note in notes:
            log.warning("%s", note)


# -- 1. locations -----------------------------------------------------------------------------------------------------
def check_locations(cfg: DatasetManifest) -> None:
    """The output and the sources do not contain each other. Values still holding an unset `${VAR}` (validate's
    location parameters) are not compared."""
    out = _location(cfg.output)
    if out is None:
        return
    for i, src in enumerate(cfg.sources):
        where = _location(storage.glob_base(src.path))
        if where is None:
            continue
        if _inside(out, where):
            raise PreflightError(
                f"output: {redact_uri(cfg.output)} is inside sources[{i}].path ({redact_uri(src.path)}, source "
                f"'{src.name}'): every run would read its own outputs back as input. Choose an output outside every "
                f"source folder (the `output` key or --output)")
        if _inside(where, out):
            raise PreflightError(
                f"sources[{i}].path: {redact_uri(src.path)} (source '{src.name}') is inside the output "
                f"{redact_uri(cfg.output)}: a stage would read files that the pipeline clears and rewrites. Move "
                f"the source out of the output, or choose another output (the `output` key or --output)")


def _location(path: str) -> tuple[str, ...] | None:
    """A path as components (bucket first for S3, symlinks resolved for local paths); None for `${VAR}`."""
    if "${" in path:
        return None
    if storage.is_remote(path):
        return ("s3:",) + tuple(p for p in path[len("s3://"):].split("/") if p)
    return tuple(p for p in os.path.realpath(path).split(os.sep) if p)


def _inside(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """`a` is `b` or below it."""
    return a[:len(b)] == b


# -- 2. the S3 endpoint -----------------------------------------------------------------------------------------------
def check_endpoint(cfg: DatasetManifest, store: storage.Storage) -> None:
    """One TCP connection to the S3 endpoint within `storage.connect_timeout_s`, when any location is on S3."""
    if not any(storage.is_remote(p) for p in (cfg.output, *(s.path for s in cfg.sources))):
        return
    endpoint, origin = _endpoint(cfg, store)
    parts = urlsplit(endpoint if "://" in endpoint else f"https://{endpoint}")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    timeout = store.connect_timeout_s
    try:
        socket.create_connection((parts.hostname or "", port), timeout=timeout).close()
    except OSError as exc:
        cause = "timed out" if isinstance(exc, TimeoutError) else os.strerror(exc.errno) if exc.errno else str(exc)
        raise PreflightError(
            f"{origin}: cannot connect to the S3 endpoint {redact_uri(endpoint)} within storage.connect_timeout_s "
            f"= {timeout:g} s ({cause}). Check {origin} and that the store is up; on a slow network raise "
            f"storage.connect_timeout_s") from None


def _endpoint(cfg: DatasetManifest, store: storage.Storage) -> tuple[str, str]:
    """(endpoint URL, the key or variable it comes from)."""
    if cfg.storage.s3_endpoint_url:
        return cfg.storage.s3_endpoint_url, "storage.s3_endpoint_url"
    for var in storage.ENDPOINT_VARIABLES:
        if os.environ.get(var):
            return os.environ[var], f"${var} (storage.s3_endpoint_url is unset)"
    region = store.s3_region or os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or "us-east-1"
    return f"https://s3.{region}.amazonaws.com", "storage.s3_region"


# -- 3. the output is writable ----------------------------------------------------------------------------------------
def check_output_writable(cfg: DatasetManifest, store: storage.Storage) -> None:
    """Write and delete a probe object under the output root."""
    probe = storage.join(cfg.output, _PROBE_PREFIX + uuid.uuid4().hex)
    try:
        store.write_bytes(probe, b"")
    except OSError as exc:
        raise PreflightError(
            f"output: cannot write to {redact_uri(cfg.output)}: {errors.describe_os_error(exc, redact_uri(probe))}. "
            f"Choose a writable output (the `output` key or --output), or fix its permissions") from None
    store.delete_file(probe)


# -- 4. mix feasibility -----------------------------------------------------------------------------------------------
def check_mix_feasible(cfg: DatasetManifest, store: storage.Storage, stages: Mapping[str, Stage],
                       notes: list[str]) -> None:
    """PreflightError naming what to change when the mix plan on the token counts known before the run is
    infeasible; a note when the counts are not known yet."""
    known = known_plan(cfg, store, stages, notes)
    if known is None:
        return
    plan, origin = known
    problems = plan.problems()
    if problems:
        raise PreflightError("\n".join([f"mix plan is infeasible on {origin}:", *(f"  - {p}" for p in problems),
                                        "  (the plan table: lemur-data validate MANIFEST)"]))


def known_plan(cfg: DatasetManifest, store: storage.Storage | None, stages: Mapping[str, Stage],
               notes: list[str]) -> tuple[mixture.MixPlan, str] | None:
    """(the mix plan on the token counts known before the run, where the counts come from), feasible or not; None
    with a note when they are not known yet."""
    known = known_token_counts(cfg, store, stages)
    if known is None:
        notes.append("mix feasibility cannot be checked yet: no committed tokenize manifest of this configuration "
                     "under the output and no `declared_tokens` on the sources; the mix stage checks it on the "
                     "measured token counts before it writes anything")
        return None
    available, origin = known
    return mixture.plan_mixture(cfg, available), origin


def known_token_counts(cfg: DatasetManifest, store: storage.Storage | None, stages: Mapping[str, Stage]
                       ) -> tuple[dict[str, mixture.Available], str] | None:
    """(token counts per source, where they come from) before the run: the committed manifest of the stage before
    mix when every stage up to it was committed with the current configuration and on its current upstream
    (measured counts), else every source's `declared_tokens`; None when neither is there. `store` None: committed
    manifests are not read."""
    committed = _committed_counts(cfg, store, stages) if store is not None else None
    if committed is not None:
        return committed
    declared = [s for s in cfg.sources if s.declared_tokens is not None]
    if not declared:
        return None
    missing = [f"sources[{i}] ({s.name})" for i, s in enumerate(cfg.sources) if s.declared_tokens is None]
    if missing:
        raise ConfigError(f"sources[].declared_tokens: missing for {', '.join(missing)} while other sources "
                          f"declare theirs; expected all sources or none (the plan needs every source's size)")
    return ({s.name: mixture.Available(s.name, s.kind, 0, s.declared_tokens) for s in declared},
            "the sources' declared_tokens")


def _committed_counts(cfg: DatasetManifest, store: storage.Storage, stages: Mapping[str, Stage]
                      ) -> tuple[dict[str, mixture.Available], str] | None:
    names = list(stages)
    if MIX not in names or "${" in cfg.output:
        return None
    seen: dict[str, str] = {}
    last: tuple[dict[str, Any], str] | None = None
    for name in names[:names.index(MIX)]:
        uri = storage.join(cfg.output, stages[name].dirs[0], mf.MANIFEST_NAME)
        found = mf.read(store, uri)
        if found is None or not _current(found[0], cfg.section_sha256(*stages[name].config_keys), seen):
            return None  # not run yet, or made with other settings or from another upstream: counts may differ
        seen[name] = found[1]
        last = (found[0], uri)
    if last is None:
        return None
    m, uri = last
    return (mixture.available_from_manifest(m),
            f"the token counts of {redact_uri(uri)} (committed {m['completed_at']} with this configuration)")


def _current(m: dict[str, Any], stage_sha: str, seen: dict[str, str]) -> bool:
    """A committed manifest made with the current stage configuration from the upstream manifests now in place
    (`seen`: the stages before it, each with the sha256 of its manifest)."""
    if m.get("status") != "completed" or m.get("config", {}).get("stage_sha256") != stage_sha:
        return False
    return not mf.stale_upstreams(m, seen)
