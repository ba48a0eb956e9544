"""Table documents (the bulletin's and the progress report's PDF), read back with pdftotext and pdffonts: a long table
runs over pages with its header repeated and its heading marked as continued, every row printed once; a name with a
character outside the cut-down face is printed from the whole face and stays searchable; every page says which of
how many it is."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from sq_layout.i18n import Lang, t
from sq_layout.printing.tabledoc import table_pdf


def _read(tool: str, pdf: bytes, tmp_path: Path, *args: str) -> str:
    exe = shutil.which(tool)
    assert exe, f"{tool} (poppler-utils) is needed to read the PDF back"
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    to_stdout = ["-"] if tool == "pdftotext" else []
    return subprocess.run([exe, *args, str(path), *to_stdout], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_long_table_runs_over_pages_with_every_row_once(lang: Lang, tmp_path: Path) -> None:
    rows = pd.DataFrame(
        {"项目 Project": [f"示例项目{i:04d}" for i in range(300)], "亿元 Yi": [i / 4 for i in range(300)]}
    )
    pdf = table_pdf("示例通报 demo", ["说明 note"], {"推进 Moves": rows, "空 Empty": rows.iloc[:0]}, lang, "无 none")
    pages = _read("pdftotext", pdf, tmp_path, "-layout").split("\f")[:-1]
    assert len(pages) >= 3
    printed = re.findall(r"示例项目(\d{4})", "".join(pages))
    assert printed == [f"{i:04d}" for i in range(300)]  # every row, once, in order
    continued = "推进 Moves" + t("continued", lang)
    for n, page in enumerate(pages, start=1):
        assert t("print_page_foot", lang).format(date="", page=n, pages=len(pages)).split("·")[1].strip() in page
        if n > 1 and "示例项目" in page:
            assert continued in page and "项目 Project" in page  # the heading marked, the header repeated
    assert "无 none" in pages[-1]  # an empty section says so
    assert re.search(r"\s0\.25\s", pages[0])  # numbers printed as the cells are (cell_text)


def test_a_character_outside_the_cut_down_face_comes_from_the_whole_one(tmp_path: Path) -> None:
    rare = "示例企业䶮堃"  # U+4DAE, U+5803: names' characters outside GB2312
    pdf = table_pdf("示例", [], {"企业": pd.DataFrame({"名称": [rare, "示例企业"]})}, "zh", "无")
    assert rare in _read("pdftotext", pdf, tmp_path)
    fonts = _read("pdffonts", pdf, tmp_path)
    assert "SQNotoSansCJKSCPrint" in fonts and re.search(r"SQNotoSansCJKSC(?!Print)\S*\s", fonts), fonts
    plain = table_pdf("示例", [], {"企业": pd.DataFrame({"名称": ["示例企业"]})}, "zh", "无")
    assert not re.search(r"SQNotoSansCJKSC(?!Print)\S*\s", _read("pdffonts", plain, tmp_path))  # only when needed


def test_a_cell_prints_on_one_line_and_an_empty_section_says_so_once(tmp_path: Path) -> None:
    typed = pd.DataFrame({"下一步": ["先约谈\n再考察\t（示例）", "\x07示例"]})  # as a user may paste them
    pdf = table_pdf("示例", [], {"目标": typed, "本月新增": typed.iloc[:0]}, "zh", "无记录")
    lines = _read("pdftotext", pdf, tmp_path, "-layout").splitlines()
    assert any(re.fullmatch(r"\s*先约谈 再考察 （示例）\s*", ln) for ln in lines), lines
    assert [ln.strip() for ln in lines if ln.strip() in ("本月新增", "无记录")] == ["本月新增", "无记录"]
