"""The first map is drawn without the libraries only export, spreadsheets, charts or the other pages' maps need."""

from __future__ import annotations

import subprocess
import sys

from tests.browser.conftest import ROOT

LATER = ("matplotlib", "adjustText", "scipy", "openpyxl", "altair", "folium", "branca", "streamlit_folium")

PROBE = """
import sys
from streamlit.testing.v1 import AppTest
at = AppTest.from_file({app!r}, default_timeout=120)
at.run()
assert not at.exception, at.exception
assert at.get("component_instance"), "no map on the first page"
print(",".join(m for m in {later!r} if m in sys.modules))
"""


def test_first_page_imports_no_export_chart_or_folium_library() -> None:
    code = PROBE.format(app=str(ROOT / "app.py"), later=LATER)
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1:] in ([], [""]), out.stdout
