"""The Arrow path: validate_arrow on pyarrow tables, record batches and streams, polars and
pandas frames, with every family of Arrow types (issues or a clear error, never a dropped
row), against validate_many on the same records."""

from __future__ import annotations

import datetime
import json
import threading
from decimal import Decimal
from typing import Any

import pytest

import cen
from conftest import EXAMPLES, TODAY

pa = pytest.importorskip("pyarrow")
pc = pytest.importorskip("pyarrow.compute")

ISSUE_COLUMNS = ["row", "rule", "severity", "path", "column", "message"]
ROW_COLUMNS = ["valid", "quality", "errors", "warnings", "infos"]


def example(name: str) -> dict[str, Any]:
    record: dict[str, Any] = json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    return record


def table_of(records: list[dict[str, Any]]) -> Any:
    """Flat rows of records as a pyarrow table, with a column for every field of any record
    (absent fields are nulls; ``from_pylist`` alone would take the first row's columns)."""
    rows = [cen.flatten(r) for r in records]
    names = list(dict.fromkeys(name for row in rows for name in row))
    return pa.table({name: [row.get(name) for row in rows] for name in names})


def expected_issues(reports: list[cen.Report]) -> list[tuple[Any, ...]]:
    return [
        (row, i.rule, i.severity, i.path, i.column, i.message)
        for row, report in enumerate(reports)
        for i in report.issues
    ]


def issue_tuples(issues: Any) -> list[tuple[Any, ...]]:
    assert issues.column_names == ISSUE_COLUMNS
    columns = [issues[name].to_pylist() for name in ISSUE_COLUMNS]
    return list(zip(*columns))


def issues_at(issues: Any, row: int, path: str) -> list[str]:
    return [t[1] for t in issue_tuples(issues) if t[0] == row and t[3] == path]


def one_row(**cells: Any) -> Any:
    """A one-row table: a valid sample record's flat row with some cells replaced by typed
    Arrow arrays."""
    base = cen.flatten(example("long-air-passenger"))
    columns = {name: pa.array([value]) for name, value in base.items()}
    columns.update(cells)
    return pa.table(columns)


# --- the same reports as every other path ----------------------------------------------------


def test_issues_and_rows_are_those_of_validate_many() -> None:
    records = cen.generate(600, seed=5, invalid_share=0.3)
    records += records[:40]  # duplicates of earlier rows: CEN-DUP-001
    reports = cen.validate_many(records, today=TODAY, lang="fr")
    issues, rows = cen.validate_arrow(table_of(records), today=TODAY, lang="fr", rows=True)
    assert issue_tuples(issues) == expected_issues(reports)
    assert rows.column_names == ROW_COLUMNS
    assert rows.num_rows == len(records)
    assert rows["valid"].to_pylist() == [r.valid for r in reports]
    assert rows["quality"].to_pylist() == [r.quality for r in reports]
    assert rows["errors"].to_pylist() == [r.counts["error"] for r in reports]
    assert rows["warnings"].to_pylist() == [r.counts["warning"] for r in reports]
    assert rows["infos"].to_pylist() == [r.counts["info"] for r in reports]
    assert any(t[1] == "CEN-DUP-001" for t in issue_tuples(issues))
    assert not all(rows["valid"].to_pylist())


def test_the_issue_table_has_the_columns_of_validate_frame() -> None:
    pd = pytest.importorskip("pandas")
    records = [example("invalid-movement"), example("long-sea-container")]
    issues = cen.validate_arrow(table_of(records), today=TODAY)
    assert issues.schema.field("row").type == pa.int64()
    assert issues.schema.field("column").nullable
    frame = cen.validate_frame(pd.DataFrame([cen.flatten(r) for r in records]), today=TODAY)
    assert issues.to_pandas().astype(object).equals(frame.astype(object))


def test_rows_across_many_slices_and_batches_are_one_batch() -> None:
    # Past the 16,384 rows of a slice, and in several record batches: positions and
    # duplicates (params.first) run across all of them.
    records = cen.generate(400, seed=9, invalid_share=0.2)
    records = records * 45  # 18,000 rows: every row after the first 400 is a duplicate
    table = table_of(records)
    batches = table.to_batches(max_chunksize=5000)
    assert len(batches) == 4
    stream = pa.RecordBatchReader.from_batches(table.schema, batches)
    issues, rows = cen.validate_arrow(stream, today=TODAY, rows=True)
    assert rows.num_rows == len(records)
    reports = cen.Validator(today=TODAY).validate_many(records)
    assert issue_tuples(issues) == expected_issues(reports)


@pytest.mark.parametrize("threads", [None, 1, 2])
def test_threads_give_the_same_table(threads: int | None) -> None:
    table = table_of(cen.generate(3000, seed=3, invalid_share=0.3))
    reference = cen.validate_arrow(table, today=TODAY, threads=1)
    assert cen.validate_arrow(table, today=TODAY, threads=threads).equals(reference)


def test_a_validator_is_shared_by_python_threads() -> None:
    table = table_of(cen.generate(2000, seed=4, invalid_share=0.3))
    validator = cen.Validator(today=TODAY)
    reference = validator.validate_arrow(table)
    results: list[Any] = []

    def work() -> None:
        results.append(validator.validate_arrow(table))

    workers = [threading.Thread(target=work) for _ in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert len(results) == 4 and all(r.equals(reference) for r in results)


def test_options_apply_and_bad_options_raise() -> None:
    table = table_of([example("invalid-movement")])
    profile = {"commodities": ["tobacco"], "severity": {"CEN-MOV-006": "warning"}}
    issues = cen.validate_arrow(table, today=TODAY, profile=profile)
    by_rule = {t[1]: t[2] for t in issue_tuples(issues)}
    assert by_rule["CEN-FRM-002"] == "error"
    assert by_rule["CEN-MOV-006"] == "warning"
    with pytest.raises(cen.OptionsError):
        cen.validate_arrow(table, lang="xx")
    with pytest.raises(cen.ProfileError):
        cen.validate_arrow(table, profile={"colour": "red"})
    with pytest.raises(ValueError, match="threads"):
        cen.validate_arrow(table, threads=0)


# --- what carries the data ---------------------------------------------------------------------


def test_a_record_batch_a_table_and_a_stream_give_the_same_issues() -> None:
    table = table_of(cen.generate(50, seed=2, invalid_share=0.5))
    reference = cen.validate_arrow(table, today=TODAY)
    batch = table.combine_chunks().to_batches()[0]
    assert cen.validate_arrow(batch, today=TODAY).equals(reference)
    assert cen.validate_arrow(table.to_reader(), today=TODAY).equals(reference)


def test_a_pandas_frame_goes_through_its_arrow_stream() -> None:
    pd = pytest.importorskip("pandas")
    records = cen.generate(100, seed=6, invalid_share=0.5)
    df = pd.DataFrame([cen.flatten(r) for r in records])
    if not hasattr(df, "__arrow_c_stream__"):
        pytest.skip("this pandas has no Arrow PyCapsule interface (pandas < 2.2)")
    issues = cen.validate_arrow(df, today=TODAY)
    assert issue_tuples(issues) == expected_issues(cen.validate_many(records, today=TODAY))


def test_a_polars_frame_goes_through_its_arrow_stream() -> None:
    pl = pytest.importorskip("polars")
    records = cen.generate(100, seed=7, invalid_share=0.5)
    df = pl.from_arrow(table_of(records))
    issues = cen.validate_arrow(df, today=TODAY)
    assert issue_tuples(issues) == expected_issues(cen.validate_many(records, today=TODAY))


def test_what_is_not_arrow_data_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="Arrow data"):
        cen.validate_arrow([cen.flatten(example("invalid-movement"))])
    with pytest.raises(TypeError, match="Arrow data"):
        cen.validate_arrow(None)
    with pytest.raises(TypeError, match="cannot be read as a table"):
        cen.validate_arrow(pa.array([1, 2, 3]))


# --- every family of Arrow types ----------------------------------------------------------------


def test_string_types_and_dictionaries_read_as_text() -> None:
    table = table_of(cen.generate(200, seed=8, invalid_share=0.5))
    reference = cen.validate_arrow(table, today=TODAY)
    for target in (pa.large_string(), pa.string_view(), pa.dictionary(pa.int32(), pa.string())):
        cast = table.cast(pa.schema([pa.field(f.name, target) for f in table.schema]))
        assert cen.validate_arrow(cast, today=TODAY).equals(reference), str(target)
    encoded = pa.table({name: pc.dictionary_encode(table[name]) for name in table.column_names})
    assert cen.validate_arrow(encoded, today=TODAY).equals(reference)


def test_integers_where_strings_belong_are_wrong_types() -> None:
    issues = cen.validate_arrow(
        one_row(reporting_country=pa.array([32], pa.int64()), case_ref=pa.array([7], pa.uint8())),
        today=TODAY,
    )
    assert issues_at(issues, 0, "/reporting_country") == ["CEN-SCH-002"]
    assert issues_at(issues, 0, "/case_ref") == ["CEN-SCH-002"]


def test_numbers_of_every_width_are_numbers() -> None:
    reference = cen.validate_arrow(one_row(), today=TODAY)
    assert issue_tuples(reference) == []
    for array in (
        pa.array([12], pa.int8()),
        pa.array([12], pa.uint16()),
        pa.array([12], pa.uint64()),
        pa.array([12.0], pa.float32()),
        pa.array([Decimal("12.000")], pa.decimal128(10, 3)),
    ):
        issues = cen.validate_arrow(one_row(**{"goods.0.quantity": array}), today=TODAY)
        assert issue_tuples(issues) == [], str(array.type)
    issues = cen.validate_arrow(one_row(**{"outcome.arrests": pa.array([2**64 - 1], pa.uint64())}), today=TODAY)
    assert issues_at(issues, 0, "/outcome/arrests") == ["CEN-SCH-006"]


def test_decimals_keep_their_decimal_digits() -> None:
    # 12.345 JPY has three decimals where the yen has none: CEN-QTY-002, as in JSON.
    record = example("cencomm-cash")
    flat = cen.flatten(record)
    currency = flat.get("goods.0.currency")
    assert currency is not None
    cells = {
        "goods.0.quantity": pa.array([Decimal("12.345")], pa.decimal128(12, 3)),
        "goods.0.currency": pa.array(["JPY"]),
    }
    columns = {name: pa.array([value]) for name, value in flat.items()}
    columns.update(cells)
    issues = cen.validate_arrow(pa.table(columns), today=TODAY)
    assert "CEN-QTY-002" in issues_at(issues, 0, "/goods/0/quantity")


def test_not_a_number_is_not_a_number() -> None:
    # In Arrow, null is the missing marker and NaN a value: a number field holding NaN is not
    # left empty (pandas' NaN becomes null when pandas converts a frame to Arrow).
    issues = cen.validate_arrow(one_row(**{"goods.0.quantity": pa.array([float("nan")])}), today=TODAY)
    assert issues_at(issues, 0, "/goods/0/quantity") == ["CEN-SCH-002"]


def test_booleans_are_wrong_types() -> None:
    issues = cen.validate_arrow(one_row(case_ref=pa.array([True])), today=TODAY)
    assert issues_at(issues, 0, "/case_ref") == ["CEN-SCH-002"]


def test_all_null_columns_are_absent_fields() -> None:
    for array in (pa.nulls(1), pa.nulls(1, pa.string()), pa.nulls(1, pa.int64()), pa.nulls(1, pa.struct([("a", pa.int8())]))):
        issues = cen.validate_arrow(one_row(reporting_country=array, case_ref=array), today=TODAY)
        assert issues_at(issues, 0, "/reporting_country") == ["CEN-SCH-004"], str(array.type)
        assert issues_at(issues, 0, "/case_ref") == [], str(array.type)
    empty_dictionary = pa.DictionaryArray.from_arrays(pa.array([None], pa.int32()), pa.array([], pa.string()))
    issues = cen.validate_arrow(one_row(reporting_country=empty_dictionary), today=TODAY)
    assert issues_at(issues, 0, "/reporting_country") == ["CEN-SCH-004"]


def test_dates_and_timestamps_are_the_day_they_show() -> None:
    reference = issue_tuples(cen.validate_arrow(one_row(), today=TODAY))
    day = cen.flatten(example("long-air-passenger"))["seizure_date"]
    date = datetime.date.fromisoformat(day)
    midnight = datetime.datetime.combine(date, datetime.time())
    for array in (
        pa.array([date], pa.date32()),
        pa.array([date], pa.date64()),
        pa.array([midnight], pa.timestamp("s")),
        pa.array([midnight], pa.timestamp("ns")),
        # 23:00 UTC the day before is midnight in Brussels (UTC+1 in winter, +2 in summer).
        pa.array([midnight.replace(tzinfo=datetime.timezone(datetime.timedelta(hours=2)))], pa.timestamp("ms", tz="+02:00")),
        pa.array([midnight.replace(tzinfo=datetime.timezone.utc)], pa.timestamp("us", tz="UTC")),
    ):
        issues = cen.validate_arrow(one_row(seizure_date=array), today=TODAY)
        assert issue_tuples(issues) == reference, str(array.type)


def test_a_time_of_day_is_not_a_date() -> None:
    day = cen.flatten(example("long-air-passenger"))["seizure_date"]
    afternoon = datetime.datetime.fromisoformat(day + "T15:30:00")
    for array in (
        pa.array([afternoon], pa.timestamp("s")),
        pa.array([afternoon.replace(tzinfo=datetime.timezone.utc)], pa.timestamp("s", tz="Europe/Brussels")),
    ):
        issues = cen.validate_arrow(one_row(seizure_date=array), today=TODAY)
        assert issues_at(issues, 0, "/seizure_date") == ["CEN-DAT-001"], str(array.type)
    # Midnight UTC is 01:00 or 02:00 in Brussels: the day it shows there has a time of day.
    midnight_utc = datetime.datetime.fromisoformat(day).replace(tzinfo=datetime.timezone.utc)
    brussels = pa.array([midnight_utc], pa.timestamp("s", tz="Europe/Brussels"))
    issues = cen.validate_arrow(one_row(seizure_date=brussels), today=TODAY)
    assert issues_at(issues, 0, "/seizure_date") == ["CEN-DAT-001"]


def test_times_durations_and_bytes_are_wrong_types() -> None:
    for array in (
        pa.array([datetime.time(12, 0)], pa.time64("us")),
        pa.array([datetime.timedelta(days=1)], pa.duration("s")),
        pa.array([b"BE"], pa.binary()),
        pa.array([b"BE"], pa.large_binary()),
    ):
        issues = cen.validate_arrow(one_row(reporting_country=array), today=TODAY)
        assert issues_at(issues, 0, "/reporting_country") == ["CEN-SCH-002"], str(array.type)


def test_lists_of_strings_are_list_cells() -> None:
    record = example("long-sea-container")
    record["route"]["transit"] = ["FR", "DE"]
    flat = cen.flatten(record)
    assert flat["route.transit"] == "FR;DE"
    reference = cen.validate_arrow(table_of([record]), today=TODAY)
    columns = {name: pa.array([value]) for name, value in flat.items()}
    for array in (
        pa.array([["FR", "DE"]], pa.list_(pa.string())),
        pa.array([["FR", None, "DE"]], pa.large_list(pa.large_string())),
        pa.array([["FR", "DE"]], pa.list_(pa.string(), 2)),
        pa.array([["FR", "DE"]], pa.list_(pa.dictionary(pa.int32(), pa.string()))),
    ):
        columns["route.transit"] = array
        assert cen.validate_arrow(pa.table(columns), today=TODAY).equals(reference), str(array.type)


def test_nested_types_are_wrong_types_at_their_column() -> None:
    for array in (
        pa.array([[1, 2]], pa.list_(pa.int64())),
        pa.array([[["FR"]]], pa.list_(pa.list_(pa.string()))),
        pa.array([{"type": "airport", "code": "BRU"}]),
        pa.array([[("a", "b")]], pa.map_(pa.string(), pa.string())),
    ):
        issues = cen.validate_arrow(one_row(**{"route.transit": array, "location": array}), today=TODAY)
        assert issues_at(issues, 0, "/route/transit") == ["CEN-SCH-002"], str(array.type)
        assert issues_at(issues, 0, "/location") == ["CEN-SCH-002"], str(array.type)


def test_run_end_encoded_columns_are_their_values() -> None:
    table = table_of(cen.generate(30, seed=12, invalid_share=0.5))
    reference = cen.validate_arrow(table, today=TODAY)
    column = table["reporting_country"].combine_chunks()
    runs = pc.run_end_encode(column)
    encoded = table.set_column(table.column_names.index("reporting_country"), "reporting_country", runs)
    assert cen.validate_arrow(encoded, today=TODAY).equals(reference)


def test_a_time_zone_that_is_not_one_is_a_clear_error() -> None:
    array = pa.array([0], pa.int64()).view(pa.timestamp("s", tz="Mars/Olympus_Mons"))
    with pytest.raises(ValueError, match="seizure_date.*Mars/Olympus_Mons"):
        cen.validate_arrow(one_row(seizure_date=array), today=TODAY)


# --- rows in, rows validated -------------------------------------------------------------------


def test_empty_inputs_give_empty_tables_with_their_schemas() -> None:
    table = table_of([example("invalid-movement")])
    empty = table.slice(0, 0)
    issues, rows = cen.validate_arrow(empty, today=TODAY, rows=True)
    assert issues.num_rows == 0 and issues.column_names == ISSUE_COLUMNS
    assert rows.num_rows == 0 and rows.column_names == ROW_COLUMNS
    stream = pa.RecordBatchReader.from_batches(table.schema, [])
    assert cen.validate_arrow(stream, today=TODAY).num_rows == 0
    issues, rows = cen.validate_arrow(pa.table({}), rows=True)
    assert (issues.num_rows, rows.num_rows) == (0, 0)


def test_empty_batches_among_others_change_nothing() -> None:
    table = table_of(cen.generate(20, seed=13, invalid_share=0.5))
    reference = cen.validate_arrow(table, today=TODAY)
    batch = table.combine_chunks().to_batches()[0]
    empty = batch.slice(0, 0)
    stream = pa.RecordBatchReader.from_batches(table.schema, [empty, batch.slice(0, 7), empty, batch.slice(7), empty])
    assert cen.validate_arrow(stream, today=TODAY).equals(reference)


def test_rows_without_columns_are_empty_records() -> None:
    table = pa.table({"a": [1, 2, 3]}).drop_columns(["a"])
    assert (table.num_columns, table.num_rows) == (0, 3)
    issues, rows = cen.validate_arrow(table, today=TODAY, rows=True)
    assert rows.num_rows == 3 and not any(rows["valid"].to_pylist())
    assert sorted(set(issues["row"].to_pylist())) == [0, 1, 2]
    assert set(issues["rule"].to_pylist()) == {"CEN-SCH-004"}


def test_every_row_is_validated_whatever_its_cells() -> None:
    # Nulls everywhere, unknown columns, wrong types: as many verdicts as rows.
    n = 500
    table = pa.table(
        {
            "reporting_country": pa.array([None] * n, pa.string()),
            "colour": pa.array(["red"] * n),
            "goods.0.quantity": pa.array([[1]] * n, pa.list_(pa.int64())),
            "goods.01.type": pa.array(["x"] * n),
            "conveyance.25.type": pa.array(["postal"] * n),
            "location": pa.array([{"a": 1}] * n),
        }
    )
    issues, rows = cen.validate_arrow(table, today=TODAY, rows=True)
    assert rows.num_rows == n
    assert set(issues["row"].to_pylist()) == set(range(n))
    rules = {(t[1], t[3]) for t in issue_tuples(issues) if t[0] == 0}
    assert ("CEN-SCH-003", "/colour") in rules
    assert ("CEN-SCH-003", "/goods/01") in rules
    assert ("CEN-SCH-006", "/conveyance") in rules
    assert ("CEN-SCH-002", "/goods/0/quantity") in rules
    assert ("CEN-SCH-002", "/location") in rules
    assert ("CEN-SCH-004", "/reporting_country") in rules


# --- duplicate keys, for a second pass over partitions ------------------------------------------


def test_keys_pair_exactly_the_rows_that_cen_dup_001_pairs() -> None:
    records = cen.generate(800, seed=14, invalid_share=0.3)
    copies = records[::7]
    records += copies  # later copies of earlier rows
    issues, rows = cen.validate_arrow(table_of(records), today=TODAY, rows=True, keys=True)
    assert rows.column_names == [*ROW_COLUMNS, "keys"]
    assert rows.schema.field("keys").type == pa.list_(pa.field("item", pa.uint64(), nullable=False))
    keys = [set(k) for k in rows["keys"].to_pylist()]
    assert sum(1 for k in keys if k) > len(records) // 2
    # The earliest row that shares a key with each row, from the keys alone...
    first_of: dict[int, int] = {}
    paired: dict[int, int] = {}
    for row, row_keys in enumerate(keys):
        earlier = [first_of[k] for k in row_keys if k in first_of]
        if earlier:
            paired[row] = min(earlier)
        for k in row_keys:
            first_of.setdefault(k, row)
    # ... is the record that CEN-DUP-001 names.
    reports = cen.validate_many(records, today=TODAY)
    named = {
        row: int(i.params["first"])
        for row, report in enumerate(reports)
        for i in report.issues
        if i.rule == "CEN-DUP-001"
    }
    assert len(named) >= len(copies) // 2
    assert paired == named
    # keys alone also gives the table of rows; the issues are those of rows=False.
    alone, only_keys = cen.validate_arrow(table_of(records), today=TODAY, keys=True)
    assert alone.equals(issues) and only_keys.equals(rows)
    assert cen.validate_arrow(table_of(records), today=TODAY).equals(issues)


def test_keys_of_an_empty_input_are_an_empty_list_column() -> None:
    empty = table_of([example("invalid-movement")]).slice(0, 0)
    _, rows = cen.validate_arrow(empty, today=TODAY, keys=True)
    assert rows.num_rows == 0 and rows.column_names == [*ROW_COLUMNS, "keys"]
