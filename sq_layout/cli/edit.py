"""`python -m sq_layout workspace draft|history|revert|publish`: editing a version from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sq_layout.atomic import write_bytes
from sq_layout.cli.actor import acting_user, actor_options
from sq_layout.cli.common import iso_date, lang_option

COMMANDS = ("draft", "history", "revert", "publish")


def add_subcommands(ws_group: Any) -> None:
    """Add draft/history/revert/publish to the `workspace` subparsers."""
    dr = ws_group.add_parser("draft", help="start a draft from a version (editor)")
    dr.add_argument("--title")
    hi = ws_group.add_parser("history", help="a version's changes: who, when, before -> after, why")
    hi.add_argument("--area", help="only changes touching this area id")
    hi.add_argument("--chain", type=int, help="only changes touching this chain number")
    hi.add_argument("--table", help="only changes touching records of this table (chains, assignments, details…)")
    hi.add_argument("--xlsx", type=Path, help="also write the history to an Excel workbook")
    lang_option(hi, "language of the headers, users, actions and the workbook")
    rv = ws_group.add_parser("revert", help="revert one change of a draft (editor)")
    rv.add_argument("change", type=int)
    rv.add_argument("--reason", required=True)
    pb = ws_group.add_parser("publish", help="publish a draft as a version with a title and date (admin)")
    pb.add_argument("draft")
    pb.add_argument("--title", required=True)
    pb.add_argument("--date", required=True, type=iso_date, help="the plan date, e.g. 2026-03-01")
    pb.add_argument("--reason")
    pb.add_argument(
        "--confirm-stale-base",
        action="store_true",
        help="publish even though the draft was made from an older version than the latest published (superseded)",
    )
    for p in (dr, hi, rv, pb):
        p.add_argument("--version", dest="plan_version", help="plan version id (default: the latest published)")
        p.add_argument("--db", help="workspace database URL (default: $SQ_LAYOUT_DB, else the SQLite file)")
        if p is not hi:
            actor_options(p)


def run(a: argparse.Namespace) -> None:
    """Run one editing subcommand; refusals (role, checks, conflicts) are user errors."""
    from sq_layout import workspace
    from sq_layout.store import drafts, history

    ws = workspace.workspace(a.db)
    cmd = a.ws_command
    if cmd != "history":
        a.user = acting_user(a, ws)
    if cmd == "draft":
        print(f"draft {drafts.start_draft(ws, a.user, workspace.version_id(a.plan_version, a.db), a.title)}")
    elif cmd == "history":
        _history(a)
    elif cmd == "revert":
        print(f"change {history.revert(ws, a.user, a.change, a.reason)}")
    elif cmd == "publish":
        done = drafts.publish(
            ws, a.user, int(a.draft), a.title, a.date, a.reason or "", confirm_stale_base=a.confirm_stale_base
        )
        print(f"published version {done} (supersedes {ws.info(done).supersedes})")


def _history(a: argparse.Namespace) -> None:
    from sq_layout import workspace
    from sq_layout.export.history import describe, history_rows, history_xlsx
    from sq_layout.i18n import t
    from sq_layout.i18n.shown import with_zone
    from sq_layout.store.history import history

    vid = workspace.version_id(a.plan_version, a.db)
    found = history(workspace.workspace(a.db), vid, area=a.area, chain=a.chain, table=a.table)
    lang = a.lang
    print(f"# {t('cli_history_head', lang).format(created=with_zone(t('cli_when', lang), lang))}")
    for row, c in zip(history_rows(found, 0, lang), found, strict=True):
        undone = t("cli_reverted_by", lang).format(n=c.reverted_by) if c.reverted_by else ""
        print(f"#{c.id:<5} {row['created']}  {row['user']}  {row['action']}  {row['summary']}{undone}")
        print(f"       {t('cli_why', lang).format(why=c.reason)}")
        for line in describe(c):  # the records by their stored table and field names, as --table takes them
            print(f"       {line}")
    if a.xlsx:
        print(write_bytes(a.xlsx, history_xlsx(found, lang)))
