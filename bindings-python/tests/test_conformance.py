"""The shared conformance vectors (tests/vectors/): for every case, the complete report, byte
for byte the blessed one, with the input given every way Python can give it."""

from __future__ import annotations

import json
from typing import Any

import pytest

import cen
from conftest import _serde_float, blessed_texts, compact_json, vector_cases

CASES = list(vector_cases())
IDS = [name for name, _ in CASES]


def inputs_of(case: dict[str, Any]) -> list[tuple[str, Any]]:
    """The ways a surface can give the case's single input: the native object, its JSON text
    (compact and pretty), its UTF-8 bytes."""
    if "input" in case:
        value = case["input"]
        text = json.dumps(value, ensure_ascii=False)
        return [
            ("dict", value),
            ("str", text),
            ("str-pretty", json.dumps(value, indent=2)),
            ("bytes", text.encode("utf-8")),
            ("bytearray", bytearray(text.encode("utf-8"))),
        ]
    if "input_text" in case:
        text = case["input_text"]
        return [("str", text), ("bytes", text.encode("utf-8"))]
    assert "input_hex" in case, case["name"]
    return [("bytes", bytes.fromhex(case["input_hex"]))]


def test_there_are_vectors_for_every_rule() -> None:
    assert len(CASES) >= 150
    fired = {
        issue["rule"]
        for _, case in CASES
        for report in case.get("reports", [case.get("report") or {}])
        for issue in report.get("issues", [])
    }
    assert fired >= {rule["id"] for rule in cen.rules()}


@pytest.mark.parametrize(("name", "case"), CASES, ids=IDS)
def test_vector_gives_its_blessed_report_byte_for_byte(name: str, case: dict[str, Any]) -> None:
    expected = blessed_texts(case)
    options = case["options"]
    validator = cen.Validator(**options)
    if "batch" in case:
        items = case["batch"]
        as_given = [r.to_json() for r in cen.validate_many(items, **options)]
        assert as_given == expected
        # The same batch as text only, as bytes only, and fed one by one to a Batch.
        texts = [i if isinstance(i, str) else json.dumps(i) for i in items]
        assert [r.to_json() for r in validator.validate_many(texts)] == expected
        assert [r.to_json() for r in validator.validate_many(t.encode() for t in texts)] == expected
        batch = validator.batch()
        assert [batch.validate(i).to_json() for i in items] == expected
        assert len(batch) == len(items)
        return
    (blessed,) = expected
    for how, record in inputs_of(case):
        report = cen.validate(record, **options)
        assert report.to_json() == blessed, f"{name} given as {how}"
        assert validator.validate(record).to_json() == blessed, f"{name} given as {how}"
        assert report.to_dict() == json.loads(blessed), f"{name} given as {how}"


def test_to_dict_equals_the_json_report_for_every_case() -> None:
    for name, case in CASES:
        for record in case.get("batch", [case.get("input", case.get("input_text"))]):
            if record is None:
                continue
            report = cen.validate(record, **case["options"])
            as_dict = report.to_dict()
            assert as_dict == json.loads(report.to_json()), name
            assert compact_json(as_dict) == report.to_json(), name
            assert as_dict["valid"] == report.valid
            assert as_dict["quality"] == report.quality
            assert as_dict["counts"] == report.counts
            assert as_dict["form"] == report.form and as_dict["source"] == report.source
            assert [i.to_dict() for i in report.issues] == as_dict["issues"], name
            for issue, raw in zip(report.issues, as_dict["issues"]):
                assert (issue.rule, issue.severity, issue.path, issue.message, issue.params) == (
                    raw["rule"],
                    raw["severity"],
                    raw["path"],
                    raw["message"],
                    raw["params"],
                )


def test_the_serde_float_helper_writes_floats_as_ryu_does() -> None:
    assert _serde_float(1.5) == "1.5"
    assert _serde_float(1e16) == "1e16"
    assert _serde_float(1e15) == "1000000000000000.0"
    assert _serde_float(0.0001) == "0.0001"
    assert _serde_float(0.00001) == "0.00001"
    assert _serde_float(0.000001) == "1e-6"
    assert _serde_float(-2.5e-7) == "-2.5e-7"
    assert _serde_float(120.0) == "120.0"
