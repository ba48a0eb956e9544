"""Command line: `python -m sq_layout export|atlas|data|audit|list|workspace|users|invest` (docs/规划人员使用手册.md).

Each command is a module in this package with NAME, HELP (a string-table key of sq_layout.i18n.cli_help; or
`describe()` for a help with values), `add_arguments(parser)` and `run(args)`; COMMANDS lists them. The parser, its
help and argparse's own messages speak the language `--lang` asks for on the command line, Chinese without it
(sq_layout.cli.speak). User mistakes (sq_layout.errors.UserError) end with `错误：…` / `error: …` in the command's
`--lang` (Chinese when it has none) and exit code 2, and so do a full disk, a file that cannot be read or written and
a workspace locked by another writer (`describe_failure`); a database failure ends with its driver's one-line reason
(exit 1). Any message has database passwords hidden. Anything else is a bug and keeps its traceback (exit 1).
"""

from __future__ import annotations

import argparse
import errno
import sys
from collections.abc import Sequence
from types import ModuleType

from sq_layout.cli import atlas, audit, data, doctor, export, fonts, invest, listing, users, workspace
from sq_layout.cli.speak import Parser, say, scan_lang, speaking
from sq_layout.errors import UserError
from sq_layout.i18n import DEFAULT_LANG, Lang

COMMANDS: tuple[ModuleType, ...] = (export, atlas, fonts, data, audit, listing, workspace, users, doctor, invest)
EXIT_USER = 2


def build_parser(lang: Lang = DEFAULT_LANG) -> argparse.ArgumentParser:
    """The argument parser for all subcommands: its help, usage and refusals in `lang`."""
    with speaking(lang):
        parser = Parser(prog="python -m sq_layout", description=say("h_prog"), epilog=say("h_epilog"))
        sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
        for cmd in COMMANDS:
            words = cmd.describe() if hasattr(cmd, "describe") else say(cmd.HELP)  # describe(): help with values
            p = sub.add_parser(cmd.NAME, help=words, description=words)
            cmd.add_arguments(p)
            p.set_defaults(run=cmd.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run a subcommand; user mistakes end with a one-line message and exit code 2, bugs with a traceback."""
    from sq_layout.i18n import t
    from sq_layout.store.engine import scrub

    argv = sys.argv[1:] if argv is None else list(argv)
    lang = scan_lang(argv)
    args = build_parser(lang).parse_args(argv)  # a usage error is said in `lang` and exits 2
    lang = getattr(args, "lang", lang)
    try:
        args.run(args)
    except UserError as exc:
        print(t("err_line", lang).format(msg=scrub(exc.text(lang), getattr(args, "db", None))), file=sys.stderr)
        return EXIT_USER
    except KeyboardInterrupt:
        print(t("err_interrupted", lang), file=sys.stderr)
        return 130
    except Exception as exc:
        failure = describe_failure(exc, lang)
        if failure is None:
            raise
        print(t("err_line", lang).format(msg=scrub(failure[1], getattr(args, "db", None))), file=sys.stderr)
        return failure[0]
    return 0


DISK_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


def describe_failure(exc: BaseException, lang: Lang = DEFAULT_LANG) -> tuple[int, str] | None:
    """(exit code, one line in `lang`) for a failure that is not a bug: a file system or a workspace database
    refusing; None for anything else."""
    import sqlite3

    from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError

    from sq_layout.i18n import t

    cause: BaseException | None = exc
    while cause is not None and not (isinstance(cause, OSError) and cause.errno in DISK_FULL):
        cause = cause.__cause__ or cause.__context__
    if cause is not None:  # e.g. a PDF writer's zlib error while the disk was full
        exc = cause
    if isinstance(exc, OSError):
        from sq_layout.errors import system_reason

        what = f" {exc.filename}" if exc.filename else ""
        key = "fail_disk_full" if exc.errno in DISK_FULL else "fail_read_write"
        return EXIT_USER, t(key, lang).format(what=what, reason=system_reason(exc, lang))
    if isinstance(exc, (SQLAlchemyError, sqlite3.Error)):
        from sq_layout.store.engine import driver_text

        orig = exc.orig if isinstance(exc, DBAPIError) else exc
        reason = driver_text(orig if orig is not None else exc)
        if "locked" in reason or "busy" in reason or "lock timeout" in reason:
            return EXIT_USER, t("fail_ws_locked", lang)
        if "disk is full" in reason or "No space left" in reason:
            return EXIT_USER, t("fail_ws_disk_full", lang)
        if isinstance(exc, OperationalError | sqlite3.OperationalError | sqlite3.DatabaseError):
            return 1, t("fail_db", lang).format(reason=reason)
        return 1, t("fail_db_kind", lang).format(kind=type(orig).__name__, reason=reason)
    return None
