"""Shared helpers of the Python test suite: where the repository is, and the conformance
vectors (read from tests/vectors/ at test time, never copied)."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any, Iterator

import pytest

ROOT = Path(__file__).resolve().parents[2]
VECTORS = ROOT / "tests" / "vectors"
EXAMPLES = ROOT / "examples" / "records"
TODAY = "2026-11-28"


def vector_cases() -> Iterator[tuple[str, dict[str, Any]]]:
    """Every case of every vector file, as (file/name, case)."""
    files = sorted(VECTORS.glob("*.json"))
    assert files, f"no vector files in {VECTORS}"
    for path in files:
        for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
            yield f"{path.stem}/{case['name']}", case


def _serde_float(x: float) -> str:
    """A float as serde_json (ryu) writes it: fixed notation when the decimal point position
    is in -4..=16, else scientific without a plus sign or padding (`1e16`, `1.5e-7`)."""
    if not math.isfinite(x):
        return "null"
    text = repr(abs(x))
    mantissa, _, exponent = text.partition("e")
    whole, _, fraction = mantissa.partition(".")
    digits = (whole + fraction).lstrip("0")
    point = len(whole) + int(exponent or 0) - (len(whole + fraction) - len((whole + fraction).lstrip("0")))
    digits = digits.rstrip("0")
    sign = "-" if math.copysign(1.0, x) < 0 else ""
    if not digits:
        return f"{sign}0.0"
    n = len(digits)
    if -5 < point <= 16:
        if point <= 0:
            return f"{sign}0.{'0' * -point}{digits}"
        if point < n:
            return f"{sign}{digits[:point]}.{digits[point:]}"
        return f"{sign}{digits}{'0' * (point - n)}.0"
    rest = f".{digits[1:]}" if n > 1 else ""
    return f"{sign}{digits[0]}{rest}e{point - 1}"


def compact_json(value: Any) -> str:
    """A JSON value as serde_json's compact writer writes it (what the core's `to_json` and the
    Rust conformance runner compare): no spaces, UTF-8 as is, floats as ryu writes them."""
    if isinstance(value, dict):
        return "{" + ",".join(f"{compact_json(k)}:{compact_json(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ",".join(compact_json(v) for v in value) + "]"
    if isinstance(value, float):
        return _serde_float(value)
    return json.dumps(value, ensure_ascii=False)


def blessed_texts(case: dict[str, Any]) -> list[str]:
    """The blessed report(s) of a case as the core writes them."""
    if "reports" in case:
        return [compact_json(r) for r in case["reports"]]
    assert "report" in case, f"{case['name']}: no blessed report"
    return [compact_json(case["report"])]


@pytest.fixture(scope="session")
def today() -> str:
    return TODAY

