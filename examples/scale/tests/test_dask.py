"""The Dask example on a 2-worker local cluster: its issues and valid records equal those of a
single run over the same files (duplicates across partitions included), for Parquet and CSV;
and the second pass's duplicate keys give exactly the core's CEN-DUP-001."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pandas as pd
import pytest

import cen
from conftest import OPTIONS, TODAY, read_output, flat_table, records_with_duplicates, write_dataset

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

import censcale  # noqa: E402
import dask_validate  # noqa: E402


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    )
    with distributed.Client(cluster) as connected:
        assert len(connected.scheduler_info()["workers"]) == 2
        yield connected
    cluster.close()


def normalised(table: Any) -> list[dict[str, Any]]:
    """Rows as dicts, empty strings and nulls alike (CSV writes nulls as empty cells), in row
    order."""
    rows = table.to_pylist()
    return [{k: (None if v == "" else v) for k, v in row.items()} for row in rows]


def assert_same_as_single_run(source: Path, out: Path, fmt: str, options: dict[str, Any], counts: dict[str, int]) -> None:
    table = censcale.read_table(censcale.data_files(source, fmt), fmt)
    issues, valid = censcale.validate_single(table, options)
    got_issues = read_output(out / "issues")
    assert got_issues.column_names == censcale.ISSUE_SCHEMA.names
    assert normalised(got_issues) == normalised(issues)
    got_valid = read_output(out / "valid").select(valid.column_names)
    assert normalised(got_valid) == normalised(valid)
    assert counts["records"] == table.num_rows
    assert counts["valid"] == valid.num_rows
    assert counts["issues"] == issues.num_rows


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_two_workers_give_the_single_run(client: Any, tmp_path: Path, fmt: str) -> None:
    records = records_with_duplicates(6000, seed=21)
    write_dataset(tmp_path / "data", records, files=6, fmt=fmt)
    counts = dask_validate.validate_directory(
        tmp_path / "data", tmp_path / "out", fmt=fmt, options=OPTIONS, blocksize="256KB"
    )
    assert counts["partitions"] >= 6
    assert counts["duplicates"] > 100
    assert 0 < counts["valid"] < counts["records"]
    assert_same_as_single_run(tmp_path / "data", tmp_path / "out", fmt, OPTIONS, counts)
    # Work was shared: both workers ran tasks.
    assert all(n > 0 for n in client.run(lambda dask_worker: len(dask_worker.data) + dask_worker.state.executed_count).values())


def test_a_profile_that_makes_duplicates_errors_drops_them_from_the_valid_records(client: Any, tmp_path: Path) -> None:
    records = records_with_duplicates(3000, seed=22, share=0.2)
    write_dataset(tmp_path / "data", records, files=4, fmt="parquet")
    options = {"today": TODAY, "lang": "fr", "profile": {"severity": {"CEN-DUP-001": "error"}}}
    counts = dask_validate.validate_directory(tmp_path / "data", tmp_path / "out", options=options)
    assert_same_as_single_run(tmp_path / "data", tmp_path / "out", "parquet", options, counts)
    issues = read_output(tmp_path / "out" / "issues").to_pylist()
    duplicates = [i for i in issues if i["rule"] == "CEN-DUP-001"]
    assert duplicates and all(i["severity"] == "error" for i in duplicates)
    assert all(i["message"].startswith("Doublon possible") for i in duplicates)

    off = {"today": TODAY, "profile": {"severity": {"CEN-DUP-001": "off"}}}
    counts = dask_validate.validate_directory(tmp_path / "data", tmp_path / "off", options=off)
    assert_same_as_single_run(tmp_path / "data", tmp_path / "off", "parquet", off, counts)
    assert "CEN-DUP-001" not in read_output(tmp_path / "off" / "issues")["rule"].to_pylist()


def test_an_id_column_names_the_records(client: Any, tmp_path: Path) -> None:
    records = records_with_duplicates(2000, seed=23)
    table = write_dataset(tmp_path / "plain", records, files=1, fmt="parquet")
    ids = pa.array([10_000 + 3 * i for i in range(table.num_rows)], pa.int64())
    (tmp_path / "data").mkdir()
    with_ids = table.add_column(0, "case_number", ids)
    size = -(-with_ids.num_rows // 4)
    for i in range(4):
        pq.write_table(with_ids.slice(i * size, size), tmp_path / "data" / f"part-{i}.parquet")
    counts = dask_validate.validate_directory(tmp_path / "data", tmp_path / "out", options=OPTIONS, id_column="case_number")
    single_issues, single_valid = censcale.validate_single(with_ids, OPTIONS, id_column="case_number")
    got = read_output(tmp_path / "out" / "issues")
    # Rows are the ids; CEN-DUP-001 names the earliest record by its position in the data in a
    # single run, and by its id here (the earliest being the least id).
    assert set(got["row"].to_pylist()) <= set(ids.to_pylist())
    plain = [i for i in normalised(got) if i["rule"] != "CEN-DUP-001"]
    expected = [i for i in normalised(single_issues) if i["rule"] != "CEN-DUP-001"]
    assert plain == expected
    dups = {i["row"] for i in normalised(got) if i["rule"] == "CEN-DUP-001"}
    assert dups == {i["row"] for i in normalised(single_issues) if i["rule"] == "CEN-DUP-001"}
    assert counts["valid"] == single_valid.num_rows


def test_empty_files_and_partitions_change_nothing(client: Any, tmp_path: Path) -> None:
    records = records_with_duplicates(900, seed=27)
    table = write_dataset(tmp_path / "data", records, files=3, fmt="parquet")
    # An empty file first, one in the middle: empty partitions, every row still validated.
    pq.write_table(table.slice(0, 0), tmp_path / "data" / "seizures-000-empty.parquet")
    pq.write_table(table.slice(0, 0), tmp_path / "data" / "seizures-001-empty.parquet")
    counts = dask_validate.validate_directory(tmp_path / "data", tmp_path / "out", options=OPTIONS)
    assert counts["partitions"] == 5 and counts["records"] == table.num_rows
    assert_same_as_single_run(tmp_path / "data", tmp_path / "out", "parquet", OPTIONS, counts)


def test_partition_by_partition_misses_duplicates_across_partitions(tmp_path: Path) -> None:
    # What the second pass is for: validated one partition at a time, CEN-DUP-001 only finds
    # duplicates within a partition.
    records = records_with_duplicates(4000, seed=24)
    table = write_dataset(tmp_path / "data", records, files=1, fmt="parquet")
    whole = cen.validate_arrow(table, **OPTIONS)
    in_whole = sum(1 for rule in whole["rule"].to_pylist() if rule == "CEN-DUP-001")
    in_parts = 0
    for start in range(0, table.num_rows, 500):
        part = cen.validate_arrow(table.slice(start, 500), **OPTIONS)
        in_parts += sum(1 for rule in part["rule"].to_pylist() if rule == "CEN-DUP-001")
    assert 0 < in_parts < in_whole


def second_pass(table: Any) -> tuple[Any, Any]:
    """The whole table validated in partitions of 700 rows, as an engine would: the issues of
    the partitions (without CEN-DUP-001) and the CEN-DUP-001 of the second pass, found from
    the keys alone."""
    issues, keys = [], []
    for start in range(0, table.num_rows, 700):
        part = table.slice(start, 700)
        rows = pa.array(range(start, start + part.num_rows), pa.int64())
        part_issues, part_keys = censcale.validate_partition(part, OPTIONS, rows)
        issues.append(part_issues)
        keys.append(part_keys)
    all_keys = pa.concat_tables(keys).to_pandas()
    # One "partition" of the shuffle holding every key, and one per half of the keys' range:
    # a record whose keys fall in several gets the least of their earliest records.
    halves = [all_keys[all_keys["key"] < 0], all_keys[all_keys["key"] >= 0]]
    firsts = censcale.earliest_duplicates(all_keys)
    split = pd.concat([censcale.earliest_duplicates(h) for h in halves]).groupby("row", as_index=False)["first"].min()
    assert split.sort_values("row", ignore_index=True).equals(firsts.sort_values("row", ignore_index=True))
    return pa.concat_tables(issues), censcale.duplicate_issues(firsts, OPTIONS)


def test_the_second_pass_gives_exactly_the_duplicates_of_a_single_run() -> None:
    records = records_with_duplicates(5000, seed=25, share=0.15)
    # Twins with mistakes that must not pair them: a reporting country or a date that is
    # not one, an air waybill with a bad check digit.
    for i, record in enumerate(records[::50]):
        twin = dict(record)
        twin["reporting_country"] = ["BEL", "be", "XX", " BE"][i % 4]
        records.append(twin)
        other = dict(record)
        other["seizure_date"] = ["2024-02-30", "01/02/2024"][i % 2]
        records.append(other)
    table = flat_table(records)
    whole = cen.validate_arrow(table, **OPTIONS)
    core = whole.filter(pa.compute.equal(whole["rule"], "CEN-DUP-001"))
    rest = whole.filter(pa.compute.not_equal(whole["rule"], "CEN-DUP-001"))
    issues, found = second_pass(table)
    assert core.num_rows > 200
    assert found.to_pylist() == core.to_pylist()
    assert censcale.sort_issues(pa.concat_tables([issues, found])).to_pylist() == whole.to_pylist()
    assert issues.to_pylist() == rest.to_pylist()


def test_the_second_pass_pairs_what_the_core_pairs() -> None:
    base = {
        "reporting_country": "BE",
        "seizure_date": "2026-01-05",
        "procedure": "import",
        "location": {"type": "airport", "code": "BRU"},
        "goods": [{"commodity": "drugs", "type": "cocaine", "quantity": 1, "unit": "kg"}],
        "route": {"departure": "BR", "destination": "BE"},
        "conveyance": [{"type": "air_cargo", "awb": "016-12345675", "flight": "LH254"}],
    }
    bad_awb = {**base, "conveyance": [{"type": "air_cargo", "awb": "016-12345676", "flight": "LH255"}]}
    other_area = {**base, "goods": [{"commodity": "tobacco", "type": "cocaine", "quantity": 1, "unit": "kg"}]}
    no_hyphen = {**base, "conveyance": [{"type": "air_cargo", "awb": "01612345675"}]}
    records = [bad_awb, bad_awb, other_area, base, no_hyphen]
    table = flat_table(records)
    _, keys = censcale.validate_partition(table, OPTIONS)
    per_row = keys.to_pandas().groupby("row")["key"].apply(set).to_dict()
    assert len(per_row[0]) == 1  # the flight with its goods type; the awb failed its check digit
    assert len(per_row[2]) == 1  # the awb; cocaine is no tobacco type: no flight key
    assert len(per_row[3]) == 2 and per_row[2] < per_row[3]
    assert per_row[4] == per_row[2]  # the awb without its hyphen is the same awb
    _, found = second_pass(table)
    assert [(r["row"], r["message"]) for r in found.to_pylist()] == [
        (row, f"Possible duplicate of record {first} of this batch (counted from 0): same country, date and identifier.")
        for row, first in [(1, 0), (3, 2), (4, 2)]
    ]


def test_the_command_line_writes_and_exits_as_cen_validate(tmp_path: Path) -> None:
    records = records_with_duplicates(600, seed=26)
    write_dataset(tmp_path / "data", records, files=3, fmt="csv")
    status = dask_validate.main(
        [str(tmp_path / "data"), str(tmp_path / "out"), "--format", "csv", "--workers", "2", "--today", TODAY]
    )
    assert status == 1  # some records are invalid
    assert read_output(tmp_path / "out" / "issues").num_rows > 0
    with pytest.raises(cen.OptionsError):
        dask_validate.main([str(tmp_path / "data"), str(tmp_path / "bad"), "--lang", "xx"])
