"""Every function and class of `cen` besides the pandas path: reports, issues, options and
their errors, batches, the projection, schema, catalogue, editions, labels, look-ups, flat
rows and the generator."""

from __future__ import annotations

import datetime
import json
import pathlib
from typing import Any

import pytest

import cen
from conftest import EXAMPLES, TODAY


def example(name: str) -> dict[str, Any]:
    record: dict[str, Any] = json.loads((EXAMPLES / f"{name}.json").read_text())
    return record


INVALID = example("invalid-movement")


def test_report_properties_and_to_dict_agree_with_the_json() -> None:
    report = cen.validate(INVALID, today=TODAY)
    data = json.loads(report.to_json())
    assert list(data) == ["valid", "form", "source", "counts", "quality", "issues"]
    assert report.valid is False and data["valid"] is False
    assert (report.form, report.source) == ("long", "cen")
    assert report.counts == {"error": 4, "warning": 0, "info": 0}
    assert isinstance(report.quality, int) and 0 <= report.quality <= 100
    assert report.to_dict() == data
    assert [i.rule for i in report.issues] == [i["rule"] for i in data["issues"]]
    first = report.issues[0]
    assert (first.rule, first.severity, first.path) == ("CEN-MOV-009", "error", "/conveyance/0/awb")
    assert first.params == {"field": "awb", "conveyance": "sea_container"}
    assert first.column == "conveyance.0.awb"
    assert first.to_dict() == data["issues"][0]


def test_reprs_are_helpful() -> None:
    report = cen.validate(INVALID, today=TODAY)
    text = repr(report)
    assert text.startswith("<Report INVALID form=long source=cen quality=")
    assert "errors=4" in text and "CEN-MOV-009 error at '/conveyance/0/awb'" in text
    assert "1 more" in text
    assert repr(cen.validate(example("cencomm-cash"), today=TODAY)).startswith("<Report valid")
    issue = report.issues[0]
    assert repr(issue).startswith("Issue(rule='CEN-MOV-009', severity='error', path='/conveyance/0/awb', message=")
    assert repr(cen.Validator(lang="fr", today=TODAY)) == "Validator(lang='fr', today='2026-11-28')"


def test_reports_and_issues_compare_by_value() -> None:
    a = cen.validate(INVALID, today=TODAY)
    b = cen.validate(json.dumps(INVALID), today=TODAY)
    assert a == b and not (a != b)
    assert a != cen.validate(INVALID, today=TODAY, lang="fr")
    assert a.issues[0] == b.issues[0] and a.issues[0] != a.issues[1]
    assert a != "report"
    with pytest.raises(TypeError):
        hash(a)


def test_issue_column_is_none_for_the_record_and_drops_list_indices() -> None:
    assert cen.validate("[]", today=TODAY).issues[0].column is None
    record = example("long-air-passenger")
    record["route"]["transit"] = ["QQ"]
    issue = next(i for i in cen.validate(record, today=TODAY).issues if i.rule == "CEN-COD-001")
    assert (issue.path, issue.column) == ("/route/transit/0", "route.transit")


def test_options_change_the_verdict_as_spec_5_1_says() -> None:
    record = example("simplified-statistical")
    assert cen.validate(record, today=TODAY).valid
    forced = cen.validate(record, today=TODAY, form="long")
    assert forced.form == "long" and not forced.valid
    assert cen.validate(record, today=TODAY, source="ncen").source == "ncen"
    french = cen.validate(INVALID, today=TODAY, lang="fr")
    english = cen.validate(INVALID, today=TODAY)
    assert [i.rule for i in french.issues] == [i.rule for i in english.issues]
    assert french.issues[0].message != english.issues[0].message
    assert cen.validate(INVALID, today=datetime.date(2026, 11, 28)) == english
    # `today` moves "the future": a seizure after it is CEN-DAT-002.
    late = cen.validate(record, today="2000-01-01")
    assert "CEN-DAT-002" in [i.rule for i in late.issues]


def test_a_profile_as_dict_or_json_text() -> None:
    profile = {"name": "OP-X", "commodities": ["tobacco"], "severity": {"CEN-MOV-001": "warning"}}
    for given in (profile, json.dumps(profile)):
        report = cen.validate(INVALID, today=TODAY, profile=given)
        rules = {i.rule: i.severity for i in report.issues}
        assert rules.get("CEN-FRM-002") == "error"
        assert rules.get("CEN-MOV-001") == "warning"
    off = cen.validate(INVALID, today=TODAY, profile={"severity": {"CEN-MOV-009": "off"}})
    assert "CEN-MOV-009" not in [i.rule for i in off.issues]


@pytest.mark.parametrize(
    ("options", "error", "words"),
    [
        ({"lang": "xx"}, cen.OptionsError, "`xx` is not one of en, fr, es, ru, ar, pt"),
        ({"lang": 5}, cen.OptionsError, "option `lang`"),
        ({"form": "short"}, cen.OptionsError, "option `form`"),
        ({"source": "x"}, cen.OptionsError, "option `source`"),
        ({"today": "2026-02-30"}, cen.OptionsError, "option `today`"),
        ({"today": datetime.datetime(2026, 1, 1, 12)}, cen.OptionsError, "option `today`"),
        (
            {"hs_edition": "2018"},
            cen.OptionsError,
            "option `hs_edition`: `2018` is not an HS edition: use 2012, 2017 or 2022",
        ),
        ({"hs_edition": 2017}, cen.OptionsError, "expected an HS edition"),
        ({"profile": {"hs_edition": "HS 2017"}}, cen.ProfileError, "`HS 2017` is not an HS edition"),
        ({"profile": {"severity": {"CEN-XYZ-001": "off"}}}, cen.ProfileError, "CEN-XYZ-001"),
        ({"profile": {"colour": 1}}, cen.ProfileError, "unknown key `colour`"),
        ({"profile": {"required": ["/nothing"]}}, cen.ProfileError, "required"),
        ({"profile": {"severity": {"CEN-SCH-001": "off"}}}, cen.ProfileError, "structural"),
        ({"profile": "{not json"}, cen.ProfileError, "not valid JSON"),
        ({"profile": [1]}, cen.ProfileError, "a profile must be a JSON object"),
        ({"profile": {"commodities": [float("nan")]}}, cen.ProfileError, "not a finite number"),
        ({"profile": {"name": datetime.date.today()}}, cen.ProfileError, "not JSON data"),
    ],
)
def test_bad_options_raise_clear_value_errors(options: dict[str, Any], error: type, words: str) -> None:
    for call in (
        lambda: cen.validate({}, **options),
        lambda: cen.validate_many([{}], **options),
        lambda: cen.Validator(**options),
    ):
        with pytest.raises(error) as raised:
            call()
        assert isinstance(raised.value, ValueError)
        assert words in str(raised.value), str(raised.value)
    if error is cen.ProfileError:
        assert issubclass(error, cen.OptionsError)


def test_a_profile_file_is_read_from_a_path_and_a_file_name_is_refused_clearly(
    tmp_path: pathlib.Path,
) -> None:
    profile = {"name": "OP-X", "severity": {"CEN-MOV-001": "warning"}}
    path = tmp_path / "op-x.json"
    path.write_text(json.dumps(profile), encoding="utf-8")
    record = json.loads((EXAMPLES / "invalid-movement.json").read_text(encoding="utf-8"))
    expected = cen.validate(record, today=TODAY, profile=profile).to_json()
    assert cen.validate(record, today=TODAY, profile=path).to_json() == expected
    assert cen.Validator(today=TODAY, profile=path).validate(record).to_json() == expected
    with pytest.raises(cen.ProfileError) as raised:
        cen.validate(record, profile=str(path))
    message = str(raised.value)
    assert "a profile is a dict or its JSON text" in message and "pathlib.Path" in message, message
    with pytest.raises(cen.ProfileError, match="cannot read the file"):
        cen.validate(record, profile=tmp_path / "nosuch.json")
    (tmp_path / "bad.json").write_text("{name: 1}", encoding="utf-8")
    with pytest.raises(cen.ProfileError, match="bad.json.*not valid JSON"):
        cen.validate(record, profile=tmp_path / "bad.json")


def test_unknown_keywords_are_python_type_errors() -> None:
    with pytest.raises(TypeError):
        cen.validate({}, colour="red")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        cen.Validator(colour="red")  # type: ignore[call-arg]


def test_none_options_mean_absent() -> None:
    assert cen.validate(INVALID, today=TODAY, form=None, lang=None, profile=None, source=None) == (
        cen.validate(INVALID, today=TODAY)
    )
    assert cen.Validator(today=TODAY).options == {
        "form": None, "source": None, "lang": "en", "today": TODAY, "hs_edition": None,
        "profile": None,
    }
    assert cen.Validator(profile={"name": "OP-X"}).options["profile"] == "OP-X"


def test_validate_many_finds_duplicates_and_keeps_order() -> None:
    record = example("long-sea-container")
    reports = cen.validate_many([record, "[]", record, json.dumps(record).encode()], today=TODAY)
    assert [r.valid for r in reports] == [True, False, True, True]
    dup = [(i.rule, i.params) for i in reports[2].issues if i.rule == "CEN-DUP-001"]
    assert dup == [("CEN-DUP-001", {"first": 0})]
    assert [i.params for i in reports[3].issues if i.rule == "CEN-DUP-001"] == [{"first": 0}]
    assert not [i for i in cen.validate(record, today=TODAY).issues if i.rule == "CEN-DUP-001"]


def test_validate_many_takes_any_iterable_and_refuses_one_record() -> None:
    record = example("long-sea-container")
    as_list = cen.validate_many([record] * 3, today=TODAY)
    assert cen.validate_many((r for r in [record] * 3), today=TODAY) == as_list
    assert cen.validate_many(iter([record] * 3), today=TODAY) == as_list
    assert cen.validate_many((record,) * 3, today=TODAY) == as_list
    assert cen.validate_many([], today=TODAY) == []
    for one in (record, json.dumps(record), b"{}"):
        with pytest.raises(TypeError, match="not one record"):
            cen.validate_many(one, today=TODAY)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="iterable"):
        cen.validate_many(5, today=TODAY)  # type: ignore[arg-type]

    def failing() -> Any:
        yield record
        raise KeyError("the caller's own error")

    with pytest.raises(KeyError):
        cen.validate_many(failing(), today=TODAY)


@pytest.mark.parametrize("threads", [None, 1, 2, 3])
def test_threads_do_not_change_reports(threads: int | None) -> None:
    records = cen.generate(3000, seed=5, invalid_share=0.3)
    records[2500] = records[10]  # a duplicate across chunks
    expected = [cen.validate(r, today=TODAY).to_json() for r in records]
    got = cen.validate_many(records, today=TODAY, threads=threads)
    assert len(got) == 3000
    dup = [i.params for i in got[2500].issues if i.rule == "CEN-DUP-001"]
    assert dup == [{"first": 10}]
    for i, (report, alone) in enumerate(zip(got, expected)):
        if i != 2500:
            assert report.to_json() == alone, i
    with pytest.raises(ValueError):
        cen.validate_many(records, threads=0)


def test_a_batch_continues_across_calls() -> None:
    record = example("long-sea-container")
    batch = cen.Validator(today=TODAY).batch()
    assert len(batch) == 0
    assert batch.validate(record).valid
    assert [r.valid for r in batch.validate_many(["{}", record])] == [False, True]
    assert len(batch) == 3
    assert [i.params for i in batch.validate(record).issues if i.rule == "CEN-DUP-001"] == [{"first": 0}]
    assert repr(batch) == "<Batch of 4 records>"


def test_to_cen_removes_nominal_data_from_dicts_text_and_bytes() -> None:
    record = example("ncen-with-persons")
    projected = cen.to_cen(record)
    assert projected["source"] == "cen"
    assert not {"persons", "companies", "narrative"} & set(projected)
    assert all("vehicle_registration" not in leg for leg in projected["conveyance"])
    assert cen.to_cen(json.dumps(record)) == projected
    assert cen.to_cen(json.dumps(record).encode()) == projected
    assert list(projected) == [k for k in record if k not in {"persons", "companies", "narrative"}] + (
        [] if "source" in record else ["source"]
    )
    assert cen.validate(projected, today=TODAY).valid
    assert record["source"] == "ncen" and "persons" in record  # the input is not changed
    kept = datetime.date(2026, 1, 1)
    assert cen.to_cen({"seizure_date": kept, "when": kept, "persons": []}) == {"seizure_date": kept, "source": "cen"}


def test_to_cen_removes_every_field_the_record_does_not_define_at_any_depth() -> None:
    record = example("ncen-with-persons")
    record["comments"] = "checked twice by Smith"
    record["route"]["informant"] = {"name": "Smith", "phone": ["+32 1"]}
    record["goods"][0]["seller"] = ("Smith",)
    record["conveyance"][0]["driver"] = "Smith"
    projected = cen.to_cen(record)
    for out in (projected, cen.to_cen(json.dumps(record)), cen.to_cen(json.dumps(record).encode())):
        assert "Smith" not in json.dumps(out)
        assert out == projected
    assert cen.validate(projected, today=TODAY).valid
    looped: dict[str, Any] = {}
    looped["route"] = looped
    with pytest.raises(cen.RecordError, match="deeper than 32"):
        cen.to_cen(looped)


@pytest.mark.parametrize("bad", ["[1]", "{", b"\xff", b"[]", 5, None, [], "{" * 100])
def test_to_cen_refuses_what_is_not_a_record(bad: Any) -> None:
    with pytest.raises(cen.RecordError) as raised:
        cen.to_cen(bad)
    assert isinstance(raised.value, ValueError) and str(raised.value)


def test_schema_rules_editions() -> None:
    schema = cen.schema()
    assert schema["type"] == "object" and "reporting_country" in schema["properties"]
    rules = cen.rules()
    assert len(rules) == 47 and rules[0]["id"] == "CEN-SCH-001"
    assert set(rules[0]["messages"]) == {"en", "fr", "es", "ru", "ar", "pt"}
    assert {r["group"] for r in rules} >= {"SCH", "MOV", "DUP"}
    editions = cen.editions()
    assert {"table", "source", "edition", "licence", "rows"} <= set(editions[0])
    assert any(e["table"] == "countries" and e["rows"] == 249 for e in editions)


def test_labels_and_lookups_in_six_languages() -> None:
    for lang in ("en", "fr", "es", "ru", "ar", "pt"):
        labels = cen.labels(lang)
        assert labels["procedure"]["import"]
        assert cen.codes.country("BE", lang=lang)["name"]  # type: ignore[index]
    assert cen.codes.country("BE")["names"]["fr"] == "Belgique"  # type: ignore[index]
    assert cen.codes.country("XX")["pseudo"] is True  # type: ignore[index]
    assert cen.codes.country("QQ") is None
    assert cen.codes.currency("JPY")["minor_units"] == 0  # type: ignore[index]
    assert cen.codes.location("NLRTM")["seaport"] is True  # type: ignore[index]
    assert cen.codes.location("EBBR")["country"] == "BE"  # type: ignore[index]
    assert cen.codes.airport("LHR")["icao"] == "EGLL"  # type: ignore[index]
    assert cen.codes.hs("240220")["level"] == 6  # type: ignore[index]
    assert cen.codes.closest("currency", "EUO", 1) == ["EUR"]
    assert cen.codes.label("unit", "kg", "fr")
    assert cen.codes.label("unit", "stone") is None
    assert cen.codes.field_label("goods.0.unit", "es") == cen.codes.field_label("/goods/0/unit", "es")
    assert cen.codes.labels("ar") == cen.labels("ar")
    # The six languages named in the asked language, from the CLDR (spec 7.3).
    assert cen.labels("fr")["language"] == {
        "en": "Anglais", "fr": "Français", "es": "Espagnol",
        "ru": "Russe", "ar": "Arabe", "pt": "Portugais",
    }
    with pytest.raises(cen.OptionsError):
        cen.codes.country("BE", lang="xx")
    with pytest.raises(ValueError, match="is not a table"):
        cen.codes.closest("planets", "X")
    with pytest.raises(TypeError):
        cen.codes.country(5)  # type: ignore[arg-type]


def test_hs_editions_and_correlations() -> None:
    assert cen.codes.hs("851712") is None
    phones = cen.codes.hs("851712", edition="2017")
    assert phones is not None and phones["editions"] == ["2012", "2017"]
    pairs = cen.codes.hs_correlate("8517.12", "2017", "2022")
    assert pairs[:2] == [
        {"code": "851713", "relationship": "1:n"},
        {"code": "851714", "relationship": "1:n"},
    ]
    assert cen.codes.hs_correlate("851713", "2017", "2022") == []
    for bad in (("2018", "2022"), ("2017", "HS 2022")):
        with pytest.raises(cen.OptionsError, match="is not an HS edition: use 2012, 2017 or 2022"):
            cen.codes.hs_correlate("851712", *bad)
    with pytest.raises(cen.OptionsError):
        cen.codes.hs("851712", edition="17")
    # The edition in force on the seizure date, and the option that overrides it.
    record = {"seizure_date": "2019-06-15", "goods": [{"hs_code": "851712"}]}

    def rules(report: cen.Report) -> list[str]:
        return [i.rule for i in report.issues]

    assert "CEN-COD-005" not in rules(cen.validate(record, today="2026-11-28"))
    issue = next(
        i for i in cen.validate(record, today="2026-11-28", hs_edition="2022").issues
        if i.rule == "CEN-COD-005"
    )
    assert issue.params["found_in"] == "2017" and "851713" in issue.params["suggest"]
    assert cen.Validator(hs_edition="2012").options["hs_edition"] == "2012"


def test_hs_correlate_moves_a_pandas_column() -> None:
    pd = pytest.importorskip("pandas")
    codes = pd.Series(["851712", "010121", None, "2499", "851712"], index=[10, 11, 12, 13, 14])
    moved = cen.codes.hs_correlate(codes, "2017", "2022")
    assert list(moved.columns) == ["row", "code", "to_code", "relationship"]
    # One row per pair, in order; a code without pairs keeps one row with missing values.
    assert moved["row"].tolist()[0] == 10 and moved["row"].tolist()[-1] == 14
    assert set(moved["row"]) == {10, 11, 12, 13, 14}
    phones = moved[moved["row"] == 10]
    assert len(phones) == len(cen.codes.hs_correlate("851712", "2017", "2022")) > 2
    assert moved[moved["row"] == 11][["to_code", "relationship"]].values.tolist() == [["010121", "1:1"]]
    assert moved[moved["row"].isin([12, 13])]["to_code"].isna().all()
    assert cen.codes.hs_correlate_series(pd.Series([], dtype=str), "2012", "2022").empty
    with pytest.raises(cen.OptionsError):
        cen.codes.hs_correlate_series(pd.Series([], dtype=str), "2012", "2020")
    with pytest.raises(TypeError):
        cen.codes.hs_correlate_series(["851712"], "2017", "2022")


def test_look_ups_forgive_what_people_type_as_every_surface_does() -> None:
    """The shared look-up cases (tests/lookups/forgiving.json, spec 5.3b)."""
    path = EXAMPLES.parents[1] / "tests" / "lookups" / "forgiving.json"
    cases = json.loads(path.read_text(encoding="utf-8"))["cases"]
    assert len(cases) > 20
    lookups = {
        "country": cen.codes.country,
        "currency": cen.codes.currency,
        "location": cen.codes.location,
        "airport": cen.codes.airport,
        "hs": cen.codes.hs,
    }
    for case in cases:
        entry = lookups[case["table"]](case["code"])
        found = None if entry is None else entry["code"]
        assert found == case["found"], case["name"]


def test_generate_is_reproducible_and_realistic() -> None:
    a = cen.generate(200, seed=3, invalid_share=0.25)
    assert a == cen.generate(200, seed=3, invalid_share=0.25)
    assert a != cen.generate(200, seed=4, invalid_share=0.25)
    reports = cen.validate_many(a, today=TODAY)
    invalid = sum(not r.valid for r in reports)
    assert 20 <= invalid <= 80
    assert all(r.valid for r in cen.validate_many(cen.generate(100, seed=1), today=TODAY))
    dated = cen.generate(5, seed=1, today="2020-01-01")
    assert all(r["seizure_date"] <= "2020-01-01" for r in dated)
    with pytest.raises(cen.OptionsError):
        cen.generate(1, today="someday")
    with pytest.raises(OverflowError):
        cen.generate(-1)


def test_flatten_and_validate_table_round_trip() -> None:
    for path in sorted(EXAMPLES.glob("*.json")):
        record = json.loads(path.read_text())
        row = cen.flatten(record)
        assert all(isinstance(k, str) and isinstance(v, str) for k, v in row.items())
        assert cen.flatten(json.dumps(record)) == row
        (from_row,) = cen.Validator(today=TODAY).validate_table({k: [v] for k, v in row.items()})
        assert from_row == cen.validate(record, today=TODAY), path.name
    with pytest.raises(cen.RecordError):
        cen.flatten({"x": float("nan")})


def test_validate_table_reads_cells_by_type() -> None:
    v = cen.Validator(today=TODAY)
    table: dict[str, list[Any]] = {
        "reporting_country": ["BE", None, "", "BE"],
        "goods.0.quantity": ["1.5", 2, float("nan"), True],
        "route.transit": [["FR", "DE"], "FR; DE", None, {"x": 1}],
        "seizure_date": [datetime.date(2026, 1, 2), "2026-01-02", datetime.datetime(2026, 1, 2), datetime.datetime(2026, 1, 2, 10)],
        "colour": [None, None, None, "red"],
    }
    reports = v.validate_table(table)
    assert len(reports) == 4

    def at(i: int, path: str) -> list[str]:
        return [x.rule for x in reports[i].issues if x.path == path]

    assert at(0, "/reporting_country") == [] and at(1, "/reporting_country") == ["CEN-SCH-004"]
    assert at(2, "/reporting_country") == ["CEN-SCH-004"]
    assert at(0, "/goods/0/quantity") == [] and at(1, "/goods/0/quantity") == []
    assert at(3, "/goods/0/quantity") == ["CEN-SCH-002"]
    assert at(0, "/route/transit") == [] and at(1, "/route/transit") == []
    assert at(3, "/route/transit") == ["CEN-SCH-002"]
    assert [at(i, "/seizure_date") for i in range(4)] == [[], [], [], ["CEN-DAT-001"]]
    assert at(3, "/colour") == ["CEN-SCH-003"] and at(0, "/colour") == []
    # Short columns leave their cells empty; `rows` says how many rows there are.
    assert len(v.validate_table({"reporting_country": ["BE"], "case_ref": ["a", "b"]})) == 2
    assert len(v.validate_table([], rows=3)) == 3
    assert len(v.validate_table([("reporting_country", ["BE"]), ("reporting_country", ["NL"])])) == 1
    for bad in ("reporting_country", 5, [("only a name",)]):
        with pytest.raises(TypeError):
            v.validate_table(bad)  # type: ignore[arg-type]


def test_module_surface() -> None:
    assert cen.__version__ == "0.1.0"
    for name in cen.__all__:
        assert getattr(cen, name) is not None
    for name in ("validate", "validate_many", "validate_frame", "to_cen", "schema", "Validator",
                 "Report", "Issue", "rules", "editions"):
        assert getattr(cen, name).__doc__, name
