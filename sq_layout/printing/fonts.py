"""A CJK font for matplotlib from the noto-cjk-sans-otc package (OFL): no system font assumed."""

from __future__ import annotations

from functools import lru_cache

import matplotlib
import noto_cjk_sans_otc
from matplotlib import font_manager

FAMILY = "Noto Sans CJK SC"


@lru_cache(maxsize=1)
def use_cjk_font() -> str:
    """Register Noto Sans CJK with matplotlib once and make it the default sans-serif; return its family."""
    font_manager.fontManager.addfont(noto_cjk_sans_otc.FONT_PATH)
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["font.sans-serif"] = [FAMILY, "DejaVu Sans"]
    matplotlib.rcParams["axes.unicode_minus"] = False
    matplotlib.rcParams["svg.fonttype"] = "path"  # SVGs carry glyph outlines, readable without the font
    matplotlib.rcParams["pdf.fonttype"] = 42  # embed TrueType outlines so PDF text stays selectable
    return FAMILY
