"""`lemur-data manifest diff` and `lemur-data manifest lineage`.

diff: what changed between two runs of a stage (counts, drops by reason and by rule, mixture, outputs).
lineage: from any run manifest back to the sources, following `inputs.upstream` and checking that every upstream
manifest still has the sha256 its downstream recorded (so a silently replaced input is visible).
"""

from __future__ import annotations

import hashlib
from typing import Any

from lemur_data import manifest as mf
from lemur_data import storage
from lemur_data.summary import human_bytes, table


def _delta(a: float, b: float) -> str:
    if a == b:
        return "="
    pct = f" ({(b - a) / a * 100:+.1f}%)" if a else ""
    return f"{b - a:+,}{pct}"


def _amount_rows(a: dict[str, Any], b: dict[str, Any]) -> list[list[Any]]:
    rows = []
    for label in ("in", "out", "dropped"):
        for key in ("files", "docs", "bytes", "tokens"):
            va, vb = a.get(label, {}).get(key), b.get(label, {}).get(key)
            if va is None and vb is None:
                continue
            rows.append([f"{label}.{key}", f"{va or 0:,}", f"{vb or 0:,}", _delta(va or 0, vb or 0)])
    return rows


def _keyed_rows(a: list[dict], b: list[dict], key: tuple[str, ...], value: str) -> list[list[Any]]:
    ma = {tuple(e.get(k) for k in key): e.get(value, 0) for e in a}
    mb = {tuple(e.get(k) for k in key): e.get(value, 0) for e in b}
    rows = []
    for k in sorted(set(ma) | set(mb), key=lambda t: tuple(str(x) for x in t)):
        va, vb = ma.get(k, 0), mb.get(k, 0)
        if va != vb:
            rows.append(["/".join(str(x) for x in k), f"{va:,}", f"{vb:,}", _delta(va, vb)])
    return rows


def diff(a: dict[str, Any], b: dict[str, Any]) -> tuple[str, bool]:
    """Readable differences between two run manifests, and whether their outputs differ."""
    lines = [f"A: {a['stage']} run {a['run_id']} completed {a['completed_at']} (config {a['config']['sha256'][:12]})",
             f"B: {b['stage']} run {b['run_id']} completed {b['completed_at']} (config {b['config']['sha256'][:12]})"]
    if a["stage"] != b["stage"]:
        lines.append(f"note: comparing different stages ({a['stage']} vs {b['stage']})")
    if a["config"]["sha256"] != b["config"]["sha256"]:
        lines.append("configuration differs")
    if a["code"].get("git_commit") != b["code"].get("git_commit"):
        lines.append(f"code differs: {a['code'].get('git_commit')} -> {b['code'].get('git_commit')}")
    sections = [
        ("counts", ["count", "A", "B", "change"], _amount_rows(a["counts"], b["counts"])),
        ("documents by source/kind/lang", ["group", "A", "B", "change"],
         _keyed_rows(a["counts"]["by_source_lang"], b["counts"]["by_source_lang"], ("source", "kind", "lang"), "docs")),
        ("dropped by reason", ["reason", "A", "B", "change"],
         _keyed_rows(a.get("reasons", []), b.get("reasons", []), ("reason",), "docs")),
        ("dropped by rule (documents failing)", ["rule", "A", "B", "change"],
         _keyed_rows([{"rule": r["rule"], "docs": r["failed"]["docs"]} for r in a.get("rules", [])],
                     [{"rule": r["rule"], "docs": r["failed"]["docs"]} for r in b.get("rules", [])], ("rule",), "docs")),
    ]
    if "mixture" in a or "mixture" in b:
        sections.append(("mixture (tokens written by source)", ["source", "A", "B", "change"],
                         _keyed_rows(_mixture_sources(a), _mixture_sources(b), ("source",), "written_tokens")))
        ra = a.get("mixture", {}).get("ratio", {}).get("achieved")
        rb = b.get("mixture", {}).get("ratio", {}).get("achieved")
        if ra != rb:
            lines.append(f"achieved ratio: {ra} -> {rb}")
    for title, headers, rows in sections:
        if rows:
            lines += ["", f"{title}:"] + ["  " + ln for ln in table(headers, rows, right={1, 2, 3})]
    fa = {f["path"]: f for f in a["outputs"]["files"]}
    fb = {f["path"]: f for f in b["outputs"]["files"]}
    added, removed = sorted(set(fb) - set(fa)), sorted(set(fa) - set(fb))
    changed = sorted(p for p in set(fa) & set(fb) if fa[p]["sha256"] != fb[p]["sha256"])
    same = a["fingerprint"] == b["fingerprint"]
    lines += ["", f"outputs: {'identical' if same else 'DIFFERENT'} (fingerprints {a['fingerprint'][:12]} / "
                  f"{b['fingerprint'][:12]}); {len(added)} added, {len(removed)} removed, {len(changed)} changed"]
    for label, paths in (("+", added), ("-", removed), ("~", changed)):
        lines += [f"  {label} {p}" for p in paths[:20]] + ([f"  {label} ... {len(paths) - 20} more"] if len(paths) > 20 else [])
    return "\n".join(lines), not same


def _mixture_sources(m: dict[str, Any]) -> list[dict]:
    return m.get("mixture", {}).get("sources", [])


def lineage(path: str, store: storage.Storage) -> tuple[str, bool]:
    """The chain of run manifests from `path` back to the sources; False when an upstream changed or is gone."""
    uri = path if path.endswith(".json") else storage.join(path, mf.MANIFEST_NAME)
    lines: list[str] = []
    ok = _walk(uri, None, store, lines, depth=0)
    return "\n".join(lines), ok


def _walk(uri: str, expected_sha: str | None, store: storage.Storage, lines: list[str], depth: int) -> bool:
    pad = "  " * depth
    try:
        data = store.read_bytes(uri)
    except OSError:
        lines.append(f"{pad}MISSING {uri}")
        return False
    sha = hashlib.sha256(data).hexdigest()
    m = mf.load_path(uri, store)
    status = "" if expected_sha in (None, sha) else f"  CHANGED since recorded (expected {expected_sha[:12]})"
    out = m["counts"]["out"]
    amount = ", ".join(f"{out[k]:,} {k}" for k in ("docs", "tokens") if k in out)
    lines.append(f"{pad}{m['stage']}: run {m['run_id']} · {m['completed_at']} · {amount} · "
                 f"{len(m['outputs']['files'])} files · sha256 {sha[:12]}{status}")
    lines.append(f"{pad}  {uri}")
    ok = not status
    for up in m["inputs"].get("upstream", []):
        ok = _walk(up["uri"], up["sha256"], store, lines, depth + 1) and ok
    for src in m["inputs"].get("sources", []):
        lines.append(f"{pad}  source {src['source']} ({src['kind']}, {src['format']}): {src['uri']} · "
                     f"{src['files']:,} files · {human_bytes(src['bytes'])}")
    return ok
