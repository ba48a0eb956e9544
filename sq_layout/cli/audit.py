"""`audit`: print the plan's internal inconsistencies and target discrepancies; optionally an Excel workbook."""

from __future__ import annotations

import argparse
from pathlib import Path

from sq_layout.cli import common
from sq_layout.cli.speak import say

NAME = "audit"
HELP = "h_audit"


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Language and optional workbook."""
    common.dataset_options(p)
    common.lang_option(p)
    p.add_argument("--xlsx", type=Path, help=say("h_audit_xlsx"))


def run(a: argparse.Namespace) -> None:
    """Print, and write the workbook atomically when asked."""
    from sq_layout.export.audit_report import print_audit

    if a.xlsx:
        common.output(a.xlsx, "data")
        if a.xlsx.suffix.lower() != ".xlsx":
            from sq_layout.errors import UnknownValue

            raise UnknownValue("file type", a.xlsx.suffix, [".xlsx"])
    print_audit(common.dataset(a), a.lang, a.xlsx)
