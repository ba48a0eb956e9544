"""`python -m sq_layout workspace draft|history|revert|publish`: editing a version from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sq_layout.atomic import write_bytes
from sq_layout.cli.actor import acting_user, actor_options
from sq_layout.cli.common import dataset_options, iso_date, lang_option
from sq_layout.cli.speak import command, listing, say
from sq_layout.i18n import LANGS, Lang, t

COMMANDS = ("draft", "history", "revert", "publish")


def add_subcommands(ws_group: Any) -> None:
    """Add draft/history/revert/publish to the `workspace` subparsers."""
    dr = command(ws_group, "draft", "h_draft")
    dr.add_argument("--title", help=say("h_draft_title"))
    hi = command(ws_group, "history", "h_history")
    hi.add_argument("--area", help=say("h_history_area"))
    hi.add_argument("--chain", type=int, help=say("h_history_chain"))
    hi.add_argument("--table", help=say("h_history_table"))
    hi.add_argument("--xlsx", type=Path, help=say("h_history_xlsx"))
    lang_option(hi, "h_lang_history")
    rv = command(ws_group, "revert", "h_revert")
    rv.add_argument("change", type=int, help=say("h_change_no"))
    rv.add_argument("--reason", required=True, help=say("h_reason"))
    pb = command(ws_group, "publish", "h_publish_draft")
    pb.add_argument("draft", help=say("h_draft_id"))
    pb.add_argument("--title", required=True, help=say("h_title"))
    pb.add_argument("--date", required=True, type=iso_date, help=say("h_plan_date"))
    pb.add_argument("--reason", help=say("h_reason"))
    pb.add_argument("--confirm-stale-base", action="store_true", help=say("h_confirm_stale_draft"))
    for p in (dr, hi, rv, pb):
        dataset_options(p)
        if p is not hi:
            actor_options(p)
            lang_option(p, "h_lang_users")


def run(a: argparse.Namespace) -> None:
    """Run one editing subcommand; refusals (role, checks, conflicts) are user errors."""
    from sq_layout import workspace
    from sq_layout.store import drafts, history

    ws = workspace.workspace(a.db)
    cmd = a.ws_command
    if cmd != "history":
        a.user = acting_user(a, ws)
    if cmd == "draft":
        base = workspace.version_id(a.plan_version, a.db)
        draft = drafts.start_draft(ws, a.user, base, workspace.draft_title(a.title, ws.info(base), a.lang))
        print(t("cli_draft_started", a.lang).format(v=draft))
    elif cmd == "history":
        _history(a)
    elif cmd == "revert":
        print(t("cli_change_reverted", a.lang).format(n=history.revert(ws, a.user, a.change, a.reason)))
    elif cmd == "publish":
        done = drafts.publish(
            ws, a.user, int(a.draft), a.title, a.date, a.reason or "", confirm_stale_base=a.confirm_stale_base
        )
        print(t("cli_draft_published", a.lang).format(v=done, old=ws.info(done).supersedes))


def record_table(typed: str, lang: Lang) -> str:
    """The stored code of the record table a reader names: by its words in either language or its code (any case);
    anything else is refused with the tables in `lang`."""
    from sq_layout.errors import UnknownValue
    from sq_layout.i18n.shown import sheet_name
    from sq_layout.store.tables import records

    named = {
        spelling.casefold(): code for code in records for spelling in (code, *(sheet_name(code, x) for x in LANGS))
    }
    found = named.get(typed.strip().casefold())
    if found is None:
        raise UnknownValue("table", typed, [sheet_name(code, lang) for code in records], aliases=list(records))
    return found


def _history(a: argparse.Namespace) -> None:
    from sq_layout import workspace
    from sq_layout.export.history import describe, history_rows, history_xlsx
    from sq_layout.i18n.shown import with_zone
    from sq_layout.store.history import history

    lang = a.lang
    vid = workspace.version_id(a.plan_version, a.db)
    table = record_table(a.table, lang) if a.table else None
    found = history(workspace.workspace(a.db), vid, area=a.area, chain=a.chain, table=table)
    head = [t(k, lang) for k in ("cli_col_id", "cli_when", "cli_col_who", "cli_col_action", "cli_col_summary")]
    head[1] = with_zone(head[1], lang)
    undone = {c.id: t("cli_reverted_by", lang).format(n=c.reverted_by) for c in found if c.reverted_by}
    rows = [
        [f"#{c.id}", row["created"], row["user"], row["action"], row["summary"] + undone.get(c.id, "")]
        for row, c in zip(history_rows(found, 0, lang), found, strict=True)
    ]
    lines = listing(head, rows)
    print(lines[0])
    for line, c in zip(lines[1:], found, strict=True):
        print(line)
        print(f"       {t('cli_why', lang).format(why=c.reason)}")
        for record in describe(c, lang):  # the records' tables and fields by their headers in `lang`
            print(f"       {record}")
    if a.xlsx:
        print(write_bytes(a.xlsx, history_xlsx(found, lang)))
