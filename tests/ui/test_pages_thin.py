"""Pages stay thin scripts: the lines of top-level code of each page in ui/ (statements outside functions and
classes; imports and the docstring not counted) stay under a limit, the views living in named functions."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "ui"
LIMIT = 120


def top_level_lines(source: str) -> int:
    """How many lines the module's top-level statements (not defs, classes, imports or docstrings) take."""
    lines: set[int] = set()
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Import | ast.ImportFrom):
            continue
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue
        lines.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
    return len(lines)


def test_pages_are_thin() -> None:
    sizes = {p.name: top_level_lines(p.read_text(encoding="utf-8")) for p in sorted(UI.glob("*.py"))}
    assert len(sizes) > 10 and sizes["explorer.py"] > 0  # the pages are there and counted
    assert {name: n for name, n in sizes.items() if n > LIMIT} == {}


def test_the_count_skips_functions_imports_and_docstrings() -> None:
    source = '"""Doc."""\nimport os\n\n\ndef f() -> None:\n    x = 1\n    y = 2\n\n\nif os.sep:\n    print(1)\nz = 3\n'
    assert top_level_lines(source) == 3
