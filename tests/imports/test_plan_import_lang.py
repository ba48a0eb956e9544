"""A broken plan bundle's problems in the reader's language: each names the file, row and column, and a Chinese
reader gets no English besides the file's own names (files, columns, values and the codes it may use)."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from sq_layout.cli import main
from sq_layout.errors import DataError
from sq_layout.export.version_export import bundle_files
from sq_layout.i18n import HEADERS, Lang
from sq_layout.imports.plan_import import import_plan
from sq_layout.plan.dataset import bundled
from sq_layout.plan.schemas import DETAIL_KINDS, TABLES, TIERS
from sq_layout.store import Workspace

CJK = re.compile(r"[\u4e00-\u9fff]")
WORD = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


Change = Callable[[pd.DataFrame], pd.DataFrame]


def _bundle(folder: Path, edit: dict[str, bytes | Change]) -> Path:
    """The baseline as a bundle folder with some files replaced (by path or name): a frame is written as CSV, bytes as
    they are."""
    for rel, data in bundle_files(bundled()).items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        name = rel if rel in edit else Path(rel).stem
        if name in edit:
            change = edit[name]
            if isinstance(change, bytes):
                data = change
            else:
                frame = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False)
                data = change(frame).to_csv(index=False).encode("utf-8")
        path.write_bytes(data)
    return folder


def _set(column: str, row: int, value: str) -> Change:
    def change(frame: pd.DataFrame) -> pd.DataFrame:
        frame.loc[row, column] = value
        return frame

    return change


@pytest.fixture
def broken(tmp_path: Path) -> tuple[Path, Path, str]:
    """A bundle with a column missing, an unknown chain, a tier not among the tiers and a line past the text's end;
    another whose areas.csv is not UTF-8; the column the first leaves out."""
    dropped = list(TABLES["conflicts"].columns)[-1]
    tables = _bundle(
        tmp_path / "tables",
        {
            "conflicts": lambda f: f.drop(columns=[dropped]),
            "subindustries": _set("chain_no", 2, "99"),
            "industries": _set("tier", 1, "major"),
            "assignments": _set("line", 4, "99999"),
        },
    )
    areas = bundle_files(bundled())["plan/areas.csv"]
    encoding = _bundle(tmp_path / "encoding", {"areas": areas[:40] + b"\xff\xfe" + areas[40:]})
    return tables, encoding, dropped


def _problems(ws: Workspace, folder: Path, lang: Lang) -> list[str]:
    before = ws.checksum()
    with pytest.raises(DataError) as err:
        import_plan(ws, [folder], lang=lang)
    assert ws.checksum() == before  # nothing saved
    return err.value.problems


def _allowed() -> set[str]:
    """English the file itself brings: file and column names, the values put in, the codes and ids it may use."""
    ds = bundled()
    names = {w for n in TABLES for w in (n, "csv", "txt", "plan_text", "UTF", "CSV")}
    columns = {c for s in TABLES.values() for c in s.columns}
    ids = set(ds.areas["area_id"]) | set(ds.industries["industry_id"]) | set(ds.subindustries["subindustry_id"])
    return names | columns | ids | set(TIERS) | {"major", "tables", "encoding", "zip"}


def test_problems_are_chinese_and_name_file_row_and_column(ws: Workspace, broken: tuple[Path, Path, str]) -> None:
    tables, encoding, dropped = broken
    problems = _problems(ws, tables, "zh")
    allowed = _allowed()
    for p in problems:
        assert CJK.search(p), p
        assert set(WORD.findall(p)) <= allowed, (p, set(WORD.findall(p)) - allowed)
    text = "\n".join(problems)
    header = HEADERS[dropped]["zh"]
    assert f"conflicts.csv：列不符：缺少 {dropped}（{header}）；多出 无" in text
    assert "subindustries.csv：第 3 行（文件第 4 行），列 chain_no（产业链序号）：没有编号为 99 的产业链" in text
    assert (
        "industries.csv：第 2 行（文件第 3 行），列 tier（层级）：值为 'major'，应为以下之一：dominant、leading" in text
    )
    assert "assignments.csv：第 5 行（文件第 6 行），列 line（规划行号）：99999 超出规划全文的最后一行" in text

    (bad_text,) = _problems(ws, encoding, "zh")
    assert bad_text.startswith("areas.csv：不是 UTF-8 编码的文本（第 40 字节）")
    assert set(WORD.findall(bad_text)) <= allowed


def test_the_same_problems_in_english(ws: Workspace, broken: tuple[Path, Path, str]) -> None:
    tables, encoding, dropped = broken
    problems = _problems(ws, tables, "en")
    assert not any(CJK.search(p) for p in problems), problems
    text = "\n".join(problems)
    assert f"conflicts.csv: columns missing ['{dropped}'], unexpected []" in text
    assert "subindustries.csv: row 3 (line 4), column 'chain_no': unknown chain 99; expected one of" in text
    assert "industries.csv: row 2 (line 3), column 'tier': got 'major', expected one of: dominant, leading" in text
    assert "assignments.csv: row 5 (line 6), column 'line': 99999 is past the plan text's last line" in text
    assert _problems(ws, encoding, "en") == ["areas.csv: not UTF-8 text (byte 40); save it as UTF-8 CSV"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_check_of_the_plan_tables_is_described_in_words(lang: Lang) -> None:
    from sq_layout.plan.tables import check_words

    for name, schema in TABLES.items():
        for column, spec in schema.columns.items():
            for check in spec.checks:
                words = check_words(check, lang)
                assert check.name not in words and not re.search(r"[\\^$|]", words), (name, column, words)
                own = (check.statistics or {}).get("allowed_values", ())  # the file's values, as it writes them
                rest = re.sub("|".join(map(re.escape, own)), "", words) if own else words
                assert bool(CJK.search(rest)) == (lang == "zh"), (name, column, words)


def test_checks_in_words_on_an_import(ws: Workspace, tmp_path: Path) -> None:
    folder = _bundle(
        tmp_path / "checks",
        {
            "plan/areas.csv": _set("adcode", 0, "3213"),
            "industries": _set("color", 0, "red"),
            "conflicts": _set("lines", 0, "12,13"),
            "details": _set("kind", 0, "factory"),
        },
    )
    en = "\n".join(_problems(ws, folder, "en"))
    assert "column 'adcode': got '3213', expected a 6-digit administrative code, or empty" in en
    assert "column 'color': got 'red', expected a colour as # and 6 hex digits, e.g. #1f77b4" in en
    assert "column 'lines': got '12,13', expected line numbers separated by semicolons, e.g. 174;175" in en
    assert f"column 'kind': got 'factory', expected one of: {', '.join(DETAIL_KINDS)}" in en
    assert "str_matches" not in en and "isin" not in en
    zh = "\n".join(_problems(ws, folder, "zh"))
    assert "列 color（颜色）：值为 'red'，应为 # 加 6 位十六进制数的颜色" in zh and "^#" not in zh


def test_the_command_line_reports_them_in_chinese_unless_asked(
    ws: Workspace, broken: tuple[Path, Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    tables, _, _ = broken
    code = main(["workspace", "import-plan", str(tables), "--db", ws.url])  # zh, as every other command
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    assert "个问题" in err and "problem(s)" not in err
    assert "industries.csv：第 2 行（文件第 3 行），列 tier（层级）" in err


def test_a_row_longer_than_its_header_is_named_in_chinese(tmp_path: Path) -> None:
    from sq_layout.plan.tables import read_raw

    path = tmp_path / "0.csv"
    path.write_text("area_id,name\nsucheng,宿城区,oops\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        read_raw(path, name="areas.csv", lang="zh")
    assert err.value.path == "areas.csv"
    assert err.value.problems == ["第 1 行（文件第 2 行）：有 3 个字段，但表头只有 2 个；多出的值 ['oops']"]
