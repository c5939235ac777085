"""datatrove steps as filter rules: any datatrove filter, formatter or extractor, or a user's own subclass by
import path, runs inside the filter stage's mapInArrow batches.

A recipe rule `{name: text.gopher_quality_v1, datatrove: {step: datatrove.pipeline.filters.GopherQualityFilter,
args: {min_doc_words: 50}}, action: drop}` (models in quality/recipes.py):

* Driver, when the manifest loads (`check_recipe`): the class imports, is a filter, formatter or extractor
  (extractors in text recipes only), its arguments bind, it constructs and it runs on a probe document (which
  loads what steps load lazily: spaCy word tokenizers, models), so a bad path, a bad argument or a missing
  dependency fails before Spark starts, naming the rule and what to change.
* Per batch (`DatatroveRules.apply`), a kind's datatrove rules run as a datatrove pipeline does: in recipe order,
  document by document, each step's own `run` (so its stats and drop reasons are datatrove's). Formatters and
  extractors rewrite the text that later steps, lemur-data's signals and PII redaction then see. A document a
  filter or extractor does not forward fails the rule (datatrove's reason in meta `datatrove_reasons`); action
  `drop` takes it out of the chain, `flag` lets it go on.
* Steps are built once per Python worker, cached by their canonical config (step + arguments as they apply to
  the document's language). datatrove's own stats of each run (total, forwarded, dropped, dropped_<reason>, ...)
  are summed per rule for the manifest.
* The language of a document, for `langs.<lang>` and `only_langs` / `skip_langs`: `metadata["language"]` when
  an earlier step set it (datatrove's LanguageFilter does), else the document's `lang` as the stage read it (code:
  its programming language; text: the source's `lang` hint or column, else `und`: language ID runs later).
* A step raising on a document: the group is rerun one document at a time from the texts it started with and the
  failing document is rejected as filter.signal_error_v1 (message in meta filter_error). A missing module on an
  executor is no bad input: the task fails naming the rule.
"""

from __future__ import annotations

import copy
import difflib
import functools
import hashlib
import importlib
import inspect
import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from lemur_data.errors import TaskError
from lemur_data.quality.recipes import CompiledRule, Rule

PROBE_TEXT = ("The filter stage checks every datatrove rule on this short paragraph before Spark starts. It has "
              "a few sentences, so that word and sentence splitters load what they need.\nIt also has two lines.")
# Arguments lemur-data owns: rejected documents go to rejects/, never to a step's own writer.
OWNED_ARGS = ("exclusion_writer",)
# Stats that are sums of lengths, not counts of documents.
_LENGTH_STATS = ("doc_len", "doc_len_tokens")


class StepError(ValueError):
    """A datatrove rule that cannot run; the message names the key and what to change."""


@functools.cache
def _bases() -> dict[str, type]:
    """datatrove's step base classes by role (imported on first use: datatrove takes ~1 s to import)."""
    from datatrove.pipeline.extractors.base import BaseExtractor  # noqa: PLC0415
    from datatrove.pipeline.filters.base_filter import BaseFilter  # noqa: PLC0415
    from datatrove.pipeline.formatters.base import BaseFormatter  # noqa: PLC0415

    return {"filter": BaseFilter, "formatter": BaseFormatter, "extractor": BaseExtractor}


def resolve(path: str) -> type:
    """The class at `package.module:Class` or `package.module.Class`."""
    module_name, sep, attr = path.partition(":")
    if not sep:
        module_name, _, attr = path.rpartition(".")
    if not module_name or not attr:
        raise StepError(f"{path!r} is not an import path; expected package.module.Class or package.module:Class")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise StepError(f"cannot import module {module_name!r} ({exc}); on a cluster ship it with --py-files or "
                        f"in the packed environment") from None
    obj: Any = module
    for part in attr.split("."):
        if not hasattr(obj, part):
            close = difflib.get_close_matches(part, [n for n in dir(obj) if not n.startswith("_")], n=1)
            raise StepError(f"{module_name} has no {attr!r}" + (f"; did you mean {close[0]!r}?" if close else ""))
        obj = getattr(obj, part)
    if not isinstance(obj, type):
        raise StepError(f"{path} is not a class")
    return obj


def role(cls: type) -> str:
    for name, base in _bases().items():
        if issubclass(cls, base):
            return name
    raise StepError(f"{cls.__module__}.{cls.__qualname__} is not a datatrove filter, formatter or extractor "
                    f"(a subclass of BaseFilter, BaseFormatter or BaseExtractor); readers, writers and other steps "
                    f"do not run as rules")


def step_class(path: str) -> type:
    cls = resolve(path)
    role(cls)
    return cls


def construct(cls: type, args: dict[str, Any]) -> Any:
    """The step, constructed (arguments bound first, so a misspelt one is named with the ones there are)."""
    owned = [a for a in OWNED_ARGS if a in args]
    if owned:
        raise StepError(f"argument(s) {owned} are lemur-data's: rejected documents go to rejects/")
    names = [p.name for p in inspect.signature(cls).parameters.values()
             if p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL)]
    try:
        inspect.signature(cls).bind(**args)
    except TypeError as exc:
        close = {a: difflib.get_close_matches(a, names, n=1) for a in args if a not in names}
        hints = "".join(f"; did you mean {c[0]!r} for {a!r}?" for a, c in close.items() if c)
        raise StepError(f"{cls.__name__}: {exc}{hints} (its arguments: {', '.join(names)})") from None
    try:
        return cls(**args)
    except ImportError as exc:
        raise StepError(f"{cls.__name__} needs a package that is not installed: {exc}") from None
    except Exception as exc:  # noqa: BLE001 - any failure of the user's arguments is a configuration mistake
        called = ", ".join(f"{k}={v!r}" for k, v in args.items())
        raise StepError(f"{cls.__name__}({called}) failed: {type(exc).__name__}: {exc}") from None


def step_args(rule: Rule, lang: str) -> dict[str, Any]:
    """The step's arguments for documents of `lang`: the rule's, with `langs.<lang>.args` over them."""
    o = rule.langs.get(lang)
    return {**rule.datatrove.args, **(o.args or {})} if o is not None else dict(rule.datatrove.args)


def canonical(rule: Rule, lang: str) -> str:
    """The step's identity for documents of `lang`: the key of the per-worker cache (the rule's name too, so two
    rules with the same step keep their own stats)."""
    return json.dumps({"rule": rule.name, "step": rule.datatrove.step, "args": step_args(rule, lang)},
                      sort_keys=True, default=str)


# -- driver: configuration checks ------------------------------------------------------------------------------------
def check_recipe(rules: tuple[Rule, ...], kind: str, origin: str) -> None:
    """Every datatrove rule of a recipe imports, binds, constructs and runs on a probe document, with its own
    arguments and with each language's; raises StepError naming the key."""
    for rule in rules:
        if rule.datatrove is None:
            continue
        key = f"{origin}.rules.{rule.name}.datatrove"
        try:
            cls = step_class(rule.datatrove.step)
        except StepError as exc:
            raise StepError(f"{key}.step: {exc}") from None
        if role(cls) == "extractor" and kind != "text":
            raise StepError(f"{key}.step: {rule.datatrove.step} is an extractor; extractors run on text documents "
                            f"only (put the rule in the text recipe)")
        for lang in ("", *rule.langs):
            where = f"{origin}.rules.{rule.name}.langs.{lang}.args" if lang else f"{key}.args"
            try:
                step = construct(cls, step_args(rule, lang))
            except StepError as exc:
                raise StepError(f"{where}: {exc}") from None
            order_dependent = _order_dependent(step)
            if order_dependent:
                raise StepError(f"{where}: {order_dependent}")
            try:
                _, _, errors = _run(step, [_document(PROBE_TEXT, "0", {})])
            except ImportError as exc:
                errors = {"0": f"{type(exc).__name__}: {exc}"}
            if errors:
                raise StepError(f"{where}: {cls.__name__} failed on a probe document: {errors['0']}")


def _order_dependent(step: Any) -> str | None:
    """Why the step's results would depend on the order of documents (then on Spark's partitioning), if they do."""
    from datatrove.pipeline.filters import SamplerFilter  # noqa: PLC0415
    from datatrove.pipeline.formatters import PIIFormatter  # noqa: PLC0415

    if isinstance(step, SamplerFilter):
        return ("SamplerFilter draws from one random stream in document order, so its choice would change with "
                "partitioning; sample in the mix stage (xxhash64 of the id) instead")
    if isinstance(step, PIIFormatter):
        cycling = [r for r in (step.emails_replacer, step.ip_replacer) if len(r.replacements) > 1]
        if cycling:
            return ("PIIFormatter cycles through several replacements in document order, so a document's text "
                    "would change with partitioning; give one string each, e.g. email_replacement: '<EMAIL>', "
                    "ip_replacement: '<IP>'")
    return None


def identities(rules: tuple[Rule, ...]) -> list[dict[str, str]]:
    """What the rules' results depend on besides their config: datatrove's version, or the sha256 of a user's
    module file; part of the stage fingerprint and the manifest."""
    return [{"rule": r.name, "step": r.datatrove.step, "role": role(resolve(r.datatrove.step)),
             "identity": identity(r.datatrove.step)} for r in rules if r.datatrove is not None]


def identity(path: str) -> str:
    cls = resolve(path)
    if cls.__module__.split(".")[0] == "datatrove":
        from importlib.metadata import version  # noqa: PLC0415

        return f"datatrove {version('datatrove')}"
    with open(inspect.getfile(cls), "rb") as f:
        return "sha256:" + hashlib.file_digest(f, "sha256").hexdigest()


# -- executors: one batch -----------------------------------------------------------------------------------------------
@functools.cache
def worker_step(config: str) -> Any:
    """The step of a canonical config, built once per Python worker process."""
    spec = json.loads(config)
    return construct(step_class(spec["step"]), spec["args"])


def _document(text: str, doc_id: str, metadata: dict[str, Any]) -> Any:
    from datatrove.data import Document  # noqa: PLC0415

    return Document(text=text, id=doc_id, metadata=metadata)


class _Dropped:
    """Stands in for a filter's exclusion writer: datatrove's own loop hands it each dropped document with
    `metadata["filter_reason"]` set, which is how the reason of one document becomes known."""

    def __init__(self) -> None:
        self.reasons: dict[str, str] = {}

    def __enter__(self) -> _Dropped:
        return self

    def __exit__(self, *exc: Any) -> None:
        return None

    def write(self, doc: Any, rank: int = 0) -> None:
        reason = doc.metadata.pop("filter_reason", None)
        if reason:
            self.reasons[doc.id] = str(reason)


def _run(step: Any, docs: list[Any]) -> tuple[set[str], dict[str, str], dict[str, str]]:
    """Run the step's own `run` over documents: (ids forwarded, drop reasons by id, errors by id). A step that
    raises on a group is rerun one document at a time from the texts the documents had (its stats from before)."""
    saved = [(d.text, dict(d.metadata)) for d in docs]
    before = copy.deepcopy(step.stats) if len(docs) > 1 else None
    dropped = _Dropped()
    if role(type(step)) == "filter":
        step.exclusion_writer = dropped
    try:
        return {d.id for d in step.run(iter(docs), rank=0, world_size=1)}, dropped.reasons, {}
    except ImportError:
        raise
    except Exception as exc:  # noqa: BLE001 - bad input: counted, never a failed task
        for d, (text, meta) in zip(docs, saved):
            d.text, d.metadata = text, meta  # rejected with the text it had before this step
        if before is None:
            return set(), {}, {docs[0].id: f"{type(exc).__name__}: {exc}"}
    step.stats = before
    forwarded, reasons, errors = set(), {}, {}
    for d in docs:
        f, r, e = _run(step, [d])
        forwarded |= f
        reasons.update(r)
        errors.update(e)
    return forwarded, reasons, errors


def _counts(stats: Any) -> dict[str, int]:
    return {label: int(m.total) for label, m in stats.stats.items() if label not in _LENGTH_STATS}


@dataclass
class ChainResult:
    """What the datatrove rules did to one batch, per document."""

    texts: list[str]
    evaluated: list[list[str]]  # rules whose step saw the document
    failed: list[list[CompiledRule]]  # rules whose step did not forward it
    reasons: list[list[str]]  # "rule:datatrove reason" for the failures that have one
    errors: list[str | None]  # a step raised on the document (rule: exception)


class DatatroveRules:
    """The datatrove rules of both kinds, applied batch by batch; datatrove's own counts are summed per rule into
    `stats` (rule -> stat label -> count).

    Filters and formatters run document by document through the chain, as datatrove's generators do: datatrove
    caches the last few word splits (`split_into_words`, 5 entries), which consecutive steps on the same text
    share; step by step over a batch would split every text again. An extractor runs over the whole batch at its
    place in the chain (one sandbox process per batch, not per document).
    """

    def __init__(self, rules: dict[str, tuple[Rule, ...]], stats: dict[str, dict[str, int]]) -> None:
        self.segments = {kind: _segments(tuple(r for r in rs if r.datatrove is not None)) for kind, rs in rules.items()}
        self.stats = stats

    def apply(self, kinds: list[str], langs: list[str], sources: list[str], texts: list[str]) -> ChainResult:
        n = len(texts)
        out = ChainResult(list(texts), [[] for _ in range(n)], [[] for _ in range(n)], [[] for _ in range(n)],
                          [None] * n)
        used: dict[str, tuple[str, Any]] = {}  # config -> (rule name, step) of the steps this batch ran
        for kind, segments in self.segments.items():
            members = [i for i in range(n) if kinds[i] == kind]
            if segments and members:
                docs = {i: _document(out.texts[i], str(i), {}) for i in members}
                alive = members
                for by_batch, rules in segments:
                    chain = _Chain(rules, docs, langs, sources, out, used)
                    alive = chain.by_batch(alive) if by_batch else chain.by_document(alive)
                for i in members:
                    out.texts[i] = docs[i].text
        for name, step in used.values():
            totals = self.stats.setdefault(name, {})
            for label, value in _counts(step.stats).items():
                totals[label] = totals.get(label, 0) + value
        return out


def _segments(rules: tuple[Rule, ...]) -> list[tuple[bool, tuple[Rule, ...]]]:
    """The chain cut at extractors: (runs by batch, rules), in recipe order."""
    out: list[tuple[bool, tuple[Rule, ...]]] = []
    for r in rules:
        by_batch = role(resolve(r.datatrove.step)) == "extractor"
        if out and not by_batch and not out[-1][0]:
            out[-1] = (False, out[-1][1] + (r,))
        else:
            out.append((by_batch, (r,)))
    return out


@dataclass
class _Chain:
    """One segment of a kind's chain over one batch."""

    rules: tuple[Rule, ...]
    docs: dict[int, Any]
    langs: list[str]
    sources: list[str]
    out: ChainResult
    used: dict[str, tuple[str, Any]]

    def lang(self, i: int) -> str:
        return str(self.docs[i].metadata.get("language") or self.langs[i])

    def step(self, rule: Rule, lang: str) -> Any:
        """The worker's step for this rule and language, its stats started afresh on first use in the batch."""
        config = canonical(rule, lang)
        if config not in self.used:
            from datatrove.utils.stats import Stats  # noqa: PLC0415

            try:
                step = worker_step(config)
            except StepError as exc:
                raise TaskError(f"datatrove rule {rule.name} ({rule.datatrove.step}): {exc}") from None
            step.stats = Stats(str(step))
            self.used[config] = (rule.name, step)
        return self.used[config][1]

    def by_document(self, alive: list[int]) -> list[int]:
        left = []
        for i in alive:
            for rule in self.rules:
                lang = self.lang(i)
                if rule.applies(lang, self.sources[i]) and self.record(rule, lang, i, self.run(rule, lang, [i])):
                    break
            else:
                left.append(i)
        return left

    def by_batch(self, alive: list[int]) -> list[int]:
        rule, = self.rules
        groups: dict[str, list[int]] = defaultdict(list)
        for i in alive:
            if rule.applies(self.lang(i), self.sources[i]):
                groups[self.lang(i)].append(i)
        leaving = set()
        for lang, idx in groups.items():
            result = self.run(rule, lang, idx)
            leaving |= {i for i in idx if self.record(rule, lang, i, result)}
        return [i for i in alive if i not in leaving]

    def run(self, rule: Rule, lang: str, idx: list[int]) -> tuple[set[str], dict[str, str], dict[str, str]]:
        try:
            return _run(self.step(rule, lang), [self.docs[i] for i in idx])
        except ImportError as exc:
            raise TaskError(f"datatrove rule {rule.name} ({rule.datatrove.step}): {exc}; install it on the "
                            f"executors (packed environment or --py-files)") from None

    def record(self, rule: Rule, lang: str, i: int, result: tuple[set[str], dict[str, str], dict[str, str]]) -> bool:
        """Note what the step did to document i; True when the document leaves the chain."""
        forwarded, reasons, errors = result
        key = str(i)
        if key in errors:
            self.out.errors[i] = f"{rule.name}: {errors[key]}"
            return True
        self.out.evaluated[i].append(rule.name)
        if key in forwarded:
            return False
        action = rule.action_for(lang)
        self.out.failed[i].append(CompiledRule(rule.name, rule.datatrove.step, None, None, None, action))
        if key in reasons:
            self.out.reasons[i].append(f"{rule.name}:{reasons[key]}")
        return action == "drop"
