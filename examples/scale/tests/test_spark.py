"""The Spark example in local mode (local[2]): its issues and valid records equal those of a
single run over the same files. Runs when PySpark is installed (scripts/test-scale.sh installs
it, unless CEN_TEST_SPARK=0)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest

from conftest import OPTIONS, TODAY, read_output, records_with_duplicates, write_dataset

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
pytest.importorskip("pyspark")

import censcale  # noqa: E402
import spark_validate  # noqa: E402


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    session = spark_validate.session("local[2]")
    yield session
    session.stop()


def normalised(table: Any, columns: list[str]) -> list[dict[str, Any]]:
    rows = [{k: (None if row[k] == "" else row[k]) for k in columns} for row in table.to_pylist()]
    return sorted(rows, key=lambda r: (r["row"], (r.get("path") or "").encode(), r.get("rule") or ""))


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_local_spark_gives_the_single_run(spark: Any, tmp_path: Path, fmt: str) -> None:
    records = records_with_duplicates(3000, seed=31)
    table = write_dataset(tmp_path / "plain", records, files=1, fmt="parquet")
    # A column numbering the records from 0: rows and CEN-DUP-001 are then a single run's.
    numbered = table.add_column(0, "n", pa.array(range(table.num_rows), pa.int64()))
    (tmp_path / "data").mkdir()
    size = -(-numbered.num_rows // 4)
    for i in range(4):
        part = numbered.slice(i * size, size)
        if fmt == "parquet":
            pq.write_table(part, tmp_path / "data" / f"part-{i}.parquet")
        else:
            import pyarrow.csv as pcsv

            pcsv.write_csv(part, tmp_path / "data" / f"part-{i}.csv")
    counts = spark_validate.validate_directory(spark, tmp_path / "data", tmp_path / "out", fmt=fmt, options=OPTIONS, id_column="n")
    issues, valid = censcale.validate_single(numbered, OPTIONS, id_column="n")
    got = read_output(tmp_path / "out" / "issues")
    names = censcale.ISSUE_SCHEMA.names
    assert normalised(got, names) == normalised(issues, names)
    got_valid = read_output(tmp_path / "out" / "valid")
    columns = valid.column_names
    if fmt == "csv":
        # Spark reads the numbers of the CSV id column as text before the cast.
        got_valid = got_valid.select(columns)
    assert normalised(got_valid.select(columns), columns) == normalised(valid, columns)
    assert counts["records"] == table.num_rows and counts["valid"] == valid.num_rows
    assert counts["duplicates"] > 50


def test_without_an_id_rows_are_spark_ids(spark: Any, tmp_path: Path) -> None:
    records = records_with_duplicates(1000, seed=32)
    write_dataset(tmp_path / "data", records, files=2, fmt="parquet")
    counts = spark_validate.validate_directory(spark, tmp_path / "data", tmp_path / "out", options={"today": TODAY})
    table = censcale.read_table(censcale.data_files(tmp_path / "data", "parquet"), "parquet")
    issues, valid = censcale.validate_single(table, {"today": TODAY})
    got = read_output(tmp_path / "out" / "issues")
    assert got.num_rows == issues.num_rows
    assert sorted(got["rule"].to_pylist()) == sorted(issues["rule"].to_pylist())
    assert counts["valid"] == valid.num_rows
