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
}

LABELS: dict[str, dict[str, str]] = {}
