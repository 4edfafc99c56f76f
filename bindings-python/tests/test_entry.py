"""Data entry (spec 6): the form model and code search through Python, against the shared
vectors of tests/data-entry (the same answers as every surface, byte for byte)."""

from __future__ import annotations

import json
import pathlib
from typing import Any

import pytest

import cen

ENTRY = pathlib.Path(__file__).resolve().parents[2] / "tests" / "data-entry"


def _cases(name: str) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = json.loads((ENTRY / name).read_text(encoding="utf-8"))["cases"]
    return cases


def _compact(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@pytest.mark.parametrize("case", _cases("search.json"), ids=lambda c: c["name"])
def test_search_vectors(case: dict[str, Any]) -> None:
    options = case["options"]
    found = cen.codes.search(case["table"], case["query"], **options)
    assert found == case["results"]
    text = cen.codes.search_json(case["table"], case["query"], **options)
    assert json.loads(text) == case["results"]


@pytest.mark.parametrize("case", _cases("form-model.json"), ids=lambda c: c["name"])
def test_form_model_vectors(case: dict[str, Any]) -> None:
    options = case["options"]
    assert cen.form_model(**options) == case["model"]
    assert json.loads(cen.form_model_json(**options)) == case["model"]


def test_search_finds_santos_and_names_in_every_language() -> None:
    assert "BRSSZ" in [r["code"] for r in cen.codes.search("location", "Santos")]
    for name in ("Allemagne", "Германия", "ألمانيا"):
        assert cen.codes.search("country", name)[0]["code"] == "DE"


def test_search_never_raises_for_a_query() -> None:
    for query in ("", "\x00\x01", "😀" * 1000, "x" * 10_000, "\u202e"):
        for table in ("location", "airport", "seaport", "country", "currency", "hs"):
            assert isinstance(cen.codes.search(table, query), list)


def test_search_refuses_bad_tables_and_options() -> None:
    with pytest.raises(cen.OptionsError, match="unknown table"):
        cen.codes.search("planets", "mars")
    with pytest.raises(ValueError, match="limit"):
        cen.codes.search("country", "de", limit=-1)
    with pytest.raises(ValueError, match="limit"):
        cen.codes.search("country", "de", limit=True)
    with pytest.raises(ValueError, match="lang"):
        cen.codes.search("country", "de", lang="de")
    assert len(cen.codes.search("location", "san", limit=500)) == 100


def test_form_model_follows_the_profile() -> None:
    model = cen.form_model(form="simplified", profile={"commodities": ["cites"]}, lang="pt")
    assert model["form"] == "simplified" and model["lang"] == "pt"
    goods = next(s for s in model["sections"] if s["id"] == "goods")
    commodity = next(f for f in goods["fields"] if f["path"] == "/goods/*/commodity")
    assert [v["value"] for v in commodity["values"]] == ["cites"]
    with pytest.raises(cen.ProfileError, match="commodities"):
        cen.form_model(profile={"commodities": []})
