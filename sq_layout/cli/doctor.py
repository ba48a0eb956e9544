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
    """Print each check; a failed one says how to fix it and the command exits 2."""
    from sq_layout.deployment import run_checks

    checks = run_checks(processes=a.processes)
    for c in checks:
        print(f"{'ok ' if c.ok else 'FIX'}  {c.name:<17} {c.found}")
        if not c.ok and c.fix:
            print(f"     {'':<17} -> {c.fix}")
    bad = [c for c in checks if not c.ok]
    print("all is well" if not bad else f"{len(bad)} to fix", file=sys.stderr)
    if bad:
        raise SystemExit(2)
