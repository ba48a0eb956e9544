"""`python -m sq_layout workspace backup|restore|copy`: a whole workspace to a file, back, or to another database."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

COMMANDS = ("backup", "restore", "copy")


def add_subcommands(ws_group: Any) -> None:
    """Add backup/restore/copy to the `workspace` subparsers."""
    bk = ws_group.add_parser("backup", help="write the whole workspace to one file (consistent while the app runs)")
    bk.add_argument("-o", "--output", required=True, type=Path, help="the backup file to write, e.g. ws-2026-12.sqlite")
    rs = ws_group.add_parser("restore", help="copy a backup file into the workspace (empty, or --replace it)")
    rs.add_argument("file", type=Path)
    rs.add_argument("--replace", action="store_true", help="replace a workspace that has data (backed up first)")
    cp = ws_group.add_parser("copy", help="copy the workspace to another database, e.g. the bureau's PostgreSQL")
    cp.add_argument("--to", required=True, help="target database URL, e.g. postgresql+psycopg://user@host/sq")
    cp.add_argument("--replace", action="store_true", help="replace a target that has data")
    for p in (bk, rs, cp):
        p.add_argument("--db", help="workspace database URL (default: $SQ_LAYOUT_DB, else the SQLite file)")


def _say(verb: str, report: Any, started: float) -> None:
    print(f"{verb} {report.total} rows in {len(report.rows)} tables: {report.source} -> {report.target}")
    print(f"({time.perf_counter() - started:.1f} s)", file=sys.stderr)


def run(a: argparse.Namespace) -> None:
    """Run one of backup/restore/copy."""
    from sq_layout.store import backup
    from sq_layout.store.engine import make_engine, resolve_url

    started = time.perf_counter()
    here = make_engine(resolve_url(a.db))
    try:
        if a.ws_command == "backup":
            _say("backed up", backup.backup(here, a.output), started)
        elif a.ws_command == "restore":
            if a.replace:
                kept = a.file.with_name(f"before-restore-{time.strftime('%Y%m%d-%H%M%S')}.sqlite")
                backup.backup(here, kept)
                print(f"the workspace as it was is kept in {kept.name}", file=sys.stderr)
            _say("restored", backup.restore(a.file, here, replace=a.replace), started)
        else:
            target = backup.engine_for(a.to)
            try:
                _say("copied", backup.copy_workspace(here, target, replace=a.replace), started)
            finally:
                target.dispose()
    finally:
        here.dispose()
