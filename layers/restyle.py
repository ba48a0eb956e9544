"""Restyle the drawn areas from compact per-rerun data: a small palette and one palette index per area.

Nothing here carries geometry: the areas were fetched once from a static file (layers/geostore.py), and the
data this module builds is a few hundred bytes for nine areas and about 3 KB for 2,870.
"""

from __future__ import annotations

from dataclasses import dataclass

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

    def spec(self, selected: str | None) -> dict[str, object]:
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


@dataclass(frozen=True)
class Overlay:
    """What a rerun sends to the map frame: the restyle data and, on the investment map, the point set to show."""

    restyle: dict[str, object]
    points: dict[str, object] | None = None
    notice: str | None = None  # text the frame repeats across the map itself (示例 on the demo set)

    def args(self) -> dict[str, object]:
        """The overlay as the frame's JSON argument."""
        out: dict[str, object] = {"restyle": self.restyle, **({"points": self.points} if self.points else {})}
        return out | ({"notice": self.notice} if self.notice else {})


def area_overlay(styles: AreaStyles, selected: str | None) -> Overlay:
    """The restyle data alone (a few hundred bytes for nine areas)."""
    return Overlay(styles.spec(selected))
