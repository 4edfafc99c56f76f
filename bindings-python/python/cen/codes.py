"""Look-ups in the embedded code tables, with names and labels in six languages (spec 2.9).

Each look-up returns a dict of what the table knows, or None when the code is not in it:

>>> from cen import codes
>>> codes.country("BE")["alpha3"]
'BEL'
>>> codes.country("BE", lang="fr")["name"]
'Belgique'
>>> codes.location("NLRTM")["seaport"]
True
>>> codes.currency("JPY")["minor_units"]
0
>>> codes.country("QQ") is None
True
>>> codes.closest("currency", "EUO", 1)
['EUR']
>>> codes.hs("851712", edition="2017")["editions"]
['2012', '2017']
>>> [p["code"] for p in codes.hs_correlate("851713", "2022", "2017")]
['851712']

Codes are read as people type them, as on every surface (spec 5.3b): letters are upper-cased,
spaces are ignored, and so are the dots of HS codes (validation stays strict):

>>> codes.location("nl rtm")["code"]
'NLRTM'
>>> codes.hs("2402.20")["code"]
'240220'

A language other than ``en``, ``fr``, ``es``, ``ru``, ``ar`` or ``pt``, or an HS edition
other than ``"2012"``, ``"2017"`` or ``"2022"``, raises `cen.OptionsError`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, overload

from . import _cen

if TYPE_CHECKING:
    import os

    import pandas as _pd

    _TablesInput = _cen.Tables | str | os.PathLike[str] | bytes | bytearray

__all__ = [
    "airport",
    "closest",
    "country",
    "currency",
    "field_label",
    "hs",
    "hs_correlate",
    "hs_correlate_series",
    "label",
    "labels",
    "location",
    "search",
    "search_json",
]


def country(code: str, lang: str = "en") -> dict[str, Any] | None:
    """An ISO 3166-1 country by its alpha-2 code (``alpha3``, ``numeric``, ``name`` in `lang`,
    ``names`` in the six languages), or the pseudo-codes ``XX`` (unknown) and ``XZ``
    (international waters) with ``pseudo`` true."""
    return _cen.lookup("country", code, lang)


def currency(code: str, lang: str = "en") -> dict[str, Any] | None:
    """A current ISO 4217 currency: ``numeric``, ``minor_units``, ``fund``, ``special``,
    ``name`` and ``names``."""
    return _cen.lookup("currency", code, lang)


def location(code: str, lang: str = "en") -> dict[str, Any] | None:
    """A location code as validation resolves it (spec 2.2): a 3-letter IATA or 4-letter ICAO
    airport, or a 5-character UN/LOCODE with its functions, ``country``, ``airport`` and
    ``seaport`` flags. A withdrawn UN/LOCODE is found with ``resolves`` false."""
    return _cen.lookup("location", code, lang)


def airport(code: str, lang: str = "en") -> dict[str, Any] | None:
    """An airport by IATA (3 letters) or ICAO (4 letters) code."""
    return _cen.lookup("airport", code, lang)


def hs(code: str, edition: str | None = None) -> dict[str, Any] | None:
    """A Harmonized System chapter, heading or subheading of an edition (``"2012"``,
    ``"2017"`` or ``"2022"``; HS 2022 when None), with descriptions in English, as the HS is
    published: ``edition``, ``level``, ``description``, ``parent``, ``section`` and
    ``editions`` (every edition that has the code)."""
    return _cen.lookup("hs", code, None, edition)


@overload
def hs_correlate(code: str, from_: str, to: str) -> list[dict[str, str]]: ...
@overload
def hs_correlate(code: _pd.Series, from_: str, to: str) -> _pd.DataFrame: ...


def hs_correlate(code: Any, from_: str, to: str) -> Any:
    """The codes of HS edition `to` that UNSD's correlation tables pair with `code` of edition
    `from_` (spec 7.1), sorted, each with its relationship read from `from_` to `to`
    (``1:1``, ``1:n``, ``n:1``, ``n:n``): a list of ``{"code", "relationship"}`` dicts, empty
    when `from_` has no such code. Between HS 2012 and 2022 the pairs go through HS 2017; a
    heading pairs through its subheadings. Spaces and dots in the code are ignored.

    Given a pandas Series of codes, moves the whole column: see `hs_correlate_series`.
    """
    if isinstance(code, str):
        return _cen.hs_correlate(code, from_, to)
    return hs_correlate_series(code, from_, to)


def hs_correlate_series(codes: _pd.Series, from_: str, to: str) -> _pd.DataFrame:
    """Moves a pandas Series of HS codes of edition `from_` to edition `to`, for analysts
    bringing years of history to one edition: a DataFrame with one row per pair, in the
    Series' order, with the columns ``row`` (the Series' index label), ``code`` (as given),
    ``to_code`` and ``relationship``. A code with no pair (not a code of `from_`, or one the
    tables pair with nothing; also a missing value) keeps one row with ``to_code`` and
    ``relationship`` missing, so that no row of the input disappears. Each distinct code is
    correlated once.

    >>> import pandas as pd
    >>> moved = hs_correlate_series(pd.Series(["851712", "010121"]), "2017", "2022")
    >>> moved[moved["code"] == "010121"][["to_code", "relationship"]].values.tolist()
    [['010121', '1:1']]
    """
    import pandas as pd

    if not isinstance(codes, pd.Series):
        raise TypeError(
            f"hs_correlate_series takes a pandas Series of codes, not {type(codes).__name__}"
        )
    # The editions are checked even when the Series is empty.
    _cen.hs_correlate("", from_, to)
    cache: dict[str, list[dict[str, str]]] = {}
    rows: list[Any] = []
    given: list[Any] = []
    to_codes: list[str | None] = []
    relationships: list[str | None] = []
    for label, value in codes.items():
        pairs: list[dict[str, str] | None] = [None]
        if isinstance(value, str):
            if value not in cache:
                cache[value] = _cen.hs_correlate(value, from_, to)
            pairs = list(cache[value]) or [None]
        for pair in pairs:
            rows.append(label)
            given.append(value)
            to_codes.append(pair["code"] if pair else None)
            relationships.append(pair["relationship"] if pair else None)
    return pd.DataFrame(
        {"row": rows, "code": given, "to_code": to_codes, "relationship": relationships},
        columns=["row", "code", "to_code", "relationship"],
    )


def closest(table: str, code: str, count: int = 5) -> list[str]:
    """The codes of a table (``country``, ``currency``, ``location``, ``airport``, ``hs``)
    closest to a code that was not found, best first: for "did you mean" help."""
    return _cen.closest(table, code, count)


def label(enumeration: str, value: str, lang: str = "en") -> str | None:
    """The label of one value of an enumeration, e.g. ``label("unit", "kg", "fr")``."""
    return _cen.label(enumeration, value, lang)


def labels(lang: str = "en") -> dict[str, dict[str, str]]:
    """Every enumeration with the labels of its values: ``{"unit": {"kg": ...}, ...}``."""
    return _cen.labels(lang)


def field_label(path: str, lang: str = "en") -> str:
    """The label of a field, by JSON Pointer (``/goods/0/unit``) or column (``goods.0.unit``)."""
    return _cen.field_label(path, lang)


def search(
    table: str,
    query: str,
    *,
    lang: str | None = None,
    country: str | None = None,
    limit: int | None = None,
    hs_edition: str | None = None,
    tables: _TablesInput | None = None,
) -> list[dict[str, Any]]:
    """Finds codes by what people know (spec 6.2): ``table`` is ``location`` (UN/LOCODE and
    airports), ``airport``, ``seaport``, ``country``, ``currency`` or ``hs``; ``query`` a code
    or its beginning, or words of a name in any of the six languages (case and diacritics
    ignored). ``lang`` names countries and currencies in the results, ``country`` keeps one
    country's entries, ``limit`` is 10 by default and at most 100. Results best first: an exact
    code, code prefixes, names whose first word matches, other name matches. Raises
    ``cen.OptionsError`` for an unknown table or a bad option, never for a query.

    ``tables`` searches the places and airports of a table pack (spec 7.2): a ``cen.Tables``
    from ``cen.load_tables``, whose index is built by its first search (about a sixth of a
    second) and kept, or a path or the pack's bytes, loaded and indexed for this call only.

    >>> [r["code"] for r in search("seaport", "santos", limit=1)]
    ['BRSSZ']
    >>> search("country", "Allemagne", lang="es", limit=1)[0]["name"]
    'Alemania'
    """
    return _cen.search(
        table, query, lang=lang, country=country, limit=limit, hs_edition=hs_edition, tables=tables
    )


def search_json(
    table: str,
    query: str,
    *,
    lang: str | None = None,
    country: str | None = None,
    limit: int | None = None,
    hs_edition: str | None = None,
    tables: _TablesInput | None = None,
) -> str:
    """`search` as JSON text, byte for byte what every surface gives."""
    return _cen.search_json(
        table, query, lang=lang, country=country, limit=limit, hs_edition=hs_edition, tables=tables
    )
