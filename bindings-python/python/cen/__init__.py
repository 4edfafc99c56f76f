"""cen: validation of WCO Customs Enforcement Network seizure records.

The data model of customs seizure records of the CEN suite (CEN, nCEN, CENcomm), their code
tables and every automated entry control, with the same verdict, rule ids, paths and messages
(in English, French, Spanish, Russian, Arabic and Portuguese) as every other surface of cen:

>>> import cen
>>> report = cen.validate({"reporting_country": "BE"}, today="2026-11-28")
>>> report.valid
False
>>> [issue.path for issue in report.issues][:3]
['/conveyance', '/detection', '/goods']

Records never raise: whatever is given gets a `Report` (CEN-SCH-001 when it is not a record).
Options that cannot be used raise `OptionsError` (a `ValueError`), a malformed profile
`ProfileError`. Batches (`validate_many`, `validate_frame`, `validate_arrow`) release the GIL
and use every core.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, Literal, Mapping, overload

from . import codes
from ._cen import (
    Batch,
    Issue,
    OptionsError,
    ProfileError,
    RecordError,
    Report,
    Tables,
    TablesError,
    __version__,
    editions,
    flatten,
    form_model,
    form_model_json,
    generate,
    issue_columns,
    labels,
    load_tables,
    rules,
    schema,
    to_cen,
    validate,
    validate_arrow_with,
    validate_many,
)
from ._cen import Validator as _NativeValidator

if TYPE_CHECKING:
    import datetime as _datetime

    import pandas as _pd
    import pyarrow as _pa

__all__ = [
    "Batch",
    "Issue",
    "OptionsError",
    "ProfileError",
    "RecordError",
    "Report",
    "Tables",
    "TablesError",
    "Validator",
    "__version__",
    "codes",
    "editions",
    "flatten",
    "form_model",
    "form_model_json",
    "generate",
    "issues_frame",
    "labels",
    "load_tables",
    "rules",
    "schema",
    "to_cen",
    "validate",
    "validate_arrow",
    "validate_frame",
    "validate_many",
    "validate_rows",
]

#: The columns of the DataFrame of issues that `validate_frame` returns.
ISSUE_COLUMNS = ("row", "rule", "severity", "path", "column", "message")


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as missing:  # pragma: no cover - depends on the environment
        raise ImportError(
            "validate_frame needs pandas: pip install 'cen[pandas]'"
        ) from missing
    return pandas


def _column_name(name: object) -> str:
    # A MultiIndex column ("goods", 0, "type") is the dotted path goods.0.type (the levels
    # pandas pads with NaN or "" are left out); any other name that is not a string is its
    # text (and, not being a path, CEN-SCH-003).
    if isinstance(name, tuple):
        parts = [p for p in name if not (p is None or p == "" or (isinstance(p, float) and p != p))]
        return ".".join(str(part) for part in parts)
    return name if isinstance(name, str) else str(name)


class Validator(_NativeValidator):
    """Validates records with one set of options (spec 5.1); reusable, safe to share between
    threads.

    ``Validator(form=None, source=None, profile=None, lang=None, today=None, hs_edition=None)``:
    ``form`` (``long``, ``simplified``) and ``source`` (``cen``, ``ncen``, ``cencomm``) override
    the record's own; ``profile`` is a closed user group's settings (a dict or its JSON text);
    ``lang`` is the language of the messages (``en`` when None; ``fr``, ``es``, ``ru``, ``ar``,
    ``pt``); ``today`` is the day "the future" is measured from (``YYYY-MM-DD`` or a
    ``datetime.date``; today's UTC date when None); ``hs_edition`` (``"2012"``, ``"2017"``,
    ``"2022"``) checks HS codes against that edition instead of the one in force on each
    record's seizure date; ``tables`` checks against a table pack (spec 7.2): a `Tables` from
    `load_tables`, a pack's path or its bytes (a bad pack raises `TablesError`), and
    ``editions()`` then gives the pack's editions.

    >>> v = Validator(lang="fr", today="2026-11-28")
    >>> v.validate('{"reporting_country": "BE"').issues[0].rule
    'CEN-SCH-001'
    """

    def validate_rows(self, frame: _pd.DataFrame, *, threads: int | None = None) -> list[Report]:
        """One report per row of a DataFrame whose columns are the flat paths of spec 5.3
        (``reporting_country``, ``goods.0.quantity``, ``route.transit``...), the rows being
        one batch (duplicates are CEN-DUP-001). Unknown columns are CEN-SCH-003, cells of the
        wrong type CEN-SCH-002: nothing raises but a `frame` that is not a DataFrame.
        ``threads``: None for every core, 1 for the calling thread only.
        """
        pandas = _pandas()
        if not isinstance(frame, pandas.DataFrame):
            raise TypeError(
                "validate_frame takes a pandas DataFrame; for records (dicts, JSON text) use "
                f"validate_many, not {type(frame).__name__}"
            )
        columns = [(_column_name(name), series.tolist()) for name, series in frame.items()]
        # A frame without columns still has rows: each is an empty record.
        return self.validate_table(columns, rows=len(frame), threads=threads)

    def validate_frame(self, frame: _pd.DataFrame, *, threads: int | None = None) -> _pd.DataFrame:
        """The issues of every row of a DataFrame (see `validate_rows`), one row per issue,
        with the columns ``row`` (the frame's index label), ``rule``, ``severity``, ``path``
        (JSON Pointer), ``column`` (the flat column, None for the record) and ``message``.
        """
        return issues_frame(self.validate_rows(frame, threads=threads), index=frame.index)

    @overload
    def validate_arrow(
        self,
        data: Any,
        *,
        rows: Literal[False] = False,
        keys: Literal[False] = False,
        threads: int | None = None,
    ) -> _pa.Table: ...
    @overload
    def validate_arrow(
        self, data: Any, *, rows: Literal[True], keys: bool = False, threads: int | None = None
    ) -> tuple[_pa.Table, _pa.Table]: ...
    @overload
    def validate_arrow(
        self, data: Any, *, rows: bool = False, keys: Literal[True], threads: int | None = None
    ) -> tuple[_pa.Table, _pa.Table]: ...
    @overload
    def validate_arrow(
        self, data: Any, *, rows: bool = False, keys: bool = False, threads: int | None = None
    ) -> _pa.Table | tuple[_pa.Table, _pa.Table]: ...

    def validate_arrow(
        self, data: Any, *, rows: bool = False, keys: bool = False, threads: int | None = None
    ) -> _pa.Table | tuple[_pa.Table, _pa.Table]:
        """Validates flat rows held as Arrow data, read in place through the Arrow C data
        interface (no Python object per row): a ``pyarrow.Table``, ``RecordBatch`` or
        ``RecordBatchReader`` (a stream, read a batch at a time), a polars or pandas DataFrame,
        or any object with ``__arrow_c_stream__`` or ``__arrow_c_array__``. Its columns are the
        flat paths of spec 5.3; its rows are one batch (duplicates are CEN-DUP-001).

        Returns a ``pyarrow.Table`` of issues, one row per issue: ``row`` (the position of
        the row in the input, from 0), ``rule``, ``severity``, ``path``, ``column`` (null for
        the record) and ``message``. With ``rows=True``, returns ``(issues, rows)``, where
        ``rows`` has one row per input row, in order: ``valid``, ``quality``, ``errors``,
        ``warnings``, ``infos``. With ``keys=True``, ``rows`` also has ``keys``: the 64-bit
        fingerprints of the row's duplicate keys (CEN-DUP-001), which a second pass over
        partitions validated apart can group on (examples/scale/censcale.py). Every Arrow
        type has a meaning (docs/scale.md): columns of the wrong type give CEN-SCH-002 at
        their cells, nothing is dropped. ``threads``: None for every core, 1 for the calling
        thread only (as a Dask or Spark task should).
        """
        return validate_arrow_with(self, data, rows=rows, keys=keys, threads=threads)


def issues_frame(
    reports: Iterable[Report], index: Iterable[Any] | None = None
) -> _pd.DataFrame:
    """The issues of reports as a DataFrame, one row per issue: ``row``, ``rule``,
    ``severity``, ``path``, ``column``, ``message``. ``row`` is the report's position, or its
    label in ``index`` (a DataFrame's index) when given.
    """
    pandas = _pandas()
    table = issue_columns(reports)
    if index is not None:
        labels = pandas.Index(index)
        table["row"] = labels.take(table["row"]).tolist()
    return pandas.DataFrame(table, columns=list(ISSUE_COLUMNS))


def validate_frame(
    frame: _pd.DataFrame,
    *,
    form: str | None = None,
    source: str | None = None,
    profile: Mapping[str, Any] | str | None = None,
    lang: str | None = "en",
    today: str | _datetime.date | None = None,
    hs_edition: str | None = None,
    threads: int | None = None,
) -> _pd.DataFrame:
    """Validates every row of a pandas DataFrame with the flat columns of spec 5.3 and returns
    its issues, one row per issue: ``row``, ``rule``, ``severity``, ``path``, ``column``,
    ``message`` (see `Validator.validate_frame`).
    """
    validator = Validator(
        form=form, source=source, profile=profile, lang=lang, today=today, hs_edition=hs_edition
    )
    return validator.validate_frame(frame, threads=threads)


@overload
def validate_arrow(
    data: Any,
    *,
    form: str | None = None,
    source: str | None = None,
    profile: Mapping[str, Any] | str | None = None,
    lang: str | None = "en",
    today: str | _datetime.date | None = None,
    hs_edition: str | None = None,
    rows: Literal[False] = False,
    keys: Literal[False] = False,
    threads: int | None = None,
) -> _pa.Table: ...
@overload
def validate_arrow(
    data: Any,
    *,
    form: str | None = None,
    source: str | None = None,
    profile: Mapping[str, Any] | str | None = None,
    lang: str | None = "en",
    today: str | _datetime.date | None = None,
    hs_edition: str | None = None,
    rows: Literal[True],
    keys: bool = False,
    threads: int | None = None,
) -> tuple[_pa.Table, _pa.Table]: ...
@overload
def validate_arrow(
    data: Any,
    *,
    form: str | None = None,
    source: str | None = None,
    profile: Mapping[str, Any] | str | None = None,
    lang: str | None = "en",
    today: str | _datetime.date | None = None,
    hs_edition: str | None = None,
    rows: bool = False,
    keys: Literal[True],
    threads: int | None = None,
) -> tuple[_pa.Table, _pa.Table]: ...
@overload
def validate_arrow(
    data: Any,
    *,
    form: str | None = None,
    source: str | None = None,
    profile: Mapping[str, Any] | str | None = None,
    lang: str | None = "en",
    today: str | _datetime.date | None = None,
    hs_edition: str | None = None,
    rows: bool = False,
    keys: bool = False,
    threads: int | None = None,
) -> _pa.Table | tuple[_pa.Table, _pa.Table]: ...


def validate_arrow(
    data: Any,
    *,
    form: str | None = None,
    source: str | None = None,
    profile: Mapping[str, Any] | str | None = None,
    lang: str | None = "en",
    today: str | _datetime.date | None = None,
    hs_edition: str | None = None,
    rows: bool = False,
    keys: bool = False,
    threads: int | None = None,
) -> _pa.Table | tuple[_pa.Table, _pa.Table]:
    """Validates flat rows held as Arrow data (a ``pyarrow.Table`` or ``RecordBatch``, a
    polars or pandas DataFrame...) and returns a ``pyarrow.Table`` of their issues: ``row``,
    ``rule``, ``severity``, ``path``, ``column``, ``message``; with ``rows=True``,
    ``(issues, rows)`` where ``rows`` holds ``valid``, ``quality`` and the counts of every
    input row; with ``keys=True`` also the duplicate keys of every row (see
    `Validator.validate_arrow`).
    """
    validator = Validator(
        form=form, source=source, profile=profile, lang=lang, today=today, hs_edition=hs_edition
    )
    return validator.validate_arrow(data, rows=rows, keys=keys, threads=threads)


def validate_rows(
    frame: _pd.DataFrame,
    *,
    form: str | None = None,
    source: str | None = None,
    profile: Mapping[str, Any] | str | None = None,
    lang: str | None = "en",
    today: str | _datetime.date | None = None,
    hs_edition: str | None = None,
    threads: int | None = None,
) -> list[Report]:
    """One `Report` per row of a pandas DataFrame with the flat columns of spec 5.3 (see
    `Validator.validate_rows`): the verdict and quality score of every row.
    """
    validator = Validator(
        form=form, source=source, profile=profile, lang=lang, today=today, hs_edition=hs_edition
    )
    return validator.validate_rows(frame, threads=threads)
