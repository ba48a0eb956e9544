"""Colours and line styles shared by the interactive map and the printed map, so both look the same."""

from __future__ import annotations

COUNTY_FILL = "#F4F1EA"
COUNTY_LINE = "#5B5B5B"
ZONE_LINE = "#222222"
ZONE_DASH = "6 4"
DIM_FILL = "#D9D9D9"
SELECTED_LINE = "#D62728"
# Sequential shades for "how many of the selected items an area hosts" (1, 2, 3, 4+).
COUNT_RAMP = ("#B4AEDB", "#8073C4", "#54278F", "#2D004B")


def count_color(n: int) -> str:
    """Shade for an area hosting n of the selected items (n >= 1)."""
    return COUNT_RAMP[min(n, len(COUNT_RAMP)) - 1]


# The opening (thematic) view: industries per area, light to dark green (distinct from the purple host shades).
THEME_RAMP = ("#E5F5E0", "#A1D99B", "#74C476", "#31A354", "#006D2C")
THEME_OPACITY = 0.8
# A zone that does not host the selection reads as a hole in its (possibly hosting) county.
NOT_HOST_ZONE = "#FFFFFF"
NOT_HOST_ZONE_OPACITY = 0.92


# Sequential shades for a 0–1 value (similarity, agreement), lightest to darkest.
VALUE_RAMP = ("#EFF3FF", "#BDD7E7", "#6BAED6", "#3182BD", "#08519C")


def value_bucket(v: float) -> int:
    """Index into VALUE_RAMP for a value in [0, 1]."""
    return min(int(v * len(VALUE_RAMP)), len(VALUE_RAMP) - 1)


# Boundary import preview: current geometry dashed grey, imported geometry solid (red where a check failed).
CURRENT_LINE = "#8C8C8C"
IMPORT_LINE = "#1565C0"
IMPORT_ERROR_LINE = "#D62728"


# Fill opacities, one place for the web map and the print map: (county, zone). Zones sit on their county, so they
# are a little lighter to keep the county's fill readable through them.
HOST_OPACITY = (0.75, 0.6)
DIM_OPACITY = (0.55, 0.45)
VALUE_OPACITY = (0.85, 0.7)
COUNTY_OPACITY = 0.9
ZONE_OPACITY = 0.15
