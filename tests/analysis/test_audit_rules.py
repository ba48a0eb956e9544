"""The figure checks as rules: same facts as before the rewrite, text in either language, notes from ids."""

from __future__ import annotations

import dataclasses
import io
from contextlib import redirect_stdout
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from sq_layout.analysis.audit_rows import TEXT_COLUMNS, discrepancy_rows
from sq_layout.analysis.audit_rules import RULES, Figure, discrepancies
from sq_layout.analysis.audit_views import discrepancies_view
from sq_layout.export.audit_report import print_audit, workbook_tables
from sq_layout.i18n import label
from sq_layout.i18n.lang import Lang
from sq_layout.i18n.shown import sheet_name
from sq_layout.plan.dataset import Dataset
from tests.frames import row, text

# The audit page's table before the checks became rules (its text then came from phrase replacement at display
# time), in both languages. The one intended change: English lists of names are joined by ", ", not "、".
BEFORE = Path(__file__).with_name("audit_discrepancies_before.csv")


def _before(lang: str) -> pd.DataFrame:
    b = pd.read_csv(BEFORE, dtype=str, keep_default_na=False)
    b = b[b["lang"] == lang].drop(columns="lang").rename(columns={"kind": "check"})
    if lang == "en":
        b["scope_note"] = b["scope_note"].str.replace(")、", "), ", regex=False)
    return b


def _as_text(df: pd.DataFrame) -> list[tuple[str, ...]]:
    cols = list(TEXT_COLUMNS)
    numbers = ("value_a", "value_b", "difference")
    rows = df[cols].assign(**{c: df[c].astype(float).map("{:.2f}".format) for c in numbers})
    return sorted(tuple(str(v) for v in r) for r in rows.itertuples(index=False))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_rules_give_the_same_facts_and_text_as_before(ds: Dataset, lang: Lang) -> None:
    after = discrepancy_rows(ds, lang)
    assert _as_text(after) == _as_text(_before(lang))
    assert discrepancies_view(ds, lang)["passage_a"].str.len().gt(0).all()


def test_rows_keep_ids(ds: Dataset) -> None:
    rows = discrepancy_rows(ds, "en").set_index(["kind", "subject"])
    pv = row(rows, ("table9_vs_chains", "Photovoltaic new energy (光伏新能源)"))
    assert (pv.industry_id, pv.figure_id_a, pv.figure_id_b) == ("pv", "T9_pv_2020", "")
    battery = row(rows, ("subindustry_vs_chain", "New-type batteries (新型电池) / Power batteries (动力电池)"))
    assert (battery.industry_id, battery.subindustry_id, battery.chain_no) == ("electromech", "battery", 4)
    building = row(rows, ("target_below_baseline", "Green building materials (绿色建材)"))
    assert building.chain_no == 13 and building.industry_id == "home"  # chains.csv row 13: 绿色建材, 绿色家居
    tier = row(rows, ("tier_total", "Dominant"))
    assert (tier.tier, tier.figure_id_a) == ("dominant", "CH4_dominant_2025")
    assert row(rows, ("total_vs_rows", "Table 11 2020 output")).measure == "output_2020"


def test_every_rule_kind_has_a_label_in_both_languages() -> None:
    for rule in RULES:
        assert label(rule.kind, "zh") != rule.kind and label(rule.kind, "en") != rule.kind


def test_scope_note_comes_from_ids_not_names(ds: Dataset) -> None:
    """Renaming industries and sub-industries changes the text, not which notes are found."""
    renamed = dataclasses.replace(
        ds,
        industries=ds.industries.assign(name=ds.industries["name"] + "产业"),
        subindustries=ds.subindustries.assign(name="甲" + ds.subindustries["name"]),
    )
    before = {(d.kind, d.subject): d.scope for d in discrepancies(ds)}
    after = {(d.kind, d.subject): d.scope for d in discrepancies(renamed)}
    assert after == before and any(before.values())
    rows = discrepancy_rows(renamed, "zh").set_index(["kind", "industry_id"])
    note = rows.loc[("industry_vs_chains", "electromech"), "scope_note"]
    assert note == "细分产业口径宽于产业链：甲新型电池、甲装备制造"


def test_a_rule_is_a_small_function_of_the_dataset(ds: Dataset) -> None:
    fig = next(rule for rule in RULES if rule.kind == "tier_total").find(ds)
    subject, a, b = next(fig)
    assert subject.tier == "dominant" and isinstance(a, Figure) and (a.value, b.value) == (6000, 6400)
    assert a.lines == (743,) and b.lines == (745, 752, 767, 771, 773, 782)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_command_line_and_workbook_read_the_same_rows(ds: Dataset, lang: Lang, tmp_path: Path) -> None:
    rows = discrepancy_rows(ds, lang)
    out = io.StringIO()
    with redirect_stdout(out):
        print_audit(ds, lang, tmp_path / "a.xlsx")
    printed = out.getvalue().split("\n\n")[-2].splitlines()[1:]  # the discrepancy section
    assert len(printed) == len(rows)
    for line, r in zip(printed, rows.itertuples(), strict=True):
        assert line.startswith(f"- {r.check} · {r.subject}") and f"L{r.lines_a}" in line
        assert (text(r.scope_note) in line) if r.scope_note else True
    sheet = workbook_tables(ds, lang)["target_discrepancies"]
    assert sheet.to_numpy().tolist() == rows[list(TEXT_COLUMNS)].to_numpy().tolist()
    ws = openpyxl.load_workbook(tmp_path / "a.xlsx")[sheet_name("target_discrepancies", lang)]
    assert [c.value for c in ws[2]][:2] == [rows.iloc[0].check, rows.iloc[0].subject]
