"""`atlas`: the report pack (an overview, a page per industry, chain and area) as a PDF and PNG pages."""

from __future__ import annotations

import argparse
from pathlib import Path

from sq_layout.cli import common, fonts
from sq_layout.cli.speak import say

NAME = "atlas"
HELP = "h_atlas"


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Page, language, DPI, PNG switch and output."""
    common.dataset_options(p)
    common.page_options(p, "portrait")
    common.lang_option(p)
    p.add_argument("--dpi", type=common.positive_dpi, default=150, help=say("h_dpi_atlas"))
    p.add_argument("--no-png", action="store_true", help=say("h_no_png"))
    p.add_argument(
        "-o",
        "--output",
        required=True,
        type=Path,
        help=say("h_atlas_output"),
    )


def run(a: argparse.Namespace) -> None:
    """Build the atlas with a progress bar."""
    from tqdm import tqdm

    from sq_layout.printing.atlas import build_atlas, page_count
    from sq_layout.printing.printmap import PrintSpec, check_dpi

    check_dpi(a.dpi)
    ds = common.dataset(a)
    spec = PrintSpec(a.paper, a.orientation, a.dpi, a.lang)
    fonts.ready_first(a.lang)
    bar = tqdm(total=page_count(ds, spec), unit="page")

    def progress(i: int, n: int, title: str) -> None:
        bar.set_postfix_str(title[:30])
        bar.update(i - bar.n)

    try:
        out = build_atlas(ds, a.output, spec, not a.no_png, progress)
    finally:
        bar.close()
    print(out)
