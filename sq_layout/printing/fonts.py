"""CJK fonts for matplotlib: Noto Sans CJK SC Regular (the noto-cjk-sans-otc package, OFL) and Bold (fonts-noto-cjk).

PNG and SVG use the collections as they are. PDFs use the same faces converted to TrueType outlines
(sq_layout.printing.fontprep, prepared once per machine and cached), so every reader draws them and the text stays
searchable; titles are set in the Bold face. Text is set in the faces cut down to the characters the app prints
(small, so each PDF's font subsetting is quick), falling back to the whole faces for any other character.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import matplotlib
from matplotlib import font_manager

from sq_layout.cache import PER_PROCESS, cached
from sq_layout.printing.fontprep import FAMILY, PDF_FAMILY, PRINT_FAMILY, bold_source, prepare, regular_source


@cached(1, key=PER_PROCESS)
def use_cjk_font() -> str:
    """Register Noto Sans CJK (Regular and, where installed, Bold) with matplotlib once and make it the default
    sans-serif; return its family."""
    font_manager.fontManager.addfont(str(regular_source()))
    bold = bold_source()
    if bold is not None:
        font_manager.fontManager.addfont(str(bold))
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["font.sans-serif"] = [FAMILY, "DejaVu Sans"]
    matplotlib.rcParams["axes.unicode_minus"] = False
    matplotlib.rcParams["text.parse_math"] = False  # names are plain text, never mathtext ($…$)
    matplotlib.rcParams["svg.fonttype"] = "path"  # SVGs carry glyph outlines, readable without the font
    matplotlib.rcParams["pdf.fonttype"] = 42  # embed TrueType outlines so PDF text stays selectable
    return FAMILY


@cached(1, key=PER_PROCESS)
def use_pdf_font() -> str:
    """Make the TrueType-outline faces the default from now on (same glyphs and metrics); return their family.

    Waits for the fonts' preparation if it is not done (≈ 1 min a face, once per machine). Set once and never
    restored, so concurrent renders (two app sessions) never see the font switch under them.
    """
    use_cjk_font()
    for path in prepare():
        font_manager.fontManager.addfont(str(path))
    # A list of families, not the generic sans-serif (which resolves to one font): matplotlib takes each glyph from
    # the first family that has it, so a character outside the cut-down faces comes from the whole ones. Two only:
    # every text's font lookup asks each family (≈ 15 % of a long bulletin's drawing with three).
    matplotlib.rcParams["font.family"] = [PRINT_FAMILY, PDF_FAMILY]
    matplotlib.rcParams["font.sans-serif"] = [PRINT_FAMILY, PDF_FAMILY, FAMILY, "DejaVu Sans"]
    # matplotlib sizes a PDF's font subsets by ps.fonttype: Type 3's 256 would embed a face once per 256 characters
    # (and subset it that often); Type 42's 65,536 embeds it once. No PostScript is written here.
    matplotlib.rcParams["ps.fonttype"] = 42
    return PRINT_FAMILY


@contextlib.contextmanager
def pdf_fonts() -> Iterator[None]:
    """Within this block text is set in the TrueType-outline faces, so PDFs render in every reader."""
    use_pdf_font()
    yield
