"""Command line and writers: names in any language, one-line errors with exit 2, nothing written on failure,
atomic replacement (also on SIGINT/SIGTERM), a GeoPackage GDAL 3.6 opens cleanly (formula-safe cells:
test_formula_cells.py)."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

import openpyxl
import pytest

from sq_layout.analysis.queries import Selection
from sq_layout.atomic import write_bytes
from sq_layout.cli import COMMANDS, main
from sq_layout.errors import DataError, OutputNotWritable, UnknownValue
from sq_layout.export.dataexport import GPKG_VERSION, export_bytes
from sq_layout.export.registry import FORMATS, for_path, mime
from sq_layout.plan.dataset import Dataset
from sq_layout.plan.names import resolve, resolve_chain
from tests.waiting import wait_for

ROOT = Path(__file__).resolve().parents[2]


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --- names --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "typed", "expected"),
    [
        ("areas", "泗洪县", "sihong"),
        ("areas", "Sihong County", "sihong"),
        ("areas", "SIHONG", "sihong"),
        ("industries", "光伏新能源", "pv"),
        ("chains", "晶硅光伏", "3"),
        ("chains", "3", "3"),
        ("tiers", "主导产业", "dominant"),
    ],
)
def test_names_accepted_in_chinese_english_or_by_id(ds: Dataset, kind: str, typed: str, expected: str) -> None:
    assert resolve(ds, kind, typed) == expected


def test_unknown_name_lists_choices_and_a_close_match(ds: Dataset) -> None:
    with pytest.raises(UnknownValue) as exc:
        resolve_chain(ds, "晶硅光扶")
    msg = str(exc.value)
    assert "did you mean '晶硅光伏'" in msg and "3=晶硅光伏" in msg and "20=大数据+" in msg


def test_list_prints_every_name(ds: Dataset, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "list", "areas")
    assert code == 0
    rows = [line.split("\t") for line in out.splitlines()]
    assert rows[4] == ["sihong", "泗洪县", "Sihong County"] and len(rows) == 9
    code, out, _ = run_cli(capsys, "list", "chains")
    assert len(out.splitlines()) == 20 and out.startswith("1\t化学纤维")


def test_help_names_the_accepted_spellings(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["data", "--help"])
    out = capsys.readouterr().out
    assert "晶硅光伏" in out and "list chains" in out and ".gpkg" in out


# --- user mistakes: one line, exit 2, nothing written ---------------------------------------------


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["data", "--chain", "3", "-o", "{d}/x.txt"], "(choose from: .xlsx, .zip, .csv"),
        (["export", "--chain", "3", "-o", "{d}/x.tif"], "(choose from: .png, .svg, .pdf)"),
        (["export", "--chain", "99", "-o", "{d}/x.png"], "unknown chain '99'"),
        (["export", "--area", "nowhere", "-o", "{d}/x.png"], "unknown area 'nowhere'"),
        (["export", "--industry", "光伏", "-o", "{d}/x.png"], "did you mean"),
        (["export", "--chain", "3", "--dpi", "20000", "-o", "{d}/x.png"], "--dpi 20000 is out of range"),
        (["atlas", "--dpi", "20000", "-o", "{d}/atlas"], "--dpi 20000 is out of range"),
        (["export", "--chain", "3", "-o", "{d}/missing/x.png"], "folder {d}/missing does not exist"),
        (["data", "--chain", "3", "-o", "{d}/missing/x.xlsx"], "folder {d}/missing does not exist"),
        (["audit", "--xlsx", "{d}/missing/a.xlsx"], "folder {d}/missing does not exist"),
        (["audit", "--xlsx", "{d}/a.txt"], "unknown file type '.txt'"),
        (["data", "-o", "{d}/x.xlsx"], "nothing selected: add --chain/--industry/--sub/--tier/--area, or --all"),
        (
            ["data", "--chain", "3", "-o", "{d}/x.csv"],
            "a .csv holds one table and this export has 3 (areas, hosts, chain_figures)",
        ),
        (["data", "--chain", "3", "--table", "nope", "-o", "{d}/x.csv"], "unknown table 'nope'"),
    ],
)
def test_user_mistakes_end_with_one_line_and_exit_2_writing_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], message: str
) -> None:
    (tmp_path / "keep.docx").write_bytes(b"thesis")
    code, _, err = run_cli(capsys, *[a.format(d=tmp_path) for a in argv], "--lang", "en")
    assert code == 2
    assert err.startswith("error: ") and message.format(d=tmp_path) in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert listing(tmp_path) == ["keep.docx"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["export", "--area", "不存在", "-o", "{d}/x.png"],
            "错误：未知的地区“不存在”（可选：sucheng=宿城区、suyu=宿豫区",
        ),
        (["export", "--industry", "光伏", "-o", "{d}/x.png"], "错误：未知的产业“光伏”——是否指"),
        (
            ["export", "--chain", "3", "--version", "999", "-o", "{d}/x.png"],
            "错误：工作空间中没有规划版本“999”；现有版本：",
        ),
        (
            ["export", "--chain", "3", "-o", "{d}/missing/x.png"],
            "错误：无法写入 {d}/missing/x.png：文件夹 {d}/missing 不存在",
        ),
        (
            ["data", "--chain", "3", "-o", "{d}/x.csv"],
            "错误：.csv 只能容纳一张表，而此次导出有 3 张（areas、hosts、chain_figures）",
        ),
        (["atlas", "--dpi", "20000", "-o", "{d}/atlas"], "错误：--dpi 20000 超出范围"),
        (["workspace", "export", "-o", "{d}/v.txt"], "错误：未知的格式“.txt”：请用 .gpkg、.xlsx、.zip 或文件夹名"),
    ],
)
def test_refusals_are_in_chinese_unless_english_is_asked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], message: str
) -> None:
    code, _, err = run_cli(capsys, *[a.format(d=tmp_path) for a in argv])
    assert code == 2 and err.startswith(message.format(d=tmp_path)) and len(err.strip().splitlines()) == 1
    assert "error" not in err and "choose from" not in err and "Traceback" not in err


def test_output_naming_a_folder_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "x.xlsx").mkdir()
    code, _, err = run_cli(capsys, "data", "--chain", "3", "--lang", "en", "-o", str(tmp_path / "x.xlsx"))
    assert code == 2 and "a folder of that name exists" in err and listing(tmp_path / "x.xlsx") == []


def test_output_under_a_file_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x")
    code, _, err = run_cli(capsys, "data", "--chain", "3", "--lang", "en", "-o", str(tmp_path / "afile" / "x.xlsx"))
    assert code == 2 and "is not a folder" in err


@pytest.mark.parametrize(("lang", "reason"), [("zh", "没有这个文件或文件夹"), ("en", "no such file or folder")])
def test_the_systems_refusal_is_said_in_the_readers_words(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, lang: str, reason: str
) -> None:
    code, _, err = run_cli(capsys, "data", "--chain", "3", "--lang", lang, "-o", "/proc/sq-layout-test.xlsx")
    assert code == 2 and reason in err and "No such file" not in err  # /proc takes no new file (ENOENT)
    code, _, err = run_cli(capsys, "invest", "check", str(tmp_path / "missing.csv"), "--lang", lang)
    assert code == 2 and reason in err and "No such file" not in err
    missing = str(tmp_path / "missing.geojson")
    db = f"sqlite:///{tmp_path / 'w.sqlite'}"
    with pytest.raises(SystemExit) as ended:  # import-boundaries ends with its own exit code
        main(["workspace", "import-boundaries", missing, "--db", db, "--lang", lang])
    err = capsys.readouterr().err
    assert ended.value.code == 2 and reason in err and "Errno" not in err


@contextmanager
def not_root() -> Iterator[None]:
    """Check permissions as an ordinary user even when the tests run as root (as in CI): the real user id, which
    permission checks (os.access) use, is nobody's for the block; the effective one stays, so it can be restored."""
    if os.getuid() != 0:
        yield
        return
    os.setresuid(65534, 0, 0)
    try:
        yield
    finally:
        os.setresuid(0, 0, 0)


def test_read_only_folder_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    ro = tmp_path / "ro"
    ro.mkdir(mode=0o555)
    with not_root():
        code, _, err = run_cli(capsys, "data", "--chain", "3", "--lang", "en", "-o", str(ro / "x.xlsx"))
    assert code == 2 and "is not writable" in err and listing(ro) == []


def test_bugs_keep_their_traceback(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def broken(a: object) -> NoReturn:
        raise KeyError("a bug")

    monkeypatch.setattr(COMMANDS[0], "run", broken)
    with pytest.raises(KeyError, match="a bug"):
        main(["export", "--chain", "3", "-o", str(tmp_path / "x.png")])
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sq_layout.cli as c; c.listing.run = lambda a: {}['x']; c.main(['list', 'areas'])",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1 and "Traceback" in result.stderr and "KeyError" in result.stderr


def test_names_typed_in_chinese_export_a_map(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run_cli(
        capsys, "export", "--chain", "晶硅光伏", "--area", "泗洪县", "--dpi", "40", "-o", str(tmp_path / "pv.png")
    )
    assert code == 0, err
    assert listing(tmp_path) == ["pv.png"] and (tmp_path / "pv.png").read_bytes().startswith(b"\x89PNG")


# --- formats ---------------------------------------------------------------------------------------


def test_registry_is_the_one_list_of_formats() -> None:
    assert for_path("x.CSV", "data").id == "csv" and for_path("a/b.gpkg", "data").id == "gpkg"
    assert mime("sq.xlsx").endswith("spreadsheetml.sheet") and mime("m.svg") == "image/svg+xml"
    assert len({f.suffix for f in FORMATS}) == len(FORMATS)


def test_csv_writes_one_table_as_csv_not_a_zip(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "hosts.csv"
    code, _, err = run_cli(capsys, "data", "--chain", "晶硅光伏", "--table", "hosts", "-o", str(target))
    assert code == 0, err
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and not zipfile.is_zipfile(target)
    assert "泗洪县" in raw.decode("utf-8-sig")


def test_geopackage_is_version_1_2_and_gdal_opens_it_without_warning(ds: Dataset, tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "x.gpkg", export_bytes("gpkg", ds, Selection(chains=(3,)), "sihong", "zh", False))
    with sqlite3.connect(path) as con:
        major, minor = map(int, GPKG_VERSION.split("."))
        assert con.execute("PRAGMA user_version").fetchone()[0] == major * 10000 + minor * 100
    if not shutil.which("ogrinfo"):
        pytest.skip("gdal-bin not installed (.ci/run installs it)")
    result = subprocess.run(["ogrinfo", "-so", "-al", str(path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "Warning" not in result.stderr + result.stdout, result.stderr
    assert "areas" in result.stdout and "hosts" in result.stdout


# --- atomic writes -------------------------------------------------------------------------------


def test_failed_write_keeps_the_previous_file_and_leaves_nothing(tmp_path: Path) -> None:
    target = write_bytes(tmp_path / "map.png", b"good")
    from sq_layout.atomic import atomic_path

    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_bytes(b"half")
        raise RuntimeError("disk full")
    assert target.read_bytes() == b"good" and listing(tmp_path) == ["map.png"]
    with pytest.raises(OutputNotWritable):
        write_bytes(tmp_path / "nope" / "x.png", b"")


MID_WRITE = """
import signal, sys
signal.signal(signal.SIGINT, signal.default_int_handler)  # Ctrl-C as at a terminal (a background job ignores it)
from sq_layout.atomic import atomic_path
with atomic_path(sys.argv[1]) as tmp, tmp.open("wb") as f:
    f.write(b"x" * 1000); f.flush()
    sys.stdin.read()  # held mid-write until signalled (the test never writes to this pipe)
"""


def partial_files(folder: Path) -> list[Path]:
    """The atomic writer's temporary files of pv.png that already hold bytes."""
    return [p for p in folder.iterdir() if p.name.startswith(".pv.png.") and p.stat().st_size]


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_signal_while_writing_keeps_the_previous_file_and_leaves_nothing(tmp_path: Path, sig: signal.Signals) -> None:
    target = tmp_path / "pv.png"
    target.write_bytes(b"previous good map")
    proc = subprocess.Popen(
        [sys.executable, "-c", MID_WRITE, str(target)], cwd=ROOT, stdin=subprocess.PIPE, stderr=subprocess.PIPE
    )
    wait_for(lambda: partial_files(tmp_path), timeout=60, what="the writer to be part way through its file")
    proc.send_signal(sig)
    proc.wait(timeout=60)
    assert proc.returncode != 0
    assert target.read_bytes() == b"previous good map" and listing(tmp_path) == ["pv.png"]


def rendering(proc: subprocess.Popen[bytes]) -> bool:
    """Whether the export has loaded matplotlib's compiled parts (past importing, drawing the map) or has ended."""
    try:
        return proc.poll() is not None or "matplotlib" in Path(f"/proc/{proc.pid}/maps").read_text()
    except OSError:  # it ended between the two looks
        return True


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_interrupted_export_keeps_the_previous_file(tmp_path: Path, sig: signal.Signals) -> None:
    target = tmp_path / "pv.png"
    target.write_bytes(b"previous good map")
    proc = subprocess.Popen(
        [sys.executable, "-m", "sq_layout", "export", "--chain", "3", "--dpi", "600", "-o", str(target)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    wait_for(lambda: rendering(proc), timeout=120, what="the export to start drawing")
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert target.read_bytes() in (b"previous good map",) or target.read_bytes().startswith(b"\x89PNG")
    assert listing(tmp_path) == ["pv.png"]
    if sig == signal.SIGINT and target.read_bytes() == b"previous good map":  # interrupted, not already done
        assert err.decode().endswith("已中断，未替换任何文件。\n") and proc.returncode == 130


def test_audit_workbook_has_readable_unique_headers_names_and_rounded_figures(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "audit.xlsx"
    code, _, err = run_cli(capsys, "audit", "--lang", "en", "--xlsx", str(target))
    assert code == 0, err
    wb = openpyxl.load_workbook(target)
    for ws in wb.worksheets[1:]:
        header = [c.value for c in ws[1]]
        assert len(header) == len(set(header)), (ws.title, header)
        assert not [h for h in header if h and "_" in str(h)], (ws.title, header)
    values = [str(c.value) for ws in wb.worksheets for row in ws.iter_rows(min_row=2) for c in row if c.value]
    assert not [v for v in values if v.startswith("('")], "tuple text"
    spread = wb["Chain spread"]
    hosts = [c.value for c in spread[1]].index("Hosting areas")
    assert "Sucheng District" in str(spread.cell(2, hosts + 1).value)
    sim = wb["Similar areas"]
    assert [c.value for c in sim[1]] == ["Area A", "Area B", "Similarity"]
    assert sim["A2"].value == "Shuyang County" and sim["C2"].value == 0.55


def test_app_shows_a_data_error_as_a_message(monkeypatch: pytest.MonkeyPatch) -> None:
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from sq_layout import workspace

    def broken(*_args: object) -> None:
        raise DataError(
            str(ROOT / "geodata/plan/chains.csv"), ["row 3, column 'target_2025_yi': 'inf' is not a number"]
        )

    monkeypatch.setattr(workspace, "dataset", broken)  # the pages read the plan through the workspace
    st.cache_resource.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    st.cache_resource.clear()
    assert not at.exception
    shown = " ".join(e.value for e in at.error)
    assert "geodata/plan/chains.csv" in shown and "target_2025_yi" in shown and str(ROOT) not in shown


# --- bad data files -------------------------------------------------------------------------------
