"""The change log as readable lines and as an XLSX workbook (formula-looking text neutralised)."""

from __future__ import annotations

import io
from typing import Any

from sq_layout.export.dataexport import neutralise_cell
from sq_layout.store.history import Change

COLUMNS = {
    "id": ("编号", "ID"),
    "created": ("时间（UTC）", "When (UTC)"),
    "user": ("修改人", "Who"),
    "action": ("操作", "Action"),
    "summary": ("摘要", "Summary"),
    "what": ("内容（修改前 → 修改后）", "What (before → after)"),
    "reason": ("理由", "Why"),
    "reverted_by": ("被撤销于", "Reverted by"),
}


def _short(v: Any) -> str:
    text = "∅" if v is None or v == "" else str(v)
    return text if len(text) <= 60 else text[:57] + "…"


def describe(change: Change) -> list[str]:
    """One line per record touched: what was added or removed, or each field's before → after."""
    lines = []
    for d in change.rows:
        before, after = d["before"], d["after"]
        head = f"{d['table']} #{d['row_no']}"
        if before is None or after is None:
            row = after if before is None else before
            sign = "+" if before is None else "−"
            shown = {k: v for k, v in row.items() if k not in ("rev", "row_no", "geometry") and v not in ("", None)}
            lines.append(f"{sign} {head}: " + ", ".join(f"{k}={_short(v)}" for k, v in list(shown.items())[:6]))
            continue
        diff = [k for k in after if k not in ("rev", "row_no") and after.get(k) != before.get(k)]
        parts = [
            f"{k}: …" if k == "geometry" else f"{k}: {_short(before.get(k))} → {_short(after.get(k))}" for k in diff
        ]
        lines.append(f"{head}: " + "; ".join(parts))
    return lines


def history_rows(changes: list[Change]) -> list[dict[str, Any]]:
    """The changes as table rows (one per change)."""
    return [
        {
            "id": c.id,
            "created": c.created,
            "user": c.user,
            "action": c.action,
            "summary": c.summary,
            "what": "\n".join(describe(c)),
            "reason": c.reason,
            "reverted_by": f"#{c.reverted_by}" if c.reverted_by else "",
        }
        for c in changes
    ]


def history_xlsx(changes: list[Change], lang: str) -> bytes:
    """The history as an XLSX workbook, one row per change, every text cell neutralised."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "修改记录" if lang == "zh" else "History"
    ws.append([label[0 if lang == "zh" else 1] for label in COLUMNS.values()])
    for row in history_rows(changes):
        ws.append([neutralise_cell(row[k]) for k in COLUMNS])
    for col, width in zip("ABCDEFGH", (8, 22, 12, 10, 36, 70, 40, 10), strict=True):
        ws.column_dimensions[col].width = width
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
