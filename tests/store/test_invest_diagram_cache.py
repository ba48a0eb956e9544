"""The chain diagram is kept per records revision on SQLite and PostgreSQL: the same revision's model, SVG and record
tables are reused, and a records save (this repository's or another's) gives them anew."""

from __future__ import annotations

import pandas as pd

from layers.chain_diagram import diagram_svg
from sq_layout.invest.diagram import chain_diagram
from sq_layout.invest.repository import add_records
from sq_layout.invest.store_repository import StoreRepository
from sq_layout.plan.dataset import Dataset
from sq_layout.store import Workspace


def _firm(i: int, link: str, data_firms: pd.DataFrame) -> pd.DataFrame:
    lon, lat = data_firms.iloc[0][["lon", "lat"]]
    return pd.DataFrame(
        [{
            "firm_id": f"t{i}", "name": f"缓存测试企业{i}", "credit_code": "", "role": "配套", "chains": "3",
            "links": link, "area_id": "sihong", "area_stated": "sihong", "area_flag": False, "carrier": "",
            "lon": lon, "lat": lat, "approximate": False, "origin": "user", "source": "测试",
        }]
    )  # fmt: skip


def _node(ds: Dataset, repo: StoreRepository, link: str) -> tuple[int, list[str]]:
    """A link's firm count and the names of its records, as the diagram of what the repository loads says."""
    n = next(n for n in chain_diagram(ds, repo.load(), 3).nodes if n.link_id == link)
    return n.firms, n.records["name"].tolist()


def test_a_records_save_gives_the_chain_diagram_anew(ws: Workspace) -> None:
    ds = ws.load(ws.latest_id())
    vid = ws.save_dataset(ds, "diagram cache test")
    repo = StoreRepository(ws, vid, ds=ds)
    data = repo.load()
    d = chain_diagram(ds, data, 3)
    assert chain_diagram(ds, repo.load(), 3) is d  # the same revision: kept, not rebuilt
    svg = diagram_svg(d, "zh", "c3-glass")
    assert diagram_svg(d, "zh", "c3-glass") is svg and diagram_svg(d, "en", "c3-glass") != svg
    firms, names = _node(ds, repo, "c3-glass")

    repo.save(add_records(data, {"firms": _firm(1, "c3-glass", data.firms)}), "one firm on 光伏玻璃")
    assert _node(ds, repo, "c3-glass") == (firms + 1, [*names, "缓存测试企业1"])
    after = chain_diagram(ds, repo.load(), 3)
    assert after is not d and f"{firms + 1}" in diagram_svg(after, "zh", "c3-glass")

    other = StoreRepository(ws, vid, ds=ds)  # a colleague's save (another session or process) moves the revision too
    other.save(add_records(other.load(), {"firms": _firm(2, "c3-glass", data.firms)}), "a colleague's firm")
    assert _node(ds, repo, "c3-glass") == (firms + 2, [*names, "缓存测试企业1", "缓存测试企业2"])
    assert chain_diagram(ds, data, 3) is d  # the old revision's model is untouched by the saves
    assert "缓存测试企业1" not in set(next(n for n in d.nodes if n.link_id == "c3-glass").records["name"])
