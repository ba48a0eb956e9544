"""The words of the investment import template and the records export (zh/en): a workbook is written in the reader's
language and read back in either."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "tpl_about_sheet": {"zh": "说明", "en": "About"},
    "tpl_lists_sheet": {"zh": "选项", "en": "Lists"},
    "tpl_title": {"zh": "宿迁市产业链招商地图 · 导入模板", "en": "Suqian chain investment map · import template"},
    "tpl_how": {
        "zh": "填写后在“招商地图”页面导入；任何一行有误则整份文件不导入，并逐行列出问题。",
        "en": "Fill it in and import it on the Investment map page; if any row is wrong, nothing in the file is "
        "imported and every problem is listed by row.",
    },
    "tpl_crs": {"zh": "坐标系", "en": "Coordinate system"},
    "tpl_crs_note": {
        "zh": "← 本文件坐标的坐标系（WGS-84 / GCJ-02 / BD-09）；高德、腾讯导出为 GCJ-02，百度为 BD-09",
        "en": "← the coordinate system of this file's coordinates (WGS-84 / GCJ-02 / BD-09); Amap and Tencent "
        "export GCJ-02, Baidu BD-09",
    },
    "tpl_sheet": {"zh": "工作表“{sheet}”", "en": "Sheet '{sheet}'"},
    "tpl_required": {"zh": "必填", "en": "required"},
    "tpl_optional": {"zh": "选填", "en": "optional"},
    "tpl_comment": {"zh": "{needed}：{help}", "en": "{needed}: {help}"},
    "tpl_chains": {"zh": "产业链（表十一）", "en": "Chains (Table 11)"},
    "tpl_plan_line": {"zh": "规划第{line}行", "en": "plan line {line}"},
    "rx_demo": {
        "zh": "示例数据（虚构），不代表真实企业",
        "en": "示例 demo data (fictional): no real firm",
    },
    "rx_records": {
        "zh": "规划点名的企业与载体及用户导入的记录",
        "en": "The firms and parks the plan names, and the records users imported",
    },
    "rx_how": {
        "zh": "可直接在“招商地图 › 导入”页导入本文件；末尾的编号、所在区域、近似位置和来源列仅供参考，导入时不读。",
        "en": "This file can be imported as it is on Investment map › Import; the last columns (ID, placed in, "
        "approximate, source) are for reference and not read on import.",
    },
    "rx_crs_note": {
        "zh": "“近似位置”为是的记录无自己的坐标（按载体或区域定位），经纬度留空",
        "en": "A record marked approximate has no coordinates of its own (placed by its park or area): its "
        "longitude and latitude are blank",
    },
    "pi_same_table_twice": {
        "zh": "同一张表有两个填写了记录的工作表（{sheets}）：请把记录合并到其中一个，删去另一个后再导入",
        "en": "the same table is filled in on two sheets ({sheets}): move the records into one of them and delete "
        "the other, then import again",
    },
    "rx_id": {"zh": "编号", "en": "ID"},
    "rx_placed": {"zh": "所在区域", "en": "Placed in"},
    "rx_approximate": {"zh": "近似位置", "en": "Approximate"},
    "rx_source": {"zh": "来源", "en": "Source"},
    "rx_yes": {"zh": "是", "en": "yes"},
    "rx_no": {"zh": "否", "en": "no"},
}
