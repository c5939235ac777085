"""The pipeline's stages, in run order. Each stage lives in its own module and implements `runner.Stage`."""

from __future__ import annotations

import sys

from lemur_data.stage import Stage
from lemur_data.stages.crawl import CrawlStage
from lemur_data.stages.dedup import DedupStage
from lemur_data.stages.filter import FilterStage
from lemur_data.stages.mix import MixStage
from lemur_data.stages.tokenize import TokenizeStage

STAGES: dict[str, Stage] = {s.name: s for s in (CrawlStage(), FilterStage(), DedupStage(), TokenizeStage(), MixStage())}


def job_script(stage: str) -> str:
    """The stage's spark-submit entry point in jobs/: `<stage>.py`, or `<stage>_stage.py` for a name the standard
    library uses (a script's folder comes first on sys.path, so jobs/tokenize.py would replace the stdlib module
    `tokenize` in every job)."""
    return f"{stage}_stage.py" if stage in sys.stdlib_module_names else f"{stage}.py"
