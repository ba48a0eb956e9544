"""The investment records' change log: listed like the plan edits' history, exported to XLSX (text neutralised)."""

from __future__ import annotations

import io
import json
from typing import Any

from sqlalchemy import select

from sq_layout.export.dataexport import neutralise_cell
from sq_layout.store.history import Change
from sq_layout.store.history_export import COLUMNS, describe
from sq_layout.store.invest_tables import invest_changes
from sq_layout.store.workspace_store import Workspace

SHOWN_LINES = 20  # per change in the list and the first sheet; the second sheet has every record
LIST_COLUMNS = [c for c in COLUMNS if c != "reverted_by"]
RECORD_COLUMNS = {
    "id": ("编号", "ID"),
    "created": ("时间（UTC）", "When (UTC)"),
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
SHEETS = {"zh": ("招商数据修改记录", "逐条记录"), "en": ("Investment history", "Records")}


def _change(r: Any) -> Change:
    areas = tuple(a for a in r.area_ids.split(";") if a)
    chains = tuple(int(c) for c in r.chain_nos.split(";") if c)
    rows = tuple(json.loads(r.changes))
    return Change(r.id, r.version_id, r.created, r.user_name, r.action, r.summary, r.reason, areas, chains, rows,
                  None, None)  # fmt: skip


def invest_history(
    ws: Workspace, version_id: int, *, area: str | None = None, chain: int | None = None
) -> list[Change]:
    """A version's investment saves, newest first; only those touching an area or a chain when asked."""
    c = invest_changes.c
    stmt = select(invest_changes).where(c.version_id == version_id).order_by(c.id.desc())
    with ws.engine.connect() as conn:
        out = [_change(r) for r in conn.execute(stmt).all()]
    if area:
        out = [ch for ch in out if area in ch.area_ids]
    if chain is not None:
        out = [ch for ch in out if chain in ch.chain_nos]
    return out


def _what(change: Change, limit: int) -> str:
    lines = describe(change)
    more = len(lines) - limit
    return "\n".join(lines[:limit] + ([f"… +{more}"] if more > 0 else []))


def invest_history_rows(changes: list[Change], limit: int = SHOWN_LINES) -> list[dict[str, Any]]:
    """One row per save: when, who, action, summary, the first `limit` records touched, and why."""
    return [
        {"id": c.id, "created": c.created, "user": c.user, "action": c.action, "summary": c.summary,
         "what": _what(c, limit), "reason": c.reason}
        for c in changes
    ]  # fmt: skip


def record_rows(changes: list[Change], lang: str = "en") -> list[dict[str, Any]]:
    """One row per record touched: the save, the table, the record's key, added / changed / removed, what."""
    out = []
    for c in changes:
        for d, line in zip(c.rows, describe(c), strict=True):
            op = OPS[lang]["add" if d["before"] is None else "remove" if d["after"] is None else "update"]
            what = line.split(": ", 1)[1] if ": " in line else line
            out.append({"id": c.id, "created": c.created, "user": c.user, "table": d["table"],
                        "record": d["row_no"], "op": op, "what": what})  # fmt: skip
    return out


def invest_history_xlsx(changes: list[Change], lang: str) -> bytes:
    """The history as XLSX: one sheet of saves, one of every record touched; every text cell neutralised."""
    from openpyxl import Workbook

    i = 0 if lang == "zh" else 1
    wb = Workbook()
    first = wb.active
    assert first is not None
    first.title, second = SHEETS[lang][0], wb.create_sheet(SHEETS[lang][1])
    first.append([COLUMNS[k][i] for k in LIST_COLUMNS])
    for row in invest_history_rows(changes):
        first.append([neutralise_cell(row[k]) for k in LIST_COLUMNS])
    second.append([label[i] for label in RECORD_COLUMNS.values()])
    for row in record_rows(changes, lang):
        second.append([neutralise_cell(row[k]) for k in RECORD_COLUMNS])
    for sheet, widths in ((first, (8, 22, 12, 10, 36, 70, 40)), (second, (8, 22, 12, 10, 16, 8, 90))):
        for col, width in zip("ABCDEFG", widths, strict=True):
            sheet.column_dimensions[col].width = width
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
