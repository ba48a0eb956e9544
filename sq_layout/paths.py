"""Where the bundled data lives."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# SQ_LAYOUT_GEODATA points the app at another data directory of the same layout (plan/, boundaries/).
GEODATA = Path(os.environ.get("SQ_LAYOUT_GEODATA") or ROOT / "geodata")
PLAN_DIR = GEODATA / "plan"
BOUNDARY_DIR = GEODATA / "boundaries"
OFFICIAL_DIR = BOUNDARY_DIR / "official"
PLAN_TEXT = PLAN_DIR / "plan_text.txt"
