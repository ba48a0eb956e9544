"""Bad plan data files: each is refused with the file, row and column, or read as the user meant."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from sq_layout.analysis.queries import Selection
from sq_layout.errors import DataError
from sq_layout.plan.dataset import Dataset
from tests.cli.test_cli_files import listing, run_cli


def test_trailing_comma_on_every_row_is_read_or_named(data_copy: Path) -> None:
    from tests.conftest import load_copy

    chains = data_copy / "plan" / "chains.csv"
    _rewrite(chains, lambda i, line: line + "," if i else line)
    assert len(load_copy(data_copy).chains) == 20  # rows with a trailing comma read as intended
    _rewrite(chains, lambda i, line: line + "oops" if i == 2 else line)
    with pytest.raises(DataError, match=r"chains\.csv(.|\n)*row 2 \(line 3\)(.|\n)*oops"):
        load_copy(data_copy)
    _rewrite(chains, lambda i, line: line.removesuffix("oops"))
    _rewrite(chains, lambda i, line: line if i else line + ",")
    with pytest.raises(DataError) as exc:
        load_copy(data_copy)
    assert "chains.csv" in str(exc.value)


def test_infinite_target_is_refused_naming_file_row_and_column(data_copy: Path) -> None:
    from tests.conftest import load_copy

    chains = data_copy / "plan" / "chains.csv"
    _rewrite(chains, lambda i, line: line.replace(",1000,904", ",inf,904") if i == 1 else line)
    with pytest.raises(DataError) as exc:
        load_copy(data_copy)
    msg = str(exc.value)
    assert "chains.csv" in msg and "row 1" in msg and "target_2025_yi" in msg and "finite" in msg


def test_missing_plan_figure_is_a_user_error_naming_the_file(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from sq_layout.cli import common
    from tests.conftest import load_copy

    figures = data_copy / "plan" / "plan_figures.csv"
    _rewrite(figures, lambda i, line: "" if line.startswith("T11_total_2020,") else line)
    broken = load_copy(data_copy)
    monkeypatch.setattr(common, "dataset", lambda a: broken)
    out = tmp_path / "out"
    out.mkdir()
    code, _, err = run_cli(capsys, "audit", "--xlsx", str(out / "a.xlsx"))
    assert code == 2 and "plan_figures.csv" in err and "T11_total_2020" in err and "Traceback" not in err
    assert listing(out) == []


def test_dollar_signs_in_a_name_print_as_text(ds: Dataset, tmp_path: Path) -> None:
    from dataclasses import replace

    from sq_layout.printing.printmap import PrintSpec, render_map, save_figure

    chains = ds.chains.copy()
    chains.loc[chains["chain_no"] == 3, "name"] = r"$\frac{1}$"
    fig = render_map(replace(ds, chains=chains), Selection(chains=(3,)), None, PrintSpec(dpi=30))
    save_figure(fig, tmp_path / "x.png")
    legend = fig.axes[0].get_legend()
    assert legend is not None
    assert any(t.get_text() == r"$\frac{1}$" for t in legend.get_texts())


def _rewrite(path: Path, fn: Callable[[int, str], str]) -> None:
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    path.write_text("\n".join(fn(i, line) for i, line in enumerate(lines)) + "\n", encoding="utf-8")
