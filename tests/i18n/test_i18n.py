"""The string tables: every key in one table only, every entry in both languages."""

from __future__ import annotations

from collections import Counter

from sq_layout import i18n


def test_keys_are_unique_across_the_wing_tables() -> None:
    counts = Counter(k for table in i18n.TABLES for k in table)
    assert [k for k, n in counts.items() if n > 1] == []
    assert len(i18n.TEXT) == sum(len(table) for table in i18n.TABLES)


def test_every_entry_speaks_both_languages() -> None:
    for table in (*i18n.TABLES, i18n.LABELS, i18n.HEADERS):
        for key, entry in table.items():
            assert set(entry) >= set(i18n.LANGS), key
            assert all(str(entry[lang]).strip() for lang in i18n.LANGS), key


def test_every_unknown_value_names_its_what_in_words() -> None:
    """Each `what` an UnknownValue or an edit's "ev_unknown" is raised with (a literal, or plan.names' kinds) has
    zh/en words, so a refusal never shows the code's English word to a Chinese reader."""
    import ast
    from pathlib import Path

    from sq_layout.i18n.refusals import WHATS
    from sq_layout.plan import names

    root = Path(__file__).resolve().parents[2] / "sq_layout"
    literal: set[str] = set()
    computed: list[str] = []
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Tuple) and node.elts and getattr(node.elts[0], "value", None) == "ev_unknown":
                said = node.elts[1]  # an edit's problem: ("ev_unknown", {"what": …, …})
                if isinstance(said, ast.Dict):
                    named = [v for k, v in zip(said.keys, said.values, strict=True) if getattr(k, "value", 0) == "what"]
                    literal.update(str(v.value) for v in named if isinstance(v, ast.Constant))
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "UnknownValue" and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant):
                    literal.add(str(first.value))
                else:
                    computed.append(f"{path.relative_to(root)}:{ast.unparse(first)}")
    assert len(literal) > 5 and computed == ["plan/names.py:_WHAT[kind]"]  # a new computed `what` needs its words
    whats = literal | set(names._WHAT.values())
    assert sorted(whats - set(WHATS)) == [] and sorted(set(WHATS) - whats) == []
    for what, words in WHATS.items():
        assert set(words) >= set(i18n.LANGS) and all(words[lang].strip() for lang in i18n.LANGS), what
