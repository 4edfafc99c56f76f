"""What the Dask and Spark examples share: cen's validation of a partition of flat rows held as
Arrow data, and the second pass that finds duplicates (CEN-DUP-001) across partitions.

Validated partition by partition, every rule of a record is checked exactly as in one run,
except CEN-DUP-001, which compares a record with the *earlier records of its batch*: a
partition only sees its own. So the partition pass leaves CEN-DUP-001 out and keeps, for every
record, the fingerprints of its duplicate keys as the core computes them
(``cen.validate_arrow(..., keys=True)``: reporting country, seizure date and one identifier,
only values that passed their own checks). A second pass shuffles these (key, row) pairs on
the key, so that the records sharing a key meet in one partition, where the earliest of them
is found. A record that shares a key with an earlier one gets CEN-DUP-001 naming the earliest
record, as the single run does (docs/scale.md).
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import pyarrow as pa
import pyarrow.compute as pc

import cen

#: The rule that the partition pass leaves to the second pass.
DUPLICATE = "CEN-DUP-001"

#: The table of issues, as cen.validate_arrow gives it.
ISSUE_SCHEMA = pa.schema(
    [
        pa.field("row", pa.int64(), nullable=False),
        pa.field("rule", pa.string(), nullable=False),
        pa.field("severity", pa.string(), nullable=False),
        pa.field("path", pa.string(), nullable=False),
        pa.field("column", pa.string()),
        pa.field("message", pa.string(), nullable=False),
    ]
)

#: The duplicate keys of rows: one (key, row) pair per key of a row. ``key`` is the core's
#: 64-bit fingerprint, its bits read as a signed integer (Spark has no unsigned type).
KEY_SCHEMA = pa.schema([pa.field("key", pa.int64(), nullable=False), pa.field("row", pa.int64(), nullable=False)])


def validate_partition(
    table: pa.Table, options: Mapping[str, Any], rows: pa.Array | None = None
) -> tuple[pa.Table, pa.Table]:
    """The issues of one partition's rows without CEN-DUP-001, and their duplicate keys
    (cen.validate_arrow on one thread: the engine runs one task per core). ``rows`` names each
    row of ``table`` (its position in the whole data, or its id) and is the ``row`` of both
    tables; by default the rows' positions in ``table``."""
    issues, verdicts = cen.validate_arrow(table, keys=True, threads=1, **options)
    if rows is None:
        rows = pa.array(range(table.num_rows), pa.int64())
    rows = pa.array(rows, pa.int64()) if not isinstance(rows, pa.Array) else rows.cast(pa.int64())
    issues = issues.filter(pc.not_equal(issues["rule"], DUPLICATE))
    issues = issues.set_column(0, ISSUE_SCHEMA.field("row"), pc.take(rows, issues["row"]))
    lists = verdicts["keys"].combine_chunks()
    fingerprints = pc.list_flatten(lists).view(pa.int64())
    owners = pc.take(rows, pc.list_parent_indices(lists))
    keys = pa.table({"key": fingerprints, "row": owners}, schema=KEY_SCHEMA)
    return issues, keys


def earliest_duplicates(keys: Any) -> Any:
    """For (``key``, ``row``) pairs grouped so that every pair of a key is at hand (a partition
    of a shuffle on the key): each row that shares a key with an earlier row, and the earliest
    such row, as a pandas DataFrame (``row``, ``first``). A row whose keys lie in several
    partitions appears once per partition: keep the least ``first`` of a row."""
    import pandas as pd

    if len(keys) == 0:
        return pd.DataFrame({"row": pd.Series([], dtype="int64"), "first": pd.Series([], dtype="int64")})
    first = keys.groupby("key")["row"].transform("min")
    later = keys["row"] > first
    found = pd.DataFrame({"row": keys["row"][later].astype("int64"), "first": first[later].astype("int64")})
    return found.groupby("row", as_index=False)["first"].min()


_PROBE = {
    "reporting_country": "BE",
    "seizure_date": "2024-01-01",
    "conveyance": [{"type": "sea_container", "container": "CSQU3054383"}],
}


def duplicate_rule(options: Mapping[str, Any]) -> tuple[str, str] | None:
    """The severity of CEN-DUP-001 under these options (a profile may change it) and its
    message template in their language; None when the profile turns the rule off. Taken from
    cen itself: the severity from a batch of two identical records, the template from the
    catalogue (checked against the message of that batch)."""
    validator = cen.Validator(**options)
    second = validator.validate_many([_PROBE, _PROBE], threads=1)[1]
    found = [issue for issue in second.issues if issue.rule == DUPLICATE]
    if not found:
        return None
    lang = validator.options["lang"] or "en"
    rule = next(r for r in cen.rules() if r["id"] == DUPLICATE)
    template: str = rule["messages"][lang]
    if template.replace("{first}", "0") != found[0].message:
        raise RuntimeError(f"the message of {DUPLICATE} is no longer its template filled with `first`")
    return found[0].severity, template


def duplicate_issues(duplicates: Any, options: Mapping[str, Any]) -> pa.Table:
    """CEN-DUP-001 for rows found by the second pass: ``duplicates`` has ``row`` and
    ``first`` (pandas or Arrow). The issue is the one a single run gives: path ``""``, no
    column, the message naming the earliest record."""
    rule = duplicate_rule(options)
    table = duplicates if isinstance(duplicates, pa.Table) else pa.Table.from_pandas(duplicates, preserve_index=False)
    if rule is None or table.num_rows == 0:
        return ISSUE_SCHEMA.empty_table()
    severity, template = rule
    rows = table["row"].to_pylist()
    firsts = table["first"].to_pylist()
    order = sorted(range(len(rows)), key=rows.__getitem__)
    return pa.table(
        {
            "row": [rows[i] for i in order],
            "rule": [DUPLICATE] * len(rows),
            "severity": [severity] * len(rows),
            "path": [""] * len(rows),
            "column": pa.nulls(len(rows), pa.string()),
            "message": [template.replace("{first}", str(firsts[i])) for i in order],
        },
        schema=ISSUE_SCHEMA,
    )


def sort_issues(issues: pa.Table) -> pa.Table:
    """Issues in the order of a single run: by row, then as a report sorts them (by path,
    byte by byte, then by rule id); ties keep their order."""
    if issues.num_rows == 0:
        return issues
    keyed = issues.append_column("_order", pa.array(range(issues.num_rows), pa.int64()))
    # Paths are compared as UTF-8 bytes, as the core compares them.
    keyed = keyed.append_column("_path", issues["path"].cast(pa.binary()))
    ordered = keyed.sort_by([("row", "ascending"), ("_path", "ascending"), ("rule", "ascending"), ("_order", "ascending")])
    return ordered.drop_columns(["_order", "_path"])


def data_files(source: str | Path, fmt: str) -> list[Path]:
    """The files of a directory (or a single file) in name order: the order of the rows."""
    source = Path(source)
    suffix = {"parquet": ".parquet", "csv": ".csv"}[fmt]
    files = sorted(source.rglob(f"*{suffix}")) if source.is_dir() else [source]
    if not files:
        raise FileNotFoundError(f"no {suffix} file in {source}")
    return files


def read_table(files: Sequence[Path], fmt: str) -> pa.Table:
    """Every file read whole with pyarrow, in order, as one table: what a single run
    validates. CSV cells are all text, and an empty cell is an empty string (an absent field),
    as the Dask example reads them."""
    import pyarrow.csv as pcsv
    import pyarrow.parquet as pq

    tables: list[pa.Table] = []
    for path in files:
        if fmt == "parquet":
            tables.append(pq.read_table(path))
        else:
            with path.open(newline="", encoding="utf-8-sig") as text:
                header = next(csv.reader(text), [])
            tables.append(
                pcsv.read_csv(
                    path,
                    convert_options=pcsv.ConvertOptions(
                        column_types={name: pa.string() for name in header}, strings_can_be_null=False
                    ),
                )
            )
    return pa.concat_tables(tables, promote_options="permissive")


def validate_single(table: pa.Table, options: Mapping[str, Any], id_column: str | None = None) -> tuple[pa.Table, pa.Table]:
    """One run over a whole table (no engine): its issues and its valid records, each with
    ``row`` (the position, or the id), as the Dask and Spark examples write them."""
    ids = None
    if id_column is not None:
        ids = table[id_column].combine_chunks().cast(pa.int64())
        table = table.drop_columns([id_column])
    issues, verdicts = cen.validate_arrow(table, rows=True, **options)
    rows = ids if ids is not None else pa.array(range(table.num_rows), pa.int64())
    if ids is not None:
        issues = issues.set_column(0, ISSUE_SCHEMA.field("row"), pc.take(ids, issues["row"]))
    valid = table.add_column(0, pa.field("row", pa.int64()), rows).filter(verdicts["valid"])
    return issues, valid


def invalid_rows(issues: Iterable[Any]) -> set[int]:
    """Rows with an issue of severity ``error``, from (row, severity) pairs."""
    return {row for row, severity in issues if severity == "error"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments both examples take: where the records are and where the results go, the
    input format, an id column, and cen's options."""
    parser.add_argument("source", help="a directory of .parquet or .csv files (or one file)")
    parser.add_argument("out", help="where to write issues/ and valid/")
    parser.add_argument("--format", choices=["parquet", "csv"], default="parquet")
    parser.add_argument("--id", dest="id_column", help="an integer column naming each record")
    parser.add_argument("--today")
    parser.add_argument("--lang")
    parser.add_argument("--form")
    parser.add_argument("--source-option", dest="source_option", help="the `source` option (cen, ncen, cencomm)")
    parser.add_argument("--profile", help="a profile (JSON file)")


def options_of(args: argparse.Namespace) -> dict[str, Any]:
    """cen's options from the arguments; bad options fail here, before any work starts."""
    options: dict[str, Any] = {
        key: value
        for key, value in {"today": args.today, "lang": args.lang, "form": args.form, "source": args.source_option}.items()
        if value is not None
    }
    if args.profile:
        options["profile"] = Path(args.profile).read_text(encoding="utf-8")
    cen.Validator(**options)
    return options
