"""The four text-audit classes, on the bundled plan (findings checked against the text by hand) and on edited copies."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from sq_layout.analysis.text_audit import chapter_level_only, name_variants, nothing_beneath, stated_counts
from sq_layout.i18n.lang import Lang
from sq_layout.plan.dataset import Dataset


def test_stated_count_differs_from_list(ds: Dataset) -> None:
    found = stated_counts(ds)
    # line 1208: “聚焦化学纤维、纺织服装、晶硅光伏、动力电池、生物医药、集成电路、大数据+等6条…” names seven
    row = found[found["lines"] == "1208"].iloc[0]
    assert row["subject"] == "等6条" and "列出7项" in row["description"]
    # lists that match their count are not flagged: line 752 “酿造（酒）、食品加工、畜禽和水产品精深加工3个细分产业”,
    # line 806 with 、 inside brackets, line 78 “采矿业、制造业和电力、热力、燃气及水生产供应业3个门类”
    assert not set(found["lines"]) & {"752", "806", "78"}


def test_chapter_level_only(ds: Dataset) -> None:
    found = chapter_level_only(ds)
    pairs = set(zip(found["area_id"], found["industry_id"], found["lines"], strict=True))
    assert ("siyang", "newmat", "782") in pairs and ("susu", "newmat", "846") in pairs


def test_nothing_beneath_flags_a_bare_industry(ds: Dataset) -> None:
    assert nothing_beneath(ds).empty  # in the bundled plan every assigned industry has something beneath it
    a = ds.assignments
    bare = a[~((a["area_id"] == "siyang") & (a["industry_id"] == "newmat") & (a["subindustry_id"] != ""))]
    d = ds.details[~((ds.details["area_id"] == "siyang") & (ds.details["industry_id"] == "newmat"))]
    found = nothing_beneath(replace(ds, assignments=bare, details=d))
    assert list(zip(found["area_id"], found["industry_id"], strict=True)) == [("siyang", "newmat")]


def test_name_written_two_ways(ds: Dataset) -> None:
    extra = pd.DataFrame(
        [
            {"area_id": "sihong", "industry_id": "", "subindustry_id": "", "kind": "firm", "text": t, "source": "ch5"}
            | {"line": line, "quote": ""}  # made-up names: no sentence of the plan holds them
            for t, line in (("宿迁某某新材料有限公司", 800), ("“宿迁某某新材料”", 820))
        ]
    )
    details = pd.concat([ds.details, extra.astype(ds.details.dtypes.to_dict())], ignore_index=True)
    found = name_variants(replace(ds, details=details))
    assert "“宿迁某某新材料” / 宿迁某某新材料有限公司" in set(found["subject"])


def test_text_checks_reach_the_audit_workbook_in_the_readers_language(ds: Dataset) -> None:
    from sq_layout.analysis.audit_views import text_checks_view
    from sq_layout.analysis.text_audit import text_audit
    from sq_layout.export.audit_report import workbook_tables

    found = text_audit(ds)
    checks: tuple[tuple[Lang, str], ...] = (("zh", "仅见于章级"), ("en", "Chapter level only"))
    for lang, check in checks:
        view = text_checks_view(ds, lang)
        assert len(view) == len(found) and check in set(view["check"])
        sheet = workbook_tables(ds, lang)["text_checks"]
        assert len(sheet) == len(found) and "chapter_level_only" not in sheet.to_string()
    assert set(text_checks_view(ds, "en").query("check == 'Chapter level only'")["area"]) >= {"Siyang"}
    # the text-found classes, labelled in each language, each row with its quote and how it was found
    zh = text_checks_view(ds, "zh")
    assert {"企业名称不一", "产品名称笔误", "园区列入产品", "细分清单遗漏"} <= set(zh["check"])
    assert zh["quote"].str.len().min() > 0
    en = text_checks_view(ds, "en")
    assert {"Firm written two ways", "Typo in a product name", "Park among products"} <= set(en["check"])
    assert en.loc[en["check"] == "Left out of the sub-list", "description"].str.contains("sub-list").all()
