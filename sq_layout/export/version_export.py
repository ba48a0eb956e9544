"""Export a whole plan version: GeoPackage (areas layer + every table), XLSX (the import template), bundle folder/zip.

The bundle is the format `workspace import-plan` reads, so export then import gives the same version.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from shapely.geometry import mapping

from sq_layout.i18n import Lang
from sq_layout.plan.dataset import Dataset

VERSION_FORMATS = ("gpkg", "xlsx", "zip", "folder")
BOUNDARY_PROPS = ("area_id", "adcode", "name", "geometry_quality", "source")
PROVENANCE = ("geometry_source", "geometry_date", "geometry_file")
TABLE_NAMES = ("areas", "industries", "subindustries", "chains", "assignments", "details", "conflicts", "plan_figures")


def bundle_files(ds: Dataset) -> dict[str, bytes]:
    """The bundle as relative path -> bytes: plan/*.csv, plan/plan_text.txt, boundaries/areas.geojson."""
    from sq_layout.cells import csv_bytes

    # formula-looking text gets an apostrophe (Excel, LibreOffice); the importers take it off again
    files = {f"plan/{name}.csv": csv_bytes(getattr(ds, name), "utf-8") for name in TABLE_NAMES}
    files["plan/plan_text.txt"] = "\n".join(ds.plan_lines).encode("utf-8")
    features = []
    cols = [c for c in (*BOUNDARY_PROPS, *PROVENANCE) if c in ds.boundaries.columns]
    for row in ds.boundaries.itertuples(index=False):
        props = {c: getattr(row, c) for c in cols}
        features.append({"type": "Feature", "properties": props, "geometry": mapping(row.geometry)})
    doc = {
        "type": "FeatureCollection",
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}},
        "crs_note": "WGS-84 lon/lat (EPSG:4326)",
        "features": features,
    }
    files["boundaries/areas.geojson"] = json.dumps(doc, ensure_ascii=False).encode("utf-8")
    return files


def bundle_zip(ds: Dataset) -> bytes:
    """The bundle as a zip (for a download button or `import-plan`)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in bundle_files(ds).items():
            zf.writestr(name, data)
    return buf.getvalue()


def write_bundle(ds: Dataset, folder: Path) -> Path:
    """Write the bundle folder atomically: built beside the target, then renamed into place (removed on failure)."""
    from sq_layout.atomic import folder_into_place

    folder = Path(folder)
    with folder_into_place(folder) as tmp:
        for name, data in bundle_files(ds).items():
            (tmp / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp / name).write_bytes(data)
    return folder


def version_gpkg(ds: Dataset, lang: Lang = "zh") -> bytes:
    """A GeoPackage: the areas layer with plain attribute columns (geometry_quality, kind, counts) and every table."""
    from sq_layout.analysis.queries import Selection
    from sq_layout.export.dataexport import dataset_tables, gpkg, selection_areas

    tables = dataset_tables(ds) | {"plan_figures": ds.plan_figures}
    areas = selection_areas(ds, Selection())
    for col in PROVENANCE:
        if col in ds.boundaries.columns:
            areas[col.replace("geometry_", "official_")] = areas["area_id"].map(ds.boundaries.set_index("area_id")[col])
    return gpkg(areas, tables, lang)


def version_bytes(fmt: str, ds: Dataset, lang: Lang = "zh") -> bytes:
    """One download of a version in a format of VERSION_FORMATS (folder -> its zip)."""
    if fmt == "gpkg":
        return version_gpkg(ds, lang)
    if fmt == "xlsx":
        from sq_layout.imports.plan_template import template_bytes

        return template_bytes(ds)
    if fmt in ("zip", "folder"):
        return bundle_zip(ds)
    raise ValueError(f"unknown format {fmt!r}; expected one of {VERSION_FORMATS}")
