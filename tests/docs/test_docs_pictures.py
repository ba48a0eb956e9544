"""The guides' pictures: every docs/tour-*.png and docs/guide-*.png a page links to is made by scripts.docs_pictures
from a page-scan shot, and the script makes none that no page links to; a made picture is 1080 px wide, 96 colours."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image

from scripts.docs_pictures import COLOURS, PICTURES, WIDTH, main, shot

ROOT = Path(__file__).resolve().parents[2]
LINKED = re.compile(r"!\[[^\]]*\]\((?:docs/)?((?:tour|guide)-[^)/]+\.png)\)")


def linked() -> set[str]:
    """The page-scan pictures the README and the guides show."""
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    return {m.group(1) for page in pages for m in LINKED.finditer(page.read_text(encoding="utf-8"))}


def test_every_linked_picture_is_made_by_the_script_and_none_other() -> None:
    shown = linked()
    assert shown, "no guide shows a page-scan picture: the pattern no longer matches the links"
    assert shown == set(PICTURES)
    for picture in shown:
        assert (ROOT / "docs" / picture).is_file(), picture
    on_disk = {p.name for pattern in ("tour-*.png", "guide-*.png") for p in (ROOT / "docs").glob(pattern)}
    assert on_disk == shown  # no picture left behind that no page shows


def test_a_shot_becomes_a_1080_px_picture_of_96_colours(tmp_path: Path) -> None:
    shots, docs = tmp_path / "shots", tmp_path / "docs"
    for lang, name in PICTURES.values():
        source = shot(lang, name, shots)
        source.parent.mkdir(parents=True, exist_ok=True)
        Image.radial_gradient("L").resize((1440, 900)).convert("RGB").save(source)  # 256 greys: more than 96
    assert main(shots, docs) == 0
    for picture in PICTURES:
        with Image.open(docs / picture) as made:
            assert made.width == WIDTH and made.height == round(900 * WIDTH / 1440)
            assert len(made.getcolors(maxcolors=1024) or ()) <= COLOURS


def test_missing_shots_are_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(tmp_path / "none", tmp_path / "docs") == 1
    out = capsys.readouterr().out
    assert all(str(shot(lang, name, tmp_path / "none")) in out for lang, name in PICTURES.values())
    assert not (tmp_path / "docs").exists()
