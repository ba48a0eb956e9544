"""The audit as text (command line) and as an Excel workbook: readable unique headers, names not ids, rounded."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from sq_layout.analysis.audit import chain_overlap, consistency_audit, similar_pairs, target_table
from sq_layout.analysis.audit_rows import TEXT_COLUMNS, discrepancy_rows
from sq_layout.analysis.audit_views import text_checks_view, with_labels
from sq_layout.atomic import write_bytes
from sq_layout.export.dataexport import xlsx
from sq_layout.i18n import HEADERS, Lang, by_lang, label, name_col, t
from sq_layout.i18n.lang import join_list
from sq_layout.plan.dataset import Dataset

# Audit columns whose general header would be ambiguous in a workbook (zh, en).
AUDIT_HEADERS = {
    "chain_no": ("表十一序号", "Table 11 no."),
    "name": ("名称", "Name"),
    "industry_id": ("所属产业", "Industry"),
    "n_hosts": ("承载区域数", "Number of hosts"),
    "hosts": ("承载区域", "Hosting areas"),
    "output_2020_yi": ("2020年产值（亿元）", "2020 output (100m yuan)"),
    "target_2023_yi": ("2023年目标（亿元）", "2023 target (100m yuan)"),
    "target_2025_yi": ("2025年目标（亿元）", "2025 target (100m yuan)"),
    "cagr_2020_2023": ("2020→2023 年均增速%", "CAGR 2020→23 %"),
    "cagr_2023_2025": ("2023→2025 年均增速%", "CAGR 2023→25 %"),
    "cagr_2020_2025": ("2020→2025 年均增速%", "CAGR 2020→25 %"),
    "below_baseline_2023": ("2023目标低于2020", "2023 target below 2020"),
    "industry_output_2020_yi": ("所属产业2020产值合计", "Industry 2020 output"),
    "industry_target_2023_yi": ("所属产业2023目标合计", "Industry 2023 target"),
    "industry_target_2025_yi": ("所属产业2025目标合计", "Industry 2025 target"),
}


def _readable(df: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """Headers in the chosen language, made unique (a clash keeps its code name in brackets)."""
    i = by_lang(0, 1, lang)
    names = [AUDIT_HEADERS[c][i] if c in AUDIT_HEADERS else HEADERS.get(c, {}).get(lang, c) for c in df.columns]
    seen: dict[str, int] = {}
    for n in names:
        seen[n] = seen.get(n, 0) + 1
    unique = [f"{n} ({c})" if seen[n] > 1 else n for n, c in zip(names, df.columns, strict=True)]
    return df.set_axis(unique, axis=1)


def audit_tables(ds: Dataset, lang: Lang = "zh") -> dict[str, pd.DataFrame]:
    """Consistency audit, target discrepancies, per-chain targets, chain spread and most alike pairs."""
    area = ds.areas.set_index("area_id")[name_col(lang)].to_dict()
    industry = ds.industries.set_index("industry_id")[name_col(lang)].to_dict()

    def pairs(v: object) -> str:
        return join_list((f"{area.get(a, a)}–{area.get(b, b)}" for a, b in list(v)), lang)  # type: ignore[call-overload]

    spread = chain_overlap(ds).copy()
    spread["hosts"] = spread["hosts"].map(lambda v: join_list((str(area.get(a, a)) for a in v), lang))
    spread["border_pairs"] = spread["border_pairs"].map(pairs)
    spread["nested_pairs"] = spread["nested_pairs"].map(pairs)
    spread["industry_id"] = spread["industry_id"].map(industry)
    targets = target_table(ds).copy()
    targets["industry_id"] = targets["industry_id"].map(industry)
    for col in ("cagr_2020_2023", "cagr_2023_2025", "cagr_2020_2025"):
        targets[col] = (100 * targets[col]).round(1)
    similar = similar_pairs(ds, "chain", 15).copy()
    similar["a"] = similar["a"].map(area)
    similar["b"] = similar["b"].map(area)
    similar["similarity"] = similar["similarity"].astype(float).round(2)
    keep, other = name_col(lang), (by_lang("name_en", "name", lang))

    def named(df: pd.DataFrame) -> pd.DataFrame:
        return df.drop(columns=[other]).rename(columns={keep: "name"})

    return {
        "consistency": consistency_audit(ds, lang),
        "text_checks": text_checks_view(ds, lang),
        "target_discrepancies": discrepancy_rows(ds, lang),
        "targets": named(targets),
        "chain_spread": named(spread),
        "similar_pairs": similar,
    }


def workbook_tables(ds: Dataset, lang: Lang = "zh") -> dict[str, pd.DataFrame]:
    """The audit tables as the workbook shows them: readable, unique headers; internal ids dropped."""
    tables = audit_tables(ds, lang)
    consistency = tables["consistency"].drop(columns=["area_id", "industry_id"], errors="ignore")
    tables["consistency"] = with_labels(consistency, lang)
    tables["target_discrepancies"] = tables["target_discrepancies"][list(TEXT_COLUMNS)]
    return {name: _readable(df, lang) for name, df in tables.items()}


def print_audit(ds: Dataset, lang: Lang = "zh", xlsx_path: Path | None = None) -> None:
    """Print the consistency audit, text checks and target discrepancies; optionally write all tables to Excel."""
    tables = audit_tables(ds, lang)
    c = tables["consistency"]
    print(t("audit_cli_consistency", lang).format(n=len(c)))
    for r in c.itertuples():
        where = " · ".join(str(x) for x in (r.area, r.industry, r.subindustry) if x)
        head = f"[{r.id!s}] {label(str(r.kind), lang)}{' · ' + where if where else ''}"
        print(f"{head}\n    {r.description!s}\n    {t('audit_cli_lines', lang).format(lines=r.lines)}")
    x = tables["text_checks"]
    print("\n" + t("audit_cli_text_checks", lang).format(n=len(x)))
    for r in x.itertuples():
        where = " · ".join(str(v) for v in (label(str(r.check), lang), r.area, r.subject) if v)
        print(f"- {where}: {r.description!s} (L{r.lines!s})\n    {r.quote!s}")
    d = tables["target_discrepancies"]
    print("\n" + t("disc_cli_heading", lang).format(n=len(d)))
    for r in d.itertuples():
        note = t("disc_cli_note", lang).format(note=r.scope_note) if r.scope_note else ""
        print(
            t("disc_cli_line", lang).format(
                check=r.check,
                subject=r.subject,
                figure_a=r.figure_a,
                a=f"{float(str(r.value_a)):g}",
                lines_a=r.lines_a,
                figure_b=r.figure_b,
                b=f"{float(str(r.value_b)):g}",
                line_b=str(r.lines_b).split(";")[0],
                d=f"{float(str(r.difference)):g}",
                note=note,
            )
        )
    if xlsx_path:
        write_bytes(xlsx_path, xlsx(workbook_tables(ds, lang), lang))
        print("\n" + t("audit_cli_written", lang).format(path=xlsx_path))
