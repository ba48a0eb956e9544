"""CJK fonts for matplotlib from the noto-cjk-sans-otc package (OFL): no system font assumed.

PDF readers need TrueType (glyf) outlines in a CIDFontType2 font, which is what matplotlib embeds; Noto Sans CJK
ships CFF outlines, which MuPDF cannot draw and poppler warns about. So for PDFs the SC face is converted once to
quadratic TrueType outlines (fontTools cu2qu) under a distinct family name and cached in the user's cache folder.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import matplotlib
import noto_cjk_sans_otc
from matplotlib import font_manager

FAMILY = "Noto Sans CJK SC"
PDF_FAMILY = "SQ Noto Sans CJK SC TT"  # the converted face; renamed so it is never confused with the CFF one
SC_INDEX = 2  # Noto Sans CJK SC in the collection
_CONVERTER_VERSION = 1


@lru_cache(maxsize=1)
def use_cjk_font() -> str:
    """Register Noto Sans CJK with matplotlib once and make it the default sans-serif; return its family."""
    font_manager.fontManager.addfont(noto_cjk_sans_otc.FONT_PATH)
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["font.sans-serif"] = [FAMILY, "DejaVu Sans"]
    matplotlib.rcParams["axes.unicode_minus"] = False
    matplotlib.rcParams["text.parse_math"] = False  # names are plain text, never mathtext ($…$)
    matplotlib.rcParams["svg.fonttype"] = "path"  # SVGs carry glyph outlines, readable without the font
    matplotlib.rcParams["pdf.fonttype"] = 42  # embed TrueType outlines so PDF text stays selectable
    return FAMILY


def cache_dir() -> Path:
    """Where derived fonts are kept: $SQ_LAYOUT_CACHE, else $XDG_CACHE_HOME/sq-layout, else ~/.cache/sq-layout."""
    env = os.environ.get("SQ_LAYOUT_CACHE")
    if env:
        return Path(env)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "sq-layout"


def convert_to_truetype(src: str | Path, index: int, dst: Path) -> Path:
    """Write face `index` of an OpenType/CFF collection as a glyf-outline TrueType font under PDF_FAMILY."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    from sq_layout.atomic import atomic_path

    font = TTFont(str(src), fontNumber=index, lazy=True)
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(None)
        glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs"):
        setattr(maxp, field, 0)
    for field in ("maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0
    font.sfntVersion = "\x00\x01\x00\x00"
    for rec in font["name"].names:
        if rec.nameID in (1, 3, 4, 16):
            rec.string = rec.toUnicode().replace(FAMILY, PDF_FAMILY)
        elif rec.nameID == 6:
            rec.string = "SQNotoSansCJKscTT-Regular"
    dst.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(dst) as tmp:
        font.save(str(tmp))
    return dst


_LOCK = threading.Lock()


def pdf_font_path() -> Path:
    """The converted TrueType SC face (built on first use, ≈ 1 min, then cached)."""
    src = Path(noto_cjk_sans_otc.FONT_PATH)
    dst = cache_dir() / f"NotoSansCJKsc-Regular-glyf-v{_CONVERTER_VERSION}-{src.stat().st_size}.ttf"
    with _LOCK:
        if not dst.exists():
            convert_to_truetype(src, SC_INDEX, dst)
    return dst


@lru_cache(maxsize=1)
def use_pdf_font() -> str:
    """Make the TrueType-outline face the default from now on (same glyphs and metrics); return its family.

    Set once and never restored, so concurrent renders (two app sessions) never see the font switch under them.
    """
    use_cjk_font()
    font_manager.fontManager.addfont(str(pdf_font_path()))
    matplotlib.rcParams["font.sans-serif"] = [PDF_FAMILY, FAMILY, "DejaVu Sans"]
    return PDF_FAMILY


@contextlib.contextmanager
def pdf_fonts() -> Iterator[None]:
    """Within this block text is set in the TrueType-outline face, so PDFs render in every reader."""
    use_pdf_font()
    yield


if __name__ == "__main__":
    print(pdf_font_path())
