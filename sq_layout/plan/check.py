"""Turn raw plan tables (strings, as read from CSV, Excel or a bundle) into a Dataset, listing every problem.

Checks are those of the bundled plan, with the limits that are particular to Suqian relaxed (any number of chains),
so another city's plan or the next five-year plan loads without code changes.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import pandas as pd
import pandera.pandas as pa

from sq_layout.errors import DataError, ImportRejected
from sq_layout.geo.crs import STORAGE_CRS
from sq_layout.i18n import Lang, t
from sq_layout.i18n.lang import Said, fill
from sq_layout.plan.dataset import KEY_WORDS, Dataset
from sq_layout.plan.schemas import FOREIGN_KEYS, TABLES
from sq_layout.plan.tables import check_keys, column_named, listed, names, past_end, unknown_chains, validate, where

PROVENANCE = ("geometry_source", "geometry_date", "geometry_file")


def _relaxed(schema: pa.DataFrameSchema) -> pa.DataFrameSchema:
    if "chain_no" not in schema.columns:
        return schema
    col = schema.columns["chain_no"]
    return schema.update_column("chain_no", checks=[pa.Check.ge(1)], nullable=col.nullable)


SCHEMAS: dict[str, pa.DataFrameSchema] = {name: _relaxed(s) for name, s in TABLES.items()}


@dataclass(frozen=True)
class Checked:
    """A validated version and the areas it has no boundary for (listed, not drawn, until boundaries come)."""

    dataset: Dataset
    undrawn: tuple[str, ...]


def _in(label: str, problem: str | Said, lang: Lang) -> str:
    return t("pi_in", lang).format(file=label, problem=problem.text(lang) if isinstance(problem, Said) else problem)


# Text columns a table gained after files were already being made (the migration that added each): optional in a file.
ADDED_LATER = {"details": ("quote",)}  # 0010


def _tables(
    raw: dict[str, pd.DataFrame], labels: dict[str, str], problems: list[str], lang: Lang = "en"
) -> dict[str, pd.DataFrame]:
    out: dict[str, pd.DataFrame] = {}
    for name, schema in SCHEMAS.items():
        frame = raw[name]
        later = [c for c in ADDED_LATER.get(name, ()) if c not in frame.columns]
        if later:  # a file made before the column existed: its records have it empty
            frame = frame.assign(**dict.fromkeys(later, ""))
        missing = [c for c in schema.columns if c not in frame.columns]
        extra = [c for c in frame.columns if c not in schema.columns]
        if missing or extra:
            found = t("pi_columns", lang).format(
                missing=names(missing, lang), extra=names(extra, lang), expected=names(list(schema.columns), lang)
            )
            problems.append(_in(labels[name], found, lang))
            continue
        try:
            out[name] = validate(frame[list(schema.columns)], schema, labels[name])
        except DataError as exc:
            problems += [_in(labels[name], p, lang) for p in exc.lines(lang)]
    return out


def _keys(tables: dict[str, pd.DataFrame], labels: dict[str, str], problems: list[str], lang: Lang = "en") -> None:
    for child, col, parent, key, allow_empty in FOREIGN_KEYS:
        if child in tables and parent in tables:
            found = check_keys(tables[child], col, tables[parent][key], allow_empty, KEY_WORDS.get(col, col))
            problems += [_in(labels[child], p, lang) for p in found]
    if "chains" in tables and "subindustries" in tables:
        found = unknown_chains(tables["subindustries"], tables["chains"])
        problems += [_in(labels["subindustries"], p, lang) for p in found]


def _lines(
    tables: dict[str, pd.DataFrame], labels: dict[str, str], n_lines: int, problems: list[str], lang: Lang = "en"
) -> None:
    for name in ("assignments", "details", "chains", "plan_figures"):
        if name in tables:
            problems += [_in(labels[name], p, lang) for p in past_end(tables[name], n_lines)]


_COLUMN = {"ev_line": "line", "ev_line_not_plan": "line", "ev_ref_required": "ref", "ev_quote_required": "quote"}


def _quotes(
    tables: dict[str, pd.DataFrame], label: str, plan_lines: tuple[str, ...], problems: list[str], lang: Lang = "en"
) -> None:
    """A plan source's quote must stand on its line; a meeting or document has a reference and no line."""
    from sq_layout.plan.sources import source_problem

    if "assignments" not in tables:
        return
    a = tables["assignments"]
    columns = (map(str, a["source"].tolist()), map(str, a["ref"].tolist()), map(int, a["line"].tolist()))
    checked: dict[tuple[str, str, int, str], tuple[str, dict[str, object]] | None] = {}  # each distinct source once
    for i, row in enumerate(zip(*columns, map(str, a["quote"].tolist()), strict=True)):
        if row not in checked:
            checked[row] = source_problem(*row, plan_lines)
        found = checked[row]
        if found:
            key, values = found
            column = _COLUMN.get(key, "quote" if key == "ev_quote_not_on_line" else "source")
            text = t("pi_at_column", lang).format(
                where=where(i, lang), column=column_named(column, lang), problem=fill(t(key, lang), values, lang)
            )
            problems.append(_in(label, text, lang))


def _detail_quotes(
    tables: dict[str, pd.DataFrame], label: str, plan_lines: tuple[str, ...], problems: list[str], lang: Lang = "en"
) -> None:
    """A detail's quote, when it has one, stands verbatim on its line."""
    from sq_layout.plan.sources import quote_on_line

    if "details" not in tables:
        return
    d = tables["details"]
    for i, (line, quote) in enumerate(zip(d["line"].astype(int), d["quote"].astype(str), strict=True)):
        if quote.strip() and not quote_on_line(quote, line, plan_lines):
            shown = plan_lines[line - 1].strip()[:80] if 1 <= line <= len(plan_lines) else ""
            said = t("ev_quote_not_on_line", lang).format(quote=quote.strip()[:60], line=line, text=shown)
            column = column_named("quote", lang)
            problems.append(
                _in(label, t("pi_at_column", lang).format(where=where(i, lang), column=column, problem=said), lang)
            )


def _boundaries(
    boundaries: gpd.GeoDataFrame, areas: pd.DataFrame, label: str, problems: list[str], lang: Lang = "en"
) -> tuple[gpd.GeoDataFrame, tuple[str, ...]]:
    known = list(areas["area_id"])
    stray = sorted(set(boundaries["area_id"]) - set(known))
    problems += [
        _in(label, t("pi_unknown_boundary", lang).format(area=repr(a), known=listed(known, lang)), lang) for a in stray
    ]
    kept = boundaries[boundaries["area_id"].isin(known)].copy()
    for col in ("adcode", "name"):
        of_area = dict(zip(areas["area_id"].tolist(), areas[col].tolist(), strict=True))
        kept[col] = [of_area[a] for a in kept["area_id"].tolist()]
    for col in PROVENANCE:
        kept[col] = kept[col].fillna("").astype("str") if col in kept else ""
    order = {a: i for i, a in enumerate(known)}
    kept = kept.sort_values("area_id", key=lambda s: s.map(order), kind="stable").reset_index(drop=True)
    cols = ["area_id", "adcode", "name", "geometry_quality", "source", *PROVENANCE]
    frame = gpd.GeoDataFrame(kept[[*cols, "geometry"]], geometry="geometry", crs=STORAGE_CRS)
    frame = frame[["geometry", *cols]]
    for col in cols:
        frame[col] = frame[col].astype("str")
    drawn = set(frame["area_id"])
    undrawn = tuple(a for a in known if a not in drawn)
    return frame, undrawn


def build(
    raw: dict[str, pd.DataFrame],
    labels: dict[str, str],
    plan_lines: tuple[str, ...],
    boundaries: gpd.GeoDataFrame,
    source: str,
    boundary_label: str = "boundaries",
    lang: Lang = "en",
) -> Checked:
    """Validate every table, key, line reference and boundary; raise ImportRejected listing all problems, worded
    in `lang`."""
    problems: list[str] = []
    tables = _tables(raw, labels, problems, lang)
    _keys(tables, labels, problems, lang)
    _lines(tables, labels, len(plan_lines), problems, lang)
    _quotes(tables, labels.get("assignments", "assignments"), plan_lines, problems, lang)
    _detail_quotes(tables, labels.get("details", "details"), plan_lines, problems, lang)
    undrawn: tuple[str, ...] = ()
    frame = boundaries
    if "areas" in tables:
        frame, undrawn = _boundaries(boundaries, tables["areas"], boundary_label, problems, lang)
    if problems:
        raise ImportRejected(source, problems)
    return Checked(Dataset(**tables, boundaries=frame, plan_lines=plan_lines), undrawn)


def raw_tables(ds: Dataset) -> dict[str, pd.DataFrame]:
    """A Dataset's tables as strings, the form imports start from (used to fill gaps from the base version)."""
    out = {}
    for name in TABLES:
        frame = getattr(ds, name).astype(object).where(getattr(ds, name).notna(), "")
        out[name] = frame.map(_text)
    return out


def _text(v: object) -> str:
    if isinstance(v, float) and v.is_integer():
        return repr(v)
    return str(v)
