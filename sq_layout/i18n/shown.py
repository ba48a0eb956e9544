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
    "src_sheet_row": {"zh": "{sheet} 第{n}行", "en": "{sheet} row {n}"},
    "src_plan": {"zh": "规划", "en": "the plan"},
    "src_user": {"zh": "用户", "en": "a user"},
    "src_demo": {"zh": "示例数据（虚构）", "en": "demo data (fictional)"},
}
_WORDS = {"规划": "src_plan", "用户": "src_user", "示例数据（虚构）": "src_demo"}
_CHAPTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_PLAN_LINE = re.compile(r"规划第(\d+)行")
_LINE_ROLE = re.compile(r"第(\d+)行：(\S+?)")
_STAGE_LINE = re.compile(r"阶段据第(\d+)行")
_CHAPTER = re.compile(r"（第([一二三四五六七八九])章）")
_NOTE = re.compile(r"（(.+)）")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _t(key: str, lang: Lang) -> str:
    return TEXT[key][lang]


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
    return f"“{part}”" if _CJK.search(part) else part


def source(text: str | None, lang: Lang) -> str:
    """Where a record comes from, as shown: as stored in Chinese; in English the plan line, chapter, role and stage
    line in words and any note of the plan's own words kept verbatim in quotes (“…”), apart from the numbers."""
    if not text:
        return ""
    if lang == "zh":
        return text
    return "; ".join(_part(p, lang) for p in text.split("；"))
