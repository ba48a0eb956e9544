"""`invest`: the investment records' exports: `invest report` (the year's target progress) and `invest bulletin`
(the month's 通报), each as XLSX or PDF by the -o suffix, from a workspace version's records (or `--demo`)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sq_layout.cli import common

NAME = "invest"
HELP = "investment exports: `invest report --year 2025 -o r.xlsx|pdf`, `invest bulletin --month 2025-11 -o b.pdf|xlsx`"
SUFFIXES = (".xlsx", ".pdf")


def _year(text: str) -> int:
    """A year 2000–2100 (argparse type)."""
    try:
        year = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a year: {text[:20]!r}; write e.g. 2025") from None
    if not 2000 <= year <= 2100:
        raise argparse.ArgumentTypeError(f"year {year} out of range 2000–2100")
    return year


def _month(text: str) -> str:
    """A month YYYY-MM (argparse type)."""
    value = common.iso_date(text)
    if len(value) != 7:
        raise argparse.ArgumentTypeError(f"not a month: {text[:20]!r}; write YYYY-MM (e.g. 2025-11)")
    return value


def add_arguments(p: argparse.ArgumentParser) -> None:
    """`report` and `bulletin`, each with the workspace options, --lang, --demo and -o."""
    sub = p.add_subparsers(dest="what", required=True, metavar="report|bulletin")
    report = sub.add_parser("report", help="the year's 个十百千 / stage / 表十一 progress")
    report.add_argument("--year", type=_year, help="year (default: the latest with data in 2021–2025, else 2025)")
    bulletin = sub.add_parser("bulletin", help="the month's 通报: moves, pace, by area and chain, new target firms")
    bulletin.add_argument("--month", type=_month, required=True, help="month, YYYY-MM")
    for q in (report, bulletin):
        common.dataset_options(q)
        common.lang_option(q)
        q.add_argument("--demo", action="store_true", help="the fictional demo set (示例) instead of the workspace's")
        q.add_argument("-o", "--output", required=True, type=Path, help="file to write (.xlsx or .pdf)")


def _records(a: argparse.Namespace) -> tuple[Any, Any, list[Any]]:
    """The Dataset, the records and their change log (none for the demo set)."""
    from sq_layout import workspace
    from sq_layout.invest.demo import demo_data
    from sq_layout.invest.store_repository import StoreRepository

    ds = common.dataset(a)
    if a.demo:
        return ds, demo_data(ds), []
    vid = workspace.version_id(a.plan_version, a.db)
    repo = StoreRepository(workspace.workspace(a.db), vid, ds=ds)
    return ds, repo.load(), repo.history()


def run(a: argparse.Namespace) -> None:
    """Compute the report or bulletin and write it atomically."""
    from sq_layout.atomic import check_parent, write_bytes
    from sq_layout.errors import UnknownValue

    suffix = a.output.suffix.lower()
    if suffix not in SUFFIXES:
        raise UnknownValue("output format", a.output.suffix or str(a.output), list(SUFFIXES))
    check_parent(a.output)
    ds, data, log = _records(a)
    if a.what == "report":
        from sq_layout.invest.targets import year_choices

        year = a.year or year_choices(data.projects, data.actuals)[1]
        if suffix == ".pdf":
            from sq_layout.invest.reports import progress_tables
            from sq_layout.printing.bulletin import progress_pdf

            body = progress_pdf(progress_tables(ds, data, year, a.lang), year, data.demo, a.lang)
        else:
            from sq_layout.invest.reports import progress_xlsx

            body = progress_xlsx(ds, data, year, a.lang)
    else:
        from sq_layout.invest.pipeline import bulletin, readable
        from sq_layout.invest.seed import read_targets

        b = bulletin(ds, data, log, a.month, read_targets())
        if suffix == ".pdf":
            from sq_layout.printing.bulletin import bulletin_pdf

            body = bulletin_pdf(readable(ds, b, a.lang), b.month, b.demo, a.lang)
        else:
            from sq_layout.invest.reports import bulletin_xlsx

            body = bulletin_xlsx(ds, b, a.lang)
    print(write_bytes(a.output, body))
