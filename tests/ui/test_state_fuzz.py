"""State fuzzer: a seeded random walk over both pages' widgets, map clicks, page switches, language, Clear and URLs.

After every step: no exception reached the page, the URL encodes exactly the state, the filter widgets show the
state, and a language switch kept the selection. A failure prints the seed and the steps to replay it
(`SQ_FUZZ_SEEDS=<seed> SQ_FUZZ_STEPS=<n> pytest tests/ui/test_state_fuzz.py`).
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from sq_layout.analysis.audit import LEVELS
from sq_layout.export.registry import formats
from sq_layout.plan.dataset import bundled
from sq_layout.viewstate import BASEMAPS, ViewState, encode_view, parse_view

APP = str(Path(__file__).resolve().parents[2] / "app.py")
SEEDS = [int(s) for s in os.environ.get("SQ_FUZZ_SEEDS", "11,23").split(",")]
STEPS = int(os.environ.get("SQ_FUZZ_STEPS", "300"))
EXPLORER, AUDIT = "ui/explorer.py", "ui/audit.py"
FILTERS = {"w_tier": "tiers", "w_ind": "industries", "w_sub": "subindustries", "w_chain": "chains"}

DS = bundled()
AREAS = list(DS.areas["area_id"])
OPTIONS: dict[str, list[Any]] = {
    "w_tier": ["dominant", "leading"],
    "w_ind": list(DS.industries["industry_id"]),
    "w_sub": list(DS.subindustries["subindustry_id"]),
    "w_chain": [int(c) for c in DS.chains["chain_no"]],
    "w_area": ["", *AREAS],
    "w_cmp_b": ["", *AREAS],
    "w_ref": AREAS,
    "w_base": list(BASEMAPS),
    "fmt": [f.id for f in formats("map")],
    "paper": ["a4", "a3"],
    "orient": ["landscape", "portrait"],
    "dfmt": [f.id for f in formats("data") if not f.one_table],
    "scope": [False, True],
    "mode": ["similarity", "agreement", "chain"],
    "level": list(LEVELS),
    "sort": ["output_2020", "target_2023", "target_2025", "cagr_2020_2023_pct", "cagr_2020_2025_pct"],
    "fa": AREAS,
    "fi": list(DS.industries["industry_id"]),
}


def new_app(params: dict[str, Any]) -> AppTest:
    """A fresh session opened on a link (a URL edit reloads the page: a new session)."""
    st.config.set_option("runner.magicEnabled", False)  # the pages use no magic; skips re-parsing per run
    at = AppTest.from_file(APP, default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


def view_of(at: AppTest) -> ViewState:
    v: ViewState = at.session_state["sq_view"]
    return v


def click_value(area: str | None, n: int) -> dict[str, Any]:
    """What the map returns for a click: on a feature (its area_id) or on empty map (area None)."""
    pt = {"lat": 33.0 + n * 1e-4, "lng": 118.0 + n * 1e-4}
    if area is None:
        return {"last_clicked": pt, "last_object_clicked": None, "last_active_drawing": None}
    return {"last_clicked": pt, "last_object_clicked": pt, "last_active_drawing": {"properties": {"area_id": area}}}


class Walk:
    """One seeded walk; `steps` records what was done, for the failure message."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.steps: list[str] = []
        self.page = EXPLORER
        self.n = 0
        self.at = new_app({})

    def widget(self, kind: str, key: str) -> Any | None:
        found = [w for w in getattr(self.at, kind) if w.key == key]
        return found[0] if found else None

    def pick(self, kind: str, key: str, many: bool = False) -> str:
        """Set a widget to random real option values (ids), as a user choosing in it would."""
        w = self.widget(kind, key)
        if w is None:
            return f"{key} absent"
        options = OPTIONS[key]
        value: Any = (
            self.rng.sample(options, self.rng.randint(0, min(3, len(options)))) if many else self.rng.choice(options)
        )
        w.set_value(value)
        self.at.run()
        return f"{key}={value!r}"

    def step(self) -> str:
        actions: list[tuple[float, Callable[[], str]]] = [
            (2, self.switch_page),
            (2, self.switch_lang),
            (1, self.clear),
            (1, self.url_edit),
        ]
        if self.page == EXPLORER:
            actions += [
                (4, lambda: self.pick("multiselect", self.rng.choice(list(FILTERS)), many=True)),
                (2, lambda: self.pick("selectbox", "w_area")),
                (1, lambda: self.pick("selectbox", "w_base")),
                (1, lambda: self.pick("selectbox", "w_cmp_b")),
                (1, lambda: self.pick("selectbox", self.rng.choice(["fmt", "paper", "orient", "dfmt"]))),
                (1, lambda: self.pick("radio", "scope")),
                (4, lambda: self.map_click("sqmap")),
                (1, self.side_tab),
            ]
        else:
            actions += [
                (2, lambda: self.pick("radio", self.rng.choice(["mode", "level"]))),
                (2, lambda: self.pick("selectbox", self.rng.choice(["w_ref", "sort"]))),
                (1, lambda: self.pick("multiselect", self.rng.choice(["fa", "fi"]), many=True)),
                (3, lambda: self.map_click("amap")),
            ]
        weights = [w for w, _ in actions]
        return self.rng.choices([a for _, a in actions], weights)[0]()

    def side_tab(self) -> str:
        """Open the compare or the overlap tab (only the open one is drawn), as a click on its label would."""
        tabs = [tab.label for tab in self.at.tabs]
        if not tabs:
            return "tabs absent"
        label = self.rng.choice(tabs)
        self.at.session_state[f"w_tab_{view_of(self.at).lang}"] = label
        self.at.run()
        return f"tab {label}"

    def switch_page(self) -> str:
        self.page = AUDIT if self.page == EXPLORER else EXPLORER
        self.at.switch_page(self.page).run()
        return f"page {self.page}"

    def switch_lang(self) -> str:
        before = view_of(self.at)
        w = self.widget("radio", "w_lang")
        assert w is not None, "language switch missing"
        w.set_value("en" if before.lang == "zh" else "zh").run()
        after = view_of(self.at)
        assert (after.selection, after.area) == (before.selection, before.area), "language switch changed selection"
        return f"lang {after.lang}"

    def clear(self) -> str:
        if self.page != EXPLORER:
            return self.switch_page()
        w = self.widget("button", "w_clear")
        assert w is not None
        w.click().run()
        v = view_of(self.at)
        assert v.selection.empty and v.area is None, "Clear left a selection"
        return "clear"

    def map_click(self, key: str) -> str:
        self.n += 1
        kind = self.rng.choice(["area", "area", "same", "empty", "forged", "junk"])
        area: Any = self.rng.choice(AREAS)
        if kind == "same":
            area = view_of(self.at).area or area
        value: Any = click_value(area, self.n)
        if kind == "empty":
            value = click_value(None, self.n)
        elif kind == "forged":
            value = click_value(self.rng.choice(["atlantis", "<b>x</b>", "1" * 500]), self.n)
        elif kind == "junk":
            value = self.rng.choice([None, 7, "x", {"last_clicked": "nan"}, {"last_clicked": {"lat": "a"}}])
        self.at.session_state[key] = value
        self.at.run()
        return f"click {key} {kind} {area if kind in ('area', 'same') else ''}"

    def url_edit(self) -> str:
        params: dict[str, Any] = dict(encode_view(view_of(self.at)))
        junk = self.rng.choice(["none", "dup", "unknown", "huge"])
        if junk == "dup" and "chain" in params:
            params["chain"] = ",".join([params["chain"]] * 300)
        elif junk == "unknown":
            params[self.rng.choice(["chain", "area", "ind", "lang", "base", "cmp"])] = "nope"
        elif junk == "huge":
            params["sub"] = ",".join(f"s{i}" for i in range(3000))
        expected, _ = parse_view(params, DS)
        self.at = new_app(params)
        self.page = EXPLORER
        assert view_of(self.at) == expected, "the link did not restore its view"
        return f"url {junk} {sorted(params)}"

    def check(self) -> None:
        assert not self.at.exception, [e.value for e in self.at.exception]
        v = view_of(self.at)
        url = {k: self.at.query_params[k] for k in self.at.query_params}
        assert url == encode_view(v), f"URL {url} != state {encode_view(v)}"
        assert parse_view(url, DS) == (v, []), "state does not round-trip through the URL"
        if self.page == EXPLORER:
            for key, field in FILTERS.items():
                w = self.widget("multiselect", key)
                assert w is not None and list(w.value) == list(getattr(v.selection, field)), key
            lang = self.widget("radio", "w_lang")
            assert lang is not None and lang.value == v.lang


@pytest.mark.parametrize("seed", SEEDS)
def test_random_walk_never_breaks_the_state(seed: int) -> None:
    walk = Walk(seed)
    walk.check()
    for i in range(STEPS):
        try:
            walk.steps.append(walk.step())
            walk.check()
        except AssertionError as exc:
            replay = "\n".join(f"  {n}: {s}" for n, s in enumerate(walk.steps))
            pytest.fail(f"seed {seed}, step {i}: {exc}\nsteps so far:\n{replay}")
