"""Commands that run the pipeline: `run` (all stages or a subset), one command per stage, `mix plan`."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from lemur_data.config import ConfigError, load_manifest


def stage_names() -> list[str]:
    from lemur_data.stages import STAGES  # noqa: PLC0415 - keeps `--help` and `manifest` free of pyspark imports

    return list(STAGES)


def add_commands(sub: Any) -> None:
    run = sub.add_parser("run", help="run the pipeline's stages in order (skipping those already up to date)",
                         description="Run every stage in order; a stage whose inputs and settings have not changed "
                                     "since its last completed run is skipped.")
    _add_run_options(run)
    run.add_argument("--stages", help="comma-separated subset of stages to run, in pipeline order "
                                      f"(default: all of {', '.join(stage_names())})")
    run.set_defaults(func=_run_selected)

    for name in stage_names():
        p = sub.add_parser(name, help=f"run the {name} stage only",
                           description=_STAGE_HELP.get(name, f"Run the {name} stage."),
                           epilog=_STAGE_EPILOGS.get(name))
        if name == "mix":
            p.add_argument("action", nargs="?", choices=["plan"], metavar="plan",
                           help="only print the mixture plan (source, available tokens, target, selected, "
                                "repetition) from the tokenize manifest's counts; no Spark, nothing written")
        _add_run_options(p)
        p.set_defaults(func=_mix if name == "mix" else _run_one)


_STAGE_HELP = {
    "tokenize": "Run the tokenize stage: encode every document of the previous stage with the manifest's tokenizer "
                "(`tokenizer.path`: sentencepiece .model or Hugging Face tokenizer.json) into the per-document "
                "token cache <output>/tokens/ (EOS appended); the manifest records the tokenizer's sha256, vocab "
                "size, BOS / EOS ids and the tokens per source.",
    "mix": "Run the mix stage: plan the token mixture from the tokenize manifest's counts (`mix:` budget, group "
           "ratios, weights, max repetition), select documents by hash, pack them into rows of exactly seq_len "
           "tokens, interleave the sources, and write <output>/shards/ (Parquet), <output>/provenance/ and "
           "<output>/mix-plan/plan.json. `lemur-data mix plan MANIFEST` prints the plan only.",
}


_STAGE_EPILOGS = {
    "dedup": "to list the members of one duplicate cluster: lemur-data dedup inspect OUT --cluster ID "
             "(see `lemur-data dedup inspect --help`)",
}


def _add_run_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("dataset_manifest", metavar="MANIFEST", help="dataset manifest (YAML), e.g. manifests/demo.yaml")
    p.add_argument("--force", action="store_true", help="recompute even if the committed output is up to date")
    p.add_argument("--verify", action="store_true",
                   help="before skipping a stage as up to date, check the sha256 of every output file against its "
                        "manifest (reads all outputs; by default sizes are compared and only files modified after "
                        "the manifest are hashed)")
    p.add_argument("--output", help="override the manifest's output root (local path or s3://bucket/prefix)")
    p.add_argument("--master", help="Spark master for a local launch (default local[*]; ignored under spark-submit)")
    p.add_argument("--conf", action="append", default=[], metavar="KEY=VALUE",
                   help="extra Spark setting, repeatable (e.g. --conf spark.driver.memory=8g)")


def _parse_conf(items: list[str]) -> dict[str, str]:
    conf = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.startswith("spark."):
            raise ConfigError(f"--conf {item!r}: expected spark.KEY=VALUE")
        conf[key] = value
    return conf


def _run(args: argparse.Namespace, stages: list[str]) -> int:
    from lemur_data.runner import run_stages  # noqa: PLC0415
    from lemur_data.stage import RunContext  # noqa: PLC0415
    from lemur_data.stages import STAGES  # noqa: PLC0415

    cfg = load_manifest(args.dataset_manifest, output=args.output)
    ctx = RunContext(cfg, STAGES, force=args.force, verify=args.verify, master=args.master,
                     spark_conf=_parse_conf(args.conf))
    results = run_stages(ctx, stages)
    print(f"\ndataset {cfg.name}: output root {cfg.output}")
    for name, m in results:
        print("\n".join(stage_lines(name, m, ctx.manifest_uri(STAGES[name]))))
    print(f"inspect with: lemur-data manifest show {ctx.manifest_uri(STAGES[stages[-1]])}")
    return 0 if all(c["passed"] for _, m in results for c in m["validation"]) else 3


def stage_lines(name: str, m: dict[str, Any], manifest_uri: str) -> list[str]:
    """A stage's lines in the run's summary: counts, checks, warnings (which must not scroll by unseen), mixture."""
    out = m["counts"]["out"]
    amount = ", ".join(f"{out[k]:,} {k}" for k in ("docs", "tokens") if k in out)
    failed = [c["check"] for c in m["validation"] if not c["passed"]]
    status = "ok" if not failed else f"FAILED CHECKS: {'; '.join(failed)}"
    lines = [f"  {name:9} {amount:28} manifest {manifest_uri}  [{status}]"]
    lines += [f"  {'':9} WARNING {w['message']}" for w in m.get("warnings", ())]
    if "mixture" in m:
        ratio, groups = m["mixture"]["ratio"], ":".join(g["group"] for g in m["mixture"]["groups"])
        lines.append(f"  {'':9} {groups} achieved {ratio['achieved']} (target {ratio['target']}) in "
                     f"{m['mixture']['num_shards']} shard(s) of {m['mixture']['seq_len']}-token rows")
    return lines


def _select_stages(spec: str | None) -> list[str]:
    names = stage_names()
    if not spec:
        return names
    wanted = [s.strip() for s in spec.split(",") if s.strip()]
    unknown = [s for s in wanted if s not in names]
    if unknown:
        raise ConfigError(f"--stages: unknown stage(s) {unknown}; expected some of {names}")
    return [n for n in names if n in wanted]


def _run_selected(args: argparse.Namespace) -> int:
    return _run(args, _select_stages(args.stages))


def _run_one(args: argparse.Namespace) -> int:
    return _run(args, [args.command])


def _mix(args: argparse.Namespace) -> int:
    return _mix_plan(args) if args.action == "plan" else _run_one(args)


def _mix_plan(args: argparse.Namespace) -> int:
    from lemur_data import mixture  # noqa: PLC0415
    from lemur_data.stage import RunContext  # noqa: PLC0415
    from lemur_data.stages import STAGES  # noqa: PLC0415

    cfg = load_manifest(args.dataset_manifest, output=args.output)
    ctx = RunContext(cfg, STAGES)
    upstream, _, uri = ctx.upstream(ctx.previous_stage("mix"))
    plan = mixture.plan_mixture(cfg, mixture.available_from_manifest(upstream))
    print(f"token counts from {uri}")
    print("\n".join(mixture.plan_table(plan)))
    problems = plan.problems()
    if problems:
        print("\nlemur-data: error: mix plan is infeasible:", file=sys.stderr)
        for p in problems:
            print(f"  - {p}", file=sys.stderr)
        return 2
    return 0
