"""The audit finds the plan's known inconsistencies (hand-checked against the plan text, not from the code)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from sq_layout.analysis.audit import (
    agreement,
    chain_overlap,
    consistency_audit,
    similar_pairs,
    similarity,
    target_table,
)
from sq_layout.analysis.audit_rows import discrepancy_rows
from sq_layout.plan.dataset import Dataset
from tests.frames import listed, number, row, text

# Read off the plan by hand: (kind, subject, figure a, figure b)
KNOWN_DISCREPANCIES = [
    ("total_vs_rows", "表十一 2020年产值", 2268.22, 2268.20),  # 合计 vs the 20 rows
    ("target_below_baseline", "绿色建材", 120, 144.53),
    ("target_below_baseline", "电子元器件", 200, 207.22),
    ("table9_vs_chains", "光伏新能源", 98.5, 117.61),
    ("table9_vs_chains", "绿色食品", 497.4, 487.04),
    ("subindustry_vs_chain", "新型电池 / 动力电池", 400, 350),
    ("subindustry_vs_chain", "装备制造 / 半固态成形制造", 150, 100),
    ("industry_vs_chains", "数字经济", 300, 200),
    ("tier_total", "主导产业", 6000, 6400),  # 主导产业 6000 vs 1000+1000+1800+1000+800+800
]


@pytest.mark.parametrize(("kind", "subject", "a", "b"), KNOWN_DISCREPANCIES)
def test_known_target_discrepancies_found_with_both_figures(
    ds: Dataset, kind: str, subject: str, a: float, b: float
) -> None:
    d = discrepancy_rows(ds, "zh")
    found = d[(d["kind"] == kind) & (d["subject"] == subject)]
    assert len(found) == 1
    assert (found.iloc[0].value_a, found.iloc[0].value_b) == pytest.approx((a, b))
    assert found.iloc[0].lines_a and found.iloc[0].lines_b


def test_rounding_is_not_a_discrepancy(ds: Dataset) -> None:
    d = discrepancy_rows(ds, "zh")
    assert d[(d["kind"] == "table9_vs_chains") & (d["industry_id"] == "textile")].empty  # 436.5 vs 436.54
    assert d[d["kind"] == "stated_growth"].empty  # 表九's growth rates match its own figures
    assert d[(d["kind"] == "tier_total") & (d["tier"] == "leading")].empty  # 500+100+300 = 900


def test_consistency_audit_lists_known_conflicts_with_verbatim_passages(ds: Dataset) -> None:
    audit = consistency_audit(ds).set_index("id")
    duplicate = row(audit, "C01")
    assert (
        duplicate.kind == "duplicate_listing"
        and "沭阳县、泗阳县、泗洪县、宿豫区、宿城区、苏宿工业园区、泗阳县" in text(duplicate.passages)
    )
    pv = row(audit, "C02")
    assert pv.area == "苏宿工业园区" and "重点依托宿迁经开区、泗洪县、苏宿园区" in text(pv.passages)
    assert audit.loc["C06"].area == "市湖滨新区" and "L795：重点依托宿豫区" in text(audit.loc["C06", "passages"])
    assert {"name_variant", "source_disagreement", "label_error", "count_mismatch"} <= set(audit["kind"])
    english = consistency_audit(ds, "en").set_index("id")
    assert english.loc["C02"].area == "Suzhou-Suqian Industrial Park"


def test_chain_spread_on_the_plan(ds: Dataset) -> None:
    spread = chain_overlap(ds).set_index("name")
    assert spread.index[0] == "电子元器件" and spread.loc["电子元器件", "n_hosts"] == 6
    assert spread.loc["激光装备", "n_hosts"] == 1
    assert ("sucheng", "yanghe") in listed(spread.loc["酿造（酒）", "nested_pairs"])
    assert ("sucheng", "sihong") in listed(spread.loc["酿造（酒）", "border_pairs"])


def test_similarity_symmetric_and_pairs_sorted(ds: Dataset) -> None:
    for level in ("chain", "subindustry"):
        s = similarity(ds, level)
        assert s.shape == (9, 9) and (s.to_numpy() == s.to_numpy().T).all()
        pairs = similar_pairs(ds, level, 5)
        assert pairs["similarity"].is_monotonic_decreasing


def test_target_table_growth(ds: Dataset) -> None:
    t = target_table(ds).set_index("name")
    assert t.loc["绿色建材", "below_baseline_2023"] and number(t.loc["绿色建材", "cagr_2020_2023"]) < 0
    assert t.loc["晶硅光伏", "cagr_2020_2025"] == pytest.approx((1000 / 117.61) ** 0.2 - 1)
    assert t.loc["化学纤维", "industry_target_2025_yi"] == 1800  # 化学纤维 1000 + 纺织服装 800


def test_agreement_counts(ds: Dataset) -> None:
    a = agreement(ds).set_index("area_id")
    assert a.loc["yanghe", "share"] == 1.0  # 酿造 and 生物医药: every source agrees
    assert number(a.loc["susu", "share"]) < 0.5  # its 第五章 section adds industries no other source gives it
    assert ((a["n_confirmed"] <= a["n_facts"]) & (a["n_facts"] > 0)).all()


def test_cli_audit_prints_and_writes_xlsx(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "sq_layout", "audit", "--xlsx", str(tmp_path / "a.xlsx")], capture_output=True, text=True
    )
    assert out.returncode == 0
    assert "[C01] 重复列出" in out.stdout and "6000" in out.stdout and "6400" in out.stdout
    assert "duplicate_listing" not in out.stdout and "Consistency" not in out.stdout  # no raw codes, no English
    wb = openpyxl.load_workbook(tmp_path / "a.xlsx")
    assert {"一致性检查", "目标数字不符", "目标", "产业链分布"} <= set(
        wb.sheetnames
    )  # sheets named in the reader's language
    en = subprocess.run(
        [sys.executable, "-m", "sq_layout", "audit", "--lang", "en", "--xlsx", str(tmp_path / "b.xlsx")],
        capture_output=True,
        text=True,
    )
    assert en.returncode == 0
    assert {"Consistency", "Target discrepancies", "Targets", "Chain spread"} <= set(
        openpyxl.load_workbook(tmp_path / "b.xlsx").sheetnames
    )


def test_filter_audit(ds: Dataset) -> None:
    from sq_layout.analysis.audit import filter_audit

    audit = consistency_audit(ds)
    assert len(filter_audit(audit, [], [])) == len(audit)
    susu = filter_audit(audit, ["susu"], [])
    assert set(susu["area_id"]) == {"susu"} and {"C02", "C03", "C21"} <= set(susu["id"])
    assert set(filter_audit(audit, ["susu"], ["pv"])["id"]) == {"C02"}
