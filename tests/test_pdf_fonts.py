"""PDF fonts prepared once: each face converted to TrueType outlines under its own family and weight, written
atomically into the cache, left alone when already there, converted by one process when two start together."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from fontTools import subset
from fontTools.ttLib import TTFont

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
def small_sources(tmp_path, monkeypatch):
    bold = fontprep.bold_source()
    if bold is None:
        pytest.skip("fonts-noto-cjk (Bold) is installed by .ci/run")
    reg = small_face(fontprep.regular_source(), tmp_path / "reg.otf")
    bld = small_face(bold, tmp_path / "bold.otf")
    cache = tmp_path / "cache"
    for k, v in {"SQ_LAYOUT_CJK_REGULAR": reg, "SQ_LAYOUT_CJK_BOLD": bld, "SQ_LAYOUT_CACHE": cache}.items():
        monkeypatch.setenv(k, str(v))
    return cache


def test_faces_are_converted_under_their_weight_and_family(small_sources):
    seen: list[tuple[int, int, str]] = []
    paths = fontprep.prepare(lambda i, n, face: seen.append((i, n, face)))
    assert [p.parent for p in paths] == [small_sources] * 2
    assert {face for _, _, face in seen} == {"Regular", "Bold"} and all(i == n for i, n, _ in seen[-1:])
    for path, weight in zip(paths, ("Regular", "Bold"), strict=True):
        font = TTFont(path)
        assert "glyf" in font and "CFF " not in font
        assert font["name"].getDebugName(1) == fontprep.PDF_FAMILY
        assert font["name"].getDebugName(6) == f"SQNotoSansCJKscTT-{weight}"
        assert font["OS/2"].usWeightClass == (700 if weight == "Bold" else 400)
        assert {ord(c) for c in TEXT if not c.isspace()} <= set(font.getBestCmap())
    assert fontprep.ready()
    assert sorted(p.name for p in small_sources.iterdir()) == sorted([".fonts.lock", *(p.name for p in paths)])


def test_preparing_again_leaves_the_cache_as_it_is(small_sources):
    first = fontprep.prepare()
    stamps = [(p.stat().st_ino, p.stat().st_mtime_ns) for p in first]
    calls: list[object] = []
    assert fontprep.prepare(lambda *a: calls.append(a)) == first
    assert calls == [] and [(p.stat().st_ino, p.stat().st_mtime_ns) for p in first] == stamps


def test_two_processes_at_once_convert_each_face_once(small_sources):
    env = os.environ.copy()
    cmd = [sys.executable, "-m", "sq_layout.printing.fontprep"]
    procs = [subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=300)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0]
    converted = [{line.split()[2] for line in out.splitlines()} for out in outs]
    # each face was converted by exactly one of them; the other found it ready after waiting on the lock
    assert sorted(f for faces in converted for f in faces) == ["Bold", "Regular"]
    names = sorted(p.name for p in small_sources.iterdir())
    assert not [n for n in names if "sq-partial" in n] and len([n for n in names if n.endswith(".ttf")]) == 2
