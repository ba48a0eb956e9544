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


def test_each_structured_refusal_says_itself_in_both_languages() -> None:
    """The refusals with structure render themselves: Chinese words in zh, the English `str()` kept for logs."""
    import re

    from sq_layout import errors

    made = [
        errors.UnknownVersion("9", [1, 2]),
        errors.OutputNotWritable("/x/y.png", why="why_no_folder", folder="/x"),
        errors.OutputNotWritable("/x/y.png", "Read-only file system"),
        errors.WorkspaceBusy(),
        errors.DataError("a.csv", ["row 2: bad"] * 21),
        errors.EditConflict("assignments", 7, 3, None),
        errors.EditConflict("assignments", 7, 3, {"rev": 5}),
        errors.InvestConflict(2, "local", "2026-12-07T03:56:00+00:00", "补录"),
        errors.PermissionDenied("eve", "editor", "publish"),
        errors.PermissionDenied(None, None, "import"),
        errors.DemoNotStored("demo"),
        errors.ConfigError("SQ_LAYOUT_LOCK_TIMEOUT", "soon", "cfg_seconds"),
        errors.BadInput("bad_dpi", dpi=9, low=30, high=1200),
        errors.WorkspaceUnavailable(key="err_ws_open", params={"url": "sqlite:///w", "reason": "gone"}),
        errors.EditRejected([("ev_unknown", {"what": "column", "value": "x", "choices": "a"})]),
    ]
    cjk = re.compile(r"[\u4e00-\u9fff]")
    for exc in made:
        zh, en = exc.text("zh"), exc.text("en")
        assert cjk.search(zh) and not cjk.search(en.replace("补录", "")), (type(exc).__name__, zh, en)
        assert not cjk.search(str(exc).replace("补录", "")), str(exc)
    assert "2026-12-07 11:56" in made[7].text("zh") and "本机用户" in made[7].text("zh")  # Beijing time, as pages
    assert "……另有 1 个问题" in made[4].text("zh") and "编辑员" in made[8].text("zh") and "发布" in made[8].text("zh")
    assert made[1].text("zh") == "无法写入 /x/y.png：文件夹 /x 不存在" and str(made[1]).endswith(
        "folder /x does not exist"
    )


def test_the_plan_is_cited_by_the_name_it_gives_itself() -> None:
    """Every 《…》 citation of the plan in what users read (strings, guides, README, the data's sources) uses the title
    the plan uses for itself (“十四五”工业经济高质量发展规划, in its own text)."""
    import re
    from pathlib import Path

    from sq_layout.paths import PLAN_DIR

    root = Path(__file__).resolve().parents[2]
    own = "“十四五”工业经济高质量发展规划"
    assert own in (PLAN_DIR / "plan_text.txt").read_text(encoding="utf-8")  # the plan names itself so
    files = [*root.glob("sq_layout/i18n/*.py"), *root.glob("docs/*.md"), root / "README.md"]
    files.append(root / "geodata/SOURCES.md")
    cited = [
        (f.relative_to(root), m.group(0))
        for f in files
        for m in re.finditer(r"《宿迁市“十四五”[^》]*》", f.read_text(encoding="utf-8"))
    ]
    assert cited and all(c == f"《宿迁市{own}》" for _, c in cited), [x for x in cited if x[1] != f"《宿迁市{own}》"]
