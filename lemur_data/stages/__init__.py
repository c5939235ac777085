"""The pipeline's stages, in run order. Each stage lives in its own module and implements `runner.Stage`."""

from __future__ import annotations

from lemur_data.runner import Stage
from lemur_data.stages.crawl import CrawlStage
from lemur_data.stages.mix import MixStage
from lemur_data.stages.tokenize import TokenizeStage

STAGES: dict[str, Stage] = {s.name: s for s in (CrawlStage(), TokenizeStage(), MixStage())}
