"""`data`: the current selection or the whole dataset as CSV, a CSV zip, XLSX, GeoJSON or GeoPackage."""

from __future__ import annotations

import argparse
from pathlib import Path

from sq_layout.atomic import write_bytes
from sq_layout.cli import common
from sq_layout.cli.speak import say
from sq_layout.export.registry import Request, formats
from sq_layout.i18n.lang import Listed

NAME = "data"
HELP = "h_data"


def describe() -> str:
    """The command's help in the reader's language, with the formats it writes."""
    return say(HELP, formats=Listed(f"{f.label} ({f.suffix})" for f in formats("data")))


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Selection, --all, --table and output."""
    common.dataset_options(p)
    common.selection_options(p)
    p.add_argument("--all", action="store_true", help=say("h_all"))
    p.add_argument("--table", help=say("h_data_table"))
    p.add_argument("-o", "--output", required=True, type=Path, help=say("h_output"))


def run(a: argparse.Namespace) -> None:
    """Export and write atomically."""
    fmt = common.output(a.output, "data")
    ds = common.dataset(a)
    sel, area = common.selection(ds, a)
    common.require_selection(sel, area, a.all)
    print(write_bytes(a.output, fmt.write(Request(ds, sel, area, a.lang, whole=a.all, table=a.table))))
