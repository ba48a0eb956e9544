"""UI strings of the workspace: versions, plan import, comparison (zh/en)."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "ws_page": {"zh": "工作空间", "en": "Workspace"},
    "ws_db": {"zh": "数据库", "en": "Database"},
    "ws_versions": {"zh": "规划版本", "en": "Plan versions"},
    "ws_show": {"zh": "地图和审视页显示的版本", "en": "Version the map and audit pages show"},
    "ws_showing": {"zh": "当前显示版本", "en": "Now showing"},
    "ws_open_map": {"zh": "在地图中打开此版本", "en": "Open this version on the map"},
    "ws_template": {"zh": "下载导入模板（Excel，含说明和下拉列表）", "en": "Download the import template (Excel)"},
    "ws_template_base": {"zh": "模板预填的版本", "en": "Template filled with version"},
    "ws_import": {"zh": "导入规划版本", "en": "Import a plan version"},
    "ws_import_help": {
        "zh": "上传填好的模板（.xlsx）、表格 CSV（文件名如 assignments.csv），或整套版本 zip（与 geodata/ 结构相同）。",
        "en": "Upload the filled template (.xlsx), table CSVs (named like assignments.csv) or a whole-version zip.",
    },
    "ws_files": {"zh": "文件", "en": "Files"},
    "ws_title": {"zh": "版本名称", "en": "Version title"},
    "ws_base": {
        "zh": "基础版本（CSV/模板中未给出的表取自此版本）",
        "en": "Base version (tables not given come from it)",
    },
    "ws_do_import": {"zh": "检查并导入", "en": "Check and import"},
    "ws_imported": {"zh": "已导入为新版本", "en": "Imported as new version"},
    "ws_rejected": {
        "zh": "未导入：请修正以下全部问题后重试（工作空间未作任何改动）",
        "en": "Not imported: fix every problem below and retry (nothing was saved)",
    },
    "ws_undrawn": {
        "zh": "以下地区尚无边界，暂不能上图（请导入边界）",
        "en": "These areas have no boundary yet and are not drawn (import boundaries)",
    },
    "ws_compare": {"zh": "版本比较", "en": "Compare versions"},
    "ws_before": {"zh": "比较基准（之前）", "en": "Before"},
    "ws_after": {"zh": "比较对象（之后）", "en": "After"},
    "ws_chain_filter": {"zh": "按产业链显示承载地区的变化（可选）", "en": "Show host changes for one chain (optional)"},
    "ws_all_industries": {"zh": "全部产业（地区产业增减）", "en": "All industries (per-area gains and losses)"},
    "ws_no_change": {"zh": "两个版本没有差别。", "en": "The two versions do not differ."},
    "ws_chains_table": {"zh": "各产业链承载地区变化", "en": "Chain hosts added / removed / kept"},
    "ws_areas_table": {"zh": "各地区产业增减", "en": "Industries gained / lost per area"},
    "ws_figures_table": {"zh": "数字变化", "en": "Figures changed"},
    "ws_download_cmp": {"zh": "导出比较结果（XLSX）", "en": "Export the comparison (XLSX)"},
    "ws_export": {"zh": "导出版本", "en": "Export a version"},
    "cmp_gained": {"zh": "新增", "en": "Gained"},
    "cmp_lost": {"zh": "减少", "en": "Lost"},
    "cmp_both": {"zh": "有增有减", "en": "Gained and lost"},
    "cmp_unchanged": {"zh": "未变", "en": "Unchanged"},
    "cmp_new": {"zh": "新增地区", "en": "New area"},
    "cmp_dropped": {"zh": "删除的地区", "en": "Area dropped"},
    "cmp_none": {"zh": "不涉及", "en": "Not involved"},
    "cmp_legend": {"zh": "版本差异", "en": "Difference"},
    # --- the bundled baseline's title and note as shown (the stored ones stay as seeded) ---
    "ws_baseline_title": {"zh": "“十四五”规划（随附基线）", "en": "14th Five-Year Plan (bundled baseline)"},
    "ws_baseline_note": {"zh": "只读", "en": "read-only"},
    "ws_title_example": {"zh": "十五五 规划草案", "en": "15th Five-Year Plan draft"},
}
