"""One legend model and one area-label rule for the web map and the print map, so both show the same rows."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sq_layout.i18n import Lang, by_lang, lang_column, t
from sq_layout.style import (
    COUNT_RAMP,
    COUNTY_FILL,
    COUNTY_LINE,
    COUNTY_OPACITY,
    DIM_FILL,
    DIM_OPACITY,
    HOST_OPACITY,
    NOT_HOST_ZONE,
    NOT_HOST_ZONE_OPACITY,
    SELECTED_LINE,
    THEME_OPACITY,
    THEME_RAMP,
    VALUE_OPACITY,
    VALUE_RAMP,
    ZONE_LINE,
)

# Rows that explain a fill (what the colours mean) as opposed to an outline (what the lines mean).
LINE_KEYS = ("county", "zone", "zone-official", "selected")


@dataclass(frozen=True)
class LegendEntry:
    """One legend row: fill (None = unfilled) and its opacity, outline colour and whether it is dashed, label."""

    key: str
    label: str
    fill: str | None
    opacity: float
    edge: str
    dashed: bool = False
    short: str = ""  # the label under its legend heading (the web legend has one per fill group; print has none)

    @property
    def is_fill(self) -> bool:
        """Whether the row explains a fill colour (else an outline)."""
        return self.fill is not None and self.key not in LINE_KEYS


def theme_bins(max_n: int) -> list[tuple[int, int]]:
    """Up to five classes of industry counts for the opening view: one per value when few, equal steps otherwise."""
    if max_n <= len(THEME_RAMP):
        return [(n, n) for n in range(1, max_n + 1)]
    step = -(-max_n // len(THEME_RAMP))
    return [(lo, min(lo + step - 1, max_n)) for lo in range(1, max_n + 1, step)]


def theme_colors(n_bins: int) -> tuple[str, ...]:
    """The ramp colours of n classes (darker ones when there are few, so that they read on white)."""
    return THEME_RAMP[-n_bins:] if n_bins < 3 else THEME_RAMP[:n_bins]


def theme_class(n: int, bins: Sequence[tuple[int, int]]) -> int | None:
    """Which class an industry count falls in (None for 0: the area keeps its base style)."""
    return next((i for i, (lo, hi) in enumerate(bins) if lo <= n <= hi), None)


def theme_entries(counts: Sequence[int], lang: Lang) -> list[LegendEntry]:
    """One row per class of the opening view (industries per area), plus 0 when an area has none."""
    bins = theme_bins(max(counts, default=0))
    colors = theme_colors(len(bins))
    unit = t("theme_industries_n", lang)
    rows = [
        LegendEntry(
            f"theme-{i}", f"{lo} {unit}" if lo == hi else f"{lo}–{hi} {unit}", colors[i], THEME_OPACITY, COUNTY_LINE
        )
        for i, (lo, hi) in enumerate(bins)
    ]
    if min(counts, default=1) == 0:
        rows.insert(0, LegendEntry("theme-none", f"0 {unit}", COUNTY_FILL, COUNTY_OPACITY, COUNTY_LINE))
    return rows


def value_entries() -> list[LegendEntry]:
    """The five steps of a 0–1 value ramp (similarity, source agreement), lightest first; labelled by the page."""
    return [LegendEntry(f"value-{i}", "", c, VALUE_OPACITY[0], COUNTY_LINE) for i, c in enumerate(VALUE_RAMP)]


def fills_title(lang: Lang, filtering: bool, single: bool) -> str:
    """The heading of the fill rows: industries per area, hosts of the one item, or items hosted."""
    if not filtering:
        return t("theme_industries", lang)
    return t("hosting", lang) if single else t("host_n", lang)


def legend_entries(
    lang: Lang,
    filtering: bool,
    single: tuple[str, str] | None,
    max_count: int,
    selected: bool,
    *,
    schematic: bool = True,
    official: bool = False,
    theme_counts: Sequence[int] | None = None,
    zone_holes: bool = False,
) -> list[LegendEntry]:
    """Every style drawn, fills first: the opening view's classes (web) or county fill (print), hosts and dimmed
    areas, white non-hosting zones (web); then outlines: counties, schematic or official zones, the selected area."""
    rows = []
    if not filtering:
        if theme_counts is not None:
            rows += theme_entries(theme_counts, lang)
            rows.append(LegendEntry("county", t("county", lang), None, 1.0, COUNTY_LINE))
        else:
            rows.append(LegendEntry("county", t("county", lang), COUNTY_FILL, 1.0, COUNTY_LINE))
    else:
        if single:
            name, color = single
            rows.append(LegendEntry("host", name, color, HOST_OPACITY[0], COUNTY_LINE))
        else:
            for n in range(1, max(max_count, 1) + 1):
                shade = COUNT_RAMP[min(n, len(COUNT_RAMP)) - 1]
                suffix = "+" if n == len(COUNT_RAMP) and max_count > n else ""
                label = f"{t('hosts_n', lang)} = {n}{suffix}"
                rows.append(LegendEntry(f"count-{n}", label, shade, HOST_OPACITY[0], COUNTY_LINE, short=f"{n}{suffix}"))
                if suffix:
                    break
        rows.append(LegendEntry("dimmed", t("dimmed", lang), DIM_FILL, DIM_OPACITY[0], COUNTY_LINE))
        if zone_holes:
            rows.append(
                LegendEntry(
                    "zone-hole", t("host_zone_not", lang), NOT_HOST_ZONE, NOT_HOST_ZONE_OPACITY, ZONE_LINE, True
                )
            )
    if schematic:
        rows.append(LegendEntry("zone", t("zone", lang), None, 1.0, ZONE_LINE, dashed=True))
    if official:
        rows.append(LegendEntry("zone-official", t("zone_official", lang), None, 1.0, ZONE_LINE))
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


def area_label(row: Mapping[str, object], lang: Lang) -> str:
    """The label drawn for an area: counties by name, zones by short name (when there is one) + the schematic mark."""
    zone = row["kind"] == "zone"
    full = by_lang(row["name"], row["name_en"], lang)
    short = row.get(lang_column("short_name", lang))
    text = str(short if zone and short else full)
    if zone and row.get("geometry_quality", "schematic") == "schematic":
        text += t("schematic_suffix", lang)
    return text
