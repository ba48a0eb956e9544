"""`python -m sq_layout users add|list|passwd|role` and `workspace draft|history|revert|publish` (editing)."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from sq_layout.auth.roles import ROLES


def _password(a: argparse.Namespace) -> str | None:
    if a.no_password:
        return None
    if a.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("password: ")
    if getpass.getpass("again: ") != first:
        raise ValueError("the two passwords differ")
    return first


def _users(a: argparse.Namespace) -> None:
    from sq_layout import workspace
    from sq_layout.store import users

    ws = workspace.workspace(a.db)
    if a.users_command == "add":
        users.add_user_cli(ws, a.name, a.role, _password(a))
        print(f"added {a.name} ({a.role})")
    elif a.users_command == "passwd":
        pw = _password(a)
        if pw is None:
            raise ValueError("a password is needed")
        users.set_password(ws, a.name, pw, actor=None, cli=True)
        print(f"password changed for {a.name}")
    else:
        for u in users.list_users(ws):
            print(f"{u.name:<20} {u.role:<7} {'password' if u.has_password else 'proxy only':<10} {u.created}")


def _edit(a: argparse.Namespace) -> None:
    try:
        _edit_command(a)
    except PermissionError as exc:  # reported like any refusal: one line, exit code 2
        raise ValueError(str(exc)) from None


def _edit_command(a: argparse.Namespace) -> None:
    from sq_layout import workspace
    from sq_layout.store import drafts, history

    ws = workspace.workspace(a.db)
    cmd = a.ws_command
    if cmd == "draft":
        print(f"draft {drafts.start_draft(ws, a.user, workspace.version_id(a.plan_version, a.db), a.title)}")
    elif cmd == "history":
        _history(a, ws)
    elif cmd == "revert":
        print(f"change {history.revert(ws, a.user, a.change, a.reason)}")
    elif cmd == "publish":
        print(f"published version {drafts.publish(ws, a.user, int(a.draft), a.title, a.date, a.reason or '')}")


def _history(a: argparse.Namespace, ws: object) -> None:
    from sq_layout import workspace
    from sq_layout.store.history import history
    from sq_layout.store.history_export import describe, history_xlsx

    vid = workspace.version_id(a.plan_version, a.db)
    found = history(workspace.workspace(a.db), vid, area=a.area, chain=a.chain)
    for c in found:
        undone = f"  (reverted by #{c.reverted_by})" if c.reverted_by else ""
        print(f"#{c.id:<5} {c.created}  {c.user:<12} {c.action:<8} {c.summary}{undone}\n       why: {c.reason}")
        for line in describe(c):
            print(f"       {line}")
    if a.xlsx:
        tmp = a.xlsx.with_name(f".{a.xlsx.name}.tmp")
        tmp.write_bytes(history_xlsx(found, "zh"))
        tmp.replace(a.xlsx)
        print(a.xlsx)


def _db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", help="workspace database URL (default: $SQ_LAYOUT_DB, else the SQLite file)")


def add_edit_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """The `users` group, and draft/history/revert/publish inside the `workspace` group."""
    u = sub.add_parser("users", help="workspace accounts: add, list, change a password")
    us = u.add_subparsers(dest="users_command", required=True)
    add = us.add_parser("add", help="add an account (the first admin is created this way)")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=ROLES)
    pw = us.add_parser("passwd", help="set an account's password")
    pw.add_argument("name")
    for p in (add, pw):
        p.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
        p.add_argument("--no-password", action="store_true", help="no password: sign-in through the proxy only")
    ls = us.add_parser("list", help="list the accounts")
    for p in (add, pw, ls):
        _db(p)
        p.set_defaults(func=_users)
    ws_group = sub.choices["workspace"]._subparsers._group_actions[0]  # the `workspace` subcommands
    dr = ws_group.add_parser("draft", help="start a draft from a version (editor)")
    dr.add_argument("--title")
    hi = ws_group.add_parser("history", help="a version's changes: who, when, before -> after, why")
    hi.add_argument("--area", help="only changes touching this area id")
    hi.add_argument("--chain", type=int, help="only changes touching this chain number")
    hi.add_argument("--xlsx", type=Path, help="also write the history to an Excel workbook")
    rv = ws_group.add_parser("revert", help="revert one change of a draft (editor)")
    rv.add_argument("change", type=int)
    rv.add_argument("--reason", required=True)
    pb = ws_group.add_parser("publish", help="publish a draft as a version with a title and date (admin)")
    pb.add_argument("draft")
    pb.add_argument("--title", required=True)
    pb.add_argument("--date", required=True, help="the plan date, e.g. 2026-03-01")
    pb.add_argument("--reason")
    for p in (dr, hi, rv, pb):
        p.add_argument("--version", dest="plan_version", help="plan version id (default: the latest published)")
        _db(p)
        if p is not hi:
            p.add_argument("--user", required=True, help="the acting account (its role is checked)")
        p.set_defaults(func=_edit)
