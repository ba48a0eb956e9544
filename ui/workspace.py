"""The Workspace page: plan versions with their lineage, the version the app shows, the import template, plan import
(a draft once the workspace has accounts), publishing a draft (admin), comparison."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from layers.assets import ensure_leaflet
from layers.compare import compare_legend_html, compare_map
from sq_layout import workspace
from sq_layout.analysis.compare import TITLES, Comparison, chain_status, compare, readable_tables
from sq_layout.auth.roles import allowed
from sq_layout.errors import DataError, EditRejected, PermissionDenied, WorkspaceUnavailable
from sq_layout.geo.simplify import cached_browser_geometry
from sq_layout.i18n import HEADERS, Lang, by_lang, label, name_col, t
from sq_layout.i18n.lang import join_list
from sq_layout.i18n.shown import when, who, with_zone
from sq_layout.plan.dataset import Dataset
from sq_layout.plan.join import areas_frame
from sq_layout.store.engine import shown_db
from sq_layout.store.workspace_store import Workspace
from sq_layout.upload_limits import describe
from sq_layout.workspace import shown_title
from ui.shared import page_language, upload_widget
from ui.signin import signin_box
from ui.tables import MISSING, show_table
from ui.versionpick import chosen_version, shown_note

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ss = st.session_state
lang = page_language()  # the one view state's language, shared with every page
st.title(t("ws_page", lang))
try:
    ws = workspace.workspace()
except WorkspaceUnavailable as exc:
    st.error(exc.text(lang))
    st.stop()
ensure_leaflet()
st.caption(f"{t('ws_db', lang)}: `{shown_db(ws.url)}`")  # a file or database name, as it is typed
accounts = ws.accounts_exist()  # none yet: a single-user install, where everyone acts as 'local'
user: str | None = None
role: str | None = None
if accounts:
    with st.sidebar:
        user, role = signin_box(ws, lang)
if "ws_flash" in ss:
    st.success(ss.pop("ws_flash"))

versions = ws.versions()
ids = [v.id for v in versions]
kind_shown = by_lang("（{}）", " ({})", lang)  # brackets of the reader's script
titles = {v.id: f"{v.id} · {shown_title(v, lang)}" + kind_shown.format(label(v.kind, lang)) for v in versions}
latest = ws.latest_id()

OTHER = by_lang("en", "zh", lang)


def carried(key: str, default: int) -> tuple[int, str]:
    """For a version picker whose options are shown in the page's language: the value chosen under the other
    language's key (or `default`) and this language's key. A switch makes a new widget (a kept widget would go on
    showing the old language's words); it starts on the reader's choice."""
    value = ss.get(f"{key}_{OTHER}", default)
    return (value if value in ids else default), f"{key}_{lang}"


def import_section(
    ws: Workspace, user: str | None, role: str | None, titles: dict[int, str], latest: int, lang: Lang
) -> None:
    """Plan files imported as a new version (a draft where there are accounts), from a chosen base."""
    accounts, ids = ws.accounts_exist(), list(titles)
    st.subheader(t("ws_import", lang))
    st.caption(t("ws_import_help", lang))
    if accounts and not allowed(role, "import"):
        st.info(t("ws_signin_to_import", lang))  # no upload is offered, so a visitor's file is never read
    else:
        st.caption(t("ws_import_makes_draft" if accounts else "ws_import_publishes", lang))
        base_default, base_key = carried(f"ws_base_{latest}", latest)
        base_id = st.selectbox(
            t("ws_base", lang), ids, index=ids.index(base_default), format_func=lambda v: titles[v], key=base_key
        )
        stale = ws.stale_base(base_id)
        if stale:
            st.warning(t("ws_stale_warning", lang).format(base=stale[0], latest=stale[1]))
        with st.form("ws_import_form"):
            # tables (20 MB each) or a zipped version (50 MB): the larger is said, each file is checked by its kind
            files = upload_widget(
                t("ws_files", lang),
                "bundle",
                lang,
                key="ws_files",
                type=["xlsx", "csv", "txt", "zip"],
                accept_multiple_files=True,
            )
            title = st.text_input(t("ws_title", lang), placeholder=t("ws_title_example", lang))
            confirm = False
            if stale and not accounts:  # published at once: superseding a newer version needs a yes
                confirm = st.checkbox(t("ws_confirm_stale", lang).format(latest=stale[1]), key="ws_confirm_stale")
            go = st.form_submit_button(t("ws_do_import", lang))
        if go and files:
            from sq_layout.imports.plan_import import import_plan

            with tempfile.TemporaryDirectory() as tmp:
                paths = []
                for i, f in enumerate(files):
                    path = Path(tmp) / f"{i}{Path(f.name).suffix.lower()}"
                    path.write_bytes(f.getvalue())
                    paths.append(path)
                try:
                    result = import_plan(
                        ws,
                        paths,
                        names=[f.name for f in files],
                        base_version_id=base_id,
                        title=title or None,
                        user=user,
                        confirm_stale_base=confirm,
                        lang=lang,
                    )
                except PermissionDenied:
                    st.error(t("ws_signin_to_import", lang))
                except EditRejected as exc:
                    for m in exc.messages(lang):
                        st.error(m)
                except DataError as exc:
                    st.error(t("ws_rejected", lang))
                    st.text(describe(exc, lang))
                else:
                    ss.ws_result = result
                    st.rerun()  # list the new version and compare with it
    if ss.get("ws_result"):
        done = ss.ws_result
        if done.kind == "draft":
            st.success(f"{t('ws_imported_draft', lang)} {done.version_id}: {done.title}")
        else:
            note = f" · {t('ws_supersedes', lang).format(latest=done.supersedes)}" if done.supersedes else ""
            st.success(f"{t('ws_imported', lang)} {done.version_id}: {done.title}{note}")
        if done.undrawn:
            st.info(f"{t('ws_undrawn', lang)}: {join_list(done.undrawn, lang)}")


def publish_section(ws: Workspace, user: str | None, role: str | None, titles: dict[int, str], lang: Lang) -> None:
    """An open draft published (admins): its title, date and reason; a stale base needs a yes."""
    from sq_layout.store.drafts import open_drafts, publish, publish_check

    st.subheader(t("ws_publish", lang))
    waiting = open_drafts(ws)
    if not allowed(role, "publish"):
        st.caption(t("ws_publish_admin_only", lang))
    elif not waiting:
        st.caption(t("ws_no_drafts", lang))
    else:
        draft_default, draft_key = carried("ws_pub_pick", waiting[0])
        draft = st.selectbox(
            t("ws_publish_draft", lang),
            waiting,
            index=waiting.index(draft_default) if draft_default in waiting else 0,
            format_func=lambda v: titles[v],
            key=draft_key,
        )
        draft_base, now_latest = publish_check(ws, draft)
        if draft_base != now_latest:
            st.warning(t("ws_stale_warning", lang).format(base=draft_base, latest=now_latest))
        st.info(t("ws_publish_will", lang).format(draft=draft, latest=now_latest))
        with st.form("ws_publish_form"):
            default = ws.info(draft).title.replace("草案", "").strip()
            pub_title = st.text_input(t("ws_publish_title", lang), value=default, key=f"ws_pub_title_{draft}")
            pub_date = st.date_input(t("ws_publish_date", lang), value=dt.date.today(), key="ws_pub_date")
            pub_reason = st.text_input(t("ws_publish_reason", lang), key="ws_pub_reason", max_chars=500)
            pub_confirm = False
            if draft_base != now_latest:
                pub_confirm = st.checkbox(t("ws_confirm_stale", lang).format(latest=now_latest), key="ws_pub_ok")
            go_publish = st.form_submit_button(t("ws_do_publish", lang))
        if go_publish:
            try:
                publish(ws, user, draft, pub_title, pub_date.isoformat(), pub_reason, confirm_stale_base=pub_confirm)
            except PermissionDenied:
                st.error(t("ws_publish_admin_only", lang))
            except EditRejected as exc:
                for m in exc.messages(lang):
                    st.error(m)
            else:
                superseded = ws.info(draft).supersedes
                ss.ws_flash = t("ws_published", lang).format(id=draft, latest=superseded)
                st.rerun()


def compare_view(cmp: Comparison, a: Dataset, b: Dataset, chain: int, lang: Lang) -> dict[str, pd.DataFrame]:
    """The two versions' differences on a map (for one chain, or every industry) and as tables; the tables."""
    if not cmp.changed:
        st.info(t("ws_no_change", lang))
    if chain:
        status = chain_status(cmp, int(chain))
        details = pd.Series(dtype="str")
    else:
        status = cmp.areas.set_index("area_id")["status"]
        names = dict(
            zip(
                pd.concat([a.industries, b.industries])["industry_id"],
                pd.concat([a.industries, b.industries])[name_col(lang)],
                strict=True,
            )
        )
        details = cmp.areas.set_index("area_id").apply(
            lambda r: "".join(
                f"<br>{sign} {names.get(i, i)}" for sign, col in (("+", "gained"), ("−", "lost")) for i in r[col]
            ),
            axis=1,
        )
    both = [cached_browser_geometry(areas_frame(d)) for d in (b, a)]  # simplified once per version, kept on disk
    geo = pd.concat(both).drop_duplicates("area_id")
    m_col, l_col = st.columns([4, 1])
    with m_col:
        st_folium(
            compare_map(geo, status, details, lang),
            returned_objects=[],
            key="cmpmap",
            height=520,
            use_container_width=True,
        )
    with l_col:
        present = [s for s in ("gained", "lost", "both", "unchanged", "new", "dropped") if s in set(status)]
        st.html(compare_legend_html([*present, "none"] if chain else present, lang))
    tables = readable_tables(cmp, a, b, lang)  # names, changes as words and headers in the reader's language
    for key, name in TITLES.items():
        st.markdown(f"**{t(name, lang)}**")
        st.dataframe(tables[key], hide_index=True, width="stretch", placeholder=MISSING)
    return tables


st.subheader(t("ws_versions", lang))
listing = pd.DataFrame(
    {
        "id": [v.id for v in versions],
        "title": [shown_title(v, lang) for v in versions],
        "kind": [label(v.kind, lang) for v in versions],
        with_zone(HEADERS["created"][lang], lang): [when(v.created, lang) for v in versions],
        t("ws_col_lineage", lang): [f"v{v.parent_id} → v{v.id}" if v.parent_id else f"v{v.id}" for v in versions],
        t("ws_col_author", lang): [who(v.created_by, lang) for v in versions],
        t("ws_col_supersedes", lang): [f"v{v.supersedes}" if v.supersedes else "" for v in versions],
        t("ws_col_published_by", lang): [who(v.published_by, lang) for v in versions],
        "version_note": [shown_note(v, lang) for v in versions],
    }
)
show_table(listing, lang)
shown = chosen_version() or latest  # the one the other pages show (v= or the session's choice)
pick = st.selectbox(
    t("ws_show", lang),
    ids,
    index=ids.index(shown),
    format_func=lambda v: titles[v],
    key=f"ws_pick_{latest}_{shown}_{lang}",
)
if pick != shown:
    ss.ws_version = pick
    st.query_params["v"] = str(pick)
    st.rerun()
st.page_link("ui/explorer.py", label=t("ws_open_map", lang), query_params={"v": str(pick)})

with st.expander(t("ws_template", lang)):
    base_tpl = st.selectbox(t("ws_template_base", lang), ids, index=ids.index(pick), format_func=lambda v: titles[v])

    def _template() -> bytes:
        from sq_layout.imports.plan_template import template_bytes

        return template_bytes(workspace.dataset(base_tpl))

    st.download_button(
        t("ws_template", lang), _template, file_name=f"plan-template-v{base_tpl}.xlsx", mime=XLSX, on_click="ignore"
    )

import_section(ws, user, role, titles, latest, lang)
if accounts:
    publish_section(ws, user, role, titles, lang)


st.subheader(t("ws_compare", lang))
c1, c2 = st.columns(2)
baseline = next(v.id for v in versions if v.kind == "baseline")
before_default, before_key = carried(f"cmp_a_{latest}", baseline)
after_default, after_key = carried(f"cmp_b_{latest}", latest)
before = c1.selectbox(
    t("ws_before", lang), ids, index=ids.index(before_default), format_func=lambda v: titles[v], key=before_key
)
after = c2.selectbox(
    t("ws_after", lang), ids, index=ids.index(after_default), format_func=lambda v: titles[v], key=after_key
)
a, b = workspace.dataset(before), workspace.dataset(after)
cmp = compare(a, b)
chains = dict(zip(cmp.chains["chain_no"], cmp.chains["name"], strict=True))
# English names where either version has one; a chain new in a version keeps its own name
if by_lang(False, True, lang):
    for d in (a, b):
        chains |= {c: n for c, n in zip(d.chains["chain_no"], d.chains["name_en"], strict=True) if c in chains and n}
chain = st.selectbox(
    t("ws_chain_filter", lang),
    [0, *chains],
    format_func=lambda c: f"{c}. {chains[c]}" if c else t("ws_all_industries", lang),
)
tables = compare_view(cmp, a, b, int(chain), lang)


def _cmp_xlsx() -> bytes:
    from sq_layout.export.dataexport import xlsx

    return xlsx(tables, lang)


st.download_button(
    t("ws_download_cmp", lang), _cmp_xlsx, file_name=f"compare-v{before}-v{after}.xlsx", mime=XLSX, on_click="ignore"
)

st.subheader(t("ws_export", lang))
ex_default, ex_key = carried(f"ws_export_v_{latest}", pick)
ex = st.selectbox(t("ws_export", lang), ids, index=ids.index(ex_default), format_func=lambda v: titles[v], key=ex_key)
cols = st.columns(3)
for col, (fmt, mime) in zip(
    cols, (("gpkg", "application/geopackage+sqlite3"), ("xlsx", XLSX), ("zip", "application/zip")), strict=True
):

    def _bytes(fmt: str = fmt) -> bytes:
        from sq_layout.export.version_export import version_bytes

        return version_bytes(fmt, workspace.dataset(ex), lang)

    col.download_button(
        fmt.upper(), _bytes, file_name=f"plan-v{ex}.{fmt}", mime=mime, on_click="ignore", key=f"ex_{fmt}"
    )
