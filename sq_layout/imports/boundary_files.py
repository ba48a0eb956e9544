"""Read a boundary file a user brings (GeoJSON, zipped Shapefile, GeoPackage, KML/KMZ) in its own coordinates."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import geopandas as gpd
import pandas as pd
import pyogrio
import shapely

from sq_layout import upload_limits as lim
from sq_layout.atomic import scratch
from sq_layout.errors import BoundaryFileTooLarge, BoundaryFormatError, BoundaryImportError, UploadTooLarge
from sq_layout.i18n.lang import Listed
from sq_layout.imports.boundary_kml import read_kml_xml

MAX_BYTES = lim.LIMITS["boundary"].bytes
SUFFIXES = (".geojson", ".json", ".zip", ".gpkg", ".kml", ".kmz")
# Attribute encodings a user may choose; GB18030 is a superset of GBK and GB2312.
ENCODINGS = ("utf-8", "gb18030")
_CPG = {"utf8": "utf-8", "utf-8": "utf-8", "65001": "utf-8", "gbk": "gb18030", "cp936": "gb18030", "936": "gb18030"}
_CPG |= {"gb2312": "gb18030", "gb18030": "gb18030", "54936": "gb18030"}


@dataclass(frozen=True)
class RawBoundaries:
    """The features of one file, coordinates untouched; `frame.crs` is None when the file declares no CRS."""

    file_name: str
    kind: str  # 'geojson' | 'shapefile' | 'gpkg' | 'kml'
    frame: gpd.GeoDataFrame
    encoding: str | None = None  # Shapefile attributes: the codec used
    encoding_source: str = ""  # 'user' | 'cpg' | 'detected'


def _fail(name: str, problem: str, key: str, **params: object) -> BoundaryFormatError:
    return BoundaryFormatError(name, [problem], key, {"file": name, **params})


def dbf_encoding(dbf: bytes) -> str:
    """The attribute encoding of a .dbf: strict UTF-8 if its records decode as such, else GB18030."""
    header_len = int.from_bytes(dbf[8:10], "little") if len(dbf) >= 10 else 0
    try:
        dbf[header_len:].decode("utf-8")
    except UnicodeDecodeError:
        return "gb18030"
    return "utf-8"


def _cpg_encoding(cpg: bytes | None) -> str | None:
    if cpg is None:
        return None
    return _CPG.get(cpg.decode("ascii", "replace").strip().lower().replace("_", "-"))


def _read(path: Path, name: str, kind: str, encoding: str | None = None) -> gpd.GeoDataFrame:
    """All polygon layers of a GDAL-readable file, concatenated in file order."""
    try:
        layers = [str(n) for n, _ in pyogrio.list_layers(path)]
        frames = []
        for layer in layers:
            kw = {"encoding": encoding.upper()} if encoding else {}
            frame = pyogrio.read_dataframe(path, layer=layer, **kw)
            if len(frame) and frame.geometry.notna().any():
                frames.append(frame)
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError, OSError) as exc:
        raise _fail(name, f"cannot read the {kind} file: {lim.clip(exc, 200)}", "bnd_unreadable", kind=kind) from None
    except (shapely.errors.GEOSException, ValueError) as exc:  # e.g. a ring of NaN coordinates cannot be built
        problem = f"cannot read the {kind} file: a geometry is malformed ({lim.clip(exc, 200)})"
        raise _fail(name, problem, "bnd_unreadable", kind=kind) from None
    if not frames:
        raise _fail(name, "the file holds no features with geometry", "bnd_no_features")
    crs = frames[0].crs
    if any(f.crs != crs for f in frames):
        problem = f"the layers {layers} are in different coordinate systems; keep one layer"
        raise _fail(name, problem, "bnd_unreadable", kind=kind)
    out = pd.concat([f.set_crs(crs, allow_override=True) for f in frames], ignore_index=True)
    return gpd.GeoDataFrame(out, geometry="geometry", crs=crs)


def _members(zf: zipfile.ZipFile, name: str, max_bytes: int) -> dict[str, zipfile.ZipInfo]:
    infos = [i for i in zf.infolist() if not i.is_dir() and not i.filename.startswith("__MACOSX/")]
    return {PurePosixPath(i.filename).name.lower(): i for i in infos}


def _read_shapefile(
    zf: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], name: str, encoding: str | None
) -> RawBoundaries:
    shps = sorted(m for m in members if m.endswith(".shp"))
    if len(shps) > 1:
        raise _fail(name, f"the zip holds several Shapefiles {shps}; zip one", "bnd_several_shp", names=Listed(shps))
    stem = shps[0][:-4]
    missing = [stem + ext for ext in (".shx", ".dbf") if stem + ext not in members]
    if missing:
        raise _fail(
            name, f"the Shapefile lacks {missing}; zip .shp, .shx, .dbf, .prj and .cpg together", "bnd_shp_parts"
        )
    parts = {
        ext: zf.read(members[stem + ext]) for ext in (".shp", ".shx", ".dbf", ".prj", ".cpg") if stem + ext in members
    }
    source = "user"
    if encoding is None:
        cpg = _cpg_encoding(parts.get(".cpg"))
        detected = dbf_encoding(parts[".dbf"])
        # a .cpg is trusted unless the bytes contradict it (UTF-8 declared, not decodable)
        encoding, source = (
            (cpg, "cpg") if cpg and not (cpg == "utf-8" and detected != "utf-8") else (detected, "detected")
        )
    elif encoding not in ENCODINGS:
        raise _fail(name, f"unknown encoding {encoding!r}; choose one of {list(ENCODINGS)}", "bnd_bad_encoding")
    with scratch() as tmp:
        for ext, data in parts.items():
            if ext != ".cpg":  # the chosen encoding is passed explicitly
                (tmp / f"layer{ext}").write_bytes(data)
        frame = _read(tmp / "layer.shp", name, "Shapefile", encoding)
    return RawBoundaries(name, "shapefile", frame, encoding, source)


def _read_zip(data: bytes, name: str, encoding: str | None, max_bytes: int) -> RawBoundaries:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            members = _members(zf, name, max_bytes)
            if any(m.endswith(".shp") for m in members):
                return _read_shapefile(zf, members, name, encoding)
            inner = [m for m in members if m.endswith((".geojson", ".json", ".gpkg", ".kml"))]
            if len(inner) != 1:
                raise _fail(name, "the zip holds no .shp (nor one GeoJSON, GeoPackage or KML)", "bnd_zip_empty")
            return _read_bytes(zf.read(members[inner[0]]), inner[0], name, max_bytes)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as exc:
        raise _fail(name, f"not a readable zip archive ({exc})", "bnd_bad_zip") from None


def _read_bytes(data: bytes, inner: str, name: str, max_bytes: int) -> RawBoundaries:
    suffix = PurePosixPath(inner).suffix.lower()
    kind = {".geojson": "geojson", ".json": "geojson", ".gpkg": "gpkg", ".kml": "kml"}[suffix]
    if kind == "kml" and not {"KML", "LIBKML"} & set(pyogrio.list_drivers()):
        return RawBoundaries(name, kind, read_kml_xml(data, name))
    with scratch() as tmp:
        path = tmp / f"upload{suffix}"
        path.write_bytes(data)
        frame = _read(path, name, kind)
    if kind == "kml":
        frame = frame.set_crs("EPSG:4326", allow_override=True)  # KML is WGS-84 lon/lat by definition
    return RawBoundaries(name, kind, frame)


def _read_kmz(data: bytes, name: str, max_bytes: int) -> RawBoundaries:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            members = _members(zf, name, max_bytes)
            kmls = sorted(m for m in members if m.endswith(".kml"))
            if not kmls:
                raise _fail(name, "the KMZ holds no .kml document", "bnd_zip_empty")
            doc = "doc.kml" if "doc.kml" in kmls else kmls[0]
            return _read_bytes(zf.read(members[doc]), doc, name, max_bytes)
    except (zipfile.BadZipFile, EOFError) as exc:
        raise _fail(name, f"not a readable KMZ (zip) archive ({exc})", "bnd_bad_zip") from None


def check_size(file_name: str, size: int, max_bytes: int = MAX_BYTES) -> None:
    """Refuse a file over the limit, stating both sizes."""
    if size > max_bytes:
        mb, limit = round(size / 1e6, 1), round(max_bytes / 1e6)
        raise BoundaryFileTooLarge(
            file_name,
            [f"file is {mb} MB; the limit is {limit} MB"],
            "bnd_too_large",
            {"file": file_name, "size_mb": mb, "limit_mb": limit},
        )


def check_upload(file_name: str, data: bytes | Path, max_bytes: int = MAX_BYTES) -> None:
    """Refuse a boundary file over the limits of sq_layout.upload_limits (bytes; zips: unpacked sizes)."""
    size = len(data) if isinstance(data, bytes) else Path(data).stat().st_size
    check_size(file_name, size, max_bytes)
    try:
        lim.check_upload(file_name, data, "boundary")
    except UploadTooLarge as exc:
        if exc.key == "lim_bad_zip":
            raise _fail(file_name, exc.problems[0], "bnd_bad_zip") from None
        raise BoundaryFileTooLarge(file_name, exc.said, exc.key, exc.params) from None


def read_upload(
    file_name: str, data: bytes, *, encoding: str | None = None, max_bytes: int = MAX_BYTES
) -> RawBoundaries:
    """Read an uploaded file by its suffix; refuse oversized, unknown or unreadable files with the reason."""
    check_upload(file_name, data, max_bytes)
    suffix = PurePosixPath(file_name).suffix.lower()
    if suffix not in SUFFIXES:
        raise BoundaryImportError(
            file_name,
            [f"unsupported file type {suffix or '(none)'!r}; expected one of {list(SUFFIXES)} (a Shapefile zipped)"],
            "bnd_bad_suffix",
            {"file": file_name, "suffix": suffix or "—", "choices": " ".join(SUFFIXES)},
        )
    if suffix == ".zip":
        raw = _read_zip(data, file_name, encoding, max_bytes)
    elif suffix == ".kmz":
        raw = _read_kmz(data, file_name, max_bytes)
    else:
        raw = _read_bytes(data, file_name, file_name, max_bytes)
    try:
        lim.check_rows(file_name, len(raw.frame), "boundary")
        lim.check_columns(file_name, len(raw.frame.columns), "boundary")
    except UploadTooLarge as exc:
        raise BoundaryFileTooLarge(file_name, exc.said, exc.key, exc.params) from None
    return raw
