"""The audit as text (command line) and as an Excel workbook."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from sq_layout.analysis.audit import chain_overlap, consistency_audit, similar_pairs, target_discrepancies, target_table
from sq_layout.export.dataexport import xlsx
from sq_layout.plan.dataset import Dataset


def audit_tables(ds: Dataset, lang: str = "zh") -> dict[str, pd.DataFrame]:
    """Consistency audit, target discrepancies, per-chain targets, chain spread and most alike pairs."""
    spread = chain_overlap(ds).copy()
    for col in ("hosts", "border_pairs", "nested_pairs"):
        spread[col] = spread[col].map(lambda v: "; ".join(map(str, v)))
    return {
        "consistency": consistency_audit(ds, lang),
        "target_discrepancies": target_discrepancies(ds),
        "targets": target_table(ds),
        "chain_spread": spread,
        "similar_pairs": similar_pairs(ds, "chain", 15),
    }


def print_audit(ds: Dataset, lang: str = "zh", xlsx_path: Path | None = None) -> None:
    """Print the consistency audit and the target discrepancies; optionally write every audit table to Excel."""
    tables = audit_tables(ds, lang)
    c = tables["consistency"]
    print(f"== Consistency audit: {len(c)} findings ==")
    for r in c.itertuples():
        where = " · ".join(x for x in (r.area, r.industry, r.subindustry) if x)
        print(f"[{r.id}] {r.kind}{' · ' + where if where else ''}\n    {r.description}\n    lines {r.lines}")
    d = tables["target_discrepancies"]
    print(f"\n== Target discrepancies: {len(d)} ==")
    for r in d.itertuples():
        note = f"  ({r.scope_note})" if r.scope_note else ""
        print(
            f"- {r.kind} · {r.subject}: {r.figure_a} = {r.value_a:g} (L{r.lines_a}) vs "
            f"{r.figure_b} = {r.value_b:g} (L{r.lines_b.split(';')[0]}…); difference {r.difference:g}{note}"
        )
    if xlsx_path:
        Path(xlsx_path).write_bytes(xlsx(tables, lang))
        print(f"\nwritten: {xlsx_path}")
