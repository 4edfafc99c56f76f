"""Data for the tests of the scale examples: generated seizure records (cen.generate) as flat
rows (cen.flatten), with duplicates of earlier records spread through the data so that many
of them fall in other partitions, written as Parquet or CSV files."""

from __future__ import annotations

import copy
import random
import sys
from pathlib import Path
from typing import Any

import pytest

import cen

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

TODAY = "2026-11-28"
OPTIONS: dict[str, Any] = {"today": TODAY}


def pytest_configure(config: pytest.Config) -> None:
    # PySpark 4.3 warns that it does not yet fully support pandas 3; the examples use pandas
    # only to hand Spark the few rows of the second pass, which the tests check.
    config.addinivalue_line("filterwarnings", "ignore::FutureWarning:pyspark.*")
    config.addinivalue_line("filterwarnings", "ignore:The copy keyword is deprecated:DeprecationWarning")


def records_with_duplicates(count: int, seed: int, share: float = 0.08) -> list[dict[str, Any]]:
    """Generated records (a fifth with mistakes), then copies of earlier records inserted
    later on: exact copies, copies whose air waybill is written without its hyphen, and
    copies on another day (not duplicates)."""
    rng = random.Random(seed)
    records = cen.generate(count, seed=seed, invalid_share=0.2)
    for n in range(int(count * share)):
        i = rng.randrange(len(records))
        twin = copy.deepcopy(records[i])
        if n % 3 == 1:
            for leg in twin.get("conveyance", []):
                if isinstance(leg.get("awb"), str):
                    leg["awb"] = leg["awb"].replace("-", "")
        elif n % 3 == 2:
            twin["seizure_date"] = "2019-01-01"
        records.insert(rng.randrange(i + 1, len(records) + 1), twin)
    return records


def flat_table(records: list[dict[str, Any]]) -> Any:
    """Records as a table of flat rows with a column for every field of any record, all text
    (``pa.Table.from_pylist`` alone would keep only the first row's columns)."""
    pa = pytest.importorskip("pyarrow")
    rows = [cen.flatten(r) for r in records]
    columns = sorted({name for row in rows for name in row})
    return pa.Table.from_pylist(rows, schema=pa.schema([(name, pa.string()) for name in columns]))


def write_dataset(directory: Path, records: list[dict[str, Any]], files: int, fmt: str) -> Any:
    """The records as flat rows in `files` files of `directory` (names in row order); returns
    the whole table."""
    import pyarrow.csv as pcsv
    import pyarrow.parquet as pq

    table = flat_table(records)
    directory.mkdir(parents=True, exist_ok=True)
    size = -(-table.num_rows // files)
    for i in range(files):
        part = table.slice(i * size, size)
        if fmt == "parquet":
            pq.write_table(part, directory / f"seizures-{i:03d}.parquet")
        else:
            pcsv.write_csv(part, directory / f"seizures-{i:03d}.csv")
    return table


def read_output(directory: Path) -> Any:
    """The Parquet files an example wrote in this directory, as one table."""
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    files = sorted(directory.glob("*.parquet"))
    assert files, f"nothing written in {directory}"
    return pa.concat_tables([pq.read_table(f) for f in files], promote_options="permissive")
