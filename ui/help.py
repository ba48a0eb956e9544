"""The in-app 帮助 / Help: the guides in docs/ rendered to static HTML (served by the app, no network) and a link to
the right one in each page's sidebar."""

from __future__ import annotations

import hashlib
import html
import re
import shutil
import threading
from pathlib import Path

import streamlit as st

from sq_layout.atomic import write_bytes
from sq_layout.i18n import Lang, t
from ui.rerun_mark import rerun_mark

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
HELP_DIR = ROOT / "static" / "help"
# a page without a map fetches no areas; its Help link must work seconds later, as a map page's does
HELP_WAIT_S = 3.0
# Relative to a page's URL (/, /audit, …; also under --server.baseUrlPath): Streamlit serves static/ at app/static/.
HELP_URL = "app/static/help/"
# guide -> its markdown in docs/ (the served file is <guide>.html)
GUIDES = {"planner": "规划人员使用手册.md", "invest": "招商人员使用手册.md", "admin": "admin-guide.md"}
# page url_path -> (guide, section anchor); a page not listed gets the planners' guide from the top
PAGE_GUIDE = {
    "": ("planner", "map"),
    "audit": ("planner", "audit"),
    "workspace": ("planner", "versions"),
    "boundaries": ("planner", "boundaries"),
    "edit": ("planner", "edit"),
    "investment": ("invest", ""),
}
PAGE_KEY = "sq_page"  # the running page's url_path, set by app.py from st.navigation
_MD_LINK = re.compile(r'href="([^"#:]+)\.md(#[^"]*)?"')
_IMG = re.compile(r'src="([^"/:]+\.(?:png|jpg|svg))"')
_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
# a line break inside a Chinese sentence is no space (the browser would show one); code blocks keep theirs
_CJK_BREAK = re.compile(rf"(?<=[{_CJK}])\n(?=[{_CJK}])")
_PRE = re.compile(r"(<pre>.*?</pre>)", re.S)
_LOCK = threading.Lock()
_started = False

PAGE = """<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif;
  max-width: 60rem; margin: 2rem auto; padding: 0 1.2rem; line-height: 1.65; color: #222; }}
h1, h2, h3 {{ line-height: 1.3; }} h2 {{ border-bottom: 1px solid #ddd; padding-bottom: .2rem; margin-top: 2.2rem; }}
code {{ background: #f3f3f3; padding: 0 .25rem; border-radius: 3px; }}
pre {{ background: #f6f6f6; padding: .7rem; overflow-x: auto; }} pre code {{ background: none; padding: 0; }}
table {{ border-collapse: collapse; margin: .6rem 0; }} th, td {{ border: 1px solid #ccc; padding: .25rem .5rem; }}
img {{ max-width: 100%; border: 1px solid #ddd; }} blockquote {{ color: #555; border-left: 3px solid #ccc;
  margin-left: 0; padding-left: 1rem; }}
</style></head><body>
{body}
</body></html>
"""


def render(markdown_text: str) -> str:
    """One guide as a standalone HTML page: links to other guides point at their HTML, pictures sit beside it."""
    import markdown  # only when the guides are rendered, never on the way to the first map

    body = markdown.markdown(markdown_text, extensions=["tables", "fenced_code"], output_format="html")
    names = {Path(md).stem: guide for guide, md in GUIDES.items()}
    body = _MD_LINK.sub(lambda m: _guide_href(names, m.group(1), m.group(2) or ""), body)
    body = "".join(part if part.startswith("<pre>") else _CJK_BREAK.sub("", part) for part in _PRE.split(body))
    title = markdown_text.lstrip().splitlines()[0].lstrip("# ").strip() if markdown_text.strip() else "sq-layout"
    return PAGE.format(title=html.escape(title), body=body)


def _guide_href(names: dict[str, str], stem: str, anchor: str) -> str:
    """A link to a guide's markdown, pointing at its rendered page (other .md files are not served)."""
    guide = names.get(stem)
    return f'href="{guide}.html{anchor}"' if guide else f'href="{stem}.md{anchor}"'


def publish_guides() -> list[Path]:
    """Render every guide in docs/ into static/help/ with the pictures it shows; files unchanged are not rewritten."""
    written = []
    for guide, md in GUIDES.items():
        source = DOCS / md
        if not source.exists():
            continue
        page = render(source.read_text(encoding="utf-8")).encode("utf-8")
        target = HELP_DIR / f"{guide}.html"
        if not target.exists() or hashlib.sha1(target.read_bytes()).digest() != hashlib.sha1(page).digest():
            HELP_DIR.mkdir(parents=True, exist_ok=True)
            write_bytes(target, page)
        for image in _IMG.findall(page.decode("utf-8")):
            src, dst = DOCS / image, HELP_DIR / image
            if src.exists() and (not dst.exists() or dst.stat().st_size != src.stat().st_size):
                shutil.copyfile(src, dst.with_suffix(dst.suffix + ".part"))
                dst.with_suffix(dst.suffix + ".part").replace(dst)
        written.append(target)
    return written


def _publish_once() -> None:
    """Render the guides once per server process, in the background once the first view is served (a click on Help
    comes seconds later)."""
    global _started
    with _LOCK:
        if _started:
            return
        _started = True
    from ui.warmup import after_first_view

    after_first_view(threading.current_thread(), publish_guides, "sq-help", HELP_WAIT_S)


def help_url(page: str | None) -> str:
    """The relative URL of the guide (and section) that explains a page."""
    guide, anchor = PAGE_GUIDE.get(page or "", ("planner", ""))
    return f"{HELP_URL}{guide}.html" + (f"#{anchor}" if anchor else "")


def help_link(lang: Lang) -> None:
    """The sidebar's 帮助 / Help link to the guide for the running page; it opens in a new tab."""
    _publish_once()
    page = st.session_state.get(PAGE_KEY)
    guide = PAGE_GUIDE.get(page or "", ("planner", ""))[0]
    st.sidebar.markdown(f"[{t('help_link', lang)} · {t(f'help_{guide}', lang)}]({help_url(page)})")
    rerun_mark()  # every page's sidebar has this link: the run mark goes with it
