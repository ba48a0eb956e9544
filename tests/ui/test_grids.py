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
