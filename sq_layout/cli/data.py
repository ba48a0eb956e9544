"""`data`: the current selection or the whole dataset as CSV, a CSV zip, XLSX, GeoJSON or GeoPackage."""

from __future__ import annotations

import argparse
from pathlib import Path

from sq_layout.atomic import write_bytes
from sq_layout.cli import common
from sq_layout.export.registry import Request, formats

NAME = "data"
HELP = "data as " + ", ".join(f"{f.label} ({f.suffix})" for f in formats("data")) + "; format from the -o suffix"


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Selection, --all, --table and output."""
    common.dataset_options(p)
    common.selection_options(p)
    p.add_argument("--all", action="store_true", help="the whole dataset instead of the selection")
    p.add_argument("--table", help="for .csv: which table to write (a .csv holds one)")
    p.add_argument("-o", "--output", required=True, type=Path)


def run(a: argparse.Namespace) -> None:
    """Export and write atomically."""
    fmt = common.output(a.output, "data")
    ds = common.dataset(a)
    sel, area = common.selection(ds, a)
    common.require_selection(sel, area, a.all)
    print(write_bytes(a.output, fmt.write(Request(ds, sel, area, a.lang, whole=a.all, table=a.table))))
