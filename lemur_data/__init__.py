"""lemur-data: a Spark pipeline that curates the pretraining corpus of a code-heavy language model."""

__version__ = "0.1.0"
