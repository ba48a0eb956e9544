"""The one history writer: change sets (plan edits or investment saves) as readable lines, table rows and XLSX.

The store returns `Change` records; this writes them. Every cell passes the one neutraliser (sq_layout.cells), so
text that looks like a formula stays text.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from sq_layout.cache import PER_PROCESS, cached
from sq_layout.cells import neutralise_cell, workbook_bytes
from sq_layout.i18n import HEADERS, LANGS, Lang, by_lang
from sq_layout.i18n.lang import join_list
from sq_layout.i18n.shown import sheet_name, when, who
from sq_layout.store.changes import Change

COLUMNS = {
    "id": ("编号", "ID"),
    "created": ("时间（北京时间）", "When (Beijing time)"),
    "user": ("修改人", "Who"),
    "action": ("操作", "Action"),
    "summary": ("摘要", "Summary"),
    "what": ("内容（修改前 → 修改后）", "What (before → after)"),
    "reason": ("理由", "Why"),
    "reverted_by": ("被撤销于", "Reverted by"),
}
RECORD_COLUMNS = {
    "id": ("编号", "ID"),
    "created": ("时间（北京时间）", "When (Beijing time)"),
    "user": ("修改人", "Who"),
    "table": ("表", "Table"),
    "record": ("记录", "Record"),
    "op": ("操作", "Change"),
    "what": ("内容（修改前 → 修改后）", "What (before → after)"),
}
OPS = {
    "zh": {"add": "新增", "update": "修改", "remove": "删除"},
    "en": {"add": "added", "update": "changed", "remove": "removed"},
}
ACTIONS = {  # the store's action codes (sq_layout.store.changes) in words
    "add": ("新增", "added"),
    "update": ("修改", "changed"),
    "remove": ("删除", "removed"),
    "revert": ("撤销", "reverted"),
    "return": ("退回", "returned"),
    "draft": ("建草案", "draft started"),
    "publish": ("发布", "published"),
}
VERSION_EVENTS = {  # a change of no record, worded from the version it names (the stored summary is English)
    "draft": ("以版本 {v} 为底的草案", "Draft of version {v}"),
    "publish": ("发布，取代版本 {v}", "Published, superseding version {v}"),
}
SHOWN_LINES = 20  # an investment save's records per row of the list; the records sheet has every one
PLAN_SHEET = {"zh": "修改记录", "en": "History"}
INVEST_SHEETS = {"zh": ("招商数据修改记录", "逐条记录"), "en": ("Investment history", "Records")}
INVEST_COLUMNS = [c for c in COLUMNS if c != "reverted_by"]


def _short(v: Any) -> str:
    text = "∅" if v is None or v == "" else str(v)
    return text if len(text) <= 60 else text[:57] + "…"


@cached(1, key=PER_PROCESS, invalidated="the table specs change only with a new release")
def _invest_headers() -> dict[tuple[str, str], tuple[str, str]]:
    """The investment tables' import headers by (table, stored field): (zh, en)."""
    from sq_layout.tables.invest import SPECS

    return {(t, f.code): (f.header, f.header_en or f.header) for t, spec in SPECS.items() for f in spec.fields()}


def _field(table: str, name: str, lang: Lang) -> str:
    """A stored field as the reader knows it: its header in `lang` (an investment table's own import header)."""
    invest = _invest_headers()
    if (table, name) in invest:
        return by_lang(*invest[table, name], lang)
    return HEADERS[name][lang] if name in HEADERS else name


def describe(change: Change, lang: Lang) -> list[str]:
    """One line per record touched: what was added or removed, or each field's before → after; tables and fields
    named in `lang`."""
    lines = []
    for d in change.rows:
        before, after = d["before"], d["after"]
        table = sheet_name(d["table"], lang)
        head = f"{table} #{d['row_no']}"
        if before is None or after is None:
            row = after if before is None else before
            sign = "+" if before is None else "−"
            shown = {k: v for k, v in row.items() if k not in ("rev", "row_no", "geometry") and v not in ("", None)}
            pairs = [f"{_field(d['table'], k, lang)}={_short(v)}" for k, v in list(shown.items())[:6]]
            lines.append(f"{sign} {head}: " + join_list(pairs, lang))
            continue
        diff = [k for k in after if k not in ("rev", "row_no") and after.get(k) != before.get(k)]
        parts = [
            f"{_field(d['table'], k, lang)}: …"
            if k == "geometry"
            else f"{_field(d['table'], k, lang)}: {_short(before.get(k))} → {_short(after.get(k))}"
            for k in diff
        ]
        lines.append(f"{head}: " + "; ".join(parts))
    return lines


def summary_text(change: Change, lang: Lang) -> str:
    """What a change did, counted per table in `lang` (企业 新增 3、修改 1 / firms: 3 added, 1 changed), from its
    records; the stored summary names tables, fields and ids by code, for the log. A change of no record (a draft
    begun, a version published) names the version it was drafted from or superseded; one that names none (an older
    log) keeps its stored summary."""
    if not change.rows:
        if change.action in VERSION_EVENTS and change.names_version is not None:
            return by_lang(*VERSION_EVENTS[change.action], lang).format(v=change.names_version)
        return change.summary
    counts: dict[str, dict[str, int]] = {}
    for d in change.rows:
        op = "add" if d["before"] is None else "remove" if d["after"] is None else "update"
        per = counts.setdefault(str(d["table"]), {})
        per[op] = per.get(op, 0) + 1
    words = OPS[lang]
    parts = [
        f"{sheet_name(table, lang)}{by_lang(' ', ': ', lang)}"
        + join_list((by_lang(f"{words[op]} {n}", f"{n} {words[op]}", lang) for op, n in per.items()), lang)
        for table, per in counts.items()
    ]
    return "; ".join(parts)


def _what(change: Change, limit: int | None, lang: Lang) -> str:
    lines = describe(change, lang)
    more = 0 if limit is None else len(lines) - limit
    return "\n".join(lines[:limit] + ([f"… +{more}"] if more > 0 else []))


def history_rows(changes: list[Change], limit: int | None = None, lang: Lang = "zh") -> list[dict[str, Any]]:
    """One row per change: when, who, action, summary, the records touched (the first `limit`), why, reverted by;
    time, user and action as a reader of `lang` reads them."""
    i = by_lang(0, 1, lang)
    return [
        {"id": c.id, "created": when(c.created, lang), "user": who(c.user, lang),
         "action": ACTIONS[c.action][i] if c.action in ACTIONS else c.action, "summary": summary_text(c, lang),
         "what": _what(c, limit, lang), "reason": c.reason, "reverted_by": f"#{c.reverted_by}" if c.reverted_by else ""}
        for c in changes
    ]  # fmt: skip


def invest_history_rows(changes: list[Change], limit: int = SHOWN_LINES, lang: Lang = "zh") -> list[dict[str, Any]]:
    """An investment history as rows: one per save, its first `limit` records (saves are never reverted)."""
    return [{k: row[k] for k in INVEST_COLUMNS} for row in history_rows(changes, limit, lang)]


def history_frame(changes: list[Change], lang: Lang, invest: bool = False) -> pd.DataFrame:
    """A history as a page shows it: the rows of `history_rows` (or `invest_history_rows`) under headers in `lang`."""
    rows = invest_history_rows(changes, lang=lang) if invest else history_rows(changes, lang=lang)
    columns = {k: v for k, v in COLUMNS.items() if not invest or k in INVEST_COLUMNS}
    i = LANGS.index(lang)
    return pd.DataFrame(rows, columns=list(columns)).rename(columns={k: v[i] for k, v in columns.items()})


def record_rows(changes: list[Change], lang: Lang = "en") -> list[dict[str, Any]]:
    """One row per record touched: the change, the table, the record's key, added / changed / removed, what."""
    out = []
    for c in changes:
        for d, line in zip(c.rows, describe(c, lang), strict=True):
            op = OPS[lang]["add" if d["before"] is None else "remove" if d["after"] is None else "update"]
            what = line.split(": ", 1)[1] if ": " in line else line
            out.append({"id": c.id, "created": when(c.created, lang), "user": who(c.user, lang),
                        "table": sheet_name(d["table"], lang), "record": d["row_no"], "op": op,
                        "what": what})  # fmt: skip
    return out


Sheet = tuple[str, dict[str, tuple[str, str]], list[dict[str, Any]], tuple[int, ...]]


def _workbook(sheets: list[Sheet], lang: Lang) -> bytes:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    i = by_lang(0, 1, lang)
    wb = Workbook()
    for n, (title, columns, rows, widths) in enumerate(sheets):
        sheet = wb.active if n == 0 else wb.create_sheet()
        assert sheet is not None
        sheet.title = title
        sheet.append([label[i] for label in columns.values()])
        for row in rows:
            sheet.append([neutralise_cell(row[k]) for k in columns])
        for col, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(col)].width = width
    return workbook_bytes(wb)


def history_xlsx(changes: list[Change], lang: Lang) -> bytes:
    """A plan history as an XLSX workbook, one row per change, every text cell neutralised."""
    widths = (8, 22, 12, 10, 36, 70, 40, 10)
    return _workbook([(PLAN_SHEET[lang], COLUMNS, history_rows(changes, lang=lang), widths)], lang)


def invest_history_xlsx(changes: list[Change], lang: Lang) -> bytes:
    """An investment history as XLSX: one sheet of saves, one of every record touched; every text cell neutralised."""
    first, second = INVEST_SHEETS[lang]
    saves = {k: COLUMNS[k] for k in INVEST_COLUMNS}
    return _workbook(
        [
            (first, saves, invest_history_rows(changes, lang=lang), (8, 22, 12, 10, 36, 70, 40)),
            (second, RECORD_COLUMNS, record_rows(changes, lang), (8, 22, 12, 10, 16, 8, 90)),
        ],
        lang,
    )
