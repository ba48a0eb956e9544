"""Command line: `python -m sq_layout export|atlas|data|audit|list|workspace|users` (see README).

Each command is a module in this package with NAME, HELP, `add_arguments(parser)` and `run(args)`; COMMANDS lists
them. User mistakes (sq_layout.errors.UserError) end with `error: …` and exit code 2; anything else is a bug and
keeps its traceback (exit 1).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from types import ModuleType

from sq_layout.cli import atlas, audit, data, doctor, export, listing, users, workspace
from sq_layout.errors import UserError

COMMANDS: tuple[ModuleType, ...] = (export, atlas, data, audit, listing, workspace, users, doctor)
EXIT_USER = 2


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for all subcommands."""
    parser = argparse.ArgumentParser(
        prog="python -m sq_layout",
        description="sq-layout: Suqian industrial layout. Names may be typed in Chinese, English or by id.",
        epilog="exit codes: 0 done, 2 a mistake in the input (the message says what to change), 1 a bug",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for cmd in COMMANDS:
        p = sub.add_parser(cmd.NAME, help=cmd.HELP, description=cmd.HELP)
        cmd.add_arguments(p)
        p.set_defaults(run=cmd.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run a subcommand; user mistakes end with a one-line message and exit code 2, bugs with a traceback."""
    args = build_parser().parse_args(argv)
    try:
        args.run(args)
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USER
    except KeyboardInterrupt:
        print("interrupted; nothing was replaced", file=sys.stderr)
        return 130
    return 0
