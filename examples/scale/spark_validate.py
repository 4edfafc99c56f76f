"""Validate seizure records (flat rows: Parquet or CSV) with cen on Spark, through
``mapInArrow``, and write the issues and the valid records to Parquet.

    python examples/scale/spark_validate.py DATA_DIR OUT_DIR [--format parquet|csv]
        [--master local[2]] [--id COLUMN] [--today 2026-11-28] [--lang fr] [--profile P.json]

Spark hands each task its rows as Arrow record batches; ``cen.validate_arrow`` reads them in
place (no Python object per row). One ``mapInArrow`` pass gives every issue but CEN-DUP-001
and every record's duplicate keys; a second pass groups the keys (a shuffle on the key) to find
duplicates across the whole data, as the Dask example does (censcale.py, docs/scale.md).

    OUT_DIR/issues/   row, rule, severity, path, column, message
    OUT_DIR/valid/    row, then the columns of the valid records

``row`` is the record's id: the integer column named by ``--id`` (use a column that numbers
the records from 0 in their order to get exactly a single run's CEN-DUP-001 messages, which
name the earliest record by its position), else Spark's ``monotonically_increasing_id()``
(unique and increasing with the order of the data, not consecutive). The earliest of
duplicates is the one with the least id.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any, Iterator, Mapping, Sequence

import pyarrow as pa

sys.path.insert(0, str(Path(__file__).resolve().parent))
import censcale  # noqa: E402

ROW = "row"

#: What the first pass yields: issues (kind "issue") and keys (kind "key") in one table.
CHECKED_SCHEMA = pa.schema(
    [
        pa.field("kind", pa.string()),
        pa.field("row", pa.int64()),
        pa.field("rule", pa.string()),
        pa.field("severity", pa.string()),
        pa.field("path", pa.string()),
        pa.field("column", pa.string()),
        pa.field("message", pa.string()),
        pa.field("key", pa.int64()),
    ]
)
CHECKED_DDL = ", ".join(f"`{f.name}` {'bigint' if f.type == pa.int64() else 'string'}" for f in CHECKED_SCHEMA)


def check_batches(
    batches: Iterator[pa.RecordBatch], options: Mapping[str, Any], names: Sequence[str]
) -> Iterator[pa.RecordBatch]:
    """mapInArrow: the issues (but CEN-DUP-001) and the duplicate keys of each Arrow batch of
    a task. Every batch can be validated alone: the one rule that compares records across a
    batch is left to the second pass. ``names`` are the flat paths of the columns after
    ``row`` (Spark is given plain names: it reads a dot in a name as a struct field)."""
    for batch in batches:
        table = pa.Table.from_batches([batch]).rename_columns([ROW, *names])
        ids = table[ROW].combine_chunks().cast(pa.int64())
        table = table.drop_columns([ROW])
        issues, keys = censcale.validate_partition(table, options, ids)
        n, k = issues.num_rows, keys.num_rows
        issue_part = pa.table(
            {
                "kind": pa.array(["issue"] * n, pa.string()),
                **{name: issues[name] for name in censcale.ISSUE_SCHEMA.names},
                "key": pa.nulls(n, pa.int64()),
            }
        )
        key_part = pa.table(
            {
                "kind": pa.array(["key"] * k, pa.string()),
                "row": keys["row"],
                **{name: pa.nulls(k, pa.string()) for name in ("rule", "severity", "path", "column", "message")},
                "key": keys["key"],
            }
        )
        both = pa.concat_tables([issue_part.cast(CHECKED_SCHEMA), key_part.cast(CHECKED_SCHEMA)])
        yield from both.to_batches()


def read_records(spark: Any, files: Sequence[Path], fmt: str) -> Any:
    """The records as a Spark DataFrame. CSV cells are text (no schema inference): `NA` stays
    Namibia and `0301` an HS code; an empty cell is null, an absent field."""
    paths = [str(f) for f in files]
    if fmt == "parquet":
        return spark.read.parquet(*paths)
    return spark.read.csv(paths, header=True, inferSchema=False)


def validate_directory(
    spark: Any,
    source: str | Path,
    out: str | Path,
    *,
    fmt: str = "parquet",
    options: Mapping[str, Any] | None = None,
    id_column: str | None = None,
) -> dict[str, int]:
    """Validates every record of ``source`` with ``spark`` and writes ``out/issues`` and
    ``out/valid``; returns counts (records, valid, invalid, issues, duplicates)."""
    from pyspark.sql import functions as F

    options = dict(options or {})
    # The Python workers import these two files (they need only cen and pyarrow installed).
    for module in (censcale.__file__, __file__):
        spark.sparkContext.addPyFile(str(module))
    records = read_records(spark, censcale.data_files(source, fmt), fmt)
    if id_column is None:
        if ROW in records.columns:
            raise ValueError(f"the data has a column `{ROW}`: name it with --id, or rename it")
        records = records.withColumn(ROW, F.monotonically_increasing_id())
    else:
        records = records.withColumn(ROW, F.col(f"`{id_column}`").cast("bigint"))
        if id_column != ROW:
            records = records.drop(id_column)
    names = [c for c in records.columns if c != ROW]
    records = records.select(ROW, *[F.col(f"`{c}`") for c in names])

    # Pass 1: issues and keys in one read of the data, kept for what follows. The columns go
    # to mapInArrow under plain names (c0, c1...): with dots in their names, Spark cannot
    # resolve them there.
    plain = records.toDF(ROW, *[f"c{i}" for i in range(len(names))])
    checked = plain.mapInArrow(lambda batches: check_batches(batches, options, names), CHECKED_DDL).cache()
    issues = checked.filter(F.col("kind") == "issue").select(*censcale.ISSUE_SCHEMA.names)
    keys = checked.filter(F.col("kind") == "key").select("key", ROW)

    # Pass 2: a shuffle on the key finds the earliest record of each key; each record that
    # shares a key with an earlier one is a duplicate of the earliest of them.
    earliest = keys.groupBy("key").agg(F.min(ROW).alias("first"))
    firsts = (
        keys.join(earliest, "key")
        .filter(F.col(ROW) > F.col("first"))
        .groupBy(ROW)
        .agg(F.min("first").alias("first"))
        .toPandas()
    )
    duplicates = censcale.duplicate_issues(firsts, options)
    issue_schema = issues.schema
    if duplicates.num_rows:
        issues = issues.unionByName(spark.createDataFrame(duplicates.to_pandas(), schema=issue_schema))

    errors = issues.filter(F.col("severity") == "error").select(ROW).distinct()
    valid = records.join(errors, ROW, "left_anti")
    out = Path(out)
    issues.write.mode("overwrite").parquet(str(out / "issues"))
    valid.write.mode("overwrite").parquet(str(out / "valid"))
    total = records.count()
    invalid = errors.count()
    counts = {
        "records": int(total),
        "valid": int(total - invalid),
        "invalid": int(invalid),
        "issues": int(issues.count()),
        "duplicates": int(len(firsts)),
    }
    checked.unpersist()
    return counts


def session(master: str = "local[2]") -> Any:
    """A Spark session for this example: Arrow on, the workers on this Python."""
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    return (
        SparkSession.builder.master(master)
        .appName("cen-validate")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "8")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    censcale.add_arguments(parser)
    parser.add_argument("--master", default="local[2]", help="Spark master (default local[2])")
    args = parser.parse_args(argv)
    options = censcale.options_of(args)  # before Spark starts
    spark = session(args.master)
    try:
        counts = validate_directory(spark, args.source, args.out, fmt=args.format, options=options, id_column=args.id_column)
    finally:
        spark.stop()
    print(json.dumps(counts))
    return 0 if counts["invalid"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
