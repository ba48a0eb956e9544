"""The string tables against the code that reads them: every key used, every key asked for present, and no choice
of words by comparing the language outside sq_layout/i18n (a word lives in the tables, a width in `by_lang`)."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

from sq_layout import i18n

ROOT = Path(__file__).resolve().parents[2]
CODE = ("sq_layout", "layers", "ui", "bench")
I18N = ROOT / "sq_layout" / "i18n"


@cache
def _sources() -> list[tuple[Path, ast.Module]]:
    files = [p for folder in CODE for p in (ROOT / folder).rglob("*.py")] + [ROOT / "app.py"]
    return [(p, ast.parse(p.read_text(encoding="utf-8"), str(p))) for p in files]


def _head(node: ast.expr) -> str | None:
    """The literal start of a key built at run time: f"dg_grade_{g}" or "bnd_src_" + kind."""
    if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
        return str(node.values[0].value)
    if isinstance(node, ast.BinOp) and isinstance(node.left, ast.Constant) and isinstance(node.left.value, str):
        return node.left.value
    return None


def _mentions() -> tuple[set[str], set[str]]:
    """Every text constant and every literal head of a built string in the code; inside i18n/ only call
    arguments count (the tables' own keys are not uses)."""
    texts: set[str] = set()
    heads: set[str] = set()
    for path, tree in _sources():
        inside = I18N in path.parents
        for node in ast.walk(tree):
            if inside:
                args = node.args if isinstance(node, ast.Call) else []
                texts.update(a.value for a in args if isinstance(a, ast.Constant) and isinstance(a.value, str))
                heads.update(h for a in args if (h := _head(a)))
                continue
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                texts.add(node.value)
            elif isinstance(node, ast.expr) and (h := _head(node)):
                heads.add(h)
    return texts, heads


def test_every_key_is_used() -> None:
    texts, heads = _mentions()
    unused = [k for k in i18n.TEXT if k not in texts and not any(k.startswith(h) for h in heads if h)]
    assert unused == []


def test_every_key_asked_for_is_there() -> None:
    asked = [
        (path.relative_to(ROOT), node.lineno, node.args[0].value)
        for path, tree in _sources()
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in ("t", "tr", "_t")
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    ]
    assert len(asked) > 300  # the scan sees the pages' and exports' calls
    assert [a for a in asked if a[2] not in i18n.TEXT] == []


def _is_lang(node: ast.expr) -> bool:
    name = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""
    return name == "lang" or name.endswith("_lang")


def _branches(tree: ast.Module) -> list[int]:
    """Lines comparing a language with a language literal (lang == "zh", view.lang != "en", …)."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare) and isinstance(node.ops[0], ast.Eq | ast.NotEq):
            sides = [node.left, *node.comparators]
            if any(isinstance(s, ast.Constant) and s.value in i18n.LANGS for s in sides) and any(map(_is_lang, sides)):
                lines.append(node.lineno)
    return lines


def test_no_language_branch_outside_i18n() -> None:
    found = [f"{p.relative_to(ROOT)}:{n}" for p, tree in _sources() if I18N not in p.parents for n in _branches(tree)]
    assert found == []


def test_the_branch_scan_finds_a_branch() -> None:
    tree = ast.parse('sep = "、" if lang == "zh" else ", "\nok = lang_column("name", lang)\nx = v.lang != "en"\n')
    assert sorted(_branches(tree)) == [1, 3]
