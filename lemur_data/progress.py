"""Progress lines for long stages: tasks done, rate and ETA, from Spark's status tracker.

A daemon thread polls the running jobs every `LEMUR_PROGRESS_S` seconds (default 10; 0 turns it off) and logs
one INFO line per poll while tasks are pending, so `-q` (warnings only) keeps scheduler logs clean.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from contextlib import contextmanager
from typing import Callable, Iterator

from pyspark import SparkContext

log = logging.getLogger(__name__)


def _task_counts(sc: SparkContext) -> tuple[int, int]:
    """(completed, total) tasks of the stages of all running jobs."""
    tracker = sc.statusTracker()
    done = total = 0
    for job_id in tracker.getActiveJobsIds():
        job = tracker.getJobInfo(job_id)
        for stage_id in job.stageIds if job else ():
            info = tracker.getStageInfo(stage_id)
            if info is not None:
                done += info.numCompletedTasks
                total += info.numTasks
    return done, total


def format_line(stage: str, done: int, total: int, rate: float) -> str:
    eta = f"{(total - done) / rate:.0f}s" if rate > 0 else "?"
    return f"{stage}: {done}/{total} tasks ({100 * done / max(total, 1):.0f}%), {rate:.2f} tasks/s, ETA {eta}"


@contextmanager
def report(stage: str, context: Callable[[], SparkContext | None]) -> Iterator[None]:
    """Log progress of `stage` while the block runs; `context` returns the SparkContext once one exists."""
    interval = float(os.environ.get("LEMUR_PROGRESS_S", "10"))
    if interval <= 0 or not log.isEnabledFor(logging.INFO):
        yield
        return
    stop = threading.Event()

    def poll() -> None:
        last_done, last_t = 0, time.monotonic()
        while not stop.wait(interval):
            sc = context()
            if sc is None:
                continue
            done, total = _task_counts(sc)
            now = time.monotonic()
            rate = max(0, done - last_done) / (now - last_t) if done >= last_done else 0.0
            last_done, last_t = done, now
            if total and done < total:
                log.info(format_line(stage, done, total, rate))

    thread = threading.Thread(target=poll, name=f"progress-{stage}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
