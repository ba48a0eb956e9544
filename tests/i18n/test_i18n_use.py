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


# Joins of text no reader reads as a list in a language: (file, function) -> why it is not user text.
PLAIN_JOINS: dict[tuple[str, str], str] = {
    ("sq_layout/analysis/queries.py", "_unknown"): "a KeyError for the caller (code values), not a page's text",
    ("sq_layout/analysis/text_audit.py", "_readings"): "rejoins pieces of the plan's own sentence to read it again",
    ("sq_layout/auth/web.py", "__call__"): "an X-Forwarded-For header value",
    ("sq_layout/cli/import_boundaries.py", "add_import_boundaries_parser"): "argparse help: CRS codes",
    ("sq_layout/imports/boundaries.py", "save_import"): "a version's stored title (area ids), kept as stored",
    ("sq_layout/imports/plan_import.py", "import_plan"): "the version record's stored file label and summary",
    ("sq_layout/imports/plan_template.py", "read_csvs"): "the version record's stored file label",
    ("sq_layout/imports/plan_template.py", "template_bytes"): "the template's guide lists column codes",
    ("sq_layout/plan/join.py", "_sources_labels"): "a data column in the plan's own words (表十、第四章), like a quote",
    ("sq_layout/store/bulk.py", "insert_columns"): "SQL",
    ("sq_layout/store/drafts.py", "replace_boundaries"): "a change's stored summary (area ids)",
    ("sq_layout/store/edit_ops.py", "update_record"): "a change's stored summary",
    ("sq_layout/store/edit_ops.py", "set_chain_figures"): "a change's stored summary",
    ("sq_layout/store/workspace_store.py", "save_boundaries"): "a version record's stored summary (area ids)",
    ("sq_layout/viewstate.py", "dropped_note"): "the URL's ignored values as typed (codes, not names)",
    ("ui/edit_forms.py", "submit_update"): "a change's stored summary",
    ("bench/bench_chain_diagram.py", "in_app"): "a bench's terminal output",
    ("bench/bench_export.py", "write_figures"): "a bench's terminal output",
    ("bench/bench_investment.py", "in_app"): "a bench's terminal output",
    ("bench/bench_load.py", "_print"): "a bench's terminal output",
}
SEPARATORS = ("、", ", ", "，")
MIGRATIONS = ROOT / "sq_layout" / "store" / "migrations"  # SQL, never a reader's text


def _joins(tree: ast.Module) -> list[tuple[int, str]]:
    """(line, enclosing function) of every `"、".join(…)`, `", ".join(…)` and LIST_SEPARATOR use; LIST_SEPARATOR
    is reported as the function "<LIST_SEPARATOR>"."""
    functions = [f for f in ast.walk(tree) if isinstance(f, ast.FunctionDef | ast.AsyncFunctionDef)]
    spans = [(f.lineno, f.end_lineno or f.lineno, f.name) for f in functions]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id == "LIST_SEPARATOR":
            found.append((node.lineno, "<LIST_SEPARATOR>"))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "join"
            and isinstance(node.func.value, ast.Constant)
            and node.func.value.value in SEPARATORS
        ):
            inner = [name for first, last, name in spans if first <= node.lineno <= last]
            found.append((node.lineno, inner[-1] if inner else "<module>"))
    return found


def test_lists_a_reader_reads_are_joined_by_join_list() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line} in {where}"
        for path, tree in _sources()
        if I18N not in path.parents and MIGRATIONS not in path.parents
        for line, where in _joins(tree)
        if (str(path.relative_to(ROOT)), where) not in PLAIN_JOINS
    ]
    assert found == []


def test_the_join_scan_finds_joins_and_every_allowed_one_is_there() -> None:
    tree = ast.parse('a = "、".join(x)\ndef f():\n    return ", ".join(y) + LIST_SEPARATOR["zh"].join(z)\n')
    assert sorted(_joins(tree)) == [(1, "<module>"), (3, "<LIST_SEPARATOR>"), (3, "f")]
    seen = {(str(p.relative_to(ROOT)), where) for p, tree in _sources() for _, where in _joins(tree)}
    assert sorted(set(PLAIN_JOINS) - seen) == []
