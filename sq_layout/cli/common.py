"""Options shared by several commands, and turning them into a Dataset, a Selection and checked output paths.

A new common option goes into `dataset_options` and `dataset` only.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sq_layout.analysis.queries import Selection
from sq_layout.atomic import check_parent
from sq_layout.errors import BadInput
from sq_layout.export.registry import Format, for_path
from sq_layout.i18n import LANGS, parse_lang
from sq_layout.plan.dataset import Dataset
from sq_layout.plan.names import resolve, resolve_chain

NAMES_HINT = "Chinese, English or id; `python -m sq_layout list {}` shows them all"


def dataset_options(p: argparse.ArgumentParser) -> None:
    """--version and --db: which plan version a command reads, from which workspace database."""
    p.add_argument("--version", dest="plan_version", help="plan version id (default: the latest published)")
    p.add_argument("--db", help="workspace database URL (default: $SQ_LAYOUT_DB, else the SQLite file)")


def dataset(a: argparse.Namespace) -> Dataset:
    """The Dataset of the version the options ask for."""
    from sq_layout import workspace

    return workspace.dataset(getattr(a, "plan_version", None), getattr(a, "db", None))


def lang_option(p: argparse.ArgumentParser, what: str = "language of labels and headers") -> None:
    """--lang zh|en, Chinese unless asked."""
    p.add_argument("--lang", default="zh", choices=LANGS, type=parse_lang, help=f"{what} (default zh)")


def selection_options(p: argparse.ArgumentParser) -> None:
    """--tier, --industry, --sub, --chain (repeatable) and --area."""
    hint = NAMES_HINT.format
    p.add_argument("--tier", action="append", default=[], help="dominant/主导产业 or leading/先导产业")
    p.add_argument("--industry", action="append", default=[], help="e.g. 光伏新能源, pv; " + hint("industries"))
    p.add_argument("--sub", action="append", default=[], help="e.g. 酿酒, liquor; " + hint("subindustries"))
    p.add_argument("--chain", action="append", default=[], help="表十一 chain: 3, 晶硅光伏; " + hint("chains"))
    p.add_argument("--area", help="highlight an area: 泗洪县, sihong; " + hint("areas"))
    lang_option(p)


def page_options(p: argparse.ArgumentParser, orientation: str) -> None:
    """--paper, --orientation."""
    p.add_argument("--paper", default="a4", choices=["a4", "a3"])
    p.add_argument("--orientation", default=orientation, choices=["portrait", "landscape"])


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
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None


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

    raise argparse.ArgumentTypeError(f"not a date: {clip(text, 40)!r}; write YYYY-MM-DD (e.g. 2025-06-30) or YYYY-MM")


def require_selection(sel: Selection, area: str | None, everything: bool) -> None:
    """An empty view is refused with what to add, unless the whole dataset was asked for."""
    if sel.empty and area is None and not everything:
        raise BadInput("bad_nothing_selected")
