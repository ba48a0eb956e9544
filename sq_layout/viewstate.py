"""The view (language, filters, selected area, basemap) to and from URL query parameters."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from sq_layout.analysis.queries import Selection
from sq_layout.i18n import LANGS
from sq_layout.plan.dataset import Dataset

BASEMAPS = ("none", "osm", "tianditu", "amap")


@dataclass(frozen=True)
class ViewState:
    """Everything a shared link restores."""

    lang: str = "zh"
    selection: Selection = field(default_factory=Selection)
    area: str | None = None
    basemap: str = "none"


def _split(value: str | None) -> list[str]:
    return [v for v in (value or "").split(",") if v]


def parse_view(params: dict[str, str], ds: Dataset) -> tuple[ViewState, list[str]]:
    """Read query parameters; unknown values are dropped and reported, never fatal."""
    dropped: list[str] = []

    def keep(key: str, known: set[str]) -> tuple[str, ...]:
        vals = _split(params.get(key))
        dropped.extend(f"{key}={v}" for v in vals if v not in known)
        return tuple(v for v in vals if v in known)

    chains = keep("chain", {str(c) for c in ds.chains["chain_no"]})
    sel = Selection(
        tiers=keep("tier", set(ds.industries["tier"])),
        industries=keep("ind", set(ds.industries["industry_id"])),
        subindustries=keep("sub", set(ds.subindustries["subindustry_id"])),
        chains=tuple(int(c) for c in chains),
    )
    state = ViewState(selection=sel)
    lang = params.get("lang", "zh")
    state = replace(state, lang=lang) if lang in LANGS else state
    area = params.get("area")
    if area:
        if area in set(ds.areas["area_id"]):
            state = replace(state, area=area)
        else:
            dropped.append(f"area={area}")
    base = params.get("base", "none")
    state = replace(state, basemap=base) if base in BASEMAPS else state
    return state, dropped


def encode_view(state: ViewState) -> dict[str, str]:
    """Query parameters for a view; defaults are left out so links stay short."""
    s = state.selection
    out = {
        "lang": state.lang if state.lang != "zh" else "",
        "tier": ",".join(s.tiers),
        "ind": ",".join(s.industries),
        "sub": ",".join(s.subindustries),
        "chain": ",".join(str(c) for c in s.chains),
        "area": state.area or "",
        "base": state.basemap if state.basemap != "none" else "",
    }
    return {k: v for k, v in out.items() if v}
