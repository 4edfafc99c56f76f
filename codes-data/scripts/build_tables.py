#!/usr/bin/env python3
"""Rebuild the compact code tables of `codes-data/data/` from the upstream CSV files.

Usage (from the repository root):

    python3 codes-data/scripts/build_tables.py [UPSTREAM_DIR] [--out DIR] [--check]

UPSTREAM_DIR defaults to `../shared/codes` relative to the repository root; DIR defaults to
`codes-data/data`. With `--check` nothing is written: the script compares what it would write
with the files in DIR and exits with status 1 when they differ.

The output is deterministic (same input, same bytes): UTF-8, `\\n` line ends, tab-separated,
no quoting, one `#` comment line naming the generator, then a header row. Every data decision
(which rows are kept, excluded or flagged) is made here and written down in
`codes-data/SOURCES.md`; the build script (`build/main.rs`) only packs what these files say.

The project's own tables (`taxonomy.tsv`, `units.tsv`, `labels.tsv`) are not touched.
Python 3 standard library only.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_UPSTREAM = REPO_ROOT.parent / "shared" / "codes"
DEFAULT_OUT = REPO_ROOT / "codes-data" / "data"

LANGS = ("en", "fr", "es", "ru", "ar", "pt")

UNLOCODE_RE = re.compile(r"^[A-Z]{2}[A-Z2-9]{3}$")
ALPHA2_RE = re.compile(r"^[A-Z]{2}$")
ALPHA3_RE = re.compile(r"^[A-Z]{3}$")
ICAO_RE = re.compile(r"^[A-Z]{4}$")
FUNCTION_RE = re.compile(r"^[-0-7B]{8}$")
STATUS_RE = re.compile(r"^([A-Z]{2})?$")
SUBDIVISION_RE = re.compile(r"^[A-Z0-9]{0,3}$")
NUMERIC_RE = re.compile(r"^[0-9]{3}$")
HS_RE = re.compile(r"^([0-9]{2}|[0-9]{4}|[0-9]{6})$")
ROMAN_RE = re.compile(r"^[IVX]{1,5}$")

# One line per shipped table: the facts of SOURCES.md that are also visible at run time
# through `codes_data::editions()`. `rows` is filled in below for the tables this script
# writes; the build script counts the rows of the project's own tables itself.
EDITIONS = [
    # table, file, source, edition, licence
    (
        "countries",
        "countries.tsv",
        "ISO 3166-1 codes via pycountry 26.2.16 (Debian iso-codes); names from the Unicode CLDR "
        "48.2.0 (npm cldr-localenames-full; pt is pt-PT)",
        "ISO 3166-1 as shipped in pycountry 26.2.16; CLDR 48.2.0",
        "Unicode-3.0 (CLDR names); codes: ISO 3166-1 via iso-codes",
    ),
    (
        "currencies",
        "currencies.tsv",
        "ISO 4217: codes from pycountry 26.2.16; minor units and flags from the iso_currency 0.7.1 "
        "crate (isodata.tsv); names from the Unicode CLDR 48.2.0 (npm cldr-numbers-full; pt is "
        "pt-PT), English where CLDR has none",
        "as shipped in pycountry 26.2.16 and iso_currency 0.7.1; CLDR 48.2.0",
        "Unicode-3.0 (CLDR names), MIT (minor units and flags)",
    ),
    (
        "languages",
        "languages.tsv",
        "names of the six languages (en fr es ru ar pt) from the Unicode CLDR 48.2.0 (npm "
        "cldr-localenames-full; pt is pt-PT), first letter titlecased as cldr-misc-full's "
        "contextTransforms ask for menus and stand-alone use",
        "CLDR 48.2.0",
        "Unicode-3.0",
    ),
    (
        "unlocode",
        "unlocode.tsv",
        "UN/LOCODE, UN/CEFACT per-country files, repository uncefact/vocab-locode, "
        "commit e845bd97 (2024-12-11), folder locodes/",
        "UN/LOCODE 2023-2 with later per-country corrections",
        "MIT (UN/CEFACT)",
    ),
    (
        "airports",
        "airports.tsv",
        "airportsdata 20260905 (Python package), file airportsdata/airports.csv",
        "2026-09-05",
        "MIT",
    ),
    (
        "hs",
        "hs.tsv",
        "Harmonized System, repository datasets/harmonized-system, "
        "data/harmonized-system.csv (from UN Comtrade); English only. hs.tsv also holds HS 2017 "
        "and HS 2012 (tables hs2017, hs2012)",
        "HS 2022",
        "ODC-PDDL-1.0",
    ),
    (
        "hs2017",
        "hs.tsv",
        "UN Comtrade classification list H5 (classificationH5.json), from repository "
        "insongkim/concordance, commit 201c812e (2023-01-16), folder data-raw/; English only",
        "HS 2017",
        "UN Comtrade terms of use (UN data, free use with attribution)",
    ),
    (
        "hs2012",
        "hs.tsv",
        "UN Comtrade classification list H4 (classificationH4.json), from repository "
        "insongkim/concordance, commit 201c812e (2023-01-16), folder data-raw/; English only",
        "HS 2012",
        "UN Comtrade terms of use (UN data, free use with attribution)",
    ),
    (
        "hs_correlation_2022_2017",
        "hs_correlation_2022_2017.tsv",
        "UNSD, HS2022toHS2017ConversionAndCorrelationTables.xlsx, sheet \"HS2022-HS2017 "
        "Correlations\", from repository insongkim/concordance, commit 201c812e (2023-01-16)",
        "HS 2022 - HS 2017",
        "UNSD terms of use (UN data, free use with attribution)",
    ),
    (
        "hs_correlation_2017_2012",
        "hs_correlation_2017_2012.tsv",
        "UNSD, HS2017toHS2012ConversionAndCorrelationTables.xlsx, sheet \"Correlation "
        "HS17-HS12\", from repository insongkim/concordance, commit 201c812e (2023-01-16)",
        "HS 2017 - HS 2012",
        "UNSD terms of use (UN data, free use with attribution)",
    ),
    (
        "hs_sections",
        "hs_sections.tsv",
        "Harmonized System, repository datasets/harmonized-system, data/sections.csv; "
        "English only",
        "HS 2022",
        "ODC-PDDL-1.0",
    ),
    (
        "taxonomy",
        "taxonomy.tsv",
        "written by the project (spec 2.4)",
        "project",
        "MIT OR Apache-2.0 (the project's licence)",
    ),
    (
        "units",
        "units.tsv",
        "written by the project (spec 2.4)",
        "project",
        "MIT OR Apache-2.0 (the project's licence)",
    ),
    (
        "labels",
        "labels.tsv",
        "written by the project (spec 2.9)",
        "project",
        "MIT OR Apache-2.0 (the project's licence)",
    ),
]


class DataError(Exception):
    """An upstream file broke an assumption this script relies on."""


def fail(msg: str) -> None:
    raise DataError(msg)


def read_csv(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        fail(f"missing upstream file {path}")
    # utf-8-sig: hs-sections.csv starts with a byte-order mark.
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    for i, row in enumerate(rows, start=2):
        if None in row or any(v is None for v in row.values()):
            fail(f"{path.name}:{i}: wrong number of columns")
    return rows


def clean(value: str, where: str) -> str:
    """Strip surrounding white space; refuse what a TSV cell cannot hold."""
    value = value.strip()
    if any(c in value for c in "\t\r\n"):
        fail(f"{where}: tab or line break in {value!r}")
    return value


def tsv(generator_note: str, header: list[str], rows: list[list[str]]) -> str:
    lines = [f"# {generator_note}", "\t".join(header)]
    for row in rows:
        if len(row) != len(header):
            fail(f"internal: row {row!r} does not match header {header!r}")
        for cell in row:
            if any(c in cell for c in "\t\r\n"):
                fail(f"internal: cell {cell!r} holds a tab or line break")
        lines.append("\t".join(row))
    return "\n".join(lines) + "\n"


def note(upstream: str) -> str:
    return (
        f"Generated by codes-data/scripts/build_tables.py from {upstream}; do not edit "
        "(see codes-data/SOURCES.md)."
    )


# --- Unicode CLDR names ----------------------------------------------------------------

CLDR_VERSION = "48.2.0"
# The committed extract of the CLDR names the tables use (rewritten with --cldr).
CLDR_EXTRACT = REPO_ROOT / "codes-data" / "upstream" / "cldr_names.tsv"
# The CLDR locale of each language of the project. Portuguese is European Portuguese (pt-PT),
# as the project's messages are written ("registo").
CLDR_LOCALES = {"en": "en", "fr": "fr", "es": "es", "ru": "ru", "ar": "ar", "pt": "pt-PT"}


def extract_cldr(cldr: Path, countries: list[str], currencies: list[str]) -> str:
    """The names of `countries`, `currencies` and the six languages in the six languages, from
    the npm packages cldr-localenames-full, cldr-numbers-full and cldr-misc-full unpacked under
    `cldr` (each in a folder of its name, or its `package/` folder as `npm pack` makes it). An
    empty cell: CLDR has no name.

    Language names are written in CLDR in the form for the middle of a sentence ("français");
    the project shows them only on their own or in menus, so their first letter is titlecased
    where the locale's contextTransforms ask for it in either of those contexts (`stand-alone`
    or `uiListOrMenu`: fr, es, ru, pt-PT)."""
    import json

    def package(name: str) -> Path:
        for candidate in (cldr / name / "package", cldr / name, cldr / f"{name}-{CLDR_VERSION}" / "package"):
            if (candidate / "package.json").is_file():
                version = json.loads((candidate / "package.json").read_text(encoding="utf-8"))["version"]
                if version != CLDR_VERSION:
                    fail(f"{candidate}: CLDR {version}, this script expects {CLDR_VERSION}")
                return candidate
        fail(f"{cldr}: no {name} {CLDR_VERSION} package")
        raise AssertionError

    names = package("cldr-localenames-full")
    numbers = package("cldr-numbers-full")
    misc = package("cldr-misc-full")
    rows = []
    territories = {}
    money = {}
    languages = {}
    for lang, locale in CLDR_LOCALES.items():
        doc = json.loads((names / "main" / locale / "territories.json").read_text(encoding="utf-8"))
        territories[lang] = doc["main"][locale]["localeDisplayNames"]["territories"]
        doc = json.loads((numbers / "main" / locale / "currencies.json").read_text(encoding="utf-8"))
        money[lang] = doc["main"][locale]["numbers"]["currencies"]
        doc = json.loads((names / "main" / locale / "languages.json").read_text(encoding="utf-8"))
        found = doc["main"][locale]["localeDisplayNames"]["languages"]
        transforms = misc / "main" / locale / "contextTransforms.json"
        contexts = {}
        if transforms.is_file():
            doc = json.loads(transforms.read_text(encoding="utf-8"))
            contexts = doc["main"][locale]["contextTransforms"].get("languages", {})
        titlecase = "titlecase-firstword" in (contexts.get("stand-alone"), contexts.get("uiListOrMenu"))
        languages[lang] = {
            code: (name[:1].upper() + name[1:] if titlecase else name) for code, name in found.items()
        }
    for code in sorted(countries):
        rows.append(["territory", code, *[territories[l].get(code, "") for l in LANGS]])
    for code in sorted(currencies):
        rows.append(["currency", code, *[money[l].get(code, {}).get("displayName", "") for l in LANGS]])
    # The six languages in the order of the tables' columns (the order of `Lang::ALL`).
    for code in LANGS:
        rows.append(["language", code, *[languages[l].get(code, "") for l in LANGS]])
    for row in rows:
        for cell in row:
            if any(c in cell for c in "\t\r\n"):
                fail(f"CLDR: {row[1]}: a tab or line break in {cell!r}")
    return tsv(
        f"Unicode CLDR {CLDR_VERSION} (npm cldr-localenames-full, cldr-numbers-full and "
        "cldr-misc-full), Unicode License V3: the names of the shipped countries and currencies "
        "and of the six languages (first letter titlecased where the locale's contextTransforms "
        "ask for it stand-alone or in menus), locales "
        + ", ".join(f"{l}={loc}" for l, loc in CLDR_LOCALES.items())
        + ". Written by codes-data/scripts/build_tables.py --cldr; an empty cell: CLDR has no name.",
        ["kind", "code", *[f"name_{lang}" for lang in LANGS]],
        rows,
    )


def read_cldr(path: Path) -> dict[tuple[str, str], list[str]]:
    if not path.is_file():
        fail(f"missing {path}: run with --cldr DIR (the unpacked CLDR npm packages)")
    out: dict[tuple[str, str], list[str]] = {}
    lines = [l for l in path.read_text(encoding="utf-8").split("\n") if l and not l.startswith("#")]
    for line in lines[1:]:
        cells = line.split("\t")
        if len(cells) != 2 + len(LANGS):
            fail(f"{path.name}: bad row {line!r}")
        out[(cells[0], cells[1])] = cells[2:]
    return out


def cldr_names(
    cldr: dict[tuple[str, str], list[str]], kind: str, code: str, iso_en: str,
    fallbacks: dict[str, int],
) -> list[str]:
    """The six names of a code: CLDR's; where CLDR has none in a language, its English name
    (CLDR's, else the ISO English name), counted in `fallbacks`."""
    found = cldr.get((kind, code), [""] * len(LANGS))
    english = found[0] or iso_en
    if not found[0]:
        fallbacks["en"] += 1
    out = [english]
    for lang, name in zip(LANGS[1:], found[1:]):
        if not name:
            fallbacks[lang] += 1
        out.append(name or english)
    return out


# --- ISO 3166-1 -------------------------------------------------------------------------


def build_countries(
    src: Path, cldr: dict[tuple[str, str], list[str]], fallbacks: dict[str, int]
) -> tuple[str, int]:
    rows = read_csv(src / "countries.csv")
    out = []
    seen2: set[str] = set()
    seen3: set[str] = set()
    for i, r in enumerate(rows, start=2):
        where = f"countries.csv:{i}"
        a2, a3, num = (clean(r[k], where) for k in ("alpha2", "alpha3", "numeric"))
        if not ALPHA2_RE.match(a2) or not ALPHA3_RE.match(a3) or not NUMERIC_RE.match(num):
            fail(f"{where}: bad codes {a2!r} {a3!r} {num!r}")
        if a2 in seen2 or a3 in seen3:
            fail(f"{where}: duplicate code {a2} / {a3}")
        seen2.add(a2)
        seen3.add(a3)
        names = cldr_names(cldr, "territory", a2, clean(r["name_en"], where), fallbacks)
        if not all(names):
            fail(f"{where}: empty name")
        out.append([a2, a3, num, *names])
    out.sort(key=lambda row: row[0])
    if len(out) != 249:
        fail(f"countries.csv: expected 249 countries, found {len(out)}")
    header = ["alpha2", "alpha3", "numeric", *[f"name_{lang}" for lang in LANGS]]
    return tsv(note("countries.csv (codes) and Unicode CLDR (names)"), header, out), len(out)


# --- ISO 4217 ---------------------------------------------------------------------------

FLAGS_RE = re.compile(r"^(|fund|special|superseded\([A-Z]{3}\))$")


def build_currencies(
    src: Path, cldr: dict[tuple[str, str], list[str]], fallbacks: dict[str, int]
) -> tuple[str, int]:
    rows = read_csv(src / "currencies.csv")
    out = []
    seen: set[str] = set()
    for i, r in enumerate(rows, start=2):
        where = f"currencies.csv:{i}"
        a3, num, minor, flags = (
            clean(r[k], where) for k in ("alpha3", "numeric", "minor_units", "flags")
        )
        if not ALPHA3_RE.match(a3) or not NUMERIC_RE.match(num):
            fail(f"{where}: bad codes {a3!r} {num!r}")
        if minor and not re.fullmatch(r"[0-9]", minor):
            fail(f"{where}: bad minor units {minor!r}")
        if not FLAGS_RE.match(flags):
            fail(f"{where}: unknown flags {flags!r}")
        if a3 in seen:
            fail(f"{where}: duplicate code {a3}")
        seen.add(a3)
        names = cldr_names(cldr, "currency", a3, clean(r["name_en"], where), fallbacks)
        if not all(names):
            fail(f"{where}: empty name")
        out.append([a3, num, minor, flags, *names])
    out.sort(key=lambda row: row[0])
    for row in out:
        m = re.fullmatch(r"superseded\(([A-Z]{3})\)", row[3])
        if m and m.group(1) not in seen:
            fail(f"currencies.csv: {row[0]} superseded by unknown {m.group(1)}")
    if len(out) != 178:
        fail(f"currencies.csv: expected 178 currencies, found {len(out)}")
    header = ["alpha3", "numeric", "minor_units", "flags", *[f"name_{lang}" for lang in LANGS]]
    return tsv(note("currencies.csv (codes) and Unicode CLDR (names)"), header, out), len(out)


# --- Language names ---------------------------------------------------------------------


def build_languages(
    src: Path, cldr: dict[tuple[str, str], list[str]], fallbacks: dict[str, int]
) -> tuple[str, int]:
    """The names of the six languages of the project in the six languages (spec 7.3)."""
    out = []
    for code in LANGS:
        found = cldr.get(("language", code), [""] * len(LANGS))
        if not found[0]:
            fail(f"cldr_names.tsv: no English name of the language {code}")
        out.append([code, *cldr_names(cldr, "language", code, found[0], fallbacks)])
    header = ["code", *[f"name_{lang}" for lang in LANGS]]
    return tsv(note("Unicode CLDR (names of the six languages)"), header, out), len(out)


# --- UN/LOCODE --------------------------------------------------------------------------


def build_unlocode(src: Path) -> tuple[str, int, dict[str, int]]:
    rows = read_csv(src / "unlocode.csv")
    out = []
    seen: set[str] = set()
    stats = {"upstream": len(rows), "excluded": 0, "duplicates": 0, "withdrawn": 0}
    for i, r in enumerate(rows, start=2):
        where = f"unlocode.csv:{i}"
        code = clean(r["country"], where) + clean(r["location"], where)
        if not UNLOCODE_RE.match(code):
            # Decision: a code that does not match the spec pattern cannot be entered in a
            # record, so it is not shipped (DE9B0, DEB90, IT940).
            stats["excluded"] += 1
            continue
        if code in seen:
            # Decision: the first row of a repeated code wins (the upstream repeats some codes
            # with alternative names, e.g. BEBRU "Brussel (Bruxelles)" / "Bruxelles (Brussel)").
            stats["duplicates"] += 1
            continue
        seen.add(code)
        change = clean(r["change"], where)
        name = clean(r["name"], where)
        subdivision = clean(r["subdivision"], where)
        function = clean(r["function"], where)
        status = clean(r["status"], where)
        iata = clean(r["iata"], where)
        remarks = clean(r["remarks"], where)
        if iata == "---":
            # Decision: one row (USMFS) has the placeholder "---" for "no IATA code".
            iata = ""
        if not name or len(name.encode()) > 255:
            fail(f"{where}: name empty or longer than 255 bytes")
        if not FUNCTION_RE.match(function):
            fail(f"{where}: bad function {function!r}")
        if not STATUS_RE.match(status):
            fail(f"{where}: bad status {status!r}")
        if iata and not ALPHA3_RE.match(iata):
            fail(f"{where}: bad IATA {iata!r}")
        if not SUBDIVISION_RE.match(subdivision):
            fail(f"{where}: bad subdivision {subdivision!r}")
        # Decision: rows marked for deletion are kept, flagged withdrawn, with their remarks
        # ("Use CN TGO"); other remarks are not shipped.
        withdrawn = change in ("X", "x") or status == "XX"
        if withdrawn:
            stats["withdrawn"] += 1
            if len(remarks.encode()) > 255:
                fail(f"{where}: remarks longer than 255 bytes")
        out.append(
            [
                code,
                function,
                status,
                iata,
                subdivision,
                "X" if withdrawn else "",
                name,
                remarks if withdrawn else "",
            ]
        )
    out.sort(key=lambda row: row[0])
    header = ["code", "function", "status", "iata", "subdivision", "withdrawn", "name", "remarks"]
    return tsv(note("unlocode.csv"), header, out), len(out), stats


# --- Airports ---------------------------------------------------------------------------


def build_airports(src: Path) -> tuple[str, int, dict[str, int]]:
    rows = read_csv(src / "airports.csv")
    out = []
    iatas: dict[str, int] = {}
    icaos: dict[str, int] = {}
    stats = {"upstream": len(rows), "no_code": 0, "iata": 0, "icao": 0}
    for i, r in enumerate(rows, start=2):
        where = f"airports.csv:{i}"
        iata = clean(r["iata"], where)
        icao = clean(r["icao"], where)
        if iata and not ALPHA3_RE.match(iata):
            fail(f"{where}: bad IATA {iata!r}")
        # Decision: the icao column also holds local identifiers (FAA "00AA"); only exactly
        # four letters make an ICAO location indicator.
        if not ICAO_RE.match(icao):
            icao = ""
        if not iata and not icao:
            # Decision: an airport with neither code cannot be named by a location code.
            stats["no_code"] += 1
            continue
        if iata:
            if iata in iatas:
                fail(f"{where}: IATA {iata} repeats line {iatas[iata]}")
            iatas[iata] = i
            stats["iata"] += 1
        if icao:
            if icao in icaos:
                fail(f"{where}: ICAO {icao} repeats line {icaos[icao]}")
            icaos[icao] = i
            stats["icao"] += 1
        country = clean(r["country"], where)
        if not ALPHA2_RE.match(country):
            fail(f"{where}: bad country {country!r}")
        name = clean(r["name"], where)
        city = clean(r["city"], where)
        subd = clean(r["subd"], where)
        for label, text in (("name", name), ("city", city), ("subdivision", subd)):
            if len(text.encode()) > 255:
                fail(f"{where}: {label} longer than 255 bytes")
        if not name:
            fail(f"{where}: empty name")
        out.append([iata, icao, country, subd, city, name])
    # Sorted by country so that the airports of a country are one range.
    out.sort(key=lambda row: (row[2], row[1], row[0]))
    if len(out) > 65534:
        fail("airports: too many entries for 16-bit indexes")
    header = ["iata", "icao", "country", "subdivision", "city", "name"]
    return tsv(note("airports.csv"), header, out), len(out), stats


# --- Harmonized System ------------------------------------------------------------------


HS_EDITIONS = ("2022", "2017", "2012")  # newest first
# The upstream list of each edition, in shared/codes: (file, code column, has a section column).
HS_FILES = {
    "2022": ("hs.csv", True),
    "2017": ("hs-editions/hs2017.csv", False),
    "2012": ("hs-editions/hs2012.csv", False),
}
# UNSD's correlation tables: (newer, older, file).
HS_CORRELATIONS = (
    ("2022", "2017", "hs-editions/correlation-hs2022-hs2017.csv"),
    ("2017", "2012", "hs-editions/correlation-hs2017-hs2012.csv"),
)
RELATIONSHIPS = ("1:1", "1:n", "n:1", "n:n")


def read_hs_edition(src: Path, edition: str, stats: dict[str, int]) -> dict[str, tuple[str, str]]:
    """code -> (section or "", description) of one edition, synthetic rows skipped."""
    name, has_section = HS_FILES[edition]
    rows = read_csv(src / name)
    out: dict[str, tuple[str, str]] = {}
    for i, r in enumerate(rows, start=2):
        where = f"{name}:{i}"
        code = clean(r["hscode"], where)
        section = clean(r["section"], where) if has_section else ""
        if section == "TOTAL" or code == "TOTAL" or code.startswith("99"):
            # Decision: UN Comtrade's synthetic rows (TOTAL, and chapter 99 "Commodities not
            # specified according to kind" with its 9999 / 999999) are not HS.
            stats[f"skipped_{edition}"] += 1
            continue
        if not HS_RE.match(code):
            fail(f"{where}: bad code {code!r}")
        level = clean(r["level"], where)
        if level != str(len(code)):
            fail(f"{where}: level {level} does not match code {code}")
        parent = clean(r["parent"], where)
        expected_parent = ("TOTAL" if has_section else "") if len(code) == 2 else code[:-2]
        if parent != expected_parent:
            fail(f"{where}: parent {parent!r}, expected {expected_parent!r}")
        if len(code) > 2 and code[:-2] not in out:
            fail(f"{where}: parent {code[:-2]} comes later or is missing")
        if code in out:
            fail(f"{where}: duplicate code {code}")
        desc = clean(r["description"], where)
        if not desc or len(desc.encode()) > 65535:
            fail(f"{where}: bad description")
        out[code] = (section, desc)
        stats[f"{edition}_{level}"] += 1
    return out


def build_hs(src: Path) -> tuple[dict[str, str], dict[str, int], list[str]]:
    """The HS editions in one table, the sections, and the correlation tables.

    `hs.tsv`: one row per code of any edition, sorted: `code section editions description
    description_2017 description_2012`, where `editions` lists the editions that have the code
    (`2012 2017 2022`), `description` is the text of the newest of them, and an older
    edition's column is empty when that edition lacks the code or words it the same as the
    next newer edition that has it (most codes: one text, once).
    """
    sections = read_csv(src / "hs-sections.csv")
    sec_rows = []
    romans: set[str] = set()
    for i, r in enumerate(sections, start=2):
        where = f"hs-sections.csv:{i}"
        roman = clean(r["section"], where)
        name = clean(r["name"], where)
        if not ROMAN_RE.match(roman) or not name:
            fail(f"{where}: bad section {roman!r}")
        romans.add(roman)
        sec_rows.append([roman, name])

    stats: dict[str, int] = {}
    for e in HS_EDITIONS:
        stats[f"skipped_{e}"] = 0
        for level in ("2", "4", "6"):
            stats[f"{e}_{level}"] = 0
    editions = {e: read_hs_edition(src, e, stats) for e in HS_EDITIONS}
    # Sections are those of HS 2022, by chapter (no chapter changed section between editions).
    chapter_section: dict[str, str] = {}
    for code, (section, _) in editions["2022"].items():
        if section not in romans:
            fail(f"hs.csv: {code}: unknown section {section!r}")
        if len(code) == 2:
            chapter_section[code] = section
        elif chapter_section.get(code[:2]) != section:
            fail(f"hs.csv: {code}: section {section} differs from its chapter's")
    codes = sorted(set().union(*editions.values()))
    out = []
    for code in codes:
        if code[:2] not in chapter_section:
            fail(f"HS {code}: chapter {code[:2]} is not in HS 2022")
        have = [e for e in HS_EDITIONS if code in editions[e]]
        texts = [editions[e][code][1] if code in editions[e] else "" for e in HS_EDITIONS]
        # An older text equal to the next newer one that exists is written once.
        shown = []
        newer = None
        for text in texts:
            if not text:
                shown.append("")
                continue
            shown.append("" if text == newer else text)
            newer = text
        newest = next(t for t in shown if t)
        older = shown[HS_EDITIONS.index(have[0]) + 1 :]
        older = [""] * (len(HS_EDITIONS) - 1 - len(older)) + older
        out.append([code, chapter_section[code[:2]], " ".join(sorted(have)), newest, *older])
    files = {
        "hs.tsv": tsv(
            note("hs.csv, hs-editions/hs2017.csv and hs-editions/hs2012.csv"),
            ["code", "section", "editions", "description", "description_2017", "description_2012"],
            out,
        ),
        "hs_sections.tsv": tsv(note("hs-sections.csv"), ["section", "name"], sec_rows),
    }
    rows = {"hs_sections": len(sec_rows)}
    for e in HS_EDITIONS:
        rows["hs" if e == "2022" else f"hs{e}"] = len(editions[e])
    report = [
        "hs: "
        + ", ".join(
            f"HS {e} {len(editions[e])} ({stats[e + '_2']} chapters, {stats[e + '_4']} headings, "
            f"{stats[e + '_6']} subheadings; {stats['skipped_' + e]} synthetic rows skipped)"
            for e in HS_EDITIONS
        )
        + f"; {len(codes)} distinct codes"
    ]

    for newer, older, name in HS_CORRELATIONS:
        rows_in = read_csv(src / name)
        pairs: dict[tuple[str, str], str] = {}
        skipped = 0
        for i, r in enumerate(rows_in, start=2):
            where = f"{name}:{i}"
            a = clean(r[f"hs{newer}"], where)
            b = clean(r[f"hs{older}"], where)
            rel = clean(r["relationship"], where)
            if a == "999999" or b == "999999":
                skipped += 1  # UN Comtrade's synthetic code, as above
                continue
            if a not in editions[newer] or len(a) != 6:
                fail(f"{where}: {a} is not a subheading of HS {newer}")
            if b not in editions[older] or len(b) != 6:
                fail(f"{where}: {b} is not a subheading of HS {older}")
            if rel not in RELATIONSHIPS:
                fail(f"{where}: unknown relationship {rel!r}")
            if (a, b) in pairs:
                fail(f"{where}: repeated pair {a} {b}")
            pairs[(a, b)] = rel
        # UNSD's relationship must agree with the pairs: "1" on a side means that the code of the
        # other side has no other partner.
        partners_a: dict[str, int] = {}
        partners_b: dict[str, int] = {}
        for a, b in pairs:
            partners_a[a] = partners_a.get(a, 0) + 1
            partners_b[b] = partners_b.get(b, 0) + 1
        for (a, b), rel in pairs.items():
            left, right = rel.split(":")
            if (left == "1" and partners_b[b] > 1) or (right == "1" and partners_a[a] > 1):
                fail(f"{name}: {a} {b} {rel} contradicts the other pairs")
        unpaired_new = [c for c in editions[newer] if len(c) == 6 and c not in partners_a]
        unpaired_old = [c for c in editions[older] if len(c) == 6 and c not in partners_b]
        table = f"hs_correlation_{newer}_{older}"
        files[f"{table}.tsv"] = tsv(
            note(name),
            [f"hs{newer}", f"hs{older}", "relationship"],
            [[a, b, rel] for (a, b), rel in sorted(pairs.items())],
        )
        rows[table] = len(pairs)
        report.append(
            f"{table}: {len(pairs)} pairs ({skipped} with 999999 skipped); subheadings in no "
            f"pair: HS {newer} {len(unpaired_new)} {unpaired_new[:5]}, HS {older} "
            f"{len(unpaired_old)} {unpaired_old[:5]}"
        )
    return files, rows, report


# --- Driver -----------------------------------------------------------------------------


def build_all(src: Path, cldr_path: Path = CLDR_EXTRACT) -> tuple[dict[str, str], list[str]]:
    files: dict[str, str] = {}
    report: list[str] = []
    rows: dict[str, int] = {}

    cldr = read_cldr(cldr_path)
    for kind, build, name in (
        ("territory", build_countries, "countries"),
        ("currency", build_currencies, "currencies"),
        ("language", build_languages, "languages"),
    ):
        fallbacks = {lang: 0 for lang in LANGS}
        files[f"{name}.tsv"], rows[name] = build(src, cldr, fallbacks)
        report.append(
            f"{name}: names from CLDR {CLDR_VERSION}; English fallbacks (no CLDR name): "
            + ", ".join(f"{lang} {fallbacks[lang]}" for lang in LANGS)
        )
    files["unlocode.tsv"], rows["unlocode"], st = build_unlocode(src)
    report.append(
        f"unlocode: {st['upstream']} upstream rows, {st['excluded']} excluded (pattern), "
        f"{st['duplicates']} repeated codes dropped, {rows['unlocode']} shipped, "
        f"{st['withdrawn']} withdrawn"
    )
    files["airports.tsv"], rows["airports"], st = build_airports(src)
    report.append(
        f"airports: {st['upstream']} upstream rows, {st['no_code']} without IATA or ICAO code "
        f"dropped, {rows['airports']} shipped ({st['iata']} IATA, {st['icao']} ICAO)"
    )
    hs_files, hs_rows, hs_report = build_hs(src)
    files.update(hs_files)
    rows.update(hs_rows)
    report.extend(hs_report)
    report.append(f"countries: {rows['countries']}, currencies: {rows['currencies']}")

    ed_rows = []
    for table, file, source, edition, licence in EDITIONS:
        n = rows.get(table)
        ed_rows.append([table, file, source, edition, licence, "" if n is None else str(n)])
    files["editions.tsv"] = tsv(
        "Generated by codes-data/scripts/build_tables.py; do not edit. rows: as shipped "
        "(empty for the project's own tables, which the build script counts).",
        ["table", "file", "source", "edition", "licence", "rows"],
        ed_rows,
    )
    return files, report


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("upstream", nargs="?", default=str(DEFAULT_UPSTREAM))
    parser.add_argument("--out", default=str(DEFAULT_OUT))
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--quiet", action="store_true")
    parser.add_argument(
        "--cldr",
        metavar="DIR",
        help="rewrite codes-data/upstream/cldr_names.tsv from the CLDR npm packages "
        "cldr-localenames-full, cldr-numbers-full and cldr-misc-full unpacked in DIR (npm pack, "
        "then tar xzf)",
    )
    args = parser.parse_args(argv)

    src = Path(args.upstream)
    if not src.is_absolute() and not src.exists():
        # A relative path is taken from the repository root when it is not found from here.
        src = REPO_ROOT / src
    out_dir = Path(args.out)
    try:
        if args.cldr:
            codes = lambda name, key: [r[key].strip() for r in read_csv(src / name)]  # noqa: E731
            text = extract_cldr(
                Path(args.cldr), codes("countries.csv", "alpha2"), codes("currencies.csv", "alpha3")
            )
            CLDR_EXTRACT.parent.mkdir(parents=True, exist_ok=True)
            if args.check:
                if not CLDR_EXTRACT.is_file() or CLDR_EXTRACT.read_text(encoding="utf-8") != text:
                    print(f"{CLDR_EXTRACT} differs from the CLDR packages")
                    return 1
            else:
                CLDR_EXTRACT.write_bytes(text.encode("utf-8"))
        files, report = build_all(src)
    except DataError as e:
        print(f"build_tables.py: error: {e}", file=sys.stderr)
        return 2

    changed = []
    for name, text in sorted(files.items()):
        path = out_dir / name
        data = text.encode("utf-8")
        old = path.read_bytes() if path.is_file() else None
        if old != data:
            changed.append(name)
            if not args.check:
                out_dir.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
    if not args.quiet:
        for line in report:
            print(line)
        verb = "differ" if args.check else "rewritten"
        print(f"{len(changed)} file(s) {verb}: {', '.join(changed) or '-'}")
    return 1 if (args.check and changed) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
