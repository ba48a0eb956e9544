"""PDF fonts prepared once per machine: Noto Sans CJK SC Regular and Bold with TrueType (glyf) outlines.

PDF readers need TrueType outlines in the CIDFontType2 fonts matplotlib embeds; Noto Sans CJK ships CFF outlines,
which MuPDF cannot draw and poppler warns about. So each face is converted once (fontTools cu2qu, ≈ 1 min a face on
an idle core) under a distinct family name and kept in the user's cache folder: written to a temporary file and
renamed into place, under a lock file so two processes never convert the same face twice. The app starts this in a
background thread when it starts (`start_in_background`); `python -m sq_layout fonts` does it in a terminal.

Every PDF subsets the faces it embeds (matplotlib, through fontTools), and fontTools reads the whole font to do so:
≈ 1–2 s for a 65,535-glyph face, per face and PDF. So each converted face is also cut down once to the glyphs the
app prints (`print_chars`: GB2312, Latin, punctuation and symbols, and every character of the plan's files and of
the app's own text, ≈ 8,000 glyphs), under a family of its own; PDFs set text in that face and fall back to the
whole face for any other character (matplotlib's font fallback), so a rare character in a record still prints.

Only fontTools is needed here (no matplotlib), so preparing never slows the first map.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import subprocess
import sys
import threading
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sq_layout.cache import PER_PROCESS, cached

FAMILY = "Noto Sans CJK SC"
PDF_FAMILY = "SQ Noto Sans CJK SC TT"  # the converted faces; renamed so they are never confused with the CFF ones
PRINT_FAMILY = "SQ Noto Sans CJK SC Print"  # the converted faces cut down to the characters the app prints
CONVERTER_VERSION = 1
REDUCER_VERSION = 2
# Beside GB2312 (which has its own hanzi, kana, Greek, Cyrillic, pinyin and full-width forms): Latin, punctuation,
# letterlike and number forms, arrows, mathematical operators, enclosed numbers, box drawing and shapes, miscellaneous
# symbols, CJK symbols and punctuation, half- and full-width forms.
PRINT_RANGES = (
    (0x20, 0x7E),
    (0xA0, 0x24F),
    (0x2000, 0x206F),
    (0x2100, 0x21FF),
    (0x2200, 0x22FF),
    (0x2460, 0x24FF),
    (0x2500, 0x26FF),
    (0x3000, 0x303F),
    (0xFF00, 0xFFEF),
)
# The horizontal features HarfBuzz applies by default that the faces have; vertical forms are never set here.
PRINT_FEATURES = ["ccmp", "locl", "liga", "clig", "calt", "rlig", "rclt", "rvrn", "kern", "mark", "mkmk", "curs"]
# Debian/Ubuntu fonts-noto-cjk, Fedora google-noto-sans-cjk-fonts, Arch noto-fonts-cjk: where the Bold collection is
BOLD_PLACES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/google-noto-sans-cjk-fonts/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc",
)
STEP = 2000  # glyphs between two progress reports

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Face:
    """One face to prepare: its weight name, source collection, the cached file it becomes and its cut-down copy."""

    weight: str  # "Regular" or "Bold"
    source: Path
    target: Path
    reduced: Path

    @property
    def files(self) -> tuple[Path, Path]:
        """The prepared files: the whole face, then the cut-down one."""
        return self.target, self.reduced


def cache_dir() -> Path:
    """Where derived fonts are kept: $SQ_LAYOUT_CACHE, else $XDG_CACHE_HOME/sq-layout, else ~/.cache/sq-layout."""
    env = os.environ.get("SQ_LAYOUT_CACHE")
    if env:
        return Path(env)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "sq-layout"


def regular_source() -> Path:
    """The Regular collection, from the noto-cjk-sans-otc package (OFL); $SQ_LAYOUT_CJK_REGULAR names another file."""
    env = os.environ.get("SQ_LAYOUT_CJK_REGULAR")
    if env:
        return Path(env)
    import noto_cjk_sans_otc

    return Path(noto_cjk_sans_otc.FONT_PATH)


def bold_source() -> Path | None:
    """The Bold collection (OFL, the distribution's fonts-noto-cjk), or None when it is not installed.

    $SQ_LAYOUT_CJK_BOLD names a file explicitly; else the usual places; else fontconfig is asked."""
    env = os.environ.get("SQ_LAYOUT_CJK_BOLD")
    if env:
        return Path(env) if Path(env).is_file() else None
    for place in BOLD_PLACES:
        if Path(place).is_file():
            return Path(place)
    if shutil.which("fc-match"):
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            out = subprocess.run(
                ["fc-match", "-f", "%{file}", f"{FAMILY}:style=Bold"], capture_output=True, text=True, timeout=10
            ).stdout
            if "Bold" in Path(out).name and Path(out).is_file():
                return Path(out)
    return None


def faces() -> list[Face]:
    """The faces a PDF uses, Regular first; Bold only where a Bold collection is installed."""
    out = []
    chars = chars_digest()
    for weight, src in (("Regular", regular_source()), ("Bold", bold_source())):
        if src is None:
            continue
        stem = f"NotoSansCJKsc-{weight}-glyf-v{CONVERTER_VERSION}-{src.stat().st_size}"
        reduced = f"{stem}-print-v{REDUCER_VERSION}-{chars}.ttf"
        out.append(Face(weight, src, cache_dir() / f"{stem}.ttf", cache_dir() / reduced))
    return out


def _gb2312() -> set[str]:
    out = set()
    for b1 in range(0xA1, 0xF8):
        for b2 in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                out.add(bytes((b1, b2)).decode("gb2312"))
    return out


@cached(1, key=PER_PROCESS)
def print_chars() -> frozenset[str]:
    """The characters the cut-down faces keep: GB2312, PRINT_RANGES and every character of the plan's files and of
    the app's own sources (labels, headers, notes in both languages)."""
    from sq_layout.paths import PLAN_DIR

    chars = _gb2312() | {chr(c) for lo, hi in PRINT_RANGES for c in range(lo, hi + 1)}
    files = [*sorted(PLAN_DIR.glob("*.csv")), *sorted(PLAN_DIR.glob("*.txt"))]
    files += sorted(Path(__file__).resolve().parents[1].rglob("*.py"))
    for path in files:
        with contextlib.suppress(OSError, UnicodeDecodeError):
            chars |= set(path.read_text(encoding="utf-8"))
    return frozenset(c for c in chars if unicodedata.category(c)[0] != "C")  # no control or format characters


@cached(1, key=PER_PROCESS)
def chars_digest() -> str:
    """A short digest of print_chars, in the cut-down faces' file names (new characters → new faces)."""
    return hashlib.sha256("".join(sorted(print_chars())).encode("utf-8")).hexdigest()[:10]


def face_index(src: Path, family: str = FAMILY) -> int:
    """The index of `family` in a font collection (the SC face of Noto Sans CJK); 0 for a single font."""
    from fontTools.ttLib import TTCollection

    with open(src, "rb") as fh:
        if fh.read(4) != b"ttcf":
            return 0
    coll = TTCollection(str(src), lazy=True)
    for i, font in enumerate(coll.fonts):
        if font["name"].getDebugName(1) == family:
            return i
    raise LookupError(f"{src.name} has no face named {family!r}")


def convert_to_truetype(
    src: Path, index: int, dst: Path, weight: str = "Regular", progress: Progress | None = None
) -> Path:
    """Write face `index` of an OpenType/CFF collection as a glyf-outline TrueType font under PDF_FAMILY, atomically."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    from sq_layout.atomic import atomic_path

    font = TTFont(str(src), fontNumber=index, lazy=True)
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for i, name in enumerate(order):
        pen = TTGlyphPen(None)
        glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf[name] = pen.glyph()
        if progress and i % STEP == 0:
            progress(i, len(order), weight)
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs"):
        setattr(maxp, field, 0)
    for field in ("maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0
    font.sfntVersion = "\x00\x01\x00\x00"
    for rec in font["name"].names:
        if rec.nameID in (1, 3, 4, 16):
            rec.string = rec.toUnicode().replace(FAMILY, PDF_FAMILY)
        elif rec.nameID == 6:
            rec.string = f"SQNotoSansCJKscTT-{weight}"  # the font name a PDF reader shows
    dst.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(dst) as tmp:
        font.save(str(tmp))
    if progress:
        progress(len(order), len(order), weight)
    return dst


def reduce_face(src: Path, dst: Path, weight: str, chars: frozenset[str] | None = None) -> Path:
    """Write the glyf face `src` cut down to `chars` (default print_chars) as PRINT_FAMILY, atomically.

    Shaping is kept for what the app sets: the default language systems' horizontal features (regional variants
    of other CJK locales and vertical forms are left out), so each kept character gets the glyph and advance it
    has in the whole face.
    """
    from fontTools import subset
    from fontTools.ttLib import TTFont

    from sq_layout.atomic import atomic_path

    font = TTFont(str(src))
    for tag in ("GSUB", "GPOS"):
        if tag in font:
            for record in font[tag].table.ScriptList.ScriptRecord:
                record.Script.LangSysRecord = []
                record.Script.LangSysCount = 0
    options = subset.Options(
        layout_features=PRINT_FEATURES,
        name_IDs=["*"],
        name_languages=["*"],
        notdef_outline=True,
        prune_unicode_ranges=False,
    )
    options.drop_tables += ["vhea", "vmtx", "VORG", "BASE"]  # horizontal text only
    sub = subset.Subsetter(options)
    sub.populate(unicodes=sorted(ord(c) for c in (print_chars() if chars is None else chars)))
    sub.subset(font)
    # What each PDF's subsetting reads: glyph names stored (post format 2) rather than derived from the cmap every
    # time, and one cmap (Windows Unicode) rather than the same one twice.
    post = font["post"]
    post.formatType, post.extraNames, post.mapping = 2.0, [], {}
    post.glyphOrder = font.getGlyphOrder()
    font["cmap"].tables = [t for t in font["cmap"].tables if t.platformID == 3]
    for rec in font["name"].names:
        if rec.nameID in (1, 3, 4, 16):
            rec.string = rec.toUnicode().replace(PDF_FAMILY, PRINT_FAMILY)
        elif rec.nameID == 6:
            rec.string = f"SQNotoSansCJKscPrint-{weight}"
    dst.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(dst) as tmp:
        font.save(str(tmp))
    return dst


@contextlib.contextmanager
def _machine_lock(folder: Path) -> Iterator[None]:
    """Held by one process of this machine at a time (others wait), so a face is converted once."""
    folder.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # Windows: the atomic rename alone keeps the cache whole; two processes may both convert
        yield
        return
    with open(folder / ".fonts.lock", "a+b") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


_THREAD_LOCK = threading.Lock()


def ready() -> bool:
    """Every face and its cut-down copy are in the cache (a PDF will not wait for a conversion)."""
    return all(path.is_file() for f in faces() for path in f.files)


def prepare(progress: Progress | None = None) -> list[Path]:
    """Convert the faces not yet in the cache and cut them down (idempotent: prepared files are left as they are);
    return every face's whole and cut-down file, in that order."""
    todo = faces()
    with _THREAD_LOCK, _machine_lock(cache_dir()):
        for face in todo:  # another process may have written them while this one waited
            if not face.target.is_file():
                convert_to_truetype(face.source, face_index(face.source), face.target, face.weight, progress)
            if not face.reduced.is_file():
                reduce_face(face.target, face.reduced, face.weight)
    return [path for f in todo for path in f.files]


@dataclass
class Preparation:
    """What the background preparation is doing: glyphs done of all glyphs, the face, and whether it ended."""

    done: int = 0
    total: int = 0
    face: str = ""
    finished: bool = False
    error: str = ""


STATE = Preparation()
_STARTED = threading.Event()


def _run() -> None:
    # A child process, not this thread, does the work: the conversion is pure-Python-heavy and would hold the GIL,
    # slowing every session of the app for minutes. It runs at a lower priority and reports "done total face" lines.
    cmd = [sys.executable, "-m", "sq_layout.printing.fontprep", "--background"]
    try:
        if ready():  # checked here, not on the app's first run: it reads the app's files for print_chars
            return
        with subprocess.Popen(
            cmd, cwd=Path(__file__).resolve().parents[2], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        ) as proc:
            assert proc.stdout is not None
            for line in proc.stdout:
                parts = line.split()
                if len(parts) == 3 and parts[0].isdigit() and parts[1].isdigit():
                    STATE.done, STATE.total, STATE.face = int(parts[0]), int(parts[1]), parts[2]
            if proc.wait():
                STATE.error = f"exit {proc.returncode}"
    except OSError as exc:  # a PDF export will prepare the fonts itself and report any error there
        STATE.error = type(exc).__name__
    finally:
        STATE.finished = True


def start_in_background() -> threading.Thread | None:
    """Prepare the PDF fonts in a background thread (driving a child process) unless they are ready, once per
    process; None when already started."""
    if _STARTED.is_set():
        return None
    _STARTED.set()
    thread = threading.Thread(target=_run, name="sq-layout-fonts", daemon=True)
    thread.start()
    return thread


def main(argv: list[str] | None = None) -> None:
    """`python -m sq_layout.printing.fontprep [--background]`: prepare, printing "done total face" progress lines."""
    args = sys.argv[1:] if argv is None else argv
    if "--background" in args and hasattr(os, "nice"):
        os.nice(10)  # behind the app's own work
    prepare(lambda i, n, face: print(i, n, face, flush=True))


if __name__ == "__main__":
    main()
