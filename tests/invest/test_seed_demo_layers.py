"""Plan seeds quote their lines; the demo set is fictional and apart from the baseline; the map layer is local."""

from __future__ import annotations

import json
import re

import folium

from layers.assets import make_offline, remote_assets
from layers.invest import CLUSTER_DIR, add_cluster_assets, card_html, ensure_markercluster, points_frame, points_group
from sq_layout.invest.demo import DEMO_SOURCE, demo_data
from sq_layout.invest.repository import plan_baseline
from sq_layout.invest.seed import plan_carriers, plan_firms, read_targets
from sq_layout.invest.views import InvestFilter, apply_filter, card_rows, records_at


def test_each_link_quote_occurs_on_its_line(ds, links) -> None:
    assert len(links) >= 20 and set(links["chain_no"]) >= {3, 5, 15}
    for r in links.itertuples():
        assert r.quote in ds.passage(int(r.line)), r.link_id
        assert r.name in r.quote or r.link_id == "c15-monomer", r.link_id
    semi = links[links["chain_no"] == 5].sort_values("position")
    assert semi["name"].tolist() == ["半固态制浆", "半固态成型", "半固态压铸", "零配件"] and set(semi["line"]) == {747}


def test_each_target_quote_occurs_on_its_line(ds) -> None:
    targets = read_targets()
    assert "专栏6-1" in ds.passage(875) and len(targets) == 4
    for r in targets.itertuples():
        assert r.quote in ds.passage(int(r.line)), r.target_id


def test_plan_firms_and_carriers_come_from_the_details_with_their_lines(ds) -> None:
    firms, carriers = plan_firms(ds), plan_carriers(ds)
    named = ds.details[ds.details["kind"] == "firm"]
    assert sorted(firms["name"]) == sorted(named["text"]) and firms["approximate"].all()
    for r in firms.itertuples():
        line = int(re.match(r"规划第(\d+)行", r.source).group(1))
        assert r.name in ds.passage(line)
    assert firms.set_index("name").at["洋河股份", "area_id"] == "yanghe"
    assert firms.set_index("name").at["聚成金刚石", "chains"] == "3"
    assert "沭阳半固态成形产业园" in set(carriers["name"])


def test_demo_is_fictional_seeded_and_apart_from_the_baseline(ds) -> None:
    a, b = demo_data(ds, 50, 20), demo_data(ds, 50, 20)
    assert a.demo and a.firms.equals(b.firms) and a.projects.equals(b.projects)
    assert a.firms["name"].str.fullmatch(r"示例企业\d{4}").all() and (a.firms["source"] == DEMO_SOURCE).all()
    assert (a.firms["credit_code"] == "").all()
    base = plan_baseline(ds)
    assert not base.demo and (base.firms["origin"] == "plan").all() and base.projects.empty


def test_points_layer_has_no_remote_asset_and_no_names(ds) -> None:
    ensure_markercluster()
    assert (CLUSTER_DIR / "leaflet.markercluster.js").exists()
    data = demo_data(ds, 600, 50)
    m = add_cluster_assets(make_offline(folium.Map(tiles=None)))
    fg = points_group(points_frame(*apply_filter(data, InvestFilter())))
    fg.add_to(m)
    html = m.get_root().render()
    assert remote_assets(m) == [] and "cdnjs" not in html and "leaflet.markercluster.js" in html
    assert "示例企业" not in html  # names stay on the server
    payload = json.loads(re.search(r"var d = (\{.*?\});", html).group(1))
    assert payload["n"] == 650 + len(data.carriers) and len(payload["p"]) == 6 * payload["n"]


def test_card_escapes_names(ds) -> None:
    data = plan_baseline(ds)
    firms = data.firms.assign(name="<img src=x onerror=alert(1)>")
    r = firms.iloc[0]
    hits = records_at((firms, data.projects, data.carriers.iloc[:0]), r.lat, r.lon)
    html = card_html(card_rows(ds, data, hits), "zh")
    assert "<img" not in html and "&lt;img src=x" in html and "近似位置" in html
