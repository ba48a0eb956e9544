"""What the page scan counts as a finding: the raw values and field names, the patterns of help text and reprs, what
may stand in the other language, and the findings themselves."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sq_layout.analysis.compare import STATUSES
from sq_layout.i18n import LABELS
from sq_layout.paths import ROOT
from sq_layout.plan.dataset import bundled

DS = bundled()
AREA_IDS = set(DS.areas["area_id"])
# values that are a code, not a word: ids of areas, the data's codes, and what pandas prints for a missing value
RAW_VALUES = AREA_IDS | {k for k in LABELS if k.isascii()} | set(STATUSES)
RAW_VALUES |= {
    "None",
    "nan",
    "NaN",
    "<NA>",
    "NaT",
    "null",
    "no_data",
    "on_track",
    "behind",
    "link",
    "area",
    "wgs84",
    "gcj02",
    "bd09",
}
FIELD_NAME = re.compile(r"[a-z][a-z0-9]*(_[a-z0-9]+)*")  # a header in lower case with underscores: a column's name
SNAKE = re.compile(r"(?<![\w./=-])[a-z][a-z0-9]*(_[a-z0-9]+)+(?![\w./=-])")  # chain_no, label_en in running text
SEPARATORS = re.compile(r"[、,，;；\s]+")
REPR = re.compile(r"Help on |<bound method|<function |object at 0x[0-9a-f]+|\bDataFrame\(|DeltaGenerator|Docstring")
PLAN_TEXT = (ROOT / "geodata/plan/plan_text.txt").read_text("utf-8")
URL = re.compile(r"https?://\S+")
# file formats a reader picks by name
FORMATS = re.compile(r"\b(Excel|TXT|ZIP|JSON|GeoJSON|GeoPackage|KML|KMZ|Shapefile|GPKG|GEOJSON|csv|xlsx|zip)\b")
# Streamlit's own widget texts in English that its API cannot change; the pages put their own label beside them
WIDGET_TEXT = re.compile(r"Drag and drop files? here|Limit \d+MB per file.*|Browse files|Upload")

KIND_EXCEPTION, KIND_REPR, KIND_HEADER, KIND_VALUE = "exception", "help/repr", "raw header", "raw value"
KIND_LANG, KIND_CUT, KIND_FOLD, KIND_URL = "other language", "cut label", "below the fold", "language not in URL"
KIND_HELP = "help link or guide"


@dataclass(frozen=True)
class Finding:
    """One thing a reader should not see, where it was seen."""

    viewport: str
    lang: str
    page: str
    view: str
    kind: str
    detail: str

    def __str__(self) -> str:
        return f"{self.viewport} {self.lang} {self.page}/{self.view}: {self.kind}: {self.detail}"


@dataclass
class Scan:
    """The scan's findings and where it is."""

    viewport: str
    lang: str = "zh"
    page: str = ""
    findings: list[Finding] = field(default_factory=list)
    views: int = 0

    def add(self, view: str, kind: str, detail: str) -> None:
        """Record a finding (once per page, view, kind and detail)."""
        f = Finding(self.viewport, self.lang, self.page, view, kind, detail[:160])
        if f not in self.findings:
            self.findings.append(f)
