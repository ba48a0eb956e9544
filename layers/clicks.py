"""Turn the map's returned value into a selection change: select, toggle off, or clear on empty map."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

# A click as handled: its (lat, lng) and the id the map frame gives each click ("" from a map that gives none).
Click = tuple[float, float, str]


@dataclass(frozen=True)
class ClickResult:
    """The area now selected (None = nothing), the click just handled, and an unknown area id that was ignored."""

    selected: str | None
    handled_click: Click | None
    ignored: str | None = None


def _point(obj: Any) -> tuple[float, float] | None:
    """(lat, lng) of a returned point, or None when it is missing or malformed."""
    if not isinstance(obj, dict):
        return None
    try:
        return (round(float(obj["lat"]), 7), round(float(obj["lng"]), 7))
    except (KeyError, TypeError, ValueError, OverflowError):
        return None


def _click(state: dict[str, Any]) -> Click | None:
    """The returned click with its id: our frame numbers every click, so a second click at the same spot is new."""
    at = _point(state.get("last_clicked"))
    if at is None:
        return None
    cid = state.get("click_id")
    return (*at, cid[:64] if isinstance(cid, str) else "")


def interpret_click(
    state: Any, selected: str | None, last_handled: Click | None, known: Collection[str] | None = None
) -> ClickResult:
    """A new click on a feature selects its area_id (or clears it if already selected); on empty map it clears.

    A click is new when its position or its id differs from the last one handled (the same value seen again on a
    rerun for another widget changes nothing). A feature whose area_id is not in `known` is ignored (reported in
    `ignored`), whatever the value looks like.
    """
    state = state if isinstance(state, dict) else {}
    click = _click(state)
    if click is None or click == last_handled:
        return ClickResult(selected, last_handled)
    if _point(state.get("last_object_clicked")) == click[:2]:
        feature = state.get("last_active_drawing")
        props = feature.get("properties") if isinstance(feature, dict) else None
        area_id = props.get("area_id") if isinstance(props, dict) else None
        if area_id is None:
            return ClickResult(selected, click)
        if not isinstance(area_id, str) or (known is not None and area_id not in known):
            return ClickResult(selected, click, ignored=str(area_id)[:40])
        return ClickResult(None if area_id == selected else area_id, click)
    return ClickResult(None, click)
