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
        "zh": "上传填好的模板（.xlsx）、表格 CSV（文件名取模板中的表名，如布局表为 `assignments.csv`），"
        "或整套版本 zip（与 `geodata/` 结构相同）。",
        "en": "Upload the filled template (.xlsx), table CSVs (each named as its sheet in the template, e.g. "
        "`assignments.csv` for the layout sheet) or a whole-version zip.",
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
    "cmp_figure_ref": {"zh": "{ref}（第{line}行）", "en": "Line {line}: {ref}"},
    "cmp_value": {"zh": "数值", "en": "Value"},
    "cmp_legend": {"zh": "版本差异", "en": "Difference"},
    # --- the bundled baseline's title and note as shown (the stored ones stay as seeded) ---
    "ws_baseline_title": {"zh": "“十四五”规划（随附基线）", "en": "14th Five-Year Plan (bundled baseline)"},
    "ws_baseline_note": {"zh": "只读", "en": "read-only"},
    "ws_title_example": {"zh": "十五五 规划草案", "en": "15th Five-Year Plan draft"},
    # --- who may import and publish; lineage (issue 19) ---
    "ev_stale_base": {
        "zh": "基础版本 v{base} 不是最新发布的版本 v{latest}：发布会取代 v{latest}，其中较新的内容将不再是默认。"
        "请确认后再发布（工作空间页的确认选项，或命令行 --confirm-stale-base）。",
        "en": "The base version v{base} is not the latest published version v{latest}: publishing supersedes "
        "v{latest} and hides its newer content. Confirm to publish anyway (the Workspace page's confirmation, or "
        "--confirm-stale-base on the command line).",
    },
    "ws_signin_to_import": {
        "zh": "本工作空间已设账户：导入需先登录（编辑者导入为草案，管理员发布）。未登录只能查看。",
        "en": "This workspace has accounts: sign in to import (an editor's import is a draft; an admin publishes). "
        "Without signing in you can only view.",
    },
    "ws_import_makes_draft": {
        "zh": "导入的版本是草案：管理员发布后才成为大家默认看到的版本。",
        "en": "An import becomes a draft: it is what everyone sees by default only once an admin publishes it.",
    },
    "ws_import_publishes": {
        "zh": "本工作空间未设账户：导入的版本直接发布（记为“本机用户”）。",
        "en": "This workspace has no accounts: an import is published at once (recorded as “this computer”).",
    },
    "ws_imported_draft": {"zh": "已导入为草案", "en": "Imported as draft"},
    "ws_supersedes": {"zh": "取代 v{latest}", "en": "supersedes v{latest}"},
    "ws_stale_warning": {
        "zh": "所选基础版本 v{base} 不是最新发布的版本 v{latest}："
        "新版本将取代 v{latest}，v{latest} 中较新的内容不会包含在内。",
        "en": "The chosen base v{base} is not the latest published version v{latest}: the new version supersedes "
        "v{latest}, and what v{latest} added is not in it.",
    },
    "ws_confirm_stale": {
        "zh": "我已了解，仍要取代 v{latest}",
        "en": "I understand; supersede v{latest} anyway",
    },
    "ws_publish": {"zh": "发布草案", "en": "Publish a draft"},
    "ws_publish_admin_only": {"zh": "只有管理员可以发布草案。", "en": "Only an admin can publish a draft."},
    "ws_no_drafts": {"zh": "没有待发布的草案。", "en": "There is no open draft."},
    "ws_publish_draft": {"zh": "草案", "en": "Draft"},
    "ws_publish_title": {"zh": "发布名称", "en": "Published title"},
    "ws_publish_date": {"zh": "规划日期", "en": "Plan date"},
    "ws_publish_reason": {"zh": "说明（可选）", "en": "Note (optional)"},
    "ws_publish_will": {
        "zh": "发布后 v{draft} 成为最新发布版本，取代 v{latest}。",
        "en": "Once published, v{draft} is the latest published version and supersedes v{latest}.",
    },
    "ws_do_publish": {"zh": "发布", "en": "Publish"},
    "ws_published": {"zh": "已发布 v{id}，取代 v{latest}。", "en": "Published v{id}; it supersedes v{latest}."},
    "ws_col_lineage": {"zh": "来源 → 本版本", "en": "Base → this version"},
    "ws_col_author": {"zh": "作者", "en": "Author"},
    "ws_col_supersedes": {"zh": "取代版本", "en": "Supersedes"},
    "ws_col_published_by": {"zh": "发布人", "en": "Published by"},
    "bnd_signin_to_import": {
        "zh": "本工作空间已设账户：导入边界需先以编辑者或管理员登录。未登录只能查看。",
        "en": "This workspace has accounts: sign in as an editor or admin to import boundaries. Without signing in "
        "you can only view.",
    },
    "bnd_saved_draft": {
        "zh": "已保存为草案 v{version}（基于 v{base}）；管理员发布后成为默认版本。",
        "en": "Saved as draft v{version} (from v{base}); it becomes the default once an admin publishes it.",
    },
    "inv_signin_to_import": {
        "zh": "本工作空间已设账户：导入需先以编辑者或管理员登录。",
        "en": "This workspace has accounts: sign in as an editor or admin to import.",
    },
}
