"""Chinese (default) and English labels for everything the map, panels and exports show."""

from __future__ import annotations

LANGS = ("zh", "en")

TEXT: dict[str, dict[str, str]] = {
    "title": {"zh": "宿迁市“十四五”产业布局地图", "en": "Suqian 14th Five-Year industrial layout"},
    "subtitle": {
        "zh": "6大主导产业 · 3个先导产业 · 20条重点产业链 · 5个县区 + 4个功能区",
        "en": "6 dominant · 3 leading industries · 20 key chains · 5 counties + 4 functional zones",
    },
    "lang": {"zh": "语言 Language", "en": "Language 语言"},
    "filters": {"zh": "筛选", "en": "Filter"},
    "tier": {"zh": "产业层级", "en": "Tier"},
    "industry": {"zh": "产业", "en": "Industry"},
    "subindustry": {"zh": "细分产业", "en": "Sub-industry"},
    "chain": {"zh": "重点产业链（表十一）", "en": "Key chain (Table 11)"},
    "basemap": {"zh": "底图", "en": "Basemap"},
    "basemap_none": {"zh": "无底图（离线）", "en": "None (offline)"},
    "basemap_osm": {"zh": "OpenStreetMap（需联网）", "en": "OpenStreetMap (online)"},
    "basemap_tianditu": {"zh": "天地图（需联网与密钥）", "en": "Tianditu (online, key)"},
    "basemap_amap": {"zh": "高德（需联网，矢量已转GCJ-02）", "en": "Amap (online; vectors shifted to GCJ-02)"},
    "tianditu_missing": {
        "zh": "未设置天地图密钥（环境变量 TIANDITU_KEY 或 secrets），已改用无底图。",
        "en": "No Tianditu key (TIANDITU_KEY env var or secrets); showing no basemap.",
    },
    "amap_note": {
        "zh": "高德底图为GCJ-02坐标，地图矢量已相应偏移显示，仅供目视对照。",
        "en": "Amap tiles are GCJ-02; the vector layers are shifted to match, for display only.",
    },
    "legend": {"zh": "图例", "en": "Legend"},
    "county": {"zh": "县区", "en": "County / district"},
    "zone": {"zh": "功能区（示意范围）", "en": "Functional zone (schematic extent)"},
    "selected": {"zh": "当前选中区域", "en": "Selected area"},
    "dimmed": {"zh": "不承载所选产业", "en": "Not hosting the selection"},
    "hosts_n": {"zh": "承载所选项数量", "en": "Number of selected items hosted"},
    "schematic_note": {
        "zh": "功能区范围为示意，非测绘边界；县区边界由高德数据（GCJ-02）转换为WGS-84。",
        "en": "Zone extents are schematic (示意), not surveyed; county outlines: Amap data converted GCJ-02 → WGS-84.",
    },
    "click_hint": {
        "zh": "点击县区或功能区查看详情；再次点击或点击空白处取消。",
        "en": "Click a county or zone for details; click it again or empty map to clear.",
    },
    "details": {"zh": "区域详情", "en": "Area details"},
    "hosts_table": {"zh": "承载区域", "en": "Hosting areas"},
    "overlap": {"zh": "布局重叠", "en": "Overlap"},
    "no_selection": {"zh": "未选择筛选条件。", "en": "No filter selected."},
    "industries_of": {"zh": "承担的产业与细分产业", "en": "Industries and sub-industries"},
    "products": {"zh": "特色产品与载体", "en": "Featured products and carriers"},
    "conflicts": {"zh": "规划内部不一致之处", "en": "Where the plan disagrees with itself"},
    "parks_inside": {"zh": "区内功能区", "en": "Zones inside"},
    "shared_with_county": {"zh": "与所在县区重复的产业链", "en": "Chains shared with its county"},
    "passage": {"zh": "规划原文", "en": "Plan passage"},
    "matrix": {"zh": "区域 × 产业链矩阵（数值为陈述来源数）", "en": "Area × chain matrix (number of sources)"},
    "hosts_per_chain": {"zh": "每条产业链的承载区域数", "en": "Hosting areas per chain"},
    "shared_pairs": {"zh": "共享产业链的区域对", "en": "Area pairs sharing chains"},
    "nested_repeats": {
        "zh": "功能区与所在县区重复承担的产业链",
        "en": "Zones repeating their county's chains",
    },
    "source_note": {
        "zh": "资料来源：《宿迁市“十四五”工业经济发展规划》表十、表十一、第四章、第五章。",
        "en": "Source: Suqian 14th Five-Year industrial plan, Tables 10–11, chapters 4–5.",
    },
    "export": {"zh": "导出", "en": "Export"},
    "export_map": {"zh": "地图图片", "en": "Map image"},
    "map_title": {"zh": "图名（可编辑）", "en": "Title (editable)"},
    "format": {"zh": "格式", "en": "Format"},
    "paper": {"zh": "纸张", "en": "Paper"},
    "orientation": {"zh": "方向", "en": "Orientation"},
    "landscape": {"zh": "横向", "en": "Landscape"},
    "portrait": {"zh": "纵向", "en": "Portrait"},
    "dpi": {"zh": "分辨率（DPI，PNG）", "en": "Resolution (DPI, PNG)"},
    "download_map": {"zh": "下载地图", "en": "Download map"},
    "export_data": {"zh": "数据", "en": "Data"},
    "scope": {"zh": "范围", "en": "Scope"},
    "scope_view": {"zh": "当前视图", "en": "Current view"},
    "scope_all": {"zh": "全部数据", "en": "Whole dataset"},
    "download_data": {"zh": "下载数据", "en": "Download data"},
    "atlas": {"zh": "图集（39页）", "en": "Atlas (39 pages)"},
    "build_atlas": {"zh": "生成图集", "en": "Build atlas"},
    "atlas_done": {"zh": "图集已生成", "en": "Atlas built"},
    "download_pdf": {"zh": "下载图集 PDF", "en": "Download atlas PDF"},
    "download_pngs": {"zh": "下载图集 PNG（zip）", "en": "Download atlas PNGs (zip)"},
    "url_dropped": {
        "zh": "链接中以下参数无法识别，已忽略：",
        "en": "These link parameters were not recognised and ignored:",
    },
    "share_link": {"zh": "本视图链接（可分享）", "en": "Link to this view"},
    "clear": {"zh": "清除选择", "en": "Clear selection"},
    "geometry": {"zh": "边界", "en": "Boundary"},
}

LABELS: dict[str, dict[str, str]] = {
    "dominant": {"zh": "主导产业", "en": "Dominant"},
    "leading": {"zh": "先导产业", "en": "Leading"},
    "county": {"zh": "县区", "en": "County/district"},
    "zone": {"zh": "功能区", "en": "Functional zone"},
    "official": {"zh": "行政边界", "en": "Administrative boundary"},
    "derived": {"zh": "推算边界", "en": "Derived boundary"},
    "schematic": {"zh": "示意范围", "en": "Schematic extent"},
    "table10": {"zh": "表十", "en": "Table 10"},
    "ch4": {"zh": "第四章", "en": "Ch. 4"},
    "ch5": {"zh": "第五章", "en": "Ch. 5"},
    "product": {"zh": "特色产品", "en": "Product"},
    "carrier": {"zh": "载体园区", "en": "Carrier park"},
    "town": {"zh": "重点乡镇", "en": "Town"},
    "firm": {"zh": "龙头企业", "en": "Lead firm"},
    "note": {"zh": "其他", "en": "Other"},
    "same": {"zh": "同口径", "en": "same scope"},
    "broader": {"zh": "细分产业口径宽于产业链", "en": "sub-industry wider than the chain"},
}


def t(key: str, lang: str) -> str:
    """A UI string in the given language."""
    return TEXT[key][lang]


def label(value: str, lang: str) -> str:
    """A data code (tier, kind, source, …) as a label; unknown codes are returned unchanged."""
    return LABELS.get(value, {}).get(lang, value)


def name_col(lang: str) -> str:
    """The name column for a language."""
    return "name" if lang == "zh" else "name_en"


HEADERS: dict[str, dict[str, str]] = {
    "area": {"zh": "地区", "en": "Area"},
    "chain": {"zh": "产业链", "en": "Chain"},
    "via": {"zh": "对应细分产业", "en": "Via sub-industry"},
    "output_2020": {"zh": "2020年产值（亿元）", "en": "2020 output (100m yuan)"},
    "target_2023": {"zh": "2023年目标（亿元）", "en": "2023 target (100m yuan)"},
    "target_2025": {"zh": "2025年目标（亿元）", "en": "2025 target (100m yuan)"},
    "sources": {"zh": "规划来源", "en": "Plan sources"},
    "tier": {"zh": "层级", "en": "Tier"},
    "industry": {"zh": "产业", "en": "Industry"},
    "subindustry": {"zh": "细分产业", "en": "Sub-industry"},
    "hosts": {"zh": "承载区域", "en": "Hosts"},
    "n_hosts": {"zh": "承载区域数", "en": "Hosts"},
    "target": {"zh": "2025年目标（亿元）", "en": "2025 target (100m yuan)"},
}


def headers(columns: list[str], lang: str) -> dict[str, str]:
    """Readable column headers for known columns; unknown ones keep their code name."""
    return {c: HEADERS[c][lang] for c in columns if c in HEADERS}
