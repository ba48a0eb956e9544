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

if TYPE_CHECKING:
    from sq_layout.store import Workspace

LOCAL = "local"
CLI_ADDRESS = "command line"


def actor_options(parser: argparse.ArgumentParser) -> None:
    """Add --user and --password-stdin to a writing command."""
    parser.add_argument("--user", help="act as this account; its password is read from standard input")
    parser.add_argument(
        "--password-stdin", action="store_true", help="read the password (of --user) from standard input"
    )


def read_password(what: str = "password") -> str:
    """One line of standard input; a clear refusal when it is a terminal or empty (no echoing prompt, no traceback)."""
    if sys.stdin is None or sys.stdin.isatty():
        raise BadInput(f"give the {what} on standard input with --password-stdin (e.g. `printf '%s\\n' \"$PW\" | …`)")
    line = sys.stdin.readline().rstrip("\r\n")
    if not line:
        raise BadInput(f"no {what} on standard input")
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
    from sq_layout.store.users import authenticate

    name = getattr(args, "user", None)
    if not has_accounts(ws):
        print(f"acting as {LOCAL} (the workspace has no accounts)", file=sys.stderr)
        return LOCAL
    if name:
        if not getattr(args, "password_stdin", False):
            raise BadInput(f"--user {name} needs that account's password: add --password-stdin and pipe it in")
        found, wait = authenticate(ws, name, read_password(f"password of {name}"), CLI_ADDRESS)
        if found is None:
            raise BadInput(
                f"too many failed sign-ins; try again in {int(wait) + 1} s" if wait else "wrong user name or password"
            )
        print(f"acting as {found} (password checked)", file=sys.stderr)
        return found
    owner = file_owner(ws)
    if owner is None:
        raise BadInput("say who acts: --user NAME --password-stdin (or run as the owner of the workspace file)")
    print(f"acting as {owner} (operating-system user owning the workspace file)", file=sys.stderr)
    return owner
