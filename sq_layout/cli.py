"""Command line: `python -m sq_layout export|atlas|data|audit` (see README)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from sq_layout.analysis.queries import Selection, validate_selection
from sq_layout.cli_edit import add_edit_parsers
from sq_layout.cli_workspace import add_workspace_parser, dataset_for, run_workspace, version_options
from sq_layout.errors import DataError


def _selection_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--tier", action="append", default=[], choices=["dominant", "leading"])
    p.add_argument("--industry", action="append", default=[], help="industry id, e.g. pv (geodata/plan/industries.csv)")
    p.add_argument("--sub", action="append", default=[], help="sub-industry id, e.g. liquor")
    p.add_argument("--chain", action="append", default=[], type=int, help="表十一 chain number 1–20")
    p.add_argument("--area", help="highlight an area, e.g. sihong")
    p.add_argument("--lang", default="zh", choices=["zh", "en"])


def _page_args(p: argparse.ArgumentParser, orientation: str) -> None:
    p.add_argument("--paper", default="a4", choices=["a4", "a3"])
    p.add_argument("--orientation", default=orientation, choices=["portrait", "landscape"])


def _selection(a: argparse.Namespace) -> Selection:
    sel = Selection(tuple(a.tier), tuple(a.industry), tuple(a.sub), tuple(a.chain))
    validate_selection(dataset_for(a), sel)
    if a.area and a.area not in set(dataset_for(a).areas["area_id"]):
        raise KeyError(f"unknown area: {a.area}")
    return sel


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for all subcommands."""
    parser = argparse.ArgumentParser(prog="python -m sq_layout", description="sq-layout: Suqian industrial layout")
    sub = parser.add_subparsers(dest="command", required=True)
    e = sub.add_parser("export", help="one static map as PNG, SVG or PDF (format from the -o suffix)")
    _selection_args(e)
    _page_args(e, "landscape")
    e.add_argument("--dpi", type=int, default=300)
    e.add_argument("--title", help="map title (default: generated from the selection)")
    e.add_argument("-o", "--output", required=True, type=Path)
    at = sub.add_parser("atlas", help="the report pack: PDF + PNG pages (overview, 9 industries, 20 chains, 9 areas)")
    _page_args(at, "portrait")
    at.add_argument("--lang", default="zh", choices=["zh", "en"])
    at.add_argument("--dpi", type=int, default=150, help="PNG resolution (the PDF is vector)")
    at.add_argument("--no-png", action="store_true")
    at.add_argument("-o", "--output", required=True, type=Path, help="atlas folder (replaced only when complete)")
    d = sub.add_parser("data", help="data as CSV (zip), XLSX, GeoJSON or GeoPackage (format from the -o suffix)")
    _selection_args(d)
    d.add_argument("--all", action="store_true", help="the whole dataset instead of the selection")
    d.add_argument("-o", "--output", required=True, type=Path)
    au = sub.add_parser("audit", help="print the plan's internal inconsistencies and target discrepancies")
    au.add_argument("--lang", default="zh", choices=["zh", "en"])
    au.add_argument("--xlsx", type=Path, help="also write them to an Excel workbook")
    for p in (e, at, d, au):
        version_options(p)
    add_workspace_parser(sub)
    add_edit_parsers(sub)
    return parser


def _export(a: argparse.Namespace) -> None:
    from sq_layout.printing.printmap import PrintSpec, render_map, save_figure

    spec = PrintSpec(a.paper, a.orientation, a.dpi, a.lang, a.title)
    fig = render_map(dataset_for(a), _selection(a), a.area, spec)
    print(save_figure(fig, a.output))


def _atlas(a: argparse.Namespace) -> None:
    from tqdm import tqdm

    from sq_layout.printing.atlas import build_atlas
    from sq_layout.printing.printmap import PrintSpec

    bar = tqdm(total=39, unit="page")

    def progress(i: int, n: int, title: str) -> None:
        bar.total = n
        bar.set_postfix_str(title[:30])
        bar.update(1)

    out = build_atlas(
        dataset_for(a), a.output, PrintSpec(a.paper, a.orientation, a.dpi, a.lang), not a.no_png, progress
    )
    bar.close()
    print(out / "atlas.pdf")


def _data(a: argparse.Namespace) -> None:
    from sq_layout.export.dataexport import DATA_FORMATS, export_bytes

    fmt = {"zip": "csv"}.get(a.output.suffix.lstrip(".").lower(), a.output.suffix.lstrip(".").lower())
    if fmt not in DATA_FORMATS:
        raise SystemExit(f"unknown format {a.output.suffix!r}: use .zip/.csv, .xlsx, .geojson or .gpkg")
    a.output.write_bytes(export_bytes(fmt, dataset_for(a), _selection(a), a.area, a.lang, a.all))
    print(a.output)


def _audit(a: argparse.Namespace) -> None:
    from sq_layout.export.audit_report import print_audit

    print_audit(dataset_for(a), a.lang, a.xlsx)


def main(argv: Sequence[str] | None = None) -> int:
    """Run a subcommand; bad input ends with a one-line message and exit code 2."""
    args = build_parser().parse_args(argv)
    commands = {"export": _export, "atlas": _atlas, "data": _data, "audit": _audit, "workspace": run_workspace}
    if hasattr(args, "func"):  # users, and the editing subcommands of workspace (sq_layout/cli_edit.py)
        commands[args.command] = args.func
    try:
        commands[args.command](args)
    except (DataError, KeyError, ValueError) as exc:
        print(f"error: {exc.args[0] if isinstance(exc, KeyError) else exc}", file=sys.stderr)
        return 2
    return 0
