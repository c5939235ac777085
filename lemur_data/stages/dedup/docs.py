"""Reading documents back by read unit: the sketch records each document's read unit (one upstream row group), so a
later step that needs some documents' text reads just those row groups with pyarrow inside its tasks, instead of
sending the whole corpus's text through the JVM and a shuffle join."""

from __future__ import annotations

from typing import Callable, Iterator

import pyarrow as pa
import pyarrow.compute as pc
from pyspark.sql import DataFrame

from lemur_data import storage
from lemur_data.datasets import ReadUnit, read_unit, unit_tasks

# (requests of one unit, the requested documents in the same order) -> output batches
UnitFunction = Callable[[pa.Table, pa.Table], Iterator[pa.RecordBatch]]


def with_documents(requests: DataFrame, units: list[ReadUnit], store: storage.Storage, columns: list[str],
                   fn: UnitFunction, ddl: str) -> DataFrame:
    """mapInArrow over `requests` (rows with `unit` and `id`), grouped by unit: each unit is read once, with
    `columns` only, and `fn` gets the unit's requests and their documents."""
    grouped = requests.repartition(unit_tasks(requests.sparkSession, len(units)), "unit")
    return grouped.mapInArrow(_UnitTask(units, store, ["id", *[c for c in columns if c != "id"]], fn), ddl)


class _UnitTask:
    def __init__(self, units: list[ReadUnit], store: storage.Storage, columns: list[str], fn: UnitFunction) -> None:
        self.units, self.store, self.columns, self.fn = units, store, columns, fn

    def __call__(self, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        received = [b for b in batches if b.num_rows]
        if not received:
            return
        requests = pa.Table.from_batches(received)
        unit_column = requests.column("unit")
        for unit in sorted(pc.unique(unit_column).to_pylist()):
            asked = requests.filter(pc.equal(unit_column, unit))
            docs = pa.concat_tables(read_unit(self.store, self.units[unit], self.columns))
            yield from self.fn(asked, docs.take(pc.index_in(asked.column("id"), value_set=docs.column("id"))))
