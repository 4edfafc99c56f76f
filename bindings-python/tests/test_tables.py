"""Table packs (spec 7.2) in Python: cen.load_tables, cen.Tables, Validator(tables=...).

The packs come from scripts/lib/test-packs.sh (CEN_TEST_PACKS names their folder)."""

from __future__ import annotations

import json
import os
import pathlib
import threading

import pytest

import cen
from conftest import blessed_texts, vector_cases

PACKS = pathlib.Path(
    os.environ.get("CEN_TEST_PACKS")
    or pathlib.Path(__file__).resolve().parents[2] / "target" / "test-packs"
)
BUILTIN = PACKS / "builtin.pack"
UNECE = PACKS / "unece-2099-1.pack"
HS_2099 = PACKS / "hs-2099.pack"

# A seizure in the port the UNECE fixtures add (ESQ9Z), unknown to the built-in tables.
AT_ESQ9Z = {
    "reporting_country": "ES",
    "seizure_date": "2026-07-01",
    "location": {"type": "seaport", "code": "ESQ9Z"},
    "procedure": "import",
    "detection": {"principal": "xray"},
    "goods": [{"commodity": "drugs", "type": "cocaine", "quantity": 300, "unit": "kg",
               "concealment": "container_structure"}],
    "conveyance": [{"type": "sea_container", "container": "MSKU6011673"}],
    "route": {"departure": "EC", "destination": "ES"},
}


def location_flagged(report: cen.Report) -> bool:
    return any(issue.path == "/location/code" for issue in report.issues)


@pytest.fixture(scope="module", autouse=True)
def packs_exist() -> None:
    if not (BUILTIN.exists() and UNECE.exists()):
        pytest.fail(f"no test packs in {PACKS}: run scripts/lib/test-packs.sh")


def test_a_pack_of_the_builtin_tables_gives_every_vector_its_blessed_bytes() -> None:
    tables = cen.load_tables(BUILTIN)
    assert tables.editions() == cen.editions()
    cases = 0
    for name, case in vector_cases():
        expected = blessed_texts(case)
        validator = cen.Validator(**case["options"], tables=tables)
        if "batch" in case:
            found = [r.to_json() for r in validator.validate_many(case["batch"], threads=1)]
        elif "input" in case:
            found = [validator.validate(case["input"]).to_json()]
        elif "input_text" in case:
            found = [validator.validate(case["input_text"]).to_json()]
        else:
            found = [validator.validate(bytes.fromhex(case["input_hex"])).to_json()]
        assert found == expected, name
        cases += 1
    assert cases >= 150


def test_the_unece_fixtures_change_the_verdict_on_esq9z_only_with_the_pack() -> None:
    today = "2026-11-28"
    assert location_flagged(cen.Validator(today=today).validate(AT_ESQ9Z))
    for tables in (cen.load_tables(UNECE), str(UNECE), UNECE, UNECE.read_bytes(),
                   bytearray(UNECE.read_bytes())):
        validator = cen.Validator(today=today, tables=tables)
        assert not location_flagged(validator.validate(AT_ESQ9Z)), type(tables)
        unlocode = [e for e in validator.editions() if e["table"] == "unlocode"]
        assert unlocode[0]["edition"] == "2099-1"
    assert [e for e in cen.editions() if e["table"] == "unlocode"][0]["edition"] != "2099-1"


def hs_issues(report: cen.Report) -> list[tuple[str, str]]:
    return [(i.rule, i.path) for i in report.issues if i.path.endswith("/hs_code")]


def test_an_hs_edition_in_a_pack_changes_the_verdicts_exactly_there() -> None:
    # HS 2022 of hs-2099.pack lacks 240210 (cigars) and has a made-up 010195.
    record = json.loads(json.dumps(AT_ESQ9Z))
    record["location"]["code"] = "ESALG"
    record["goods"] = [
        {"commodity": "tobacco", "type": "cigars", "quantity": 40, "unit": "kg", "hs_code": "240210"},
        {"commodity": "tobacco", "type": "cigars", "quantity": 40, "unit": "kg", "hs_code": "010195"},
    ]
    today = "2026-11-28"
    builtin = hs_issues(cen.Validator(today=today).validate(record))
    packed = hs_issues(cen.Validator(today=today, tables=HS_2099).validate(record))
    assert builtin == [("CEN-COD-005", "/goods/1/hs_code")]
    assert packed == [("CEN-COD-005", "/goods/0/hs_code")]
    hs = [e for e in cen.load_tables(HS_2099).editions() if e["table"] == "hs"][0]
    assert (hs["edition"], hs["source"]) == ("HS 2022", "HS CSV: hs-2099.csv")


def test_tables_are_shared_by_threads() -> None:
    tables = cen.load_tables(UNECE)
    flagged: list[bool] = []

    def work() -> None:
        for _ in range(10):
            validator = cen.Validator(today="2026-11-28", tables=tables)
            flagged.append(location_flagged(validator.validate(AT_ESQ9Z)))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert flagged == [False] * 40


def test_bad_packs_raise_tables_error_and_change_nothing() -> None:
    good = BUILTIN.read_bytes()
    validator = cen.Validator(today="2026-11-28", tables=cen.load_tables(UNECE))
    damaged = bytearray(good)
    damaged[-1] ^= 1
    wrong_magic = bytearray(good)
    wrong_magic[0] ^= 0xFF
    cases: list[tuple[str | bytes, str]] = [
        (b"", "table pack"),
        (bytes(4096), "table pack"),
        (good[:1000], "table pack"),
        (bytes(damaged), "checksum"),
        (bytes(wrong_magic), "table pack"),
        ("/nonexistent/x.pack", "cannot read"),
    ]
    for source, reason in cases:
        with pytest.raises(cen.TablesError, match=reason):
            cen.load_tables(source)
        with pytest.raises(cen.TablesError):
            cen.Validator(tables=source)
    assert issubclass(cen.TablesError, cen.OptionsError)
    assert issubclass(cen.TablesError, ValueError)
    with pytest.raises(TypeError, match="tables takes"):
        cen.load_tables(3)  # type: ignore[arg-type]
    assert not location_flagged(validator.validate(AT_ESQ9Z))
    assert cen.Validator(tables=None).editions() == cen.editions()


def test_tables_repr_and_checksum() -> None:
    tables = cen.load_tables(BUILTIN)
    sha = tables.sha256
    assert sha is not None and len(sha) == 64
    assert sha in repr(tables)


def test_search_offers_the_places_of_a_pack() -> None:
    def codes(query: str, **kwargs: object) -> list[str]:
        return [r["code"] for r in cen.codes.search("seaport", query, **kwargs)]  # type: ignore[arg-type]

    tables = cen.load_tables(UNECE)
    # The port the fixtures add is offered with the pack only; the one they withdraw is not.
    assert codes("puerto nuevo de prueba") == []
    for source in (tables, UNECE, str(UNECE), UNECE.read_bytes()):
        assert codes("puerto nuevo de prueba", tables=source) == ["ESQ9Z"], type(source)
    assert "ESALG" in codes("algeciras")
    assert "ESALG" not in codes("algeciras", tables=tables)
    # The same JSON text as the other surfaces, and the built-in tables give the built-in index.
    text = cen.codes.search_json("seaport", "puerto nuevo", tables=tables)
    assert json.loads(text)[0]["name"] == "Puerto Nuevo de Prueba"
    builtin = cen.load_tables(BUILTIN)
    assert cen.codes.search("location", "Santos", tables=builtin) == cen.codes.search("location", "Santos")
    with pytest.raises(cen.TablesError):
        cen.codes.search("seaport", "x", tables=b"not a pack")
    with pytest.raises(TypeError, match="tables takes"):
        cen.codes.search("seaport", "x", tables=3)  # type: ignore[arg-type]
