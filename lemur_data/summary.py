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
    return ["", "timings: " + ", ".join(f"{k} {v:.1f}s" for k, v in t.items())]


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
    rows = [[s["source"], s["group"], f"{s['available_tokens']:,}", f"{s['planned_tokens']:,}",
             f"{s['written_tokens']:,}", f"{s['rows']:,}", f"{s['repetition']:.3f}",
             f"{s['full_copies']} + [u < {s['threshold']:.4f}]", f"{s['docs_selected']:,}/{s['docs']:,}"]
            for s in x["sources"]]
    lines += ["  " + ln for ln in table(["source", "group", "available", "planned", "written", "rows", "repetition",
                                         "copies per doc", "docs used"], rows, {2, 3, 4, 5, 6, 8})]
    dev = x["interleave"]["max_window_deviation_rows"]
    lines.append(f"  interleave: worst window of {x['interleave']['window_rows']} rows is off its target by "
                 + ", ".join(f"{g} {d:.2f}" for g, d in dev.items()) + " rows")
    s = x["stream"]
    lines.append(f"  stream: {s['documents_started']:,} document copies started, {s['documents_ended']:,} ended "
                 f"(= {s['eos_tokens']:,} EOS), {s['pieces']:,} pieces")
    return lines


SECTION_RENDERERS: list[Callable[[dict[str, Any]], list[str]]] = [
    _header, _counts, _reasons, _tokenizer, _mixture, _outputs, _validation, _timings,
]


def render(m: dict[str, Any]) -> str:
    return "\n".join(line for renderer in SECTION_RENDERERS for line in renderer(m))
