"""The mixture plan: from token counts alone (no pass over the data) to exact per-source row counts.

    rows N        = budget_tokens // seq_len                       (every row holds exactly seq_len tokens)
    group rows    = Hamilton apportionment of N by the group ratios (e.g. code:text = 10:1)
    source rows   = Hamilton apportionment of its group's rows by the source weights
                    (proportional to tokens, temperature-scaled, or explicit)
    repetition r  = source rows * seq_len / available tokens      (must be <= the source's max repetition)

Rows are single-source, so apportioning rows (not tokens) makes every total exact: the stream has exactly
N * seq_len tokens and each group exactly its rows * seq_len. An infeasible plan (a source that would need more
repetition than allowed, a group without tokens, a budget too small to meet the ratio tolerance) fails with a
message that names the source or group, its shortfall and the key to change.

`interleave` orders the rows: each next row goes to the group, then to the source of that group, with the greatest
sampling error (Megatron's blend), so every window of the stream stays within two rows of the target ratio.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from fractions import Fraction
from typing import Any

import numpy as np

from lemur_data.config import ConfigError, DatasetManifest


@dataclass(frozen=True)
class Available:
    """What the tokenize stage found for one source."""

    source: str
    kind: str
    docs: int
    tokens: int


@dataclass(frozen=True)
class SourcePlan:
    source: str
    source_id: int  # position in the dataset manifest's `sources` (the shards' `source_id`)
    group: str
    kind: str
    docs: int
    available_tokens: int
    weight: float  # share of the group's tokens
    target_tokens: float  # ideal (unrounded) tokens: budget x group share x weight
    rows: int
    selected_tokens: int  # rows * seq_len: exactly what the shards will hold
    repetition: float  # selected / available
    max_repetition: float
    shortfall_tokens: int  # tokens missing for the plan to be feasible (0 when feasible)

    @property
    def full_copies(self) -> int:
        """Full passes over the source (every document this many times), before the partial pass."""
        return self.selected_tokens // self.available_tokens if self.available_tokens else 0

    @property
    def partial_tokens(self) -> int:
        """Tokens taken by the last, partial pass (documents in hash order until the row count is filled)."""
        return self.selected_tokens - self.full_copies * self.available_tokens


@dataclass(frozen=True)
class GroupPlan:
    group: str
    ratio: float
    target_share: float
    rows: int
    tokens: int

    def share(self, total_rows: int) -> float:
        return self.rows / total_rows if total_rows else 0.0


@dataclass(frozen=True)
class MixPlan:
    seq_len: int
    budget_tokens: int
    rows: int
    seed: int
    ratio_tolerance: float
    groups: tuple[GroupPlan, ...]
    sources: tuple[SourcePlan, ...]

    @property
    def tokens(self) -> int:
        return self.rows * self.seq_len

    @property
    def reference_group(self) -> GroupPlan:
        """The group ratios are shown against: the one with the smallest ratio (text in code:text = 10:1)."""
        return min(reversed(self.groups), key=lambda g: g.ratio)

    def ratio_errors(self, tokens_by_group: dict[str, int] | None = None) -> dict[str, float]:
        """Relative error of each group's achieved ratio to the reference group (planned rows by default)."""
        tokens = tokens_by_group or {g.group: g.tokens for g in self.groups}
        ref = self.reference_group
        out = {}
        for g in self.groups:
            if g is ref:
                continue
            target = g.ratio / ref.ratio
            achieved = tokens[g.group] / tokens[ref.group] if tokens[ref.group] else math.inf
            out[g.group] = achieved / target - 1
        return out

    def ratio_text(self, tokens_by_group: dict[str, int] | None = None) -> tuple[str, str]:
        """('10:1', '10.0000:1'): the target and achieved group ratios, in `groups` order."""
        tokens = tokens_by_group or {g.group: g.tokens for g in self.groups}
        ref = self.reference_group
        target = ":".join(_num(g.ratio) for g in self.groups)
        if not tokens[ref.group]:
            return target, "undefined (reference group has no tokens)"
        achieved = ":".join(f"{tokens[g.group] / tokens[ref.group] * ref.ratio:.4f}" if g is not ref
                            else _num(ref.ratio) for g in self.groups)
        return target, achieved

    def problems(self) -> list[str]:
        """Why the plan cannot be carried out; empty when it can."""
        found = []
        for s in self.sources:
            if s.shortfall_tokens:
                found.append(
                    f"source {s.source!r} (group {s.group}) is short by {s.shortfall_tokens:,} tokens: the plan "
                    f"needs {s.selected_tokens:,} tokens from its {s.available_tokens:,} (repetition "
                    f"{s.repetition:.3f} > max {_num(s.max_repetition)}). Lower mix.budget_tokens, raise "
                    f"mix.max_repetition (or mix.max_repetition_by_source.{s.source}), or change the group's "
                    f"ratio / weights.")
        for g in self.groups:
            members = [s for s in self.sources if s.group == g.group]
            if not any(s.available_tokens for s in members):
                found.append(f"group {g.group!r} has no tokens (sources: {', '.join(s.source for s in members)}); "
                             f"its ratio {_num(g.ratio)} cannot be met")
        for group, err in self.ratio_errors().items():
            if not abs(err) <= self.ratio_tolerance:
                target, achieved = self.ratio_text()
                found.append(f"mix.budget_tokens: {self.budget_tokens:,} tokens give {self.rows:,} rows of "
                             f"{self.seq_len}; rounding to whole rows gives ratio {achieved} for target {target} "
                             f"(group {group!r} off by {err:+.3%}, tolerance {self.ratio_tolerance:.2%}): "
                             f"raise the budget or lower mix.seq_len")
        return found

    def to_json(self) -> dict[str, Any]:
        target, achieved = self.ratio_text()
        return {
            "seq_len": self.seq_len, "budget_tokens": self.budget_tokens, "rows": self.rows, "tokens": self.tokens,
            "seed": self.seed, "ratio_tolerance": self.ratio_tolerance,
            "ratio": {"target": target, "planned": achieved, "reference_group": self.reference_group.group},
            "groups": [{**asdict(g), "share": round(g.share(self.rows), 6)} for g in self.groups],
            "sources": [{**asdict(s), "full_copies": s.full_copies, "partial_tokens": s.partial_tokens}
                        for s in self.sources],
        }


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def hamilton(total: int, weights: list[Fraction]) -> list[int]:
    """Largest-remainder apportionment: integers proportional to `weights` that sum exactly to `total`.

    Ties in the remainders go to the earlier entry, so the result is deterministic.
    """
    weight_sum = sum(weights, Fraction(0))
    if total == 0 or weight_sum == 0:
        return [0] * len(weights)
    quotas = [total * w / weight_sum for w in weights]
    seats = [math.floor(q) for q in quotas]
    left = total - sum(seats)
    order = sorted(range(len(weights)), key=lambda i: (-(quotas[i] - seats[i]), i))
    for i in order[:left]:
        seats[i] += 1
    return seats


def source_weights(cfg: DatasetManifest, group: str, members: list[Available]) -> list[Fraction]:
    """Un-normalised weights of a group's sources, by the group's weighting rule."""
    g = cfg.mix.groups[group]
    if g.weighting == "explicit":
        return [Fraction(g.weights.get(a.source, 0.0)) for a in members]
    if g.weighting == "temperature" and g.temperature != 1.0:
        total = sum(a.tokens for a in members)
        return [Fraction((a.tokens / total) ** (1.0 / g.temperature)) if total and a.tokens else Fraction(0)
                for a in members]
    return [Fraction(a.tokens) for a in members]


def plan_mixture(cfg: DatasetManifest, available: dict[str, Available]) -> MixPlan:
    """The plan for `cfg.mix` over the token counts in `available` (source name -> counts)."""
    mix = cfg.mix
    missing = [s.name for s in cfg.sources if s.name not in available]
    if missing:
        raise ConfigError(f"the tokenize manifest has no token counts for source(s) {missing}; rerun tokenize")
    n_rows = mix.budget_tokens // mix.seq_len
    group_names = list(mix.groups)
    group_rows = hamilton(n_rows, [Fraction(mix.groups[g].ratio) for g in group_names])
    ratio_sum = sum(mix.groups[g].ratio for g in group_names)
    membership = mix.group_of(cfg.sources)
    source_ids = {s.name: i for i, s in enumerate(cfg.sources)}
    groups, sources = [], []
    for g, rows in zip(group_names, group_rows):
        members = [available[s.name] for s in cfg.sources if membership[s.name] == g]
        weights = source_weights(cfg, g, members)
        weight_sum = sum(weights, Fraction(0))
        target_share = mix.groups[g].ratio / ratio_sum
        groups.append(GroupPlan(g, mix.groups[g].ratio, round(target_share, 9), rows, rows * mix.seq_len))
        for a, w, r in zip(members, weights, hamilton(rows, weights)):
            share = float(w / weight_sum) if weight_sum else 0.0
            selected = r * mix.seq_len
            cap = mix.max_repetition_of(a.source)
            allowed = math.floor(cap * a.tokens)
            sources.append(SourcePlan(
                source=a.source, source_id=source_ids[a.source], group=g, kind=a.kind, docs=a.docs,
                available_tokens=a.tokens, weight=round(share, 9),
                target_tokens=round(mix.budget_tokens * target_share * share, 3), rows=r, selected_tokens=selected,
                repetition=round(selected / a.tokens, 6) if a.tokens else (0.0 if not selected else math.inf),
                max_repetition=cap, shortfall_tokens=max(0, selected - allowed),
            ))
    sources.sort(key=lambda s: s.source_id)
    # NOTE: every source is in exactly one group (config check), so sources[i].source_id == i: `interleave`
    # returns indices into this tuple and the shards store them as source_id.
    assert [s.source_id for s in sources] == list(range(len(cfg.sources)))
    return MixPlan(mix.seq_len, mix.budget_tokens, n_rows, cfg.seed, mix.ratio_tolerance, tuple(groups),
                   tuple(sources))


def available_from_manifest(tokenize_manifest: dict[str, Any]) -> dict[str, Available]:
    """Token counts per source, as recorded by the tokenize stage."""
    return {e["source"]: Available(e["source"], e["kind"], e["docs"], e["tokens"])
            for e in tokenize_manifest["tokenizer"]["by_source"]}


def check_feasible(plan: MixPlan) -> None:
    problems = plan.problems()
    if problems:
        raise ConfigError("mix plan is infeasible:\n  - " + "\n  - ".join(problems))


def interleave(rows_per_source: list[int], group_of_source: list[int]) -> np.ndarray:
    """The source of every row of the stream (index into `rows_per_source`), Megatron-style, in two levels.

    Row n goes to the group with the greatest sampling error rows_g * (n + 1) / N - taken_g, and within that group
    to the source with the greatest sampling error in the group's own row sequence. Two levels keep the group
    ratio (what the plan promises) within one row of its target at every prefix; each source gets exactly its rows.
    """
    groups = sorted(set(group_of_source))
    group_rows = [sum(r for r, g in zip(rows_per_source, group_of_source) if g == gid) for gid in groups]
    group_seq = _greatest_error_first(group_rows)
    out = np.empty(len(group_seq), dtype=np.int16)
    for i, gid in enumerate(groups):
        members = np.array([s for s, g in enumerate(group_of_source) if g == gid], dtype=np.int16)
        inner = _greatest_error_first([rows_per_source[s] for s in members])
        out[group_seq == i] = members[inner]
    return out


def _greatest_error_first(rows: list[int]) -> np.ndarray:
    """Row n goes to the entry with the largest rows_i * (n + 1) / N - taken_i among those with rows left."""
    total = sum(rows)
    out = np.empty(total, dtype=np.int16)
    taken = [0] * len(rows)
    active = [i for i, r in enumerate(rows) if r > 0]
    for n in range(total):
        n1 = n + 1
        best, best_err = -1, None
        for i in active:
            # the error times N, in integers: no float rounding can make two runs disagree (ties: lower index)
            err = rows[i] * n1 - taken[i] * total
            if best_err is None or err > best_err:
                best, best_err = i, err
        out[n] = best
        taken[best] += 1
        if taken[best] == rows[best]:
            active.remove(best)
    return out


def window_deviation(sequence: np.ndarray, members: list[int], share: float, window: int) -> float:
    """Largest |rows of `members` - share x window| over every window of `window` consecutive rows."""
    if len(sequence) == 0:
        return 0.0
    window = min(window, len(sequence))
    hits = np.isin(sequence, members).astype(np.int64)
    cum = np.concatenate([[0], np.cumsum(hits)])
    counts = cum[window:] - cum[:-window]
    return float(np.max(np.abs(counts - share * window)))


def plan_table(plan: MixPlan) -> list[str]:
    """The plan as text: one line per source, then groups and the ratio (`lemur-data mix plan`)."""
    from lemur_data.summary import table  # noqa: PLC0415 - summary is the one place for text tables

    rows = []
    for s in plan.sources:
        status = "ok" if not s.shortfall_tokens else f"SHORT by {s.shortfall_tokens:,}"
        rows.append([s.source, s.group, f"{s.docs:,}", f"{s.available_tokens:,}", f"{s.weight:.2%}",
                     f"{s.target_tokens:,.0f}", f"{s.selected_tokens:,}", f"{s.rows:,}", f"{s.repetition:.3f}",
                     _num(s.max_repetition), status])
    target, achieved = plan.ratio_text()
    lines = [f"mixture plan: {plan.rows:,} rows x {plan.seq_len} tokens = {plan.tokens:,} tokens "
             f"(budget {plan.budget_tokens:,}), seed {plan.seed}", ""]
    lines += table(["source", "group", "docs", "available", "weight", "target", "selected", "rows", "repetition",
                    "max", "status"], rows, right={2, 3, 4, 5, 6, 7, 8, 9})
    lines += ["", "groups: " + ", ".join(f"{g.group} {g.rows:,} rows ({g.share(plan.rows):.4%}, target "
                                         f"{g.target_share:.4%})" for g in plan.groups),
              f"ratio {'/'.join(g.group for g in plan.groups)}: target {target}, planned {achieved}"]
    return lines
