"""UI strings of the chain investment map (zh/en)."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
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
    "inv_reset": {"zh": "退出示例，回到工作区记录", "en": "Leave the demo: back to the workspace records"},
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
    "inv_shade_investment": {"zh": "项目投资（亿元）", "en": "Project investment (100m yuan)"},
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
    "inv_gap_by_firms": {
        "zh": "清单按企业计：一个环节可能在图谱中因项目投资达到“强”，这里仍因市内没有企业而列为招商目标。",
        "en": "This list counts firms: a link the chain diagram grades strong on its projects' investment alone is "
        "still listed here as a target while no firm in the city is on it.",
    },
    "inv_gap_matrix": {"zh": "环节 × 区域 企业数", "en": "Firms per link × area"},
    "inv_no_links": {
        "zh": "该链尚无登记环节（规划未点名），可在下方补充。",
        "en": "No links recorded for this chain yet; add them below.",
    },
    "inv_links_edit": {"zh": "本链环节（可编辑）", "en": "This chain's links (editable)"},
    "inv_links_save": {"zh": "保存环节", "en": "Save links"},
    "inv_gap_pdf": {"zh": "下载补链打印页（PDF）", "en": "Download the gap print page (PDF)"},
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
    "inv_check_ok": {
        "zh": "可以导入：企业 {f} · 项目 {p} · 产值 {a}（未保存）",
        "en": "Ready to import: {f} firms · {p} projects · {a} actuals (nothing saved)",
    },
    "inv_flagged": {
        "zh": "其中 {n} 条的填报区域与坐标不符，已标记。",
        "en": "{n} record(s) flagged: stated area differs.",
    },
    "inv_export_records": {"zh": "下载当前筛选的记录（XLSX）", "en": "Download filtered records (XLSX)"},
    # --- investment records in the workspace (where they are saved, who may save, their history) ---
    "inv_store_where": {
        "zh": "招商记录保存在工作区：版本 v{v}，每次保存都有修改记录（谁、何时、逐条内容、理由）。",
        "en": "Investment records are saved in the workspace: version v{v}, every save kept in its history "
        "(who, when, each record, why).",
    },
    "inv_store_inherited": {
        "zh": "此版本尚未保存自己的招商记录，显示的是{src}；首次保存后即独立。",
        "en": "This version has no investment records of its own yet and shows {src}; "
        "its first save makes them its own.",
    },
    "inv_store_src_version": {"zh": "上级版本 v{v} 的记录", "en": "the records of v{v}, the version it derives from"},
    "inv_store_src_plan": {
        "zh": "规划基线（规划点名的企业与载体）",
        "en": "the plan baseline (firms and parks it names)",
    },
    "inv_store_needs_editor": {
        "zh": "导入、环节编辑和实际产值的保存需以“编辑”（editor）或管理员身份登录（账号同编辑页）；未登录只能查看。",
        "en": "Saving imports, link edits and actual figures needs a sign-in as editor or admin (the Edit page's "
        "accounts); without one the page is view-only.",
    },
    "inv_store_open": {
        "zh": "工作区尚无账号（单机使用）：任何使用者都可保存，修改记录中记为“本机用户”。设置账号后，保存需编辑权限。",
        "en": "The workspace has no accounts yet (single-user install): anyone may save, recorded as “this computer”. "
        "Once accounts exist, saving needs the editor role.",
    },
    "inv_store_signin": {"zh": "登录以保存", "en": "Sign in to save"},
    "inv_store_denied": {
        "zh": "未保存：需以“编辑”或管理员身份登录（见编辑页或本页“登录以保存”）。",
        "en": "Not saved: sign in as editor or admin (Edit page, or “Sign in to save” here).",
    },
    "inv_store_conflict": {
        "zh": "未保存：{who} 于 {when} 保存过此版本的招商记录（理由：{why}）。请查看最新内容后重做修改。",
        "en": "Not saved: {who} saved this version's investment records at {when} (why: {why}). Review the current "
        "records and repeat your change.",
    },
    "inv_store_demo": {
        "zh": "示例数据（虚构）只保留在本会话中，不会写入工作区。",
        "en": "Demo data (fictional) stays in this session; it is never written into the workspace.",
    },
    "inv_store_session_only": {
        "zh": "工作区不可用：招商记录只保留在本会话中，关闭页面即丢失。",
        "en": "The workspace is unavailable: investment records stay in this session only and are lost when it ends.",
    },
    "inv_store_history": {"zh": "招商记录修改记录（{n}）", "en": "Investment records history ({n})"},
    "inv_store_no_history": {"zh": "尚无保存。", "en": "Nothing saved yet."},
    "inv_store_history_xlsx": {"zh": "下载修改记录（XLSX）", "en": "Download the history (XLSX)"},
    "on_track": {"zh": "达到进度", "en": "On track"},
    "behind": {"zh": "落后", "en": "Behind"},
    "no_data": {"zh": "无数据", "en": "No data"},
    # 补链 and 目标跟踪 tables (issue 20: what the reader sees is in the reader's language)
    "inv_plan_line": {"zh": "规划第{line}行：{quote}", "en": "Plan line {line}: {quote}"},
    "inv_gap_inner": {"zh": "其内功能区有企业：{}", "en": "Zones inside it have firms: {}"},
    "inv_gap_link": {"zh": "全市无企业的环节（招商目标）", "en": "Link with no firm in the city (target to attract)"},
    "inv_gap_area": {"zh": "承载区域无企业（问题清单）", "en": "Host area with no firm (problem list)"},
    "inv_no_link": {"zh": "（未标环节）", "en": "(no link named)"},
    "inv_unit_count": {"zh": "个", "en": "projects"},
    "inv_unit_yi": {"zh": "亿元", "en": "100m yuan"},
    # investment map: points drawn and clustered in the browser
    "inv_approx_short": {"zh": "近似位置", "en": "approximate"},
    "inv_cluster_tip": {"zh": "{n} 个点 · 点击放大", "en": "{n} points · click to zoom in"},
    "inv_stack_tip": {"zh": "此处 {n} 条记录", "en": "{n} records here"},
    "inv_points_failed": {"zh": "点位加载失败，请刷新页面。", "en": "Points failed to load; reload the page."},
    "inv_map_hint": {
        "zh": "点越密越聚合：点击聚合圈放大，点击单个点查看详情。",
        "en": "Dense points are grouped: click a group to zoom in, click a point for its card.",
    },
    # the 补链 workbook (sq_layout.invest.gapexport.gap_xlsx)
    "gx_title": {
        "zh": "产业链招商地图 · 补链清单：{name}（表十一 第{no}条）",
        "en": "Chain investment map · gap list: {name} (Table 11, chain {no})",
    },
    "gx_demo": {"zh": "示例数据（虚构），不代表真实企业", "en": "Demo data (fictional): no real firm"},
    "gx_data": {
        "zh": "企业与项目数据：规划点名的企业与载体及用户导入的记录",
        "en": "Firms and projects: those the plan names, with its parks, and records users imported",
    },
    "gx_sources": {
        "zh": "环节来源：规划原文（行号+原文）或用户补充；承载区域来源：表十、第四章、第五章。",
        "en": "Links: the plan's text (line and words) or added by a user; hosting areas: Table 10, chapters 4 and 5.",
    },
    "gx_approx": {
        "zh": "无坐标的记录按载体或区域定位，为近似位置。功能区范围为示意。",
        "en": "Records without coordinates are placed by their park or area (approximate). Zone extents are schematic.",
    },
    "gx_date": {"zh": "导出日期 {d}", "en": "Exported {d}"},
    "gx_about": {"zh": "说明", "en": "About"},
    "gx_list": {"zh": "补链清单", "en": "Gap list"},
    "gx_matrix": {"zh": "环节×区域", "en": "Links × areas"},
    "gx_heads": {"zh": "类型|环节|对象|说明|来源", "en": "Kind|Stage|Subject|Note|Source"},
    "gp_heads": {"zh": "类型|环节|对象|说明|出处", "en": "Kind|Stage|Subject|Note|Source"},
    "gp_title": {"zh": "补链清单：{name}", "en": "Gap list: {name}"},
    "gp_title_demo": {
        "zh": "补链清单：{name}（示例数据，虚构）",
        "en": "Gap list: {name} (示例 · demo data, fictional)",
    },
    "gx_link": {"zh": "环节", "en": "Link"},
    # a plan-named firm, project or park without an English name of its own (sq_layout.invest.names_en)
    "inv_transliterated": {"zh": "{name}", "en": "{name} (pinyin: {pinyin})"},
    "inv_translated": {"zh": "{en}", "en": "{en} (app's translation)"},
}
