"""Data downloads: the current selection or the whole dataset as CSV (zip), XLSX, GeoJSON and GeoPackage.

Every file carries the source note; spatial files carry their CRS; a GeoPackage reads back to the same rows.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio

from sq_layout.analysis.queries import Selection, host_summary
from sq_layout.analysis.views import area_panel, chain_figures, hosts_table
from sq_layout.cells import FORMULA_START as FORMULA_START  # re-exported: one rule, kept here for callers
from sq_layout.cells import csv_bytes, neutralise, text_only
from sq_layout.cells import neutralise_cell as neutralise_cell
from sq_layout.errors import BadInput, UnknownValue
from sq_layout.i18n import LABELS, Lang, headers, label, t
from sq_layout.i18n.lang import Listed
from sq_layout.i18n.shown import sheet_name
from sq_layout.plan.dataset import Dataset
from sq_layout.plan.join import areas_frame

DATA_FORMATS = ("zip", "csv", "xlsx", "geojson", "gpkg")
GPKG_VERSION = "1.2"  # GDAL 3.6 (common QGIS builds) warns on 1.4
AREA_COLUMNS = ["area_id", "name", "name_en", "kind", "adcode", "parent_area_id", "geometry_quality", "geometry_source"]


def source_note(lang: Lang) -> str:
    """The note every export carries: plan, boundary source, schematic warning, CRS."""
    return " ".join(t(k, lang) for k in ("print_source", "print_schematic", "crs"))


def selection_areas(ds: Dataset, sel: Selection) -> gpd.GeoDataFrame:
    """The nine areas (WGS-84) with, for a selection, how many selected items each hosts."""
    frame = areas_frame(ds)[[*AREA_COLUMNS, "n_industries", "n_chains", "geometry"]].copy()
    if not sel.empty:
        n = host_summary(ds, sel).set_index("area_id")["n_selected"]
        frame["n_selected"] = frame["area_id"].map(n).fillna(0).astype(int)
    return frame


def dataset_tables(ds: Dataset) -> dict[str, pd.DataFrame]:
    """Every table of the bundled dataset, as stored."""
    return {
        "areas": ds.areas,
        "industries": ds.industries,
        "subindustries": ds.subindustries,
        "chains": ds.chains,
        "assignments": ds.assignments,
        "details": ds.details,
        "conflicts": ds.conflicts,
    }


def selection_tables(ds: Dataset, sel: Selection, area: str | None, lang: Lang) -> dict[str, pd.DataFrame]:
    """What the current view shows: hosts, 表十一 figures once per chain (city-wide), and the selected area's facts."""
    tables = {"areas": selection_areas(ds, sel).drop(columns="geometry")}
    if not sel.empty:
        t = hosts_table(ds, sel, lang).drop(columns=["area_id", "chain_no"])
        tables["hosts"] = t.rename(columns=headers(list(t.columns), lang))
        f = chain_figures(ds, sel, lang).drop(columns="chain_no")
        tables["chain_figures"] = f.rename(columns=headers(list(f.columns), lang))
    if area:
        p = area_panel(ds, area, lang)
        ind = p.industries.drop(columns="industry_id")
        tables["area_industries"] = ind.rename(columns=headers(list(ind.columns), lang))
        tables["area_details"] = p.details.rename(columns=headers(list(p.details.columns), lang))
        tables["area_conflicts"] = p.conflicts.rename(columns=headers(list(p.conflicts.columns), lang))
    return tables


def csv_one(tables: dict[str, pd.DataFrame], table: str | None, lang: Lang = "zh") -> bytes:
    """One table as UTF-8-with-BOM CSV: the only one, or the one named; else BadInput naming the alternatives."""
    if table is None and len(tables) > 1:
        raise BadInput("bad_csv_one_table", n=len(tables), tables=Listed(tables))
    name = table or next(iter(tables))
    if name not in tables:
        raise UnknownValue("table", name, list(tables))
    return csv_bytes(readable(tables[name], lang))


def csv_zip(tables: dict[str, pd.DataFrame], lang: Lang) -> bytes:
    """A zip of UTF-8-with-BOM CSV files (Excel opens the Chinese correctly) plus SOURCE.txt."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, df in tables.items():  # named in the reader's language (a single .csv is chosen by --table)
            z.writestr(f"{sheet_name(name, lang)}.csv", csv_bytes(readable(df, lang)))
        z.writestr("SOURCE.txt", (source_note(lang) + "\n").encode("utf-8-sig"))
    return buf.getvalue()


def readable(df: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """A table as a reader of `lang` reads it: a column of codes (kind, tier, quality, source, …: every value one of
    the labelled codes) in words, and headers in `lang` (an id column keeps its values, under a readable header)."""
    out = df.copy()
    for c in out.columns:
        values = {v for v in out[c].dropna() if v != ""}
        if values and all(isinstance(v, str) and v in LABELS for v in values):
            out[c] = out[c].map(lambda v: label(v, lang) if isinstance(v, str) and v else v)
    return out.rename(columns=headers(list(out.columns), lang))


def xlsx(tables: dict[str, pd.DataFrame], lang: Lang) -> bytes:
    """One sheet per table, named in `lang` (readable headers and values, frozen header row), and a first sheet
    with the source note."""
    buf = io.BytesIO()
    about = t("gx_about", lang)
    with pd.ExcelWriter(buf, engine="openpyxl") as w:
        pd.DataFrame({about: [source_note(lang)]}).to_excel(w, sheet_name=about, index=False)
        for name, df in tables.items():
            out = neutralise(readable(df, lang))
            out.to_excel(w, sheet_name=sheet_name(name, lang), index=False)
            sheet = w.sheets[sheet_name(name, lang)]
            sheet.freeze_panes = "A2"
            for col in sheet.columns:
                width = max(len(str(c.value or "")) for c in col[:200])
                sheet.column_dimensions[col[0].column_letter].width = min(60, max(8, width * 1.6))
        text_only(w.book)
    return buf.getvalue()


def geojson(areas: gpd.GeoDataFrame, lang: Lang) -> bytes:
    """RFC 7946 GeoJSON (WGS-84 lon/lat) with the source note as a top-level member."""
    doc = json.loads(areas.to_json(drop_id=True))
    doc = {"type": "FeatureCollection", "source": source_note(lang), "crs_note": "WGS-84 (EPSG:4326)", **doc}
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def write_gpkg(path: str | Path, areas: gpd.GeoDataFrame, tables: dict[str, pd.DataFrame], lang: Lang) -> Path:
    """A GeoPackage: the areas layer (EPSG:4326), every table as an attribute table, and an 'about' table.

    A write that fails part-way (GDAL reports a full disk as a failed insert) raises OutputNotWritable."""
    from sq_layout.errors import OutputNotWritable

    path = Path(path)
    path.unlink(missing_ok=True)
    try:
        pyogrio.write_dataframe(areas, path, layer="areas", driver="GPKG", dataset_options={"VERSION": GPKG_VERSION})
        for name, df in tables.items():
            if name != "areas":
                pyogrio.write_dataframe(df.astype(object).where(df.notna(), None), path, layer=name, driver="GPKG")
        pyogrio.write_dataframe(pd.DataFrame({"note": [source_note(lang)]}), path, layer="about", driver="GPKG")
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError, pyogrio.errors.FeatureError) as exc:
        path.unlink(missing_ok=True)
        raise OutputNotWritable(path.name, why="why_part_way") from exc
    return path


def gpkg(areas: gpd.GeoDataFrame, tables: dict[str, pd.DataFrame], lang: Lang) -> bytes:
    """The GeoPackage as bytes (for a download button)."""
    from sq_layout.atomic import scratch

    with scratch() as tmp:
        return write_gpkg(tmp / "sq-layout.gpkg", areas, tables, lang).read_bytes()


def export_bytes(
    fmt: str, ds: Dataset, sel: Selection, area: str | None, lang: Lang, whole: bool, table: str | None = None
) -> bytes:
    """One download in the given format: the whole dataset, or what the current view shows."""
    tables = dataset_tables(ds) if whole else selection_tables(ds, sel, area, lang)
    areas = selection_areas(ds, Selection() if whole else sel)
    if fmt == "zip":
        return csv_zip(tables, lang)
    if fmt == "csv":
        return csv_one(tables, table, lang)
    if fmt == "xlsx":
        return xlsx(tables, lang)
    if fmt == "geojson":
        return geojson(areas, lang)
    if fmt == "gpkg":
        return gpkg(areas, tables, lang)
    raise UnknownValue("data format", fmt, DATA_FORMATS)
