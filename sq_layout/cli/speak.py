"""The command line in the reader's language: `--lang` found on the command line before it is parsed (Chinese when
absent), the help texts worded from the string tables (sq_layout.i18n.cli_help) while the parser is built, and
argparse's own messages (usage:, error:, invalid choice …) translated through its gettext `_()` while it parses.

argparse looks its messages up through the module's `_`/`ngettext` when it builds a parser and when it parses;
`speaking(lang)` puts a translation object there for that time only and the reader's language in a context variable
that `say` reads; a `Parser` does so whenever it parses, refuses or formats its help.

Every table the command line prints goes through `table` (`listing`, `frame_lines`): columns padded by terminal
width, a Chinese character counted two columns.
"""

from __future__ import annotations

import argparse
import gettext
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, NoReturn

from sq_layout.i18n import DEFAULT_LANG, Lang, parse_lang, t
from sq_layout.i18n.lang import display_width, fill
from sq_layout.printing.paper import cell_text

if TYPE_CHECKING:
    import pandas as pd

READER: ContextVar[Lang] = ContextVar("READER", default=DEFAULT_LANG)


def scan_lang(argv: Sequence[str]) -> Lang:
    """The language `--lang X` or `--lang=X` (or an abbreviation argparse would take, `--la en`) asks for anywhere on
    the command line; Chinese without one (a wrong value is refused later by the parser, in Chinese)."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        name, eq, value = arg.partition("=")
        if len(name) > 2 and "--lang".startswith(name):
            if eq:
                return parse_lang(value, DEFAULT_LANG)
            if i + 1 < len(argv):
                return parse_lang(argv[i + 1], DEFAULT_LANG)
    return DEFAULT_LANG


def reader() -> Lang:
    """The language the command line is speaking."""
    return READER.get()


def say(key: str, **values: object) -> str:
    """A string-table entry in the reader's language, filled with `values` (help texts, an option's refusal)."""
    return fill(t(key, reader()), values, reader())


class Translation(gettext.NullTranslations):
    """argparse's messages in one language: its English text is the key (sq_layout.i18n.cli_help.ARGPARSE)."""

    def __init__(self, lang: Lang) -> None:
        super().__init__()
        self.lang = lang

    def gettext(self, message: str) -> str:
        """The message in this language (English as argparse has it)."""
        from sq_layout.i18n.cli_help import ARGPARSE

        return ARGPARSE.get(message, {}).get(self.lang, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        """The singular or plural message in this language."""
        return self.gettext(msgid1 if n == 1 else msgid2)


# argparse's own messages: the language of the `speaking` block this thread or task is in; None (outside any block,
# and in any other thread) passes argparse's English through. Installed once, never swapped back and forth, so two
# threads parsing at once cannot leave argparse speaking one's language for the other.
_ARGPARSE: ContextVar[Lang | None] = ContextVar("sq_argparse_lang", default=None)
_ENGLISH = argparse._, argparse.ngettext  # type: ignore[attr-defined]


def _gettext(message: str) -> str:
    lang = _ARGPARSE.get()
    return str(_ENGLISH[0](message)) if lang is None else Translation(lang).gettext(message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    lang = _ARGPARSE.get()
    return str(_ENGLISH[1](singular, plural, n)) if lang is None else Translation(lang).ngettext(singular, plural, n)


argparse._, argparse.ngettext = _gettext, _ngettext  # type: ignore[attr-defined]


@contextmanager
def speaking(lang: Lang) -> Iterator[None]:
    """Build and run parsers in `lang`: `say` and argparse's messages speak it until the block ends."""
    token, words = READER.set(lang), _ARGPARSE.set(lang)
    try:
        yield
    finally:
        _ARGPARSE.reset(words)
        READER.reset(token)


class Formatter(argparse.HelpFormatter):
    """argparse's help wrapped by terminal columns, a Chinese character counted double (argparse counts it once); in
    Chinese its section headings end with a full-width colon (argparse writes an ASCII one after every heading)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._headings: list[str] = []

    def start_section(self, heading: str | None) -> None:
        """As argparse does, noting the heading."""
        if heading and heading != argparse.SUPPRESS:
            self._headings.append(heading)
        super().start_section(heading)

    def format_help(self) -> str:
        """As argparse does, with the headings' colons in the reader's script."""
        text = super().format_help()
        if reader() != "zh":
            return text
        for heading in self._headings:
            text = re.sub(rf"(?m)^(\s*{re.escape(heading)}):$", lambda m: m.group(1) + "：", text)
        return text

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(" ".join(text.split()), width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in wrap(" ".join(text.split()), width - len(indent)))


class Parser(argparse.ArgumentParser):
    """An argument parser (and its subcommands') in the language it was built in: it parses, refuses and shows its
    help in that language, wrapped by `Formatter`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", Formatter)
        self.lang = reader()
        super().__init__(*args, **kwargs)

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        """As argparse does, its messages in the parser's language."""
        with speaking(self.lang):
            return super().parse_args(args, namespace)

    def error(self, message: str) -> NoReturn:
        """As argparse does (usage, the message, exit code 2), in the parser's language."""
        with speaking(self.lang):
            super().error(message)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        """As argparse does, its messages in the parser's language."""
        with speaking(self.lang):
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        """As argparse does, in the parser's language."""
        with speaking(self.lang):
            return super().format_usage()

    def format_help(self) -> str:
        """As argparse does, in the parser's language."""
        with speaking(self.lang):
            return super().format_help()


_TOKEN = re.compile(r"\s+|[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+")


def wrap(text: str, columns: int) -> list[str]:
    """`text` in lines of at most `columns` terminal columns: broken at spaces or between Chinese characters (a word
    longer than a line keeps its own line)."""
    lines, line = [], ""
    for token in _TOKEN.findall(text):
        if token.isspace():
            token = " "
            if not line:
                continue
        if line and display_width(line.rstrip() + token) > columns and not token.isspace():
            lines.append(line.rstrip())
            line = ""
        line += token
    return [*lines, line.rstrip()] if line.strip() else lines


def pad(text: str, columns: int, right: bool = False) -> str:
    """`text` padded with spaces to `columns` terminal columns (left-aligned, or right-aligned)."""
    fill_in = " " * max(columns - display_width(text), 0)
    return fill_in + text if right else text + fill_in


def table(rows: Sequence[Sequence[str]], gap: str = "  ", right: Sequence[int] = ()) -> list[str]:
    """Rows as lines whose columns line up on a terminal, CJK characters counted double; the last column is not
    padded. `right`: the columns aligned to the right (numbers)."""
    if not rows:
        return []
    n = max(len(r) for r in rows)
    widths = [max((display_width(r[i]) for r in rows if i < len(r)), default=0) for i in range(n)]
    lines = []
    for r in rows:
        cells = [
            cell if i == len(r) - 1 and i not in right else pad(cell, widths[i], i in right) for i, cell in enumerate(r)
        ]
        lines.append(gap.join(cells).rstrip())
    return lines


def listing(headers: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[int] = ()) -> list[str]:
    """A listing as the terminal shows it: `# ` and the headers, then one line a row, the columns lined up two
    spaces apart (`table`)."""
    return table([[f"# {headers[0]}", *headers[1:]], *rows], right=right)


def frame_lines(frame: pd.DataFrame) -> list[str]:
    """A table's headers and rows as `listing` lines, numbers aligned to the right."""
    from pandas.api.types import is_numeric_dtype

    right = [i for i, c in enumerate(frame.columns) if is_numeric_dtype(frame[c])]
    rows = [[cell_text(v) for v in row] for row in frame.itertuples(index=False)]
    return listing([str(c) for c in frame.columns], rows, right)


def command(group: argparse._SubParsersAction[argparse.ArgumentParser], name: str, key: str) -> argparse.ArgumentParser:
    """A subcommand whose help (in its group's list and atop its own --help) is string-table entry `key`."""
    return group.add_parser(name, help=say(key), description=say(key))
