"""The first map is drawn without the libraries only export, spreadsheets, charts or the other pages' maps need, nor
(from a stored version, which is read, not validated) pandera."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.browser.conftest import ROOT

LATER = ("matplotlib", "adjustText", "scipy", "openpyxl", "altair", "folium", "branca", "streamlit_folium", "pandera")

PROBE = """
import sys
from streamlit.testing.v1 import AppTest
at = AppTest.from_file({app!r}, default_timeout=120)
at.run()
assert not at.exception, at.exception
assert at.get("component_instance"), "no map on the first page"
print(",".join(m for m in {later!r} if m in sys.modules))
"""


def test_first_page_imports_no_export_chart_folium_or_validation_library(tmp_path: Path) -> None:
    env = {**os.environ, "SQ_LAYOUT_DB": f"sqlite:///{tmp_path / 'workspace.sqlite'}"}
    init = [sys.executable, "-m", "sq_layout", "workspace", "init"]
    subprocess.run(init, cwd=ROOT, env=env, capture_output=True, check=True, timeout=300)  # the bundled plan, stored
    code = PROBE.format(app=str(ROOT / "app.py"), later=LATER)
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1:] in ([], [""]), out.stdout
