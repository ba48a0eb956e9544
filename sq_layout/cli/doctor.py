"""`python -m sq_layout doctor`: check a deployment (database, schema, PostGIS, secrets, proxy, files, network)."""

from __future__ import annotations

import argparse
import sys

NAME = "doctor"
HELP = "h_doctor"


def add_arguments(p: argparse.ArgumentParser) -> None:
    """--processes: how many app processes share this configuration."""
    from sq_layout.cli.common import lang_option
    from sq_layout.cli.speak import say

    p.add_argument("--processes", type=int, default=1, help=say("h_processes"))
    lang_option(p, "h_lang_doctor")


def run(a: argparse.Namespace) -> None:
    """Print each check in --lang, its columns lined up; a failed one says how to fix it and the command exits 2."""
    from sq_layout.cli.speak import pad, table
    from sq_layout.deployment import run_checks
    from sq_layout.i18n import t
    from sq_layout.i18n.lang import display_width

    lang = a.lang
    checks = run_checks(processes=a.processes)
    rows = [(t("dr_ok" if c.ok else "dr_bad", lang), c.title(lang), c.found.text(lang)) for c in checks]
    indent = (
        max(display_width(r[0]) for r in rows) + 2 + max(display_width(r[1]) for r in rows) + 2
    )  # under what was found
    for c, line in zip(checks, table(rows), strict=True):
        print(line)
        if not c.ok and c.fix:
            print(f"{pad('', indent)}-> {c.fix.text(lang)}")
    bad = [c for c in checks if not c.ok]
    print(t("dr_to_fix", lang).format(n=len(bad)) if bad else t("dr_all_well", lang), file=sys.stderr)
    if bad:
        raise SystemExit(2)
