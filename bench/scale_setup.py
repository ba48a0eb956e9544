"""Where bench_scale's data and pages come from: generated national data, seeded workspaces, the map-only page."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def data_dir(n: int) -> Path | None:
    """None = the bundled Suqian data; otherwise a generated national directory (written once)."""
    if n <= 9:
        return None
    from tests.national import write_dataset

    root = ROOT / "out" / f"bench-national-{n}"
    if not (root / "boundaries" / "counties.geojson").exists():
        write_dataset(root, None if n >= 2870 else n, n_chains=200)
    return root


def workspace_url(d: Path | None) -> str:
    """A SQLite workspace seeded from the data directory (once), so the app reads that plan as it would in use."""
    where = (d or ROOT / "out" / "bench-suqian") / "workspace"
    url = f"sqlite:///{where / 'workspace.sqlite'}"
    if not (where / "workspace.sqlite").exists():
        where.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "SQ_LAYOUT_DB": url} | ({"SQ_LAYOUT_GEODATA": str(d)} if d else {})
        subprocess.run([sys.executable, "-m", "sq_layout", "workspace", "init"], cwd=ROOT, env=env, check=True)
    return url


def bench_env(d: Path | None, page: str = "map") -> dict[str, str]:
    """The environment a bench server or child runs in (data directory, seeded workspace for the explorer)."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("TIANDITU_KEY", None)
    if d is not None:
        env["SQ_LAYOUT_GEODATA"] = str(d)
    if page == "app":
        env["SQ_LAYOUT_DB"] = workspace_url(d)
    return env


def page_path(page: str) -> Path:
    """app.py, or the map-only page copied beside a link to static/ (Streamlit serves static/ next to the script)."""
    if page == "app":
        return ROOT / "app.py"
    where = ROOT / "out" / "bench-page"
    where.mkdir(parents=True, exist_ok=True)
    (where / "map_page.py").write_text((ROOT / "bench" / "map_page.py").read_text(encoding="utf-8"), "utf-8")
    if not (where / "static").exists():
        (where / "static").symlink_to(ROOT / "static", target_is_directory=True)
    (where / ".streamlit").mkdir(exist_ok=True)
    (where / ".streamlit" / "config.toml").write_text((ROOT / ".streamlit" / "config.toml").read_text())
    return where / "map_page.py"
