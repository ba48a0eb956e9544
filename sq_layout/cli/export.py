"""`export`: one static map as PNG, SVG or PDF (format from the -o suffix)."""

from __future__ import annotations

import argparse
from pathlib import Path

from sq_layout.atomic import write_bytes
from sq_layout.cli import common, fonts
from sq_layout.cli.speak import say
from sq_layout.export.registry import Request, formats
from sq_layout.i18n.lang import Listed

NAME = "export"
HELP = "h_export"


def describe() -> str:
    """The command's help in the reader's language, with the formats it writes."""
    return say(HELP, formats=Listed(f.label for f in formats("map")))


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Selection, page, DPI, title and output."""
    common.dataset_options(p)
    common.selection_options(p)
    common.page_options(p, "landscape")
    p.add_argument("--dpi", type=common.positive_dpi, default=300, help=say("h_dpi_map"))
    p.add_argument("--title", help=say("h_map_title"))
    suffixes = Listed(f.suffix for f in formats("map"))
    p.add_argument("-o", "--output", required=True, type=Path, help=say("h_output_kinds", kinds=suffixes))


def run(a: argparse.Namespace) -> None:
    """Render the map and write it atomically."""
    from sq_layout.printing.printmap import PrintSpec, check_dpi

    fmt = common.output(a.output, "map")
    check_dpi(a.dpi)
    ds = common.dataset(a)
    sel, area = common.selection(ds, a)
    spec = PrintSpec(a.paper, a.orientation, a.dpi, a.lang, a.title)
    if fmt.suffix == ".pdf":
        fonts.ready_first(a.lang)
    print(write_bytes(a.output, fmt.write(Request(ds, sel, area, a.lang, spec=spec))))
