"""The pipeline's stages, in run order. Each stage lives in its own module and implements `runner.Stage`."""

from __future__ import annotations

from lemur_data.runner import Stage
from lemur_data.stages.crawl import CrawlStage
from lemur_data.stages.dedup import DedupStage
from lemur_data.stages.filter import FilterStage

STAGES: dict[str, Stage] = {s.name: s for s in (CrawlStage(), FilterStage(), DedupStage())}
