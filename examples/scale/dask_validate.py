"""Validate a directory of seizure records (flat rows: CSV or Parquet) with cen on Dask, and
write the issues and the valid records to Parquet.

    python examples/scale/dask_validate.py DATA_DIR OUT_DIR [--format parquet|csv]
        [--workers 2] [--scheduler tcp://...] [--today 2026-11-28] [--lang fr] [--profile P.json]

Each partition is validated with ``cen.validate_arrow`` (no Python object per row) in
``map_partitions``; duplicates across partitions (CEN-DUP-001) are found by a second pass, a
shuffle on the duplicate key (see censcale.py and docs/scale.md). The result is the one a
single run over all the files gives, written as:

    OUT_DIR/issues/part-00000.parquet ...   row, rule, severity, path, column, message
    OUT_DIR/valid/part-00000.parquet ...    row, then the columns of the valid records

``row`` is a record's position in the data (files in name order, from 0), or its id with
``--id COLUMN`` (an integer column of the data, left out of validation). Without
``--scheduler``, a ``distributed.LocalCluster`` of ``--workers`` processes is started.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Mapping, Sequence

import cloudpickle
import dask
import dask.dataframe as dd
import numpy as np
import pandas as pd
import pyarrow as pa

sys.path.insert(0, str(Path(__file__).resolve().parent))
import censcale  # noqa: E402

# Workers get censcale's functions with the tasks, so that nothing needs installing on them
# but cen, pyarrow and dask.
cloudpickle.register_pickle_by_value(censcale)

ROW = "row"
ISSUES_META = censcale.ISSUE_SCHEMA.empty_table().to_pandas()
KEYS_META = censcale.KEY_SCHEMA.empty_table().to_pandas()
FIRSTS_META = pd.DataFrame({"row": pd.Series([], dtype="int64"), "first": pd.Series([], dtype="int64")})


def read_records(files: Sequence[Path], fmt: str, blocksize: str | None = None) -> dd.DataFrame:
    """The records of the files, in order, as a Dask DataFrame. CSV cells are read as text,
    with empty cells kept as empty strings (absent fields): otherwise pandas would turn `NA`
    (Namibia) into a missing value and the HS code `0301` into the number 301."""
    paths = [str(f) for f in files]
    if fmt == "parquet":
        return dd.read_parquet(paths, blocksize=blocksize) if blocksize else dd.read_parquet(paths)
    return dd.read_csv(paths, dtype=str, keep_default_na=False, blocksize=blocksize or "64MB")


def _number(records: pd.DataFrame, offsets: Sequence[int], id_column: str | None, partition_info: Any = None) -> pd.DataFrame:
    """Adds ``row`` in front: the position of each record in the whole data, or its id."""
    if id_column is not None:
        rows = records[id_column].astype("int64")
        records = records.drop(columns=[id_column])
    else:
        start = offsets[partition_info["number"]] if partition_info else 0
        rows = pd.Series(np.arange(start, start + len(records), dtype="int64"), index=records.index)
    return records.assign(**{ROW: rows})[[ROW, *records.columns]]


#: What the first pass gives for a partition, in one frame: its issues (``kind`` "issue") and
#: its records' duplicate keys (``kind`` "key", ``key`` the fingerprint; 0 on issue rows, so
#: that the column stays a plain int64).
CHECKED_META = pd.DataFrame(
    {
        "kind": pd.Series([], dtype=object),
        **{name: ISSUES_META[name] for name in ISSUES_META.columns},
        "key": pd.Series([], dtype="int64"),
    }
)


def _check(records: pd.DataFrame, options: Mapping[str, Any]) -> pd.DataFrame:
    """Map: the issues of one partition (without CEN-DUP-001) and its records' duplicate
    keys, validating the partition once."""
    table = pa.Table.from_pandas(records.drop(columns=[ROW]), preserve_index=False)
    ids = pa.array(records[ROW].to_numpy(), pa.int64())
    issues, keys = censcale.validate_partition(table, options, ids)
    issue_part = issues.to_pandas().assign(kind="issue", key=np.zeros(issues.num_rows, dtype="int64"))
    key_part = pd.DataFrame({"kind": "key", "row": keys["row"].to_numpy(), "key": keys["key"].to_numpy()})
    checked = pd.concat([issue_part, key_part], ignore_index=True)
    return checked[list(CHECKED_META.columns)].astype({"row": "int64", "key": "int64"})


def _with_duplicates(issues: pd.DataFrame, rows: pd.DataFrame, duplicates: pd.DataFrame) -> pd.DataFrame:
    """Map: a partition's issues with the CEN-DUP-001 of its records (``rows``), in the order
    of a single run."""
    mine = duplicates[duplicates[ROW].isin(rows[ROW])]
    if mine.empty:
        return issues
    table = pa.concat_tables(
        [
            pa.Table.from_pandas(issues, schema=censcale.ISSUE_SCHEMA, preserve_index=False),
            pa.Table.from_pandas(mine, schema=censcale.ISSUE_SCHEMA, preserve_index=False),
        ]
    )
    return censcale.sort_issues(table).to_pandas()


def _valid(records: pd.DataFrame, issues: pd.DataFrame) -> pd.DataFrame:
    """Map: the records of a partition that have no issue of severity ``error``."""
    invalid = issues.loc[issues["severity"] == "error", ROW].unique()
    return records[~records[ROW].isin(invalid)]


def find_duplicates(keys: dd.DataFrame) -> pd.DataFrame:
    """The second pass: a shuffle on the duplicate key brings every record that shares a key
    into one partition, where the earliest of them is found; then the least ``first`` of each
    record. Returns (``row``, ``first``) for each record that duplicates an earlier one."""
    shuffled = keys.shuffle("key", npartitions=max(1, keys.npartitions))
    found = shuffled.map_partitions(censcale.earliest_duplicates, meta=FIRSTS_META)
    firsts = found.groupby(ROW)["first"].min().compute()
    return firsts.reset_index().astype("int64").sort_values(ROW, ignore_index=True)


def validate_directory(
    source: str | Path,
    out: str | Path,
    *,
    fmt: str = "parquet",
    options: Mapping[str, Any] | None = None,
    id_column: str | None = None,
    blocksize: str | None = None,
) -> dict[str, int]:
    """Validates every record of ``source`` on the current Dask scheduler and writes
    ``out/issues`` and ``out/valid``. Returns counts: records, partitions, valid, invalid,
    issues, duplicates across partitions."""
    options = dict(options or {})
    records = read_records(censcale.data_files(source, fmt), fmt, blocksize)
    if ROW in records.columns and id_column != ROW:
        raise ValueError(f"the data has a column `{ROW}`: name it with --id, or rename it")
    offsets: list[int] = []
    if id_column is None:
        # One cheap pass for the number of rows of each partition: rows are then numbered in
        # the order of the files, as a single run numbers them.
        lengths = records.map_partitions(len).compute().tolist()
        offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(int).tolist()
    meta = _number(records._meta, [0], id_column)
    records = records.map_partitions(_number, offsets, id_column, meta=meta)

    # Pass 1, reading the data once: every rule but CEN-DUP-001, partition by partition; each
    # record's keys; and which rows each partition holds.
    checked = records.map_partitions(_check, options, meta=CHECKED_META)
    rows = records.map_partitions(lambda p: p[[ROW]], meta=meta[[ROW]])
    checked, rows = dask.persist(checked, rows)
    issues = checked[checked["kind"] == "issue"][list(ISSUES_META.columns)]
    keys = checked[checked["kind"] == "key"][list(KEYS_META.columns)]
    # Pass 2: CEN-DUP-001 across partitions (small: one row per duplicate record).
    firsts = find_duplicates(keys)
    duplicates = censcale.duplicate_issues(firsts, options).to_pandas()

    # Then the output, reading the data a second time for the valid records.
    issues = dd.map_partitions(_with_duplicates, issues, rows, duplicates, meta=ISSUES_META, align_dataframes=False)
    valid = dd.map_partitions(_valid, records, issues, meta=meta, align_dataframes=False)
    out = Path(out)
    names = {"name_function": lambda i: f"part-{i:05d}.parquet", "write_index": False, "compute": False}
    count_meta = pd.DataFrame({name: pd.Series([], dtype="int64") for name in ("records", "issues", "invalid")})
    counted = dd.map_partitions(
        lambda p, r: pd.DataFrame(
            {"records": [len(r)], "issues": [len(p)], "invalid": [p.loc[p["severity"] == "error", ROW].nunique()]}
        ),
        issues,
        rows,
        meta=count_meta,
        align_dataframes=False,
    )
    _, _, totals = dask.compute(
        issues.to_parquet(out / "issues", **names),
        valid.to_parquet(out / "valid", **names),
        counted,
    )
    records_total = int(totals["records"].sum())
    invalid = int(totals["invalid"].sum())
    return {
        "records": records_total,
        "partitions": int(records.npartitions),
        "valid": records_total - invalid,
        "invalid": invalid,
        "issues": int(totals["issues"].sum()),
        "duplicates": int(len(firsts)),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    censcale.add_arguments(parser)
    parser.add_argument("--workers", type=int, default=2, help="local worker processes (default 2)")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler instead of a local cluster")
    parser.add_argument("--blocksize", help="bytes per partition (Dask's blocksize, e.g. 64MB)")
    args = parser.parse_args(argv)
    options = censcale.options_of(args)

    from distributed import Client, LocalCluster

    if args.scheduler:
        client = Client(args.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        counts = validate_directory(
            args.source, args.out, fmt=args.format, options=options, id_column=args.id_column, blocksize=args.blocksize
        )
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    print(json.dumps(counts))
    return 0 if counts["invalid"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
