"""Score a batch of documents: signals, rules, redaction, decontamination. Used by the filter stage's mapInArrow
tasks and, without Spark, by the benchmarks.

Per batch the expensive model calls are batched (fastText language ID over all prose, over all comment texts,
the quality classifier, sentencepiece for characters per token); the rest is per document and runs in C / numpy
(regexes, tree-sitter, n-gram hashing).
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from lemur_data import assets
from lemur_data.quality import classifier, langid, pii, treesitter
from lemur_data.quality.code_signals import heuristic_signals
from lemur_data.quality.datatrove_rules import DatatroveRules
from lemur_data.quality.decontam import DecontaminationIndex
from lemur_data.quality.recipes import CodeRecipe, CompiledRule, RuleSet, TextRecipe
from lemur_data.quality.signal_memo import BatchRecall, SignalMemo
from lemur_data.quality.text_signals import Routed, prose_signals, split_prose
from lemur_data.quality.textstats import CharView
from lemur_data.schema import DOC_SCHEMA, content_sha256, extend_schema

REJECT_SCHEMA = extend_schema(DOC_SCHEMA, pa.field("first_reason", pa.string()), pa.field("reasons", pa.list_(pa.string())))
# What a scoring task yields: a reject row (first_reason set) or a kept row, plus the writer's routing columns.
SCORED_SCHEMA = extend_schema(REJECT_SCHEMA, pa.field("reason", pa.string()), pa.field("_dest", pa.string()))

DECONTAM_RULE = "decontam.ngram_overlap_v1"
ERROR_RULE = "filter.signal_error_v1"
QUALITY_RULE = "quality.fasttext_v1"
TOKENIZER_ASSET = "tokenizer.model.v1"
EXAMPLES = 5
# Leading whitespace of every line ("\n"-separated), as str.lstrip() removes it: one regex pass.
_INDENTATION = re.compile(r"^[^\S\n]+", re.M)


@dataclass(frozen=True)
class QualityModel:
    path: str
    label: str
    min_score: float
    action: str
    kinds: tuple[str, ...]


@dataclass
class ScoringPlan:
    """Everything a scoring task needs (pickled into the task; the decontamination index travels separately)."""

    code: CodeRecipe
    text: TextRecipe
    pii_types: tuple[str, ...]
    decontam_action: str | None
    quality: QualityModel | None
    # kind -> the benchmarks its documents are checked against (the recipe's selection); None: every indexed one
    decontam_benchmarks: dict[str, frozenset[str]] | None = None
    dest_kept: str = "filtered"
    dest_rejected: str = "rejects"

    def stage_rules(self) -> list[CompiledRule]:
        rules = [CompiledRule(ERROR_RULE, "filter.signal_error_v1", None, 0.0, None, "drop")]
        if self.decontam_action:
            rules.append(CompiledRule(DECONTAM_RULE, "decontam.matched_items_v1", None, 0.0, None, self.decontam_action))
        if self.quality:
            rules.append(CompiledRule(QUALITY_RULE, "quality.fasttext_score_v1", self.quality.min_score, None, None,
                                      self.quality.action))
        return rules


@dataclass
class ScoringStats:
    """Counts of one task, merged on the driver. Keys are tuples; values are lists of ints."""

    # (rule, kind, source, lang) -> [evaluated docs, evaluated bytes, failed docs, failed bytes, first docs, first bytes]
    rules: dict[tuple[str, str, str, str], list[int]] = field(default_factory=lambda: defaultdict(lambda: [0] * 6))
    pii: dict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))  # (source, type) -> findings
    pii_docs: dict[str, int] = field(default_factory=lambda: defaultdict(int))  # source -> documents changed
    decontam: dict[str, int] = field(default_factory=lambda: defaultdict(int))  # item id -> documents
    decontam_docs: dict[str, int] = field(default_factory=lambda: defaultdict(int))  # benchmark -> documents
    decontam_examples: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    datatrove: dict[str, dict[str, int]] = field(default_factory=dict)  # rule -> datatrove's stat label -> count
    memo_docs: int = 0  # documents given the results of an earlier copy (SignalMemo) instead of being scored

    def to_json(self) -> dict[str, Any]:
        return {
            "rules": [[*k, *v] for k, v in sorted(self.rules.items())],
            "pii": [[*k, v] for k, v in sorted(self.pii.items())],
            "pii_docs": dict(sorted(self.pii_docs.items())),
            "decontam": dict(sorted(self.decontam.items())),
            "decontam_docs": dict(sorted(self.decontam_docs.items())),
            "decontam_examples": {k: sorted(v)[:EXAMPLES] for k, v in sorted(self.decontam_examples.items())},
            "datatrove": {rule: dict(sorted(c.items())) for rule, c in sorted(self.datatrove.items())},
            "memo_docs": self.memo_docs,
        }

    def merge_json(self, data: dict[str, Any]) -> None:
        for *key, a, b, c, d, e, f in data["rules"]:
            acc = self.rules[tuple(key)]
            for i, v in enumerate((a, b, c, d, e, f)):
                acc[i] += v
        for source, kind, n in data["pii"]:
            self.pii[(source, kind)] += n
        for source, n in data["pii_docs"].items():
            self.pii_docs[source] += n
        for item, n in data["decontam"].items():
            self.decontam[item] += n
        for bench, n in data["decontam_docs"].items():
            self.decontam_docs[bench] += n
        for item, locs in data["decontam_examples"].items():
            self.decontam_examples[item] = sorted(set(self.decontam_examples[item]) | set(locs))[:EXAMPLES]
        for rule, counts in data["datatrove"].items():
            totals = self.datatrove.setdefault(rule, {})
            for label, n in counts.items():
                totals[label] = totals.get(label, 0) + n
        self.memo_docs += data["memo_docs"]


@dataclass
class Signals:
    """What `Scorer.signals` computes for a batch, per document."""

    signals: list[dict[str, float]]
    langs: list[str]
    metas: list[dict[str, str]]  # extra meta entries (comment_lang, decontam_items, filter_error)
    redactions: list[pii.Redaction | None]  # None when PII redaction is off


def dedented_prefix(text: str, limit: int) -> str:
    """The first `limit` characters cut at a line end, with each line's indentation removed: the sample for
    characters per token, so indentation style (tabs, 2 or 8 spaces) does not move the measure."""
    head = text[:limit]
    if len(text) > limit and (cut := head.rfind("\n")) > 0:
        head = head[:cut]
    return _INDENTATION.sub("", head)


def _failed(sig: dict[str, float], meta: dict[str, str], message: str) -> None:
    sig.clear()
    sig["filter.signal_error_v1"] = 1.0
    meta["filter_error"] = message[:200]


@functools.cache
def _sentencepiece():
    import sentencepiece  # noqa: PLC0415

    return sentencepiece.SentencePieceProcessor(model_file=str(assets.path(TOKENIZER_ASSET)))


@functools.cache
def _quality_model(path: str):
    import fasttext  # noqa: PLC0415

    fasttext.FastText.eprint = lambda *_a, **_k: None
    return fasttext.load_model(path)


class Scorer:
    """Scores documents batch by batch and accumulates the task's statistics."""

    def __init__(self, plan: ScoringPlan, index: DecontaminationIndex | None, memo: SignalMemo | None = None) -> None:
        self.plan, self.index, self.memo = plan, index, memo
        self.rulesets = {"code": RuleSet(plan.code.rules), "text": RuleSet(plan.text.rules)}
        self.extra_rules = plan.stage_rules()
        self.stats = ScoringStats()
        self.datatrove = DatatroveRules({"code": plan.code.rules, "text": plan.text.rules}, self.stats.datatrove)
        # Recipe position of every rule: signal and datatrove rules' failures are reported in recipe order.
        self.order = {kind: {r.name: i for i, r in enumerate(recipe.rules)}
                      for kind, recipe in (("code", plan.code), ("text", plan.text))}

    # -- signals -------------------------------------------------------------------------------------------------
    def signals(self, kinds: list[str], langs: list[str], texts: list[str]) -> Signals:
        """Signals, language, extra meta and redaction of every document of a batch.

        One pass over the documents does the per-document work on one shared `CharView` each (heuristics, parser,
        prose rules, decontamination, PII); the model calls then run batched over what that pass collected
        (comment and prose language ID, characters per token, the quality classifier). With a memo, a text
        scored before (or earlier in the batch) is not scored again.
        """
        n = len(texts)
        out = Signals([{} for _ in range(n)], list(langs), [{} for _ in range(n)], [None] * n)
        comments: dict[int, str] = {}
        prose: dict[int, str] = {}
        token_samples: dict[int, str] = {}
        wanted_pii = frozenset(self.plan.pii_types)
        # NOTE: the memo hands a copy the results of an earlier text with the same (kind, lang, text): everything
        # below must depend on those alone (a signal reading the source, locator or meta must enter the key).
        recall = self.memo.recall(kinds, langs, texts) if self.memo is not None else None
        if recall is not None:
            self.stats.memo_docs += len(recall.known) + len(recall.copies)
        for i, text in enumerate(texts):
            if recall is not None and not recall.needs_scoring(i):
                continue
            view = CharView.of(text)
            sig = out.signals[i]
            try:
                if kinds[i] == "code":
                    self._code_doc(text, view, langs[i], sig, i, comments, token_samples)
                else:
                    out.langs[i] = langid.UNDETERMINED
                    self._text_doc(text, sig, i, prose)
            except Exception as exc:  # noqa: BLE001 - bad input is a counted reason, never a failed task
                _failed(sig, out.metas[i], f"{type(exc).__name__}: {exc}")
                for pending in (comments, prose, token_samples):
                    pending.pop(i, None)
            if self.index is not None:
                selected = self.plan.decontam_benchmarks
                found = self.index.matches(text, view, selected[kinds[i]] if selected is not None else None)
                sig["decontam.matched_items_v1"] = float(len(found))
                if found:
                    out.metas[i]["decontam_items"] = ",".join(found)
            if wanted_pii:
                out.redactions[i] = pii.redact(text, wanted_pii, view)
        self._language_ids(comments, prose, out)
        self._chars_per_token(token_samples, out.signals)
        if self.plan.quality is not None:
            self._quality(kinds, texts, out.signals, recall)
        if recall is not None:
            recall.settle(out.signals, out.langs, out.metas, out.redactions)
        return out

    def _code_doc(self, text: str, view: CharView, lang: str, sig: dict[str, float], i: int,
                  comments: dict[int, str], token_samples: dict[int, str]) -> None:
        """Per-document code signals; collects the comment text and the tokenizer sample for the batched calls."""
        s = self.plan.code.settings
        if len(text) > s.max_signal_chars:
            sig.update({"code.chars_v1": float(len(text)), "code.size_capped_v1": 1.0})
            return
        sig.update(heuristic_signals(view, lang))
        sig["code.size_capped_v1"] = 0.0
        if s.chars_per_token_sample_chars:
            token_samples[i] = dedented_prefix(text, s.chars_per_token_sample_chars)
        if not s.tree_sitter:
            return
        parsed = treesitter.analyse(text, lang, sample_bytes=s.tree_sitter_sample_bytes,
                                    max_steps=s.tree_sitter_max_steps, timeout_s=s.tree_sitter_timeout_s,
                                    comment_chars=s.comment_max_chars)
        if parsed is None:
            return
        sig.update(parsed.signals)
        sig["code.ts_timeout_v1"] = float(parsed.capped == "time")
        if len(parsed.comments) >= s.comment_lid_min_chars:
            comments[i] = parsed.comments

    def _text_doc(self, text: str, sig: dict[str, float], i: int, prose: dict[int, str]) -> None:
        """Per-document prose signals (code blocks routed out first); collects the prose for language ID."""
        s = self.plan.text.settings
        if len(text) > s.max_signal_chars:
            sig.update({"text.size_capped_v1": 1.0, "text.prose_chars_v1": float(len(text))})
            return
        routed = split_prose(text) if s.code_routing else Routed(text, 0, 0)
        sig.update(prose_signals(routed.prose))
        sig["text.size_capped_v1"] = 0.0
        sig["text.code_fraction_v1"] = routed.code_chars / max(1, len(text))
        sig["text.prose_chars_v1"] = float(len(routed.prose))
        prose[i] = routed.prose

    def _language_ids(self, comments: dict[int, str], prose: dict[int, str], out: Signals) -> None:
        if comments:
            keys = sorted(comments)
            found = langid.predict([comments[k] for k in keys], self.plan.code.settings.comment_max_chars)
            for i, (lang, score) in zip(keys, found):
                out.signals[i]["code.comment_lang_score_v1"] = score
                out.metas[i]["comment_lang"] = lang
        if prose:
            keys = sorted(prose)
            for i, (lang, score) in zip(keys, langid.predict([prose[k] for k in keys],
                                                             self.plan.text.settings.lid_max_chars)):
                out.langs[i] = lang
                out.signals[i]["text.lang_score_v1"] = score

    @staticmethod
    def _chars_per_token(samples: dict[int, str], sigs: list[dict[str, float]]) -> None:
        keys = [k for k in sorted(samples) if samples[k]]
        if not keys:
            return
        for i, ids in zip(keys, _sentencepiece().encode([samples[k] for k in keys])):
            if ids:
                sigs[i]["code.chars_per_token_v2"] = len(samples[i]) / len(ids)

    def _quality(self, kinds: list[str], texts: list[str], sigs: list[dict[str, float]],
                 recall: BatchRecall | None) -> None:
        q = self.plan.quality
        wanted = [i for i, k in enumerate(kinds) if k in q.kinds and (recall is None or recall.needs_scoring(i))]
        if not wanted:
            return
        scores = classifier.positive_scores(_quality_model(q.path), [classifier.normalize(texts[i]) for i in wanted],
                                            q.label)
        for i, score in zip(wanted, scores):
            sigs[i]["quality.fasttext_score_v1"] = score

    # -- decisions -----------------------------------------------------------------------------------------------
    def score(self, batch: pa.RecordBatch) -> pa.RecordBatch:
        cols = {name: batch.column(name).to_pylist() for name in DOC_SCHEMA.names}
        kinds, sizes = cols["kind"], list(cols["size_bytes"])  # rules count the bytes of the document as read
        steps = self.datatrove.apply(kinds, cols["lang"], cols["source"], cols["text"])
        for i, text in enumerate(steps.texts):
            if text != cols["text"][i]:
                _set_text(cols, i, text)
        scored = self.signals(kinds, cols["lang"], cols["text"])
        sigs, langs, extra_meta = scored.signals, scored.langs, scored.metas
        for i, error in enumerate(steps.errors):
            if error:
                _failed(sigs[i], extra_meta[i], error)
            if steps.reasons[i]:
                extra_meta[i]["datatrove_reasons"] = ",".join(steps.reasons[i])
        first_reasons, all_reasons, dests = [], [], []
        for i in range(batch.num_rows):
            kind, source, lang, size = kinds[i], cols["source"][i], langs[i], sizes[i]
            evaluated, failed = self.rulesets[kind].evaluate(lang, sigs[i], source)
            evaluated += steps.evaluated[i]
            failed = sorted(failed + steps.failed[i], key=lambda r, o=self.order[kind]: o[r.name])
            for rule in self.extra_rules:
                if rule.signal in sigs[i]:
                    evaluated.append(rule.name)
                    if rule.fails(sigs[i][rule.signal], lang):
                        failed.append(rule)
            first = next((r.name for r in failed if r.action == "drop"), None)
            failed_names = {r.name for r in failed}
            for name in evaluated:
                acc = self.stats.rules[(name, kind, source, lang)]
                acc[0] += 1
                acc[1] += size
                if name in failed_names:
                    acc[2] += 1
                    acc[3] += size
                if name == first:
                    acc[4] += 1
                    acc[5] += size
            if "decontam_items" in extra_meta[i] and DECONTAM_RULE in failed_names:
                items = extra_meta[i]["decontam_items"].split(",")
                for bench in {item.partition("/")[0] for item in items}:
                    self.stats.decontam_docs[bench] += 1
                for item in items:
                    self.stats.decontam[item] += 1
                    ex = self.stats.decontam_examples[item]
                    ex.append(cols["locator"][i])
                    ex.sort()
                    del ex[EXAMPLES:]
            meta = dict(cols["meta"][i] or [])
            meta.update(extra_meta[i])
            flags = [r.name for r in failed if r.action == "flag"]
            if flags:
                meta["filter_flags"] = ",".join(flags)
            cols["meta"][i] = sorted(meta.items())
            first_reasons.append(first)
            all_reasons.append([r.name for r in failed] if first else None)
            dests.append(self.plan.dest_rejected if first else self.plan.dest_kept)
        self._apply_redactions(cols, scored.redactions)
        cols["lang"] = langs
        cols["signals"] = [sorted(s.items()) for s in sigs]
        cols.update(first_reason=first_reasons, reasons=all_reasons, reason=first_reasons, _dest=dests)
        return pa.RecordBatch.from_pydict(cols, schema=SCORED_SCHEMA)

    def _apply_redactions(self, cols: dict[str, list[Any]], redactions: list[pii.Redaction | None]) -> None:
        for i, red in enumerate(redactions):
            if red is None or not red.counts:
                continue
            source = cols["source"][i]
            self.stats.pii_docs[source] += 1
            for kind, n in red.counts.items():
                self.stats.pii[(source, kind)] += n
            _set_text(cols, i, red.text)


def _set_text(cols: dict[str, list[Any]], i: int, text: str) -> None:
    """A document's new text (rewritten by a datatrove step, or redacted), with its size and sha256; the id stays."""
    data = text.encode("utf-8")
    cols["text"][i] = text
    cols["size_bytes"][i] = len(data)
    cols["content_sha256"][i] = content_sha256(data)
