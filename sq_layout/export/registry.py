"""Every export format in one table (suffix, MIME type, label, writer), read by the command line and the app.

Adding a format is one entry here: the CLI's `-o` suffix check, its help text and the app's choices follow.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sq_layout.analysis.queries import Selection
from sq_layout.errors import UnknownValue
from sq_layout.i18n import Lang
from sq_layout.plan.dataset import Dataset

if TYPE_CHECKING:
    from sq_layout.printing.printmap import PrintSpec


@dataclass(frozen=True)
class Request:
    """What to export: the dataset, the view (selection, area, language) and, for maps, the page."""

    ds: Dataset
    sel: Selection
    area: str | None
    lang: Lang
    whole: bool = False
    spec: PrintSpec | None = None
    table: str | None = None


@dataclass(frozen=True)
class Format:
    """One export format: its id, file suffix (with dot), MIME type, label, writer and kind (map or data)."""

    id: str
    suffix: str
    mime: str
    label: str
    kind: str
    write: Callable[[Request], bytes]
    one_table: bool = False  # writes a single table (refused when the view has several and none is named)


def _map(fmt: str) -> Callable[[Request], bytes]:
    def write(r: Request) -> bytes:
        from sq_layout.printing.printmap import PrintSpec, map_bytes

        return map_bytes(r.ds, r.sel, r.area, r.spec or PrintSpec(lang=r.lang), fmt)

    return write


def _data(fmt: str) -> Callable[[Request], bytes]:
    def write(r: Request) -> bytes:
        from sq_layout.export.dataexport import export_bytes

        return export_bytes(fmt, r.ds, r.sel, r.area, r.lang, r.whole, r.table)

    return write


FORMATS: tuple[Format, ...] = (
    Format("png", ".png", "image/png", "PNG", "map", _map("png")),
    Format("svg", ".svg", "image/svg+xml", "SVG", "map", _map("svg")),
    Format("pdf", ".pdf", "application/pdf", "PDF", "map", _map("pdf")),
    Format(
        "xlsx",
        ".xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "XLSX",
        "data",
        _data("xlsx"),
    ),
    Format("zip", ".zip", "application/zip", "CSV (zip)", "data", _data("zip")),
    Format("csv", ".csv", "text/csv", "CSV", "data", _data("csv"), one_table=True),
    Format("geojson", ".geojson", "application/geo+json", "GeoJSON", "data", _data("geojson")),
    Format("gpkg", ".gpkg", "application/geopackage+sqlite3", "GeoPackage", "data", _data("gpkg")),
)


def formats(kind: str) -> list[Format]:
    """The formats of one kind ('map' or 'data'), in menu order."""
    return [f for f in FORMATS if f.kind == kind]


def by_id(fmt: str) -> Format:
    """The format with this id."""
    for f in FORMATS:
        if f.id == fmt:
            return f
    raise UnknownValue("format", fmt, [f.id for f in FORMATS])


def for_path(path: str, kind: str) -> Format:
    """The format a file name asks for by its suffix, or UnknownValue listing the suffixes of that kind."""
    suffix = "." + path.rsplit(".", 1)[-1].lower() if "." in path.rsplit("/", 1)[-1] else ""
    for f in formats(kind):
        if f.suffix == suffix:
            return f
    raise UnknownValue("file type", suffix or path, [f.suffix for f in formats(kind)])


def mime(file_name: str) -> str:
    """The MIME type for a file name (octet-stream when unknown)."""
    suffix = "." + file_name.rsplit(".", 1)[-1].lower()
    return next((f.mime for f in FORMATS if f.suffix == suffix), "application/octet-stream")
