"""`export`: one static map as PNG, SVG or PDF (format from the -o suffix)."""

from __future__ import annotations

import argparse
from pathlib import Path

from sq_layout.atomic import write_bytes
from sq_layout.cli import common, fonts
from sq_layout.export.registry import Request, formats

NAME = "export"
HELP = "one static map as " + ", ".join(f.label for f in formats("map")) + " (format from the -o suffix)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Selection, page, DPI, title and output."""
    common.dataset_options(p)
    common.selection_options(p)
    common.page_options(p, "landscape")
    p.add_argument("--dpi", type=common.positive_dpi, default=300, help="PNG resolution, 30–1200 (default 300)")
    p.add_argument("--title", help="map title (default: generated from the selection)")
    suffixes = ", ".join(f.suffix for f in formats("map"))
    p.add_argument("-o", "--output", required=True, type=Path, help=f"file to write ({suffixes})")


def run(a: argparse.Namespace) -> None:
    """Render the map and write it atomically."""
    from sq_layout.printing.fontprep import ready
    from sq_layout.printing.printmap import PrintSpec, check_dpi

    fmt = common.output(a.output, "map")
    check_dpi(a.dpi)
    ds = common.dataset(a)
    sel, area = common.selection(ds, a)
    spec = PrintSpec(a.paper, a.orientation, a.dpi, a.lang, a.title)
    if fmt.suffix == ".pdf" and not ready():
        print("preparing the PDF fonts first (once per machine; `python -m sq_layout fonts` does it alone)")
        fonts.prepare_with_bar()
    print(write_bytes(a.output, fmt.write(Request(ds, sel, area, a.lang, spec=spec))))
