"""Type stubs of the native module `cen._cen` (checked against the built module by mypy.stubtest)."""

import datetime
import os
from typing import Any, Iterable, Literal, Mapping, Sequence, Union, final, overload

import pyarrow

from typing_extensions import disjoint_base

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
    "closest",
    "editions",
    "field_label",
    "flatten",
    "form_model",
    "form_model_json",
    "generate",
    "hs_correlate",
    "issue_columns",
    "label",
    "labels",
    "load_tables",
    "lookup",
    "rules",
    "schema",
    "search",
    "search_json",
    "to_cen",
    "validate",
    "validate_arrow_with",
    "validate_many",
]
__version__: str

#: A record: a dict, its JSON text, or its UTF-8 JSON bytes. Any other object is accepted too
#: at run time, and reported as not a record (CEN-SCH-001).
_RecordInput = Union[dict[str, Any], str, bytes, bytearray]
#: A profile: a dict, its JSON text (spec 5.1), or the path of a file holding that text
#: (a `pathlib.Path` or any `os.PathLike`, read as UTF-8). A `str` is always JSON text.
_ProfileInput = Union[Mapping[str, Any], str, "os.PathLike[str]"]
#: A table for `validate_table`: column names to cells, or (name, cells) pairs.
_TableInput = Union[Mapping[str, Sequence[Any]], Iterable[tuple[str, Sequence[Any]]]]

class OptionsError(ValueError):
    """Options that cannot be used. Raised before any record is read."""

class ProfileError(OptionsError):
    """A malformed profile: an unknown key, an unknown rule id, a bad pointer."""

class RecordError(ValueError):
    """Raised by to_cen and flatten when their input is not a record they can use."""

@final
class Issue:
    """One problem of a record: rule, severity, path, message and params."""

    @property
    def rule(self) -> str: ...
    @property
    def severity(self) -> str: ...
    @property
    def path(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def params(self) -> dict[str, Any]: ...
    @property
    def column(self) -> str | None: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...
    __hash__: None  # type: ignore[assignment]

@final
class Report:
    """The verdict on one record (spec 5.2)."""

    @property
    def valid(self) -> bool: ...
    @property
    def form(self) -> str: ...
    @property
    def source(self) -> str: ...
    @property
    def counts(self) -> dict[str, int]: ...
    @property
    def quality(self) -> int: ...
    @property
    def issues(self) -> list[Issue]: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...
    __hash__: None  # type: ignore[assignment]

@final
class Batch:
    """Records fed one at a time as one batch, with duplicate detection."""

    def validate(self, record: _RecordInput) -> Report: ...
    def validate_many(
        self, records: Iterable[_RecordInput], *, threads: int | None = None
    ) -> list[Report]: ...
    def __len__(self) -> int: ...

class TablesError(OptionsError):
    """A table pack that cannot be used (spec 7.2); the tables in use are unchanged."""

@final
class Tables:
    """Code tables from a table pack (spec 7.2), for ``Validator(tables=...)``."""

    @property
    def sha256(self) -> str | None: ...
    def editions(self) -> list[dict[str, Any]]: ...

def load_tables(source: str | os.PathLike[str] | bytes | bytearray) -> Tables: ...

@disjoint_base
class Validator:
    """Validates records with one set of options; reusable and safe to share between threads."""

    def __new__(
        cls,
        *,
        form: str | None = None,
        source: str | None = None,
        profile: _ProfileInput | None = None,
        lang: str | None = None,
        today: str | datetime.date | None = None,
        hs_edition: str | None = None,
        tables: Tables | str | os.PathLike[str] | bytes | bytearray | None = None,
    ) -> Validator: ...
    def editions(self) -> list[dict[str, Any]]: ...
    def validate(self, record: _RecordInput) -> Report: ...
    def validate_many(
        self, records: Iterable[_RecordInput], *, threads: int | None = None
    ) -> list[Report]: ...
    def validate_table(
        self, columns: _TableInput, rows: int | None = None, *, threads: int | None = None
    ) -> list[Report]: ...
    def batch(self) -> Batch: ...
    @property
    def options(self) -> dict[str, str | None]: ...

def validate(
    record: _RecordInput,
    *,
    form: str | None = None,
    source: str | None = None,
    profile: _ProfileInput | None = None,
    lang: str | None = None,
    today: str | datetime.date | None = None,
    hs_edition: str | None = None,
) -> Report: ...
def validate_many(
    records: Iterable[_RecordInput],
    *,
    form: str | None = None,
    source: str | None = None,
    profile: _ProfileInput | None = None,
    lang: str | None = None,
    today: str | datetime.date | None = None,
    hs_edition: str | None = None,
    threads: int | None = None,
) -> list[Report]: ...
def issue_columns(reports: Iterable[Report]) -> dict[str, list[Any]]: ...
@overload
def validate_arrow_with(
    validator: Validator,
    data: Any,
    *,
    rows: Literal[False] = False,
    keys: Literal[False] = False,
    threads: int | None = None,
) -> pyarrow.Table: ...
@overload
def validate_arrow_with(
    validator: Validator,
    data: Any,
    *,
    rows: Literal[True],
    keys: bool = False,
    threads: int | None = None,
) -> tuple[pyarrow.Table, pyarrow.Table]: ...
@overload
def validate_arrow_with(
    validator: Validator,
    data: Any,
    *,
    rows: bool = False,
    keys: Literal[True],
    threads: int | None = None,
) -> tuple[pyarrow.Table, pyarrow.Table]: ...
@overload
def validate_arrow_with(
    validator: Validator,
    data: Any,
    *,
    rows: bool = False,
    keys: bool = False,
    threads: int | None = None,
) -> pyarrow.Table | tuple[pyarrow.Table, pyarrow.Table]: ...
def to_cen(record: _RecordInput) -> dict[str, Any]: ...
def schema() -> dict[str, Any]: ...
def rules() -> list[dict[str, Any]]: ...
def editions() -> list[dict[str, Any]]: ...
def labels(lang: str | None = None) -> dict[str, dict[str, str]]: ...
def label(enumeration: str, value: str, lang: str | None = None) -> str | None: ...
def field_label(path: str, lang: str | None = None) -> str: ...
def lookup(
    table: str, code: str, lang: str | None = None, edition: str | None = None
) -> dict[str, Any] | None: ...
def hs_correlate(code: str, from_: str, to: str) -> list[dict[str, str]]: ...
def closest(table: str, code: str, count: int = 5) -> list[str]: ...
def flatten(record: dict[str, Any] | str) -> dict[str, str]: ...
def generate(
    count: int,
    *,
    seed: int = 0,
    invalid_share: float = 0.0,
    today: str | datetime.date | None = None,
) -> list[dict[str, Any]]: ...

def form_model(
    *, form: str | None = None, source: str | None = None, profile: Any = None, lang: str | None = None
) -> dict[str, Any]: ...
def form_model_json(
    *, form: str | None = None, source: str | None = None, profile: Any = None, lang: str | None = None
) -> str: ...
def search(
    table: str,
    query: str,
    *,
    lang: str | None = None,
    country: str | None = None,
    limit: int | None = None,
    hs_edition: str | None = None,
    tables: Tables | str | os.PathLike[str] | bytes | bytearray | None = None,
) -> list[dict[str, Any]]: ...
def search_json(
    table: str,
    query: str,
    *,
    lang: str | None = None,
    country: str | None = None,
    limit: int | None = None,
    hs_edition: str | None = None,
    tables: Tables | str | os.PathLike[str] | bytes | bytearray | None = None,
) -> str: ...
