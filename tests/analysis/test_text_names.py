"""The text-found audit classes (text_names): on the bundled plan (findings checked against the text by hand) and on
small synthetic plans, one per class, with the rule that keeps two names used on purpose apart."""

from __future__ import annotations

import re
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from sq_layout.analysis.text_audit import name_variants, text_audit
from sq_layout.analysis.text_firms import firm_variants
from sq_layout.analysis.text_harvest import Finding, firm_key, half_width
from sq_layout.analysis.text_lists import parks_in_products, sublist_gaps
from sq_layout.analysis.text_names import name_findings
from sq_layout.analysis.text_typos import near_homophones, term_typos
from sq_layout.plan.dataset import Dataset


def _plan(ds: Dataset, *lines: str) -> Dataset:
    """The bundled plan's tables with a plan text of the given lines and no detail records."""
    return replace(ds, plan_lines=tuple(lines), details=ds.details.iloc[0:0])


def _subjects(found: list[Finding]) -> set[str]:
    return {f.subject for f in found}


def test_bundled_plan_findings(ds: Dataset) -> None:
    found = name_findings(ds)
    by = {(f.check, f.subject): f for f in found}
    # L1099 “斯迪克新材”, L1189 “以斯迪克为核心”; L1099/L1152 “宋和宋智能”, L1100 “积极鼓励宋和宋”
    assert {("firm_variant", "斯迪克 / 斯迪克新材"), ("firm_variant", "宋和宋 / 宋和宋智能")} <= set(by)
    # L810 names 双沟股份 and 双沟酿酒厂 side by side; L753 洋河酒厂 and 洋河股份 in one sentence: on purpose
    pairs = {frozenset(f.subject.split(" / ")) for f in found if f.check == "firm_variant"}
    assert frozenset({"双沟股份", "双沟酿酒厂"}) not in pairs and frozenset({"洋河股份", "洋河酒厂"}) not in pairs
    # L799 “以半固态成型制造装备…” against L747 “半固态成形制造”; L799 “高性能化纤纤维”
    typo = by[("term_typo", "态成型制造 / 态成形制造")]
    assert {747, 799} <= set(typo.lines) and "型" in typo.how_zh and "xing" in typo.how_en
    assert ("term_typo", "高性能化纤纤维") in by
    assert by[("park_in_products", "可降解薄膜产业园")].lines == (799,)
    assert by[("sublist_gap", "特种金属材料")].lines == (786,)
    # every quote stands verbatim on the line it names
    for f in found:
        for no, text in re.findall(r"L(\d+)“([^”]+)”", f.quote):
            assert text in ds.passage(int(no)), (f.subject, no, text)
        assert f.how_zh and f.how_en and f.how_zh != f.how_en


def test_intentional_pairs_are_not_name_variants(ds: Dataset) -> None:
    # 新型医疗器械 (L820) is a kind of 医疗器械 (L801), a field of its own (L793): not one name written two ways
    subjects = set(name_variants(ds)["subject"])
    assert "医疗器械 / 新型医疗器械" not in subjects
    assert set(text_audit(ds)["check"]) >= {"firm_variant", "term_typo", "park_in_products", "sublist_gap"}


def test_firm_written_two_ways_synthetic(ds: Dataset) -> None:
    plan = _plan(
        ds,
        "重点依托甲乙科技、丙丁化工等龙头企业，发展新产品。",
        "鼓励江苏甲乙科技有限公司等企业上市。",  # the full legal name beside the short one: the usual way
        "积极支持甲乙、庚辛药业等企业参与标准制定。",  # 甲乙 / 甲乙科技: a business word left off
        "依托戊己股份、戊己酒业等龙头企业，发展。",  # two names in one sentence: two firms on purpose
        "推动ＡＢ光能、壬癸照明等企业发展。以AB光能为核心。",  # full- and half-width letters
    )
    subjects = _subjects(firm_variants(plan))
    assert "甲乙 / 甲乙科技" in subjects
    assert "甲乙科技 / 江苏甲乙科技有限公司" not in subjects
    assert not any("戊己股份" in s and "戊己酒业" in s for s in subjects)
    assert "AB光能 / ＡＢ光能" in subjects


@given(
    name=st.text(alphabet="甲乙丙丁戊己庚辛壬癸", min_size=3, max_size=5),
    place=st.sampled_from(["", "宿迁", "宿迁市", "江苏", "江苏省"]),
    bracket=st.sampled_from(["", "（宿迁）", "(宿迁)"]),
    suffix=st.sampled_from(["", "有限公司", "股份有限公司", "集团", "集团股份有限公司", "公司"]),
)
def test_firm_key_ignores_place_width_and_legal_form(name: str, place: str, bracket: str, suffix: str) -> None:
    assert firm_key(place + name + bracket + suffix) == firm_key(name) == name


@given(st.text(alphabet="ＡＢＣ１２３（）abc123()", max_size=8))
def test_half_width_is_stable(text: str) -> None:
    assert half_width(half_width(text)) == half_width(text)


@given(st.sampled_from("型形成城池迟信讯心新能而市是力锂"), st.sampled_from("型形成城池迟信讯心新能而市是力锂"))
def test_near_homophones_symmetric_and_never_reflexive(a: str, b: str) -> None:
    assert near_homophones(a, b) == near_homophones(b, a)
    assert not near_homophones(a, a)


def test_near_homophones_by_reading_and_fuzzy_sound() -> None:
    assert near_homophones("型", "形") and near_homophones("成", "程")  # same reading (tones aside)
    assert near_homophones("新", "星")  # -in / -ing
    assert not near_homophones("器", "技") and not near_homophones("能", "而")


def test_product_name_typos_synthetic(ds: Dataset) -> None:
    plan = _plan(
        ds,
        "装备制造产业，重点发展高端半导成型装备、电子线材等特色产品。",
        "围绕高端半导成形装备，强化配套。",
        "化纤产业，重点发展高性能化纤纤维、包覆纱等特色产品。",
        "高性能化纤领域，推进。打造高性能纤维全产业链。",
        "畜禽产业，重点发展冷鲜肉制品品牌、肉食深加工等特色产品。",  # 制品 + 品牌: no shorter name elsewhere
        "纺织产业，重点发展家纺家纺、针织袜等特色产品。",
    )
    found = term_typos(plan)
    subjects = _subjects(found)
    assert "导成型装备 / 导成形装备" in subjects
    assert {"高性能化纤纤维", "家纺家纺"} <= subjects
    assert "冷鲜肉制品品牌" not in subjects
    assert all(f.check == "term_typo" for f in found)


def test_park_among_products_synthetic(ds: Dataset) -> None:
    plan = _plan(
        ds,
        "膜材料产业，重点发展可降解薄膜产业园，光学功能薄膜等特色产品。",
        "纺织服装产业，依托临港新城产业园，重点发展熔体纺丝、包覆纱等特色产品。",  # the park carries, not listed
        "激光产业，重点发展激光器、激光小镇等特色产品。",
    )
    found = parks_in_products(plan)
    assert _subjects(found) == {"可降解薄膜产业园", "激光小镇"}
    assert {f.lines for f in found} == {(1,), (3,)}


def test_sublist_gap_synthetic(ds: Dataset) -> None:
    head = "4．金属材料。重点发展高端特种钢材、高端铝材、特种金属材料等产品，力争突破。"
    full = head + "其中，高端特种钢材领域，强化。高端铝材领域，发展。特种金属材料领域，招引。"
    plan = _plan(ds, head + "其中，高端特种钢材领域，强化。高端铝材领域，发展铝材。", full)
    found = sublist_gaps(plan)
    assert [(f.subject, f.lines) for f in found] == [("特种金属材料", (1,))]
    county = "宿城区主要承担机电装备（激光装备）、绿色食品（酿造（酒）、食品加工）2大产业，3个细分产业。"
    subs = "其中：激光装备产业，发展成套装备。酿造（酒）产业，重点发展精酿啤酒。"
    assert [f.subject for f in sublist_gaps(_plan(ds, county + subs))] == ["食品加工"]
