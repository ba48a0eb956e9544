"""The investment map on a plan of more than twenty chains: a point on chain 22 names its own chain in its tooltip
and card (the palette's colours repeat past twenty; the names do not)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import Page

from sq_layout.invest.demo import demo_data
from sq_layout.invest.views import InvestFilter, apply_filter
from sq_layout.paths import PLAN_DIR
from sq_layout.plan.dataset import Dataset, load_dataset
from tests.browser.conftest import fresh_workspace, map_still, serve_app, wait_idle, wait_until
from tests.browser.test_investment import alone, click_point, drawn, open_demo, select_option

pytestmark = pytest.mark.browser
MORE = {"21": ("metal", "金属材料", "Metal materials"), "22": ("terminal", "智能终端", "Smart terminals")}


@pytest.fixture(scope="module")
def geodata(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled plan with two more chains, 21 and 22: the sub-industries it lists on no chain (金属材料, 智能终端),
    each made a chain of its own, hosted where the plan puts them."""
    root = tmp_path_factory.mktemp("more-chains") / "geodata"
    shutil.copytree(PLAN_DIR.parent, root)
    chains = pd.read_csv(root / "plan/chains.csv", dtype=str, keep_default_na=False)
    extra = chains[chains["chain_no"] == "16"].iloc[[0, 0]].copy()
    extra["chain_no"] = list(MORE)
    extra["name"], extra["name_en"] = [m[1] for m in MORE.values()], [m[2] for m in MORE.values()]
    pd.concat([chains, extra]).to_csv(root / "plan/chains.csv", index=False)
    subs = pd.read_csv(root / "plan/subindustries.csv", dtype=str, keep_default_na=False)
    for no, (sub, _, _) in MORE.items():
        subs.loc[subs["subindustry_id"] == sub, ["chain_no", "chain_relation"]] = [no, "same"]
    subs.to_csv(root / "plan/subindustries.csv", index=False)
    return root


@pytest.fixture(scope="module")
def plan(geodata: Path) -> Dataset:
    """The plan of 22 chains as the app loads it."""
    return load_dataset(*(geodata / p for p in ("plan", "boundaries", "boundaries/official", "plan/plan_text.txt")))


@pytest.fixture(scope="module")
def more_app(geodata: Path) -> Iterator[str]:
    """The app on a workspace seeded from that plan."""
    env = {"SQ_LAYOUT_GEODATA": str(geodata)}
    with serve_app({**env, "SQ_LAYOUT_DB": fresh_workspace(env)}, "streamlit-more-chains.log") as url:
        yield url


def test_a_point_on_chain_22_names_its_chain_in_tooltip_and_card(page: Page, more_app: str, plan: Dataset) -> None:
    demo = demo_data(plan)  # the fixed-seed set the page's demo button loads, on this plan
    firms, projects, carriers = apply_filter(demo, InvestFilter(chains=(22,)))
    assert len(firms) > 0
    frame = open_demo(page, more_app)
    select_option(page, "产业链", "智能终端")
    wait_until(page, lambda: drawn(frame) == len(firms) + len(projects) + len(carriers), what="chain 22 points")
    target = alone(firms.dropna(subset=["lat"]), projects.dropna(subset=["lat"]), carriers).iloc[0]
    wait_idle(page)
    map_still(frame)
    pt = frame.evaluate(
        f"() => {{ const p = map_div.latLngToContainerPoint([{round(target.lat, 5)}, {round(target.lon, 5)}]);"
        " return [p.x, p.y]; }"
    )
    frame.locator("#map_div").hover(position={"x": pt[0], "y": pt[1]})
    tip = frame.locator(".sq-point-tip")
    wait_until(page, lambda: tip.is_visible() and "22. 智能终端" in tip.inner_text(), what="the point's tooltip")
    click_point(page, frame, target.lat, target.lon)
    card = page.locator(".sq-card")
    wait_until(page, lambda: card.count() > 0 and target["name"] in card.first.inner_text(), what="point card")
    assert "智能终端" in card.first.inner_text()
