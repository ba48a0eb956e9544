"""UI strings of the chain diagram (产业链图谱, zh/en)."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "dg_node_counts": {"zh": "{grade} · 企{firms} 项{projects}", "en": "{grade} · {firms} firms {projects} proj."},
    "dg_node_counts_leaders": {"zh": " 链主/标杆{n}", "en": " {n} lead"},
    "inv_tab_chain": {"zh": "产业链图谱", "en": "Chain diagram"},
    "dg_chain": {"zh": "产业链", "en": "Chain"},
    "dg_title": {"zh": "{name}产业链图谱", "en": "{name}: chain diagram"},
    "dg_demo": {"zh": "（示例数据，虚构）", "en": " (示例 demo data, fictional)"},
    "dg_caption": {
        "zh": "环节按上游 → 中游 → 下游从左到右排列；颜色为按记录评定的强弱（强 / 弱 / 缺），"
        "标签为规划对该环节的要求（强链 / 补链 / 延链），二者分开显示。",
        "en": "Links left to right, upstream → midstream → downstream; the colour is the grade from the records "
        "(strong / weak / missing), the tag is what the plan asks for the link (strengthen / fill / extend), "
        "shown apart from the grade.",
    },
    "dg_rules": {
        "zh": "评级标准：强 = ≥{leaders} 家{roles}企业，或 ≥{firms} 家企业，或项目总投资 ≥{inv} 亿元；"
        "弱 = 有企业或项目但未达“强”；缺 = 无企业、无项目。产值按产业链导入，不参与环节评级。",
        "en": "Grades: strong = ≥{leaders} firm in the role {roles}, or ≥{firms} firms, or projects totalling "
        "≥{inv} × 100m yuan; weak = some firm or project, short of strong; missing = none. Output is imported per "
        "chain and grades no link.",
    },
    "dg_or": {"zh": "或", "en": " or "},
    "dg_grade_强": {"zh": "强", "en": "Strong"},
    "dg_grade_弱": {"zh": "弱", "en": "Weak"},
    "dg_grade_缺": {"zh": "缺", "en": "Missing"},
    "dg_intent_强链": {"zh": "强链", "en": "Strengthen (强链)"},
    "dg_intent_补链": {"zh": "补链", "en": "Fill (补链)"},
    "dg_intent_延链": {"zh": "延链", "en": "Extend (延链)"},
    "dg_intent_none": {
        "zh": "规划未对该环节写明强链、补链或延链。",
        "en": "The plan states no strengthen/fill/extend aim for this link.",
    },
    "dg_stage_app": {"zh": "阶段划分为本应用的解读", "en": "stage: app's reading"},
    "dg_stage_plan": {"zh": "阶段按规划原文", "en": "stage: the plan's wording"},
    "dg_stage_note": {
        "zh": "* 阶段划分为本应用的解读；未加 * 的环节，其上下游位置由规划原文写明（如“向下游延伸”）。",
        "en": "* stage: app's reading; a link without * has its stage stated by the plan's own words "
        "(e.g. 向下游延伸, extend downstream).",
    },
    "dg_node": {"zh": "查看环节", "en": "Show a link"},
    "dg_counts": {
        "zh": "企业 {f} 家（其中链主/标杆 {l}）· 项目 {p} 个 · 投资 {inv} 亿元",
        "en": "Firms: {f} ({l} chain leaders/benchmarks) · projects: {p} · invested: {inv} × 100m yuan",
    },
    "dg_plan_line": {"zh": "规划第{line}行：“{quote}”", "en": "Plan line {line}: “{quote}”"},
    "dg_link_source": {"zh": "环节出处", "en": "Where the plan names the link"},
    "dg_intents": {"zh": "规划要求", "en": "What the plan asks"},
    "dg_records": {"zh": "企业和项目（按区域）", "en": "Firms and projects (by area)"},
    "dg_no_records": {"zh": "该环节尚无企业或项目记录。", "en": "No firm or project recorded on this link."},
    "dg_no_place": {"zh": "规划未载明地点", "en": "Place not stated in the plan"},
    "dg_hosts": {
        "zh": "规划安排本链的承载区域（规划按产业链而非按环节安排区域）：{areas}",
        "en": "Areas the plan assigns the chain (the plan assigns chains, not links, to areas): {areas}",
    },
    "dg_unlinked": {"zh": "本链未标环节的记录", "en": "Records on this chain naming no link"},
    "dg_output": {"zh": "产值（{year}年，全市）：{v} 亿元", "en": "Output ({year}, city-wide): {v} × 100m yuan"},
    "dg_no_output": {"zh": "尚未导入本链产值。", "en": "No output imported for this chain."},
    "dg_no_links": {
        "zh": "本链尚无环节：可在“补链”页添加。",
        "en": "This chain has no links yet: add them in the Gaps view.",
    },
    "dg_print": {"zh": "打印图谱", "en": "Print the diagram"},
    "dg_paper": {"zh": "纸张", "en": "Paper"},
    "dg_format": {"zh": "格式", "en": "Format"},
    "dg_download": {"zh": "下载图谱（{fmt}）", "en": "Download the diagram ({fmt})"},
    "dg_approx": {
        "zh": "规划点名的企业按其区域近似定位（示意），规划未载明地点者不上图。",
        "en": "Firms the plan names are placed at their area (schematic); those it gives no place stay off the map.",
    },
    "dg_col_kind": {"zh": "类型", "en": "Kind"},
    "dg_col_name": {"zh": "名称", "en": "Name"},
    "dg_col_firm": {"zh": "企业", "en": "Firm"},
    "dg_col_role": {"zh": "角色", "en": "Role"},
    "dg_col_area": {"zh": "区域", "en": "Area"},
    "dg_col_investment_yi": {"zh": "投资（亿元）", "en": "Investment (100m yuan)"},
    "dg_col_stage": {"zh": "阶段", "en": "Stage"},
    "dg_col_source": {"zh": "出处", "en": "Source"},
    "dg_kind_firm": {"zh": "企业", "en": "Firm"},
    "dg_kind_project": {"zh": "项目", "en": "Project"},
    "dg_stage_上游": {"zh": "上游", "en": "Upstream"},
    "dg_stage_中游": {"zh": "中游", "en": "Midstream"},
    "dg_stage_下游": {"zh": "下游", "en": "Downstream"},
}

LABELS: dict[str, dict[str, str]] = {
    "标杆": {"zh": "标杆", "en": "Benchmark firm"},
}
