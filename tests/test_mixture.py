"""The mixture plan from token counts alone: Hamilton apportionment, weights, feasibility, interleave."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
import yaml

from lemur_data import mixture
from lemur_data.config import ConfigError, parse_manifest
from tests.conftest import DEMO_MANIFEST

# Token counts of the demo corpus's sources as crawled (before filter and dedup), from a tokenize run.
DEMO_COUNTS = {
    "py-stdlib": ("code", 87, 461_132), "repos": ("code", 149, 625_611), "archives": ("code", 88, 284_266),
    "the-stack": ("code", 80, 576_749), "web-docs": ("text", 25, 68_782), "docs-text": ("text", 48, 332_677),
    "redpajama": ("text", 30, 79_150), "refinedweb": ("text", 20, 66_690),
}


def available(counts=DEMO_COUNTS) -> dict[str, mixture.Available]:
    return {name: mixture.Available(name, kind, docs, tokens) for name, (kind, docs, tokens) in counts.items()}


def config(**mix):
    raw = yaml.safe_load(DEMO_MANIFEST.read_text())
    raw["mix"] = {**raw.get("mix", {}), **mix}
    return parse_manifest(raw, origin="test.yaml", base_dir=DEMO_MANIFEST.parent)


def test_hamilton_is_exact_and_within_one_of_every_quota():
    rng = np.random.default_rng(7)
    for _ in range(300):
        n = int(rng.integers(1, 12))
        weights = [Fraction(int(w)) for w in rng.integers(0, 1000, size=n)]
        if not any(weights):
            continue
        total = int(rng.integers(0, 10**7))
        seats = mixture.hamilton(total, weights)
        assert sum(seats) == total
        for s, w in zip(seats, weights):
            quota = total * w / sum(weights)
            assert math.floor(quota) <= s <= math.ceil(quota)
    # largest remainder wins: quotas 3.5, 2.1, 1.4 -> floors 3, 2, 1, the spare seat to the .5
    assert mixture.hamilton(7, [Fraction(5), Fraction(3), Fraction(2)]) == [4, 2, 1]
    # ties go to the earlier entry
    assert mixture.hamilton(1, [Fraction(1), Fraction(1)]) == [1, 0]


@pytest.mark.parametrize("budget,direction", [(1_126_400, "down"), (4_505_600, "mixed"), (6_082_560, "up")])
def test_plan_totals_and_ratio_are_exact(budget, direction):
    cfg = config(budget_tokens=budget, seq_len=2048)
    plan = mixture.plan_mixture(cfg, available())
    assert plan.problems() == []
    assert plan.rows == budget // 2048
    assert sum(s.rows for s in plan.sources) == plan.rows
    assert sum(s.selected_tokens for s in plan.sources) == plan.tokens == plan.rows * 2048
    code = sum(s.selected_tokens for s in plan.sources if s.group == "code")
    text = sum(s.selected_tokens for s in plan.sources if s.group == "text")
    assert abs(code / text / 10 - 1) <= 0.005
    for s in plan.sources:
        assert s.repetition == pytest.approx(s.selected_tokens / s.available_tokens, abs=1e-6)
        group_rows = next(g.rows for g in plan.groups if g.group == s.group)
        group_tokens = sum(a.tokens for a in available().values() if a.kind == s.kind)
        assert abs(s.rows - group_rows * s.available_tokens / group_tokens) < 1, "proportional within a row"
    reps = [s.repetition for s in plan.sources]
    if direction == "down":
        assert max(reps) < 1
    elif direction == "up":
        assert min(reps) > 1
    else:
        assert min(reps) < 1 < max(reps)


def test_infeasible_plan_names_the_source_and_its_shortfall():
    cfg = config(budget_tokens=4_505_600, seq_len=2048, max_repetition=4, max_repetition_by_source={"archives": 1.5})
    plan = mixture.plan_mixture(cfg, available())
    archives = next(s for s in plan.sources if s.source == "archives")
    expected_short = archives.selected_tokens - math.floor(1.5 * 284_266)
    assert expected_short > 0 and archives.shortfall_tokens == expected_short
    with pytest.raises(ConfigError) as err:
        mixture.check_feasible(plan)
    message = str(err.value)
    assert "source 'archives'" in message and f"short by {expected_short:,} tokens" in message
    assert "mix.max_repetition_by_source.archives" in message
    assert "py-stdlib" not in message, "only the infeasible source is named"


def test_budget_too_small_for_the_ratio_and_group_without_tokens_fail_clearly():
    tiny = mixture.plan_mixture(config(budget_tokens=40_000, seq_len=2048), available())
    assert any(p.startswith("mix.budget_tokens: 40,000 tokens give 19 rows") for p in tiny.problems())
    no_text = {k: (kind, docs, 0 if kind == "text" else tokens) for k, (kind, docs, tokens) in DEMO_COUNTS.items()}
    plan = mixture.plan_mixture(config(budget_tokens=4_505_600, seq_len=2048), available(no_text))
    assert any("group 'text' has no tokens" in p for p in plan.problems())


def test_weighting_rules():
    groups = {"code": {"ratio": 10, "kinds": ["code"], "weighting": "temperature", "temperature": 1000.0},
              "text": {"ratio": 1, "kinds": ["text"], "weighting": "explicit",
                       "weights": {"docs-text": 3, "redpajama": 1}}}
    plan = mixture.plan_mixture(config(budget_tokens=4_505_600, seq_len=2048, groups=groups), available())
    rows = {s.source: s.rows for s in plan.sources}
    code_rows = [rows[s] for s in ("py-stdlib", "repos", "archives", "the-stack")]
    assert max(code_rows) - min(code_rows) <= 10, "a very high temperature gives nearly equal shares"
    assert rows["web-docs"] == rows["refinedweb"] == 0, "explicit weights leave out unnamed sources"
    text_rows = next(g.rows for g in plan.groups if g.group == "text")
    assert abs(rows["docs-text"] - text_rows * 3 / 4) < 1 and abs(rows["redpajama"] - text_rows / 4) < 1
    proportional = mixture.plan_mixture(config(budget_tokens=4_505_600, seq_len=2048), available())
    temp_one = {**groups, "code": {**groups["code"], "temperature": 1.0}}
    same = mixture.plan_mixture(config(budget_tokens=4_505_600, seq_len=2048, groups=temp_one), available())
    assert [s.rows for s in same.sources if s.group == "code"] == \
           [s.rows for s in proportional.sources if s.group == "code"]


def test_config_checks_group_membership_before_anything_runs():
    with pytest.raises(ConfigError, match=r"mix\.groups: source 'web-docs' \(kind text\) is in no group"):
        config(groups={"code": {"ratio": 10, "kinds": ["code"]},
                       "text": {"ratio": 1, "sources": ["docs-text", "redpajama", "refinedweb"]}})
    with pytest.raises(ConfigError, match=r"source 'repos' is in groups \['code', 'mine'\]"):
        config(groups={"code": {"ratio": 10, "kinds": ["code"]}, "mine": {"ratio": 1, "sources": ["repos"]},
                       "text": {"ratio": 1, "kinds": ["text"]}})


def test_interleave_keeps_groups_and_sources_within_a_row_of_their_targets_at_every_prefix():
    rows = [474, 642, 292, 592, 25, 122, 29, 24]
    groups = [0, 0, 0, 0, 1, 1, 1, 1]
    seq = mixture.interleave(rows, groups)
    assert np.bincount(seq, minlength=len(rows)).tolist() == rows
    n = np.arange(1, len(seq) + 1)
    code = np.isin(seq, [0, 1, 2, 3])
    assert np.abs(2000 * n / 2200 - np.cumsum(code)).max() < 1.0
    for members, share in (([0, 1, 2, 3], code), ([4, 5, 6, 7], ~code)):
        inner = seq[share]  # the group's own row sequence
        m = np.arange(1, len(inner) + 1)
        for s in members:
            assert np.abs(rows[s] * m / len(inner) - np.cumsum(inner == s)).max() < 1.0
    assert mixture.window_deviation(seq, [0, 1, 2, 3], 10 / 11, 1000) < 2
    assert np.array_equal(seq, mixture.interleave(rows, groups)), "deterministic"


@pytest.mark.parametrize("rows", [(2000, 200), (7, 3), (1, 99), (1024, 1023)])
def test_interleave_of_two_groups_equals_the_closed_form(rows):
    """For two entries the greatest-error rule places the k-th row of entry 0 at ceil((k + 1/2) N / R0) - 1."""
    r0, r1 = rows
    total = r0 + r1
    seq = mixture.interleave([r0, r1], [0, 1])
    expected = [-(-(2 * k + 1) * total // (2 * r0)) - 1 for k in range(r0)]
    assert np.flatnonzero(seq == 0).tolist() == expected


def test_window_deviation_measures_the_worst_window():
    seq = np.array([0] * 10 + [1] * 10)
    assert mixture.window_deviation(seq, [0], 0.5, 10) == 5.0
    assert mixture.window_deviation(np.array([0, 1] * 10), [0], 0.5, 10) == 0.0


def test_plan_table_lists_every_source_and_the_ratio():
    plan = mixture.plan_mixture(config(budget_tokens=4_505_600, seq_len=2048), available())
    text = "\n".join(mixture.plan_table(plan))
    for name in DEMO_COUNTS:
        assert name in text
    assert "ratio code/text: target 10:1, planned 10.0000:1" in text
    assert "2,200 rows x 2048 tokens = 4,505,600 tokens" in text
