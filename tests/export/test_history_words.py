"""A history's records read in the reader's words: tables and fields by their headers, not their stored names."""

from __future__ import annotations

import pytest

from sq_layout.export.history import describe, history_rows, record_rows
from sq_layout.i18n import Lang
from sq_layout.store.changes import Change

CHANGE = Change(
    id=7,
    version_id=2,
    created="2026-12-07T03:00:00+00:00",
    user="planner",
    action="update",
    summary="",
    reason="合并",
    area_ids=(),
    chain_nos=(9,),
    rows=(
        {"table": "industries", "row_no": 9, "before": {"name": "酿酒", "rev": 1}, "after": {"name": "白酒", "rev": 2}},
        {"table": "firms", "row_no": "F00001", "before": None, "after": {"name": "甲", "credit_code": "", "rev": 1}},
    ),
    reverts=None,
    reverted_by=None,
)


@pytest.mark.parametrize(("lang", "table", "field"), [("zh", "产业", "名称"), ("en", "Industries", "Name")])
def test_history_names_tables_and_fields_in_the_readers_words(lang: Lang, table: str, field: str) -> None:
    what = history_rows([CHANGE], lang=lang)[0]["what"]
    assert what.startswith(f"{table} #9: {field}: 酿酒 → 白酒")
    assert "industries" not in what and "name:" not in what and "name=" not in what
    assert [r["table"] for r in record_rows([CHANGE], lang)] == [table, "企业" if lang == "zh" else "Firms"]


@pytest.mark.parametrize(
    ("lang", "line"), [("zh", "产业 #9: 名称: 酿酒 → 白酒"), ("en", "Industries #9: Name: 酿酒 → 白酒")]
)
def test_a_records_change_names_its_table_and_field_in_words(lang: Lang, line: str) -> None:
    assert describe(CHANGE, lang)[0] == line


@pytest.mark.parametrize(
    ("lang", "summary"), [("zh", "产业 修改 1; 企业 新增 1"), ("en", "Industries: 1 changed; Firms: 1 added")]
)
def test_a_changes_summary_is_counted_in_words_not_its_stored_codes(lang: Lang, summary: str) -> None:
    from dataclasses import replace

    from sq_layout.export.history import history_frame

    coded = replace(CHANGE, summary="industries #9: name; + firms F00001")  # as the store writes it, for the log
    assert history_rows([coded], lang=lang)[0]["summary"] == summary
    assert "industries" not in history_frame([coded], lang).to_string()  # the page's table, every column
    draft = replace(coded, action="draft", rows=(), summary="十五五 (draft of version 1)")
    assert history_rows([draft], lang=lang)[0]["summary"] == "十五五 (draft of version 1)"  # old log


def test_every_record_table_a_change_can_touch_has_its_words() -> None:
    from sq_layout.i18n.shown import sheet_name
    from sq_layout.store import tables as plan_tables
    from sq_layout.store.invest_tables import invest_records

    for table in [*plan_tables.records, *invest_records]:
        assert sheet_name(table, "zh") != table and sheet_name(table, "en") != table, table
