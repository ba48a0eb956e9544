"""Shareable URLs: every view survives encode -> parse; bad values are dropped and reported."""

from __future__ import annotations

from sq_layout.analysis.queries import Selection
from sq_layout.viewstate import ViewState, encode_view, parse_view


def test_roundtrip(ds):
    view = ViewState(
        lang="en",
        selection=Selection(tiers=("leading",), industries=("pv",), subindustries=("liquor",), chains=(3, 9)),
        area="sihong",
        basemap="osm",
    )
    parsed, dropped = parse_view(encode_view(view), ds)
    assert parsed == view and dropped == []


def test_defaults_make_short_links(ds):
    assert encode_view(ViewState()) == {}
    assert parse_view({}, ds) == (ViewState(), [])


def test_unknown_values_are_dropped_and_reported(ds):
    parsed, dropped = parse_view({"chain": "9,99", "area": "atlantis", "ind": "pv,<b>", "lang": "fr"}, ds)
    assert parsed.selection.chains == (9,) and parsed.selection.industries == ("pv",)
    assert parsed.area is None and parsed.lang == "zh"
    assert set(dropped) == {"chain=99", "area=atlantis", "ind=<b>"}
