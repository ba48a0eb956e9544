"""What the store records, as a reader reads it: who acted, when, and where a record comes from.

The store keeps codes and machine forms (the user 'local' of a single-user install, ISO-8601 UTC times, sources such as
"规划第174行（第五章）" written by the seed); pages and files show them through these functions.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

from sq_layout.i18n.lang import Lang

LOCAL_USER = "local"  # who acts while the workspace has no accounts (the store's and the CLI's name for it)
# The plan's city keeps China Standard Time all year (no daylight saving): a fixed offset needs no tz database.
BEIJING = timezone(timedelta(hours=8))

TEXT: dict[str, dict[str, str]] = {
    "user_local": {"zh": "本机用户", "en": "this computer"},
    "time_zone": {"zh": "北京时间", "en": "Beijing time"},
    "src_plan_line": {"zh": "规划第{n}行", "en": "Plan line {n}"},
    "src_line_role": {"zh": "第{n}行：{role}", "en": "line {n}: {role}"},
    "src_stage_line": {"zh": "阶段据第{n}行", "en": "stage per line {n}"},
    "src_chapter": {"zh": "第{n}章", "en": "chapter {n}"},
    "src_note": {"zh": "（{note}）", "en": " (note: “{note}”)"},
    "src_sheet_row": {"zh": "{sheet} 第{n}行", "en": "sheet {sheet}, row {n}"},
    "src_plan": {"zh": "规划", "en": "the plan"},
    "src_user": {"zh": "用户", "en": "a user"},
    "src_demo": {"zh": "示例数据（虚构）", "en": "demo data (fictional)"},
    # the sheets of a data export (sq_layout.export.dataexport), by the table's code
    "sheet_areas": {"zh": "地区", "en": "Areas"},
    "sheet_industries": {"zh": "产业", "en": "Industries"},
    "sheet_subindustries": {"zh": "细分产业", "en": "Sub-industries"},
    "sheet_chains": {"zh": "重点产业链", "en": "Key chains"},
    "sheet_assignments": {"zh": "布局", "en": "Layout"},
    "sheet_details": {"zh": "产品载体企业", "en": "Products, parks, firms"},
    "sheet_conflicts": {"zh": "规划内部矛盾", "en": "Conflicts in the plan"},
    "sheet_plan_figures": {"zh": "规划数字", "en": "Plan figures"},
    "sheet_hosts": {"zh": "承载区域", "en": "Hosting areas"},
    "sheet_chain_figures": {"zh": "表十一数字", "en": "Table 11 figures"},
    "sheet_area_industries": {"zh": "所选区域产业", "en": "Area industries"},
    "sheet_area_details": {"zh": "所选区域产品载体", "en": "Area products and parks"},
    "sheet_area_conflicts": {"zh": "所选区域矛盾", "en": "Area conflicts"},
    "sheet_figures": {"zh": "数字变化", "en": "Figures changed"},
    "sheet_firms": {"zh": "企业", "en": "Firms"},
    "sheet_projects": {"zh": "项目", "en": "Projects"},
    "sheet_carriers": {"zh": "载体", "en": "Parks"},
    "sheet_links": {"zh": "产业链环节", "en": "Chain links"},
    "sheet_actuals": {"zh": "实际产值", "en": "Actual output"},
    "sheet_prospects": {"zh": "目标企业", "en": "Target firms"},
    "sheet_chain_leads": {"zh": "链长制", "en": "Chain leads"},
    "sheet_chain_tasks": {"zh": "十个一", "en": "The ten ones"},
    "sheet_boundaries": {"zh": "边界", "en": "Boundaries"},
    "sheet_consistency": {"zh": "一致性检查", "en": "Consistency"},
    "sheet_text_checks": {"zh": "规划文本复查", "en": "Plan text checks"},
    "sheet_target_discrepancies": {"zh": "目标数字不符", "en": "Target discrepancies"},
    "sheet_targets": {"zh": "目标", "en": "Targets"},
    "sheet_chain_spread": {"zh": "产业链分布", "en": "Chain spread"},
    "sheet_similar_pairs": {"zh": "相似区域", "en": "Similar areas"},
}
_WORDS = {"规划": "src_plan", "用户": "src_user", "示例数据（虚构）": "src_demo"}
_CHAPTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_PLAN_LINE = re.compile(r"规划第(\d+)行")
_LINE_ROLE = re.compile(r"第(\d+)行：(\S+?)")
_STAGE_LINE = re.compile(r"阶段据第(\d+)行")
_CHAPTER = re.compile(r"（第([一二三四五六七八九])章）")
_NOTE = re.compile(r"（(.+)）")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_SHEET_ROW = re.compile(r"(.+) (\S+) 第(\d+)行")  # an imported record: '<file> <sheet> 第<row>行'


def _t(key: str, lang: Lang) -> str:
    return TEXT[key][lang]


def sheet_name(table: str, lang: Lang) -> str:
    """A data export's sheet for a table, in the reader's language (Excel allows 31 characters)."""
    key = f"sheet_{table}"
    return (TEXT[key][lang] if key in TEXT else table)[:31]


def who(user: str | None, lang: Lang) -> str:
    """A user as shown: the single-user install's 'local' in the reader's words; an account's name as it is."""
    if not user:
        return ""
    return _t("user_local", lang) if user == LOCAL_USER else user


def when(iso: str | None, lang: Lang) -> str:
    """A stored time (ISO-8601, UTC) as Beijing time to the minute, '2026-12-07 11:56'; the header names the zone."""
    if not iso:
        return ""
    try:
        d = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if d.tzinfo is None:
        d = d.replace(tzinfo=UTC)
    return d.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M")


def with_zone(header: str, lang: Lang) -> str:
    """A time column's header naming the zone its times are in: '创建时间（北京时间）', 'Created (Beijing time)'."""
    zone = _t("time_zone", lang)
    return f"{header}（{zone}）" if lang == "zh" else f"{header} ({zone})"


def _part(part: str, lang: Lang) -> str:
    """One '；'-separated piece of a source in English: line numbers and labels in words, the plan's words quoted."""
    from sq_layout.i18n import label

    if part in _WORDS:
        return _t(_WORDS[part], lang)
    out, rest = [], part
    if m := _PLAN_LINE.match(rest):
        out.append(_t("src_plan_line", lang).format(n=m.group(1)))
        rest = rest[m.end() :]
    elif m := _STAGE_LINE.match(rest):
        out.append(_t("src_stage_line", lang).format(n=m.group(1)))
        rest = rest[m.end() :]
    elif (m := _LINE_ROLE.fullmatch(rest)) is not None:
        return _t("src_line_role", lang).format(n=m.group(1), role=label(m.group(2), lang))
    if m := _CHAPTER.fullmatch(rest):
        return "".join(out) + f" ({_t('src_chapter', lang).format(n=_CHAPTERS[m.group(1)])})"
    if out and (m := _NOTE.fullmatch(rest)):
        return out[0] + _t("src_note", lang).format(note=m.group(1))
    if out:
        return out[0] + (f" “{rest}”" if rest else "")
    if m := _SHEET_ROW.fullmatch(part):
        from sq_layout.tables.invest import IMPORTED

        sheets = {spec.sheet: spec.sheet_en for spec in IMPORTED.values()}
        sheet = sheets.get(m.group(2), m.group(2))
        return f"{m.group(1)}, " + _t("src_sheet_row", lang).format(sheet=sheet, n=m.group(3))
    return f"“{part}”" if _CJK.search(part) else part


def source(text: str | None, lang: Lang) -> str:
    """Where a record comes from, as shown: as stored in Chinese; in English the plan line, chapter, role and stage
    line in words and any note of the plan's own words kept verbatim in quotes (“…”), apart from the numbers."""
    if not text:
        return ""
    if lang == "zh":
        return text
    return "; ".join(_part(p, lang) for p in text.split("；"))


# Headers of the area counts a whole-dataset export adds to the plan's columns (whose headers are declared with their
# tables, sq_layout.tables.plan), and of an import's problem table.
COLUMNS: dict[str, dict[str, str]] = {
    "n_industries": {"zh": "承载产业数", "en": "Industries hosted"},
    "n_chains": {"zh": "承载产业链数", "en": "Chains hosted"},
    "n_selected": {"zh": "承载所选项数", "en": "Selected items hosted"},
    # an import's problem table (sq_layout.invest.importer.PROBLEM_COLUMNS)
    "sheet": {"zh": "工作表", "en": "Sheet"},
    "row": {"zh": "行", "en": "Row"},
    "column": {"zh": "列", "en": "Column"},
    "expected": {"zh": "应为", "en": "Expected"},
}
