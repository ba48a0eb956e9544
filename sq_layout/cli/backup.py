"""`python -m sq_layout workspace backup|restore|copy`: a whole workspace to a file, back, or to another database."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from sq_layout.i18n import Lang

COMMANDS = ("backup", "restore", "copy")


def add_subcommands(ws_group: Any) -> None:
    """Add backup/restore/copy to the `workspace` subparsers."""
    from sq_layout.cli.common import db_option, lang_option
    from sq_layout.cli.speak import command, say

    bk = command(ws_group, "backup", "h_backup")
    bk.add_argument("-o", "--output", required=True, type=Path, help=say("h_backup_output"))
    rs = command(ws_group, "restore", "h_restore")
    rs.add_argument("file", type=Path, help=say("h_backup_file"))
    rs.add_argument("--replace", action="store_true", help=say("h_restore_replace"))
    cp = command(ws_group, "copy", "h_copy")
    cp.add_argument("--to", required=True, help=say("h_copy_to"))
    cp.add_argument("--replace", action="store_true", help=say("h_copy_replace"))
    for p in (bk, rs, cp):
        db_option(p)
        lang_option(p, "h_lang_users")


def _say(verb: str, report: Any, started: float, lang: Lang) -> None:
    from sq_layout.i18n import t

    done = {"verb": t(verb, lang), "n": report.total, "tables": len(report.rows)}
    print(t("cli_copy_done", lang).format(**done, source=report.source, target=report.target))
    print(f"({time.perf_counter() - started:.1f} s)", file=sys.stderr)


def run(a: argparse.Namespace) -> None:
    """Run one of backup/restore/copy."""
    from sq_layout.i18n import t
    from sq_layout.store import backup
    from sq_layout.store.engine import make_engine, resolve_url

    started = time.perf_counter()
    here = make_engine(resolve_url(a.db))
    try:
        if a.ws_command == "backup":
            _say("cli_backed_up", backup.backup(here, a.output), started, a.lang)
        elif a.ws_command == "restore":
            if a.replace:
                kept = a.file.with_name(f"before-restore-{time.strftime('%Y%m%d-%H%M%S')}.sqlite")
                backup.backup(here, kept)
                print(t("cli_kept_before", a.lang).format(name=kept.name), file=sys.stderr)
            _say("cli_restored", backup.restore(a.file, here, replace=a.replace), started, a.lang)
        else:
            target = backup.engine_for(a.to)
            try:
                _say("cli_copied", backup.copy_workspace(here, target, replace=a.replace), started, a.lang)
            finally:
                target.dispose()
    finally:
        here.dispose()
