"""`python -m sq_layout users add|list|passwd`: workspace accounts (the first admin is created this way)."""

from __future__ import annotations

import argparse
import getpass
import sys

from sq_layout.auth.roles import ROLES
from sq_layout.errors import BadInput

NAME = "users"
HELP = "workspace accounts: add, list, change a password"


def _password(a: argparse.Namespace) -> str | None:
    if a.no_password:
        return None
    if a.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("password: ")
    if getpass.getpass("again: ") != first:
        raise BadInput("the two passwords differ")
    return first


def add_arguments(u: argparse.ArgumentParser) -> None:
    """add NAME --role, passwd NAME, list."""
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
        p.add_argument("--db", help="workspace database URL (default: $SQ_LAYOUT_DB, else the SQLite file)")


def run(a: argparse.Namespace) -> None:
    """Run one `users` subcommand."""
    from sq_layout import workspace
    from sq_layout.store import users

    ws = workspace.workspace(a.db)
    if a.users_command == "add":
        users.add_user_cli(ws, a.name, a.role, _password(a))
        print(f"added {a.name} ({a.role})")
    elif a.users_command == "passwd":
        pw = _password(a)
        if pw is None:
            raise BadInput("a password is needed")
        users.set_password(ws, a.name, pw, actor=None, cli=True)
        print(f"password changed for {a.name}")
    else:
        for u in users.list_users(ws):
            print(f"{u.name:<20} {u.role:<7} {'password' if u.has_password else 'proxy only':<10} {u.created}")
