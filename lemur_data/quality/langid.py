"""Natural-language identification with fastText lid.176 (offline asset `lid.176.ftz`), loaded once per process.

NOTE: fastText's Python binding is imported lazily so that `lemur-data --help` and manifest commands do not pay
for it; inside Spark, each Python worker loads the model on its first batch and keeps it (workers are reused).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from lemur_data import assets

LID_ASSET = "lid.176.ftz"
UNDETERMINED = "und"
_LABEL_PREFIX = "__label__"
_NEWLINES = re.compile(r"[\r\n]+")


@functools.cache
def _model(path: str):
    import fasttext  # noqa: PLC0415 - heavy import, only where predictions are made

    fasttext.FastText.eprint = lambda *_args, **_kw: None  # silence the load-time warning on stderr
    return fasttext.load_model(path)


def model_path() -> Path:
    return assets.path(LID_ASSET)


def predict(texts: list[str], max_chars: int) -> list[tuple[str, float]]:
    """(ISO 639-1 code, score) per text; empty texts get ('und', 0.0). One batched call into fastText."""
    model = _model(str(model_path()))
    prepared = [_NEWLINES.sub(" ", t[:max_chars]).strip() for t in texts]
    wanted = [i for i, t in enumerate(prepared) if t]
    out = [(UNDETERMINED, 0.0)] * len(texts)
    if wanted:
        labels, scores = model.predict([prepared[i] for i in wanted], k=1)
        for i, label, score in zip(wanted, labels, scores):
            out[i] = (label[0][len(_LABEL_PREFIX):], min(1.0, float(score[0])))
    return out
