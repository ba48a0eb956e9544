"""`invest`: the investment records' exports: `invest report` (the year's target progress) and `invest bulletin`
(the month's 通报), each as XLSX or PDF by the -o suffix, from a workspace version's records (or `--demo`); and
`invest check FILE`, the Investment page's import checks on a file, its problems as the page lists them (nothing is
saved)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from sq_layout.cli import common
from sq_layout.cli.speak import command, say
from sq_layout.tables.invest import COORD_SYSTEMS

NAME = "invest"
HELP = "h_invest"
SUFFIXES = (".xlsx", ".pdf")


def _year(text: str) -> int:
    """A year 2000–2100 (argparse type)."""
    try:
        year = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(say("h_bad_year", value=repr(text[:20]))) from None
    if not 2000 <= year <= 2100:
        raise argparse.ArgumentTypeError(say("h_year_range", year=year))
    return year


def _month(text: str) -> str:
    """A month YYYY-MM (argparse type)."""
    value = common.iso_date(text)
    if len(value) != 7:
        raise argparse.ArgumentTypeError(say("h_bad_month", value=repr(text[:20])))
    return value


def add_arguments(p: argparse.ArgumentParser) -> None:
    """`report` and `bulletin`, each with the workspace options, --lang, --demo and -o."""
    sub = p.add_subparsers(dest="what", required=True, metavar="report|bulletin|check")
    report = command(sub, "report", "h_invest_report")
    report.add_argument("--year", type=_year, help=say("h_invest_year"))
    bulletin = command(sub, "bulletin", "h_invest_bulletin")
    bulletin.add_argument("--month", type=_month, required=True, help=say("h_invest_month"))
    for q in (report, bulletin):
        common.dataset_options(q)
        common.lang_option(q)
        q.add_argument("--demo", action="store_true", help=say("h_invest_demo"))
        q.add_argument("-o", "--output", required=True, type=Path, help=say("h_invest_output"))
    check = command(sub, "check", "h_invest_check")
    check.add_argument("file", type=Path, help=say("h_invest_file"))
    check.add_argument("--crs", choices=COORD_SYSTEMS, default="gcj02", help=say("h_invest_crs"))
    common.dataset_options(check)
    common.lang_option(check, "h_lang_problems")


def _records(a: argparse.Namespace) -> tuple[Any, Any, list[Any]]:
    """The Dataset, the records and their change log (none for the demo set)."""
    from sq_layout import workspace
    from sq_layout.invest.demo import demo_data
    from sq_layout.invest.store_repository import StoreRepository

    ds = common.dataset(a)
    if getattr(a, "demo", False):
        return ds, demo_data(ds), []
    vid = workspace.version_id(a.plan_version, a.db)
    repo = StoreRepository(workspace.workspace(a.db), vid, ds=ds)
    return ds, repo.load(), repo.history()


def _check(a: argparse.Namespace) -> None:
    """The import's checks on a file against the version's plan and chain links: its problems, as the Investment page
    lists them (headers in --lang), and exit 2; or how many records would be imported."""
    import pandas as pd

    from sq_layout import upload_limits as lim
    from sq_layout.cli.speak import frame_lines
    from sq_layout.i18n import headers, t
    from sq_layout.invest.importer import read_upload

    lim.check_upload(a.file.name, a.file)  # over a limit: refused before the file is read
    ds, data, _ = _records(a)
    results = read_upload(ds, a.file.name, a.file.read_bytes(), data.links, a.crs, lang=a.lang)
    problems = pd.concat([r.problems for r in results], ignore_index=True)
    if len(problems) or not all(r.ok for r in results):
        print(t("inv_import_bad", a.lang).format(n=len(problems)), file=sys.stderr)
        print("\n".join(frame_lines(problems.rename(columns=headers(list(problems.columns), a.lang)))))
        raise SystemExit(2)
    n = {r.kind: len(r.table) for r in results if r.table is not None}
    print(t("inv_check_ok", a.lang).format(f=n.get("firms", 0), p=n.get("projects", 0), a=n.get("actuals", 0)))


def run(a: argparse.Namespace) -> None:
    """Compute the report or bulletin and write it atomically; or check a file for import."""
    if a.what == "check":
        _check(a)
        return
    from sq_layout.atomic import check_parent, write_bytes
    from sq_layout.errors import UnknownValue

    suffix = a.output.suffix.lower()
    if suffix not in SUFFIXES:
        raise UnknownValue("output format", a.output.suffix or str(a.output), list(SUFFIXES))
    check_parent(a.output)
    ds, data, log = _records(a)
    if suffix == ".pdf":
        from sq_layout.cli import fonts

        fonts.ready_first(a.lang)
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
