"""`list areas|industries|subindustries|chains|tiers`: the names every option accepts (id, Chinese, English)."""

from __future__ import annotations

import argparse

from sq_layout.cli import common
from sq_layout.cli.speak import say
from sq_layout.plan.names import KINDS, choices

NAME = "list"
HELP = "h_list"


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Which list."""
    common.dataset_options(p)
    p.add_argument("what", choices=KINDS, help=say("h_list_what"))


def run(a: argparse.Namespace) -> None:
    """Print id, Chinese and English names, one per line (tab-separated)."""
    for c in choices(common.dataset(a), a.what):
        print(f"{c.id}\t{c.name}\t{c.name_en}")
