#!/usr/bin/env python3
"""Writes the data-entry vectors (spec 6) that every surface runs: tests/data-entry/search.json
(queries with hand-written expectations) and tests/data-entry/form-model.json (option sets).
Then `cargo run -p cen-conformance --bin bless-entry` adds the complete answers of the core,
refusing when a result contradicts the expectation written here."""
import json
import pathlib

OUT = pathlib.Path(__file__).resolve().parent.parent / "data-entry"

SEARCH = []


def search(name, table, query, options=None, first=None, contains=(), count=None):
    case = {"name": name, "table": table, "query": query, "options": options or {}}
    if first is not None:
        case["expect_first"] = first
    if contains:
        case["expect_contains"] = list(contains)
    if count is not None:
        case["expect_count"] = count
    SEARCH.append(case)


# The examples of spec 6.2 and of issue 13.
search("santos-port", "location", "Santos", contains=["BRSSZ"])
search("santos-seaport", "seaport", "santos", first="BRSSZ")
search("sao-paulo-without-diacritics", "location", "Sao Paulo", contains=["BRSAO"])
search("geneve-without-accent", "location", "geneve", contains=["CHGVA"])
search("schiphol-by-word-prefix", "airport", "schip", first="AMS")
search("germany-in-french", "country", "Allemagne", first="DE")
search("germany-in-russian", "country", "Германия", first="DE")
search("germany-in-arabic", "country", "ألمانيا", first="DE")
search("germany-in-portuguese-upper-case", "country", "ALEMANHA", first="DE")
search("unlocode-exact", "location", "NLRTM", first="NLRTM")
search("unlocode-prefix", "location", "NLR", options={"limit": 20})
search("icao-prefix", "airport", "EHA", first="AMS")
search("hs-heading", "hs", "2403", first="2403")
search("hs-with-dot", "hs", "24.03", first="2403")
search("hs-words", "hs", "tobacco unmanufactured", first="2401")
search("hs-2017-only-code", "hs", "851712", options={"hs_edition": "2017"}, first="851712")
search("hs-2017-code-not-in-2022", "hs", "851712", count=0)
search("currency-yen", "currency", "yen", first="JPY")
search("currency-euro-russian", "currency", "евро", first="EUR")
search("currency-code", "currency", "usd", first="USD")
search("paris-in-the-united-states", "location", "paris", options={"country": "US", "lang": "fr", "limit": 3}, count=3)
search("airport-city", "airport", "frankfurt", contains=["FRA"])
search("seaport-antwerp", "seaport", "antwerp", first="BEANR")
search("arabic-names", "country", "مصر", options={"lang": "ar"}, first="EG")
search("limit-zero", "location", "rotterdam", options={"limit": 0}, count=0)
# Bad input: any query gives a list.
search("empty-query", "location", "", count=0)
search("only-spaces", "country", "   ", count=0)
search("control-characters", "hs", "\u0000\u0001\u007f", count=0)
search("emoji", "location", "🚢🛃", count=0)
search("very-long-query", "location", "x" * 10000, count=0)
search("long-word-list", "country", "a b c d e f g h i j k l", count=0)

MODELS = [
    {"name": "defaults", "options": {}},
    {"name": "simplified-profile-fr", "options": {"lang": "fr", "profile": {
        "name": "OP-NIGHTWATCH", "form": "simplified", "commodities": ["drugs", "tobacco"],
        "required": ["/detection/principal", "/goods/*/concealment", "/conveyance/0/carrier"]}}},
    {"name": "ncen-arabic", "options": {"lang": "ar", "source": "ncen"}},
]


def main():
    OUT.mkdir(exist_ok=True)
    old = {}
    for name in ("search.json", "form-model.json"):
        path = OUT / name
        if path.exists():
            old[name] = {c["name"]: c for c in json.loads(path.read_text())["cases"]}
    docs = {
        "search.json": {"about": "Code search (spec 6.2): every surface gives `results` for `table`, `query` and `options` (compact JSON text byte for byte, as the core writes it). Written by tests/author/entry.py, answers added by `cargo run -p cen-conformance --bin bless-entry`.", "cases": SEARCH},
        "form-model.json": {"about": "The form model (spec 6.1): every surface gives `model` for `options` (compact JSON text byte for byte). Written by tests/author/entry.py, answers added by `cargo run -p cen-conformance --bin bless-entry`.", "cases": MODELS},
    }
    for name, doc in docs.items():
        for case in doc["cases"]:
            kept = old.get(name, {}).get(case["name"], {})
            for key in ("results", "model"):
                if key in kept:
                    case[key] = kept[key]
        (OUT / name).write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
    print(f"{len(SEARCH)} search cases, {len(MODELS)} form models")


if __name__ == "__main__":
    main()
