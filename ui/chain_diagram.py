"""The 产业链图谱 view of the investment page: a chain's links by stage, graded, and the records behind a link."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from layers.chain_diagram import diagram_svg, legend_svg_html
from sq_layout.cache import cached
from sq_layout.chain_model import ChainDiagram, Node, node_label, rules_text
from sq_layout.i18n import Lang, by_lang, label, name_col, t
from sq_layout.i18n.lang import join_list
from sq_layout.i18n.shown import source
from sq_layout.invest.diagram import chain_diagram
from sq_layout.invest.names_en import shown_names
from sq_layout.invest.repository import InvestData
from sq_layout.plan.dataset import Dataset
from sq_layout.printing.chain_page import chain_page_bytes
from sq_layout.printing.printmap import FORMATS, PrintSpec
from ui import state
from ui.tables import MISSING

MIME = {"pdf": "application/pdf", "png": "image/png", "svg": "image/svg+xml"}
_MD = re.compile(r"([\\`*_{}\[\]<>()#+!|~$-])")


def md(text: str) -> str:
    """Text (names, quotes, the '*' of an app-read stage) shown literally by st.markdown/st.caption."""
    return _MD.sub(r"\\\1", text)


@cached(
    64,
    key="a Dataset and a chain's diagram (by identity: one per records revision), a link ('' for none) and a language",
    invalidated="a records save gives a new diagram (chain_diagram is kept per records revision)",
)
def _records_table(ds: Dataset, d: ChainDiagram, link_id: str, lang: Lang) -> pd.DataFrame:
    """A node's firms and projects (or the chain's on no link) as shown: by area (the plan's unplaced ones last),
    every value in `lang`; built once per diagram, link and language."""
    records = next((n.records for n in d.nodes if n.link_id == link_id), d.unlinked) if link_id else d.unlinked
    areas = ds.areas.set_index("area_id")[name_col(lang)]
    order = {a: i for i, a in enumerate(ds.areas["area_id"])}
    r = records.assign(_o=records["area_id"].map(lambda a: order.get(a, len(order)))).sort_values(["_o", "kind"])

    def words(col: str, say: Callable[[Any], str]) -> pd.Series:  # each distinct value said once
        return r[col].map({v: say(v) for v in r[col].unique()})

    plan = r["source"].astype(str).str.startswith("规划第")  # a name the plan gives (a user's stays as typed)

    def named(col: str) -> pd.Series:  # in English, a firm's own English name or the Chinese with marked pinyin
        return shown_names(r[col], plan, lang)

    out = pd.DataFrame(
        {
            "area": words("area_id", lambda a: str(areas.get(a, a)) if a else t("dg_no_place", lang)),
            "kind": words("kind", lambda k: t(f"dg_kind_{k}", lang)),
            "name": named("name"),
            "firm": named("firm"),
            "role": words("role", lambda x: label(x, lang) if x else ""),
            "investment_yi": words("investment_yi", lambda v: "" if pd.isna(v) else f"{v:g}"),  # no 'None'
            "stage": words("stage", lambda x: label(x, lang) if x else ""),
            "source": words("source", lambda x: source(x, lang)),
        }
    )
    return out.rename(columns={c: t(f"dg_col_{c}", lang) for c in out.columns})


def _node_panel(ds: Dataset, d: ChainDiagram, n: Node, lang: Lang) -> None:
    st.markdown(f"**{md(node_label(n, lang))}** · {t(f'dg_grade_{n.grade}', lang)} · {label(n.stage, lang)}")
    st.caption(t("dg_stage_app" if n.stage_basis == "app" else "dg_stage_plan", lang))
    inv = f"{n.investment_yi:g}"
    st.write(t("dg_counts", lang).format(f=n.firms, l=n.leaders, p=n.projects, inv=inv))
    st.markdown(f"**{t('dg_intents', lang)}**")
    colon = by_lang("：", ": ", lang)
    if n.intents:
        for i in n.intents:
            quote = t("dg_plan_line", lang).format(line=i.line, quote=i.quote)
            st.markdown(f"- {md(t(f'dg_intent_{i.intent}', lang))}{colon}{md(quote)}")
    else:
        st.caption(t("dg_intent_none", lang))
    if n.line is not None:
        st.caption(
            f"{t('dg_link_source', lang)}{colon}" + md(t("dg_plan_line", lang).format(line=n.line, quote=n.quote))
        )
    areas = ds.areas.set_index("area_id")[name_col(lang)]
    st.caption(md(t("dg_hosts", lang).format(areas=join_list((str(areas.get(a, a)) for a in d.hosts), lang))))
    st.markdown(f"**{t('dg_records', lang)}**")
    if len(n.records):
        table = _records_table(ds, d, n.link_id, lang)
        if len(table) <= 60:  # a plain table reads (and prints, and is found by a screen reader) as text
            st.table(table.set_index(table.columns[0]))
        else:
            st.dataframe(table, hide_index=True, width="stretch", placeholder=MISSING, key="dg_records")
    else:
        st.info(t("dg_no_records", lang))


def chain_view(ds: Dataset, data: InvestData, lang: Lang, default_chain: int) -> None:
    """The chosen chain's diagram, its grade rules, a link picker with the link's records, and print downloads."""
    ss = st.session_state
    chains = ds.chains.set_index("chain_no")[name_col(lang)]
    if ss.get("dg_chain") not in set(chains.index):
        ss.dg_chain = default_chain if default_chain in set(chains.index) else int(chains.index[0])
    chain_no = st.selectbox(
        t("dg_chain", lang), list(chains.index), key=state.resend("dg_chain"), format_func=lambda c: f"{c}. {chains[c]}"
    )
    d = chain_diagram(ds, data, int(chain_no))
    name = by_lang(d.name, d.name_en, lang)
    st.subheader(md(t("dg_title", lang).format(name=name) + (t("dg_demo", lang) if d.demo else "")))
    if d.demo:
        st.warning(t("inv_demo_banner", lang))
    st.caption(t("dg_caption", lang))
    if not d.nodes:
        st.info(t("dg_no_links", lang))
        return
    ids = [n.link_id for n in d.nodes]
    key = f"dg_node_{chain_no}"
    if ss.get(key) not in ids:
        ss[key] = ids[0]
    nodes = {n.link_id: n for n in d.nodes}
    chosen = ss[key]
    # st.html's sanitiser drops inline SVG; markdown keeps it (every text in it escaped by diagram_svg)
    st.markdown(f'<div class="sq-chain">{diagram_svg(d, lang, chosen)}</div>', unsafe_allow_html=True)
    st.html(legend_svg_html(lang))
    st.caption(md(rules_text(d.rules, lang)))
    st.caption(md(t("dg_stage_note", lang)))
    st.caption(
        t("dg_output", lang).format(year=d.output[0], v=f"{d.output[1]:g}") if d.output else t("dg_no_output", lang)
    )
    st.selectbox(
        t("dg_node", lang),
        ids,
        key=state.resend(key),
        format_func=lambda i: (
            f"{label(nodes[i].stage, lang)} · {node_label(nodes[i], lang)} ({t(f'dg_grade_{nodes[i].grade}', lang)})"
        ),
    )
    _node_panel(ds, d, nodes[ss[key]], lang)
    if len(d.unlinked):
        with st.expander(t("dg_unlinked", lang) + f" ({len(d.unlinked)})"):
            st.dataframe(_records_table(ds, d, "", lang), hide_index=True, width="stretch", placeholder=MISSING)
    st.caption(t("dg_approx", lang))
    st.markdown(f"**{t('dg_print', lang)}**")
    c1, c2, c3 = st.columns(3)
    paper = c1.selectbox(t("dg_paper", lang), ["a4", "a3"], key="dg_paper", format_func=str.upper)
    fmt = c2.selectbox(
        t("dg_format", lang), list(FORMATS), index=list(FORMATS).index("pdf"), key="dg_fmt", format_func=str.upper
    )
    with c3:
        st.download_button(
            t("dg_download", lang).format(fmt=fmt.upper()),
            lambda: chain_page_bytes(ds, d, PrintSpec(paper=paper, dpi=150, lang=lang), fmt),
            f"sq-chain-{chain_no}.{fmt}",
            MIME[fmt],
            on_click="ignore",
            key="dg_dl",
        )
