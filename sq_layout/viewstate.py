"""The one view state (language, filters by id, selected area, compared area, basemap), to and from the URL.

Both pages read and write this one value; widgets are drawn from it. Adding a field means: the dataclass, one line in
`parse_view`, one in `encode_view`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from sq_layout.analysis.queries import Selection
from sq_layout.i18n import DEFAULT_LANG, LANGS, Lang, parse_lang
from sq_layout.plan.dataset import Dataset

BASEMAPS = ("none", "osm", "tianditu", "amap")
MAX_VALUES = 64  # per parameter, after de-duplication (the data has 20 chains, 9 areas…)
MAX_CHARS = 4096  # per parameter value; anything longer is cut before it is split
MAX_NOTED = 10  # dropped values listed in the page note; the rest are counted


@dataclass(frozen=True)
class ViewState:
    """Everything a shared link restores."""

    lang: Lang = "zh"
    selection: Selection = field(default_factory=Selection)
    area: str | None = None
    basemap: str = "none"
    compare: str | None = None

    def cleared(self) -> ViewState:
        """The same language and basemap with no filter and no area (what 清除选择 does)."""
        return ViewState(lang=self.lang, basemap=self.basemap)


def _values(raw: str | Iterable[str] | None) -> list[str]:
    """Every comma-separated value of a parameter (possibly repeated), de-duplicated in order, capped."""
    if raw is None:
        return []
    items = [raw] if isinstance(raw, str) else list(raw)[:MAX_VALUES]
    out: dict[str, None] = {}
    for item in items:
        text = str(item)
        if len(text) > MAX_CHARS:  # cut at a comma so no value is cut in half
            text = text[:MAX_CHARS].rsplit(",", 1)[0] if "," in text[:MAX_CHARS] else text[:MAX_CHARS]
        for v in text.split(","):
            v = v.strip()
            if v and v not in out:
                out[v] = None
                if len(out) >= MAX_VALUES:
                    return list(out)
    return list(out)


def _first(raw: str | Iterable[str] | None) -> str | None:
    vals = _values(raw)
    return vals[0] if vals else None


def parse_view(params: Mapping[str, str | Iterable[str]], ds: Dataset) -> tuple[ViewState, list[str]]:
    """Read query parameters; unknown, repeated or oversized values are dropped and reported, never fatal."""
    dropped: list[str] = []

    def keep(key: str, known: set[str]) -> tuple[str, ...]:
        vals = _values(params.get(key))
        dropped.extend(f"{key}={v[:40]}" for v in vals if v not in known)
        return tuple(v for v in vals if v in known)

    def one(key: str, known: Iterable[str], default: str | None) -> str | None:
        val = _first(params.get(key))
        if val is None:
            return default
        if val in set(known):
            return val
        dropped.append(f"{key}={val[:40]}")
        return default

    chains = keep("chain", {str(c) for c in ds.chains["chain_no"]})
    sel = Selection(
        tiers=keep("tier", set(ds.industries["tier"])),
        industries=keep("ind", set(ds.industries["industry_id"])),
        subindustries=keep("sub", set(ds.subindustries["subindustry_id"])),
        chains=tuple(int(c) for c in chains),
    )
    areas = list(ds.areas["area_id"])
    state = ViewState(
        lang=parse_lang(one("lang", LANGS, "zh"), "zh"),
        selection=sel,
        area=one("area", areas, None),
        basemap=one("base", BASEMAPS, "none") or "none",
        compare=one("cmp", areas, None),
    )
    return state, dropped


def encode_view(state: ViewState) -> dict[str, str]:
    """Query parameters for a view; defaults are left out so links stay short."""
    s = state.selection
    out = {
        "lang": "" if state.lang == DEFAULT_LANG else state.lang,  # the default language leaves the URL short
        "tier": ",".join(s.tiers),
        "ind": ",".join(s.industries),
        "sub": ",".join(s.subindustries),
        "chain": ",".join(str(c) for c in s.chains),
        "area": state.area or "",
        "cmp": state.compare or "",
        "base": state.basemap if state.basemap != "none" else "",
    }
    return {k: v for k, v in out.items() if v}


def dropped_note(dropped: list[str]) -> str:
    """The ignored values as one short plain-text line (long lists are counted, not listed)."""
    shown = ", ".join(dropped[:MAX_NOTED])
    return shown + (f" … (+{len(dropped) - MAX_NOTED})" if len(dropped) > MAX_NOTED else "")


def with_selection(state: ViewState, field_name: str, values: Iterable[str | int]) -> ViewState:
    """The state with one selection field (tiers, industries, subindustries, chains) replaced; chains as ints."""
    vals = tuple(dict.fromkeys(int(v) if field_name == "chains" else str(v) for v in values))
    sel = replace(state.selection, **{field_name: vals})  # type: ignore[arg-type]
    return replace(state, selection=sel)
