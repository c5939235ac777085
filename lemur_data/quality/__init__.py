"""Document quality: the signals, rules, redaction and decontamination used by the filter stage.

Everything here works on plain Python strings and is free of Spark, so the same code runs inside the filter
stage's `mapInArrow` tasks, in the benchmarks and in unit tests.
"""
