"""Options shared by several commands, and turning them into a Dataset, a Selection and checked output paths.

A new common option goes into `dataset_options` and `dataset` only.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sq_layout.analysis.queries import Selection
from sq_layout.atomic import check_parent
from sq_layout.cli.speak import say
from sq_layout.errors import BadInput
from sq_layout.export.registry import Format, for_path
from sq_layout.i18n import LANGS, Lang, parse_lang
from sq_layout.i18n.lang import Listed
from sq_layout.plan.dataset import Dataset
from sq_layout.plan.names import resolve, resolve_chain


def dataset_options(p: argparse.ArgumentParser) -> None:
    """--version and --db: which plan version a command reads, from which workspace database."""
    p.add_argument("--version", dest="plan_version", help=say("h_version"))
    db_option(p)


def db_option(p: argparse.ArgumentParser) -> None:
    """--db: the workspace database."""
    p.add_argument("--db", help=say("h_db"))


def publish_options(p: argparse.ArgumentParser) -> None:
    """--publish and --confirm-stale-base of a command that makes a version (an import)."""
    p.add_argument("--publish", action="store_true", help=say("h_publish"))
    p.add_argument("--confirm-stale-base", action="store_true", help=say("h_confirm_stale_base"))


def dataset(a: argparse.Namespace) -> Dataset:
    """The Dataset of the version the options ask for."""
    from sq_layout import workspace

    return workspace.dataset(getattr(a, "plan_version", None), getattr(a, "db", None))


def lang_option(p: argparse.ArgumentParser, what: str = "h_lang_labels") -> None:
    """--lang zh|en, Chinese unless asked (sq_layout.cli.speak found it before the parser was built); `what`: the
    string-table key of what it words."""
    p.add_argument("--lang", default="zh", choices=LANGS, type=language, help=say("h_lang", what=say(what)))


def language(text: str) -> Lang:
    """A language code (argparse type); anything else is refused naming the choices."""
    try:
        return parse_lang(text)
    except ValueError:
        raise argparse.ArgumentTypeError(say("h_bad_lang", value=repr(text[:20]), choices=Listed(LANGS))) from None


def selection_options(p: argparse.ArgumentParser) -> None:
    """--tier, --industry, --sub, --chain (repeatable) and --area."""

    def hint(kind: str) -> str:
        return say("h_names_hint", kind=kind)

    p.add_argument("--tier", action="append", default=[], help=say("h_tier"))
    p.add_argument("--industry", action="append", default=[], help=say("h_industry", hint=hint("industries")))
    p.add_argument("--sub", action="append", default=[], help=say("h_sub", hint=hint("subindustries")))
    p.add_argument("--chain", action="append", default=[], help=say("h_chain", hint=hint("chains")))
    p.add_argument("--area", help=say("h_area", hint=hint("areas")))
    lang_option(p)


def page_options(p: argparse.ArgumentParser, orientation: str) -> None:
    """--paper, --orientation."""
    p.add_argument("--paper", default="a4", choices=["a4", "a3"], help=say("h_paper"))
    p.add_argument("--orientation", default=orientation, choices=["portrait", "landscape"], help=say("h_orientation"))


def selection(ds: Dataset, a: argparse.Namespace) -> tuple[Selection, str | None]:
    """The selection and area the options name, each resolved from any accepted spelling."""
    sel = Selection(
        tuple(resolve(ds, "tiers", v) for v in a.tier),
        tuple(resolve(ds, "industries", v) for v in a.industry),
        tuple(resolve(ds, "subindustries", v) for v in a.sub),
        tuple(resolve_chain(ds, v) for v in a.chain),
    )
    area = resolve(ds, "areas", a.area) if a.area else None
    return sel, area


def output(path: Path, kind: str) -> Format:
    """The format an output path asks for, after checking its folder can be written; refuse otherwise."""
    fmt = for_path(str(path), kind)
    check_parent(path)
    return fmt


def positive_dpi(text: str) -> int:
    """An integer DPI (range checked where it is used)."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(say("h_bad_number", value=repr(text[:20]))) from None


def iso_date(text: str) -> str:
    """A calendar date as YYYY-MM-DD, or a month as YYYY-MM (argparse type); anything else is refused."""
    from datetime import date

    value = text.strip()
    try:
        if len(value) == 7 and value[4] == "-":
            date.fromisoformat(value + "-01")
            return value
        if len(value) == 10:
            return date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    from sq_layout.upload_limits import clip

    raise argparse.ArgumentTypeError(say("h_bad_date", value=repr(clip(text, 40))))


def require_selection(sel: Selection, area: str | None, everything: bool) -> None:
    """An empty view is refused with what to add, unless the whole dataset was asked for."""
    if sel.empty and area is None and not everything:
        raise BadInput("bad_nothing_selected")
