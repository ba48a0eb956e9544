"""Every grid on a page leaves a cell without a value empty: Streamlit's own default writes the word "None" in it
(drawn on a canvas, so the page scan cannot read it)."""

from __future__ import annotations

import ast

from sq_layout.paths import ROOT

GRIDS = {"dataframe", "data_editor"}


def test_every_grid_call_sets_the_missing_value_placeholder() -> None:
    calls, bare = 0, []
    for path in [*sorted((ROOT / "ui").glob("*.py")), ROOT / "app.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in GRIDS:
                calls += 1
                if not any(k.arg == "placeholder" for k in node.keywords):
                    bare.append(f"{path.name}:{node.lineno}")
    assert calls >= 10, "the grids were not found"
    assert bare == []


def test_a_bulletin_table_wider_than_the_page_narrows_its_long_text_columns() -> None:
    import pandas as pd

    from ui.invest_pipeline import NARROW_PX, _narrowed

    moved = pd.DataFrame(
        {
            "Project": ["Demo Suzhou PV Materials Ltd project"],
            "Firm": ["Demo Suzhou PV Materials Ltd"],
            "Chain": ["Crystalline-silicon PV, Green building materials"],
            "Area": ["Sihong County"],
            "Date": ["2026-12-07"],
            "Investment (100m yuan)": [12.5],
            "Recorded by": ["eve"],
        }
    )
    widths = {c: cfg["width"] for c, cfg in _narrowed(moved).items()}  # type: ignore[index]
    # the names and chains give way, so the date, investment and who stay in sight
    assert widths == {"Project": NARROW_PX, "Firm": NARROW_PX, "Chain": NARROW_PX}
    assert _narrowed(moved[["Project", "Date", "Investment (100m yuan)"]]) == {}  # a table that fits is left as it is
