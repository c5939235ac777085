"""Readable summaries of run manifests (`lemur-data manifest show`).

Each manifest section has one renderer; a stage that adds a section adds its renderer to `SECTION_RENDERERS`.
"""

from __future__ import annotations

from typing import Any, Callable


def human_bytes(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if abs(n) < 1000 or unit == "TB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n:.1f} TB"


def table(headers: list[str], rows: list[list[Any]], right: set[int] | None = None) -> list[str]:
    right = right or set()
    cells = [[str(c) for c in headers]] + [["" if c is None else str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]

    def fmt(r: list[str]) -> str:
        return "  ".join(c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths))).rstrip()

    return [fmt(cells[0]), fmt(["-" * w for w in widths])] + [fmt(r) for r in cells[1:]]


def _header(m: dict[str, Any]) -> list[str]:
    code, orch = m["code"], m["orchestration"]
    commit = (code.get("git_commit") or "unknown")[:12]
    lines = [
        f"{m['stage']} · dataset {m['dataset']} · run {m['run_id']} · {m['status']} {m['completed_at']} "
        f"({m['duration_s']:.1f} s)",
        f"code {code['package']} {code['version']} (git {commit}), python {code['python']}, "
        f"spark {orch.get('spark_version') or '-'} on {orch.get('spark_master') or '-'}",
        f"config sha256 {m['config']['sha256'][:16]}…  seed {m['config']['seed']}",
    ]
    if orch.get("airflow"):
        a = orch["airflow"]
        lines.append(f"airflow dag {a.get('dag_id')} task {a.get('task_id')} run {a.get('run_id')}")
    return lines


def _counts(m: dict[str, Any]) -> list[str]:
    c = m["counts"]
    lines = []
    for label in ("in", "out", "dropped"):
        amount = c.get(label)
        if amount:
            parts = [f"{amount[k]:,} {k}" for k in ("files", "docs", "tokens") if k in amount]
            if "bytes" in amount:
                parts.append(human_bytes(amount["bytes"]))
            lines.append(f"{label + ':':9}{', '.join(parts)}")
    rows = [[e["source"], e["kind"], e["lang"], f"{e['docs']:,}", human_bytes(e["bytes"])]
            + ([f"{e['tokens']:,}"] if "tokens" in e else [])
            for e in c["by_source_lang"]]
    if rows:
        headers = ["source", "kind", "lang", "docs", "size"] + (["tokens"] if len(rows[0]) > 5 else [])
        lines += ["", "by source x language:"] + ["  " + ln for ln in table(headers, rows, right={3, 4, 5})]
    return lines


def _reasons(m: dict[str, Any]) -> list[str]:
    entries = m.get("reasons") or []
    if not entries:
        return ["", "dropped: nothing"]
    rows = [[e["reason"], e["category"], f"{e['docs']:,}", human_bytes(e["bytes"]),
             ", ".join(f"{s}={n}" for s, n in sorted(e["by_source"].items())),
             (e["examples"][0] if e["examples"] else "")] for e in entries]
    lines = ["", "dropped by reason (skip = policy, error = bad input):"]
    lines += ["  " + ln for ln in table(["reason", "category", "docs", "size", "by source", "example"], rows, {2, 3})]
    return lines


def _warnings(m: dict[str, Any]) -> list[str]:
    return ["", "WARNINGS:"] + [f"  {w['message']}" for w in m["warnings"]] if m.get("warnings") else []


def _rules(m: dict[str, Any]) -> list[str]:
    rules = m.get("rules")
    if not rules:
        return []
    rows = []
    for r in rules:
        if not r["evaluated"]["docs"]:
            continue
        t = r["thresholds"]
        bounds = " ".join(f"{k}={t[k]}" for k in ("min", "max") if k in t)
        if "allow_langs" in t:
            bounds += f" langs={','.join(t['allow_langs'])}"
        rows.append([r["rule"], r["action"], bounds, f"{r['evaluated']['docs']:,}", f"{r['failed']['docs']:,}",
                     human_bytes(r["failed"]["bytes"]), f"{r['first_failure']['docs']:,}",
                     f"~{r['tokens_failed_estimate']:,}"])
    lines = ["", "rules (failed = dropped or flagged by the rule; first = rejected with it as first reason; "
                 "tokens are an estimate):"]
    lines += ["  " + ln for ln in table(["rule", "action", "thresholds", "evaluated", "failed", "failed size", "first",
                                         "tokens"], rows, right={3, 4, 5, 6, 7})]
    quality_sha = m.get("inputs", {}).get("models", {}).get("quality")
    if quality_sha:
        lines.append(f"  quality classifier (quality.fasttext_v1): model sha256 {quality_sha}")
    return lines


def _pii(m: dict[str, Any]) -> list[str]:
    p = m.get("pii")
    if not p:
        return []
    if not p["enabled"]:
        return ["", "pii: redaction off"]
    found = ", ".join(f"{k}={v:,}" for k, v in sorted(p["by_type"].items())) or "none found"
    return ["", f"pii: {p['findings']:,} findings redacted in {p['docs_redacted']:,} documents ({found})"]


def _decontamination(m: dict[str, Any]) -> list[str]:
    d = m.get("decontamination")
    if not d:
        return []
    if not d["enabled"]:
        return ["", "decontamination: off"]
    benches = ", ".join(f"{b['name']} ({b.get('items', 0)} items, {b.get('docs_matched', 0):,} docs matched)"
                        for b in d["benchmarks"])
    lines = ["", f"decontamination: {d['ngram']}-grams, overlap >= {d['min_overlap']} against {benches}: "
                 f"{d['docs_matched']:,} documents matched ({d['action']})"]
    for item in d["items_matched"][:10]:
        lines.append(f"  {item['item']}: {item['docs']} docs, e.g. {item['examples'][0] if item['examples'] else '-'}")
    return lines


def _outputs(m: dict[str, Any]) -> list[str]:
    files = m["outputs"]["files"]
    total = sum(f["bytes"] for f in files)
    return ["", f"outputs: {len(files)} files, {human_bytes(total)} in {', '.join(m['outputs']['dirs'])}/ "
                f"· fingerprint {m['fingerprint'][:16]}…"]


def _validation(m: dict[str, Any]) -> list[str]:
    checks = m["validation"]
    failed = [c for c in checks if not c["passed"]]
    lines = ["", f"validation: {len(checks) - len(failed)}/{len(checks)} checks passed"]
    for c in failed:
        lines.append(f"  FAILED {c['check']}: expected {c['expected']}, observed {c['observed']}")
    return lines


def _timings(m: dict[str, Any]) -> list[str]:
    t = m.get("timings")
    if not t:
        return []
    return ["", "timings: " + ", ".join(timing_entry(k, v) for k, v in t.items())]


def timing_entry(key: str, value: float) -> str:
    """`sketch_s 10.0s`; the other entries by name: bytes (`shuffle_bytes_written`) human-readable, counts
    (`docs_not_rescored`) as whole numbers, whether the value came as an int (manifest show) or a float (report)."""
    if key.endswith("_s"):
        return f"{key} {value:.1f}s"
    return f"{key} {human_bytes(value)}" if "bytes" in key else f"{key} {int(value):,}"


def _tokenizer(m: dict[str, Any]) -> list[str]:
    t = m.get("tokenizer")
    if not t:
        return []
    bos = "none" if t["bos_id"] is None else t["bos_id"]
    lines = ["", f"tokenizer: {t['format']} {t['path']}",
             f"  sha256 {t['sha256'][:16]}…  vocab {t['vocab_size']:,}  eos {t['eos_id']}  bos {bos}"
             f"{' (prepended)' if t['add_bos'] else ''}  token dtype {t['token_dtype_hint']}"]
    if t.get("by_source"):
        rows = [[e["source"], e["kind"], f"{e['docs']:,}", human_bytes(e["bytes"]), f"{e['tokens']:,}",
                 "" if e["bytes_per_token"] is None else f"{e['bytes_per_token']:.2f}"] for e in t["by_source"]]
        lines += ["  tokens per source:"]
        lines += ["    " + ln for ln in table(["source", "kind", "docs", "size", "tokens", "bytes/token"], rows,
                                              {2, 3, 4, 5})]
        lines.append(f"  tokenizer loaded {t['worker_loads']} time(s) in {t['worker_processes']} worker process(es) "
                     f"for {t['tasks']} task(s)")
    return lines


def _repositories(m: dict[str, Any]) -> list[str]:
    r = m.get("repositories")
    if not r:
        return []
    share = "n/a" if r["edges_forward_fraction"] is None else f"{r['edges_forward_fraction']:.2%}"
    return ["", f"repository documents ({', '.join(r['sources'])}): {r['files']:,} files of {r['repositories']:,} "
                f"repositories -> {r['documents']:,} documents ({r['oversized_parts']:,} single files above "
                f"max_tokens)",
            f"  import edges {r['edges']:,}, target before source {share}; files in import cycles "
            f"{r['files_in_cycles']:,}"]


def _mixture(m: dict[str, Any]) -> list[str]:
    x = m.get("mixture")
    if not x:
        return []
    ratio = x["ratio"]
    errors = ", ".join(f"{g} {e:+.3%}" for g, e in ratio["relative_error"].items())
    lines = ["", f"mixture: {x['rows']:,} rows x {x['seq_len']:,} tokens = {x['tokens']:,} tokens in "
                 f"{x['num_shards']} shard(s) (budget {x['budget_tokens']:,}, seed {x['seed']})",
             f"  ratio {':'.join(g['group'] for g in x['groups'])}: target {ratio['target']}, "
             f"ACHIEVED {ratio['achieved']} (error {errors}; tolerance +-{ratio['tolerance']:.2%})"]
    rows = [[s["source"], s["group"], s.get("documents", "file"), f"{s['available_tokens']:,}",
             f"{s['planned_tokens']:,}", f"{s['written_tokens']:,}", f"{s['rows']:,}", f"{s['repetition']:.3f}",
             f"{s['full_copies']} + [u < {s['threshold']:.4f}]", f"{s['docs_selected']:,}/{s['docs']:,}"]
            for s in x["sources"]]
    lines += ["  " + ln for ln in table(["source", "group", "documents", "available", "planned", "written", "rows",
                                         "repetition", "copies per doc", "docs used"], rows, {3, 4, 5, 6, 7, 9})]
    dev = x["interleave"]["max_window_deviation_rows"]
    lines.append(f"  interleave: worst window of {x['interleave']['window_rows']} rows is off its target by "
                 + ", ".join(f"{g} {d:.2f}" for g, d in dev.items()) + " rows")
    s = x["stream"]
    lines.append(f"  stream: {s['documents_started']:,} document copies started, {s['documents_ended']:,} ended "
                 f"(= {s['eos_tokens']:,} EOS), {s['pieces']:,} pieces")
    return lines


def dedup_lines(m: dict[str, Any]) -> list[str]:
    """The dedup section: parameters, removed exact / near per source x language, clusters, index."""
    d = m.get("dedup")
    if not d:
        return []
    p = d["params"]
    lines = ["", f"dedup: {p['num_perm']} perms = {p['bands']} bands x {p['rows']} rows, threshold {p['threshold']} "
                 f"(LSH recall at threshold {p['lsh_recall_at_threshold']:.3f}), seed {p['seed']}, hash {p['hash']}, "
                 f"scope {p['scope']}, verify {p['verify']} (exact check within {p['exact_check_margin']})",
             f"  shingles: code {p['code_shingles']['ngram']}-grams"
             f"{' lowercased' if p['code_shingles']['lowercase'] else ''}, text {p['text_shingles']['ngram']}-grams"
             f"{' lowercased' if p['text_shingles']['lowercase'] else ''}; below {p['min_shingles']} shingles exact "
             f"only ({d['exact_only_docs']:,} docs); survivor ranking {' > '.join(p['ranking'])}"]
    removed = ", ".join(f"{k} {v['docs']:,} ({human_bytes(v['bytes'])})" for k, v in d["removed"].items() if v["docs"])
    lines.append(f"  removed: {removed or 'nothing'}")
    if r := d.get("repositories"):
        lines.append(f"  repositories: {r['repositories']:,} compared ({r['files_in_repositories']:,} files); "
                     f"{r['removed_repositories']:,} near duplicates removed whole ({r['removed_docs']:,} files)")
    c = d["candidates"]
    lines.append(f"  candidates: {c['pairs']:,} pairs; kept by estimate {c['kept_by_estimate'] or 0:,}, grey zone "
                 f"{c['grey_zone']:,} (kept {c['grey_zone_kept']:,}); components by {d['components']['method']} over "
                 f"{d['components']['edges']:,} edges")
    rows = [[e["source"], e["kind"], e["lang"], f"{e['docs_in']:,}", f"{e['docs_out']:,}",
             f"{e['exact_duplicate'] + e['exact_duplicate_of_indexed']:,}",
             f"{e['near_duplicate'] + e['near_duplicate_of_indexed']:,}", human_bytes(e["bytes_in"] - e["bytes_out"])]
            for e in d["by_source_lang"] if e["docs_in"] != e["docs_out"]]
    if rows:
        lines += ["  removed by source x language:"]
        lines += ["    " + ln for ln in table(["source", "kind", "lang", "in", "out", "exact", "near", "size removed"],
                                              rows, right={3, 4, 5, 6, 7})]
    cl = d["clusters"]
    lines.append(f"  clusters: {cl['clusters']:,} ({cl['multi_member']:,} with duplicates); size histogram "
                 + ", ".join(f"{k}: {v:,}" for k, v in cl["histogram"].items()))
    for big in cl["largest"][:5]:
        who = f"{big['survivor']['source']}:{big['survivor']['locator']}" if big["survivor"] else "(indexed earlier)"
        lines.append(f"    size {big['size']:>4}  {big['cluster_id'][:16]}…  keeps {who}; e.g. "
                     + ", ".join(big["examples"][:3]))
    idx = d["index"]
    lines.append(f"  index: {idx['rows']:,} representatives written; against {len(idx['earlier'])} earlier run(s), "
                 f"{sum(f['rows'] for f in idx['inherited']):,} indexed documents")
    lines.append("  inspect a cluster: lemur-data dedup inspect OUT --cluster ID")
    return lines


SECTION_RENDERERS: list[Callable[[dict[str, Any]], list[str]]] = [
    _header, _warnings, _counts, _reasons, _rules, _pii, _decontamination, dedup_lines, _tokenizer, _repositories,
    _mixture, _outputs, _validation, _timings,
]


def render(m: dict[str, Any]) -> str:
    return "\n".join(line for renderer in SECTION_RENDERERS for line in renderer(m))
