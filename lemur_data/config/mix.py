"""Settings of the mix stage: budget, groups with target ratios, repetition limits, packing and shard layout."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, field_validator, model_validator

from lemur_data.config.base import NAME_PATTERN, Kind, Model, TokenCount
from lemur_data.config.sources import SourceConfig

Weighting = Literal["proportional", "temperature", "explicit"]


class MixGroupConfig(Model):
    """A group of sources that shares one target ratio (e.g. all code), and how its sources share the group."""

    ratio: float = Field(gt=0, description="the group's weight against the other groups, in tokens "
                                           "(code: 10, text: 1 gives code:text = 10:1)")
    kinds: tuple[Kind, ...] = Field((), description="every source of these kinds belongs to the group")
    sources: tuple[str, ...] = Field((), description="sources named here belong to the group (besides `kinds`)")
    weighting: Weighting = Field(
        "proportional", description="how the group's tokens are shared by its sources: 'proportional' to their "
        "tokens, 'temperature' (weight = tokens^(1/temperature)), or 'explicit' (`weights`)"
    )
    temperature: float = Field(1.0, gt=0, description="weighting 'temperature': 1 = proportional; larger values "
                                                     "move toward equal shares (up-weighting small sources)")
    weights: dict[str, float] = Field(default_factory=dict, description="weighting 'explicit': source name -> "
                                                                        "weight (>= 0; sources left out get 0)")

    @model_validator(mode="after")
    def _consistent(self) -> MixGroupConfig:
        if not self.kinds and not self.sources:
            raise ValueError("a group needs `kinds` or `sources` (which sources belong to it)")
        if self.weighting == "explicit" and not any(w > 0 for w in self.weights.values()):
            raise ValueError("weighting 'explicit' needs `weights` with at least one weight > 0")
        if self.weights and self.weighting != "explicit":
            raise ValueError(f"`weights` apply to weighting 'explicit', not '{self.weighting}'")
        if any(w < 0 for w in self.weights.values()):
            raise ValueError("weights must be >= 0")
        return self


def _default_groups() -> dict[str, MixGroupConfig]:
    return {"code": MixGroupConfig(ratio=10, kinds=("code",)), "text": MixGroupConfig(ratio=1, kinds=("text",))}


class MixConfig(Model):
    """The training stream: budget, target ratios, repetition limits, packing and shard layout."""

    budget_tokens: TokenCount = Field(90_000_000_000, gt=0, description="tokens in the output stream; it holds "
                               "budget_tokens // seq_len rows of seq_len tokens (the Lemur recipe: 90B)")
    seq_len: int = Field(4096, ge=8, le=1 << 20, description="tokens per row (documents are packed across rows)")
    groups: dict[str, MixGroupConfig] = Field(
        default_factory=_default_groups, description="groups of sources with target ratios "
        "(default: code = kind code, ratio 10; text = kind text, ratio 1)"
    )
    max_repetition: float = Field(4.0, gt=0, description="largest selected / available tokens of a source "
                                  "(4: up to four epochs of it; below 1 caps a source's share of its own data)")
    max_repetition_by_source: dict[str, float] = Field(default_factory=dict,
                                                       description="per-source overrides of max_repetition")
    ratio_tolerance: float = Field(0.005, gt=0, lt=1, description="largest relative error of the achieved "
                                   "group ratios (0.005 = +-0.5%); a plan that cannot meet it fails")
    shard_rows: int = Field(8192, gt=0, description="rows per shard file (shard i holds seq_idx "
                            "[i*shard_rows, (i+1)*shard_rows))")
    row_group_rows: int = Field(1024, gt=0, description="rows per Parquet row group in a shard")

    @field_validator("groups")
    @classmethod
    def _group_names(cls, groups: dict[str, MixGroupConfig]) -> dict[str, MixGroupConfig]:
        if not groups:
            raise ValueError("at least one group is needed")
        bad = [g for g in groups if not re.match(NAME_PATTERN, g)]
        if bad:
            raise ValueError(f"group names must be lowercase [a-z0-9._-], got {bad}")
        return groups

    @field_validator("max_repetition_by_source")
    @classmethod
    def _positive(cls, caps: dict[str, float]) -> dict[str, float]:
        bad = {k: v for k, v in caps.items() if not v > 0}
        if bad:
            raise ValueError(f"repetition limits must be > 0, got {bad}")
        return caps

    def max_repetition_of(self, source: str) -> float:
        return self.max_repetition_by_source.get(source, self.max_repetition)

    def group_of(self, sources: tuple[SourceConfig, ...]) -> dict[str, str]:
        """source name -> group name (each source is in exactly one group; checked by `problems`)."""
        out = {}
        for s in sources:
            for g, group in self.groups.items():
                if s.kind in group.kinds or s.name in group.sources:
                    out.setdefault(s.name, g)
        return out

    def problems(self, sources: tuple[SourceConfig, ...]) -> list[str]:
        """Mistakes that need the source list to see: unknown names, sources in no group or in two."""
        names = [s.name for s in sources]
        known = f"expected one of the manifest's sources ({', '.join(names)})"
        found = []
        for g, group in self.groups.items():
            for i, name in enumerate(group.sources):
                if name not in names:
                    found.append(f"mix.groups.{g}.sources[{i}]: got {name!r}; {known}")
            for name in group.weights:
                if name not in names:
                    found.append(f"mix.groups.{g}.weights.{name}: not a source; {known}")
                elif not (sources[names.index(name)].kind in group.kinds or name in group.sources):
                    found.append(f"mix.groups.{g}.weights.{name}: source {name!r} is not in group {g!r}")
        for name in self.max_repetition_by_source:
            if name not in names:
                found.append(f"mix.max_repetition_by_source.{name}: not a source; {known}")
        for s in sources:
            member = [g for g, group in self.groups.items() if s.kind in group.kinds or s.name in group.sources]
            if not member:
                found.append(f"mix.groups: source {s.name!r} (kind {s.kind}) is in no group; add its kind or "
                             f"name to a group's `kinds` / `sources`")
            elif len(member) > 1:
                found.append(f"mix.groups: source {s.name!r} is in groups {member}; a source belongs to one group")
        return found
