"""Where the bundled data lives."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GEODATA = ROOT / "geodata"
PLAN_DIR = GEODATA / "plan"
BOUNDARY_DIR = GEODATA / "boundaries"
OFFICIAL_DIR = BOUNDARY_DIR / "official"
PLAN_TEXT = PLAN_DIR / "plan_text.txt"
