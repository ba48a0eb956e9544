"""Turn st_folium's returned state into a selection change: select, toggle off, or clear on empty map."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ClickResult:
    """The area now selected (None = nothing) and the click just handled (so it is not handled twice)."""

    selected: str | None
    handled_click: tuple[float, float] | None


def _point(obj: dict | None) -> tuple[float, float] | None:
    return (round(obj["lat"], 7), round(obj["lng"], 7)) if obj else None


def interpret_click(state: dict | None, selected: str | None, last_handled: tuple[float, float] | None) -> ClickResult:
    """A new click on a feature selects its area_id (or clears it if already selected); on empty map it clears."""
    state = state or {}
    click = _point(state.get("last_clicked"))
    if click is None or click == last_handled:
        return ClickResult(selected, last_handled)
    if _point(state.get("last_object_clicked")) == click:
        feature = state.get("last_active_drawing") or {}
        area_id = (feature.get("properties") or {}).get("area_id")
        if area_id is None:
            return ClickResult(selected, click)
        return ClickResult(None if area_id == selected else area_id, click)
    return ClickResult(None, click)
