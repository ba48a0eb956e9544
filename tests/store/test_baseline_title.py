"""The bundled baseline's title and note are shown in the reader's language; the stored ones stay as seeded."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from sq_layout import workspace
from sq_layout.store.workspace_store import BASELINE_NOTE, BASELINE_TITLE

ROOT = Path(__file__).resolve().parents[2]
SHOWN = {
    "zh": ("“十四五”规划（随附基线）", "只读", "基线（只读）"),
    "en": ("14th Five-Year Plan (bundled baseline)", "read-only", "Baseline (read-only)"),
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_workspace_page_shows_the_baseline_in_the_readers_language(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["lang"] = lang  # the shared view state's language, as a link carries it
    at.switch_page("ui/workspace.py").run()
    assert not at.exception
    listing = at.dataframe[0].value
    baseline = listing[listing.iloc[:, 0] == 1].iloc[0].astype(str).tolist()
    title, note, kind = SHOWN[lang]
    assert title in baseline and note in baseline and kind in baseline
    assert BASELINE_TITLE not in baseline
    picked = at.selectbox[0]
    brackets = "（{}）" if lang == "zh" else " ({})"  # brackets of the reader's script
    assert picked.format_func(1) == f"1 · {title}" + brackets.format(kind)
    stored = workspace.workspace().info(1)
    assert (stored.title, stored.note) == (BASELINE_TITLE, BASELINE_NOTE)  # the data itself is unchanged
