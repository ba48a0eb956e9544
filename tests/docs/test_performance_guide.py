"""The performance guide is made from the benches' figure files only: no figure in it is typed by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import record, report


def test_committed_guide_equals_the_report_of_the_committed_figures() -> None:
    """docs/performance.md is what `python -m bench.report` writes from bench/figures/*.json."""
    assert report.GUIDE.read_text(encoding="utf-8") == report.render(), "run: python -m bench.report"


def test_every_figure_file_has_its_load_average_date_and_measure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each figure set names what it times, when, under what load, and its figures (a ratio from >= 3 pairs)."""
    sets = report.figure_sets()
    assert sets, "no figure files in bench/figures"
    for fig in sets:
        assert fig["measures"] and fig["date"] and fig["command"].startswith("python -m bench.")
        assert len(fig["load_average"]["before"]) == len(fig["load_average"]["after"]) == 3
        assert fig["figures"], fig["bench"]
        for row in fig["figures"]:
            if row["unit"] == "×" and row.get("pairs"):
                assert row["pairs"] >= 3, (fig["bench"], row["metric"])


def test_a_written_figure_set_reads_back_into_its_section(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A set written by the figures module is read back whole (written at once) and shown with its ratio's pairs."""
    monkeypatch.setattr(record, "FIGURES", tmp_path)
    fig = record.Figures("bench_demo", "Demo", "from a click to the card shown")
    fig.add("browser", "click → card", samples=[0.2, 0.4, 0.3], unit="s", column="app")
    r = fig.ratio("browser", "app / page", [0.2, 0.4, 0.3], [0.1, 0.2, 0.3], column="app", target="≤ 2×")
    assert r == 2.0
    with pytest.raises(ValueError):
        fig.ratio("browser", "unpaired", [1.0, 2.0], [1.0], column="app")
    out = fig.write()
    assert [p.name for p in tmp_path.iterdir()] == ["bench_demo.json"]
    text = report.section(json.loads(out.read_text(encoding="utf-8")))
    assert "| click → card | 0.30 s (0.20–0.40, 3) | ≤ 2× |" not in text  # target only on its own metric
    assert "| app / page | 2.00× (1.00–2.00, 3 pairs) | ≤ 2× |" in text
    assert "| click → card | 0.30 s (0.20–0.40, 3) |  |" in text
