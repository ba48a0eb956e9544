"""Restyle the drawn areas from compact per-rerun data: a small palette and one palette index per area.

Nothing here carries geometry: the areas were fetched once from a static file (layers/geostore.py), and the
script this module renders is a few hundred bytes for nine areas and about 3 KB for 2,870.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import folium
from branca.element import MacroElement
from jinja2 import Template

from sq_layout.style import SELECTED_LINE

DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
DEFAULT = "."  # keep the base style


@dataclass(frozen=True)
class Paint:
    """One fill on the map; `classes` may contain {id} (the area's id) for SVG class names used by tests."""

    fill: str
    opacity: float
    classes: str = ""
    emphasis: bool = False  # label this area before others


@dataclass(frozen=True)
class AreaStyles:
    """Palette and one palette index per area in the frame's order (DEFAULT = base style).

    The legend is drawn beside the map from the same model (layers/legend.py), not on the map.
    """

    palette: tuple[Paint, ...]
    idx: str
    order_key: str

    def spec(self, selected: str | None) -> dict:
        """The JSON the map's restyle() receives."""
        if len(self.palette) > len(DIGITS):
            raise ValueError(f"at most {len(DIGITS)} fills per map, got {len(self.palette)}")
        return {
            "key": self.order_key,
            "palette": [
                {"f": p.fill, "o": p.opacity, "k": p.classes, **({"e": 1} if p.emphasis else {})} for p in self.palette
            ],
            "idx": self.idx,
            "sel": selected,
            "selStyle": {"color": SELECTED_LINE, "weight": 4},
        }


def encode(indices: list[int | None]) -> str:
    """One character per area: its palette index in base 36, or DEFAULT."""
    return "".join(DEFAULT if i is None else DIGITS[i] for i in indices)


class Restyle(MacroElement):
    """Call the map runtime's restyle() with the compact style data."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        window.sqMap.restyle({{ this.spec }});
        {% endmacro %}
        """
    )

    def __init__(self, spec: dict):
        super().__init__()
        self._name = "Restyle"
        self.spec = json.dumps(spec, ensure_ascii=False, separators=(",", ":"))


def restyle_group(styles: AreaStyles, selected: str | None, name: str = "selection") -> folium.FeatureGroup:
    """A feature group holding only the restyle call (what st_folium sends on a rerun)."""
    fg = folium.FeatureGroup(name=name)
    Restyle(styles.spec(selected)).add_to(fg)
    return fg
