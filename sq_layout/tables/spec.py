"""What a record table spec is, and what is made from it: the pandera schema, the SQL columns, the import sheet's
fields and header mapping, and a frame conformed to the table (missing columns filled with their defaults)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

import pandas as pd

if TYPE_CHECKING:
    import pandera.pandas as pa

# Column kinds as the frames hold them: "str" (never null, '' for empty), "float", "int", "Int64" (nullable int),
# "bool", "date" (nullable datetime), "point" (lon/lat of the frame; one geometry column in the database).
Kind = Literal["str", "float", "int", "Int64", "bool", "date", "point"]
_PANDERA: dict[str, Any] = {
    "str": str,
    "float": float,
    "int": int,
    "Int64": "Int64",
    "bool": bool,
    "date": "datetime64[ns]",
    "point": float,
}
DTYPES: dict[str, str] = {
    "str": "str",
    "float": "float64",
    "point": "float64",
    "int": "int64",
    "Int64": "Int64",
    "bool": "bool",
    "date": "datetime64[ns]",
}
_DEFAULTS: dict[str, Any] = {"str": "", "float": 0.0, "int": 0, "Int64": None, "bool": False, "date": None}


def _server_default(value: Any) -> str | None:
    """A column's default as the database writes it (bool as 0/1, which SQLite and PostgreSQL both read)."""
    if value is None:
        return None
    return str(int(value)) if isinstance(value, bool) else str(value)


@dataclass(frozen=True)
class Check:
    """A column's or table's check as the spec states it; pandera's is made with the schema, so reading a stored
    version (no validation) never imports pandera. The builders are pandera.Check's of the same names."""

    name: str  # a pandera.Check builder ("str_matches", "ge", …); "" for a function of the column or frame
    args: tuple[Any, ...] = ()
    kwargs: tuple[tuple[str, Any], ...] = ()
    fn: Callable[[Any], Any] | None = None
    error: str | None = None

    @classmethod
    def str_matches(cls, pattern: str) -> Check:
        """Every value matches the regular expression."""
        return cls("str_matches", (pattern,))

    @classmethod
    def str_length(cls, min_value: int) -> Check:
        """Every value at least this long."""
        return cls("str_length", kwargs=(("min_value", min_value),))

    @classmethod
    def ge(cls, value: float) -> Check:
        """Every value ≥ value."""
        return cls("ge", (value,))

    @classmethod
    def gt(cls, value: float) -> Check:
        """Every value > value."""
        return cls("gt", (value,))

    @classmethod
    def in_range(cls, low: float, high: float) -> Check:
        """Every value within [low, high]."""
        return cls("in_range", (low, high))

    @classmethod
    def where(cls, fn: Callable[[Any], Any], error: str | None = None) -> Check:
        """`fn` of the column (or frame) holds, in pandera's sense of a check function."""
        return cls("", fn=fn, error=error)

    def pandera(self) -> pa.Check:
        """This check as pandera's."""
        import pandera.pandas as pa

        if self.fn is not None:
            return pa.Check(self.fn, error=self.error)
        built: pa.Check = getattr(pa.Check, self.name)(*self.args, **dict(self.kwargs))
        return built


@dataclass(frozen=True)
class Imp:
    """How a column is filled in on an import sheet: its headers (zh as the template writes it, en), what is
    expected, whether it must be there, its import code when not the column's name, and its drop-down list."""

    header: str
    header_en: str
    help: str
    required: bool = False
    code: str = ""
    help_en: str = ""  # what is expected, in English (a column of choices lists their English labels instead)


@dataclass(frozen=True)
class Col:
    """One column of a record table."""

    name: str
    kind: Kind = "str"
    checks: tuple[Check, ...] = ()
    choices: tuple[str, ...] = ()  # the only values allowed ('' too when blank_ok)
    blank_ok: bool = False
    unique: bool = False
    nullable: bool | None = None  # None: as the kind says (Int64 and date may be missing)
    coerce: bool = False
    default: Any = None  # value of records made without this column; None: the kind's ('' / 0 / False / missing)
    imp: Imp | None = None
    header: str = ""  # the column's header on pages and in exports, Chinese (plan tables; investment ones: imp)
    header_en: str = ""  # … and English
    # the template's drop-down: "choices" (this column's), a fixed list, a list the template makes ("chains",
    # "area") or another sheet's column ("industries.industry_id"); "" none
    dropdown: str | tuple[str, ...] = ""

    def dropdown_values(self) -> tuple[str, ...]:
        """The fixed values of this column's drop-down (none when it names a list or a sheet's column)."""
        if self.dropdown == "choices":
            return self.choices
        return self.dropdown if isinstance(self.dropdown, tuple) else ()

    @property
    def may_be_null(self) -> bool:
        """Whether a value may be missing (NaN, NA, NaT)."""
        return self.kind in ("Int64", "date") if self.nullable is None else self.nullable

    def pandera(self) -> pa.Column:
        """This column as a pandera column."""
        import pandera.pandas as pa

        checks = [c.pandera() for c in self.checks]
        if self.choices:
            checks.append(pa.Check.isin(("", *self.choices) if self.blank_ok else self.choices))
        return pa.Column(_PANDERA[self.kind], checks, nullable=self.may_be_null, unique=self.unique, coerce=self.coerce)

    def filler(self) -> Any:
        """What a record made without this column holds in it."""
        return _DEFAULTS[self.kind] if self.default is None else self.default


@dataclass(frozen=True)
class Field:
    """One column of an import sheet (code name, Chinese and English header, required, what is expected)."""

    code: str
    header: str
    header_en: str
    required: bool
    help: str
    dropdown: str | tuple[str, ...]
    choices: tuple[str, ...]
    help_en: str = ""


@dataclass(frozen=True)
class TableSpec:
    """One record table: its columns in order, its key, and what the whole table must satisfy."""

    name: str
    columns: tuple[Col, ...]
    key: tuple[str, ...] = ()
    unique: tuple[str, ...] = ()  # columns unique together (pandera)
    checks: tuple[Check, ...] = ()
    coerce: bool = False
    sheet: str = ""  # the import sheet's title, for tables users import
    sheet_en: str = ""  # … in English
    db_nullable: frozenset[str] = field(default_factory=lambda: frozenset({"Int64", "date"}))  # kinds NULL in SQL

    def col(self, name: str) -> Col:
        """The column of that name."""
        return next(c for c in self.columns if c.name == name)

    def kinds(self) -> list[tuple[str, str]]:
        """(column, kind) in table order."""
        return [(c.name, c.kind) for c in self.columns]

    def schema(self) -> pa.DataFrameSchema:
        """The table's pandera schema (strict: no other columns)."""
        import pandera.pandas as pa

        return pa.DataFrameSchema(
            {c.name: c.pandera() for c in self.columns},
            checks=[c.pandera() for c in self.checks] or None,
            strict=True,
            coerce=self.coerce,
            unique=list(self.unique) or None,
        )

    def sql_columns(self, geometry: Any) -> list[Any]:
        """The data columns as SQLAlchemy columns (the key's ones primary), `geometry` in place of lon/lat."""
        from sqlalchemy import Boolean, Column, DateTime, Float, Integer, Text

        sql: dict[str, Any] = {
            "str": Text,
            "float": Float(precision=53),
            "int": Integer,
            "Int64": Integer,
            "bool": Boolean,
            "date": DateTime,
        }
        out: list[Any] = []
        for c in self.columns:
            if c.kind == "point":
                if c.name == "lon":
                    out.append(Column("geometry", geometry, nullable=False))
                continue
            server = _server_default(c.default)  # fills the rows a column added later meets
            null = c.kind in self.db_nullable
            out.append(
                Column(c.name, sql[c.kind], primary_key=c.name in self.key, nullable=null, server_default=server)
            )
        return out

    def fields(self) -> tuple[Field, ...]:
        """The import sheet's columns, in table order."""
        return tuple(
            Field(
                c.imp.code or c.name,
                c.imp.header,
                c.imp.header_en,
                c.imp.required,
                c.imp.help,
                c.dropdown,
                c.choices,
                c.imp.help_en,
            )
            for c in self.columns
            if c.imp is not None
        )

    def header_map(self) -> dict[str, str]:
        """Header as written (Chinese, English or code name, case-insensitive) -> code name."""
        out: dict[str, str] = {}
        for f in self.fields():
            for h in (f.header, f.header_en, f.code):
                out[h.lower()] = f.code
        return out

    def empty(self) -> pd.DataFrame:
        """The table with its columns and no rows."""
        return pd.DataFrame({c.name: pd.Series(dtype=DTYPES[c.kind]) for c in self.columns})

    def conform(self, frame: pd.DataFrame) -> pd.DataFrame:
        """The frame's columns in table order, a column it lacks filled with that column's default."""
        missing = {c.name: c.filler() for c in self.columns if c.name not in frame.columns}
        if missing:
            frame = frame.assign(
                **{
                    n: pd.Series([v] * len(frame), index=frame.index, dtype=DTYPES[self.col(n).kind])
                    for n, v in missing.items()
                }
            )
        return frame[[c.name for c in self.columns]]
