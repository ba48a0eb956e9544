"""`fonts`: prepare the PDF fonts once (the app also does it in the background when it starts)."""

from __future__ import annotations

import argparse
from pathlib import Path

from sq_layout.i18n import Lang

NAME = "fonts"
HELP = "h_fonts"


def add_arguments(p: argparse.ArgumentParser) -> None:
    """No options."""


def run(a: argparse.Namespace) -> None:
    """Convert the faces not yet prepared, with a progress bar; print where they are."""
    for path in prepare_with_bar():
        print(path)


def ready_first(lang: Lang) -> None:
    """Before a PDF: if the fonts are not prepared yet, say so and prepare them with a progress bar."""
    from sq_layout.i18n import t
    from sq_layout.printing.fontprep import ready

    if not ready():
        print(t("cli_fonts_first", lang))
        prepare_with_bar()


def prepare_with_bar() -> list[Path]:
    """Prepare the PDF fonts with a progress bar per face being converted (none when all are prepared)."""
    from tqdm import tqdm

    from sq_layout.printing.fontprep import prepare

    bars: dict[str, tqdm[None]] = {}

    def progress(i: int, n: int, face: str) -> None:
        bar = bars.get(face) or bars.setdefault(face, tqdm(total=n, unit="glyph", desc=f"PDF font {face}"))
        bar.update(i - bar.n)

    try:
        return prepare(progress)
    finally:
        for bar in bars.values():
            bar.close()
