"""A plan detail (product, carrier, town, firm) keeps a verbatim quote, as an assignment does: the seed's is the
sentence of its line that names it; an import's must stand on its line (a file from before the column imports with
none); the area card shows it beside the line."""

from __future__ import annotations

import pandas as pd
import pytest

from sq_layout.errors import ImportRejected
from sq_layout.i18n import Lang, t
from sq_layout.plan.check import Checked, build, raw_tables
from sq_layout.plan.dataset import Dataset
from sq_layout.plan.sources import quote_on_line, sentence_with


def test_every_seeded_detail_quotes_the_sentence_of_its_line_that_names_it(ds: Dataset) -> None:
    d = ds.details
    assert len(d) > 100
    for text, line, quote in zip(d["text"], d["line"], d["quote"], strict=True):
        assert quote_on_line(quote, int(line), ds.plan_lines), (line, quote)
        assert text in quote and quote == sentence_with(text, ds.plan_lines[int(line) - 1])


def _build(ds: Dataset, details: pd.DataFrame) -> Checked:
    raw = raw_tables(ds) | {"details": details}
    labels = {name: f"{name}.csv" for name in raw}
    return build(raw, labels, ds.plan_lines, ds.boundaries, "plan.zip", lang="zh")


def test_an_imported_quote_off_its_line_is_named_by_row_and_column(ds: Dataset) -> None:
    details = raw_tables(ds)["details"].copy()
    details.loc[2, "quote"] = "规划里没有这句话"
    with pytest.raises(ImportRejected) as caught:
        _build(ds, details)
    said = "\n".join(caught.value.problems)
    assert "details.csv" in said and t("pi_row", "zh").format(row=3, line=4) in said
    line = int(ds.details["line"].iloc[2])
    assert "列 quote（规划原文）" in said and "规划里没有这句话" in said and f"第 {line} 行" in said


def test_a_file_from_before_the_quote_column_imports_without_quotes(ds: Dataset) -> None:
    details = raw_tables(ds)["details"].drop(columns="quote")
    checked = _build(ds, details)
    assert set(checked.dataset.details["quote"]) == {""}
    assert checked.dataset.details["text"].tolist() == ds.details["text"].tolist()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_area_card_shows_a_details_quote(ds: Dataset, lang: Lang) -> None:
    from layers.panel import area_html

    html = "".join(area_html(ds, "shuyang", lang))
    quote = ds.details.loc[ds.details["area_id"] == "shuyang", "quote"].iloc[0]
    caption = t("passage", lang) + t("punct_colon", lang)  # the plan's words, said to be its Chinese original
    assert f'<span class="src">{caption}</span><q>{quote}</q>' in html
