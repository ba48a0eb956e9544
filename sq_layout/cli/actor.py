"""Who a writing command acts as: a named account proven by its password on standard input, or the operating-system
user owning the workspace file (SQLite: whoever can write the file holds the data anyway); said on stderr.

While the workspace has no accounts (a single-user install) commands act as `local`, as before accounts existed.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from sq_layout.errors import BadInput
from sq_layout.i18n import DEFAULT_LANG
from sq_layout.i18n.shown import LOCAL_USER

if TYPE_CHECKING:
    from sq_layout.store import Workspace


def actor_options(parser: argparse.ArgumentParser) -> None:
    """Add --user and --password-stdin to a writing command."""
    from sq_layout.cli.speak import say

    parser.add_argument("--user", help=say("h_user"))
    parser.add_argument("--password-stdin", action="store_true", help=say("h_password_stdin"))


def read_password(name: str | None = None) -> str:
    """One line of standard input: the password of account `name`, or a new one (None); a clear refusal when it is a
    terminal or empty (no echoing prompt, no traceback)."""
    which = {"name": name} if name else {}
    if sys.stdin is None or sys.stdin.isatty():
        raise BadInput("bad_stdin_terminal_of" if name else "bad_stdin_terminal_new", **which)
    line = sys.stdin.readline().rstrip("\r\n")
    if not line:
        raise BadInput("bad_stdin_empty_of" if name else "bad_stdin_empty_new", **which)
    return line


def file_owner(ws: Workspace) -> str | None:
    """The operating-system user owning a SQLite workspace file when it is the one running this command, else None."""
    if ws.engine.dialect.name != "sqlite" or not ws.engine.url.database or not hasattr(os, "geteuid"):
        return None
    import pwd

    try:
        uid = os.stat(ws.engine.url.database).st_uid
    except OSError:
        return None
    return pwd.getpwuid(uid).pw_name if uid == os.geteuid() else None


def has_accounts(ws: Workspace) -> bool:
    """Whether the workspace has any account."""
    from sqlalchemy import select

    from sq_layout.store.edit_tables import users

    with ws.engine.connect() as conn:
        return conn.execute(select(users.c.name).limit(1)).first() is not None


def acting_user(args: argparse.Namespace, ws: Workspace) -> str:
    """The account a command acts as (its role is checked by the store on every write); says which on stderr."""
    from sq_layout.i18n import t
    from sq_layout.i18n.shown import who
    from sq_layout.store.sessions import CLI_ADDRESS
    from sq_layout.store.users import authenticate

    lang = getattr(args, "lang", DEFAULT_LANG)
    name = getattr(args, "user", None)
    if not has_accounts(ws):
        print(t("cli_acting_local", lang).format(who=who(LOCAL_USER, lang)), file=sys.stderr)
        return LOCAL_USER
    if name:
        if not getattr(args, "password_stdin", False):
            raise BadInput("bad_user_needs_password", name=name)
        found, wait = authenticate(ws, name, read_password(name), CLI_ADDRESS)
        if found is None:
            raise BadInput("bad_too_many_signins", s=int(wait) + 1) if wait else BadInput("bad_wrong_password")
        print(t("cli_acting_checked", lang).format(who=found), file=sys.stderr)
        return found
    owner = file_owner(ws)
    if owner is None:
        raise BadInput("bad_who_acts")
    print(t("cli_acting_owner", lang).format(who=owner), file=sys.stderr)
    return owner
