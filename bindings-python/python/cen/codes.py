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

A language other than ``en``, ``fr``, ``es``, ``ru``, ``ar`` or ``pt`` raises
`cen.OptionsError`.
"""

from __future__ import annotations

from typing import Any

from . import _cen

__all__ = [
    "airport",
    "closest",
    "country",
    "currency",
    "field_label",
    "hs",
    "label",
    "labels",
    "location",
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


def hs(code: str) -> dict[str, Any] | None:
    """A Harmonized System 2022 chapter, heading or subheading (descriptions in English, as
    the HS is published): ``level``, ``description``, ``parent``, ``section``."""
    return _cen.lookup("hs", code)


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
