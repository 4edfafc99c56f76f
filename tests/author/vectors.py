#!/usr/bin/env python3
"""Writes the conformance vectors under tests/vectors/ from the cases below.

Each case states its input, its options and, by hand, every issue it must report (rule, path,
params): that is the assertion. `cargo run -p cen-conformance --bin bless` then adds the complete
report (severity, messages, counts, quality) after checking that it has exactly those issues.
Every surface (Rust, Python, JavaScript, C) runs the resulting files.

Usage: python3 tests/author/vectors.py   (then: cargo run -p cen-conformance --bin bless)
"""
import copy
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "vectors")
EXAMPLES = os.path.join(HERE, "..", "..", "examples", "records")
TODAY = "2026-11-28"

BASE = {
    "reporting_country": "BE",
    "seizure_date": "2026-02-28",
    "location": {"type": "airport", "code": "BRU"},
    "procedure": "import",
    "detection": {"principal": "risk_profiling"},
    "goods": [{"commodity": "drugs", "type": "cocaine", "quantity": 2.5, "unit": "kg", "concealment": "baggage_hold"}],
    "conveyance": [{"type": "air_passenger", "flight": "SN466", "date": "2026-02-27", "from": "GRU", "to": "BRU"}],
    "route": {"origin": "CO", "departure": "BR", "destination": "BE"},
}

SEA = {
    "reporting_country": "NL",
    "seizure_date": "2026-07-01",
    "location": {"type": "seaport", "code": "NLRTM"},
    "procedure": "import",
    "detection": {"principal": "xray"},
    "goods": [{"commodity": "drugs", "type": "cocaine", "quantity": 300, "unit": "kg", "concealment": "container_structure"}],
    "conveyance": [{"type": "sea_container", "container": "MSKU6011672", "imo": "9074729", "date": "2026-06-10", "from": "ECGYE", "to": "NLRTM"}],
    "route": {"departure": "EC", "destination": "NL"},
}

POSTAL = {
    "reporting_country": "FR",
    "seizure_date": "2026-04-02",
    "location": {"type": "postal_centre", "code": "CDG"},
    "procedure": "import",
    "detection": {"principal": "xray"},
    "goods": [{"commodity": "drugs", "type": "mdma", "quantity": 500, "unit": "tablets", "concealment": "postal_item"}],
    "conveyance": [{"type": "postal", "postal_item": "RR473124829GB", "date": "2026-03-30"}],
    "route": {"departure": "GB", "destination": "FR"},
}

CARGO = {
    "reporting_country": "DE",
    "seizure_date": "2026-05-12",
    "location": {"type": "airport", "code": "LEJ"},
    "procedure": "import",
    "detection": {"principal": "documentary_check"},
    "goods": [{"commodity": "ipr", "type": "watches", "quantity": 1200, "unit": "items", "concealment": "mixed_with_goods"}],
    "conveyance": [{"type": "air_cargo", "awb": "016-12345675", "date": "2026-05-11", "from": "HKG", "to": "LEJ"}],
    "route": {"departure": "HK", "destination": "DE"},
}

FILES = {}


def unescape(token):
    return token.replace("~1", "/").replace("~0", "~")


def walk(doc, pointer):
    tokens = [unescape(t) for t in pointer.split("/")[1:]]
    parent = doc
    for token in tokens[:-1]:
        parent = parent[int(token)] if isinstance(parent, list) else parent[token]
    last = tokens[-1]
    return parent, (int(last) if isinstance(parent, list) else last)


def build(base, set_=None, remove=()):
    doc = copy.deepcopy(base)
    for pointer in remove:
        parent, key = walk(doc, pointer)
        del parent[key]
    for pointer, value in (set_ or {}).items():
        parent, key = walk(doc, pointer)
        if isinstance(parent, list) and key == len(parent):
            parent.append(value)
        else:
            parent[key] = value
    return doc


def issue(rule, path, **params):
    out = {"rule": rule, "path": path}
    if params:
        out["params"] = params
    return out


def case(file, name, description, *, base=BASE, set=None, remove=(), input=None, input_text=None, input_hex=None,
         options=None, expect=()):
    options = dict(options or {})
    options.setdefault("today", TODAY)
    entry = {"name": name, "description": description, "options": options}
    if input_text is not None:
        entry["input_text"] = input_text
    elif input_hex is not None:
        entry["input_hex"] = input_hex
    else:
        entry["input"] = input if input is not None else build(base, set, remove)
    entry["expect"] = list(expect)
    FILES.setdefault(file, []).append(entry)


def batch(file, name, description, inputs, expect, options=None):
    options = dict(options or {})
    options.setdefault("today", TODAY)
    FILES.setdefault(file, []).append({"name": name, "description": description, "options": options,
                                       "batch": inputs, "expect_batch": expect})


# ---------------------------------------------------------------------------------------- SCH
F = "structure"
case(F, "base-record-is-valid", "The reference long-form record of these vectors has no issue.")
case(F, "sch-001-not-json", "Text that is not JSON.", input_text='{"reporting_country": "BE",',
     expect=[issue("CEN-SCH-001", "")])
case(F, "sch-001-not-an-object", "A JSON array is not a record.", input_text="[1, 2]", expect=[issue("CEN-SCH-001", "")])
case(F, "sch-001-a-string", "A JSON string is not a record.", input_text='"BE"', expect=[issue("CEN-SCH-001", "")])
case(F, "sch-001-not-utf8", "Bytes that are not UTF-8 (a Latin-1 é).",
     input_hex='{"case_ref": "caf\xe9"}'.encode("latin-1").hex(), expect=[issue("CEN-SCH-001", "")])
deep = '{"narrative": ' + "[" * 32 + "]" * 32 + "}"
case(F, "sch-001-too-deep", "33 levels of nesting (the record is level 1).", input_text=deep, expect=[issue("CEN-SCH-001", "")])
deep_ok = '{"narrative": ' + "[" * 31 + "]" * 31 + "}"
case(F, "sch-001-near-miss-32-levels", "32 levels are accepted: the narrative is then the wrong type (and still a narrative in a CEN record).", input_text=deep_ok,
     expect=[issue("CEN-SCH-002", "/narrative"), issue("CEN-NOM-002", "/narrative"), issue("CEN-SCH-004", "/conveyance", field="conveyance"),
             issue("CEN-SCH-004", "/detection", field="detection"), issue("CEN-SCH-004", "/goods", field="goods"),
             issue("CEN-SCH-004", "/location", field="location"), issue("CEN-SCH-004", "/procedure", field="procedure"),
             issue("CEN-SCH-004", "/reporting_country", field="reporting_country"), issue("CEN-SCH-004", "/route", field="route"),
             issue("CEN-SCH-004", "/seizure_date", field="seizure_date")])
case(F, "sch-001-near-miss-bom", "A leading UTF-8 byte order mark is ignored.",
     input_text="\ufeff" + json.dumps(BASE))
case(F, "sch-001-near-miss-trailing-space", "White space around the object is JSON.", input_text="\n " + json.dumps(BASE) + " \n")
case(F, "sch-002-string-for-number", "A quantity written as text.", set={"/goods/0/quantity": "2.5"},
     expect=[issue("CEN-SCH-002", "/goods/0/quantity")])
case(F, "sch-002-string-for-object", "A location written as text.", set={"/location": "Brussels airport"},
     expect=[issue("CEN-SCH-002", "/location")])
case(F, "sch-002-object-for-array", "Goods given as one object, not a list.",
     set={"/goods": BASE["goods"][0]}, expect=[issue("CEN-SCH-002", "/goods")])
case(F, "sch-002-number-for-code", "An HS code written as a number.", set={"/goods/0/hs_code": 240220},
     expect=[issue("CEN-SCH-002", "/goods/0/hs_code")])
case(F, "sch-002-null-item", "A null item in a list of codes.", set={"/route/transit": ["PT", None]},
     expect=[issue("CEN-SCH-002", "/route/transit/1")])
case(F, "sch-002-fractional-age", "An age must be a whole number.", set={"/offenders": [{"age": 27.5}]},
     expect=[issue("CEN-SCH-002", "/offenders/0/age")])
case(F, "sch-002-near-miss-whole-float", "27.0 is a whole number.", set={"/offenders": [{"age": 27.0}]})
case(F, "sch-003-unknown-field", "A field the record does not define.", set={"/colour": "red"},
     expect=[issue("CEN-SCH-003", "/colour", field="colour")])
case(F, "sch-003-unknown-nested-field", "A typo in a leg's field.", set={"/conveyance/0/flight_no": "SN466"},
     expect=[issue("CEN-SCH-003", "/conveyance/0/flight_no", field="flight_no")])
case(F, "sch-003-escaped-name", "Field names with / and ~ are escaped in the path.", set={"/a~1b~0c": 1},
     expect=[issue("CEN-SCH-003", "/a~1b~0c", field="a/b~c")])
case(F, "sch-003-duplicate-field", "A field given twice: the first value stands.",
     input_text=json.dumps(BASE)[:-1] + ', "reporting_country": "NL"}',
     expect=[issue("CEN-SCH-003", "/reporting_country", field="reporting_country")])
case(F, "sch-003-near-miss-null", "null is the same as absent.", set={"/case_ref": None, "/narrative": None, "/offenders": None},
     options={"source": "ncen"})
case(F, "sch-004-missing-both-forms", "The seizure date is required in both forms.", remove=["/seizure_date"],
     options={"form": "simplified"}, expect=[issue("CEN-SCH-004", "/seizure_date", field="seizure_date")])
case(F, "sch-004-missing-long-form", "The long form needs the detection method, the concealment and the airport code.",
     remove=["/detection", "/goods/0/concealment", "/location/code"],
     expect=[issue("CEN-SCH-004", "/detection", field="detection"),
             issue("CEN-SCH-004", "/goods/0/concealment", field="concealment"),
             issue("CEN-SCH-004", "/location/code", field="code")])
case(F, "sch-004-near-miss-simplified", "The simplified form does not need them.",
     remove=["/detection", "/goods/0/concealment", "/location/code"], set={"/form": "simplified"})
case(F, "sch-004-empty-goods", "At least one goods line.", set={"/goods": []},
     expect=[issue("CEN-SCH-004", "/goods", field="goods")])
case(F, "sch-004-leg-without-type", "Every leg needs its type.", remove=["/conveyance/0/type"],
     expect=[issue("CEN-SCH-004", "/conveyance/0/type", field="type")])
case(F, "sch-004-cash-without-currency", "A cash amount needs its currency.",
     set={"/goods/0": {"commodity": "currency", "type": "banknotes", "quantity": 25000, "unit": "amount", "concealment": "clothing"}},
     expect=[issue("CEN-SCH-004", "/goods/0/currency", field="currency")])
case(F, "sch-004-profile-required", "A profile's required list adds fields.",
     options={"profile": {"name": "OP-TEST", "required": ["/outcome/legal_action", "/goods/*/hs_code", "/conveyance/0/carrier"]}},
     expect=[issue("CEN-SCH-004", "/conveyance/0/carrier", field="carrier"),
             issue("CEN-SCH-004", "/goods/0/hs_code", field="hs_code"),
             issue("CEN-SCH-004", "/outcome", field="outcome")])
case(F, "sch-004-profile-star-near-miss-no-array", "A `*` pointer requires nothing where the array is absent (spec 5.1).",
     options={"profile": {"name": "OP-TEST", "required": ["/offenders/*/age", "/persons/*/documents/*/number"]}})
case(F, "sch-004-profile-star-near-miss-empty-array", "...nor where it is empty.",
     options={"profile": {"name": "OP-TEST", "required": ["/offenders/*/age"]}}, set={"/offenders": []})
case(F, "sch-004-profile-star-every-item", "A `*` pointer requires the field on every item that is there.",
     options={"profile": {"name": "OP-TEST", "required": ["/offenders/*/age"]}},
     set={"/offenders": [{"age": 34, "gender": "male"}, {"gender": "female"}]},
     expect=[issue("CEN-SCH-004", "/offenders/1/age", field="age")])
case(F, "sch-004-near-miss-present-but-invalid", "A present value that fails its own check is not missing.",
     set={"/procedure": "imports"},
     expect=[issue("CEN-SCH-005", "/procedure", value="imports",
                   allowed=["import", "export", "transit", "transhipment", "domestic", "unknown"])])
case(F, "sch-005-unit", "A unit that is not a word of the enumeration.", set={"/goods/0/unit": "kilos"},
     expect=[issue("CEN-SCH-005", "/goods/0/unit", value="kilos",
                   allowed=["kg", "g", "t", "l", "ml", "m3", "pieces", "tablets", "items", "rounds", "heads", "plants", "amount"])])
case(F, "sch-005-case-matters", "Words are lower case.", set={"/location/type": "Airport"},
     expect=[issue("CEN-SCH-005", "/location/type", value="Airport",
                   allowed=["airport", "seaport", "land_border", "rail_terminal", "postal_centre", "express_hub", "inland_depot",
                            "free_zone", "inland", "at_sea", "other", "unknown"])])
case(F, "sch-005-near-miss", "Every word of the enumeration is accepted.", set={"/goods/0/unit": "g", "/goods/0/quantity": 2500})
case(F, "sch-006-text-too-long", "case_ref has at most 64 characters.", set={"/case_ref": "R" * 65},
     expect=[issue("CEN-SCH-006", "/case_ref", limit=64)])
case(F, "sch-006-near-miss-64", "64 characters, counted as characters not bytes.", set={"/case_ref": "é" * 64})
case(F, "sch-006-too-many-items", "At most 20 transit countries.", set={"/route/transit": ["PT"] * 21},
     expect=[issue("CEN-SCH-006", "/route/transit", limit=20)])
case(F, "sch-006-range", "Purity above 100 and a negative value.",
     set={"/goods/0/purity_percent": 101, "/goods/0/value": {"amount": -5, "currency": "EUR"}},
     expect=[issue("CEN-SCH-006", "/goods/0/purity_percent", limit=100), issue("CEN-SCH-006", "/goods/0/value/amount", limit=0)])
case(F, "sch-006-age", "An age above 120.", set={"/offenders": [{"age": 121}]},
     expect=[issue("CEN-SCH-006", "/offenders/0/age", limit=120)])
case(F, "sch-006-near-miss-bounds", "The bounds themselves are inside.",
     set={"/goods/0/purity_percent": 100, "/offenders": [{"age": 120}, {"age": 0}], "/goods/0/value": {"amount": 0, "currency": "EUR"}})

# ---------------------------------------------------------------------------------------- DAT
F = "dates"
case(F, "dat-001-impossible-day", "30 February.", set={"/seizure_date": "2024-02-30", "/conveyance/0/date": "2024-02-27"},
     expect=[issue("CEN-DAT-001", "/seizure_date")])
case(F, "dat-001-other-format", "A date written the European way, and one with a time.",
     set={"/entry_date": "14/03/2026", "/conveyance/0/date": "2026-02-27T10:00:00Z"},
     expect=[issue("CEN-DAT-001", "/conveyance/0/date"), issue("CEN-DAT-001", "/entry_date")])
case(F, "dat-001-person-dates", "Dates of persons and documents are checked too.",
     set={"/source": "ncen", "/persons": [{"birth_date": "1990-13-01", "documents": [{"type": "passport", "expiry": "2030-02-29"}]}]},
     expect=[issue("CEN-DAT-001", "/persons/0/birth_date"), issue("CEN-DAT-001", "/persons/0/documents/0/expiry")])
case(F, "dat-001-near-miss-leap-day", "29 February of a leap year.", set={"/seizure_date": "2024-02-29", "/conveyance/0/date": "2024-02-29"})
case(F, "dat-002-future", "A seizure and an entry after today.",
     set={"/seizure_date": "2026-11-29", "/entry_date": "2026-12-01", "/conveyance/0/date": "2026-11-29"},
     expect=[issue("CEN-DAT-002", "/entry_date"), issue("CEN-DAT-002", "/seizure_date")])
case(F, "dat-002-near-miss-today", "Today is not the future.", set={"/seizure_date": TODAY, "/entry_date": TODAY, "/conveyance/0/date": TODAY})
case(F, "dat-003-before-cen", "A seizure before 2000.", set={"/seizure_date": "1999-12-31", "/conveyance/0/date": "1999-12-30"},
     expect=[issue("CEN-DAT-003", "/seizure_date")])
case(F, "dat-003-near-miss", "1 January 2000 is fine.", set={"/seizure_date": "2000-01-01", "/conveyance/0/date": "2000-01-01"})
case(F, "dat-004-import-leg-after-seizure", "The last dated leg of an import started after the seizure.",
     set={"/conveyance/0/date": "2026-03-01"}, expect=[issue("CEN-DAT-004", "/conveyance/0/date")])
case(F, "dat-004-near-miss-export", "Not an import.",
     set={"/procedure": "export", "/route": {"departure": "BE", "destination": "BR"}, "/conveyance/0": {"type": "air_passenger", "flight": "SN467", "date": "2026-03-01"}})
case(F, "dat-005-legs-out-of-order", "The second leg starts before the first.",
     set={"/conveyance": [{"type": "air_passenger", "flight": "TP76", "date": "2026-02-26", "from": "GRU", "to": "LIS"},
                          {"type": "air_passenger", "flight": "TP642", "date": "2026-02-25", "from": "LIS", "to": "BRU"}]},
     expect=[issue("CEN-DAT-005", "/conveyance/1/date")])
case(F, "dat-005-near-miss-same-day-and-undated", "Equal dates and undated legs are in order.",
     set={"/conveyance": [{"type": "air_passenger", "flight": "TP76", "date": "2026-02-26", "from": "GRU", "to": "LIS"},
                          {"type": "air_passenger", "flight": "TP640"},
                          {"type": "air_passenger", "flight": "TP642", "date": "2026-02-26", "from": "LIS", "to": "BRU"}]})
case(F, "dat-006-entry-before-seizure", "The record was entered before the seizure.", set={"/entry_date": "2026-02-27"},
     expect=[issue("CEN-DAT-006", "/entry_date")])
case(F, "dat-006-near-miss", "Entered the same day.", set={"/entry_date": "2026-02-28"})

# ---------------------------------------------------------------------------------------- COD
F = "codes"
case(F, "cod-001-three-letters", "An alpha-3 code where alpha-2 is expected.", set={"/route/origin": "COL"},
     expect=[issue("CEN-COD-001", "/route/origin", code="COL")])
case(F, "cod-001-lower-case", "Codes are upper case: the valid code is suggested.", set={"/offenders": [{"nationality": "br"}]},
     expect=[issue("CEN-COD-001", "/offenders/0/nationality", code="br", suggest="BR")])
case(F, "cod-001-suggest-lower-case", "hk means HK; a lower-case pseudo-code is suggested where it is allowed, not in reporting_country.",
     set={"/route/origin": "hk", "/route/transit": ["xx", "Bg"], "/reporting_country": "xx"},
     expect=[issue("CEN-COD-001", "/reporting_country", code="xx"),
             issue("CEN-COD-001", "/route/origin", code="hk", suggest="HK"),
             issue("CEN-COD-001", "/route/transit/0", code="xx", suggest="XX"),
             issue("CEN-COD-001", "/route/transit/1", code="Bg", suggest="BG")])
case(F, "cod-001-suggest-alias", "UK (reserved by ISO 3166-1 for the United Kingdom) means GB; EL (the EU's code for Greece) means GR; ZR (Zaire) means CD; in any case.",
     set={"/route/origin": "UK", "/route/destination": "EL", "/offenders": [{"nationality": "uk"}, {"nationality": "ZR"}]},
     expect=[issue("CEN-COD-001", "/offenders/0/nationality", code="uk", suggest="GB"),
             issue("CEN-COD-001", "/offenders/1/nationality", code="ZR", suggest="CD"),
             issue("CEN-COD-001", "/route/destination", code="EL", suggest="GR"),
             issue("CEN-COD-001", "/route/origin", code="UK", suggest="GB")])
case(F, "cod-001-near-miss-no-suggestion", "No suggestion for a code that means no country: an unassigned code, a code for part of a country (IC, the Canary Islands), a group (EU).",
     set={"/route/origin": "QQ", "/route/destination": "IC", "/route/transit": ["EU", "hkg"]},
     expect=[issue("CEN-COD-001", "/route/destination", code="IC"),
             issue("CEN-COD-001", "/route/origin", code="QQ"),
             issue("CEN-COD-001", "/route/transit/0", code="EU"),
             issue("CEN-COD-001", "/route/transit/1", code="hkg")])
case(F, "cod-001-pseudo-in-reporting-country", "XX is never a reporting country; XZ is not a company's country.",
     set={"/reporting_country": "XX", "/source": "ncen", "/companies": [{"name": "Example Ltd", "country": "XZ"}]},
     expect=[issue("CEN-COD-001", "/companies/0/country", code="XZ"), issue("CEN-COD-001", "/reporting_country", code="XX")])
case(F, "cod-001-near-miss-pseudo-codes", "XX and XZ are accepted in the route, nationality and registration and issuing country.",
     set={"/route/origin": "XX", "/route/transit": ["XZ"], "/offenders": [{"nationality": "XX"}]})
case(F, "cod-002-unknown-code", "A location code that is in no table.", set={"/location/code": "BEQQQ", "/conveyance/0/from": "QQQ"},
     expect=[issue("CEN-COD-002", "/conveyance/0/from", code="QQQ"), issue("CEN-COD-002", "/location/code", code="BEQQQ")])
case(F, "cod-002-withdrawn", "A UN/LOCODE marked for deletion does not resolve.", set={"/conveyance/0/from": "CNTLS"},
     expect=[issue("CEN-COD-002", "/conveyance/0/from", code="CNTLS")])
case(F, "cod-002-bad-shape", "Lower case, spaces and odd lengths do not resolve.",
     set={"/location/code": "bru", "/conveyance/0/from": "BR GRU", "/conveyance/0/to": "BRUS12"},
     expect=[issue("CEN-COD-002", "/conveyance/0/from", code="BR GRU"), issue("CEN-COD-002", "/conveyance/0/to", code="BRUS12"),
             issue("CEN-COD-002", "/location/code", code="bru")])
case(F, "cod-002-near-miss-icao-and-unlocode", "ICAO and UN/LOCODE codes resolve too.",
     set={"/location/code": "EBBR", "/conveyance/0/from": "BRGRU", "/conveyance/0/to": "BEBRU"})
case(F, "cod-003-currency", "Not a current ISO 4217 code.",
     set={"/goods/0": {"commodity": "currency", "type": "banknotes", "quantity": 25000, "unit": "amount", "currency": "EURO", "concealment": "clothing"}},
     expect=[issue("CEN-COD-003", "/goods/0/currency", code="EURO")])
case(F, "cod-003-withdrawn-currency", "A withdrawn currency (Croatian kuna).",
     set={"/goods/0/value": {"amount": 1000, "currency": "HRK"}}, expect=[issue("CEN-COD-003", "/goods/0/value/currency", code="HRK")])
case(F, "cod-003-near-miss", "Current codes.", set={"/goods/0/value": {"amount": 1000, "currency": "EUR"}, "/outcome": {"penalty": {"amount": 500, "currency": "BHD"}}})
case(F, "cod-004-format", "Five digits.", set={"/goods/0/hs_code": "24022"}, expect=[issue("CEN-COD-004", "/goods/0/hs_code", code="24022")])
case(F, "cod-004-reserved-chapter", "Chapter 77 is reserved.", set={"/goods/0/hs_code": "7701"}, expect=[issue("CEN-COD-004", "/goods/0/hs_code", code="7701")])
case(F, "cod-004-national-chapter", "Chapters 98 and 99 are not HS chapters.", set={"/goods/0/hs_code": "9801"},
     expect=[issue("CEN-COD-004", "/goods/0/hs_code", code="9801")])
case(F, "cod-004-near-miss-chapter", "A chapter of two digits.", set={"/goods/0/hs_code": "29"})
case(F, "cod-005-unknown-heading", "A well-formed heading that no HS edition has.", set={"/goods/0/hs_code": "2499"},
     expect=[issue("CEN-COD-005", "/goods/0/hs_code", code="2499", edition="2022")])
case(F, "cod-005-unknown-subheading-of-national-code", "The first six digits of a 10-digit code are checked.",
     set={"/goods/0/hs_code": "2402990000"}, expect=[issue("CEN-COD-005", "/goods/0/hs_code", code="2402990000", edition="2022")])
case(F, "cod-005-near-miss", "A subheading and an 8-digit national code.", set={"/goods/0/hs_code": "29394500"})


def on(day, code):
    """The base record seized on `day` (its flight that day too) with one HS code."""
    return {"/seizure_date": day, "/conveyance/0/date": day, "/goods/0/hs_code": code}


def cod005(code, edition, found_in=None, suggest=None):
    params = {"code": code, "edition": edition}
    if found_in:
        params["found_in"] = found_in
    if suggest:
        params["suggest"] = suggest
    return issue("CEN-COD-005", "/goods/0/hs_code", **params)


PHONES_2022 = ["851713", "851714", "852411", "852412", "852419", "852491", "852492", "852499", "852990", "854151",
               "854159", "854921", "854929", "854931", "854939", "854991", "854999"]
# Spec 3, "The HS edition in force": the edition of the seizure date, its edges, and what replaces a code.
case(F, "cod-005-hs2012-on-2016-12-31", "The last day of HS 2012: a subheading that HS 2017 created (fish livers and roes, 0302.91) is not yet valid; UNSD pairs it with 0302.90.",
     set=on("2016-12-31", "030291"), expect=[cod005("030291", "2012", "2022", ["030290"])])
case(F, "cod-005-near-miss-hs2017-on-2017-01-01", "The first day of HS 2017: 0302.91 is valid.", set=on("2017-01-01", "030291"))
case(F, "cod-005-hs2012-code-on-2017-01-01", "The first day of HS 2017: HS 2012's 0302.90 is gone.",
     set=on("2017-01-01", "030290"), expect=[cod005("030290", "2017", "2012", ["030291"])])
case(F, "cod-005-near-miss-hs2017-on-2021-12-31", "The last day of HS 2017: mobile phones are still 8517.12.", set=on("2021-12-31", "851712"))
case(F, "cod-005-hs2022-code-on-2021-12-31", "The last day of HS 2017: smartphones (8517.13, HS 2022) do not exist yet.",
     set=on("2021-12-31", "851713"), expect=[cod005("851713", "2017", "2022", ["851712"])])
case(F, "cod-005-hs2017-code-on-2022-01-01", "The first day of HS 2022: mobile phones 8517.12 were split; the correlation table gives every HS 2022 code it went to.",
     set=on("2022-01-01", "851712"), expect=[cod005("851712", "2022", "2017", PHONES_2022)])
case(F, "cod-005-near-miss-hs2022-on-2022-01-01", "The first day of HS 2022: 8517.13 is valid.", set=on("2022-01-01", "851713"))
case(F, "cod-005-near-miss-phones-on-2019", "A seizure of 2019 is coded in HS 2017: 8517.12 is valid.", set=on("2019-06-15", "851712"))
case(F, "cod-005-phones-on-2023", "A seizure of 2023 is coded in HS 2022: 8517.12 is HS 2017's.",
     set=on("2023-03-10", "851712"), expect=[cod005("851712", "2022", "2017", PHONES_2022)])
case(F, "cod-005-nicotine-on-2019", "Nicotine products for inhalation (2404.12) did not exist in 2019; UNSD pairs them with 3824.99.",
     set=on("2019-06-15", "240412"), expect=[cod005("240412", "2017", "2022", ["382499"])])
case(F, "cod-005-ten-digits-on-2019", "The first six digits of a 10-digit national code are checked against the edition in force.",
     set=on("2019-06-15", "2404120000"), expect=[cod005("2404120000", "2017", "2022", ["382499"])])
case(F, "cod-005-eight-digits-on-2023", "An 8-digit national code of HS 2017's 8517.12 on a 2023 record.",
     set=on("2023-03-10", "85171200"), expect=[cod005("85171200", "2022", "2017", PHONES_2022)])
case(F, "cod-005-near-miss-eight-digits-on-2019", "The same 8-digit code on a 2019 record.", set=on("2019-06-15", "85171200"))
case(F, "cod-005-heading-on-2019", "A heading that HS 2022 created (2404); the suggestion is the headings of the codes its subheadings came from.",
     set=on("2019-06-15", "2404"), expect=[cod005("2404", "2017", "2022", ["2106", "2403", "3824"])])
case(F, "cod-005-near-miss-heading-on-2019", "A heading of every edition.", set=on("2019-06-15", "8517"))
case(F, "cod-005-hs2012-to-hs2022-through-hs2017", "HS 2012's 0302.90 on a 2024 record: the suggestion follows the tables through HS 2017.",
     set=on("2024-01-15", "030290"), expect=[cod005("030290", "2022", "2012", ["030291"])])
case(F, "cod-005-unpaired", "HS 2017's 3002.19 is in no pair of UNSD's 2022-2017 table: no suggestion.",
     set=on("2023-03-10", "300219"), expect=[cod005("300219", "2022", "2017")])
case(F, "cod-005-missing-date", "Without a seizure date the newest edition applies.",
     set={"/goods/0/hs_code": "851712"}, remove=("/seizure_date",),
     expect=[issue("CEN-SCH-004", "/seizure_date", field="seizure_date"), cod005("851712", "2022", "2017", PHONES_2022)])
case(F, "cod-005-bad-date", "A seizure date that is not a date: the newest edition applies.",
     set=on("2019-02-30", "851712") | {"/conveyance/0/date": "2019-02-27"},
     expect=[issue("CEN-DAT-001", "/seizure_date"), cod005("851712", "2022", "2017", PHONES_2022)])
case(F, "cod-005-option-hs-edition", "The option hs_edition overrides the date: HS 2017 on a 2023 record.",
     set=on("2023-03-10", "851713"), options={"hs_edition": "2017"}, expect=[cod005("851713", "2017", "2022", ["851712"])])
case(F, "cod-005-near-miss-option-hs-edition", "The option hs_edition 2017 accepts 8517.12 on a 2023 record.",
     set=on("2023-03-10", "851712"), options={"hs_edition": "2017"})
case(F, "cod-005-profile-hs-edition", "A profile's hs_edition overrides the date too (HS 2012 on a 2019 record).",
     set=on("2019-06-15", "030291"), options={"profile": {"name": "HS-2012-GROUP", "hs_edition": "2012"}},
     expect=[cod005("030291", "2012", "2022", ["030290"])])
case(F, "cod-005-option-wins-over-profile", "The option wins over the profile's hs_edition.",
     set=on("2019-06-15", "851713"), options={"hs_edition": "2022", "profile": {"hs_edition": "2012"}})
case(F, "cod-006-type-of-another-area", "Cocaine is not a tobacco product.", set={"/goods/0/commodity": "tobacco"},
     expect=[issue("CEN-COD-006", "/goods/0/type", commodity="tobacco", type="cocaine")])
case(F, "cod-006-unknown-type", "A misspelt type.", set={"/goods/0/type": "cocain"},
     expect=[issue("CEN-COD-006", "/goods/0/type", commodity="drugs", type="cocain")])
case(F, "cod-006-near-miss", "A type of the area.", set={"/goods/0/type": "crack"})
case(F, "cod-007-unit-not-allowed", "Cocaine is not counted in tablets.", set={"/goods/0/unit": "tablets", "/goods/0/quantity": 20},
     expect=[issue("CEN-COD-007", "/goods/0/unit", unit="tablets", allowed=["kg", "g", "t"])])
case(F, "cod-007-near-miss", "Cocaine in grams.", set={"/goods/0/unit": "g", "/goods/0/quantity": 2500})

# ---------------------------------------------------------------------------------------- IDN
F = "identifiers"
for value, ok, note in [("CSQU3054383", True, "sum 6185, check 3"), ("TEXU3070079", True, ""), ("MSKU6011672", True, ""),
                        ("TEXU3070070", False, "check digit"), ("CSQA3054383", False, "category A"),
                        ("csqu3054383", False, "lower case"), ("CSQU305438", False, "10 characters")]:
    case(F, f"idn-001-{'near-miss-' if ok else ''}{value}", f"ISO 6346 container {value} ({'valid' if ok else 'invalid'}{', ' + note if note else ''}).",
         base=SEA, set={"/conveyance/0/container": value}, expect=[] if ok else [issue("CEN-IDN-001", "/conveyance/0/container")])
for value, ok, note in [("9074729", True, "sum 139"), ("IMO9074729", True, ""), ("IMO 9321483", True, ""),
                        ("9074728", False, "check digit"), ("907472", False, "six digits")]:
    case(F, f"idn-002-{'near-miss-' if ok else ''}{value.replace(' ', '_')}", f"IMO number {value} ({'valid' if ok else 'invalid'}{', ' + note if note else ''}).",
         base=SEA, set={"/conveyance/0/imo": value}, expect=[] if ok else [issue("CEN-IDN-002", "/conveyance/0/imo")])
for value, ok, note in [("016-12345675", True, ""), ("01612345675", True, "without hyphen"),
                        ("016-12345676", False, "check digit"), ("176-12345679", False, "a check digit of 9 is impossible")]:
    case(F, f"idn-003-{'near-miss-' if ok else ''}{value}", f"Air waybill {value} ({'valid' if ok else 'invalid'}{', ' + note if note else ''}).",
         base=CARGO, set={"/conveyance/0/awb": value}, expect=[] if ok else [issue("CEN-IDN-003", "/conveyance/0/awb")])
for value, ok, note in [("RR473124829GB", True, "sum 200"), ("EB000717595HK", True, ""), ("EE471108151FR", True, ""),
                        ("RR287043775IN", True, ""), ("EB000717594HK", False, "check digit"),
                        ("JJ473124829GB", False, "reserved service indicator"), ("RR473124829QQ", False, "no such country")]:
    case(F, f"idn-004-{'near-miss-' if ok else ''}{value}", f"UPU S10 item {value} ({'valid' if ok else 'invalid'}{', ' + note if note else ''}).",
         base=POSTAL, set={"/conveyance/0/postal_item": value}, expect=[] if ok else [issue("CEN-IDN-004", "/conveyance/0/postal_item")])
for value, ok, note in [("LH254", True, ""), ("U21234A", True, "suffix letter"), ("KLM1234", True, "ICAO designator"),
                        ("1A234", True, "digit and letter designator"), ("LH0000", False, "all zeros"), ("12345", False, "no letter"),
                        ("LH 254", False, "space"), ("LH12345", False, "five digits")]:
    case(F, f"idn-005-{'near-miss-' if ok else ''}{value.replace(' ', '_')}", f"Flight {value} ({'valid' if ok else 'invalid'}{', ' + note if note else ''}).",
         set={"/conveyance/0/flight": value}, expect=[] if ok else [issue("CEN-IDN-005", "/conveyance/0/flight")])

# ---------------------------------------------------------------------------------------- MOV
F = "movement"
case(F, "mov-001-import-destination", "An import reported by BE going to NL (the legs end in BE).", set={"/route/destination": "NL"},
     expect=[issue("CEN-MOV-010", "/conveyance/0/to", expected="NL", found="BE"),
             issue("CEN-MOV-001", "/route/destination", expected="BE", found="NL")])
case(F, "mov-001-near-miss-unknown", "An unknown destination is not wrong.", set={"/route/destination": "XX"})
case(F, "mov-001-near-miss-bad-code", "A bad destination code is only a code problem (no cascade).", set={"/route/destination": "NLD"},
     expect=[issue("CEN-COD-001", "/route/destination", code="NLD")])
case(F, "mov-002-export-departure", "An export reported by BE leaving from FR.",
     set={"/procedure": "export", "/route": {"departure": "FR", "destination": "US"}, "/conveyance/0": {"type": "air_passenger", "flight": "SN501", "date": "2026-02-27"}},
     expect=[issue("CEN-MOV-002", "/route/departure", expected="BE", found="FR")])
case(F, "mov-002-near-miss", "An export leaving from the reporting country.",
     set={"/procedure": "export", "/route": {"departure": "BE", "destination": "US"}, "/conveyance/0": {"type": "air_passenger", "flight": "SN501", "date": "2026-02-27", "from": "BRU", "to": "JFK"}})
case(F, "mov-003-transit-through-destination", "A transit that ends in the reporting country.",
     set={"/procedure": "transit"}, expect=[issue("CEN-MOV-003", "/procedure")])
case(F, "mov-003-near-miss", "A transit between two other countries.",
     set={"/procedure": "transhipment", "/route": {"departure": "BR", "destination": "DE"}, "/conveyance/0/to": "BRU"})
case(F, "mov-004-same-departure-and-destination", "An international movement that goes nowhere.",
     set={"/procedure": "transit", "/route": {"departure": "BR", "destination": "BR"}},
     expect=[issue("CEN-MOV-004", "/route/destination")])
case(F, "mov-004-near-miss-domestic", "The same country is fine for a domestic seizure.",
     set={"/procedure": "domestic", "/route": {"departure": "BE", "destination": "BE"}, "/conveyance/0": {"type": "air_passenger", "flight": "SN1", "date": "2026-02-27"}})
case(F, "mov-005-transit-repeats", "A transit list with a repeat and the departure country.",
     set={"/route/transit": ["PT", "BR", "PT", "XX", "XX", "ES"]},
     expect=[issue("CEN-MOV-005", "/route/transit/1", code="BR"), issue("CEN-MOV-005", "/route/transit/2", code="PT")])
case(F, "mov-005-near-miss", "Distinct transit countries; unknowns may repeat.", set={"/route/transit": ["PT", "XX", "XX", "ES"]})
case(F, "mov-006-location-abroad", "A Dutch airport in a Belgian record.", set={"/location/code": "AMS"},
     expect=[issue("CEN-MOV-006", "/location/code", expected="BE", found="NL")])
case(F, "mov-006-near-miss-icao", "The ICAO code of the same airport.", set={"/location/code": "EBBR"})
case(F, "mov-007-not-an-airport", "Zeebrugge is a seaport, not an airport.", set={"/location/code": "BEZEE"},
     expect=[issue("CEN-MOV-007", "/location/code", code="BEZEE", type="airport")])
case(F, "mov-007-not-a-seaport", "Brussels airport is not a seaport.", base=SEA,
     set={"/reporting_country": "BE", "/location/code": "BRU", "/route/destination": "BE", "/conveyance/0/to": "BEANR"},
     expect=[issue("CEN-MOV-007", "/location/code", code="BRU", type="seaport")])
case(F, "mov-007-near-miss-unlocode-airport", "A UN/LOCODE whose functions include an airport.", set={"/location/code": "BEANR"})
case(F, "mov-008-seaport-without-sea-leg", "A seaport seizure with only an air leg.",
     set={"/location": {"type": "seaport", "code": "BEANR"}}, expect=[issue("CEN-MOV-008", "/location/type")])
case(F, "mov-008-near-miss-unknown-leg", "A leg of unknown type could be anything.",
     set={"/location": {"type": "seaport", "code": "BEANR"}, "/conveyance": [{"type": "unknown"}, BASE["conveyance"][0]]})
case(F, "mov-009-identifier-on-wrong-leg", "An air waybill on a container ship leg.", base=SEA,
     set={"/conveyance/0/awb": "016-12345675"},
     expect=[issue("CEN-MOV-009", "/conveyance/0/awb", field="awb", conveyance="sea_container")])
case(F, "mov-009-near-miss-unknown-leg", "Any identifier fits a leg of unknown type.", set={"/conveyance/0/type": "unknown"})
case(F, "mov-010-legs-against-route", "The flight left from Colombia, not from the departure country Brazil.",
     set={"/conveyance/0/from": "BOG"}, expect=[issue("CEN-MOV-010", "/conveyance/0/from", expected="BR", found="CO")])
case(F, "mov-010-near-miss-transit", "Only imports and exports are compared with their legs.",
     set={"/procedure": "transit", "/route/destination": "DE", "/conveyance/0/from": "BOG"})
case(F, "mov-011-missing-identifier", "A long-form air passenger leg without its flight; a courier leg with neither AWB nor tracking.",
     set={"/conveyance": [{"type": "air_passenger", "date": "2026-02-26"}, {"type": "express_courier", "carrier": "Example Express", "date": "2026-02-27"}]},
     expect=[issue("CEN-MOV-011", "/conveyance/0/flight", field="flight", conveyance="air_passenger"),
             issue("CEN-MOV-011", "/conveyance/1/awb", field="awb", conveyance="express_courier")])
case(F, "mov-011-near-miss-simplified", "The simplified form does not require leg identifiers.",
     set={"/form": "simplified", "/conveyance": [{"type": "air_passenger"}]})
case(F, "mov-012-domestic-abroad", "A domestic seizure whose goods came from abroad.",
     set={"/procedure": "domestic", "/conveyance/0": {"type": "air_passenger", "flight": "SN1", "date": "2026-02-27"}},
     expect=[issue("CEN-MOV-012", "/route/departure")])
case(F, "mov-012-near-miss", "A domestic seizure within the country.",
     set={"/procedure": "domestic", "/route": {"departure": "BE", "destination": "XX"}, "/conveyance/0": {"type": "air_passenger", "flight": "SN1", "date": "2026-02-27"}})
case(F, "mov-013-leg-goes-nowhere", "A leg from and to the same airport.", set={"/conveyance/0/from": "BRU", "/route/departure": "BE", "/procedure": "domestic"},
     expect=[issue("CEN-MOV-013", "/conveyance/0/to")])
case(F, "mov-013-near-miss-two-codes", "Two codes of one city are not compared as places.",
     set={"/conveyance/0/from": "BEBRU", "/route/departure": "BE", "/procedure": "domestic"})

# ---------------------------------------------------------------------------------------- QTY
F = "quantity"
case(F, "qty-001-zero", "A quantity of zero.", set={"/goods/0/quantity": 0}, expect=[issue("CEN-QTY-001", "/goods/0/quantity")])
case(F, "qty-001-negative-count", "A negative count is one mistake.", set={"/goods/0/quantity": -0.5, "/goods/0/type": "captagon", "/goods/0/unit": "tablets"},
     expect=[issue("CEN-QTY-001", "/goods/0/quantity")])
case(F, "qty-001-near-miss", "A tiny positive quantity.", set={"/goods/0/quantity": 0.001})
CASH = {"commodity": "currency", "type": "banknotes", "unit": "amount", "concealment": "baggage_hold"}
case(F, "qty-002-decimals", "Yen have no decimals, euros two.",
     set={"/goods/0": dict(CASH, quantity=1000.5, currency="JPY"), "/outcome": {"penalty": {"amount": 99.999, "currency": "EUR"}}},
     expect=[issue("CEN-QTY-002", "/goods/0/quantity", currency="JPY", digits=0),
             issue("CEN-QTY-002", "/outcome/penalty/amount", currency="EUR", digits=2)])
case(F, "qty-002-near-miss", "Three decimals for Bahraini dinar, none for gold.",
     set={"/goods/0": dict(CASH, quantity=1000.125, currency="BHD", value={"amount": 12.5, "currency": "XAU"})})
case(F, "qty-003-carried-drugs", "51 kg of cocaine carried by an air passenger.", set={"/goods/0/quantity": 51},
     expect=[issue("CEN-QTY-003", "/goods/0/quantity", limit=50)])
case(F, "qty-003-postal", "31 kg of anything by post.", base=POSTAL, set={"/goods/0": {"commodity": "tobacco", "type": "cut_tobacco", "quantity": 31000, "unit": "g", "concealment": "postal_item"}},
     expect=[issue("CEN-QTY-003", "/goods/0/quantity", limit=30)])
case(F, "qty-003-cigarettes", "More than 50 million cigarettes in one line.", base=SEA,
     set={"/goods/0": {"commodity": "tobacco", "type": "cigarettes", "quantity": 50000001, "unit": "pieces", "concealment": "mixed_with_goods"}},
     expect=[issue("CEN-QTY-003", "/goods/0/quantity", limit=50000000)])
case(F, "qty-003-near-miss", "50 kg exactly, and a large load by sea.", set={"/goods/0/quantity": 50})
case(F, "qty-004-fractional-count", "Half a tablet.", set={"/goods/0/quantity": 10.5, "/goods/0/type": "captagon", "/goods/0/unit": "tablets"},
     expect=[issue("CEN-QTY-004", "/goods/0/quantity")])
case(F, "qty-004-near-miss", "10.0 tablets is a whole number.", set={"/goods/0/quantity": 10.0, "/goods/0/type": "captagon", "/goods/0/unit": "tablets"})

# ---------------------------------------------------------------------------------------- NOM
F = "nominal"
case(F, "nom-001-outside-ncen", "Persons, companies and a plate in a CEN record.",
     set={"/persons": [{"surname": "Example"}], "/companies": [{"name": "Example Ltd"}],
          "/conveyance/0": {"type": "road_private", "vehicle_registration": "1-ABC-123", "date": "2026-02-27"}, "/location": {"type": "land_border"}},
     expect=[issue("CEN-NOM-001", "/companies"), issue("CEN-NOM-001", "/conveyance/0/vehicle_registration"), issue("CEN-NOM-001", "/persons")])
case(F, "nom-001-cencomm", "CENcomm is non-nominal too.", set={"/source": "cencomm", "/cug": "OP-X", "/persons": []},
     expect=[issue("CEN-NOM-001", "/persons")])
case(F, "nom-001-near-miss-ncen", "nCEN may hold nominal data.",
     set={"/source": "ncen", "/persons": [{"surname": "Example", "documents": [{"type": "passport", "number": "X1", "issuing_country": "BR"}]}], "/companies": [{"name": "Example Ltd", "role": "importer"}]})
case(F, "nom-002-narrative-in-cen", "Free text in a CEN record.", set={"/narrative": "Found in the lining of a suitcase."},
     expect=[issue("CEN-NOM-002", "/narrative")])
case(F, "nom-002-near-miss-cencomm", "Only CEN records are warned.", set={"/narrative": "Found in the lining of a suitcase.", "/source": "cencomm", "/cug": "OP-X"})
case(F, "nom-003-born-after-seizure", "A person born after the seizure.",
     set={"/source": "ncen", "/persons": [{"birth_date": "1990-01-01"}, {"birth_date": "2026-03-01"}]},
     expect=[issue("CEN-NOM-003", "/persons/1/birth_date")])
case(F, "nom-003-near-miss", "Born on the day of the seizure.", set={"/source": "ncen", "/persons": [{"birth_date": "2026-02-28"}]})
case(F, "nom-001-option-source", "The source option overrides the record's.", set={"/source": "ncen", "/persons": [{"surname": "Example"}]},
     options={"source": "cen"}, expect=[issue("CEN-NOM-001", "/persons")])

# ---------------------------------------------------------------------------------------- FRM
F = "form"
case(F, "frm-001-cencomm-without-cug", "A CENcomm record without its group.", set={"/source": "cencomm"},
     expect=[issue("CEN-FRM-001", "/cug")])
case(F, "frm-001-near-miss", "With its group.", set={"/source": "cencomm", "/cug": "OP-NIGHTWATCH"})
PROFILE = {"name": "OP-NIGHTWATCH", "form": "simplified", "commodities": ["tobacco", "alcohol"],
           "severity": {"CEN-QTY-003": "off", "CEN-MOV-010": "error"}}
case(F, "frm-002-commodity-outside-profile", "Drugs in an operation that collects tobacco and alcohol.",
     options={"profile": PROFILE}, expect=[issue("CEN-FRM-002", "/goods/0/commodity", commodity="drugs", allowed=["tobacco", "alcohol"])])
case(F, "frm-002-near-miss", "Tobacco in that operation.", options={"profile": PROFILE},
     set={"/goods/0": {"commodity": "tobacco", "type": "cigarettes", "quantity": 4000, "unit": "pieces"}})
case(F, "profile-severity", "The profile turns CEN-QTY-003 off and CEN-MOV-010 into an error.", options={"profile": PROFILE},
     set={"/goods/0": {"commodity": "tobacco", "type": "cut_tobacco", "quantity": 80, "unit": "kg"}, "/conveyance/0/from": "BOG"},
     expect=[issue("CEN-MOV-010", "/conveyance/0/from", expected="BR", found="CO")])
case(F, "profile-form-and-option-form", "The option's form wins over the profile's.", options={"form": "long", "profile": PROFILE},
     set={"/goods/0": {"commodity": "tobacco", "type": "cigarettes", "quantity": 4000, "unit": "pieces"}},
     expect=[issue("CEN-SCH-004", "/goods/0/concealment", field="concealment")])

# ---------------------------------------------------------------------------------------- DUP
F = "duplicates"
same_flight = copy.deepcopy(BASE)
other_day = build(BASE, {"/seizure_date": "2026-02-27", "/conveyance/0/date": "2026-02-26"})
batch(F, "dup-001-same-flight-and-type", "The same flight, day, country and goods type, twice; another day is not a duplicate.",
      [same_flight, other_day, same_flight, same_flight],
      [[], [], [issue("CEN-DUP-001", "", first=0)], [issue("CEN-DUP-001", "", first=0)]])
awb_a = build(CARGO, {})
awb_b = build(CARGO, {"/conveyance/0/awb": "01612345675", "/goods/0/type": "toys"})
awb_bad = build(CARGO, {"/conveyance/0/awb": "016-12345676"})
batch(F, "dup-001-shared-awb", "The same air waybill with and without its hyphen; an invalid one takes no part.",
      [awb_bad, awb_a, awb_b, awb_bad],
      [[issue("CEN-IDN-003", "/conveyance/0/awb")], [], [issue("CEN-DUP-001", "", first=1)], [issue("CEN-IDN-003", "/conveyance/0/awb")]])
batch(F, "dup-001-near-miss-other-country", "The same container seized by two countries is two seizures.",
      [SEA, build(SEA, {"/reporting_country": "BE", "/location/code": "BEANR", "/route/destination": "BE", "/conveyance/0/to": "BEANR"})],
      [[], []])
batch(F, "dup-001-not-a-record-in-the-batch", "A bad line does not stop the batch.",
      ["{not json", POSTAL, POSTAL], [[issue("CEN-SCH-001", "")], [], [issue("CEN-DUP-001", "", first=1)]])

# ---------------------------------------------------------------------------------------- languages
F = "languages"
for lang in ["en", "fr", "es", "ru", "ar", "pt"]:
    case(F, f"messages-{lang}", f"The same issues with messages in {lang}.", options={"lang": lang},
         set={"/route/destination": "NL", "/route/origin": "UK", "/goods/0/unit": "tablets", "/goods/0/quantity": 20, "/colour": "red", "/conveyance/0/awb": "016-12345675"},
         remove=["/detection"],
         expect=[issue("CEN-SCH-003", "/colour", field="colour"),
                 issue("CEN-MOV-009", "/conveyance/0/awb", field="awb", conveyance="air_passenger"),
                 issue("CEN-MOV-010", "/conveyance/0/to", expected="NL", found="BE"),
                 issue("CEN-SCH-004", "/detection", field="detection"),
                 issue("CEN-COD-007", "/goods/0/unit", unit="tablets", allowed=["kg", "g", "t"]),
                 issue("CEN-MOV-001", "/route/destination", expected="BE", found="NL"),
                 issue("CEN-COD-001", "/route/origin", code="UK", suggest="GB")])

# ---------------------------------------------------------------------------------------- hostile input
F = "hostile"
base_text = json.dumps(BASE)
case(F, "hostile-invalid-utf8-in-string", "A byte that is not UTF-8 inside a string value.",
     input_hex=base_text.replace('"BE"', '"B\x00E"', 1).encode("utf-8").replace(b"\x00", b"\xc3\x28").hex(), expect=[issue("CEN-SCH-001", "")])
case(F, "hostile-lone-surrogate", "A lone surrogate in a JSON escape cannot be text.",
     input_text=base_text[:-1] + ', "case_ref": "\\ud800x"}', expect=[issue("CEN-SCH-001", "")])
case(F, "hostile-nan-literal", "NaN is not JSON.", input_text=base_text.replace("2.5", "NaN"), expect=[issue("CEN-SCH-001", "")])
case(F, "hostile-infinity-literal", "Infinity is not JSON.", input_text=base_text.replace("2.5", "-Infinity"), expect=[issue("CEN-SCH-001", "")])
case(F, "hostile-400-digit-integer", "An integer of 400 digits is beyond every double.",
     input_text=base_text.replace("2.5", "1" * 400), expect=[issue("CEN-SCH-001", "")])
case(F, "hostile-near-miss-400-decimals", "400 decimals round to a double and are a valid quantity.",
     input_text=base_text.replace("2.5", "2." + "5" * 400))
case(F, "hostile-1e308", "The largest doubles are numbers: an implausible quantity, not a crash.",
     input_text=base_text.replace("2.5", "1e308"), expect=[issue("CEN-QTY-003", "/goods/0/quantity", limit=50)])
case(F, "hostile-negative-zero", "-0 is zero.", input_text=base_text.replace("2.5", "-0"), expect=[issue("CEN-QTY-001", "/goods/0/quantity")])
case(F, "hostile-negative-zero-float", "-0.0 is zero.", input_text=base_text.replace("2.5", "-0.0"), expect=[issue("CEN-QTY-001", "/goods/0/quantity")])
case(F, "hostile-duplicate-nested-key", "A key given twice inside a goods line: the first value stands.",
     input_text=base_text.replace('"quantity": 2.5', '"quantity": 2.5, "quantity": -1'),
     expect=[issue("CEN-SCH-003", "/goods/0/quantity", field="quantity")])
case(F, "hostile-bom-twice", "A second byte order mark is not white space.", input_text="\ufeff\ufeff" + base_text, expect=[issue("CEN-SCH-001", "")])
case(F, "hostile-raw-nul", "A raw NUL byte inside a string is not JSON.",
     input_hex=base_text.replace('"SN466"', '"SN4\x0066"').encode("utf-8").hex(), expect=[issue("CEN-SCH-001", "")])
case(F, "hostile-near-miss-escaped-nul", "An escaped NUL is a character like any other.", input_text=base_text[:-1] + ', "case_ref": "A\\u0000B"}')
case(F, "hostile-nul-in-code", "An escaped NUL in a code makes it an unknown code.",
     input_text=base_text.replace('"reporting_country": "BE"', '"reporting_country": "B\\u0000E"'),
     expect=[issue("CEN-COD-001", "/reporting_country", code="B\u0000E")])
case(F, "hostile-right-to-left-override", "A right-to-left override hides a wrong code.", set={"/route/origin": "\u202eOC"},
     expect=[issue("CEN-COD-001", "/route/origin", code="\u202eOC")])
case(F, "hostile-near-miss-64-emoji", "64 characters outside the Basic Multilingual Plane are 64 characters.", set={"/case_ref": "\U0001F6A2" * 64})
case(F, "hostile-65-emoji", "65 of them are too many.", set={"/case_ref": "\U0001F6A2" * 65}, expect=[issue("CEN-SCH-006", "/case_ref", limit=64)])
case(F, "hostile-huge-string", "A 900,000-character narrative: under 1 MiB, over its limit.", set={"/narrative": "x" * 900000},
     expect=[issue("CEN-NOM-002", "/narrative"), issue("CEN-SCH-006", "/narrative", limit=10000)])
case(F, "hostile-over-1-mib", "Over 1 MiB: refused before parsing.", input_text=base_text[:-1] + ', "narrative": "' + "y" * 1048576 + '"}',
     expect=[issue("CEN-SCH-001", "")])
case(F, "hostile-deep-unknown", "Deep nesting hidden under an unknown field.", input_text='{"x": ' + "[" * 5000 + "]" * 5000 + "}",
     expect=[issue("CEN-SCH-001", "")])
case(F, "hostile-object-as-record-item", "A record nested where a goods line belongs.", set={"/goods/0": BASE},
     expect=[issue("CEN-SCH-003", "/goods/0/" + k, field=k) for k in ["reporting_country", "seizure_date", "location", "procedure", "detection", "goods", "conveyance", "route"]]
            + [issue("CEN-SCH-004", "/goods/0/" + k, field=k) for k in ["commodity", "quantity", "unit", "concealment"]]
            + [issue("CEN-SCH-004", "/goods/0/type", field="type")])
case(F, "hostile-numbers-for-everything", "Numbers where strings, objects and lists belong.",
     set={"/reporting_country": 32, "/location": 1, "/goods": 7, "/route/transit": 5},
     expect=[issue("CEN-SCH-002", "/goods"), issue("CEN-SCH-002", "/location"), issue("CEN-SCH-002", "/reporting_country"),
             issue("CEN-SCH-002", "/route/transit")])

# ---------------------------------------------------------------------------------------- examples
F = "examples"
expected_examples = {
    "invalid-movement.json": [
        issue("CEN-MOV-009", "/conveyance/0/awb", field="awb", conveyance="sea_container"),
        issue("CEN-IDN-001", "/conveyance/0/container"),
        issue("CEN-MOV-006", "/location/code", expected="NL", found="BE"),
        issue("CEN-MOV-001", "/route/destination", expected="NL", found="DE"),
    ],
}
for name in sorted(os.listdir(EXAMPLES)):
    if name.endswith(".json"):
        with open(os.path.join(EXAMPLES, name), encoding="utf-8") as f:
            record = json.load(f)
        case(F, f"example-{name[:-5]}", f"The sample record examples/records/{name}.", input=record,
             expect=expected_examples.get(name, []))


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, cases in FILES.items():
        path = os.path.join(OUT, f"{name}.json")
        previous = {}
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                for old in json.load(f).get("cases", []):
                    previous[old["name"]] = old
        for entry in cases:
            old = previous.get(entry["name"])
            # Keep a blessed report only while its case is unchanged.
            if old and all(old.get(k) == entry.get(k) for k in entry):
                for key in ("report", "reports"):
                    if key in old:
                        entry[key] = old[key]
        doc = {"about": "Conformance vectors of cen: see tests/README.md. Written by tests/author/vectors.py, reports added by `cargo run -p cen-conformance --bin bless`.",
               "cases": cases}
        with open(path, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False, indent=1)
            f.write("\n")
    print(f"{sum(len(c) for c in FILES.values())} cases in {len(FILES)} files")


if __name__ == "__main__":
    sys.exit(main())
