"""Uploads are bounded before they are parsed (sq_layout.upload_limits): bytes, unpacked size of any zip-based file,
rows, columns and cell length; a refused upload writes nothing, says so in zh and en, and echoes no huge text."""

from __future__ import annotations

import io
import re
import tracemalloc
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from sq_layout import upload_limits as lim
from sq_layout.errors import BoundaryFileTooLarge, DataError, UploadTooLarge
from sq_layout.imports.boundary_files import read_upload as read_boundaries
from sq_layout.imports.plan_import import import_plan
from sq_layout.invest.columns import KINDS
from sq_layout.invest.importer import read_upload as read_invest
from sq_layout.invest.seed import read_links
from sq_layout.plan.dataset import bundled
from sq_layout.store import Workspace
from tests.cli.test_cli_files import run_cli
from tests.hostile import xlsx_bomb, zip_bomb

TABLE = lim.LIMITS["table"]


@pytest.fixture(scope="module")
def bomb() -> bytes:
    """An XLSX of about 0.1 MB whose one shared string unpacks to 100 MB (the 1.1 GB one is in the bench)."""
    return xlsx_bomb(100 * lim.MB)


def _short_and_bilingual(exc: UploadTooLarge, key: str) -> None:
    assert exc.key == key
    assert len(str(exc)) < 600
    zh, en = exc.text("zh"), exc.text("en")
    assert zh != en and len(zh) < 400 and len(en) < 400
    assert "{" not in zh and "{" not in en  # every placeholder filled


def test_xlsx_bomb_is_refused_on_plan_import_and_nothing_is_written(ws: Workspace, bomb: bytes, tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    path.write_bytes(bomb)
    before, versions = ws.checksum(), len(ws.versions())
    with pytest.raises(UploadTooLarge) as exc:
        import_plan(ws, [path], names=["规划.xlsx"])
    _short_and_bilingual(exc.value, "lim_unpacked")
    assert "规划.xlsx" in exc.value.text("zh") and "64 MB" in exc.value.text("en")
    assert ws.checksum() == before and len(ws.versions()) == versions


def test_one_huge_shared_string_under_the_total_is_refused_as_a_part(ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    path.write_bytes(xlsx_bomb(TABLE.member + lim.MB))
    assert TABLE.member + lim.MB < TABLE.unpacked
    before = ws.checksum()
    with pytest.raises(UploadTooLarge) as exc:
        import_plan(ws, [path])
    _short_and_bilingual(exc.value, "lim_member")
    assert "xl/sharedStrings.xml" in exc.value.text("en")
    assert ws.checksum() == before


def test_the_cli_refuses_the_bomb_in_one_short_line(
    ws: Workspace, bomb: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "plan.xlsx"
    path.write_bytes(bomb)
    before = ws.checksum()
    code, _, err = run_cli(capsys, "workspace", "import-plan", str(path), "--db", ws.url, "--lang", "en")
    assert code == 2 and "Traceback" not in err and len(err) < 400
    assert "unpacked it is 100 MB; the limit is 64 MB" in err
    assert ws.checksum() == before


def test_a_plan_csv_with_an_overlong_cell_is_refused_naming_row_and_column(ws: Workspace, tmp_path: Path) -> None:
    areas = bundled().areas.copy()
    long_text = "长" * (TABLE.cell_chars + 1)
    areas.loc[3, "name_en"] = long_text
    path = tmp_path / "areas.csv"
    areas.to_csv(path, index=False)
    before = ws.checksum()
    with pytest.raises(UploadTooLarge) as exc:
        import_plan(ws, [path])
    _short_and_bilingual(exc.value, "lim_cell")
    zh = exc.value.text("zh")
    assert "第 5 行" in zh and "name_en" in zh and f"{TABLE.cell_chars + 1:,}" in zh
    assert long_text not in str(exc.value) and long_text[:40] in str(exc.value)
    assert ws.checksum() == before


def test_a_plan_csv_over_the_row_limit_is_refused(ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "conflicts.csv"
    columns = list(bundled().conflicts.columns)  # short cells: over the row limit while well under the byte limit
    pd.DataFrame([["1"] * len(columns)] * (TABLE.rows + 1), columns=columns).to_csv(path, index=False)
    with pytest.raises(UploadTooLarge) as exc:
        import_plan(ws, [path])
    _short_and_bilingual(exc.value, "lim_rows")


def _firms_csv(n: int, name: str = "企业", chains: str = "") -> bytes:
    fields = [f.code for f in KINDS["firms"]]
    row = {"name": name, "chains": chains}
    frame = pd.DataFrame([[row.get(c, "") for c in fields]] * n, columns=[f.header for f in KINDS["firms"]])
    return frame.to_csv(index=False).encode("utf-8-sig")


def test_investment_import_is_bounded_in_bytes_zip_rows_and_cells(bomb: bytes) -> None:
    ds, links = bundled(), read_links()
    with pytest.raises(UploadTooLarge) as exc:
        read_invest(ds, "records.xlsx", bomb, links)
    _short_and_bilingual(exc.value, "lim_unpacked")
    with pytest.raises(UploadTooLarge) as exc:
        read_invest(ds, "records.csv", b"a" * (TABLE.bytes + 1), links)
    _short_and_bilingual(exc.value, "lim_bytes")
    with pytest.raises(UploadTooLarge) as exc:
        read_invest(ds, "records.csv", _firms_csv(TABLE.rows + 1), links)
    _short_and_bilingual(exc.value, "lim_rows")
    with pytest.raises(UploadTooLarge) as exc:
        read_invest(ds, "records.csv", _firms_csv(3, "x" * 1_000_000), links)
    _short_and_bilingual(exc.value, "lim_cell")
    assert "x" * 100 not in str(exc.value)
    # GBK is what Excel on Chinese Windows saves: read since issue 22; bytes no encoding reads are still refused
    with pytest.raises(DataError):
        read_invest(ds, "records.csv", "名称\r\n".encode("gbk") + b"\x80\xff\xfe\x81,3\r\n", links)


def test_a_problem_never_repeats_a_long_value() -> None:
    ds, links = bundled(), read_links()
    # under the cell limit but long: the problem table shows its start only
    results = read_invest(ds, "records.csv", _firms_csv(1, chains="链" * 20_000), links)
    shown = pd.concat([r.problems for r in results])
    assert "链" * 80 in "".join(shown["value"]) and "链" * 81 not in "".join(shown["value"])


def test_a_sheet_claiming_a_million_rows_and_columns_is_read_within_the_limits() -> None:
    from openpyxl import Workbook

    from sq_layout.invest.template import read_workbook

    wb = Workbook()
    wb.active.title = "企业"
    wb.active.append([f.header for f in KINDS["firms"]])
    wb.active.append(["企业甲"])
    plain = io.BytesIO()
    wb.save(plain)
    out = io.BytesIO()
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', data)
                assert b"XFD1048576" in data
            dst.writestr(info.filename, data)
    tracemalloc.start()
    sheets, _ = read_workbook(out.getvalue(), "claims.xlsx")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert len(sheets["firms"]) == 1 and sheets["firms"].iloc[0, 0] == "企业甲"
    assert peak < 100 * lim.MB


def test_boundary_zip_bomb_is_refused_in_the_readers_language() -> None:
    with pytest.raises(BoundaryFileTooLarge) as exc:
        read_boundaries("边界.zip", zip_bomb("areas.geojson", lim.LIMITS["boundary"].unpacked + 1))
    assert exc.value.key == "lim_unpacked"
    # the boundary refusal carries the limit's key and values: worded as that limit's refusal
    limit = UploadTooLarge(exc.value.path, exc.value.problems, exc.value.key, exc.value.params)
    assert "解压后" in limit.text("zh") and "unpacked" in limit.text("en")
    with pytest.raises(BoundaryFileTooLarge) as ratio:
        read_boundaries("边界.kmz", zip_bomb("doc.kml", 20 * lim.MB))
    assert ratio.value.key == "lim_ratio"
