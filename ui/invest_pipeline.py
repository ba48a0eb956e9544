"""The 项目推进 view of the investment page: projects by stage, moving one forward (editors), the month's 通报 on
screen with XLSX/PDF downloads, and the year's progress exports."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from sq_layout.errors import UserError
from sq_layout.i18n import Lang, label, t
from sq_layout.i18n.lang import display_width
from sq_layout.invest.names_en import shown_names
from sq_layout.invest.pipeline import advance, bulletin, readable
from sq_layout.invest.repository import InvestData, Repository
from sq_layout.invest.schemas import STAGE_DATES, STAGES
from sq_layout.invest.seed import read_targets
from sq_layout.invest.targets import year_choices
from sq_layout.plan.dataset import Dataset
from ui import invest_repo, state
from ui.tables import show_table

NAME_CHARS = 16  # a text column longer than this is narrowed in a table too wide for the page (_narrowed)
PAGE_CHARS = 130  # ≈ how many columns of text (a Chinese character two) fit across the page at 1366–1440 px
NARROW_PX = 140  # the width a long text column is narrowed to


def _narrowed(table: pd.DataFrame) -> dict[str, object]:
    """Column widths for a table wider than the page: its long text columns (names, chains) are narrowed (the whole
    text on hover), so the date, investment and who recorded a move stay in sight, not past a sideways
    scroll; a table that fits is left as it is."""
    chars = {c: max(display_width(str(v)) for v in [c, *table[c].astype(str)]) for c in table.columns}
    if sum(chars.values()) <= PAGE_CHARS:
        return {}
    long = [c for c, n in chars.items() if n > NAME_CHARS and not pd.api.types.is_numeric_dtype(table[c])]
    return {c: st.column_config.TextColumn(width=NARROW_PX) for c in long}


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _months(data: InvestData) -> list[str]:
    """Months with a stage date or a new target firm, newest first (this month when there are none)."""
    stamps = pd.concat([data.projects[c] for c in STAGE_DATES] + [data.prospects["date_added"]]).dropna()
    months = sorted({d.strftime("%Y-%m") for d in stamps}, reverse=True)
    return months or [date.today().strftime("%Y-%m")]


def _history(repo: Repository) -> list[object]:
    history = getattr(repo, "history", None)
    return list(history()) if callable(history) else []


def _move_form(ds: Dataset, data: InvestData, repo: Repository, lang: Lang) -> None:
    """Pick a project, the stage it reached and the date; saved with history (editors only)."""
    st.markdown(f"**{t('pv_move', lang)}**")
    if not repo.can_write():
        invest_repo.signin_hint(repo, lang)
        return
    open_ = data.projects[data.projects["stage"] != STAGES[-1]]
    if open_.empty:
        st.info(t("pv_nothing_to_move", lang))
        return
    shown = shown_names(open_["name"], open_["origin"] == "plan", lang)
    stages = open_["stage"].map(lambda s: label(s, lang))
    names = dict(zip(open_["project_id"], shown, strict=True))
    # the stage first in the choice: a long name is cut at the end
    choices = {pid: f"{at} · {name}" for pid, name, at in zip(open_["project_id"], shown, stages, strict=True)}
    c1, c2, c3 = st.columns([3, 1.2, 1.2])
    pid = c1.selectbox(t("pv_project", lang), list(names), key="pv_project", format_func=lambda i: choices[i])
    now = STAGES.index(str(open_.set_index("project_id").at[pid, "stage"]))
    later = list(STAGES[now + 1 :])
    stage = c2.selectbox(
        t("pv_to", lang), later, key=state.resend(f"pv_to_{pid}"), format_func=lambda s: label(s, lang)
    )
    day = c3.date_input(t("pv_date", lang), value=date.today(), key="pv_date")
    if st.button(t("pv_move_btn", lang), key="pv_move_btn"):
        try:
            moved = advance(data, str(pid), str(stage), day if isinstance(day, date) else date.today(), lang)
        except UserError as exc:
            st.error(exc.text(lang))
            return
        if invest_repo.save(repo, moved, f"{choices[pid]} → {stage}", lang):
            st.session_state.inv_cache = {}
            st.session_state.pv_msg = t("pv_moved", lang).format(name=names[pid], stage=label(str(stage), lang))
            st.rerun()
    if st.session_state.get("pv_msg"):
        st.success(st.session_state.pop("pv_msg"))


def pipeline_view(ds: Dataset, data: InvestData, repo: Repository, lang: Lang) -> None:
    """Stage counts, the move form, the monthly bulletin and the progress exports."""
    from sq_layout.invest.reports import bulletin_xlsx, progress_tables, progress_xlsx
    from sq_layout.printing.bulletin import bulletin_pdf, progress_pdf

    if data.demo:
        st.warning(t("inv_demo_banner", lang))
    st.caption(t("pv_caption", lang))
    counts = data.projects.groupby("stage").agg(n=("project_id", "size"), yi=("investment_yi", "sum"))
    counts = counts.reindex(list(STAGES), fill_value=0).reset_index()
    show_table(
        pd.DataFrame(
            {
                t("pv_stage", lang): counts["stage"].map(lambda s: label(s, lang)),
                t("pv_count", lang): counts["n"],
                t("bl_h_investment", lang): counts["yi"].round(2),
            }
        )
    )
    _move_form(ds, data, repo, lang)

    st.markdown(f"**{t('pv_bulletin', lang)}**")
    months = _months(data)
    if st.session_state.get("pv_month") not in months:
        st.session_state.pv_month = months[0]
    month = st.selectbox(t("pv_month", lang), months, key="pv_month")
    b = bulletin(ds, data, _history(repo), str(month), read_targets())
    sections = readable(ds, b, lang)
    for heading, table in sections.items():
        st.markdown(f"*{heading}*")
        if len(table):
            show_table(table, column_config=_narrowed(table))
        else:
            st.caption(t("bl_none", lang))
    c1, c2 = st.columns(2)
    c1.download_button(
        t("pv_bulletin_xlsx", lang), lambda: bulletin_xlsx(ds, b, lang), f"sq-bulletin-{month}.xlsx", XLSX,
        on_click="ignore", key="pv_dl_bx",
    )  # fmt: skip
    c2.download_button(
        t("pv_bulletin_pdf", lang), lambda: bulletin_pdf(sections, b.month, b.demo, lang), f"sq-bulletin-{month}.pdf",
        "application/pdf", on_click="ignore", key="pv_dl_bp",
    )  # fmt: skip

    st.markdown(f"**{t('pv_report', lang)}**")
    years, default = year_choices(data.projects, data.actuals)
    year = st.selectbox(t("inv_targets_year", lang), years, index=years.index(default), key="pv_year")
    c1, c2 = st.columns(2)
    c1.download_button(
        t("pv_report_xlsx", lang), lambda: progress_xlsx(ds, data, int(year), lang), f"sq-progress-{year}.xlsx", XLSX,
        on_click="ignore", key="pv_dl_rx",
    )  # fmt: skip
    c2.download_button(
        t("pv_report_pdf", lang),
        lambda: progress_pdf(progress_tables(ds, data, int(year), lang), int(year), data.demo, lang),
        f"sq-progress-{year}.pdf",
        "application/pdf", on_click="ignore", key="pv_dl_rp",
    )  # fmt: skip
