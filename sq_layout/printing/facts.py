"""The facts table under a printed map, split over as many pages as it needs so no row is dropped."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.table import Table

from sq_layout.i18n.lang import display_width
from sq_layout.printing.paper import cell_text

ROW_LEADING = 1.75  # row height in multiples of the font size


def rows_that_fit(height_in: float, fontsize: float) -> int:
    """How many body rows (after the header) fit in a band of this height."""
    return max(1, int(height_in * 72 / (fontsize * ROW_LEADING)) - 1)


def chunks(table: pd.DataFrame, first: int, rest: int) -> list[pd.DataFrame]:
    """The table cut into page-sized pieces: `first` rows on the map page, `rest` on each continuation page."""
    out = [table.iloc[:first]]
    i = first
    while i < len(table):
        out.append(table.iloc[i : i + rest])
        i += rest
    return out


def draw_table(fig: Figure, table: pd.DataFrame, rect: tuple[float, float, float, float], fontsize: float) -> Table:
    """Every row of `table` as a full-width table at the top of rect (figure fractions), columns sized to content."""
    ax = fig.add_axes(rect)
    ax.set_axis_off()
    shown = table.map(cell_text)
    cols = [str(c) for c in shown.columns]
    widths = [
        max([display_width(c), *(display_width(v) for v in shown[c0])]) + 2
        for c, c0 in zip(cols, shown.columns, strict=True)
    ]
    total = sum(widths)
    page_h_in = fig.get_size_inches()[1] * rect[3]
    row_frac = fontsize * ROW_LEADING / 72 / page_h_in
    if row_frac * (len(shown) + 1) > 1:  # more rows than the band holds at this size (a one-page PNG): smaller type
        fontsize /= row_frac * (len(shown) + 1)
        row_frac = 1 / (len(shown) + 1)
    height = min(1.0, row_frac * (len(shown) + 1))
    need_in = total * fontsize * 0.55 / 72
    have_in = fig.get_size_inches()[0] * rect[2]
    size = fontsize * min(1.0, have_in / need_in) if need_in else fontsize
    tab = ax.table(
        cellText=shown.values.tolist() or [[""] * len(cols)],
        colLabels=cols,
        colWidths=[w / total for w in widths],
        cellLoc="left",
        colLoc="left",
        bbox=(0.0, 1.0 - height, 1.0, height),  # type: ignore[arg-type]  # a bounds tuple is accepted
    )
    tab.auto_set_font_size(False)
    tab.set_fontsize(size)
    for (r, _), cell in tab.get_celld().items():
        cell.set_linewidth(0.4)
        if r == 0:
            cell.set_facecolor("#EEEEEE")
    return tab


def printed_rows(fig: Figure) -> list[list[str]]:
    """The body rows of every table drawn on a figure (what a reader sees), for checks."""
    rows: list[list[str]] = []
    for tab in fig.findobj(Table):
        cells = tab.get_celld()
        n_rows = max(r for r, _ in cells) if cells else 0
        n_cols = max(c for _, c in cells) + 1 if cells else 0
        rows += [[cells[r, c].get_text().get_text() for c in range(n_cols)] for r in range(1, n_rows + 1)]
    return rows
