"""The guides' pictures from the page scan's screenshots, scaled to 1080 px wide and reduced to 96 colours.

Run the page scan first (`python -m pytest -q tests/browser/test_page_scan.py -p no:cacheprovider`), then
`python -m scripts.docs_pictures`; it writes every picture of PICTURES into docs/ and says which shots are missing.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "test-artifacts" / "page-scan" / "1440x900"
DOCS = ROOT / "docs"
WIDTH = 1080
COLOURS = 96
# docs/ picture: (language, page-scan shot). A guide's English half that wants its own picture adds one in "en".
PICTURES: dict[str, tuple[str, str]] = {
    "tour-map.png": ("zh", "map-first"),
    "tour-area.png": ("zh", "map-area-first"),
    "tour-audit.png": ("zh", "audit-first"),
    "guide-investment.png": ("zh", "investment-r0o0"),
}


def shot(lang: str, name: str, shots: Path = SHOTS) -> Path:
    """Where the page scan saves a shot."""
    return shots / lang / f"{name}.png"


def make(source: Path, dest: Path, width: int = WIDTH, colours: int = COLOURS) -> None:
    """One picture: `source` scaled to `width` pixels wide (kept as is when narrower) and reduced to `colours`."""
    from PIL import Image

    with Image.open(source) as img:
        rgb = img.convert("RGB")
    if rgb.width > width:
        rgb = rgb.resize((width, round(rgb.height * width / rgb.width)), Image.Resampling.LANCZOS)
    small = rgb.quantize(colors=colours, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    dest.parent.mkdir(parents=True, exist_ok=True)
    small.save(dest, optimize=True)


def main(shots: Path = SHOTS, docs: Path = DOCS) -> int:
    """Write every picture; 1 (and the shots missing) when the page scan has not made them all."""
    missing = [str(shot(lang, name, shots)) for lang, name in PICTURES.values() if not shot(lang, name, shots).exists()]
    if missing:
        print("missing page-scan shots (run tests/browser/test_page_scan.py first):", *missing, sep="\n  ")
        return 1
    for picture, (lang, name) in PICTURES.items():
        make(shot(lang, name, shots), docs / picture)
        print(f"{docs / picture}  ({(docs / picture).stat().st_size // 1000} KB, from {lang}/{name})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
