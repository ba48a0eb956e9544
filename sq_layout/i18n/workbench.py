"""UI strings of the 招商 workbench (zh/en): credit-code checks, target firms, the pipeline and its monthly 通报,
链长制 and 十个一."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    # 统一社会信用代码 checks (GB 32100-2015)
    "uscc_length": {"zh": "应为18位，实为{n}位", "en": "18 characters expected, got {n}"},
    "uscc_shape": {
        "zh": "第1–2位和第9–18位应为数字或除 I O S V Z 外的大写字母，第3–8位（行政区划码）应为数字",
        "en": "characters 1–2 and 9–18 from 0-9 A-Y without I O S V Z, 3–8 digits (the area code) expected",
    },
    "uscc_authority": {
        "zh": "第1–2位“{code}”不是登记管理部门及机构类别代码（应为 {valid} 之一）",
        "en": "characters 1–2 '{code}' are not a registering authority and category code (one of {valid})",
    },
    "uscc_area": {
        "zh": "第3–8位“{code}”不是登记管理机关的行政区划码（GB/T 2260）",
        "en": "characters 3–8 '{code}' are not the registering office's area code (GB/T 2260)",
    },
    "uscc_org_check": {
        "zh": "第17位（组织机构代码 {body} 的校验码）应为“{want}”，实为“{got}”（GB 11714）",
        "en": "character 17 (check of the organisation code {body}) should be '{want}', not '{got}' (GB 11714)",
    },
    "uscc_check": {
        "zh": "第18位校验码应为“{want}”，实为“{got}”",
        "en": "check character '{got}' does not match '{want}' computed from the first 17",
    },
    "uscc_expected": {"zh": "有效的统一社会信用代码：{}", "en": "a valid 统一社会信用代码: {}"},
    "inv_demo_mark": {"zh": "示例数据（虚构）", "en": "示例 · demo data (fictional)"},
    # reading uploaded text files
    "csv_encoding": {
        "zh": "无法识别文字编码（第 {pos} 字节）：请另存为“CSV UTF-8”或 GBK/GB18030 编码的 CSV",
        "en": "unreadable text (byte {pos}): save it as “CSV UTF-8”, or as a GBK/GB18030 CSV",
    },
    # the pipeline and its monthly 通报
    "pl_no_project": {
        "zh": "找不到该项目（可能已被他人删除），请刷新页面。",
        "en": "No such project (removed by someone?).",
    },
    "pl_not_forward": {
        "zh": "只能向后推进：该项目已处于“{now}”。",
        "en": "A project only moves forward: it is at “{now}” already.",
    },
    "pl_date_before": {
        "zh": "日期不能早于前一阶段的日期 {day}。",
        "en": "The date cannot be before the earlier stage's date {day}.",
    },
    "bl_title": {"zh": "招商项目月度通报 {month}", "en": "Monthly investment bulletin {month}"},
    "bl_basis": {
        "zh": "依据：规划第873行“强化过程管理，做好月度监测和通报”；“个十百千”目标见专栏6-1。项目推进按阶段日期统计，"
        "无日期的推进按修改记录的保存日期。",
        "en": "Basis: plan line 873 (monthly monitoring and bulletins); the 个十百千 targets of Box 6-1. Moves count "
        "by stage date; a move recorded without a date counts on the day it was saved.",
    },
    "bl_pace": {"zh": "个十百千进度", "en": "个十百千 pace"},
    "bl_moves": {"zh": "本月推进项目", "en": "Projects moved"},
    "bl_areas": {"zh": "分县区", "en": "By area"},
    "bl_chains": {"zh": "分产业链", "en": "By chain"},
    "bl_targets": {"zh": "本月新增目标企业", "en": "New target firms"},
    "bl_none": {"zh": "（无）", "en": "(none)"},
    "bl_h_target": {"zh": "目标", "en": "Target"},
    "bl_h_ytd": {"zh": "年内累计", "en": "Year to date"},
    "bl_h_year_target": {"zh": "全年目标", "en": "Year's target"},
    "bl_h_pace_target": {"zh": "应达进度", "en": "Due by now"},
    "bl_h_pace": {"zh": "进度比", "en": "Pace"},
    "bl_h_status": {"zh": "状态", "en": "Status"},
    "bl_h_line": {"zh": "规划行", "en": "Plan line"},
    "bl_h_project": {"zh": "项目", "en": "Project"},
    "bl_h_firm": {"zh": "企业", "en": "Firm"},
    "bl_h_chain": {"zh": "产业链", "en": "Chain"},
    "bl_h_area": {"zh": "区域", "en": "Area"},
    "bl_h_from": {"zh": "原阶段", "en": "From"},
    "bl_h_to": {"zh": "新阶段", "en": "To"},
    "bl_h_date": {"zh": "日期", "en": "Date"},
    "bl_h_investment": {"zh": "总投资（亿元）", "en": "Investment (亿元)"},
    "bl_h_who": {"zh": "记录人", "en": "Recorded by"},
    "bl_h_moved": {"zh": "本月推进", "en": "Moved this month"},
    "bl_h_signed_ytd": {"zh": "年内签约（个）", "en": "Signed this year"},
    "bl_h_signed_yi_ytd": {"zh": "年内签约（亿元）", "en": "Signed this year (亿元)"},
    "bl_h_new_targets": {"zh": "新增目标企业", "en": "New target firms"},
    "bl_h_target_firm": {"zh": "目标企业", "en": "Target firm"},
    "bl_h_region": {"zh": "所在地区", "en": "Region"},
    "bl_h_category": {"zh": "类别", "en": "Category"},
    "bl_h_owner": {"zh": "责任人", "en": "Owner"},
    "bl_h_next_step": {"zh": "下一步", "en": "Next step"},
    "rp_title": {"zh": "招商目标进度 {year} 年", "en": "Investment targets {year}"},
    "rp_gsbq": {"zh": "个十百千（专栏6-1）", "en": "个十百千 (Box 6-1)"},
    "rp_stages": {"zh": "各阶段项目数", "en": "Projects per stage"},
    "rp_chains": {"zh": "表十一产值目标", "en": "Table 11 output targets"},
    "demo_note": {"zh": "示例数据（虚构），不代表真实情况", "en": "示例 · demo data (fictional)"},
    # target firms, 链长制, 十个一
    "wb_need": {"zh": "请填写{what}。", "en": "Fill in {what}."},
    "wb_no_target": {"zh": "找不到该目标企业，请刷新页面。", "en": "No such target firm; reload the page."},
    "wb_f_name": {"zh": "企业名称", "en": "the firm's name"},
    "wb_f_province": {"zh": "省份", "en": "the province"},
    "wb_f_chains": {"zh": "产业链", "en": "a chain"},
    "wb_f_category": {"zh": "类别", "en": "a category"},
    "wb_f_area": {"zh": "拟落户区域", "en": "the landing area"},
}

LABELS: dict[str, dict[str, str]] = {
    "线索": {"zh": "线索", "en": "Lead"},
    "在谈": {"zh": "在谈", "en": "In talks"},
    "储备": {"zh": "储备", "en": "Reserve"},
    "央企国企": {"zh": "央企国企", "en": "Central and state firms"},
    "长三角": {"zh": "长三角", "en": "Yangtze River Delta"},
    "珠三角": {"zh": "珠三角", "en": "Pearl River Delta"},
    "苏州对口": {"zh": "苏州等对口市", "en": "Suzhou and partner cities"},
    "跨国公司": {"zh": "跨国公司、世界500强", "en": "Multinationals, Fortune 500"},
    "技术攻关": {"zh": "长三角技术攻关伙伴", "en": "Delta joint R&D partners"},
    "其他": {"zh": "其他", "en": "Other"},
    "待接触": {"zh": "待接触", "en": "To contact"},
    "已接触": {"zh": "已接触", "en": "Contacted"},
    "洽谈中": {"zh": "洽谈中", "en": "Negotiating"},
    "已转项目": {"zh": "已转项目", "en": "Became a project"},
    "暂缓": {"zh": "暂缓", "en": "On hold"},
    "未开始": {"zh": "未开始", "en": "Not started"},
    "推进中": {"zh": "推进中", "en": "In progress"},
    "已完成": {"zh": "已完成", "en": "Done"},
}
