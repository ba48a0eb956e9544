"""PDF fonts prepared once: each face converted to TrueType outlines under its own family and weight, written
atomically into the cache, left alone when already there, converted by one process when two start together; each
face also cut down to the characters the app prints, setting them exactly as the whole face does."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from fontTools import subset
from fontTools.ttLib import TTFont
from matplotlib.ft2font import FT2Font, GlyphIndexType, LoadFlags

from sq_layout.paths import PLAN_TEXT
from sq_layout.printing import fontprep
from tests.browser.conftest import ROOT

TEXT = "宿迁市产业布局示意图沭阳县图例Suqian 0123456789"


def small_face(src: Path, out: Path) -> Path:
    """A real Noto Sans CJK SC face (CFF outlines) cut down to a few glyphs, so a conversion takes a moment."""
    options = subset.Options(font_number=fontprep.face_index(src), name_IDs=["*"], name_languages=["*"])
    font = subset.load_font(str(src), options)
    sub = subset.Subsetter(options)
    sub.populate(text=TEXT)
    sub.subset(font)
    font.save(str(out))
    return out


@pytest.fixture
def small_sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    bold = fontprep.bold_source()
    if bold is None:
        pytest.skip("fonts-noto-cjk (Bold) is installed by .ci/run")
    reg = small_face(fontprep.regular_source(), tmp_path / "reg.otf")
    bld = small_face(bold, tmp_path / "bold.otf")
    cache = tmp_path / "cache"
    for k, v in {"SQ_LAYOUT_CJK_REGULAR": reg, "SQ_LAYOUT_CJK_BOLD": bld, "SQ_LAYOUT_CACHE": cache}.items():
        monkeypatch.setenv(k, str(v))
    return cache


def test_faces_are_converted_under_their_weight_and_family(small_sources: Path) -> None:
    seen: list[tuple[int, int, str]] = []
    paths = fontprep.prepare(lambda i, n, face: seen.append((i, n, face)))
    assert [p.parent for p in paths] == [small_sources] * 4
    assert {face for _, _, face in seen} == {"Regular", "Bold"} and all(i == n for i, n, _ in seen[-1:])
    kinds = [
        (w, fam, ps)
        for w in ("Regular", "Bold")
        for fam, ps in ((fontprep.PDF_FAMILY, "TT"), (fontprep.PRINT_FAMILY, "Print"))
    ]
    for path, (weight, family, ps) in zip(paths, kinds, strict=True):
        font = TTFont(path)
        assert "glyf" in font and "CFF " not in font
        assert font["name"].getDebugName(1) == family
        assert font["name"].getDebugName(6) == f"SQNotoSansCJKsc{ps}-{weight}"
        assert font["OS/2"].usWeightClass == (700 if weight == "Bold" else 400)
        assert {ord(c) for c in TEXT if not c.isspace()} <= set(font.getBestCmap())
    assert fontprep.ready()
    assert sorted(p.name for p in small_sources.iterdir()) == sorted([".fonts.lock", *(p.name for p in paths)])


def test_preparing_again_leaves_the_cache_as_it_is(small_sources: Path) -> None:
    first = fontprep.prepare()
    stamps = [(p.stat().st_ino, p.stat().st_mtime_ns) for p in first]
    calls: list[object] = []
    assert fontprep.prepare(lambda *a: calls.append(a)) == first
    assert calls == [] and [(p.stat().st_ino, p.stat().st_mtime_ns) for p in first] == stamps


def test_two_processes_at_once_convert_each_face_once(small_sources: Path) -> None:
    env = os.environ.copy()
    cmd = [sys.executable, "-m", "sq_layout.printing.fontprep"]
    procs = [subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=300)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0]
    converted = [{line.split()[2] for line in out.splitlines()} for out in outs]
    # each face was converted by exactly one of them; the other found it ready after waiting on the lock
    assert sorted(f for faces in converted for f in faces) == ["Bold", "Regular"]
    names = sorted(p.name for p in small_sources.iterdir())
    assert not [n for n in names if "sq-partial" in n] and len([n for n in names if n.endswith(".ttf")]) == 4


def test_the_cut_down_faces_keep_what_the_app_prints() -> None:
    chars = fontprep.print_chars()
    assert set(PLAN_TEXT.read_text(encoding="utf-8")) - set("\n\t") <= chars  # every character of the plan
    assert set("宿迁市产业布局示意图（示意）“十四五”·—–≥≤→×①％、。：；") <= chars
    assert set("ABCabc0123456789 ÀéüÉ") <= chars and "龘" not in chars  # a character GB2312 lacks and no one wrote
    assert len(chars) < 12_000


def _outline(font: FT2Font, glyph: GlyphIndexType) -> list[tuple[float, ...]]:
    font.load_glyph(glyph, LoadFlags.NO_SCALE)
    verts, codes = font.get_path()
    return [tuple(v) for v in verts.tolist()] + [tuple(codes.tolist())]


def test_the_cut_down_faces_set_text_exactly_as_the_whole_faces() -> None:
    """matplotlib shapes text with libraqm (FT2Font._layout, as its PDF backend does): each character of the app's
    text gets the same glyph outline at the same place from the cut-down face as from the whole one, including the
    digits a Latin run substitutes (locl), kerned Latin pairs and full-width punctuation."""
    paths = fontprep.prepare()
    plan = PLAN_TEXT.read_text(encoding="utf-8").splitlines()
    lines = [*plan[700:720], "第四章 L746 · 第五章 L799", "AVATAR To Wa Yo. 1–2 km", "（示意）“十四五”：①≥10％"]
    for whole_path, cut_path in zip(paths[::2], paths[1::2], strict=True):
        whole, cut = FT2Font(str(whole_path)), FT2Font(str(cut_path))
        for font in (whole, cut):
            font.set_size(12, 72)
        for line in lines:
            a = list(whole._layout(line, LoadFlags.NO_HINTING))
            b = list(cut._layout(line, LoadFlags.NO_HINTING))
            assert [(i.char, i.x, i.y) for i in a] == [(i.char, i.x, i.y) for i in b], line
            for i, j in zip(a, b, strict=True):
                assert _outline(whole, i.glyph_index) == _outline(cut, j.glyph_index), (line, i.char)


def _font_names(pdf: Path) -> set[str]:
    """The names of the fonts a PDF's pages use, without their subset prefix."""
    from pypdf import PdfReader
    from pypdf.generic import DictionaryObject

    names = set()
    for page in PdfReader(pdf).pages:
        resources = page["/Resources"]
        assert isinstance(resources, DictionaryObject)
        fonts = resources["/Font"]
        assert isinstance(fonts, DictionaryObject)
        for ref in fonts.values():
            font = ref.get_object()
            assert isinstance(font, DictionaryObject)
            names.add(str(font["/BaseFont"]).split("+")[-1])
    return names


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is installed by .ci/run")
@pytest.mark.skipif(fontprep.bold_source() is None, reason="fonts-noto-cjk (Bold) is installed by .ci/run")
def test_a_character_outside_the_cut_down_faces_prints_from_the_whole_face(tmp_path: Path) -> None:
    from matplotlib.figure import Figure

    from sq_layout.printing.fonts import pdf_fonts

    text = "示例企业 龘𠮷 Suqian"  # 龘 (not in GB2312) and 𠮷 (beyond the BMP): neither is in the cut-down faces
    assert not set("龘𠮷") & fontprep.print_chars()
    with pdf_fonts():
        fig = Figure(figsize=(4, 1))
        fig.text(0.05, 0.5, text, fontsize=12)
        fig.text(0.05, 0.1, "标题龘", fontsize=12, fontweight="bold")
        fig.savefig(tmp_path / "rare.pdf", format="pdf")
    assert _font_names(tmp_path / "rare.pdf") == {
        f"SQNotoSansCJKsc{k}-{w}" for k in ("Print", "TT") for w in ("Regular", "Bold")
    }
    out = subprocess.run(["pdftotext", str(tmp_path / "rare.pdf"), "-"], capture_output=True, text=True)
    assert out.returncode == 0 and "Syntax Error" not in out.stderr
    flat = out.stdout.replace("\n", "")
    assert text in flat and "标题龘" in flat
