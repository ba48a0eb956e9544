"""One legend model and one area-label rule for the web map and the print map, so both show the same rows."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sq_layout.i18n import t
from sq_layout.style import (
    COUNT_RAMP,
    COUNTY_FILL,
    COUNTY_LINE,
    DIM_FILL,
    DIM_OPACITY,
    HOST_OPACITY,
    SELECTED_LINE,
    ZONE_LINE,
)


@dataclass(frozen=True)
class LegendEntry:
    """One legend row: fill (None = unfilled) and its opacity, outline colour and whether it is dashed, label."""

    key: str
    label: str
    fill: str | None
    opacity: float
    edge: str
    dashed: bool = False


def legend_entries(
    lang: str,
    filtering: bool,
    single: tuple[str, str] | None,
    max_count: int,
    selected: bool,
    *,
    schematic: bool = True,
    official: bool = False,
) -> list[LegendEntry]:
    """Every style drawn: counties (unless all are hosts or dimmed), schematic or official zones, hosts, selected."""
    rows = []
    if not filtering:
        rows.append(LegendEntry("county", t("county", lang), COUNTY_FILL, 1.0, COUNTY_LINE))
    if schematic:
        rows.append(LegendEntry("zone", t("zone", lang), None, 1.0, ZONE_LINE, dashed=True))
    if official:
        rows.append(LegendEntry("zone-official", t("zone_official", lang), None, 1.0, ZONE_LINE))
    if filtering:
        if single:
            name, color = single
            rows.append(LegendEntry("host", name, color, HOST_OPACITY[0], COUNTY_LINE))
        else:
            for n in range(1, max(max_count, 1) + 1):
                shade = COUNT_RAMP[min(n, len(COUNT_RAMP)) - 1]
                suffix = "+" if n == len(COUNT_RAMP) and max_count > n else ""
                label = f"{t('hosts_n', lang)} = {n}{suffix}"
                rows.append(LegendEntry(f"count-{n}", label, shade, HOST_OPACITY[0], COUNTY_LINE))
                if suffix:
                    break
        rows.append(LegendEntry("dimmed", t("dimmed", lang), DIM_FILL, DIM_OPACITY[0], COUNTY_LINE))
    if selected:
        rows.append(LegendEntry("selected", t("selected", lang), None, 1.0, SELECTED_LINE))
    return rows


def industry_entries(hosted: list[tuple[str, str]]) -> list[LegendEntry]:
    """One row per industry an area hosts (its colour), for an area page that colours them."""
    return [LegendEntry(f"industry-{c}", name, c, HOST_OPACITY[0], COUNTY_LINE) for name, c in hosted]


def composite(fill: str | None, opacity: float, under: str = "#FFFFFF") -> tuple[float, float, float]:
    """The colour a fill shows over a background (0–1 RGB), for comparing how swatches look."""

    def rgb(h: str) -> tuple[float, float, float]:
        return int(h[1:3], 16) / 255, int(h[3:5], 16) / 255, int(h[5:7], 16) / 255

    if fill is None:
        return rgb(under)
    f, u = rgb(fill), rgb(under)
    return (
        f[0] * opacity + u[0] * (1 - opacity),
        f[1] * opacity + u[1] * (1 - opacity),
        f[2] * opacity + u[2] * (1 - opacity),
    )


def look(e: LegendEntry) -> tuple[tuple[float, float, float], str, bool]:
    """What a swatch looks like: its shown fill, outline colour and outline style."""
    return composite(e.fill, e.opacity), e.edge.upper(), e.dashed


def area_label(row: Mapping[str, object], lang: str) -> str:
    """The label drawn for an area: counties by name, zones by short name (when there is one) + the schematic mark."""
    zone = row["kind"] == "zone"
    full = row["name"] if lang == "zh" else row["name_en"]
    short = row.get("short_name" if lang == "zh" else "short_name_en")
    text = str(short if zone and short else full)
    if zone and row.get("geometry_quality", "schematic") == "schematic":
        text += t("schematic_suffix", lang)
    return text
