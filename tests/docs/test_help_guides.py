"""The guides behind the in-app Help: every section a page's link points at exists, links between guides point at the
rendered pages, pictures named in a guide exist, and a Chinese sentence broken over lines gets no space."""

from __future__ import annotations

import re

import pytest

from ui.help import DOCS, GUIDES, PAGE_GUIDE, help_url, publish_guides, render


@pytest.mark.parametrize("page", sorted(PAGE_GUIDE))
def test_each_pages_link_names_a_section_its_guide_has(page: str) -> None:
    guide, anchor = PAGE_GUIDE[page]
    html = render((DOCS / GUIDES[guide]).read_text(encoding="utf-8"))
    assert help_url(page).startswith(f"app/static/help/{guide}.html")
    if anchor:
        assert f'id="{anchor}"' in html


@pytest.mark.parametrize("guide", sorted(GUIDES))
def test_a_guide_links_the_other_guides_as_pages_and_its_pictures_exist(guide: str) -> None:
    html = render((DOCS / GUIDES[guide]).read_text(encoding="utf-8"))
    for target in re.findall(r'href="([^"#:]+\.html)', html):
        assert target in {f"{g}.html" for g in GUIDES}, target
    assert not re.search(r'href="[^"#:]*(规划人员使用手册|招商人员使用手册|admin-guide)\.md', html)
    for picture in re.findall(r'src="([^"]+)"', html):
        assert (DOCS / picture).exists(), picture


def test_chinese_lines_join_without_a_space_and_code_keeps_its_lines() -> None:
    html = render("# 标题\n\n第一行文字\n接着第二行。\n\n```\n命令一\n命令二\n```\n")
    assert "第一行文字接着第二行。" in html
    assert "命令一\n命令二" in html


def test_publishing_writes_one_page_per_guide() -> None:
    written = publish_guides()
    assert sorted(p.name for p in written) == sorted(f"{g}.html" for g in GUIDES)
    for path in written:
        assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
