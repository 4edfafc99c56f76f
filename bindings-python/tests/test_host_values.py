"""Any Python object as a record: each gets a report, at the path where it stands, never an
exception, a crash or a hang; and the limits of CEN-SCH-001 hold for dicts as for text."""

from __future__ import annotations

import collections
import datetime
import decimal
import enum
import gc
import json
import math
import random
from pathlib import Path
from typing import Any

import pytest

import cen
from conftest import EXAMPLES, TODAY

LIMIT = 1024 * 1024


def base() -> dict[str, Any]:
    record: dict[str, Any] = json.loads((EXAMPLES / "long-air-passenger.json").read_text())
    return record


def issues(record: Any, **options: Any) -> list[tuple[str, str]]:
    report = cen.validate(record, today=TODAY, **options)
    return [(i.rule, i.path) for i in report.issues]


def variant_of(report: cen.Report) -> str:
    return report.issues[0].message


def test_the_base_record_is_valid() -> None:
    assert cen.validate(base(), today=TODAY).valid


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_non_finite_numbers_are_sch_006_at_their_path(value: float) -> None:
    record = base()
    record["goods"][0]["quantity"] = value
    report = cen.validate(record, today=TODAY)
    found = [(i.rule, i.path, i.params) for i in report.issues]
    assert found == [("CEN-SCH-006", "/goods/0/quantity", {"limit": "finite"})]


@pytest.mark.parametrize(
    "value",
    [
        datetime.date(2026, 1, 2),
        datetime.datetime(2026, 1, 2, 10, 30),
        {1, 2},
        frozenset(),
        b"BE",
        bytearray(b"BE"),
        object(),
        decimal.Decimal("1.5"),
        1 + 2j,
        collections.deque(["x"]),
        range(3),
        print,
    ],
    ids=lambda v: type(v).__name__,
)
def test_values_json_cannot_hold_are_sch_002_at_their_path(value: object) -> None:
    record = base()
    record["seizure_date"] = value
    assert issues(record) == [("CEN-SCH-002", "/seizure_date")]


def test_a_date_in_a_dict_is_not_read_as_its_text() -> None:
    # Decided (docs/python.md): in a record, a datetime.date is a value JSON cannot hold; only
    # in validate_frame are date cells read as YYYY-MM-DD, as Excel and pandas give them.
    record = base()
    record["seizure_date"] = datetime.date.fromisoformat(record["seizure_date"])
    report = cen.validate(record, today=TODAY)
    assert [(i.rule, i.path) for i in report.issues] == [("CEN-SCH-002", "/seizure_date")]
    as_text = dict(record, seizure_date=record["seizure_date"].isoformat())
    assert cen.validate(as_text, today=TODAY).valid


def test_tuples_are_arrays_and_subclasses_are_their_base_types() -> None:
    class Unit(str, enum.Enum):
        KG = "kg"

    class Count(enum.IntEnum):
        ONE = 1

    class Ordered(collections.OrderedDict):  # type: ignore[type-arg]
        pass

    record = base()
    record["goods"] = tuple(record["goods"])
    record["goods"][0]["unit"] = Unit.KG
    record["outcome"] = Ordered(arrests=Count.ONE)
    record["route"] = collections.OrderedDict(record["route"])
    as_text = json.dumps(record)
    assert '"unit": "kg"' in as_text and '"arrests": 1' in as_text
    assert cen.validate(record, today=TODAY).to_json() == cen.validate(as_text, today=TODAY).to_json()


def test_whole_floats_are_whole_numbers_and_fractions_are_not() -> None:
    record = base()
    record["offenders"] = [{"age": 27.0}]
    assert cen.validate(record, today=TODAY).valid
    record["offenders"] = [{"age": 27.5}]
    assert issues(record) == [("CEN-SCH-002", "/offenders/0/age")]


def test_huge_integers_are_numbers_too_large_to_be_finite() -> None:
    record = base()
    record["outcome"] = {"arrests": 10**400}
    assert issues(record) == [("CEN-SCH-006", "/outcome/arrests")]
    record["outcome"] = {"arrests": 2**64 - 1}
    assert issues(record) == [("CEN-SCH-006", "/outcome/arrests")]
    record["outcome"] = {"arrests": -(10**30)}
    assert issues(record) == [("CEN-SCH-006", "/outcome/arrests")]


def test_keys_that_are_not_strings_are_unknown_fields_named_as_json_writes_them() -> None:
    record: dict[Any, Any] = base()
    record[1] = "x"
    record[None] = "x"
    record[(1, 2)] = "x"
    found = issues(record)
    assert ("CEN-SCH-003", "/1") in found
    assert ("CEN-SCH-003", "/null") in found
    assert ("CEN-SCH-003", "/<key that is not a string>") in found


def test_lone_surrogates_are_not_utf8() -> None:
    record = base()
    record["case_ref"] = "A-\ud800"
    assert issues(record) == [("CEN-SCH-002", "/case_ref")]
    text = json.dumps(base(), ensure_ascii=False)[:-1] + ', "case_ref": "\ud800"}'
    report = cen.validate(text, today=TODAY)
    assert [(i.rule, i.path) for i in report.issues] == [("CEN-SCH-001", "")]


def test_a_key_with_lone_surrogates_is_an_unknown_field_read_with_its_neighbours() -> None:
    # The reader borrows values from their dict; a key it cannot read as UTF-8 makes it read
    # the record again with references of its own (see reader.rs): the same report either way.
    record = base()
    record["\ud800-key"] = {"inner": ["a", 1, 2.5, {"deep": None}]}
    record["case_ref"] = "after the odd key"
    found = issues(record)
    # Its text as before: each byte of the surrogate (encoded as it stands) replaced.
    assert found == [("CEN-SCH-003", "/\ufffd\ufffd\ufffd-key")]
    many = cen.validate_many([record, base()], today=TODAY)
    assert [(i.rule, i.path) for i in many[0].issues] == found


class Emptying(int):
    """An int too large for 64 bits whose conversion to float empties what holds it and runs
    the garbage collector: Python code run in the middle of reading a record."""

    holder: Any = None

    def __float__(self) -> float:
        self.holder.clear()
        gc.collect()
        return 1e300


@pytest.mark.parametrize("kind", ["dict", "list"])
def test_python_code_run_while_reading_cannot_free_what_is_read(kind: str) -> None:
    number = Emptying(10**30)
    siblings: list[Any] = ["x" * 1000, {"y": ["z" * 100]}, 2**40, 1.5]
    holder: Any = (
        {"number": number, **{f"k{i}": v for i, v in enumerate(siblings)}}
        if kind == "dict"
        else [number, *siblings]
    )
    number.holder = holder
    del siblings
    record = base()
    record["extra"] = holder
    report = cen.validate(record, today=TODAY)
    assert [(i.rule, i.path) for i in report.issues] == [("CEN-SCH-003", "/extra")]
    assert not holder  # the code ran


@pytest.mark.parametrize(
    "value", [None, [], [base()], "", "null", 0, 1.5, True, b"", b"\xff\xfe", set(), object()]
)
def test_what_is_not_a_record_is_sch_001(value: object) -> None:
    report = cen.validate(value, today=TODAY)  # type: ignore[arg-type]
    assert [(i.rule, i.path) for i in report.issues] == [("CEN-SCH-001", "")]
    assert report.quality == 0 and not report.valid


def nested(levels: int) -> Any:
    value: Any = []
    for _ in range(levels - 1):
        value = [value]
    return value


@pytest.mark.parametrize("container", [list, dict])
def test_depth_32_is_accepted_33_refused_as_for_text(container: type) -> None:
    for inner, refused in [(31, False), (32, True)]:
        value: Any = nested(inner) if container is list else {}
        if container is dict:
            for _ in range(inner - 1):
                value = {"x": value}
        record = {"narrative": value}
        report = cen.validate(record, today=TODAY)
        from_text = cen.validate(json.dumps(record), today=TODAY)
        assert report.to_json() == from_text.to_json()
        assert (report.issues[0].rule == "CEN-SCH-001") is refused
        if refused:
            assert report.issues[0].path == ""


def test_a_dict_that_contains_itself_is_too_deep_not_a_hang() -> None:
    record: dict[str, Any] = base()
    record["narrative"] = record
    loop: list[Any] = []
    loop.append(loop)
    too_deep = cen.validate("[" * 40 + "]" * 40, today=TODAY).issues[0].message
    for value in (record, {"goods": loop}):
        report = cen.validate(value, today=TODAY)
        assert [(i.rule, i.path) for i in report.issues] == [("CEN-SCH-001", "")]
        assert report.issues[0].message == too_deep


def compact_size(value: Any) -> int:
    return len(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def padded_to(size: int, extra: dict[str, Any]) -> dict[str, Any]:
    """The base record with a narrative that makes its compact JSON exactly `size` bytes."""
    record = base() | extra
    record["narrative"] = ""
    record["narrative"] = "x" * (size - compact_size(record))
    assert compact_size(record) == size
    return record


FLOATS = [0.1, 1e16, 1e15, 123456789.123, 1.5e-7, 0.0001, 1e-5, 5e-324, 1.7976931348623157e308,
          -0.0, 2.5, 1e22, 12345678901234567890.0]


@pytest.mark.parametrize(
    "extra",
    [
        {},
        {"case_ref": "é€𝄞\"\\\n\t\x01"},
        {"offenders": [{"age": 27}, {"age": 40.0}]},
        {"colour": [random.Random(i).uniform(-1e6, 1e6) for i in range(5)]},
        {"colour": FLOATS},
        {"colour": [math.nan, math.inf, -math.inf, None, True, False]},
        {"colour": {"1": 2**70, "nested": [[], {}, [[]]]}},
    ],
    ids=["plain", "escapes", "ints", "random-floats", "odd-floats", "non-finite", "big-int"],
)
def test_the_size_limit_is_the_compact_json_of_the_dict_to_the_byte(extra: dict[str, Any]) -> None:
    at_limit = padded_to(LIMIT, extra)
    assert all(i.rule != "CEN-SCH-001" for i in cen.validate(at_limit, today=TODAY).issues)
    over = padded_to(LIMIT + 1, extra)
    report = cen.validate(over, today=TODAY)
    assert [(i.rule, i.path) for i in report.issues] == [("CEN-SCH-001", "")]
    # The same message as text over the limit.
    text_report = cen.validate(json.dumps(over), today=TODAY)
    assert report.issues[0].message == text_report.issues[0].message


ESCAPED = ["\x01" * 7, '"\\' * 9, "\n\t\r\b\f", "é\x1f\u2028"]


@pytest.mark.parametrize(
    "tail",
    [
        [FLOATS[0]],
        [FLOATS[i % len(FLOATS)] for i in range(40)],
        [FLOATS[i % len(FLOATS)] for i in range(5000)],
        ESCAPED,
        ESCAPED * 2000,
        {"\x01key\n": 1, '"\\': {"\x7f\x1b": "\x00"}},
        [ESCAPED, FLOATS, {"\x02": 0.1}] * 300,
    ],
    ids=["1-float", "40-floats", "5000-floats", "escapes", "8000-escaped",
         "escaped-keys", "mixed"],
)
def test_values_read_after_the_padding_count_to_the_byte(tail: Any) -> None:
    """The reader puts off measuring floats and escapes until the size could pass the limit:
    values that come last, after a padding that leaves less room than their bound, are
    measured exactly."""
    record = base()
    record.pop("narrative", None)
    record["narrative"] = ""
    record["colour"] = tail
    record["narrative"] = "x" * (LIMIT - compact_size(record))
    assert list(record)[-1] == "colour" and compact_size(record) == LIMIT
    assert all(i.rule != "CEN-SCH-001" for i in cen.validate(record, today=TODAY).issues)
    record["narrative"] += "x"
    assert issues(record) == [("CEN-SCH-001", "")]


def test_a_value_json_cannot_hold_counts_as_null() -> None:
    record = padded_to(LIMIT, {"colour": None})
    record["colour"] = datetime.date(2026, 1, 1)
    assert all(i.rule != "CEN-SCH-001" for i in cen.validate(record, today=TODAY).issues)
    record["narrative"] += "x"
    assert cen.validate(record, today=TODAY).issues[0].rule == "CEN-SCH-001"


def test_huge_inputs_end_quickly_with_a_report() -> None:
    huge_list = {"narrative": ["x" * 100] * 1_000_000}
    assert cen.validate(huge_list, today=TODAY).issues[0].rule == "CEN-SCH-001"
    huge_text = '{"narrative": "' + "x" * (50 * LIMIT) + '"}'
    assert cen.validate(huge_text, today=TODAY).issues[0].rule == "CEN-SCH-001"
    assert cen.validate(huge_text.encode(), today=TODAY).issues[0].rule == "CEN-SCH-001"
    wide = {f"field{i}": i for i in range(100_000)}
    assert cen.validate(wide, today=TODAY).issues[0].rule == "CEN-SCH-001"


def test_many_unknown_fields_are_each_reported() -> None:
    record = base() | {f"extra_{i}": i for i in range(200)}
    found = issues(record)
    assert sum(1 for rule, _ in found if rule == "CEN-SCH-003") == 200


def test_random_json_like_values_never_raise() -> None:
    rng = random.Random(2026)
    atoms: list[Any] = [None, True, 0, -1, 1.5, math.nan, "", "BE", "2026-01-01", [], {}, b"x",
                        datetime.date.today(), object(), 2**80]
    keys = ["goods", "conveyance", "route", "location", "quantity", "type", "unit", "x", "0"]

    def grow(depth: int) -> Any:
        roll = rng.random()
        if depth > 6 or roll < 0.4:
            return rng.choice(atoms)
        if roll < 0.7:
            return [grow(depth + 1) for _ in range(rng.randrange(4))]
        return {rng.choice(keys): grow(depth + 1) for _ in range(rng.randrange(5))}

    for _ in range(2000):
        value = grow(0)
        report = cen.validate(value, today=TODAY)
        assert report.to_dict() == json.loads(report.to_json())
        if isinstance(value, dict):
            assert all(i.rule != "CEN-SCH-001" for i in report.issues)


def test_the_record_given_is_not_changed(tmp_path: Path) -> None:
    record = base()
    before = json.dumps(record)
    cen.validate(record, today=TODAY)
    cen.validate_many([record, record], today=TODAY)
    cen.to_cen(record)
    assert json.dumps(record) == before
