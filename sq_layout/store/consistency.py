"""The store's own consistency check for one version: what an import would demand, plus the editing invariants.

It runs while a draft is published, before the reader's language is known: each problem is kept in both languages
(a `Said`, or the import check's sentence worded in each) and said in the publisher's (errors.EditRejected)."""

from __future__ import annotations

from sqlalchemy import Connection, func, select

from sq_layout.errors import ImportRejected
from sq_layout.i18n import LANGS
from sq_layout.i18n.lang import Said
from sq_layout.i18n.shown import sheet_name
from sq_layout.plan.check import build, raw_tables
from sq_layout.plan.dataset import Dataset
from sq_layout.store import tables as t
from sq_layout.store.changes import change_sets as changes
from sq_layout.store.edit_tables import drafts
from sq_layout.store.version_rows import read_frame
from sq_layout.store.workspace_store import Workspace


def _dataset(conn: Connection, vid: int) -> Dataset:
    sha = select(t.versions.c.plan_text_sha).where(t.versions.c.id == vid).scalar_subquery()
    text = conn.execute(select(t.plan_texts.c.text).where(t.plan_texts.c.sha256 == sha)).scalar_one()
    frames = {name: read_frame(conn, name, vid) for name in t.RECORD_COLUMNS}
    return Dataset(**frames, plan_lines=tuple(text.split("\n")))


Problem = Said | dict[str, str]  # a sentence of the string tables, or one already worded in each language


def _table(name: str) -> dict[str, str]:
    """A record table's name in each language."""
    return {lang: sheet_name(name, lang) for lang in LANGS}


def _import_checks(ds: Dataset) -> list[Problem]:
    worded: dict[str, list[str]] = {}
    for lang in LANGS:  # a consistent version passes at once; a failing one is checked again to say it in both
        labels = {name: sheet_name(name, lang) for name in t.RECORD_COLUMNS}
        try:
            build(raw_tables(ds), labels, ds.plan_lines, ds.boundaries, "version", lang=lang)
        except ImportRejected as exc:
            worded[lang] = [p if isinstance(p, str) else p.text(lang) for p in exc.problems]
        if lang not in worded:
            return []
    zh, en = worded["zh"], worded["en"]
    if len(zh) != len(en):  # the same checks on the same rows: never expected, but never a traceback either
        return [{"zh": p, "en": p} for p in en]
    return [{"zh": a, "en": b} for a, b in zip(zh, en, strict=True)]


def _editing_checks(conn: Connection, vid: int, ds: Dataset) -> list[Problem]:
    out: list[Problem] = []
    for name in ("assignments", "details"):
        dupes = getattr(ds, name).duplicated(keep=False)
        out += [Said("cs_row_twice", table=_table(name), row=i) for i in dupes[dupes].index]
    names = ds.areas.set_index("area_id")
    dup_areas = ds.boundaries["area_id"][ds.boundaries["area_id"].duplicated()]
    out += [
        Said("cs_area_twice", area={"zh": names.at[a, "name"], "en": names.at[a, "name_en"]} if a in names.index else a)
        for a in dup_areas
    ]
    for name, tab in t.records.items():
        bad = conn.execute(select(func.count()).where(tab.c.version_id == vid, tab.c.rev < 1)).scalar_one()
        if bad:
            out.append(Said("cs_bad_revision", table=_table(name), n=bad))
    kind = conn.execute(select(t.versions.c.kind).where(t.versions.c.id == vid)).scalar_one()
    open_draft = conn.execute(select(drafts.c.rev).where(drafts.c.version_id == vid)).scalar() is not None
    if open_draft != (kind == "draft"):
        out.append(Said("cs_draft_mark" if open_draft else "cs_draft_unmarked", v=vid))
    own = select(changes.c.id).where(changes.c.version_id == vid)
    for col in (changes.c.reverts, changes.c.reverted_by):
        stray = select(func.count()).where(changes.c.version_id == vid, col.is_not(None), col.not_in(own))
        if conn.execute(stray).scalar_one():
            out.append(Said("cs_stray_revert", v=vid))
    return out


def problems(ws: Workspace, version_id: int, conn: Connection | None = None) -> list[Problem]:
    """Every inconsistency found in a version (empty: consistent). Runs inside `conn` when given."""
    if conn is None:
        with ws.engine.connect() as own:
            return problems(ws, version_id, own)
    ds = _dataset(conn, version_id)
    return _import_checks(ds) + _editing_checks(conn, version_id, ds)
