"""Real boundary files generated in the tests: Shapefile (zipped, GK zones, GBK), GeoJSON, GPKG, KML/KMZ."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import geopandas as gpd
import shapely
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry

from sq_layout.geo.crs import MEASURE_CRS

# A plausible outline for 苏宿工业园区 inside 宿城区, near the schematic disc (≈ 13 km²), WGS-84.
SUSU = Polygon(
    [(118.188, 33.950), (118.214, 33.946), (118.229, 33.958), (118.224, 33.978), (118.200, 33.981), (118.186, 33.968)]
)
SUSU_NAME = "苏宿工业园区"


def frame(
    geoms: list[BaseGeometry], names: list[str], crs: str = "EPSG:4326", **cols: list[object]
) -> gpd.GeoDataFrame:
    """A GeoDataFrame with a Chinese name column (and any other columns) in the given CRS."""
    g = gpd.GeoDataFrame({"名称": names, **cols}, geometry=geoms, crs="EPSG:4326")
    return g.to_crs(crs) if crs != "EPSG:4326" else g


def shapefile_zip(tmp: Path, gdf: gpd.GeoDataFrame, encoding: str = "GBK", prj: bool = True, cpg: bool = True) -> bytes:
    """Write a real Shapefile with pyogrio in the given attribute encoding and zip its parts."""
    folder = tmp / f"shp-{len(list(tmp.iterdir()))}"
    folder.mkdir()
    gdf.to_file(folder / "boundary.shp", engine="pyogrio", encoding=encoding)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for part in sorted(folder.iterdir()):
            if (part.suffix == ".prj" and not prj) or (part.suffix == ".cpg" and not cpg):
                continue
            zf.write(part, part.name)
    return buf.getvalue()


def written(tmp: Path, gdf: gpd.GeoDataFrame, name: str, driver: str) -> bytes:
    """Write a file with pyogrio's driver and return its bytes."""
    path = tmp / name
    gdf.to_file(path, driver=driver, engine="pyogrio")
    return path.read_bytes()


def kmz(kml: bytes) -> bytes:
    """A KMZ: doc.kml zipped."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("doc.kml", kml)
    return buf.getvalue()


def distance_m(a: BaseGeometry | None, b: BaseGeometry | None) -> float:
    """Hausdorff distance in metres between two WGS-84 geometries (measured in EPSG:4548)."""
    assert a is not None and b is not None, "a feature without a geometry"
    pa, pb = gpd.GeoSeries([a, b], crs="EPSG:4326").to_crs(MEASURE_CRS)
    return float(shapely.hausdorff_distance(pa, pb))
