"""Plan seeds quote their lines; the demo set is fictional and apart from the baseline; the map layer is local."""

from __future__ import annotations

import json
import re
from functools import partial

import numpy as np
import pandas as pd

from layers.invest import card_html, invest_overlay, point_blob, points_frame, shade_entries, shade_legend, shade_styles
from layers.points import POINTS_DIR, publish
from sq_layout.geo.simplify import browser_geometry
from sq_layout.invest.demo import DEMO_SOURCE, demo_data
from sq_layout.invest.repository import plan_baseline
from sq_layout.invest.seed import plan_carriers, plan_firms, read_targets
from sq_layout.invest.views import InvestFilter, apply_filter, card_rows, records_at
from sq_layout.plan.dataset import Dataset
from sq_layout.plan.join import areas_frame
from tests.frames import number, text


def test_each_link_quote_occurs_on_its_line(ds: Dataset, links: pd.DataFrame) -> None:
    assert len(links) >= 20 and set(links["chain_no"]) >= {3, 5, 15}
    for r in links.itertuples():
        assert text(r.quote) in ds.passage(int(number(r.line))), r.link_id
    semi = links[links["chain_no"] == 5].sort_values("position")
    assert semi["name"].tolist() == ["半固态制浆", "精密铸造", "半固态成型", "半固态压铸", "零配件"]
    assert set(semi["line"]) == {747}


def test_each_target_quote_occurs_on_its_line(ds: Dataset) -> None:
    targets = read_targets()
    assert "专栏6-1" in ds.passage(875) and len(targets) == 4
    for r in targets.itertuples():
        assert text(r.quote) in ds.passage(int(number(r.line))), r.target_id


def test_plan_firms_and_carriers_come_from_the_details_with_their_lines(ds: Dataset) -> None:
    firms, carriers = plan_firms(ds), plan_carriers(ds)
    named = ds.details[ds.details["kind"] == "firm"]
    assert set(named["text"]) <= set(firms["name"]) and firms["approximate"].all()
    for r in firms.itertuples():
        found = re.match(r"规划第(\d+)行", text(r.source))
        assert found is not None, r.source
        assert text(r.name) in ds.passage(int(found.group(1)))
    assert firms.set_index("name").at["洋河股份", "area_id"] == "yanghe"
    assert firms.set_index("name").at["聚成金刚石", "chains"] == "3"
    assert "沭阳半固态成形产业园" in set(carriers["name"])


def test_demo_is_fictional_seeded_and_apart_from_the_baseline(ds: Dataset) -> None:
    a, b = demo_data(ds, 50, 20), demo_data(ds, 50, 20)
    assert a.demo and a.firms.equals(b.firms) and a.projects.equals(b.projects)
    assert a.firms["name"].str.fullmatch(r"示例企业\d{4}").all() and (a.firms["source"] == DEMO_SOURCE).all()
    assert (a.firms["credit_code"] == "").all()
    base = plan_baseline(ds)
    assert not base.demo and (base.firms["origin"] == "plan").all() and (base.projects["origin"] == "plan").all()


def test_points_travel_as_one_local_file_without_names(ds: Dataset) -> None:
    data = demo_data(ds, 600, 50)
    pts = points_frame(*apply_filter(data, InvestFilter()))
    blob = point_blob(pts)
    pset = publish(blob, len(pts))
    assert pset.n == 650 + len(data.carriers) and pset.bytes == 13 * pset.n == len(blob)
    assert (POINTS_DIR / pset.url.rsplit("/", 1)[1]).read_bytes() == blob  # written once, named by its content
    n = pset.n
    lat_i, lng_i = np.frombuffer(blob, "<i4", n, 0), np.frombuffer(blob, "<i4", n, 4 * n)
    lat, lng = lat_i / 1e5, lng_i / 1e5
    chain = np.frombuffer(blob, "<u2", n, 8 * n)
    radius, kind, approx = np.frombuffer(blob, np.uint8, 3 * n, 10 * n).reshape(3, n)
    assert np.allclose(lat, pts["lat"]) and np.allclose(lng, pts["lng"])
    assert (chain == pts["chain_no"]).all() and (kind == pts["kind"]).all() and (approx == pts["approximate"]).all()
    assert np.allclose(radius / 10, pts["radius"], atol=0.05)
    tables = apply_filter(data, InvestFilter())
    for k in range(0, n, 7):  # a click comes back as the drawn position (int / 1e5, as the browser divides)
        assert len(records_at(tables, int(lat_i[k]) / 1e5, int(lng_i[k]) / 1e5)) >= 1, k
    names = {int(c): f"{c}. {name}" for c, name in zip(ds.chains["chain_no"], ds.chains["name"], strict=True)}
    overlay = invest_overlay(shade_styles(browser_geometry(areas_frame(ds)), None), pset, names, "zh")
    sent = json.dumps(overlay.args(), ensure_ascii=False)
    points = overlay.args()["points"]
    assert isinstance(points, dict)
    assert "http" not in sent and points["url"] == pset.url
    assert "示例企业" not in sent and "sqpoints.js?v=" in sent  # names stay on the server
    assert len(sent.encode()) < 4000  # what a rerun carries: a restyle and the file's name


def test_points_past_twenty_chains_carry_their_own_chain_and_name(ds: Dataset) -> None:
    """A plan with more chains than the palette has colours: each point keeps its chain number, so its tip names it."""
    data = demo_data(ds, 60, 5)
    pts = points_frame(*apply_filter(data, InvestFilter()))
    pts["chain_no"] = [(k % 45) + 1 if k % 7 else 300 for k in range(len(pts))]
    blob = point_blob(pts)
    n = len(pts)
    assert (np.frombuffer(blob, "<u2", n, 8 * n) == pts["chain_no"]).all()
    names = {c: f"链{c}" for c in (*range(1, 46), 300)}
    spec = invest_overlay(shade_styles(browser_geometry(areas_frame(ds)), None), publish(blob, n), names, "zh")
    points = spec.args()["points"]
    assert isinstance(points, dict)
    chains = points["chains"]
    assert all(chains[c] == f"链{c}" for c in names) and chains[0] == ""


def test_shading_legend_gives_each_step_its_values(ds: Dataset) -> None:
    geo = browser_geometry(areas_frame(ds))
    values = pd.Series([12.0, 5.0, 1.0] + [0.0] * (len(geo) - 3), index=geo["area_id"])
    assert [e.label for e in shade_entries(values)] == ["0 – 2", "3 – 4", "5 – 7", "8 – 9", "10 – 12"]
    assert len(set(shade_styles(geo, values).idx)) == 4  # 12, 5, 1 and the zeros: four steps drawn
    box = shade_legend(values, "企业<数>", "zh")
    assert "10 – 12" in box and "企业&lt;数&gt;" in box  # the steps, and the title escaped
    assert set(shade_styles(geo, None).idx) == {"."}  # no shading: the base style everywhere


def test_card_escapes_names(ds: Dataset) -> None:
    data = plan_baseline(ds)
    firms = data.firms.assign(name="<img src=x onerror=alert(1)>")
    r = firms.iloc[0]
    hits = records_at((firms, data.projects, data.carriers.iloc[:0]), r.lat, r.lon)
    html = card_html(card_rows(ds, data, hits), "zh")
    assert "<img" not in html and "&lt;img src=x" in html and "近似位置" in html


def test_a_point_set_is_built_once_for_every_session(ds: Dataset) -> None:
    """The point set of (records, plan, filter) is shared by sessions: a second visitor reuses it, other records or
    another filter build their own, and only the few most recent are kept."""
    from layers import invest

    builds: list[int] = []

    def build(k: int) -> invest.PointBuild:
        builds.append(k)
        return k, b"", []

    a, b = demo_data(ds, 20, 5), demo_data(ds, 20, 5)
    assert invest.shared_points((a, ds, InvestFilter()), lambda: build(1))[0] == 1
    assert invest.shared_points((a, ds, InvestFilter()), lambda: build(2))[0] == 1  # another session: reused
    assert invest.shared_points((b, ds, InvestFilter()), lambda: build(3))[0] == 3  # equal records, other object
    assert invest.shared_points((a, ds, InvestFilter(chains=(3,))), lambda: build(4))[0] == 4
    for k in range(invest.SHARED_SETS):
        invest.shared_points((a, ds, InvestFilter(chains=(k + 10,))), partial(build, k + 10))
    assert invest.shared_points((a, ds, InvestFilter()), lambda: build(99))[0] == 99  # the oldest was let go
    assert builds == [1, 3, 4, *range(10, 10 + invest.SHARED_SETS), 99]
