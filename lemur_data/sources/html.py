"""HTML main-text extraction (trafilatura) with a per-page time limit.

Output is Markdown, so code blocks of documentation pages survive as ``` fences: the filter stage routes them
away from language ID and the prose rules instead of judging a docs page by its code.
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterator

import trafilatura


class ExtractionTimeout(Exception):
    pass


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ExtractionTimeout in the block after `seconds` (SIGALRM; only possible on the main thread).

    NOTE: Spark's Python workers run tasks on their main thread, so the limit applies there; elsewhere (a test
    calling from a thread) the block simply runs unbounded.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def _raise(signum: int, frame: object) -> None:
        raise ExtractionTimeout(f"exceeded {seconds:g}s")

    previous = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def extract_main_text(html: bytes | str, timeout_s: float, url: str | None = None) -> str | None:
    """Main text of a page as Markdown, or None when the page has no main content."""
    with time_limit(timeout_s):
        text = trafilatura.extract(
            html,
            url=url,
            output_format="markdown",
            include_comments=False,
            include_tables=True,
            include_formatting=True,
            include_links=False,
            include_images=False,
            deduplicate=False,  # NOTE: trafilatura's dedup cache is process-global state: it breaks determinism
            with_metadata=False,
        )
    return text.strip() if text and text.strip() else None
