"""The dedup plan, made on the driver before Spark starts: MinHash parameters from the settings, and the earlier runs'
index files named in `dedup.index_from` (checked to be built with the same signature parameters)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lemur_data import minhash, storage
from lemur_data import manifest as mf
from lemur_data.config import ConfigError, DedupConfig
from lemur_data.stage import RunContext
from lemur_data.stages.dedup.layout import INDEX_DIR, OUTPUT_DIR

_INDEX_PARAM_KEYS = ("num_perm", "bands", "rows", "seed", "hash", "code_shingles", "text_shingles", "scope")

@dataclass(frozen=True)
class IndexFile:
    """One Parquet file of an earlier dedup index (root + path relative to it, as in that run's manifest)."""

    root: str
    path: str
    rows: int
    bytes: int
    sha256: str
    row_groups: int

    def to_json(self) -> dict[str, Any]:
        return {"root": self.root, "path": self.path, "rows": self.rows, "bytes": self.bytes, "sha256": self.sha256,
                "row_groups": self.row_groups}

@dataclass
class DedupPlan:
    upstream_manifest: dict[str, Any]
    params: minhash.MinHashParams
    index_files: list[IndexFile]
    earlier: list[dict[str, Any]]

def minhash_params(cfg: DedupConfig) -> minhash.MinHashParams:
    if cfg.bands is not None and cfg.rows is not None:
        bands, rows = cfg.bands, cfg.rows
    else:
        bands, rows = minhash.derive_banding(cfg.threshold, cfg.num_perm, cfg.lsh_target_recall)
    return minhash.MinHashParams(
        num_perm=cfg.num_perm, bands=bands, rows=rows, seed=cfg.seed, hash=cfg.hash,
        code=minhash.Shingling(cfg.code_shingles.ngram, cfg.code_shingles.lowercase),
        text=minhash.Shingling(cfg.text_shingles.ngram, cfg.text_shingles.lowercase),
    )

def params_section(cfg: DedupConfig, params: minhash.MinHashParams) -> dict[str, Any]:
    return {
        "num_perm": params.num_perm, "bands": params.bands, "rows": params.rows, "threshold": cfg.threshold,
        "seed": params.seed, "hash": params.hash, "scheme": "datasketch-affine32",
        "code_shingles": {"ngram": params.code.ngram, "lowercase": params.code.lowercase},
        "text_shingles": {"ngram": params.text.ngram, "lowercase": params.text.lowercase},
        "scope": cfg.scope, "level": cfg.level, "min_shingles": cfg.min_shingles, "verify": cfg.verify,
        "exact_check_margin": cfg.exact_check_margin, "max_bucket_pivots": cfg.max_bucket_pivots,
        "lsh_recall_at_threshold": round(minhash.candidate_probability(cfg.threshold, params.bands, params.rows), 6),
        "ranking": list(cfg.ranking), "quality_signal": cfg.quality_signal,
    }

# ------------------------------------------------------------------------------------------ earlier indexes --
def earlier_indexes(ctx: RunContext, params: minhash.MinHashParams) -> tuple[list[IndexFile], list[dict[str, Any]]]:
    """Index files of the runs named in `dedup.index_from` (and of the runs those were deduped against)."""
    files: dict[tuple[str, str], IndexFile] = {}
    earlier = []
    expected = params_section(ctx.cfg.dedup, params)
    for location in ctx.cfg.dedup.index_from:
        uri, root, found = _find_dedup_manifest(ctx.store, location)
        manifest, sha = found
        theirs = manifest.get("dedup", {}).get("params", {})
        diff = {k: (theirs.get(k), expected[k]) for k in _INDEX_PARAM_KEYS if theirs.get(k) != expected[k]}
        if diff:
            detail = ", ".join(f"{k}: index {a!r} vs this run {b!r}" for k, (a, b) in diff.items())
            raise ConfigError(f"dedup.index_from: {location!r} was built with other MinHash parameters ({detail}); "
                              "expected an index built with the same num_perm, bands, rows, seed, hash, shingles "
                              "and scope")
        own = [IndexFile(root, f["path"], f["rows"], f["bytes"], f["sha256"], f.get("row_groups") or 1)
               for f in manifest["outputs"]["files"] if f["path"].startswith(INDEX_DIR + "/")]
        inherited = [IndexFile(**f) for f in manifest["dedup"]["index"]["inherited"]]
        for f in own + inherited:
            files[(f.root, f.path)] = f
        earlier.append({"uri": uri, "manifest_sha256": sha, "files": len(own), "rows": sum(f.rows for f in own),
                        "inherited_files": len(inherited)})
    return sorted(files.values(), key=lambda f: (f.root, f.path)), earlier

def _find_dedup_manifest(store: storage.Storage, location: str) -> tuple[str, str, tuple[dict[str, Any], str]]:
    """(manifest uri, dataset output root, (manifest, sha256)) for a dataset root or its deduped/ folder."""
    location = location.rstrip("/")
    candidates = [(storage.join(location, OUTPUT_DIR, mf.MANIFEST_NAME), location)]
    if location.endswith("/" + OUTPUT_DIR) or location == OUTPUT_DIR:
        candidates.insert(0, (storage.join(location, mf.MANIFEST_NAME), location[: -len(OUTPUT_DIR)].rstrip("/")))
    for uri, root in candidates:
        found = mf.read(store, uri)
        if found is not None and found[0].get("stage") == "dedup" and found[0].get("status") == "completed":
            return uri, root, found
    raise ConfigError(f"dedup.index_from: {location!r} has no completed dedup run (looked for "
                      f"{' and '.join(u for u, _ in candidates)}); expected a dataset output root or its "
                      f"{OUTPUT_DIR}/ folder")

