"""The pandas path: validate_frame, validate_rows and issues_frame on DataFrames with the flat
columns of spec 5.3, including unknown and missing columns and wrong dtypes (issues, never
exceptions)."""

from __future__ import annotations

import datetime
import io
import json
from typing import Any

import pytest

import cen
from conftest import EXAMPLES, TODAY

pd = pytest.importorskip("pandas")
np = pytest.importorskip("numpy")


def frame_of(records: list[dict[str, Any]]) -> Any:
    return pd.DataFrame([cen.flatten(r) for r in records])


def test_issue_frame_has_the_columns_of_spec_5_6() -> None:
    records = [json.loads(p.read_text()) for p in sorted(EXAMPLES.glob("*.json"))]
    df = frame_of(records)
    issues = cen.validate_frame(df, today=TODAY)
    assert list(issues.columns) == ["row", "rule", "severity", "path", "column", "message"]
    expected = [
        (row, i.rule, i.severity, i.path, i.column, i.message)
        for row, r in enumerate(cen.validate_many(records, today=TODAY))
        for i in r.issues
    ]
    got = [tuple(None if pd.isna(x) else x for x in t) for t in issues.itertuples(index=False)]
    assert got == expected
    assert len(issues) > 0


def test_text_columns_read_as_strings_give_the_reports_of_the_records() -> None:
    records = cen.generate(300, seed=11)
    df = pd.read_csv(io.StringIO(frame_of(records).to_csv(index=False)), dtype=str, keep_default_na=False)
    rows = cen.validate_rows(df, today=TODAY)
    assert rows == cen.validate_many(records, today=TODAY)
    assert cen.validate_frame(df, today=TODAY).empty


def test_row_is_the_index_label() -> None:
    df = frame_of([json.loads((EXAMPLES / "invalid-movement.json").read_text())] * 2)
    df.index = ["case-a", "case-b"]
    issues = cen.validate_frame(df, today=TODAY)
    assert set(issues["row"]) == {"case-a", "case-b"}
    assert df.loc[issues["row"].iloc[0], "reporting_country"] == "NL"
    positions = cen.issues_frame(cen.validate_rows(df, today=TODAY))
    assert set(positions["row"]) == {0, 1}


def test_unknown_and_missing_columns_are_issues() -> None:
    df = pd.DataFrame({"reporting_country": ["BE"], "officer": ["J. Doe"], "goods.0.colour": ["red"]})
    issues = cen.validate_frame(df, today=TODAY)
    by_path = dict(zip(issues["path"], issues["rule"]))
    assert by_path["/officer"] == "CEN-SCH-003"
    assert by_path["/goods/0/colour"] == "CEN-SCH-003"
    assert by_path["/seizure_date"] == "CEN-SCH-004"
    assert by_path["/procedure"] == "CEN-SCH-004"
    assert issues.loc[issues["path"] == "/officer", "column"].item() == "officer"


def test_wrong_dtypes_are_issues_at_their_cells() -> None:
    base = frame_of([json.loads((EXAMPLES / "long-air-passenger.json").read_text())])
    df = pd.concat([base] * 4, ignore_index=True)
    df["goods.0.quantity"] = pd.Series(["1,5", "abc", None, "2"], dtype=object)
    df["case_ref"] = [123, 4.5, True, None]
    df["goods.0.hs_code"] = [210690, None, None, None]  # leading zeros lost: an int
    issues = cen.validate_frame(df, today=TODAY)

    def rules(row: int, path: str) -> list[str]:
        return list(issues[(issues["row"] == row) & (issues["path"] == path)]["rule"])

    assert rules(0, "/goods/0/quantity") == ["CEN-SCH-002"]
    assert rules(1, "/goods/0/quantity") == ["CEN-SCH-002"]
    assert rules(2, "/goods/0/quantity") == ["CEN-SCH-004"]
    assert rules(3, "/goods/0/quantity") == []
    assert rules(0, "/case_ref") == ["CEN-SCH-002"]
    assert rules(1, "/case_ref") == ["CEN-SCH-002"]
    assert rules(2, "/case_ref") == ["CEN-SCH-002"]
    assert rules(3, "/case_ref") == []
    assert rules(0, "/goods/0/hs_code") == ["CEN-SCH-002"]


def test_pandas_missing_values_and_dates() -> None:
    record = json.loads((EXAMPLES / "long-air-passenger.json").read_text())
    df = pd.concat([frame_of([record])] * 5, ignore_index=True)
    day = record["seizure_date"]
    df["seizure_date"] = pd.Series(
        [pd.Timestamp(day), pd.NaT, datetime.date.fromisoformat(day), pd.Timestamp(day + " 10:30"), day],
        dtype=object,
    )
    df["entry_date"] = pd.to_datetime(pd.Series([day, None, day, day, None]))
    df["case_ref"] = pd.array(["A", pd.NA, "C", None, "E"], dtype="string")
    reports = cen.validate_rows(df, today=TODAY)
    seizure = [[i.rule for i in r.issues if i.path == "/seizure_date"] for r in reports]
    assert seizure == [[], ["CEN-SCH-004"], [], ["CEN-DAT-001"], []]
    assert all(not [i for i in r.issues if i.path in ("/entry_date", "/case_ref")] for r in reports)


def test_numpy_scalars_in_object_columns_are_their_values() -> None:
    record = json.loads((EXAMPLES / "long-air-passenger.json").read_text())
    df = frame_of([record])
    df["goods.0.quantity"] = pd.Series([np.float32(2.5)], dtype=object)
    df["offenders.0.age"] = pd.Series([np.int64(30)], dtype=object)
    df["offenders.0.gender"] = pd.Series([np.str_("male")], dtype=object)
    (report,) = cen.validate_rows(df, today=TODAY)
    assert report.valid, report


def test_multiindex_columns_are_dotted_paths() -> None:
    df = pd.DataFrame({("reporting_country",): ["BE"], ("goods", "0", "type"): ["cocaine"]})
    issues = cen.validate_frame(df, today=TODAY)
    assert "/goods/0/type" not in set(issues["path"])
    assert "/reporting_country" not in set(issues["path"])


def test_empty_and_columnless_frames() -> None:
    assert cen.validate_frame(pd.DataFrame(), today=TODAY).empty
    rows = cen.validate_rows(pd.DataFrame(index=range(3)), today=TODAY)
    assert len(rows) == 3 and all(r.issues[0].rule == "CEN-SCH-004" for r in rows)
    empty = cen.validate_frame(pd.DataFrame(columns=["reporting_country"]), today=TODAY)
    assert list(empty.columns) == ["row", "rule", "severity", "path", "column", "message"]


def test_duplicates_within_a_frame() -> None:
    record = json.loads((EXAMPLES / "long-sea-container.json").read_text())
    issues = cen.validate_frame(frame_of([record, record]), today=TODAY)
    dup = issues[issues["rule"] == "CEN-DUP-001"]
    assert list(dup["row"]) == [1] and list(dup["path"]) == [""]


def test_options_and_reuse_through_a_validator() -> None:
    df = frame_of([json.loads((EXAMPLES / "invalid-movement.json").read_text())])
    v = cen.Validator(today=TODAY, lang="fr")
    issues = v.validate_frame(df)
    assert issues["message"].iloc[0] == cen.validate(
        json.loads((EXAMPLES / "invalid-movement.json").read_text()), today=TODAY, lang="fr"
    ).issues[0].message
    assert isinstance(v, cen.Validator) and v.validate_rows(df)[0].valid is False
    with pytest.raises(cen.OptionsError):
        cen.validate_frame(df, lang="xx")


def test_what_is_not_a_dataframe_is_a_type_error() -> None:
    for bad in ([{"reporting_country": "BE"}], {"reporting_country": ["BE"]}, None, "x"):
        with pytest.raises(TypeError, match="DataFrame"):
            cen.validate_frame(bad)
