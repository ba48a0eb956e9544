"""`python -m sq_layout users add|list|passwd|role|remove|log`: workspace accounts and the audit log.

The first admin is created this way (no accounts yet: acting as `local`). Once accounts exist, a change needs an
admin: the workspace file's owner (SQLite), or `--user ADMIN --password-stdin` (the admin's password on the first
line of standard input, a new account's password on the next). Passwords never come from a prompt that echoes, a
command-line argument or an environment variable."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from sq_layout.auth.roles import ROLES
from sq_layout.cli.actor import acting_user, actor_options, read_password
from sq_layout.cli.common import db_option, lang_option
from sq_layout.cli.speak import command, say
from sq_layout.errors import BadInput

if TYPE_CHECKING:
    import pandas as pd

    from sq_layout.store import Workspace

NAME = "users"
HELP = "h_users"


def _new_password(a: argparse.Namespace) -> str | None:
    if getattr(a, "no_password", False):
        return None
    if not a.password_stdin:
        raise BadInput("bad_new_password_stdin")
    return read_password()


def add_arguments(u: argparse.ArgumentParser) -> None:
    """add NAME --role, passwd NAME, role NAME ROLE, remove NAME, list, log."""
    us = u.add_subparsers(dest="users_command", required=True)
    add = command(us, "add", "h_users_add")
    add.add_argument("name", help=say("h_account_name"))
    add.add_argument("--role", required=True, choices=ROLES, help=say("h_role"))
    add.add_argument("--no-password", action="store_true", help=say("h_no_password"))
    pw = command(us, "passwd", "h_users_passwd")
    pw.add_argument("name", help=say("h_account_name"))
    ro = command(us, "role", "h_users_role")
    ro.add_argument("name", help=say("h_account_name"))
    ro.add_argument("role", choices=ROLES, help=say("h_role"))
    rm = command(us, "remove", "h_users_remove")
    rm.add_argument("name", help=say("h_account_name"))
    for p in (add, pw, ro, rm):
        actor_options(p)
    ls = command(us, "list", "h_users_list")
    lg = command(us, "log", "h_users_log")
    lg.add_argument("--limit", type=int, default=100, help=say("h_log_limit"))
    lg.add_argument("--account", help=say("h_log_account"))
    for p in (add, pw, ro, rm, ls, lg):
        db_option(p)
        lang_option(p, "h_lang_users")


def run(a: argparse.Namespace) -> None:
    """Run one `users` subcommand."""
    from sq_layout import workspace
    from sq_layout.export.accounts import accounts_frame, role_word
    from sq_layout.i18n import t
    from sq_layout.store import users
    from sq_layout.store.sessions import CLI_ADDRESS

    ws = workspace.workspace(a.db)
    cmd, lang = a.users_command, a.lang
    if cmd == "list":
        _print_frame(accounts_frame(users.list_users(ws), lang))
        return
    if cmd == "log":
        _log(a, ws)
        return
    # the file's owner and the first account are trusted as the server's administrator; a named account must be one
    admin_override = a.user is None
    actor = acting_user(a, ws)
    who = None if admin_override else actor
    if cmd == "add":
        password = _new_password(a)
        if admin_override:
            users.add_user_cli(ws, a.name, a.role, password, actor=actor)
        else:
            users.add_user(ws, a.name, a.role, password, actor=who)
        print(t("cli_user_added", lang).format(name=a.name, role=role_word(a.role, lang)))
    elif cmd == "passwd":
        password = _new_password(a)
        if password is None:
            raise BadInput("bad_password_needed")
        users.set_password(ws, a.name, password, actor=actor, cli=admin_override, address=CLI_ADDRESS)
        print(t("cli_password_changed", lang).format(name=a.name))
    elif cmd == "role":
        users.set_role(ws, a.name, a.role, actor=actor, cli=admin_override)
        print(t("cli_role_changed", lang).format(name=a.name, role=role_word(a.role, lang)))
    else:
        users.remove_user(ws, a.name, actor=actor, cli=admin_override)
        print(t("cli_user_removed", lang).format(name=a.name))


def _log(a: argparse.Namespace, ws: Workspace) -> None:
    from sq_layout.export.accounts import audit_frame
    from sq_layout.store.sessions import audit_log

    if a.limit < 1:
        raise BadInput("bad_limit", limit=a.limit)
    _print_frame(audit_frame(audit_log(ws, limit=a.limit, user=a.account), a.lang))


def _print_frame(frame: pd.DataFrame) -> None:
    """A listing as the terminal shows it: `# ` and the headers, then one line a row, the columns lined up."""
    from sq_layout.cli.speak import frame_lines

    print("\n".join(frame_lines(frame)))
